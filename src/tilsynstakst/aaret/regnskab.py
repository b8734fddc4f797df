"""Et regnskabsår: regnskabsfilen læst, kontrolleret mod årets budgetfil og beregnet (issue 24);
og kontrollen af et overført resultat mod regnskabets beslutning (``tjek``).

``regnskab/AAAA.toml`` står i budgetmappen. Regnskabet sammenlignes med budgettet i
budgetfilens priser: regnskabsfilen skal stå i samme prisniveau (README: Regnskabet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tilsynstakst.beregning.regnskab import AFDELINGER, Regnskab, regn_regnskab
from tilsynstakst.budgetfil.laes import (Budgetfil, Linjer, aar_i_filnavn, budgetfil,
                                         budgetmappe, find_linje, findes, laes_toml, valider)
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.budgetfil.regnskab import REGNSKABSMAPPE, Regnskabsfil
from tilsynstakst.fund import AFVIGELSE, INPUTFEJL, Fund, Inputfejl
from tilsynstakst.kommando import kommando
from tilsynstakst.tal import tal

Linjeopslag = Callable[..., int | None]


def regnskabsfil(mappe: Path, aar: int) -> Path:
    """``mappe/regnskab/AAAA.toml``."""
    return mappe / REGNSKABSMAPPE / f"{aar}.toml"


def laes_regnskab(sti: Path) -> Regnskabsfil:
    """Læs og validér en regnskabsfil; året i filen skal passe med filnavnet."""
    data, tekst = laes_toml(sti)
    r = valider(Regnskabsfil, data, tekst, str(sti))
    if (aar := aar_i_filnavn(sti)) is not None and aar != r.aar:
        raise Inputfejl([Fund(str(sti), f"året i filen er {r.aar}, men filen hedder {sti.name}",
                              noegle="aar", linje=find_linje(tekst, ("aar",)))])
    return r


def kontroller(budget: Budget, budget_sti: Path, r: Regnskabsfil, sti: Path,
               linje: Linjeopslag) -> list[Fund]:
    """Regnskabet og årets budgetfil passer sammen (ellers kan de ikke sammenlignes): samme
    tilsyn og prisniveau, BPA som budgettet, et overført resultat fordelt på afdelingerne, og
    posternes budget lig afdelingernes omkostningsbudget."""
    fund = []
    f = str(sti)
    if r.tilsyn != budget.tilsyn:
        fund.append(Fund(f, f"er {r.tilsyn}, men {budget_sti} er {budget.tilsyn}", "tilsyn",
                         linje(sti, "tilsyn")))
    if r.priser != budget.priser:
        noegle = "prisniveau" if r.prisniveau is not None else "aar"
        fund.append(Fund(f, f"regnskabets beløb står i {r.priser}-priser, men {budget_sti} står "
                         f"i {budget.priser}-priser; regnskabet sammenlignes med budgettet i "
                         f"budgetfilens priser, så skriv beløbene i {budget.priser}-priser og "
                         f"prisniveau = {budget.priser}" if budget.priser != r.aar else
                         f"regnskabets beløb står i {r.priser}-priser, men {budget_sti} står i "
                         f"{budget.priser}-priser; slet prisniveau", noegle, linje(sti, noegle)))
    a = r.aktivitet
    if budget.har_bpa and a.bpa_tilsyn is None:
        fund.append(Fund(f, f"mangler: {budget_sti} har BPA, så skriv aktivitet.bpa_tilsyn og "
                         "aktivitet.bpa_nygodkendelser (også 0)", "aktivitet.bpa_tilsyn",
                         linje(sti, "aktivitet")))
    if not budget.har_bpa and a.bpa_tilsyn is not None:
        fund.append(Fund(f, f"er et BPA-antal, men {budget_sti} har ingen BPA (ingen "
                         "BPA-normtimer); fjern det", "aktivitet.bpa_tilsyn",
                         linje(sti, "aktivitet", "bpa_tilsyn")))
    o = budget.overfoert_resultat
    if o is not None and o.beloeb and o.dele() is None:
        fund.append(Fund(str(budget_sti), f"budgettet indregner {tal(o.beloeb)} kr. fra regnskab "
                         f"{o.regnskabsaar}, men ikke hvor meget i hver afdeling; regnskabet for "
                         f"{budget.aar} skal vide det for at kende afdelingernes "
                         "omkostningsbudget: skriv tilbudsafdelingen og plejefamilieafdelingen",
                         "overfoert_resultat", linje(budget_sti, "overfoert_resultat")))
        return fund
    dele = o.dele() if o is not None else None
    for afd in AFDELINGER:
        poster = [p for p in r.omkostninger.poster if p.afdeling == afd]
        if not poster:
            continue
        omk = getattr(budget.budget, afd) + (dele[afd] if dele else 0)
        summen = sum((p.budget for p in poster), Decimal(0))
        if summen != omk:
            i = r.omkostninger.poster.index(poster[0])
            fund.append(Fund(f, f"{afd}s poster har budget {tal(summen)} kr. i alt, men "
                             f"afdelingens omkostningsbudget i {budget_sti} er {tal(omk)} kr. "
                             "(finansieret budget + overført overskud); posternes budget skal "
                             "summe til det", f"omkostninger.poster.{i}.budget",
                             linje(sti, "omkostninger", "poster", str(i)), AFVIGELSE))
    return fund


@dataclass(frozen=True)
class Regnskabsberegning:
    regnskab: Regnskab
    fil: Regnskabsfil
    sti: Path
    budget_sti: Path


def beregn(mappe: Path, aar: int) -> Regnskabsberegning:
    """Læs regnskabet for ``aar`` og årets budgetfil, kontrollér dem mod hinanden og beregn
    regnskabet mod budgettet; en fil, der ikke kan bruges, er en ``Inputfejl``."""
    from tilsynstakst.aaret.gennemloeb import budget_af

    budgetmappe(mappe)
    sti, b_sti = regnskabsfil(mappe, aar), budgetfil(mappe, aar)
    if not findes(sti):
        raise Inputfejl([Fund(str(sti), f"filen findes ikke; regnskabet for {aar} skrives i "
                              f"{sti} (README: Regnskabet)")])
    r = laes_regnskab(sti)
    if not findes(b_sti):
        raise Inputfejl([Fund(str(b_sti), f"filen findes ikke; regnskabet for {aar} "
                              f"sammenlignes med budgetfilen for {aar}")])
    budget = budget_af(Budgetfil.laes(b_sti))
    fund = kontroller(budget, b_sti, r, sti, Linjer())
    if fund:
        raise Inputfejl(fund)
    return Regnskabsberegning(regn_regnskab(budget, r, b_sti, sti), r, sti, b_sti)


def overfoert_fund(budgetter: Iterable[tuple[Path, Budget]], regnskab: Callable[[Path], Regnskab
                   | None], linje: Linjeopslag,
                   afstemt: dict[str, str] | None = None) -> list[Fund]:
    """``tjek``: hvert budgets ``[overfoert_resultat]`` mod beslutningen i regnskabet for
    ``regnskabsaar`` (findes det), og at det, der er overført af ét resultat til alle senere
    budgetter, aldrig er mere end resultatet. ``regnskab(sti)``: regnskabet beregnet, eller
    ``None`` (filen findes ikke eller kan ikke bruges; det meldes ved den). ``afstemt`` får
    for hvert budget, hvis beløb passer med beslutningen, hvad det er afstemt med, så ``tjek``
    kan sige det ved filen."""
    fund: list[Fund] = []
    pr_regnskab: dict[Path, list[tuple[Path, Budget]]] = {}
    for sti, budget in budgetter:
        o = budget.overfoert_resultat
        if o is None:
            continue
        r_sti = regnskabsfil(sti.parent, o.regnskabsaar)
        if not findes(r_sti):
            continue
        pr_regnskab.setdefault(r_sti, []).append((sti, budget))
    for r_sti, brugt in pr_regnskab.items():
        r = regnskab(r_sti)
        if r is None:
            continue
        resultat = r.afdelinger["i_alt"].resultat.regnskab
        beslutninger = {o.budgetaar: o for o in r.overfoert}
        i_alt = Decimal(0)
        for sti, budget in brugt:
            o = budget.overfoert_resultat
            assert o is not None
            i_alt += o.beloeb
            b = beslutninger.get(budget.aar)
            loc = ("overfoert_resultat", "beloeb")
            if b is None:
                fund.append(Fund(str(sti), f"{tal(o.beloeb)} kr. fra regnskab "
                                 f"{o.regnskabsaar}, men {r_sti} har ingen beslutning om at "
                                 f"overføre til budget {budget.aar}; skriv den under "
                                 "[[overfoersel]] i regnskabet", ".".join(loc), linje(sti, *loc),
                                 AFVIGELSE, None, o.beloeb))
                continue
            if b.beloeb == o.beloeb and afstemt is not None:
                afstemt[str(sti)] = (f"overført resultat {tal(o.beloeb)} kr. afstemt med "
                                     f"beslutningen i {r_sti}")
            if b.beloeb != o.beloeb:
                fund.append(Fund(str(sti), f"afviger fra beslutningen: budgettet indregner "
                                 f"{tal(o.beloeb)} kr., men {r_sti} overfører {tal(b.beloeb)} "
                                 f"kr. til budget {budget.aar} (forskel "
                                 f"{tal(abs(o.beloeb - b.beloeb))} kr.)", ".".join(loc),
                                 linje(sti, *loc), AFVIGELSE, b.beloeb, o.beloeb))
            dele = o.dele()
            for afd in AFDELINGER if dele is not None else ():
                beslutning = getattr(b, afd)
                if beslutning is not None and dele[afd] != beslutning:  # type: ignore[index]
                    fund.append(Fund(str(sti), f"afviger fra beslutningen: budgettet indregner "
                                     f"{tal(dele[afd])} kr. i {afd}, men {r_sti} overfører "  # type: ignore[index]
                                     f"{tal(beslutning)} kr.", f"overfoert_resultat.{afd}",
                                     linje(sti, "overfoert_resultat", afd), AFVIGELSE,
                                     beslutning, dele[afd]))  # type: ignore[index]
        if _mere_end(i_alt, resultat):
            budgetaar = ", ".join(str(b.aar) for _, b in brugt)
            sti, _ = brugt[-1]
            fund.append(Fund(str(sti), f"budget {budgetaar} indregner i alt {tal(i_alt)} kr. fra "
                             f"regnskab {r.aar}, men resultatet i {r_sti} er {tal(resultat)} kr.; "
                             "der kan ikke overføres mere end resultatet",
                             "overfoert_resultat.beloeb",
                             linje(sti, "overfoert_resultat", "beloeb"), AFVIGELSE, resultat,
                             i_alt))
    return fund


def _mere_end(overfoert: Decimal, resultat: Decimal) -> bool:
    """Er ``overfoert`` mere end resultatet: større end et overskud, et overskud overført fra et
    underskud (eller omvendt), eller et større underskud?"""
    if not overfoert:
        return False
    return (overfoert > 0) != (resultat > 0) or abs(overfoert) > abs(resultat)


def beslutningens_fund(r: Regnskab, sti: Path, linje: Linjeopslag) -> list[Fund]:
    """Beslutningen i regnskabet overfører aldrig mere end resultatet."""
    if r.overfoert_i_alt is None or not _mere_end(r.overfoert_i_alt, r.afdelinger["i_alt"]
                                                   .resultat.regnskab):
        return []
    resultat = r.afdelinger["i_alt"].resultat.regnskab
    return [Fund(str(sti), f"overfører i alt {tal(r.overfoert_i_alt)} kr., men årets resultat er "
                 f"{tal(resultat)} kr.; der kan ikke overføres mere end resultatet "
                 f"({kommando('regnskab', r.aar, mappe=sti.parent.parent)} viser det)",
                 "overfoersel", linje(sti, "overfoersel", "0"), AFVIGELSE, resultat,
                 r.overfoert_i_alt)]


def tjek_regnskab(sti: Path, linje: Linjeopslag) -> tuple[Regnskab | None, list[Fund]]:
    """``tjek`` af én regnskabsfil: gyldig, passer med årets budgetfil, beregnes, og beslutningen
    overfører ikke mere end resultatet. Regnskabet (``None``, hvis det ikke kan beregnes) og
    fundene; en ugyldig budgetfil meldes ved den selv."""
    try:
        r = laes_regnskab(sti)
    except Inputfejl as e:
        return None, list(e.fund)
    mappe = sti.parent.parent
    b_sti = budgetfil(mappe, r.aar)
    if not findes(b_sti):
        return None, [Fund(str(sti), f"{b_sti} findes ikke; regnskabet for {r.aar} sammenlignes "
                           f"med budgetfilen for {r.aar}", "aar", linje(sti, "aar"), INPUTFEJL)]
    from tilsynstakst.aaret.gennemloeb import budget_af

    try:
        budget = budget_af(Budgetfil.laes(b_sti))
    except Inputfejl:
        return None, []  # budgetfilens egne fund meldes ved den
    fund = kontroller(budget, b_sti, r, sti, linje)
    if fund:
        return None, fund
    beregnet = regn_regnskab(budget, r)
    return beregnet, beslutningens_fund(beregnet, sti, linje)


def forklar(mappe: Path, aar: int, noegle: str) -> tuple[Regnskabsberegning, tuple[str, ...]]:
    """``forklar AAR regnskab.…``: regnskabet beregnet med sporet tændt (de samme funktioner) og
    udledningen af ``noegle``, tallets sti i ``regnskab AAR --format json``."""
    from tilsynstakst.beregning.forklaring import forklar as forklaringslinjer
    from tilsynstakst.beregning.forklaring import tal_i_data
    from tilsynstakst.beregning.spor import optag
    from tilsynstakst.budgetfil.kommuner import naermeste
    from tilsynstakst.jsondata import som_data
    from tilsynstakst.tal import vis

    with optag() as spor:
        rb = beregn(mappe, aar)
    alle = dict(tal_i_data({"regnskab": som_data(rb.regnskab)}))
    if noegle not in alle:
        forslag = naermeste(noegle, list(alle))
        hint = f" (mente du {forslag}?)" if forslag else ""
        raise Inputfejl([Fund(noegle, f"er ikke et tal i regnskabet{hint}; alle nøgler vises "
                                      f"med: {kommando('regnskab', aar, '--format', 'json', mappe=mappe)}")])
    if noegle not in spor.trin:
        return rb, (f"{noegle} = {vis(alle[noegle], kort=True)}: et tal, der vises, som det er.",)
    linjer = Linjer()
    return rb, tuple(forklaringslinjer(spor, noegle, lambda sti, k: linjer(sti, *k.split(".")),
                                       {}))
