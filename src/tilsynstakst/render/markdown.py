"""Notatets tabeller som Markdown-tabeller (pipe tables) med danske overskrifter og tal."""

import re

from tilsynstakst.rapport import Rapport
from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel, alle, indledning


_MARKDOWN = re.compile(r"([\\`*\[\]<>|])")


def tekst(s: str) -> str:
    """Tekst (fra filen eller programmet) i Markdown: tegn, Markdown tolker (``*``, ``[``, ``<``,
    ``|`` …), skrives som sig selv, og et linjeskift bryder ikke en tabel."""
    return _MARKDOWN.sub(r"\\\1", s).replace("\n", " ")


def tabel_md(t: Tabel, niveau: int = 3) -> str:
    """Én tabel: overskrift, pipe table (tal højrestillet) og tabellens note."""
    linjer = [f"{'#' * niveau} {tekst(t.titel)}", "",
              "| " + " | ".join(tekst(k) for k in t.kolonner) + " |",
              "| " + " | ".join([":--"] + ["--:"] * (len(t.kolonner) - 1)) + " |"]
    for navn, celler in t.raekker:
        linjer.append("| " + " | ".join([tekst(navn), *(celletekst(c) for c in celler)]) + " |")
    if t.note:
        linjer += ["", f"*{tekst(t.note)}*"]
    return "\n".join(linjer) + "\n"


def rapport_markdown(r: Rapport) -> str:
    nu = r.budgetaar
    dele = [f"## {tekst(r.tilsyn)} – Budget {nu.aar}\n\n{indledning(r)}\n"]
    dele += [tabel_md(t) for t in alle(r)]
    return "\n".join(dele)
