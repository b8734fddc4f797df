"""Kommandolinjens egne beskeder på dansk: brugsfejl og hjælpens overskrifter.

Typer (0.26 og nyere) har sin egen kopi af Click, hvis fejlbeskeder er faste engelske strenge
uden gettext, så et oversættelseskatalog kan ikke nå dem. I stedet kører ``cli.main`` Typer med
``standalone_mode=False`` og oversætter her hver brugsfejl ud fra dens klasse og felter (og for en
ugyldig værdi ud fra pydantics fejltype), ikke ud fra den engelske tekst, hvor det kan lade sig
gøre. Modulet indlæses først, når der er en fejl at vise, eller hjælpen skal vises.
"""

import re
from typing import Any

from typer._click import exceptions as klik

from tilsynstakst.fund import synlig


def _navn(param: Any) -> str:
    """Et argument ved sin metavar (AAR), et tilvalg ved sine navne (--format/-f)."""
    if param is None:
        return "værdien"
    if param.param_type_name == "argument":
        return f"argumentet {param.metavar or param.name.upper()}"
    return "tilvalget " + "/".join(param.opts)


def _vaerdi(e: klik.BadParameter) -> str:
    """Hvad der er galt med en værdi, fra pydantics fejltype (Typer validerer med pydantic)."""
    fejl = getattr(e.__cause__, "errors", lambda: [])()
    if fejl:
        f = fejl[0]
        type_, ctx, inddata = f["type"], f.get("ctx") or {}, f.get("input")
        if type_ in ("int_parsing", "int_type", "int_from_float"):
            return f"skal være et helt tal, fik {synlig(repr(inddata))}"
        if type_ == "greater_than_equal":
            return f"skal være mindst {ctx['ge']}, fik {inddata}"
        if type_ == "less_than_equal":
            return f"må højst være {ctx['le']}, fik {inddata}"
        if type_ == "value_error" and (m := re.fullmatch(
                r"(.*) is not one of (.*)\.", str(ctx.get("error", "")), re.S)):
            valg = ", ".join(v.strip("'") for v in m.group(2).split(", "))
            return f"{synlig(m.group(1))} er ikke et af valgene {valg}"
    besked = e.message
    if m := re.fullmatch(r"\w+ (.*) is a directory\.", besked):
        return f"{synlig(m.group(1))} er en mappe, ikke en fil"
    if m := re.fullmatch(r"\w+ (.*) does not exist\.", besked):
        return f"{synlig(m.group(1))} findes ikke"
    return synlig(besked)


def besked(e: klik.UsageError) -> str:
    """Brugsfejlen på dansk, uden "Fejl:" foran."""
    if isinstance(e, klik.MissingParameter):
        return f"mangler {_navn(e.param)}"
    if isinstance(e, klik.BadParameter):
        return f"ugyldig værdi for {_navn(e.param)}: {_vaerdi(e)}"
    if isinstance(e, klik.NoSuchOption):
        forslag = sorted(e.possibilities or ())
        return (f"ukendt tilvalg {synlig(e.option_name)}"
                + (f"; mente du {' eller '.join(forslag)}?" if forslag else ""))
    if isinstance(e, klik.BadOptionUsage):
        if e.message.endswith("does not take a value."):
            return f"tilvalget {e.option_name} tager ingen værdi; skriv bare {e.option_name}"
        return f"tilvalget {e.option_name} skal have en værdi"
    if m := re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", e.message, re.S):
        return f"for mange argumenter: {synlig(m.group(1))}"
    if m := re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean '(.*)'\?)?", e.message,
                         re.S):
        return (f"ukendt kommando '{synlig(m.group(1))}'"
                + (f"; mente du '{m.group(2)}'?" if m.group(2) else ""))
    if e.message == "Missing command.":
        return "mangler en kommando"
    return synlig(e.message)


