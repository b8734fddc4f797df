"""Et nyt budgetår fra det forrige (DESIGN.md §8, juni): PL-indeksets nye år og udkastet til
budgetfilen. Rene funktioner; ``cli`` læser og skriver filerne (``redigering``).

Overført: tilsynet, kommunerne, antallene og deres fordeling på takstgrupper, normtimerne og
listen over kalibrerede værdier. Beløbene × PL-faktoren, afrundet til hele kroner (§4), som et
udgangspunkt; er budgettet bygget af poster, hver post × PL-faktoren og fordelingen af de
fælles poster, og totalerne udledes igen af dem. Ikke overført: de offentliggjorte tal og det indregnede resultat, der hører til ét
år, og kilderne: hver kilde siger, hvad den er overført fra, og begynder med ``UDKAST:``, så
``tjek``, ``beregn`` og ``notat`` melder filen som et udkast, indtil kilderne er udfyldt.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from decimal import Decimal, Inexact, localcontext
from fractions import Fraction
from typing import Any

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.money import decimaler, kroner
from tilsynstakst.sammenhaeng import UDKAST, er_udkast
from tilsynstakst.schema import PL_TRIN_MAKS, PL_TRIN_MIN, Budget, PLIndeks
from tilsynstakst.tal import procent, tal

_PCT = re.compile(r"\s*([+-]?\d{1,3}(?:[.,]\d{1,6})?)\s*%?\s*")


def pl_procent(tekst: str) -> Decimal:
    """``--pl 3,2`` (eller ``3.2`` eller ``3,2 %``): pris- og lønfremskrivningen i procent."""
    m = _PCT.fullmatch(tekst)
    if m is None:
        raise Inputfejl([Fund("--pl", f"skal være en procent som 3,2 eller 3.2, fik {tekst!r}")])
    pct = Decimal(m.group(1).replace(",", "."))
    if not PL_TRIN_MIN <= 1 + Fraction(pct) / 100 <= PL_TRIN_MAKS:
        raise Inputfejl([Fund("--pl", f"{tal(pct)} % er ikke en plausibel pris- og "
                              "lønfremskrivning (-20 til 25 %); --pl er procenten fra året før, "
                              "fx 3,2, ikke indekset eller faktoren")])
    return pct


def fremskrevet_indeks(forrige: Decimal, pct: Decimal) -> Decimal:
    """indeks[år] = indeks[år - 1] × (1 + PL/100), eksakt (104,45 × 1,032 = 107,7924)."""
    with localcontext() as ctx:
        ctx.prec, ctx.traps[Inexact] = 60, True
        vaerdi = forrige * (1 + pct / 100)
    return Decimal(format(vaerdi.normalize(), "f"))


def pl_for_aaret(pl: PLIndeks, aar: int, pct: Decimal | None, fil: str) -> Decimal | None:
    """Indekstallet, der skal tilføjes for ``aar`` (None: indekset har det allerede).

    Uden ``--pl`` skal indekset have året; med ``--pl`` må et år, der står der, ikke modsige det.
    """
    if aar - 1 not in pl.indeks:
        raise Inputfejl([Fund(fil, f"PL-indekset mangler {aar - 1}, som {aar} fremskrives fra",
                              noegle=f"indeks.{aar - 1}")])
    if pct is None:
        if aar in pl.indeks:
            return None
        raise Inputfejl([Fund(fil, f"PL-indekset har ikke {aar}; angiv pris- og "
                              f"lønfremskrivningen fra {aar - 1} til {aar} i procent, fx "
                              f"'tilsynstakst ny {aar} --pl 3,2'", noegle=f"indeks.{aar}")])
    ny = fremskrevet_indeks(pl.indeks[aar - 1], pct)
    if aar not in pl.indeks:
        return ny
    if pl.indeks[aar] == ny:
        return None
    har = Fraction(pl.indeks[aar]) / Fraction(pl.indeks[aar - 1]) - 1
    raise Inputfejl([Fund(fil, f"indekset har allerede {aar} = {pl.indeks[aar]} (en PL på "
                          f"{procent(decimaler(har * 100, 2))}), som --pl {tal(pct)} ville gøre "
                          f"til {ny}; ret {aar} i filen, eller udelad --pl",
                          noegle=f"indeks.{aar}")])


def pl_kommentar(fra: int, til: int, pct: Decimal, idag: date) -> str:
    return f"PL {fra}-{til} på {tal(pct)} % (tilsynstakst ny {til}, {idag.isoformat()})"


def _udkast(hvad: str, aar: int) -> str:
    return f"{UDKAST} {hvad}; skal gennemgås og erstattes af kilden til budget {aar}"


def budgetfil_tekst(forrige: Budget, aar: int, faktor: Fraction, idag: date,
                    skema: str | None = None) -> str:
    """Udkastet til ``aar``.toml fra året før, som TOML-tekst med en forklarende indledning.

    ``skema`` er det forrige års ``#:schema``-linje (Taplo), der står først, som den stod."""
    import tomlkit

    fra, f = f"{forrige.aar}.toml", tal(decimaler(faktor, 6).normalize())
    doc = tomlkit.document()
    indledning = [
        f"UDKAST til budget {aar} for {forrige.tilsyn}, i {aar}-priser.",
        f"Startet {idag.isoformat()} med 'tilsynstakst ny {aar}' fra {fra} og PL-faktoren {f}.",
        "Overført: kommunerne, antallene og fordelingen på takstgrupper, normtimerne og listen",
        f"over kalibrerede værdier; beløbene × {f}, afrundet til hele kroner (et udgangspunkt).",
        f"Ikke overført: [offentliggjort] og [overfoert_resultat], der hører til {forrige.aar}.",
        "Gennemgå: beløb, antal og normtimer, og erstat hver kilde, der begynder med 'UDKAST:',",
        f"med årets kilde. Befolkningen blev overført med kvartalet {forrige.befolkning.kvartal};",
        f"'tilsynstakst befolkning {aar} --hent' (eller --fra-csv) henter {aar - 1}K2. Til",
        "kilderne er udfyldt, melder 'tilsynstakst tjek', 'beregn' og 'notat' filen som et udkast.",
    ]
    for linje in indledning:
        doc.add(tomlkit.comment(linje))
    doc.add("aar", aar)
    doc.add("tilsyn", forrige.tilsyn)
    doc.add("kilde", _udkast(f"startet fra {fra} med tilsynstakst ny", aar))
    if forrige.kalibreret:
        liste = tomlkit.array()
        liste.extend(forrige.kalibreret)
        doc.add("kalibreret", liste.multiline(True))
    kalibreret = set(forrige.kalibreret)

    def vaerdi(tabel: Any, navn: str, v: Any, kommentar: str | None = None) -> None:
        item = tomlkit.value(format(v, "f")) if isinstance(v, Decimal) else tomlkit.item(v)
        if kommentar:
            item.comment(kommentar)
            item.trivia.comment_ws = "  "
        tabel.add(navn, item)

    def kal(sti: str) -> str | None:
        return f"kalibreret i {forrige.aar}" if sti in kalibreret else None

    b = tomlkit.table()
    b.add("kilde", _udkast(f"beløbene i {fra} × PL-faktoren {f}, afrundet til hele kr.", aar))
    if forrige.budget.poster:  # posterne × PL; totalerne udledes af dem (issue 13)
        if (ff := forrige.budget.faelles_fordeling) is not None:
            fordeling = tomlkit.table()
            for navn in ("tilbudsafdelingen", "plejefamilieafdelingen"):
                vaerdi(fordeling, navn, getattr(ff, navn))
            b.add("faelles_fordeling", fordeling)
        poster = tomlkit.aot()
        for p in forrige.budget.poster:
            post = tomlkit.table()
            post.add("post", p.post)
            vaerdi(post, "beloeb", int(kroner(Fraction(p.beloeb) * faktor)),
                   f"{UDKAST} {tal(p.beloeb)} × {f}")
            post.add("afdeling", p.afdeling)
            post.add("kilde", _udkast(f"posten i {fra} × PL-faktoren {f}", aar))
            poster.append(post)
        b.add("poster", poster)
    else:
        for navn in ("tilbudsafdelingen", "plejefamilieafdelingen"):
            gl = getattr(forrige.budget, navn)
            vaerdi(b, navn, int(kroner(Fraction(gl) * faktor)), f"{UDKAST} {tal(gl)} × {f}")
    doc.add("budget", b)

    a, antal = forrige.antal, tomlkit.table()
    antal.add("kilde", _udkast(f"antallene overført uændret fra {fra}", aar))
    for navn in type(a).model_fields:
        v = getattr(a, navn)
        if navn not in ("kilde", "pr_takstgruppe") and v is not None:
            vaerdi(antal, navn, v, kal(f"antal.{navn}"))
    grupper = tomlkit.table()
    for navn in type(a.pr_takstgruppe).model_fields:
        vaerdi(grupper, navn, list(getattr(a.pr_takstgruppe, navn)),
               kal("antal.pr_takstgruppe") or kal(f"antal.pr_takstgruppe.{navn}"))
    antal.add("pr_takstgruppe", grupper)
    doc.add("antal", antal)

    n = tomlkit.table()
    n.add("kilde", _udkast(f"normtimerne overført uændret fra {fra}", aar))
    for navn in type(forrige.normtimer).model_fields:
        if navn != "kilde":
            vaerdi(n, navn, getattr(forrige.normtimer, navn), kal(f"normtimer.{navn}"))
    doc.add("normtimer", n)

    befolkning, kommuner = tomlkit.table(), tomlkit.table()
    befolkning.add("kilde", _udkast(f"{forrige.befolkning.kvartal} overført fra {fra}; hent "
                                    f"{aar - 1}K2 med tilsynstakst befolkning {aar}", aar))
    befolkning.add("kvartal", forrige.befolkning.kvartal)
    for navn, antal_ in forrige.befolkning.kommuner.items():
        kommuner.add(navn, antal_)
    befolkning.add("kommuner", kommuner)
    doc.add("befolkning", befolkning)
    return (f"{skema}\n" if skema else "") + tomlkit.dumps(doc)


