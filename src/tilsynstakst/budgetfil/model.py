"""Budgetfilens form: pydantic-modeller (frosne, ingen ukendte nøgler).

Hver værdi har en type med sin egen danske fejlbesked, så en fejl i filen kan meldes som
``budgets/2024.toml:31: antal.pr_takstgruppe.tilbud[2]: skal være et helt tal ≥ 0, fik -3``.
Tal læses eksakt (``tomllib`` med ``parse_float=Decimal``); ``float`` afvises.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, ValidationError,
                      WithJsonSchema, field_validator, model_validator)
from pydantic_core import InitErrorDetails, PydanticCustomError

from tilsynstakst.budgetfil.kommuner import (KENDTE_NAVNE, Tilsyn, kommunekode, kommunenoegle,
                                             naermeste)
from tilsynstakst.fund import USYNLIGE
from tilsynstakst.tal import tal

MAKS_BELOEB = Decimal(10) ** 11  # 100 mia. kr.: langt over ethvert socialtilsyns budget
MAKS_ANTAL = 1_000_000
MAKS_TIMER = Decimal(10_000)
MIN_TIMER = Decimal("0.1")  # en normtime under 6 minutter er en tastefejl (1e-20 gav takst 0 kr.)
MIN_INDEKS, MAKS_INDEKS = Decimal("0.01"), Decimal(10_000)
MAKS_KOMMUNER = 98  # Danmarks kommuner; intet socialtilsyn dækker flere


def _fejl(besked: str, vaerdi: Any, hjaelp: str | None = None,
          felt: str | None = None) -> PydanticCustomError:
    """``besked, fik VÆRDI`` og eventuelt ``; HJÆLP``; ``felt`` peger på en del af feltet."""
    ctx = {"fik": _som_toml(vaerdi), "hjaelp": f"; {hjaelp}" if hjaelp else ""}
    if felt:
        ctx["felt"] = felt
    return PydanticCustomError("tilsynstakst", besked + ", fik {fik}{hjaelp}", ctx)


# Dansk talformat: tusindtalspunktummer og/eller decimalkomma (17.350.000, 1.234,5, 2,5, -1.000).
_DANSK_TAL = re.compile(r"[+-]?(?:[0-9]{1,3}(?:[. \u00a0][0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+)")
DANSK_TALFORMAT = "punktum som decimaltegn, ingen tusindtalspunktummer"


def dansk_tal(tekst: str, hele: bool = False) -> str | None:
    """Et tal skrevet med dansk talformat, skrevet om til TOML: ``'1.234,5'`` → ``'1234.5'``,
    ``'17.350.000'`` → ``'17350000'``; ``None``, hvis teksten ikke er et tal i dansk format.

    Eksakt, ren tekst (ingen float, ingen afrunding): cifrene står, som de blev skrevet; kun
    nuller foran og decimalnuller til sidst falder væk (``'2,50'`` → ``'2.5'``). Ét punktum med
    tre cifre efter og intet komma (``1.000``, ``65.250``) er også et gyldigt decimaltal; det
    læses kun som tusindtalspunktum, når feltet tager hele tal (``hele``).
    """
    t = tekst.strip()
    if not _DANSK_TAL.fullmatch(t):
        return None
    if "," not in t and t.count(".") == 1 and " " not in t and "\u00a0" not in t and not hele:
        return None
    heltal, _, decimaler = re.sub(r"[. \u00a0]", "", t.lstrip("+-")).partition(",")
    heltal, decimaler = heltal.lstrip("0") or "0", decimaler.rstrip("0")
    tal = heltal + ("." + decimaler if decimaler else "")
    return ("-" if t.startswith("-") and tal != "0" else "") + tal


def dansk_talhjaelp(tekst: str, hele: bool = False) -> str | None:
    """Hjælpen til et tal skrevet med dansk talformat: ``'1.234,5'`` → ``'skriv 1234.5: punktum
    som decimaltegn, ingen tusindtalspunktummer'``; ``None`` for alt andet (se ``dansk_tal``).
    Én funktion, så budgetfilen, teksten i en budgetfil og ``--saet`` siger det samme."""
    tal = dansk_tal(tekst, hele)
    if tal is None:
        return None
    return f"skriv {tal}: {DANSK_TALFORMAT}" + ("; feltet tager kun hele tal" if hele and "." in tal
                                                else "")


def dansk_talbesked(tekst: str, hele: bool = False) -> str | None:
    """``'17.350.000 er skrevet med dansk talformat; skriv 17350000: punktum som decimaltegn,
    ingen tusindtalspunktummer'``, eller ``None`` (se ``dansk_tal``)."""
    hjaelp = dansk_talhjaelp(tekst, hele)
    return None if hjaelp is None else f"{tekst.strip()} er skrevet med dansk talformat; {hjaelp}"


def _talhjaelp(v: Any, hele: bool = False) -> str | None:
    """Hjælpen til en værdi, der skulle have været et tal: en tekst i dansk talformat."""
    if not isinstance(v, str):
        return None
    # I et felt med hele tal er "1.000" dansk talformat; ellers er et tal i anførselstegn bare et
    # tal i anførselstegn ("65.25").
    if hele and (hjaelp := dansk_talhjaelp(v, hele)):
        return hjaelp
    if re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", v.strip()):
        return f"skriv {v.strip()} uden anførselstegn"
    return dansk_talhjaelp(v, hele)


def _heltalshjaelp(v: Any) -> str | None:
    """Hjælpen til en værdi, der skulle have været et helt tal: dansk talformat (``"1.234"``, og
    ``1.000``, som TOML læser som 1), eller decimaler, der alle er nul (``16905109.0``)."""
    if isinstance(v, Decimal) and v.is_finite():
        if hjaelp := dansk_talhjaelp(str(v), hele=True):
            return hjaelp
        fortegn, cifre, eksponent = v.as_tuple()
        assert isinstance(eksponent, int)
        if (eksponent < 0 and len(cifre) <= MAKS_CIFRE + MAKS_DECIMALER
                and not any(cifre[eksponent:])):
            return f"skriv {'-' if fortegn and any(cifre) else ''}{int(abs(v))} uden decimaler"
        if eksponent < 0:  # 16905109.5: feltet har ingen plads til ørerne
            return "feltet tager kun hele tal; skriv tallet uden decimaler"
        # 2.51e2 er 251, men et kommatal i TOML: "fik 251" alene ville ikke sige, hvad der er galt
        return (f"tallet er skrevet som et kommatal (med punktum eller eksponent); skriv "
                f"{int(v)} som et helt tal")
    return _talhjaelp(v, hele=True)


