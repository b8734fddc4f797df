"""``forklar``: et tals udledning trin for trin, læst af sporet (``spor``), ikke regnet igen.

Hvert trin viser tallet, hvordan det blev regnet (leddene med deres værdier), reglen, og under det
leddene selv, ned til inddata med fil og linje. Et led, der allerede er vist, vises ikke igen.
"""

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from tilsynstakst.beregning.spor import Spor, Trin
from tilsynstakst.tal import vis

AARSTAL = {"aar", "prisniveau", "filens_priser"}  # mærker, ikke tal, der regnes
AARSNOEGLER = {"aar", "prisniveau", "regnskabsaar"}  # et årstal i en budgetfil: 2023, ikke 2.023
MAKS_LED_I_FORMLEN = 4  # flere led (en sum over takstgrupper eller kommuner) vises som Σ


def tal_i_data(data: Any, prefiks: str = "") -> Iterator[tuple[str, Any]]:
    """Hvert tal i JSON-data med sin nøgle (punktummer, listepladser fra 0)."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in AARSTAL:
                yield from tal_i_data(v, f"{prefiks}.{k}" if prefiks else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from tal_i_data(v, f"{prefiks}.{i}")
    elif isinstance(data, (int, Decimal)) and not isinstance(data, bool):
        yield prefiks, data


def forklar(spor: Spor, noegle: str, linje: Callable[[Path, str], int | None],
            maerker: dict[str, dict[str, str]]) -> list[str]:
    """Linjerne, der forklarer ``noegle``: trin for trin ned til inddata med fil og linje."""
    ud: list[str] = []
    vist: set[str] = set()

    def navn(t: Trin) -> str:
        return t.filnoegle if t.fil else t.navn

    def led(t: Trin) -> str:
        return f"{navn(t)} {vis(t.vaerdi, kort=True)}"

    def trin(k: str, niveau: int, i_formlen: bool = False) -> None:
        ind = "  " * niveau
        t = spor.trin[k]
        blad = bool(t.fil) or not (t.led or t.formel)
        if k in vist:
            if not (blad and i_formlen):  # et blad i formlen står der allerede med sin værdi
                ud.append(f"{ind}{navn(t) if blad else k} = {vis(t.vaerdi, kort=True)}, se ovenfor")
            return
        vist.add(k)
        if t.fil:
            filnoegle = t.filnoegle or ""
            nr = linje(Path(t.fil), filnoegle)
            mærke = _maerke(filnoegle, maerker.get(t.fil, {}))
            hvad = f" ({t.navn})" if t.navn != filnoegle else ""  # fx en budgetposts navn
            vaerdi = (str(t.vaerdi) if filnoegle.rsplit(".", 1)[-1] in AARSNOEGLER
                      else vis(t.vaerdi, kort=True))
            ud.append(f"{ind}{filnoegle} = {vaerdi}{hvad} fra {t.fil}"
                      f"{f':{nr}' if nr else ''}{mærke}")
            return
        if blad:  # en konstant i modellen, fx en vægt
            ud.append(f"{ind}{t.navn} = {vis(t.vaerdi, kort=True)}: {t.regel}")
            return
        ud.append(f"{ind}{k} = {vis(t.vaerdi, kort=True)}" + (f" ({t.navn})" if t.navn != k else ""))
        dele = [spor.trin[d] for d in t.led if d in spor.trin]
        gennem = t.formel == "{0}" and t.uafrundet is None  # samme tal, blot hentet: ingen formel
        sum_ = len(dele) > MAKS_LED_I_FORMLEN and t.formel.count("{") == len(dele)
        if t.formel and not gennem:
            if sum_:
                udtryk = f"summen af de {len(dele)} led nedenfor"
            else:
                udtryk = t.formel.format(*(led(d) for d in dele))
            resultat = vis(t.uafrundet if t.uafrundet is not None else t.vaerdi, kort=True)
            pil = f" → {vis(t.vaerdi, kort=True)}" if t.uafrundet is not None and t.uafrundet != t.vaerdi else ""
            ud.append(f"{ind}  = {udtryk} = {resultat}{pil}")
        elif t.uafrundet is not None:
            ud.append(f"{ind}  eksakt {vis(t.uafrundet, kort=True)} → {vis(t.vaerdi, kort=True)}")
        if t.regel:
            ud.append(f"{ind}  {t.regel}")
        for d in t.led:
            if d in spor.trin:
                trin(d, niveau + 1, i_formlen=not sum_)

    trin(noegle, 0)
    return ud


def _maerke(filnoegle: str, maerker: dict[str, str]) -> str:
    """`` (kalibreret)`` eller `` (pladsholder)``, hvis nøglen eller en tabel over den står i
    filens liste ``kalibreret`` eller ``pladsholdere``; ellers ingenting."""
    dele = filnoegle.split(".")
    for n in range(len(dele), 0, -1):
        if (maerke := maerker.get(".".join(dele[:n]))) is not None:
            return f" ({maerke})"
    return ""
