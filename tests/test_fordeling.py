from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tilsynstakst.beregning.fordeling import simpel, stoerste_rest

vaegte = st.dictionaries(st.text(min_size=1, max_size=5), st.integers(0, 10**6), min_size=1,
                         max_size=15).filter(lambda d: sum(d.values()) > 0)


@given(total=st.integers(0, 10**10), vaegte=vaegte)
def test_stoerste_rest_summer_til_budgettet_og_afviger_under_en_krone(total, vaegte):
    dele = stoerste_rest(total, vaegte)
    assert sum(dele.values()) == total
    s = sum(vaegte.values())
    for navn, v in vaegte.items():
        assert abs(dele[navn] - Fraction(total * v, s)) < 1


def test_stoerste_rest_giver_de_manglende_kroner_til_de_stoerste_rester():
    assert stoerste_rest(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert stoerste_rest(100, {"a": 1, "b": 2}) == {"a": 33, "b": 67}


def test_stoerste_rest_bryder_lighed_ved_vaegt_og_navn():
    # 5 fordelt på 2:2:1 -> 2, 2, 1 eksakt; 7 -> rester 0,8 0,8 0,4
    assert stoerste_rest(7, {"b": 2, "a": 2, "c": 1}) == {"b": 3, "a": 3, "c": 1}
    assert stoerste_rest(1, {"b": 1, "a": 1}) == {"b": 0, "a": 1}


def test_simpel_afrunder_hver_for_sig_og_kan_mangle_en_krone():
    assert simpel(10, {"a": 1, "b": 1, "c": 1}) == {"a": 3, "b": 3, "c": 3}
