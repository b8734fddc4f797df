"""Notatets tabeller i terminalen (rich), med dansk talformat, i enhver bredde fra 80 tegn.

Intet tal og intet navn bliver skåret af eller afkortet med "…". En tabel, der er for bred,
lægges om i denne rækkefølge, og den første opstilling, der kan være i bredden, vises:

1. kolonneoverskrifterne på én linje, derefter på to, tre og fire linjer (brudt ved mellemrum eller
   efter en bindestreg i et sammensat ord, aldrig inde i et ord eller et tal);
2. én tabel pr. kolonnegruppe (fx ét år ad gangen i den objektive finansiering), hver med
   rækkernes navne;
3. rækkernes navne brudt ved mellemrum;
4. én blok pr. række ("kolonne: værdi"), som altid kan være der.

Her vælges kun en opstilling af tal, der allerede står i tabellen; der regnes ikke.
"""

import re
import textwrap

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel, Visning

# Et ord på højst to tegn ("i", "(i") hænger sammen med det næste ord, så en linje aldrig
# slutter med "(i"; et sammensat ord kan brydes efter bindestregen ("2024-|priser").
_KORT_ORD = re.compile(r"(?<!\S)(\S{1,2}) (?=\S)")
_BINDESTREG = re.compile(r"(?<=[^\s-]{4}-)(?=[^\W\d_]{4})")
_FAST = "\u00a0"


def _dele(tekst: str) -> list[tuple[str, str]]:
    """(skilletegn før delen, del): overskriftens mindste dele, der ikke må brydes: ord, et kort
    ord med det næste, og dele af et sammensat ord efter bindestregen (skilletegn "")."""
    limet = _KORT_ORD.sub(lambda m: m.group(1) + _FAST, tekst)
    dele = []
    for i, ord_ in enumerate(limet.split(" ")):  # ikke split(): den deler ved det faste mellemrum
        for j, d in enumerate(_BINDESTREG.split(ord_)):
            if d:
                dele.append(("" if j or not i else " ", d.replace(_FAST, " ")))
    return dele


def enheder(tekst: str) -> list[str]:
    return [d for _, d in _dele(tekst)]


def bryd(tekst: str, bredde: int) -> list[str]:
    """Tekst brudt grådigt til linjer af højst ``bredde`` tegn (en del, der er bredere, står
    alene på sin linje og afgør bredden)."""
    linjer: list[str] = []
    for skille, d in _dele(tekst):
        if linjer and cell_len(linjer[-1] + skille + d) <= bredde:
            linjer[-1] += skille + d
        else:
            linjer.append(d)
    return linjer or [""]


def overskrift(tekst: str, celler: int, linjer: int) -> str:
    """Den smalleste opsætning af en kolonneoverskrift på højst ``linjer`` linjer, der er
    mindst så bred som kolonnens tal (``celler``)."""
    bredde = max(celler, max(map(cell_len, enheder(tekst)), default=0))
    while len(bryd(tekst, bredde)) > linjer:
        bredde += 1
    return "\n".join(bryd(tekst, bredde))


def _celler(t: Tabel) -> list[list[str]]:
    return [[celletekst(c) for c in celler] for _, celler in t.raekker]


def _rich(t: Tabel, kolonner: list[int], linjer: int, navne_brydes: bool) -> Table:
    """En rich-tabel med rækkernes navne og de valgte værdikolonner (indeks fra 1)."""
    celler = _celler(t)
    tabel = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    tabel.add_column(Text(t.kolonner[0], no_wrap=not navne_brydes), no_wrap=not navne_brydes)
    for k in kolonner:
        bredde = max((cell_len(r[k - 1]) for r in celler if len(r) >= k), default=0)
        tabel.add_column(Text(overskrift(t.kolonner[k], bredde, linjer), no_wrap=True),
                         justify="right", no_wrap=True)
    for (navn, _), raekke in zip(t.raekker, celler):
        tabel.add_row(Text(navn, no_wrap=not navne_brydes),
                      *(Text(raekke[k - 1] if len(raekke) >= k else "", no_wrap=True)
                        for k in kolonner))
    return tabel


