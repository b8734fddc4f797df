"""Et nyt budgetår fra det forrige (docs/aaret.md, juni): PL-indeksets nye år og udkastet til
budgetfilen. Rene funktioner; ``cli`` læser og skriver filerne (``redigering``).

Overført: tilsynet, kommunerne, antallene og deres fordeling på takstgrupper, normtimerne (BPA
kun, når året før har BPA), listen over kalibrerede værdier og ``[regler]``. Beløbene ×
PL-faktoren, afrundet til hele kroner (§4), som et udgangspunkt; er budgettet bygget af poster, hver post × PL-faktoren og fordelingen af de
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
from tilsynstakst.budgetfil.laes import (PL_FILNAVN, aar_i_filnavn, budgetfil, budgetmappe, find_linje, findes,
                                         fortolk_toml, laes_budget, laes_fil, laes_pl,
                                         laes_tekst, noegler, tekst_af, valider)
from tilsynstakst.budgetfil.redigering import (Flerlinjet, Kommenteret, gem, laes_dokument,
                                               som_originalen, tilfoej_indeks,
                                               toml_med_kommentarer, uaendret)
from tilsynstakst.budgetfil.skriv import skriv_fil
from tilsynstakst.kommando import citeret, kommando
from tilsynstakst.beregning.afrunding import afrund_decimaler, afrund_kroner
from tilsynstakst.beregning.opbygning import AFDELINGER
from tilsynstakst.kontrol.sammenhaeng import UDKAST, er_udkast, kilder
from tilsynstakst.budgetfil.model import PL_TRIN_MAKS, PL_TRIN_MIN, Budget, OverfoertResultat, PLIndeks
from tilsynstakst.tal import opremsning, procent, tal

_PCT = re.compile(r"\s*([+-]?[0-9]{1,3}(?:[.,][0-9]{1,6})?)\s*%?\s*")


# Hvor årlige pris- og lønfremskrivninger ligger; uden for det skal en PL bekræftes (--bekraeft-pl).
PL_SAEDVANLIG_MIN, PL_SAEDVANLIG_MAKS = Decimal(0), Decimal(8)


def pl_procent(tekst: str, bekraeftet: bool = False, navn: str = "--pl") -> Decimal:
    """``--pl 3,2`` (eller ``3.2`` eller ``3,2 %``): pris- og lønfremskrivningen i procent.

    En værdi, der ligner en faktor (1,032) eller en brøk (0,032), eller som er usædvanlig (uden
    for 0-8 %), afvises med det, der sandsynligvis var ment, medmindre den er ``bekraeftet``."""
    m = _PCT.fullmatch(tekst)
    if m is None:
        raise Inputfejl([Fund(navn, f"skal være en procent som 3,2 eller 3.2, fik {tekst!r}")])
    pct = Decimal(m.group(1).replace(",", "."))
    if not PL_TRIN_MIN <= 1 + Fraction(pct) / 100 <= PL_TRIN_MAKS:
        raise Inputfejl([Fund(navn, f"{tal(pct)} % er ikke en plausibel pris- og "
                              "lønfremskrivning (-20 til 25 %); --pl er procenten fra året før, "
                              "fx 3,2, ikke indekset eller faktoren")])
    if not bekraeftet and (tvivl := _pl_tvivl(pct)):
        raise Inputfejl([Fund(navn, f"{tal(pct)} % {tvivl} Er {tal(pct)} % ment, så "
                              "tilføj --bekraeft-pl")])
    return pct


def _pl_tvivl(pct: Decimal) -> str | None:
    """Hvad der er mistænkeligt ved en PL på ``pct`` procent, med det, der nok var ment."""
    decimaler = -pct.as_tuple().exponent  # type: ignore[operator]
    if 0 < pct < Decimal("0.25"):
        return f"ligner en brøk, ikke en procent; mente du {tal((pct * 100).normalize())} %?"
    if 1 < pct < Decimal("1.1") and decimaler >= 2:
        return (f"ligner en faktor (1 + PL/100), ikke en procent; mente du "
                f"{tal(((pct - 1) * 100).normalize())} %?")
    if not PL_SAEDVANLIG_MIN <= pct <= PL_SAEDVANLIG_MAKS:
        return (f"er en usædvanlig pris- og lønfremskrivning (uden for "
                f"{tal(PL_SAEDVANLIG_MIN)}-{tal(PL_SAEDVANLIG_MAKS)} %).")
    return None


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
                              f"lønfremskrivningen fra {aar - 1} til {aar} i procent, fx: "
                              f"{kommando('ny', aar, '--pl', '3,2', mappe=Path(fil).parent)}",
                              noegle=f"indeks.{aar}")])
    ny = fremskrevet_indeks(pl.indeks[aar - 1], pct)
    if aar not in pl.indeks:
        return ny
    if pl.indeks[aar] == ny:
        return None
    har = Fraction(pl.indeks[aar]) / Fraction(pl.indeks[aar - 1]) - 1
    raise Inputfejl([Fund(fil, f"indekset har allerede {aar} = {pl.indeks[aar]} (en PL på "
                          f"{procent(afrund_decimaler(har * 100, 2))}), som --pl {tal(pct)} ville gøre "
                          f"til {ny}; udelad --pl for at bruge indekset, eller ret PL'en med: "
                          f"{kommando('pl', aar, tal(pct), mappe=Path(fil).parent)}",
                          noegle=f"indeks.{aar}")])


def _nyt_plindeks(basis: int, aar: int, pct: Decimal) -> Any:
    """Et nyt PL-indeks med ``basis`` = 100 (``ny AAR --pl PCT`` i en mappe uden et); kilden
    siger, at PL'en er brugerens egen, til den er skrevet ind."""
    import tomlkit

    dokument = tomlkit.parse(
        "# Pris- og lønfremskrivning (PL) som indeks. Faktoren fra år a til år b er "
        "indeks[b] / indeks[a].\n"
        f'kilde = "PL {basis}-{aar} på {tal(pct)} % angivet med tilsynstakst ny {aar} --pl; '
        f'skriv her, hvor PL\'en kommer fra (fx KL\'s skøn for pris- og lønudviklingen)"\n\n'
        f"[indeks]\n{basis} = 100  # basis: indekset starter her\n")
    return dokument


