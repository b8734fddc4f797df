"""Budgetnotatet som indhold: overskrifter, sætninger, tabeller og et diagram, i notatets orden.

Som ``tabeller``: her vælges og formuleres kun tal, der allerede er beregnet (``rapport``); der
regnes ikke. Sætningerne er notatets egne vendinger, med ord for retningen (stigning, nedgang,
uændret) valgt efter fortegnet. Markdown og Word (``render.notat_*``) viser det samme indhold.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from tilsynstakst.beregning.fordeling import STOERSTE_REST
from tilsynstakst.fund import Fund
from tilsynstakst.beregning.aarsresultat import Rapport
from tilsynstakst.kontrol.sammenhaeng import er_udkast
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.budgetfil.model import Budget, Notathoved
from tilsynstakst.visning.tabeller import (Tabel, aaret_i_priser, antalsforudsaetninger, budgettet,
                                   i_priser, timepris_og_bpa,
                                   kommuneraekker, objektiv_finansiering, omkostningsmodel,
                                   opbygningstabel,
                                   prislinje, scenarielinje, scenarietabel, takst_pr_tilbud,
                                   takstblade)
from tilsynstakst.tal import antal, dato, kroner, kvartal, kvartalets_dag, procent, tal, vis


@dataclass(frozen=True)
class Overskrift:
    tekst: str
    niveau: int = 2


@dataclass(frozen=True)
class Afsnit:
    tekst: str


@dataclass(frozen=True)
class Punkter:
    punkter: tuple[str, ...]


@dataclass(frozen=True)
class Tabelblok:
    tabel: Tabel
    # Word nummererer tabellerne ("Tabel 3: …"); en tabel, hvis titel har sit eget nummer (som
    # landsoversigtens "Tabel 2a: …"), står med titlen alene.
    nummereret: bool = True
    # Tabelteksten, når den ikke er tabellens titel: det, titlen siger ud over afsnittets
    # overskrift lige over ("" = kun nummeret), så intet står to gange (``_uden_dobbelt``).
    titel: str | None = None

    @property
    def tabeltekst(self) -> str:
        return self.tabel.titel if self.titel is None else self.titel


@dataclass(frozen=True)
class Diagram:
    """Søjler pr. kategori (kommune) for hver serie (år), i hele kroner."""

    titel: str
    kategorier: tuple[str, ...]
    serier: tuple[tuple[str, tuple[Decimal, ...]], ...]


@dataclass(frozen=True)
class Teksttabel:
    """En tabel af tekster (ingen tal at regne med), fx de kalibrerede værdier med deres
    danske navne: (navn, værdi, status) pr. række; den første række er kolonnerne."""

    titel: str
    kolonner: tuple[str, ...]
    raekker: tuple[tuple[str, ...], ...]


Blok = Overskrift | Afsnit | Punkter | Tabelblok | Diagram | Teksttabel


@dataclass(frozen=True)
class Notat:
    titel: str
    blokke: tuple[Blok, ...]
    tilsyn: str = ""  # forfatteren i et dokuments egenskaber
    egenskabstitel: str = ""  # "Budget AAAA – TILSYN", med et scenaries eller udkasts mærke foran
    # Notatets hoved under titlen: (ledetekst, værdi), kun de felter, filen eller
    # kommandolinjen angiver ("Til", "DAS Social"), i fast orden.
    hoved: tuple[tuple[str, str], ...] = ()


def _retning(a: Aendring, op: str = "en stigning", ned: str = "en nedgang") -> str:
    return op if a.aendring > 0 else ned if a.aendring < 0 else "ingen ændring"


def _pct(a: Aendring) -> str:
    return procent(abs(a.pct)) if a.pct is not None else "–"


def budgetudvikling(a: Aendring, hvad: str = "i budgettet") -> str:
    """'en stigning i budgettet på 3,7 % eller kr. 604.096', 'et fald ...' eller 'et uændret
    budget' (notatets vending, s. 2)."""
    if a.aendring == 0:
        return "et uændret budget"
    return f"{_retning(a, ned='et fald')} {hvad} på {_pct(a)} eller {kroner(abs(a.aendring))}"


