"""Notatets tabeller som Markdown-tabeller (pipe tables) med danske overskrifter og tal."""

from tilsynstakst.rapport import Rapport
from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel, alle, indledning


def _tekst(s: str) -> str:
    """Tekst i en Markdown-celle: | og linjeskift må ikke bryde tabellen."""
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def tabel_md(t: Tabel, niveau: int = 3) -> str:
    """Én tabel: overskrift, pipe table (tal højrestillet) og tabellens note."""
    linjer = [f"{'#' * niveau} {_tekst(t.titel)}", "",
              "| " + " | ".join(_tekst(k) for k in t.kolonner) + " |",
              "| " + " | ".join([":--"] + ["--:"] * (len(t.kolonner) - 1)) + " |"]
    for navn, celler in t.raekker:
        linjer.append("| " + " | ".join([_tekst(navn), *(celletekst(c) for c in celler)]) + " |")
    if t.note:
        linjer += ["", f"*{_tekst(t.note)}*"]
    return "\n".join(linjer) + "\n"


def rapport_markdown(r: Rapport) -> str:
    nu = r.budgetaar
    dele = [f"## {_tekst(r.tilsyn)} – Budget {nu.aar}\n\n{indledning(r)}\n"]
    dele += [tabel_md(t) for t in alle(r)]
    return "\n".join(dele)
