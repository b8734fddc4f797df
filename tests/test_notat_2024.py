"""Notat Budget 2024 – Socialtilsyn Nord: hvert beregnet tal i notatet, tastet ind fra notatet.

Kilde: "Notat Budget 2024 - Socialtilsyn Nord" (docs/kilder.md). Hvor notatets egen afrunding afviger
fra reglerne (docs/afstemning.md), navngiver testen tilfældet og tillader præcis den afvigelse.
"""

from decimal import Decimal

import pytest

# Notatet s. 3, "Udviklingen i objektiv finansiering fra 2023 til 2024".
# kommune: (0-17-årige 2. kvt. 2022, andel 2023, beløb 2023 i 2024-priser,
#           0-17-årige 2. kvt. 2023, andel 2024, beløb 2024)
FINANSIERING = {
    "Silkeborg": (21502, "17.8", 3274133, 21872, "18.0", 3443644),
    "Brønderslev": (7769, "6.4", 1182994, 7775, "6.4", 1224137),
    "Frederikshavn": (10101, "8.3", 1538090, 10035, "8.2", 1579964),
    "Jammerbugt": (7652, "6.3", 1165178, 7556, "6.2", 1189657),
    "Læsø": (225, "0.2", 34261, 218, "0.2", 34323),
    "Mariagerfjord": (7853, "6.5", 1195785, 7870, "6.5", 1239095),
    "Morsø": (3656, "3.0", 556703, 3643, "3.0", 573573),
    "Rebild": (7265, "6.0", 1106250, 7317, "6.0", 1152027),
    "Thisted": (8379, "6.9", 1275880, 8398, "6.9", 1322226),
    "Vesthimmerland": (7066, "5.8", 1075948, 7006, "5.8", 1103062),
    "Aalborg": (39632, "32.7", 6034808, 39978, "32.9", 6294349),
}


def test_budget_2024_stiger_38_pct_svarende_til_1320124_kr(rapport_2024):
    b = rapport_2024.aendringer.budget["samlet"]
    assert (b.forrige, b.budgetaar, b.aendring, b.pct) == (34741043, 36061167, 1320124,
                                                          Decimal("3.8"))


def test_tilbudsafdelingen_stiger_37_pct_eller_604096_kr(rapport_2024):
    b = rapport_2024.aendringer.budget["tilbudsafdelingen"]
    assert (b.forrige, b.budgetaar, b.aendring, b.pct) == (16301013, 16905109, 604096,
                                                          Decimal("3.7"))


def test_plejefamilieafdelingen_stiger_39_pct_eller_716028_kr(rapport_2024):
    b = rapport_2024.aendringer.budget["plejefamilieafdelingen"]
    assert (b.forrige, b.budgetaar, b.aendring, b.pct) == (18440030, 19156058, 716028,
                                                          Decimal("3.9"))


def test_antalsforudsaetninger_2023_og_2024(rapport_2024):
    forventet = {  # notatet s. 1, "Antalsforudsætning"
        "plejefamilier": (930, 860), "plejefamilier_nygodkendelser": (60, 90),
        "tilbud": (252, 251), "tilbud_nygodkendelser": (6, 7),
        "vaesentlige_aendringer": (70, 60), "bpa_tilsyn": (22, 19),
    }
    for noegle, (foer, nu) in forventet.items():
        a = rapport_2024.aendringer.antal[noegle]
        assert (a.forrige, a.budgetaar) == (foer, nu), noegle


def test_plejefamilier_falder_40_svarende_til_4_pct(rapport_2024):
    a = rapport_2024.aendringer.antal["plejefamilier_i_alt"]
    assert (a.aendring, a.pct) == (-40, Decimal("-4.0"))


def test_bpa_virksomheder_falder_136_pct(rapport_2024):
    assert rapport_2024.aendringer.antal["bpa_tilsyn"].pct == Decimal("-13.6")


def test_tilbud_i_alt_258_uaendret(rapport_2024):
    a = rapport_2024.aendringer.antal["tilbud_i_alt"]
    assert (a.forrige, a.budgetaar, a.aendring) == (258, 258, 0)


