"""Notatet om Budget 2023 – Socialtilsyn Nord og oversigtens Tabel 1 og 2a for Nord: hvert
beregnet tal, tastet ind fra kilden (issue 12).

Kilde: notatet om Budget 2023 for Socialtilsyn Nord (docs/kilder.md). 2022 er vist i 2023-priser, som
budgets/2022.toml står (prisniveau = 2023). Hvor kilden afviger fra reglerne, navngiver testen
tilfældet og tillader præcis den afvigelse (docs/afstemning.md):

1. Teksten siger, at Plejefamilieafdelingen falder med kr. 1.615.893; tabellen giver 1.615.890.
2. Finansieringens 2022-kolonne er afrundet pr. kommune og summer til 19.270.298 (Vesthimmerland
   får den krone, største brøkdel giver); 2023-kolonnen er fordelt med største brøkdel.
3. Oversigten trykker én procent for "alle kategorier": skærpet tilsyn 8,2 (takstgruppe 1 giver
   8,3) og væsentlig ændring 1,7 (takstgruppe 2-4 giver 1,8).
"""

from decimal import Decimal

import pytest

from conftest import BUDGETS, beregn_rapport

# Notatet s. 3, "Udviklingen i objektiv finansiering fra 2022 til 2023".
# kommune: (0-17-årige 2. kvt. 2021, andel 2022, beløb 2022 i 2023-priser,
#           0-17-årige 2. kvt. 2022, andel 2023, beløb 2023)
FINANSIERING = {
    "Silkeborg": (20636, "17.1", 3300948, 21502, "17.8", 3134642),
    "Brønderslev": (7703, "6.4", 1232177, 7769, "6.4", 1132594),
    "Frederikshavn": (10238, "8.5", 1637677, 10101, "8.3", 1472561),
    "Jammerbugt": (7747, "6.4", 1239215, 7652, "6.3", 1115537),
    "Læsø": (225, "0.2", 35991, 225, "0.2", 32801),
    "Mariagerfjord": (7914, "6.6", 1265929, 7853, "6.5", 1144840),
    "Morsø": (3730, "3.1", 596653, 3656, "3.0", 532985),
    "Rebild": (7259, "6.0", 1161154, 7265, "6.0", 1059119),
    "Thisted": (8459, "7.0", 1353107, 8379, "6.9", 1221522),
    "Vesthimmerland": (7130, "5.9", 1140519, 7066, "5.8", 1030108),
    "Aalborg": (39428, "32.7", 6306928, 39632, "32.7", 5777700),
}

# Oversigtens Tabel 2a (2023-priser): takstkategori 1-4, "Takster 2022" og "Takster 2023".
TAKSTER = {
    "tilsyn": ((37929, 45515, 75859, 113788), (41057, 49269, 82114, 123172)),
    "skaerpet_tilsyn_pr_maaned": ((3793, 4552, 7586, 11379), (4106, 4927, 8211, 12317)),
    "nygodkendelse": ((33916, 40700, 67833, 101749), (34677, 41612, 69353, 104030)),
    "vaesentlig_aendring": ((10882, 13058, 21763, 32645), (11072, 13287, 22145, 33217)),
}
# Tabel 2a, "Ændring i pct.", "Alle kategorier".
ALLE_KATEGORIER = {"tilsyn": "8.2", "skaerpet_tilsyn_pr_maaned": "8.2", "nygodkendelse": "2.2",
                   "vaesentlig_aendring": "1.7"}


@pytest.fixture(scope="module")
def r():
    return beregn_rapport(BUDGETS, 2023, "stoerste-rest")


def test_2022_er_vist_i_2023_priser_uden_pl(r):
    """2022.toml står i 2023-priser, som 2023-notatet viser det: faktoren er 1."""
    assert r.forrige_aar.prisniveau == r.forrige_aar.filens_priser == 2023
    assert r.pl_faktor == 1


def test_budget_2023_falder_43_pct_svarende_til_1502843_kr(r):
    b = r.aendringer.budget["samlet"]
    assert (b.forrige, b.budgetaar, b.aendring, b.pct) == (34763775, 33260932, -1502843,
                                                          Decimal("-4.3"))


