"""Tilbudsafdelingens omkostningsmodel: normtimer → timepris → takster (docs/omkostningsmodel.md).

Socialtilsynsbekendtgørelsen § 32: taksterne fastsættes af alle budgetterede omkostninger, for ét
år ad gangen, som generelle takster for fire takstgrupper (1-7, 8-24, 25-49 og 50+ pladser).
§ 33: skærpet tilsyn koster et tillæg på 10 % af den årlige tilsynstakst pr. påbegyndt måned.
Lov om socialtilsyn § 23: BPA-virksomheder betaler takster for godkendelse og tilsyn.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.afrunding import decimaler, kroner
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.beregning.spor import inddata, noter

TAKSTGRUPPER = ("1-7 pladser", "8-24 pladser", "25-49 pladser", "50+ pladser")
VAEGTE = (Fraction(1), Fraction(6, 5), Fraction(2), Fraction(3))  # 1 : 1,2 : 2 : 3 (docs/omkostningsmodel.md)
# aktivitet → antallet i budgetfilens antal.pr_takstgruppe
AKTIVITETER = {
    "tilsyn": "tilbud",
    "nygodkendelse": "tilbud_nygodkendelser",
    "vaesentlig_aendring": "vaesentlige_aendringer",
}
SKAERPET_SATS = Fraction(1, 10)  # socialtilsynsbekendtgørelsen § 33
# Takstbladets fire takster i den rækkefølge, tilsynene offentliggør dem (oversigtens Tabel 2a).
TAKSTBLADET = ("tilsyn", "skaerpet_tilsyn_pr_maaned", "nygodkendelse", "vaesentlig_aendring")
# Normtimernes aktiviteter med notatets ord.
AKTIVITETSNAVNE = {
    "tilsyn": "tilsyn",
    "nygodkendelse": "nygodkendelse af tilbud",
    "vaesentlig_aendring": "væsentlig ændring",
    "bpa_tilsyn": "tilsyn med BPA-virksomhed",
    "bpa_nygodkendelse": "nygodkendelse af BPA-virksomhed",
}

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


AFRUNDET = "afrundet halvt op til hele kroner (socialtilsynsbekendtgørelsen § 32; README: Afrunding)"


def _vaegt(g: int) -> str:
    """Vægten for takstgruppe ``g`` som et led i sporet."""
    noter(f"vaegt.{g}", VAEGTE[g], f"vægt (takstgruppe {g + 1})",
          regel=f"takstgruppe {g + 1} er {TAKSTGRUPPER[g]}; vægtene er 1 : 1,2 : 2 : 3 (README: Hvad tabellerne betyder)")
    return f"vaegt.{g}"


def timer_i_alt(budget: Budget) -> Fraction:
    """H = Σa Σg n[a,g]·w[g]·h[a] + Σb n_bpa[b]·h_bpa[b] (docs/omkostningsmodel.md)."""
    antal, normtimer = budget.antal, budget.normtimer
    led: list[str] = []
    timer = Fraction(0)
    for aktivitet, noegle in AKTIVITETER.items():
        h = Fraction(getattr(normtimer, aktivitet))
        for g, (n, w) in enumerate(zip(getattr(antal.pr_takstgruppe, noegle), VAEGTE)):
            timer += n * w * h
            led.append(f"takster.timer.{aktivitet}.{g}")
            noter(led[-1], n * w * h, f"timer til {AKTIVITETSNAVNE[aktivitet]}, takstgruppe {g + 1}",
                  inddata(f"antal.pr_takstgruppe.{noegle}.{g}", n), _vaegt(g),
                  inddata(f"normtimer.{aktivitet}", getattr(normtimer, aktivitet)),
                  formel="{0} × {1} × {2}")
    for sager, aktivitet in (("bpa_tilsyn", "bpa_tilsyn"), ("bpa_nygodkendelser", "bpa_nygodkendelse")):
        n, h = getattr(antal, sager), getattr(normtimer, aktivitet)
        timer += n * Fraction(h)
        led.append(f"takster.timer.{aktivitet}")
        noter(led[-1], n * Fraction(h), f"timer til {AKTIVITETSNAVNE[aktivitet]}",
              inddata(f"antal.{sager}", n),
              inddata(f"normtimer.{aktivitet}", h), formel="{0} × {1}")
    noter("takster.timer_i_alt", timer, "normtimer i alt (vægtet)", *led,
          formel=" + ".join(f"{{{i}}}" for i in range(len(led))),
          regel="H = Σ antal × vægt × normtimer (README: Hvad tabellerne betyder)")
    return timer


def timepris(budget_tilbud: Decimal, timer: Fraction, faktor: Fraction = Fraction(1)) -> Fraction:
    """t = B_tilbud / H, eksakt; ``faktor`` flytter til et andet prisniveau (docs/omkostningsmodel.md)."""
    t = Fraction(budget_tilbud) * faktor / timer
    budget = inddata("budget.tilbudsafdelingen", budget_tilbud)
    if faktor == 1:
        noter("takster.timepris_uafrundet", t, "timepris, uafrundet", budget,
              "takster.timer_i_alt", formel="{0} ÷ {1}", regel="t = budget ÷ timer (README: Hvad tabellerne betyder)")
    else:
        noter("takster.timepris_uafrundet", t, "timepris, uafrundet", budget, "/pl_faktor",
              "takster.timer_i_alt", formel="{0} × {1} ÷ {2}",
              regel="t = budget × PL-faktor ÷ timer (README: Hvad tabellerne betyder)")
    return t


def takster(normtimer: Decimal, t: Fraction, aktivitet: str = "") -> Firetal:
    """takst[a,g] = w[g]·h[a]·t, afrundet til hele kroner (§ 32; docs/omkostningsmodel.md)."""
    ud = []
    for g, w in enumerate(VAEGTE):
        eksakt = w * Fraction(normtimer) * t
        ud.append(kroner(eksakt))
        if aktivitet:
            noter(f"takster.{aktivitet}.{g}", ud[-1],
                  f"takst for {AKTIVITETSNAVNE[aktivitet]}, takstgruppe {g + 1}",
                  _vaegt(g), inddata(f"normtimer.{aktivitet}", normtimer),
                  "takster.timepris_uafrundet", formel="{0} × {1} × {2}", uafrundet=eksakt,
                  regel=AFRUNDET)
    return tuple(ud)  # type: ignore[return-value]


def skaerpet_tillaeg(aarlig_tilsynstakst: Decimal, paabegyndte_maaneder: int = 1,
                     g: int | None = None) -> Decimal:
    """Tillægstakst for skærpet tilsyn: 10 % af den årlige tilsynstakst pr. påbegyndt måned (§ 33).

    Månedstillægget afrundes til hele kroner og ganges så med antallet af påbegyndte måneder.
    """
    maaned = kroner(SKAERPET_SATS * Fraction(aarlig_tilsynstakst))
    if g is not None:
        noter(f"takster.skaerpet_tilsyn_pr_maaned.{g}", maaned,
              f"skærpet tilsyn pr. påbegyndt måned, takstgruppe {g + 1}", f"takster.tilsyn.{g}",
              formel="10 % × {0}", uafrundet=SKAERPET_SATS * Fraction(aarlig_tilsynstakst),
              regel="socialtilsynsbekendtgørelsen § 33, afrundet halvt op til hele kroner")
    return maaned * paabegyndte_maaneder


def bpa_takst(timer: Decimal, afrundet_timepris: Decimal, aktivitet: str = "") -> Decimal:
    """BPA-takst = timer × timepris (notatet s. 4: "antal anvendte timer ganget med en timepris").

    Timeprisen er den offentliggjorte, afrundede; produktet er derfor allerede i hele kroner.
    """
    takst = kroner(Fraction(timer) * Fraction(afrundet_timepris))
    if aktivitet:
        noter(f"takster.{aktivitet}", takst, f"takst for {AKTIVITETSNAVNE[aktivitet]}",
              inddata(f"normtimer.{aktivitet}", timer), "takster.timepris", formel="{0} × {1}",
              regel="BPA: timer × den afrundede timepris (notatet s. 4)")
    return takst


def beregn_takster(budget: Budget, faktor: Fraction = Fraction(1)) -> Takstresultat:
    """Hele takstbladet for tilbud og BPA i prisniveauet givet ved ``faktor``."""
    timer = timer_i_alt(budget)
    t = timepris(budget.budget.tilbudsafdelingen, timer, faktor)
    normtimer, antal = budget.normtimer, budget.antal
    for a, h in normtimer.model_dump(exclude={"kilde"}).items():
        noter(f"takster.normtimer.{a}", h, f"normtimer til {AKTIVITETSNAVNE[a]}",
              inddata(f"normtimer.{a}", h),
              formel="{0}")
    pr_aktivitet = {a: takster(getattr(normtimer, a), t, a) for a in AKTIVITETER}
    afrundet_timepris = kroner(t)
    noter("takster.timepris", afrundet_timepris, "timepris", "takster.timepris_uafrundet",
          formel="{0}", uafrundet=t, regel=AFRUNDET)
    bpa_tilsyn = bpa_takst(normtimer.bpa_tilsyn, afrundet_timepris, "bpa_tilsyn")
    bpa_nygodkendelse = bpa_takst(normtimer.bpa_nygodkendelse, afrundet_timepris,
                                  "bpa_nygodkendelse")
    indtaegt = sum(
        (
            n * takst
            for aktivitet, noegle in AKTIVITETER.items()
            for n, takst in zip(getattr(antal.pr_takstgruppe, noegle), pr_aktivitet[aktivitet])
        ),
        Decimal(0),
    ) + antal.bpa_tilsyn * bpa_tilsyn + antal.bpa_nygodkendelser * bpa_nygodkendelse
    budget_kr = kroner(Fraction(budget.budget.tilbudsafdelingen) * faktor)
    noter("takster.daekning.indtaegt", indtaegt, "indtægt ved takster",
          regel="Σ antal × takst over alle aktiviteter og takstgrupper, og BPA")
    noter("takster.daekning.budget", budget_kr, "tilbudsafdelingens budget",
          "budget.tilbudsafdelingen", formel="{0}")
    noter("takster.daekning.rest", indtaegt - budget_kr, "afrundingsrest",
          "takster.daekning.indtaegt", "takster.daekning.budget", formel="{0} − {1}",
          regel="positiv = overdækning af afrundingen (README: Hvad tabellerne betyder)")
    return Takstresultat(
        normtimer=normtimer.model_dump(exclude={"kilde"}),
        timer_i_alt=decimaler(timer, 2),
        timepris=afrundet_timepris,
        timepris_uafrundet=decimaler(t, 4),
        tilsyn=pr_aktivitet["tilsyn"],
        nygodkendelse=pr_aktivitet["nygodkendelse"],
        vaesentlig_aendring=pr_aktivitet["vaesentlig_aendring"],
        skaerpet_tilsyn_pr_maaned=tuple(skaerpet_tillaeg(t_, g=g)  # type: ignore[arg-type]
                                        for g, t_ in enumerate(pr_aktivitet["tilsyn"])),
        bpa_tilsyn=bpa_tilsyn,
        bpa_nygodkendelse=bpa_nygodkendelse,
        daekning=Omkostningsdaekning(budget_kr, indtaegt, indtaegt - budget_kr),
    )