def pl_kommentar(fra: int, til: int, pct: Decimal, idag: date, kommando: str = "ny") -> str:
    return f"PL {fra}-{til} på {tal(pct)} % (tilsynstakst {kommando} {til}, {idag.isoformat()})"


def _udkast(hvad: str, aar: int) -> str:
    return f"{UDKAST} {hvad}; skal gennemgås og erstattes af kilden til budget {aar}"


def faktortekst(faktor: Fraction) -> str:
    """PL-faktoren, som udkastet viser den: 1,032 (højst seks decimaler)."""
    return tal(afrund_decimaler(faktor, 6).normalize())


def udkastbeloeb(grundlag: Decimal, faktor: Fraction, forklaring: str = "") -> tuple[int, str]:
    """Et beløb i udkastet: grundlaget (i året førs priser) × PL-faktoren, afrundet til hele
    kroner (README: Afrunding), og kommentaren ``UDKAST: 16.905.109 × 1,032``, som ``pl`` omregner."""
    return (int(afrund_kroner(Fraction(grundlag) * faktor)),
            f"{UDKAST} {tal(grundlag)} × {faktortekst(faktor)}{forklaring}")


_UDKASTBELOEB = re.compile(r"# UDKAST: ([0-9]{1,3}(?:\.[0-9]{3})*) × ([0-9]+(?:,[0-9]+)?)(.*)",
                           re.DOTALL)


def foer_overfoert(forrige: Budget) -> dict[str, tuple[Decimal, Decimal]]:
    """Hver afdelings budget før det overførte resultat: (det finansierede budget, resultatets
    del). Et overført resultat er en engangspost i sit år (README: Et nyt budgetår), så det næste års
    udkast starter fra budgettet før det. Tomt, når året ikke har et resultat indregnet.

    Står kun totalen for resultatet, kan delene ikke vides: det er en fejl, ikke et gæt."""
    o = forrige.overfoert_resultat
    if o is None or o.beloeb == 0 or forrige.budget.poster:  # poster er før resultatet
        return {}
    if (dele := o.dele()) is None:
        raise _ManglerDele(o.beloeb, o.regnskabsaar)
    return {a: (getattr(forrige.budget, a), dele[a]) for a in dele}


class _ManglerDele(Exception):
    def __init__(self, beloeb: Decimal, regnskabsaar: int):
        self.beloeb, self.regnskabsaar = beloeb, regnskabsaar


