"""Danmarks Statistiks tabel FOLK1A: 0-17-årige pr. kommune i ét kvartal (docs/regler.md).

FOLK1A er "Folketal den 1. i kvartalet efter område, køn, alder, civilstand og tid"; 2024K2 er
folketallet 1. april 2024. Den objektive finansiering bruger 2. kvartal året før budgetåret
(LOST § 23). Forespørgslen beder om hver alder 0-17 for sig for begge køn og alle civilstande;
de 18 tal summeres pr. kommune.

Svaret kontrolleres, før det bruges: kolonnerne, kvartalet, hver alder 0-17 præcis én gang pr.
kommune, og præcis de kommuner, der blev spurgt om. Ellers en ``Inputfejl`` med en dansk besked.
"""

import csv
import json
import os
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tilsynstakst.budgetfil.laes import laes_bytes
from tilsynstakst.budgetfil.kommuner import KOMMUNEKODER, kommunekode
from tilsynstakst.fund import Fund, Inputfejl, synlig

TABEL = "FOLK1A"
ROD = "https://api.statbank.dk/v1"
ROD_MILJOE = "TILSYNSTAKST_DST_URL"  # en anden rod (en mirror, en proxy, eller testenes server)
TIMEOUT_MILJOE = "TILSYNSTAKST_DST_TIMEOUT"
TIMEOUT = 30  # sekunder
MAKS_SVAR = 5_000_000  # bytes; et rigtigt svar for 98 kommuner er omkring 100 kB
ALDRE = tuple(str(a) for a in range(18))
KOLONNER = ("OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "TID", "INDHOLD")
_I_ALT = {"i alt", "tot", "total"}
KODER = set(KOMMUNEKODER.values())
NAVN = {kode: navn for navn, kode in KOMMUNEKODER.items()}  # KØN og CIVILSTAND: tekst (dansk/engelsk) eller kode


def kvartal_for(budgetaar: int) -> str:
    """Befolkningen for budget 2025 er fra 2. kvartal 2024 (LOST § 23): ``2024K2``."""
    return f"{budgetaar - 1}K2"


def koder(kommuner: list[str]) -> dict[str, str]:
    """Kommune → FOLK1A's områdekode. Navnene er en budgetfils, som modellen har godkendt: hver
    er en af de 98 kommuner (``model.ukendt_kommune``)."""
    return {k: kode for k in kommuner if (kode := kommunekode(k)) is not None}


def forespoergsel(omraader: list[str], kvartal: str) -> dict:
    """Kroppen til StatBank API'ets ``POST /data`` (CSV med tekster, API'ets standard)."""
    return {"table": TABEL, "format": "CSV", "lang": "da", "variables": [
        {"code": "OMRÅDE", "values": omraader},
        {"code": "KØN", "values": ["TOT"]},
        {"code": "ALDER", "values": list(ALDRE)},
        {"code": "CIVILSTAND", "values": ["TOT"]},
        {"code": "Tid", "values": [kvartal]},
    ]}


def browser_url(omraader: list[str], kvartal: str, rod: str = ROD) -> str:
    """Den samme forespørgsel som en adresse, der kan åbnes i en browser og gemmes som CSV."""
    forms = {"OMRÅDE": ",".join(omraader), "KØN": "TOT", "ALDER": ",".join(ALDRE),
             "CIVILSTAND": "TOT", "Tid": kvartal}
    return f"{rod}/data/{TABEL}/CSV?" + urllib.parse.urlencode(forms, safe=",")


def rod() -> str:
    return os.environ.get(ROD_MILJOE, "").strip() or ROD


def timeout() -> int:
    """Sekunder, før et svar opgives: ``TILSYNSTAKST_DST_TIMEOUT`` (hele sekunder), ellers 30."""
    tekst = os.environ.get(TIMEOUT_MILJOE, "").strip()
    if not tekst:
        return TIMEOUT
    if not re.fullmatch(r"[0-9]{1,3}", tekst) or not 1 <= int(tekst) <= 600:
        raise Inputfejl([Fund(TIMEOUT_MILJOE, f"skal være et helt antal sekunder (1-600), "
                              f"fik {_en_linje(tekst, 20)!r}")])
    return int(tekst)


def hent(omraader: list[str], kvartal: str) -> bytes:
    """POST forespørgslen til ``{rod}/data`` og returnér svaret (urllib, med timeout)."""
    import http.client
    import urllib.error
    import urllib.request

    url = f"{rod().rstrip('/')}/data"
    krop = json.dumps(forespoergsel(omraader, kvartal)).encode()
    hvor = f"Danmarks Statistik ({synlig(url)})"
    sekunder = timeout()
    try:
        anmodning = urllib.request.Request(url, data=krop, method="POST", headers={
            "Content-Type": "application/json", "Accept": "text/csv",
            "User-Agent": "tilsynstakst (Danmarks Statistik FOLK1A)"})
        data = _inden_for(sekunder, lambda: _laes_svar(anmodning, sekunder))
    except urllib.error.HTTPError as e:
        raise Inputfejl([Fund(hvor, f"svarede HTTP {e.code} {e.reason}{_dst_besked(e)}")]) \
            from None
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as e:
        raise Inputfejl([Fund(hvor, _netfejl(e, sekunder))]) from None
    if len(data) > MAKS_SVAR:
        raise Inputfejl([Fund(hvor, f"svaret er over {MAKS_SVAR // 1_000_000} MB; det er ikke "
                              "FOLK1A for nogle kommuner")])
    return data


def _laes_svar(anmodning: Any, sekunder: int) -> bytes:
    import urllib.request

    with urllib.request.urlopen(anmodning, timeout=sekunder) as svar:
        return svar.read(MAKS_SVAR + 1)


def _inden_for(sekunder: int, arbejde: Callable[[], bytes]) -> bytes:
    """Hele hentningen inden for ``sekunder``: urllibs timeout gælder hver enkelt læsning, så en
    server, der drypper én byte ad gangen, ville ellers holde kommandoen i gang i det uendelige."""
    import threading

    resultat: dict[str, Any] = {}

    def koer() -> None:
        try:
            resultat["data"] = arbejde()
        except BaseException as e:  # føres videre til den kaldende tråd
            resultat["fejl"] = e

    traad = threading.Thread(target=koer, daemon=True)
    traad.start()
    traad.join(sekunder)
    if traad.is_alive():
        raise TimeoutError("timed out")
    if "fejl" in resultat:
        raise resultat["fejl"]
    return resultat["data"]


def _netfejl(e: Exception, sekunder: int) -> str:
    import urllib.error

    aarsag = e.reason if isinstance(e, urllib.error.URLError) else e
    if isinstance(aarsag, TimeoutError) or "timed out" in str(aarsag):
        return (f"svarede ikke inden for {sekunder} sekunder; prøv igen, eller gem CSV'en i en "
                "browser og brug --fra-csv")
    if isinstance(e, ValueError):
        return f"adressen kan ikke bruges ({e}); se miljøvariablen {ROD_MILJOE}"
    tekst = getattr(aarsag, "strerror", None) or str(aarsag) or type(aarsag).__name__
    return (f"kan ikke nås ({tekst}); uden netværk: gem CSV'en i en browser og brug --fra-csv "
            "(adressen står i README og med --url)")


def _dst_besked(e: Exception) -> str:
    """StatBank svarer på en fejl med JSON: ``{"errorTypeCode": ..., "message": ...}``."""
    try:
        besked = json.loads(e.read(10_000)).get("message")  # type: ignore[attr-defined]
    except Exception:
        return ""
    return f": {_en_linje(besked)}" if isinstance(besked, str) and besked.strip() else ""


def _en_linje(tekst: str, maks: int = 120) -> str:
    tekst = re.sub(r"[\x00-\x1f\x7f-\x9f]+", " ", tekst).strip()
    return tekst if len(tekst) <= maks else tekst[: maks - 1] + "…"


def laes_csv(data: bytes, kilde: str, kvartal: str, kommuner: dict[str, str]) -> dict[str, int]:
    """0-17-årige pr. kommune fra FOLK1A-CSV'en i ``data``, med ``kommuner``s navne og orden
    (navn → kode, fra ``koder``).

    ``kilde`` (filen eller adressen) står i hver besked. Tekster (``Aalborg;I alt;5 år;...``) og
    koder (``851;TOT;5;...``) læses begge.
    """
    def fejl(besked: str, linje: int | None = None) -> Inputfejl:
        return Inputfejl([Fund(kilde, besked, linje=linje)])

    tekst = _tekst(data)
    if tekst is None:
        raise fejl("svaret er ikke UTF-8-tekst og heller ikke en CSV fra FOLK1A i Windows' "
                   "tegnsæt (cp1252); gem CSV'en som UTF-8 (i Excel: CSV UTF-8)")
    linjer = tekst.splitlines()
    if _hoved(linjer) != KOLONNER:
        foerste = _en_linje(linjer[0] if linjer else "", 60)
        art = "HTML" if foerste.lstrip().startswith("<") else "en anden CSV eller tekst"
        raise fejl(f"er ikke en CSV fra FOLK1A med kolonnerne {';'.join(KOLONNER)}, men {art} "
                   f"(første linje: {foerste!r})", 1)
    fundet: dict[str, dict[str, int]] = {}
    for nr, linje in enumerate(linjer[1:], start=2):
        felter = _felter(linje)
        if not any(felter):  # en tom linje, eller en tom række fra Excel (;;;;;)
            continue
        if len(felter) != len(KOLONNER):
            raise fejl(f"har {len(felter)} felter, ikke {len(KOLONNER)}", nr)
        omraade, koen, alder, civilstand, tid, indhold = felter
        kode = omraade if omraade in KODER else kommunekode(omraade)
        if kode is None:
            raise fejl(f"området {_en_linje(omraade, 40)!r} er ikke en kommune", nr)
        if tid != kvartal:
            raise fejl(f"er for {_en_linje(tid, 20)}, men budgettet skal bruge {kvartal} "
                       "(2. kvartal året før budgetåret)", nr)
        if koen.casefold() not in _I_ALT or civilstand.casefold() not in _I_ALT:
            raise fejl("er ikke for begge køn og alle civilstande (KØN og CIVILSTAND skal være "
                       "'I alt')", nr)
        m = re.fullmatch(r"([0-9]{1,3})(?: år)?", alder)
        if m is None or m.group(1) not in ALDRE:
            raise fejl(f"alderen {_en_linje(alder, 20)!r} er ikke en af 0-17 år", nr)
        if not re.fullmatch(r"[0-9]{1,9}", indhold):
            raise fejl(f"antallet {_en_linje(indhold, 20)!r} er ikke et helt tal", nr)
        aldre = fundet.setdefault(kode, {})
        if m.group(1) in aldre:
            raise fejl(f"{_en_linje(omraade, 40)}, {m.group(1)} år står to gange", nr)
        aldre[m.group(1)] = int(indhold)
    mangler = [navn for navn, kode in kommuner.items() if kode not in fundet]
    ekstra = [NAVN[kode] for kode in fundet if kode not in kommuner.values()]
    if mangler or ekstra:
        dele = ([f"mangler {', '.join(mangler)}"] if mangler else []) + \
               ([f"har kommuner, budgetfilen ikke har: {', '.join(ekstra)}"] if ekstra else [])
        raise fejl("svaret passer ikke med budgetfilens kommuner: " + "; ".join(dele))
    for navn, kode in kommuner.items():
        if len(fundet[kode]) != len(ALDRE):
            savnet = ", ".join(a for a in ALDRE if a not in fundet[kode])
            raise fejl(f"{navn} mangler alder {savnet} år; alle aldre 0-17 skal med")
    return {navn: sum(fundet[kode].values()) for navn, kode in kommuner.items()}


def _tekst(data: bytes) -> str | None:
    """CSV'en som tekst: UTF-8 med eller uden BOM, som Danmarks Statistik skriver den. En CSV,
    Excel har gemt igen i Windows' tegnsæt (cp1252), læses også, men kun når den så har FOLK1A's
    kolonner med Å og Ø (``OMRÅDE``, ``KØN``); kommunenavnene (Læsø, Brønderslev) kontrolleres
    derefter som altid. Ellers ``None``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        tekst = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return tekst if _hoved(tekst.splitlines()) == KOLONNER else None


def _felter(linje: str) -> list[str]:
    """Én linje delt ved semikolon; et felt i anførselstegn (Excel: "Læsø") uden dem."""
    return [f.strip() for f in next(csv.reader([linje], delimiter=";"), [])]


def _hoved(linjer: list[str]) -> tuple[str, ...]:
    return tuple(f.upper() for f in _felter(linjer[0])) if linjer else ()


def laes_fil(sti: Path) -> bytes:
    """En CSV gemt fra Danmarks Statistik: kun en almindelig fil, højst ``MAKS_SVAR`` byte."""
    return laes_bytes(sti, MAKS_SVAR, "for stor til at være FOLK1A for nogle kommuner")
