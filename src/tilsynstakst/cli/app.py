"""Kommandolinjen: læser valg, kalder biblioteket og oversætter fejl til udgangskoder.

0: alt i orden. 1: kontrollen fandt problemer. 2: input kunne ikke bruges (også uddata, der ikke
kan skrives). 3: en fejl i programmet selv (én linje; TILSYNSTAKST_DEBUG=1 viser tracebacken).
Tunge moduler (pydantic, rich-tabeller) indlæses først i den kommando, der bruger dem.
"""

import os
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tilsynstakst import __version__
from tilsynstakst.beregning.fordeling import Afrundingsmetode as Afrunding
from tilsynstakst.fund import KODE_INPUT  # fund er let (ingen pydantic)
from tilsynstakst.visning.render import Format

KODE_INTERN = 3  # en fejl i programmet selv (aldrig en traceback, aldrig forvekslet med 1)
KODE_AFBRUDT = 130  # Ctrl-C: 128 + SIGINT, som en shell venter det






app = typer.Typer(
    name="tilsynstakst",
    help="Takstberegner for socialtilsynets budget: objektiv finansiering, takster og timepris.",
    add_completion=False,
    no_args_is_help=True,
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
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
    """Hvert fund på sin egen linje, hver linje begynder med 'Fejl:' (til grep og CI)."""
    _meld("Fejl: ", besked.split("\n"))
    return typer.Exit(kode)


def _meld(foran: str, linjer: Iterable[object], err: bool = True,
          haeng: int | None = None) -> None:
    """Beskeder med ``foran``: på en terminal brudt i dens bredde og rykket ind under teksten
    (eller ``haeng`` ud over linjens egen indrykning), til en fil eller et rør én linje hver."""
    from tilsynstakst.visning.render.prosa import skriv

    skriv([f"{foran}{linje}" for linje in linjer], len(foran) if haeng is None else haeng, err)


def _sig(tekst: str) -> None:
    """En linje til brugeren på standard-ud, på en terminal brudt i dens bredde (som ``_meld``)."""
    _meld("", [tekst], err=False, haeng=2)


# Argumenter og tilvalg, som beregn og notat deler.
Aar = Annotated[int, typer.Argument(help="Budgetåret, fx 2024.", min=2000, max=2100,
                                    metavar="AAR", show_default=False)]
Budgetmappe = Annotated[
    Path, typer.Option("--budgetmappe", "-b", envvar="TILSYNSTAKST_BUDGETMAPPE", metavar="MAPPE",
                       readable=False,  # programmet siger det selv, på dansk (budgetfil.laes)
                       help="Mappen med AAAA.toml og pl-indeks.toml."),
]
AfrundingValg = Annotated[
    Afrunding,
    typer.Option(case_sensitive=False,
                 help="Fordeling af den objektive finansiering: største brøkdel (summer "
                      "præcis til budgettet) eller simpel afrunding pr. kommune."),
]
Overskriv = Annotated[bool, typer.Option("--overskriv", help="Erstat --output, hvis filen findes.")]


def _output(hjaelp: str):  # type: ignore[no-untyped-def]
    # Som tekst, ikke Path: "mappe/" skal kunne ses som en mappe (output.uddatasti).
    return Annotated[str | None, typer.Option("--output", "-o", metavar="FIL", help=hjaelp,
                                              show_default=False)]


Saet = Annotated[
    list[str] | None,
    typer.Option("--saet", metavar="NØGLE=VÆRDI", show_default=False,
                 help="Ændr én værdi i årets fil for denne kørsel (et scenarie), fx "
                      "normtimer.tilsyn=66. Kan gentages."),
]
Scenarievalg = Annotated[
    list[str] | None,
    typer.Option("--scenarie", "-s", metavar="NAVN", show_default=False,
                 help="Brug scenariet NAVN.toml i mappen scenarier i budgetmappen. Kan "
                      "gentages."),
]
FormatValg = Annotated[
    Format | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="tabel (terminal), json, markdown, csv, xlsx, html. Standard: efter endelsen på "
             "--output (.txt, .json, .md, .csv, .xlsx, .html), ellers tabel.")
]
Uddata = _output("Skriv til denne fil (atomisk) i stedet for skærmen; endelsen vælger formatet.")


