"""Budgetfilens kommuner mod tilsynets område (socialtilsynsloven § 2, stk. 2-3; docs/regler.md).

Den objektive finansiering fordeles på de kommuner, der hører til tilsynets område, efter deres
0-17-årige. En kommune uden for området, eller en af områdets kommuner, der mangler, flytter hver
kommunes betaling; men filen kan stadig beregnes, så begge er advarsler (som i ``sammenhaeng``):
``tjek`` lister dem, ``tjek --streng`` fejler på dem, og ``beregn`` og ``notat`` viser dem før
tallene. Et navn, der slet ikke er en kommune, afvises allerede af modellen (``model.py``).
"""

from collections.abc import Callable
from pathlib import Path

from tilsynstakst.budgetfil.kommuner import (kommunekode, omraade, tilsyn_for,
                                             vaert_for)
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.fund import ADVARSEL, Fund
from tilsynstakst.kommando import kommando


def kommuner_i_omraadet(sti: Path, budget: Budget, linje: Callable[..., int | None]) -> list[Fund]:
    """Hver kommune i ``[befolkning.kommuner]`` hører til filens tilsyns område, og hver af
    områdets kommuner står der (socialtilsynsloven § 2, stk. 2-3)."""
    tilsyn, kommuner = budget.tilsyn, budget.befolkning.kommuner
    fund = []
    for navn in kommuner:
        hoerer_til = tilsyn_for(navn)
        if hoerer_til is not None and hoerer_til != tilsyn:
            vaert = vaert_for(navn)
            stk = f"stk. 3: værtskommune for {vaert}" if vaert else "stk. 2"
            fund.append(Fund(str(sti), f"{navn} hører til {hoerer_til} (socialtilsynsloven § 2, "
                             f"{stk}), ikke til {tilsyn}s område, og skal ikke betale til dets "
                             "objektive finansiering", f"befolkning.kommuner.{navn}",
                             linje(sti, "befolkning", "kommuner", navn), ADVARSEL))
    i_filen = {kommunekode(n) for n in kommuner}
    alle = omraade(tilsyn)
    mangler = [n for n in alle if kommunekode(n) not in i_filen]
    if mangler:
        hent = kommando("befolkning", budget.aar, "--hent", mappe=sti.parent)
        den = "den" if len(mangler) == 1 else "dem"
        fund.append(Fund(str(sti), f"{tilsyn}s område har {len(alle)} kommuner "
                         f"(socialtilsynsloven § 2, stk. 2-3), og {len(mangler)} mangler: "
                         f"{', '.join(mangler)}; skriv {den} under [befolkning.kommuner], eller "
                         f"hent hele området med: {hent}", "befolkning.kommuner",
                         linje(sti, "befolkning", "kommuner"), ADVARSEL))
    return fund
