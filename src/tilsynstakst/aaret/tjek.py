"""Kontrol af budgetfiler (``tjek``): find filerne, læs hver enkelt, afstem, og saml alle fund.

Som beancounts checker: en fejl i én fil stopper ikke læsningen af de andre, og hvert fund er en
værdi (fil, linje, nøgle, alvor, besked), ikke en undtagelse, der bobler op. Kontrollerne:

- hver fil valideres (``load``, samme regler og beskeder som ``beregn``);
- sammenhængen i hvert år og mellem to år (``sammenhaeng``: kvartalet, udkast, kilder, det
  indregnede resultat, kommunerne), de samme kontroller som ``beregn`` og ``notat`` viser;
- de offentliggjorte tal afstemmes med beregningen (docs/afstemning.md).
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tilsynstakst.kontrol.afstemning import AFRUNDING as KL_AFRUNDING
from tilsynstakst.kontrol.afstemning import ERKENDT as KL_ERKENDT
from tilsynstakst.kontrol.afstemning import ENS, KOLONNE, Afstemt, Kildetabel, Kolonne, afstem
from tilsynstakst.beregning.fordeling import SIMPEL, STOERSTE_REST
from tilsynstakst.fund import (AFRUNDING, AFVIGELSE, ERKENDT, INPUTFEJL, USYNLIGE, Fund, Inputfejl,
                              systemfejl)
from tilsynstakst.budgetfil.laes import PL_FILNAVN, aar_i_filnavn, budgetfil, findes, noeglenavn
from tilsynstakst.tal import KR, PCT, vis
from tilsynstakst.beregning.aarsresultat import Rapport, lav_rapport
from tilsynstakst.budgetfil.scenarie import SCENARIEMAPPE, laes_scenarie
from tilsynstakst.budgetfil.model import Budget, PLIndeks
from tilsynstakst.aaret.gennemloeb import Filer, aaret, med_scenarie
from tilsynstakst.aaret.regnskab import overfoert_fund, tjek_regnskab
from tilsynstakst.beregning.regnskab import Regnskab
from tilsynstakst.budgetfil.regnskab import REGNSKABSMAPPE
from tilsynstakst.tal import tal


@dataclass(frozen=True)
class Kontrol:
    """Resultatet af ``tjek``: de læste filer, alle fund, og afstemte tal pr. fil og klasse:
    ``afstemt`` for notatets tal (``[offentliggjort]``), ``oversigt`` for landsoversigtens."""

    filer: tuple[str, ...]
    fund: tuple[Fund, ...]
    afstemt: dict[str, Counter] = field(default_factory=dict)
    oversigt: dict[str, Counter] = field(default_factory=dict)
    # et budgets overførte resultat, der passer med beslutningen i regnskabet (issue 24)
    overfoert: dict[str, str] = field(default_factory=dict)


def find_filer(stier: Iterable[Path]) -> tuple[list[Path], list[Fund]]:
    """Budgetfiler (AAAA.toml) og PL-indekset i de givne filer og mapper, sorteret.

    En fil, der ligner en budgetfil, men ikke ville blive læst (``2024.TOML``, ``²⁰²⁴.toml``,
    ``2024.toml `` med mellemrum), meldes i stedet for at blive sprunget tavst over.
    """
    filer: list[Path] = []
    fund: list[Fund] = []
    for sti in stier:
        if sti.is_dir() and sti.name in (SCENARIEMAPPE, REGNSKABSMAPPE):
            filer += _scenarier(sti, fund)
        elif sti.is_dir():
            i_mappen, forkerte = [], []
            for f in _i_mappen(sti, fund):
                if aar_i_filnavn(f) is not None or f.name == PL_FILNAVN:
                    i_mappen.append(f)
                elif _ligner_budgetfil(f.name):
                    forkerte.append(Fund(str(f), "ligner en budgetfil, men læses ikke: en "
                                         "budgetfil hedder AAAA.toml med fire almindelige cifre "
                                         "og små bogstaver (og PL-indekset pl-indeks.toml)"))
            if not i_mappen and not forkerte and not _fund_om(sti, fund):
                fund.append(Fund(str(sti), "mappen indeholder ingen budgetfiler (AAAA.toml)"))
            filer += (i_mappen + _scenarier(sti / SCENARIEMAPPE, fund)
                      + _scenarier(sti / REGNSKABSMAPPE, fund))  # regnskaberne (issue 24)
            fund += forkerte
        elif findes(sti):
            filer.append(sti)
        else:
            fund.append(Fund(str(sti), "findes ikke"))
    return filer, fund


def _i_mappen(mappe: Path, fund: list[Fund]) -> list[Path]:
    """Mappens indhold, sorteret; en mappe, der ikke kan læses (ingen adgang), er et fund, ikke
    en tom mappe og ikke en fejl i programmet (issue 21)."""
    try:
        return sorted(mappe.iterdir())
    except OSError as e:
        fund.append(Fund(str(mappe), f"mappen kan ikke læses: {systemfejl(e)}"))
        return []


def _scenarier(mappe: Path, fund: list[Fund]) -> list[Path]:
    """Scenariefilerne i ``scenarier/``, hvis mappen findes (og kan ses: ellers er mappen
    over den allerede meldt)."""
    try:
        if not mappe.is_dir():
            return []
    except OSError:
        return []
    return [f for f in _i_mappen(mappe, fund) if f.suffix == ".toml"]


def _fund_om(sti: Path, fund: list[Fund]) -> bool:
    return any(f.fil == str(sti) for f in fund)


_STREGER = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")  # bindestreger, der ligner -


def _ligner_budgetfil(navn: str) -> bool:
    """Ville et menneske læse navnet som AAAA.toml eller pl-indeks.toml? Også med usynlige tegn
    (et mellemrum uden bredde), en anden bindestreg eller andre cifre end 0-9."""
    grund = USYNLIGE.sub("", unicodedata.normalize("NFKC", navn)).strip().casefold()
    grund = _STREGER.sub("-", grund)
    # "2024 (1).toml" og "2024 kopi.toml": en browsers eller en stifinders kopi af 2024.toml
    return bool(re.fullmatch(r"\d{4}(?:\s*\(\d+\)|[\s_-]*(?:kopi|copy)\w*)?\.toml"
                             r"|pl-indeks\.toml", grund))


class _Filer(Filer):
    """``Filer`` med scenariefilerne i ``scenarier/`` og regnskaberne i ``regnskab/``, som
    ``tjek`` også læser."""

    def __init__(self) -> None:
        super().__init__()
        self.regnskaber: dict[Path, Regnskab | None] = {}

    def regnskab(self, sti: Path) -> Regnskab | None:
        """Regnskabet i ``regnskab/AAAA.toml`` beregnet (``None``: kan ikke bruges; fundene
        står ved filen)."""
        self.laes(sti)
        return self.regnskaber.get(sti)

    def laes(self, sti: Path) -> Budget | PLIndeks | None:
        if sti.parent.name == REGNSKABSMAPPE and sti not in self.modeller:
            self.regnskaber[sti], fund = tjek_regnskab(sti, self.linje)
            if fund:
                self.fund[sti] = fund
            self.modeller[sti] = None
        if sti.parent.name == SCENARIEMAPPE and sti not in self.modeller:
            try:
                self._scenarie(sti)
            except Inputfejl as e:
                self.fund[sti] = e.fund
            self.modeller[sti] = None
        return super().laes(sti)

    def _scenarie(self, sti: Path) -> None:
        """En scenariefil: gyldig i sig selv, og lagt ind i året, den nævner, giver den en gyldig
        budgetfil (docs/aaret.md). Er årets fil selv ugyldig, meldes det ved den fil."""
        aar, scenarie = laes_scenarie(sti)
        aarets = budgetfil(sti.parent.parent, aar)
        if not findes(aarets):
            raise Inputfejl([Fund(str(sti), f"scenariet gælder for {aar}, men {aarets} findes "
                                  "ikke", noegle="aar", linje=self.linje(sti, "aar"))])
        if isinstance(self.laes(aarets), Budget):
            med_scenarie(self.budgetfiler[aarets], scenarie)


def _forskel(forskel: Decimal, enhed: str) -> str:
    enhedstekst = {KR: " kr.", PCT: " procentpoint"}.get(enhed, "")
    return f"{tal(abs(forskel))}{enhedstekst}"


def _afstemning(sti: Path, budget: Budget, rapport: Rapport, filer: _Filer,
                optalt: Counter, kilde: Kildetabel = Kildetabel.NOTATET) -> list[Fund]:
    """Hvert offentliggjort tal i kildens tabel (notatets eller oversigtens) mod beregningen
    (docs/afstemning.md), og hver kolonne, der er afrundet med en anden metode, som ét fund."""
    offentliggjort = kilde.tabel(budget)
    assert offentliggjort is not None
    fund: list[Fund] = []
    # Tal, der ikke kan beregnes, meldes én gang pr. grund (og pr. ukendt kommune).
    uberegnelige: dict[tuple[str, tuple[str, ...] | None, str], list] = {}
    afstemning = afstem(offentliggjort, rapport)
    for a in afstemning.tal:
        optalt[a.klasse] += 1
        loc = (kilde.value,) + a.sti
        if a.klasse == ENS:
            continue
        if a.beregnet is None or a.beregnet.vaerdi is None:
            if a.beregnet is None:  # kun kommunerne er frie nøgler; resten afviser skemaet
                grund, hvor, alvor = "kommunen findes ikke i befolkning.kommuner", loc[:3], INPUTFEJL
            else:
                grund, hvor = a.beregnet.grund or "kan ikke beregnes", None
                alvor = INPUTFEJL if a.beregnet.fil_mangler else AFVIGELSE
            uberegnelige.setdefault((grund, hvor, alvor), [hvor or loc, 0])[1] += 1
            continue
        besked, alvor = _besked(a, kilde)
        fund.append(Fund(str(sti), besked, noeglenavn(loc), filer.linje(sti, *loc), alvor,
                         a.offentliggjort, a.beregnet.vaerdi))
    for (grund, _, alvor), (loc, antal) in uberegnelige.items():
        flere = f" ({kilde.tal(antal)})" if antal > 1 else ""
        fund.append(Fund(str(sti), grund + flere, noeglenavn(loc), filer.linje(sti, *loc), alvor))
    for k in afstemning.kolonner:
        optalt[KOLONNE] += 1
        fund.append(_kolonnefund(sti, k, afstemning.tal, filer, kilde))
    return fund


def _besked(a: Afstemt, kilde: Kildetabel) -> tuple[str, str]:
    """Beskeden og alvoren for et offentliggjort tal, der ikke er ens med det beregnede; en
    fejl er kildens (notatets eller oversigtens)."""
    assert a.beregnet is not None and a.beregnet.vaerdi is not None
    enhed, e = a.beregnet.enhed, a.erkendt
    vist = f"{kilde.hvor} {vis(a.offentliggjort, enhed)}, beregnet "
    if a.beregnet.alle:  # én procent for alle takstgrupper
        vist += " / ".join(vis(v, enhed) for v in a.beregnet.alle) + " i takstgruppe 1-4"
    else:
        vist += f"{vis(a.beregnet.vaerdi, enhed)} (forskel {_forskel(a.forskel, enhed)})"
    if e is not None and a.klasse == KL_ERKENDT:
        return f"erkendt fejl i {kilde.kilde}: {vist}; {e.grund}", ERKENDT
    if e is not None and a.forskel == 0:
        return (f"{kilde.kilde} er ikke forkert her: offentliggjort og beregnet er begge "
                f"{vis(a.offentliggjort, enhed)}; fjern erkendt.{a.sti[-1]}", AFVIGELSE)
    if e is not None:
        return (f"afviger fra den erkendte fejl: filen erkender {kilde.kildens} tal med beregnet "
                f"{vis(e.beregnet, enhed)}, men beregningen giver nu "
                f"{vis(a.beregnet.vaerdi, enhed)}; ret erkendt.{a.sti[-1]} eller find det, der "
                f"flyttede tallet", AFVIGELSE)
    if a.klasse == KL_AFRUNDING:
        return f"afrundingsforskel: {vist}", AFRUNDING
    return f"afviger: {vist}", AFVIGELSE


_METODE = {STOERSTE_REST: "fordelt budgettet med største brøkdels metode",
           SIMPEL: "afrundet hver kommune for sig (simpel afrunding)"}
_PROGRAM = {STOERSTE_REST: "med største brøkdels metode (standard)",
            SIMPEL: "med simpel afrunding (--afrunding simpel)"}


def _kolonnefund(sti: Path, k: Kolonne, afstemte: list[Afstemt], filer: _Filer,
                 kilde: Kildetabel) -> Fund:
    """Én kolonne af kommunernes beløb, afrundet med en anden metode end programmets (§5)."""
    foerste = next(a.sti for a in afstemte if a.afrunding == k.metode and a.sti[3] == k.del_)
    loc = (kilde.value, "finansiering", "*", "beloeb", k.del_)
    summer = (f"summer til {tal(k.sum)}, ikke budgettets {tal(k.budget)}" if k.sum != k.budget
              else f"summer til budgettet, {tal(k.budget)}")
    giver = ", ".join(f"{navn} {tal(program)} ({kilde.kilde} {tal(notat)})"
                      for navn, program, notat in k.forskelle)
    besked = (f"kolonnen med kommunernes beløb for {k.aar} {summer}: {kilde.kilde} har "
              f"{_METODE[k.metode]}, og den metode giver præcis {kilde.kildens} {k.kommuner} "
              f"beløb. tilsynstakst fordeler {_PROGRAM[k.program]} og giver {giver}")
    return Fund(str(sti), besked, noeglenavn(loc), filer.linje(sti, kilde.value, *foerste),
                AFRUNDING, k.sum, k.budget)


def _kontroller_budget(sti: Path, filer: _Filer, optalt: dict[Kildetabel, Counter]) -> list[Fund]:
    """Reglerne for én budgetfil ad den samme vej som ``beregn`` (``aaret``); med året før også
    kommunerne, PL-faktoren og afstemningen af notatets og oversigtens tal."""
    a = aaret(sti, filer)
    assert a is not None  # kaldes kun for en gyldig fil
    fund = list(a.fund)
    if (h := a.hindring) is not None:  # en anden fils fund meldes ved den fil selv
        egne = [] if h.anden_fil is not None else list(h.fund)
        return fund + egne + _ikke_afstemt(sti, a.budget, h.grund, filer)
    kilder = [k for k in Kildetabel if k.tabel(a.budget) is not None]
    if kilder:  # kun afstemningen behøver beregningen
        rapport = lav_rapport(a.budget, a.forrige, a.faktor)
        for kilde in kilder:
            fund += _afstemning(sti, a.budget, rapport, filer, optalt[kilde], kilde)
    return fund


def _ikke_afstemt(sti: Path, budget: Budget, grund: str, filer: _Filer) -> list[Fund]:
    """Kan året før eller PL-indekset ikke bruges, kan de offentliggjorte tal ikke afstemmes:
    det siges ved filen (for notatets og for oversigtens tal), så den ikke ser ud til at være i
    orden."""
    return [Fund(str(sti), f"{_TALLENE[kilde]} er ikke afstemt: {grund} (se fundet der)",
                 kilde.value, filer.linje(sti, kilde.value), INPUTFEJL)
            for kilde in Kildetabel if kilde.tabel(budget) is not None]


_TALLENE = {Kildetabel.NOTATET: "de offentliggjorte tal",
            Kildetabel.OVERSIGTEN: "oversigtens tal"}


def _tjek_mapper(filer_: list[Path], overfoert: dict[str, str]) -> tuple[
        list[str], list[Fund], dict[Kildetabel, dict[str, Counter]]]:
    """Kontrollér filerne; året før og PL-indekset hentes fra samme mappe som filen. De
    afstemte tal tælles pr. kilde og fil; ``overfoert`` får de overførte resultater, der
    passer med regnskabets beslutning."""
    filer = _Filer()
    fund: list[Fund] = []
    afstemt: dict[Kildetabel, dict[str, Counter]] = {k: {} for k in Kildetabel}
    for sti in filer_:
        model = filer.laes(sti)
        if isinstance(model, Budget):
            optalt = {k: Counter() for k in Kildetabel}
            fund += _kontroller_budget(sti, filer, optalt)
            afstemt[Kildetabel.NOTATET][str(sti)] = optalt[Kildetabel.NOTATET]
            if optalt[Kildetabel.OVERSIGTEN]:
                afstemt[Kildetabel.OVERSIGTEN][str(sti)] = optalt[Kildetabel.OVERSIGTEN]
    budgetter = [(s, m) for s, m in list(filer.modeller.items()) if isinstance(m, Budget)]
    fund += overfoert_fund(budgetter, filer.regnskab, filer.linje, overfoert)
    for laest in filer.fund.values():
        fund += laest
    return [str(s) for s in dict.fromkeys([*filer_, *filer.modeller])], fund, afstemt


def tjek(stier: Iterable[Path]) -> Kontrol:
    """Alle fund i alle filer under ``stier``; hver fil læses, også efter en fejl i en anden."""
    filer_, fund = find_filer(stier)
    overfoert: dict[str, str] = {}
    laeste, mappernes_fund, afstemt = _tjek_mapper(list(dict.fromkeys(filer_)), overfoert)
    fund += mappernes_fund
    # Et års egne fund følger også med, når det er året før (så beregn viser dem); meldt én gang.
    return Kontrol(tuple(sorted(dict.fromkeys(laeste))),
                   tuple(sorted(dict.fromkeys(fund), key=_orden)),
                   afstemt[Kildetabel.NOTATET], afstemt[Kildetabel.OVERSIGTEN], overfoert)


def _orden(f: Fund) -> tuple[str, int]:
    return (f.fil, f.linje or 0)
