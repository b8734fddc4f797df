"""År mod år i ét prisniveau (DESIGN.md §4): pris- og lønfremskrivning og ændringer."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.money import procent
from tilsynstakst.schema import PLIndeks


class ManglendePL(LookupError):
    """PL-indekset har ikke året."""

    def __init__(self, aar: int):
        super().__init__(aar)
        self.aar = aar


def pl_faktor(indeks: PLIndeks, fra: int, til: int) -> Fraction:
    """Faktoren, der flytter et beløb fra ``fra``-priser til ``til``-priser: indeks[til]/indeks[fra]."""
    for aar in (fra, til):
        if aar not in indeks.indeks:
            raise ManglendePL(aar)
    return Fraction(indeks.indeks[til]) / Fraction(indeks.indeks[fra])


@dataclass(frozen=True)
class Aendring:
    """Et tal i to år, det forrige i budgetårets priser; ændring i kr. (eller antal) og procent."""

    forrige: Decimal
    budgetaar: Decimal
    aendring: Decimal
    pct: Decimal | None  # None, når det forrige tal er 0


def aendring(forrige: Decimal | int, budgetaar: Decimal | int) -> Aendring:
    """Ændringen regnes af de viste, afrundede tal, så tabellen kan efterregnes af læseren.

    Procenten er ændringen i forhold til det forrige år, med én decimal (DESIGN.md §4).
    """
    forskel = Decimal(budgetaar) - Decimal(forrige)
    pct = procent(Fraction(forskel) / Fraction(forrige)) if forrige else None
    return Aendring(Decimal(forrige), Decimal(budgetaar), forskel, pct)
