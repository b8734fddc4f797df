"""``tilsynstakst skema``: JSON Schema af modellerne; de leverede filer består det, fejl gør ikke."""

import json
import tomllib
from decimal import Decimal

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, ROD
from tilsynstakst.cli.app import app
from tilsynstakst.budgetfil.jsonskema import skema, skema_json

runner = CliRunner()


def _som_json(x):
    """TOML-data som JSON-data (Decimal → tal), som en editor ser dem."""
    return json.loads(json.dumps(x, default=float))


def _validator(navn):
    return jsonschema.Draft202012Validator(skema(navn))


@pytest.mark.parametrize("navn", ["budget", "pl-indeks"])
def test_de_gemte_skemaer_er_opdaterede(navn):
    gemt = (ROD / "skema" / f"{navn}.schema.json").read_text(encoding="utf-8")
    assert gemt == skema_json(navn), "kør: tilsynstakst skema > skema/..."
    r = runner.invoke(app, ["skema", navn])
    assert r.exit_code == 0 and r.stdout == gemt
    jsonschema.Draft202012Validator.check_schema(json.loads(gemt))


@pytest.mark.parametrize("fil", ["2023.toml", "2024.toml"])
def test_budgetfilerne_bestaar_skemaet(fil):
    data = tomllib.loads((BUDGETS / fil).read_text(encoding="utf-8"), parse_float=Decimal)
    _validator("budget").validate(_som_json(data))


def test_pl_indekset_bestaar_skemaet():
    data = tomllib.loads((BUDGETS / "pl-indeks.toml").read_text(encoding="utf-8"),
                         parse_float=Decimal)
    _validator("pl-indeks").validate(_som_json(data))


@pytest.mark.parametrize("aendring", [
    lambda d: d["antal"].update(plejefamilie=860),             # stavefejl
    lambda d: d["antal"]["pr_takstgruppe"].update(tilbud=[1, 2, -3, 4]),
    lambda d: d["normtimer"].update(tilsyn=0),
    lambda d: d["budget"].update(tilbudsafdelingen="mange"),
    lambda d: d["befolkning"].update(kvartal="2. kvt. 2023"),
    lambda d: d.pop("normtimer"),
])
def test_skemaet_fanger_typiske_fejl(aendring):
    data = tomllib.loads((BUDGETS / "2024.toml").read_text(encoding="utf-8"), parse_float=Decimal)
    aendring(data)
    assert list(_validator("budget").iter_errors(_som_json(data)))
