"""Plejefamilieafdelingen: objektiv finansiering og gennemsnitspris (docs/regler.md).

Lov om socialtilsyn § 23: plejefamilieområdet finansieres af kommunerne i tilsynets område efter
objektive kriterier. Hver kommune betaler den andel af budgettet, der svarer til dens andel af de
0-17-årige (Danmarks Statistik, 2. kvartal året før budgetåret).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.beregning.fordeling import STOERSTE_REST, fordel
from tilsynstakst.beregning.afrunding import kroner, procent
from tilsynstakst.budgetfil.model import Befolkning
from tilsynstakst.beregning.spor import inddata, noter


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
    i_alt = sum(kommuner.values())
    noter("finansiering.budget", budget, "plejefamilieafdelingens budget",
          "budget.plejefamilieafdelingen", formel="{0}")
    led = [inddata(f"befolkning.kommuner.{navn}", antal) for navn, antal in kommuner.items()]
    noter("finansiering.befolkning_i_alt", i_alt, "0-17-årige i alt", *led,
          formel=" + ".join(f"{{{i}}}" for i in range(len(led))))
    beloeb = fordel(int(budget), kommuner, metode)
    andele = []
    for i, (navn, antal) in enumerate(kommuner.items()):
        andele.append(Kommuneandel(navn, antal, procent(Fraction(antal, i_alt)),
                                   Decimal(beloeb[navn])))
        k = f"finansiering.kommuner.{i}"
        noter(f"{k}.befolkning", antal, f"0-17-årige i {navn}", led[i], formel="{0}")
        noter(f"{k}.andel_pct", andele[-1].andel_pct, f"{navn}s andel i pct.", f"{k}.befolkning",
              "finansiering.befolkning_i_alt", formel="{0} ÷ {1} × 100",
              uafrundet=Fraction(antal * 100, i_alt),
              regel="procent med én decimal, afrundet halvt op (README: Afrunding)")
        noter(f"{k}.beloeb", andele[-1].beloeb, f"{navn}s objektive finansiering",
              "finansiering.budget", f"{k}.befolkning", "finansiering.befolkning_i_alt",
              f"fordeling.{navn}", formel="{0} × {1} ÷ {2}",
              uafrundet=Fraction(int(budget) * antal, i_alt),
              regel="andelen af de 0-17-årige (lov om socialtilsyn § 23), i hele kroner som vist "
                    "nedenfor")
    sum_kommuner = Decimal(sum(beloeb.values()))
    noter("finansiering.sum_kommuner", sum_kommuner, "kommunernes beløb i alt",
          *(f"finansiering.kommuner.{i}.beloeb" for i in range(len(andele))),
          formel=" + ".join(f"{{{i}}}" for i in range(len(andele))))
    noter("finansiering.rest", sum_kommuner - budget, "kommunernes beløb i alt - budgettet",
          "finansiering.sum_kommuner", "finansiering.budget", formel="{0} - {1}",
          regel="0 ved største brøkdel; ved simpel afrunding den forskel, hver kommunes "
                "afrunding for sig giver (README: Hvad tabellerne betyder)")
    return Finansiering(befolkning.kvartal, i_alt, budget, tuple(andele), sum_kommuner,
                        sum_kommuner - budget)


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
    pris = kroner(budget_pleje / i_alt)
    noter("gennemsnitspris", pris, "gennemsnitspris pr. plejefamilie",
          budget_led, "antal.plejefamilier_i_alt", formel="{0} ÷ {1}", uafrundet=budget_pleje / i_alt,
          regel="budget ÷ (plejefamilier + nygodkendelser), af det eksakte budget i "
                "prisniveauet, afrundet halvt op til hele kroner (README: Hvad tabellerne betyder, Afrunding)")
    return pris
