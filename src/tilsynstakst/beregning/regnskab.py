"""Regnskabet mod budgettet: indtægter, omkostninger og resultat pr. afdeling (issue 24).

Rene funktioner. Tilbudsafdelingens indtægt er årets takster (budgetfilens, regnet af
``beregn_aar``) × de faktiske antal, + skærpet tilsyn (påbegyndte måneder × månedstaksten,
socialtilsynsbekendtgørelsen § 33) + BPA (lov om socialtilsyn § 23, stk. 3). Budgettet er
afdelingens finansierede budget, så afvigelsen deler sig præcist i én linje pr. aktivitet og
takstgruppe (forskellen i antal × taksten) og budgettets egen afrundingsrest (Σ budgetteret antal
× takst − budgettet, README: Hvad tabellerne betyder). Plejefamilieafdelingens indtægt er den
objektive finansiering (socialtilsynsloven § 20 a): den ændres ikke af aktiviteten.

Omkostningernes budget er det finansierede budget + afdelingens del af et overført overskud
(− af et underskud): overskuddet dækkede omkostninger i budgetåret. Resultatet er indtægt −
omkostninger (overskud positivt). Hvert tal regnes med ``spor.regn``, så ``forklar`` viser det.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tilsynstakst.beregning.aarsresultat import beregn_aar
from tilsynstakst.beregning.spor import Sporet, fra_fil, omfang, regn, sumformel, ved_regel
from tilsynstakst.beregning.takster import AKTIVITETER, AKTIVITETSNAVNE, BPA_SAGER
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.budgetfil.regnskab import Regnskabsart, Regnskabsfil
from tilsynstakst.jsondata import udelad_naar
from tilsynstakst.tal import opremsning

AFDELINGER = ("tilbudsafdelingen", "plejefamilieafdelingen")
# Aktiviteterne pr. takstgruppe i regnskabet: takstbladets, med skærpet tilsyn pr. måned.
REGNSKABSAKTIVITETER = {**AKTIVITETER, "skaerpet_tilsyn": "skaerpet_maaneder"}
AKTIVITETSORD = {**AKTIVITETSNAVNE, "skaerpet_tilsyn": "skærpet tilsyn (måneder)"}
TAKSTNOEGLE = {"tilsyn": "tilsyn", "nygodkendelse": "nygodkendelse",
               "vaesentlig_aendring": "vaesentlig_aendring",
               "skaerpet_tilsyn": "skaerpet_tilsyn_pr_maaned"}
AFRUNDINGSREST = "afrundingsrest"  # budgettets egen rest: indtægt ved takster − budget


@dataclass(frozen=True)
class Indtaegtslinje:
    """Én aktivitet i én takstgruppe (eller BPA): antal i budget og regnskab, taksten, og
    afvigelsen (forskellen i antal × taksten)."""

    budget_antal: int
    antal: int
    forskel: int
    takst: Decimal
    afvigelse: Decimal


@dataclass(frozen=True)
class Tre:
    """Et tal i budget og regnskab, og afvigelsen (regnskab − budget)."""

    budget: Decimal
    regnskab: Decimal
    afvigelse: Decimal


@dataclass(frozen=True)
class Afdeling:
    indtaegt: Tre
    omkostninger: Tre
    resultat: Tre


@dataclass(frozen=True)
class Post:
    post: str
    afdeling: str
    budget: Decimal
    regnskab: Decimal
    afvigelse: Decimal


@dataclass(frozen=True)
class Overfoert:
    budgetaar: int
    beloeb: Decimal
    tilbudsafdelingen: Decimal | None = field(default=None, metadata=udelad_naar(None))
    plejefamilieafdelingen: Decimal | None = field(default=None, metadata=udelad_naar(None))


@dataclass(frozen=True)
class Regnskab:
    """Regnskabet for ``aar`` mod årets budget, i budgetfilens priser (``prisniveau``)."""

    tilsyn: str
    aar: int
    art: Regnskabsart
    prisniveau: int
    # aktivitet → én linje pr. takstgruppe 1-4 (tilsyn, nygodkendelse, væsentlig ændring,
    # skærpet tilsyn); BPA (kun med BPA) → én linje pr. BPA-aktivitet
    indtaegt: dict[str, tuple[Indtaegtslinje, ...]]
    bpa: dict[str, Indtaegtslinje] | None = field(metadata=udelad_naar(None))
    # aktivitet → afvigelsen i indtægt summeret over takstgrupperne (til sætningen og tabellen)
    afvigelse_pr_aktivitet: dict[str, Decimal]
    afrundingsrest: Decimal  # budgettets egen: Σ budgetteret antal × takst − budgettet
    afdelinger: dict[str, Afdeling]  # tilbudsafdelingen, plejefamilieafdelingen, i_alt
    plejefamilier: dict[str, Tre]  # plejefamilier, plejefamilier_nygodkendelser (kun til info)
    poster: tuple[Post, ...]
    # post → afvigelsen summeret over afdelingerne (IT i begge afdelinger er én årsag)
    afvigelse_pr_post: dict[str, Decimal]
    overfoert: tuple[Overfoert, ...]
    overfoert_i_alt: Decimal | None = field(metadata=udelad_naar(None))
    ikke_overfoert: Decimal | None = field(metadata=udelad_naar(None))


def _tre(noegle: str, navn: str, budget: Sporet, regnskab: Sporet) -> tuple[Tre, Sporet, Sporet]:
    """Budget og regnskab noteret under ``noegle``, og afvigelsen = regnskab − budget."""
    b = regn(f"{noegle}.budget", f"{navn}, budget", "{0}", budget)
    r = regn(f"{noegle}.regnskab", f"{navn}, regnskab", "{0}", regnskab)
    a = regn(f"{noegle}.afvigelse", f"{navn}, afvigelse", "{0} − {1}", r, b,
             regel="regnskab − budget (positiv: mere end budgetteret)")
    return Tre(b.vaerdi, r.vaerdi, a.vaerdi), b, r  # type: ignore[arg-type]


def _linje(noegle: str, navn: str, budget_antal: Sporet, antal: Sporet,
           takst: Sporet) -> tuple[Indtaegtslinje, Sporet, Sporet]:
    """En indtægtslinje; giver også leddene til summerne (indtægt i regnskabet og afvigelsen)."""
    b = regn(f"{noegle}.budget_antal", f"{navn}, antal i budgettet", "{0}", budget_antal)
    n = regn(f"{noegle}.antal", f"{navn}, antal i regnskabet", "{0}", antal)
    forskel = regn(f"{noegle}.forskel", f"{navn}, forskel i antal", "{0} − {1}", n, b)
    t = regn(f"{noegle}.takst", f"{navn}, takst", "{0}", takst)
    afv = regn(f"{noegle}.afvigelse", f"{navn}, afvigelse i indtægt", "{0} × {1}", forskel, t,
               regel="forskellen i antal × årets takst (budgetfilens)")
    indtaegt = regn(f"{noegle}.indtaegt", f"{navn}, indtægt i regnskabet", "{0} × {1}", n, t)
    return (Indtaegtslinje(b.vaerdi, n.vaerdi, forskel.vaerdi, t.vaerdi,  # type: ignore[arg-type]
                           afv.vaerdi), afv, indtaegt)  # type: ignore[arg-type]


def regn_regnskab(budget: Budget, regnskab: Regnskabsfil, budget_sti: Path | str | None = None,
                  regnskab_sti: Path | str | None = None) -> Regnskab:
    """Regnskabet mod budgettet (modulets regler). Filerne er kontrolleret mod hinanden først
    (``aaret.regnskab``): samme år, tilsyn og prisniveau, BPA som budgettet, posternes budget
    lig afdelingernes."""
    with omfang("budgetaar", budget_sti):
        aaret = beregn_aar(budget)
        finansieret = {a: fra_fil(f"budget.{a}", getattr(budget.budget, a)) for a in AFDELINGER}
        o = budget.overfoert_resultat
        dele = o.dele() if o is not None else None
        overfoert_del = {a: fra_fil(f"overfoert_resultat.{a}", dele[a]) for a in AFDELINGER} \
            if dele is not None else None
    t = aaret.takster
    fb = {k: Sporet(f"/budgetaar:{k.noegle[1:]}" if k.noegle.startswith(":") else k.noegle,
                    k.vaerdi) for k in finansieret.values()}
    finansieret = dict(zip(AFDELINGER, fb.values()))
    if overfoert_del is not None:
        overfoert_del = {a: Sporet(f"/budgetaar{s.noegle}", s.vaerdi)
                         for a, s in overfoert_del.items()}
    with omfang("regnskab", regnskab_sti):
        return _regnskab(budget, regnskab, t, finansieret, overfoert_del)


def _regnskab(budget: Budget, regnskab: Regnskabsfil, t, finansieret: dict[str, Sporet],
              overfoert_del: dict[str, Sporet] | None) -> Regnskab:
    p_budget, p_regnskab = budget.antal.pr_takstgruppe, regnskab.aktivitet.pr_takstgruppe
    afvigelser: list[Sporet] = []
    indtaegter: list[Sporet] = []
    indtaegt: dict[str, tuple[Indtaegtslinje, ...]] = {}
    pr_aktivitet: dict[str, Decimal] = {}
    for aktivitet, noegle in REGNSKABSAKTIVITETER.items():
        linjer, egne = [], []
        for g in range(4):
            navn = f"{AKTIVITETSORD[aktivitet]}, takstgruppe {g + 1}"
            if aktivitet == "skaerpet_tilsyn":
                b = ved_regel(f"indtaegt.{aktivitet}.{g}.budget_grundlag", 0, navn,
                              "budgettets antalsforudsætninger har ingen måneder med skærpet "
                              "tilsyn, så budgettet er 0")
            else:
                b = Sporet(f"/budgetaar:antal.pr_takstgruppe.{noegle}.{g}",
                           getattr(p_budget, noegle)[g])
            n = fra_fil(f"aktivitet.pr_takstgruppe.{noegle}.{g}", getattr(p_regnskab, noegle)[g])
            takst = Sporet(f"/budgetaar.takster.{TAKSTNOEGLE[aktivitet]}.{g}",
                           getattr(t, TAKSTNOEGLE[aktivitet])[g])
            linje, afv, ind = _linje(f"indtaegt.{aktivitet}.{g}", navn, b, n, takst)
            linjer.append(linje)
            egne.append(afv)
            indtaegter.append(ind)
        indtaegt[aktivitet] = tuple(linjer)
        s = regn(f"afvigelse_pr_aktivitet.{aktivitet}",
                 f"afvigelse i indtægt ved {AKTIVITETSORD[aktivitet]}", sumformel(egne), *egne,
                 regel="summen over takstgruppe 1-4")
        pr_aktivitet[aktivitet] = s.vaerdi  # type: ignore[assignment]
        afvigelser.append(s)
    bpa = None
    if budget.har_bpa:
        bpa = {}
        for sager, aktivitet in BPA_SAGER:
            b = Sporet(f"/budgetaar:antal.{sager}", getattr(budget.antal, sager))
            n = fra_fil(f"aktivitet.{sager}", getattr(regnskab.aktivitet, sager))
            takst = Sporet(f"/budgetaar.takster.{aktivitet}", getattr(t, aktivitet))
            linje, afv, ind = _linje(f"bpa.{aktivitet}", AKTIVITETSNAVNE[aktivitet], b, n, takst)
            bpa[aktivitet] = linje
            afvigelser.append(afv)
            indtaegter.append(ind)
    rest = regn("afrundingsrest", "budgettets afrundingsrest", "{0}",
                Sporet("/budgetaar.takster.daekning.rest", t.daekning.rest),
                regel="Σ budgetteret antal × takst − tilbudsafdelingens budget: taksterne er "
                      "afrundet til hele kroner (README: Hvad tabellerne betyder)")
    afvigelser.append(rest)

    # Tilbudsafdelingen: indtægten i regnskabet er Σ antal × takst; afvigelsen er summen af
    # linjerne og afrundingsresten, og regnskabet er budgettet + den (samme tal, to veje).
    t_ind_r = regn("afdelinger.tilbudsafdelingen.indtaegt.regnskab",
                   "tilbudsafdelingens indtægt, regnskab", sumformel(indtaegter), *indtaegter,
                   regel="Σ faktisk antal × årets takst, + skærpet tilsyn"
                         + (" og BPA" if bpa else ""))
    t_ind_b = regn("afdelinger.tilbudsafdelingen.indtaegt.budget",
                   "tilbudsafdelingens indtægt, budget", "{0}", finansieret["tilbudsafdelingen"],
                   regel="det finansierede budget, som taksterne er sat til at dække (§ 32)")
    t_ind_a = regn("afdelinger.tilbudsafdelingen.indtaegt.afvigelse",
                   "tilbudsafdelingens indtægt, afvigelse", sumformel(afvigelser), *afvigelser,
                   regel="Σ forskel i antal × takst over aktiviteter og takstgrupper + "
                         "budgettets afrundingsrest (= regnskab − budget)")
    assert t_ind_a.vaerdi == t_ind_r.vaerdi - t_ind_b.vaerdi  # delingen er eksakt
    ind = {"tilbudsafdelingen": Tre(t_ind_b.vaerdi, t_ind_r.vaerdi, t_ind_a.vaerdi)}  # type: ignore[arg-type]
    ind_sporet = {"tilbudsafdelingen": (t_ind_b, t_ind_r)}
    pleje = finansieret["plejefamilieafdelingen"]
    tre, b, r = _tre("afdelinger.plejefamilieafdelingen.indtaegt",
                     "plejefamilieafdelingens indtægt (objektiv finansiering)", pleje, pleje)
    ind["plejefamilieafdelingen"], ind_sporet["plejefamilieafdelingen"] = tre, (b, r)

    # Omkostninger: budgettet er det finansierede + den overførte del; regnskabet er filens.
    omk: dict[str, Tre] = {}
    omk_sporet: dict[str, tuple[Sporet, Sporet]] = {}
    for a in AFDELINGER:
        if overfoert_del is not None and overfoert_del[a].vaerdi:
            budget_omk = regn(f"afdelinger.{a}.omkostninger.budget_grundlag",
                              f"{a}s omkostninger, budget", "{0} + {1}", finansieret[a],
                              overfoert_del[a],
                              regel="finansieret budget + afdelingens del af det overførte "
                                    "overskud (det dækkede omkostninger i året)")
        else:
            budget_omk = finansieret[a]
        poster = [p for p in regnskab.omkostninger.poster if p.afdeling == a]
        if regnskab.omkostninger.tilbudsafdelingen is None and a == "tilbudsafdelingen" or \
                regnskab.omkostninger.plejefamilieafdelingen is None and a != "tilbudsafdelingen":
            led = [fra_fil(f"omkostninger.poster.{regnskab.omkostninger.poster.index(p)}.beloeb",
                           p.beloeb, p.post) for p in poster]
            faktisk = regn(f"afdelinger.{a}.omkostninger.poster_i_alt", f"{a}s poster i alt",
                           sumformel(led), *led)
        else:
            faktisk = fra_fil(f"omkostninger.{a}", getattr(regnskab.omkostninger, a))
        omk[a], b, r = _tre(f"afdelinger.{a}.omkostninger", f"{a}s omkostninger", budget_omk,
                            faktisk)
        omk_sporet[a] = (b, r)

    afdelinger: dict[str, Afdeling] = {}
    resultat_sporet: dict[str, tuple[Sporet, Sporet]] = {}
    for a in AFDELINGER:
        rb = regn(f"afdelinger.{a}.resultat.budget", f"{a}s resultat, budget", "{0} − {1}",
                  ind_sporet[a][0], omk_sporet[a][0], regel="indtægt − omkostninger")
        rr = regn(f"afdelinger.{a}.resultat.regnskab", f"{a}s resultat, regnskab", "{0} − {1}",
                  ind_sporet[a][1], omk_sporet[a][1],
                  regel="indtægt − omkostninger (overskud positivt)")
        ra = regn(f"afdelinger.{a}.resultat.afvigelse", f"{a}s resultat, afvigelse",
                  "{0} − {1}", rr, rb, regel="regnskab − budget")
        afdelinger[a] = Afdeling(ind[a], omk[a], Tre(rb.vaerdi, rr.vaerdi, ra.vaerdi))  # type: ignore[arg-type]
        resultat_sporet[a] = (rb, rr)
    i_alt = {}
    for del_, sporet in (("indtaegt", ind_sporet), ("omkostninger", omk_sporet),
                         ("resultat", resultat_sporet)):
        b = regn(f"afdelinger.i_alt.{del_}.budget", f"{del_} i alt, budget", "{0} + {1}",
                 *(sporet[a][0] for a in AFDELINGER))
        r = regn(f"afdelinger.i_alt.{del_}.regnskab", f"{del_} i alt, regnskab", "{0} + {1}",
                 *(sporet[a][1] for a in AFDELINGER))
        x = regn(f"afdelinger.i_alt.{del_}.afvigelse", f"{del_} i alt, afvigelse", "{0} − {1}",
                 r, b, regel="regnskab − budget")
        i_alt[del_] = Tre(b.vaerdi, r.vaerdi, x.vaerdi)  # type: ignore[arg-type]
    afdelinger["i_alt"] = Afdeling(**i_alt)
    resultat_i_alt = Sporet("afdelinger.i_alt.resultat.regnskab", i_alt["resultat"].regnskab)

    plejefamilier = {}
    for navn in ("plejefamilier", "plejefamilier_nygodkendelser"):
        plejefamilier[navn], _, _ = _tre(
            f"plejefamilier.{navn}", navn.replace("_", ", "),
            Sporet(f"/budgetaar:antal.{navn}", getattr(budget.antal, navn)),
            fra_fil(f"aktivitet.{navn}", getattr(regnskab.aktivitet, navn)))

    poster, pr_navn = [], {}
    for i, p in enumerate(regnskab.omkostninger.poster):
        tre, _, _ = _tre(f"poster.{i}", p.post,
                         fra_fil(f"omkostninger.poster.{i}.budget", p.budget),
                         fra_fil(f"omkostninger.poster.{i}.beloeb", p.beloeb))
        poster.append(Post(p.post, p.afdeling, tre.budget, tre.regnskab, tre.afvigelse))
        pr_navn.setdefault(p.post, []).append(Sporet(f"poster.{i}.afvigelse", tre.afvigelse))
    pr_post = {navn: regn(f"afvigelse_pr_post.{navn}", f"afvigelse for {navn}", sumformel(led),
                          *led, regel="summen over afdelingerne").vaerdi
               for navn, led in pr_navn.items()}

    overfoert, led = [], []
    for i, o in enumerate(regnskab.overfoersel):
        aar = regn(f"overfoert.{i}.budgetaar", "budgetåret", "{0}",
                   fra_fil(f"overfoersel.{i}.budgetaar", o.budgetaar))
        beloeb = regn(f"overfoert.{i}.beloeb", f"overført til budget {o.budgetaar}", "{0}",
                      fra_fil(f"overfoersel.{i}.beloeb", o.beloeb))
        led.append(beloeb)
        dele = o.dele() or {}
        for a, v in dele.items():
            regn(f"overfoert.{i}.{a}", f"{a}s del", "{0}", fra_fil(f"overfoersel.{i}.{a}", v))
        overfoert.append(Overfoert(aar.vaerdi, beloeb.vaerdi, dele.get("tilbudsafdelingen"),  # type: ignore[arg-type]
                                   dele.get("plejefamilieafdelingen")))
    overfoert_i_alt = ikke_overfoert = None
    if led:
        s = regn("overfoert_i_alt", "overført i alt", sumformel(led), *led)
        overfoert_i_alt = s.vaerdi
        ikke_overfoert = regn("ikke_overfoert", "resultat, der ikke er overført", "{0} − {1}",
                              resultat_i_alt, s, regel="årets resultat − det overførte").vaerdi

    return Regnskab(budget.tilsyn, regnskab.aar, regnskab.art, budget.priser, indtaegt, bpa,
                    pr_aktivitet, rest.vaerdi, afdelinger, plejefamilier,  # type: ignore[arg-type]
                    tuple(poster), pr_post, tuple(overfoert),  # type: ignore[arg-type]
                    overfoert_i_alt, ikke_overfoert)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Bidrag:
    """Én del af resultatets afvigelse, til sætningen: hvad, og hvor mange kroner."""

    navn: str
    beloeb: Decimal  # nettobidraget
    # Trækker nogle takstgrupper den modsatte vej, er ``brutto`` de navngivne gruppers bidrag og
    # ``modsat`` teksten om de andre ("færre i takstgruppe 1 og 2"); ``beloeb`` er nettoen.
    brutto: Decimal | None = None
    modsat: str = ""


def bidrag(r: Regnskab) -> list[Bidrag]:
    """Afvigelsen i resultatet delt i sine dele (regnskab − budget): indtægten pr. aktivitet
    (summeret over takstgrupperne, med de takstgrupper, der bidrager mest), afrundingsresten,
    og omkostningerne (pr. post, hvor der er poster; ellers pr. afdeling, mindre omkostninger
    er et positivt bidrag). De summer til resultatets afvigelse."""
    ud = []
    for aktivitet, linjer in r.indtaegt.items():
        i_alt = r.afvigelse_pr_aktivitet[aktivitet]
        if not i_alt:
            continue
        grupper = [g + 1 for g, l in enumerate(linjer) if l.afvigelse and
                   (l.afvigelse > 0) == (i_alt > 0)]
        ord_ = "flere" if i_alt > 0 else "færre"
        hvad = AKTIVITETSORD[aktivitet].replace(" (måneder)", "")
        gruppetekst = (f" i takstgruppe {opremsning([str(g) for g in grupper])}" if grupper else "")
        modsatte = [g + 1 for g, l in enumerate(linjer) if l.afvigelse and g + 1 not in grupper]
        brutto = (sum((linjer[g - 1].afvigelse for g in grupper), Decimal(0))
                  if modsatte else None)
        modsat = (f"{'færre' if i_alt > 0 else 'flere'} i takstgruppe "
                  f"{opremsning([str(g) for g in modsatte])}" if modsatte else "")
        ud.append(Bidrag(f"{ord_} {_flertal(hvad)} end budgetteret{gruppetekst}", i_alt,
                         brutto, modsat))
    for aktivitet, l in (r.bpa or {}).items():
        if l.afvigelse:
            ord_ = "flere" if l.afvigelse > 0 else "færre"
            ud.append(Bidrag(f"{ord_} {_flertal(AKTIVITETSNAVNE[aktivitet])} end budgetteret",
                             l.afvigelse))
    if r.afrundingsrest:
        ud.append(Bidrag("budgettets afrundingsrest", r.afrundingsrest))
    med_poster = {p.afdeling for p in r.poster}
    for post, afv in r.afvigelse_pr_post.items():
        if afv:
            navn = post if post[:2].isupper() else post[0].lower() + post[1:]
            ud.append(Bidrag(f"{'lavere' if afv < 0 else 'højere'} udgifter til {navn}", -afv))
    for a in AFDELINGER:
        afv = r.afdelinger[a].omkostninger.afvigelse
        if a not in med_poster and afv:
            ud.append(Bidrag(f"{'lavere' if afv < 0 else 'højere'} omkostninger i {a}", -afv))
    return ud


def hovedaarsager(r: Regnskab, andel: Decimal = Decimal("0.9"), hoejst: int = 3) -> list[Bidrag]:
    """De største bidrag i samme retning som resultatets afvigelse, til de tilsammen forklarer
    ``andel`` af den (højst ``hoejst``): det, "skyldes hovedsageligt" nævner."""
    afv = r.afdelinger["i_alt"].resultat.afvigelse
    if not afv:
        return []
    samme = sorted((b for b in bidrag(r) if (b.beloeb > 0) == (afv > 0)),
                   key=lambda b: -abs(b.beloeb))
    valgt: list[Bidrag] = []
    for b in samme[:hoejst]:
        valgt.append(b)
        if abs(sum(x.beloeb for x in valgt)) >= abs(afv) * andel:
            break
    return valgt


_FLERTAL = {"tilsyn": "tilsyn", "nygodkendelse af tilbud": "nygodkendelser af tilbud",
            "væsentlig ændring": "væsentlige ændringer", "skærpet tilsyn": "måneder med skærpet tilsyn",
            "tilsyn med BPA-virksomhed": "tilsyn med BPA-virksomheder",
            "nygodkendelse af BPA-virksomhed": "nygodkendelser af BPA-virksomheder"}


def _flertal(ord_: str) -> str:
    return _FLERTAL.get(ord_, ord_)
