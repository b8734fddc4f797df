"""Brugsfejl og hjælp på dansk gennem det rigtige indgangspunkt (issue 11): en manglende eller
ukendt ting på kommandolinjen er én dansk linje med kode 2, og hjælpen har ingen <bool>."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROD

# Typers og Clicks engelske ord; ingen af dem må nå brugeren.
ENGELSK = re.compile(r"Missing|Invalid|Usage|Error|Try |unexpected|No such|requires|does not|"
                     r"is not one of|Input should|Options|Arguments|Commands|OPTIONS|COMMAND|"
                     r"<bool>|<int|<path>|<file>|<list|\[\[|<=x<=|\{AAR\}")


def tilsynstakst(*args: str, bredde: int = 100) -> subprocess.CompletedProcess:
    miljoe = {**os.environ, "COLUMNS": str(bredde), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *args], cwd=ROD, env=miljoe,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.mark.parametrize(("args", "dansk"), [
    (["beregn"], "Fejl: mangler argumentet AAR."),
    (["beregn", "2024", "x"], "Fejl: for mange argumenter: x."),
    (["beregn", "2024", "--format", "xlsxx"],
     "Fejl: ugyldig værdi for tilvalget --format/-f: 'xlsxx' er ikke et af valgene tabel, json, "
     "markdown, csv, xlsx, html."),
    (["beregn", "to-tusind"], "ugyldig værdi for argumentet AAR: skal være et helt tal, fik "
                              "'to-tusind'."),
    (["beregn", "1999"], "ugyldig værdi for argumentet AAR: skal være mindst 2000, fik 1999."),
    (["beregn", "2101"], "ugyldig værdi for argumentet AAR: må højst være 2100, fik 2101."),
    (["beregn", "2024", "--formt", "json"], "Fejl: ukendt tilvalg --formt; mente du --format?"),
    (["beregn", "2024", "-o"], "Fejl: tilvalget -o skal have en værdi."),
    (["bereg", "2024"], "Fejl: ukendt kommando 'bereg'; mente du 'beregn'?"),
    (["tjek", "--streng=ja"], "Fejl: tilvalget --streng tager ingen værdi; skriv bare --streng."),
    (["skema", "budgetfil"], "'budgetfil' er ikke et af valgene budget, pl-indeks, regnskab."),
])
def test_brugsfejl_er_en_dansk_linje_med_kode_2(args, dansk):
    r = tilsynstakst(*args)
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Fejl: "), r.stderr
    assert dansk in r.stderr, r.stderr
    assert not ENGELSK.search(r.stderr), r.stderr


def test_brugsfejlen_viser_kommandoens_brug_og_hjaelpen():
    r = tilsynstakst("beregn")
    assert r.stderr.rstrip().endswith(
        "Brug: tilsynstakst beregn [TILVALG] AAR; hjælp: tilsynstakst beregn -h"), r.stderr


def test_format_med_store_bogstaver_er_samme_format():
    r = tilsynstakst("beregn", "2024", "--format", "JSON")
    assert r.returncode == 0, r.stderr
    assert '"tilsyn": "Socialtilsyn Nord"' in r.stdout


@pytest.mark.parametrize("args", [["-h"], ["beregn", "-h"], ["notat", "-h"], ["tjek", "-h"],
                                  ["scenarie", "-h"], ["ny", "-h"], ["befolkning", "-h"],
                                  ["takstblad", "-h"], ["forklar", "-h"], ["foelsomhed", "-h"],
                                  ["skema", "-h"]])
def test_hjaelpen_er_dansk_uden_bool(args):
    r = tilsynstakst(*args, bredde=80)
    assert "…" not in r.stdout  # intet eksempel eller navn skåret af i 80 tegn
    assert r.returncode == 0, r.stderr
    assert "Brug: tilsynstakst" in r.stdout and "[TILVALG]" in r.stdout
    assert "Vis denne hjælp og slut." in r.stdout
    assert not ENGELSK.search(r.stdout), ENGELSK.search(r.stdout)


def test_kommandoens_hjaelp_er_et_afsnit_ikke_kildekodens_linjer():
    r = tilsynstakst("-h")
    # foelsomhed's docstring er brudt efter "gennemsnitsprisen:" i kildekoden; i hjælpen ikke.
    assert re.search(r"gennemsnitsprisen: et tilbud mere", " ".join(
        linje.strip("│ ") for linje in r.stdout.splitlines())), r.stdout


def test_uden_argumenter_vises_hjaelpen_med_kode_2():
    r = tilsynstakst()
    assert r.returncode == 2
    assert "Kommandoer" in r.stdout and "KOMMANDO [ARGUMENTER]..." in r.stdout
