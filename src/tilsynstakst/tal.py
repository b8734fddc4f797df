"""Dansk talformat til alt, der vises for mennesker (docs/afrunding-og-priser.md): 6.294.349 og 3,8 %.

Formateringen afrunder aldrig: et tal vises med præcis de decimaler, beregningen gav det.
Negative tal får et almindeligt ASCII-minus (-1.502.843). Mellem tal og % eller kr. står et
hårdt mellemrum (U+00A0), så de ikke skilles ved linjeskift.
"""

from decimal import Decimal

HAARDT_MELLEMRUM = "\u00a0"
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
