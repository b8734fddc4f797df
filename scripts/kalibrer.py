"""Kalibrér det, notaterne ikke offentliggør: fordelingen på takstgrupper og normtimerne.

    python scripts/kalibrer.py     (udgangskode 1, hvis en budgetfil har andre værdier)

Notaterne offentliggør budgettet, antallene i alt, takster og timepris, men ikke normtimerne
eller hvordan nygodkendelser og væsentlige ændringer fordeler sig på takstgrupperne. Dette
script finder de værdier, budgets/2022.toml, 2023.toml og 2024.toml bruger, efter disse regler
(docs/omkostningsmodel.md), og kontrollerer dem med programmets egen model
(``takster.beregn_takster``):

1. Tilbud inkl. nygodkendelser pr. takstgruppe er oversigtens Tabel 2a (2022: 64/155/52/11,
   2023: 53/146/49/10). 2024 har samme antal i alt (258) og følger 2023's fordeling.
2. Væsentlige ændringer: i 2022 og 2023 alle i takstgruppe 1-2 (2024-notatet s. 2: "tidligere
   år, hvor forventningen var, at hovedvægten af de væsentlige ændringer var placeret i de mindre
   takstkategorier"); i 2024 halvdelen i takstgruppe 3-4 (samme sted).
3. Blandt de fordelinger, der sammen med reglerne ovenfor kan give de offentliggjorte takster,
   vælges i denne orden: nygodkendelserne (højst tilbuddene i gruppen) nærmest en fordeling i
   forhold til tilbuddene pr. takstgruppe (mindste sum af afvigelser); så hver halvdel af de
   væsentlige ændringer nærmest 2023's forhold 40:60 mellem den mindre og den større
   takstgruppe (i 2022 og 2023 efterlader reglerne kun én mulighed); så værdierne nærmest
   midten af deres intervaller (punkt 4).
4. Normtimer: takst = vægt × normtimer × timepris og timepris = budget ÷ timer
   (docs/omkostningsmodel.md) giver for hver aktivitet et interval for normtimer × timepris og
   et interval for timeprisen. Værdierne tages samme relative sted i alle intervaller, så budgettet netop dækkes, og
   normtimerne skrives med fire decimaler. 2024 bruger 2023's normtimer for nygodkendelse og
   væsentlig ændring (2024-notatet offentliggør ingen af de takster) og kalibrerer kun tilsyn.

Tallene er tastet ind fra kilderne (Notat Budget 2024 – Socialtilsyn Nord s. 3-4, notatet om
Budget 2023 s. 3-4 og oversigtens Tabel 2a; se docs/kilder.md), ikke læst af budgetfilerne.
"""

from dataclasses import dataclass
from fractions import Fraction as F
from itertools import product
from pathlib import Path

from tilsynstakst.budgetfil.laes import laes_budget
from tilsynstakst.beregning.afrunding import afrund_decimaler
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.beregning.takster import VAEGTE, beregn_takster
from tilsynstakst.tal import tal

ROD = Path(__file__).resolve().parent.parent

HALV = F(1, 2)
DECIMALER = 4


@dataclass(frozen=True)
class Aar:
    aar: int
    budget: int  # tilbudsafdelingen
    timepris: int
    tilsyn: tuple[int, ...]
    nygodkendelse: tuple[int, ...] | None  # None: ikke offentliggjort
    vaesentlig_aendring: tuple[int, ...] | None
    tilbud_i_alt: tuple[int, ...]  # inkl. nygodkendelser pr. takstgruppe
    nygodkendelser: int
    vaesentlige: int
    bpa_timer: int  # BPA-tilsyn × 13 timer (+ nygodkendelser × 36)
    pl: F = F(1)  # et senere notats syn på året: × PL
    senere_tilsyn: tuple[int, ...] | None = None
    senere_timepris: int | None = None


AAR = {
    # 2023-notatet s. 3-4 og oversigtens Tabel 2a, 2022 i 2023-priser.
    2022: Aar(2022, 15493476, 597, (37929, 45515, 75859, 113788), (33916, 40700, 67833, 101749),
              (10882, 13058, 21763, 32645), (64, 155, 52, 11), 10, 70, 3 * 13),
    # 2023-notatet og Tabel 2a; 2024-notatet s. 3-4 viser 2023 i 2024-priser (PL 4,45 %).
    2023: Aar(2023, 15606523, 608, (41057, 49269, 82114, 123172), (34677, 41612, 69353, 104030),
              (11072, 13287, 22145, 33217), (53, 146, 49, 10), 6, 70, 22 * 13,
              F("1.0445"), (42884, 51461, 85768, 128653), 635),
    # 2024-notatet s. 1 og 3-4: kun tilsynstaksterne og timeprisen.
    2024: Aar(2024, 16905109, 672, (43852, 52622, 87703, 131555), None, None,
              (53, 146, 49, 10), 7, 60, 19 * 13),
}


