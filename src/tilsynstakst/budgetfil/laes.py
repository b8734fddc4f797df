"""Find og læs budgetfiler og PL-indekset (tomllib med eksakte decimaltal).

Alt, der går galt med en fil, bliver en ``Inputfejl`` med fil, linje, nøgle og en dansk
besked; ``cli`` viser den på én linje og slutter med kode 2.
"""

import os
import re
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tilsynstakst.fund import Fund, Inputfejl, systemfejl
from tilsynstakst.kommando import citeret
from tilsynstakst.budgetfil.model import Budget, PLIndeks, dansk_talbesked, tager_hele_tal

PL_FILNAVN = "pl-indeks.toml"

M = TypeVar("M", bound=BaseModel)


# Ingen budgetfil er på en megabyte; en større "fil" er noget andet (fx /dev/zero).
MAKS_FILSTOERRELSE = 1_000_000


def laes_tekst(sti: Path) -> str:
    """En fils tekst: kun en almindelig fil (ikke en FIFO eller en enhed, der blokerer eller
    aldrig slutter), højst ``MAKS_FILSTOERRELSE`` byte, UTF-8 (et BOM er i orden)."""
    return tekst_af(laes_fil(sti), sti)


def laes_fil(sti: Path) -> bytes:
    """En budgetfils eller et PL-indeks' bytes (højst ``MAKS_FILSTOERRELSE``)."""
    return laes_bytes(sti, MAKS_FILSTOERRELSE, f"over {MAKS_FILSTOERRELSE // 1_000_000} MB; det "
                                               "er ikke en budgetfil")


