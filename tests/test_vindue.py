"""Windows' tegnsæt og lange linjer (issue 19, punkt 6 og 15).

Løfterne er om processen, så de prøves gennem den rigtige indgang: ``python -m tilsynstakst`` i en
underproces, med ``PYTHONIOENCODING=cp1252`` som på Windows med omdirigeret uddata, eller i en
pseudoterminal med ``COLUMNS`` for det, brugeren ser på en terminal.
"""

import os
import pty
import re
import subprocess
import sys

import pytest

from conftest import BUDGETS, ROD, ret

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
