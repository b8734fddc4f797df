"""Plejefamilieafdelingen: objektiv finansiering og gennemsnitspris (DESIGN.md §2-3).

Lov om socialtilsyn § 23: plejefamilieområdet finansieres af kommunerne i tilsynets område efter
objektive kriterier. Hver kommune betaler den andel af budgettet, der svarer til dens andel af de
0-17-årige (Danmarks Statistik, 2. kvartal året før budgetåret).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tilsynstakst.fordeling import STOERSTE_REST, fordel
from tilsynstakst.money import kroner, procent
from tilsynstakst.schema import Befolkning


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


def objektiv_finansiering(
    befolkning: Befolkning, budget: Decimal, metode: str = STOERSTE_REST
) -> Finansiering:
    """Fordel plejefamilieafdelingens budget (hele kr.) efter andelen af 0-17-årige (LOST § 23).

    Andelen vises i procent med én decimal; beløbet fordeles eksakt med ``metode``.
    """
    kommuner = befolkning.kommuner
    i_alt = sum(kommuner.values())
    beloeb = fordel(int(budget), kommuner, metode)
    andele = tuple(
        Kommuneandel(navn, antal, procent(Fraction(antal, i_alt)), Decimal(beloeb[navn]))
        for navn, antal in kommuner.items()
    )
    return Finansiering(befolkning.kvartal, i_alt, budget, andele, Decimal(sum(beloeb.values())))


def gennemsnitspris(
    budget_pleje: Fraction, plejefamilier: int, nygodkendelser: int
) -> Decimal | None:
    """Gennemsnitspris pr. plejefamilie = budget ÷ (plejefamilier + nygodkendelser) (DESIGN.md §3).

    Regnes af det eksakte budget i prisniveauet, ikke af et afrundet tal (DESIGN.md §5).
    Uden plejefamilier er der ingen gennemsnitspris (``None``).
    """
    i_alt = plejefamilier + nygodkendelser
    return kroner(budget_pleje / i_alt) if i_alt else None
