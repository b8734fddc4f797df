"""Takstbladet og notatet som dokumenter, læseren beholder (issue 23, punkt 3 og 4):
``takstblad AAR -o t.docx`` (én A4-side, tjekket med LibreOffice), ``takstblad AAR -o t.html`` og
``notat AAR -o n.html`` (én selvstændig, tilgængelig side, tjekket i headless Chromium ved 1280
og 375 px), og tekst fra budgetfilen, der aldrig bliver HTML."""

import html
import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, ROD, ret
from test_notat import NOTATETS_SAETNINGER, NOTATETS_TAL, _normal
from test_notat_2024 import FINANSIERING
from test_takstblad import BPA_TIMER, TILSYN_2024, TIMEPRIS_2024
from tilsynstakst.cli.app import app

runner = CliRunner()

# Notat Budget 2024, s. 3-4: takst pr. tilbud 2023 (i 2024-priser) og 2024, timeprisen begge år
# og BPA-timerne; skærpet tilsyn er 10 % af tilsynstaksten pr. påbegyndt måned (§ 33), og
# BPA-taksten er timer × timepris (13 × 672 og 36 × 672).
TILSYN_2023_I_2024_PRISER = ("42.884", "51.461", "85.768", "128.653")
SKAERPET_2024 = ("4.385", "5.262", "8.770", "13.156")
BPA_2024 = ("8.736", "24.192")
TIMEPRIS_2023_I_2024_PRISER = "635"
KILDENS_TAL = (*TILSYN_2024, *SKAERPET_2024, *BPA_2024, TIMEPRIS_2024,
               TIMEPRIS_2023_I_2024_PRISER)


def _koer(*args: str) -> None:
    r = runner.invoke(app, [*args])
    assert r.exit_code == 0, r.stderr


def _dansk(x) -> str:
    """Et tal fra JSON i takstbladets format: 43852 → '43.852', 2.3 → '2,3 %'."""
    if isinstance(x, float) or (isinstance(x, str) and "." in x):
        return f"{x}".replace(".", ",") + "\u00a0%"
    return f"{int(x):,}".replace(",", ".")


def takstbladets_tal(aar: int = 2024, med_aaret_foer: bool = True) -> list[str]:
    """Hvert tal, takstbladet regner (``takstblad --format json``): budgetårets takster pr.
    takstgruppe, BPA og timeprisen, med året før også dets takster og ændringen i procent."""
    r = runner.invoke(app, ["takstblad", str(aar), "-b", str(BUDGETS), "--format", "json"])
    data = json.loads(r.stdout)
    aktiviteter = ("tilsyn", "skaerpet_tilsyn_pr_maaned", "nygodkendelse", "vaesentlig_aendring")
    aarene = [data] + ([data["forrige_aar"]] if med_aaret_foer else [])
    tal = [_dansk(a["timepris"]) for a in [data, data["forrige_aar"]]]
    for a in aarene:
        tal += [_dansk(g[n]) for g in a["takstgrupper"] for n in aktiviteter]
    tal += [_dansk(data["bpa"][n]) for n in ("tilsyn", "nygodkendelse")]
    tal += [_dansk(g[n]) for g in data["aendring_pct"] for n in aktiviteter]
    return tal


def _normaliseret(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").split())


# --- Word: én A4-side --------------------------------------------------------------------------

def _libreoffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) og poppler (pdfinfo, pdftotext) er ikke installeret: "
                    "apt-get install libreoffice-writer poppler-utils (.ci/run gør det)")
    return soffice


def _pdf(docx: Path) -> Path:
    """Word-filen sat op som sider af LibreOffice (sin egen profil, så samtidige kørsler ikke
    deler lås)."""
    soffice = _libreoffice()
    profil = docx.parent / "lo-profil"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profil}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return docx.with_suffix(".pdf")


@pytest.fixture(scope="module")
def takstblad_pdf(tmp_path_factory) -> tuple[int, str]:
    mappe = tmp_path_factory.mktemp("docx")
    _koer("takstblad", "2024", "-b", str(BUDGETS), "-o", str(mappe / "takstblad.docx"))
    pdf = _pdf(mappe / "takstblad.docx")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    sider = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    return sider, tekst


def test_takstbladet_i_word_er_een_a4_side(takstblad_pdf):
    sider, _ = takstblad_pdf
    assert sider == 1


