"""Hvert råd, programmet giver, kan køres, som det står, med brugerens egne valg (issue 19).

Rådene samles fra det, programmet skriver i almindelige situationer med en budgetmappe, der ikke
er standardmappen (og har et mellemrum i navnet, så citeringen prøves): et nyt udkast, en
befolkning fra et forkert kvartal, et år uden fil, en nøgle, der ikke findes. Hver
``tilsynstakst …``-kommando i teksten køres derefter gennem den rigtige indgang (``python -m
tilsynstakst``) fra en mappe uden ``budgets/``, så et råd, der har tabt ``-b``, også fejler.
"""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import BUDGETS, fordel_resultat, ret
from tilsynstakst.cli.app import app

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "folk1a"
EKSEMPEL = DATA / "nord-2024K2-eksempel.csv"
KOMMANDOER = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
# Et råd: en kommando, der står sidst i beskeden eller før ';' eller ')' (kommando.py).
RAAD = re.compile(r"tilsynstakst (?:%s)(?: (?:'[^']*'|[^\s;()'])+)*" % "|".join(KOMMANDOER))
# Pladsholdere, brugeren udfylder; testen udfylder dem med noget, der findes.
PLADSHOLDERE = {"NØGLE": "budgetaar.takster.tilsyn.2", "PCT": "3,2", "FIL": str(EKSEMPEL)}


def kør(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def raad(tekst: str) -> list[str]:
    return RAAD.findall(tekst)


def kør_raad(linje: str, cwd: Path) -> subprocess.CompletedProcess:
    argv = [PLADSHOLDERE.get(d, d) for d in shlex.split(linje)]
    assert argv[0] == "tilsynstakst"
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *argv[1:]], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def andre(tmp_path):
    mappe = tmp_path / "andre budgetter"
    shutil.copytree(BUDGETS, mappe)
    return fordel_resultat(mappe)  # så ny 2025 kan lægge 2024's overskud tilbage


@pytest.fixture
def dst(httpserver, monkeypatch):
    monkeypatch.setenv("TILSYNSTAKST_DST_URL", httpserver.url_for("/v1"))
    monkeypatch.setenv("TILSYNSTAKST_DST_TIMEOUT", "5")
    httpserver.expect_request("/v1/data", method="POST").respond_with_data(
        EKSEMPEL.read_bytes(), content_type="text/csv")
    return httpserver


def test_hvert_raad_kan_koeres_som_det_staar(andre, dst, monkeypatch):
    udskrift = []

    def samle(*args, **kw):
        r = kør(*args, **kw)
        udskrift.append(r.stdout + r.stderr)
        return r

    assert samle("ny", 2025, "--pl", "3,2", "-b", andre).exit_code == 0
    samle("ny", 2025, "--pl", "3,2", "-b", andre)  # findes som et uberørt udkast
    samle("pl", 2026, "3,5", "-b", andre)  # året står ikke i PL-indekset
    samle("beregn", 2025, "-b", andre)  # udkast og befolkning fra 2023K2
    samle("beregn", 2025, env={"TILSYNSTAKST_BUDGETMAPPE": str(andre)})  # mappen fra miljøet
    samle("tjek", andre)
    samle("befolkning", 2025, "-b", andre)  # uden --hent, --fra-csv og --url
    samle("befolkning", 2026, "-b", andre, "--url")  # året findes ikke endnu
    samle("forklar", 2024, "-b", andre)
    samle("forklar", 2024, "budgetaar.takster.tilsin.2", "-b", andre)
    assert samle("befolkning", 2025, "-b", andre, "--fra-csv", EKSEMPEL).exit_code == 0
    alle = [linje for tekst in udskrift for linje in raad(tekst)]
    unikke = list(dict.fromkeys(alle))
    citeret = shlex.quote(str(andre))
    assert set(unikke) == {
        f"tilsynstakst befolkning 2025 -b {citeret} --hent",
        f"tilsynstakst tjek {citeret}",
        f"tilsynstakst ny 2026 -b {citeret} --pl PCT",
        f"tilsynstakst forklar 2024 -b {citeret} NØGLE",
        f"tilsynstakst forklar 2024 -b {citeret}",
        f"tilsynstakst beregn 2025 -b {citeret}",
        f"tilsynstakst pl 2025 PCT -b {citeret}",
    }, unikke
    # Befolkningen hentes igen (fra testserveren), og alternativet uden netværk prøves også.
    unikke.append(unikke[0].replace("--hent", "--fra-csv FIL"))
    cwd = andre.parent
    assert not (cwd / "budgets").exists()
    for linje in unikke:
        r = kør_raad(linje, cwd)
        assert "Brug:" not in r.stderr, (linje, r.stderr)  # ingen brugsfejl
        assert r.returncode in (0, 1), (linje, r.returncode, r.stderr)


