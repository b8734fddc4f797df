"""Dansk talformat i en budgetfil, og hele kroner, der skal være hele.

Et tal skrevet som 17.350.000, 1.234,5 eller 2,5 får en besked, der siger, hvordan det skrives
(``skriv 1234.5: punktum som decimaltegn, ingen tusindtalspunktummer``), både når TOML ikke kan
læse det, og når det står i anførselstegn. Et felt i hele kroner eller et antal afviser decimaler
(``skal være hele kroner, fik 16905109.5``), også ``,0`` og ``1.000``, som TOML ellers læser som 1.
Normtimer, procenter og PL-indekset har decimaler og tager dem stadig.
"""

import json
import os
import shutil
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ret
from tilsynstakst.cli.app import app
from tilsynstakst.fund import Inputfejl
from tilsynstakst.budgetfil.laes import fortolk_toml, laes_budget, laes_pl
from tilsynstakst.budgetfil.model import dansk_tal, dansk_talbesked, dansk_talhjaelp
from tilsynstakst.tal import tal

runner = CliRunner()
HJAELP = "punktum som decimaltegn, ingen tusindtalspunktummer"
HELE = "; feltet tager kun hele tal; skriv tallet uden decimaler"


def linje_med(fil: Path, tekst: str) -> int:
    """Linjen i filen, der indeholder (den sidste linje af) ``tekst``."""
    linjer = fil.read_text(encoding="utf-8").split("\n")
    return next(i for i, linje in enumerate(linjer, 1) if tekst.split("\n")[-1] in linje)


def fejl(fn, *args) -> str:
    with pytest.raises(Inputfejl) as e:
        fn(*args)
    return str(e.value)


def kør(*args):
    r = runner.invoke(app, [str(a) for a in args])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r


def en_linje(r, *brudstykker: str) -> str:
    """Kode 2 og én linje på standard-fejl, der begynder med 'Fejl:' og har brudstykkerne."""
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("Fejl: ") and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
    for b in brudstykker:
        assert b in r.stderr, (b, r.stderr)
    return r.stderr


# --- Hjælpefunktionen -------------------------------------------------------------------------

@pytest.mark.parametrize("tekst, tal_", [
    ("17.350.000", "17350000"), ("1.234,5", "1234.5"), ("2,5", "2.5"), ("-1.234,56", "-1234.56"),
    ("1.234.567,89", "1234567.89"), ("0,5", "0.5"), ("2,50", "2.5"), ("1.000,00", "1000"),
    ("+17.350.000", "17350000"), ("-0,0", "0"), (" 60,5 ", "60.5"),
    # Ét punktum og tre cifre er også et TOML-decimaltal: kun et tusindtalspunktum i et helt tal.
    ("1.000", None), ("65.250", None),
    # Ikke dansk talformat: almindelige TOML-tal, tekst, lister, forkerte grupper.
    ("1234.5", None), ("17350000", None), ("65.25", None), ("12.34,5", None), ("1.2345", None),
    ("[1,5]", None), ("1,5,3", None), ("en million", None), ("", None), ("1.234,", None),
    ("١٢,٥", None),  # arabisk-indiske cifre er ikke et tal i en budgetfil
])
def test_dansk_tal_skrives_om_til_toml_eksakt(tekst, tal_):
    assert dansk_tal(tekst) == tal_
    hjaelp = dansk_talhjaelp(tekst)
    assert hjaelp == (None if tal_ is None else f"skriv {tal_}: {HJAELP}")


def test_et_enkelt_tusindtalspunktum_laeses_kun_saadan_i_et_helt_tal():
    assert dansk_tal("1.000", hele=True) == "1000"
    assert dansk_tal("-1.000", hele=True) == "-1000"
    assert dansk_tal("250.990", hele=True) == "250990"
    assert dansk_tal("16905109.5", hele=True) is None
    assert dansk_talbesked("17.350.000") == (
        f"17.350.000 er skrevet med dansk talformat; skriv 17350000: {HJAELP}")


