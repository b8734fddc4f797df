import shutil
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