def udvikling(emne: str, a: Aendring, tillaeg: str = "", r: Rapport | None = None) -> str:
    """'Timeprisen stiger med 5,8 %, fra kr. 635 til kr. 672.' (eller falder, eller er uændret);
    med ``r`` siges årene og priserne: 'fra kr. 635 for 2023 i 2024-priser til kr. 672 i 2024'."""
    if a.aendring == 0:
        return f"{emne} er uændret{tillaeg}: {kroner(a.budgetaar)}."
    verbum = "stiger" if a.aendring > 0 else "falder"
    fra, til = ((f" {aaret_i_priser(r.forrige_aar)}", f" {aaret_i_priser(r.budgetaar)}")
                if r and r.forrige_aar else ("", ""))
    return (f"{emne} {verbum} med {_pct(a)}{tillaeg}, fra {kroner(a.forrige)}{fra} til "
            f"{kroner(a.budgetaar)}{til}.")


def _budgetsaetninger(r: Rapport) -> list[str]:
    """Resuméets første sætninger (notatet s. 1-2)."""
    nu, ae = r.budgetaar, r.aendringer
    if ae is None or ae.budget["samlet"].aendring == 0:
        uaendret = " med et uændret samlet budget" if ae else ""
        return [f"{r.tilsyn} har udarbejdet et budget for {nu.aar}{uaendret} på "
                f"{kroner(nu.budget['samlet'])}."]
    s, t, p = ae.budget["samlet"], ae.budget["tilbudsafdelingen"], ae.budget["plejefamilieafdelingen"]
    return [
        f"{r.tilsyn} har udarbejdet et budget for {nu.aar}, der indebærer "
        f"{_retning(s, ned='et fald')} i det samlede budget på {_pct(s)}, svarende til "
        f"{kroner(abs(s.aendring))}.",
        f"For Tilbudsafdelingen er der tale om {budgetudvikling(t)}, og for "
        f"Plejefamilieafdelingen er der tale om {budgetudvikling(p)}.",
    ]


def _antal_punkt(a: Aendring, omraade: str, hvad: tuple[str, str]) -> str:
    """``hvad``: (ental, flertal), så der står "1 virksomhed" og "3 virksomheder"."""
    if a.aendring == 0:
        return f"{omraade} forventes antallet af {hvad[1]} uændret ({tal(a.budgetaar)})."
    pct = f", svarende til {_pct(a)}" if a.pct is not None else ""  # ingen procent af 0
    return f"{omraade} forventes {_retning(a)} på {antal(abs(a.aendring), *hvad)}{pct}."


def _opgavepunkter(r: Rapport) -> list[str]:
    """Udviklingen i opgaverne (resuméet og notatet s. 2)."""
    ae = r.aendringer
    if ae is None:
        return []
    a = ae.antal
    tilbud = a["tilbud_i_alt"]
    tilbud_tekst = (f"Det samlede antal tilbud forventes uændret ({tal(tilbud.budgetaar)})."
                    if tilbud.aendring == 0 else
                    f"Det samlede antal tilbud forventes at blive {tal(tilbud.budgetaar)}, "
                    f"{_retning(tilbud)} på {tal(abs(tilbud.aendring))}.")
    bpa = ([_antal_punkt(a["bpa_tilsyn"], "For området for BPA-virksomheder",
                         ("virksomhed", "virksomheder"))]
           if r.budgetaar.har_bpa else [])
    return [
        _antal_punkt(a["plejefamilier_i_alt"], "På plejefamilieområdet",
                     ("plejefamilie", "plejefamilier")),
        *bpa,
        _antal_punkt(a["vaesentlige_aendringer"], "På tilbudsområdet",
                     ("ansøgning om væsentlig ændring", "ansøgninger om væsentlige ændringer")),
        tilbud_tekst,
    ]


def _prissaetninger(r: Rapport) -> list[str]:
    """Gennemsnitsprisen, taksterne og timeprisen (notatet s. 3-4)."""
    ae = r.aendringer
    if ae is None:
        return []
    saetninger = []
    if ae.gennemsnitspris is not None:
        saetninger.append(udvikling("Gennemsnitsprisen pr. plejefamilie", ae.gennemsnitspris,
                                    r=r))
    tilsyn = ae.takster["tilsyn"]
    if len({a.pct for a in tilsyn}) == 1:
        saetninger.append(udvikling("Taksten pr. tilbud", tilsyn[0],
                                    " i alle takstgrupper (beløbene er takstgruppe 1's)", r))
    else:
        saetninger.append("Taksten pr. tilbud ændres med " + ", ".join(
            f"{procent(a.pct) if a.pct is not None else '–'} i takstgruppe {g + 1}"
            for g, a in enumerate(tilsyn)) + ".")
    saetninger.append(udvikling("Timeprisen", ae.timepris, r=r) + " " + _timeprisens_brug(r))
    return saetninger


