"""Målestok for issue 11: en minimal Typer-kommando med de samme argumenter og tilvalg som
``tilsynstakst beregn``, der intet gør. ``scripts/maal.py`` sammenligner ``beregn 2024`` med den.

    python scripts/minimal_typer.py beregn 2024
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


class Afrunding(str, Enum):
    stoerste_rest = "stoerste-rest"
    simpel = "simpel"


class Format(str, Enum):
    tabel = "tabel"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
def beregn(
    aar: Annotated[int, typer.Argument(min=2000, max=2100, metavar="AAR")],
    budgetmappe: Annotated[Path, typer.Option("--budgetmappe", "-b")] = Path("budgets"),
    afrunding: Afrunding = Afrunding.stoerste_rest,
    format: Annotated[Format | None, typer.Option("--format", "-f", case_sensitive=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o")] = None,
    overskriv: Annotated[bool, typer.Option("--overskriv")] = False,
    saet: Annotated[list[str] | None, typer.Option("--saet")] = None,
    scenarie: Annotated[list[str] | None, typer.Option("--scenarie", "-s")] = None,
) -> None:
    """Gør intet."""


@app.command()
def andet() -> None:
    """En anden kommando, så Typer laver en gruppe som tilsynstakst."""


if __name__ == "__main__":
    app()
