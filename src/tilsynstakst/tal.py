"""Dansk talformat til alt, der vises for mennesker (docs/afrunding-og-priser.md): 6.294.349 og 3,8 %.

Formateringen afrunder aldrig: et tal vises med præcis de decimaler, beregningen gav det.
Negative tal får et almindeligt ASCII-minus (-1.502.843). Mellem tal og % eller kr. står et
hårdt mellemrum (U+00A0), så de ikke skilles ved linjeskift.
"""

from datetime import date
from decimal import Decimal

HAARDT_MELLEMRUM = "\u00a0"
# Enheder for tal i tabeller, beskeder og afstemning.
KR, PCT, ANTAL, TIMER = "kr.", "%", "antal", "timer"
_DANSK = str.maketrans(",.", ".,")


def tal(x: Decimal | int) -> str:
    """6294349 → '6.294.349'; Decimal('3.8') → '3,8'; Decimal('-1502843') → '-1.502.843'."""
    d = Decimal(x)
    decimaler = max(0, -d.as_tuple().exponent)  # type: ignore[operator]
    tekst = format(abs(d), f",.{decimaler}f").translate(_DANSK)
    return f"-{tekst}" if d < 0 else tekst


def procent(x: Decimal) -> str:
    """Decimal('3.8') → '3,8 %'."""
    return f"{tal(x)}{HAARDT_MELLEMRUM}%"


def kroner(x: Decimal | int) -> str:
    """1320124 → 'kr. 1.320.124'."""
    return f"kr.{HAARDT_MELLEMRUM}{tal(x)}"


def vis(v: object, enhed: str | None = None, kort: bool = False) -> str:
    """Den ene måde, en værdi vises for et menneske (beskeder, forklaringer, notatets lister):
    et tal på dansk (som procent med ``enhed`` PCT), en brøk med fire decimaler og ≈, hvis den
    ikke går op, en liste med komma, en tabel (pydantic-model eller ordbog) som ``navn: værdi; …``.
    ``kort``: et decimaltal uden nuller til sidst (forklaringens regnestykker: 25.672,9)."""
    from decimal import ROUND_HALF_UP
    from fractions import Fraction

    if v is None:
        return "–"
    if isinstance(v, Fraction):
        d = (Decimal(v.numerator) / Decimal(v.denominator)).quantize(Decimal("0.0001"),
                                                                   rounding=ROUND_HALF_UP)
        return tal(d.normalize()) if Fraction(d) == v else f"≈{tal(d.normalize())}"
    if isinstance(v, Decimal) and kort:
        v = v.normalize()
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return procent(Decimal(v)) if enhed == PCT else tal(v)
    if isinstance(v, (tuple, list)):
        return ", ".join(vis(x) for x in v)
    if isinstance(v, dict):  # en tabel med navne som nøgler (kommunerne): Favrskov: 1.000; …
        return "; ".join(f"{n}: {vis(x)}" for n, x in v.items())
    if felter := getattr(type(v), "model_fields", None):
        return "; ".join(f"{n}: {vis(getattr(v, n))}" for n in felter)
    return str(v)


MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
            "oktober", "november", "december")


def dato(d: date) -> str:
    """date(2023, 8, 21) → '21. august 2023' (dansk retskrivning)."""
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


def kvartal(k: str) -> str:
    """Danmarks Statistiks kvartal i almindeligt dansk: '2023K2' → '2. kvartal 2023'."""
    aar, _, nr = k.partition("K")
    return f"{nr}. kvartal {aar}"


def kvartalets_dag(k: str) -> str:
    """Dagen, FOLK1A opgør befolkningen for kvartalet (kvartalets første dag): '2023K2' →
    '1. april 2023'."""
    aar, _, nr = k.partition("K")
    return f"1. {MAANEDER[3 * (int(nr) - 1)]} {aar}"


def antal(n: Decimal | int, ental: str, flertal: str) -> str:
    """Et antal med navnet i ental eller flertal: '1 virksomhed', '3 virksomheder'."""
    return f"{tal(n)} {ental if abs(n) == 1 else flertal}"


def opremsning(dele: list[str]) -> str:
    """Dele opremset på dansk: "a", "a og b", "a, b og c" (sætninger og beskeder)."""
    return dele[0] if len(dele) == 1 else ", ".join(dele[:-1]) + " og " + dele[-1]
