from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

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


def test_minus_er_ascii_bindestreg():
    assert tal(Decimal("-3.8")) == "-3,8" and procent(Decimal("-14.3")) == "-14,3\u00a0%"
    assert "\u2212" not in tal(-1502843)  # ikke U+2212, som Word og søgning ser anderledes


@given(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False))
def test_dansk_tal_kan_laeses_tilbage_uden_tab(x):
    tekst = tal(x)
    assert Decimal(tekst.replace(".", "").replace(",", ".")) == x
    hele = tekst.lstrip("-").split(",")[0]
    assert all(len(g) == 3 for g in hele.split(".")[1:]) and len(hele.split(".")[0]) <= 3


def test_vis_en_tabel_med_navne_som_noegler_som_navn_vaerdi():
    """En ordbog (kommunerne i en pladsholder-liste i notatet) vises på dansk, ikke som Python."""
    from tilsynstakst.tal import vis

    assert vis({"Favrskov": 1000, "Samsø": 2500}) == "Favrskov: 1.000; Samsø: 2.500"
