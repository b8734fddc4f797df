"""``tilsynstakst takstblad AAR`` (issue 11): den ene tabel, tilbuddene har brug for, i hvert
format, med hvornår hver takst opkræves (socialtilsynsbekendtgørelsen §§ 32-33)."""

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli.app import app

runner = CliRunner()

# Notat Budget 2024, s. 4: tilsynstaksten pr. takstgruppe, timeprisen og BPA-timerne.
TILSYN_2024 = ("43.852", "52.622", "87.703", "131.555")
TIMEPRIS_2024, BPA_TIMER = "672", (13, 36)
# Landsoversigten, Tabel 2a for Socialtilsyn Nord (2023-priser): takstkategori 1-4 i rækkefølgen
# tilsyn, skærpet, nygodkendelse, væsentlig ændring, for 2023 og 2022, og "Ændring i pct.".
TILSYN_2023 = ("41.057", "49.269", "82.114", "123.172")
SKAERPET_2023 = ("4.106", "4.927", "8.211", "12.317")
TABEL_2A_2023 = (("41.057", "4.106", "34.677", "11.072"), ("49.269", "4.927", "41.612", "13.287"),
                 ("82.114", "8.211", "69.353", "22.145"), ("123.172", "12.317", "104.030", "33.217"))
TABEL_2A_2022 = (("37.929", "3.793", "33.916", "10.882"), ("45.515", "4.552", "40.700", "13.058"),
                 ("75.859", "7.586", "67.833", "21.763"), ("113.788", "11.379", "101.749", "32.645"))


def takstblad(*args: str):
    r = runner.invoke(app, ["takstblad", *args, "-b", str(BUDGETS)])
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_takstbladet_har_notatets_takster_timepris_og_bpa_takster():
    tekst = takstblad("2024")
    for takst in TILSYN_2024:
        assert takst in tekst
    assert "Timepris" in tekst and TIMEPRIS_2024 in tekst
    # BPA-taksten er timer × timepris: 13 × 672 og 36 × 672.
    assert "8.736" in tekst and "24.192" in tekst
    for aktivitet in ("Tilsyn (årlig takst)", "Skærpet tilsyn pr. påbegyndt måned",
                      "Nygodkendelse", "Væsentlig ændring"):
        assert aktivitet in tekst


def test_takstbladet_2023_har_landsoversigtens_tilsyn_og_skaerpet_tilsyn():
    tekst = takstblad("2023")
    for takst in TILSYN_2023 + SKAERPET_2023:
        assert f" {takst}" in tekst, takst


def test_takstbladet_siger_hvornaar_hver_takst_opkraeves_med_hjemmel():
    tekst = " ".join(takstblad("2024").split())
    assert "Hvornår taksterne opkræves" in tekst
    for linje in ("Tilsyn: hvert år pr. godkendt tilbud", "fra måneden efter godkendelsen",
                  "for hver påbegyndt måned", "(§ 33)", "Nygodkendelse: én gang",
                  "Væsentlig ændring: én gang", "BPA-virksomheder:", "÷ 10"):
        assert linje in tekst, linje


def test_takstbladet_som_json_til_en_hjemmeside():
    data = json.loads(takstblad("2024", "-f", "json"))
    assert data["tilsyn"] == "Socialtilsyn Nord" and data["aar"] == 2024
    assert data["timepris"] == 672
    assert [g["tilsyn"] for g in data["takstgrupper"]] == [43852, 52622, 87703, 131555]
    assert [g["pladser"] for g in data["takstgrupper"]] == ["1-7", "8-24", "25-49", "50+"]
    # § 33: 10 % af den årlige takst pr. påbegyndt måned, afrundet til hele kroner.
    assert [g["skaerpet_tilsyn_pr_maaned"] for g in data["takstgrupper"]] == [
        4385, 5262, 8770, 13156]
    assert data["bpa"] == {"tilsyn": 8736, "tilsyn_timer": 13, "nygodkendelse": 24192,
                           "nygodkendelse_timer": 36}
    assert len(data["opkraevning"]) == 6


@pytest.mark.parametrize("format", ["markdown", "csv"])
def test_takstbladet_i_markdown_og_csv(format):
    tekst = takstblad("2024", "-f", format)
    assert "Takstgruppe 4 (50+ pladser)" in tekst
    assert ("131.555" if format == "markdown" else "131555") in tekst


