"""Tilbudsafdelingens omkostningsmodel: normtimer → timepris → takster (DESIGN.md §3).

Socialtilsynsbekendtgørelsen § 32: taksterne fastsættes af alle budgetterede omkostninger, for ét
år ad gangen, som generelle takster for fire takstgrupper (1-7, 8-24, 25-49 og 50+ pladser).
§ 33: skærpet tilsyn koster et tillæg på 10 % af den årlige tilsynstakst pr. påbegyndt måned.
Lov om socialtilsyn § 23: BPA-virksomheder betaler takster for godkendelse og tilsyn.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.money import decimaler, kroner
from tilsynstakst.schema import Budget

TAKSTGRUPPER = ("1-7 pladser", "8-24 pladser", "25-49 pladser", "50+ pladser")
VAEGTE = (Fraction(1), Fraction(6, 5), Fraction(2), Fraction(3))  # 1 : 1,2 : 2 : 3 (DESIGN.md §3)
# aktivitet → antallet i budgetfilens antal.pr_takstgruppe
AKTIVITETER = {
    "tilsyn": "tilbud",
    "nygodkendelse": "tilbud_nygodkendelser",
    "vaesentlig_aendring": "vaesentlige_aendringer",
}
SKAERPET_SATS = Fraction(1, 10)  # socialtilsynsbekendtgørelsen § 33

Firetal = tuple[Decimal, Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Omkostningsdaekning:
    """Σ antal × takst mod budgettet; resten er afrundingens bidrag (positiv = overdækning)."""

    budget: Decimal
    indtaegt: Decimal
    rest: Decimal


@dataclass(frozen=True)
class Takstresultat:
    normtimer: dict[str, Decimal]  # pr. aktivitet i takstgruppe 1, og BPA pr. sag
    timer_i_alt: Decimal
    timepris: Decimal
    timepris_uafrundet: Decimal
    tilsyn: Firetal
    nygodkendelse: Firetal
    vaesentlig_aendring: Firetal
    skaerpet_tilsyn_pr_maaned: Firetal
    bpa_tilsyn: Decimal
    bpa_nygodkendelse: Decimal
    daekning: Omkostningsdaekning


def timer_i_alt(budget: Budget) -> Fraction:
    """H = Σa Σg n[a,g]·w[g]·h[a] + Σb n_bpa[b]·h_bpa[b] (DESIGN.md §3)."""
    antal, normtimer = budget.antal, budget.normtimer
    timer = sum(
        (
            n * w * Fraction(getattr(normtimer, aktivitet))
            for aktivitet, noegle in AKTIVITETER.items()
            for n, w in zip(getattr(antal.pr_takstgruppe, noegle), VAEGTE)
        ),
        Fraction(0),
    )
    return (
        timer
        + antal.bpa_tilsyn * Fraction(normtimer.bpa_tilsyn)
        + antal.bpa_nygodkendelser * Fraction(normtimer.bpa_nygodkendelse)
    )


def timepris(budget_tilbud: Decimal, timer: Fraction, faktor: Fraction = Fraction(1)) -> Fraction:
    """t = B_tilbud / H, eksakt; ``faktor`` flytter til et andet prisniveau (DESIGN.md §3-4)."""
    return Fraction(budget_tilbud) * faktor / timer


def takster(normtimer: Decimal, t: Fraction) -> Firetal:
    """takst[a,g] = w[g]·h[a]·t, afrundet til hele kroner (§ 32; DESIGN.md §3-4)."""
    return tuple(kroner(w * Fraction(normtimer) * t) for w in VAEGTE)  # type: ignore[return-value]


def skaerpet_tillaeg(aarlig_tilsynstakst: Decimal, paabegyndte_maaneder: int = 1) -> Decimal:
    """Tillægstakst for skærpet tilsyn: 10 % af den årlige tilsynstakst pr. påbegyndt måned (§ 33).

    Månedstillægget afrundes til hele kroner og ganges så med antallet af påbegyndte måneder.
    """
    return kroner(SKAERPET_SATS * Fraction(aarlig_tilsynstakst)) * paabegyndte_maaneder


def bpa_takst(timer: Decimal, afrundet_timepris: Decimal) -> Decimal:
    """BPA-takst = timer × timepris (notatet s. 4: "antal anvendte timer ganget med en timepris").

    Timeprisen er den offentliggjorte, afrundede; produktet er derfor allerede i hele kroner.
    """
    return kroner(Fraction(timer) * Fraction(afrundet_timepris))


def beregn_takster(budget: Budget, faktor: Fraction = Fraction(1)) -> Takstresultat:
    """Hele takstbladet for tilbud og BPA i prisniveauet givet ved ``faktor``."""
    timer = timer_i_alt(budget)
    t = timepris(budget.budget.tilbudsafdelingen, timer, faktor)
    normtimer, antal = budget.normtimer, budget.antal
    pr_aktivitet = {a: takster(getattr(normtimer, a), t) for a in AKTIVITETER}
    afrundet_timepris = kroner(t)
    bpa_tilsyn = bpa_takst(normtimer.bpa_tilsyn, afrundet_timepris)
    bpa_nygodkendelse = bpa_takst(normtimer.bpa_nygodkendelse, afrundet_timepris)
    indtaegt = sum(
        (
            n * takst
            for aktivitet, noegle in AKTIVITETER.items()
            for n, takst in zip(getattr(antal.pr_takstgruppe, noegle), pr_aktivitet[aktivitet])
        ),
        Decimal(0),
    ) + antal.bpa_tilsyn * bpa_tilsyn + antal.bpa_nygodkendelser * bpa_nygodkendelse
    budget_kr = kroner(Fraction(budget.budget.tilbudsafdelingen) * faktor)
    return Takstresultat(
        normtimer=normtimer.model_dump(exclude={"kilde"}),
        timer_i_alt=decimaler(timer, 2),
        timepris=afrundet_timepris,
        timepris_uafrundet=decimaler(t, 4),
        tilsyn=pr_aktivitet["tilsyn"],
        nygodkendelse=pr_aktivitet["nygodkendelse"],
        vaesentlig_aendring=pr_aktivitet["vaesentlig_aendring"],
        skaerpet_tilsyn_pr_maaned=tuple(skaerpet_tillaeg(t_) for t_ in pr_aktivitet["tilsyn"]),  # type: ignore[arg-type]
        bpa_tilsyn=bpa_tilsyn,
        bpa_nygodkendelse=bpa_nygodkendelse,
        daekning=Omkostningsdaekning(budget_kr, indtaegt, indtaegt - budget_kr),
    )