def _resultatnavn(beloeb: Decimal) -> str:
    return "overskud" if beloeb > 0 else "underskud"


@dataclass(frozen=True)
class Beslutning:
    """Et regnskabs beslutning om at overføre (en del af) resultatet til det nye budgetår."""

    regnskabsaar: int
    fil: str  # regnskabsfilen, til kilden
    beloeb: Decimal
    dele: dict[str, Decimal] | None  # pr. afdeling, når det er besluttet


def udkast(forrige: Budget, aar: int, faktor: Fraction,
           idag: date, beslutning: Beslutning | None = None) -> tuple[list[str], dict[str, Any]]:
    """Reglen for, hvad et nyt år overtager fra året før (docs/aaret.md): indledningen og filens
    data, i filens orden. Beløbene × PL-faktoren (``udkastbeloeb``), et overført resultat lagt
    tilbage før PL (``foer_overfoert``), antal, normtimer og kommuner uændrede, hver kilde et
    ``UDKAST:``; de offentliggjorte tal og det overførte resultat følger ikke med. Et blad med en
    kommentar er ``Kommenteret``; ``budgetfil_tekst`` skriver det som TOML."""
    fra, f = f"{forrige.aar}.toml", faktortekst(faktor)
    tilbage = foer_overfoert(forrige)
    o = forrige.overfoert_resultat
    indledning = [
        f"UDKAST til budget {aar} for {forrige.tilsyn}, i {aar}-priser.",
        f"Startet {idag.isoformat()} med 'tilsynstakst ny {aar}' fra {fra} og PL-faktoren {f}.",
        "Overført: kommunerne, antallene og fordelingen på takstgrupper, normtimerne og listen",
        f"over kalibrerede værdier; beløbene × PL-faktoren {f}, afrundet til hele kroner",
        "(et udgangspunkt).",
        f"Ikke overført: [offentliggjort], [oversigt] og [overfoert_resultat], der hører til "
        f"{forrige.aar}.",
    ]
    if forrige.regler is not None:
        indledning.append("[regler] (fx grundlaget for skærpet tilsyn) er overført uændret.")
    if tilbage:
        assert o is not None
        indledning += [
            f"{forrige.aar}'s budgetter var netto efter et overført {_resultatnavn(o.beloeb)} "
            f"på {tal(abs(o.beloeb))} kr. fra regnskab {o.regnskabsaar}, en",
            "engangspost: det er lagt tilbage i hver afdeling, før beløbene er fremskrevet.",
        ]
    if beslutning is None:
        indledning.append(f"{aar} har intet overført resultat, før et skrives i "
                          "[overfoert_resultat].")
    else:
        b = beslutning
        indledning += [
            f"[overfoert_resultat] er beslutningen i {b.fil}: {tal(b.beloeb)} kr. fra regnskab "
            f"{b.regnskabsaar}" + (", trukket fra hver afdelings budget." if b.dele else "."),
        ]
        if b.dele is None:
            indledning.append("Beslutningen fordeler ikke beløbet på afdelingerne: skriv delene, "
                              "og træk dem fra afdelingernes budget.")
    indledning += [
        "Gennemgå: beløb, antal og normtimer, og erstat hver kilde, der begynder med 'UDKAST:',",
        f"med årets kilde. Befolkningen blev overført med kvartalet {forrige.befolkning.kvartal};",
        f"'tilsynstakst befolkning {aar} --hent' (eller --fra-csv) henter {aar - 1}K2. Til",
        "kilderne er udfyldt, melder 'tilsynstakst tjek', 'beregn' og 'notat' filen som et udkast.",
        "'tilsynstakst pl' retter PL'en og omregner hvert beløb, der stadig er mærket UDKAST.",
    ]
    kalibreret = set(forrige.kalibreret)

    def kal(v: Any, *stier: str) -> Any:
        """Værdien, med "kalibreret i året før" ved siden af, hvis en af stierne er kalibreret."""
        return Kommenteret(v, f"kalibreret i {forrige.aar}") if kalibreret & set(stier) else v

    data: dict[str, Any] = {"aar": aar, "tilsyn": forrige.tilsyn,
                            "kilde": _udkast(f"startet fra {fra} med tilsynstakst ny", aar)}
    if forrige.kalibreret:
        data["kalibreret"] = Flerlinjet(forrige.kalibreret)
    if forrige.pladsholdere:
        data["pladsholdere"] = Flerlinjet(forrige.pladsholdere)
    budget: dict[str, Any] = {
        "kilde": _udkast(f"beløbene i {fra} × PL-faktoren {f}, afrundet til hele kr.", aar)}
    if forrige.budget.poster:  # posterne × PL; totalerne udledes af dem (issue 13)
        if (ff := forrige.budget.faelles_fordeling) is not None:
            budget["faelles_fordeling"] = {n: getattr(ff, n) for n in AFDELINGER}
        budget["poster"] = [
            {"post": p.post, "beloeb": Kommenteret(*udkastbeloeb(p.beloeb, faktor)),
             "afdeling": p.afdeling, "kilde": _udkast(f"posten i {fra} × PL-faktoren {f}", aar)}
            for p in forrige.budget.poster]
    else:
        for navn in AFDELINGER:
            netto = getattr(forrige.budget, navn)
            if navn in tilbage:
                assert o is not None
                _, del_ = tilbage[navn]
                forklaring = (f" ({tal(netto)} med {tal(abs(del_))} overført "
                              f"{_resultatnavn(del_)} fra regnskab {o.regnskabsaar} lagt tilbage)")
                budget[navn] = Kommenteret(*udkastbeloeb(netto + del_, faktor, forklaring))
            else:
                budget[navn] = Kommenteret(*udkastbeloeb(netto, faktor))
            if beslutning is not None and beslutning.dele:  # netto efter det nye resultat
                v, kommentar = budget[navn].vaerdi, budget[navn].kommentar
                del_ = beslutning.dele[navn]
                budget[navn] = Kommenteret(v - int(del_), f"{kommentar} − {tal(del_)} overført fra "
                                                          f"regnskab {beslutning.regnskabsaar}")
    data["budget"] = budget
    if beslutning is not None:  # beslutningen i regnskabet (issue 24)
        data["overfoert_resultat"] = {
            "kilde": f"Beslutningen i {beslutning.fil} ([[overfoersel]] til budget {aar}), "
                     "overført af tilsynstakst ny",
            "regnskabsaar": beslutning.regnskabsaar,
            "beloeb": int(beslutning.beloeb)} | (
            {n: int(v) for n, v in beslutning.dele.items()} if beslutning.dele else {})
    a = forrige.antal
    data["antal"] = {"kilde": _udkast(f"antallene overført uændret fra {fra}", aar)} | {
        navn: kal(v, f"antal.{navn}") for navn in type(a).model_fields
        if navn not in ("kilde", "pr_takstgruppe") and (v := getattr(a, navn)) is not None} | {
        "pr_takstgruppe": {navn: kal(list(getattr(a.pr_takstgruppe, navn)), "antal.pr_takstgruppe",
                                     f"antal.pr_takstgruppe.{navn}")
                           for navn in type(a.pr_takstgruppe).model_fields}}
    data["normtimer"] = {"kilde": _udkast(f"normtimerne overført uændret fra {fra}", aar)} | {
        navn: kal(v, f"normtimer.{navn}") for navn in type(forrige.normtimer).model_fields
        if navn != "kilde" and (v := getattr(forrige.normtimer, navn)) is not None}  # BPA: kun med
    data["befolkning"] = {
        "kilde": _udkast(f"{forrige.befolkning.kvartal} overført fra {fra}; hent {aar - 1}K2 med "
                         f"tilsynstakst befolkning {aar} --hent", aar),
        "kvartal": forrige.befolkning.kvartal, "kommuner": dict(forrige.befolkning.kommuner)}
    if forrige.regler is not None:  # tilsynets regler gælder også næste år (docs/budgetfil.md)
        data["regler"] = forrige.regler.model_dump(mode="json")
    if hoved := overfoert_notathoved(forrige):
        data["notat"] = hoved
    return indledning, data


