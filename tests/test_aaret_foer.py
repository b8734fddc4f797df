"""Året før i budgetårets priser, og den simple afrundings manglende krone (issue 19, punkt 3,
11 og 13): hvert tal for året før siger sine priser, det siges, at året før er regnet igen og
ikke ganget med PL, og en finansieringskolonne, der ikke summer til budgettet, siges med
forskellen i kroner."""

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli import app

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


def md_note(md: str, titel: str) -> str | None:
    """Noten under Markdown-tabellen med overskriften ``titel``."""
    afsnit = md.split(f"### {titel}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
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
    kør("ny", 2025, "--pl", "3,2", mappe=mappe)
    # Udkastet er 2024 × 1,032 med 2024's antal og normtimer, så begge års timepris er 2024's
    # 672 i 2025-priser: 672 × 1,032 = 693,5 → 694. Før stod der "694 kr. i 2024".
    assert ("Takst = timer × timepris (694 kr. i 2025, 694 kr. for 2024 i 2025-priser)"
            in enkel(kør("takstblad", 2025, mappe=mappe)))


def test_notatets_saetninger_siger_aaret_foers_priser():
    tekst = enkel(kør("notat", 2024))
    # Notat Budget 2024, s. 3-4: takst 42.884 (2023 i 2024-priser) og 43.852; timepris 635 og 672.
    assert ("Taksten pr. tilbud stiger med 2,3 % i alle takstgrupper (takstgruppe 1), fra "
            "kr. 42.884 for 2023 i 2024-priser til kr. 43.852 i 2024.") in tekst
    assert "Timeprisen stiger med 5,8 %, fra kr. 635 for 2023 i 2024-priser til kr. 672 i 2024." \
        in tekst
