"""Budgetnotatet som Markdown: titlen, notatets hoved, overskrifter, afsnit, punkter og notatets
tabeller. Prosaen har faste mellemrum, hvor to dele hører sammen ("§ 33", "kr. 250.990"), så en
Markdown-visning ikke bryder linjen dér (``prosa.bundet``)."""

from dataclasses import replace

from tilsynstakst.visning.notat import (Afsnit, Notat, Overskrift, Punkter, Tabelblok,
                                        Teksttabel)
from tilsynstakst.visning.render.markdown import tabel_md
from tilsynstakst.visning.render.markdown import tekst as md_tekst
from tilsynstakst.visning.render.prosa import bundet


def md(s: str) -> str:
    return md_tekst(bundet(s))


def _tabelblok(b: Tabelblok) -> str:
    """Tabellen; en tabeltekst, der kun ville gentage overskriften over den, udelades."""
    if not b.tabeltekst:
        return tabel_md(b.tabel).split("\n", 2)[2]  # uden "### titel" og den tomme linje
    return tabel_md(replace(b.tabel, titel=b.tabeltekst))


def _teksttabel(t: Teksttabel) -> str:
    linjer = [f"### {md(t.titel)}", "", "| " + " | ".join(md(k) for k in t.kolonner) + " |",
              "| " + " | ".join(":--" for _ in t.kolonner) + " |"]
    linjer += ["| " + " | ".join(md(c) for c in r) + " |" for r in t.raekker]
    return "\n".join(linjer) + "\n"


def notat_markdown(n: Notat) -> str:
    """Diagrammet udelades: tabellen over den objektive finansiering viser de samme tal."""
    dele = [f"# {md(n.titel)}\n"]
    if n.hoved:
        dele.append("  \n".join(f"**{md(ledetekst)}:** {md(v)}" for ledetekst, v in n.hoved)
                    + "\n")
    for b in n.blokke:
        if isinstance(b, Overskrift):
            dele.append(f"{'#' * b.niveau} {md(b.tekst)}\n")
        elif isinstance(b, Afsnit):
            dele.append(md(b.tekst) + "\n")
        elif isinstance(b, Punkter):
            dele.append("\n".join(f"- {md(p)}" for p in b.punkter) + "\n")
        elif isinstance(b, Tabelblok):
            dele.append(_tabelblok(b))
        elif isinstance(b, Teksttabel):
            dele.append(_teksttabel(b))
    return "\n".join(dele)
