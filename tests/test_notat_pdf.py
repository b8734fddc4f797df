"""Hvert leveret notat som sider: Word-notatet gjort til PDF med LibreOffice og læst med
``pdftotext -layout``, som en læser i KKR ser det. Intet beløb, intet kommunenavn og intet
"§ NN" er delt over to linjer; hovedet står der; hver tabeltekst står over sin tabel; og hvert
tal fra 2024-notatet (tastet ind i test_notat_2024.py) står stadig i teksten.

Kræver LibreOffice og poppler (``.ci/run`` installerer dem fra Debians pakker); mangler de, og
kan de ikke installeres, springes testen over med grunden."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, ROD
from test_notat_2024 import FINANSIERING
from tilsynstakst.cli.app import app
from tilsynstakst.tal import tal

MANGLER = [p for p in ("soffice", "pdftotext") if shutil.which(p) is None]
pytestmark = pytest.mark.skipif(
    bool(MANGLER), reason=f"{' og '.join(MANGLER)} mangler (LibreOffice/poppler; .ci/run "
                          "installerer dem, hvor apt-get må bruges)")

NOTATER = {"2024": (BUDGETS, 2024), "2023": (BUDGETS, 2023),
           "midt-2023": (ROD / "andre" / "midt", 2023)}


@pytest.fixture(scope="module")
def pdftekst(tmp_path_factory) -> dict[str, str]:
    mappe = tmp_path_factory.mktemp("pdf")
    tekster = {}
    for navn, (budgetmappe, aar) in NOTATER.items():
        docx = mappe / f"{navn}.docx"
        r = CliRunner().invoke(app, ["notat", str(aar), "-b", str(budgetmappe), "-o", str(docx)])
        assert r.exit_code == 0, r.output
        subprocess.run(["soffice", f"-env:UserInstallation=file://{mappe}/profil", "--headless",
                        "--convert-to", "pdf", "--outdir", str(mappe), str(docx)],
                       check=True, capture_output=True, timeout=180)
        tekster[navn] = subprocess.run(
            ["pdftotext", "-layout", str(mappe / f"{navn}.pdf"), "-"], check=True,
            capture_output=True, text=True).stdout
    return tekster


# Et brud, der skiller to dele, som hører sammen: "§" sidst på en linje, "kr." sidst og et tal
# først på den næste, et tal sidst og "%" eller "kr." først, eller et beløb delt i cifrene.
DELT = re.compile(r"§\s*\n|kr\.\s*\n\s*\d|\d\s*\n\s*(?:%|kr\.)|\d[.,]\s*\n\s*\d{1,3}\b")


@pytest.mark.parametrize("navn", NOTATER)
def test_intet_er_delt_over_to_linjer(pdftekst, navn):
    tekst = pdftekst[navn]
    assert not DELT.search(tekst), DELT.search(tekst)
    from tilsynstakst.aaret.gennemloeb import beregn

    budgetmappe, aar = NOTATER[navn]
    for kommune in beregn(budgetmappe, aar, "stoerste-rest").budget.befolkning.kommuner:
        assert kommune in tekst, kommune


@pytest.mark.parametrize("navn", NOTATER)
def test_hver_tabeltekst_staar_over_sin_tabel(pdftekst, navn):
    linjer = [l.strip() for l in pdftekst[navn].splitlines() if l.strip()]
    numre = [int(m.group(1)) for l in linjer if (m := re.match(r"Tabel (\d+)\b", l))]
    assert numre == list(range(1, len(numre) + 1)) and len(numre) >= 6
    for i, linje in enumerate(linjer):
        if re.match(r"Tabel \d+\b", linje):  # næste linje er tabellens, ikke en sidefod
            assert not linjer[i + 1].startswith("Side "), linje


def test_2024_hovedet_og_hvert_tal_fra_notatet(pdftekst):
    tekst = pdftekst["2024"]
    for linje in ("Til: DAS Social", "Møde: 21. august 2023, punkt 3", "Sagsnr.: 2023-052085"):
        assert linje in tekst
    assert "Dato:" not in tekst and "Udarbejdet af" not in tekst  # ikke offentliggjort
    for kommune, (befolkning_foer, _, beloeb_foer, befolkning, _, beloeb) in FINANSIERING.items():
        for x in (befolkning_foer, beloeb_foer, befolkning, beloeb):
            if (kommune, x) != ("Rebild", 1152027):  # notatets simple afrunding, se test_notat_2024
                assert tal(x) in tekst, (kommune, x)
    for x in (34741043, 36061167, 1320124, 16905109, 19156058, 604096, 716028, 250990, 43852,
              52622, 87703, 131555, 672, 635, 20164):
        assert tal(x) in tekst, x
    assert "1 virksomheder" not in tekst and "i 2023K2" not in tekst