@app.command()
def beregn(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    afrunding: AfrundingValg = Afrunding.STOERSTE_REST,
    format: FormatValg = None,
    output: Uddata = None,
    overskriv: Overskriv = False,
    saet: Saet = None,
    scenarie: Scenarievalg = None,
) -> None:
    """Beregn budgetårets tabeller, med året før i budgetårets priser."""
    from tilsynstakst.visning.tabeller import rapportvisning

    valg = _uddata(format, output)
    beregning = _beregn(budgetmappe, aar, afrunding, _scenarie(budgetmappe, aar, scenarie, saet))
    _vis(rapportvisning(beregning.rapport), valg, overskriv,
         _kilde(budgetmappe, beregning.rapport))


def _uddata(format: Format | None, output: str | None) -> tuple[str, Path | None]:
    """Formatet og filen, før der regnes: --format, ellers filens endelse (issue 11)."""
    from tilsynstakst.visning.render.formater import vaelg_format

    fil = None
    if output is not None:
        from tilsynstakst.budgetfil.skriv import uddatasti

        fil = _kald(uddatasti, output, "tal.xlsx")
    return _kald(vaelg_format, format, fil), fil


WORD = "docx"  # et Word-dokument: ikke et format for enhver visning (oversigt, takstblad)


def _word_eller_uddata(format: Format | None, output: str | None,
                       standard: str) -> tuple[str, Path | None]:
    """Som ``_uddata``, men en fil, der ender på .docx, er et Word-dokument (``WORD``); et
    ``--format`` ved siden af den er en fejl, der nævner begge."""
    if output is None or not output.lower().endswith(".docx"):
        return _uddata(format, output)
    if format is not None:
        raise _fejl(f"{output}: --format {format.value} passer ikke til endelsen .docx (Word); "
                    "ret endelsen, eller udelad --format")
    from tilsynstakst.budgetfil.skriv import uddatasti

    return WORD, _kald(uddatasti, output, standard)


def _word(gengiv, indhold) -> bytes:  # type: ignore[no-untyped-def]
    """Et Word-dokument; mangler ekstraen notat, siges det med installationen (kode 2)."""
    from tilsynstakst.visning.render.notat_docx import ManglerEkstra

    try:
        return gengiv(indhold)  # type: ignore[no-any-return]
    except ManglerEkstra as e:
        raise _fejl(str(e)) from None


def _kilde(budgetmappe: Path, rapport) -> str:  # type: ignore[no-untyped-def]
    """Budgetfilerne, tallene er regnet af: årets og (vises det) året førs."""
    from tilsynstakst.budgetfil.laes import budgetfil

    nu = rapport.budgetaar.aar
    stier = [budgetfil(budgetmappe, nu)] + ([budgetfil(budgetmappe, nu - 1)]
                                            if rapport.forrige_aar is not None else [])
    return " og ".join(map(str, stier))


def _vis(visning, valg: tuple[str, Path | None], overskriv: bool, kilde: str = "") -> None:  # type: ignore[no-untyped-def]
    """En visning på skærmen (tekst i terminalens bredde) eller i et format; ``kilde``: filerne,
    tallene kommer fra (et regnearks faneblade siger det)."""
    if kilde:
        from dataclasses import replace

        visning = replace(visning, kilde=kilde)
    format, output = valg
    if format == Format.TABEL and output is None:
        from tilsynstakst.visning.render.terminal import tekst

        _paa_skaermen(tekst, visning)
        return
    from tilsynstakst.visning.render.formater import gengiv

    _udskriv(gengiv(visning, format), output, overskriv, binaer=format == Format.XLSX)


def _scenarie(budgetmappe: Path, aar: int, navne: list[str] | None, saet: list[str] | None):  # type: ignore[no-untyped-def]
    """Scenariefilerne og ``--saet`` samlet til ét scenarie (``None``: intet scenarie)."""
    if not navne and not saet:
        return None
    from tilsynstakst.budgetfil.scenarie import find_scenarie, laes_saet, saml

    return _kald(lambda: saml([find_scenarie(budgetmappe, n, aar) for n in navne or []],
                              [a for s in saet or [] for a in laes_saet(s)]))


def _kald(funktion, *args):  # type: ignore[no-untyped-def]
    """Kald biblioteket; en ``Inputfejl`` bliver til 'Fejl: …' og kode 2."""
    from tilsynstakst.fund import Inputfejl

    try:
        return funktion(*args)
    except Inputfejl as e:
        raise _fejl(str(e)) from None


def _beregn(budgetmappe: Path, aar: int, afrunding: Afrunding, scenarie=None):  # type: ignore[no-untyped-def]
    """Beregn året; hvert fund om de viste år vises som en advarsel før tallene (docs/aaret.md)."""
    from tilsynstakst.aaret.gennemloeb import beregn as beregn_aar

    beregning = _kald(beregn_aar, budgetmappe, aar, afrunding.value, scenarie)
    _advar(beregning.fund)
    return beregning


