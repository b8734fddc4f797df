"""Celler til enhver visning: dansk tal i tekst, og tekst, der ikke kan blive en formel.

Et regneark (Excel, LibreOffice) tolker en celle, der begynder med ``=``, ``+``, ``-``, ``@``,
tabulator eller vognretur, som en formel. En kommune, der hedder ``=HYPERLINK(...)``, må ikke
blive en formel i CSV eller XLSX: som OWASP anbefaler (CSV Injection), sættes en apostrof foran,
så teksten forbliver læsbar og aldrig bliver udført.
"""

from tilsynstakst.tal import PCT
from tilsynstakst.visning.tabeller import Celle
from tilsynstakst.tal import procent, tal

FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")


def celletekst(c: Celle) -> str:
    """En celle i dansk format; tom celle som tom tekst."""
    if c.vaerdi is None:
        return ""
    return procent(c.vaerdi) if c.enhed == PCT else tal(c.vaerdi)


def uskadelig(tekst: str) -> str:
    """Tekst til et regneark: en apostrof foran, hvis den ellers ville blive en formel (OWASP)."""
    return "'" + tekst if tekst.startswith(FORMELTEGN) else tekst
