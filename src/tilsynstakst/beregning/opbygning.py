"""Budgettets opbygning: fra budgetposter og det overførte resultat til de to afdelingers
finansierede budget (docs/aaret.md, issue 13). Rene funktioner.

Hver afdelings budget = dens egne poster + dens andel af de fælles poster − dens del af et
overført overskud (+ af et underskud). De fælles poster fordeles efter ``faelles_fordeling``
(procent) med største brøkdels metode, så de to dele summer præcis til de fælles poster i hele
kroner (docs/afrunding-og-priser.md). Budgetfilens totaler er, uden poster, de finansierede budgetter, som de
står; med poster regnes de her, og står de også i filen, skal de passe (``schema``).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pydantic_core import PydanticCustomError

from tilsynstakst.beregning.fordeling import stoerste_rest
from tilsynstakst.budgetfil.model import Budget, beloeb_regel
from tilsynstakst.beregning.spor import inddata, noter
from tilsynstakst.tal import procent, tal


AFDELINGER = ("tilbudsafdelingen", "plejefamilieafdelingen")
FAELLES = "faelles"


@dataclass(frozen=True)
class Post:
    post: str
    beloeb: Decimal
    afdeling: str  # en af AFDELINGER eller FAELLES


@dataclass(frozen=True)
class Opbygning:
    """Opbygningen af de to afdelingers budget, i hele kroner i filens priser."""

    poster: tuple[Post, ...]
    egne: dict[str, Decimal]  # pr. afdeling: summen af dens egne poster
    faelles: Decimal  # summen af de fælles poster
    fordeling_pct: dict[str, Decimal]  # pr. afdeling: procent af de fælles poster
    faelles_fordelt: dict[str, Decimal]  # pr. afdeling: dens del af de fælles poster
    regnskabsaar: int | None  # det overførte resultats regnskabsår
    overfoert: dict[str, Decimal]  # pr. afdeling: dens del af resultatet (overskud positivt)
    finansieret: dict[str, Decimal]  # pr. afdeling: egne + fælles − overført


def _heltal(pct: dict[str, Decimal]) -> dict[str, int]:
    """Procenter som hele tal i samme forhold (45,5 / 54,5 → 455 / 545), til største brøkdel."""
    naevner = max(Fraction(p).denominator for p in pct.values())
    return {a: int(Fraction(p) * naevner) for a, p in pct.items()}


def opbyg(poster: tuple[Post, ...], fordeling_pct: dict[str, Decimal] | None,
          overfoert: dict[str, Decimal] | None, regnskabsaar: int | None = None) -> Opbygning:
    """De finansierede budgetter af posterne (docs/aaret.md): egne poster + andel af fælles
    poster (største brøkdel) − del af et overført overskud."""
    egne = {a: sum((p.beloeb for p in poster if p.afdeling == a), Decimal(0)) for a in AFDELINGER}
    faelles = sum((p.beloeb for p in poster if p.afdeling == FAELLES), Decimal(0))
    pct = fordeling_pct or {a: Decimal(0) for a in AFDELINGER}
    fordelt = ({a: Decimal(v) for a, v in stoerste_rest(int(faelles), _heltal(pct)).items()}
               if faelles else {a: Decimal(0) for a in AFDELINGER})
    resultat = overfoert or {a: Decimal(0) for a in AFDELINGER}
    finansieret = {a: egne[a] + fordelt[a] - resultat[a] for a in AFDELINGER}
    return Opbygning(poster, egne, faelles, dict(pct), fordelt, regnskabsaar, dict(resultat),
                     finansieret)


def opbygning(budget: Budget) -> Opbygning:
    """Opbygningen af en budgetfils poster, fordeling og overførte resultat."""
    b, o = budget.budget, budget.overfoert_resultat
    fordeling = (None if b.faelles_fordeling is None else
                 {a: getattr(b.faelles_fordeling, a) for a in AFDELINGER})
    return opbyg(tuple(Post(p.post, p.beloeb, p.afdeling) for p in b.poster), fordeling,
                 o.dele() if o is not None else None, o.regnskabsaar if o is not None else None)


class Udledningsfejl(Exception):
    """Et udledt budget, der ikke overholder reglen for et tastet (``noegle``: filens nøgle)."""

    def __init__(self, noegle: str, besked: str):
        super().__init__(besked)
        self.noegle, self.besked = noegle, besked


def udled(budget: Budget) -> Budget:
    """Budgettet med de finansierede totaler udledt af posterne (README: Budgettets opbygning).

    Et udledt beløb valideres som et tastet (hele kroner ≥ 0, ikke urealistisk stort), og står
    totalen også i filen, skal den passe; ellers ``Udledningsfejl`` med regnestykket (issue 13,
    issue 21). Uden poster er budgettet, som det står."""
    b = budget.budget
    if not b.poster:
        return budget
    opbygget = opbygning(budget)
    udledt = opbygget.finansieret
    for afdeling, beloeb in udledt.items():
        try:
            beloeb_regel(beloeb)
        except PydanticCustomError as e:
            raise Udledningsfejl(
                f"budget.{afdeling}", f"{afdeling} udledt af posterne er {tal(beloeb)} "
                f"({beskriv(opbygget, afdeling)}), men et finansieret budget "
                f"{e.message_template.split(', fik')[0]}; ret posterne eller det overførte "
                "resultat") from None
        if (angivet := getattr(b, afdeling)) is not None and angivet != beloeb:
            raise Udledningsfejl(
                f"budget.{afdeling}", f"{afdeling} = {tal(angivet)}, men posterne giver "
                f"{tal(beloeb)} ({beskriv(opbygget, afdeling)}); ret totalen eller posterne, "
                "eller slet totalen, så den udledes")
    return budget.model_copy(update={"budget": b.model_copy(update=udledt)})


def beskriv(o: Opbygning, afdeling: str) -> str:
    """'egne poster 12.968.055 + fælles andel 4.050.000 (45 % af 9.000.001) − overført overskud
    112.946': regnestykket for én afdeling, til en besked."""
    dele = [f"egne poster {tal(o.egne[afdeling])}"]
    if o.faelles:
        dele.append(f"+ fælles andel {tal(o.faelles_fordelt[afdeling])} "
                    f"({procent(o.fordeling_pct[afdeling])} af {tal(o.faelles)})")
    if r := o.overfoert[afdeling]:
        dele.append(f"− overført overskud {tal(r)}" if r > 0 else
                    f"+ overført underskud {tal(-r)}")
    return " ".join(dele)


