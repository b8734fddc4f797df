"""Danmarks 98 kommuner, deres koder i FOLK1A, og de fem socialtilsyns områder.

Koderne er de officielle kommunenumre (uændret siden kommunalreformen 2007, variablen OMRÅDE i
Danmarks Statistiks FOLK1A), og navnene er Danmarks Statistiks tekster for dem. Alle 98 kommuner
er med, så ethvert socialtilsyns område kan hentes; Christiansø (411) er ikke en kommune og er
udeladt. Nogle kommuner kaldes i notater noget andet end hos Danmarks Statistik
("Vesthimmerland" for "Vesthimmerlands"); de navne står i ``ANDRE_NAVNE``, så en budgetfil kan
bruge notatets navn.

Områderne følger socialtilsynsloven § 2, stk. 2-3 (docs/regler.md): hvert socialtilsyn har sin
regions kommuner, undtagen værtskommunen (den kommune, der driver tilsynet), hvis tilbud og
plejefamilier et andet socialtilsyn har. Det er én tabel (``REGIONERNE``: regionen, dens
kommuner og koder) og én regel (``OMRAADER``: regionen, værtskommunen og det tilsyn, der har
den); hvert tilsyns område er udledt af dem (``omraade``, ``tilsyn_for``).
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class Tilsyn(StrEnum):
    """De fem socialtilsyn, i landsoversigtens orden (Tabel 2a-2e)."""

    NORD = "Socialtilsyn Nord"
    MIDT = "Socialtilsyn Midt"
    SYD = "Socialtilsyn Syd"
    OEST = "Socialtilsyn Øst"
    HOVEDSTADEN = "Socialtilsyn Hovedstaden"


class Region(StrEnum):
    """De fem regioner; hver har ét socialtilsyn (socialtilsynsloven § 2, stk. 2)."""

    HOVEDSTADEN = "Region Hovedstaden"
    SJAELLAND = "Region Sjælland"
    SYDDANMARK = "Region Syddanmark"
    MIDTJYLLAND = "Region Midtjylland"
    NORDJYLLAND = "Region Nordjylland"


# Regionernes kommuner: navn → FOLK1A-kode.
REGIONERNE: dict[Region, dict[str, str]] = {
    Region.HOVEDSTADEN: {
        "København": "101", "Frederiksberg": "147", "Ballerup": "151", "Brøndby": "153",
        "Dragør": "155", "Gentofte": "157", "Gladsaxe": "159", "Glostrup": "161",
        "Herlev": "163", "Albertslund": "165", "Hvidovre": "167", "Høje-Taastrup": "169",
        "Lyngby-Taarbæk": "173", "Rødovre": "175", "Ishøj": "183", "Tårnby": "185",
        "Vallensbæk": "187", "Furesø": "190", "Allerød": "201", "Fredensborg": "210",
        "Helsingør": "217", "Hillerød": "219", "Hørsholm": "223", "Rudersdal": "230",
        "Egedal": "240", "Frederikssund": "250", "Halsnæs": "260", "Gribskov": "270",
        "Bornholm": "400",
    },
    Region.SJAELLAND: {
        "Greve": "253", "Køge": "259", "Roskilde": "265", "Solrød": "269", "Odsherred": "306",
        "Holbæk": "316", "Faxe": "320", "Kalundborg": "326", "Ringsted": "329",
        "Slagelse": "330", "Stevns": "336", "Sorø": "340", "Lejre": "350", "Lolland": "360",
        "Næstved": "370", "Guldborgsund": "376", "Vordingborg": "390",
    },
    Region.SYDDANMARK: {
        "Middelfart": "410", "Assens": "420", "Faaborg-Midtfyn": "430", "Kerteminde": "440",
        "Nyborg": "450", "Odense": "461", "Svendborg": "479", "Nordfyns": "480",
        "Langeland": "482", "Ærø": "492", "Haderslev": "510", "Billund": "530",
        "Sønderborg": "540", "Tønder": "550", "Esbjerg": "561", "Fanø": "563", "Varde": "573",
        "Vejen": "575", "Aabenraa": "580", "Fredericia": "607", "Kolding": "621",
        "Vejle": "630",
    },
    Region.MIDTJYLLAND: {
        "Horsens": "615", "Herning": "657", "Holstebro": "661", "Lemvig": "665",
        "Struer": "671", "Syddjurs": "706", "Norddjurs": "707", "Favrskov": "710",
        "Odder": "727", "Randers": "730", "Silkeborg": "740", "Samsø": "741",
        "Skanderborg": "746", "Aarhus": "751", "Ikast-Brande": "756",
        "Ringkøbing-Skjern": "760", "Hedensted": "766", "Skive": "779", "Viborg": "791",
    },
    Region.NORDJYLLAND: {
        "Morsø": "773", "Thisted": "787", "Brønderslev": "810", "Frederikshavn": "813",
        "Vesthimmerlands": "820", "Læsø": "825", "Rebild": "840", "Mariagerfjord": "846",
        "Jammerbugt": "849", "Aalborg": "851", "Hjørring": "860",
    },
}


@dataclass(frozen=True)
class OmraadeRegel:
    """Et socialtilsyns område efter socialtilsynsloven § 2: regionens kommuner (stk. 2),
    undtagen værtskommunen, der hører til ``vaertskommunens_tilsyn`` (stk. 3)."""

    region: Region
    vaertskommune: str
    vaertskommunens_tilsyn: Tilsyn


OMRAADER: dict[Tilsyn, OmraadeRegel] = {
    Tilsyn.NORD: OmraadeRegel(Region.NORDJYLLAND, "Hjørring", Tilsyn.OEST),
    Tilsyn.MIDT: OmraadeRegel(Region.MIDTJYLLAND, "Silkeborg", Tilsyn.NORD),
    Tilsyn.SYD: OmraadeRegel(Region.SYDDANMARK, "Faaborg-Midtfyn", Tilsyn.MIDT),
    Tilsyn.OEST: OmraadeRegel(Region.SJAELLAND, "Holbæk", Tilsyn.HOVEDSTADEN),
    Tilsyn.HOVEDSTADEN: OmraadeRegel(Region.HOVEDSTADEN, "Frederiksberg", Tilsyn.SYD),
}

KOMMUNEKODER: dict[str, str] = {n: k for kommuner in REGIONERNE.values()
                                for n, k in kommuner.items()}

# Navne, der bruges i notater og budgetfiler for de samme koder.
ANDRE_NAVNE: dict[str, str] = {"Vesthimmerland": "820"}
# Alle navne, en budgetfil kan bruge for en kommune: Danmarks Statistiks og ANDRE_NAVNE.
KENDTE_NAVNE: tuple[str, ...] = (*KOMMUNEKODER, *ANDRE_NAVNE)
_KODER_UDEN_STORE = {n.casefold(): k for n, k in {**KOMMUNEKODER, **ANDRE_NAVNE}.items()}
_NAVN = {k: n for n, k in KOMMUNEKODER.items()}


def kommunekode(navn: str) -> str | None:
    """FOLK1A-koden for en kommune, ved Danmarks Statistiks navn eller et af ``ANDRE_NAVNE``."""
    return KOMMUNEKODER.get(navn) or ANDRE_NAVNE.get(navn)


def dst_navn(navn: str) -> str:
    """Danmarks Statistiks navn for en kendt kommune ("Vesthimmerland" → "Vesthimmerlands")."""
    kode = kommunekode(navn)
    return navn if kode is None else _NAVN[kode]


@cache
def omraade(tilsyn: Tilsyn) -> tuple[str, ...]:
    """Tilsynets område (socialtilsynsloven § 2, stk. 2-3): regionens kommuner undtagen
    værtskommunen, og den værtskommune fra en anden region, tilsynet har; Danmarks Statistiks
    navne, i tabellens orden."""
    regel = OMRAADER[tilsyn]
    egne = [n for n in REGIONERNE[regel.region] if n != regel.vaertskommune]
    gaester = [r.vaertskommune for r in OMRAADER.values() if r.vaertskommunens_tilsyn == tilsyn]
    return tuple(egne + gaester)


def tilsyn_for(navn: str) -> Tilsyn | None:
    """Det socialtilsyn, hvis område kommunen hører til (socialtilsynsloven § 2, stk. 2-3);
    ``None`` for et navn, der ikke er en kommune."""
    navn = dst_navn(navn)
    return next((t for t in Tilsyn if navn in omraade(t)), None)


def vaert_for(navn: str) -> Tilsyn | None:
    """Det socialtilsyn, kommunen er værtskommune for (og derfor ikke hører til,
    socialtilsynsloven § 2, stk. 3); ``None`` for de andre kommuner."""
    navn = dst_navn(navn)
    return next((t for t, r in OMRAADER.items() if r.vaertskommune == navn), None)


def kommunenoegle(navn: str) -> str:
    """Det, der gør to navne til samme kommune: koden, uanset store og små bogstaver og notatets
    eller Danmarks Statistiks stavemåde ("Aalborg", "AALBORG"; "Vesthimmerland(s)")."""
    grund = unicodedata.normalize("NFKC", navn).casefold()
    return _KODER_UDEN_STORE.get(grund) or grund


def _grundform(navn: str) -> str:
    """Navnet uden store bogstaver og tegn, med æ, ø og å skrevet som på et tastatur uden dem
    ("Oest" for "Øst", "Koebenhavn" for "København")."""
    grund = navn.casefold().replace("å", "aa").replace("ø", "oe").replace("æ", "ae")
    return re.sub(r"\W", "", grund)


def ligner(a: str, b: str) -> bool:
    """Samme kommunenavn stavet anderledes: 'Ålborg'/'Aalborg', 'Nordfyn'/'Nordfyns',
    'Brønderslev-Dronninglund'/'Brønderslev'."""
    a, b = _grundform(a), _grundform(b)
    return a.startswith(b) or b.startswith(a)


def naermeste(navn: str, kendte: Iterable[str]) -> str | None:
    """Det kendte navn, ``navn`` nok er en stavefejl for ("mente du …?"): det samme navn stavet
    anderledes (``ligner``), ellers det nærmeste (difflib), ellers ``None``. Én funktion for
    kommunerne i ``befolkning``, i to års filer, i ``--saet`` og i ``forklar``s nøgler."""
    import difflib

    kendte = [str(k) for k in kendte]
    if _grundform(navn) and (samme := next((k for k in kendte if ligner(navn, k)), None)):
        return samme
    return next(iter(difflib.get_close_matches(navn, kendte, n=1)), None)
