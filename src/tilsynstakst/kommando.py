"""Et råd, der kan køres, som det står: en ``tilsynstakst``-kommando med brugerens egne valg.

Hver besked, der foreslår en kommando (en advarsel, en fejl, "Næste skridt"), bygger den her: med
brugerens budgetmappe (``-b``, også når mappen kom fra ``TILSYNSTAKST_BUDGETMAPPE``), og med en
sti citeret, som en shell skal have den (``'andre budgetter'``). En kommando står sidst i
beskeden eller før ``;`` eller ``)``, aldrig før et punktum, så den kan kopieres, som den er.
"""

import shlex
from pathlib import Path

STANDARDMAPPE = Path("budgets")


def kommando(navn: str, *argumenter: object, mappe: Path | None = None) -> str:
    """``kommando("befolkning", 2025, "--hent", mappe=Path("andre b"))`` →
    ``tilsynstakst befolkning 2025 -b 'andre b' --hent``.

    Mappen udelades, når den er standardmappen; ``tjek`` tager den som argument, de andre
    kommandoer som ``-b MAPPE`` efter argumenterne og før tilvalgene.
    """
    dele = [str(a) for a in argumenter]
    if mappe is not None and mappe != STANDARDMAPPE:
        if navn == "tjek":
            dele.append(str(mappe))
        else:
            i = next((i for i, d in enumerate(dele) if d.startswith("-")), len(dele))
            dele[i:i] = ["-b", str(mappe)]
    return " ".join(["tilsynstakst", navn, *map(shlex.quote, dele)])


def citeret(sti: Path) -> str:
    """En sti, som den skrives på en kommandolinje (til et råd som ``-b MAPPE``)."""
    return shlex.quote(str(sti))