def test_takstbladet_som_regneark(tmp_path):
    assert runner.invoke(app, ["takstblad", "2024", "-b", str(BUDGETS), "-o",
                               str(tmp_path / "t.xlsx")]).exit_code == 0
    ark = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert ark.sheetnames == ["Takstblad", "Takstblad 2023 (2024-priser)",
                              "Takstblad ændring i pct.", "BPA-takster", "Opkrævning"]
    # Tabellens titel øverst, og prisniveauet står også i første kolonnes overskrift (række 4).
    assert ark["Takstblad 2023 (2024-priser)"]["A4"].value == "Kr. (i 2024-priser)"
    assert [r[1] for r in ark["Takstblad"].iter_rows(min_row=5, max_row=8, values_only=True)] \
        == [43852, 52622, 87703, 131555]


def _raekker(md: str, titel: str) -> list[list[str]]:
    """Rækkerne (uden navn) i Markdown-tabellen med overskriften ``titel``."""
    del_ = md.replace("\xa0", " ").split(f"### {titel}\n", 1)[1].strip("\n").split("\n\n")[0]
    return [[c.strip() for c in linje.strip("|").split("|")][1:]
            for linje in del_.splitlines()[2:]]


def test_takstbladet_2023_viser_begge_aar_som_oversigtens_tabel_2a():
    """Issue 12: takstbladet for 2023 og for 2022 (i 2023-priser), alle fire aktiviteter, og
    ændringen i procent, i Markdown som i terminalen."""
    md = takstblad("2023", "-f", "markdown")
    assert _raekker(md, "Takstblad 2023 for tilbud") == [list(r) for r in TABEL_2A_2023]
    assert _raekker(md, "Takstblad 2022 for tilbud (i 2023-priser)") == [
        list(r) for r in TABEL_2A_2022]
    # Tabel 2a: "Alle kategorier 8,2 8,2 2,2 1,7"; takstgruppe for takstgruppe regnet af de
    # afrundede takster (skærpet 313 / 3.793 = 8,25 % → 8,3 %; væsentlig 229 / 13.058 → 1,8 %).
    assert _raekker(md, "Ændring i pct. fra 2022 til 2023") == [
        ["8,2 %", "8,3 %", "2,2 %", "1,7 %"], ["8,2 %", "8,2 %", "2,2 %", "1,8 %"],
        ["8,2 %", "8,2 %", "2,2 %", "1,8 %"], ["8,2 %", "8,2 %", "2,2 %", "1,8 %"]]
    tekst = " ".join(takstblad("2023").split())  # terminalen
    for raekke in TABEL_2A_2023 + TABEL_2A_2022:
        assert " ".join(raekke) in tekst, raekke


def test_takstbladet_som_json_har_aaret_foer_og_aendringen():
    data = json.loads(takstblad("2023", "-f", "json"))
    foer = data["forrige_aar"]
    assert (foer["aar"], foer["prisniveau"], foer["timepris"]) == (2022, 2023, 597)
    assert [g["nygodkendelse"] for g in foer["takstgrupper"]] == [33916, 40700, 67833, 101749]
    assert [g["vaesentlig_aendring"] for g in data["aendring_pct"]] == [1.7, 1.8, 1.8, 1.8]


def test_bpa_taksterne_begge_aar():
    md = takstblad("2023", "-f", "markdown").replace("\xa0", " ")
    assert "| Kr. | Timer | Takst 2022 (i 2023-priser) | Takst 2023 | Ændring i pct. |" in md
    assert "| Tilsyn med godkendt BPA-virksomhed (årlig takst) | 13 | 7.761 | 7.904 | 1,8 % |" in md


def test_beregn_og_notatet_viser_takstbladet_for_begge_aar():
    for kommando in ("beregn", "notat"):
        r = runner.invoke(app, [kommando, "2023", "-b", str(BUDGETS), "-f", "markdown"]
                          if kommando == "beregn" else [kommando, "2023", "-b", str(BUDGETS)])
        assert r.exit_code == 0, r.output
        for titel in ("Takstblad 2023 for tilbud", "Takstblad 2022 for tilbud (i 2023-priser)",
                      "Ændring i pct. fra 2022 til 2023"):
            assert titel in r.stdout, (kommando, titel)
        assert "| Takstgruppe 1 (1-7 pladser) | 37.929 | 3.793 | 33.916 | 10.882 |" in r.stdout
