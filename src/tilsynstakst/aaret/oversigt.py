"""``oversigt``: landsoversigten af én budgetmappe pr. socialtilsyn (docs/oversigt.md).

Hver mappe beregnes ad den ene vej, ``beregn`` går (``gennemloeb.beregn``), så en mappe med
fejl giver de samme beskeder som ``tilsynstakst beregn -b MAPPE AAR``; oversigten vælger kun
tallene (``beregning.oversigt``). Det, der gør mapperne til en oversigt, kontrolleres her: hver
er et af de fem socialtilsyn, hvert tilsyn én gang, og hver har året før, så begge år kan stå i
budgetårets priser. Alle fejl i alle mapper meldes, ikke kun den første.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tilsynstakst.aaret.gennemloeb import Beregning, beregn
from tilsynstakst.beregning.aarsresultat import Rapport
from tilsynstakst.beregning.fordeling import STOERSTE_REST
from tilsynstakst.beregning.oversigt import (TILSYNENE, Landsoversigt, erkendte_slip,
                                             landsoversigt)
from tilsynstakst.budgetfil.laes import Linjer, budgetfil, budgetmappe
from tilsynstakst.fund import Fund, Inputfejl

EN_MAPPE = "oversigten har én budgetmappe pr. socialtilsyn"


@dataclass(frozen=True)
class Oversigtsberegning:
    """Oversigten, og pr. tilsyn (i oversigtens orden) mappen og rapporten, den er valgt fra;
    ``fund``: mappernes advarsler, som ``beregn`` viser dem før tallene."""

    oversigt: Landsoversigt
    mapper: tuple[Path, ...]
    rapporter: tuple[Rapport, ...]
    fund: tuple[Fund, ...]


def _mappen(mappe: Path) -> None:
    """En budgetmappe, der kan læses; en fil eller et navn, der ikke findes, siges."""
    if mappe.exists() and not mappe.is_dir():
        raise Inputfejl([Fund(str(mappe), f"er en fil, ikke en mappe; {EN_MAPPE} (AAAA.toml "
                                          "og pl-indeks.toml)")])
    budgetmappe(mappe)


def beregn_oversigt(aar: int, mapper: Sequence[Path]) -> Oversigtsberegning:
    """Beregn ``aar`` i hver mappe (``beregn``) og lav oversigten; en mappe, der ikke kan
    bruges, ikke er et af de fem socialtilsyn, er et tilsyn, der allerede er med, ikke står i
    årets egne priser eller mangler året før, er en ``Inputfejl``. Fejlene i alle mapper samles
    i én."""
    fejl: list[Fund] = []
    linje = Linjer()
    valgt: dict[str, tuple[Path, Beregning]] = {}
    for mappe in mapper:
        try:
            _mappen(mappe)
            b = beregn(mappe, aar, STOERSTE_REST)
        except Inputfejl as e:
            fejl += e.fund
            continue
        sti = budgetfil(mappe, aar)
        if (tidligere := valgt.get(b.budget.tilsyn)) is not None:
            hvor = (f"mappen {mappe} er nævnt to gange" if tidligere[0].resolve() == mappe.resolve()
                    else f"{b.budget.tilsyn} står også i {budgetfil(tidligere[0], aar)}")
            fejl.append(Fund(str(sti), f"{hvor}; {EN_MAPPE}", "tilsyn", linje(sti, "tilsyn")))
            continue
        if (priser := b.rapport.budgetaar.prisniveau) != aar:  # et år i et senere års priser
            fejl.append(Fund(str(sti), f"er {priser}: filens beløb står i {priser}-priser, men "
                             f"oversigten viser hvert socialtilsyn i {aar}-priser", "prisniveau",
                             linje(sti, "prisniveau")))
            continue
        if b.rapport.forrige_aar is None:
            fejl.append(Fund(str(budgetfil(mappe, aar - 1)), f"filen findes ikke; oversigten viser "
                             f"{aar - 1} i {aar}-priser ved siden af "
                             f"{aar} for hvert socialtilsyn"))
            continue
        valgt[b.budget.tilsyn] = (mappe, b)
    if fejl:
        raise Inputfejl(fejl)
    orden = [valgt[t] for t in TILSYNENE if t in valgt]
    return Oversigtsberegning(
        landsoversigt([b.rapport for _, b in orden],
                      {b.budget.tilsyn: erkendte_slip(b.budget.oversigt) for _, b in orden}),
        tuple(m for m, _ in orden),
        tuple(b.rapport for _, b in orden), tuple(f for _, b in orden for f in b.fund))
