"""README'en siger det, en ny bruger ellers må gætte (issue 19): hvem der hører til Socialtilsyn
Nords område, hvordan en FOLK1A-CSV ser ud, og at året før er regnet igen i budgetårets priser.
Hver sætning her er et løfte, en bruger bygger på; eksemplet i README'en læses som programmet
læser det."""

import re

from conftest import ROD
from tilsynstakst.dst.folk1a import laes_csv

README = (ROD / "README.md").read_text(encoding="utf-8")


def _afsnit(ord_: str) -> str:
    """Afsnittet (mellem to tomme linjer), hvor ``ord_`` står."""
    i = README.index(ord_)
    return README[README.rfind("\n\n", 0, i):README.find("\n\n", i)]


def test_silkeborg_og_hjoerring_forklares_med_lovens_paragraf():
    afsnit = " ".join(_afsnit("Silkeborg i en budgetfil for Nord").split())
    assert "Hjørring (vært for Nord) hører under Socialtilsyn Øst" in afsnit
    assert "Silkeborg (vært for Socialtilsyn Midt) under Socialtilsyn Nord" in afsnit
    assert "socialtilsynsloven § 2, stk. 2-3" in afsnit


def test_csv_eksemplet_i_readme_har_folk1a_s_kolonner():
    blok = re.search(r"```text\n(OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\n[^`]+)```", README)
    assert blok is not None
    hoved, linje = blok.group(1).splitlines()
    assert linje == "Læsø;I alt;5 år;I alt;2024K2;12"
    # Den beskrevne form, med alle aldre 0-17, læses af befolkning: 18 × 12 = 216.
    csv = "\n".join([hoved] + [linje.replace("5 år", f"{a} år") for a in range(18)])
    assert laes_csv(csv.encode(), "README", "2024K2", {"Læsø": "825"}) == {"Læsø": 216}
