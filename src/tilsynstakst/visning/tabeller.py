"""Notatets tabeller som data: rækker og kolonner med enheder, klar til enhver visning.

Her vælges og ordnes kun tal, der allerede er beregnet (``rapport``); der regnes ikke. Alle
visninger (terminal, og senere Markdown, CSV og XLSX) bygger på de samme ``Tabel``-objekter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from tilsynstakst.beregning.finansiering import Finansiering, Kommuneandel
from tilsynstakst.tal import ANTAL, KR, PCT, TIMER
from tilsynstakst.beregning.aarsresultat import Aarsresultat, Rapport
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.beregning.takster import TAKSTBLADET, TAKSTGRUPPER
from tilsynstakst.budgetfil.model import BPA_ANTAL, SkaerpetGrundlag
from tilsynstakst.tal import kroner, procent, tal

if TYPE_CHECKING:  # scenarier indlæses først, når der er et (hastighed, issue 11)
    from tilsynstakst.budgetfil.scenarie import Scenarieinfo


@dataclass(frozen=True)
class Celle:
    vaerdi: Decimal | int | None
    enhed: str


@dataclass(frozen=True)
class Tabel:
    noegle: str
    titel: str
    kolonner: tuple[str, ...]  # første kolonne er rækkens navn
    raekker: tuple[tuple[str, tuple[Celle, ...]], ...]
    note: str | None = None
    kort: str = ""  # kort navn (fx et faneblad i XLSX, højst 31 tegn); ellers nøglen
    # Værdikolonnerne i grupper, der hører sammen (fx ét år), så en smal terminal kan vise en
    # gruppe ad gangen; tom: hver kolonne for sig.
    grupper: tuple[int, ...] = ()

    @property
    def kort_navn(self) -> str:
        return self.kort or self.noegle


@dataclass(frozen=True)
class Visning:
    """Det, en kommando viser, klar til enhver visning: overskrift, indledende linjer, tabeller,
    og data til JSON. Terminal, Markdown, CSV, XLSX og JSON bygger alle på den."""

    titel: str
    tillaeg: str  # efter titlen, ikke fremhævet, fx "(i 2024-priser)"
    indledning: tuple[str, ...]
    tabeller: tuple[Tabel, ...]
    data: dict[str, object]
    # Hvor tallene kommer fra (fx budgetfilerne), til et dokument, der forlader programmet
    # (regnearkets faneblade); tom: siges ikke. Kommandolinjen sætter den.
    kilde: str = ""


def aendringsceller(a: Aendring | None, enhed: str) -> tuple[Celle, ...]:
    if a is None:
        return ()
    return (Celle(a.forrige, enhed), Celle(a.budgetaar, enhed), Celle(a.aendring, enhed),
            Celle(a.pct, PCT))


def i_priser(a: Aarsresultat) -> str:
    """`` (i 2024-priser)``, når et års beløb ikke er i årets egne priser (året før i
    budgetårets priser, eller et år, der kun findes i et senere års); ellers ingenting."""
    return f" (i {a.prisniveau}-priser)" if a.prisniveau != a.aar else ""


def aaret_i_priser(a: Aarsresultat) -> str:
    """``i 2025`` for et år i egne priser; ``for 2024 i 2025-priser`` for et år i et andet års
    (issue 19, punkt 3: et tal for året før siger, hvilke priser det står i)."""
    return f"for {a.aar} i {a.prisniveau}-priser" if a.prisniveau != a.aar else f"i {a.aar}"


def aarsnavn(a: Aarsresultat, beloeb: bool = True) -> str:
    """``År 2023 (i 2024-priser)``: et års kolonne; prisniveauet nævnes kun for beløb."""
    return f"År {a.aar}" + (i_priser(a) if beloeb else "")


def _kolonner(r: Rapport, foerste: str, beloeb: bool = True) -> tuple[str, ...]:
    """Årskolonnerne; for beløb står det forrige år i budgetårets priser, for antal ikke."""
    nu = aarsnavn(r.budgetaar, beloeb)
    if r.forrige_aar is None:
        return (foerste, nu)
    return (foerste, aarsnavn(r.forrige_aar, beloeb), nu,
            "Ændring i kr." if beloeb else "Ændring", "Ændring i pct.")


def _raekke(navn: str, r: Rapport, vaerdi: Decimal | int, a: Aendring | None, enhed: str):
    """En række med året før, budgetåret og ændringen, eller budgetåret alene. Med året før,
    men uden en ændring (en BPA-takst mod et år uden BPA), står kun budgetårets tal."""
    if not r.aendringer:
        return (navn, (Celle(vaerdi, enhed),))
    if a is None:
        return (navn, (Celle(None, enhed), Celle(vaerdi, enhed), Celle(None, enhed),
                       Celle(None, PCT)))
    return (navn, aendringsceller(a, enhed))


ANTAL_RAEKKER = (
    ("plejefamilier", "Plejefamilier"),
    ("plejefamilier_nygodkendelser", "Plejefamilier, nygodkendelser"),
    ("plejefamilier_i_alt", "Plejefamilier i alt"),
    ("tilbud", "Tilbud"),
    ("tilbud_nygodkendelser", "Tilbud, nygodkendelser"),
    ("tilbud_i_alt", "Tilbud i alt"),
    ("vaesentlige_aendringer", "Væsentlige ændringer"),
    ("bpa_tilsyn", "Tilsyn BPA-virksomheder"),
    ("bpa_nygodkendelser", "BPA-virksomheder, nygodkendelser"),
)


def antalsforudsaetninger(r: Rapport) -> Tabel:
    """Opgaverne; BPA-rækkerne kun, når budgetåret har BPA (``Aarsresultat.har_bpa``)."""
    nu, ae = r.budgetaar, r.aendringer
    raekker = tuple(
        _raekke(navn, r, nu.antal[k], ae.antal[k] if ae else None, ANTAL)
        for k, navn in ANTAL_RAEKKER if k not in BPA_ANTAL or nu.har_bpa
    )
    return Tabel("antal", "Antalsforudsætning", _kolonner(r, "Opgaver", beloeb=False), raekker,
                 uden_bpa_foer(r, "har ingen BPA-virksomheder (0)"), kort="Antal")


def uden_bpa_foer(r: Rapport, hvad: str) -> str | None:
    """Noten, når budgetåret har BPA, men året før ikke har (ingen BPA-normtimer i dets fil)."""
    foer = r.forrige_aar
    if foer is None or foer.har_bpa or not r.budgetaar.har_bpa:
        return None
    return f"{foer.aar} {hvad}: budgetfilen for {foer.aar} angiver ingen BPA-normtimer."


def budgettet(r: Rapport) -> Tabel:
    nu, ae = r.budgetaar, r.aendringer
    navne = (("samlet", "Budget samlet"), ("tilbudsafdelingen", "Heraf Tilbudsafdelingen"),
             ("plejefamilieafdelingen", "Heraf Plejefamilieafdelingen"))
    raekker = tuple(
        _raekke(navn, r, nu.budget[k], ae.budget[k] if ae else None, KR) for k, navn in navne
    )
    note = None
    if nu.overfoert_resultat:
        art = "overskud" if nu.overfoert_resultat > 0 else "underskud"
        note = (f"Indregnet {art} fra et tidligere regnskab: "
                f"{kroner(abs(nu.overfoert_resultat))}.")
    return Tabel("budget", "Udviklingen i budgettet", _kolonner(r, "Kr."), raekker, note,
                 kort="Budget")


AFDELINGSNAVNE = {"tilbudsafdelingen": "Tilbudsafdelingen",
                  "plejefamilieafdelingen": "Plejefamilieafdelingen", "faelles": "Fælles"}


def opbygningstabel(r: Rapport) -> Tabel | None:
    """Budgettets opbygning (issue 13): posterne pr. afdeling, de fælles poster og deres
    fordeling, det overførte resultat og det finansierede budget; ``None`` uden poster. Summerne
    er resultatets (``opbygning_i_alt``); et fradrag vises blot med minus."""
    o = r.budgetaar.opbygning
    if o is None:
        return None
    kolonner = ("Tilbudsafdelingen", "Plejefamilieafdelingen", "Fælles")
    raekker = []
    for p in o.poster:
        celler = tuple(Celle(p.beloeb if AFDELINGSNAVNE[p.afdeling] == k else None, KR)
                       for k in kolonner)
        raekker.append((p.post, celler + (Celle(p.beloeb, KR),)))
    t, pl = "tilbudsafdelingen", "plejefamilieafdelingen"
    if o.faelles:
        raekker.append((f"Fælles poster fordelt ({procent(o.fordeling_pct[t])} / "
                        f"{procent(o.fordeling_pct[pl])})",
                        (Celle(o.faelles_fordelt[t], KR), Celle(o.faelles_fordelt[pl], KR),
                         Celle(-o.faelles, KR), Celle(None, KR))))
    i_alt = r.budgetaar.opbygning_i_alt
    assert i_alt is not None  # regnet med opbygningen (beregning.aarsresultat)
    if o.regnskabsaar is not None and any(o.overfoert.values()):
        art = "overskud" if i_alt.overfoert > 0 else "underskud"
        raekker.append((f"Overført {art} fra regnskab {o.regnskabsaar}",  # fortegn: et fradrag
                        (Celle(-o.overfoert[t], KR), Celle(-o.overfoert[pl], KR),
                         Celle(None, KR), Celle(-i_alt.overfoert, KR))))
    raekker.append(("Finansieret budget", (Celle(o.finansieret[t], KR), Celle(o.finansieret[pl], KR),
                                           Celle(None, KR), Celle(i_alt.finansieret, KR))))
    note = "Hver afdelings budget = egne poster + andel af de fælles poster (største brøkdel)"
    if any(o.overfoert.values()):
        note += " − del af et overført overskud (+ et underskud)"
    return Tabel("opbygning", f"Budgettets opbygning {r.budgetaar.aar}", ("Kr.", *kolonner, "I alt"),
                 tuple(raekker), note + ".", kort="Opbygning")


def _finansieringsceller(aar: Aarsresultat, kommuner: dict[str, Kommuneandel],
                         navn: str | None) -> tuple[Celle, ...]:
    f = aar.finansiering
    if navn is None:
        return (Celle(f.befolkning_i_alt, ANTAL), Celle(Decimal("100.0"), PCT),
                Celle(f.sum_kommuner, KR))
    k = kommuner.get(navn)
    if k is None:  # kommunen er ikke med i dette år
        return (Celle(None, ANTAL), Celle(None, PCT), Celle(None, KR))
    return (Celle(k.befolkning, ANTAL), Celle(k.andel_pct, PCT), Celle(k.beloeb, KR))


def kommuneraekker(r: Rapport) -> list[tuple[str, str | None]]:
    """(vist navn, kommune): I alt, budgetårets kommuner, og året førs kommuner, der ikke er med
    længere. En kommune, der kun findes i ét af årene, mærkes (ny) eller (udgået), aldrig tabt."""
    nu = [k.navn for k in r.budgetaar.finansiering.kommuner]
    if r.forrige_aar is None:
        return [("I alt", None)] + [(n, n) for n in nu]
    foer = [k.navn for k in r.forrige_aar.finansiering.kommuner]
    i_nu, i_foer = set(nu), set(foer)
    return ([("I alt", None)] + [(n if n in i_foer else f"{n} (ny)", n) for n in nu]
            + [(f"{n} (udgået)", n) for n in foer if n not in i_nu])


def afrundingsnote(kolonner: Iterable[tuple[str, Finansiering]]) -> str | None:
    """Under en tabel med kommunernes beløb, når en kolonne ikke summer til budgettet (simpel
    afrunding; issue 19, punkt 13): summen og forskellen i kroner, som resultatet har dem."""
    dele = [f"{hvilke} summer til {kroner(f.sum_kommuner)}, {kroner(abs(f.rest))} "
            f"{'under' if f.rest < 0 else 'over'} budgettet på {kroner(f.budget)}"
            for hvilke, f in kolonner if f.rest]
    if not dele:
        return None
    return ("Simpel afrunding (hver kommune afrundet for sig): kommunernes beløb "
            + "; ".join(dele) + ".")


def objektiv_finansiering(r: Rapport) -> Tabel:
    nu, foer, ae = r.budgetaar, r.forrige_aar, r.aendringer
    aar = (foer, nu) if foer else (nu,)
    kolonner = ["Kommune"]
    for a in aar:
        kolonner += [f"0-17-årige {a.finansiering.kvartal}", f"Andel {a.aar}",
                     f"Beløb {a.aar}{i_priser(a)}"]
    if ae:
        kolonner.append("Ændring i pct.")
    raekker = []
    opslag = [(a, {k.navn: k for k in a.finansiering.kommuner}) for a in aar]  # lineært
    for navn, noegle in kommuneraekker(r):
        celler: tuple[Celle, ...] = ()
        for a, kommuner in opslag:
            celler += _finansieringsceller(a, kommuner, noegle)
        if ae:
            aendr = ae.finansiering.get(noegle or "i_alt")
            celler += (Celle(aendr.pct if aendr else None, PCT),)
        raekker.append((navn, celler))
    gns: tuple[Celle, ...] = ()
    for a in aar:
        gns += (Celle(None, ANTAL), Celle(None, PCT), Celle(a.gennemsnitspris, KR))
    if ae:
        gns += (Celle(ae.gennemsnitspris.pct if ae.gennemsnitspris else None, PCT),)
    raekker.append(("Gennemsnitspris pr. plejefamilie", gns))
    note = afrundingsnote((f"for {a.aar}{i_priser(a)}", a.finansiering) for a in aar)
    return Tabel("finansiering", "Udviklingen i objektiv finansiering", tuple(kolonner),
                 tuple(raekker), note, kort="Objektiv finansiering",
                 grupper=(3,) * len(aar) + ((1,) if ae else ()))


def gruppenavn(g: int) -> str:
    return f"Takstgruppe {g + 1} ({TAKSTGRUPPER[g]})"


def _uden_kr_aendring(r: Rapport, raekker):
    """Notatets takst- og BPA-tabeller viser kun ændringen i procent."""
    if not r.aendringer:
        return raekker
    return tuple((navn, (c[0], c[1], c[3])) for navn, c in raekker)


def _kolonner_pct(r: Rapport, foerste: str) -> tuple[str, ...]:
    k = _kolonner(r, foerste)
    return k if len(k) == 2 else (k[0], k[1], k[2], k[4])


def takst_pr_tilbud(r: Rapport) -> Tabel:
    nu, ae = r.budgetaar, r.aendringer
    raekker = tuple(
        _raekke(gruppenavn(g), r, nu.takster.tilsyn[g], ae.takster["tilsyn"][g] if ae else None,
                KR)
        for g in range(4)
    )
    return Tabel("takst_pr_tilbud", "Udvikling i takst pr. tilbud (årlig tilsynstakst)",
                 _kolonner_pct(r, "Kr."), _uden_kr_aendring(r, raekker), med_genberegnet(r),
                 kort="Takst pr. tilbud")


def _bpa_aendring(r: Rapport, navn: str) -> Aendring | None:
    """BPA-taksten ``navn`` mod året før; None uden året før, eller når det ikke har BPA."""
    return r.aendringer.bpa[navn] if r.aendringer and r.aendringer.bpa else None


def bpa(r: Rapport) -> Tabel:
    """Timeprisen og BPA-taksterne (notatets "BPA-området"); kun for et budgetår med BPA."""
    nu, ae = r.budgetaar, r.aendringer
    t = nu.takster
    timer = t.normtimer
    assert t.bpa_tilsyn is not None and t.bpa_nygodkendelse is not None
    raekker = (
        _raekke("Timepris", r, t.timepris, ae.timepris if ae else None, KR),
        _raekke(f"Tilsyn med godkendt BPA-virksomhed ({tal(timer['bpa_tilsyn'])} timer)", r,
                t.bpa_tilsyn, _bpa_aendring(r, "tilsyn"), KR),
        _raekke(f"Nygodkendelse af BPA-virksomhed ({tal(timer['bpa_nygodkendelse'])} timer)", r,
                t.bpa_nygodkendelse, _bpa_aendring(r, "nygodkendelse"), KR),
    )
    return Tabel("bpa", "BPA-området: timepris og takster", _kolonner_pct(r, "Kr."),
                 _uden_kr_aendring(r, raekker),
                 med_genberegnet(r, uden_bpa_foer(r, "har ingen BPA-takster"), bpa=True),
                 kort="BPA")


def timepris(r: Rapport) -> Tabel:
    """Timeprisen alene, for et tilsyn uden BPA: tilbudsafdelingens pris pr. normtime, som
    taksterne pr. tilbud regnes af (docs/omkostningsmodel.md)."""
    nu, ae = r.budgetaar, r.aendringer
    raekker = (_raekke("Timepris", r, nu.takster.timepris, ae.timepris if ae else None, KR),)
    return Tabel("timepris", "Timepris (Tilbudsafdelingens pris pr. normtime)",
                 _kolonner_pct(r, "Kr."), _uden_kr_aendring(r, raekker), med_genberegnet(r),
                 kort="Timepris")


def timepris_og_bpa(r: Rapport) -> Tabel:
    """BPA-tabellen med timeprisen, når budgetåret har BPA; ellers timeprisen alene."""
    return bpa(r) if r.budgetaar.har_bpa else timepris(r)


SKAERPET = {
    SkaerpetGrundlag.AFRUNDET: "Skærpet tilsyn: 10 % af den årlige tilsynstakst pr. påbegyndt "
                               "måned (socialtilsynsbekendtgørelsen § 33).",
    SkaerpetGrundlag.UAFRUNDET: "Skærpet tilsyn: 10 % af den uafrundede årlige tilsynstakst pr. "
                                "påbegyndt måned, afrundet til hele kroner "
                                "(socialtilsynsbekendtgørelsen § 33).",
}


# Takstbladets fire takster med deres navn i tabellerne (takstblad, scenarie, følsomhed).
TAKSTNAVNE = {"tilsyn": "Tilsyn (årlig takst)",
              "skaerpet_tilsyn_pr_maaned": "Skærpet tilsyn pr. påbegyndt måned",
              "nygodkendelse": "Nygodkendelse", "vaesentlig_aendring": "Væsentlig ændring"}
TAKSTKOLONNER = tuple(TAKSTNAVNE[n] for n in TAKSTBLADET)


def _takstblad(a: Aarsresultat, noegle: str, note: str | None) -> Tabel:
    """Et års takstblad for tilbud; står det i et andet års priser, siger titel, første kolonne
    og fanebladets navn det (et regneark viser ikke titlen)."""
    t = a.takster
    raekker = tuple((gruppenavn(g), tuple(Celle(getattr(t, n)[g], KR) for n in TAKSTBLADET))
                    for g in range(4))
    andre = a.prisniveau != a.aar
    return Tabel(noegle, f"Takstblad {a.aar} for tilbud{i_priser(a)}",
                 (f"Kr.{i_priser(a)}", *TAKSTKOLONNER), raekker, note,
                 kort=f"Takstblad {a.aar} ({a.prisniveau}-priser)" if andre else "Takstblad")


def takstblade(r: Rapport) -> list[Tabel]:
    """Taksterne for tilbud pr. takstgruppe, i den rækkefølge tilsynene offentliggør dem; med
    året før også dets takstblad i budgetårets priser og ændringen i procent, som oversigtens
    Tabel 2a ("Takster 2023", "Takster 2022", "Ændring i pct.", issue 12)."""
    nu, foer, ae = r.budgetaar, r.forrige_aar, r.aendringer
    blade = [_takstblad(nu, "takstblad", SKAERPET[nu.takster.skaerpet_grundlag])]
    if foer is None or ae is None:
        return blade
    blade.append(_takstblad(foer, "takstblad_forrige", med_genberegnet(r)))
    raekker = tuple((gruppenavn(g), tuple(Celle(ae.takster[n][g].pct, PCT) for n in TAKSTBLADET))
                    for g in range(4))
    blade.append(Tabel("takstblad_aendring", f"Ændring i pct. fra {foer.aar} til {nu.aar}",
                       ("Pct.", *TAKSTKOLONNER), raekker, kort="Takstblad ændring i pct."))
    return blade


def bpa_takster(r: Rapport) -> Tabel:
    """BPA-taksterne som timer × timepris (socialtilsynsbekendtgørelsen § 32); med året før
    også dets takster i budgetårets priser."""
    nu, foer, ae = r.budgetaar, r.forrige_aar, r.aendringer
    t = nu.takster
    timer = t.normtimer
    assert t.bpa_tilsyn is not None and t.bpa_nygodkendelse is not None
    # Taksternes celler som i BPA-tabellen (_raekke): året før, budgetåret og ændringen i pct.
    takster = _uden_kr_aendring(r, (
        _raekke("", r, t.timepris, ae.timepris if ae else None, KR),
        _raekke("", r, t.bpa_tilsyn, _bpa_aendring(r, "tilsyn"), KR),
        _raekke("", r, t.bpa_nygodkendelse, _bpa_aendring(r, "nygodkendelse"), KR)))
    navne = (("Timepris", None), ("Tilsyn med godkendt BPA-virksomhed (årlig takst)", "bpa_tilsyn"),
             ("Nygodkendelse af BPA-virksomhed", "bpa_nygodkendelse"))
    raekker = [(navn, (Celle(timer[tn] if tn else None, TIMER), *celler))
               for (navn, tn), (_, celler) in zip(navne, takster)]
    kolonner = ("Kr.", "Timer", "Takst") if foer is None or ae is None else (
        "Kr.", "Timer", f"Takst {foer.aar}{i_priser(foer)}", f"Takst {nu.aar}", "Ændring i pct.")
    timepris = f"{tal(t.timepris)} kr. {aaret_i_priser(nu)}" + (
        f", {tal(foer.takster.timepris)} kr. {aaret_i_priser(foer)}" if foer else "")
    return Tabel("bpa_takster", f"Takstblad {nu.aar} for BPA-virksomheder", kolonner,
                 tuple(raekker), med_genberegnet(
                     r, " ".join(n for n in (f"Takst = timer × timepris ({timepris}), afrundet til "
                                             "hele kroner.",
                                             uden_bpa_foer(r, "har ingen BPA-takster")) if n),
                     True),
                 kort="BPA-takster")


# Hvornår hver takst opkræves (lov om socialtilsyn § 23, socialtilsynsbekendtgørelsen §§ 32-33),
# i takstbladets rækkefølge; skærpet tilsyn efter filens grundlag, BPA kun for et år med BPA.
OPKRAEVNING = {
    "tilsyn": "Tilsyn: hvert år pr. godkendt tilbud efter takstgruppen, fra måneden efter "
              "godkendelsen (socialtilsynsbekendtgørelsen § 32).",
    SkaerpetGrundlag.AFRUNDET: "Skærpet tilsyn: et tillæg på 10 % af den årlige tilsynstakst for "
                               "hver påbegyndt måned, det skærpede tilsyn varer (§ 33).",
    SkaerpetGrundlag.UAFRUNDET: "Skærpet tilsyn: et tillæg på 10 % af den uafrundede årlige "
                                "tilsynstakst, afrundet til hele kroner, for hver påbegyndt "
                                "måned, det skærpede tilsyn varer (§ 33).",
    "nygodkendelse": "Nygodkendelse: én gang, for godkendelsen af et nyt tilbud, efter "
                     "takstgruppen (§ 32).",
    "vaesentlig_aendring": "Væsentlig ændring: én gang, for godkendelsen af en væsentlig ændring "
                           "af et tilbud (§ 32).",
    "bpa": "BPA-virksomheder: tilsyn hvert år pr. godkendt virksomhed og nygodkendelse én gang, "
           "begge som timer × timepris (lov om socialtilsyn § 23; socialtilsynsbekendtgørelsen "
           "§ 32).",
    "takstgruppe": "Takstgruppen følger tilbuddets pladser: 1-7, 8-24, 25-49 eller 50+. For "
                   "behandlingstilbud (SEL §§ 101 og 101 a, SUL § 141) er pladserne det "
                   "forventede antal borgere i behandling i året ÷ 10 (§ 32).",
}


def opkraevningslinjer(a: Aarsresultat) -> tuple[str, ...]:
    """Hvornår taksterne opkræves i året ``a``: skærpet tilsyn efter filens grundlag, og
    BPA-virksomhederne kun, når året har BPA."""
    noegler = ("tilsyn", a.takster.skaerpet_grundlag, "nygodkendelse", "vaesentlig_aendring",
               *(("bpa",) if a.har_bpa else ()), "takstgruppe")
    return tuple(OPKRAEVNING[n] for n in noegler)


def opkraevning(a: Aarsresultat) -> Tabel:
    return Tabel("opkraevning", "Hvornår taksterne opkræves", ("Takst",),
                 tuple((linje, ()) for linje in opkraevningslinjer(a)), kort="Opkrævning")


def _takstdata(a: Aarsresultat, bpa: bool) -> dict[str, object]:
    """Et års takstblad som data (JSON): til en hjemmeside, et regneark eller et andet program;
    ``bpa``: med BPA-taksterne (budgetåret og året har BPA)."""
    t = a.takster
    data: dict[str, object] = {
        "aar": a.aar, "prisniveau": a.prisniveau, "timepris": t.timepris,
        "takstgrupper": [
            {"takstgruppe": g + 1, "pladser": TAKSTGRUPPER[g].removesuffix(" pladser"),
             **{n: getattr(t, n)[g] for n in TAKSTBLADET}}
            for g in range(4)],
    }
    if bpa and a.har_bpa:
        data["bpa"] = {"tilsyn": t.bpa_tilsyn, "tilsyn_timer": t.normtimer["bpa_tilsyn"],
                       "nygodkendelse": t.bpa_nygodkendelse,
                       "nygodkendelse_timer": t.normtimer["bpa_nygodkendelse"]}
    if t.skaerpet_grundlag is not SkaerpetGrundlag.AFRUNDET:  # standarden nævnes ikke
        data["skaerpet_grundlag"] = t.skaerpet_grundlag
    return data


def takstbladvisning(r: Rapport) -> Visning:
    """``takstblad``: den ene side, tilbuddene har brug for, som tilsynene lægger den på nettet:
    taksterne for tilbud og (med BPA) BPA-virksomheder, og hvornår hver opkræves (issue 11); med
    året før også dets takstblad i budgetårets priser og ændringen i procent (issue 12)."""
    nu, foer, ae = r.budgetaar, r.forrige_aar, r.aendringer
    data: dict[str, object] = {"tilsyn": r.tilsyn, **_takstdata(nu, nu.har_bpa)}
    if foer is not None and ae is not None:
        data["forrige_aar"] = _takstdata(foer, nu.har_bpa)
        data["aendring_pct"] = [{"takstgruppe": g + 1, **{n: ae.takster[n][g].pct
                                                         for n in TAKSTBLADET}} for g in range(4)]
    data["opkraevning"] = list(opkraevningslinjer(nu))
    hvem = "tilbud og BPA-virksomheder" if nu.har_bpa else "tilbud"
    linjer = (f"Takster for tilsyn med {hvem} i {nu.aar}, i hele kroner"
              + (f" og {nu.prisniveau}-priser: ikke de takster, der blev opkrævet i {nu.aar}."
                 if nu.prisniveau != nu.aar else "."),)
    if foer is not None:
        linjer += (indledning(r),)
    bpa_blad = (bpa_takster(r),) if nu.har_bpa else ()
    return Visning(f"{r.tilsyn} – Takstblad {nu.aar}", f"(i {nu.prisniveau}-priser)", linjer,
                   (*takstblade(r), *bpa_blad, opkraevning(nu)), data)


def omkostningsmodel(r: Rapport) -> Tabel:
    t = r.budgetaar.takster
    d = t.daekning
    raekker = (
        ("Tilbudsafdelingens budget", (Celle(d.budget, KR),)),
        ("Normtimer i alt (vægtet)", (Celle(t.timer_i_alt, TIMER),)),
        ("Timepris, uafrundet (budget ÷ timer)", (Celle(t.timepris_uafrundet, KR),)),
        ("Timepris", (Celle(t.timepris, KR),)),
        ("Indtægt ved takster (Σ antal × takst)", (Celle(d.indtaegt, KR),)),
        ("Afrundingsrest (indtægt - budget)", (Celle(d.rest, KR),)),
    )
    return Tabel("omkostningsmodel", "Omkostningsmodel og omkostningsdækning", ("", "Værdi"),
                 raekker, "Takst = vægt (1 : 1,2 : 2 : 3) × normtimer × timepris, afrundet "
                 "til hele kroner (socialtilsynsbekendtgørelsen § 32).", kort="Omkostningsmodel")


def prislinje(r: Rapport) -> str:
    """Hvordan året før er bragt i budgetårets priser: med PL-faktoren, eller (står budgetfilen
    for året før allerede i de priser) uden (docs/afrunding-og-priser.md; issue 12)."""
    nu, foer = r.budgetaar, r.forrige_aar
    assert foer is not None
    if foer.filens_priser == nu.prisniveau:
        return (f"{foer.aar} er vist i {nu.prisniveau}-priser, som budgetfilen for {foer.aar} "
                f"angiver beløbene (prisniveau = {foer.filens_priser}); der er ingen "
                "PL-fremskrivning.")
    return f"{foer.aar} er vist i {nu.prisniveau}-priser (PL-faktor {tal(r.pl_faktor)})."


def genberegnet(r: Rapport, bpa: bool = False) -> str | None:
    """Hvad året før i budgetårets priser er (issue 19, punkt 11): året førs model regnet igen
    af budgettet × PL, hvert tal afrundet én gang i de nye priser, ikke sidste års tal × PL
    (så notaternes tal gengives); ``bpa``: også BPA-taksternes timepris, når året før har
    BPA-takster. ``None`` uden året før."""
    nu, foer = r.budgetaar, r.forrige_aar
    if foer is None:
        return None
    if foer.filens_priser == nu.prisniveau:
        return (f"{foer.aar} er regnet med modellen for {foer.aar} af budgetfilens beløb, som "
                f"står i {nu.prisniveau}-priser (ingen PL-fremskrivning).")
    pl, priser = tal(r.pl_faktor), f"{nu.prisniveau}-priser"
    return (f"{foer.aar} i {priser} er regnet igen med modellen for {foer.aar} af budgettet × "
            f"PL-faktoren {pl}, og hvert tal er afrundet én gang, i {priser}: en takst er derfor "
            f"ikke {foer.aar}-taksten × {pl}."
            + (f" BPA-taksterne er timer × timeprisen afrundet i {priser}."
               if bpa and foer.har_bpa else ""))


def med_genberegnet(r: Rapport, note: str | None = None, bpa: bool = False) -> str | None:
    """En tabels note, og under en tabel med året førs takster, hvordan de er regnet."""
    return " ".join(d for d in (note, genberegnet(r, bpa) if r.aendringer else None) if d) or None


def indledning(r: Rapport) -> str:
    """Linjen over tabellerne: året før i budgetårets priser, eller budgetåret alene."""
    nu = r.budgetaar
    if r.forrige_aar is None:
        egne = (f" Budgetfilen angiver beløbene i {nu.prisniveau}-priser." if nu.prisniveau
                != nu.aar else "")
        return (f"Ingen budgetfil for {nu.aar - 1}: budgetåret vises alene, uden sammenligning."
                + egne)
    return prislinje(r)


def scenarielinje(s: Scenarieinfo) -> str:
    """Det første, en visning af et scenarie siger: at tallene ikke er budgetfilens (issue 10)."""
    from tilsynstakst.budgetfil.scenarie import SAET

    navn = "--saet på kommandolinjen" if s.navn == SAET else f"{s.navn}: {s.beskrivelse}"
    n = len(s.aendringer)
    return (f"SCENARIE ({navn}): beregnet med {n} {'ændret værdi' if n == 1 else 'ændrede værdier'}"
            f" i forhold til {s.fil} (tabellen Scenarie); ikke budgettet, som det står i filen.")


def scenarietabel(s: Scenarieinfo) -> Tabel:
    """Hver ændret værdi med filens værdi ved siden af; en tekst (fx et kvartal) står i navnet."""
    from tilsynstakst.budgetfil.scenarie import som_toml

    raekker = []
    for a in s.aendringer:
        if a.aendring is None:
            raekker.append((f"{a.noegle}: {som_toml(a.i_filen)} → {som_toml(a.i_scenariet)}", ()))
        else:
            raekker.append((a.noegle, (Celle(a.i_filen, ""), Celle(a.i_scenariet, ""),
                                       Celle(a.aendring, ""))))
    return Tabel("scenarie", f"Scenarie: {s.navn}", ("Nøgle", "I filen", "I scenariet", "Ændring"),
                 tuple(raekker), f"Beregnet med disse ændringer af {s.fil}; filen selv er uændret.",
                 kort="Scenarie")


def alle(r: Rapport) -> list[Tabel]:
    """Notatets tabeller i notatets rækkefølge, derefter takstbladet og modellen; et scenaries
    ændringer først."""
    forrest = [scenarietabel(r.scenarie)] if r.scenarie else []
    opbygget = [t for t in (opbygningstabel(r),) if t is not None]
    return forrest + [antalsforudsaetninger(r), budgettet(r), *opbygget, objektiv_finansiering(r),
                      takst_pr_tilbud(r), timepris_og_bpa(r), *takstblade(r),
                      omkostningsmodel(r)]


def rapportvisning(r: Rapport) -> Visning:
    """``beregn``: budgetårets tabeller; et scenarie siges før alt andet."""
    nu = r.budgetaar
    titel = f"{r.tilsyn} – Budget {nu.aar}" + (" – SCENARIE" if r.scenarie else "")
    linjer = ((scenarielinje(r.scenarie),) if r.scenarie else ()) + (indledning(r),)
    data = {"scenarie": r.scenarie, **{f.name: getattr(r, f.name) for f in fields(r)
                                       if f.name != "scenarie"}}
    tabeller = alle(r)
    if r.scenarie:  # hver tabel, også et faneblad eller en CSV-række for sig, siger det
        tabeller = tabeller[:1] + [replace(t, titel=f"{t.titel} – SCENARIE",
                                           kort=f"{t.kort_navn[:20]} (scenarie)") for t in tabeller[1:]]
    return Visning(titel, f"(i {nu.prisniveau}-priser)", linjer, tuple(tabeller), data)
