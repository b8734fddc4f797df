"""Windows' tegnsæt og lange linjer (issue 19, punkt 6 og 15).

Løfterne er om processen, så de prøves gennem den rigtige indgang: ``python -m tilsynstakst`` i en
underproces, med ``PYTHONIOENCODING=cp1252`` som på Windows med omdirigeret uddata, eller i en
pseudoterminal med ``COLUMNS`` for det, brugeren ser på en terminal.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUDGETS, ROD, fordel_resultat, i_terminal, ret

GRAENSE = 30  # sekunder


def proces(*args, env=None, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """``tilsynstakst ARGS`` som sin egen proces med standard-ud og -fejl til rør."""
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *map(str, args)], cwd=ROD,
                          stdin=stdin, capture_output=True, timeout=GRAENSE,
                          env={**os.environ, **(env or {})})


# --- Punkt 6: JSON, CSV og Markdown er UTF-8, hvad konsollens tegnsæt end er -------------------

@pytest.mark.parametrize("args, tegn", [
    (["beregn", 2024, "-f", "json"], "Brønderslev"),
    (["beregn", 2024, "-f", "csv"], "række"),
    (["beregn", 2024, "-f", "markdown"], "Brønderslev"),
    (["takstblad", 2024, "-f", "json"], "Skærpet"),
    (["notat", 2024], "Brønderslev"),
    (["scenarie", 2024, "ti-tilbud-lukker", "-f", "markdown"], "Takstgruppe"),
    (["foelsomhed", 2024, "-f", "csv"], "række"),
    (["tjek", BUDGETS, "-f", "json"], "beløb"),
    (["skema"], "0-17-årige"),
])
def test_json_csv_og_markdown_i_et_roer_er_utf8_ogsaa_i_cp1252(args, tegn):
    """Et CI-script læser UTF-8: uddata er de samme bytes som med UTF-8 som konsollens tegnsæt."""
    cp1252 = proces(*args, env={"PYTHONIOENCODING": "cp1252"})
    utf8 = proces(*args, env={"PYTHONIOENCODING": "utf-8"})
    assert cp1252.returncode == utf8.returncode == 0, cp1252.stderr.decode("cp1252")
    assert cp1252.stdout == utf8.stdout
    assert tegn in cp1252.stdout.decode("utf-8")


# --- Punkt 6: beskeder i et tegnsæt uden ≥ ------------------------------------------------------

def test_en_fejl_i_cp1252_skriver_ge_som_to_tegn_ikke_spoergsmaalstegn(mappe):
    ret(mappe / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -3")
    r = proces("beregn", 2024, "-b", mappe, env={"PYTHONIOENCODING": "cp1252"})
    assert r.returncode == 2
    assert r.stderr == (f"Fejl: {mappe / '2024.toml'}:35: antal.bpa_tilsyn: skal være et helt "
                        f"tal >= 0, fik -3\n").encode("cp1252")


# --- Punkt 15: lange linjer på en terminal og i et rør -----------------------------------------

def terminal(*args, cwd=ROD, stil=False, **env) -> str:
    """Det, brugeren ser i en 80 tegn bred terminal (``conftest.i_terminal``), som tekst; stilene
    (fed, farver) fjernet, medmindre ``stil``."""
    env = {"COLUMNS": "80", "TERM": "xterm", **env}
    _, data = i_terminal(*args, cwd=cwd, env=env, timeout=GRAENSE)
    tekst = data.decode(env.get("PYTHONIOENCODING") or "utf-8").replace("\r\n", "\n")
    return tekst if stil else re.sub(r"\x1b\[[0-9;]*m", "", tekst)


def test_tjek_i_en_terminal_brydes_i_bredden_og_fundet_fortsaetter_under_sin_tekst():
    tekst = terminal("tjek", "budgets", NO_COLOR="1")
    assert max(map(len, tekst.splitlines())) <= 80
    assert ("budgets/2023.toml  ✓ gyldig; 121 offentliggjorte tal afstemt: 120 ens, 1 erkendt\n"
            "    fejl i notatet, 1 kolonne afrundet med en anden metode; 43 tal i oversigten\n"
            "    afstemt: 41 ens, 2 afrundingsforskelle\n"
            "  erkendt   budgets/2023.toml:106:\n"
            "            offentliggjort.budget.plejefamilieafdelingen.aendring: erkendt fejl\n"
            "            i notatet: offentliggjort -1.615.893, beregnet -1.615.890 (forskel\n"
            "            3 kr.); notatets egen tabel giver 17.654.409 - 19.270.299 =\n"
            "            -1.615.890; teksten har 3 kr. for meget\n") in tekst
    assert ("  afrunding budgets/2023.toml:216:\n"
            "            oversigt.takster.skaerpet_tilsyn_pr_maaned.alle_kategorier.pct:\n"
            "            afrundingsforskel: i oversigten 8,2 %, beregnet 8,3 % / 8,2 % /\n"
            "            8,2 % / 8,2 % i takstgruppe 1-4\n") in tekst
    assert tekst.endswith("6 filer læst: 6 afrundingsforskelle, 1 erkendt fejl i notatet.\n"
                          "Alle budgetfiler er gyldige. Afrundingsforskelle og advarsler fejler "
                          "kun med\n--streng. Erkendte fejl i notatet fejler ikke.\n")


def test_en_noegle_for_lang_til_at_staa_under_teksten_rykkes_saa_lidt_ind_der_er_plads_til(
        tmp_path):
    shutil.copytree(ROD / "budgets", tmp_path / "budgets")
    with open(tmp_path / "budgets" / "2023.toml", "a", encoding="utf-8") as f:
        f.write("\n[offentliggjort.takster.skaerpet_tilsyn_pr_maaned]\n"
                "alle_kategorier = { pct = 8.2 }\n")
    tekst = terminal("tjek", "budgets", cwd=tmp_path, NO_COLOR="1")
    assert max(map(len, tekst.splitlines())) <= 80
    assert ("           offentliggjort.takster.skaerpet_tilsyn_pr_maaned.alle_kategorier.pct:\n"
            "            afrundingsforskel: offentliggjort 8,2 %, beregnet 8,3 % / 8,2 % /\n"
            "            8,2 % / 8,2 % i takstgruppe 1-4\n") in tekst


def test_tjek_i_et_roer_har_hvert_fund_paa_en_linje():
    from tilsynstakst.aaret.tjek import tjek

    r = proces("tjek", "budgets")
    fund = tjek([Path("budgets")]).fund
    linjer = r.stdout.decode().splitlines()
    assert [linje for linje in linjer if linje.startswith("  ")] == \
        [f"  {f.alvor:<9} {f}" for f in fund]
    assert max(map(len, linjer)) > 200  # de lange fund er ikke brudt


def test_tjek_i_en_terminal_har_farver_men_ingen_stil_med_no_color():
    farver = terminal("tjek", "budgets", stil=True, NO_COLOR=None)
    assert "\x1b[1mbudgets/2024.toml\x1b[0m  \x1b[32m✓ gyldig\x1b[0m" in farver
    assert "  \x1b[33mafrunding\x1b[0m budgets/2024.toml:88:" in farver
    assert "\x1b" not in terminal("tjek", "budgets", stil=True, NO_COLOR="1")


def test_tjek_i_en_terminal_med_columns_0_viser_rapporten_i_terminalens_bredde():
    tekst = terminal("tjek", "budgets", COLUMNS="0", NO_COLOR="1")
    assert "budgets/2024.toml  ✓ gyldig" in tekst and "6 filer læst" in tekst
    assert max(map(len, tekst.splitlines())) <= 80  # pseudoterminalen har ingen bredde: 80


FORKLAR = ("budgetaar.takster.tilsyn.2 = 87.703 (takst for tilsyn, takstgruppe 3)\n"
           "  = vægt (takstgruppe 3) 2 × normtimer.tilsyn 65,2536 × timepris, uafrundet\n"
           "      ≈672,0186 = ≈87.703,2613 → 87.703\n"
           "  afrundet halvt op til hele kroner (socialtilsynsbekendtgørelsen § 32; README:\n"
           "      Afrunding)\n"
           "  vægt (takstgruppe 3) = 2: takstgruppe 3 er 25-49 pladser; vægtene er\n"
           "      1 : 1,2 : 2 : 3 (README: Hvad tabellerne betyder)\n"
           "  normtimer.tilsyn = 65,2536 fra budgets/2024.toml:51 (kalibreret)\n")


def test_forklar_i_en_terminal_brydes_med_fortsaettelsen_rykket_ind_under_trinet():
    tekst = terminal("forklar", 2024, "budgetaar.takster.tilsyn.2")
    assert tekst.startswith(FORKLAR)
    assert max(map(len, tekst.splitlines())) <= 80


def test_forklar_i_cp1252_brydes_efter_de_tegn_der_skrives():
    """≈ skrives "ca. " og → "->" i cp1252; linjen måles i dem, så den stadig er i bredden."""
    tekst = terminal("forklar", 2024, "budgetaar.takster.tilsyn.2", PYTHONIOENCODING="cp1252")
    assert tekst.startswith(
        "budgetaar.takster.tilsyn.2 = 87.703 (takst for tilsyn, takstgruppe 3)\n"
        "  = vægt (takstgruppe 3) 2 × normtimer.tilsyn 65,2536 × timepris, uafrundet\n"
        "      ca. 672,0186 = ca. 87.703,2613 -> 87.703\n")
    assert max(map(len, tekst.splitlines())) <= 80


def test_forklar_i_et_roer_har_hvert_trin_paa_en_linje():
    r = proces("forklar", 2024, "budgetaar.takster.tilsyn.2")
    assert r.stdout.decode().startswith(
        "budgetaar.takster.tilsyn.2 = 87.703 (takst for tilsyn, takstgruppe 3)\n"
        "  = vægt (takstgruppe 3) 2 × normtimer.tilsyn 65,2536 × timepris, uafrundet "
        "≈672,0186 = ≈87.703,2613 → 87.703\n")


def test_fejl_i_en_terminal_brydes_under_beskeden(mappe):
    ret(mappe / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -3")
    assert terminal("beregn", 2024, "-b", ".", cwd=mappe, COLUMNS="50") == (
        "Fejl: 2024.toml:35: antal.bpa_tilsyn: skal være et\n"
        "      helt tal ≥ 0, fik -3\n")
    assert terminal("beregn", COLUMNS="50") == (
        "Fejl: mangler argumentet AAR. Brug:\n"
        "      tilsynstakst beregn [TILVALG] AAR; hjælp:\n"
        "      tilsynstakst beregn -h\n")  # en kommando brydes ikke


@pytest.fixture
def udkast(mappe):
    """2025.toml som udkast fra 2024 (``ny``): beregn advarer om udkastet og befolkningen."""
    assert proces("ny", 2025, "--pl", "3,2", "-b", fordel_resultat(mappe)).returncode == 0
    return mappe


ADVARSLER = [
    "Advarsel: 2025.toml:18: kilde: filen er et udkast: 5 kilder er overført og ikke "
    "gennemgået (kilde, budget.kilde, antal.kilde, normtimer.kilde, befolkning.kilde); "
    "erstat hver 'UDKAST: …' med årets kilde",
    "Advarsel: 2025.toml:57: befolkning.kvartal: er 2023K2, men reglen er 2. kvartal året "
    "før budgetåret: 2024K2 (hent det med: tilsynstakst befolkning 2025 -b . --hent)",
]


def test_advarsler_i_en_terminal_brydes_under_beskeden(udkast):
    tekst = terminal("beregn", 2025, "-b", ".", cwd=udkast)
    assert tekst.startswith(
        "Advarsel: 2025.toml:18: kilde: filen er et udkast: 5 kilder er overført og ikke\n"
        "          gennemgået (kilde, budget.kilde, antal.kilde, normtimer.kilde,\n"
        "          befolkning.kilde); erstat hver 'UDKAST: …' med årets kilde\n"
        "Advarsel: 2025.toml:57: befolkning.kvartal: er 2023K2, men reglen er 2. kvartal\n"
        "          året før budgetåret: 2024K2 (hent det med:\n"
        "          tilsynstakst befolkning 2025 -b . --hent)\n")
    assert max(map(len, tekst.splitlines())) <= 80


@pytest.mark.parametrize("kommando", ["beregn", "notat"])
def test_advarsler_i_et_roer_er_en_linje_hver(udkast, kommando):
    r = subprocess.run([sys.executable, "-m", "tilsynstakst", kommando, "2025", "-b", "."],
                       cwd=udkast, capture_output=True, timeout=GRAENSE)
    assert r.returncode == 0 and r.stderr.decode().splitlines() == ADVARSLER
