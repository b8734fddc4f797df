"""Tilbudsafdelingens omkostningsmodel: normtimer → timepris → takster (docs/omkostningsmodel.md).

Socialtilsynsbekendtgørelsen § 32: taksterne fastsættes af alle budgetterede omkostninger, for ét
år ad gangen, som generelle takster for fire takstgrupper (1-7, 8-24, 25-49 og 50+ pladser).
§ 33: skærpet tilsyn koster et tillæg på 10 % af den årlige tilsynstakst pr. påbegyndt måned,
af den afrundede eller den uafrundede takst, som filens ``[regler]`` siger (docs/regler.md).
Lov om socialtilsyn § 23, stk. 3: BPA-virksomheder betaler takster for godkendelse og tilsyn; kun
i en fil med BPA (``Budget.har_bpa``, Socialtilsyn Nord).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.afrunding import afrund_decimaler, afrund_kroner
from tilsynstakst.budgetfil.model import BPA_ANTAL, BPA_NORMTIMER, Budget, SkaerpetGrundlag
from tilsynstakst.beregning.spor import Sporet, fra_fil, sumformel, konstant, regn
from tilsynstakst.jsondata import udelad_naar

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
    normtimer: dict[str, Decimal]  # pr. aktivitet i takstgruppe 1, og (med BPA) BPA pr. sag
    timer_i_alt: Decimal
    timepris: Decimal
    timepris_uafrundet: Decimal
    tilsyn: Firetal
    nygodkendelse: Firetal
    vaesentlig_aendring: Firetal
    skaerpet_tilsyn_pr_maaned: Firetal
    # None: filen har ingen BPA; så står de heller ikke i JSON (``jsondata.udelad_naar``)
    bpa_tilsyn: Decimal | None = field(metadata=udelad_naar(None))
    bpa_nygodkendelse: Decimal | None = field(metadata=udelad_naar(None))
    daekning: Omkostningsdaekning
    # § 33-grundlaget; i JSON kun, når det ikke er standarden (så Nords uddata er, som de var)
    skaerpet_grundlag: SkaerpetGrundlag = field(
        default=SkaerpetGrundlag.AFRUNDET, metadata=udelad_naar(SkaerpetGrundlag.AFRUNDET))

    @property
    def har_bpa(self) -> bool:
        """Er der BPA-takster (``Budget.har_bpa`` for året, de er regnet af)?"""
        return self.bpa_tilsyn is not None


AFRUNDET = "afrundet halvt op til hele kroner (socialtilsynsbekendtgørelsen § 32; README: Afrunding)"


def _vaegt(g: int) -> Sporet:
    """Vægten for takstgruppe ``g`` som et led: en regels konstant (1 : 1,2 : 2 : 3)."""
    return konstant(f"vaegt.{g}", VAEGTE[g], f"vægt (takstgruppe {g + 1})",
                    f"takstgruppe {g + 1} er {TAKSTGRUPPER[g]}; vægtene er 1 : 1,2 : 2 : 3 (README: Hvad tabellerne betyder)")


# BPA-antallet i ``antal`` → BPA-normtimerne i ``normtimer`` (kun i en fil med BPA)
BPA_SAGER = tuple(zip(BPA_ANTAL, BPA_NORMTIMER))


def timer_i_alt(budget: Budget) -> Fraction:
    """H = Σa Σg n[a,g]·w[g]·h[a] + Σb n_bpa[b]·h_bpa[b], BPA-leddet kun med BPA
    (docs/omkostningsmodel.md)."""
    return Fraction(_timer_i_alt(budget).vaerdi)


def _timer_i_alt(budget: Budget) -> Sporet:
    antal, normtimer = budget.antal, budget.normtimer
    led: list[Sporet] = []
    for aktivitet, noegle in AKTIVITETER.items():
        h = fra_fil(f"normtimer.{aktivitet}", getattr(normtimer, aktivitet))
        for g, n in enumerate(getattr(antal.pr_takstgruppe, noegle)):
            led.append(regn(f"takster.timer.{aktivitet}.{g}",
                            f"timer til {AKTIVITETSNAVNE[aktivitet]}, takstgruppe {g + 1}",
                            "{0} × {1} × {2}", fra_fil(f"antal.pr_takstgruppe.{noegle}.{g}", n),
                            _vaegt(g), h))
    for sager, aktivitet in BPA_SAGER if budget.har_bpa else ():
        led.append(regn(f"takster.timer.{aktivitet}", f"timer til {AKTIVITETSNAVNE[aktivitet]}",
                        "{0} × {1}", fra_fil(f"antal.{sager}", getattr(antal, sager)),
                        fra_fil(f"normtimer.{aktivitet}", getattr(normtimer, aktivitet))))
    return regn("takster.timer_i_alt", "normtimer i alt (vægtet)", sumformel(led), *led,
                regel="H = Σ antal × vægt × normtimer (README: Hvad tabellerne betyder)")


def timepris(budget_tilbud: Decimal, timer: Fraction, faktor: Fraction = Fraction(1)) -> Fraction:
    """t = B_tilbud / H, eksakt; ``faktor`` flytter til et andet prisniveau (docs/omkostningsmodel.md)."""
    return Fraction(_timepris(budget_tilbud, Sporet("takster.timer_i_alt", timer), faktor).vaerdi)


def _timepris(budget_tilbud: Decimal, timer: Sporet, faktor: Fraction) -> Sporet:
    budget = fra_fil("budget.tilbudsafdelingen", budget_tilbud)
    if faktor == 1:
        return regn("takster.timepris_uafrundet", "timepris, uafrundet", "{0} ÷ {1}", budget,
                    timer, regel="t = budget ÷ timer (README: Hvad tabellerne betyder)")
    return regn("takster.timepris_uafrundet", "timepris, uafrundet", "{0} × {1} ÷ {2}", budget,
                Sporet("/pl_faktor", faktor), timer,
                regel="t = budget × PL-faktor ÷ timer (README: Hvad tabellerne betyder)")


def takster(normtimer: Decimal, t: Fraction, aktivitet: str = "") -> Firetal:
    """takst[a,g] = w[g]·h[a]·t, afrundet til hele kroner (§ 32; docs/omkostningsmodel.md)."""
    return tuple(s.vaerdi for s in _takster(normtimer, Sporet("takster.timepris_uafrundet", t),
                                            aktivitet))  # type: ignore[return-value]


def _takster(normtimer: Decimal, t: Sporet, aktivitet: str) -> tuple[Sporet, ...]:
    h = fra_fil(f"normtimer.{aktivitet}", normtimer)
    return tuple(regn(f"takster.{aktivitet}.{g}" if aktivitet else "",
                      f"takst for {AKTIVITETSNAVNE.get(aktivitet)}, takstgruppe {g + 1}",
                      "{0} × {1} × {2}", _vaegt(g), h, t, afrund=afrund_kroner, regel=AFRUNDET)
                 for g in range(len(VAEGTE)))


def skaerpet_tillaeg(aarlig_tilsynstakst: Decimal | Fraction, paabegyndte_maaneder: int = 1,
                     grundlag: SkaerpetGrundlag = SkaerpetGrundlag.AFRUNDET) -> Decimal:
    """Tillægstakst for skærpet tilsyn: 10 % af den årlige tilsynstakst pr. påbegyndt måned
    (socialtilsynsbekendtgørelsen § 33), af den afrundede takst (standard) eller den uafrundede
    (``grundlag``; docs/regler.md). Med ``AFRUNDET`` afrundes en uafrundet takst først.

    Månedstillægget afrundes til hele kroner og ganges så med antallet af påbegyndte måneder.
    """
    takst = (afrund_kroner(aarlig_tilsynstakst) if grundlag is SkaerpetGrundlag.AFRUNDET
             else aarlig_tilsynstakst)
    return _skaerpet(Sporet("", takst), None, grundlag).vaerdi * paabegyndte_maaneder  # type: ignore[return-value]


SKAERPET_REGEL = {
    SkaerpetGrundlag.AFRUNDET: "socialtilsynsbekendtgørelsen § 33: 10 % af den afrundede årlige "
                               "tilsynstakst (regler.skaerpet_grundlag = \"afrundet\", "
                               "standard), afrundet halvt op til hele kroner",
    SkaerpetGrundlag.UAFRUNDET: "socialtilsynsbekendtgørelsen § 33: 10 % af den uafrundede "
                                "årlige tilsynstakst (regler.skaerpet_grundlag = "
                                "\"uafrundet\"), afrundet halvt op til hele kroner",
}


def _skaerpet(grundlag_takst: Sporet, g: int | None, grundlag: SkaerpetGrundlag) -> Sporet:
    """Månedstillægget for takstgruppe ``g`` af ``grundlag_takst`` (den afrundede eller den
    uafrundede årlige tilsynstakst), afrundet til hele kroner (§ 33)."""
    return regn(f"takster.skaerpet_tilsyn_pr_maaned.{g}" if g is not None else "",
                f"skærpet tilsyn pr. påbegyndt måned, takstgruppe {(g or 0) + 1}",
                f"{SKAERPET_SATS * 100} % × {{0}}", grundlag_takst, afrund=afrund_kroner,
                regel=SKAERPET_REGEL[grundlag])


def _skaerpet_grundlag(g: int, takst: Sporet, h: Sporet, t: Sporet,
                       grundlag: SkaerpetGrundlag) -> Sporet:
    """Den årlige tilsynstakst, skærpet tilsyn regnes af: den afrundede takst, eller samme
    produkt vægt × normtimer × timepris uden afrunding (docs/regler.md)."""
    if grundlag is SkaerpetGrundlag.AFRUNDET:
        return takst
    return regn(f"takster.tilsyn_uafrundet.{g}", f"takst for tilsyn, uafrundet, takstgruppe {g + 1}",
                "{0} × {1} × {2}", _vaegt(g), h, t,
                regel="den årlige tilsynstakst før afrundingen (regler.skaerpet_grundlag = "
                      "\"uafrundet\"; docs/regler.md)")


def bpa_takst(timer: Decimal, afrundet_timepris: Decimal, aktivitet: str = "") -> Decimal:
    """BPA-takst = timer × timepris (notatet s. 4: "antal anvendte timer ganget med en timepris").

    Timeprisen er den offentliggjorte, afrundede; produktet er derfor allerede i hele kroner.
    """
    return _bpa_takst(timer, Sporet("takster.timepris", afrundet_timepris), aktivitet).vaerdi  # type: ignore[return-value]


def _bpa_takst(timer: Decimal, timepris: Sporet, aktivitet: str) -> Sporet:
    return regn(f"takster.{aktivitet}" if aktivitet else "",
                f"takst for {AKTIVITETSNAVNE.get(aktivitet)}", "{0} × {1}",
                fra_fil(f"normtimer.{aktivitet}", timer), timepris, afrund=afrund_kroner,
                regel="BPA: timer × den afrundede timepris (notatet s. 4)")


def beregn_takster(budget: Budget, faktor: Fraction = Fraction(1)) -> Takstresultat:
    """Hele takstbladet for tilbud, og BPA i en fil med BPA, i prisniveauet givet ved ``faktor``."""
    timer = _timer_i_alt(budget)
    t = _timepris(budget.budget.tilbudsafdelingen, timer, faktor)
    normtimer = budget.normtimer
    for a, h in normtimer.model_dump(exclude={"kilde"}, exclude_none=True).items():
        regn(f"takster.normtimer.{a}", f"normtimer til {AKTIVITETSNAVNE[a]}", "{0}",
             fra_fil(f"normtimer.{a}", h))
    pr_aktivitet = {a: _takster(getattr(normtimer, a), t, a) for a in AKTIVITETER}
    afrundet_timepris = regn("takster.timepris", "timepris", "{0}", t, afrund=afrund_kroner,
                             regel=AFRUNDET)
    bpa = ({aktivitet: _bpa_takst(getattr(normtimer, aktivitet), afrundet_timepris, aktivitet)
            for _, aktivitet in BPA_SAGER} if budget.har_bpa else {})
    daekning = _omkostningsdaekning(budget, faktor, pr_aktivitet, bpa)
    grundlag = budget.skaerpet_grundlag
    h_tilsyn = fra_fil("normtimer.tilsyn", normtimer.tilsyn)
    skaerpet = tuple(_skaerpet(_skaerpet_grundlag(g, takst, h_tilsyn, t, grundlag), g, grundlag)
                     .vaerdi for g, takst in enumerate(pr_aktivitet["tilsyn"]))
    return Takstresultat(
        normtimer=normtimer.model_dump(exclude={"kilde"}, exclude_none=True),
        timer_i_alt=afrund_decimaler(timer.vaerdi, 2),
        timepris=afrundet_timepris.vaerdi,  # type: ignore[arg-type]
        timepris_uafrundet=afrund_decimaler(t.vaerdi, 4),
        tilsyn=tuple(s.vaerdi for s in pr_aktivitet["tilsyn"]),  # type: ignore[arg-type]
        nygodkendelse=tuple(s.vaerdi for s in pr_aktivitet["nygodkendelse"]),  # type: ignore[arg-type]
        vaesentlig_aendring=tuple(s.vaerdi for s in pr_aktivitet["vaesentlig_aendring"]),  # type: ignore[arg-type]
        skaerpet_tilsyn_pr_maaned=skaerpet,  # type: ignore[arg-type]
        bpa_tilsyn=bpa["bpa_tilsyn"].vaerdi if bpa else None,  # type: ignore[arg-type]
        bpa_nygodkendelse=bpa["bpa_nygodkendelse"].vaerdi if bpa else None,  # type: ignore[arg-type]
        daekning=daekning,
        skaerpet_grundlag=grundlag,
    )


def _omkostningsdaekning(budget: Budget, faktor: Fraction, takster: dict[str, tuple[Sporet, ...]],
                         bpa: dict[str, Sporet]) -> Omkostningsdaekning:
    """Σ antal × takst over alle aktiviteter og takstgrupper (og BPA, med BPA) mod
    tilbudsafdelingens budget; resten er afrundingens bidrag (README: Hvad tabellerne betyder)."""
    antal = budget.antal
    led = [regn(f"takster.indtaegt.{aktivitet}.{g}",
                f"indtægt ved {AKTIVITETSNAVNE[aktivitet]}, takstgruppe {g + 1}", "{0} × {1}",
                fra_fil(f"antal.pr_takstgruppe.{noegle}.{g}", n), takst)
           for aktivitet, noegle in AKTIVITETER.items()
           for g, (n, takst) in enumerate(zip(getattr(antal.pr_takstgruppe, noegle),
                                              takster[aktivitet]))]
    for sager, aktivitet in BPA_SAGER if bpa else ():
        led.append(regn(f"takster.indtaegt.{aktivitet}", f"indtægt ved {AKTIVITETSNAVNE[aktivitet]}",
                        "{0} × {1}", fra_fil(f"antal.{sager}", getattr(antal, sager)),
                        bpa[aktivitet]))
    indtaegt = regn("takster.daekning.indtaegt", "indtægt ved takster", sumformel(led), *led,
                    regel="Σ antal × takst over alle aktiviteter og takstgrupper"
                          + (", og BPA" if bpa else ""))
    budget_kr = regn("takster.daekning.budget", "tilbudsafdelingens budget", "{0}",
                     Sporet("budget.tilbudsafdelingen",
                            afrund_kroner(Fraction(budget.budget.tilbudsafdelingen) * faktor)))
    rest = regn("takster.daekning.rest", "afrundingsrest", "{0} − {1}", indtaegt, budget_kr,
                regel="positiv = overdækning af afrundingen (README: Hvad tabellerne betyder)")
    return Omkostningsdaekning(budget_kr.vaerdi, indtaegt.vaerdi, rest.vaerdi)  # type: ignore[arg-type]
