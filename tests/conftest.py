from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent
BUDGETS = ROD / "budgets"


@pytest.fixture(scope="session")
def rapport_2024():
    from tilsynstakst.service import beregn_rapport

    return beregn_rapport(BUDGETS, 2024, "stoerste-rest")