def _grupper(t: Tabel) -> list[list[int]]:
    """Værdikolonnerne i tabellens grupper (fx ét år), eller hver kolonne for sig."""
    n = len(t.kolonner) - 1
    stoerrelser = list(t.grupper) or [1] * n
    grupper, start = [], 1
    for s in stoerrelser:
        grupper.append(list(range(start, start + s)))
        start += s
    return grupper


def _passer(console: Console, tabel: Table, bredde: int, brydes: bool = False) -> bool:
    """Kan tabellen være i ``bredde`` uden at bryde andet end rækkernes navne (``brydes``)?
    Målt i en ubegrænset bredde, for rich måler aldrig bredere end den bredde, den får."""
    maal = Measurement.get(console, console.options.update_width(10_000), tabel)
    return (maal.minimum if brydes else maal.maximum) <= bredde


def opstilling(t: Tabel, console: Console) -> list[tuple[str, Table | None]]:
    """Tabellen som en eller flere rich-tabeller med titler, der kan være i konsollens bredde;
    ``None`` i stedet for en tabel: vis rækkerne som blokke (se modulets trin 4)."""
    bredde = console.width
    alle = list(range(1, len(t.kolonner)))
    for linjer in (1, 2, 3, 4):  # trin 1
        tabel = _rich(t, alle, linjer, False)
        if _passer(console, tabel, bredde):
            return [(t.titel, tabel)]
    grupper = _grupper(t)
    if len(grupper) > 1:  # trin 2: så mange grupper pr. tabel, som der er plads til
        dele: list[list[int]] = []
        for g in grupper:
            if dele and _passer(console, _rich(t, dele[-1] + g, 4, False), bredde):
                dele[-1] += g
            else:
                dele.append(list(g))
        tabeller = [_rich(t, d, 4, False) for d in dele]
        if all(_passer(console, tb, bredde) for tb in tabeller):
            return [(t.titel if i == 0 else f"{t.titel} (fortsat)", tb)
                    for i, tb in enumerate(tabeller)]
    tabel = _rich(t, alle, 4, True)  # trin 3
    if _passer(console, tabel, bredde, brydes=True):
        return [(t.titel, tabel)]
    return [(t.titel, None)]


def _blokke(t: Tabel, console: Console) -> None:
    """Trin 4: hver række som en blok, hvert tal med sin kolonne foran."""
    for (navn, _), raekke in zip(t.raekker, _celler(t)):
        console.print(Text(navn, "bold"))
        for k, vaerdi in enumerate(raekke, start=1):
            console.print(Text(f"  {t.kolonner[k]}: {vaerdi}"))


def afsnit(tekst: str, bredde: int) -> str:
    """Prosa brudt ved mellemrum til ``bredde``, men aldrig mellem "§" og paragraffens nummer
    eller mellem et tal og "%" (textwrap bryder kun ved ASCII-mellemrum, ikke ved det faste)."""
    fast = re.sub(r"(§|\d) (?=\d|%)", lambda m: m.group(1) + _FAST, tekst)
    return textwrap.fill(fast, bredde, break_long_words=False,
                         break_on_hyphens=False).replace(_FAST, " ")


def vis_tabel(t: Tabel, console: Console) -> None:
    if len(t.kolonner) == 1:  # en tabel af tekst (fx hvornår taksterne opkræves): som afsnit
        console.print()
        console.print(Text(afsnit(t.titel, console.width), "bold"))
        for navn, _ in t.raekker:
            console.print(Text(afsnit(navn, console.width)))
        return
    for titel, tabel in opstilling(t, console):
        console.print()
        console.print(Text(afsnit(titel, console.width), "bold"))
        if tabel is None:
            _blokke(t, console)
        else:
            console.print(tabel)
    if t.note:
        console.print(Text(afsnit(t.note, console.width)))


def vis(v: Visning, console: Console) -> None:
    # Tilsynets navn er data fra filen: som Text, aldrig som markup ([/bold], [link=...]).
    console.print(Text(v.titel, "bold") + Text(f" {v.tillaeg}" if v.tillaeg else ""))
    for linje in v.indledning:
        console.print(Text(afsnit(linje, console.width)))
    for t in v.tabeller:
        vis_tabel(t, console)
