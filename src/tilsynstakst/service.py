"""Fra budgetmappe til rapport: læs budgetåret, året før og PL-indekset, og beregn.

Det eneste sted, hvor indlæsning og beregning mødes; ``cli`` kalder det, og det kan bruges som
bibliotek. Alt input-problem bliver en ``Inputfejl`` med filens navn.
"""

from fractions import Fraction
from pathlib import Path

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.load import PL_FILNAVN, budgetfil, find_linje, laes_budget, laes_pl
from tilsynstakst.rapport import Rapport, lav_rapport
from tilsynstakst.sammenligning import ManglendePL, pl_faktor
from tilsynstakst.schema import Budget, PLIndeks


def beregn_rapport(mappe: Path, aar: int, afrunding: str) -> Rapport:
    """Budgetåret ``aar`` fra ``mappe``; findes ``aar - 1`` også, sammenlignes i ``aar``-priser."""
    return beregn_med_budget(mappe, aar, afrunding)[1]


def beregn_med_budget(mappe: Path, aar: int, afrunding: str) -> tuple[Budget, Rapport]:
    """Som ``beregn_rapport``, og budgetfilen selv (kilder og kalibrerede værdier til notatet)."""
    if not mappe.is_dir():
        raise Inputfejl([Fund(str(mappe), "budgetmappen findes ikke")])
    budget = laes_budget(budgetfil(mappe, aar))
    forrige_sti = budgetfil(mappe, aar - 1)
    if not forrige_sti.exists():
        return budget, lav_rapport(budget, afrunding=afrunding)
    forrige = laes_budget(forrige_sti)
    faktor = faktor_fra_pl(laes_pl(mappe), mappe / PL_FILNAVN, forrige.aar, budget.aar)
    return budget, lav_rapport(budget, forrige, faktor, afrunding)


def faktor_fra_pl(pl: PLIndeks, sti: Path, fra: int, til: int) -> Fraction:
    """PL-faktoren fra ``fra``- til ``til``-priser; et år, indekset mangler, er en ``Inputfejl``."""
    try:
        return pl_faktor(pl, fra, til)
    except ManglendePL as e:
        linje = find_linje(sti.read_text(encoding="utf-8"), ("indeks",))
        raise Inputfejl([Fund(str(sti), f"PL-indekset mangler året {e.aar}",
                              noegle=f"indeks.{e.aar}", linje=linje)]) from None