def test_takstbladet_i_word_har_tilsynet_aaret_hver_takst_opkraevningen_og_hjemmelen(
        takstblad_pdf):
    _, tekst = takstblad_pdf
    tekst = _normaliseret(tekst)
    assert "Socialtilsyn Nord – Takstblad 2024" in tekst
    for tal in (*KILDENS_TAL, *takstbladets_tal(med_aaret_foer=False)):
        assert re.search(rf"(?<![\d.,]){re.escape(_normaliseret(tal))}(?![\d.,])", tekst), tal
    for linje in ("Hvornår taksterne opkræves", "Nygodkendelse: én gang",
                  "for hver påbegyndt måned", "lov om socialtilsyn § 23",
                  "socialtilsynsbekendtgørelsen §§ 32-33"):
        assert linje in tekst, linje


def test_takstblad_docx_og_format_modsiger_hinanden(tmp_path):
    r = runner.invoke(app, ["takstblad", "2024", "-b", str(BUDGETS), "-f", "csv",
                            "-o", str(tmp_path / "t.docx")])
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {tmp_path / 't.docx'}: --format csv passer ikke til endelsen "
                        ".docx (Word); ret endelsen, eller udelad --format\n")


def test_takstblad_docx_overskriver_ikke(tmp_path):
    fil = tmp_path / "t.docx"
    fil.write_bytes(b"tilsynets egen fil")
    r = runner.invoke(app, ["takstblad", "2024", "-b", str(BUDGETS), "-o", str(fil)])
    assert r.exit_code == 2 and "--overskriv" in r.stderr
    assert fil.read_bytes() == b"tilsynets egen fil"
    _koer("takstblad", "2024", "-b", str(BUDGETS), "-o", str(fil), "--overskriv")
    assert fil.read_bytes().startswith(b"PK")


# --- HTML: selvstændig og tilgængelig ------------------------------------------------------------

class _Elementer(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elementer: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elementer.append((tag, dict(attrs)))


def _elementer(side: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Elementer()
    p.feed(side)
    return p.elementer


def _tekst(side: str) -> str:
    """Sidens synlige tekst: uden <head> (titel og typografi), uden mærker, entiteter læst."""
    krop = side[side.index("<body>"):]
    return _normaliseret(html.unescape(re.sub(r"<[^>]+>", " ", krop)))


@pytest.fixture(scope="module")
def takstblad_html(tmp_path_factory) -> Path:
    fil = tmp_path_factory.mktemp("html") / "takstblad.html"
    _koer("takstblad", "2024", "-b", str(BUDGETS), "-o", str(fil))
    return fil


@pytest.fixture(scope="module")
def notat_html(tmp_path_factory) -> Path:
    """2024-notatet afrundede hver kommune for sig (README: Hvad tabellerne betyder)."""
    fil = tmp_path_factory.mktemp("html") / "notat.html"
    _koer("notat", "2024", "-b", str(BUDGETS), "--afrunding", "simpel", "-o", str(fil))
    return fil


def _selvstaendig_og_tilgaengelig(side: str) -> None:
    elementer = _elementer(side)
    navne = [e for e, _ in elementer]
    assert side.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "da"}) in elementer
    assert ("meta", {"charset": "utf-8"}) in elementer
    assert any(e == "meta" and a.get("name") == "viewport" and "width=device-width" in a["content"]
               for e, a in elementer)
    # Intet script, ingen ydre ressourcer: ingen links, billeder, rammer eller adresser.
    for forbudt in ("script", "link", "img", "iframe", "object", "embed", "source", "base"):
        assert forbudt not in navne, forbudt
    assert not re.search(r"https?:|url\(|@import|//[a-z]", side, re.I)
    assert navne.count("style") == 1
    assert all(not k.startswith("on") for _, a in elementer for k in a)
    # Rigtige tabeller: titlen som caption, kolonner og rækker med scope.
    assert navne.count("table") == navne.count("caption") >= 1
    scopes = [a.get("scope") for e, a in elementer if e == "th"]
    assert "col" in scopes and "row" in scopes and None not in scopes
    # Overskrifter uden spring i niveau.
    niveauer = [int(e[1]) for e in navne if re.fullmatch(r"h[1-6]", e)]
    assert niveauer[0] == 1 and niveauer.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(niveauer, niveauer[1:]))


def test_takstbladet_som_html_er_selvstaendigt_og_tilgaengeligt(takstblad_html):
    side = takstblad_html.read_text(encoding="utf-8")
    _selvstaendig_og_tilgaengelig(side)
    assert "td{text-align:right" in side  # tallene højrestillet
    tekst = _tekst(side)
    assert "Socialtilsyn Nord – Takstblad 2024" in tekst
    for tal in (*KILDENS_TAL, *TILSYN_2023_I_2024_PRISER, *takstbladets_tal()):
        assert f">{html.escape(tal)}<" in side or f">{tal}<" in side, tal
    assert "socialtilsynsbekendtgørelsen §§ 32-33" in tekst.replace("\u00a0", " ")
    # "§ 32" og "10 %" brydes aldrig af browseren (et fast mellemrum, som i Word og Markdown)
    assert "§\u00a032" in side and "10\u00a0%" in side and "§ 32" not in side


