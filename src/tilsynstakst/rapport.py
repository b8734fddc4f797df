"""Et budgetårs samlede resultat, og sammenligningen med året før (rene funktioner, ingen I/O)."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.finansiering import Finansiering, gennemsnitspris, objektiv_finansiering
from tilsynstakst.fordeling import STOERSTE_REST
from tilsynstakst.money import decimaler, kroner
from tilsynstakst.sammenligning import Aendring, aendring
from tilsynstakst.scenarie import Scenarieinfo
from tilsynstakst.schema import Budget
from tilsynstakst.takster import AKTIVITETER, Takstresultat, beregn_takster


@dataclass(frozen=True)
class Aarsresultat:
    """Alt, der beregnes for ét budgetår, i prisniveauet ``prisniveau``."""

    aar: int
    prisniveau: int
    budget: dict[str, Decimal]  # tilbudsafdelingen, plejefamilieafdelingen, samlet
    overfoert_resultat: Decimal | None
    antal: dict[str, int]
    finansiering: Finansiering
    gennemsnitspris: Decimal | None  # None: ingen plejefamilier
    takster: Takstresultat


@dataclass(frozen=True)
class Aendringer:
    """Budgetåret mod året før i budgetårets priser."""

    budget: dict[str, Aendring]
    antal: dict[str, Aendring]
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
    """Notatets antalsforudsætninger med totaler (DESIGN.md §3)."""
    a = budget.antal
    return {
        "plejefamilier": a.plejefamilier,
        "plejefamilier_nygodkendelser": a.plejefamilier_nygodkendelser,
        "plejefamilier_i_alt": a.plejefamilier + a.plejefamilier_nygodkendelser,
        "tilbud": a.total("tilbud"),
        "tilbud_nygodkendelser": a.total("tilbud_nygodkendelser"),
        "tilbud_i_alt": a.total("tilbud") + a.total("tilbud_nygodkendelser"),
        "vaesentlige_aendringer": a.total("vaesentlige_aendringer"),
        "bpa_tilsyn": a.bpa_tilsyn,
        "bpa_nygodkendelser": a.bpa_nygodkendelser,
    }


def beregn_aar(
    budget: Budget, faktor: Fraction = Fraction(1), prisniveau: int | None = None,
    afrunding: str = STOERSTE_REST,
) -> Aarsresultat:
    """Beregn et budgetår. ``faktor`` (PL) flytter alle beløb til ``prisniveau`` før afrunding,
    så hvert tal afrundes én gang, i det prisniveau det vises i (DESIGN.md §4)."""
    tilbud = Fraction(budget.budget.tilbudsafdelingen) * faktor
    pleje = Fraction(budget.budget.plejefamilieafdelingen) * faktor
    beloeb = {
        "tilbudsafdelingen": kroner(tilbud),
        "plejefamilieafdelingen": kroner(pleje),
    }
    beloeb["samlet"] = beloeb["tilbudsafdelingen"] + beloeb["plejefamilieafdelingen"]
    overfoert = budget.overfoert_resultat
    return Aarsresultat(
        aar=budget.aar,
        prisniveau=prisniveau or budget.aar,
        budget=beloeb,
        overfoert_resultat=kroner(Fraction(overfoert.beloeb) * faktor) if overfoert else None,
        antal=antal(budget),
        finansiering=objektiv_finansiering(
            budget.befolkning, beloeb["plejefamilieafdelingen"], afrunding
        ),
        gennemsnitspris=gennemsnitspris(
            pleje, budget.antal.plejefamilier, budget.antal.plejefamilier_nygodkendelser
        ),
        takster=beregn_takster(budget, faktor),
    )


def _parvis(forrige: tuple[Decimal, ...], nu: tuple[Decimal, ...]) -> tuple[Aendring, ...]:
    return tuple(aendring(f, n) for f, n in zip(forrige, nu))


def sammenlign(forrige: Aarsresultat, nu: Aarsresultat) -> Aendringer:
    """Ændringer fra året før (allerede i budgetårets priser) til budgetåret."""
    foer_kommuner = {k.navn: k.beloeb for k in forrige.finansiering.kommuner}
    finansiering = {
        k.navn: aendring(foer_kommuner[k.navn], k.beloeb)
        for k in nu.finansiering.kommuner
        if k.navn in foer_kommuner
    }
    finansiering["i_alt"] = aendring(forrige.finansiering.budget, nu.finansiering.budget)
    ft, nt = forrige.takster, nu.takster
    return Aendringer(
        budget={k: aendring(forrige.budget[k], v) for k, v in nu.budget.items()},
        antal={k: aendring(forrige.antal[k], v) for k, v in nu.antal.items()},
        finansiering=finansiering,
        gennemsnitspris=(aendring(forrige.gennemsnitspris, nu.gennemsnitspris)
                         if forrige.gennemsnitspris is not None and nu.gennemsnitspris is not None
                         else None),
        takster={a: _parvis(getattr(ft, a), getattr(nt, a))
                 for a in (*AKTIVITETER, "skaerpet_tilsyn_pr_maaned")},
        timepris=aendring(ft.timepris, nt.timepris),
        bpa={
            "tilsyn": aendring(ft.bpa_tilsyn, nt.bpa_tilsyn),
            "nygodkendelse": aendring(ft.bpa_nygodkendelse, nt.bpa_nygodkendelse),
        },
        daekning={k: aendring(getattr(ft.daekning, k), getattr(nt.daekning, k))
                  for k in ("budget", "indtaegt", "rest")},
    )


@dataclass(frozen=True)
class Scenarieresultat:
    """Budgetåret og et scenarie side om side (DESIGN.md §9): ``forskelle`` er scenariet mod
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
) -> Rapport:
    """Budgetåret, og med ``forrige`` og PL-faktoren ``pl`` også året før i budgetårets priser.
    ``scenarie`` siger, at ``budget`` er ændret af et scenarie (og hvordan)."""
    nu = beregn_aar(budget, afrunding=afrunding)
    if forrige is None or pl is None:
        return Rapport(budget.tilsyn, afrunding, nu, scenarie=scenarie)
    foer = beregn_aar(forrige, pl, prisniveau=budget.aar, afrunding=afrunding)
    return Rapport(
        budget.tilsyn, afrunding, nu, foer, decimaler(pl, 6).normalize(), sammenlign(foer, nu),
        scenarie,
    )