def overfoert_notathoved(forrige: Budget) -> dict[str, str]:
    """Det af notatets hoved, et nyt år overtager: modtagerne (``til``) og afsenderen
    (``forfatter``), som er de samme år for år. Mødet, datoen og sagsnummeret hører til ét års
    behandling og skrives af tilsynet selv; et nyt år låner dem aldrig (docs/budgetfil.md)."""
    n = forrige.notat
    if n is None:
        return {}
    return {felt: v for felt in ("til", "forfatter") if (v := getattr(n, felt)) is not None}


def budgetfil_tekst(forrige: Budget, aar: int, faktor: Fraction, idag: date,
                    skema: str | None = None, beslutning: Beslutning | None = None) -> str:
    """Udkastet til ``aar``.toml fra året før (``udkast``), som TOML-tekst med indledningen
    og fingeraftrykket; ``skema`` er det forrige års ``#:schema``-linje (Taplo), som den stod."""
    return stempl((f"{skema}\n" if skema else "") + toml_med_kommentarer(*udkast(forrige, aar,
                                                                             faktor, idag,
                                                                             beslutning)))


# Et udkast, som ny skrev det, slutter med sit fingeraftryk (sha256 af resten af filen): så kan
# ny --overskriv og pl se, om nogen har rettet i det, og ny erstatter kun et uberørt udkast.
_STEMPEL = "# tilsynstakst ny: uberørt udkast, fingeraftryk "