def test_notatet_som_html_har_hvert_tal_fra_2024_notatet(notat_html):
    side = notat_html.read_text(encoding="utf-8")
    _selvstaendig_og_tilgaengelig(side)
    tekst = _normal(_tekst(side))
    for udsagn in (*NOTATETS_SAETNINGER, *NOTATETS_TAL):
        assert _normaliseret(udsagn) in tekst, udsagn
    for kommune, (_, _, foer, _, _, nu) in FINANSIERING.items():
        for beloeb in (foer, nu):
            assert f"{beloeb:,}".replace(",", ".") in tekst, (kommune, beloeb)
        assert f"<th scope=\"row\">{kommune}</th>" in side
    # Som Word-notatet: hovedet, tabelteksterne uden dobbelte overskrifter, og bilagets tabel
    # over de kalibrerede værdier (brugerprøven: HTML manglede hovedet og Tabel 10).
    assert "<strong>Sagsnr.:</strong> 2023-052085" in side
    assert "<caption>Tabel\u00a02</caption>" in side
    assert "<caption>Tabel\u00a010: Kalibrerede værdier</caption>" in side


def test_html_via_format_og_endelse_i_beregn(tmp_path):
    fil = tmp_path / "b.htm"
    _koer("beregn", "2024", "-b", str(BUDGETS), "-o", str(fil))
    _selvstaendig_og_tilgaengelig(fil.read_text(encoding="utf-8"))
    r = runner.invoke(app, ["takstblad", "2024", "-b", str(BUDGETS), "--format", "html"])
    assert r.exit_code == 0 and r.stdout.startswith("<!DOCTYPE html>")
    assert "Hjemmel:" in r.stdout
    r = runner.invoke(app, ["beregn", "2024", "-b", str(BUDGETS), "-f", "json",
                            "-o", str(tmp_path / "b.html")])
    assert r.exit_code == 2 and "--format json passer ikke til endelsen .html" in r.stderr


FJENDTLIG = '<script>alert(1)</script><img src="https://x.example/y.png" onerror="z()"> & "ok"'
TOML_FJENDTLIG = FJENDTLIG.replace('"', '\\"')  # i en TOML-streng med anførselstegn


def test_tekst_fra_budgetfilen_bliver_aldrig_html(mappe):
    """En kilde og en post med markup: som tekst på siden, aldrig som et element."""
    ret(mappe / "2024.toml", 'kilde = "Notat Budget 2024 - Socialtilsyn Nord',
        f'kilde = "{TOML_FJENDTLIG} Notat Budget 2024 - Socialtilsyn Nord')
    _koer("notat", "2024", "-b", str(mappe), "-o", str(mappe / "n.html"))
    opbygning = mappe / "opbygning"
    shutil.copytree(ROD / "eksempler" / "opbygning", opbygning)
    ret(opbygning / "2024.toml", 'post = "Løn, tilsynskonsulenter, tilbud"',
        f'post = "{TOML_FJENDTLIG}"')
    _koer("beregn", "2024", "-b", str(opbygning), "-o", str(mappe / "b.html"))
    for fil in (mappe / "n.html", mappe / "b.html"):
        side = fil.read_text(encoding="utf-8")
        navne = [e for e, _ in _elementer(side)]
        assert "script" not in navne and "img" not in navne
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&quot;https:" in side
        assert FJENDTLIG in _tekst(side)


# --- I en rigtig browser: 1280 og 375 px ---------------------------------------------------------

# Målingen i siden, af testen gennem DevTools-protokollen (siden selv har intet script).
MAALING = """JSON.stringify({bredde: window.innerWidth,
  rulbredde: document.documentElement.scrollWidth,
  hoejre: Math.max(...[...document.querySelectorAll("table, th, td, caption, p, li, h1, h2, h3")]
    .map(e => e.getBoundingClientRect().right)),
  tekst: document.body.innerText})"""


def _chromium() -> str:
    for navn in ("chromium", "chromium-browser", "google-chrome"):
        if sti := shutil.which(navn):
            return sti
    pytest.skip("headless Chromium er ikke installeret: apt-get install chromium (.ci/run gør "
                "det)")


