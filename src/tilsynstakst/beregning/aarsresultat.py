"""Et budgetårs samlede resultat, og sammenligningen med året før (rene funktioner, ingen I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from tilsynstakst.beregning.finansiering import Finansiering, gennemsnitspris, objektiv_finansiering
from tilsynstakst.beregning.fordeling import STOERSTE_REST
from tilsynstakst.beregning.afrunding import afrund_decimaler, afrund_kroner
from tilsynstakst.beregning.sammenligning import Aendring, aendring
from tilsynstakst.budgetfil.model import BPA_ANTAL, Budget
from tilsynstakst.beregning.spor import Sporet, fra_fil, sumformel, noter, omfang, regn, ved_regel
from tilsynstakst.jsondata import udelad_naar
from tilsynstakst.beregning.takster import AKTIVITETER, Takstresultat, beregn_takster

if TYPE_CHECKING:  # scenarier og poster indlæses først, når der er nogen (hastighed, issue 11)
    from tilsynstakst.beregning.opbygning import Opbygning
    from tilsynstakst.budgetfil.scenarie import Scenarieinfo


@dataclass(frozen=True)
class Aarsresultat:
    """Alt, der beregnes for ét budgetår, i prisniveauet ``prisniveau``."""

    aar: int
    prisniveau: int  # de viste tals priser
    filens_priser: int  # budgetfilens (``Budget.priser``); forskellig: PL-fremskrevet
    budget: dict[str, Decimal]  # tilbudsafdelingen, plejefamilieafdelingen, samlet
    overfoert_resultat: Decimal | None
    antal: dict[str, int]
    # tilbud, tilbud_nygodkendelser, tilbud_i_alt (inkl. nygodkendelser), vaesentlige_aendringer
    pr_takstgruppe: dict[str, tuple[int, ...]]
    finansiering: Finansiering
    gennemsnitspris: Decimal | None  # None: ingen plejefamilier
    takster: Takstresultat
    opbygning: Opbygning | None = None  # budgettet bygget af poster, i filens priser (issue 13)
    opbygning_i_alt: OpbygningIAlt | None = None  # opbygningens totaler (issue 20, punkt 5)

    @property
    def har_bpa(self) -> bool:
        """Har året BPA (``Budget.har_bpa`` for filen, det er regnet af)?"""
        return self.takster.har_bpa


@dataclass(frozen=True)
class OpbygningIAlt:
    """Budgettets opbygning summeret over de to afdelinger, i hele kroner i filens priser: de
    tal, tabellen "Budgettets opbygning" viser i kolonnen I alt."""

    overfoert: Decimal  # det overførte resultat (overskud positivt)
    finansieret: Decimal  # de to afdelingers finansierede budget


@dataclass(frozen=True)
class Aendringer:
    """Budgetåret mod året før i budgetårets priser."""

    budget: dict[str, Aendring]
    antal: dict[str, Aendring]
    pr_takstgruppe: dict[str, tuple[Aendring, ...]]
    finansiering: dict[str, Aendring]  # kommuner i begge år, og "i_alt"
    gennemsnitspris: Aendring | None  # None: et af årene har ingen plejefamilier
    # tilsyn, nygodkendelse, vaesentlig_aendring og skaerpet_tilsyn_pr_maaned
    takster: dict[str, tuple[Aendring, ...]]
    timepris: Aendring
    # tilsyn og nygodkendelse; None (og ikke i JSON), når et af årene ikke har BPA-takster
    bpa: dict[str, Aendring] | None = field(metadata=udelad_naar(None))
    daekning: dict[str, Aendring]  # budget, indtaegt, rest (omkostningsdækningen)


@dataclass(frozen=True)
class Rapport:
    tilsyn: str
    afrunding: str
    budgetaar: Aarsresultat
    forrige_aar: Aarsresultat | None = None  # i budgetårets priser
    pl_faktor: Decimal | None = None
    aendringer: Aendringer | None = None
    scenarie: Scenarieinfo | None = None  # sat: tallene er et scenarie, ikke filen, som den er


def antal(budget: Budget) -> dict[str, int]:
    """Notatets antalsforudsætninger med totaler (docs/omkostningsmodel.md)."""
    a = budget.antal
    ud: dict[str, Sporet] = {}
    for navn in ("plejefamilier", "plejefamilier_nygodkendelser"):
        ud[navn] = regn(f"antal.{navn}", navn, "{0}", fra_fil(f"antal.{navn}", getattr(a, navn)))
    _i_alt(ud, "plejefamilier_i_alt", "plejefamilier", "plejefamilier_nygodkendelser")
    for navn in ("tilbud", "tilbud_nygodkendelser", "vaesentlige_aendringer"):
        if getattr(a, navn) is not None:
            ud[navn] = regn(f"antal.{navn}", navn, "{0}", fra_fil(f"antal.{navn}", getattr(a, navn)))
        else:
            led = [fra_fil(f"antal.pr_takstgruppe.{navn}.{g}", n)
                   for g, n in enumerate(getattr(a.pr_takstgruppe, navn))]
            ud[navn] = regn(f"antal.{navn}", navn, sumformel(led), *led,
                            regel="summen over takstgruppe 1-4 (filen angiver ingen total)")
        if navn == "tilbud_nygodkendelser":
            _i_alt(ud, "tilbud_i_alt", "tilbud", "tilbud_nygodkendelser")
    for navn in BPA_ANTAL if budget.har_bpa else ():  # kun Socialtilsyn Nord har BPA
        ud[navn] = regn(f"antal.{navn}", navn, "{0}", fra_fil(f"antal.{navn}", getattr(a, navn)))
    return {k: v.vaerdi for k, v in ud.items()}  # type: ignore[misc]


PR_TAKSTGRUPPE = ("tilbud", "tilbud_nygodkendelser", "vaesentlige_aendringer")


def pr_takstgruppe(budget: Budget) -> dict[str, tuple[int, ...]]:
    """Antallene pr. takstgruppe, som filen har dem, og tilbud inkl. nygodkendelser, som
    oversigtens Tabel 2a."""
    p = budget.antal.pr_takstgruppe
    fra_filen = {navn: tuple(regn(f"pr_takstgruppe.{navn}.{g}", f"{navn}, takstgruppe {g + 1}",
                                  "{0}", fra_fil(f"antal.pr_takstgruppe.{navn}.{g}", n))
                             for g, n in enumerate(getattr(p, navn)))
                 for navn in PR_TAKSTGRUPPE}
    i_alt = tuple(regn(f"pr_takstgruppe.tilbud_i_alt.{g}",
                       f"tilbud inkl. nygodkendelser, takstgruppe {g + 1}", "{0} + {1}",
                       fra_fil(f"antal.pr_takstgruppe.tilbud.{g}", a),
                       fra_fil(f"antal.pr_takstgruppe.tilbud_nygodkendelser.{g}", b)).vaerdi
                  for g, (a, b) in enumerate(zip(p.tilbud, p.tilbud_nygodkendelser)))
    ud = {navn: tuple(s.vaerdi for s in fra_filen[navn]) for navn in PR_TAKSTGRUPPE}
    return {"tilbud": ud["tilbud"], "tilbud_nygodkendelser": ud["tilbud_nygodkendelser"],
            "tilbud_i_alt": i_alt, "vaesentlige_aendringer": ud["vaesentlige_aendringer"]}  # type: ignore[dict-item]


def _i_alt(ud: dict[str, Sporet], navn: str, a: str, b: str) -> None:
    ud[navn] = regn(f"antal.{navn}", navn, "{0} + {1}", ud[a], ud[b])


def _beloeb(noegle: str, filnoegle: str, vaerdi: Decimal, faktor: Fraction) -> Sporet:
    """Et beløb fra filen i prisniveauet: × PL-faktoren og afrundet én gang (docs/afrunding-og-priser.md)."""
    if faktor == 1:
        return regn(noegle, noegle, "{0}", fra_fil(filnoegle, vaerdi))
    return regn(noegle, noegle, "{0} × {1}", fra_fil(filnoegle, vaerdi), Sporet("/pl_faktor", faktor),
                afrund=afrund_kroner,
                regel="PL-fremskrevet og afrundet halvt op til hele kroner (README: Afrunding)")


def beregn_aar(
    budget: Budget, faktor: Fraction = Fraction(1), prisniveau: int | None = None,
    afrunding: str = STOERSTE_REST,
) -> Aarsresultat:
    """Beregn et budgetår. ``faktor`` (PL) flytter alle beløb fra filens prisniveau til
    ``prisniveau`` før afrunding, så hvert tal afrundes én gang, i det prisniveau det vises i
    (docs/afrunding-og-priser.md). Uden ``prisniveau`` er det filens eget (``Budget.priser``)."""
    opbygget = i_alt = None
    if budget.budget.poster:  # budgettet bygget af poster: sporet går ned til posterne
        from tilsynstakst.beregning.opbygning import opbygning, spor_opbygning

        opbygget = opbygning(budget)
        spor_opbygning(opbygget)
        i_alt = opbygning_i_alt(opbygget, budget)
    pleje_fil = fra_fil("budget.plejefamilieafdelingen", budget.budget.plejefamilieafdelingen)
    if faktor != 1:  # gennemsnitsprisen regnes af det eksakte beløb, ikke det afrundede (§5)
        pleje = regn("budget.plejefamilieafdelingen_eksakt",
                     "plejefamilieafdelingens budget, eksakt i prisniveauet", "{0} × {1}",
                     pleje_fil, Sporet("/pl_faktor", faktor))
    else:
        pleje = Sporet("budget.plejefamilieafdelingen", Fraction(pleje_fil.vaerdi))
    afdelinger = {afdeling: _beloeb(f"budget.{afdeling}", f"budget.{afdeling}",
                                    getattr(budget.budget, afdeling), faktor)
                  for afdeling in ("tilbudsafdelingen", "plejefamilieafdelingen")}
    afdelinger["samlet"] = regn("budget.samlet", "budget samlet", "{0} + {1}",
                                afdelinger["tilbudsafdelingen"], afdelinger["plejefamilieafdelingen"])
    beloeb: dict[str, Decimal] = {k: v.vaerdi for k, v in afdelinger.items()}  # type: ignore[misc]
    overfoert = budget.overfoert_resultat
    return Aarsresultat(
        aar=budget.aar,
        prisniveau=prisniveau or budget.priser,
        filens_priser=budget.priser,
        budget=beloeb,
        overfoert_resultat=(_beloeb("overfoert_resultat", "overfoert_resultat.beloeb",
                                    overfoert.beloeb, faktor).vaerdi  # type: ignore[arg-type]
                            if overfoert else None),
        antal=antal(budget),
        pr_takstgruppe=pr_takstgruppe(budget),
        finansiering=objektiv_finansiering(
            budget.befolkning, beloeb["plejefamilieafdelingen"], afrunding
        ),
        gennemsnitspris=gennemsnitspris(
            pleje.vaerdi, budget.antal.plejefamilier,  # type: ignore[arg-type]
            budget.antal.plejefamilier_nygodkendelser, pleje.noegle,
        ),
        takster=beregn_takster(budget, faktor),
        opbygning=opbygget,
        opbygning_i_alt=i_alt,
    )


def opbygning_i_alt(o: Opbygning, budget: Budget) -> OpbygningIAlt:
    """Opbygningens totaler over de to afdelinger (README: Budgettets opbygning), og sporet af
    opbygningens tal fra filen: posterne, fordelingen og det overførte resultat."""
    for i, p in enumerate(o.poster):
        regn(f"opbygning.poster.{i}.beloeb", p.post, "{0}",
             fra_fil(f"budget.poster.{i}.beloeb", p.beloeb, p.post))
    b, r = budget.budget, budget.overfoert_resultat
    overfoert = []
    for a in ("tilbudsafdelingen", "plejefamilieafdelingen"):
        if b.faelles_fordeling is not None:
            regn(f"opbygning.fordeling_pct.{a}", f"{a}s procent af de fælles poster", "{0}",
                 fra_fil(f"budget.faelles_fordeling.{a}", o.fordeling_pct[a]))
        else:
            ved_regel(f"opbygning.fordeling_pct.{a}", o.fordeling_pct[a],
                      f"{a}s procent af de fælles poster",
                      "filen fordeler ingen fælles poster (README: Budgettets opbygning)")
        if r is not None and r.dele() is not None:
            overfoert.append(regn(f"opbygning.overfoert.{a}", f"{a}s del af det overførte resultat",
                                  "{0}", fra_fil(f"overfoert_resultat.{a}", o.overfoert[a])))
        else:
            overfoert.append(ved_regel(f"opbygning.overfoert.{a}", o.overfoert[a],
                                       f"{a}s del af det overførte resultat",
                                       "intet overført resultat fordelt på afdelingerne i filen "
                                       "(README: Budgettets opbygning)"))
    if o.regnskabsaar is not None:
        regn("opbygning.regnskabsaar", "det overførte resultats regnskabsår", "{0}",
             fra_fil("overfoert_resultat.regnskabsaar", o.regnskabsaar))
    finansieret = [Sporet(f"opbygning.finansieret.{a}", o.finansieret[a])
                   for a in ("tilbudsafdelingen", "plejefamilieafdelingen")]
    return OpbygningIAlt(
        overfoert=regn("opbygning_i_alt.overfoert", "overført resultat i alt (overskud positivt)",
                       "{0} + {1}", *overfoert).vaerdi,  # type: ignore[arg-type]
        finansieret=regn("opbygning_i_alt.finansieret", "finansieret budget i alt", "{0} + {1}",
                         *finansieret).vaerdi,  # type: ignore[arg-type]
    )


def _ae(noegle: str, forrige: Aarsresultat, nu: Aarsresultat, sti: str, f_sti: str = "") -> Aendring:
    """Ændringen af tallet ``sti`` (i begge års resultat) under ``aendringer.noegle``."""
    f_sti = f_sti or sti
    return aendring(_hent(forrige, f_sti), _hent(nu, sti),
                    (f"aendringer.{noegle}", f"forrige_aar.{f_sti}", f"budgetaar.{sti}"))


def _hent(x: object, sti: str) -> Decimal:
    for del_ in sti.split("."):
        x = x[int(del_)] if del_.isdigit() else x[del_] if isinstance(x, dict) else getattr(x, del_)  # type: ignore[index]
    return x  # type: ignore[return-value]


def _ae_uden_bpa(navn: str, forrige: Aarsresultat, nu: Aarsresultat) -> Aendring:
    """Et BPA-antal i budgetåret mod et år uden BPA: det år havde ingen BPA-virksomheder, så
    ændringen er fra 0 (og har ingen procent). Ingen takst sammenlignes med et år uden
    BPA-takster (docs/omkostningsmodel.md)."""
    ved_regel(f"/forrige_aar.antal.{navn}", 0, f"{navn} i {forrige.aar}",
              f"{forrige.aar} har ingen BPA (budgetfilen angiver ingen BPA-normtimer), altså "
              "0 BPA-virksomheder")
    return aendring(0, nu.antal[navn], (f"aendringer.antal.{navn}",
                                        f"forrige_aar.antal.{navn}", f"budgetaar.antal.{navn}"))


def sammenlign(forrige: Aarsresultat, nu: Aarsresultat) -> Aendringer:
    """Ændringer fra året før (allerede i budgetårets priser) til budgetåret. Budgetårets tal
    bestemmer, hvad der sammenlignes: BPA kun, når budgetåret har BPA; et BPA-antal mod et år
    uden BPA er fra 0, og BPA-taksterne sammenlignes kun, når begge år har dem."""
    foer_plads = {k.navn: i for i, k in enumerate(forrige.finansiering.kommuner)}
    finansiering = {
        k.navn: _ae(f"finansiering.{k.navn}", forrige, nu, f"finansiering.kommuner.{i}.beloeb",
                    f"finansiering.kommuner.{foer_plads[k.navn]}.beloeb")
        for i, k in enumerate(nu.finansiering.kommuner)
        if k.navn in foer_plads
    }
    finansiering["i_alt"] = _ae("finansiering.i_alt", forrige, nu, "finansiering.budget")
    return Aendringer(
        budget={k: _ae(f"budget.{k}", forrige, nu, f"budget.{k}") for k in nu.budget},
        antal={k: _ae(f"antal.{k}", forrige, nu, f"antal.{k}") if k in forrige.antal
               else _ae_uden_bpa(k, forrige, nu) for k in nu.antal},
        pr_takstgruppe={k: tuple(_ae(f"pr_takstgruppe.{k}.{g}", forrige, nu,
                                     f"pr_takstgruppe.{k}.{g}") for g in range(len(v)))
                        for k, v in nu.pr_takstgruppe.items()},
        finansiering=finansiering,
        gennemsnitspris=(_ae("gennemsnitspris", forrige, nu, "gennemsnitspris")
                         if forrige.gennemsnitspris is not None and nu.gennemsnitspris is not None
                         else None),
        takster={a: tuple(_ae(f"takster.{a}.{g}", forrige, nu, f"takster.{a}.{g}")
                          for g in range(len(getattr(nu.takster, a))))
                 for a in (*AKTIVITETER, "skaerpet_tilsyn_pr_maaned")},
        timepris=_ae("timepris", forrige, nu, "takster.timepris"),
        bpa={
            "tilsyn": _ae("bpa.tilsyn", forrige, nu, "takster.bpa_tilsyn"),
            "nygodkendelse": _ae("bpa.nygodkendelse", forrige, nu, "takster.bpa_nygodkendelse"),
        } if forrige.har_bpa and nu.har_bpa else None,
        daekning={k: _ae(f"daekning.{k}", forrige, nu, f"takster.daekning.{k}")
                  for k in ("budget", "indtaegt", "rest")},
    )


@dataclass(frozen=True)
class Scenarieresultat:
    """Budgetåret og et scenarie side om side (docs/aaret.md): ``forskelle`` er scenariet mod
    grundlaget (``forrige`` = grundlaget, ``budgetaar`` = scenariet), begge i budgetårets priser."""

    tilsyn: str
    afrunding: str
    scenarie: Scenarieinfo
    grundlag: Aarsresultat
    resultat: Aarsresultat
    forskelle: Aendringer


def sammenlign_scenarie(
    grundlag: Budget, scenarie: Budget, info: Scenarieinfo, afrunding: str = STOERSTE_REST
) -> Scenarieresultat:
    """Beregn begge med de samme funktioner og sammenlign dem som to år (``sammenlign``)."""
    g = beregn_aar(grundlag, afrunding=afrunding)
    s = beregn_aar(scenarie, afrunding=afrunding)
    return Scenarieresultat(grundlag.tilsyn, afrunding, info, g, s, sammenlign(g, s))


def lav_rapport(
    budget: Budget, forrige: Budget | None = None, pl: Fraction | None = None,
    afrunding: str = STOERSTE_REST, scenarie: Scenarieinfo | None = None,
    filer: Mapping[str, Path] = {},
) -> Rapport:
    """Budgetåret, og med ``forrige`` og PL-faktoren ``pl`` også året før i budgetårets priser.
    ``scenarie`` siger, at ``budget`` er ændret af et scenarie (og hvordan); ``filer`` (til
    sporet, ``forklar``) siger, hvilke filer ``budgetaar`` og ``forrige_aar`` kom fra."""
    with omfang("budgetaar", filer.get("budgetaar")):
        nu = beregn_aar(budget, afrunding=afrunding)
    if forrige is None or pl is None:
        return Rapport(budget.tilsyn, afrunding, nu, scenarie=scenarie)
    if forrige.priser == budget.priser:
        _samme_prisniveau(budget, forrige, filer)
    with omfang("forrige_aar", filer.get("forrige_aar")):
        foer = beregn_aar(forrige, pl, prisniveau=budget.priser, afrunding=afrunding)
    return Rapport(
        budget.tilsyn, afrunding, nu, foer, afrund_decimaler(pl, 6).normalize(), sammenlign(foer, nu),
        scenarie,
    )


def _samme_prisniveau(budget: Budget, forrige: Budget, filer: Mapping[str, Path]) -> None:
    """Sporet af PL-faktoren 1, når begge års filer står i samme prisniveau: der regnes ingen PL
    (README: Budgetfilerne; issue 12). Leddene er det, hver fil siger om sit prisniveau."""
    led = []
    for navn, b in (("forrige_aar", forrige), ("budgetaar", budget)):
        with omfang(navn, filer.get(navn)):
            noegle = "prisniveau" if b.prisniveau is not None else "aar"
            led.append(f"/{navn}{fra_fil(noegle, b.priser).noegle}")
    noter("/pl_faktor", Decimal(1), f"PL-faktor fra {forrige.priser}- til {budget.priser}-priser",
          *led, regel=f"begge års beløb står i {budget.priser}-priser, som filerne siger: der "
                      "regnes ingen PL (README: Budgetfilerne)")