def brugsfejl(e: klik.UsageError) -> str:
    """Hele linjen: fejlen, kommandoens brug og hvor hjælpen er."""
    tekst = besked(e)
    linje = "Fejl: " + tekst + ("" if tekst.endswith(("?", ".")) else ".")
    if e.ctx is not None:
        dansk_brug()
        brug = e.ctx.get_usage().removeprefix(BRUG)
        linje += f" Brug: {brug}; hjælp: {e.ctx.command_path} -h"
    return linje


BRUG = "Brug: "
# Typers typer i hjælpen ("<int range>") på dansk; et valg (<tabel|json>) står, som det er.
TYPER = {"<int range>": "<heltal>", "<int>": "<heltal>", "<path>": "<sti>", "<file>": "<fil>",
         "<dir>": "<mappe>", "<text>": "<tekst>", "<str>": "<tekst>", "<bool>": None}


def dansk_brug() -> None:
    """Brugslinjen på dansk: "Brug:" og et påkrævet argument som AAR, ikke "Usage:" og {AAR}."""
    from typer import core
    from typer._click.formatting import HelpFormatter

    if getattr(HelpFormatter, "_dansk", False):
        return
    skriv = HelpFormatter.write_usage

    def write_usage(self, prog, args="", prefix=None):  # type: ignore[no-untyped-def]
        return skriv(self, prog, args, BRUG if prefix is None else prefix)

    def usage_display_name(self):  # type: ignore[no-untyped-def]
        return self.display_name_raw if self.required else f"[{self.display_name_raw}]"

    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    core.TyperArgument._usage_display_name = usage_display_name  # type: ignore[method-assign]
    HelpFormatter._dansk = True  # type: ignore[attr-defined]


def dansk_hjaelp() -> None:
    """Typers egne ord i hjælpen på dansk, ingen <bool> ved et flag."""
    from typer import core, rich_utils
    from typer._click.core import Command

    dansk_brug()
    if getattr(Command, "_dansk", False):
        return
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenter"
    rich_utils.OPTIONS_PANEL_TITLE = "Tilvalg"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandoer"
    rich_utils.ERRORS_PANEL_TITLE = "Fejl"
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.ENVVAR_STRING = "[miljøvariabel: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[påkrævet]"
    rich_utils.RICH_HELP = "Prøv [blue]'{command_path} {help_option}'[/] for hjælp."
    type_ = core._TyperParameter.display_type
    hjaelp = Command.get_help_option

    def dansk_type(self, ctx):  # type: ignore[no-untyped-def]
        vist = type_(self, ctx)
        if vist.startswith("<list["):  # en liste står som "NAVN..." i metavar
            return None
        return TYPER.get(vist, vist)

    def interval(mindst, hoejst):  # type: ignore[no-untyped-def]
        return None if mindst is None and hoejst is None else f"{mindst}-{hoejst}"

    def dansk_hjaelpetilvalg(self, ctx):  # type: ignore[no-untyped-def]
        tilvalg = hjaelp(self, ctx)
        if tilvalg is not None:
            tilvalg.help = "Vis denne hjælp og slut."
        return tilvalg

    core._TyperParameter.display_type = dansk_type  # type: ignore[method-assign]
    core.describe_number_range = interval  # "2000-2100", ikke "2000<=x<=2100"
    Command.get_help_option = dansk_hjaelpetilvalg  # type: ignore[method-assign]
    Command._dansk = True  # type: ignore[attr-defined]


def samlet_hjaelp(app: Any) -> None:
    """En kommandos docstring har linjeskift for kildekodens skyld; i hjælpen er det første
    afsnit én linje, som terminalen selv bryder."""
    for info in app.registered_commands:
        tekst = info.help or (info.callback.__doc__ if info.callback else None)
        if tekst:
            foerste, _, resten = tekst.strip().partition("\n\n")
            info.help = " ".join(foerste.split()) + (f"\n\n{resten}" if resten else "")
