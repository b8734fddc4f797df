"""Penge og afrunding (docs/afrunding-og-priser.md).

Alle beløb læses som ``Decimal`` og skrives som ``Decimal``. Mellemregninger, der deler
(andele, timepris, takster), holdes som eksakte brøker (``fractions.Fraction``), så der kun
afrundes én gang: her, med den regel der gælder for størrelsen. Ingen ``float`` nogen steder.
"""

from decimal import Decimal
from fractions import Fraction

Tal = Decimal | int | Fraction



def _afrund_halvt_op(x: Tal, decimaler: int) -> Decimal:
    """Afrund til ``decimaler`` decimaler, 5-9 op (ROUND_HALF_UP, væk fra nul ved lige midt)."""
    brok = x if isinstance(x, Fraction) else Fraction(x)
    taeller, naevner = brok.numerator * 10**decimaler, brok.denominator  # heltal: hurtigt og eksakt
    hele, rest = divmod(abs(taeller), naevner)
    if 2 * rest >= naevner:
        hele += 1
    fortegn = -1 if taeller < 0 and hele else 1
    return Decimal(fortegn * hele).scaleb(-decimaler)


def afrund_kroner(x: Tal) -> Decimal:
    """Beløb og takster afrundes til hele kroner, ROUND_HALF_UP (docs/afrunding-og-priser.md)."""
    return _afrund_halvt_op(x, 0)


def afrund_procent(forhold: Tal) -> Decimal:
    """Et forhold (0,038) som procent med én decimal, ROUND_HALF_UP (docs/afrunding-og-priser.md): 3,8."""
    return _afrund_halvt_op(forhold, 3).scaleb(2)  # forhold × 100 med én decimal


def afrund_decimaler(x: Tal, antal: int) -> Decimal:
    """En forklarende mellemregning (fx uafrundet timepris) vist med ``antal`` decimaler."""
    return _afrund_halvt_op(x, antal)


def afrund_en_decimal(procent_: Tal) -> Decimal:
    """En procent (17,7556) med én decimal, ROUND_HALF_UP (docs/afrunding-og-priser.md): 17,8.
    Samme tal som
    ``afrund_procent`` af forholdet, men af procenten, som ``forklar`` viser regnestykket."""
    return _afrund_halvt_op(procent_, 1)
