"""``tilsynstakst takstblad AAR`` (issue 11): den ene tabel, tilbuddene har brug for, i hvert
format, med hvornår hver takst opkræves (socialtilsynsbekendtgørelsen §§ 32-33)."""

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli import app

runner = CliRunner()

# Notat Budget 2024, s. 4: tilsynstaksten pr. takstgruppe, timeprisen og BPA-timerne.
TILSYN_2024 = ("43.852", "52.622", "87.703", "131.555")
TIMEPRIS_2024, BPA_TIMER = "672", (13, 36)
# Landsoversigten, Tabel 2a for Socialtilsyn Nord (Budget 2023): tilsyn og skærpet tilsyn 2023.
TILSYN_2023 = ("41.057", "49.269", "82.114", "123.172")
SKAERPET_2023 = ("4.106", "4.927", "8.211", "12.317")


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
    assert ark.sheetnames == ["Takstblad", "BPA-takster", "Opkrævning"]
    assert [r[1] for r in ark["Takstblad"].iter_rows(min_row=2, max_row=5, values_only=True)] \
        == [43852, 52622, 87703, 131555]