def _timeprisens_brug(r: Rapport) -> str:
    """Hvad timeprisen bruges til: med BPA også BPA-taksterne (timer × timepris); uden BPA er
    den blot Tilbudsafdelingens pris pr. normtime (docs/omkostningsmodel.md)."""
    if r.budgetaar.har_bpa:
        return "Den bruges til BPA-taksterne og ligger til grund for taksterne pr. tilbud."
    return ("Den er Tilbudsafdelingens pris pr. normtime (budgettet divideret med de vægtede "
            "normtimer) og ligger til grund for taksterne pr. tilbud.")


def _overfoert(r: Rapport, budget: Budget) -> list[str]:
    """Over- eller underskud fra et tidligere regnskab, indregnet i budgettet (docs/regler.md)."""
    beloeb, o = r.budgetaar.overfoert_resultat, budget.overfoert_resultat
    if not beloeb or o is None:
        return []
    art = "overskud" if beloeb > 0 else "underskud"
    # Beløbet er det indregnede, ikke nødvendigvis hele resultatet (2024: halvdelen af 501.980).
    saetning = (f"{kroner(abs(beloeb)).capitalize()} af {art}det fra Regnskab {o.regnskabsaar} er "
                "indregnet i takster og objektiv finansiering")
    if (dele := o.dele()) is not None:  # fordelt på afdelingerne (budgettet bygget af poster)
        saetning += (f": {kroner(abs(dele['tilbudsafdelingen']))} i Tilbudsafdelingen og "
                     f"{kroner(abs(dele['plejefamilieafdelingen']))} i Plejefamilieafdelingen")
    return [saetning + "."]


def _antal_afsnit(r: Rapport) -> str:
    a = r.budgetaar.antal
    bpa = (f" På området for BPA-virksomheder forventes i alt "
           f"{antal(a['bpa_tilsyn'], 'virksomhed', 'virksomheder')}." if r.budgetaar.har_bpa
           else "")
    ny = ("nygodkendelse", "nygodkendelser")
    return (f"For Budget {r.budgetaar.aar} forventes det samlede antal plejefamilier at udgøre "
            f"{antal(a['plejefamilier'], 'plejefamilie', 'plejefamilier')} foruden "
            f"{antal(a['plejefamilier_nygodkendelser'], *ny)} i løbet af året. For "
            f"tilbudsområdet forventes {tal(a['tilbud'])} tilbud samt "
            f"{antal(a['tilbud_nygodkendelser'], *ny)}.{bpa}")


def _finansieringsafsnit(r: Rapport) -> list[str]:
    ae = r.aendringer
    tekst = ("Hver kommune betaler den andel af Plejefamilieafdelingens budget, der svarer til "
             "kommunens andel af de 0-17-årige i socialtilsynets område, som Danmarks Statistik "
             f"har opgjort dem pr. {kvartalets_dag(r.budgetaar.finansiering.kvartal)} "
             f"({kvartal(r.budgetaar.finansiering.kvartal)}; lov om socialtilsyn § 23).")
    if ae is None:
        return [tekst]
    i_alt, fra_til = ae.finansiering["i_alt"], f"Fra Budget {r.forrige_aar.aar} til Budget " \
        f"{r.budgetaar.aar}"
    if i_alt.aendring == 0:
        return [tekst, f"{fra_til} er de samlede udgifter til den objektive finansiering uændrede."]
    return [tekst, f"{fra_til} er der sket {_retning(i_alt, ned='et fald')} i de samlede udgifter "
                   f"til den objektive finansiering på {_pct(i_alt)}."]


