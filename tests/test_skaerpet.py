"""Skærpet tilsyn som en regel i budgetfilen (issue 22, punkt 3; socialtilsynsbekendtgørelsen
§ 33): 10 % af den årlige tilsynstakst pr. påbegyndt måned, af den afrundede takst (Nords notater
og landsoversigten; standard) eller af den uafrundede (Socialtilsyn Midts takstside for 2023).

De offentliggjorte tal er tastet fra Socialtilsyn Midts side "Takster", Takster 2023:
tilsyn 39.977 / 47.973 / 79.955 / 119.932 og skærpet tilsyn pr. måned 3.998 / 4.797 / 7.995 /
11.993 (docs/kilder.md). Normtimerne og budgettet nedenfor er ikke offentliggjort: de er valgt,
så den uafrundede tilsynstakst i takstgruppe 1 er 39.977,3 (i intervallet [39.977,25; 39.977,5),
der giver alle fire tilsynstakster og 79.954,6 < 79.955 i takstgruppe 3).
"""

import json
import tomllib
from decimal import Decimal
from fractions import Fraction

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ROD, ret
from tilsynstakst.beregning.takster import beregn_takster, skaerpet_tillaeg
from tilsynstakst.budgetfil.jsonskema import skema
from tilsynstakst.budgetfil.model import Budget, SkaerpetGrundlag
from tilsynstakst.cli.app import app

runner = CliRunner()

MIDT_TILSYN_2023 = (39977, 47973, 79955, 119932)  # Midts takstside, Takster 2023
MIDT_SKAERPET_2023 = (3998, 4797, 7995, 11993)

# Valgt input (ikke offentliggjort): 10 tilbud i takstgruppe 1 à 50 normtimer = 500 timer, og et
# budget på 399.773 kr.: timepris 799,546 og tilsynstakst 50 × 799,546 = 39.977,3.
BUDGET, NORMTIMER, TILBUD = 399773, 50, 10

MAPPE = ROD / "tests" / "data" / "skaerpet_uafrundet"  # testdata: Midts 2023-takster
FIL = (MAPPE / "2023.toml").read_text(encoding="utf-8")


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def _budget(grundlag: str | None) -> Budget:
    data = tomllib.loads(FIL, parse_float=Decimal)
    if grundlag is None:
        del data["regler"]
    else:
        data["regler"]["skaerpet_grundlag"] = grundlag
    return Budget.model_validate(data)


@pytest.fixture
def midt(tmp_path):
    (tmp_path / "2023.toml").write_text(FIL, encoding="utf-8")
    return tmp_path


def test_det_valgte_input_giver_midts_tilsynstakster():
    for linje in (f"tilbudsafdelingen = {BUDGET}", f"tilsyn = {NORMTIMER}",
                  f"tilbud = [{TILBUD}, 0, 0, 0]"):
        assert f"\n{linje}\n" in FIL, linje
    takst_1 = Fraction(NORMTIMER) * Fraction(BUDGET, TILBUD * NORMTIMER)
    assert takst_1 == Fraction("39977.3")
    t = beregn_takster(_budget("uafrundet"))
    assert t.tilsyn == MIDT_TILSYN_2023


def test_uafrundet_giver_midts_skaerpede_takster():
    assert beregn_takster(_budget("uafrundet")).skaerpet_tilsyn_pr_maaned == MIDT_SKAERPET_2023


@pytest.mark.parametrize("grundlag", ["afrundet", None])  # None: filen har ingen [regler]
def test_afrundet_giver_7996_i_takstgruppe_3(grundlag):
    """10 % af den afrundede 79.955 er 7.995,5, altså 7.996; de andre tre er ens."""
    t = beregn_takster(_budget(grundlag))
    assert t.skaerpet_grundlag is SkaerpetGrundlag.AFRUNDET
    assert t.skaerpet_tilsyn_pr_maaned == (3998, 4797, 7996, 11993)


def test_nords_regel_er_stadig_10_pct_af_den_afrundede_takst():
    # Landsoversigtens Tabel 2a for Nord, 2023: tilsyn 41.057, skærpet 4.106.
    assert skaerpet_tillaeg(Decimal(41057)) == 4106
    assert skaerpet_tillaeg(Fraction("79954.6")) == 7996
    assert skaerpet_tillaeg(Fraction("79954.6"), grundlag=SkaerpetGrundlag.UAFRUNDET) == 7995
    assert skaerpet_tillaeg(Fraction("79954.6"), 3, SkaerpetGrundlag.UAFRUNDET) == 3 * 7995


@given(st.fractions(min_value=0, max_value=10**7))
def test_de_to_grundlag_skilles_hoejst_af_en_krone(takst):
    """10 % af den afrundede og af den uafrundede takst ligger højst 0,05 kr. fra hinanden, så
    månedstillæggene er ens eller 1 kr. fra hinanden."""
    afrundet = skaerpet_tillaeg(takst)
    uafrundet = skaerpet_tillaeg(takst, grundlag=SkaerpetGrundlag.UAFRUNDET)
    assert abs(afrundet - uafrundet) <= 1


