"""Året før i budgetårets priser, og den simple afrundings manglende krone (issue 19, punkt 3,
11 og 13): hvert tal for året før siger sine priser, det siges, at året før er regnet igen og
ikke ganget med PL, og en finansieringskolonne, der ikke summer til budgettet, siges med
forskellen i kroner."""

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, fordel_resultat
from tilsynstakst.cli.app import app

runner = CliRunner()


def kør(*args, mappe=BUDGETS) -> str:
    r = runner.invoke(app, [*map(str, args), "-b", str(mappe)])
    assert r.exit_code == 0, r.output
    return r.stdout


def enkel(tekst: str) -> str:
    """Teksten med hvert mellemrum (også hårde og linjeskift) som ét mellemrum."""
    return " ".join(tekst.split())


def noter_i_regneark(sti) -> dict[str, str]:
    """Fanebladenes noter (den kursive tekst under tabellen) efter fanebladets navn."""
    bog = openpyxl.load_workbook(sti)
    return {ark.title: enkel(c.value) for ark in bog for c in ark["A"]
            if c.font.italic and isinstance(c.value, str)}


# Tabellens titel → det, notatet viser over den (afsnittets overskrift siger resten).
NOTATETS = {"Udvikling i takst pr. tilbud (årlig tilsynstakst)": "Årlig tilsynstakst",
            "BPA-området: timepris og takster": "Timepris og takster",
            "Udviklingen i objektiv finansiering": "Udvikling i objektiv finansiering"}


