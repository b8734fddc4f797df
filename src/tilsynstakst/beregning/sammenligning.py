"""År mod år i ét prisniveau (docs/afrunding-og-priser.md): pris- og lønfremskrivning og ændringer."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.afrunding import decimaler, procent
from tilsynstakst.budgetfil.model import PLIndeks
from tilsynstakst.beregning.spor import aktivt, inddata, noter


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
    faktor = Fraction(indeks.indeks[til]) / Fraction(indeks.indeks[fra])
    noter("/pl_faktor", decimaler(faktor, 6).normalize(), f"PL-faktor fra {fra}- til {til}-priser",
          inddata(f"indeks.{til}", indeks.indeks[til]), inddata(f"indeks.{fra}", indeks.indeks[fra]),
          formel="{0} ÷ {1}", uafrundet=faktor,
          regel="indeks for budgetåret ÷ indeks for året før; regnes eksakt, vist med 6 decimaler")
    return faktor


@dataclass(frozen=True)
class Aendring:
    """Et tal i to år, det forrige i budgetårets priser; ændring i kr. (eller antal) og procent."""

    forrige: Decimal
    budgetaar: Decimal
    aendring: Decimal
    pct: Decimal | None  # None, når det forrige tal er 0


def aendring(forrige: Decimal | int, budgetaar: Decimal | int,
             spor: tuple[str, str, str] | None = None) -> Aendring:
    """Ændringen regnes af de viste, afrundede tal, så tabellen kan efterregnes af læseren.

    Procenten er ændringen i forhold til det forrige år, med én decimal (docs/afrunding-og-priser.md).
    ``spor`` = (ændringens nøgle, det forrige tals nøgle, budgetårets tals nøgle) til ``forklar``.
    """
    forskel = Decimal(budgetaar) - Decimal(forrige)
    pct = procent(Fraction(forskel) / Fraction(forrige)) if forrige else None
    if spor is not None and aktivt():
        noegle, f, n = spor
        noter(f"/{noegle}.forrige", Decimal(forrige), "året før", f"/{f}", formel="{0}")
        noter(f"/{noegle}.budgetaar", Decimal(budgetaar), "budgetåret", f"/{n}", formel="{0}")
        noter(f"/{noegle}.aendring", forskel, "ændring", f"/{noegle}.budgetaar",
              f"/{noegle}.forrige", formel="{0} − {1}")
        noter(f"/{noegle}.pct", pct, "ændring i pct.", f"/{noegle}.aendring", f"/{noegle}.forrige",
              formel="{0} ÷ {1} × 100", uafrundet=Fraction(forskel) * 100 / Fraction(forrige) if forrige else None,
              regel="af de viste, afrundede tal, med én decimal, afrundet halvt op (README: Afrunding)")
    return Aendring(Decimal(forrige), Decimal(budgetaar), forskel, pct)