def stempl(tekst: str) -> str:
    import hashlib

    return f"{tekst}{_STEMPEL}{hashlib.sha256(tekst.encode()).hexdigest()}\n"


def uberoert(data: bytes) -> bool:
    """Er filen et udkast fra ``ny``, som ingen har rettet i siden (heller ikke ``befolkning``)?"""
    tekst = data.decode("utf-8", errors="replace")
    hoved, _, stempel = tekst.rstrip("\n").rpartition("\n")
    return stempel.startswith(_STEMPEL) and stempl(hoved + "\n") == tekst


def hvad_gaar_tabt(sti: Path) -> str:
    """Hvad der står i en budgetfil ud over et udkast fra ``ny`` (til beskeden, når ``ny`` ikke
    vil erstatte den)."""
    try:
        budget = laes_budget(sti)
    except Inputfejl:
        return "filen er rettet efter ny (den kan ikke engang læses som en budgetfil nu)"
    dele = []
    if budget.offentliggjort is not None or budget.oversigt is not None:
        dele.append("de offentliggjorte tal")
    udfyldt = [loc for loc, k in kilder(budget) if not k.startswith(UDKAST)
               and loc[0] not in ("offentliggjort", "oversigt")]
    if ("befolkning", "kilde") in udfyldt:
        dele.append(f"befolkningen for {budget.befolkning.kvartal}")
        udfyldt.remove(("befolkning", "kilde"))
    if udfyldt:
        dele.append(f"{len(udfyldt)} udfyldte kilde{'r' if len(udfyldt) > 1 else ''}")
    if not dele:
        dele.append("rettelserne efter udkastet")
    return opremsning(dele) + " ville gå tabt"


def _toml_tal(x: Decimal) -> str:
    return format(x, "f")


def _maa_erstattes(sti: Path, aar: int, overskriv: bool) -> None:
    """``ny`` erstatter kun et uberørt udkast, og kun med ``--overskriv``: et rettet udkast, en
    udfyldt befolkning eller et offentliggjort år står byte for byte (issue 19)."""
    try:
        if not sti.is_file():
            return  # en mappe, et link i ring …: skriv_fil siger, hvad der er galt
        data = sti.read_bytes()
    except OSError:
        return
    if uberoert(data):
        if overskriv:
            return
        raise Inputfejl([Fund(str(sti), "findes allerede som et uberørt udkast; brug "
                              "--overskriv for at starte det forfra, eller ret kun PL'en og "
                              f"omregn udkastet med: {kommando('pl', aar, 'PCT', mappe=sti.parent)}"
                              )])
    gemt = sti.with_name(sti.name + ".gammel")
    raise Inputfejl([Fund(str(sti), f"findes allerede og er ikke et uberørt udkast fra ny: "
                          f"{hvad_gaar_tabt(sti)}. ny erstatter den ikke, heller ikke med "
                          f"--overskriv. Vil du begynde forfra, så flyt den væk først, fx "
                          f"mv {citeret(sti)} {citeret(gemt)}")])


@dataclass(frozen=True)
class NytAar:
    sti: Path  # den nye budgetfil
    faktor: Fraction  # PL-faktoren fra året førs prisniveau
    tilfoejet: Decimal | None  # indekstallet, der blev tilføjet PL-indekset (None: stod der)
    fra_udkast: bool  # året før er selv et udkast
    tilbagelagt: "OverfoertResultat | None"  # året førs resultat, lagt tilbage før PL
    beslutning: Beslutning | None = None  # et regnskabs overførsel til det nye år (issue 24)


