"""Budgetnotatet som Markdown: overskrifter, afsnit, punkter og notatets tabeller."""

from tilsynstakst.visning.notat import Afsnit, Notat, Overskrift, Punkter, Tabelblok
from tilsynstakst.visning.render.markdown import tabel_md
from tilsynstakst.visning.render.markdown import tekst as md


def notat_markdown(n: Notat) -> str:
    """Diagrammet udelades: tabellen over den objektive finansiering viser de samme tal."""
    dele = [f"# {md(n.titel)}\n"]
    for b in n.blokke:
        if isinstance(b, Overskrift):
            dele.append(f"{'#' * b.niveau} {md(b.tekst)}\n")
        elif isinstance(b, Afsnit):
            dele.append(md(b.tekst) + "\n")
        elif isinstance(b, Punkter):
            dele.append("\n".join(f"- {md(p)}" for p in b.punkter) + "\n")
        elif isinstance(b, Tabelblok):
            dele.append(tabel_md(b.tabel))
    return "\n".join(dele)