class _DevTools:
    """Headless Chromium styret gennem DevTools-protokollen over et rør (--remote-debugging-pipe:
    Chromium læser fd 3 og skriver fd 4, én JSON-besked pr. NUL). Kun standardbiblioteket.
    ``--window-size`` kan ikke bruges til 375 px: Chromium lægger siden ud i mindst 500 px og
    beskærer blot skærmbilledet; ``Emulation.setDeviceMetricsOverride`` giver den rigtige
    bredde."""

    def __init__(self, mappe: Path) -> None:
        import os

        til_chromium, self._skriv = os.pipe()
        self._laes, fra_chromium = os.pipe()
        self._proces = subprocess.Popen(
            ["bash", "-c", 'exec 3<&"$1" 4>&"$2"; shift 2; exec "$@"', "_", str(til_chromium),
             str(fra_chromium), _chromium(), "--headless", "--no-sandbox", "--disable-gpu",
             "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={mappe}",
             "about:blank"],
            pass_fds=(til_chromium, fra_chromium), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(til_chromium)
        os.close(fra_chromium)
        self._buffer, self._naeste = b"", 0
        self.session = None

    def __call__(self, metode: str, **params) -> dict:
        import os

        self._naeste += 1
        besked = {"id": self._naeste, "method": metode, "params": params}
        if self.session:
            besked["sessionId"] = self.session
        os.write(self._skriv, json.dumps(besked).encode() + b"\0")
        while True:
            svar = self._besked()
            if svar.get("id") == self._naeste:
                assert "error" not in svar, svar
                return svar["result"]

    def vent(self, haendelse: str) -> None:
        while self._besked().get("method") != haendelse:
            pass

    def _besked(self) -> dict:
        import os

        while b"\0" not in self._buffer:
            stykke = os.read(self._laes, 1 << 20)
            assert stykke, "Chromium lukkede røret"
            self._buffer += stykke
        besked, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(besked)

    def luk(self) -> None:
        try:
            self.session = None
            self("Browser.close")
        finally:
            self._proces.wait(timeout=30)


def _i_browseren(side: Path, bredde: int, mappe: Path) -> tuple[dict, bytes]:
    """Siden i headless Chromium med en skærm på ``bredde`` px: målingen og et skærmbillede."""
    import base64

    chrome = _DevTools(mappe / "profil")
    try:
        maal = chrome("Target.createTarget", url="about:blank")["targetId"]
        chrome.session = chrome("Target.attachToTarget", targetId=maal, flatten=True)["sessionId"]
        chrome("Emulation.setDeviceMetricsOverride", width=bredde, height=2000,
               deviceScaleFactor=1, mobile=bredde < 500)
        chrome("Page.enable")
        chrome("Page.navigate", url=side.as_uri())
        chrome.vent("Page.loadEventFired")
        maaling = json.loads(chrome("Runtime.evaluate", expression=MAALING,
                                    returnByValue=True)["result"]["value"])
        png = base64.b64decode(chrome("Page.captureScreenshot", format="png")["data"])
    finally:
        chrome.luk()
    (mappe / f"{side.stem}-{bredde}.png").write_bytes(png)
    return maaling, png


def _png_bredde(png: bytes) -> int:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">I", png[16:20])[0]


@pytest.mark.parametrize("bredde", [1280, 375])
def test_takstbladet_i_chromium_uden_vandret_rulning_og_med_hvert_tal(takstblad_html, tmp_path,
                                                                      bredde):
    maaling, png = _i_browseren(takstblad_html, bredde, tmp_path)
    assert _png_bredde(png) == bredde
    assert maaling["bredde"] == bredde
    assert maaling["rulbredde"] <= bredde, maaling["rulbredde"]
    assert maaling["hoejre"] <= bredde, maaling["hoejre"]
    tekst = _normaliseret(maaling["tekst"])
    for tal in (*KILDENS_TAL, *TILSYN_2023_I_2024_PRISER, *takstbladets_tal()):
        assert _normaliseret(tal) in tekst, tal


def test_notatet_i_chromium_paa_en_telefon_uden_vandret_rulning(notat_html, tmp_path):
    maaling, _ = _i_browseren(notat_html, 375, tmp_path)
    assert maaling["rulbredde"] <= 375 and maaling["hoejre"] <= 375, maaling
    tekst = _normal(_normaliseret(maaling["tekst"]))
    for _, (_, _, foer, _, _, nu) in FINANSIERING.items():
        assert f"{nu:,}".replace(",", ".") in tekst and f"{foer:,}".replace(",", ".") in tekst
