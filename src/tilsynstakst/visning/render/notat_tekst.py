"""Budgetnotatet som tekst i terminalens bredde: ``notat`` uden ``--output`` på en terminal.

Samme blokke som Markdown- og Word-udgaven; afsnit brydes ved ord, og tabellerne sættes som i
``beregn`` (``terminal``), så intet navn eller tal skæres af i 80 tegn. Diagrammet udelades:
tabellen over den objektive finansiering viser de samme tal.
"""

from tilsynstakst.visning.notat import (Afsnit, Notat, Overskrift, Punkter, Tabelblok,
                                        Teksttabel)
from tilsynstakst.visning.render.terminal import afsnit, fed_tekst, tabel_linjer


def notat_tekst(n: Notat, maks: int, fed: bool = False) -> str:
    linjer = [fed_tekst(afsnit(n.titel.upper(), maks), fed)]
    linjer += [afsnit(f"{ledetekst}: {v}", maks, "  ") for ledetekst, v in n.hoved]
    for b in n.blokke:
        if isinstance(b, Overskrift):
            linjer += ["", fed_tekst(afsnit(b.tekst, maks), fed)]
        elif isinstance(b, Afsnit):
            linjer += ["", afsnit(b.tekst, maks)]
        elif isinstance(b, Punkter):
            linjer.append("")
            for p in b.punkter:  # "- " foran, fortsættelseslinjer rykket ind under teksten
                linjer += [("- " if i == 0 else "  ") + d
                           for i, d in enumerate(afsnit(p, maks - 2).split("\n"))]
        elif isinstance(b, Tabelblok):
            linjer += tabel_linjer(b.tabel, maks, fed)
        elif isinstance(b, Teksttabel):  # én linje pr. række: "navn: værdi (status)"
            linjer += ["", fed_tekst(afsnit(b.titel, maks), fed)]
            linjer += [afsnit(f"{r[0]}: {', '.join(r[1:-1])} ({r[-1]})", maks, "  ")
                       for r in b.raekker]
    return "\n".join(linjer) + "\n"
