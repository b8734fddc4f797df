"""Kontrol af budgetfiler (``tjek``): find filerne, læs hver enkelt og saml alle fund.

Som beancounts checker: en fejl i én fil stopper ikke læsningen af de andre, og hvert fund er en
værdi (fil, linje, nøgle, besked), ikke en undtagelse, der bobler op.
"""

from collections.abc import Iterable
from pathlib import Path

from tilsynstakst.load import PL_FILNAVN, Fund, Inputfejl, laes_budget, laes_model
from tilsynstakst.schema import PLIndeks


def find_filer(stier: Iterable[Path]) -> tuple[list[Path], list[Fund]]:
    """Budgetfiler (AAAA.toml) og PL-indekset i de givne filer og mapper, sorteret."""
    filer: list[Path] = []
    fund: list[Fund] = []
    for sti in stier:
        if sti.is_dir():
            i_mappen = sorted(f for f in sti.glob("*.toml")
                              if f.stem.isdigit() or f.name == PL_FILNAVN)
            if not i_mappen:
                fund.append(Fund(str(sti), "mappen indeholder ingen budgetfiler (AAAA.toml)"))
            filer += i_mappen
        elif sti.exists():
            filer.append(sti)
        else:
            fund.append(Fund(str(sti), "findes ikke"))
    return filer, fund


def laes_fil(sti: Path) -> list[Fund]:
    """Læs og validér én fil; returnér dens fund (tom liste: filen er gyldig)."""
    try:
        if sti.name == PL_FILNAVN:
            laes_model(PLIndeks, sti)
        else:
            laes_budget(sti)
    except Inputfejl as e:
        return e.fund
    return []


def tjek(stier: Iterable[Path]) -> list[Fund]:
    """Alle fund i alle filer under ``stier``; hver fil læses, også efter en fejl i en anden."""
    filer, fund = find_filer(stier)
    for sti in filer:
        fund += laes_fil(sti)
    return fund