@given(st.integers(min_value=0, max_value=2).flatmap(
    lambda decimaler: st.decimals(min_value=0, max_value=10**15, places=decimaler)))
def test_et_tal_skrevet_paa_dansk_giver_tallet_tilbage(d):
    """Hvert ikke-negativt tal med højst to decimaler, skrevet på dansk (tusindtalspunktummer,
    decimalkomma) af programmets egen formatering, bliver til tallet selv, normaliseret, og
    forslaget er gyldig TOML, der læses som præcis det tal."""
    dansk = tal(d)
    forslag = dansk_tal(dansk, hele=True)
    if "." not in dansk and "," not in dansk:  # 0-999 uden decimaler er ikke dansk talformat
        assert forslag is None
        return
    assert forslag == format(d.normalize(), "f")
    assert dansk_talhjaelp(dansk, hele=True) == f"skriv {forslag}: {HJAELP}" + (
        "; feltet tager kun hele tal" if "." in forslag else "")
    assert tomllib.loads(f"v = {forslag}", parse_float=Decimal)["v"] == d


@given(st.decimals(min_value=-10**15, max_value=10**15, places=3, allow_nan=False))
def test_ogsaa_negative_tal_og_tre_decimaler_giver_samme_vaerdi(d):
    dansk = tal(d)
    forslag = dansk_tal(dansk, hele=True)
    if forslag is not None:
        assert Decimal(forslag) == d and "E" not in forslag


# --- Budgetfilen: tal, TOML ikke kan læse ------------------------------------------------------

@pytest.mark.parametrize("gammel, ny, noegle, dansk, forslag, hele", [
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 17.350.000",
     "budget.tilbudsafdelingen", "17.350.000", "17350000", False),
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 1.234,5  # kommentar",
     "budget.tilbudsafdelingen", "1.234,5", "1234.5", True),  # kroner: kun hele
    ("tilsyn = 65.2536 ", "tilsyn = 65,25 ", "normtimer.tilsyn", "65,25", "65.25", False),
    ('"Aalborg" = 39978', '"Aalborg" = 39.978,0', "befolkning.kommuner.Aalborg", "39.978,0",
     "39978", False),
    ("samlet = { forrige = 34741043,", "samlet = { forrige = 34.741.043,",
     "offentliggjort.budget.samlet.forrige", "34.741.043", "34741043", False),
    ("aendring = 1320124, pct = 3.8 }", "aendring = 1320124, pct = 3,8 }",
     "offentliggjort.budget.samlet.pct", "3,8", "3.8", False),
    ('[offentliggjort.finansiering."Brønderslev"]\nbefolkning = { forrige = 7769,',
     '[offentliggjort.finansiering."Brønderslev"]\nbefolkning = { forrige = 7.769,5,',
     "offentliggjort.finansiering.Brønderslev.befolkning.forrige", "7.769,5", "7769.5", False),
])
def test_dansk_tal_uden_anfoerselstegn_naevner_fil_linje_noegle_og_forslag(
        mappe, gammel, ny, noegle, dansk, forslag, hele):
    fil = mappe / "2024.toml"
    ret(fil, gammel, ny)
    nr = linje_med(fil, ny)
    assert fejl(laes_budget, fil) == (
        f"{fil}:{nr}: ugyldig TOML: {noegle} = {dansk} er skrevet med dansk talformat; "
        f"skriv {forslag}: {HJAELP}" + ("; feltet tager kun hele tal" if hele else ""))


def test_pl_indeks_med_decimalkomma(mappe):
    fil = mappe / "pl-indeks.toml"
    ret(fil, "2024 = 104.45", "2024 = 104,45")
    assert fejl(laes_pl, mappe) == (
        f"{fil}:{linje_med(fil, '2024 = 104,45')}: ugyldig TOML: indeks.2024 = 104,45 er skrevet "
        f"med dansk talformat; skriv 104.45: {HJAELP}")