def interval(takster: tuple[int, ...], pl: F = F(1)) -> tuple[F, F]:
    """[fra, til) for normtimer × timepris, så vægt × værdien × pl afrunder til hver takst."""
    fra = max((t - HALV) / (w * pl) for w, t in zip(VAEGTE, takster))
    til = min((t + HALV) / (w * pl) for w, t in zip(VAEGTE, takster))
    return fra, til


def snit(a: tuple[F, F], b: tuple[F, F]) -> tuple[F, F]:
    return max(a[0], b[0]), min(a[1], b[1])


def fordelinger(n: int, loft: tuple[int, ...]):
    """Alle måder at fordele ``n`` på fire takstgrupper med højst ``loft[g]`` i gruppe g."""
    for a, b, c in product(*(range(min(n, m) + 1) for m in loft[:3])):
        d = n - a - b - c
        if 0 <= d <= loft[3]:
            yield (a, b, c, d)


def vaegtet(fordeling: tuple[int, ...]) -> F:
    return sum((w * n for w, n in zip(VAEGTE, fordeling)), F(0))


def vaesentlige(a: Aar):
    """Regel 2: 2022-2023 alle i takstgruppe 1-2; 2024 halvdelen i 3-4 (valget: ``valg``)."""
    if a.aar < 2024:
        return [(x, a.vaesentlige - x, 0, 0) for x in range(a.vaesentlige + 1)]
    halv = a.vaesentlige // 2
    return [(x, halv - x, y, halv - y) for x in range(halv + 1) for y in range(halv + 1)]


def intervaller(a: Aar, fast: dict[str, F]) -> dict[str, tuple[F, F]]:
    """Intervallerne for normtimer × timepris pr. aktivitet, og for timeprisen (``t``)."""
    iv = {"tilsyn": interval(a.tilsyn)}
    if a.senere_tilsyn:
        iv["tilsyn"] = snit(iv["tilsyn"], interval(a.senere_tilsyn, a.pl))
    t = (a.timepris - HALV, a.timepris + HALV)
    if a.senere_timepris:
        t = snit(t, ((a.senere_timepris - HALV) / a.pl, (a.senere_timepris + HALV) / a.pl))
    iv["t"] = t
    for navn in ("nygodkendelse", "vaesentlig_aendring"):
        if navn not in fast:
            iv[navn] = interval(getattr(a, navn))
    return iv


def loes(a: Aar, ny: tuple[int, ...], vae: tuple[int, ...], fast: dict[str, F],
         iv: dict[str, tuple[F, F]]):
    """λ ∈ [0, 1), så budget = Σ N·X + (BPA-timer + faste timer)·t, med hver X og t samme
    relative sted i sit interval (``iv``, fra ``intervaller``); ``None``, hvis budgettet ikke
    kan dækkes."""
    N = {"tilsyn": vaegtet(tuple(i - n for i, n in zip(a.tilbud_i_alt, ny))),
         "nygodkendelse": vaegtet(ny), "vaesentlig_aendring": vaegtet(vae)}
    timer_pr_t = a.bpa_timer + sum(N[k] * h for k, h in fast.items())
    fra = sum(N[k] * iv[k][0] for k in N if k in iv) + timer_pr_t * iv["t"][0]
    til = sum(N[k] * iv[k][1] for k in N if k in iv) + timer_pr_t * iv["t"][1]
    if not fra <= a.budget < til:
        return None
    lam = (a.budget - fra) / (til - fra)
    t = iv["t"][0] + lam * (iv["t"][1] - iv["t"][0])
    timer = {k: (iv[k][0] + lam * (iv[k][1] - iv[k][0])) / t for k in N if k in iv}
    return lam, {**timer, **fast}


def afstand(ny: tuple[int, ...], tilbud: tuple[int, ...]) -> F:
    """Regel 3: afstanden til en fordeling af nygodkendelserne i forhold til tilbuddene."""
    i_alt = sum(tilbud)
    return sum((abs(n - F(sum(ny) * t, i_alt)) for n, t in zip(ny, tilbud)), F(0))


