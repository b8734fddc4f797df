"""``kalibrer``: budgetåret, næste års fil og PL-indekset læst, målene samlet med fil og linje, og
de kalibrerede værdier fundet (``beregning.kalibrering``; docs/omkostningsmodel.md). Filerne
læses, aldrig skrives.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from tilsynstakst.aaret.gennemloeb import Filer, faktor_mellem
from tilsynstakst.beregning.kalibrering import (Kalibrering, Ukendt, kalibrer as
                                                find_vaerdier, maal, med_linjer, offentliggjort_for,
                                                ukendte)
from tilsynstakst.beregning.sammenligning import vist_pl
from tilsynstakst.budgetfil.laes import PL_FILNAVN, budgetfil, budgetmappe, findes
from tilsynstakst.budgetfil.model import Budget, PLIndeks
from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.kommando import kommando


@dataclass(frozen=True)
class Kalibreret:
    """Kalibreringen af ``sti``'s år, med målene fra ``sti`` og (findes den) næste års fil
    ``senere_sti`` i dens priser (``pl_faktor``: PL-faktoren dertil, som den vises), og
    ``senere_priser``: det prisniveau, den viser året i."""

    sti: Path
    senere_sti: Path | None
    pl_faktor: Decimal | None
    senere_priser: int | None
    kalibrering: Kalibrering


def kalibrer(mappe: Path, aar: int) -> Kalibreret:
    """Find de værdier i ``aar``'s fil, som ``kalibreret`` nævner, og som modellen kan finde, af
    de offentliggjorte takster og timepriser i årets fil og næste års (``forrige``). En fil, der
    ikke kan bruges, ingen ``kalibreret``, eller intet at kalibrere mod er en ``Inputfejl``."""
    budgetmappe(mappe)
    filer, sti = Filer(), budgetfil(mappe, aar)
    budget = _budget(filer, sti)
    if not ukendte(budget)[0]:
        kan = f"kalibrer kan finde {', '.join(Ukendt)}"
        raise Inputfejl([Fund(str(sti), (
            f"nævner ingen af de værdier, {kan}; tilføj den, kilderne ikke offentliggør"
            if budget.kalibreret else
            f"mangler: filen siger ikke, hvilke værdier der er kalibreret ({kan}); skriv den, "
            f"kilderne ikke offentliggør, øverst i filen, fx kalibreret = [\"normtimer.tilsyn\"]")
            + f", og kør {kommando('kalibrer', aar, mappe=mappe)}",
            noegle="kalibreret", linje=filer.linje(sti, "kalibreret"))])
    senere_sti, senere, faktor = _naeste_aar(filer, mappe, budget)
    maalene = maal(budget, senere, faktor)
    if not maalene:
        raise Inputfejl([Fund(
            str(sti), "intet offentliggjort tal at kalibrere mod: ingen takster eller timepris "
            f"for {aar} i {sti.name} (budgetaar) eller i {aar + 1}.toml (forrige); "
            f"skriv de offentliggjorte takster ind (docs/budgetfil.md), og kør "
            f"{kommando('kalibrer', aar, mappe=mappe)}", noegle="offentliggjort.takster")])
    stier = {budget.aar: sti, aar + 1: senere_sti}
    maalene = med_linjer(maalene, lambda a, n: (str(stier[a]),
                                                filer.linje(stier[a], *n.split("."))))
    skaerpet = budget.skaerpet_grundlag  # § 33: filens [regler], ellers den afrundede takst
    return Kalibreret(sti, senere_sti, vist_pl(faktor) if faktor is not None else None,
                      senere.priser if senere else None, find_vaerdier(budget, maalene, skaerpet))


def _budget(filer: Filer, sti: Path) -> Budget:
    budget = filer.laes(sti)
    if not isinstance(budget, Budget):
        raise Inputfejl(filer.fund[sti])
    return budget


def _naeste_aar(filer: Filer, mappe: Path,
                budget: Budget) -> tuple[Path | None, Budget | None, Fraction | None]:
    """Næste års fil og PL-faktoren fra årets prisniveau til dens; (None, None, None), hvis den
    ikke findes eller ikke viser året. En næste års fil, der ikke kan bruges, er en inputfejl:
    dens tal om året kan ikke tavst falde væk."""
    sti = budgetfil(mappe, budget.aar + 1)
    if not findes(sti):
        return None, None, None
    senere = _budget(filer, sti)
    if not offentliggjort_for(senere, "forrige"):
        return None, None, None  # ingen takster eller timepris for året i den
    pl_sti = mappe / PL_FILNAVN

    def pl() -> PLIndeks | None:
        indeks = filer.laes(pl_sti)
        return indeks if isinstance(indeks, PLIndeks) else None

    faktor = faktor_mellem(budget, senere, pl, pl_sti)
    if faktor is None:
        raise Inputfejl(filer.fund[pl_sti])
    return sti, senere, faktor
