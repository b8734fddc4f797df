"""Fra budgetmappe til rapport: læs budgetåret, året før og PL-indekset, kontrollér og beregn.

Det eneste sted, hvor indlæsning og beregning mødes; ``cli`` kalder det, og det kan bruges som
bibliotek. Alt input-problem bliver en ``Inputfejl`` med filens navn. Sammenhængen mellem de
viste år (``sammenhaeng``) følger med som fund, så den, der viser tallene, kan vise dem først.
"""

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.load import PL_FILNAVN, Linjer, budgetfil, findes, laes_budget, laes_pl
from tilsynstakst.rapport import Rapport, lav_rapport
from tilsynstakst.sammenhaeng import aarets_fund, kommuner
from tilsynstakst.sammenligning import ManglendePL, pl_faktor
from tilsynstakst.schema import Budget, PLIndeks


@dataclass(frozen=True)
class Beregning:
    """Budgetåret beregnet, med filen selv (kilder, kalibrerede værdier) og kontrollernes fund
    for de viste år (DESIGN.md §8: meldes, hvor tallene vises)."""

    budget: Budget
    rapport: Rapport
    fund: tuple[Fund, ...] = ()


def beregn_rapport(mappe: Path, aar: int, afrunding: str) -> Rapport:
    """Budgetåret ``aar`` fra ``mappe``; findes ``aar - 1`` også, sammenlignes i ``aar``-priser."""
    return beregn(mappe, aar, afrunding).rapport


def beregn(mappe: Path, aar: int, afrunding: str) -> Beregning:
    """Læs, kontrollér og beregn budgetåret og (findes det) året før i budgetårets priser."""
    if not mappe.is_dir():
        raise Inputfejl([Fund(str(mappe), "budgetmappen findes ikke")])
    sti, linje = budgetfil(mappe, aar), Linjer()
    budget = laes_budget(sti)
    fund = aarets_fund(sti, budget, linje)
    forrige_sti = budgetfil(mappe, aar - 1)
    if not findes(forrige_sti):
        return Beregning(budget, lav_rapport(budget, afrunding=afrunding), tuple(fund))
    forrige = laes_budget(forrige_sti)
    fund += aarets_fund(forrige_sti, forrige, linje) + kommuner(sti, budget, forrige, linje)
    faktor = faktor_fra_pl(laes_pl(mappe), mappe / PL_FILNAVN, forrige.aar, budget.aar)
    return Beregning(budget, lav_rapport(budget, forrige, faktor, afrunding), tuple(fund))


def faktor_fra_pl(pl: PLIndeks, sti: Path, fra: int, til: int) -> Fraction:
    """PL-faktoren fra ``fra``- til ``til``-priser; et år, indekset mangler, er en ``Inputfejl``."""
    try:
        return pl_faktor(pl, fra, til)
    except ManglendePL as e:
        raise Inputfejl([Fund(str(sti), f"PL-indekset mangler året {e.aar}",
                              noegle=f"indeks.{e.aar}", linje=Linjer()(sti, "indeks"))]) from None
