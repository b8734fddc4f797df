from decimal import Decimal

from tilsynstakst.tal import kroner, procent, tal


def test_tusindtalspunktum_og_decimalkomma():
    assert tal(6294349) == "6.294.349"
    assert tal(Decimal("25154.35")) == "25.154,35"
    assert tal(Decimal("-1502843")) == "-1.502.843"
    assert tal(0) == "0"


def test_procent_og_kroner_med_haardt_mellemrum():
    assert procent(Decimal("3.8")) == "3,8\u00a0%"
    assert kroner(1320124) == "kr.\u00a01.320.124"


def test_formatering_afrunder_aldrig():
    assert tal(Decimal("672.0551")) == "672,0551"