def test_kun_vaerdien_efter_lighedstegnet_ikke_lister_eller_tekst():
    """[1,5] er en gyldig TOML-liste; en fejl andetsteds på en linje med komma i en liste eller
    en tekst er ikke dansk talformat; men 2,5 efter 'nøgle =' er."""
    def besked(tekst: str) -> str:
        with pytest.raises(Inputfejl) as e:
            fortolk_toml(tekst, "f.toml")
        return str(e.value)

    assert fortolk_toml("a = [1,5]\nb = [1.234,5]\n", "f.toml") == {
        "a": [1, 5], "b": [Decimal("1.234"), 5]}
    assert "dansk" not in besked("a = [1,5] x\n")
    assert "dansk" not in besked("a = [1,5\n")
    assert "dansk" not in besked('a = "2,5" x\n')
    assert "dansk" not in besked("a = 1.000 x\n")
    assert "dansk" not in besked('k = """\nb = 2,5\n')  # i en flerlinjet tekst
    assert "dansk" not in besked("a = 1\na = 1.000\n")  # 1.000 er gyldig; fejlen er en anden
    assert "dansk" not in besked("t = { a = 1 2, b = 1.234,5 }\n")  # fejlen er før 1.234,5
    assert besked("[t]\nk = 2,5 # to en halv\n") == (
        f"f.toml:2: ugyldig TOML: t.k = 2,5 er skrevet med dansk talformat; skriv 2.5: {HJAELP}")
    assert besked("t = { a = { b = 1.234,5 } }\n") == (  # i en indre tabel: linjens nøgle
        f"f.toml:1: ugyldig TOML: t = 1.234,5 er skrevet med dansk talformat; "
        f"skriv 1234.5: {HJAELP}")


# --- Budgetfilen: tal i anførselstegn -----------------------------------------------------------

@pytest.mark.parametrize("fil, gammel, ny, brudstykke", [
    ("2024.toml", "tilbudsafdelingen = 16905109", 'tilbudsafdelingen = "1.234,5"',
     "budget.tilbudsafdelingen: skal være et beløb i kr. ≥ 0, fik '1.234,5'; skriv 1234.5: "),
    ("2024.toml", "tilbudsafdelingen = 16905109", 'tilbudsafdelingen = "17.350.000"',
     "budget.tilbudsafdelingen: skal være et beløb i kr. ≥ 0, fik '17.350.000'; skriv 17350000: "),
    ("2024.toml", "beloeb = 250990", 'beloeb = "-250.990"',
     "overfoert_resultat.beloeb: skal være et beløb i kr. (overskud positivt, underskud negativt), "
     "fik '-250.990'; skriv -250990: "),
    ("2024.toml", "plejefamilier = 860", 'plejefamilier = "1.000"',
     "antal.plejefamilier: skal være et helt tal ≥ 0, fik '1.000'; skriv 1000: "),
    ("2024.toml", "tilsyn = 65.2536 ", 'tilsyn = "65,25" ',
     "normtimer.tilsyn: skal være et antal timer mellem 0,1 og 10.000, fik '65,25'; skriv 65.25: "),
    ("2024.toml", "aendring = 1320124, pct = 3.8 }", 'aendring = 1320124, pct = "3,8" }',
     "offentliggjort.budget.samlet.pct: skal være et tal, fik '3,8'; skriv 3.8: "),
    ("pl-indeks.toml", "2024 = 104.45", '2024 = "104,45"',
     "indeks.2024: skal være et indekstal mellem 0,01 og 10.000 (fx 104.45), fik '104,45'; "
     "skriv 104.45: "),
])
def test_dansk_tal_i_anfoerselstegn_faar_samme_hjaelp(mappe, fil, gammel, ny, brudstykke):
    ret(mappe / fil, gammel, ny)
    r = kør("tjek", mappe)
    assert r.exit_code == 2
    linje = next(linje for linje in r.stdout.splitlines() if brudstykke in linje)
    assert linje.endswith(brudstykke + HJAELP) or linje.endswith(
        brudstykke + HJAELP + "; feltet tager kun hele tal"), linje


