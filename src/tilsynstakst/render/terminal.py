"""Notatets tabeller i terminalen (rich), med dansk talformat."""

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel, Visning


def _rich_tabel(t: Tabel) -> Table:
    tabel = Table(title=Text(t.titel), title_justify="left", title_style="bold",
                  caption=Text(t.note) if t.note else None, caption_justify="left")
    for i, navn in enumerate(t.kolonner):
        tabel.add_column(Text(navn), justify="left" if i == 0 else "right", no_wrap=i > 0)
    for navn, celler in t.raekker:
        tabel.add_row(Text(navn), *(Text(celletekst(c)) for c in celler))
    return tabel


def vis(v: Visning, console: Console) -> None:
    # Tilsynets navn er data fra filen: som Text, aldrig som markup ([/bold], [link=...]).
    console.print(Text(v.titel, "bold") + Text(f" {v.tillaeg}" if v.tillaeg else ""))
    for linje in v.indledning:
        console.print(Text(linje))
    for t in v.tabeller:
        console.print()
        console.print(_rich_tabel(t))
