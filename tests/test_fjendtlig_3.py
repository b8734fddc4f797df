"""Fjendtligt input, tredje runde (issue 21): hver klasse gennem den rigtige indgang, med en
tidsgrænse. En fejl er én dansk linje med kode 2, aldrig kode 3 (en fejl i programmet)."""

import subprocess
import sys

import pytest

from conftest import ROD

GRAENSE = 60


def proces(*args, cwd=ROD):
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=GRAENSE)


@pytest.mark.parametrize("args, besked", [
    (("beregn", 2024, "--saet", "antal.pr_takstgruppe.tilbud.²=5"),
     "Fejl: --saet: antal.pr_takstgruppe.tilbud.²: antal.pr_takstgruppe.tilbud er en liste med "
     "pladserne 0-3; ² findes ikke"),
    (("beregn", 2024, "--saet", "antal.pr_takstgruppe.tilbud.٣=5"), "٣ findes ikke"),
    (("forklar", 2024, "budgetaar.finansiering.kommuner.٣.beloeb"), "er ikke et tal i beregningen"),
])
def test_kun_ascii_cifre_er_cifre(args, besked):
    """Klasse 5: str.isdigit(), \\d og Decimal() tager også ², ٣ og ３; her er et ciffer 0-9."""
    r = proces(*args)
    assert r.returncode == 2 and besked in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_en_pl_med_andre_cifre_afvises(mappe):
    r = proces("ny", 2025, "-b", mappe, "--pl", "３,２")
    assert r.returncode == 2
    assert r.stderr == "Fejl: --pl: skal være en procent som 3,2 eller 3.2, fik '３,２'\n"
    assert not (mappe / "2025.toml").exists()