@dataclass(frozen=True)
class NytAar:
    sti: Path  # den nye budgetfil
    faktor: Fraction  # PL-faktoren fra året førs prisniveau
    tilfoejet: Decimal | None  # indekstallet, der blev tilføjet PL-indekset (None: stod der)
    fra_udkast: bool  # året før er selv et udkast


def opret(mappe: Path, aar: int, pct: Decimal | None, overskriv: bool, idag: date) -> NytAar:
    """Skriv ``mappe/aar.toml`` fra året før og (med ``pct``) tilføj året til PL-indekset.

    Alt kontrolleres, før noget skrives; kan budgetfilen ikke skrives, får PL-indekset sit gamle
    indhold igen.
    """
    from tilsynstakst.load import (PL_FILNAVN, budgetfil, budgetmappe, findes, fortolk_toml,
                                   laes_budget, laes_pl, valider)
    from tilsynstakst.output import FINDES, skriv_fil
    from tilsynstakst.redigering import gem, laes_dokument, tilfoej_indeks

    budgetmappe(mappe)
    ny_sti, gl_sti, pl_sti = budgetfil(mappe, aar), budgetfil(mappe, aar - 1), mappe / PL_FILNAVN
    if findes(ny_sti) and not overskriv:
        raise Inputfejl([Fund(str(ny_sti), FINDES)])
    if not findes(gl_sti):
        raise Inputfejl([Fund(str(gl_sti), f"filen findes ikke; 'ny {aar}' starter fra "
                              f"budgetfilen for {aar - 1}")])
    forrige, pl = laes_budget(gl_sti), laes_pl(mappe)
    tilfoejet = pl_for_aaret(pl, aar, pct, str(pl_sti))
    if tilfoejet is not None:
        assert pct is not None
        dokument, pl_original = laes_dokument(pl_sti)
        tilfoej_indeks(dokument, aar, tilfoejet, pl_kommentar(aar - 1, aar, pct, idag))
        indeks = dict(pl.indeks) | {aar: tilfoejet}
    else:
        dokument, indeks = None, pl.indeks
    # Fra de priser, det forrige års beløb står i (``prisniveau``, normalt året selv), til årets.
    if forrige.priser not in indeks:
        raise Inputfejl([Fund(str(pl_sti), f"PL-indekset mangler {forrige.priser}, som beløbene "
                              f"i {gl_sti.name} står i (prisniveau)",
                              noegle=f"indeks.{forrige.priser}")])
    faktor = Fraction(indeks[aar]) / Fraction(indeks[forrige.priser])
    foerste = gl_sti.read_bytes().decode("utf-8-sig").split("\n", 1)[0].rstrip("\r")
    tekst = budgetfil_tekst(forrige, aar, faktor, idag,
                            foerste if foerste.startswith("#:schema") else None)
    valider(Budget, fortolk_toml(tekst, str(ny_sti)), tekst, str(ny_sti))  # udkastet er gyldigt, som det er
    if dokument is not None:
        gem(pl_sti, PLIndeks, dokument, pl_original)
    try:
        skriv_fil(ny_sti, tekst.encode("utf-8"), overskriv)
    except Inputfejl:
        if dokument is not None:
            skriv_fil(pl_sti, pl_original, overskriv=True)
        raise
    return NytAar(ny_sti, faktor, tilfoejet, er_udkast(forrige))