def opret(mappe: Path, aar: int, pct: Decimal | None, overskriv: bool, idag: date) -> NytAar:
    """Skriv ``mappe/aar.toml`` fra året før og (med ``pct``) tilføj året til PL-indekset.

    Alt kontrolleres, før noget skrives; kan budgetfilen ikke skrives, får PL-indekset sit gamle
    indhold igen.
    """
    budgetmappe(mappe)
    ny_sti, gl_sti, pl_sti = budgetfil(mappe, aar), budgetfil(mappe, aar - 1), mappe / PL_FILNAVN
    if findes(ny_sti):
        _maa_erstattes(ny_sti, aar, overskriv)
    if not findes(gl_sti):
        raise Inputfejl([Fund(str(gl_sti), f"filen findes ikke; 'ny {aar}' starter fra "
                              f"budgetfilen for {aar - 1}")])
    forrige = laes_budget(gl_sti)
    nyt_indeks = not findes(pl_sti)
    if nyt_indeks:  # mappens første PL: indekset startes her, med året før som basis 100
        if pct is None:
            raise Inputfejl([Fund(str(pl_sti), f"filen findes ikke; ny starter PL-indekset, når "
                                  f"du angiver pris- og lønfremskrivningen fra {aar - 1} til "
                                  f"{aar} i procent, fx: "
                                  f"{kommando('ny', aar, '--pl', '3,2', mappe=mappe)}")])
        pl_original = b""
        dokument = _nyt_plindeks(aar - 1, aar, pct)
    else:
        pl = laes_pl(mappe)
    tilfoejet = (fremskrevet_indeks(Decimal(100), pct) if nyt_indeks and pct is not None
                 else pl_for_aaret(pl, aar, pct, str(pl_sti)))
    if tilfoejet is not None:
        assert pct is not None
        if not nyt_indeks:
            dokument, pl_original = laes_dokument(pl_sti)
        tilfoej_indeks(dokument, aar, tilfoejet, pl_kommentar(aar - 1, aar, pct, idag))
        indeks = ({aar - 1: Decimal(100)} if nyt_indeks else dict(pl.indeks)) | {aar: tilfoejet}
    else:
        dokument, indeks = None, pl.indeks
    # Fra de priser, det forrige års beløb står i (``prisniveau``, normalt året selv), til årets.
    if forrige.priser not in indeks:
        raise Inputfejl([Fund(str(pl_sti), f"PL-indekset mangler {forrige.priser}, som beløbene "
                              f"i {gl_sti.name} står i (prisniveau)",
                              noegle=f"indeks.{forrige.priser}")])
    faktor = Fraction(indeks[aar]) / Fraction(indeks[forrige.priser])
    foerste = gl_sti.read_bytes().decode("utf-8-sig").split("\n", 1)[0].rstrip("\r")
    try:
        beslutning = find_beslutning(mappe, aar)
        tekst = budgetfil_tekst(forrige, aar, faktor, idag,
                                foerste if foerste.startswith("#:schema") else None, beslutning)
    except _ManglerDele as e:
        raise Inputfejl([Fund(
            str(gl_sti), f"budgetterne for {aar - 1} er netto efter et overført "
            f"{_resultatnavn(e.beloeb)} på {tal(abs(e.beloeb))} kr. fra regnskab "
            f"{e.regnskabsaar}, men filen siger ikke, hvor meget af det der ligger i hver "
            f"afdeling. Det er en engangspost, som ny lægger tilbage, før beløbene fremskrives, "
            f"og ny gætter ikke på fordelingen: skriv delene under [overfoert_resultat] i "
            f"{gl_sti.name}, tilbudsafdelingen = … og plejefamilieafdelingen = … (tilsammen "
            f"{_toml_tal(e.beloeb)}), og kør ny igen",
            noegle="overfoert_resultat", linje=find_linje(laes_tekst(gl_sti),
                                                          ("overfoert_resultat",)))]) from None
    valider(Budget, fortolk_toml(tekst, str(ny_sti)), tekst, str(ny_sti))  # udkastet er gyldigt, som det er
    if nyt_indeks:
        import tomlkit

        pl_tekst = tomlkit.dumps(dokument)
        valider(PLIndeks, fortolk_toml(pl_tekst, str(pl_sti)), pl_tekst, str(pl_sti))
        skriv_fil(pl_sti, pl_tekst.encode("utf-8"), overskriv=False)
    elif dokument is not None:
        gem(pl_sti, PLIndeks, dokument, pl_original)
    try:
        skriv_fil(ny_sti, tekst.encode("utf-8"), overskriv)
    except Inputfejl:
        if nyt_indeks:
            pl_sti.unlink(missing_ok=True)
        elif dokument is not None:
            skriv_fil(pl_sti, pl_original, overskriv=True)
        raise
    return NytAar(ny_sti, faktor, tilfoejet, er_udkast(forrige),
                  forrige.overfoert_resultat if foer_overfoert(forrige) else None, beslutning)


