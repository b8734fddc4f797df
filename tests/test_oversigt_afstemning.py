"""Landsoversigtens tal i ``[oversigt]`` (issue 22, punkt 6): afstemt som notatets tal i
``[offentliggjort]`` (ens, afrundingsforskel, afvigelse, erkendt fejl), men hvert fund og hver
optælling siger, at tallet er oversigtens, og aldrig "notatet" om et tal fra oversigten.

budgets/2023.toml har oversigtens Tabel 1 og 2a for Nord: de tal, kun oversigten offentliggør,
står under ``[oversigt]``; de tal, notatet og oversigten har til fælles, står én gang, under
``[offentliggjort]``.
"""

import json

from typer.testing import CliRunner

from conftest import BUDGETS, ret
from tilsynstakst.aaret.tjek import tjek
from tilsynstakst.cli.app import app
from tilsynstakst.fund import AFRUNDING, AFVIGELSE, ERKENDT, INPUTFEJL
from tilsynstakst.kontrol.afstemning import ENS

runner = CliRunner()
SKAERPET_1 = "takstgruppe_1 = { forrige = 3793, budgetaar = 4106 }"


def kør(*args: str):
    return runner.invoke(app, ["tjek", *args])


def _oversigtens(fund):
    return [f for f in fund if f.noegle and f.noegle.startswith("oversigt.")]


def test_oversigtens_tal_afstemmes_for_sig_og_kaldes_oversigtens():
    k = tjek([BUDGETS / "2023.toml"])
    fund = _oversigtens(k.fund)
    # Tabel 2a, "Alle kategorier": 8,2 for skærpet (takstgruppe 1 giver 8,3) og 1,7 for
    # væsentlig ændring (takstgruppe 2-4 giver 1,8).
    assert {(f.noegle, f.alvor) for f in fund} == {
        ("oversigt.takster.skaerpet_tilsyn_pr_maaned.alle_kategorier.pct", AFRUNDING),
        ("oversigt.takster.vaesentlig_aendring.alle_kategorier.pct", AFRUNDING)}
    assert all("i oversigten" in f.besked and "notat" not in f.besked for f in fund)
    r = kør(str(BUDGETS / "2023.toml"))
    assert r.exit_code == 0
    assert "; 43 tal i oversigten afstemt: 41 ens, 2 afrundingsforskelle" in r.stdout


def test_et_forkert_tal_i_oversigten_er_en_afvigelse_i_oversigten(mappe):
    ret(mappe / "2023.toml", SKAERPET_1, "takstgruppe_1 = { forrige = 3793, budgetaar = 4000 }")
    r = kør(str(mappe), "-f", "json")
    assert r.exit_code == 1
    [f] = [f for f in json.loads(r.stdout) if f["severity"] == AFVIGELSE]
    assert f["key"] == "oversigt.takster.skaerpet_tilsyn_pr_maaned.takstgruppe_1.budgetaar"
    assert f["message"] == "afviger: i oversigten 4.000, beregnet 4.106 (forskel 106 kr.)"
    assert (f["expected"], f["computed"], f["fails"]) == (4000, 4106, True)
    linjer = (mappe / "2023.toml").read_text(encoding="utf-8").splitlines()
    assert linjer[f["line"] - 1].startswith("takstgruppe_1 = { forrige = 3793, budgetaar = 4000")
    r = kør(str(mappe))
    assert "1 afvigelse i oversigten" not in r.stdout  # en afvigelse er en afvigelse
    assert "43 tal i oversigten afstemt: 40 ens, 2 afrundingsforskelle, 1 afvigelse" in r.stdout


def test_en_erkendt_fejl_i_oversigten_hedder_det_og_fejler_ikke(mappe):
    ret(mappe / "2023.toml", SKAERPET_1,
        'takstgruppe_1 = { forrige = 3793, budgetaar = 4107, erkendt.budgetaar = { beregnet = '
        '4106, grund = "testdata: 10 % af 41.057 er 4.105,7" } }')
    k = tjek([mappe])
    [f] = [f for f in k.fund if f.alvor == ERKENDT and f.noegle.startswith("oversigt.")]
    assert f.besked == ("erkendt fejl i oversigten: i oversigten 4.107, beregnet 4.106 (forskel "
                        "1 kr.); testdata: 10 % af 41.057 er 4.105,7")
    r = kør(str(mappe))
    assert r.exit_code == 0
    assert "43 tal i oversigten afstemt: 40 ens, 2 afrundingsforskelle, 1 erkendt fejl i " \
           "oversigten" in r.stdout
    # Notatets erkendte fejl (2023: 3 kr.) og oversigtens tælles hver for sig.
    assert "1 erkendt fejl i notatet, 1 erkendt fejl i oversigten." in r.stdout
    assert "Erkendte fejl i notatet og oversigten fejler ikke." in r.stdout