def _advar(fund) -> None:  # type: ignore[no-untyped-def]
    if fund:
        _meld("Advarsel: ", fund)


def _med_fund(beregning, *args):  # type: ignore[no-untyped-def]
    """Kald en beregning, der giver (resultat, fund): fundene vises som advarsler før tallene
    (docs/aaret.md)."""
    resultat, fund = _kald(beregning, *args)
    _advar(fund)
    return resultat


def _udskriv(data: bytes, output: Path | None, overskriv: bool, binaer: bool = False) -> None:
    """Til filen (atomisk, uden at overskrive) eller til standard-ud som de bytes, de er (JSON,
    CSV og Markdown er UTF-8, hvad konsollens tegnsæt end er)."""
    if output is not None:
        from tilsynstakst.budgetfil.skriv import skriv_fil

        _kald(skriv_fil, output, data, overskriv)
        from tilsynstakst.tal import tal

        _meld("", [f"Skrev {output} ({tal(len(data))} byte)."])  # filnavnet med synlige koder
    elif binaer and sys.stdout.isatty():
        raise _fejl("formatet er binært; angiv --output FIL eller send det videre med > FIL")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@app.command()
def notat(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    afrunding: AfrundingValg = Afrunding.STOERSTE_REST,
    output: _output("FIL.md, FIL.html (en side til skærmen) eller FIL.docx (Word kræver den "
                    "valgfri ekstra notat); uden: som tekst på skærmen, som Markdown i en fil "
                    "eller et rør (> notat.md).") = None,
    overskriv: Overskriv = False,
    saet: Saet = None,
    scenarie: Scenarievalg = None,
) -> None:
    """Skriv budgetnotatet: resumé af tallene, alle tabeller, forudsætninger og kilder."""
    from tilsynstakst.visning.notat import lav_notat
    from tilsynstakst.budgetfil.skriv import uddatasti

    fil = _kald(uddatasti, output, f"notat-{aar}.docx") if output is not None else None
    endelse = fil.suffix.lower() if fil else ".md"
    if endelse not in (".md", ".docx", ".html", ".htm"):
        raise _fejl(f"{fil}: notatet skrives som .md, .docx eller .html, ikke "
                    f"{endelse or 'uden endelse'}")
    b = _beregn(budgetmappe, aar, afrunding, _scenarie(budgetmappe, aar, scenarie, saet))
    indhold = lav_notat(b.rapport, b.budget, b.fund)
    if endelse == ".docx":
        from tilsynstakst.visning.render.notat_docx import notat_docx

        data = _word(notat_docx, indhold)
    elif endelse in (".html", ".htm"):
        from tilsynstakst.visning.render.html import side_html

        data = side_html(indhold).encode()
    elif fil is None and sys.stdout.isatty():  # på skærmen: som tekst i terminalens bredde
        from tilsynstakst.visning.render.notat_tekst import notat_tekst

        _paa_skaermen(notat_tekst, indhold)
        return
    else:
        from tilsynstakst.visning.render.notat_md import notat_markdown

        data = notat_markdown(indhold).encode()
    _udskriv(data, fil, overskriv)


@app.command()
def takstblad(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    format: FormatValg = None,
    output: Uddata = None,
    overskriv: Overskriv = False,
) -> None:
    """Vis takstbladet til tilbuddene: pr. takstgruppe den årlige tilsynstakst, skærpet tilsyn pr.
    påbegyndt måned, nygodkendelse og væsentlig ændring, med BPA også BPA-taksterne og
    timeprisen, og hvornår hver takst opkræves (socialtilsynsbekendtgørelsen §§ 32-33).
    -o takstblad.html giver en side til tilsynets hjemmeside, -o takstblad.docx én A4-side."""
    valg = _word_eller_uddata(format, output, f"takstblad-{aar}.docx")
    beregning = _beregn(budgetmappe, aar, Afrunding.STOERSTE_REST)
    if valg[0] in (WORD, Format.HTML):  # en side med taksterne, opkrævningen og hjemmelen
        from tilsynstakst.visning.side import takstside

        side = takstside(beregning.rapport, aaret_foer=valg[0] != WORD)  # Word: ét A4-blad
        if valg[0] == WORD:
            from tilsynstakst.visning.render.takstblad_docx import takstblad_docx

            data = _word(takstblad_docx, side)
        else:
            from tilsynstakst.visning.render.html import side_html

            data = side_html(side).encode()
        _udskriv(data, valg[1], overskriv)
        return
    from tilsynstakst.visning.tabeller import takstbladvisning

    _vis(takstbladvisning(beregning.rapport), valg, overskriv,
         _kilde(budgetmappe, beregning.rapport))


