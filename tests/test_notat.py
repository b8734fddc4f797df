"""``tilsynstakst notat``: notatets sætninger fra tallene, mod 2024-notatets egne sætninger."""

import shutil
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, ROD
from tilsynstakst.cli.app import app

runner = CliRunner()

# Sætninger fra "Notat Budget 2024 - Socialtilsyn Nord" (docs/kilder.md), tastet ind fra notatet.
# Notatet skriver "3,8%"; programmet skriver "3,8 %" (docs/afrunding-og-priser.md), så % sammenlignes uden
# mellemrum.
NOTATETS_SAETNINGER = [
    "Socialtilsyn Nord har udarbejdet et budget for 2024, der indebærer en stigning i det "
    "samlede budget på 3,8%, svarende til kr. 1.320.124.",
    "For Tilbudsafdelingen er der tale om en stigning i budgettet på 3,7% eller kr. 604.096, og "
    "for Plejefamilieafdelingen er der tale om en stigning i budgettet på 3,9% eller kr. 716.028.",
    "For Budget 2024 forventes det samlede antal plejefamilier at udgøre 860 plejefamilier "
    "foruden 90 nygodkendelser i løbet af året. For tilbudsområdet forventes 251 tilbud samt 7 "
    "nygodkendelser. På området for BPA-virksomheder forventes i alt 19 virksomheder.",
]
# Notatets øvrige udsagn: samme tal, programmets formulering.
NOTATETS_TAL = [
    "forventes en nedgang på 40 plejefamilier, svarende til 4,0%",     # s. 1-2
    "forventes en nedgang på 3 virksomheder, svarende til 13,6%",       # s. 1-2
    # s. 2 skriver 14,2 %; 10/70 = 14,29 % (en afrundingsslip, docs/afstemning.md)
    "forventes en nedgang på 10 ansøgninger om væsentlige ændringer, svarende til 14,3%",
    "Det samlede antal tilbud forventes uændret (258).",                # s. 2
    "Gennemsnitsprisen pr. plejefamilie stiger med 8,3%",               # s. 3
    "Taksten pr. tilbud stiger med 2,3% i alle takstgrupper",           # s. 3
    "Timeprisen stiger med 5,8%, fra kr. 635 for 2023 i 2024-priser til kr. 672 i 2024",  # s. 4
    "en stigning i de samlede udgifter til den objektive finansiering på 3,9%",  # s. 3
    # Kr. 250.990 er det indregnede (halvdelen af overskuddet på 501.980), ikke overskuddet
    "Kr. 250.990 af overskuddet fra Regnskab 2022 er indregnet i takster og objektiv finansiering.",
    "der anvendes 13 timer til at føre tilsyn med en godkendt BPA-virksomhed",    # s. 4
    "og 36 timer til en nygodkendelse",                                           # s. 4
]


def _normal(tekst: str) -> str:
    return tekst.replace("\u00a0", " ").replace(" %", "%")


@pytest.fixture(scope="module")
def notat_md() -> str:
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS)])
    assert r.exit_code == 0, r.output
    return _normal(r.stdout)


@pytest.mark.parametrize("saetning", NOTATETS_SAETNINGER)
def test_resumeets_saetninger_er_notatets(notat_md, saetning):
    assert saetning in notat_md


@pytest.mark.parametrize("udsagn", NOTATETS_TAL)
def test_notatets_oevrige_tal(notat_md, udsagn):
    assert udsagn in notat_md


def test_notatet_har_notatets_afsnit_i_notatets_orden_og_alle_tabeller(notat_md):
    afsnit = ["## Udvikling i opgaver", "## Udvikling i budgettet",
              "## Udvikling i objektiv finansiering", "## Udvikling i takst pr. tilbud",
              "## BPA-området", "## Forudsætninger og kilder"]
    placering = [notat_md.index(a) for a in afsnit]
    assert placering == sorted(placering)
    for tal in ("6.294.349", "43.852", "672", "20.164", "36.061.167"):
        assert tal in notat_md


def test_kalibrerede_vaerdier_er_maerket_og_kilderne_staar_der(notat_md):
    assert "| Normtimer, tilsyn (takstgruppe 1) | 65,2536 | kalibreret |" in notat_md
    assert "| Tilbud pr. takstgruppe (1-4) | 51, 142, 48, 10 | kalibreret |" in notat_md
    assert "Notatet offentliggør ikke" not in notat_md
    assert "kalibreret til de offentliggjorte takster" in notat_md
    assert "Befolkning: Danmarks Statistik, FOLK1A" in notat_md


def test_notat_som_markdown_fil(tmp_path):
    fil = tmp_path / "notat.md"
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS), "--output", str(fil)])
    assert r.exit_code == 0
    assert fil.read_text(encoding="utf-8").startswith("# Socialtilsyn Nord – Budget 2024")