def valg(a: Aar, fast: dict[str, F]):
    """Fordelingerne og normtimerne efter reglerne; kontrolleret med programmets model."""
    muligheder = []
    iv = intervaller(a, fast)
    for ny in fordelinger(a.nygodkendelser, a.tilbud_i_alt):
        for vae in vaesentlige(a):
            if (l := loes(a, ny, vae, fast, iv)) is not None:
                # regel 3: nygodkendelserne, så hver halvdel nærmest 40:60, så midt i intervallet
                muligheder.append(((afstand(ny, a.tilbud_i_alt),
                                    abs(vae[1] - F(3, 5) * (vae[0] + vae[1])),
                                    abs(vae[3] - F(3, 5) * (vae[2] + vae[3])),
                                    abs(l[0] - HALV)), ny, vae, l[1]))
    _, ny, vae, timer = min(muligheder)
    timer = {k: afrund_decimaler(v, DECIMALER).normalize() for k, v in timer.items()}
    return ny, vae, timer


def kontroller(a: Aar, ny, vae, timer) -> None:
    tilsyn = tuple(i - n for i, n in zip(a.tilbud_i_alt, ny))
    budget = Budget.model_validate({
        "aar": a.aar, "tilsyn": "kalibrering", "kilde": "kalibrering",
        "budget": {"kilde": "-", "tilbudsafdelingen": a.budget, "plejefamilieafdelingen": 1},
        "antal": {"kilde": "-", "plejefamilier": 1, "plejefamilier_nygodkendelser": 0,
                  "bpa_tilsyn": a.bpa_timer // 13, "bpa_nygodkendelser": 0,
                  "pr_takstgruppe": {"tilbud": tilsyn, "tilbud_nygodkendelser": ny,
                                     "vaesentlige_aendringer": vae}},
        "normtimer": {"kilde": "-", "bpa_tilsyn": 13, "bpa_nygodkendelse": 36, **timer},
        "befolkning": {"kilde": "-", "kvartal": f"{a.aar - 1}K2", "kommuner": {"Læsø": 1}},
    })
    r = beregn_takster(budget)
    assert r.timepris == a.timepris, (a.aar, r.timepris)
    assert r.tilsyn == a.tilsyn, (a.aar, r.tilsyn)
    for navn in ("nygodkendelse", "vaesentlig_aendring"):
        if getattr(a, navn):
            assert getattr(r, navn) == getattr(a, navn), (a.aar, navn, getattr(r, navn))
    if a.senere_tilsyn:
        senere = beregn_takster(budget, a.pl)
        assert senere.tilsyn == a.senere_tilsyn and senere.timepris == a.senere_timepris
    def liste(x) -> str:
        return " / ".join(tal(v) for v in x)

    print(f"{a.aar}: tilbud {liste(tilsyn)}; nygodkendelser {liste(ny)}; væsentlige ændringer "
          f"{liste(vae)}")
    print(f"      normtimer {', '.join(f'{k} = {tal(v)}' for k, v in timer.items())}")
    print(f"      timepris {tal(r.timepris_uafrundet)} → {tal(r.timepris)}; tilsyn "
          f"{liste(r.tilsyn)}; nygodkendelse {liste(r.nygodkendelse)}; væsentlig ændring "
          f"{liste(r.vaesentlig_aendring)}; afrundingsrest {tal(r.daekning.rest)} kr.")


def sammenlign_med_filen(aar: int, ny, vae, timer) -> bool:
    """Står de samme værdier i budgets/AAAA.toml? (Testen test_kalibrering gør det samme.)"""
    b = laes_budget(ROD / "budgets" / f"{aar}.toml")
    p = b.antal.pr_takstgruppe
    ens = ((p.tilbud_nygodkendelser, p.vaesentlige_aendringer) == (ny, vae)
           and all(getattr(b.normtimer, k) == v for k, v in timer.items()))
    print(f"      budgets/{aar}.toml: " + ("samme værdier" if ens else
                                           "ANDRE værdier; ret filen eller reglerne"))
    return ens


def kalibrer() -> dict[int, tuple]:
    """(nygodkendelser, væsentlige ændringer, normtimer) pr. år, efter reglerne ovenfor."""
    ud: dict[int, tuple] = {}
    fast: dict[str, F] = {}
    for aar in (2022, 2023, 2024):
        ud[aar] = valg(AAR[aar], fast if aar == 2024 else {})
        if aar == 2023:  # 2024 bruger 2023's normtimer for nygodkendelse og væsentlig ændring
            fast = {k: F(ud[aar][2][k]) for k in ("nygodkendelse", "vaesentlig_aendring")}
    return ud


def main() -> None:
    ens = True
    for aar, (ny, vae, timer) in kalibrer().items():
        kontroller(AAR[aar], ny, vae, timer)
        ens = sammenlign_med_filen(aar, ny, vae, timer) and ens
    raise SystemExit(0 if ens else 1)


if __name__ == "__main__":
    main()
