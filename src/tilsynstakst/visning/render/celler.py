"""Celler til enhver visning: dansk tal i tekst, og tekst, der ikke kan blive en formel.

Et regneark (Excel, LibreOffice) tolker en celle, der begynder med ``=``, ``+``, ``-``, ``@``,
tabulator eller vognretur, som en formel. En kommune, der hedder ``=HYPERLINK(...)``, må ikke
blive en formel i CSV eller XLSX: som OWASP anbefaler (CSV Injection), sættes en apostrof foran,
så teksten forbliver læsbar og aldrig bliver udført. ``uskadelig`` er den ene vej, tekst kommer
ind i en celle i CSV og XLSX (issue 21, klasse 4).
"""

from tilsynstakst.fund import USYNLIGE, synlig
from tilsynstakst.tal import PCT
from tilsynstakst.visning.tabeller import Celle
from tilsynstakst.tal import procent, tal

FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")


def celletekst(c: Celle) -> str:
    """En celle i dansk format; tom celle som tom tekst."""
    if c.vaerdi is None:
        return ""
    return procent(c.vaerdi) if c.enhed == PCT else tal(c.vaerdi)


# Styretegn, en celle kan rumme som tekst: CSV sætter dem i anførselstegn, XLSX gemmer dem.
CELLETEGN = "\t\n\r"


def uskadelig(tekst: str) -> str:
    """Tekst til en celle i et regneark (CSV, XLSX): en apostrof foran, hvis den ellers ville
    blive en formel (OWASP), og andre styretegn end tabulator og linjeskift (ESC, BEL) og
    usynlige tegn og tegn, der vender skriveretningen, vist som koder (``fund.synlig``): XLSX kan
    ikke gemme dem, og de kan skjule eller forfalske, hvad cellen viser."""
    tekst = USYNLIGE.sub(lambda m: m.group() if m.group() in CELLETEGN else synlig(m.group()),
                         tekst)
    return "'" + tekst if tekst.startswith(FORMELTEGN) else tekst
