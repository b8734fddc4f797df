"""Ret en brugers TOML-fil på stedet uden at miste hans kommentarer (docs/budgetfil.md).

tomlkit læser og skriver dokumentet med kommentarer, tomme linjer og nøglernes orden, så kun de
værdier, der ændres, ændres. Hver ændring læses igen gennem den almindelige indlæser (samme
regler og beskeder som ``tjek``), før den erstatter filen, og filen skrives atomisk.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.budgetfil.laes import fortolk_toml, laes_fil, tekst_af, valider
from tilsynstakst.budgetfil.skriv import skriv_fil

BOM = "\ufeff"


@dataclass(frozen=True)
class Kommenteret:
    """En værdi med en kommentar ved siden af (``beloeb = 17562633  # UDKAST: …``)."""

    vaerdi: Any
    kommentar: str


class Flerlinjet(tuple):
    """En liste, der skrives med ét element pr. linje."""


def toml_med_kommentarer(indledning: list[str], data: dict[str, Any]) -> str:
    """En ny TOML-fil (tomlkit) med ``indledning`` som kommentarer først og ``data`` i sin orden:
    en ordbog er en tabel, en liste af ordbøger en liste af tabeller ([[…]]), et Decimal står
    præcis, som det er, og en ``Kommenteret`` får sin kommentar på linjen."""
    import tomlkit

    def item(v: Any) -> Any:
        if isinstance(v, Kommenteret):
            i = item(v.vaerdi)
            i.comment(v.kommentar)
            i.trivia.comment_ws = "  "
            return i
        if isinstance(v, Decimal):
            return tomlkit.value(format(v, "f"))
        if isinstance(v, Flerlinjet):
            liste = tomlkit.array()
            liste.extend(v)
            return liste.multiline(True)
        return tomlkit.item(v)

    def tabel(d: dict[str, Any], t: Any) -> Any:
        for navn, v in d.items():
            if isinstance(v, dict):
                t.add(navn, tabel(v, tomlkit.table()))
            elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
                aot = tomlkit.aot()
                for x in v:
                    aot.append(tabel(x, tomlkit.table()))
                t.add(navn, aot)
            else:
                t.add(navn, item(v))
        return t

    doc = tomlkit.document()
    for linje in indledning:
        doc.add(tomlkit.comment(linje))
    return tomlkit.dumps(tabel(data, doc))
M = TypeVar("M", bound=BaseModel)


def laes_dokument(sti: Path) -> tuple[Any, bytes]:
    """Filen som tomlkit-dokument (efter den almindelige indlæsning, der melder fejl pænt), og
    filens bytes fra den samme læsning (til ``gem``, der ser, om filen er ændret imens)."""
    import tomlkit

    original = laes_fil(sti)
    tekst = tekst_af(original, sti)
    fortolk_toml(tekst, str(sti))
    try:
        return tomlkit.parse(tekst), original
    except Exception as e:  # tomlkit afviser sjældent, hvad tomllib godtog
        raise Inputfejl([Fund(str(sti), f"kan ikke rettes automatisk: {e}")]) from None


def uaendret(sti: Path, original: bytes) -> None:
    """Filen er stadig, som den blev læst; ellers har nogen rettet den imens (en anden kommando
    eller editoren), og den erstattes ikke (issue 21)."""
    try:
        nu = laes_fil(sti)
    except Inputfejl:
        nu = None
    if nu != original:
        raise Inputfejl([Fund(str(sti), "filen er ændret, siden den blev læst; intet er skrevet "
                              "til den, så ændringen står. Kør kommandoen igen")])


def som_originalen(tekst: str, original: bytes) -> bytes:
    """Den nye tekst med originalens BOM og linjeskift (CRLF fra Windows bliver CRLF)."""
    if b"\r\n" in original:
        tekst = tekst.replace("\r\n", "\n").replace("\n", "\r\n")
    bom = BOM if original.startswith(BOM.encode()) else ""
    return (bom + tekst).encode("utf-8")


def gem(sti: Path, model: type[M], dokument: Any, original: bytes) -> M:
    """Skriv dokumentet atomisk, efter at det er læst og valideret som ``model``, og kun hvis
    filen stadig er, som den blev læst (``uaendret``); BOM og linjeskift bevares. Returnerer den
    validerede model."""
    import tomlkit

    tekst = tomlkit.dumps(dokument)
    data = fortolk_toml(tekst, str(sti))
    resultat = valider(model, data, tekst, str(sti))
    uaendret(sti, original)
    skriv_fil(sti, som_originalen(tekst, original), overskriv=True)
    return resultat


def tilfoej_indeks(dokument: Any, aar: int, vaerdi: Any, kommentar: str) -> None:
    """Tilføj ``aar = vaerdi  # kommentar`` til PL-indeksets tabel ``[indeks]``."""
    import tomlkit
    from tomlkit.items import InlineTable

    tabel = dokument["indeks"]
    item = tomlkit.value(format(vaerdi, "f"))
    if not isinstance(tabel, InlineTable):  # en inline-tabel kan ikke have kommentarer
        item.comment(kommentar)
        item.trivia.comment_ws, item.trivia.trail = "  ", "\n"
    if hasattr(tabel, "add"):
        tabel.add(str(aar), item)
    else:  # indeks skrevet med punktnøgler (indeks.2023 = 100) læses som en proxy uden add
        tabel[str(aar)] = item


def erstat_befolkning(dokument: Any, kvartal: str, kilde: str, antal: dict[str, int]) -> None:
    """Sæt ``[befolkning]``s kilde, kvartal og hver kommunes tal; alt andet står, som det stod.
    En kommune, tabellen ikke har (fra tilsynets område), står efter den sidste kommune, i
    anførselstegn som de andre navne, og før de kommentarer, der følger tabellen."""
    from tomlkit.items import KeyType, SingleKey

    befolkning = dokument["befolkning"]
    befolkning["kilde"] = kilde
    befolkning["kvartal"] = kvartal
    kommuner = befolkning["kommuner"]
    krop = kommuner.value  # tomlkit: tabellens indhold, med kommentarer og tomme linjer
    efter = 1 + max((i for i, (k, _) in enumerate(krop.body) if k is not None), default=-1)
    for navn, tal in antal.items():
        if navn in kommuner:
            kommuner[navn] = tal
        elif efter < len(krop.body):  # add() ville stille den efter kommentarerne, der følger
            krop._insert_at(efter, SingleKey(navn, KeyType.Basic), tal)
            efter += 1
        else:
            kommuner.add(SingleKey(navn, KeyType.Basic), tal)
