"""Regnskabsfilens form: ``regnskab/AAAA.toml`` ved siden af budgetfilerne (issue 24).

Et års faktiske aktivitet pr. takstgruppe, de faktiske omkostninger pr. afdeling (eller pr.
post), og, når det er besluttet, hvor meget af resultatet der overføres til hvilket budgetår.
Samme stil som budgetfilen (``model.py``): frosne modeller, ingen ukendte nøgler, en dansk
besked pr. værdi, som ``laes.valider`` melder med fil, linje og nøgle.
"""

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from tilsynstakst.budgetfil.model import (Aarstal, Antal, Beloeb, Resultatbeloeb, Takstgrupper,
                                          Resultatdele, Tekst, Tilsynsnavn, _fejl, _kr,
                                          _Model)

REGNSKABSMAPPE = "regnskab"  # regnskabsfilerne står i budgetmappens regnskab/


class Regnskabsart(StrEnum):
    """Et aflagt regnskab eller et forventet regnskab i løbet af året."""

    REGNSKAB = "regnskab"
    FORVENTET = "forventet regnskab"


def _art(v: Any) -> Regnskabsart:
    if isinstance(v, str) and v in {a.value for a in Regnskabsart}:
        return Regnskabsart(v)
    raise _fejl('skal være "regnskab" (det aflagte regnskab) eller "forventet regnskab" '
                "(et skøn i løbet af året)", v)


Art = Annotated[Regnskabsart, BeforeValidator(_art),
                WithJsonSchema({"type": "string", "enum": [a.value for a in Regnskabsart]})]


class AktivitetPrTakstgruppe(_Model):
    """Årets faktiske antal pr. takstgruppe 1-4 (socialtilsynsbekendtgørelsen §§ 32-33)."""

    tilbud: Takstgrupper
    tilbud_nygodkendelser: Takstgrupper
    vaesentlige_aendringer: Takstgrupper
    # påbegyndte måneder med skærpet tilsyn (§ 33), summeret over tilbuddene i takstgruppen
    skaerpet_maaneder: Takstgrupper = (0, 0, 0, 0)


class Aktivitet(_Model):
    """Årets faktiske aktivitet. BPA-antallene står, når årets budget har BPA, og kun da."""

    kilde: Tekst
    plejefamilier: Antal
    plejefamilier_nygodkendelser: Antal
    bpa_tilsyn: Antal | None = None
    bpa_nygodkendelser: Antal | None = None
    pr_takstgruppe: AktivitetPrTakstgruppe

    @model_validator(mode="after")
    def _bpa_begge_eller_ingen(self) -> "Aktivitet":
        if (self.bpa_tilsyn is None) != (self.bpa_nygodkendelser is None):
            mangler = "bpa_tilsyn" if self.bpa_tilsyn is None else "bpa_nygodkendelser"
            raise PydanticCustomError(
                "tilsynstakst", "mangler: skriv begge BPA-antal (bpa_tilsyn og "
                "bpa_nygodkendelser), eller ingen", {"felt": mangler})
        return self


Afdelingsnavn = Literal["tilbudsafdelingen", "plejefamilieafdelingen"]


class Omkostningspost(_Model):
    """Én post i regnskabet: det budgetterede og det faktiske beløb hos én afdeling (fælles
    poster skrives som hver afdelings andel)."""

    post: Tekst
    afdeling: Afdelingsnavn
    budget: Beloeb
    beloeb: Beloeb
    kilde: Tekst | None = None


class Omkostninger(_Model):
    """De faktiske omkostninger pr. afdeling, som totaler eller som poster (så udledes
    totalerne, og står de også, skal de passe)."""

    kilde: Tekst
    tilbudsafdelingen: Beloeb | None = None
    plejefamilieafdelingen: Beloeb | None = None
    poster: tuple[Omkostningspost, ...] = ()

    @model_validator(mode="after")
    def _totaler_eller_poster(self) -> "Omkostninger":
        for a in ("tilbudsafdelingen", "plejefamilieafdelingen"):
            poster = [p for p in self.poster if p.afdeling == a]
            total = getattr(self, a)
            if total is None and not poster:
                raise PydanticCustomError(
                    "tilsynstakst", "mangler: skriv afdelingens faktiske omkostninger, eller "
                    "[[omkostninger.poster]] med afdeling = \"{a}\"", {"a": a, "felt": a})
            summen = sum((p.beloeb for p in poster), Decimal(0))
            if total is not None and poster and total != summen:
                raise PydanticCustomError(
                    "tilsynstakst", "{a} = {total}, men afdelingens poster summer til {sum}; "
                    "ret totalen eller posterne, eller slet totalen",
                    {"a": a, "total": _kr(total), "sum": _kr(summen), "felt": a})
        return self

    def i_alt(self, afdeling: str) -> Decimal:
        """Afdelingens faktiske omkostninger: totalen, ellers summen af dens poster."""
        total = getattr(self, afdeling)
        return total if total is not None else sum(
            (p.beloeb for p in self.poster if p.afdeling == afdeling), Decimal(0))


class Overfoersel(Resultatdele):
    """En beslutning: så meget af resultatet overføres til budgetåret ``budgetaar`` (overskud
    positivt), evt. fordelt på afdelingerne (delene summer til beløbet)."""

    kilde: Tekst
    budgetaar: Aarstal
    beloeb: Resultatbeloeb
    tilbudsafdelingen: Resultatbeloeb | None = None
    plejefamilieafdelingen: Resultatbeloeb | None = None


class Regnskabsfil(_Model):
    """``regnskab/AAAA.toml``: ét års regnskab (eller forventede regnskab) for ét socialtilsyn.

    Beløbene står i ``prisniveau`` (udeladt: årets egne priser), som skal være årsbudgetfilens,
    for regnskabet sammenlignes med budgettet i budgetfilens priser."""

    aar: Aarstal
    art: Art
    prisniveau: Aarstal | None = None
    tilsyn: Tilsynsnavn
    kilde: Tekst
    aktivitet: Aktivitet
    omkostninger: Omkostninger
    overfoersel: tuple[Overfoersel, ...] = ()

    @property
    def priser(self) -> int:
        return self.prisniveau or self.aar

    @model_validator(mode="after")
    def _overfoersel(self) -> "Regnskabsfil":
        if self.overfoersel and self.art is Regnskabsart.FORVENTET:
            raise PydanticCustomError(
                "tilsynstakst", "et forventet regnskab overfører intet: et resultat overføres, "
                "når regnskabet er aflagt (art = \"regnskab\")", {"felt": "overfoersel"})
        set_: set[int] = set()
        for i, o in enumerate(self.overfoersel):
            if o.budgetaar <= self.aar:
                raise PydanticCustomError(
                    "tilsynstakst", "er {b}, men et resultat for {aar} overføres til et senere "
                    "budgetår", {"b": o.budgetaar, "aar": self.aar,
                                 "felt": f"{i}.budgetaar"})
            if o.budgetaar in set_:
                raise PydanticCustomError(
                    "tilsynstakst", "{b} står to gange; skriv én overførsel pr. budgetår",
                    {"b": o.budgetaar, "felt": f"{i}.budgetaar"})
            set_.add(o.budgetaar)
        return self

    def overfoersel_til(self, budgetaar: int) -> Overfoersel | None:
        return next((o for o in self.overfoersel if o.budgetaar == budgetaar), None)
