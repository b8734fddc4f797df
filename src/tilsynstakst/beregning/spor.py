"""Sporet af en beregning: hvert tal, som de regnende funktioner selv noterer det (docs/aaret.md).

``forklar`` tænder sporet (``optag``) og kører den almindelige beregning; funktionerne i
``takster``, ``finansiering``, ``fordeling``, ``rapport`` og ``sammenligning`` noterer hvert tal
med de tal, det blev regnet af, og reglen. Der er ingen anden formel ved siden af: er sporet
slukket, koster hvert notat ét opslag og intet andet.

Et regnestykke skrives én gang (issue 20, punkt 3): ``regn`` regner tallet af formlen, som
``forklar`` viser den, med leddenes værdier, og noterer det; ``fra_fil`` og ``konstant`` giver
leddene, der ikke regnes (et tal fra budgetfilen, en regels konstant). Formlen og tallet kan
derfor ikke glide fra hinanden.

Nøglerne er tallenes stier i ``beregn --format json`` (``budgetaar.takster.tilsyn.2``); et
inddata har stien i budgetfilen efter et kolon (``budgetaar:normtimer.tilsyn``).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

from tilsynstakst.beregning.afrunding import Tal


@dataclass(frozen=True)
class Trin:
    """Ét tal i sporet: hvad det er, hvordan det blev regnet (``formel`` med ``{0}``, ``{1}`` …
    for leddene), og reglen; et inddata har sin fil og nøgle i filen."""

    noegle: str
    navn: str
    vaerdi: Tal | None
    led: tuple[str, ...] = ()
    formel: str = ""
    uafrundet: Fraction | None = None
    regel: str = ""
    fil: str | None = None
    filnoegle: str | None = None
    art: str = ""  # KONSTANT eller REGEL: et blad, der ikke er et inddata (se ``konstant``)


KONSTANT = "konstant"  # en regels konstant, fx takstgruppernes vægte (``konstant``)
REGEL = "regel"  # et tal, en navngiven regel giver, fx en afrundingsmetodes kroner (``ved_regel``)


class Sporet(NamedTuple):  # en NamedTuple: skabes tusind gange pr. beregning (hastighed)
    """Et tal med sin nøgle i sporet (relativ til omfanget, som i ``noter``): det, ``regn``
    regner af og giver."""

    noegle: str
    vaerdi: Tal


class Spor:
    def __init__(self) -> None:
        self.trin: dict[str, Trin] = {}
        self._omfang: list[tuple[str, str | None]] = [("", None)]

    def fuld(self, noegle: str) -> str:
        """En nøgle relativt til omfanget (``takster.timepris`` → ``budgetaar.takster.timepris``);
        ``/pl_faktor`` er absolut."""
        if noegle.startswith("/"):
            return noegle[1:]
        prefiks = self._omfang[-1][0]
        if noegle.startswith(":"):
            return f"{prefiks}{noegle}"
        return f"{prefiks}.{noegle}" if prefiks else noegle


_AKTIVT: ContextVar[Spor | None] = ContextVar("spor", default=None)


@contextmanager
def optag() -> Iterator[Spor]:
    """Optag sporet af alt, der regnes i blokken."""
    spor = Spor()
    token = _AKTIVT.set(spor)
    try:
        yield spor
    finally:
        _AKTIVT.reset(token)


@contextmanager
def omfang(navn: str, fil: Path | str | None = None) -> Iterator[None]:
    """Tal regnet i blokken hører til ``navn`` (``budgetaar``, ``forrige_aar``), inddata til
    ``fil``."""
    spor = _AKTIVT.get()
    if spor is None:
        yield
        return
    spor._omfang.append((navn, str(fil) if fil is not None else spor._omfang[-1][1]))
    try:
        yield
    finally:
        spor._omfang.pop()


def noter(noegle: str, vaerdi: Tal | None, navn: str, *led: str, formel: str = "",
          uafrundet: Tal | None = None, regel: str = "", art: str = "") -> None:
    """Notér et tal (intet, når sporet er slukket). Et regnet tal noteres med ``regn``, så
    formlen er regnestykket selv; ``noter`` direkte er til et tal uden formel."""
    spor = _AKTIVT.get()
    if spor is None:
        return
    fuld = spor.fuld(noegle)
    spor.trin[fuld] = Trin(fuld, navn, vaerdi, tuple(spor.fuld(d) for d in led), formel,
                           None if uafrundet is None else Fraction(uafrundet), regel, art=art)


def regn(noegle: str, navn: str, formel: str, *led: Sporet,
         afrund: Callable[[Fraction], Tal] | None = None, vaerdi: Sporet | None = None,
         vis: Callable[[Fraction], Tal] | None = None, regel: str = "") -> Sporet:
    """Regn ``formel`` (``{0} × {1} ÷ {2}``, som ``forklar`` viser den) af leddenes værdier,
    notér tallet med leddene og reglen, og giv det som et led til det næste regnestykke.

    ``afrund``: tallet er formlens eksakte værdi afrundet (begge vises). ``vaerdi``: tallet er
    et andet regnet tal (fx en afrundingsmetodes kroner), som står under formlen; formlen giver
    den eksakte værdi. ``vis``: tallet regnes videre eksakt, men vises (og noteres) som
    ``vis`` giver det (fx PL-faktoren med 6 decimaler). Ellers er tallet formlens værdi. En tom ``noegle``: regnes, men
    noteres ikke (en funktion kaldt uden for beregningen af et år, fx i en test).
    """
    eksakt = udregn(formel, tuple([d.vaerdi for d in led]))
    if vaerdi is not None:
        tal, uafrundet, led = vaerdi.vaerdi, eksakt, (*led, vaerdi)
    elif afrund is not None:
        tal, uafrundet = afrund(eksakt), eksakt  # type: ignore[arg-type]
    elif vis is not None:
        tal, uafrundet = eksakt, eksakt
    else:
        tal, uafrundet = eksakt, None
    if noegle and _AKTIVT.get() is not None:
        noter(noegle, vis(tal) if vis is not None else tal, navn,  # type: ignore[arg-type]
              *(d.noegle for d in led), formel=formel, uafrundet=uafrundet, regel=regel)
    return Sporet(noegle, tal)


def sumformel(led: "list[Sporet] | tuple[Sporet, ...]") -> str:
    """Formlen for summen af leddene: {0} + {1} + … (``forklar`` viser mange led som Σ)."""
    return " + ".join(f"{{{i}}}" for i in range(len(led)))


def fra_fil(filnoegle: str, vaerdi: Tal, navn: str = "") -> Sporet:
    """Et tal fra budgetfilen (eller PL-indekset) som led: forklares med fil og linje."""
    return Sporet(inddata(filnoegle, vaerdi, navn), vaerdi)


def konstant(noegle: str, vaerdi: Tal, navn: str, regel: str) -> Sporet:
    """En regels konstant som led (fx en takstgruppes vægt): forklares med reglen."""
    noter(noegle, vaerdi, navn, regel=regel, art=KONSTANT)
    return Sporet(noegle, vaerdi)


def ved_regel(noegle: str, vaerdi: Tal, navn: str, regel: str, uafrundet: Tal | None = None) -> Sporet:
    """Et tal, en navngiven regel giver uden en formel over andre tal i sporet (fx de kroner,
    største brøkdels metode giver en kommune): forklares med reglen."""
    noter(noegle, vaerdi, navn, uafrundet=uafrundet, regel=regel, art=REGEL)
    return Sporet(noegle, vaerdi)


# Formlerne: {0}, {1} … for leddene, tal (100, 10), ``%`` efter et led (÷ 100), + − - × ÷ med
# almindelig forrang. Hver formel oversættes én gang til en funktion af leddenes værdier.
_OPERATORER = "+-−×÷%"
_OVERSAT: dict[str, Callable[[tuple[Tal, ...]], Tal]] = {}


def _brok(op: str, a: Tal, b: Tal) -> Tal:
    """Regn med tallenes egne typer (hele tal og Decimal forbliver det); en division eller en
    brøk i regnestykket regnes eksakt som brøk (``Fraction``), aldrig som float."""
    fa, fb = type(a) is Fraction, type(b) is Fraction
    if op == "÷" or fa or fb:  # kun det, der ikke allerede er en brøk, gøres til en
        a, b = a if fa else Fraction(a), b if fb else Fraction(b)
    if op == "+":
        return a + b  # type: ignore[operator]
    if op in "-−":
        return a - b  # type: ignore[operator]
    if op == "×":
        return a * b  # type: ignore[operator]
    return a / b  # type: ignore[operator]


def udregn(formel: str, vaerdier: tuple[Tal, ...]) -> Tal:
    """Formlens værdi med ``vaerdier`` for {0}, {1} …"""
    if formel == "{0}":  # det samme tal, blot hentet: det hyppigste (hastighed)
        return vaerdier[0]
    f = _OVERSAT.get(formel)
    if f is None:
        f = _OVERSAT[formel] = _oversaet(formel)
    return f(vaerdier)


def _symboler(formel: str) -> list[tuple[str, str]]:
    """Formlens symboler: ("led", "0"), ("tal", "100"), ("op", "×") …"""
    symboler: list[tuple[str, str]] = []
    pos, n = 0, len(formel)
    while pos < n:
        c = formel[pos]
        if c == " ":
            pos += 1
        elif c == "{":
            slut = formel.index("}", pos)
            symboler.append(("led", formel[pos + 1:slut]))
            pos = slut + 1
        elif c.isdigit():
            slut = pos
            while slut < n and formel[slut].isdigit():
                slut += 1
            symboler.append(("tal", formel[pos:slut]))
            pos = slut
        elif c in _OPERATORER:
            symboler.append(("op", c))
            pos += 1
        else:
            raise ValueError(f"formlen {formel!r} kan ikke regnes ved tegn {pos}")
    return symboler


def _oversaet(formel: str) -> Callable[[tuple[Tal, ...]], Tal]:
    symboler = _symboler(formel)
    i = 0

    def faktor() -> Callable[[tuple[Tal, ...]], Tal]:
        nonlocal i
        art, x = symboler[i]
        i += 1
        if art == "led":
            n = int(x)
            f: Callable[[tuple[Tal, ...]], Tal] = lambda v: v[n]
        elif art == "tal":
            k = int(x)
            f = lambda v: k
        else:
            raise ValueError(f"formlen {formel!r}: {x} uden et tal før")
        if i < len(symboler) and symboler[i] == ("op", "%"):
            i += 1
            g = f
            f = lambda v: Fraction(g(v)) / 100
        return f

    def kaede(ned: Callable[[], Callable], ops: str) -> Callable[[tuple[Tal, ...]], Tal]:
        nonlocal i
        f = ned()
        while i < len(symboler) and symboler[i][0] == "op" and symboler[i][1] in ops:
            op = symboler[i][1]
            i += 1
            a, b = f, ned()
            f = lambda v, a=a, b=b, op=op: _brok(op, a(v), b(v))
        return f

    udtryk = kaede(lambda: kaede(faktor, "×÷"), "+-−")
    if i != len(symboler):
        raise ValueError(f"formlen {formel!r} kan ikke regnes")
    return udtryk


def inddata(filnoegle: str, vaerdi: Tal, navn: str = "") -> str:
    """Notér et tal fra budgetfilen (eller PL-indekset) og giv dets nøgle (``:filnøgle``)."""
    spor = _AKTIVT.get()
    if spor is not None:
        fuld = spor.fuld(":" + filnoegle)
        spor.trin.setdefault(fuld, Trin(fuld, navn or filnoegle, vaerdi,
                                        fil=spor._omfang[-1][1], filnoegle=filnoegle))
    return ":" + filnoegle


def aktivt() -> bool:
    return _AKTIVT.get() is not None