@app.command()
def regnskab(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    format: FormatValg = None,
    output: Uddata = None,
    overskriv: Overskriv = False,
) -> None:
    """Vis regnskabet (regnskab/AAR.toml) mod årets budget: indtægter, omkostninger og resultat
    pr. afdeling, afvigelsen pr. aktivitet og takstgruppe, posterne og det overførte resultat."""
    from tilsynstakst.aaret.regnskab import beregn as beregn_regnskab
    from tilsynstakst.visning.regnskab import regnskabsvisning

    valg = _uddata(format, output)
    _vis(regnskabsvisning(_kald(beregn_regnskab, budgetmappe, aar)), valg, overskriv)


@app.command()
def oversigt(
    aar: Aar,
    mapper: Annotated[list[Path], typer.Argument(
        metavar="MAPPE...", readable=False, show_default=False,
        help="Én budgetmappe pr. socialtilsyn (AAAA.toml og pl-indeks.toml), fx budgets; "
             "tilsynet står i filen, og oversigten ordner dem Nord, Midt, Syd, Øst, "
             "Hovedstaden.")],
    format: FormatValg = None,
    output: _output("Skriv til denne fil (atomisk) i stedet for skærmen; endelsen vælger "
                    "formatet, og .docx giver tabellerne som bilag til notatet (Word kræver "
                    "den valgfri ekstra notat).") = None,
    overskriv: Overskriv = False,
) -> None:
    """Vis landsoversigten over socialtilsynenes takster: Tabel 1 (objektiv finansiering og
    plejefamilier) og Tabel 2a-2e (takster, tilbud pr. takstkategori og ændringen i pct.), for
    budgetåret og året før i budgetårets priser."""
    from tilsynstakst.aaret.oversigt import beregn_oversigt
    from tilsynstakst.visning.oversigt import oversigtsvisning

    valg = _word_eller_uddata(format, output, "oversigt.docx")
    o = _kald(beregn_oversigt, aar, mapper)
    _advar(o.fund)
    visning = oversigtsvisning(o.oversigt, o.mapper, o.rapporter)
    if valg[0] != WORD:
        _vis(visning, valg, overskriv)
        return
    from tilsynstakst.visning.side import som_notat
    from tilsynstakst.visning.render.notat_docx import notat_docx

    _udskriv(_word(notat_docx, som_notat(visning)), valg[1], overskriv)


@app.command()
def scenarie(
    aar: Aar,
    navne: Annotated[list[str] | None, typer.Argument(
        metavar="NAVN...", show_default=False,
        help="Scenarier (NAVN.toml i mappen scenarier i budgetmappen); flere lægges sammen.")]
    = None,
    budgetmappe: Budgetmappe = Path("budgets"),
    afrunding: AfrundingValg = Afrunding.STOERSTE_REST,
    saet: Saet = None,
    format: FormatValg = None,
    output: Uddata = None,
    overskriv: Overskriv = False,
) -> None:
    """Vis budgetåret og et scenarie side om side: takster, timepris (og BPA, hvor der er BPA),
    omkostningsdækning, objektiv finansiering og gennemsnitspris, med forskellen i kr. og pct."""
    from tilsynstakst.visning.scenarietabeller import scenarievisning
    from tilsynstakst.aaret.gennemloeb import beregn_scenarie

    valg = _uddata(format, output)
    valgt = _scenarie(budgetmappe, aar, navne, saet)
    if valgt is None:
        raise _fejl("angiv et scenarie: NAVN (en fil i scenarier/) eller --saet NØGLE=VÆRDI")
    resultat = _med_fund(beregn_scenarie, budgetmappe, aar, afrunding.value, valgt)
    _vis(scenarievisning(resultat), valg, overskriv, resultat.scenarie.fil)


@app.command()
def foelsomhed(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    afrunding: AfrundingValg = Afrunding.STOERSTE_REST,
    format: FormatValg = None,
    output: Uddata = None,
    overskriv: Overskriv = False,
) -> None:
    """Vis, hvad én ændring ad gangen gør ved tilsynstaksterne, timeprisen og gennemsnitsprisen:
    et tilbud mere, ti væsentlige ændringer mere, 100.000 kr. mere, en normtime mere, en
    plejefamilie mere."""
    from tilsynstakst.visning.scenarietabeller import foelsomhedsvisning
    from tilsynstakst.aaret.gennemloeb import beregn_foelsomhed

    valg = _uddata(format, output)
    resultat = _med_fund(beregn_foelsomhed, budgetmappe, aar, afrunding.value)
    _vis(foelsomhedsvisning(resultat), valg, overskriv, resultat.fil)


