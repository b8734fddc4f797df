import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent
BUDGETS = ROD / "budgets"


def beregn_rapport(mappe, aar: int, afrunding: str = "stoerste-rest"):
    """Budgetårets rapport, som ``beregn`` regner den (uden fund)."""
    from tilsynstakst.aaret.gennemloeb import beregn

    return beregn(mappe, aar, afrunding).rapport


@pytest.fixture(scope="session")
def rapport_2024():
    return beregn_rapport(BUDGETS, 2024)


@pytest.fixture
def mappe(tmp_path):
    """En kopi af de leverede budgetfiler, som testen må ændre."""
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    return tmp_path


def ret(fil, gammel: str, ny: str) -> None:
    """Erstat første forekomst af ``gammel`` i filen (som skal findes der)."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst, gammel
    fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")


# Budgets 2024 er netto efter 250.990 kr. fra Regnskab 2022, men notatet siger ikke, hvordan
# beløbet er fordelt på afdelingerne, så `ny 2025` spørger efter delene (issue 19). Testenes
# fordeling er opfundet (45/55 som eksemplet i eksempler/opbygning): testdata, ikke en kilde.
FORDELT_RESULTAT = {"tilbudsafdelingen": 112946, "plejefamilieafdelingen": 138044}


def fordel_resultat(mappe):
    """Skriv testens fordeling af 2024's overførte resultat i kopien af 2024.toml."""
    dele = "".join(f"{navn} = {beloeb}\n" for navn, beloeb in FORDELT_RESULTAT.items())
    ret(mappe / "2024.toml", "beloeb = 250990\n", f"beloeb = 250990\n{dele}")
    return mappe


def i_terminal(*args, cwd=ROD, env=None, timeout=60) -> tuple[int, bytes]:
    """``tilsynstakst ARGS`` i en pseudoterminal (standard-ud og -fejl), som brugeren ser det:
    udgangskoden og alt, der blev skrevet. ``env``: ændringer i miljøet (None: fjern)."""
    hoved, barn = pty.openpty()
    miljoe = {k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None}
    proces = subprocess.Popen([sys.executable, "-m", "tilsynstakst", *map(str, args)], cwd=cwd,
                              stdin=barn, stdout=barn, stderr=barn, env=miljoe)
    os.close(barn)
    data = b""
    while True:
        try:
            stykke = os.read(hoved, 65536)
        except OSError:  # barnets ende er lukket
            break
        if not stykke:
            break
        data += stykke
    os.close(hoved)
    return proces.wait(timeout=timeout), data
