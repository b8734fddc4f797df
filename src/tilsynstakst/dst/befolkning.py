"""``tilsynstakst befolkning``: de 0-17-årige fra FOLK1A ind i budgetfilens ``[befolkning]``.

Kvartalet er 2. kvartal året før budgetåret (LOST § 23). Der hentes filens kommuner og de
kommuner i tilsynets område, filen mangler (socialtilsynsloven § 2, stk. 2-3), så en fil for et
andet tilsyn end Nord får hele sit område; en kommune uden for området står, som den stod (``tjek``
advarer om den). Svaret skal have præcis de kommuner og det rigtige kvartal, ellers røres filen
ikke. Tabellen rettes på stedet (``redigering``): kilde, kvartal og hver kommunes tal (en kommune
fra området tilføjes til sidst); alle andre linjer står byte for byte, som de stod, og
resultatet læses igen som budgetfil, før det atomisk erstatter filen.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tilsynstakst.dst import folk1a
from tilsynstakst.fund import Fund, Inputfejl, synlig
from tilsynstakst.kommando import kommando
from tilsynstakst.budgetfil.redigering import erstat_befolkning, gem, laes_dokument
from tilsynstakst.budgetfil.laes import budgetfil, budgetmappe, findes, laes_budget, laes_pl
from tilsynstakst.budgetfil.kommuner import Tilsyn, kommunekode, omraade
from tilsynstakst.budgetfil.model import Budget


def omraader(sti: Path, original: bytes | None = None) -> tuple[Budget, dict[str, str]]:
    """Budgetfilen (eller dens bytes, som de er læst) og FOLK1A-koden for hver kommune, der skal
    hentes: filens egne og dernæst dem i tilsynets område, filen mangler (socialtilsynsloven § 2,
    stk. 2-3)."""
    budget = laes_budget(sti, original)
    kommuner = list(budget.befolkning.kommuner)
    har = {kommunekode(k) for k in kommuner}
    kommuner += [k for k in omraade(budget.tilsyn) if kommunekode(k) not in har]
    return budget, folk1a.koder(kommuner)


def adresse(mappe: Path, aar: int) -> str:
    """Adressen, der i en browser giver CSV'en for ``mappe/aar.toml``s kommuner og kvartal."""
    _, koder = omraader(_aarets_fil(mappe, aar))
    return folk1a.browser_url(list(koder.values()), folk1a.kvartal_for(aar))


def _aarets_fil(mappe: Path, aar: int) -> Path:
    """``mappe/aar.toml``; findes den ikke, men året før gør, siger fejlen, hvordan året startes."""
    sti = budgetfil(budgetmappe(mappe), aar)
    if findes(sti):
        return sti
    if not findes(budgetfil(mappe, aar - 1)):
        raise Inputfejl([Fund(str(sti), f"filen findes ikke, og heller ikke {aar - 1}.toml, som "
                              f"ny starter {aar} fra; start først {aar - 1} (eller vælg et andet "
                              "år)")])
    try:
        har_pl = aar in laes_pl(mappe).indeks
    except Inputfejl:
        har_pl = False
    start = kommando("ny", aar, mappe=mappe) + ("" if har_pl else " --pl PCT")
    pct = "" if har_pl else f" (PCT: pris- og lønfremskrivningen fra {aar - 1} til {aar} i procent)"
    raise Inputfejl([Fund(str(sti), f"filen findes ikke; start budgetåret fra {aar - 1}.toml "
                          f"med: {start}{pct}")])


@dataclass(frozen=True)
class Udfyldt:
    """``befolkning``s resultat: filen, de 0-17-årige pr. kommune, og de kommuner i tilsynets
    område, filen manglede og nu har fået (socialtilsynsloven § 2, stk. 2-3)."""

    sti: Path
    antal: dict[str, int]
    tilsyn: Tilsyn
    tilfoejet: tuple[str, ...]


def udfyld(mappe: Path, aar: int, csv: Path | None, idag: date) -> Udfyldt:
    """Hent (``csv`` = None) eller læs FOLK1A, kontrollér svaret, og ret ``mappe/aar.toml``."""
    sti = _aarets_fil(mappe, aar)
    # Én læsning af filen, før der ventes på nettet: kommunerne, dokumentet og bytes, som gem
    # sammenligner med lige før den erstatter filen (en rettelse imens står, issue 21).
    dokument, original = laes_dokument(sti)
    budget, koder = omraader(sti, original)
    kvartal = folk1a.kvartal_for(aar)
    if csv is None:
        data, hvor = folk1a.hent(list(koder.values()), kvartal), f"Danmarks Statistik ({folk1a.rod()})"
        kilde = f"hentet {idag.isoformat()} fra Danmarks Statistiks API"
    else:
        data, hvor = folk1a.laes_fil(csv), str(csv)
        kilde = f"indlæst {idag.isoformat()} fra CSV-filen {synlig(csv.name)}"
    antal = folk1a.laes_csv(data, hvor, kvartal, koder)
    erstat_befolkning(dokument, kvartal, f"Danmarks Statistik, FOLK1A: 0-17-årige (alder 0-17 "
                      f"år summeret, begge køn) pr. 1. april {aar - 1} ({kvartal}), {kilde}",
                      antal)
    ny = gem(sti, Budget, dokument, original)
    assert dict(ny.befolkning.kommuner) == antal and ny.befolkning.kvartal == kvartal
    return Udfyldt(sti, antal, budget.tilsyn,
                   tuple(k for k in antal if k not in budget.befolkning.kommuner))