def test_notat_som_word_med_rigtige_tabeller_og_et_diagram(tmp_path):
    fil = tmp_path / "notat.docx"
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS), "--output", str(fil)])
    assert r.exit_code == 0, r.output
    d = docx.Document(str(fil))
    celler = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert "6.294.349" in celler and "43.852" in celler
    assert len(d.inline_shapes) == 1  # diagrammet over den objektive finansiering
    tekst = _normal("\n".join(p.text for p in d.paragraphs))
    assert NOTATETS_SAETNINGER[0] in tekst
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS), "--output", str(fil)])
    assert r.exit_code == 2 and "findes allerede" in r.stderr


def test_uden_den_valgfri_pakke_en_linje_om_installation(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # som om python-docx ikke er installeret
    fil = tmp_path / "notat.docx"
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS), "--output", str(fil)])
    assert r.exit_code == 2
    pip = Path(sys.executable).with_name("pip")
    assert r.stderr.strip() == ("Fejl: Word-filer kræver python-docx og matplotlib; "
                                f"installér dem med: {pip} install -e '{ROD}[notat]'")
    assert not fil.exists()


def test_notat_kun_md_docx_eller_html(tmp_path):
    r = runner.invoke(app, ["notat", "2024", "-b", str(BUDGETS), "-o", str(tmp_path / "n.pdf")])
    assert r.exit_code == 2 and "skrives som .md, .docx eller .html" in r.stderr


def test_notat_uden_aaret_foer(tmp_path):
    shutil.copyfile(BUDGETS / "2024.toml", tmp_path / "2024.toml")
    r = runner.invoke(app, ["notat", "2024", "-b", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "har udarbejdet et budget for 2024 på kr." in _normal(r.stdout)


def test_vendingerne_foelger_fortegnet():
    from tilsynstakst.visning.notat import budgetudvikling, udvikling
    from tilsynstakst.beregning.sammenligning import aendring

    assert budgetudvikling(aendring(1000, 900)) == \
        "et fald i budgettet på 10,0\u00a0% eller kr.\u00a0100"
    assert budgetudvikling(aendring(1000, 1000)) == "et uændret budget"
    assert udvikling("Timeprisen", aendring(700, 672)) == \
        "Timeprisen falder med 4,0\u00a0%, fra kr.\u00a0700 til kr.\u00a0672."
    assert udvikling("Timeprisen", aendring(672, 672)) == "Timeprisen er uændret: kr.\u00a0672."


def test_et_lavere_budget_giver_et_fald_i_resumeet(tmp_path):
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    fil = tmp_path / "2024.toml"
    fil.write_text(fil.read_text(encoding="utf-8").replace(
        "tilbudsafdelingen = 16905109", "tilbudsafdelingen = 14905109"), encoding="utf-8")
    r = runner.invoke(app, ["notat", "2024", "-b", str(tmp_path)])
    assert r.exit_code == 0, r.output
    md = _normal(r.stdout)
    assert "der indebærer et fald i det samlede budget på 2,0%, svarende til kr. 679.876." in md
    assert "For Tilbudsafdelingen er der tale om et fald i budgettet på 8,6% eller kr. 1.395.904" in md
    assert "Taksten pr. tilbud falder med" in md


def test_notathovedet_fra_filen_og_en_forkert_dato_er_en_linje_med_fil_og_linje(mappe):
    fil = mappe / "2024.toml"
    fil.write_text(fil.read_text(encoding="utf-8") + 'dato = "21/8"\n', encoding="utf-8")
    r = runner.invoke(app, ["notat", "2024", "-b", str(mappe)])
    linje = len(fil.read_text(encoding="utf-8").splitlines())
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {fil}:{linje}: notat.dato: skal være en dato skrevet som "
                        "ÅÅÅÅ-MM-DD, fx 2023-08-21 (uden klokkeslæt), fik '21/8'\n")
    fil.write_text(fil.read_text(encoding="utf-8").replace('"21/8"', "2023-08-21"),
                   encoding="utf-8")
    md = runner.invoke(app, ["notat", "2024", "-b", str(mappe)]).stdout
    assert "**Til:** DAS Social  \n**Møde:** 21\\. august 2023, punkt 3  \n**Dato:** 21\\. august " \
           "2023  \n**Sagsnr.:** 2023-052085\n" in md
    assert "Udarbejdet af" not in md  # et felt, filen ikke har, opfindes ikke


def test_et_og_mange(tmp_path):
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    fil = tmp_path / "2024.toml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("bpa_tilsyn = 19", "bpa_tilsyn = 21")
                   .replace("tilbud_nygodkendelser = 7", "tilbud_nygodkendelser = 1")
                   .replace("tilbud_nygodkendelser = [2, 4, 1, 0]", "tilbud_nygodkendelser = [1, 0, 0, 0]"),
                   encoding="utf-8")
    md = _normal(runner.invoke(app, ["notat", "2024", "-b", str(tmp_path)]).stdout)
    assert "forventes en nedgang på 1 virksomhed, svarende til 4,5%" in md
    assert "251 tilbud samt 1 nygodkendelse." in md
    assert "i alt 21 virksomheder" in md
