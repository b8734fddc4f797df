"""Fordeling af et helt kronebeløb efter vægte (docs/afrunding-og-priser.md, objektiv finansiering)."""

from collections.abc import Mapping
from enum import StrEnum
from fractions import Fraction

from tilsynstakst.beregning.afrunding import afrund_kroner
from tilsynstakst.beregning.spor import aktivt, ved_regel
from tilsynstakst.tal import tal


class Afrundingsmetode(StrEnum):
    """Hvordan den objektive finansiering fordeles i hele kroner (docs/afrunding-og-priser.md);
    kommandolinjens --afrunding tager de samme værdier."""

    STOERSTE_REST = "stoerste-rest"  # summer præcis til budgettet (standard)
    SIMPEL = "simpel"  # hver kommune afrundet for sig


STOERSTE_REST, SIMPEL = Afrundingsmetode
METODER = tuple(Afrundingsmetode)


def _sum(vaegte: Mapping[str, int]) -> int:
    sum_vaegte = sum(vaegte.values())
    if sum_vaegte <= 0:
        raise ValueError("vægtene skal have en positiv sum")
    return sum_vaegte


def stoerste_rest(total: int, vaegte: Mapping[str, int]) -> dict[str, int]:
    """Største brøkdels metode (largest remainder): delene summer præcis til ``total``.

    Hver del får først heltalsdelen af sin eksakte andel ``total * v / sum(v)``; de kroner,
    der mangler, går én ad gangen til de største brøkdele. Lighed brydes af større vægt, så
    af navn, så resultatet er det samme hver gang. Ren heltalsregning (docs/afrunding-og-priser.md).
    """
    sum_vaegte = _sum(vaegte)
    dele: dict[str, int] = {}
    rester: dict[str, int] = {}
    for navn, vaegt in vaegte.items():
        dele[navn], rester[navn] = divmod(total * vaegt, sum_vaegte)
    mangler = total - sum(dele.values())
    for navn in sorted(vaegte, key=lambda n: (-rester[n], -vaegte[n], n))[:mangler]:
        dele[navn] += 1
    if aktivt():
        for navn in vaegte:
            hel = (total * vaegte[navn]) // sum_vaegte
            fik = "fik" if dele[navn] > hel else "fik ikke"
            ved_regel(f"fordeling.{navn}", dele[navn], f"{navn}, i hele kroner",
                      uafrundet=Fraction(total * vaegte[navn], sum_vaegte),
                      regel=f"største brøkdels metode: heltalsdelen {tal(hel)}; de {mangler} "
                            f"kroner, "
                            f"der manglede for at nå {tal(total)}, gik til de største brøkdele, "
                            f"og {navn} {fik} én af dem (README: Afrunding)")
    return dele


def simpel(total: int, vaegte: Mapping[str, int]) -> dict[str, int]:
    """Hver andel afrundet for sig til hele kroner (ROUND_HALF_UP); summen kan afvige fra total."""
    sum_vaegte = _sum(vaegte)
    dele = {navn: int(afrund_kroner(Fraction(total * v, sum_vaegte))) for navn, v in vaegte.items()}
    for navn, v in vaegte.items():
        ved_regel(f"fordeling.{navn}", dele[navn], f"{navn}, simpel afrunding",
                  uafrundet=Fraction(total * v, sum_vaegte),
                  regel="simpel afrunding: hver andel afrundet halvt op for sig (README: Afrunding)")
    return dele


def fordel(total: int, vaegte: Mapping[str, int], metode: str = STOERSTE_REST) -> dict[str, int]:
    """Fordel ``total`` efter ``vaegte`` med den valgte afrundingsmetode."""
    return {STOERSTE_REST: stoerste_rest, SIMPEL: simpel}[Afrundingsmetode(metode)](total, vaegte)