@app.command()
def forklar(
    aar: Aar,
    noegle: Annotated[str | None, typer.Argument(
        metavar="NØGLE", show_default=False,
        help="Tallets sti i beregn --format json, fx budgetaar.takster.tilsyn.2 (tilsynstaksten "
             "i takstgruppe 3), en kommune ved navn: budgetaar.finansiering.Læsø. Uden: alle tal "
             "med deres nøgle.")] = None,
    budgetmappe: Budgetmappe = Path("budgets"),
    afrunding: AfrundingValg = Afrunding.STOERSTE_REST,
    saet: Saet = None,
    scenarie: Scenarievalg = None,
) -> None:
    """Forklar et tal trin for trin: regnestykket og reglen ved hvert trin, ned til tallene i
    budgetfilen med fil og linje."""
    from tilsynstakst.aaret.gennemloeb import forklar as forklar_tal
    from tilsynstakst.visning.tabeller import genberegnet, scenarielinje

    if noegle is not None and noegle.startswith("regnskab."):  # et tal i regnskabet (issue 24)
        from tilsynstakst.aaret.regnskab import forklar as forklar_regnskab

        _, linjer = _kald(forklar_regnskab, budgetmappe, aar, noegle)
        _meld("", linjer, err=False, haeng=4)
        return
    valgt = _scenarie(budgetmappe, aar, scenarie, saet)
    f = _kald(forklar_tal, budgetmappe, aar, afrunding.value, noegle, valgt)
    _advar(f.beregning.fund)
    r = f.beregning.rapport
    if r.scenarie:
        _meld("", [scenarielinje(r.scenarie)], err=False)
    if noegle is None:
        from tilsynstakst.kommando import kommando

        _meld("", [f"Alle tal i beregningen af {r.tilsyn}s budget {aar} med deres nøgle; "
                   f"forklar et af dem med: {kommando('forklar', aar, mappe=budgetmappe)} NØGLE"],
              err=False)
    if (f.noegle or "forrige_aar.").startswith("forrige_aar.") and (
            linje := genberegnet(r, bpa=r.budgetaar.har_bpa and "bpa" in (f.noegle or "bpa"))):
        _meld("", [f"forrige_aar: {linje}"], err=False)  # regnet igen, ikke × PL (issue 19)
    _meld("", f.linjer, err=False, haeng=4)  # længere inde end trinets led (2)


PL = Annotated[
    str | None,
    typer.Option("--pl", metavar="PCT", show_default=False,
                 help="Pris- og lønfremskrivningen fra året før i procent, fx 3,2; tilføjer "
                      "året til pl-indeks.toml. Uden: indekset skal have året."),
]
BekraeftPL = Annotated[
    bool, typer.Option("--bekraeft-pl", help="Brug en PL, der ligner en faktor (1,032) eller en "
                                             "brøk (0,032) eller er usædvanlig, som den står.")
]


