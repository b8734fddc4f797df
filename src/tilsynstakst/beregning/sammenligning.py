"""År mod år i ét prisniveau (docs/afrunding-og-priser.md): pris- og lønfremskrivning og ændringer."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.afrunding import afrund_decimaler, afrund_en_decimal
from tilsynstakst.budgetfil.model import PLIndeks
from tilsynstakst.beregning.spor import Sporet, fra_fil, noter, regn


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
    faktor = regn("/pl_faktor", f"PL-faktor fra {fra}- til {til}-priser", "{0} ÷ {1}",
                  fra_fil(f"indeks.{til}", indeks.indeks[til]),
                  fra_fil(f"indeks.{fra}", indeks.indeks[fra]), vis=vist_pl,
                  regel="indeks for budgetåret ÷ indeks for året før; regnes eksakt, vist med 6 decimaler")
    return Fraction(faktor.vaerdi)


def vist_pl(faktor: Fraction) -> Decimal:
    """PL-faktoren, som den vises: 6 decimaler, uden nuller til sidst (docs/afrunding-og-priser.md)."""
    return afrund_decimaler(faktor, 6).normalize()


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
    noegle, f, n = spor if spor is not None else ("", "", "")
    k = f"/{noegle}" if noegle else ""  # uden nøgle regnes der, men intet noteres
    foer = regn(k and f"{k}.forrige", "året før", "{0}", Sporet(f"/{f}", Decimal(forrige)))
    nu = regn(k and f"{k}.budgetaar", "budgetåret", "{0}", Sporet(f"/{n}", Decimal(budgetaar)))
    forskel = regn(k and f"{k}.aendring", "ændring", "{0} − {1}", nu, foer)
    pct_regel = "af de viste, afrundede tal, med én decimal, afrundet halvt op (README: Afrunding)"
    if forrige:
        pct = regn(k and f"{k}.pct", "ændring i pct.", "{0} ÷ {1} × 100", forskel, foer,
                   afrund=afrund_en_decimal, regel=pct_regel).vaerdi
    else:  # ingen procent af 0
        pct = None
        if k:
            noter(f"{k}.pct", None, "ændring i pct.", f"{k}.aendring", f"{k}.forrige",
                  formel="{0} ÷ {1} × 100", regel=pct_regel)
    return Aendring(foer.vaerdi, nu.vaerdi, forskel.vaerdi, pct)  # type: ignore[arg-type]
