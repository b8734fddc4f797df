"""Plejefamilieafdelingen: objektiv finansiering og gennemsnitspris (docs/regler.md).

Lov om socialtilsyn § 23: plejefamilieområdet finansieres af kommunerne i tilsynets område efter
objektive kriterier. Hver kommune betaler den andel af budgettet, der svarer til dens andel af de
0-17-årige (Danmarks Statistik, 2. kvartal året før budgetåret).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.fordeling import STOERSTE_REST, fordel
from tilsynstakst.beregning.afrunding import afrund_en_decimal, afrund_kroner
from tilsynstakst.budgetfil.model import Befolkning
from tilsynstakst.beregning.spor import Sporet, fra_fil, regn, sumformel


@dataclass(frozen=True)
class Kommuneandel:
    navn: str
    befolkning: int
    andel_pct: Decimal
    beloeb: Decimal


@dataclass(frozen=True)
class Finansiering:
    kvartal: str
    befolkning_i_alt: int
    budget: Decimal
    kommuner: tuple[Kommuneandel, ...]
    sum_kommuner: Decimal  # = budget ved største brøkdel; kan afvige ved simpel afrunding
    rest: Decimal  # sum_kommuner - budget: afrundingens forskel (0 ved største brøkdel)


def objektiv_finansiering(
    befolkning: Befolkning, budget: Decimal, metode: str = STOERSTE_REST
) -> Finansiering:
    """Fordel plejefamilieafdelingens budget (hele kr.) efter andelen af 0-17-årige (LOST § 23).

    Andelen vises i procent med én decimal; beløbet fordeles eksakt med ``metode``.
    """
    kommuner = befolkning.kommuner
    budget_ = regn("finansiering.budget", "plejefamilieafdelingens budget", "{0}",
                   Sporet("budget.plejefamilieafdelingen", budget))
    led = [fra_fil(f"befolkning.kommuner.{navn}", antal) for navn, antal in kommuner.items()]
    i_alt = regn("finansiering.befolkning_i_alt", "0-17-årige i alt",
                 sumformel(led), *led)
    beloeb = fordel(int(budget), kommuner, metode)
    andele, beloeb_led = [], []
    for i, navn in enumerate(kommuner):
        k = f"finansiering.kommuner.{i}"
        antal = regn(f"{k}.befolkning", f"0-17-årige i {navn}", "{0}", led[i])
        andel = regn(f"{k}.andel_pct", f"{navn}s andel i pct.", "{0} ÷ {1} × 100", antal, i_alt,
                     afrund=afrund_en_decimal,
                     regel="procent med én decimal, afrundet halvt op (README: Afrunding)")
        beloeb_led.append(regn(
            f"{k}.beloeb", f"{navn}s objektive finansiering", "{0} × {1} ÷ {2}", budget_, antal,
            i_alt, vaerdi=Sporet(f"fordeling.{navn}", Decimal(beloeb[navn])),
            regel="andelen af de 0-17-årige (lov om socialtilsyn § 23), i hele kroner som vist "
                  "nedenfor"))
        andele.append(Kommuneandel(navn, antal.vaerdi, andel.vaerdi,  # type: ignore[arg-type]
                                   beloeb_led[-1].vaerdi))  # type: ignore[arg-type]
    sum_kommuner = regn("finansiering.sum_kommuner", "kommunernes beløb i alt",
                        sumformel(beloeb_led), *beloeb_led)
    rest = regn("finansiering.rest", "kommunernes beløb i alt - budgettet", "{0} - {1}",
                sum_kommuner, budget_,
                regel="0 ved største brøkdel; ved simpel afrunding den forskel, hver kommunes "
                      "afrunding for sig giver (README: Hvad tabellerne betyder)")
    return Finansiering(befolkning.kvartal, i_alt.vaerdi, budget, tuple(andele),  # type: ignore[arg-type]
                        sum_kommuner.vaerdi, rest.vaerdi)  # type: ignore[arg-type]


def gennemsnitspris(
    budget_pleje: Fraction, plejefamilier: int, nygodkendelser: int,
    budget_led: str = "budget.plejefamilieafdelingen",
) -> Decimal | None:
    """Gennemsnitspris pr. plejefamilie = budget ÷ (plejefamilier + nygodkendelser) (docs/omkostningsmodel.md).

    Regnes af det eksakte budget i prisniveauet, ikke af et afrundet tal (docs/afstemning.md).
    Uden plejefamilier er der ingen gennemsnitspris (``None``). ``budget_led`` er budgettets
    nøgle i sporet (``spor``).
    """
    i_alt = plejefamilier + nygodkendelser
    if not i_alt:
        return None
    return regn("gennemsnitspris", "gennemsnitspris pr. plejefamilie", "{0} ÷ {1}",
                Sporet(budget_led, budget_pleje), Sporet("antal.plejefamilier_i_alt", i_alt),
                afrund=afrund_kroner, regel="budget ÷ (plejefamilier + nygodkendelser), af det eksakte budget i "
                "prisniveauet, afrundet halvt op til hele kroner (README: Hvad tabellerne betyder, Afrunding)"
                ).vaerdi  # type: ignore[return-value]