@app.command()
def ny(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    pl: PL = None,
    bekraeft_pl: BekraeftPL = False,
    overskriv: Annotated[
        bool, typer.Option("--overskriv", help="Erstat AAR.toml, hvis den er et uberørt udkast "
                                                "fra ny (en rettet fil erstattes aldrig).")
    ] = False,
) -> None:
    """Start et nyt budgetår: AAR.toml som udkast fra året før, med beløbene × PL."""
    from datetime import date

    from tilsynstakst.aaret.nyt_aar import faktortekst, opret, pl_procent
    from tilsynstakst.tal import tal

    pct = _kald(pl_procent, pl, bekraeft_pl) if pl is not None else None
    nyt = _kald(opret, budgetmappe, aar, pct, overskriv, date.today())
    f = faktortekst(nyt.faktor)
    if nyt.tilfoejet is not None:
        _sig(f"Tilføjede {aar} = {nyt.tilfoejet} til {budgetmappe / 'pl-indeks.toml'}.")
    _sig(f"Skrev {nyt.sti}: et udkast fra {aar - 1}.toml, beløbene × PL-faktoren {f}.")
    if (o := nyt.tilbagelagt) is not None:
        _sig(f"Det overførte {'overskud' if o.beloeb > 0 else 'underskud'} fra regnskab "
                   f"{o.regnskabsaar} ({tal(abs(o.beloeb))} kr.) var en engangspost i "
                   f"{aar - 1}: det er lagt tilbage i hver afdeling før PL."
                   + ("" if nyt.beslutning else f" {aar} har intet overført resultat, før et "
                      "skrives i [overfoert_resultat]."))
    if (b := nyt.beslutning) is not None:  # issue 24: beslutningen i regnskabet
        _sig(f"Skrev [overfoert_resultat] fra beslutningen i {b.fil}: {tal(abs(b.beloeb))} kr. "
             f"{'overskud' if b.beloeb > 0 else 'underskud'} fra regnskab {b.regnskabsaar}"
             + (", trukket fra hver afdelings budget." if b.dele else
                "; beslutningen fordeler det ikke på afdelingerne, så skriv delene og træk dem "
                "fra afdelingernes budget."))
    if nyt.fra_udkast:
        _sig(f"Bemærk: {aar - 1}.toml er selv et udkast; dens tal er ikke gennemgået.")
    from tilsynstakst.kommando import kommando

    _sig(f"Næste skridt: {kommando('befolkning', aar, '--hent', mappe=budgetmappe)} "
               f"(uden netværk: --fra-csv FIL i stedet for --hent); ret beløb, antal og "
               f"normtimer og hver kilde 'UDKAST: …'; {kommando('tjek', mappe=budgetmappe)}")


@app.command("pl")
def ret_pl(
    aar: Aar,
    pct: Annotated[str, typer.Argument(metavar="PCT", show_default=False,
                                       help="Den nye pris- og lønfremskrivning fra året før i "
                                            "procent, fx 3,5.")],
    budgetmappe: Budgetmappe = Path("budgets"),
    bekraeft_pl: BekraeftPL = False,
) -> None:
    """Ret PL for AAR i pl-indeks.toml og omregn hvert beløb i AAR.toml, der stadig er
    udkastets (mærket UDKAST: grundlag × faktor), med kommentarerne."""
    from datetime import date

    from tilsynstakst.aaret.nyt_aar import faktortekst, pl_procent, ret_pl as ret
    from tilsynstakst.tal import tal

    ny_pct = _kald(pl_procent, pct, bekraeft_pl, "PCT")
    r = _kald(ret, budgetmappe, aar, ny_pct, date.today())
    if r.nyt == r.gammelt:
        _sig(f"PL-indekset har allerede {aar} = {r.nyt} (PL {tal(ny_pct)} %); intet ændret.")
        return
    _sig(f"Rettede {aar} = {r.gammelt} til {r.nyt} i {r.pl_sti} (PL {tal(ny_pct)} %); "
               f"PL-faktoren er {faktortekst(r.faktor_til)}, var {faktortekst(r.faktor_fra)}.")
    if r.budget_sti is None:
        _sig(f"{aar}.toml findes ikke endnu; kun indekset er rettet.")
        return
    omregnet = [b for b in r.beloeb if b.til is not None]
    _sig(f"Omregnede {len(omregnet)} beløb i {r.budget_sti}:")
    for b in omregnet:
        _sig(f"  {b.noegle} (linje {b.linje}): {tal(b.fra)} → {tal(b.til)} "
                   f"({tal(b.grundlag)} × {faktortekst(r.faktor_til)})")
    for b in r.beloeb:
        if b.til is None:
            _sig(f"Ikke omregnet: {b.noegle} (linje {b.linje}) = {tal(b.fra)} er rettet "
                       f"efter udkastet ({tal(b.grundlag)} × {faktortekst(r.faktor_fra)} = "
                       f"{tal(b.udkast)}); ret det selv, hvis PL'en "
                       "skal med.")