def test_en_erkendelse_i_oversigten_der_ikke_passer_fejler_med_oversigtens_navn(mappe):
    # Oversigten har ret (4.106): erkendelsen skal fjernes.
    ret(mappe / "2023.toml", SKAERPET_1,
        'takstgruppe_1 = { forrige = 3793, budgetaar = 4106, erkendt.budgetaar = { beregnet = '
        '4107, grund = "testdata" } }')
    [f] = [f for f in _oversigtens(tjek([mappe]).fund) if f.alvor == AFVIGELSE]
    assert f.besked == ("oversigten er ikke forkert her: offentliggjort og beregnet er begge "
                        "4.106; fjern erkendt.budgetaar")
    # Oversigten tager fejl, men beregningen giver ikke det erkendte tal.
    ret(mappe / "2023.toml", "budgetaar = 4106, erkendt.budgetaar = { beregnet = 4107",
        "budgetaar = 4108, erkendt.budgetaar = { beregnet = 4107")
    [f] = [f for f in _oversigtens(tjek([mappe]).fund) if f.alvor == AFVIGELSE]
    assert f.besked.startswith("afviger fra den erkendte fejl: filen erkender oversigtens tal med "
                               "beregnet 4.107, men beregningen giver nu 4.106")
    assert kør(str(mappe)).exit_code == 1


def test_uden_aaret_foer_kan_oversigtens_tal_ikke_afstemmes_og_det_siges(mappe):
    (mappe / "2022.toml").unlink()
    fund = _oversigtens(tjek([mappe / "2023.toml"]).fund)
    # 2022-tallene og procenterne: 2 antal, 4 + 4 pr. takstgruppe, 3 × 4 takster og 3 "alle
    # kategorier" = 25 tal i oversigten, meldt én gang.
    assert [(f.alvor, f.besked) for f in fund if f.alvor == INPUTFEJL] == [
        (INPUTFEJL, "kan ikke afstemmes: budgetfilen for 2022 findes ikke (25 tal i oversigten)")]


def test_kun_oversigten_en_fil_uden_offentliggjort(mappe):
    """En fil kan have oversigtens tal uden notatets (et tilsyn, hvis notat ikke er tastet)."""
    tekst = (mappe / "2023.toml").read_text(encoding="utf-8")
    start, slut = tekst.index("[offentliggjort]"), tekst.index("# Landsoversigtens tal")
    (mappe / "2023.toml").write_text(tekst[:start] + tekst[slut:], encoding="utf-8")
    k = tjek([mappe])
    assert k.afstemt[str(mappe / "2023.toml")] == {}
    assert k.oversigt[str(mappe / "2023.toml")][ENS] == 41
    r = kør(str(mappe))
    assert r.exit_code == 0
    assert "2023.toml  ✓ gyldig; 43 tal i oversigten afstemt: 41 ens" in r.stdout


def test_et_scenarie_kan_ikke_aendre_oversigtens_tal():
    r = runner.invoke(app, ["beregn", "2023", "-b", str(BUDGETS), "--saet",
                            "oversigt.antal.tilbud_i_alt.budgetaar=1"])
    assert r.exit_code == 2
    assert r.stderr == ("Fejl: --saet: oversigt.antal.tilbud_i_alt.budgetaar: kan ikke ændres i "
                        "et scenarie: oversigtens tal er ikke forudsætninger; et scenarie ændrer "
                        "forudsætningerne, og tallene afstemmes mod filen, som den er\n")


def test_ny_regner_oversigtens_tal_med_til_det_der_ville_gaa_tabt(mappe):
    """Et år med oversigtens tal (her 2024's tal flyttet til [oversigt]) er offentliggjort: ny
    erstatter det ikke, og oversigtens kilde er ikke en af årets udfyldte kilder."""
    tekst = (mappe / "2024.toml").read_text(encoding="utf-8")
    (mappe / "2024.toml").write_text(tekst.replace("[offentliggjort", "[oversigt"),
                                     encoding="utf-8")
    r = runner.invoke(app, ["ny", "2024", "-b", str(mappe), "--overskriv"])
    assert r.exit_code == 2
    assert "2024.toml: findes allerede og er ikke et uberørt udkast fra ny: de offentliggjorte " \
           "tal, befolkningen for 2023K2 og 5 udfyldte kilder ville gå tabt." in r.stderr
