"""Sporet af en beregning: hvert tal, som de regnende funktioner selv noterer det (docs/aaret.md).

``forklar`` tænder sporet (``optag``) og kører den almindelige beregning; funktionerne i
``takster``, ``finansiering``, ``fordeling``, ``rapport`` og ``sammenligning`` noterer hvert tal
med de tal, det blev regnet af, og reglen. Der er ingen anden formel ved siden af: er sporet
slukket, koster hvert notat ét opslag og intet andet.

Nøglerne er tallenes stier i ``beregn --format json`` (``budgetaar.takster.tilsyn.2``); et
inddata har stien i budgetfilen efter et kolon (``budgetaar:normtimer.tilsyn``).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

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
          uafrundet: Tal | None = None, regel: str = "") -> None:
    """Notér et regnet tal (intet, når sporet er slukket)."""
    spor = _AKTIVT.get()
    if spor is None:
        return
    fuld = spor.fuld(noegle)
    spor.trin[fuld] = Trin(fuld, navn, vaerdi, tuple(spor.fuld(d) for d in led), formel,
                           None if uafrundet is None else Fraction(uafrundet), regel)


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
