"""Sammenhængen i et budgetår og mellem to år: de kontroller, der gør et tal meningsløst.

De bruges både af ``tjek`` og af ``beregn`` og ``notat``, der viser hvert fund som en advarsel
før tallene (docs/aaret.md: aldrig et selvsikkert forkert tal). Rene funktioner: en budgetfil og
en linjeopslagsfunktion ind, en liste af ``Fund`` ud.

- befolkningstallet er fra 2. kvartal året før budgetåret (LOST § 23; docs/regler.md);
- filen er ikke et udkast (``tilsynstakst ny`` mærker hver overført kilde ``UDKAST:``);
- ingen kilde er et tidligere års notat (et notat kan ikke være kilde til et senere års tal);
- det indregnede resultat er fra et afsluttet regnskab, normalt to år før budgetåret (§2);
- kommunerne er tilsynets område (``omraade``: socialtilsynsloven § 2, stk. 2-3);
- to på hinanden følgende år finansieres af de samme kommuner;
- året før står ikke i et senere års priser end budgetåret (``prisniveau``).
"""

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel

from tilsynstakst.budgetfil.kommuner import Tilsyn, naermeste
from tilsynstakst.fund import ADVARSEL, AFVIGELSE, Fund
from tilsynstakst.kommando import kommando
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.kontrol.omraade import kommuner_i_omraadet

# Linjen for en nøgle i en fil: ``linje(sti, "befolkning", "kvartal")``.
Linjeopslag = Callable[..., int | None]

UDKAST = "UDKAST:"  # en kilde, der begynder sådan, er overført af `ny` og ikke gennemgået

# "Notat Budget 2024", "notatet til Budget 2024", "Budgetnotat 2024".
_NOTAT = re.compile(r"notat\w*\s+(?:(?:til|for|om)\s+)?(?:budget\s*)?(\d{4})|"
                    r"budgetnotat\w*\s+(\d{4})", re.IGNORECASE)


