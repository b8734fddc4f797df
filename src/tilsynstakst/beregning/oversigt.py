"""Landsoversigten: "Oversigt over socialtilsynenes takster" for ét budgetår (docs/oversigt.md).

Rene funktioner. Hvert socialtilsyn er sit budgetårs ``Rapport`` (det, ``beregn`` regner for
tilsynets budgetmappe), og oversigten vælger tallene fra den: den objektive finansiering og
plejefamilierne (Tabel 1), taksterne for de fire aktiviteter og tilbuddene pr. takstgruppe i
begge år med ændringen (Tabel 2a-2e). Der er ingen anden formel for et tal, ``beregn`` har; det
eneste nye tal er oversigtens ene procent pr. aktivitet, "Alle kategorier", og den regnes med
``spor.regn``, så den kan forklares.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from tilsynstakst.beregning.aarsresultat import Rapport
from tilsynstakst.budgetfil.kommuner import Tilsyn
from tilsynstakst.budgetfil.model import Figur, Offentliggjort
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.beregning.spor import Sporet, regn
from tilsynstakst.beregning.takster import TAKSTBLADET

# De fem socialtilsyn i oversigtens rækkefølge (Tabel 1) med bogstavet i deres Tabel 2a-2e
# (socialtilsynsloven § 2; landsoversigten for 2023 og 2022).
# Tabel 2a-2e: de fem i oversigtens orden, som den lukkede liste har dem (kommuner.Tilsyn).
TILSYNENE = {str(t): f"2{bogstav}" for t, bogstav in zip(Tilsyn, "abcde", strict=True)}

# "Alle kategorier" pr. aktivitet: den aktivitet, hvis takstgruppe 1 giver procenten. Skærpet
# tilsyn er 10 % af tilsynstaksten (socialtilsynsbekendtgørelsen § 33) og ændres som den; dens
# egne afrundede kroner kan give 0,1 procentpoint mere eller mindre (Nord 2023: 4.106 / 3.793).
ALLE_KATEGORIER_FRA = {"tilsyn": "tilsyn", "skaerpet_tilsyn_pr_maaned": "tilsyn",
                       "nygodkendelse": "nygodkendelse",
                       "vaesentlig_aendring": "vaesentlig_aendring"}
ALLE_KATEGORIER_REGEL = (
    "oversigtens \"Alle kategorier\": ændringen i pct. i takstgruppe 1 (vægt 1; de andre grupper er "
    "1,2, 2 og 3 gange den), for skærpet tilsyn tilsynstakstens, da tillægget er 10 % af den "
    "(socialtilsynsbekendtgørelsen § 33) (docs/oversigt.md)")


@dataclass(frozen=True)
class AlleKategorier:
    """Oversigtens ene ændring i procent for en aktivitet, og takstgruppernes egne procenter:
    ``laveste``-``hoejeste`` er deres spænd; ``enige``: alle fire giver det samme."""

    pct: Decimal | None  # None: procenten kan ikke regnes (takstgruppe 1 var 0 året før)
    takstgrupper: tuple[Decimal | None, ...]
    laveste: Decimal | None
    hoejeste: Decimal | None
    enige: bool


@dataclass(frozen=True)
class ErkendtSlip:
    """Et tal, oversigten har forkert, og som budgetfilens ``[oversigt]`` erkender: hvor
    (``oversigt.takster.nygodkendelse.takstgruppe_3`` og ``forrige``), det trykte, det beregnede
    og grunden. Oversigten viser det beregnede tal og siger, hvad der blev trykt."""

    sti: str
    del_: str
    offentliggjort: Decimal
    beregnet: Decimal
    grund: str


def erkendte_slip(oversigt: Offentliggjort | None) -> tuple[ErkendtSlip, ...]:
    """Hvert erkendt tal i filens ``[oversigt]`` (docs/afstemning.md), i filens orden."""
    fundne: list[ErkendtSlip] = []

    def gaa(node: object, sti: str) -> None:
        if isinstance(node, Figur):
            fundne.extend(ErkendtSlip(sti, d, getattr(node, d), e.beregnet, e.grund)
                          for d, e in node.erkendt.items())
        elif isinstance(node, BaseModel):
            for navn in type(node).model_fields:
                gaa(getattr(node, navn), f"{sti}.{navn}")
        elif isinstance(node, dict):
            for navn, v in node.items():
                gaa(v, f"{sti}.{navn}")

    gaa(oversigt, "oversigt")
    return tuple(fundne)


@dataclass(frozen=True)
class Tilsynet:
    """Ét socialtilsyns tal i oversigten, alle i budgetårets priser (året før som i ``beregn``)."""

    tilsyn: str
    tabel: str  # "2a" … "2e"
    aar: int
    forrige_aar: int
    objektiv_finansiering: Aendring  # Tabel 1: plejefamilieafdelingens budget
    plejefamilier_i_alt: Aendring  # Tabel 1: plejefamilier inkl. nygodkendelser
    # Tabel 2x: tilsyn, skaerpet_tilsyn_pr_maaned, nygodkendelse og vaesentlig_aendring pr.
    # takstgruppe, og "Alle kategorier"
    takster: dict[str, tuple[Aendring, ...]]
    alle_kategorier: dict[str, AlleKategorier]
    tilbud_i_alt: tuple[Aendring, ...]  # tilbud inkl. nygodkendelser pr. takstgruppe
    tilbud_i_alt_samlet: Aendring  # rækken "I alt"
    erkendt: tuple[ErkendtSlip, ...] = ()  # tal, oversigten har trykt forkert (filens [oversigt])


@dataclass(frozen=True)
class Landsoversigt:
    """Oversigten for budgetåret ``aar`` i ``prisniveau``-priser, tilsynene i oversigtens orden."""

    aar: int
    prisniveau: int
    tilsyn: tuple[Tilsynet, ...]


def alle_kategorier(r: Rapport, aktivitet: str) -> AlleKategorier:
    """Oversigtens "Alle kategorier" for ``aktivitet`` (``ALLE_KATEGORIER_REGEL``), regnet og
    noteret i sporet (``aendringer.alle_kategorier.AKTIVITET``), og takstgruppernes spænd."""
    assert r.aendringer is not None
    fra = ALLE_KATEGORIER_FRA[aktivitet]
    foerste = r.aendringer.takster[fra][0].pct
    pct = None if foerste is None else regn(
        f"aendringer.alle_kategorier.{aktivitet}", "ændring i pct., alle kategorier", "{0}",
        Sporet(f"aendringer.takster.{fra}.0.pct", foerste),
        regel=ALLE_KATEGORIER_REGEL).vaerdi
    grupper = tuple(a.pct for a in r.aendringer.takster[aktivitet])
    kendte = [p for p in grupper if p is not None]
    return AlleKategorier(pct, grupper, min(kendte, default=None), max(kendte, default=None),  # type: ignore[arg-type]
                          len(set(grupper)) == 1)


def tilsynet(r: Rapport, erkendt: tuple[ErkendtSlip, ...] = ()) -> Tilsynet:
    """Ét socialtilsyns tal i oversigten, valgt fra dets rapport (``beregn``); året før skal
    være med (``Rapport.aendringer``)."""
    ae, foer = r.aendringer, r.forrige_aar
    if ae is None or foer is None:
        raise ValueError(f"{r.tilsyn}: oversigten kræver året før")
    return Tilsynet(
        tilsyn=r.tilsyn, tabel=TILSYNENE[r.tilsyn], aar=r.budgetaar.aar, forrige_aar=foer.aar,
        objektiv_finansiering=ae.finansiering["i_alt"],
        plejefamilier_i_alt=ae.antal["plejefamilier_i_alt"],
        takster={a: ae.takster[a] for a in TAKSTBLADET},
        alle_kategorier={a: alle_kategorier(r, a) for a in TAKSTBLADET},
        tilbud_i_alt=ae.pr_takstgruppe["tilbud_i_alt"],
        tilbud_i_alt_samlet=ae.antal["tilbud_i_alt"],
        erkendt=erkendt,
    )


def landsoversigt(rapporter: Sequence[Rapport],
                  erkendt: dict[str, tuple[ErkendtSlip, ...]] | None = None) -> Landsoversigt:
    """Oversigten af tilsynenes rapporter for samme budgetår, i oversigtens orden (Nord, Midt,
    Syd, Øst, Hovedstaden); hvert tilsyn højst én gang (det sikrer ``aaret.oversigt``).
    ``erkendt``: pr. tilsyn de tal, dets fil erkender som oversigtens fejl."""
    orden = list(TILSYNENE)
    erkendt = erkendt or {}
    valgt = sorted(rapporter, key=lambda r: orden.index(r.tilsyn))
    if len({r.tilsyn for r in valgt}) != len(valgt) or len({r.budgetaar.aar for r in valgt}) > 1:
        raise ValueError("ét budgetår og hvert socialtilsyn højst én gang")
    foerste = valgt[0].budgetaar
    return Landsoversigt(foerste.aar, foerste.prisniveau,
                         tuple(tilsynet(r, erkendt.get(r.tilsyn, ())) for r in valgt))