def test_tilbudsafdelingen_stiger_07_pct_eller_113047_kr(r):
    b = r.aendringer.budget["tilbudsafdelingen"]
    assert (b.forrige, b.budgetaar, b.aendring, b.pct) == (15493476, 15606523, 113047,
                                                          Decimal("0.7"))


def test_plejefamilieafdelingen_falder_84_pct_notatets_1615893_er_3_kr_for_meget(r):
    # Tilfælde 1: notatet s. 2 skriver "8,4 % eller kr. 1.615.893"; 19.270.299 - 17.654.409
    # = 1.615.890. Procenten passer.
    b = r.aendringer.budget["plejefamilieafdelingen"]
    assert (b.forrige, b.budgetaar, b.pct) == (19270299, 17654409, Decimal("-8.4"))
    assert b.aendring == -1615890 and -1615893 - b.aendring == -3


def test_antalsforudsaetninger_2022_og_2023(r):
    forventet = {  # notatet s. 1, "Antalsforudsætning"
        "plejefamilier": (980, 930), "plejefamilier_nygodkendelser": (90, 60),
        "tilbud": (272, 252), "tilbud_nygodkendelser": (10, 6),
        "vaesentlige_aendringer": (70, 70), "bpa_tilsyn": (3, 22),
    }
    for noegle, (foer, nu) in forventet.items():
        a = r.aendringer.antal[noegle]
        assert (a.forrige, a.budgetaar) == (foer, nu), noegle


def test_plejefamilier_falder_80_eller_75_pct_og_tilbud_24_eller_85_pct(r):
    # Notatet s. 1-2; oversigtens Tabel 1 (990 og 1.070) og Tabel 2a (258 og 282).
    p, t = r.aendringer.antal["plejefamilier_i_alt"], r.aendringer.antal["tilbud_i_alt"]
    assert (p.forrige, p.budgetaar, p.aendring, p.pct) == (1070, 990, -80, Decimal("-7.5"))
    assert (t.forrige, t.budgetaar, t.aendring, t.pct) == (282, 258, -24, Decimal("-8.5"))


def test_20_tilbud_faerre_19_bpa_virksomheder_flere_og_samme_antal_vaesentlige_aendringer(r):
    a = r.aendringer.antal
    assert (a["tilbud"].aendring, a["bpa_tilsyn"].aendring,
            a["vaesentlige_aendringer"].aendring) == (-20, 19, 0)


@pytest.mark.parametrize("g, foer, nu, pct", [
    (0, 64, 53, "-17.2"), (1, 155, 146, "-5.8"), (2, 52, 49, "-5.8"), (3, 11, 10, "-9.1")])
def test_tilbud_inkl_nygodkendelser_pr_takstkategori(r, g, foer, nu, pct):
    """Tabel 2a: "Antal tilbud inkl. nygodkendelsessager" pr. takstkategori."""
    a = r.aendringer.pr_takstgruppe["tilbud_i_alt"][g]
    assert (a.forrige, a.budgetaar, a.pct) == (foer, nu, Decimal(pct))


@pytest.mark.parametrize("kommune", FINANSIERING)
def test_objektiv_finansiering_pr_kommune_begge_aar(r, kommune):
    pop21, andel22, beloeb22, pop22, andel23, beloeb23 = FINANSIERING[kommune]
    foer = {k.navn: k for k in r.forrige_aar.finansiering.kommuner}[kommune]
    nu = {k.navn: k for k in r.budgetaar.finansiering.kommuner}[kommune]
    assert (foer.befolkning, foer.andel_pct) == (pop21, Decimal(andel22))
    assert (nu.befolkning, nu.andel_pct, nu.beloeb) == (pop22, Decimal(andel23), beloeb23)
    # Tilfælde 2: 2022-kolonnen er afrundet pr. kommune; største brøkdel giver Vesthimmerland
    # (1.140.519,40: den største rest, der rundes ned) den krone, kolonnen mangler.
    assert foer.beloeb - beloeb22 == (1 if kommune == "Vesthimmerland" else 0)


