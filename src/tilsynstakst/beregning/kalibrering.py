"""Kalibrering: værdier, kilderne ikke offentliggør, fundet af de takster, de offentliggør
(docs/omkostningsmodel.md, "Kalibreret"; ``tilsynstakst kalibrer AAR``).

Omkostningsmodellen (``takster.py``): takst[a,g] = afrund(w[g] · h[a] · t), t = B / H og
H = Σ n[a,g] · w[g] · h[a] + BPA-timer; skærpet tilsyn = afrund(10 % af den årlige tilsynstakst,
afrundet eller uafrundet; socialtilsynsbekendtgørelsen § 33). Et offentliggjort tal er afrundet
til hele kroner og giver derfor et halvåbent interval: takst x giver w · h · t ∈ [x − ½, x + ½).
Hver aktivitets takster giver sammen et interval for h[a] · t, timeprisen et for t, og budgettet
følger af Σ n · (h · t) + BPA-timer · t. Tom er et snit, når et tal ikke passer med de andre: det
største sæt tal, der passer sammen, står, og de andre er slip i kilden.

De ukendte er de nøgler i filens ``kalibreret``, modellen kan finde (``Ukendt``); alt andet
(antal, BPA-timer, andre normtimer) tages fra filen, som det står. Rene funktioner med eksakte
brøker; ingen I/O.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from math import ceil, floor

from tilsynstakst.beregning.afrunding import afrund_decimaler
from tilsynstakst.beregning.takster import AKTIVITETER, SKAERPET_SATS, VAEGTE, beregn_takster
from tilsynstakst.budgetfil.model import (MAKS_BELOEB, MAKS_DECIMALER, MAKS_TIMER, MIN_TIMER,
                                          Budget, Figur, Offentliggjort, SkaerpetGrundlag)
from tilsynstakst.tal import tal

HALV = Fraction(1, 2)
DECIMALER = 4  # normtimer skrives med (mindst) fire decimaler, som i de leverede filer


class Stoerrelse(StrEnum):
    """Det, et offentliggjort tal er: en aktivitets takst, skærpet tilsyn eller timeprisen."""

    TILSYN = "tilsyn"
    SKAERPET = "skaerpet_tilsyn_pr_maaned"
    NYGODKENDELSE = "nygodkendelse"
    VAESENTLIG_AENDRING = "vaesentlig_aendring"
    TIMEPRIS = "timepris"


class Ukendt(StrEnum):
    """De nøgler i ``kalibreret``, modellen kan finde af de offentliggjorte tal."""

    TILSYN = "normtimer.tilsyn"
    NYGODKENDELSE = "normtimer.nygodkendelse"
    VAESENTLIG_AENDRING = "normtimer.vaesentlig_aendring"
    BUDGET = "budget.tilbudsafdelingen"


class Grund(StrEnum):
    """Hvorfor en ukendt værdi er beholdt, som den står i filen."""

    INTET_MAAL = "intet_maal"  # intet offentliggjort tal bestemmer den
    SKALA = "skala"  # budget og timepris er ukendte: taksterne bestemmer kun timernes forhold


# Den størrelse i modellen, et mål bestemmer: en aktivitets h · t, eller t (timeprisen).
_GRUNDSTOERRELSE = {Stoerrelse.TILSYN: "tilsyn", Stoerrelse.SKAERPET: "tilsyn",
                    Stoerrelse.NYGODKENDELSE: "nygodkendelse",
                    Stoerrelse.VAESENTLIG_AENDRING: "vaesentlig_aendring", Stoerrelse.TIMEPRIS: "t"}
_NORMTIMER = {Ukendt.TILSYN: "tilsyn", Ukendt.NYGODKENDELSE: "nygodkendelse",
              Ukendt.VAESENTLIG_AENDRING: "vaesentlig_aendring"}
TAKSTER = (Stoerrelse.TILSYN, Stoerrelse.SKAERPET, Stoerrelse.NYGODKENDELSE,
           Stoerrelse.VAESENTLIG_AENDRING)


@dataclass(frozen=True)
class Maal:
    """Et offentliggjort tal, modellen skal give: ``vaerdi`` står under ``noegle`` i budgetfilen for
    ``aar`` i prisniveauet ``faktor`` × det kalibrerede års (``fil`` og ``linje`` til beskeder)."""

    aar: int
    noegle: str
    stoerrelse: Stoerrelse
    takstgruppe: int | None  # 0-3; None for timeprisen
    vaerdi: Decimal
    faktor: Fraction = Fraction(1)
    fil: str = ""
    linje: int | None = None


def _tabeller(budget: Budget) -> list[tuple[str, Offentliggjort]]:
    """Budgetfilens tabeller med offentliggjorte tal, med deres navn i filen: notatets
    ``[offentliggjort]`` og landsoversigtens ``[oversigt]`` (samme form). En tabel mere af samme
    form tilføjes her, og kun her."""
    tabeller = (("offentliggjort", budget.offentliggjort),
                ("oversigt", getattr(budget, "oversigt", None)))  # [oversigt]: issue 22, punkt 6
    return [(navn, t) for navn, t in tabeller if t is not None]


def maal(budget: Budget, senere: Budget | None = None, pl: Fraction | None = None) -> list[Maal]:
    """Målene for kalibreringen af ``budget``: årets offentliggjorte takster og timepris
    (``budgetaar``), og næste års fils syn på året (``forrige`` i ``senere``, i dens priser: ×
    ``pl``, PL-faktoren fra årets prisniveau til dens). Skærpet tilsyn er med; BPA-taksterne
    ikke (de er timer × den afrundede timepris og siger intet ud over den), og heller ikke et tal,
    filen erkender som en fejl i kilden (``erkendt``)."""
    ud = offentliggjort_for(budget, "budgetaar")
    return ud + (offentliggjort_for(senere, "forrige", pl or Fraction(1)) if senere else [])


def offentliggjort_for(fil: Budget, del_: str, faktor: Fraction = Fraction(1)) -> list[Maal]:
    """Takster og timepris i ``fil``s offentliggjorte tabeller for budgetåret (``budgetaar``) eller
    året før (``forrige``), som mål i prisniveauet ``faktor``."""
    return [m for navn, tabel in _tabeller(fil)
            for m in _fra_tabel(fil.aar, navn, tabel, del_, faktor)]


def _fra_tabel(aar: int, navn: str, tabel: Offentliggjort, del_: str,
               faktor: Fraction) -> Iterator[Maal]:
    for s in TAKSTER:
        grupper = getattr(tabel.takster, s.value) if tabel.takster else None
        for g in range(len(VAEGTE)):
            if (v := _del(getattr(grupper, f"takstgruppe_{g + 1}", None), del_)) is not None:
                yield Maal(aar, f"{navn}.takster.{s}.takstgruppe_{g + 1}.{del_}", s, g, v, faktor)
    if tabel.bpa and (v := _del(tabel.bpa.timepris, del_)) is not None:
        yield Maal(aar, f"{navn}.bpa.timepris.{del_}", Stoerrelse.TIMEPRIS, None, v, faktor)


def _del(figur: Figur | None, del_: str) -> Decimal | None:
    """Figurens ``del_``, medmindre den ikke står, eller filen erkender den som kildens fejl."""
    if figur is None or del_ in figur.erkendt:
        return None
    return getattr(figur, del_)


@dataclass(frozen=True)
class Interval:
    """Et interval af tal; ``None``: ubegrænset til den side. Standard: halvåbent [fra, til)."""

    fra: Fraction | None = None
    til: Fraction | None = None
    fra_med: bool = True
    til_med: bool = False

    def __contains__(self, x: Fraction) -> bool:
        over = self.fra is None or x > self.fra or (self.fra_med and x == self.fra)
        under = self.til is None or x < self.til or (self.til_med and x == self.til)
        return over and under

    @property
    def tom(self) -> bool:
        if self.fra is None or self.til is None:
            return False
        return self.fra > self.til or (self.fra == self.til and not (self.fra_med and self.til_med))

    @property
    def begraenset(self) -> bool:
        return self.fra is not None and self.til is not None

    def snit(self, o: "Interval") -> "Interval":
        fra, fra_med = _graense(self.fra, self.fra_med, o.fra, o.fra_med, max)
        til, til_med = _graense(self.til, self.til_med, o.til, o.til_med, min)
        return Interval(fra, til, fra_med, til_med)

    def sted(self, lam: Fraction) -> Fraction:
        """Tallet ``lam`` (0-1) inde i intervallet."""
        assert self.fra is not None and self.til is not None
        return self.fra + lam * (self.til - self.fra)


def _graense(a: Fraction | None, a_med: bool, b: Fraction | None, b_med: bool,
             vaelg) -> tuple[Fraction | None, bool]:  # type: ignore[no-untyped-def]
    if a is None or b is None:
        return (b, b_med) if a is None else (a, a_med)
    if a == b:
        return a, a_med and b_med
    return (a, a_med) if vaelg(a, b) == a else (b, b_med)


ALT = Interval()
TOM = Interval(Fraction(1), Fraction(0))


def maalinterval(m: Maal, skaerpet: str = SkaerpetGrundlag.AFRUNDET) -> Interval:
    """Intervallet for grundstørrelsen (h[a] · t eller t i årets priser), der giver målet.

    Takst x: afrund(w · h · t · faktor) = x ⇔ w · h · t · faktor ∈ [x − ½, x + ½) (afrunding
    halvt op, docs/afrunding-og-priser.md). Skærpet s af den afrundede takst: afrund(takst / 10) = s
    ⇔ takst ∈ {10s − 5, …, 10s + 4} ⇔ w · h · t · faktor ∈ [10s − 5½, 10s + 4½); af den uafrundede:
    ∈ [10s − 5, 10s + 5) (§ 33)."""
    v = Fraction(m.vaerdi)
    if m.stoerrelse == Stoerrelse.SKAERPET:
        skala = 1 / SKAERPET_SATS
        fra, til = (skala * v - 5, skala * v + 5) if skaerpet == SkaerpetGrundlag.UAFRUNDET else \
            (skala * v - 5 - HALV, skala * v + 5 - HALV)
    else:
        fra, til = v - HALV, v + HALV
    w = VAEGTE[m.takstgruppe] if m.takstgruppe is not None else Fraction(1)
    return Interval(fra / (w * m.faktor), til / (w * m.faktor))


def stoerste_enige(intervaller: list[Interval]) -> tuple[list[int], bool]:
    """Det største sæt af intervallerne med et fælles tal (ved lige store: det med de første
    pladser), og om et andet sæt af samme størrelse også findes (så er valget tvetydigt).
    Et snit af halvåbne intervaller er ikke tomt, netop når det største ``fra`` ligger i dem alle,
    så det er nok at prøve hvert ``fra``."""
    saet = {tuple(j for j, b in enumerate(intervaller) if a.fra in b)
            for a in intervaller if a.fra is not None}
    bedst = min(saet, key=lambda s: (-len(s), s))
    return list(bedst), any(len(s) == len(bedst) and s != bedst for s in saet)


@dataclass(frozen=True)
class Vaerdi:
    """En fundet værdi og de værdier med samme antal decimaler, der også giver alle mål, når de
    andre fundne værdier står som valgt (``fra``-``til``)."""

    noegle: Ukendt
    vaerdi: Decimal
    fra: Decimal
    til: Decimal
    i_filen: Decimal


@dataclass(frozen=True)
class Beholdt:
    """En ukendt værdi, der er beholdt, som den står i filen, og hvorfor."""

    noegle: Ukendt
    vaerdi: Decimal
    grund: Grund


@dataclass(frozen=True)
class Modeltal:
    """Et mål og det tal, modellen (``beregn_takster``) giver med de fundne værdier; ``slip``:
    ingen værdier kan give det sammen med de andre tal for samme størrelse; ``tvetydig``: et
    andet, lige så stort sæt af dem passer også sammen."""

    maal: Maal
    model: Decimal
    slip: bool = False
    tvetydig: bool = False

    @property
    def gengivet(self) -> bool:
        return self.model == self.maal.vaerdi


@dataclass(frozen=True)
class Kalibrering:
    """Resultatet: de fundne og de beholdte værdier, hvert mål med modellens tal og, hvis målene
    ikke kan gives sammen med filens øvrige tal, hvorfor (``umulig``; så er modellens tal filens
    egne værdiers)."""

    aar: int
    tilsyn: str
    skaerpet: str
    vaerdier: tuple[Vaerdi, ...]
    beholdt: tuple[Beholdt, ...]
    fra_filen: tuple[str, ...]  # andre nøgler i ``kalibreret``: taget fra filen, som de står
    maal: tuple[Modeltal, ...]
    umulig: str | None = None

    @property
    def slip(self) -> tuple[Modeltal, ...]:
        return tuple(m for m in self.maal if m.slip)

    @property
    def gengivet(self) -> bool:
        """Giver modellen hvert mål, der ikke er et slip?"""
        return self.umulig is None and all(m.gengivet for m in self.maal if not m.slip)


def ukendte(budget: Budget) -> tuple[list[Ukendt], list[str]]:
    """Filens ``kalibreret`` delt i de ukendte, modellen kan finde (en nøgle eller en hel tabel,
    der dækker den), og de andre nøgler, der tages fra filen, som de står."""
    dele = [u for u in Ukendt if any(u == k or u.startswith(k + ".") for k in budget.kalibreret)]
    andre = [k for k in budget.kalibreret
             if not any(u == k or u.startswith(k + ".") for u in Ukendt)]
    return dele, andre


class _Umulig(Exception):
    """Målene kan ikke gives sammen med filens øvrige tal; beskeden siger hvorfor."""


@dataclass
class _Model:
    """Modellens lineære form: vægtede antal N[a] = Σg n[a,g] · w[g], normtimer h[a], BPA-timer K
    og budgettet B; H = Σ N[a] · h[a] + K og t = B / H (docs/omkostningsmodel.md)."""

    N: dict[str, Fraction]
    h: dict[str, Fraction]
    K: Fraction
    B: Fraction

    @classmethod
    def af(cls, budget: Budget) -> "_Model":
        antal, normtimer = budget.antal, budget.normtimer
        N = {a: sum((n * w for n, w in zip(getattr(antal.pr_takstgruppe, k), VAEGTE)), Fraction(0))
             for a, k in AKTIVITETER.items()}
        K = Fraction(0)  # BPA: en fil uden BPA-normtimer har ingen BPA-timer
        for sager, timer in (("bpa_tilsyn", "bpa_tilsyn"),
                             ("bpa_nygodkendelser", "bpa_nygodkendelse")):
            n, h = getattr(antal, sager, None), getattr(normtimer, timer, None)
            K += Fraction(n or 0) * Fraction(h or 0)
        return cls(N, {a: Fraction(getattr(normtimer, a)) for a in AKTIVITETER}, K,
                   Fraction(budget.budget.tilbudsafdelingen or 0))

    def H(self) -> Fraction:
        return sum((self.N[a] * self.h[a] for a in self.N), self.K)

    def moebius(self, p: Ukendt, q: str) -> tuple[Fraction, Fraction, Fraction, Fraction]:
        """Grundstørrelsen ``q`` (``t`` eller en aktivitets h · t) som (α·p + β) / (γ·p + δ) af den
        ukendte ``p``, med de andre værdier faste: q = c · t med c = 1 eller h[q], og t = B / H."""
        c = Fraction(1) if q == "t" else self.h[q]
        if p == Ukendt.BUDGET:
            return c / self.H(), Fraction(0), Fraction(0), Fraction(1)
        b = _NORMTIMER[p]
        rest = self.H() - self.N[b] * self.h[b]
        if q == b:  # q = p · B / (N[b] · p + rest)
            return self.B, Fraction(0), self.N[b], rest
        return Fraction(0), c * self.B, self.N[b], rest

    def vaerdi(self, p: Ukendt) -> Fraction:
        return self.B if p == Ukendt.BUDGET else self.h[_NORMTIMER[p]]

    def saet(self, p: Ukendt, x: Fraction) -> None:
        if p == Ukendt.BUDGET:
            self.B = x
        else:
            self.h[_NORMTIMER[p]] = x


_DOMAENE = {Ukendt.BUDGET: Interval(Fraction(0), Fraction(MAKS_BELOEB), True, True)} | {
    u: Interval(Fraction(MIN_TIMER), Fraction(MAKS_TIMER), True, True) for u in _NORMTIMER}


def _ulighed(a: Fraction, b: Fraction, mindst: bool, med: bool) -> Interval:
    """{p : a·p ≥ b} (``mindst``) eller {p : a·p ≤ b}; ``med``: lighed er med."""
    if a == 0:
        ok = (0 > b or (med and b == 0)) if mindst else (0 < b or (med and b == 0))
        return ALT if ok else TOM
    if (a > 0) == mindst:
        return Interval(b / a, None, med, False)
    return Interval(None, b / a, False, med)


def skive(model: _Model, p: Ukendt, krav: list[tuple[str, Interval]]) -> Interval:
    """De værdier af den ukendte ``p``, der med de andre værdier faste giver alle ``krav``
    (grundstørrelse og interval). Hver grundstørrelse er (α·p + β) / (γ·p + δ) med positiv
    nævner, så q ≥ lo ⇔ (α − lo·γ)·p ≥ lo·δ − β, og tilsvarende for q < hi: lineært i p."""
    iv = _DOMAENE[p]
    for q, k in krav:
        a, b, c, d = model.moebius(p, q)
        if k.fra is not None:
            iv = iv.snit(_ulighed(a - k.fra * c, k.fra * d - b, True, k.fra_med))
        if k.til is not None:
            iv = iv.snit(_ulighed(a - k.til * c, k.til * d - b, False, k.til_med))
    return iv


def _indre(iv: Interval, decimaler: int) -> tuple[Decimal, Decimal]:
    """Det mindste og største tal med ``decimaler`` decimaler i intervallet (et begrænset)."""
    assert iv.fra is not None and iv.til is not None
    q = 10 ** decimaler
    lav, hoej = ceil(iv.fra * q), floor(iv.til * q)
    if not iv.fra_med and Fraction(lav, q) == iv.fra:
        lav += 1
    if not iv.til_med and Fraction(hoej, q) == iv.til:
        hoej -= 1
    return Decimal(lav).scaleb(-decimaler), Decimal(hoej).scaleb(-decimaler)


def _skriv(x: Fraction, iv: Interval, fra: int, til: int) -> Decimal | None:
    """Det tal med færrest decimaler (``fra``-``til``) i intervallet, nærmest ``x``."""
    for d in range(fra, til + 1):
        kandidater = [afrund_decimaler(x, d)]
        lav, hoej = _indre(iv, d)
        if lav <= hoej:
            kandidater += [lav, hoej]
        for k in sorted(kandidater, key=lambda k: abs(Fraction(k) - x)):
            if Fraction(k) in iv:
                return k
    return None


def kalibrer(budget: Budget, maalene: list[Maal],
             skaerpet: str = SkaerpetGrundlag.AFRUNDET) -> Kalibrering:
    """Find de ukendte værdier (``ukendte``), så modellen giver alle ``maalene``; navngiv de mål,
    ingen værdier kan give sammen med de andre tal for samme størrelse (slip i kilden).

    Værdierne vælges som i de leverede filer: hver grundstørrelse samme relative sted i sit
    interval, så et kendt budget netop dækkes (ellers midten); normtimer med fire decimaler (flere,
    hvis intervallet kræver det), budgettet i hele kroner. Er både budget og timepris ukendte,
    bestemmer taksterne kun timernes forhold: filens normtimer for tilsyn (ellers den første
    ukendte med mål) beholdes. Hver værdi skrives inden for sin skive (de værdier, der giver alle
    mål med de andre faste), så de skrevne værdier giver målene, og modellen selv
    (``beregn_takster``) kontrollerer dem."""
    dele, andre = ukendte(budget)
    model = _Model.af(budget)
    krav, slip = _uden_slip(maalene, skaerpet)
    grupper: dict[str, Interval] = {}
    for q, k in krav:
        grupper[q] = grupper.get(q, ALT).snit(k)
    med_maal = [a for a in AKTIVITETER if a in grupper and Ukendt(f"normtimer.{a}") in dele]
    budget_ukendt = Ukendt.BUDGET in dele and bool(krav)
    beholdt = [Beholdt(u, _i_filen(budget, u), Grund.INTET_MAAL) for u in dele
               if (u == Ukendt.BUDGET and not budget_ukendt)
               or (u != Ukendt.BUDGET and _NORMTIMER[u] not in med_maal)]
    umulig, vaerdier = None, []
    try:
        anker = _punkt(model, med_maal, grupper, budget_ukendt) if krav else None
        if anker is not None:
            beholdt.append(Beholdt(Ukendt(f"normtimer.{anker}"),
                                   _i_filen(budget, Ukendt(f"normtimer.{anker}")), Grund.SKALA))
        fundne = [Ukendt(f"normtimer.{a}") for a in med_maal if a != anker]
        vaerdier = _skrevne(model, fundne + [Ukendt.BUDGET] * budget_ukendt, krav, budget)
    except _Umulig as e:
        umulig = str(e)
    ny = _med_vaerdier(budget, {v.noegle: v.vaerdi for v in vaerdier})
    return Kalibrering(budget.aar, budget.tilsyn, str(skaerpet), tuple(vaerdier), tuple(beholdt),
                       tuple(andre), tuple(_modeltal(ny, maalene, slip)), umulig)


def _i_filen(budget: Budget, u: Ukendt) -> Decimal:
    if u == Ukendt.BUDGET:
        return Decimal(budget.budget.tilbudsafdelingen or 0)
    return getattr(budget.normtimer, _NORMTIMER[u])


def _uden_slip(maalene: list[Maal], skaerpet: str) -> tuple[list[tuple[str, Interval]],
                                                           dict[Maal, bool]]:
    """Kravene (grundstørrelse, interval) af de mål, der passer sammen, og slippene (med, om
    valget af dem er tvetydigt): pr. grundstørrelse det største sæt af mål med et fælles tal."""
    pr_stoerrelse: dict[str, list[Maal]] = {}
    for m in maalene:
        pr_stoerrelse.setdefault(_GRUNDSTOERRELSE[m.stoerrelse], []).append(m)
    krav, slip = [], {}
    for q, liste in pr_stoerrelse.items():
        intervaller = [maalinterval(m, skaerpet) for m in liste]
        enige, tvetydig = stoerste_enige(intervaller)
        krav += [(q, intervaller[i]) for i in enige]
        slip |= {m: tvetydig for i, m in enumerate(liste) if i not in enige}
    return krav, slip


def _punkt(model: _Model, med_maal: list[str], grupper: dict[str, Interval],
           budget_ukendt: bool) -> str | None:
    """Et eksakt punkt, der giver alle krav, sat i ``model``; giver den aktivitet, hvis normtimer
    er beholdt for at fastlægge skalaen (eller None).

    Med X[a] = h[a] · t for de ukendte aktiviteter er budgettet B = Σ N[a] · X[a] + K' · t, hvor K'
    er BPA-timerne og de kendte aktiviteters timer: lineært. Hvert X[a] og t tages samme relative
    sted λ i sit interval; λ, så et kendt budget dækkes, ellers ½."""
    T = grupper.get("t", ALT)
    for a in AKTIVITETER:  # en kendt aktivitets takster er et krav til timeprisen
        if a in grupper and a not in med_maal:
            T = T.snit(_skaleret(grupper[a], 1 / model.h[a]))
    if T.tom:
        raise _Umulig("timeprisen og taksterne for de aktiviteter, hvis normtimer står i filen, "
                      "kan ikke gives af samme timepris")
    K = model.K + sum((model.N[a] * model.h[a] for a in AKTIVITETER if a not in med_maal),
                      Fraction(0))

    def X(a: str, lam: Fraction) -> Fraction:
        return grupper[a].sted(lam)

    def daekket(lam: Fraction, t: Fraction) -> Fraction:
        return sum((model.N[a] * X(a, lam) for a in med_maal), K * t)

    anker = None
    if T.begraenset:
        lam = _lam(model.B, daekket(Fraction(0), T.sted(Fraction(0))),
                   daekket(Fraction(1), T.sted(Fraction(1)))) if not budget_ukendt else HALV
        t = T.sted(lam)
    elif not budget_ukendt and K > 0:
        lam = HALV if daekket(HALV, Fraction(0)) < model.B else Fraction(0)
        t = (model.B - daekket(lam, Fraction(0))) / K
        if t <= 0:
            raise _Umulig(f"budgettet for tilbudsafdelingen ({tal(int(model.B))} kr.) dækker ikke "
                          "de offentliggjorte takster med filens antal")
    else:  # skalaen er fri: én normtime beholdes, som den står i filen
        anker = "tilsyn" if "tilsyn" in med_maal else med_maal[0]
        lam = HALV if budget_ukendt else _lam(model.B, daekket(Fraction(0), Fraction(0)),
                                             daekket(Fraction(1), Fraction(0)))
        t = X(anker, lam) / model.h[anker]
    if budget_ukendt:
        model.B = daekket(lam, t)
    for a in med_maal:
        model.h[a] = X(a, lam) / t
    return anker


def _skaleret(iv: Interval, k: Fraction) -> Interval:
    return Interval(iv.fra * k if iv.fra is not None else None,
                    iv.til * k if iv.til is not None else None, iv.fra_med, iv.til_med)


def _lam(B: Fraction, B0: Fraction, B1: Fraction) -> Fraction:
    """λ, så det kendte budget B dækkes: B0 ≤ B < B1 (B ved λ = 0 og 1)."""
    if B1 > B0 and B0 <= B < B1:
        return (B - B0) / (B1 - B0)
    if B1 == B0 == B:
        return Fraction(0)
    fra, til = _indre(Interval(B0, B1), 0)
    raise _Umulig(f"med filens antal og de øvrige normtimer kræver de offentliggjorte tal et "
                  f"budget for tilbudsafdelingen på {tal(fra)}-{tal(til)} kr.; filen har "
                  f"{tal(int(B))} kr.")


def _skrevne(model: _Model, fundne: list[Ukendt], krav: list[tuple[str, Interval]],
             budget: Budget) -> list[Vaerdi]:
    """Skriv hver fundet værdi med fire decimaler (budgettet i hele kroner), inden for sin skive,
    så de skrevne værdier giver alle krav; normtimerne før budgettet, der følger dem."""
    skrevne: dict[Ukendt, Decimal] = {}
    for p in fundne:
        x, domaene = model.vaerdi(p), _DOMAENE[p]
        if x not in domaene:
            assert domaene.fra is not None and domaene.til is not None
            raise _Umulig(f"{p} skulle være {_omtrent(x)}, uden for det tilladte "
                          f"({tal(_som_decimal(domaene.fra))}-{tal(_som_decimal(domaene.til))})")
        fra, til = (0, 0) if p == Ukendt.BUDGET else (DECIMALER, MAKS_DECIMALER)
        skrevet = _skriv(x, skive(model, p, krav), fra, til)
        if skrevet is None:
            raise _Umulig(f"{p}: de gyldige værdier omkring {_omtrent(x)} kan ikke skrives med "
                          f"højst {til} decimaler")
        model.saet(p, Fraction(skrevet))
        skrevne[p] = skrevet
    ud = []
    for p, v in skrevne.items():
        decimaler = max(0, -v.as_tuple().exponent)  # type: ignore[operator]
        fra_, til_ = _indre(skive(model, p, krav), decimaler)
        ud.append(Vaerdi(p, v, fra_, til_, _i_filen(budget, p)))
    return ud


def _som_decimal(x: Fraction) -> Decimal:
    """En brøk, der er et endeligt decimaltal (en grænse i modellen), som Decimal."""
    return Decimal(x.numerator) / Decimal(x.denominator)


def _omtrent(x: Fraction) -> str:
    return "ca. " + tal(afrund_decimaler(x, 4).normalize())


def _med_vaerdier(budget: Budget, vaerdier: dict[Ukendt, Decimal]) -> Budget:
    """Budgettet med de fundne værdier i stedet for filens."""
    timer = {_NORMTIMER[u]: v for u, v in vaerdier.items() if u != Ukendt.BUDGET}
    ny = budget.model_copy(update={"normtimer": budget.normtimer.model_copy(update=timer)})
    if Ukendt.BUDGET in vaerdier:
        ny = ny.model_copy(update={"budget": budget.budget.model_copy(
            update={"tilbudsafdelingen": vaerdier[Ukendt.BUDGET]})})
    return ny


def _modeltal(budget: Budget, maalene: list[Maal], slip: dict[Maal, bool]) -> Iterator[Modeltal]:
    """Hvert mål med det tal, modellen giver (``beregn_takster`` i målets prisniveau)."""
    resultater = {}
    for m in maalene:
        if m.faktor not in resultater:
            resultater[m.faktor] = beregn_takster(budget, m.faktor)
        r = resultater[m.faktor]
        tal_ = (r.timepris if m.takstgruppe is None
                else getattr(r, m.stoerrelse.value)[m.takstgruppe])
        yield Modeltal(m, tal_, m in slip, slip.get(m, False))


def med_linjer(maalene: list[Maal], sted) -> list[Maal]:  # type: ignore[no-untyped-def]
    """Målene med fil og linje (``sted(aar, noegle)`` → (fil, linje)), til beskederne."""
    return [replace(m, fil=f, linje=l) for m in maalene for f, l in [sted(m.aar, m.noegle)]]
