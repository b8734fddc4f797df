"""Et budgetårs samlede resultat, og sammenligningen med året før (rene funktioner, ingen I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from tilsynstakst.beregning.finansiering import Finansiering, gennemsnitspris, objektiv_finansiering
from tilsynstakst.beregning.fordeling import STOERSTE_REST
from tilsynstakst.beregning.afrunding import decimaler, kroner
from tilsynstakst.beregning.sammenligning import Aendring, aendring
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.beregning.spor import inddata, noter, omfang
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
    bpa: dict[str, Aendring]
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
    ud: dict[str, int] = {}
    for navn in ("plejefamilier", "plejefamilier_nygodkendelser"):
        ud[navn] = getattr(a, navn)
        noter(f"antal.{navn}", ud[navn], navn, inddata(f"antal.{navn}", ud[navn]), formel="{0}")
    _i_alt(ud, "plejefamilier_i_alt", "plejefamilier", "plejefamilier_nygodkendelser")
    for navn in ("tilbud", "tilbud_nygodkendelser", "vaesentlige_aendringer"):
        ud[navn] = a.total(navn)
        if getattr(a, navn) is not None:
            noter(f"antal.{navn}", ud[navn], navn, inddata(f"antal.{navn}", ud[navn]), formel="{0}")
        else:
            led = [inddata(f"antal.pr_takstgruppe.{navn}.{g}", n)
                   for g, n in enumerate(getattr(a.pr_takstgruppe, navn))]
            noter(f"antal.{navn}", ud[navn], navn, *led, formel="{0} + {1} + {2} + {3}",
                  regel="summen over takstgruppe 1-4 (filen angiver ingen total)")
        if navn == "tilbud_nygodkendelser":
            _i_alt(ud, "tilbud_i_alt", "tilbud", "tilbud_nygodkendelser")
    for navn in ("bpa_tilsyn", "bpa_nygodkendelser"):
        ud[navn] = getattr(a, navn)
        noter(f"antal.{navn}", ud[navn], navn, inddata(f"antal.{navn}", ud[navn]), formel="{0}")
    return ud


def pr_takstgruppe(budget: Budget) -> dict[str, tuple[int, ...]]:
    """Antallene pr. takstgruppe, og tilbud inkl. nygodkendelser, som oversigtens Tabel 2a."""
    p = budget.antal.pr_takstgruppe
    i_alt = tuple(a + b for a, b in zip(p.tilbud, p.tilbud_nygodkendelser))
    for g, n in enumerate(i_alt):
        noter(f"pr_takstgruppe.tilbud_i_alt.{g}", n,
              f"tilbud inkl. nygodkendelser, takstgruppe {g + 1}",
              inddata(f"antal.pr_takstgruppe.tilbud.{g}", p.tilbud[g]),
              inddata(f"antal.pr_takstgruppe.tilbud_nygodkendelser.{g}",
                      p.tilbud_nygodkendelser[g]), formel="{0} + {1}")
    return {"tilbud": p.tilbud, "tilbud_nygodkendelser": p.tilbud_nygodkendelser,
            "tilbud_i_alt": i_alt, "vaesentlige_aendringer": p.vaesentlige_aendringer}


def _i_alt(ud: dict[str, int], navn: str, a: str, b: str) -> None:
    ud[navn] = ud[a] + ud[b]
    noter(f"antal.{navn}", ud[navn], navn, f"antal.{a}", f"antal.{b}", formel="{0} + {1}")


def _beloeb(noegle: str, filnoegle: str, vaerdi: Decimal, faktor: Fraction) -> Decimal:
    """Et beløb fra filen i prisniveauet: × PL-faktoren og afrundet én gang (docs/afrunding-og-priser.md)."""
    eksakt = Fraction(vaerdi) * faktor
    afrundet = kroner(eksakt)
    if faktor == 1:
        noter(noegle, afrundet, noegle, inddata(filnoegle, vaerdi), formel="{0}")
    else:
        noter(noegle, afrundet, noegle, inddata(filnoegle, vaerdi), "/pl_faktor",
              formel="{0} × {1}", uafrundet=eksakt,
              regel="PL-fremskrevet og afrundet halvt op til hele kroner (README: Afrunding)")
    return afrundet


def beregn_aar(
    budget: Budget, faktor: Fraction = Fraction(1), prisniveau: int | None = None,
    afrunding: str = STOERSTE_REST,
) -> Aarsresultat:
    """Beregn et budgetår. ``faktor`` (PL) flytter alle beløb fra filens prisniveau til
    ``prisniveau`` før afrunding, så hvert tal afrundes én gang, i det prisniveau det vises i
    (docs/afrunding-og-priser.md). Uden ``prisniveau`` er det filens eget (``Budget.priser``)."""
    opbygget = None
    if budget.budget.poster:  # budgettet bygget af poster: sporet går ned til posterne
        from tilsynstakst.beregning.opbygning import opbygning, spor_opbygning

        opbygget = opbygning(budget)
        spor_opbygning(opbygget)
    pleje = Fraction(budget.budget.plejefamilieafdelingen) * faktor
    pleje_led = "budget.plejefamilieafdelingen"
    if faktor != 1:  # gennemsnitsprisen regnes af det eksakte beløb, ikke det afrundede (§5)
        pleje_led += "_eksakt"
        noter(pleje_led, pleje, "plejefamilieafdelingens budget, eksakt i prisniveauet",
              inddata("budget.plejefamilieafdelingen", budget.budget.plejefamilieafdelingen),
              "/pl_faktor", formel="{0} × {1}")
    beloeb = {afdeling: _beloeb(f"budget.{afdeling}", f"budget.{afdeling}",
                                getattr(budget.budget, afdeling), faktor)
              for afdeling in ("tilbudsafdelingen", "plejefamilieafdelingen")}
    beloeb["samlet"] = beloeb["tilbudsafdelingen"] + beloeb["plejefamilieafdelingen"]
    noter("budget.samlet", beloeb["samlet"], "budget samlet", "budget.tilbudsafdelingen",
          "budget.plejefamilieafdelingen", formel="{0} + {1}")
    overfoert = budget.overfoert_resultat
    return Aarsresultat(
        aar=budget.aar,
        prisniveau=prisniveau or budget.priser,
        filens_priser=budget.priser,
        budget=beloeb,
        overfoert_resultat=(_beloeb("overfoert_resultat", "overfoert_resultat.beloeb",
                                    overfoert.beloeb, faktor) if overfoert else None),
        antal=antal(budget),
        pr_takstgruppe=pr_takstgruppe(budget),
        finansiering=objektiv_finansiering(
            budget.befolkning, beloeb["plejefamilieafdelingen"], afrunding
        ),
        gennemsnitspris=gennemsnitspris(
            pleje, budget.antal.plejefamilier, budget.antal.plejefamilier_nygodkendelser,
            pleje_led,
        ),
        takster=beregn_takster(budget, faktor),
        opbygning=opbygget,
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


def sammenlign(forrige: Aarsresultat, nu: Aarsresultat) -> Aendringer:
    """Ændringer fra året før (allerede i budgetårets priser) til budgetåret."""
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
        antal={k: _ae(f"antal.{k}", forrige, nu, f"antal.{k}") for k in nu.antal},
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
        },
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
    with omfang("forrige_aar", filer.get("forrige_aar")):
        foer = beregn_aar(forrige, pl, prisniveau=budget.priser, afrunding=afrunding)
    return Rapport(
        budget.tilsyn, afrunding, nu, foer, decimaler(pl, 6).normalize(), sammenlign(foer, nu),
        scenarie,
    )