def test_objektiv_finansiering_i_alt_og_kolonnernes_summer(r):
    foer, nu = r.forrige_aar.finansiering, r.budgetaar.finansiering
    assert (foer.befolkning_i_alt, foer.budget) == (120469, 19270299)
    assert (nu.befolkning_i_alt, nu.sum_kommuner) == (121100, 17654409)
    assert sum(v[2] for v in FINANSIERING.values()) == 19270298  # notatets 2022-kolonne
    assert sum(v[5] for v in FINANSIERING.values()) == 17654409
    assert r.aendringer.finansiering["i_alt"].pct == Decimal("-8.4")


def test_med_simpel_afrunding_gengives_2022_kolonnen_men_ikke_2023_kolonnen():
    foer = beregn_rapport(BUDGETS, 2023, "simpel")
    assert {k.navn: k.beloeb for k in foer.forrige_aar.finansiering.kommuner} == {
        k: v[2] for k, v in FINANSIERING.items()}
    # 2023-kolonnen er fordelt med største brøkdel, så den summer til budgettet: simpel
    # afrunding giver Aalborg (5.777.700,56) én krone mere end notatet.
    nu = {k.navn: k.beloeb for k in foer.budgetaar.finansiering.kommuner}
    assert {k: nu[k] - v[5] for k, v in FINANSIERING.items() if v[5] != nu[k]} == {"Aalborg": 1}


def test_gennemsnitspris_18010_og_17833(r):
    # 19.270.299 ÷ 1.070 = 18.009,6 og 17.654.409 ÷ 990 = 17.832,7
    assert (r.forrige_aar.gennemsnitspris, r.budgetaar.gennemsnitspris) == (18010, 17833)


@pytest.mark.parametrize("aktivitet", TAKSTER)
def test_alle_fire_takster_begge_aar(r, aktivitet):
    foer, nu = TAKSTER[aktivitet]
    assert getattr(r.forrige_aar.takster, aktivitet) == foer
    assert getattr(r.budgetaar.takster, aktivitet) == nu


@pytest.mark.parametrize("aktivitet", TAKSTER)
def test_aendring_i_pct_for_alle_kategorier(r, aktivitet):
    pct = {a.pct for a in r.aendringer.takster[aktivitet]}
    # Tilfælde 3: oversigten trykker én procent; takstgrupperne giver den eller 0,1 mere.
    assert pct <= {Decimal(ALLE_KATEGORIER[aktivitet]), Decimal(ALLE_KATEGORIER[aktivitet]) +
                   Decimal("0.1")}
    if aktivitet in ("tilsyn", "nygodkendelse"):
        assert pct == {Decimal(ALLE_KATEGORIER[aktivitet])}


def test_nygodkendelse_er_under_tilsyn_i_hver_takstgruppe(r):
    for aar in (r.forrige_aar, r.budgetaar):
        assert all(n < t for n, t in zip(aar.takster.nygodkendelse, aar.takster.tilsyn))


def test_bpa_timepris_597_og_608(r):
    a = r.aendringer.timepris
    assert (a.forrige, a.budgetaar) == (597, 608)
    assert (r.budgetaar.takster.bpa_tilsyn, r.budgetaar.takster.bpa_nygodkendelse) == (
        13 * 608, 36 * 608)


def test_overfoert_overskud_fra_regnskab_2021_1085000_kr(r):
    assert r.budgetaar.overfoert_resultat == 1085000


def test_2024_notatets_syn_paa_2023_afstemmes_stadig():
    """2023.toml er nu 2023-notatets tal; 2024-notatet viser dem × 1,0445 (s. 2-4)."""
    r = beregn_rapport(BUDGETS, 2024, "stoerste-rest")
    assert r.forrige_aar.takster.tilsyn == (42884, 51461, 85768, 128653)
    assert r.forrige_aar.takster.timepris == 635
    assert (r.forrige_aar.budget["tilbudsafdelingen"],
            r.forrige_aar.budget["plejefamilieafdelingen"]) == (16301013, 18440030)


def test_2024_nygodkendelse_er_under_tilsyn_i_hver_takstgruppe():
    """Issue 12: 2024 bruger 2023's normtimer for nygodkendelse og væsentlig ændring."""
    t = beregn_rapport(BUDGETS, 2024, "stoerste-rest").budgetaar.takster
    assert all(n < s for n, s in zip(t.nygodkendelse, t.tilsyn))
    assert t.tilsyn == (43852, 52622, 87703, 131555) and t.timepris == 672