def test_advarslen_om_kvartalet_har_brugerens_mappe(andre):
    ret(andre / "2024.toml", 'kvartal = "2023K2"', 'kvartal = "2022K2"')
    r = kør("beregn", 2024, "-b", andre)
    assert r.exit_code == 0
    assert (f"befolkning.kvartal: er 2022K2, men reglen er 2. kvartal året før budgetåret: 2023K2 "
            f"(hent det med: tilsynstakst befolkning 2024 -b '{andre}' --hent)") in r.stderr


def test_befolkning_uden_aarets_fil_siger_hvordan_aaret_startes(andre):
    r = kør("befolkning", 2025, "-b", andre, "--hent")
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {andre / '2025.toml'}: filen findes ikke; start budgetåret fra "
                        f"2024.toml med: tilsynstakst ny 2025 -b '{andre}' --pl PCT (PCT: pris- og "
                        f"lønfremskrivningen fra 2024 til 2025 i procent)\n")
    ret(andre / "pl-indeks.toml", "2024 = 104.45", "2024 = 104.45\n2025 = 107.7924")
    r = kør("befolkning", 2025, "-b", andre, "--url")
    assert r.stderr == (f"Fejl: {andre / '2025.toml'}: filen findes ikke; start budgetåret fra "
                        f"2024.toml med: tilsynstakst ny 2025 -b '{andre}'\n")


def test_befolkning_uden_valg_viser_en_kommando_der_virker(andre):
    r = kør("befolkning", 2024, "-b", andre)
    assert r.exit_code == 2
    assert r.stderr == ("Fejl: angiv præcis én af --hent, --fra-csv FIL og --url, fx tilsynstakst "
                        f"befolkning 2024 -b '{andre}' --hent\n")


def test_et_manglende_pl_aar_siger_hvilken_linje_der_mangler(andre):
    assert kør("ny", 2025, "--pl", "3,2", "-b", andre).exit_code == 0
    ret(andre / "pl-indeks.toml", "2025 = 107.7924", "")
    r = kør("beregn", 2025, "-b", andre)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        f"Fejl: {andre / 'pl-indeks.toml'}:5: indeks.2025: PL-indekset mangler året 2025; tilføj "
        "under [indeks] linjen 2025 = 104.45 × (1 + PL/100), med PL fra 2024 til 2025 i procent")


def test_forklar_uden_noegle_og_med_en_forkert_noegle_viser_kommandoen_med_mappen(andre):
    r = kør("forklar", 2024, "-b", andre)
    assert r.stdout.splitlines()[0] == (
        "Alle tal i beregningen af Socialtilsyn Nords budget 2024 med deres nøgle; forklar et af "
        f"dem med: tilsynstakst forklar 2024 -b '{andre}' NØGLE")
    r = kør("forklar", 2024, "nej", "-b", andre)
    assert r.exit_code == 2
    assert r.stderr == ("Fejl: nej: er ikke et tal i beregningen; alle nøgler vises med: "
                        f"tilsynstakst forklar 2024 -b '{andre}'\n")


def test_en_stavefejl_i_en_kommune_faar_mente_du_i_befolkning_beregn_og_saet(andre):
    """Én forslagsfunktion (kommuner.naermeste) og én besked (model.ukendt_kommune):
    'Brønderslv' er hverken et præfiks af 'Brønderslev' eller omvendt, men er det nærmeste af
    de 98 navne. Filen kan ikke bruges, så beregn og befolkning siger det samme."""
    ret(andre / "2024.toml", '"Brønderslev" = 7775', '"Brønderslv" = 7775')
    linje = next(i for i, x in enumerate((andre / "2024.toml").read_text().split("\n"), 1)
                 if x.startswith('"Brønderslv"'))
    besked = ("befolkning.kommuner.Brønderslv: skal være en af Danmarks 98 kommuner, stavet som "
              "hos Danmarks Statistik, fik 'Brønderslv'; mente du Brønderslev?\n")
    for args in (["beregn", 2024], ["befolkning", 2024, "--url"]):
        r = kør(*args, "-b", andre)
        assert r.exit_code == 2 and r.stderr == f"Fejl: {andre / '2024.toml'}:{linje}: {besked}"
    r = kør("beregn", 2023, "-b", andre, "--saet", "befolkning.kommuner.Brønderslv=7000")
    assert r.exit_code == 2 and r.stderr == f"Fejl: --saet: {besked}"