def _diagram(r: Rapport) -> Diagram:
    """Beløbet pr. kommune i begge år; en kommune, der kun er med i ét år, står med 0 i det andet."""
    nu, foer = r.budgetaar, r.forrige_aar
    raekker = [(vist, navn) for vist, navn in kommuneraekker(r) if navn is not None]
    serier = []
    for aar, titel in ((foer, f"{foer.aar}{i_priser(foer)}" if foer else ""),
                       (nu, f"{nu.aar}{i_priser(nu)}")):
        if aar is not None:
            beloeb = {k.navn: k.beloeb for k in aar.finansiering.kommuner}
            serier.append((titel, tuple(beloeb.get(n, Decimal(0)) for _, n in raekker)))
    return Diagram("Objektiv finansiering pr. kommune, kr.", tuple(v for v, _ in raekker),
                   tuple(serier))


def _bpa_afsnit(r: Rapport) -> list[Blok]:
    """Notatets afsnit om BPA-området (s. 4), eller for et tilsyn uden BPA om timeprisen."""
    t = r.budgetaar.takster
    h = t.normtimer
    if not r.budgetaar.har_bpa:
        return [Overskrift("Timeprisen"), Tabelblok(timepris_og_bpa(r)), Afsnit(
            "Timeprisen er Tilbudsafdelingens budget divideret med de vægtede normtimer, årets "
            "opgaver forventes at kræve; hver takst pr. tilbud er vægt × normtimer × timepris.")]
    return [Overskrift("BPA-området"), Tabelblok(timepris_og_bpa(r)), Afsnit(
        f"Taksten for nygodkendelser og tilsyn med godkendte BPA-virksomheder beregnes efter "
        f"antal anvendte timer ganget med timeprisen. I Budget {r.budgetaar.aar} er det "
        f"forudsat, at der anvendes {antal(h['bpa_tilsyn'], 'time', 'timer')} til at føre "
        f"tilsyn med en godkendt BPA-virksomhed ({kroner(t.bpa_tilsyn)}) og "
        f"{antal(h['bpa_nygodkendelse'], 'time', 'timer')} til en nygodkendelse ({kroner(t.bpa_nygodkendelse)}).")]


def _vaerdi(budget: Budget, sti: str) -> Any:
    node: Any = budget
    for del_ in sti.split("."):
        node = getattr(node, del_)
    return node


# De værdier, en fil kan mærke kalibreret eller pladsholder, med deres danske navne. En nøgle,
# der ikke står her, vises med sin nøgle (den er stadig rigtig, blot ikke oversat).
NAVNE = {
    "antal.plejefamilier": "Antal plejefamilier",
    "antal.plejefamilier_nygodkendelser": "Antal nygodkendelser af plejefamilier",
    "antal.tilbud": "Antal tilbud",
    "antal.tilbud_nygodkendelser": "Antal nygodkendelser af tilbud",
    "antal.vaesentlige_aendringer": "Antal væsentlige ændringer",
    "antal.bpa_tilsyn": "Antal BPA-virksomheder under tilsyn",
    "antal.bpa_nygodkendelser": "Antal nygodkendelser af BPA-virksomheder",
    "antal.pr_takstgruppe.tilbud": "Tilbud pr. takstgruppe (1-4)",
    "antal.pr_takstgruppe.tilbud_nygodkendelser": "Nygodkendelser af tilbud pr. takstgruppe (1-4)",
    "antal.pr_takstgruppe.vaesentlige_aendringer": "Væsentlige ændringer pr. takstgruppe (1-4)",
    "normtimer.tilsyn": "Normtimer, tilsyn (takstgruppe 1)",
    "normtimer.nygodkendelse": "Normtimer, nygodkendelse (takstgruppe 1)",
    "normtimer.vaesentlig_aendring": "Normtimer, væsentlig ændring (takstgruppe 1)",
    "normtimer.bpa_tilsyn": "Timer pr. tilsyn med en BPA-virksomhed",
    "normtimer.bpa_nygodkendelse": "Timer pr. nygodkendelse af en BPA-virksomhed",
    "budget.tilbudsafdelingen": "Tilbudsafdelingens budget, kr.",
    "budget.plejefamilieafdelingen": "Plejefamilieafdelingens budget, kr.",
}


