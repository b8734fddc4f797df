import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent
BUDGETS = ROD / "budgets"


@pytest.fixture(scope="session")
def rapport_2024():
    from tilsynstakst.service import beregn_rapport

    return beregn_rapport(BUDGETS, 2024, "stoerste-rest")


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
