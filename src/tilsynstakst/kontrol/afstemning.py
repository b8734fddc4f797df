"""Afstemning af de offentliggjorte tal mod beregningen (docs/afstemning.md). Rene funktioner.

Hvert offentliggjort tal får en klasse: ens; afrundingsforskel (højst 1 kr. på et beløb, 0,1
procentpoint på en procent; antal skal være ens); afvigelse; eller erkendt (en fejl i notatet,
som budgetfilen erkender med det rigtige tal og en grund, issue 12). Et tal, der ikke kan
beregnes (en ukendt kommune, eller året før mangler), får en begrundelse i stedet for et tal.

En kolonne i tabellen over objektiv finansiering er ét fund (docs/afstemning.md): er den afrundet med
en anden metode end programmets, og giver den metode alle kommunernes beløb, siges det én gang
for kolonnen (``Kolonne``), og kommunerne er ens med den metode.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel

from tilsynstakst.beregning.fordeling import METODER, fordel
from tilsynstakst.tal import ANTAL, KR, PCT
from tilsynstakst.beregning.aarsresultat import Aarsresultat, Rapport
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.budgetfil.model import FIGURDELE, Budget, Erkendelse, Figur, Offentliggjort
from tilsynstakst.beregning.takster import TAKSTBLADET

class Afstemningsklasse(StrEnum):
    """Hvad et offentliggjort tal er mod beregningen (docs/afstemning.md)."""

    ENS = "ens"
    AFRUNDING = "afrunding"  # højst 1 kr. eller 0,1 procentpoint
    AFVIGELSE = "afvigelse"
    UBEREGNELIG = "uberegnelig"
    ERKENDT = "erkendt"  # en fejl i notatet, som filen erkender
    KOLONNE = "kolonne"  # i optællingen: en kolonne, afrundet med en anden metode (ikke et tal)


ENS, AFRUNDING, AFVIGELSE, UBEREGNELIG, ERKENDT, KOLONNE = Afstemningsklasse


class Kildetabel(StrEnum):
    """Tabellen i budgetfilen med offentliggjorte tal, og den kilde, den gengiver: notatet
    (``[offentliggjort]``) eller landsoversigten (``[oversigt]``). Begge afstemmes ens; et fund
    siger, hvis tal det er ("erkendt fejl i oversigten", aldrig "i notatet" om oversigten)."""

    NOTATET = "offentliggjort"
    OVERSIGTEN = "oversigt"

    @property
    def kilde(self) -> str:
        """``notatet`` eller ``oversigten``."""
        return _ORD[self][0]

    @property
    def kildens(self) -> str:
        """``notatets`` eller ``oversigtens``."""
        return _ORD[self][1]

    @property
    def hvor(self) -> str:
        """Foran det offentliggjorte tal i et fund: ``offentliggjort`` eller ``i oversigten``."""
        return _ORD[self][2]

    def tal(self, n: int) -> str:
        """``1 offentliggjort tal``, ``3 offentliggjorte tal`` eller ``3 tal i oversigten``."""
        return f"{n} {_ORD[self][3] if n == 1 else _ORD[self][4]}"

    def tabel(self, budget: Budget) -> Offentliggjort | None:
        """Budgetfilens tabel med kildens tal (``None``: filen har den ikke)."""
        return getattr(budget, self.value)


_ORD = {Kildetabel.NOTATET: ("notatet", "notatets", "offentliggjort", "offentliggjort tal",
                              "offentliggjorte tal"),
        Kildetabel.OVERSIGTEN: ("oversigten", "oversigtens", "i oversigten", "tal i oversigten",
                                "tal i oversigten")}
# Klasserne fra bedst til værst; "alle kategorier" får den værste af de fire takstgruppers.
_ORDEN = (ENS, AFRUNDING, AFVIGELSE)

# Største forskel, der tælles som afrunding (docs/afstemning.md).
TOLERANCE = {KR: Decimal(1), PCT: Decimal("0.1"), ANTAL: Decimal(0)}

Sti = tuple[str, ...]


@dataclass(frozen=True)
class Beregnet:
    vaerdi: Decimal | None  # None: kan ikke beregnes (se ``grund``)
    enhed: str
    grund: str | None = None
    fil_mangler: bool = False  # grunden er en manglende fil (input), ikke en uoverensstemmelse
    # "alle kategorier": de fire takstgruppers tal; ``vaerdi`` er det, der ligger fjernest
    alle: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class Afstemt:
    sti: Sti  # under [offentliggjort], fx ("antal", "tilbud", "budgetaar")
    offentliggjort: Decimal
    beregnet: Beregnet | None  # None: stien findes ikke i beregningen
    klasse: str
    erkendt: Erkendelse | None = None  # budgetfilen erkender tallet som notatets fejl
    afrunding: str | None = None  # kommunens beløb er ens med kolonnens metode, ikke programmets

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

    def takstgrupper(sti: Sti, vaerdier: tuple, aendringer: tuple | None, enhed: str) -> None:
        """Fire takstgrupper, og "alle kategorier": én procent, der skal passe på alle fire."""
        for g, v in enumerate(vaerdier):
            figur(sti + (f"takstgruppe_{g + 1}",), v, aendringer[g] if aendringer else None, enhed)
        grupper = [tal[sti + (f"takstgruppe_{g + 1}", "pct")] for g in range(4)]
        uden = [b for b in grupper if b.vaerdi is None]  # uden året før, eller et år med 0
        tal[sti + ("alle_kategorier", "pct")] = uden[0] if uden else Beregnet(
            None, PCT, alle=tuple(b.vaerdi for b in grupper))  # type: ignore[misc]

    for navn, antal in nu.pr_takstgruppe.items():
        takstgrupper(("antal_pr_takstgruppe", navn), antal,
                     ae.pr_takstgruppe[navn] if ae else None, ANTAL)
    for aktivitet in TAKSTBLADET:
        takstgrupper(("takster", aktivitet), getattr(nu.takster, aktivitet),
                     ae.takster[aktivitet] if ae else None, KR)
    t = nu.takster
    # Timeprisen står under [offentliggjort.bpa], også for et tilsyn uden BPA (docs/afstemning.md).
    figur(("bpa", "timepris"), t.timepris, ae.timepris if ae else None, KR)
    if nu.har_bpa:
        foer = r.forrige_aar
        grund = mangler or (f"budgetfilen for {foer.aar} har ingen BPA-takster (ingen "
                            "BPA-normtimer)" if foer else None)
        for navn, vaerdi in (("tilsyn", t.bpa_tilsyn), ("nygodkendelse", t.bpa_nygodkendelse)):
            tal.update(_figur(("bpa", navn), vaerdi, ae.bpa[navn] if ae and ae.bpa else None,
                              KR, grund, mangler is not None))
    return tal


def offentliggjorte_tal(o: Offentliggjort) -> list[tuple[Sti, Decimal, Erkendelse | None]]:
    """De offentliggjorte tal som (sti, tal, erkendelse), i filens rækkefølge; ``kilde`` er ikke
    et tal, og en figurs ``erkendt`` hører til den del, den erkender."""
    tal: list[tuple[Sti, Decimal, Erkendelse | None]] = []

    def gennemgaa(model: BaseModel | dict, sti: Sti) -> None:
        if isinstance(model, Figur):
            for del_ in FIGURDELE:
                if (v := getattr(model, del_)) is not None:
                    tal.append((sti + (del_,), v, model.erkendt.get(del_)))
            return
        punkter = model.items() if isinstance(model, dict) else (
            (navn, getattr(model, navn)) for navn in type(model).model_fields)
        for navn, vaerdi in punkter:
            if isinstance(vaerdi, (BaseModel, dict)):
                gennemgaa(vaerdi, sti + (navn,))

    gennemgaa(o, ())
    return tal


def klassificer(offentliggjort: Decimal, beregnet: Beregnet | None) -> str:
    """Ens, afrunding (inden for ``TOLERANCE``), afvigelse, eller uberegnelig (docs/afstemning.md).
    For "alle kategorier" den værste klasse af de fire takstgrupper."""
    if beregnet is None or (beregnet.vaerdi is None and not beregnet.alle):
        return UBEREGNELIG
    klasser = [_klasse(abs(v - offentliggjort), beregnet.enhed)
               for v in (beregnet.alle or (beregnet.vaerdi,))]  # type: ignore[arg-type]
    return max(klasser, key=_ORDEN.index)


def _klasse(forskel: Decimal, enhed: str) -> str:
    if forskel == 0:
        return ENS
    return AFRUNDING if forskel <= TOLERANCE[enhed] else AFVIGELSE


def _fjernest(offentliggjort: Decimal, b: Beregnet | None) -> Beregnet | None:
    """"Alle kategorier": det af de fire tal, der ligger fjernest fra det offentliggjorte."""
    if b is None or not b.alle:
        return b
    return Beregnet(max(b.alle, key=lambda v: abs(v - offentliggjort)), b.enhed, alle=b.alle)


def _afstemt(sti: Sti, v: Decimal, b: Beregnet | None, e: Erkendelse | None) -> Afstemt:
    """Et tal, der er erkendt som notatets fejl, er ``ERKENDT``, så længe beregningen giver
    det erkendte tal; flytter beregningen sig, er det en afvigelse (issue 12)."""
    b = _fjernest(v, b)
    klasse = klassificer(v, b)
    if e is not None and klasse != UBEREGNELIG:
        klasse = ERKENDT if b is not None and b.vaerdi == e.beregnet else AFVIGELSE
    return Afstemt(sti, v, b, klasse, e)


@dataclass(frozen=True)
class Kolonne:
    """En kolonne af kommunernes beløb, som en anden afrundingsmetode end programmets giver
    helt: siges én gang for kolonnen, ikke som en afrundingsforskel hos én kommune (§5)."""

    del_: str  # "forrige" eller "budgetaar" under finansiering.<kommune>.beloeb
    aar: int
    metode: str  # metoden, der giver alle kommunernes offentliggjorte beløb
    program: str  # programmets metode (--afrunding)
    kommuner: int
    sum: Decimal  # de offentliggjorte beløb lagt sammen
    budget: Decimal  # plejefamilieafdelingens budget i året
    # (kommune, programmets beløb, notatets beløb), hvor programmets metode giver noget andet
    forskelle: tuple[tuple[str, Decimal, Decimal], ...] = ()


@dataclass(frozen=True)
class Afstemning:
    tal: list[Afstemt]
    kolonner: list[Kolonne]


def _kolonner(tal: list[Afstemt], r: Rapport) -> tuple[list[Afstemt], list[Kolonne]]:
    """Find hver kolonne af kommunernes beløb, som en anden metode giver helt (docs/afstemning.md)."""
    kolonner = []
    for del_, aar in (("budgetaar", r.budgetaar), ("forrige", r.forrige_aar)):
        plads = {a.sti[1]: i for i, a in enumerate(tal) if a.sti[0] == "finansiering"
                 and a.sti[1] != "i_alt" and a.sti[2:] == ("beloeb", del_)}
        if (aar is None or not plads or all(tal[i].klasse == ENS for i in plads.values())
                or any(tal[i].erkendt or tal[i].klasse == UBEREGNELIG for i in plads.values())):
            continue  # kun en hel kolonne, hvor hvert tal kan beregnes, kan have en metode
        f = aar.finansiering
        vaegte = {k.navn: k.befolkning for k in f.kommuner}
        if set(plads) != set(vaegte):
            continue
        for metode in METODER:
            beloeb = fordel(int(f.budget), vaegte, metode)
            if metode != r.afrunding and all(tal[i].offentliggjort == beloeb[k]
                                             for k, i in plads.items()):
                forskelle = tuple((k, tal[i].beregnet.vaerdi, tal[i].offentliggjort)  # type: ignore[union-attr]
                                  for k, i in plads.items() if tal[i].klasse != ENS)
                for k, i in plads.items():
                    tal[i] = replace(tal[i], beregnet=Beregnet(Decimal(beloeb[k]), KR),
                                     klasse=ENS, afrunding=metode)
                kolonner.append(Kolonne(del_, aar.aar, metode, r.afrunding, len(plads),
                                        sum((tal[i].offentliggjort for i in plads.values()),
                                            Decimal(0)), f.budget, forskelle))  # type: ignore[arg-type]
                break
    return tal, kolonner


def afstem(o: Offentliggjort, r: Rapport) -> Afstemning:
    """Hvert offentliggjort tal mod det beregnede, i filens rækkefølge, og kolonnerne."""
    beregnet = beregnede_tal(r)
    tal = [_afstemt(sti, v, beregnet.get(sti), e) for sti, v, e in offentliggjorte_tal(o)]
    return Afstemning(*_kolonner(tal, r))