def kilder(model: BaseModel, loc: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Hver ``kilde`` i budgetfilen med sin nøgle, i filens orden."""
    for navn in type(model).model_fields:
        vaerdi = getattr(model, navn)
        if navn == "kilde" and isinstance(vaerdi, str):
            yield loc + (navn,), vaerdi
        elif isinstance(vaerdi, BaseModel):
            yield from kilder(vaerdi, loc + (navn,))
        elif isinstance(vaerdi, tuple):  # [[budget.poster]]: hver post har sin kilde
            for i, element in enumerate(vaerdi):
                if isinstance(element, BaseModel):
                    yield from kilder(element, loc + (navn, str(i)))


def er_udkast(budget: Budget) -> bool:
    return any(k.startswith(UDKAST) for _, k in kilder(budget))


def kvartal(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """Befolkningstallet skal være fra 2. kvartal året før budgetåret (LOST § 23)."""
    forventet = f"{budget.aar - 1}K2"
    if budget.befolkning.kvartal == forventet:
        return []
    hent = kommando("befolkning", budget.aar, "--hent", mappe=sti.parent)
    return [Fund(str(sti), f"er {budget.befolkning.kvartal}, men reglen er 2. kvartal året før "
                 f"budgetåret: {forventet} (hent det med: {hent})",
                 "befolkning.kvartal", linje(sti, "befolkning", "kvartal"), ADVARSEL)]


def udkast(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """En fil fra ``tilsynstakst ny`` er et udkast, til hver overført kilde er udfyldt (§8)."""
    uudfyldte = [loc for loc, k in kilder(budget) if k.startswith(UDKAST)]
    if not uudfyldte:
        return []
    navne = ", ".join(".".join(loc) for loc in uudfyldte)
    return [Fund(str(sti), f"filen er et udkast: {len(uudfyldte)} kilder er overført og ikke "
                 f"gennemgået ({navne}); erstat hver '{UDKAST} …' med årets kilde",
                 ".".join(uudfyldte[0]), linje(sti, *uudfyldte[0]), ADVARSEL)]


def pladsholdere(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """En pladsholder er ikke et tal fra en kilde: det, der regnes af den, er ikke tilsynets tal,
    før den er erstattet (docs/budgetfil.md)."""
    if not budget.pladsholdere:
        return []
    navne = ", ".join(budget.pladsholdere)
    return [Fund(str(sti), f"filen har {len(budget.pladsholdere)} pladsholdere, ingen kilde "
                 f"offentliggør ({navne}); de tal, der regnes af dem, er ikke tilsynets egne, før "
                 "de er erstattet og fjernet fra listen", "pladsholdere",
                 linje(sti, "pladsholdere"), ADVARSEL)]


def bpa_kun_hos_nord(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """Kun Socialtilsyn Nord godkender og fører tilsyn med BPA-virksomheder (en landsdækkende
    specialistfunktion siden 1. juli 2022, docs/regler.md); BPA i et andet tilsyns fil er nok
    kopieret fra Nords."""
    if not budget.har_bpa or budget.tilsyn == Tilsyn.NORD:
        return []
    return [Fund(str(sti), f"{budget.tilsyn} har BPA-normtimer, men kun Socialtilsyn Nord fører "
                 "tilsyn med BPA-virksomheder (specialistfunktion for hele landet siden 1. juli "
                 "2022); fjern BPA-normtimerne og -antallene, hvis de er kopieret fra Nords fil",
                 "normtimer.bpa_tilsyn", linje(sti, "normtimer", "bpa_tilsyn"), ADVARSEL)]


def andet_aars_notat(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """Et tidligere års notat kan ikke være kilde til budgetårets tal (docs/aaret.md).

    Et senere års notat må gerne: 2024-notatet viser 2023 i 2024-priser, og 2023.toml er
    rekonstrueret af det.
    """
    fund = []
    for loc, tekst in kilder(budget):
        aar = sorted({int(a or b) for a, b in _NOTAT.findall(tekst)})
        tidligere = [a for a in aar if a < budget.aar]
        if tidligere:
            fund.append(Fund(str(sti), f"nævner notatet til Budget {tidligere[-1]} som kilde; et "
                             f"tidligere års notat kan ikke være kilde til budget {budget.aar}",
                             ".".join(loc), linje(sti, *loc), ADVARSEL))
    return fund


def overfoert_resultat(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """Det indregnede resultat er fra et afsluttet regnskab: normalt året to år før budgetåret
    (budget 2024 indregner regnskab 2022, docs/regler.md)."""
    o = budget.overfoert_resultat
    if o is None or o.regnskabsaar == budget.aar - 2:
        return []
    if o.regnskabsaar >= budget.aar - 1:
        grund = (f"regnskab {o.regnskabsaar} er ikke afsluttet, når budget {budget.aar} lægges "
                 f"(normalt indregnes regnskab {budget.aar - 2})")
    else:
        grund = (f"regnskab {o.regnskabsaar} er ældre end det, budget {budget.aar} normalt "
                 f"indregner ({budget.aar - 2}); er beløbet overført fra et tidligere budget?")
    return [Fund(str(sti), grund, "overfoert_resultat.regnskabsaar",
                 linje(sti, "overfoert_resultat", "regnskabsaar"), ADVARSEL)]


def aarets_fund(sti: Path, budget: Budget, linje: Linjeopslag) -> list[Fund]:
    """Alle kontroller af ét budgetår for sig."""
    return [*udkast(sti, budget, linje), *pladsholdere(sti, budget, linje),
            *bpa_kun_hos_nord(sti, budget, linje),
            *andet_aars_notat(sti, budget, linje),
            *kvartal(sti, budget, linje), *overfoert_resultat(sti, budget, linje),
            *kommuner_i_omraadet(sti, budget, linje)]


def kommuner(sti: Path, budget: Budget, forrige: Budget, linje: Linjeopslag) -> list[Fund]:
    """To på hinanden følgende år skal finansieres af de samme kommuner; en kommune, der er
    stavet anderledes, nævnes som sådan."""
    nu, foer = set(budget.befolkning.kommuner), set(forrige.befolkning.kommuner)
    if nu == foer:
        return []
    dele = []
    if nu - foer:
        dele.append("nye: " + ", ".join(sorted(nu - foer)))
    if foer - nu:
        dele.append("mangler: " + ", ".join(sorted(foer - nu)))
    for ny in sorted(nu - foer):
        if forslag := naermeste(ny, sorted(foer - nu)):
            dele.append(f"{ny}: mente du {forslag}?")
    return [Fund(str(sti), f"kommunerne er ikke de samme som i {forrige.aar}.toml ("
                 + "; ".join(dele) + ")", "befolkning.kommuner",
                 linje(sti, "befolkning", "kommuner", *sorted(nu - foer)[:1]), AFVIGELSE)]


def prisniveau(sti_foer: Path, budget: Budget, forrige: Budget, linje: Linjeopslag) -> list[Fund]:
    """Året før vises i budgetårets priser; en fil for året før, der står i et senere års priser
    end budgetåret, er næsten altid et forkert ``prisniveau`` (issue 12)."""
    if forrige.priser <= budget.priser:
        return []
    return [Fund(str(sti_foer), f"er {forrige.priser}, senere end budgetåret {budget.aar}, som "
                 f"{forrige.aar} sammenlignes med; året før kan ikke stå i et senere års priser "
                 f"end året efter (normalt: {forrige.aar} eller {budget.priser})", "prisniveau",
                 linje(sti_foer, "prisniveau"), AFVIGELSE)]


def to_aar(sti: Path, budget: Budget, sti_foer: Path, forrige: Budget,
           linje: Linjeopslag) -> list[Fund]:
    """Kontrollerne af to år, der vises sammen: kommunerne og prisniveauet."""
    return [*kommuner(sti, budget, forrige, linje), *prisniveau(sti_foer, budget, forrige, linje)]
