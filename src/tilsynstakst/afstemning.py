"""Afstemning af de offentliggjorte tal mod beregningen (DESIGN.md §5). Rene funktioner.

Hvert offentliggjort tal får en klasse: ens; afrundingsforskel (højst 1 kr. på et beløb, 0,1
procentpoint på en procent; antal skal være ens); eller afvigelse. Et tal, der ikke kan beregnes
(en ukendt kommune, eller året før mangler), får en begrundelse i stedet for et beregnet tal.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from tilsynstakst.money import ANTAL, KR, PCT
from tilsynstakst.rapport import Aarsresultat, Rapport
from tilsynstakst.sammenligning import Aendring
from tilsynstakst.schema import Offentliggjort
from tilsynstakst.takster import AKTIVITETER

ENS, AFRUNDING, AFVIGELSE, UBEREGNELIG = "ens", "afrunding", "afvigelse", "uberegnelig"

# Største forskel, der tælles som afrunding (DESIGN.md §5).
TOLERANCE = {KR: Decimal(1), PCT: Decimal("0.1"), ANTAL: Decimal(0)}

Sti = tuple[str, ...]


@dataclass(frozen=True)
class Beregnet:
    vaerdi: Decimal | None  # None: kan ikke beregnes (se ``grund``)
    enhed: str
    grund: str | None = None
    fil_mangler: bool = False  # grunden er en manglende fil (input), ikke en uoverensstemmelse


@dataclass(frozen=True)
class Afstemt:
    sti: Sti  # under [offentliggjort], fx ("antal", "tilbud", "budgetaar")
    offentliggjort: Decimal
    beregnet: Beregnet | None  # None: stien findes ikke i beregningen
    klasse: str

    @property
    def forskel(self) -> Decimal | None:
        if self.beregnet is None or self.beregnet.vaerdi is None:
            return None
        return self.beregnet.vaerdi - self.offentliggjort


def _figur(sti: Sti, budgetaar: Decimal | int, a: Aendring | None, enhed: str,
           grund: str | None, fil_mangler: bool) -> Iterator[tuple[Sti, Beregnet]]:
    """Budgetåret, og året før med ændring og procent, når ``a`` findes (ellers ``grund``)."""
    yield sti + ("budgetaar",), Beregnet(Decimal(budgetaar), enhed)
    for del_, e in (("forrige", enhed), ("aendring", enhed), ("pct", PCT)):
        vaerdi = getattr(a, del_) if a else None
        if a is not None and vaerdi is None:
            grund = "procenten kan ikke beregnes, året før er 0"
        yield sti + (del_,), Beregnet(vaerdi, e, None if vaerdi is not None else grund,
                                      a is None and fil_mangler)


def _finansiering(r: Rapport, grund: str | None) -> Iterator[tuple[Sti, Beregnet]]:
    """Tabellen over objektiv finansiering: 0-17-årige, andel og beløb pr. kommune og i alt."""
    def raekker(aar: Aarsresultat) -> dict[str, tuple[int, Decimal]]:
        f = aar.finansiering
        return {"i_alt": (f.befolkning_i_alt, Decimal("100.0")),
                **{k.navn: (k.befolkning, k.andel_pct) for k in f.kommuner}}

    nu, foer, ae = r.budgetaar, r.forrige_aar, r.aendringer
    raekker_foer = raekker(foer) if foer else {}
    beloeb = {"i_alt": nu.finansiering.budget, **{k.navn: k.beloeb for k in nu.finansiering.kommuner}}
    for navn, raekke in raekker(nu).items():
        sti = ("finansiering", navn)
        kommune_grund = grund or f"kommunen findes ikke i budgetfilen for {nu.aar - 1}"
        foer_raekke = raekker_foer.get(navn)
        for i, (del_, enhed) in enumerate((("befolkning", ANTAL), ("andel", PCT))):
            yield sti + (del_, "budgetaar"), Beregnet(Decimal(raekke[i]), enhed)
            yield sti + (del_, "forrige"), (
                Beregnet(Decimal(foer_raekke[i]), enhed) if foer_raekke
                else Beregnet(None, enhed, kommune_grund, grund is not None))
        a = ae.finansiering.get(navn) if ae else None
        yield from _figur(sti + ("beloeb",), beloeb[navn], a, KR, kommune_grund, grund is not None)


def _gennemsnitspris(r: Rapport, mangler: str | None) -> Iterator[tuple[Sti, Beregnet]]:
    """Uden plejefamilier i et af årene er der ingen gennemsnitspris det år."""
    nu = r.budgetaar.gennemsnitspris
    foer = r.forrige_aar.gennemsnitspris if r.forrige_aar else None
    ingen = "der er ingen plejefamilier i "
    grund = mangler or ingen + "året før"
    if nu is not None:
        a = r.aendringer.gennemsnitspris if r.aendringer else None
        yield from _figur(("gennemsnitspris",), nu, a, KR, grund, mangler is not None)
        return
    yield ("gennemsnitspris", "forrige"), Beregnet(foer, KR, None if foer else grund,
                                                   foer is None and mangler is not None)
    for del_ in ("budgetaar", "aendring", "pct"):
        yield ("gennemsnitspris", del_), Beregnet(None, PCT if del_ == "pct" else KR,
                                                  ingen + "budgetåret")


def beregnede_tal(r: Rapport) -> dict[Sti, Beregnet]:
    """Hvert tal, notatet kan offentliggøre, under samme sti som i ``[offentliggjort]``."""
    nu, ae = r.budgetaar, r.aendringer
    mangler = None if ae else f"kan ikke afstemmes: budgetfilen for {nu.aar - 1} findes ikke"
    tal: dict[Sti, Beregnet] = {}

    def figur(sti: Sti, vaerdi: Decimal | int, a: Aendring | None, enhed: str) -> None:
        tal.update(_figur(sti, vaerdi, a, enhed, mangler, mangler is not None))

    for k, v in nu.antal.items():
        figur(("antal", k), v, ae.antal[k] if ae else None, ANTAL)
    for k, v in nu.budget.items():
        figur(("budget", k), v, ae.budget[k] if ae else None, KR)
    tal.update(_finansiering(r, mangler))
    tal.update(_gennemsnitspris(r, mangler))
    for aktivitet in AKTIVITETER:
        for g, takst in enumerate(getattr(nu.takster, aktivitet)):
            a = ae.takster[aktivitet][g] if ae else None
            figur(("takster", aktivitet, f"takstgruppe_{g + 1}"), takst, a, KR)
    t = nu.takster
    figur(("bpa", "timepris"), t.timepris, ae.timepris if ae else None, KR)
    figur(("bpa", "tilsyn"), t.bpa_tilsyn, ae.bpa["tilsyn"] if ae else None, KR)
    figur(("bpa", "nygodkendelse"), t.bpa_nygodkendelse, ae.bpa["nygodkendelse"] if ae else None, KR)
    return tal


def offentliggjorte_tal(o: Offentliggjort) -> list[tuple[Sti, Decimal]]:
    """De offentliggjorte tal som (sti, tal), i filens rækkefølge; ``kilde`` er ikke et tal."""
    tal: list[tuple[Sti, Decimal]] = []

    def fladgoer(d: dict, sti: Sti) -> None:
        for navn, vaerdi in d.items():
            if isinstance(vaerdi, dict):
                fladgoer(vaerdi, sti + (navn,))
            else:
                tal.append((sti + (navn,), vaerdi))

    fladgoer(o.model_dump(exclude_none=True, exclude={"kilde"}), ())
    return tal


def klassificer(offentliggjort: Decimal, beregnet: Beregnet | None) -> str:
    """Ens, afrunding (inden for ``TOLERANCE``), afvigelse, eller uberegnelig (DESIGN.md §5)."""
    if beregnet is None or beregnet.vaerdi is None:
        return UBEREGNELIG
    forskel = abs(beregnet.vaerdi - offentliggjort)
    if forskel == 0:
        return ENS
    return AFRUNDING if forskel <= TOLERANCE[beregnet.enhed] else AFVIGELSE


def afstem(o: Offentliggjort, r: Rapport) -> list[Afstemt]:
    """Hvert offentliggjort tal mod det beregnede, i filens rækkefølge."""
    beregnet = beregnede_tal(r)
    return [Afstemt(sti, v, beregnet.get(sti), klassificer(v, beregnet.get(sti)))
            for sti, v in offentliggjorte_tal(o)]
