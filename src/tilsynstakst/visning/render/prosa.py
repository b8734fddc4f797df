"""Tekst til terminalen: afsnit brudt ved ord, tekst i terminalens tegnsæt, og beskeder.

Beskederne (fejl, advarsler, ``forklar``, ``tjek``s rapport) skrives på en terminal i dens bredde
med hængende indrykning, så en lang linje ikke brydes af terminalen ude i kanten; til et rør
eller en fil står hver besked og hvert fund på én linje (CI-logge og grep). Et tegn, tegnsættet
ikke har (``≥`` i cp1252), skrives som i tabellerne (``ASCII``: ``>=``) og måles sådan.

Modulet indlæser intet tungt (ingen pydantic), så en fejlbesked ikke koster en beregnings
indlæsning; ``terminal`` sætter tabellerne med de samme afsnit, tegnsæt og fed skrift.
"""

import codecs
import os
import re
import sys
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from tilsynstakst.fund import synlig

# Tegn uden for cp1252, som programmet selv skriver, og deres ASCII-afløsere.
ASCII = {"✓": "ok", "✗": "x", "Σ": "sum", "❱": ">", "│": "|", "─": "-", "…": "...",
         "→": "->", "≈": "ca. ", "−": "-", "≥": ">=", "≤": "<=", "\u2028": " ", "\u2029": " "}
FEJLHAANDTERING = "tilsynstakst-ascii"


def _erstat(fejl: UnicodeError) -> tuple[str, int]:
    if not isinstance(fejl, UnicodeEncodeError):
        raise fejl
    stykke = fejl.object[fejl.start:fejl.end]
    return "".join(ASCII.get(tegn, "?") for tegn in stykke), fejl.end


codecs.register_error(FEJLHAANDTERING, _erstat)

FAST = "\u00a0"  # et mellemrum, der ikke brydes
FED, ROED, GROEN, GUL, CYAN = "1", "31", "32", "33", "36"  # terminalens stilkoder (ANSI)

T = TypeVar("T")

# En linje til ``skriv``: teksten, den hængende indrykning (ud over linjens egen) og de stykker
# af teksten, der vises med en stil (i tekstens rækkefølge; de brydes aldrig).
Linje = tuple[str, int, Sequence[tuple[str, str]]]


# Mellemrum, der ikke brydes: "§ 32" (og "§§ 32-33", "stk. 2", "Tabel 3"), et tal og dets enhed
# ("8,2 %", "3 kr.", "kr. 250.990", "46,7 årsværk", "13 timer"), et forhold ("1 : 1,2 : 2 : 3")
# og et omtrentligt tal ("ca. 672", ≈ i et tegnsæt uden det). Den ene liste over, hvad der
# hører sammen: terminalen, Markdown og Word bruger den alle (``bundet``).
_ENHEDER = r"%|kr\.|pct\.|procentpoint|årsværk|timer?\b|normtimer\b"
_SAMMEN = re.compile(rf"(?<=§|\d) (?=\d|{_ENHEDER})|(?<=\d) (?=: \d)|(?<=\d :) (?=\d)"
                     r"|(?:(?<=ca\.)|(?<=kr\.)|(?<=nr\.)|(?<=stk\.)|(?<=Tabel)) (?=\d)")


def bundet(tekst: str) -> str:
    """Teksten med et fast mellemrum (U+00A0) hvor to dele hører sammen (``_SAMMEN``): "§ 33",
    "kr. 250.990", "250.990 kr.", "3,8 %", "46,7 årsværk". Til et dokument, der brydes af
    læserens program (Word, en browser); terminalen bryder selv med ``afsnit``."""
    return _SAMMEN.sub(FAST, tekst)


# Et råd, der kan kopieres (``kommando.py``): kommandoen står sidst, eller før ';' eller ')'.
_RAAD = re.compile(r"(?:tilsynstakst [a-z]+|\bmv)(?: (?:'[^']*'|[^\s;()'])+)*")


def afsnit(tekst: str, maks: int, indryk: str = "") -> str:
    """Prosa brudt ved mellemrum til ``maks``, men aldrig mellem "§" og paragraffens nummer,
    mellem et tal og dets enhed, inde i et forhold eller inde i en kommando, brugeren kan
    kopiere (textwrap bryder kun ved ASCII-mellemrum, ikke ved det faste);
    fortsættelseslinjerne rykkes ``indryk`` ind."""
    fast = _RAAD.sub(lambda m: m.group().replace(" ", FAST), bundet(synlig(tekst)))
    return textwrap.fill(fast, maks, subsequent_indent=indryk, break_long_words=False,
                         break_on_hyphens=False).replace(FAST, " ")