def test_vaesentlige_aendringer_falder_10_notatets_142_pct_er_en_afrundingsslip(rapport_2024):
    # Notatet s. 2 skriver 14,2 %; 10/70 = 14,2857 % giver 14,3 % (docs/afstemning.md).
    a = rapport_2024.aendringer.antal["vaesentlige_aendringer"]
    assert a.aendring == -10
    assert a.pct == Decimal("-14.3")
    assert abs(abs(a.pct) - Decimal("14.2")) == Decimal("0.1")


@pytest.mark.parametrize("kommune", FINANSIERING)
def test_objektiv_finansiering_pr_kommune_begge_aar(rapport_2024, kommune):
    pop22, andel23, beloeb23, pop23, andel24, beloeb24 = FINANSIERING[kommune]
    foer = {k.navn: k for k in rapport_2024.forrige_aar.finansiering.kommuner}[kommune]
    nu = {k.navn: k for k in rapport_2024.budgetaar.finansiering.kommuner}[kommune]
    assert (foer.befolkning, foer.andel_pct, foer.beloeb) == (pop22, Decimal(andel23), beloeb23)
    assert (nu.befolkning, nu.andel_pct) == (pop23, Decimal(andel24))
    if kommune == "Rebild":
        # Notatets kolonne summer til 19.156.057, én krone under budgettet: det rundede hver
        # kommune for sig. Største brøkdel giver Rebild (største rest, 0,48) den sidste krone.
        assert nu.beloeb - beloeb24 == 1
    else:
        assert nu.beloeb == beloeb24


def test_objektiv_finansiering_i_alt(rapport_2024):
    foer, nu = rapport_2024.forrige_aar.finansiering, rapport_2024.budgetaar.finansiering
    assert (foer.befolkning_i_alt, foer.sum_kommuner) == (121100, 18440030)
    assert (nu.befolkning_i_alt, nu.sum_kommuner) == (121668, 19156058)
    assert rapport_2024.aendringer.finansiering["i_alt"].pct == Decimal("3.9")


def test_med_simpel_afrunding_gengives_notatets_kolonne_med_dens_manglende_krone():
    from conftest import BUDGETS
    from conftest import beregn_rapport

    nu = beregn_rapport(BUDGETS, 2024, "simpel").budgetaar.finansiering
    assert {k.navn: k.beloeb for k in nu.kommuner} == {k: v[5] for k, v in FINANSIERING.items()}
    assert nu.sum_kommuner == 19156057


def test_gennemsnitspris_pr_plejefamilie_20164_i_2024(rapport_2024):
    # 19.156.058 ÷ (860 + 90) = 20.164,27
    assert rapport_2024.budgetaar.gennemsnitspris == 20164


def test_gennemsnitspris_2023_notatets_18627_er_det_afrundede_tal_pl_fremskrevet(rapport_2024):
    # Notatet viser 18.627 = 17.833 (afrundet 2023-tal) × 1,0445; det eksakte tal giver
    # 18.440.030,2 ÷ 990 = 18.626,29 (docs/afstemning.md). Præcis én krones forskel.
    assert rapport_2024.forrige_aar.gennemsnitspris == 18626
    assert 18627 - rapport_2024.forrige_aar.gennemsnitspris == 1


def test_gennemsnitsprisen_stiger_83_pct(rapport_2024):
    assert rapport_2024.aendringer.gennemsnitspris.pct == Decimal("8.3")


@pytest.mark.parametrize(
    "gruppe, takst_2023, takst_2024",
    [(0, 42884, 43852), (1, 51461, 52622), (2, 85768, 87703), (3, 128653, 131555)],
)
def test_takst_pr_tilbud_stiger_23_pct(rapport_2024, gruppe, takst_2023, takst_2024):
    a = rapport_2024.aendringer.takster["tilsyn"][gruppe]
    assert (a.forrige, a.budgetaar, a.pct) == (takst_2023, takst_2024, Decimal("2.3"))


def test_bpa_timepris_635_til_672_stiger_58_pct(rapport_2024):
    a = rapport_2024.aendringer.timepris
    assert (a.forrige, a.budgetaar, a.pct) == (635, 672, Decimal("5.8"))


def test_bpa_takster_er_13_og_36_timer_gange_timeprisen(rapport_2024):
    t = rapport_2024.budgetaar.takster
    assert (t.bpa_tilsyn, t.bpa_nygodkendelse) == (13 * 672, 36 * 672)


def test_overfoert_overskud_250990_kr(rapport_2024):
    assert rapport_2024.budgetaar.overfoert_resultat == 250990