@app.command()
def befolkning(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    hent: Annotated[bool, typer.Option("--hent", help="Hent fra Danmarks Statistiks API "
                                       "(eller $TILSYNSTAKST_DST_URL).")] = False,
    fra_csv: Annotated[Path | None, typer.Option(
        "--fra-csv", metavar="FIL", show_default=False,
        help="Læs en CSV, der er gemt fra Danmarks Statistik (adressen: --url).")] = None,
    url: Annotated[bool, typer.Option("--url", help="Vis adressen til CSV'en for filens "
                                      "kommuner, til en browser, og slut.")] = False,
) -> None:
    """Udfyld befolkningen i AAR.toml: 0-17-årige pr. kommune i 2. kvartal året før (FOLK1A)."""
    from datetime import date

    from tilsynstakst.kommando import kommando

    if hent + (fra_csv is not None) + url != 1:
        raise _fejl("angiv præcis én af --hent, --fra-csv FIL og --url, fx "
                    f"{kommando('befolkning', aar, '--hent', mappe=budgetmappe)}")
    from tilsynstakst.dst.befolkning import adresse, udfyld

    if url:
        typer.echo(_kald(adresse, budgetmappe, aar))
        return
    u = _kald(udfyld, budgetmappe, aar, fra_csv, date.today())
    from tilsynstakst.tal import tal

    _sig(f"Skrev [befolkning] i {u.sti}: {tal(sum(u.antal.values()))} 0-17-årige i "
               f"{len(u.antal)} kommuner, {aar - 1}K2.")
    if u.tilfoejet:
        _sig(f"Tilføjede {', '.join(u.tilfoejet)}: {u.tilsyn}s område "
             f"(socialtilsynsloven § 2, stk. 2-3), som filen manglede.")
    _sig(f"Næste skridt: {kommando('tjek', mappe=budgetmappe)}; "
               f"{kommando('beregn', aar, mappe=budgetmappe)}")


class Kontrolformat(str, Enum):
    tabel = "tabel"
    tekst = "tekst"  # det gamle navn for tabel, som alle andre kommandoer kalder det
    json = "json"


@app.command()
def tjek(
    stier: Annotated[
        list[Path] | None,
        typer.Argument(help="Budgetfiler og mapper, der skal tjekkes (standard: budgets).",
                       metavar="STI...", readable=False,
                       show_default=False),
    ] = None,
    format: Annotated[
        Kontrolformat,
        typer.Option("--format", "-f", case_sensitive=False,
                     help="tabel (eller tekst): rapport pr. fil. json: alle fund som én liste."),
    ] = Kontrolformat.tabel,
    streng: Annotated[
        bool, typer.Option("--streng", help="Afrundingsforskelle og advarsler fejler også.")
    ] = False,
) -> None:
    """Tjek budgetfiler og PL-indeks: validér, afstem de offentliggjorte tal, meld hvert fund.

    Udgangskode 0: ingen fejl. 1: en kontrol fejlede (afvigelse). 2: en fil kunne ikke bruges.
    3: en fejl i programmet selv.
    """
    from tilsynstakst.fund import udgangskode
    from tilsynstakst.aaret.tjek import tjek as tjek_filer

    kontrol = tjek_filer(stier or [Path("budgets")])
    if format is Kontrolformat.json:
        from tilsynstakst.visning.render.kontrolrapport import kontrol_json

        _udskriv(kontrol_json(kontrol, streng).encode(), None, False)
    else:
        from tilsynstakst.visning.render.kontrolrapport import vis_kontrol

        vis_kontrol(kontrol, streng)
    raise typer.Exit(udgangskode(kontrol.fund, streng))


@app.command()
def kalibrer(
    aar: Aar,
    budgetmappe: Budgetmappe = Path("budgets"),
    format: Annotated[
        Kontrolformat,
        typer.Option("--format", "-f", case_sensitive=False,
                     help="tabel (eller tekst): værdierne og linjerne til budgetfilen. json: det "
                          "hele med faste nøgler."),
    ] = Kontrolformat.tabel,
) -> None:
    """Find de værdier, kilderne ikke offentliggør (normtimer, tilbudsafdelingens budget), som
    filens kalibreret nævner, så modellen giver de offentliggjorte takster og timepriser; vis dem
    med intervallet af gyldige værdier og som linjer til budgetfilen (filen skrives ikke).

    Udgangskode 0: alle offentliggjorte tal gengives.
    1: et slip i kilden, eller filens øvrige tal (fx budgettet) kan ikke give dem.
    2: en fil kunne ikke bruges, eller der er intet at kalibrere.
    """
    from tilsynstakst.aaret.kalibrering import kalibrer as kalibrer_aar

    k = _kald(kalibrer_aar, budgetmappe, aar)
    if format is Kontrolformat.json:
        from tilsynstakst.jsondata import dump
        from tilsynstakst.visning.kalibrering import kalibrering_data

        _udskriv((dump(kalibrering_data(k)) + "\n").encode(), None, False)
    else:
        from tilsynstakst.visning.kalibrering import kalibreringsvisning
        from tilsynstakst.visning.render.prosa import skriv

        for blok in kalibreringsvisning(k, budgetmappe):
            if blok.toml:  # som linjerne skal stå i filen: aldrig brudt i terminalens bredde
                sys.stdout.write("".join(f"{linje}\n" for linje in blok.linjer))
                sys.stdout.flush()
            else:
                skriv(blok.linjer, haeng=blok.haeng)
    kal = k.kalibrering
    raise typer.Exit(0 if kal.gengivet and not kal.slip else 1)