def spor_opbygning(o: Opbygning) -> None:
    """Sporet af opbygningen til ``forklar``: hver afdelings budget ned til posterne i filen.

    Budgettet noteres under filens egen nøgle (``budget.tilbudsafdelingen``), så alt, der regnes
    af det, forklares ned til posterne og deres linjer."""
    poster: dict[str, list[str]] = {a: [] for a in (*AFDELINGER, FAELLES)}
    for i, p in enumerate(o.poster):
        poster[p.afdeling].append(inddata(f"budget.poster.{i}.beloeb", p.beloeb, p.post))
    if led_faelles := poster[FAELLES]:
        noter("opbygning.faelles", o.faelles, "fælles poster i alt", *led_faelles,
              formel=" + ".join(f"{{{i}}}" for i in range(len(led_faelles))))
    for a in AFDELINGER:
        egne = poster[a]
        noter(f"opbygning.egne.{a}", o.egne[a], f"{a}s egne poster", *egne,
              formel=" + ".join(f"{{{i}}}" for i in range(len(egne))) or "0")
        led = [f"opbygning.egne.{a}"]
        formel = "{0}"
        if o.faelles:
            noter(f"opbygning.faelles_fordelt.{a}", o.faelles_fordelt[a],
                  f"{a}s del af de fælles poster", "opbygning.faelles",
                  inddata(f"budget.faelles_fordeling.{a}", o.fordeling_pct[a]),
                  formel="{0} × {1} %", uafrundet=Fraction(o.faelles) * Fraction(
                      o.fordeling_pct[a]) / 100,
                  regel="fordelt med største brøkdels metode, så delene summer til de fælles "
                        "poster (README: Budgettets opbygning)")
            led.append(f"opbygning.faelles_fordelt.{a}")
            formel += " + {1}"
        if o.overfoert[a]:
            led.append(inddata(f"overfoert_resultat.{a}", o.overfoert[a]))
            formel += f" − {{{len(led) - 1}}}"
        noter(f":budget.{a}", o.finansieret[a], f"{a}s finansierede budget", *led, formel=formel,
              regel="egne poster + andel af de fælles poster − del af et overført overskud "
                    "(README: Budgettets opbygning)")
        noter(f"opbygning.finansieret.{a}", o.finansieret[a], f"{a}s finansierede budget",
              f":budget.{a}", formel="{0}")