def find_beslutning(mappe: Path, aar: int) -> Beslutning | None:
    """Beslutningen i et regnskab (``regnskab/AAAA.toml`` for et år før ``aar``) om at overføre
    til budget ``aar``; to regnskaber, der begge overfører til året, er en fejl (et budget
    indregner ét regnskabsårs resultat)."""
    from tilsynstakst.aaret.regnskab import laes_regnskab
    from tilsynstakst.budgetfil.regnskab import REGNSKABSMAPPE

    fundne = []
    mappe_r = mappe / REGNSKABSMAPPE
    for sti in sorted(mappe_r.glob("*.toml")) if mappe_r.is_dir() else ():
        if (r_aar := aar_i_filnavn(sti)) is None or r_aar >= aar:
            continue
        if (o := laes_regnskab(sti).overfoersel_til(aar)) is not None:
            fundne.append(Beslutning(r_aar, str(sti), o.beloeb, o.dele()))
    if len(fundne) > 1:
        raise Inputfejl([Fund(fundne[-1].fil, f"både {fundne[0].fil} og {fundne[-1].fil} "
                              f"overfører et resultat til budget {aar}; et budget indregner ét "
                              "regnskabsårs resultat")])
    return fundne[0] if fundne else None


@dataclass(frozen=True)
class Omregnet:
    """Et beløb i udkastet, som ``pl`` har omregnet (eller ladet stå, fordi det er rettet)."""

    noegle: str
    linje: int
    grundlag: int  # beløbet i året førs priser, fra kommentaren UDKAST: grundlag × faktor
    udkast: int  # grundlag × den gamle faktor: det, udkastet skrev
    fra: int
    til: int | None  # None: beløbet er rettet efter udkastet og står, som det står


@dataclass(frozen=True)
class PLRettet:
    pl_sti: Path
    gammelt: Decimal  # indekstallet for året før rettelsen
    nyt: Decimal
    budget_sti: Path | None  # årets budgetfil (None: den findes ikke endnu)
    faktor_fra: Fraction
    faktor_til: Fraction
    beloeb: tuple[Omregnet, ...]


def omregn_udkast(tekst: str, gl: Fraction, ny: Fraction) -> tuple[str, list[Omregnet]]:
    """Hvert beløb mærket ``# UDKAST: grundlag × faktor`` (``udkastbeloeb``), der stadig er
    grundlag × den gamle faktor, bliver grundlag × den nye, afrundet til hele kroner; et
    beløb, der er rettet efter udkastet, står. Kilder og kommentarer, der nævner PL-faktoren,
    får den nye. Linjeskift (også CRLF) står, som de stod."""
    gl_tekst, ny_tekst = faktortekst(gl), faktortekst(ny)
    linjer = tekst.split("\n")
    omregnet = []
    for nr, noegle, rest in noegler(tekst):
        m = re.fullmatch(r"(\s*)([0-9]+)(\s*)(#.*?)(\r?)", rest or "")
        k = _UDKASTBELOEB.fullmatch(m.group(4)) if m else None
        if m is None or k is None or k.group(2) != gl_tekst:
            continue
        grundlag, nu = int(k.group(1).replace(".", "")), int(m.group(2))
        udkast, _ = udkastbeloeb(Decimal(grundlag), gl)  # det, udkastet skrev
        if nu != udkast:
            omregnet.append(Omregnet(".".join(noegle), nr, grundlag, udkast, nu, None))
            continue
        til, kommentar = udkastbeloeb(Decimal(grundlag), ny, k.group(3))
        linje = linjer[nr - 1]
        start = len(linje) - len(rest or "")
        linjer[nr - 1] = (linje[:start] + m.group(1) + str(til) + m.group(3) + "# " + kommentar
                          + m.group(5))
        omregnet.append(Omregnet(".".join(noegle), nr, grundlag, udkast, nu, til))
    faktor = re.compile(rf"(PL-faktoren|×) {re.escape(gl_tekst)}(?![0-9])")
    for i, linje in enumerate(linjer):  # indledningen og kilder, der stadig er udkastets; ikke
        # linjen om, hvordan udkastet blev startet (historik), og ikke en gennemgået kilde
        if ((linje.lstrip().startswith("#") and not linje.startswith("# Startet "))
                or re.match(rf'\s*kilde\s*=\s*"{UDKAST}', linje)):
            linjer[i] = faktor.sub(lambda m: f"{m.group(1)} {ny_tekst}", linje)
    return "\n".join(linjer), omregnet