def tekst_af(data: bytes, sti: Path) -> str:
    """Filens bytes som tekst: UTF-8, et BOM (fx fra Notesblok) er i orden."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        linje = e.object[: e.start].count(b"\n") + 1
        raise Inputfejl([Fund(str(sti), f"er ikke gyldig UTF-8 (byte {e.start}); gem filen som "
                              "UTF-8", linje=linje)]) from None


def laes_bytes(sti: Path, maks: int, for_stor: str) -> bytes:
    """En fils bytes: kun en almindelig fil, højst ``maks`` byte (ellers ``er {for_stor}``)."""
    fil = str(sti)
    try:
        info = sti.stat()
        if stat.S_ISDIR(info.st_mode):
            raise Inputfejl([Fund(fil, "er en mappe, ikke en fil")])
        if not stat.S_ISREG(info.st_mode):
            raise Inputfejl([Fund(fil, "er ikke en almindelig fil (men fx en FIFO eller en "
                                  "enhed) og læses ikke")])
        with sti.open("rb") as f:
            data = f.read(maks + 1)
    except FileNotFoundError:
        link = " (et link til en fil, der ikke findes)" if sti.is_symlink() else ""
        raise Inputfejl([Fund(fil, f"filen findes ikke{link}")]) from None
    except OSError as e:
        raise Inputfejl([Fund(fil, f"kan ikke læses: {systemfejl(e)}")]) from None
    if len(data) > maks:
        raise Inputfejl([Fund(fil, f"er {for_stor}")])
    return data


def laes_toml(sti: Path) -> tuple[dict[str, Any], str]:
    """Læs en TOML-fil eksakt (floats som Decimal); returnér data og teksten (til linjenumre)."""
    tekst = laes_tekst(sti)
    return fortolk_toml(tekst, str(sti)), tekst


def fortolk_toml(tekst: str, fil: str) -> dict[str, Any]:
    """TOML-tekst som data, eksakt (floats som Decimal); en fejl bliver en ``Inputfejl``.

    Også tomllibs egne grænser: en alt for dyb indlejring (RecursionError), et heltal med flere
    cifre end Python vil læse (ValueError) og et tal, Decimal ikke kan danne (ArithmeticError).
    """
    try:
        return tomllib.loads(tekst, parse_float=Decimal)
    except tomllib.TOMLDecodeError as e:
        besked, linje = _toml_fejl(str(e), tekst)
        kolonne = int(m.group(1)) if (m := re.search(r", column (\d+)\)$", str(e))) else None
        if linje is not None and (dansk := _dansk_tal_paa_linje(tekst, linje, kolonne)):
            besked = dansk
        # Nøglen på linjen, så beskeden siger hvilken (``plejefamilier = ca. 975``), og for en
        # værdi, TOML ikke kan læse, hvad der stod, og hvordan en værdi skrives.
        paa_linjen = next(((n, r) for nr, n, r in noegler(tekst) if nr == linje and r), None)
        noegle = None
        if paa_linjen and besked == "ugyldig værdi":
            noegle = ".".join(paa_linjen[0])
            vaerdi = _uden_kommentar(paa_linjen[1]).strip()
            besked = ("mangler en værdi efter '='" if not vaerdi else
                      f"{besked}, fik {vaerdi!r}: et tal skrives med cifre alene, en tekst i "
                      "anførselstegn")
        raise Inputfejl([Fund(fil, f"ugyldig TOML: {besked}", noegle, linje=linje)]) from None
    except RecursionError:
        raise Inputfejl([Fund(fil, "tabeller eller lister er indlejret for dybt til en "
                              "budgetfil")]) from None
    except (ValueError, ArithmeticError):
        raise Inputfejl([Fund(fil, "indeholder et tal med flere cifre, end en budgetfil kan "
                              "have")]) from None


# tomllibs beskeder på dansk; en ukendt besked vises, som den er.
_TOML_BESKEDER = (
    (r"Cannot declare (.*) twice", r"tabellen \1 er angivet to gange"),
    (r"Cannot overwrite a value", "nøglen er angivet to gange"),
    (r"Cannot (?:mutate immutable|redefine) namespace (.*)", r"\1 er allerede angivet"),
    (r"Duplicate inline table key (.*)", r"nøglen \1 er angivet to gange"),
    (r"Expected '=' after a key in a key/value pair", "mangler '=' efter nøglen"),
    (r"Expected '\]' at the end of a table declaration", "mangler ']' efter tabelnavnet"),
    (r"Invalid statement", "ugyldig linje"),
    (r"Invalid value", "ugyldig værdi"),
    (r"Invalid initial character for a key part", "ugyldigt tegn i en nøgle"),
    (r"Unterminated string", "teksten mangler sit afsluttende anførselstegn"),
    (r"Unclosed array", "listen mangler sit afsluttende ']'"),
    (r"Unclosed inline table", "tabellen mangler sit afsluttende '}'"),
    (r"Illegal character (.*)", r"ulovligt tegn \1"),
    (r"Found invalid character (.*)", r"ulovligt tegn \1"),
    (r"Expected newline or end of document after a statement",
     "forventede linjeskift efter værdien"),
)


def _toml_fejl(besked: str, tekst: str) -> tuple[str, int | None]:
    """tomllibs besked på dansk, og linjen (ved 'end of document': den sidste linje)."""
    linje = None
    if m := re.search(r"\s*\(at line (\d+), column \d+\)$", besked):
        besked, linje = besked[: m.start()], int(m.group(1))
    elif m := re.search(r"\s*\(at end of document\)$", besked):
        besked, linje = besked[: m.start()], max(1, len(tekst.rstrip("\n").split("\n")))
    besked = re.sub(r"\(((?:'[^']*',? ?)+)\)", lambda m: ".".join(re.findall(r"'([^']*)'", m.group(1))),
                    besked)  # ('antal', 'tilbud') → antal.tilbud
    for moenster, dansk in _TOML_BESKEDER:
        if re.fullmatch(moenster, besked):
            return re.sub(moenster, dansk, besked), linje
    return besked, linje


# Et tal, som det kan stå efter '=': cifre, punktummer og kommaer (1.234,5), ikke en liste.
_TALVAERDI = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*")
# En nøgle og dens værdi i en inline-tabel: { forrige = 1.234,5, budgetaar = 2 }
_INLINE_PAR = re.compile(r"""([{,])\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)"""
                         r"""(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=\s*""")


def _dansk_tal_paa_linje(tekst: str, nr: int, kolonne: int | None) -> str | None:
    """Beskeden, når TOML-fejlen på linje ``nr`` (ved ``kolonne``) kommer af et tal i dansk
    talformat efter ``nøgle =`` (``tilbudsafdelingen = 17.350.000``, ``pct = 3,8`` eller i en
    inline-tabel ``{ forrige = 1.234,5 }``): nøglen, tallet og hvordan det skrives. Kun når tallet
    er den sidste værdi før fejlen og ikke selv er gyldig TOML (``1.000`` er 1, ``[1,5]`` en
    liste); ellers ``None``, og tomllibs egen besked står."""
    paa_linjen = next(((n, r) for linje, n, r in noegler(tekst) if linje == nr and r), None)
    if paa_linjen is None:  # en tabeloverskrift, en linje i en flerlinjet tekst eller liste
        return None
    noegle, rest = paa_linjen
    start = len(tekst.split("\n")[nr - 1]) - len(rest.lstrip())  # værdiens plads på linjen
    vaerdi = _uden_kommentar(rest)
    foer_fejlen = [(noegle, vaerdi, start)]
    if vaerdi.startswith("{"):  # værdierne i inline-tabellen, der begynder før fejlen
        foer_fejlen = []
        for m in _INLINE_PAR.finditer(vaerdi):
            tal = _TALVAERDI.match(vaerdi, m.end())
            foer = vaerdi[: m.start(2)]
            # Nøglen i inline-tabellen; i en tabel inde i den kun linjens nøgle.
            inde = _dele(m.group(2)) if foer.count("{") - foer.count("}") == 1 else ()
            foer_fejlen.append((noegle + inde, tal.group() if tal else "", start + m.end()))
    foer_fejlen = [v for v in foer_fejlen if kolonne is None or v[2] < kolonne]
    if foer_fejlen and _dansk_og_ugyldig(foer_fejlen[-1][1]):
        return _dansk_besked(foer_fejlen[-1][0], foer_fejlen[-1][1])
    return None


def _uden_kommentar(rest: str) -> str:
    """Værdien uden en kommentar til sidst (et tal har ingen #; en tekst kan have det)."""
    i_tekst: str | None = None
    for i, tegn in enumerate(rest):
        if i_tekst:
            if tegn == i_tekst:
                i_tekst = None
        elif tegn in "\"'":
            i_tekst = tegn
        elif tegn == "#":
            return rest[:i].strip()
    return rest.strip()


def _dansk_og_ugyldig(vaerdi: str) -> bool:
    """Er værdien et tal i dansk talformat, som TOML ikke kan læse (``1.000`` kan den)?"""
    if dansk_talbesked(vaerdi) is None:
        return False
    try:
        tomllib.loads(f"v = {vaerdi}")
    except tomllib.TOMLDecodeError:
        return True
    except ValueError:  # flere cifre, end Python vil læse: ikke det, der skal meldes her
        return False
    return False


def _dansk_besked(noegle: tuple[str, ...], vaerdi: str) -> str:
    return f"{noeglenavn(noegle)} = {dansk_talbesked(vaerdi, hele=tager_hele_tal(list(noegle)))}"


def valider(model: type[M], data: dict[str, Any], tekst: str, fil: str) -> M:
    """Validér data mod modellen; alle fejl samles og meldes med nøgle og linje."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        indeks = linjeindeks(tekst)  # én gang for alle fejl (40.000 fejl: ikke 40.000 læsninger)
        raise Inputfejl([_fund(fil, indeks, fejl) for fejl in e.errors()]) from None


_BESKEDER = {
    "missing": "mangler",
    "extra_forbidden": "ukendt nøgle (stavefejl?)",
    "model_type": "skal være en tabel",
    "dict_type": "skal være en tabel",
    "tuple_type": "skal være en liste",
    "string_type": "skal være en tekst",
    "string_pattern_mismatch": "har ikke den rigtige form (fx 2023K2)",
}


def _fund(fil: str, indeks: dict[tuple[str, ...], int], fejl: dict[str, Any]) -> Fund:
    loc = tuple(d for d in fejl["loc"] if d != "[key]")  # pydantics markør for en fejl i nøglen
    if fejl["type"] == "missing" and loc and isinstance(loc[-1], int):  # for kort liste
        loc, besked = loc[:-1], "skal have præcis fire tal (takstgruppe 1-4)"
    elif fejl["type"] == "tilsynstakst":
        besked = fejl["msg"]
        if felt := (fejl.get("ctx") or {}).get("felt"):  # en modelregel peger på sit felt
            loc += tuple(felt.split("."))
    elif fejl["type"] == "literal_error":  # en nøgle eller værdi, der skal være én af få
        mulige = str((fejl.get("ctx") or {}).get("expected", "")).replace(" or ", " eller ")
        besked = (f"ukendt nøgle (stavefejl?); mulige: {mulige}" if "[key]" in fejl["loc"]
                  else f"skal være en af {mulige}")
    elif fejl["type"] in ("too_short", "too_long"):
        fire = isinstance(fejl.get("input"), (list, tuple))
        ctx = fejl.get("ctx") or {}
        besked = ("skal have præcis fire tal (takstgruppe 1-4)" if fire else "må ikke være tom"
                  if fejl["type"] == "too_short" else
                  f"har {ctx.get('actual_length') or len(fejl.get('input') or ())}, men højst "
                  f"{ctx.get('max_length')} er muligt")
    else:
        besked = _BESKEDER.get(fejl["type"], fejl["msg"])
    return Fund(fil, besked, noegle=noeglenavn(loc) or None, linje=slaa_op(indeks, loc))


def noeglenavn(loc: tuple[Any, ...]) -> str:
    """``('antal', 'pr_takstgruppe', 'tilbud', 2)`` → ``antal.pr_takstgruppe.tilbud[2]``."""
    navn = ""
    for del_ in loc:
        if isinstance(del_, int):
            navn += f"[{del_}]"
        else:
            navn += ("." if navn else "") + str(del_)
    return navn


_TABEL = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_NOEGLE = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""")


def _dele(noegle: str) -> tuple[str, ...]:
    return tuple(d.strip().strip("\"'") for d in re.split(r"\.(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", noegle))


def linjeindeks(tekst: str) -> dict[tuple[str, ...], int]:
    """Hver tabel og nøgle i TOML-teksten → linjen, hvor den først står.

    En lille linjescanner (tabeloverskrifter og ``nøgle =``), ikke en fuld TOML-parser: den
    finder nøgler i almindelige tabeller og inline-tabellens egen nøgle.
    """
    indeks: dict[tuple[str, ...], int] = {}
    for nr, noegle, _ in noegler(tekst):
        indeks.setdefault(noegle, nr)
    return indeks


def noegler(tekst: str) -> Iterator[tuple[int, tuple[str, ...], str | None]]:
    """Hver tabeloverskrift og ``nøgle =`` i TOML-teksten: linjen, den fulde nøgle og, for en
    nøgle, resten af linjen efter '=' (``None`` for en tabeloverskrift)."""
    tabel: tuple[str, ...] = ()
    tabelliste: dict[tuple[str, ...], int] = {}  # [[budget.poster]]: hvor mange indtil nu
    i_streng: str | None = None  # '"""' eller "'''" inde i en flerlinjet tekst
    # Kun "\n" afslutter en linje i TOML (og i tomllibs linjenumre); splitlines() ville også
    # dele ved U+2028 og U+0085 i en kommentar.
    for nr, linje in enumerate(tekst.split("\n"), start=1):
        begyndte_i_streng = i_streng is not None
        i_streng = _aaben_streng(linje, i_streng)
        if begyndte_i_streng:
            continue
        if m := _TABEL.match(linje):
            tabel = _dele(m.group(1))
            if linje.lstrip().startswith("[["):  # én tabel i en liste: budget.poster.0, .1 …
                plads = tabelliste[tabel] = tabelliste.get(tabel, -1) + 1
                tabel += (str(plads),)
            yield nr, tabel, None
        elif m := _NOEGLE.match(linje):
            yield nr, tabel + _dele(m.group(1)), linje[m.end():]


def _aaben_streng(linje: str, i_streng: str | None) -> str | None:
    """Er en flerlinjet tekst åben efter linjen? En lille scanner efter TOML's regler: en
    kommentar (#) uden for en tekst slutter linjen, og i en tekst med " springes \\-escapes over
    (så hverken '# se \"\"\"notatet' eller '\\\"\"\"' forvirrer linjenumrene)."""
    i, n = 0, len(linje)
    enkelt: str | None = None  # '"' eller "'" inde i en tekst på én linje
    while i < n:
        tegn = linje[i]
        if i_streng:
            if tegn == "\\" and i_streng == '"""':
                i += 2
                continue
            if linje.startswith(i_streng, i):
                i += 3
                while i < n and linje[i] == i_streng[0]:  # op til to ekstra citationstegn
                    i += 1
                i_streng = None
                continue
        elif enkelt:
            if tegn == "\\" and enkelt == '"':
                i += 2
                continue
            if tegn == enkelt:
                enkelt = None
        elif tegn == "#":
            break
        elif linje.startswith('"""', i) or linje.startswith("'''", i):
            i_streng = linje[i:i + 3]
            i += 3
            continue
        elif tegn in "\"'":
            enkelt = tegn
        i += 1
    return i_streng


def slaa_op(indeks: dict[tuple[str, ...], int], loc: tuple[Any, ...]) -> int | None:
    """Linjen for ``loc``, eller for dens nærmeste forælder; en plads i en liste af tabeller
    ([[budget.poster]]) har sin egen linje, en plads i en liste af tal listens."""
    maal = tuple(str(d) for d in loc)
    for n in range(len(maal), 0, -1):
        if maal[:n] in indeks:
            return indeks[maal[:n]]
    return None


def find_linje(tekst: str, loc: tuple[Any, ...]) -> int | None:
    """Linjen i TOML-teksten, hvor nøglen ``loc`` står, eller dens nærmeste forælder."""
    return slaa_op(linjeindeks(tekst), loc)


class Linjer:
    """Linjen for en nøgle i en fil, slået op først når et fund skal bruge den; hver fil
    læses og indekseres højst én gang."""

    def __init__(self) -> None:
        self._indeks: dict[Path, dict[tuple[str, ...], int]] = {}

    def __call__(self, sti: Path, *loc: str) -> int | None:
        if sti not in self._indeks:
            try:
                tekst = laes_tekst(sti)
            except Inputfejl:
                tekst = ""
            self._indeks[sti] = linjeindeks(tekst)
        return slaa_op(self._indeks[sti], loc)


def laes_model(model: type[M], sti: Path) -> M:
    """Læs og validér én fil som ``model``."""
    data, tekst = laes_toml(sti)
    return valider(model, data, tekst, str(sti))


def laes_budget(sti: Path, original: bytes | None = None) -> Budget:
    """Læs og validér en budgetfil (eller ``original``, dens bytes, som de er læst); året i
    filen skal passe med filnavnet (AAAA.toml)."""
    return Budgetfil.laes(sti, original).model()


@dataclass(frozen=True)
class Budgetfil:
    """En budgetfil læst, men endnu ikke valideret: så kan et scenarie lægges ind i dens data
    og valideres præcis som filen selv (docs/aaret.md)."""

    sti: Path
    data: dict[str, Any]
    tekst: str

    @classmethod
    def laes(cls, sti: Path, original: bytes | None = None) -> "Budgetfil":
        """Filen læst (eller ``original``: filens bytes, som de allerede er læst én gang)."""
        if original is None:
            data, tekst = laes_toml(sti)
        else:
            tekst = tekst_af(original, sti)
            data = fortolk_toml(tekst, str(sti))
        return cls(sti, data, tekst)

    def model(self, data: dict[str, Any] | None = None) -> Budget:
        """Filens data (eller ``data``) valideret; året skal passe med filnavnet."""
        budget = valider(Budget, self.data if data is None else data, self.tekst, str(self.sti))
        if (aar := aar_i_filnavn(self.sti)) is not None and aar != budget.aar:
            raise Inputfejl([Fund(str(self.sti), f"året i filen er {budget.aar}, men filen "
                                  f"hedder {self.sti.name}", noegle="aar",
                                  linje=find_linje(self.tekst, ("aar",)))])
        return budget


def budgetfil(mappe: Path, aar: int) -> Path:
    return mappe / f"{aar}.toml"


def aar_i_filnavn(sti: Path) -> int | None:
    """2024 for ``2024.toml``; None for alt andet (også ``²⁰²⁴.toml`` og ``2024.TOML``)."""
    return int(sti.stem) if re.fullmatch(r"[0-9]{4}\.toml", sti.name) else None


def budgetmappe(mappe: Path) -> Path:
    """Mappen med budgetfilerne (``-b``); en fil eller et navn, der ikke findes, er en fejl, der
    siger hvilken."""
    if mappe.is_dir():
        return mappe
    if mappe.exists():
        raise Inputfejl([Fund(str(mappe), f"er en fil, ikke en mappe; -b skal være mappen med "
                                          f"budgetfilerne, fx -b {citeret(mappe.parent)}")])
    try:  # et link, der peger i ring eller på noget, der ikke findes: sig hvad, som tjek gør
        os.stat(mappe)
    except OSError as e:
        if mappe.is_symlink():
            raise Inputfejl([Fund(str(mappe), f"budgetmappen kan ikke bruges: {systemfejl(e)}")]) \
                from None
    raise Inputfejl([Fund(str(mappe), "budgetmappen findes ikke")])


def findes(sti: Path) -> bool:
    """Står der noget med navnet? Et link, der ikke peger på en fil (eller peger i ring), står
    der også, så det meldes som en fejl i stedet for at blive til "intet år før"."""
    return sti.exists() or sti.is_symlink()


def laes_pl(mappe: Path) -> PLIndeks:
    return laes_model(PLIndeks, mappe / PL_FILNAVN)
