"""Følsomhed: hvad én ændring af årets forudsætninger gør ved takster, timepris og gennemsnitspris.

Hver række er et lille scenarie (``scenarie.Scenarie``) lagt ind i filens data, valideret som filen
og regnet med de samme funktioner som budgettet; virkningen er scenariet minus grundlaget, af de
viste, afrundede tal. Eksakt fra modellen, ikke et skøn (docs/aaret.md).
"""

from collections.abc import Iterator
from dataclasses import dataclass

from tilsynstakst.beregning.fordeling import fordel
from tilsynstakst.beregning.aarsresultat import Aarsresultat
from tilsynstakst.beregning.sammenligning import Aendring, aendring
from tilsynstakst.budgetfil.scenarie import Saet, Scenarie
from tilsynstakst.budgetfil.model import BPA_NORMTIMER, Budget
from tilsynstakst.beregning.takster import AKTIVITETSNAVNE, TAKSTGRUPPER

FLERE_AENDRINGER = 10  # "ti flere væsentlige ændringer"
MERE_BUDGET = 100_000  # kr. mere i en afdelings budget


@dataclass(frozen=True)
class Virkning:
    """Én ændring og dens virkning: grundlag → med ændringen, i kr. og pct."""

    navn: str
    aendringer: tuple[Saet, ...]
    tilsyn: tuple[Aendring, ...]  # den årlige tilsynstakst, takstgruppe 1-4
    timepris: Aendring
    gennemsnitspris: Aendring | None


@dataclass(frozen=True)
class Foelsomhed:
    tilsyn: str
    aar: int
    fil: str
    grundlag: Aarsresultat
    virkninger: tuple[Virkning, ...]


def stoed(budget: Budget) -> Iterator[Scenarie]:
    """Følsomhedens ændringer, hver som et scenarie på årets fil (issue 10): ét tilbud mere i
    hver takstgruppe, ti flere væsentlige ændringer, 100.000 kr. mere i hver afdeling, én
    normtime mere pr. aktivitet (BPA kun i en fil med BPA) og én plejefamilie mere."""
    a = budget.antal
    fordelt = a.pr_takstgruppe
    for g, gruppe in enumerate(TAKSTGRUPPER):
        yield _scenarie(f"1 tilbud mere i takstgruppe {g + 1} ({gruppe})",
                        [(f"antal.pr_takstgruppe.tilbud.{g}", fordelt.tilbud[g] + 1)]
                        + _total(budget, "tilbud", 1))
    split = fordelt.vaesentlige_aendringer
    vaegte = {str(g): n for g, n in enumerate(split)} if sum(split) else {"0": 1, "1": 1, "2": 1, "3": 1}
    ekstra = fordel(FLERE_AENDRINGER, vaegte)
    nye = [n + ekstra.get(str(g), 0) for g, n in enumerate(split)]
    yield _scenarie(f"{FLERE_AENDRINGER} væsentlige ændringer mere (fordelt "
                    f"{'/'.join(str(ekstra.get(str(g), 0)) for g in range(4))})",
                    [("antal.pr_takstgruppe.vaesentlige_aendringer", nye)]
                    + _total(budget, "vaesentlige_aendringer", FLERE_AENDRINGER))
    for afdeling in ("tilbudsafdelingen", "plejefamilieafdelingen"):
        if (mere := _mere_budget(budget, afdeling)) is not None:
            yield _scenarie(f"100.000 kr. mere til {afdeling.capitalize()}", mere)
    for aktivitet, navn in AKTIVITETSNAVNE.items():
        if aktivitet in BPA_NORMTIMER and not budget.har_bpa:
            continue
        yield _scenarie(f"1 normtime mere: {navn}",
                        [(f"normtimer.{aktivitet}", getattr(budget.normtimer, aktivitet) + 1)])
    yield _scenarie("1 plejefamilie mere", [("antal.plejefamilier", a.plejefamilier + 1)])


def _mere_budget(budget: Budget, afdeling: str) -> list[tuple[str, object]] | None:
    """100.000 kr. mere i afdelingens finansierede budget: i totalen, eller, når budgettet er
    bygget af poster (issue 13), i afdelingens første egen post (ellers: et mindre overført
    overskud). None, når afdelingen hverken har en egen post eller et overført resultat."""
    b = budget.budget
    if not b.poster:
        return [(f"budget.{afdeling}", getattr(b, afdeling) + MERE_BUDGET)]
    for i, p in enumerate(b.poster):
        if p.afdeling == afdeling:
            return [(f"budget.poster.{i}.beloeb", p.beloeb + MERE_BUDGET)]
    o = budget.overfoert_resultat
    if o is None or (dele := o.dele()) is None:
        return None
    return [(f"overfoert_resultat.{afdeling}", dele[afdeling] - MERE_BUDGET),
            ("overfoert_resultat.beloeb", o.beloeb - MERE_BUDGET)]


def _total(budget: Budget, navn: str, flere: int) -> list[tuple[str, object]]:
    """Totalen følger med, hvis filen angiver den (ellers er den summen af fordelingen)."""
    total = getattr(budget.antal, navn)
    return [] if total is None else [(f"antal.{navn}", total + flere)]


def _scenarie(navn: str, aendringer: list[tuple[str, object]]) -> Scenarie:
    return Scenarie(navn, navn, tuple(Saet(n, v, "foelsomhed") for n, v in aendringer))


def virkning(navn: str, aendringer: tuple[Saet, ...], grundlag: Aarsresultat,
             med: Aarsresultat) -> Virkning:
    """Virkningen af én ændring: de viste tal med ændringen mod grundlagets."""
    g, m = grundlag, med
    gns = (aendring(g.gennemsnitspris, m.gennemsnitspris)
           if g.gennemsnitspris is not None and m.gennemsnitspris is not None else None)
    return Virkning(navn, aendringer,
                    tuple(aendring(x, y) for x, y in zip(g.takster.tilsyn, m.takster.tilsyn)),
                    aendring(g.takster.timepris, m.takster.timepris), gns)

