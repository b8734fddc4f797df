"""Rapporten i et filformat, som bytes, klar til at skrive: ét sted, der vælger visningen."""

import io

from tilsynstakst.rapport import Rapport


def gengiv(r: Rapport, format: str) -> bytes:
    """``format``: tabel (ren tekst), json, markdown, csv eller xlsx."""
    if format == "json":
        from tilsynstakst.render.jsonformat import rapport_json

        return rapport_json(r).encode()
    if format == "markdown":
        from tilsynstakst.render.markdown import rapport_markdown

        return rapport_markdown(r).encode()
    if format == "csv":
        from tilsynstakst.render.csvformat import rapport_csv

        return rapport_csv(r)
    if format == "xlsx":
        from tilsynstakst.render.xlsx import rapport_xlsx

        return rapport_xlsx(r)
    if format == "tabel":
        from rich.console import Console

        from tilsynstakst.render.terminal import vis

        tekst = io.StringIO()
        vis(r, Console(file=tekst, width=200, highlight=False, color_system=None))
        return "".join(linje.rstrip() + "\n" for linje in tekst.getvalue().splitlines()).encode()
    raise ValueError(format)