def _maerkede_raekker(budget: Budget) -> list[tuple[str, str, str]]:
    """(dansk navn, værdi, kalibreret/pladsholder) for hver nøgle i ``kalibreret`` og
    ``pladsholdere``; en tabel (antal pr. takstgruppe, kommunerne) står med en række pr. del."""
    raekker = []
    for sti, maerke in budget.maerker().items():
        v = _vaerdi(budget, sti)
        if isinstance(v, dict):  # kommunerne: én række pr. kommune
            raekker += [(f"0-17-årige, {navn}" if sti == "befolkning.kommuner" else
                         f"{NAVNE.get(sti, sti)}, {navn}", vis(x), maerke) for navn, x in v.items()]
        elif felter := getattr(type(v), "model_fields", None):  # antal.pr_takstgruppe
            raekker += [(NAVNE.get(f"{sti}.{f}", f"{sti}.{f}"), vis(getattr(v, f)), maerke)
                        for f in felter]
        else:
            raekker.append((NAVNE.get(sti, sti), vis(v), maerke))
    return raekker


def _maerkernes_betydning(budget: Budget) -> str:
    """Hvad "kalibreret" og "pladsholder" betyder for netop dette år: kalibreret til de
    offentliggjorte takster kun, når årets fil gengiver offentliggjorte tal; et udkast har
    værdierne fra året før (docs/omkostningsmodel.md)."""
    dele = []
    if budget.kalibreret:
        if er_udkast(budget):
            dele.append(f"Kalibreret: overført fra {budget.aar - 1}, hvor værdien var kalibreret "
                        "til de offentliggjorte takster; den er ikke kalibreret til "
                        f"{budget.aar}.")
        elif budget.offentliggjort is not None or budget.oversigt is not None:
            dele.append("Kalibreret: kilderne offentliggør ikke værdien; den er kalibreret til "
                        "de offentliggjorte takster og timeprisen, så omkostningsmodellen giver "
                        "dem (hvilket års tal, står ved kilden ovenfor).")
        else:
            dele.append(f"Kalibreret: værdien er kalibreret til et års offentliggjorte takster; "
                        f"filen for {budget.aar} gengiver ingen offentliggjorte tal, så det er "
                        f"ikke kontrolleret for {budget.aar}.")
    if budget.pladsholdere:
        dele.append("Pladsholder: ingen kilde offentliggør værdien, og den kan ikke kalibreres; "
                    "de tal, der regnes af den, er ikke tilsynets egne.")
    return " ".join(dele)


def _forudsaetninger(budget: Budget) -> list[Blok]:
    """Kilderne, og de kalibrerede værdier og pladsholderne som én tabel med danske navne."""
    kilder = [f"Budgetfilen: {budget.kilde}", f"Budget: {budget.budget.kilde}",
              f"Antal: {budget.antal.kilde}", f"Normtimer: {budget.normtimer.kilde}",
              f"Befolkning: {budget.befolkning.kilde}"]
    if budget.overfoert_resultat is not None:
        kilder.append(f"Overført resultat: {budget.overfoert_resultat.kilde}")
    blokke: list[Blok] = [Overskrift("Forudsætninger og kilder"), Punkter(tuple(kilder))]
    if raekker := _maerkede_raekker(budget):
        titel = ("Kalibrerede værdier og pladsholdere" if budget.kalibreret and
                 budget.pladsholdere else "Pladsholdere" if budget.pladsholdere else
                 "Kalibrerede værdier")
        blokke += [Teksttabel(titel, ("Forudsætning", "Værdi", "Status"), tuple(raekker)),
                   Afsnit(_maerkernes_betydning(budget))]
    return blokke


NOTATHOVED = (("til", "Til"), ("moede", "Møde"), ("dato", "Dato"), ("sagsnr", "Sagsnr."),
              ("forfatter", "Udarbejdet af"))


def notathoved(hoved: Notathoved | None) -> tuple[tuple[str, str], ...]:
    """Notatets hoved: (ledetekst, værdi) for hvert felt, der er angivet; datoen på dansk."""
    if hoved is None:
        return ()
    return tuple((ledetekst, dato(v) if felt == "dato" else v) for felt, ledetekst in NOTATHOVED
                 if (v := getattr(hoved, felt)) is not None)


def _ud_over(titel: str, overskrift: str) -> str | None:
    """Det, tabellens titel siger ud over overskriften ("Udvikling i X" dækker "Udviklingen i
    X"), eller ``None``, når titlen ikke begynder med overskriften."""
    for foran in (overskrift, overskrift.replace("Udvikling i ", "Udviklingen i ")):
        if titel.casefold().startswith(foran.casefold()):
            rest = titel[len(foran):].strip(" :()")
            return rest[:1].upper() + rest[1:]
    return None


