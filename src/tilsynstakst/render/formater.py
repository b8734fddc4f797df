"""En visning i et filformat, som bytes, klar til at skrive: ét sted, der vælger formatet."""

import io

from tilsynstakst.tabeller import Visning


def gengiv(v: Visning, format: str) -> bytes:
    """``format``: tabel (ren tekst), json, markdown, csv eller xlsx."""
    if format == "json":
        from tilsynstakst.render.jsonformat import visning_json

        return visning_json(v).encode()
    if format == "markdown":
        from tilsynstakst.render.markdown import visning_markdown

        return visning_markdown(v).encode()
    if format == "csv":
        from tilsynstakst.render.csvformat import visning_csv

        return visning_csv(v)
    if format == "xlsx":
        from tilsynstakst.render.xlsx import visning_xlsx

        return visning_xlsx(v)
    if format == "tabel":
        from rich.console import Console

        from tilsynstakst.render.terminal import vis

        tekst = io.StringIO()
        vis(v, Console(file=tekst, width=200, highlight=False, color_system=None))
        return "".join(linje.rstrip() + "\n" for linje in tekst.getvalue().splitlines()).encode()
    raise ValueError(format)
