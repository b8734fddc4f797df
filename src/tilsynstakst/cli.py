"""Kommandolinjen: læser valg, kalder biblioteket og oversætter fejl til udgangskoder.

0: alt i orden. 1: kontrollen fandt problemer. 2: input kunne ikke bruges.
Tunge moduler (pydantic, rich-tabeller) indlæses først i den kommando, der bruger dem.
"""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tilsynstakst import __version__

KODE_INPUT = 2  # som tilsynstakst.fund, uden at indlæse den før der er brug for det


class Afrunding(str, Enum):
    stoerste_rest = "stoerste-rest"
    simpel = "simpel"


class Format(str, Enum):
    tabel = "tabel"
    json = "json"


def _dansk_hjaelp() -> None:
    """Typers egne overskrifter i hjælpen på dansk."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenter"
    rich_utils.OPTIONS_PANEL_TITLE = "Tilvalg"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandoer"
    rich_utils.ERRORS_PANEL_TITLE = "Fejl"
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.ENVVAR_STRING = "[miljøvariabel: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[påkrævet]"
    rich_utils.RICH_HELP = "Prøv [blue]'{command_path} {help_option}'[/] for hjælp."
    try:  # hjælpetilvalgets egen tekst er fast i Typers indbyggede Click
        from typer._click.core import Command
    except ImportError:
        return
    original = Command.get_help_option

    def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
        tilvalg = original(self, ctx)
        if tilvalg is not None:
            tilvalg.help = "Vis denne hjælp og slut."
        return tilvalg

    Command.get_help_option = get_help_option  # type: ignore[method-assign]


app = typer.Typer(
    name="tilsynstakst",
    help="Takstberegner for socialtilsynets budget: objektiv finansiering, takster og timepris.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(vis: bool) -> None:
    if vis:
        typer.echo(f"tilsynstakst {__version__}")
        raise typer.Exit()


@app.callback()
def _hoved(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Vis versionen og slut.", callback=_version,
                     is_eager=True),
    ] = False,
) -> None:
    """Takstberegner for socialtilsynets budget: objektiv finansiering, takster og timepris."""


def _fejl(besked: str, kode: int = KODE_INPUT) -> typer.Exit:
    typer.echo(f"Fejl: {besked}", err=True)
    return typer.Exit(kode)


@app.command()
def beregn(
    aar: Annotated[int, typer.Argument(help="Budgetåret, fx 2024.", min=2000, max=2100,
                                       show_default=False)],
    budgetmappe: Annotated[
        Path,
        typer.Option("--budgetmappe", "-b", envvar="TILSYNSTAKST_BUDGETMAPPE",
                     help="Mappen med AAAA.toml og pl-indeks.toml."),
    ] = Path("budgets"),
    afrunding: Annotated[
        Afrunding,
        typer.Option(help="Fordeling af den objektive finansiering: største brøkdel (summer "
                          "præcis til budgettet) eller simpel afrunding pr. kommune."),
    ] = Afrunding.stoerste_rest,
    format: Annotated[Format, typer.Option("--format", "-f", help="Visning.")] = Format.tabel,
) -> None:
    """Beregn budgetårets tabeller, med året før i budgetårets priser."""
    from tilsynstakst.fund import Inputfejl
    from tilsynstakst.service import beregn_rapport

    try:
        rapport = beregn_rapport(budgetmappe, aar, afrunding.value)
    except Inputfejl as e:
        raise _fejl(str(e)) from None
    if format is Format.json:
        from tilsynstakst.render.jsonformat import rapport_json

        typer.echo(rapport_json(rapport), nl=False)
    else:
        from tilsynstakst.render.terminal import vis

        vis(rapport, _konsol())


class Kontrolformat(str, Enum):
    tekst = "tekst"
    json = "json"


@app.command()
def tjek(
    stier: Annotated[
        list[Path] | None,
        typer.Argument(help="Budgetfiler og mapper, der skal tjekkes [standard: budgets].",
                       show_default=False),
    ] = None,
    format: Annotated[
        Kontrolformat,
        typer.Option("--format", "-f", help="tekst: rapport pr. fil. json: ét objekt pr. fund."),
    ] = Kontrolformat.tekst,
    streng: Annotated[
        bool, typer.Option("--streng", help="Afrundingsforskelle og advarsler fejler også.")
    ] = False,
) -> None:
    """Tjek budgetfiler og PL-indeks: validér, afstem de offentliggjorte tal, meld hvert fund.

    Udgangskode 0: ingen fejl. 1: en kontrol fejlede (afvigelse). 2: en fil kunne ikke bruges.
    """
    from tilsynstakst.fund import udgangskode
    from tilsynstakst.kontrol import tjek as tjek_filer

    kontrol = tjek_filer(stier or [Path("budgets")])
    if format is Kontrolformat.json:
        from tilsynstakst.render.kontrolrapport import kontrol_json

        typer.echo(kontrol_json(kontrol, streng), nl=False)
    else:
        from tilsynstakst.render.kontrolrapport import vis_kontrol

        vis_kontrol(kontrol, _konsol(), streng)
    raise typer.Exit(udgangskode(kontrol.fund, streng))


def _konsol():  # type: ignore[no-untyped-def]
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:  # i en fil eller et rør: ingen ombrydning ved 80 tegn
        console = Console(highlight=False, width=200)
    return console


class Skema(str, Enum):
    budget = "budget"
    pl_indeks = "pl-indeks"


@app.command()
def skema(
    hvilket: Annotated[Skema, typer.Argument(help="budget (AAAA.toml) eller pl-indeks.")] = Skema.budget,
) -> None:
    """Skriv JSON Schema for en budgetfil, så editoren kan tjekke filen, mens der skrives."""
    from tilsynstakst.skema import skema_json

    typer.echo(skema_json(hvilket.value), nl=False)


def main() -> None:
    # Typer indlæser først sine hjælpe-moduler (120 ms), når hjælpen vises; gør det samme.
    if len(sys.argv) < 2 or {"-h", "--help"} & set(sys.argv[1:]):
        _dansk_hjaelp()
    app()
