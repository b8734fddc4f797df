"""Notatets tabeller som Markdown-tabeller (pipe tables) med danske overskrifter og tal."""

import re

from tilsynstakst.visning.render.celler import celletekst
from tilsynstakst.visning.tabeller import Tabel, Visning


_MARKDOWN = re.compile(r"([\\`*\[\]<>|])")


def tekst(s: str) -> str:
    """Tekst (fra filen eller programmet) i Markdown: tegn, Markdown tolker (``*``, ``[``, ``<``,
    ``|`` …), skrives som sig selv, og et linjeskift bryder ikke en tabel."""
    return _MARKDOWN.sub(r"\\\1", s).replace("\n", " ")


def tabel_md(t: Tabel, niveau: int = 3) -> str:
    """Én tabel: overskrift, pipe table (tal højrestillet) og tabellens note. En tabel med kun
    tekst (én kolonne, fx hvornår taksterne opkræves) er en punktliste, som i terminalen."""
    if len(t.kolonner) == 1:
        return "\n".join([f"{'#' * niveau} {tekst(t.titel)}", "",
                          *(f"- {tekst(navn)}" for navn, _ in t.raekker)]) + "\n"
    linjer = [f"{'#' * niveau} {tekst(t.titel)}", "",
              "| " + " | ".join(tekst(k) for k in t.kolonner) + " |",
              "| " + " | ".join([":--"] + ["--:"] * (len(t.kolonner) - 1)) + " |"]
    for navn, celler in t.raekker:
        linjer.append("| " + " | ".join([tekst(navn), *(celletekst(c) for c in celler)]) + " |")
    if t.note:
        linjer += ["", f"*{tekst(t.note)}*"]
    return "\n".join(linjer) + "\n"


def visning_markdown(v: Visning) -> str:
    indledning = "".join(f"{tekst(linje)}\n\n" for linje in v.indledning)
    titel = f"{v.titel} {v.tillaeg}" if v.tillaeg else v.titel
    dele = [f"## {tekst(titel)}\n\n{indledning}"]
    dele += [tabel_md(t) for t in v.tabeller]
    return "\n".join(dele)