def _paa_skaermen(gengiv, indhold) -> None:  # type: ignore[no-untyped-def]
    """Skriv en visning eller et notat som tekst (``gengiv(indhold, bredde, fed)``) i terminalens
    bredde og tegnsæt."""
    from tilsynstakst.visning.render.prosa import i_tegnsaet

    tegnsaet = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.write(gengiv(i_tegnsaet(indhold, tegnsaet), *_terminal()))


def _terminal() -> tuple[int, bool]:
    """Bredden og om titler kan stå med fed skrift: en terminals (``prosa.terminal``), ellers
    200 tegn, så en fil eller et rør ikke brydes ved 80."""
    from tilsynstakst.visning.render.prosa import terminal

    return terminal(sys.stdout) or (200, False)


class Skema(str, Enum):
    budget = "budget"
    pl_indeks = "pl-indeks"
    regnskab = "regnskab"


@app.command()
def skema(
    hvilket: Annotated[Skema, typer.Argument(
        help="budget (AAAA.toml), pl-indeks eller regnskab (regnskab/AAAA.toml).",
        metavar="HVILKET",
        case_sensitive=False)] = Skema.budget,
) -> None:
    """Skriv JSON Schema for en budgetfil, så editoren kan tjekke filen, mens der skrives."""
    from tilsynstakst.budgetfil.jsonskema import skema_json

    _udskriv(skema_json(hvilket.value).encode(), None, False)


def _koer() -> int:
    """Kør kommandoen; en brugsfejl (manglende argument, ukendt tilvalg, ugyldig værdi) bliver
    én dansk linje og kode 2 (dansk_cli), ikke Typers engelske fejlpanel."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    try:
        kode = app(prog_name="tilsynstakst", standalone_mode=False)
    except NoArgsIsHelpError:  # hjælpen er allerede vist
        return KODE_INPUT
    except UsageError as e:
        from tilsynstakst.cli.dansk import brugsfejl

        _meld("", [brugsfejl(e)], haeng=len("Fejl: "))
        return KODE_INPUT
    except typer.Abort:  # EOF ved et spørgsmål (Click gør det til Abort)
        print("Afbrudt.", file=sys.stderr)
        return KODE_AFBRUDT
    if kode == KODE_AFBRUDT:  # Typer gør Ctrl-C i en kommando til Exit(130), uden et ord
        print("Afbrudt.", file=sys.stderr)
    return kode if isinstance(kode, int) else 0


def main() -> None:
    """Indgangen: strømmene sættes op, og uddata, der ikke kan skrives, er kode 2 (streams)."""
    from tilsynstakst.cli.streams import UdskriftFejl, afslut_udskrift, bortled_standard_ud, klargoer

    klargoer()
    # pydantic leder ellers efter plugins blandt alle installerede pakker, første gang en model
    # bygges (4 ms); Typer slår det selv fra for sine egne. Brugerens eget valg står.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    # Typer indlæser først sine hjælpe-moduler (120 ms), når hjælpen vises; gør det samme.
    if len(sys.argv) < 2 or {"-h", "--help"} & set(sys.argv[1:]):
        from tilsynstakst.cli.dansk import dansk_hjaelp, samlet_hjaelp

        dansk_hjaelp()
        samlet_hjaelp(app)
    try:
        try:
            kode = _koer()
        finally:
            afslut_udskrift()
        raise SystemExit(kode)
    except UdskriftFejl as e:
        bortled_standard_ud()
        _meld("Fejl: ", [e.besked])
        raise SystemExit(KODE_INPUT) from None
    except KeyboardInterrupt:  # Ctrl-C uden for kommandoen (fx mens modulerne indlæses)
        print("Afbrudt.", file=sys.stderr)
        raise SystemExit(KODE_AFBRUDT) from None
    except Exception as e:  # en fejl i programmet: én linje og kode 3, ikke en traceback med 1
        if os.environ.get("TILSYNSTAKST_DEBUG"):
            raise
        from tilsynstakst.fund import synlig

        print(f"Fejl: intern fejl i tilsynstakst ({type(e).__name__}: {synlig(str(e))[:200]}); "
              "det er en fejl i programmet, ikke i dine filer. Kør igen med "
              "TILSYNSTAKST_DEBUG=1 for detaljer, og meld fejlen.", file=sys.stderr)
        raise SystemExit(KODE_INTERN) from None