def i_tegnsaet(x: T, tegnsaet: str) -> T:
    """Al tekst i en visning eller et notat, som den vil stå i terminalens tegnsæt (fx cp1252:
    ``Σ`` bliver ``sum``, ``→`` bliver ``->``, som ``streams`` skriver dem), så kolonnerne måles
    i de tegn, der faktisk skrives. Visningens data til JSON røres ikke."""
    if codecs.lookup(tegnsaet).name == "utf-8":
        return x
    return _omkod(x, tegnsaet)


def _omkod(x: Any, tegnsaet: str) -> Any:
    if isinstance(x, str):
        return x.encode(tegnsaet, FEJLHAANDTERING).decode(tegnsaet)
    if isinstance(x, tuple):
        return tuple(_omkod(v, tegnsaet) for v in x)
    if is_dataclass(x) and not isinstance(x, type):
        return replace(x, **{f.name: _omkod(getattr(x, f.name), tegnsaet)
                             for f in fields(x) if f.name != "data"})
    return x


def stil(tekst: str, kode: str) -> str:
    return f"\x1b[{kode}m{tekst}\x1b[0m" if tekst else tekst


def fed_tekst(tekst: str, fed: bool) -> str:
    return stil(tekst, FED) if fed else tekst


def terminal(stroem: Any) -> tuple[int, bool] | None:
    """En terminals bredde (COLUMNS først; mindst 20) og om den kan vise fed skrift og farver
    (ikke med NO_COLOR eller TERM=dumb, og ikke i Windows' gamle konsol); ``None``: strømmen er
    en fil eller et rør."""
    if not stroem.isatty():
        return None
    try:
        bredde = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        bredde = 0
    if bredde <= 0:  # COLUMNS=0 eller intet: spørg terminalen selv
        try:
            bredde = os.get_terminal_size(stroem.fileno()).columns
        except (OSError, ValueError):
            bredde = 0
    fed = (not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
           and os.name != "nt")
    return max(20, bredde or 80), fed


def ombryd(tekst: str, maks: int | None, haeng: int = 0,
           stile: Sequence[tuple[str, str]] = ()) -> str:
    """Én linje til en terminal i ``maks`` bredde: brudt ved ord (``afsnit``), fortsættelses-
    linjerne rykket ind til linjens egen indrykning + ``haeng``. ``maks`` None (en fil eller et
    rør): linjen, som den er. ``stile``: (stykke, kode) i tekstens rækkefølge, hvert vist med
    sin stil og aldrig brudt."""
    placeret, start = [], 0
    for stykke, kode in stile:
        if (i := tekst.find(stykke, start)) >= 0:
            fast = stykke.replace(" ", FAST) if maks else stykke
            tekst = tekst[:i] + fast + tekst[i + len(stykke):]
            placeret.append((stykke, kode))
            start = i + len(stykke)
    if maks:
        egen = len(tekst) - len(tekst.lstrip(" "))
        indryk = min(egen + haeng, maks // 2)
        linjer = afsnit(tekst, maks, " " * indryk).split("\n")
        # Et ord, der er for langt til at stå indrykket (en lang nøgle), rykkes så lidt ind, som
        # der er plads til; de andre linjer står under teksten.
        tekst = "\n".join([linjer[0]] + [linje[min(max(0, len(linje) - maks), indryk):]
                                         for linje in linjer[1:]])
    ud, start = "", 0
    for stykke, kode in placeret:
        if (i := tekst.find(stykke, start)) >= 0:
            ud += tekst[start:i] + stil(stykke, kode)
            start = i + len(stykke)
    return ud + tekst[start:]


def skriv(linjer: Iterable[str | Linje], haeng: int = 0, err: bool = False,
          stroem: Any = None) -> None:
    """Skriv linjerne til standard-ud (``err``: standard-fejl), på en terminal brudt i dens
    bredde (``ombryd``, med ``haeng`` for en linje uden sin egen), ellers én linje hver; stilene
    kun på en terminal, der viser dem. Den ene vej, en besked kommer til terminalen (issue 21,
    klasse 4): styretegn og usynlige tegn (et filnavn med ESC, CR eller BEL) vises som koder
    (``fund.synlig``) også til en fil eller et rør; kun programmets egne stile er styretegn."""
    stroem = stroem or (sys.stderr if err else sys.stdout)
    maks, farver = terminal(stroem) or (None, False)
    tegnsaet = getattr(stroem, "encoding", None) or "utf-8"
    ud = []
    for linje in linjer:
        tekst, h, stile = (linje, haeng, ()) if isinstance(linje, str) else linje
        stile = [(i_tegnsaet(synlig(s), tegnsaet), k) for s, k in stile] if farver else ()
        ud.append(ombryd(i_tegnsaet(synlig(tekst), tegnsaet), maks, h, stile) + "\n")
    stroem.write("".join(ud))
    stroem.flush()