def md_note(md: str, titel: str) -> str | None:
    """Noten under Markdown-tabellen med overskriften ``titel`` (eller under afsnittet med den
    overskrift: i notatet står en tabel, der ville gentage afsnittets overskrift, uden sin egen)."""
    afsnit = md.split(f"# {NOTATETS.get(titel, titel)}\n" if md.startswith("# ") else
                      f"# {titel}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    noter = [linje for linje in afsnit.splitlines() if linje.startswith("*")]
    return enkel(noter[0].strip("*")) if noter else None


# --- Punkt 3: timeprisen for året før siger sine priser ------------------------------------

# Notat Budget 2024, s. 4: timepris 635 for 2023 (i 2024-priser) og 672 for 2024. Notat Budget
# 2023: 597 for 2022 (i 2023-priser) og 608 for 2023.
TIMEPRIS_NOTE = {
    2024: "Takst = timer × timepris (672 kr. i 2024, 635 kr. for 2023 i 2024-priser), "
          "afrundet til hele kroner.",
    2023: "Takst = timer × timepris (608 kr. i 2023, 597 kr. for 2022 i 2023-priser), "
          "afrundet til hele kroner.",
}


@pytest.mark.parametrize("aar", [2024, 2023])
def test_takstbladets_timepris_for_aaret_foer_siger_priserne_i_hvert_format(aar, tmp_path):
    assert TIMEPRIS_NOTE[aar] in enkel(kør("takstblad", aar))
    md = kør("takstblad", aar, "-f", "markdown")
    assert md_note(md, f"Takstblad {aar} for BPA-virksomheder").startswith(TIMEPRIS_NOTE[aar])
    kør("takstblad", aar, "-o", tmp_path / "t.xlsx")
    assert noter_i_regneark(tmp_path / "t.xlsx")["BPA-takster"].startswith(TIMEPRIS_NOTE[aar])


def test_takstbladet_for_et_nyt_aar_siger_at_sidste_aars_timepris_er_i_de_nye_priser(mappe):
    kør("ny", 2025, "--pl", "3,2", mappe=fordel_resultat(mappe))
    # 2024's timepris var 672 kr. (notatet s. 4); i 2025-priser 672 × 1,032 = 693,5 → 694. Før
    # stod der "694 kr. i 2024". Udkastet for 2025 har 2024's budget før overskuddet (conftest's
    # del 112.946) × 1,032: 17.562.633 kr. over de samme timer giver 698 kr.
    assert ("Takst = timer × timepris (698 kr. i 2025, 694 kr. for 2024 i 2025-priser)"
            in enkel(kør("takstblad", 2025, mappe=mappe)))


def test_notatets_saetninger_siger_aaret_foers_priser():
    tekst = enkel(kør("notat", 2024))
    # Notat Budget 2024, s. 3-4: takst 42.884 (2023 i 2024-priser) og 43.852; timepris 635 og 672.
    assert ("Taksten pr. tilbud stiger med 2,3 % i alle takstgrupper (beløbene er takstgruppe 1's), fra "
            "kr. 42.884 for 2023 i 2024-priser til kr. 43.852 i 2024.") in tekst
    assert "Timeprisen stiger med 5,8 %, fra kr. 635 for 2023 i 2024-priser til kr. 672 i 2024." \
        in tekst


# --- Punkt 11: året før er regnet igen, ikke ganget med PL ---------------------------------

REGNET_IGEN = {
    2024: "2023 i 2024-priser er regnet igen med modellen for 2023 af budgettet × PL-faktoren "
          "1,0445, og hvert tal er afrundet én gang, i 2024-priser: en takst er derfor ikke "
          "2023-taksten × 1,0445.",
    # 2022.toml står i 2023-priser (prisniveau = 2023): ingen PL.
    2023: "2022 er regnet med modellen for 2022 af budgetfilens beløb, som står i 2023-priser "
          "(ingen PL-fremskrivning).",
}
BPA_TIMEPRIS = {2024: " BPA-taksterne er timer × timeprisen afrundet i 2024-priser.", 2023: ""}


def test_bpa_taksten_for_2023_er_ikke_2023_taksten_gange_pl():
    """Notat Budget 2023: 13 × 608 = 7.904, og 7.904 × 1,0445 = 8.255,7 → 8.256; Notat Budget
    2024 viser timeprisen 635 for 2023 i 2024-priser, altså 13 × 635 = 8.255, som tabellen."""
    md = kør("beregn", 2024, "-f", "markdown").replace("\xa0", " ")
    assert "| Tilsyn med godkendt BPA-virksomhed (13 timer) | 8.255 | 8.736 | 5,8 % |" in md
    assert md_note(md, "BPA-området: timepris og takster") == REGNET_IGEN[2024] + BPA_TIMEPRIS[2024]


@pytest.mark.parametrize("aar", [2024, 2023])
def test_under_hver_tabel_med_aaret_foers_takster_siges_det_at_de_er_regnet_igen(aar, tmp_path):
    foer = aar - 1
    regnet_igen, bpa = REGNET_IGEN[aar], REGNET_IGEN[aar] + BPA_TIMEPRIS[aar]
    tabeller = {"Udvikling i takst pr. tilbud (årlig tilsynstakst)": regnet_igen,
                "BPA-området: timepris og takster": bpa,
                f"Takstblad {foer} for tilbud (i {aar}-priser)": regnet_igen}
    md = kør("beregn", aar, "-f", "markdown")
    notat = kør("notat", aar)  # Markdown, når uddata ikke er en terminal
    for titel, note in tabeller.items():
        assert md_note(md, titel) == note, titel
        assert md_note(notat, titel) == note, titel
    takstblad = kør("takstblad", aar, "-f", "markdown")
    assert md_note(takstblad, f"Takstblad {foer} for tilbud (i {aar}-priser)") == regnet_igen
    assert md_note(takstblad, f"Takstblad {aar} for BPA-virksomheder") == \
        TIMEPRIS_NOTE[aar] + " " + bpa
    # Terminalen og regnearket har de samme noter; budgetårets eget takstblad har ingen.
    tekst = enkel(kør("beregn", aar))
    assert tekst.count(regnet_igen) == 3
    kør("beregn", aar, "-o", tmp_path / "b.xlsx")
    noter = noter_i_regneark(tmp_path / "b.xlsx")
    assert (noter["Takst pr. tilbud"], noter["BPA"], noter[f"Takstblad {foer} ({aar}-priser)"]) \
        == (regnet_igen, bpa, regnet_igen)
    assert "Takstblad" not in noter or regnet_igen not in noter["Takstblad"]


def test_uden_aaret_foer_ingen_note_om_det(mappe):
    (mappe / "2023.toml").unlink()
    for kommando in ("beregn", "takstblad"):
        assert "regnet igen" not in kør(kommando, 2024, "-f", "markdown", mappe=mappe)


def test_forklar_et_tal_for_aaret_foer_siger_at_det_er_regnet_igen():
    linjer = kør("forklar", 2024, "forrige_aar.takster.bpa_tilsyn").splitlines()
    assert linjer[0] == "forrige_aar: " + REGNET_IGEN[2024] + BPA_TIMEPRIS[2024]
    assert linjer[1].startswith("forrige_aar.takster.bpa_tilsyn = 8.255")
    assert kør("forklar", 2024, "forrige_aar.takster.tilsyn.0").splitlines()[0] == \
        "forrige_aar: " + REGNET_IGEN[2024]
    assert kør("forklar", 2023, "forrige_aar.takster.tilsyn.0").splitlines()[0] == \
        "forrige_aar: " + REGNET_IGEN[2023]
    # Uden nøgle står linjen over listen, der også har året førs tal; et tal for budgetåret
    # forklares uden den.
    alle = kør("forklar", 2024).splitlines()
    assert alle[1] == "forrige_aar: " + REGNET_IGEN[2024] + BPA_TIMEPRIS[2024]
    assert "regnet igen" not in kør("forklar", 2024, "budgetaar.takster.bpa_tilsyn")


# --- Punkt 13: simpel afrunding siger, når kolonnen ikke summer til budgettet --------------

# Notat Budget 2024: kommunernes beløb summer til 19.156.057, budgettet er 19.156.058. Notat
# Budget 2023: 2022-kolonnen (i 2023-priser) summer til 19.270.298, budgettet 19.270.299; i
# 2023-kolonnen (budget 17.654.409) er Aalborgs andel 17.654.409 × 39.632 / 121.100 =
# 5.777.700,56, som notatet (største brøkdel) giver 5.777.700 og simpel afrunding 5.777.701.
SIMPEL = {
    2024: "Simpel afrunding (hver kommune afrundet for sig): kommunernes beløb for 2024 summer "
          "til kr. 19.156.057, kr. 1 under budgettet på kr. 19.156.058.",
    2023: "Simpel afrunding (hver kommune afrundet for sig): kommunernes beløb for 2022 (i "
          "2023-priser) summer til kr. 19.270.298, kr. 1 under budgettet på kr. 19.270.299; "
          "for 2023 summer til kr. 17.654.410, kr. 1 over budgettet på kr. 17.654.409.",
}


@pytest.mark.parametrize("aar", [2024, 2023])
def test_simpel_afrunding_siger_forskellen_til_budgettet_i_hvert_format_med_noter(aar, tmp_path):
    simpel = ("--afrunding", "simpel")
    titel = "Udviklingen i objektiv finansiering"
    assert SIMPEL[aar] in enkel(kør("beregn", aar, *simpel))
    assert md_note(kør("beregn", aar, *simpel, "-f", "markdown"), titel) == SIMPEL[aar]
    assert md_note(kør("notat", aar, *simpel), titel) == SIMPEL[aar]
    kør("beregn", aar, *simpel, "-o", tmp_path / "b.xlsx")
    assert noter_i_regneark(tmp_path / "b.xlsx")["Objektiv finansiering"] == SIMPEL[aar]
    # Forskellen er et tal i resultatet, ikke regnet i visningen.
    data = json.loads(kør("beregn", aar, *simpel, "-f", "json"))
    assert data["budgetaar"]["finansiering"]["rest"] == (-1 if aar == 2024 else 1)


def test_simpel_afrunding_i_et_scenarie():
    tekst = enkel(kør("scenarie", 2024, "ti-tilbud-lukker", "--afrunding", "simpel"))
    assert ("Simpel afrunding (hver kommune afrundet for sig): kommunernes beløb i grundlaget "
            "summer til kr. 19.156.057, kr. 1 under budgettet på kr. 19.156.058; i scenariet "
            "summer til kr. 19.156.057") in tekst


@pytest.mark.parametrize("afrunding", [(), ("--afrunding", "simpel")])
def test_ingen_note_naar_kolonnerne_summer_til_budgettet(afrunding):
    """Største brøkdel summer altid; 2023 i 2024-priser summer også med simpel afrunding."""
    md = kør("beregn", 2024, *afrunding, "-f", "markdown")
    note = md_note(md, "Udviklingen i objektiv finansiering")
    assert note is None if not afrunding else "for 2023" not in note