def ret_pl(mappe: Path, aar: int, pct: Decimal, idag: date) -> PLRettet:
    """Ret pris- og lønfremskrivningen fra ``aar - 1`` til ``aar`` i PL-indekset, og omregn hvert
    beløb i ``aar``.toml, der stadig er udkastets (KL's PL-skøn ændres under budgetarbejdet).

    Alt kontrolleres, før noget skrives; kan budgetfilen ikke skrives, får PL-indekset sit gamle
    indhold igen."""
    budgetmappe(mappe)
    pl_sti, sti = mappe / PL_FILNAVN, budgetfil(mappe, aar)
    pl = laes_pl(mappe)
    for mangler in (aar - 1, aar):
        if mangler not in pl.indeks:
            raise Inputfejl([Fund(str(pl_sti), f"PL-indekset har ikke {mangler}; pl retter et "
                                  f"år, der står der (et nyt år startes med: "
                                  f"{kommando('ny', aar, '--pl', 'PCT', mappe=mappe)})",
                                  noegle=f"indeks.{mangler}")])
    if senere := sorted(a for a in pl.indeks if a > aar):
        raise Inputfejl([Fund(str(pl_sti), f"indekset har også {senere[0]}, der er fremskrevet "
                              f"fra {aar}; pl retter kun det seneste år, så ret indekset i "
                              "hånden", noegle=f"indeks.{senere[0]}")])
    gammelt, nyt = pl.indeks[aar], fremskrevet_indeks(pl.indeks[aar - 1], pct)
    priser = aar - 1
    if findes(forrige_sti := budgetfil(mappe, aar - 1)):
        priser = laes_budget(forrige_sti).priser
    if priser not in pl.indeks:
        raise Inputfejl([Fund(str(pl_sti), f"PL-indekset mangler {priser}, som beløbene i "
                              f"{forrige_sti.name} står i (prisniveau)", noegle=f"indeks.{priser}")])
    gl_faktor = Fraction(gammelt) / Fraction(pl.indeks[priser])
    ny_faktor = Fraction(nyt) / Fraction(pl.indeks[priser])
    ny_tekst, beloeb, original = None, [], None
    if findes(sti):
        original = laes_fil(sti)
        tekst = tekst_af(original, sti)
        laes_budget(sti, original)  # filen skal være gyldig, før den rettes
        ny_tekst, beloeb = omregn_udkast(tekst, gl_faktor, ny_faktor)
        if uberoert(original):  # et uberørt udkast forbliver uberørt
            ny_tekst = stempl(ny_tekst.rstrip("\n").rpartition("\n")[0] + "\n")
        valider(Budget, fortolk_toml(ny_tekst, str(sti)), ny_tekst, str(sti))
    rettet = PLRettet(pl_sti, gammelt, nyt, sti if original is not None else None, gl_faktor,
                      ny_faktor, tuple(beloeb))
    if nyt == gammelt:
        return rettet
    dokument, pl_original = laes_dokument(pl_sti)
    del dokument["indeks"][str(aar)]
    tilfoej_indeks(dokument, aar, nyt, pl_kommentar(aar - 1, aar, pct, idag, "pl"))
    gem(pl_sti, PLIndeks, dokument, pl_original)
    if ny_tekst is not None and original is not None:
        try:
            uaendret(sti, original)
            skriv_fil(sti, som_originalen(ny_tekst.replace("\r\n", "\n"), original),
                      overskriv=True)
        except Inputfejl:
            skriv_fil(pl_sti, pl_original, overskriv=True)
            raise
    return rettet
