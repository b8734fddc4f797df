"""Fra budgetmappe til rapport: læs budgetåret, året før og PL-indekset, og beregn.

Det eneste sted, hvor indlæsning og beregning mødes; ``cli`` kalder det, og det kan bruges som
bibliotek. Alt input-problem bliver en ``Inputfejl`` med filens navn.
"""

from pathlib import Path

from tilsynstakst.load import PL_FILNAVN, Fund, Inputfejl, budgetfil, find_linje, laes_budget, laes_pl
from tilsynstakst.rapport import Rapport, lav_rapport
from tilsynstakst.sammenligning import ManglendePL, pl_faktor


def beregn_rapport(mappe: Path, aar: int, afrunding: str) -> Rapport:
    """Budgetåret ``aar`` fra ``mappe``; findes ``aar - 1`` også, sammenlignes i ``aar``-priser."""
    if not mappe.is_dir():
        raise Inputfejl([Fund(str(mappe), "budgetmappen findes ikke")])
    budget = laes_budget(budgetfil(mappe, aar))
    forrige_sti = budgetfil(mappe, aar - 1)
    if not forrige_sti.exists():
        return lav_rapport(budget, afrunding=afrunding)
    forrige = laes_budget(forrige_sti)
    pl = laes_pl(mappe)
    try:
        faktor = pl_faktor(pl, forrige.aar, budget.aar)
    except ManglendePL as e:
        sti = mappe / PL_FILNAVN
        linje = find_linje(sti.read_text(encoding="utf-8"), ("indeks",))
        raise Inputfejl([Fund(str(sti), f"PL-indekset mangler året {e.aar}",
                              noegle=f"indeks.{e.aar}", linje=linje)]) from None
    return lav_rapport(budget, forrige, faktor, afrunding)
