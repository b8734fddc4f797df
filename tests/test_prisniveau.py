"""Et år, der kun er offentliggjort i et senere års priser (issue 12): budgetfilen siger, hvilke
priser dens beløb står i (``prisniveau``), og sammenligningen regner fra dem, uden opfundet PL."""

import json

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, beregn_rapport, ret
from tilsynstakst.cli.app import app
from tilsynstakst.fund import Inputfejl
from tilsynstakst.budgetfil.laes import laes_budget

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_2022_i_2023_priser_behoever_ingen_pl_for_2022(mappe):
    """PL-indekset har ikke 2022, og det skal det ikke: begge filer står i 2023-priser."""
    assert "2022" not in (mappe / "pl-indeks.toml").read_text(encoding="utf-8")
    r = beregn_rapport(mappe, 2023, "stoerste-rest")
    assert r.pl_faktor == 1
    assert r.forrige_aar.budget["tilbudsafdelingen"] == 15493476  # som offentliggjort
    (mappe / "pl-indeks.toml").unlink()  # heller ikke indekset selv
    assert beregn_rapport(mappe, 2023, "stoerste-rest").forrige_aar.budget["samlet"] == 34763775


def test_uden_prisniveau_var_2022_blevet_fremskrevet_igen(mappe):
    """Uden ``prisniveau`` er 2022.toml i 2022-priser, og sammenligningen kræver en PL for 2022,
    som ingen kilde har: en inputfejl, ikke et tal ganget med en opfundet faktor."""
    ret(mappe / "2022.toml", "prisniveau = 2023\n", "")
    with pytest.raises(Inputfejl, match="PL-indekset mangler året 2022"):
        beregn_rapport(mappe, 2023, "stoerste-rest")


def test_kolonnerne_siger_prisniveauet(mappe):
    r = kør("beregn", 2023, "-b", mappe, "-f", "markdown")
    assert r.exit_code == 0, r.output
    assert "| Kr. | År 2022 (i 2023-priser) | År 2023 | Ændring i kr. | Ændring i pct. |" \
        in r.stdout
    assert "Beløb 2022 (i 2023-priser)" in r.stdout
    assert ("2022 er vist i 2023-priser, som budgetfilen for 2022 angiver beløbene "
            "(prisniveau = 2023); der er ingen PL-fremskrivning.") in r.stdout


def test_et_aar_alene_i_et_senere_aars_priser_siger_det(mappe):
    r = kør("beregn", 2022, "-b", mappe, "-f", "markdown")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("## Socialtilsyn Nord – Budget 2022 (i 2023-priser)")
    assert "Budgetfilen angiver beløbene i 2023-priser." in r.stdout
    assert "| Budget samlet | 34.763.775 |" in r.stdout
    assert "År 2022 (i 2023-priser)" in r.stdout


def test_json_har_prisniveauet_for_hvert_aar(mappe):
    d = json.loads(kør("beregn", 2023, "-b", mappe, "-f", "json").stdout)
    assert (d["forrige_aar"]["prisniveau"], d["forrige_aar"]["filens_priser"]) == (2023, 2023)
    assert d["pl_faktor"] == 1


def test_prisniveau_foer_budgetaaret_afvises(mappe):
    ret(mappe / "2022.toml", "prisniveau = 2023", "prisniveau = 2021")
    r = kør("beregn", 2022, "-b", mappe)
    assert r.exit_code == 2
    assert r.stderr.strip().endswith("2022.toml:8: prisniveau: er 2021, før budgetåret 2022; et "
                                     "år offentliggøres i sine egne eller et senere års priser")


def test_ny_fremskriver_fra_det_forrige_aars_prisniveau(mappe):
    """2022.toml står i 2023-priser, så 'ny 2023' fører beløbene over uændret (faktor 1), ikke
    × PL 2022-2023 endnu en gang."""
    (mappe / "2023.toml").unlink()
    (mappe / "2024.toml").unlink()
    ret(mappe / "pl-indeks.toml", "2023 = 100", "2022 = 97\n2023 = 100")
    r = kør("ny", 2023, "-b", mappe)
    assert r.exit_code == 0, r.output
    ny = laes_budget(mappe / "2023.toml")
    gl = laes_budget(BUDGETS / "2022.toml")
    assert ny.budget.tilbudsafdelingen == gl.budget.tilbudsafdelingen == 15493476
    assert ny.prisniveau is None and ny.priser == 2023