def _uden_dobbelt(blokke: list[Blok]) -> list[Blok]:
    """En tabel lige under en overskrift, der siger det samme ("Udvikling i budgettet" /
    "Udviklingen i budgettet"), får kun det, dens titel siger ud over overskriften, som
    tabeltekst ("BPA-området: timepris og takster" → "Timepris og takster"; ingenting: kun
    tabellens nummer)."""
    ud: list[Blok] = []
    for b in blokke:
        if (isinstance(b, Tabelblok) and ud and isinstance(ud[-1], Overskrift)
                and (rest := _ud_over(b.tabel.titel, ud[-1].tekst)) is not None):
            b = replace(b, titel=rest)
        ud.append(b)
    return ud


def _forbehold(r: Rapport, budget: Budget, fund: Sequence[Fund]) -> list[Blok]:
    """Et scenarie og et udkast siges først, og hvert fund om de viste år står før tallene
    (docs/aaret.md)."""
    blokke: list[Blok] = []
    if r.scenarie:
        blokke += [Afsnit(scenarielinje(r.scenarie)), Tabelblok(scenarietabel(r.scenarie))]
    if er_udkast(budget):
        blokke.append(Afsnit(f"UDKAST. Budgetfilen for {budget.aar} er startet fra året før og "
                             "er ikke gennemgået: kilderne er ikke udfyldt, og tallene er et "
                             "udgangspunkt, ikke et vedtaget budget."))
    if fund:
        blokke += [Overskrift("Forbehold"), Punkter(tuple(
            f"{Path(f.fil).name}: {f.noegle + ': ' if f.noegle else ''}{f.besked}" for f in fund))]
    return blokke


def lav_notat(r: Rapport, budget: Budget, fund: Sequence[Fund] = (),
              hoved: Notathoved | None = None) -> Notat:
    """Notatet i det offentliggjorte notats orden: resumé, opgaver, budget, objektiv
    finansiering, takster, BPA (uden BPA: timeprisen), og til sidst forudsætningerne med kilder.
    Et udkast og kontrollernes fund står først. ``hoved``: notatets hoved (til, møde, dato,
    sagsnr., forfatter), ellers filens ``[notat]``."""
    nu = r.budgetaar
    blokke: list[Blok] = [*_forbehold(r, budget, fund), Afsnit(" ".join(_budgetsaetninger(r)))]
    if punkter := _opgavepunkter(r):
        blokke += [Afsnit(f"Budget {nu.aar} er udarbejdet under hensyntagen til:"),
                   Punkter(tuple(punkter))]
    if priser := _prissaetninger(r) + _overfoert(r, budget):
        blokke.append(Afsnit(" ".join(priser)))
    blokke += [
        Overskrift("Udvikling i opgaver"), Tabelblok(antalsforudsaetninger(r)),
        Afsnit(_antal_afsnit(r)),
        Overskrift("Udvikling i budgettet"), Tabelblok(budgettet(r)),
        *(Tabelblok(t) for t in (opbygningstabel(r),) if t is not None),
        Overskrift("Udvikling i objektiv finansiering"), Tabelblok(objektiv_finansiering(r)),
        *(Afsnit(t) for t in _finansieringsafsnit(r)), _diagram(r),
        Overskrift("Udvikling i takst pr. tilbud"), Tabelblok(takst_pr_tilbud(r)),
        *(Tabelblok(t) for t in takstblade(r)),
        *_bpa_afsnit(r),
        Overskrift("Omkostningsmodellen"), Tabelblok(omkostningsmodel(r)),
        *_forudsaetninger(budget),
    ]
    metode = "største brøkdel" if r.afrunding == STOERSTE_REST else "simpel afrunding"
    pl = f"{prislinje(r)} " if r.forrige_aar is not None else ""
    blokke.append(Afsnit(f"{pl}Afrunding: hele kroner og procenter med én decimal, 5-9 op; "
                         f"den objektive finansiering fordeles med {metode}."))
    udkast = "UDKAST – " if er_udkast(budget) else ""
    scenarie = "SCENARIE – " if r.scenarie else ""
    return Notat(f"{scenarie}{udkast}{r.tilsyn} – Budget {nu.aar}", tuple(_uden_dobbelt(blokke)),
                 r.tilsyn, f"{scenarie}{udkast}Budget {nu.aar} – {r.tilsyn}",
                 notathoved(hoved if hoved is not None else budget.notat))
