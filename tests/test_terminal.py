"""Terminalens tabeller i 80, 100 og 120 tegns bredde (issue 11): hvert navn, hver overskrift og
hvert tal står helt, intet er skåret af eller afkortet med "…", og ingen linje er for bred."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BUDGETS, i_terminal
from tilsynstakst.visning.render.celler import celletekst
from tilsynstakst.visning.render.terminal import bredde as cell_len
from tilsynstakst.visning.render.terminal import bryd, enheder, overskrift, tekst
from tilsynstakst.budgetfil.scenarie import find_scenarie
from tilsynstakst.visning.scenarietabeller import foelsomhedsvisning, scenarievisning
from tilsynstakst.aaret.gennemloeb import beregn, beregn_foelsomhed, beregn_scenarie
from tilsynstakst.visning.tabeller import rapportvisning, takstbladvisning

# Notat Budget 2024, tabel 3 (Udviklingen i objektiv finansiering), skrevet af fra notatet.
KOMMUNER = ("Silkeborg", "Brønderslev", "Frederikshavn", "Jammerbugt", "Læsø", "Mariagerfjord",
            "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg")
TAKSTGRUPPER = ("Takstgruppe 1 (1-7 pladser)", "Takstgruppe 2 (8-24 pladser)",
                "Takstgruppe 3 (25-49 pladser)", "Takstgruppe 4 (50+ pladser)")
# Notatets tal, der skal stå helt: Aalborgs beløb 2024, plejefamilieområdets budget, taksterne.
NOTATETS_TAL = ("6.294.349", "19.156.058", "43.852", "52.622", "87.703", "131.555", "672")

BREDDER = (80, 100, 120)


def _visninger():
    b = beregn(BUDGETS, 2024, "stoerste-rest")
    s = beregn_scenarie(BUDGETS, 2024, "stoerste-rest",
                        find_scenarie(BUDGETS, "ti-tilbud-lukker", 2024))
    f, _ = beregn_foelsomhed(BUDGETS, 2024, "stoerste-rest")
    b23 = beregn(BUDGETS, 2023, "stoerste-rest")  # 2022 i 2023-priser, takstblade for begge år
    return {"beregn": rapportvisning(b.rapport), "scenarie": scenarievisning(s[0]),
            "foelsomhed": foelsomhedsvisning(f), "takstblad": takstbladvisning(b.rapport),
            "beregn 2023": rapportvisning(b23.rapport),
            "takstblad 2023": takstbladvisning(b23.rapport)}


VISNINGER = _visninger()


def tegn(visning, bredde: int) -> str:
    return tekst(visning, bredde)


@pytest.mark.parametrize("bredde", BREDDER)
@pytest.mark.parametrize("navn", sorted(VISNINGER))
def test_hver_visning_er_hel_i_bredden(navn, bredde):
    visning = VISNINGER[navn]
    tekst = tegn(visning, bredde)
    linjer = tekst.splitlines()
    assert "…" not in tekst
    assert max(cell_len(linje) for linje in linjer) <= bredde
    ord_ = " ".join(tekst.split())  # overskrifter og noter kan brydes ved mellemrum
    for t in visning.tabeller:
        assert t.titel in ord_, t.titel
        for kolonne in t.kolonner:  # hver del af en kolonneoverskrift står hel
            for enhed in enheder(kolonne):
                assert enhed in tekst, (t.titel, kolonne, enhed)
        for raekkenavn, celler in t.raekker:  # rækkens navn står helt på én linje
            if len(t.kolonner) == 1:  # en tabel af tekst vises som afsnit, brudt ved mellemrum
                assert raekkenavn in ord_, raekkenavn
                continue
            # Står navnet ikke helt på én linje, er det brudt ved mellemrum (trin 3 og 4):
            # hvert ord står helt.
            assert any(raekkenavn in linje for linje in linjer) or all(
                re.search(rf"(^|\s){re.escape(o)}(\s|$)", tekst, re.M)
                for o in raekkenavn.split()), (t.titel, raekkenavn)
            for c in celler:  # hvert tal står helt, med mellemrum eller kant om sig
                if (v := celletekst(c)):
                    assert re.search(rf"(^|\s){re.escape(v)}(\s|$)", tekst, re.M), (raekkenavn, v)


@pytest.mark.parametrize("bredde", BREDDER)
def test_beregn_viser_notatets_kommuner_og_tal_hele(bredde):
    tekst = tegn(VISNINGER["beregn"], bredde)
    linjer = tekst.splitlines()
    for navn in KOMMUNER + TAKSTGRUPPER:
        assert any(re.search(rf"^{re.escape(navn)}\s", linje) for linje in linjer), navn
    for tal in NOTATETS_TAL:
        assert re.search(rf"\s{re.escape(tal)}(\s|$)", tekst, re.M), tal


def test_den_brede_finansieringstabel_vises_et_aar_ad_gangen_i_80_tegn():
    tekst = tegn(VISNINGER["beregn"], 80)
    assert "Udviklingen i objektiv finansiering (fortsat)" in tekst
    assert "Udviklingen i objektiv finansiering (fortsat)" not in tegn(VISNINGER["beregn"], 200)


def test_i_meget_smal_bredde_vises_hver_raekke_som_en_blok_med_alle_tal():
    tekst = tegn(VISNINGER["beregn"], 40)
    assert "…" not in tekst
    assert "  Beløb 2024: 6.294.349" in tekst
    assert max(cell_len(linje) for linje in tekst.splitlines()) <= 40


def test_overskriften_brydes_ved_mellemrum_og_efter_bindestregen_aldrig_inde_i_et_ord():
    assert enheder("År 2023 (i 2024-priser)") == ["År 2023", "(i 2024-", "priser)"]
    assert bryd("År 2023 (i 2024-priser)", 10) == ["År 2023", "(i 2024-", "priser)"]
    assert enheder("0-17-årige 2022K2") == ["0-17-årige", "2022K2"]
    assert enheder("Ændring i pct.") == ["Ændring", "i pct."]
    assert overskrift("Ændring i pct.", 5, 1) == ["Ændring i pct."]
    assert overskrift("Ændring i pct.", 5, 2) == ["Ændring", "i pct."]


ORD = st.text(st.sampled_from("abcæøå0123-.()%"), min_size=1, max_size=12)


@given(st.lists(ORD, min_size=1, max_size=8), st.integers(1, 30))
def test_bryd_taber_intet_og_bryder_kun_ved_mellemrum_eller_bindestreg(ord_, bredde):
    tekst = " ".join(ord_)
    linjer = bryd(tekst, bredde)
    assert all(linje in tekst for linje in linjer)  # inde i en linje er intet ændret
    assert "".join(linjer).replace(" ", "") == tekst.replace(" ", "")  # og intet er tabt
    store = max(map(cell_len, enheder(tekst)))
    assert all(cell_len(linje) <= max(bredde, store) for linje in linjer)


@pytest.mark.parametrize("bredde", (80, 100))
def test_beregn_i_en_rigtig_terminal(bredde):
    """Som brugeren ser det: ``tilsynstakst beregn 2024`` i en pseudoterminal med COLUMNS."""
    kode, data = i_terminal("beregn", 2024,
                            env={"COLUMNS": str(bredde), "TERM": "xterm", "NO_COLOR": "1"})
    assert kode == 0
    tekst = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data.decode("utf-8")).replace("\r", "")
    assert "…" not in tekst
    assert max(cell_len(linje) for linje in tekst.splitlines()) <= bredde
    for navn in KOMMUNER + TAKSTGRUPPER + NOTATETS_TAL:
        assert navn in tekst, navn


@pytest.mark.parametrize("bredde", BREDDER)
def test_notatet_paa_skaermen_er_tekst_i_terminalens_bredde(bredde):
    from tilsynstakst.visning.notat import lav_notat
    from tilsynstakst.visning.render.notat_tekst import notat_tekst

    b = beregn(BUDGETS, 2024, "stoerste-rest")
    tekst = notat_tekst(lav_notat(b.rapport, b.budget, b.fund), bredde)
    assert "…" not in tekst and "|" not in tekst  # ingen Markdown-tabeller, der brydes
    assert max(cell_len(linje) for linje in tekst.splitlines()) <= bredde
    for navn in KOMMUNER + TAKSTGRUPPER:
        assert navn in tekst, navn
    for tal in NOTATETS_TAL:
        assert tal in tekst, tal
    assert "svarende til kr. 1.320.124" in " ".join(tekst.split())


def test_i_cp1252_maales_kolonnerne_i_de_tegn_der_skrives():
    """Σ skrives som "sum" i cp1252 (streams); kolonnen skal måles i de tre tegn, ikke ét."""
    from tilsynstakst.visning.render.prosa import i_tegnsaet

    tekst = tegn(i_tegnsaet(VISNINGER["beregn"], "cp1252"), 80)
    linjer = tekst.splitlines()
    sum_ = next(linje for linje in linjer if linje.startswith("Indtægt ved takster (sum"))
    budget = next(linje for linje in linjer if linje.startswith("Tilbudsafdelingens budget"))
    assert len(sum_) == len(budget)  # tallene står i samme kolonne
    from tilsynstakst.cli.streams import FEJLHAANDTERING

    # Stregen under overskrifterne er det eneste tegn, der stadig skiftes (─ til -, ét for ét).
    assert tekst.encode("cp1252", FEJLHAANDTERING).decode("cp1252") == tekst.replace("─", "-")


def test_en_tabel_deles_aldrig_i_dele_med_kun_en_kolonne():
    tekst = tegn(VISNINGER["scenarie"], 40)
    assert "(fortsat)" not in tekst  # grundlag og scenarie står sammen, her som blokke
    assert "  Grundlag: 43.852" in tekst and "  Scenarie: 45.019" in tekst


@given(st.text(max_size=40))
def test_bredde_er_den_samme_med_og_uden_genvejen(tekst):
    """Genvejen for tegn, der altid fylder én celle, giver samme bredde som opslaget tegn for
    tegn (et kombinerende tegn 0, et østasiatisk bredt 2)."""
    import unicodedata

    from tilsynstakst.visning.render.terminal import bredde

    assert bredde(tekst) == sum(0 if unicodedata.combining(t) else
                                2 if unicodedata.east_asian_width(t) in "WF" else 1
                                for t in tekst)