def test_tjek_afstemmer_midts_side_med_uafrundet_og_ikke_med_afrundet(midt):
    r = kør("tjek", midt, "--streng")
    assert r.exit_code == 0, r.output
    assert "8 offentliggjorte tal afstemt: 8 ens" in r.stdout
    ret(midt / "2023.toml", 'skaerpet_grundlag = "uafrundet"', 'skaerpet_grundlag = "afrundet"')
    r = kør("tjek", midt, "--streng")
    assert r.exit_code == 1
    assert "offentliggjort.takster.skaerpet_tilsyn_pr_maaned.takstgruppe_3.budgetaar" in r.stdout
    assert "7.995" in r.stdout and "7.996" in r.stdout


def test_beregn_takstblad_og_forklar_siger_grundlaget(midt):
    d = json.loads(kør("beregn", 2023, "-b", midt, "-f", "json").stdout)
    t = d["budgetaar"]["takster"]
    assert tuple(t["skaerpet_tilsyn_pr_maaned"]) == MIDT_SKAERPET_2023
    assert t["skaerpet_grundlag"] == "uafrundet"
    blad = kør("takstblad", 2023, "-b", midt)
    assert blad.exit_code == 0
    assert ("Skærpet tilsyn: 10 % af den uafrundede årlige tilsynstakst pr. påbegyndt måned, "
            "afrundet til hele kroner (socialtilsynsbekendtgørelsen § 33).") in blad.stdout
    assert json.loads(kør("takstblad", 2023, "-b", midt, "-f", "json").stdout)[
        "skaerpet_grundlag"] == "uafrundet"
    r = kør("forklar", 2023, "budgetaar.takster.skaerpet_tilsyn_pr_maaned.2", "-b", midt)
    assert r.exit_code == 0, r.output
    assert "10 % af den uafrundede årlige tilsynstakst" in r.stdout
    assert 'regler.skaerpet_grundlag = "uafrundet"' in r.stdout
    assert "79.954,6" in r.stdout and "7.995" in r.stdout


def test_standarden_naevnes_ikke_i_json_men_i_forklar(midt):
    """Uden [regler] (som Nords filer) står grundlaget ikke i JSON, så uddata er, som de var;
    forklar siger stadig, hvilket grundlag der er brugt."""
    ret(midt / "2023.toml", '[regler]\nskaerpet_grundlag = "uafrundet"\n', "")
    d = json.loads(kør("beregn", 2023, "-b", midt, "-f", "json").stdout)
    assert "skaerpet_grundlag" not in d["budgetaar"]["takster"]
    r = kør("forklar", 2023, "budgetaar.takster.skaerpet_tilsyn_pr_maaned.2", "-b", midt)
    assert '10 % af den afrundede årlige tilsynstakst (regler.skaerpet_grundlag = "afrundet", ' \
           'standard)' in r.stdout


@pytest.mark.parametrize("foer, efter, besked", [
    ('skaerpet_grundlag = "uafrundet"', 'skaerpet_grundlag = "halvt"',
     'regler.skaerpet_grundlag: skal være "afrundet" (10 % af den afrundede årlige tilsynstakst, '
     "standard) eller \"uafrundet\" (10 % af den uafrundede), fik 'halvt'"),
    ('skaerpet_grundlag = "uafrundet"', 'skaerpet_grundlag = 10',
     'regler.skaerpet_grundlag: skal være "afrundet"'),
    ('skaerpet_grundlag = "uafrundet"', 'skaerpet = "uafrundet"',
     "regler.skaerpet: ukendt nøgle (stavefejl?)"),
])
def test_en_forkert_regel_er_en_dansk_linje_med_linjen(midt, foer, efter, besked):
    ret(midt / "2023.toml", foer, efter)
    nr = FIL.split("\n").index(foer) + 1
    r = kør("beregn", 2023, "-b", midt)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert f"2023.toml:{nr}: {besked}" in r.stderr, r.stderr


def test_ny_baerer_reglen_over(midt):
    (midt / "pl-indeks.toml").write_text('kilde = "testdata"\n\n[indeks]\n2023 = 100\n',
                                         encoding="utf-8")
    r = kør("ny", 2024, "-b", midt, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    udkast = (midt / "2024.toml").read_text(encoding="utf-8")
    assert '[regler]\nskaerpet_grundlag = "uafrundet"\n' in udkast
    d = json.loads(kør("beregn", 2024, "-b", midt, "-f", "json").stdout)
    assert d["budgetaar"]["takster"]["skaerpet_grundlag"] == "uafrundet"


def test_skemaet_kender_reglen():
    validator = jsonschema.Draft202012Validator(skema("budget"))
    data = json.loads(json.dumps(tomllib.loads(FIL, parse_float=Decimal), default=float))
    validator.validate(data)
    data["regler"]["skaerpet_grundlag"] = "halvt"
    assert list(validator.iter_errors(data))
