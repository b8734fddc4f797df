"""Fra budgetmappe til rapport: læs budgetåret, året før og PL-indekset, kontrollér og beregn.

Det eneste sted, hvor indlæsning og beregning mødes; ``cli`` kalder det, og det kan bruges som
bibliotek. Alt input-problem bliver en ``Inputfejl`` med filens navn. Sammenhængen mellem de
viste år (``sammenhaeng``) følger med som fund, så den, der viser tallene, kan vise dem først.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.kommando import kommando
from tilsynstakst.budgetfil.kommuner import naermeste
from tilsynstakst.jsondata import som_data
from tilsynstakst.tal import vis
from tilsynstakst.budgetfil.laes import (PL_FILNAVN, Budgetfil, Linjer, budgetfil, budgetmappe,
                                         find_linje, findes, laes_model)
from tilsynstakst.beregning.aarsresultat import (Rapport, Scenarieresultat, beregn_aar, lav_rapport,
                                  sammenlign_scenarie)
from tilsynstakst.kontrol.sammenhaeng import aarets_fund, to_aar
from tilsynstakst.beregning.sammenligning import ManglendePL, pl_faktor
from tilsynstakst.budgetfil.model import Budget, PLIndeks
from tilsynstakst.beregning.spor import omfang, optag

if TYPE_CHECKING:  # følsomhed og scenarier indlæses først, når de bruges (hastighed, issue 11)
    from tilsynstakst.beregning.foelsomhed import Foelsomhed
    from tilsynstakst.budgetfil.scenarie import Scenarie, Scenarieinfo


@dataclass(frozen=True)
class Beregning:
    """Budgetåret beregnet, med filen selv (kilder, kalibrerede værdier) og kontrollernes fund
    for de viste år (docs/aaret.md: meldes, hvor tallene vises)."""

    budget: Budget
    rapport: Rapport
    fund: tuple[Fund, ...] = ()


class Filer:
    """Budgetfiler og PL-indeks, hver læst og valideret højst én gang; en fil, der ikke kan
    bruges, giver ``None`` og sine fund (``fund[sti]``), så ``tjek`` kan melde dem alle."""

    def __init__(self) -> None:
        self.modeller: dict[Path, Budget | PLIndeks | None] = {}
        self.budgetfiler: dict[Path, Budgetfil] = {}  # til et scenarie på året
        self.fund: dict[Path, list[Fund]] = {}
        self.linje = Linjer()

    def laes(self, sti: Path) -> Budget | PLIndeks | None:
        if sti not in self.modeller:
            try:
                if sti.name == PL_FILNAVN:
                    model: Budget | PLIndeks | None = laes_model(PLIndeks, sti)
                else:
                    self.budgetfiler[sti] = Budgetfil.laes(sti)
                    model = budget_af(self.budgetfiler[sti])
            except Inputfejl as e:
                model, self.fund[sti] = None, e.fund
            self.modeller[sti] = model
        return self.modeller[sti]


@dataclass(frozen=True)
class Hindring:
    """Hvorfor året før ikke kan vises i budgetårets priser, og fundene; ``anden_fil``: de hører
    til den fil (året før eller PL-indekset), der ikke kan bruges, og meldes ved den."""

    grund: str
    fund: tuple[Fund, ...]
    anden_fil: Path | None = None


@dataclass(frozen=True)
class Aaret:
    """Budgetåret, som hver kommando får det: budgettet (med et scenarie), året før og
    PL-faktoren mellem dem (``None``: intet år før), og fundene for de viste år. ``hindring``
    siger, hvorfor året før ikke kan vises (så er ``forrige`` None)."""

    sti: Path
    budget: Budget
    forrige: Budget | None
    forrige_sti: Path | None
    faktor: Fraction | None
    fund: tuple[Fund, ...]
    scenarie: Scenarieinfo | None = None
    hindring: Hindring | None = None


def aaret(sti: Path, filer: Filer, scenarie: Scenarie | None = None) -> Aaret | None:
    """Den ene vej gennem et budgetår (som beancounts loader: værdier, ikke undtagelser):
    budgetfilen, et scenarie, året før i samme mappe, PL-indekset og sammenhængens fund
    (docs/aaret.md). ``None``: filen selv kan ikke bruges (fundene står i ``filer.fund``).
    ``beregn`` stopper ved en inputfejl; ``tjek`` melder den med de andre."""
    budget = filer.laes(sti)
    if not isinstance(budget, Budget):
        return None
    info = None
    if scenarie is not None:
        budget, info = med_scenarie(filer.budgetfiler[sti], scenarie)
    fund = aarets_fund(sti, budget, filer.linje)
    forrige_sti = budgetfil(sti.parent, budget.aar - 1)
    if not findes(forrige_sti):
        return Aaret(sti, budget, None, None, None, tuple(fund), info)
    forrige, pl_sti = filer.laes(forrige_sti), sti.parent / PL_FILNAVN
    if not isinstance(forrige, Budget):  # dens fund meldes ved filen selv
        return Aaret(sti, budget, None, forrige_sti, None, tuple(fund), info,
                     Hindring(f"{forrige_sti.name} kan ikke bruges",
                              tuple(filer.fund[forrige_sti]), forrige_sti))
    fund += aarets_fund(forrige_sti, forrige, filer.linje) + to_aar(sti, budget, forrige_sti,
                                                                    forrige, filer.linje)

    def pl() -> PLIndeks | None:
        indeks = filer.laes(pl_sti)
        return indeks if isinstance(indeks, PLIndeks) else None

    try:  # året før skal kunne vises i budgetårets priser
        faktor = faktor_mellem(forrige, budget, pl, pl_sti)
    except Inputfejl as e:
        return Aaret(sti, budget, None, forrige_sti, None, tuple(fund), info,
                     Hindring(f"{forrige.aar} kan ikke vises i {budget.priser}-priser",
                              tuple(e.fund)))
    if faktor is None:  # PL-indeksets fund meldes ved filen selv
        return Aaret(sti, budget, None, forrige_sti, None, tuple(fund), info,
                     Hindring(f"{pl_sti.name} kan ikke bruges", tuple(filer.fund[pl_sti]),
                              pl_sti))
    return Aaret(sti, budget, forrige, forrige_sti, faktor, tuple(fund), info)


def aaret_i(mappe: Path, aar: int, scenarie: Scenarie | None = None) -> tuple[Aaret, Filer]:
    """``aaret`` for ``aar`` i budgetmappen ``mappe``; kan årets fil ikke bruges, er det en
    ``Inputfejl`` med dens fund (kommandoerne bag ``beregn``, ``scenarie`` og ``foelsomhed``)."""
    budgetmappe(mappe)
    filer, sti = Filer(), budgetfil(mappe, aar)
    a = aaret(sti, filer, scenarie)
    if a is None:
        raise Inputfejl(filer.fund[sti])
    return a, filer


def beregn(mappe: Path, aar: int, afrunding: str, scenarie: Scenarie | None = None) -> Beregning:
    """Læs, kontrollér og beregn budgetåret og (findes det) året før i budgetårets priser
    (``aaret``); en fil, der ikke kan bruges, er en ``Inputfejl`` med dens fund.

    Med ``scenarie`` beregnes budgetåret med scenariets ændringer (docs/aaret.md); filen selv
    skal være gyldig, og året før er, som det er.
    """
    a, _ = aaret_i(mappe, aar, scenarie)
    if a.hindring is not None:
        raise Inputfejl(list(a.hindring.fund))
    filer_ = {"budgetaar": a.sti} | ({"forrige_aar": a.forrige_sti} if a.forrige else {})
    rapport = lav_rapport(a.budget, a.forrige, a.faktor, afrunding, a.scenarie, filer_)
    return Beregning(a.budget, rapport, a.fund)


def faktor_mellem(forrige: Budget, budget: Budget, pl: Callable[[], PLIndeks | None],
                  sti: Path) -> Fraction | None:
    """PL-faktoren, der viser året før i budgetårets priser: fra året førs prisniveau til
    budgetårets (docs/afrunding-og-priser.md). Står begge filer i samme prisniveau (2022.toml i 2023-priser,
    som 2023-notatet viser det), er faktoren 1, og PL-indekset behøves ikke (issue 12).
    ``pl`` læser indekset, når det behøves; ``None``: det kan ikke læses (fundet meldes der)."""
    if forrige.priser == budget.priser:
        return Fraction(1)
    indeks = pl()
    if indeks is None:
        return None
    hjaelp = (f"; {forrige.aar}.toml står i {forrige.priser}-priser. Tilføj {forrige.priser} i "
              f"indekset, eller skriv prisniveau = {budget.priser} i {forrige.aar}.toml, hvis "
              f"dens beløb er offentliggjort i {budget.priser}-priser"
              if forrige.prisniveau is None and forrige.priser not in indeks.indeks else "")
    return faktor_fra_pl(indeks, sti, forrige.priser, budget.priser, hjaelp)


def faktor_fra_pl(pl: PLIndeks, sti: Path, fra: int, til: int, hjaelp: str = "") -> Fraction:
    """PL-faktoren fra ``fra``- til ``til``-priser; et år, indekset mangler, er en ``Inputfejl``."""
    try:
        with omfang("", sti):
            return pl_faktor(pl, fra, til)
    except ManglendePL as e:
        if e.aar == fra and hjaelp:
            tilfoej = hjaelp
        elif e.aar - 1 in pl.indeks:  # året før står der: linjen, der mangler
            tilfoej = (f"; tilføj under [indeks] linjen {e.aar} = {pl.indeks[e.aar - 1]} × "
                       f"(1 + PL/100), med PL fra {e.aar - 1} til {e.aar} i procent")
        else:
            tilfoej = ""
        raise Inputfejl([Fund(str(sti), f"PL-indekset mangler året {e.aar}{tilfoej}",
                              noegle=f"indeks.{e.aar}", linje=Linjer()(sti, "indeks"))]) from None


def budget_af(fil: Budgetfil, data: dict | None = None) -> Budget:
    """Filens (eller ``data``s) budget til beregningen: valideret som filen, og med
    afdelingernes budgetter udledt af posterne og valideret som tastede (``opbygning.udled``)."""
    budget = fil.model(data)
    if not budget.budget.poster:
        return budget
    from tilsynstakst.beregning.opbygning import Udledningsfejl, udled

    try:
        return udled(budget)
    except Udledningsfejl as e:
        loc = tuple(e.noegle.split("."))
        raise Inputfejl([Fund(str(fil.sti), e.besked, noegle=e.noegle,
                              linje=find_linje(fil.tekst, loc))]) from None


def med_scenarie(fil: Budgetfil, scenarie: Scenarie) -> tuple[Budget, Scenarieinfo]:
    """Budgettet med scenariets ændringer, valideret som filen (``budget_af``); en fejl siger, at
    den kommer af scenariet (docs/aaret.md). Filen selv skal være gyldig først."""
    from tilsynstakst.budgetfil.scenarie import Scenarieinfo, anvend, i_scenariet

    data, anvendt = anvend(fil.data, scenarie, str(fil.sti))
    try:
        budget = budget_af(fil, data)
    except Inputfejl as e:
        raise Inputfejl([i_scenariet(f, scenarie) for f in e.fund]) from None
    return budget, Scenarieinfo(scenarie.navn, scenarie.beskrivelse, str(fil.sti), anvendt)


def beregn_scenarie(mappe: Path, aar: int, afrunding: str,
                    scenarie: Scenarie) -> tuple[Scenarieresultat, tuple[Fund, ...]]:
    """Budgetåret og scenariet side om side, med fundene for året (``aaret``; docs/aaret.md).
    Året før behøves ikke: kan det ikke bruges, regnes scenariet alligevel."""
    a, filer = aaret_i(mappe, aar)
    med, info = med_scenarie(filer.budgetfiler[a.sti], scenarie)
    return sammenlign_scenarie(a.budget, med, info, afrunding), a.fund


def beregn_foelsomhed(mappe: Path, aar: int, afrunding: str) -> tuple[Foelsomhed, tuple[Fund, ...]]:
    """Hver følsomhedsændring som et scenarie på årets fil, regnet og trukket fra grundlaget."""
    from tilsynstakst.beregning.foelsomhed import Foelsomhed, stoed, virkning

    a, filer = aaret_i(mappe, aar)
    grundlag = beregn_aar(a.budget, afrunding=afrunding)
    virkninger = []
    for s in stoed(a.budget):
        med, _ = med_scenarie(filer.budgetfiler[a.sti], s)
        virkninger.append(virkning(s.navn, s.aendringer, grundlag,
                                   beregn_aar(med, afrunding=afrunding)))
    return Foelsomhed(a.budget.tilsyn, aar, str(a.sti), grundlag, tuple(virkninger)), a.fund


@dataclass(frozen=True)
class Forklaret:
    """``forklar``: budgetåret beregnet med sporet tændt; ``linjer`` er udledningen af ``noegle``,
    eller (uden nøgle) hvert tal med sin nøgle."""

    beregning: Beregning
    noegle: str | None
    vaerdi: object
    linjer: tuple[str, ...]


def forklar(mappe: Path, aar: int, afrunding: str, noegle: str | None,
            scenarie: Scenarie | None = None) -> Forklaret:
    """Beregn året med sporet tændt (de samme funktioner, docs/aaret.md) og forklar ``noegle``:
    tallets sti i ``beregn --format json``."""
    from tilsynstakst.beregning.forklaring import forklar as forklaringslinjer
    from tilsynstakst.beregning.forklaring import tal_i_data

    with optag() as spor:
        b = beregn(mappe, aar, afrunding, scenarie)
    alle = dict(tal_i_data(som_data(b.rapport)))
    navne = _kommuner_ved_navn(alle, b.rapport)
    if noegle is None:
        return Forklaret(b, None, None, tuple(f"{navne.get(k, k)} = {vis(v, kort=True)}"
                                              for k, v in alle.items()))
    noegle = _ved_plads(noegle, navne)
    if noegle not in alle:
        forslag = naermeste(noegle, [navne.get(k, k) for k in alle])
        hint = f" (mente du {forslag}?)" if forslag else ""
        raise Inputfejl([Fund(noegle, f"er ikke et tal i beregningen{hint}; alle nøgler vises "
                                      f"med: {kommando('forklar', aar, mappe=mappe)}")])
    if noegle not in spor.trin:
        return Forklaret(b, noegle, alle[noegle], (f"{noegle} = {vis(alle[noegle], kort=True)}: et tal, "
                                                    "der vises, som det er (ikke en beregning).",))
    linjer = Linjer()
    maerker = {str(budgetfil(mappe, aar)): b.budget.maerker()}
    return Forklaret(b, noegle, alle[noegle], tuple(forklaringslinjer(
        spor, noegle, lambda sti, k: linjer(sti, *k.split(".")), maerker)))


_PLADS = re.compile(r"(budgetaar|forrige_aar)\.finansiering\.kommuner\.([0-9]+)\.(\w+)")


def _kommuner_ved_navn(alle: dict[str, object], rapport: Rapport) -> dict[str, str]:
    """Hver kommunes tal ved plads → ved navn, som i ``aendringer.finansiering.Aalborg``:
    ``budgetaar.finansiering.kommuner.10.beloeb`` → ``budgetaar.finansiering.Aalborg.beloeb``."""
    aarene = {"budgetaar": rapport.budgetaar, "forrige_aar": rapport.forrige_aar}
    navne = {}
    for noegle in alle:
        if m := _PLADS.fullmatch(noegle):
            aar = aarene[m.group(1)]
            assert aar is not None
            navn = aar.finansiering.kommuner[int(m.group(2))].navn
            navne[noegle] = f"{m.group(1)}.finansiering.{navn}.{m.group(3)}"
    return navne


def _ved_plads(noegle: str, navne: dict[str, str]) -> str:
    """En kommunes tal ved navn → nøglen ved plads: ``budgetaar.finansiering.Aalborg`` (beløbet),
    ``….Aalborg.befolkning`` og ``….kommuner.Aalborg.beloeb``, uanset store og små bogstaver.
    Alt andet, også en nøgle ved plads, står, som det er."""
    dele = noegle.split(".")
    if len(dele) > 3 and dele[1:3] == ["finansiering", "kommuner"] and not (dele[3].isascii() and dele[3].isdigit()):
        del dele[2]
    if len(dele) == 3 and dele[1] == "finansiering":  # en kommunes finansiering er dens beløb
        dele.append("beloeb")
    plads = {navn.casefold(): k for k, navn in navne.items()}
    return plads.get(".".join(dele).casefold(), noegle)