def test_en_tekst_der_ikke_er_et_dansk_tal_faar_ingen_hjaelp_men_et_dansk_tal_faar(mappe):
    ret(mappe / "2024.toml", "tilbudsafdelingen = 16905109", 'tilbudsafdelingen = "mange"')
    ret(mappe / "2024.toml", "tilsyn = 65.2536 ", 'tilsyn = "65.250" ')  # 65,25 eller 65.250?
    ret(mappe / "2024.toml", "bpa_tilsyn = 13 ", 'bpa_tilsyn = "13,5" ')
    besked = fejl(laes_budget, mappe / "2024.toml").split("\n")
    assert [b.split(": ", 1)[1] for b in besked] == [
        "budget.tilbudsafdelingen: skal være et beløb i kr. ≥ 0, fik 'mange'",
        "normtimer.tilsyn: skal være et antal timer mellem 0,1 og 10.000, fik '65.250'; "
        "skriv 65.250 uden anførselstegn",
        "normtimer.bpa_tilsyn: skal være et antal timer mellem 0,1 og 10.000, fik '13,5'; "
        f"skriv 13.5: {HJAELP}"]


# --- Hele kroner og hele antal --------------------------------------------------------------

@pytest.mark.parametrize("gammel, ny, besked", [
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 16905109.5",
     "budget.tilbudsafdelingen: skal være hele kroner, fik 16905109.5"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("plejefamilieafdelingen = 19156058", "plejefamilieafdelingen = 19156058.25",
     "budget.plejefamilieafdelingen: skal være hele kroner, fik 19156058.25"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 16905109.0",
     "budget.tilbudsafdelingen: skal være hele kroner, fik 16905109.0; "
     "skriv 16905109 uden decimaler"),
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 1.000",  # TOML: 1 kr.
     f"budget.tilbudsafdelingen: skal være hele kroner, fik 1.000; skriv 1000: {HJAELP}"),
    ("beloeb = 250990", "beloeb = 250990.5",
     "overfoert_resultat.beloeb: skal være hele kroner, fik 250990.5"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("beloeb = 250990", "beloeb = -1.000",
     f"overfoert_resultat.beloeb: skal være hele kroner, fik -1.000; skriv -1000: {HJAELP}"),
    ("beloeb = 250990", "beloeb = 250.990",  # TOML: 250,99 kr.
     f"overfoert_resultat.beloeb: skal være hele kroner, fik 250.990; skriv 250990: {HJAELP}"),
    ("plejefamilier = 860", "plejefamilier = 860.0",
     "antal.plejefamilier: skal være et helt tal ≥ 0, fik 860.0; skriv 860 uden decimaler"),
    ('"Aalborg" = 39978', '"Aalborg" = 39.978',  # TOML: 39,978 børn
     f"befolkning.kommuner.Aalborg: skal være et helt tal ≥ 0, fik 39.978; skriv 39978: {HJAELP}"),
    ("samlet = { forrige = 34741043,", "samlet = { forrige = 34741043.4,",
     "offentliggjort.budget.samlet.forrige: skal være hele kroner, fik 34741043.4"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("aendring = 604096,", "aendring = 604096.0,",
     "offentliggjort.budget.tilbudsafdelingen.aendring: skal være hele kroner, fik 604096.0; "
     "skriv 604096 uden decimaler"),
    ("beloeb = { forrige = 3274133, budgetaar = 3443644 }",
     "beloeb = { forrige = 3274133, budgetaar = 3443644.5 }",
     "offentliggjort.finansiering.Silkeborg.beloeb.budgetaar: skal være hele kroner, "
     f"fik 3443644.5{HELE}"),
    ("forrige = 18627", "forrige = 18627.5",
     "offentliggjort.gennemsnitspris.forrige: skal være hele kroner, fik 18627.5"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("takstgruppe_3 = { forrige = 85768,", "takstgruppe_3 = { forrige = 85768.33,",
     "offentliggjort.takster.tilsyn.takstgruppe_3.forrige: skal være hele kroner, fik 85768.33"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("timepris = { forrige = 635,", "timepris = { forrige = 635.4,",
     "offentliggjort.bpa.timepris.forrige: skal være hele kroner, fik 635.4"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("tilbud = { forrige = 252,", "tilbud = { forrige = 252.5,",
     "offentliggjort.antal.tilbud.forrige: skal være et helt tal, fik 252.5"
     "; feltet tager kun hele tal; skriv tallet uden decimaler"),
    ("plejefamilier_i_alt = { aendring = -40,", "plejefamilier_i_alt = { aendring = -40.0,",
     "offentliggjort.antal.plejefamilier_i_alt.aendring: skal være et helt tal, fik -40.0; "
     "skriv -40 uden decimaler"),
    ("befolkning = { forrige = 21502,", "befolkning = { forrige = 21.502,",
     "offentliggjort.finansiering.Silkeborg.befolkning.forrige: skal være et helt tal, "
     f"fik 21.502; skriv 21502: {HJAELP}"),
])
def test_et_felt_i_hele_kroner_eller_et_antal_afviser_decimaler(mappe, gammel, ny, besked):
    fil = mappe / "2024.toml"
    ret(fil, gammel, ny)
    assert fejl(laes_budget, fil) == f"{fil}:{linje_med(fil, ny)}: {besked}"


def test_kun_de_hele_felter_afviser_decimaler(mappe):
    """Normtimer, procenter, andele og PL-indekset har decimaler af natur; i en fil, hvor de alle
    har flere decimaler end i notatet, er kun beløbet i hele kroner en fejl."""
    fil = mappe / "2024.toml"
    ret(fil, "tilbudsafdelingen = 16905109", "tilbudsafdelingen = 16905109.5")
    ret(fil, "tilsyn = 65.2536 ", "tilsyn = 65.2575 ")
    ret(fil, "bpa_tilsyn = 13 ", "bpa_tilsyn = 13.5 ")
    ret(fil, "aendring = 1320124, pct = 3.8 }", "aendring = 1320124, pct = 3.81 }")
    ret(fil, "andel = { forrige = 17.8, budgetaar = 18.0 }",
        "andel = { forrige = 17.75, budgetaar = 17.976, aendring = 0.226, pct = 1.27 }")
    ret(mappe / "pl-indeks.toml", "2024 = 104.45", "2024 = 104.4512")
    assert fejl(laes_budget, fil) == (f"{fil}:{linje_med(fil, 'tilbudsafdelingen = 1690')}: "
                                      "budget.tilbudsafdelingen: skal være hele kroner, "
                                      f"fik 16905109.5{HELE}")
    assert laes_pl(mappe).indeks[2024] == Decimal("104.4512")


# --- Gennem kommandolinjen ------------------------------------------------------------------

def proces(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *map(str, args)], cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("ny, stderr", [
    ("tilbudsafdelingen = 17.350.000",
     "Fejl: budgets/2024.toml:20: ugyldig TOML: budget.tilbudsafdelingen = 17.350.000 er skrevet "
     f"med dansk talformat; skriv 17350000: {HJAELP}\n"),
    ('tilbudsafdelingen = "1.234,5"',
     "Fejl: budgets/2024.toml:20: budget.tilbudsafdelingen: skal være et beløb i kr. ≥ 0, "
     f"fik '1.234,5'; skriv 1234.5: {HJAELP}; feltet tager kun hele tal\n"),
    ("tilbudsafdelingen = 16905109.5",
     "Fejl: budgets/2024.toml:20: budget.tilbudsafdelingen: skal være hele kroner, "
     f"fik 16905109.5{HELE}\n"),
])
def test_beregn_som_sin_egen_proces(tmp_path, ny, stderr):
    shutil.copytree(BUDGETS, tmp_path / "budgets")
    ret(tmp_path / "budgets" / "2024.toml", "tilbudsafdelingen = 16905109", ny)
    r = proces("beregn", 2024, "-b", "budgets", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert r.stderr.decode("utf-8") == stderr
    assert r.stdout == b""


def test_tjek_melder_hele_kroner_med_noegle_og_linje_i_json(mappe):
    ret(mappe / "2024.toml", "tilbudsafdelingen = 16905109", "tilbudsafdelingen = 16905109.5")
    r = kør("tjek", mappe, "--format", "json")
    assert r.exit_code == 2
    fejl_ = [f for f in json.loads(r.stdout) if f["severity"] == "inputfejl"]
    assert [(f["file"], f["line"], f["key"], f["message"]) for f in fejl_] == [
        (str(mappe / "2024.toml"), 20, "budget.tilbudsafdelingen",
         f"skal være hele kroner, fik 16905109.5{HELE}")]


@pytest.mark.parametrize("saet, brudstykker", [
    ("budget.tilbudsafdelingen=16905109.5",
     ("budgets/2024.toml:20: budget.tilbudsafdelingen: skal være hele kroner, fik 16905109.5",
      "med --saet budget.tilbudsafdelingen=16905109.5")),
    ("budget.tilbudsafdelingen=1.000",  # TOML: 1 kr., ikke tusind
     ("budget.tilbudsafdelingen: skal være hele kroner, fik 1.000; skriv 1000: " + HJAELP,)),
    ('budget.tilbudsafdelingen="1.234,5"',
     (f"budget.tilbudsafdelingen: skal være et beløb i kr. ≥ 0, fik '1.234,5'; skriv 1234.5: "
      f"{HJAELP}",)),
    ("befolkning.kommuner.Aalborg=39978.0",
     ("befolkning.kommuner.Aalborg: skal være et helt tal ≥ 0, fik 39978.0; "
      "skriv 39978 uden decimaler",)),
])
def test_saet_paa_kommandolinjen(saet, brudstykker):
    en_linje(kør("beregn", 2024, "-b", BUDGETS, "--saet", saet), *brudstykker)


def test_en_scenariefil_med_dansk_tal(mappe):
    sti = mappe / "scenarier" / "ti-tilbud-lukker.toml"
    ret(sti, '"antal.tilbud" = 241',
        '"antal.tilbud" = 241\n"budget.tilbudsafdelingen" = 17.350.000')
    nr = linje_med(sti, '"budget.tilbudsafdelingen"')
    r = kør("scenarie", 2024, "ti-tilbud-lukker", "-b", mappe)
    en_linje(r, f"{sti}:{nr}: ugyldig TOML: saet.budget.tilbudsafdelingen = 17.350.000 er "
                f"skrevet med dansk talformat; skriv 17350000: {HJAELP}")


@pytest.mark.parametrize("ny, hjaelp", [
    ('tilbudsafdelingen = "16905109"', "fik '16905109'; skriv 16905109 uden anførselstegn"),
    ("tilbudsafdelingen = 16 905 109", f"16 905 109 er skrevet med dansk talformat; skriv "
                                       f"16905109: {HJAELP}"),
])
def test_et_tal_i_anfoerselstegn_eller_med_mellemrum_faar_hjaelp(mappe, ny, hjaelp):
    ret(mappe / "2024.toml", "tilbudsafdelingen = 16905109", ny)
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert "2024.toml:20: " in r.stderr and hjaelp in r.stderr, r.stderr


def test_en_budgetfil_givet_som_budgetmappe_siger_det(mappe):
    r = kør("beregn", 2024, "-b", mappe / "2024.toml")
    assert r.exit_code == 2
    assert "2024.toml: er en fil, ikke en mappe; -b skal være mappen med budgetfilerne" \
        in r.stderr