def _hel(d: Decimal, besked: str, felt: str | None = None) -> None:
    """Et felt med hele tal (kroner, antal) tager ingen decimaler, heller ikke ,0: 16905109.5 og
    16905109.0 afvises begge, som et antal altid har afvist 100.0, og 1.000, som TOML læser som
    1, bliver ikke tavst til 1 kr."""
    eksponent = d.as_tuple().exponent
    assert isinstance(eksponent, int)
    if eksponent < 0:
        raise _fejl(besked, d, _heltalshjaelp(d), felt)


def _som_toml(v: Any) -> str:
    """Værdien, som den stod i filen: 100.5, inf, true, 'tekst'."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return "nan" if v.is_nan() else ("inf" if v > 0 else "-inf") if v.is_infinite() else str(v)
    if isinstance(v, (dict, list)):
        return "en tabel" if isinstance(v, dict) else "en liste"
    if isinstance(v, str) and v.startswith("et tal"):
        return v
    return repr(v)


# Intet tal i en budgetfil har flere cifre eller decimaler end dette; større præcision eller
# størrelse ville kun få den eksakte regning til at bygge tal med millioner af cifre.
MAKS_CIFRE, MAKS_DECIMALER = 20, 10


def _som_decimal(v: Any, besked: str, hele: bool = False) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise _fejl(besked, v, _talhjaelp(v, hele))
    if isinstance(v, int) and abs(v) >= 10**MAKS_CIFRE:  # før Decimal(v): et heltal kan være kæmpe
        raise _fejl(f"har for mange cifre (højst {MAKS_CIFRE})", "et tal med over 20 cifre")
    d = Decimal(v)
    if not d.is_finite():
        raise _fejl(besked + " (ikke nan eller inf)", v)
    eksponent = d.as_tuple().exponent
    assert isinstance(eksponent, int)
    if eksponent < -MAKS_DECIMALER:
        raise _fejl(f"har for mange decimaler (højst {MAKS_DECIMALER})", _kort(v))
    if eksponent + len(d.as_tuple().digits) > MAKS_CIFRE:
        raise _fejl(f"er urealistisk stort (højst {MAKS_CIFRE} cifre før kommaet)", _kort(v))
    return d


def _kort(v: Decimal) -> Decimal | str:
    """Et tal med en ekstrem eksponent vises i kort form (1E-99999999), ikke med alle nuller."""
    return v if len(str(v)) <= 30 else f"{v:.3E}"


def _antal(v: Any) -> int:
    besked = "skal være et helt tal ≥ 0"
    if isinstance(v, bool) or not isinstance(v, int):
        raise _fejl(besked, v, None if isinstance(v, bool) else _heltalshjaelp(v))
    if v < 0:
        raise _fejl(besked, v)
    if v > MAKS_ANTAL:
        raise _fejl(f"er urealistisk stor (højst {MAKS_ANTAL})", v)
    return v


HELE_KRONER = "skal være hele kroner"
HELT_TAL = "skal være et helt tal"


def beloeb_regel(v: Any) -> Decimal:
    """Et beløb i hele kroner ≥ 0 (afdelingernes budget)."""
    d = _som_decimal(v, "skal være et beløb i kr. ≥ 0", hele=True)
    if d < 0:
        raise _fejl("skal være et beløb i kr. ≥ 0", v)
    _hel(d, HELE_KRONER)
    if d > MAKS_BELOEB:
        raise _fejl("er urealistisk stort (over 100 mia. kr.)", v)
    return d


def _resultat(v: Any) -> Decimal:
    """Et overført resultat i hele kroner, med fortegn."""
    d = _som_decimal(v, "skal være et beløb i kr. (overskud positivt, underskud negativt)",
                     hele=True)
    _hel(d, HELE_KRONER)
    if abs(d) > MAKS_BELOEB:
        raise _fejl("er urealistisk stort (over 100 mia. kr.)", v)
    return d


def _tal(v: Any) -> Decimal:
    d = _som_decimal(v, "skal være et tal")
    if abs(d) > MAKS_BELOEB:
        raise _fejl("er urealistisk stort (over 100 mia.)", v)
    return d


def _mellem(besked: str, fra: Decimal, til: Decimal) -> Callable[[Any], Decimal]:
    """En validator for et tal fra ``fra`` til ``til`` (begge med), med ``besked`` ved fejl."""
    def valider(v: Any) -> Decimal:
        d = _som_decimal(v, besked)
        if not fra <= d <= til:
            raise _fejl(besked, v)
        return d
    return valider


_timer = _mellem("skal være et antal timer mellem 0,1 og 10.000", MIN_TIMER, MAKS_TIMER)
_indeks = _mellem("skal være et indekstal mellem 0,01 og 10.000 (fx 104.45)", MIN_INDEKS,
                  MAKS_INDEKS)
_procentsats = _mellem("skal være en procent mellem 0 og 100 (fx 45)", Decimal(0), Decimal(100))


def _aar(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 2000 <= v <= 2100:
        raise _fejl("skal være et årstal mellem 2000 og 2100", v)
    return v


def _aarsnoegle(v: Any) -> int:
    """En tabelnøgle som ``2024`` er en tekst i TOML; her bliver den et årstal.

    Kun fire almindelige cifre: ``02023`` og ``２０２３`` ville ellers blive det samme år som
    ``2023``, og det sidste ville tavst vinde (issue 9).
    """
    if not isinstance(v, str) or not re.fullmatch(r"[0-9]{4}", v):
        raise _fejl("skal være et årstal med fire cifre, fx 2024", v)
    return _aar(int(v))


# En tekst fra en budgetfil må ikke have styretegn (også ESC og linjeskift), usynlige tegn eller
# tegn, der vender skriveretningen (fund.USYNLIGE): de kan skjule eller forfalske, hvad en
# terminal eller et dokument viser.


def _tekst(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise _fejl("skal være en tekst, der ikke er tom", v)
    if m := USYNLIGE.search(v):
        raise _fejl(f"indeholder et styre- eller usynligt tegn (U+{ord(m.group()):04X}); "
                    "skriv teksten på én linje uden sådanne tegn", v)
    if len(v) > 1000:
        raise _fejl("er for lang (højst 1000 tegn)", v[:40] + "…")
    return v


# Et kommunenavn: bogstaver (også æ, ø, å, ü, é), ord adskilt af ét mellemrum eller bindestreg.
# Det udelukker forvekslinger (et kyrillisk 'а', et mellemrum til sidst, et usynligt tegn) og
# navne, programmet selv bruger (i_alt).
_KOMMUNENAVN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[ -][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
RESERVEREDE = {"i alt", "ialt", "i-alt", "total"}


def _kommunenavn(v: Any) -> str:
    if not isinstance(v, str) or not _KOMMUNENAVN.fullmatch(v) or len(v) > 40:
        raise _fejl("skal være et kommunenavn: bogstaver, og ord adskilt af ét mellemrum eller "
                    "bindestreg (ingen tal, tegn, usynlige tegn eller mellemrum til sidst)", v)
    if v.casefold() in RESERVEREDE:
        raise _fejl("er et navn, programmet selv bruger til totalen", v)
    return v


def _kommune_eller_i_alt(v: Any) -> str:
    """En nøgle i [offentliggjort.finansiering]: en kommune eller ``i_alt``."""
    return v if v == "i_alt" else _kommunenavn(v)


def ukendt_kommune(navn: str) -> PydanticCustomError | None:
    """Fejlen for et navn, der ikke er en af Danmarks 98 kommuner (Danmarks Statistiks navn eller
    et af ``ANDRE_NAVNE``), med "mente du …?"; ``None`` for en kommune. Én besked for
    ``[befolkning.kommuner]``, ``[offentliggjort.finansiering]`` og ``--saet``."""
    if kommunekode(navn) is not None:
        return None
    forslag = naermeste(navn, KENDTE_NAVNE)
    return _fejl("skal være en af Danmarks 98 kommuner, stavet som hos Danmarks Statistik", navn,
                 f"mente du {forslag}?" if forslag else None)


def _kun_kommuner(kommuner: dict[str, Any]) -> dict[str, Any]:
    """Hver nøgle er en kommune (eller ``i_alt``); hvert ukendt navn er sin egen fejl ved sin
    nøgle. Efter nøglernes form og antal (højst 98), så "mente du" slås op for højst 98 navne."""
    fejl = [InitErrorDetails(type=f, loc=(navn,), input=navn) for navn in kommuner
            if navn != "i_alt" and (f := ukendt_kommune(navn)) is not None]
    if fejl:
        raise ValidationError.from_exception_data("kommuner", fejl)
    return kommuner


def _tilsyn(v: Any) -> Tilsyn:
    """Et af de fem socialtilsyn (socialtilsynsloven § 2), med navnet fra landsoversigten."""
    navn = _tekst(v)
    if navn in {t.value for t in Tilsyn}:
        return Tilsyn(navn)
    # Navnene er ens til "Socialtilsyn "; forslaget findes blandt resten ("Midtjylland" → Midt).
    korte = {t.value.removeprefix("Socialtilsyn "): t.value for t in Tilsyn}
    rest = re.sub(r"^\s*socialtilsyn\w*\s+", "", navn, flags=re.IGNORECASE)
    forslag = korte.get(naermeste(rest, korte) or "")
    raise _fejl(f"skal være et af de fem socialtilsyn ({', '.join(Tilsyn)})", navn,
                f"mente du {forslag}?" if forslag else None)


# Hver type: validatoren (med dansk besked) og JSON Schema'et, editorer tjekker filen med.
Antal = Annotated[int, BeforeValidator(_antal),
                  WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAKS_ANTAL})]
Beloeb = Annotated[Decimal, BeforeValidator(beloeb_regel),
                   WithJsonSchema({"type": "number", "minimum": 0, "maximum": int(MAKS_BELOEB)})]
Resultatbeloeb = Annotated[Decimal, BeforeValidator(_resultat),
                           WithJsonSchema({"type": "number", "minimum": -int(MAKS_BELOEB),
                                           "maximum": int(MAKS_BELOEB)})]
Tal = Annotated[Decimal, BeforeValidator(_tal), WithJsonSchema({"type": "number"})]
Timer = Annotated[Decimal, BeforeValidator(_timer),
                  WithJsonSchema({"type": "number", "minimum": MIN_TIMER,
                                  "maximum": int(MAKS_TIMER)})]
Indekstal = Annotated[Decimal, BeforeValidator(_indeks),
                      WithJsonSchema({"type": "number", "minimum": MIN_INDEKS, "maximum": 10_000})]
Procentsats = Annotated[Decimal, BeforeValidator(_procentsats),
                        WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]
Aarstal = Annotated[int, BeforeValidator(_aar),
                    WithJsonSchema({"type": "integer", "minimum": 2000, "maximum": 2100})]
Aarsnoegle = Annotated[int, BeforeValidator(_aarsnoegle),
                       WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}$"})]
Tekst = Annotated[str, BeforeValidator(_tekst),
                  WithJsonSchema({"type": "string", "pattern": r"\S"})]
Kvartal = Annotated[str, Field(pattern=r"^[0-9]{4}K[1-4]$")]
# En kommune er en af de 98 (``_kun_kommuner``); skemaet nævner dem, så en editor melder "Aarhuss".
Kommunenavn = Annotated[str, BeforeValidator(_kommunenavn),
                        WithJsonSchema({"type": "string", "enum": list(KENDTE_NAVNE)})]
Finansieringsnoegle = Annotated[str, BeforeValidator(_kommune_eller_i_alt),
                                WithJsonSchema({"type": "string",
                                                "enum": [*KENDTE_NAVNE, "i_alt"]})]
Tilsynsnavn = Annotated[Tilsyn, BeforeValidator(_tilsyn),
                        WithJsonSchema({"type": "string", "enum": [t.value for t in Tilsyn]})]
Takstgrupper = tuple[Antal, Antal, Antal, Antal]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Budgetpost(_Model):
    """Én budgetpost (løn, ejendom, IT …) i hele kroner, hos en afdeling eller fælles."""

    post: Tekst
    beloeb: Beloeb
    afdeling: Literal["tilbudsafdelingen", "plejefamilieafdelingen", "faelles"]
    kilde: Tekst


class FaellesFordeling(_Model):
    """De fælles posters fordeling på afdelingerne i procent; summer til 100."""

    tilbudsafdelingen: Procentsats
    plejefamilieafdelingen: Procentsats

    @model_validator(mode="after")
    def _summer_til_100(self) -> "FaellesFordeling":
        if (i_alt := self.tilbudsafdelingen + self.plejefamilieafdelingen) != 100:
            raise PydanticCustomError(
                "tilsynstakst", "tilbudsafdelingen + plejefamilieafdelingen skal være 100 "
                "(procent af de fælles poster), er {i_alt}", {"i_alt": _som_toml(i_alt)})
        return self


class Budgetposter(_Model):
    """De to afdelingers budget i budgetårets priser (hele kr.): de finansierede budgetter, som
    de står, eller bygget af ``poster`` (issue 13). Med poster udledes totalerne (``Budget``);
    står de også her, skal de passe."""

    kilde: Tekst
    tilbudsafdelingen: Beloeb | None = None  # altid sat efter validering (udledt af posterne)
    plejefamilieafdelingen: Beloeb | None = None
    poster: tuple[Budgetpost, ...] = ()
    faelles_fordeling: FaellesFordeling | None = None

    @model_validator(mode="after")
    def _totaler_eller_poster(self) -> "Budgetposter":
        mangler = [a for a in ("tilbudsafdelingen", "plejefamilieafdelingen")
                   if getattr(self, a) is None]
        if mangler and not self.poster:
            raise PydanticCustomError(
                "tilsynstakst", "mangler (skriv afdelingens budget, eller byg det af "
                "[[budget.poster]])", {"felt": mangler[0]})
        if any(p.afdeling == "faelles" for p in self.poster) and self.faelles_fordeling is None:
            raise PydanticCustomError(
                "tilsynstakst", "mangler: der er fælles poster, så [budget.faelles_fordeling] "
                "skal sige, hvor mange procent hver afdeling bærer (fx 45 og 55)",
                {"felt": "faelles_fordeling"})
        return self


class Resultatdele(_Model):
    """Et resultat (``beloeb``) og evt. dets dele pr. afdeling: begge dele eller ingen, og de
    summer til beløbet. Fælles for ``[overfoert_resultat]`` i en budgetfil og en overførsel i et
    regnskab (``budgetfil.regnskab.Overfoersel``); felterne står i hver af dem, så deres
    rækkefølge i filen og skemaet er deres egen."""

    if TYPE_CHECKING:  # felterne står i underklasserne (deres rækkefølge), ikke her
        beloeb: Decimal
        tilbudsafdelingen: Decimal | None
        plejefamilieafdelingen: Decimal | None

    @model_validator(mode="after")
    def _delene_summer(self) -> "Resultatdele":
        t, p = self.tilbudsafdelingen, self.plejefamilieafdelingen
        if (t is None) != (p is None):
            raise PydanticCustomError(
                "tilsynstakst", "mangler: skriv begge afdelingers del, eller ingen",
                {"felt": "plejefamilieafdelingen" if p is None else "tilbudsafdelingen"})
        if t is not None and p is not None and t + p != self.beloeb:
            raise PydanticCustomError(
                "tilsynstakst", "tilbudsafdelingen + plejefamilieafdelingen = {sum}, men beloeb "
                "er {beloeb}; delene skal summe til beløbet",
                {"sum": _kr(t + p), "beloeb": _kr(self.beloeb), "felt": "beloeb"})
        return self

    def dele(self) -> dict[str, Decimal] | None:
        """Afdelingernes dele af resultatet, eller ``None``, når kun beløbet står."""
        if self.tilbudsafdelingen is None or self.plejefamilieafdelingen is None:
            return None
        return {"tilbudsafdelingen": self.tilbudsafdelingen,
                "plejefamilieafdelingen": self.plejefamilieafdelingen}


class OverfoertResultat(Resultatdele):
    """Over-/underskud fra et tidligere regnskab, indregnet i budgettet (positivt = overskud).

    ``tilbudsafdelingen`` og ``plejefamilieafdelingen`` er delene; de summer til ``beloeb`` og
    skal stå, når budgettet bygges af poster (issue 13)."""

    kilde: Tekst
    regnskabsaar: Aarstal
    beloeb: Resultatbeloeb
    tilbudsafdelingen: Resultatbeloeb | None = None
    plejefamilieafdelingen: Resultatbeloeb | None = None


class PrTakstgruppe(_Model):
    """Forventede antal fordelt på takstgruppe 1-4 (1-7, 8-24, 25-49, 50+ pladser; § 32)."""

    tilbud: Takstgrupper
    tilbud_nygodkendelser: Takstgrupper
    vaesentlige_aendringer: Takstgrupper


class Antalsforudsaetninger(_Model):
    """Notatets antalsforudsætninger. Totaler for tilbud kan udelades; så tæller fordelingen."""

    kilde: Tekst
    plejefamilier: Antal
    plejefamilier_nygodkendelser: Antal
    tilbud: Antal | None = None
    tilbud_nygodkendelser: Antal | None = None
    vaesentlige_aendringer: Antal | None = None
    # Kun i en fil med BPA (``Budget.har_bpa``): Socialtilsyn Nords specialistfunktion.
    bpa_tilsyn: Antal | None = None
    bpa_nygodkendelser: Antal | None = None
    pr_takstgruppe: PrTakstgruppe

    @model_validator(mode="after")
    def _totaler_passer(self) -> "Antalsforudsaetninger":
        for navn in ("tilbud", "tilbud_nygodkendelser", "vaesentlige_aendringer"):
            total = getattr(self, navn)
            fordelt = sum(getattr(self.pr_takstgruppe, navn))
            if total is not None and total != fordelt:
                raise PydanticCustomError(
                    "tilsynstakst",
                    "{navn} = {total}, men pr_takstgruppe.{navn} summer til {fordelt}",
                    {"navn": navn, "total": total, "fordelt": fordelt, "felt": navn},
                )
        opgaver = sum(sum(getattr(self.pr_takstgruppe, n)) for n in PrTakstgruppe.model_fields)
        if opgaver + (self.bpa_tilsyn or 0) + (self.bpa_nygodkendelser or 0) == 0:
            raise PydanticCustomError(
                "tilsynstakst",
                "der er ingen tilsyn eller godkendelser at fordele tilbudsafdelingens budget på",
                {},
            )
        return self

    def total(self, navn: str) -> int:
        """Totalen for en tilbudsaktivitet: den angivne, ellers summen over takstgrupperne."""
        total = getattr(self, navn)
        return sum(getattr(self.pr_takstgruppe, navn)) if total is None else total


class Normtimer(_Model):
    """Normtimer pr. aktivitet i takstgruppe 1 (vægt 1); BPA: timer pr. sag (docs/omkostningsmodel.md).

    BPA-timerne står begge eller ingen af dem: en fil med dem har BPA (Socialtilsyn Nord)."""

    # En editor med skemaet melder også den ene BPA-normtime uden den anden.
    model_config = ConfigDict(json_schema_extra={"dependentRequired": {
        "bpa_tilsyn": ["bpa_nygodkendelse"], "bpa_nygodkendelse": ["bpa_tilsyn"]}})

    kilde: Tekst
    tilsyn: Timer
    nygodkendelse: Timer
    vaesentlig_aendring: Timer
    bpa_tilsyn: Timer | None = None
    bpa_nygodkendelse: Timer | None = None


class Befolkning(_Model):
    """0-17-årige pr. kommune i tilsynets område (Danmarks Statistik, FOLK1A)."""

    kilde: Tekst
    kvartal: Kvartal
    kommuner: dict[Kommunenavn, Antal] = Field(min_length=1, max_length=MAKS_KOMMUNER)

    _kun_kommuner = field_validator("kommuner")(_kun_kommuner)

    @model_validator(mode="after")
    def _positiv_total(self) -> "Befolkning":
        if sum(self.kommuner.values()) <= 0:
            raise PydanticCustomError(
                "tilsynstakst", "antallet af 0-17-årige i alt skal være større end 0",
                {"felt": "kommuner"},
            )
        set_: dict[str, str] = {}
        for navn in self.kommuner:  # samme kommune to gange tæller dens børn to gange
            noegle = kommunenoegle(navn)
            if noegle in set_:
                raise PydanticCustomError(
                    "tilsynstakst", "samme kommune står to gange: {a} og {b}",
                    {"a": set_[noegle], "b": navn, "felt": "kommuner"},
                )
            set_[noegle] = navn
        return self


class Erkendelse(_Model):
    """En fejl i notatet, der er kendt og begrundet (issue 12): ``tjek`` lister den som notatets
    fejl og fejler ikke på den, men fejler, hvis det beregnede tal ikke længere er ``beregnet``."""

    beregnet: Tal
    grund: Tekst


FIGURDELE = ("forrige", "budgetaar", "aendring", "pct")
Figurdel = Literal["forrige", "budgetaar", "aendring", "pct"]


class Figur(_Model):
    """Et offentliggjort tal: året før (i budgetårets priser), budgetåret, ændring og procent.

    Kun de dele, notatet viser, skrives; procenter med fortegn (et fald er negativt).
    ``erkendt`` holder de dele, hvor notatet erkendt tager fejl, med det rigtige tal og grunden.
    """

    forrige: Tal | None = None
    budgetaar: Tal | None = None
    aendring: Tal | None = None
    pct: Tal | None = None
    erkendt: dict[Figurdel, Erkendelse] = {}

    @model_validator(mode="after")
    def _erkendt_er_offentliggjort(self) -> "Figur":
        for del_, e in self.erkendt.items():
            offentliggjort = getattr(self, del_)
            if offentliggjort is None:
                raise PydanticCustomError(
                    "tilsynstakst", "erkender en fejl i {del_}, men {del_} er ikke offentliggjort "
                    "her", {"del_": del_, "felt": f"erkendt.{del_}"})
            if offentliggjort == e.beregnet:
                raise PydanticCustomError(
                    "tilsynstakst", "erkendt.{del_}.beregnet er det offentliggjorte tal ({tal}); "
                    "en erkendt fejl er et tal, notatet har forkert", {
                        "del_": del_, "tal": _som_toml(offentliggjort),
                        "felt": f"erkendt.{del_}.beregnet"})
        return self


def _hele_dele(figur: Figur | None, besked: str) -> Figur | None:
    """En figur af kroner eller et antal: året før, budgetåret og ændringen er hele tal, som
    notatet viser dem; procenten har decimaler. (En regel på feltet, ikke en anden type, så
    JSON Schema'et og ``skema/`` er uændrede.)"""
    if figur is not None:
        for del_ in ("forrige", "budgetaar", "aendring"):
            if (d := getattr(figur, del_)) is not None:
                _hel(d, besked, felt=del_)
    return figur


def _kroner(figur: Figur | None) -> Figur | None:
    return _hele_dele(figur, HELE_KRONER)


def _antal_figur(figur: Figur | None) -> Figur | None:
    return _hele_dele(figur, HELT_TAL)


class OffentliggjortAntal(_Model):
    """Notatets antalsforudsætninger (s. 1-2)."""

    plejefamilier: Figur | None = None
    plejefamilier_nygodkendelser: Figur | None = None
    plejefamilier_i_alt: Figur | None = None
    tilbud: Figur | None = None
    tilbud_nygodkendelser: Figur | None = None
    tilbud_i_alt: Figur | None = None
    vaesentlige_aendringer: Figur | None = None
    bpa_tilsyn: Figur | None = None
    bpa_nygodkendelser: Figur | None = None

    _hele = field_validator("*")(_antal_figur)


class OffentliggjortBudget(_Model):
    samlet: Figur | None = None
    tilbudsafdelingen: Figur | None = None
    plejefamilieafdelingen: Figur | None = None

    _hele = field_validator("*")(_kroner)


class OffentliggjortKommune(_Model):
    """Én række i tabellen over objektiv finansiering: 0-17-årige, andel i pct. og beløb."""

    befolkning: Figur | None = None
    andel: Figur | None = None  # procent: decimaler
    beloeb: Figur | None = None

    _hele_antal = field_validator("befolkning")(_antal_figur)
    _hele_kroner = field_validator("beloeb")(_kroner)


class OffentliggjortTakstgrupper(_Model):
    """Én aktivitets takster pr. takstgruppe, og evt. én procent for alle takstgrupper
    (oversigtens "Alle kategorier", ``alle_kategorier = { pct = 8.2 }``)."""

    takstgruppe_1: Figur | None = None
    takstgruppe_2: Figur | None = None
    takstgruppe_3: Figur | None = None
    takstgruppe_4: Figur | None = None
    alle_kategorier: Figur | None = None

    _hele = field_validator("takstgruppe_1", "takstgruppe_2", "takstgruppe_3",
                            "takstgruppe_4")(_kroner)

    @model_validator(mode="after")
    def _alle_kategorier_kun_pct(self) -> "OffentliggjortTakstgrupper":
        for del_ in ("forrige", "budgetaar", "aendring"):
            if self.alle_kategorier and getattr(self.alle_kategorier, del_) is not None:
                raise PydanticCustomError(
                    "tilsynstakst", "alle_kategorier har kun pct (én ændring i procent for alle "
                    "takstgrupper), ikke {del_}", {"del_": del_, "felt": f"alle_kategorier.{del_}"})
        return self


class OffentliggjortAntalPrTakstgruppe(OffentliggjortTakstgrupper):
    """Et antal pr. takstgruppe (oversigtens Tabel 2a: tilbud inkl. nygodkendelsessager)."""

    _hele = field_validator("takstgruppe_1", "takstgruppe_2", "takstgruppe_3",
                            "takstgruppe_4")(_antal_figur)


# Antal pr. takstgruppe, som ``antal.pr_takstgruppe``; ``tilbud_i_alt`` er inkl. nygodkendelser.
PrTakstgruppeNavn = Literal["tilbud", "tilbud_nygodkendelser", "tilbud_i_alt",
                            "vaesentlige_aendringer"]


class OffentliggjorteTakster(_Model):
    tilsyn: OffentliggjortTakstgrupper | None = None
    skaerpet_tilsyn_pr_maaned: OffentliggjortTakstgrupper | None = None
    nygodkendelse: OffentliggjortTakstgrupper | None = None
    vaesentlig_aendring: OffentliggjortTakstgrupper | None = None


# Timeprisen og BPA-taksterne, som notatet viser dem, er hele kroner; den uafrundede timepris
# står ikke i en budgetfil, den regnes (takster.timepris_uafrundet).
class OffentliggjortBPA(_Model):
    timepris: Figur | None = None
    tilsyn: Figur | None = None
    nygodkendelse: Figur | None = None

    _hele = field_validator("*")(_kroner)


class Offentliggjort(_Model):
    """De tal, budgettets notat offentliggjorde; ``tjek`` afstemmer dem med beregningen (§5).

    ``finansiering`` har en nøgle pr. kommune og ``i_alt``.
    """

    kilde: Tekst
    antal: OffentliggjortAntal | None = None
    antal_pr_takstgruppe: dict[PrTakstgruppeNavn, OffentliggjortAntalPrTakstgruppe] = {}
    budget: OffentliggjortBudget | None = None
    finansiering: dict[Finansieringsnoegle, OffentliggjortKommune] = Field(
        default={}, max_length=MAKS_KOMMUNER + 1)
    gennemsnitspris: Figur | None = None
    takster: OffentliggjorteTakster | None = None
    bpa: OffentliggjortBPA | None = None

    _hele = field_validator("gennemsnitspris")(_kroner)
    _kun_kommuner = field_validator("finansiering")(_kun_kommuner)


class SkaerpetGrundlag(StrEnum):
    """Hvilken årlig tilsynstakst tillægget for skærpet tilsyn er 10 % af
    (socialtilsynsbekendtgørelsen § 33; docs/regler.md): den afrundede eller den uafrundede."""

    AFRUNDET = "afrundet"  # den afrundede takst: Nords notater og landsoversigten (standard)
    UAFRUNDET = "uafrundet"  # den uafrundede takst: Socialtilsyn Midts takstside for 2023


def _skaerpet_grundlag(v: Any) -> SkaerpetGrundlag:
    """``"afrundet"`` eller ``"uafrundet"``, med en dansk besked for alt andet."""
    if isinstance(v, str) and v in {g.value for g in SkaerpetGrundlag}:
        return SkaerpetGrundlag(v)
    raise _fejl('skal være "afrundet" (10 % af den afrundede årlige tilsynstakst, standard) '
                'eller "uafrundet" (10 % af den uafrundede)', v)


class Regler(_Model):
    """Tilsynets egne læsninger af reglerne, hvor de offentliggjorte tabeller viser flere
    (docs/budgetfil.md): tilsynene følger samme lov, men ikke altid samme afrunding."""

    skaerpet_grundlag: Annotated[SkaerpetGrundlag, BeforeValidator(_skaerpet_grundlag)] = \
        SkaerpetGrundlag.AFRUNDET


def _dato(v: Any) -> date:
    """En dato som TOML skriver den (``dato = 2023-08-21``), eller som tekst i samme form."""
    if isinstance(v, date) and not isinstance(v, datetime):
        return v
    if isinstance(v, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
        try:
            return date.fromisoformat(v)
        except ValueError:
            pass
    raise _fejl("skal være en dato skrevet som ÅÅÅÅ-MM-DD, fx 2023-08-21 (uden klokkeslæt)", v)


Dato = Annotated[date, BeforeValidator(_dato),
                 WithJsonSchema({"type": "string", "format": "date"})]


class Notathoved(_Model):
    """Notatets hoved, som de offentliggjorte notater har det: til hvem, mødet, datoen,
    sagsnummeret og forfatteren. Hvert felt er valgfrit; et felt, filen ikke angiver, udelades
    af notatet (det opfindes ikke). ``tilsynstakst ny`` overfører ``til`` og ``forfatter`` (de
    samme modtagere og samme afsender år for år), ikke mødet, datoen eller sagsnummeret, der
    hører til ét års behandling."""

    til: Tekst | None = None
    moede: Tekst | None = None
    dato: Dato | None = None
    sagsnr: Tekst | None = None
    forfatter: Tekst | None = None
    kilde: Tekst | None = None


# En fil uden BPA-normtimer har ingen BPA (Budget.har_bpa); disse nøgler hører så ikke hjemme.
BPA_ANTAL = ("bpa_tilsyn", "bpa_nygodkendelser")
BPA_NORMTIMER = ("bpa_tilsyn", "bpa_nygodkendelse")


_ENTAL = {"kalibreret": "kalibreret", "pladsholdere": "en pladsholder"}


class Budget(_Model):
    """Én budgetfil: ét socialtilsyns budget for ét år, i årets priser."""

    aar: Aarstal
    # Prisniveauet, filens beløb er i; udeladt: årets eget. Et år, der kun er offentliggjort i et
    # senere års priser (2022 i 2023-notatet), står i dem, uden en opfundet PL (issue 12).
    prisniveau: Aarstal | None = None
    tilsyn: Tilsynsnavn
    kilde: Tekst
    kalibreret: tuple[str, ...] = ()
    # Værdier, ingen kilde offentliggør, og som ikke er kalibreret: en pladsholder, til tilsynet
    # skriver sit eget tal (docs/budgetfil.md); tjek, beregn og notat siger det.
    pladsholdere: tuple[str, ...] = ()
    budget: Budgetposter
    overfoert_resultat: OverfoertResultat | None = None
    antal: Antalsforudsaetninger
    normtimer: Normtimer
    befolkning: Befolkning
    offentliggjort: Offentliggjort | None = None
    # Landsoversigtens tal for tilsynet ("Oversigt over socialtilsynenes takster", Tabel 1 og
    # 2a-2e), i samme form som [offentliggjort]; afstemmes ens, men som oversigtens tal
    # (docs/afstemning.md). Et tal, der står både i notatet og i oversigten, står ét sted.
    oversigt: Offentliggjort | None = None
    regler: Regler | None = None
    notat: Notathoved | None = None

    @property
    def priser(self) -> int:
        """Året, hvis priser filens beløb er i."""
        return self.prisniveau or self.aar

    @property
    def har_bpa(self) -> bool:
        """Har tilsynet BPA-virksomheder (lov om socialtilsyn § 23, stk. 3)? Kun Socialtilsyn
        Nord, som specialistfunktion siden 1.7.2022; en fil har BPA, når den angiver
        BPA-normtimerne (``_bpa_hele_eller_intet`` sørger for, at alt andet følger med)."""
        return self.normtimer.bpa_tilsyn is not None

    @property
    def skaerpet_grundlag(self) -> SkaerpetGrundlag:
        """Grundlaget for skærpet tilsyn (§ 33): filens ``[regler]``, ellers den afrundede takst."""
        return self.regler.skaerpet_grundlag if self.regler else SkaerpetGrundlag.AFRUNDET

    @model_validator(mode="after")
    def _bpa_hele_eller_intet(self) -> "Budget":
        """BPA står helt eller slet ikke: begge BPA-normtimer og begge BPA-antal, eller ingen
        af dem; uden BPA heller ingen offentliggjorte BPA-antal eller -takster (docs/budgetfil.md)."""
        timer = [n for n in BPA_NORMTIMER if getattr(self.normtimer, n) is not None]
        antal = [n for n in BPA_ANTAL if getattr(self.antal, n) is not None]
        if len(timer) == 1:
            mangler = next(n for n in BPA_NORMTIMER if n not in timer)
            raise PydanticCustomError(
                "tilsynstakst", "mangler: normtimer.{har} er angivet, og en fil med BPA angiver "
                "begge BPA-normtimer (bpa_tilsyn og bpa_nygodkendelse); en fil uden BPA ingen",
                {"har": timer[0], "felt": f"normtimer.{mangler}"})
        if timer:
            for n in BPA_ANTAL:
                if n not in antal:
                    raise PydanticCustomError(
                        "tilsynstakst", "mangler: filen har BPA-normtimer, så antal.{n} skal "
                        "angive antallet (også 0); en fil uden BPA har hverken BPA-normtimer "
                        "eller BPA-antal", {"n": n, "felt": f"antal.{n}"})
            return self
        if antal:
            raise PydanticCustomError(
                "tilsynstakst", "er et BPA-antal, men filen har ingen BPA-normtimer: angiv "
                "normtimer.bpa_tilsyn og normtimer.bpa_nygodkendelse, eller fjern antal.{n} "
                "(kun Socialtilsyn Nord fører tilsyn med BPA-virksomheder)",
                {"n": antal[0], "felt": f"antal.{antal[0]}"})
        offentliggjort = [f"{tabel}.antal.{n}" for tabel in ("offentliggjort", "oversigt")
                          if (o := getattr(self, tabel)) and o.antal for n in BPA_ANTAL
                          if getattr(o.antal, n) is not None] + [
                          f"{tabel}.bpa.{n}" for tabel in ("offentliggjort", "oversigt")
                          if (o := getattr(self, tabel)) and o.bpa
                          for n in ("tilsyn", "nygodkendelse") if getattr(o.bpa, n) is not None]
        if offentliggjort:
            raise PydanticCustomError(
                "tilsynstakst", "er et offentliggjort BPA-tal, men filen har ingen BPA "
                "(ingen BPA-normtimer); en fil uden BPA kan kun afstemme timeprisen "
                "(bpa.timepris)", {"felt": offentliggjort[0]})
        return self

    @model_validator(mode="after")
    def _resultatets_dele_med_poster(self) -> "Budget":
        """Med poster skal et overført resultat være delt på afdelingerne, for posterne er før
        det; de finansierede budgetter udledes i beregningen (``beregning.opbygning.udled``)."""
        o = self.overfoert_resultat
        if self.budget.poster and o is not None and o.dele() is None:
            raise PydanticCustomError(
                "tilsynstakst", "mangler: når budgettet bygges af poster, skal det overførte "
                "resultat fordeles på tilbudsafdelingen og plejefamilieafdelingen",
                {"felt": "overfoert_resultat.tilbudsafdelingen"})
        return self

    @model_validator(mode="after")
    def _prisniveau_ikke_foer(self) -> "Budget":
        if self.prisniveau is not None and self.prisniveau < self.aar:
            raise PydanticCustomError(
                "tilsynstakst", "er {p}, før budgetåret {aar}; et år offentliggøres i sine egne "
                "eller et senere års priser", {"p": self.prisniveau, "aar": self.aar,
                                                 "felt": "prisniveau"})
        return self

    @model_validator(mode="after")
    def _kalibreret_findes(self) -> "Budget":
        for liste in ("kalibreret", "pladsholdere"):
            for sti in getattr(self, liste):
                node: Any = self
                for del_ in sti.split("."):
                    if not isinstance(node, BaseModel) or del_ not in type(node).model_fields:
                        raise PydanticCustomError(
                            "tilsynstakst", "nævner en nøgle, der ikke findes: {sti}",
                            {"sti": sti, "felt": liste},
                        )
                    node = getattr(node, del_)
                if node is None and sti.startswith("budget.") and self.budget.poster:
                    raise PydanticCustomError(
                        "tilsynstakst", "{sti} er bygget af [[budget.poster]] og kan ikke være "
                        "{hvad}; fjern den fra {liste}", {"sti": sti, "felt": liste, "liste": liste,
                                                         "hvad": _ENTAL[liste]})
                if node is None:  # en valgfri nøgle, filen ikke angiver (fx BPA i en fil uden)
                    raise PydanticCustomError(
                        "tilsynstakst", "nævner en nøgle, der ikke står i filen: {sti}",
                        {"sti": sti, "felt": liste},
                    )
        if begge := sorted(set(self.kalibreret) & set(self.pladsholdere)):
            raise PydanticCustomError(
                "tilsynstakst", "{sti} står også i kalibreret; en værdi er enten kalibreret til "
                "et offentliggjort tal eller en pladsholder", {"sti": begge[0],
                                                                "felt": "pladsholdere"})
        return self

    def maerker(self) -> dict[str, str]:
        """Hver nøgle i ``kalibreret`` og ``pladsholdere`` → ordet, den vises med."""
        return ({sti: "kalibreret" for sti in self.kalibreret}
                | {sti: "pladsholder" for sti in self.pladsholdere})


class Scenariefil(_Model):
    """``scenarier/NAVN.toml``: et navngivet hvad-nu-hvis for ét budgetår (docs/aaret.md).

    ``[saet]`` holder punktnøgler som i budgetfilen og deres værdier i scenariet; værdierne
    valideres, når de lægges ind i årets fil (``scenarie.anvend``).
    """

    aar: Aarstal
    beskrivelse: Tekst
    saet: dict[str, Any] = Field(min_length=1)


# En plausibel pris- og lønfremskrivning fra ét år til det næste: et fald på højst 20 % og en
# stigning på højst 25 %. Uden for det er indekset næsten altid tastet som en procent (3.2).
PL_TRIN_MIN, PL_TRIN_MAKS = Fraction(4, 5), Fraction(5, 4)


class PLIndeks(_Model):
    """Pris- og lønfremskrivning som indeks pr. år; faktoren fra år a til b er indeks[b]/indeks[a]."""

    kilde: Tekst
    indeks: dict[Aarsnoegle, Indekstal] = Field(min_length=1)

    @model_validator(mode="after")
    def _plausible_trin(self) -> "PLIndeks":
        """Hvert trin mellem to år i indekset er en plausibel PL (0,8-1,25 pr. år)."""
        aar = sorted(self.indeks)
        for fra, til in zip(aar, aar[1:]):
            faktor = Fraction(self.indeks[til]) / Fraction(self.indeks[fra])
            if not PL_TRIN_MIN ** (til - fra) <= faktor <= PL_TRIN_MAKS ** (til - fra):
                raise PydanticCustomError(
                    "tilsynstakst",
                    "{til} = {ny} efter {fra} = {gl} giver en PL-faktor på {faktor}, ikke en "
                    "plausibel fremskrivning (0,8-1,25 pr. år). Indekset er et indeks, ikke en "
                    "procent: ret linjen til {til} = {gl} × (1 + PL/100), med PL i procent",
                    {"til": til, "fra": fra, "ny": _som_toml(self.indeks[til]),
                     "gl": _som_toml(self.indeks[fra]), "felt": f"indeks.{til}",
                     "faktor": _decimaltekst(faktor)},
                )
        return self


def _kr(x: Decimal) -> str:
    """Et beløb på dansk (16.905.109), til en besked (ikke validatoren ``_tal``)."""
    return tal(x)


def _decimaltekst(x: Fraction) -> str:
    """En faktor med fire decimaler på dansk (0,0306), til en besked; 5-9 op som overalt."""
    return tal((Decimal(x.numerator) / Decimal(x.denominator)).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP))


def tager_hele_tal(dele: list[str], model: type[BaseModel] | None = None) -> bool:
    """Tager feltet ved punktnøglen (``["normtimer", "tilsyn"]``) i en budgetfil kun hele tal
    (kroner og antal)? Læst af modellens egne typer, så hjælpen til et tal på dansk i
    ``--saet`` passer til feltet; en nøgle, der ikke findes: nej."""
    typ: Any = model or Budget
    meta: tuple[Any, ...] = ()
    for del_ in dele:
        typ = _uden_none(typ)
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            if del_ not in typ.model_fields:
                return False
            felt = typ.model_fields[del_]
            typ, meta = felt.annotation, tuple(felt.metadata)
        elif get_origin(typ) in (dict, tuple):  # dict[navn, X], tuple[X, X, X, X], tuple[X, ...]
            typ, meta = [a for a in get_args(typ) if a is not Ellipsis][-1], ()
        else:
            return False
    typ = _uden_none(typ)
    meta += getattr(typ, "__metadata__", ())
    return any(getattr(m, "func", None) in (_antal, beloeb_regel, _resultat) for m in meta)


def _uden_none(typ: Any) -> Any:
    """``X | None`` → ``X``."""
    if get_origin(typ) is Union or type(typ).__name__ == "UnionType":
        uden = [a for a in get_args(typ) if a is not type(None)]
        return uden[0] if len(uden) == 1 else typ
    return typ
