"""Notatets tabeller i terminalen (rich), med dansk talformat."""

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tilsynstakst.rapport import Rapport
from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel, alle, indledning


def _rich_tabel(t: Tabel) -> Table:
    tabel = Table(title=Text(t.titel), title_justify="left", title_style="bold",
                  caption=Text(t.note) if t.note else None, caption_justify="left")
    for i, navn in enumerate(t.kolonner):
        tabel.add_column(Text(navn), justify="left" if i == 0 else "right", no_wrap=i > 0)
    for navn, celler in t.raekker:
        tabel.add_row(Text(navn), *(Text(celletekst(c)) for c in celler))
    return tabel


def vis(r: Rapport, console: Console) -> None:
    nu = r.budgetaar
    # Tilsynets navn er data fra filen: som Text, aldrig som markup ([/bold], [link=...]).
    console.print(Text(f"{r.tilsyn} – Budget {nu.aar}", "bold") +
                  Text(f" (i {nu.prisniveau}-priser)"))
    console.print(Text(indledning(r)))
    for t in alle(r):
        console.print()
        console.print(_rich_tabel(t))
