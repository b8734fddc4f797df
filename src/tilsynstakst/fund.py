"""Fund: ét problem i én fil, med alvor, og udgangskoden for en samling fund.

Udgangskoder (README: Brug): 0 i orden, 1 en kontrol fejlede, 2 input kunne ikke bruges.
"""

import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

class Alvor(StrEnum):
    """Et funds alvor, fra værst til mildest (en lukket liste; værdien står i tjeks JSON)."""

    INPUTFEJL = "inputfejl"  # filen kan ikke læses, fortolkes eller valideres: kode 2
    AFVIGELSE = "afvigelse"  # et tal eller en sammenhæng passer ikke: kode 1
    AFRUNDING = "afrunding"  # et offentliggjort tal afviger med højst en afrunding: meldes
    ADVARSEL = "advarsel"  # afviger fra en regel, men kan bruges: meldes
    ERKENDT = "erkendt"  # en fejl i notatet, som filen erkender og begrunder: fejler aldrig


INPUTFEJL, AFVIGELSE, AFRUNDING, ADVARSEL, ERKENDT = Alvor
ALVOR = tuple(Alvor)

KODE_OK, KODE_FUND, KODE_INPUT = 0, 1, 2


@dataclass(frozen=True)
class Fund:
    """Ét problem i én fil: hvor (fil, linje, nøgle), hvad, og hvor alvorligt.

    Ved afstemning også det offentliggjorte (``forventet``) og det beregnede tal.
    """

    fil: str
    besked: str
    noegle: str | None = None
    linje: int | None = None
    alvor: Alvor = INPUTFEJL
    forventet: Decimal | None = None
    beregnet: Decimal | None = None

    def __str__(self) -> str:
        """``fil:linje: nøgle: besked`` på én linje; styretegn fra filen vises som \\x1b osv."""
        hvor = synlig(self.fil) + (f":{self.linje}" if self.linje else "")
        besked = synlig(self.besked)
        return f"{hvor}: {synlig(self.noegle)}: {besked}" if self.noegle else f"{hvor}: {besked}"

    def fejler(self, streng: bool = False) -> bool:
        """Får fundet kørslen til at fejle? Med ``streng`` også afrundinger og advarsler; en
        erkendt fejl i notatet aldrig (den er gennemgået og begrundet i filen)."""
        if self.alvor == ERKENDT:
            return False
        return streng or self.alvor in (INPUTFEJL, AFVIGELSE)


class Inputfejl(Exception):
    """Input, der ikke kan bruges: én eller flere ``Fund``."""

    def __init__(self, fund: list[Fund]):
        super().__init__("\n".join(map(str, fund)))
        self.fund = fund


def udgangskode(fund: Iterable[Fund], streng: bool = False) -> int:
    """2 hvis noget input ikke kunne bruges, ellers 1 hvis et fund fejler, ellers 0."""
    fund = list(fund)
    if any(f.alvor == INPUTFEJL for f in fund):
        return KODE_INPUT
    return KODE_FUND if any(f.fejler(streng) for f in fund) else KODE_OK


_SYSTEMFEJL = {
    errno.EACCES: "ingen adgang (tilladelserne forbyder det)",
    errno.EPERM: "ingen adgang (tilladelserne forbyder det)",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EDQUOT: "diskkvoten er brugt op",
    errno.ENAMETOOLONG: "filnavnet er for langt til filsystemet",
    errno.ELOOP: "et link peger i ring",
    errno.ENOENT: "findes ikke",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EISDIR: "er en mappe",
    errno.EIO: "ind- og udlæsningsfejl på disken",
}


def systemfejl(e: OSError) -> str:
    """En fejl fra styresystemet på dansk (ukendte: styresystemets egen tekst)."""
    return _SYSTEMFEJL.get(e.errno or -1) or (e.strerror or str(e))


# Styretegn, usynlige tegn og tegn, der vender skriveretningen; schema afviser dem i tekster.
USYNLIGE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e"
                       "\u2060-\u2069\ufeff]")
# Et filnavn, filsystemet giver, men som ikke er UTF-8 (Latin-1 fra en USB-nøgle eller et
# Samba-drev), kommer til Python med "surrogater" i stedet for de bytes, der ikke kunne læses.
_SYNLIGE_ELLER_SURROGAT = re.compile(USYNLIGE.pattern[:-1] + "\ud800-\udfff]")


def _kode(tegn: str) -> str:
    if 0xDC80 <= ord(tegn) <= 0xDCFF:  # en byte, der ikke var UTF-8: vis byten (\xe5)
        return f"\\x{ord(tegn) - 0xDC00:02x}"
    return tegn.encode("unicode_escape", "backslashreplace").decode("ascii")


def synlig(tekst: str) -> str:
    """Tekst fra en fil eller et filnavn, som den kan vises på én linje i en terminal og skrives
    i en fil: et styretegn (ESC, linjeskift) eller usynligt tegn bliver til sin kode (``\\x1b``,
    ``\\u200b``), og en byte i et filnavn, der ikke er UTF-8, til ``\\xe5``."""
    return _SYNLIGE_ELLER_SURROGAT.sub(lambda m: _kode(m.group()), tekst)
