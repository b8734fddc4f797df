"""Omkostningsmodellen (docs/omkostningsmodel.md; socialtilsynsbekendtgørelsen §§ 32-33)."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.beregning.takster import (
    AKTIVITETER, VAEGTE, beregn_takster, skaerpet_tillaeg, timepris, timer_i_alt,
)


def lille_budget(tilbud=(1, 1, 1, 1), nyg=(0, 0, 0, 0), vae=(0, 0, 0, 0), bpa=(0, 0),
                 timer=("10", "20", "5", "13", "36"), budget=72000) -> Budget:
    return Budget.model_validate({
        "aar": 2024, "tilsyn": "Socialtilsyn Nord", "kilde": "test",
        "budget": {"kilde": "t", "tilbudsafdelingen": budget, "plejefamilieafdelingen": 1000},
        "antal": {"kilde": "t", "plejefamilier": 1, "plejefamilier_nygodkendelser": 0,
                  "bpa_tilsyn": bpa[0], "bpa_nygodkendelser": bpa[1],
                  "pr_takstgruppe": {"tilbud": tilbud, "tilbud_nygodkendelser": nyg,
                                     "vaesentlige_aendringer": vae}},
        "normtimer": dict(kilde="t", **{k: Decimal(v) for k, v in zip(
            ("tilsyn", "nygodkendelse", "vaesentlig_aendring", "bpa_tilsyn",
             "bpa_nygodkendelse"), timer)}),
        "befolkning": {"kilde": "t", "kvartal": "2023K2", "kommuner": {"Læsø": 1}},
    })


def test_timer_i_alt_vaegter_takstgrupperne_1_12_2_3():
    # 10 timer × (1 + 1,2 + 2 + 3) = 72 timer
    assert timer_i_alt(lille_budget()) == 72


def test_timepris_er_budget_delt_med_timer():
    assert timepris(Decimal(72000), Fraction(72)) == 1000


def test_takster_staar_i_forholdet_1_12_2_3():
    t = beregn_takster(lille_budget())
    assert t.tilsyn == (10000, 12000, 20000, 30000)
    assert t.timepris == 1000


def test_bpa_takst_er_timer_gange_den_afrundede_timepris():
    # 72 + 13 = 85 timer; 73.000 / 85 = 858,82 → timepris 859; 13 × 859 = 11.167
    t = beregn_takster(lille_budget(bpa=(1, 0), budget=73000))
    assert t.timepris == 859
    assert t.bpa_tilsyn == 13 * 859
    assert t.bpa_nygodkendelse == 36 * 859


def test_skaerpet_tilsyn_er_10_pct_pr_paabegyndt_maaned():
    assert skaerpet_tillaeg(Decimal(43852)) == 4385
    assert skaerpet_tillaeg(Decimal(43852), 3) == 3 * 4385


def test_omkostningsdaekning_viser_afrundingsresten():
    t = beregn_takster(lille_budget(bpa=(1, 0), budget=73000))
    assert t.daekning.rest == t.daekning.indtaegt - 73000


firetal = st.tuples(*[st.integers(0, 300)] * 4)
timer = st.decimals(min_value="0.25", max_value="500", places=2)


@settings(max_examples=150, deadline=None)
@given(tilbud=firetal, nyg=firetal, vae=firetal, bpa=st.tuples(st.integers(0, 50), st.integers(0, 10)),
       h=st.tuples(timer, timer, timer, timer, timer), budget=st.integers(1, 10**8))
def test_taksterne_daekker_budgettet(tilbud, nyg, vae, bpa, h, budget):
    if sum(tilbud) + sum(nyg) + sum(vae) + sum(bpa) == 0:
        tilbud = (1, 0, 0, 0)  # en budgetfil uden opgaver afvises (test_load)
    b = lille_budget(tilbud, nyg, vae, bpa, tuple(map(str, h)), budget)
    t = timepris(Decimal(budget), timer_i_alt(b))
    # Uafrundede takster: Σ antal × takst er præcis budgettet.
    antal = b.antal.pr_takstgruppe
    eksakt = sum(n * w * Fraction(getattr(b.normtimer, a)) * t
                 for a, k in AKTIVITETER.items()
                 for n, w in zip(getattr(antal, k), VAEGTE))
    eksakt += bpa[0] * Fraction(b.normtimer.bpa_tilsyn) * t
    eksakt += bpa[1] * Fraction(b.normtimer.bpa_nygodkendelse) * t
    assert eksakt == budget
    # Afrundede tilbudstakster: højst en halv krone pr. opkrævet enhed. BPA-taksterne er timer ×
    # afrundet timepris, så de kan afvige højst en halv krone pr. time.
    resultat = beregn_takster(b)
    enheder = sum(tilbud) + sum(nyg) + sum(vae)
    bpa_timer = bpa[0] * b.normtimer.bpa_tilsyn + bpa[1] * b.normtimer.bpa_nygodkendelse
    assert abs(resultat.daekning.rest) <= Fraction(enheder, 2) + Fraction(bpa_timer) / 2
