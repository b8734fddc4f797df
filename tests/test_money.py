from decimal import Decimal
from fractions import Fraction

import pytest

from tilsynstakst.beregning.afrunding import afrund_decimaler, afrund_kroner, afrund_procent


@pytest.mark.parametrize("x, forventet", [
    (Fraction(5, 2), 3),            # halvt op, ikke bankers (2)
    (Fraction(7, 2), 4),
    (Fraction(-5, 2), -3),          # væk fra nul
    (Decimal("20164.27"), 20164),
    (Decimal("0.4999"), 0),
    (0, 0),
])
def test_kroner_runder_halvt_op(x, forventet):
    assert afrund_kroner(x) == forventet


def test_procent_en_decimal_halvt_op():
    assert afrund_procent(Fraction(1320124, 34741043)) == Decimal("3.8")
    assert afrund_procent(Fraction(10, 70)) == Decimal("14.3")   # 14,2857
    assert afrund_procent(Fraction(1, 400)) == Decimal("0.3")    # 0,25 → 0,3 (ikke 0,2)
    assert str(afrund_procent(Fraction(-1, 10000))) == "0.0"     # intet "-0,0"


def test_decimaler_til_forklarende_mellemregninger():
    assert afrund_decimaler(Fraction(2, 3), 4) == Decimal("0.6667")
