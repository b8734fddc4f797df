"""`tilsynstakst befolkning`: de 0-17-årige fra Danmarks Statistiks FOLK1A ind i budgetfilen.

`--hent` prøves mod optagne svar fra en rigtig HTTP-server på 127.0.0.1 (pytest-httpserver);
ingen test når internettet. Hver fejl efterlader filen byte for byte, som den var.
"""

import json
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner
from werkzeug import Response

from conftest import BUDGETS, fordel_resultat
from tilsynstakst.cli.app import app
from tilsynstakst.budgetfil.kommuner import ANDRE_NAVNE, KOMMUNEKODER, kommunekode
from tilsynstakst.budgetfil.laes import laes_budget

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "folk1a"
EKSEMPEL = (DATA / "nord-2024K2-eksempel.csv").read_bytes()
# Summerne pr. kommune i eksemplet (tests/data/folk1a/README.md): et eksempel, ikke DST's tal.
EKSEMPEL_SUMMER = {"Silkeborg": 21950, "Brønderslev": 7741, "Frederikshavn": 9978,
                   "Jammerbugt": 7512, "Læsø": 209, "Mariagerfjord": 7830, "Morsø": 3601,
                   "Rebild": 7355, "Thisted": 8342, "Vesthimmerland": 6955, "Aalborg": 40212}
NORD = {"Silkeborg": "740", "Brønderslev": "810", "Frederikshavn": "813", "Jammerbugt": "849",
        "Læsø": "825", "Mariagerfjord": "846", "Morsø": "773", "Rebild": "840",
        "Thisted": "787", "Vesthimmerland": "820", "Aalborg": "851"}


def kør(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def ny2025(mappe):
    fordel_resultat(mappe)
    assert kør("ny", 2025, "-b", mappe, "--pl", "3,2").exit_code == 0
    return mappe


@pytest.fixture
def dst(httpserver, monkeypatch):
    """Danmarks Statistiks API på 127.0.0.1; kommandoen finder den via TILSYNSTAKST_DST_URL."""
    monkeypatch.setenv("TILSYNSTAKST_DST_URL", httpserver.url_for("/v1"))
    monkeypatch.setenv("TILSYNSTAKST_DST_TIMEOUT", "1")
    return httpserver


def uden(data: bytes, tekst: str) -> bytes:
    return b"".join(linje for linje in data.splitlines(True) if tekst.encode() not in linje)


# Hvert forkert svar: (hvad serveren svarer, status, brudstykke af beskeden).
FORKERTE = {
    "http_500": (b'{"errorTypeCode":"ServerError","message":"Intern fejl i StatBank"}', 500,
                 "svarede HTTP 500 INTERNAL SERVER ERROR: Intern fejl i StatBank"),
    "kommune_mangler": (uden(EKSEMPEL, "Frederikshavn;"), 200,
                        "svaret passer ikke med budgetfilens kommuner: mangler Frederikshavn"),
    "kommune_for_meget": (EKSEMPEL + "Hjørring;I alt;0 år;I alt;2024K2;1000\r\n".encode(), 200,
                          "har kommuner, budgetfilen ikke har: Hjørring"),
    "forkert_kvartal": (EKSEMPEL.replace(b";2024K2;", b";2023K2;"), 200,
                        ":2: er for 2023K2, men budgettet skal bruge 2024K2"),
    "html": (b"<!DOCTYPE html><html><body>Vedligeholdelse</body></html>", 200,
             "er ikke en CSV fra FOLK1A med kolonnerne OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD, "
             "men HTML (første linje: '<!DOCTYPE html>"),
    "alder_mangler": (uden(EKSEMPEL, "Rebild;I alt;17 år"), 200,
                      "Rebild mangler alder 17 år; alle aldre 0-17 skal med"),
    "to_gange": (EKSEMPEL + "Læsø;I alt;3 år;I alt;2024K2;12\r\n".encode(), 200,
                 "Læsø, 3 år står to gange"),
    "ikke_tal": (EKSEMPEL.replace(";2024K2;200\r\n".encode(), ";2024K2;..\r\n".encode(), 1), 200,
                 "antallet '..' er ikke et helt tal"),
    "ikke_utf8": ("OMRÅDE;KØN".encode("latin-1"), 200, "svaret er ikke UTF-8-tekst"),
}


def test_hent_udfylder_befolkningen_og_rorer_intet_andet(dst, ny2025):
    dst.expect_request("/v1/data", method="POST").respond_with_data(EKSEMPEL,
                                                                     content_type="text/csv")
    foer = (ny2025 / "2025.toml").read_text(encoding="utf-8").splitlines()
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [
        f"Skrev [befolkning] i {ny2025 / '2025.toml'}: 121.685 0-17-årige i 11 kommuner, 2024K2.",
        f"Næste skridt: tilsynstakst tjek {ny2025}; tilsynstakst beregn 2025 -b {ny2025}"]
    # Forespørgslen: FOLK1A, filens kommuner ved deres koder, 0-17 år enkeltvis, 2. kvartal 2024.
    [(anmodning, _)] = dst.log
    krop = json.loads(anmodning.data)
    assert krop["table"] == "FOLK1A" and krop["format"] == "CSV"
    variabler = {v["code"]: v["values"] for v in krop["variables"]}
    assert variabler == {"OMRÅDE": list(NORD.values()), "KØN": ["TOT"],
                         "ALDER": [str(a) for a in range(18)], "CIVILSTAND": ["TOT"],
                         "Tid": ["2024K2"]}
    ny = laes_budget(ny2025 / "2025.toml")
    assert dict(ny.befolkning.kommuner) == EKSEMPEL_SUMMER and ny.befolkning.kvartal == "2024K2"
    assert ny.befolkning.kilde.startswith("Danmarks Statistik, FOLK1A: 0-17-årige")
    assert "(2024K2), hentet " in ny.befolkning.kilde
    # Kun kilde, kvartal og de 11 tal er ændret; hver anden linje står, som den stod.
    efter = (ny2025 / "2025.toml").read_text(encoding="utf-8").splitlines()
    assert len(efter) == len(foer)
    aendret = [(f, e) for f, e in zip(foer, efter) if f != e]
    assert len(aendret) == 13
    assert {e.split(" = ")[0].strip('"') for _, e in aendret} == \
        {"kilde", "kvartal", *EKSEMPEL_SUMMER}


def test_udkastets_kvartalsadvarsel_forsvinder(dst, ny2025):
    dst.expect_request("/v1/data").respond_with_data(EKSEMPEL)
    assert kør("befolkning", 2025, "-b", ny2025, "--hent").exit_code == 0
    r = kør("beregn", 2025, "-b", ny2025)
    assert r.exit_code == 0 and "befolkning.kvartal" not in r.stderr
    assert "filen er et udkast: 4 kilder" in r.stderr  # befolkningens kilde er udfyldt


@pytest.mark.parametrize("navn", FORKERTE)
def test_hent_et_forkert_svar_rorer_ikke_filen(dst, ny2025, navn):
    svar, status, besked = FORKERTE[navn]
    dst.expect_request("/v1/data").respond_with_data(svar, status=status)
    foer = (ny2025 / "2025.toml").read_bytes()
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 2 and besked in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert (ny2025 / "2025.toml").read_bytes() == foer


@pytest.mark.parametrize("navn", [n for n in FORKERTE if FORKERTE[n][1] == 200])
def test_fra_csv_et_forkert_svar_rorer_ikke_filen(ny2025, tmp_path, navn):
    svar, _, besked = FORKERTE[navn]
    (tmp_path / "folk1a.csv").write_bytes(svar)
    foer = (ny2025 / "2025.toml").read_bytes()
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", tmp_path / "folk1a.csv")
    assert r.exit_code == 2 and besked in r.stderr and str(tmp_path / "folk1a.csv") in r.stderr
    assert (ny2025 / "2025.toml").read_bytes() == foer


def test_hent_der_ikke_svarer_i_tide(dst, ny2025):
    def langsom(_):
        time.sleep(1.5)
        return Response(EKSEMPEL)

    dst.expect_request("/v1/data").respond_with_handler(langsom)
    foer = (ny2025 / "2025.toml").read_bytes()
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 2 and "svarede ikke inden for 1 sekunder" in r.stderr
    assert (ny2025 / "2025.toml").read_bytes() == foer


def test_hent_uden_netvaerk(ny2025, monkeypatch):
    import socket

    with socket.socket() as s:  # en port på 127.0.0.1, som ingen lytter på
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("TILSYNSTAKST_DST_URL", f"http://127.0.0.1:{port}/v1")
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 2 and "kan ikke nås (Connection refused); uden netværk: gem CSV'en " \
                                "i en browser og brug --fra-csv" in r.stderr


def test_fra_csv_udfylder_ligesom_hent(ny2025):
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", DATA / "nord-2024K2-eksempel.csv")
    assert r.exit_code == 0
    ny = laes_budget(ny2025 / "2025.toml")
    assert dict(ny.befolkning.kommuner) == EKSEMPEL_SUMMER
    assert re.search(r"\(2024K2\), indlæst \d{4}-\d\d-\d\d fra CSV-filen nord-2024K2-eksempel\.csv$",
                     ny.befolkning.kilde), ny.befolkning.kilde


EXCEL = DATA / "nord-2024K2-eksempel-excel-cp1252.csv"


def test_en_csv_gemt_igen_af_excel_i_cp1252_laeses(ny2025):
    """Excel gemmer i Windows' tegnsæt, uden BOM, med anførselstegn og en tom række (;;;;;)."""
    assert EXCEL.read_bytes().decode("cp1252").encode("utf-8") != EXCEL.read_bytes()
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", EXCEL)
    assert r.exit_code == 0, r.output
    assert dict(laes_budget(ny2025 / "2025.toml").befolkning.kommuner) == EKSEMPEL_SUMMER


def test_en_csv_uden_bom_med_anfoerselstegn_laeses(ny2025, tmp_path):
    tekst = EXCEL.read_bytes().decode("cp1252")
    (tmp_path / "folk1a.csv").write_bytes(tekst.encode("utf-8"))
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", tmp_path / "folk1a.csv")
    assert r.exit_code == 0, r.output
    assert dict(laes_budget(ny2025 / "2025.toml").befolkning.kommuner) == EKSEMPEL_SUMMER


def test_en_csv_i_et_andet_tegnsaet_afvises_med_hvordan_den_gemmes(ny2025, tmp_path):
    """Mac-tegnsættet har andre bytes for Å og Ø end cp1252: kolonnerne bliver ikke FOLK1A's, og
    intet læses med forkerte bogstaver."""
    tekst = EXCEL.read_bytes().decode("cp1252")
    (tmp_path / "folk1a.csv").write_bytes(tekst.encode("mac_roman"))
    foer = (ny2025 / "2025.toml").read_bytes()
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", tmp_path / "folk1a.csv")
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {tmp_path / 'folk1a.csv'}: svaret er ikke UTF-8-tekst og heller "
                        "ikke en CSV fra FOLK1A i Windows' tegnsæt (cp1252); gem CSV'en som UTF-8 "
                        "(i Excel: CSV UTF-8)\n")
    assert (ny2025 / "2025.toml").read_bytes() == foer


def test_en_cp1252_csv_med_et_forkert_kommunenavn_afvises(ny2025, tmp_path):
    tekst = EXCEL.read_bytes().decode("cp1252").replace('"Læsø"', '"Lasø"')
    (tmp_path / "folk1a.csv").write_bytes(tekst.encode("cp1252"))
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", tmp_path / "folk1a.csv")
    assert r.exit_code == 2
    assert "området 'Lasø' er ikke en kommune" in r.stderr


def test_notatets_befolkning_giver_notatets_finansiering(mappe):
    """Golden: FOLK1A for 2023K2 med notatets tal (s. 3) giver 2024-filen de samme 0-17-årige,
    og tjek afstemmer stadig alle 123 offentliggjorte tal som før (121 ens, 2 afrundinger; den
    tredje er kolonnen, der er afrundet pr. kommune)."""
    r = kør("befolkning", 2024, "-b", mappe, "--fra-csv", DATA / "nord-2023K2.csv")
    assert r.exit_code == 0
    gl, ny = laes_budget(BUDGETS / "2024.toml"), laes_budget(mappe / "2024.toml")
    assert ny.befolkning.kommuner == gl.befolkning.kommuner
    assert ny.model_dump(exclude={"befolkning"}) == gl.model_dump(exclude={"befolkning"})
    t = kør("tjek", mappe)
    assert t.exit_code == 0 and "123 offentliggjorte tal afstemt: 121 ens, 2 afrundingsforskelle" \
        in t.stdout


def test_en_kommune_danmarks_statistik_ikke_kender(mappe):
    from conftest import ret

    ret(mappe / "2024.toml", '"Aalborg" = 39978', '"Ålborg" = 39978')
    foer = (mappe / "2024.toml").read_bytes()
    r = kør("befolkning", 2024, "-b", mappe, "--fra-csv", DATA / "nord-2023K2.csv")
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {mappe / '2024.toml'}:72: befolkning.kommuner.Ålborg: skal være "
                        "en af Danmarks 98 kommuner, stavet som hos Danmarks Statistik, fik "
                        "'Ålborg'; mente du Aalborg?\n")
    assert (mappe / "2024.toml").read_bytes() == foer


def test_url_til_browseren(ny2025):
    r = kør("befolkning", 2025, "-b", ny2025, "--url")
    assert r.exit_code == 0
    assert r.stdout == ("https://api.statbank.dk/v1/data/FOLK1A/CSV?OMR%C3%85DE="
                        + ",".join(NORD.values()) + "&K%C3%98N=TOT&ALDER="
                        + ",".join(str(a) for a in range(18)) + "&CIVILSTAND=TOT&Tid=2024K2\n")


@pytest.mark.parametrize("valg", [[], ["--hent", "--url"]])
def test_praecis_en_kilde(ny2025, valg):
    r = kør("befolkning", 2025, "-b", ny2025, *valg)
    assert r.exit_code == 2 and "angiv præcis én af --hent, --fra-csv FIL og --url" in r.stderr


def test_en_csv_der_ikke_findes(ny2025):
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", ny2025 / "mangler.csv")
    assert r.exit_code == 2 and "mangler.csv: filen findes ikke" in r.stderr


@pytest.mark.parametrize("vaerdi", ["0", "abc", "1.5", "601"])
def test_en_ugyldig_timeout(ny2025, monkeypatch, vaerdi):
    monkeypatch.setenv("TILSYNSTAKST_DST_TIMEOUT", vaerdi)
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 2 and "TILSYNSTAKST_DST_TIMEOUT: skal være et helt antal sekunder " \
                                "(1-600)" in r.stderr


def test_alle_98_kommuner_med_entydige_koder_og_navne():
    assert len(KOMMUNEKODER) == 98 and len(set(KOMMUNEKODER.values())) == 98
    assert all(len(k) == 3 and k.isdigit() for k in KOMMUNEKODER.values())
    assert set(ANDRE_NAVNE.values()) <= set(KOMMUNEKODER.values())
    assert not set(ANDRE_NAVNE) & set(KOMMUNEKODER)
    # Kendte koder (docs/budgetfil.md) og Socialtilsyn Nords område, som budgetfilerne skriver det.
    assert (KOMMUNEKODER["Aalborg"], KOMMUNEKODER["Silkeborg"], KOMMUNEKODER["Læsø"]) == \
        ("851", "740", "825")
    for aar in (2023, 2024):
        for navn in laes_budget(BUDGETS / f"{aar}.toml").befolkning.kommuner:
            assert kommunekode(navn) == NORD[navn]


def test_en_server_der_drypper_bytes_standses_af_den_samlede_tidsgraense(ny2025, monkeypatch):
    """urllibs timeout gælder hver læsning; en server, der sender én byte i sekundet, skal stadig
    standses efter TILSYNSTAKST_DST_TIMEOUT sekunder i alt (fundet i en fjendtlig afprøvning)."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def dryp():
        forbindelse, _ = server.accept()
        with forbindelse:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n":
                if stop.wait(0.5):
                    return
                forbindelse.sendall(bytes([byte]))

    threading.Thread(target=dryp, daemon=True).start()
    monkeypatch.setenv("TILSYNSTAKST_DST_URL", f"http://127.0.0.1:{server.getsockname()[1]}/v1")
    monkeypatch.setenv("TILSYNSTAKST_DST_TIMEOUT", "1")
    start = time.monotonic()
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    stop.set()
    server.close()
    assert time.monotonic() - start < 5
    assert r.exit_code == 2 and "svarede ikke inden for 1 sekunder" in r.stderr


@pytest.mark.parametrize("adresse", ["ikke en adresse", "http://[::1", "http://x\x1b[31m/"])
def test_en_ubrugelig_adresse_er_en_inputfejl_ikke_en_intern_fejl(ny2025, monkeypatch, adresse):
    monkeypatch.setenv("TILSYNSTAKST_DST_URL", adresse)
    r = kør("befolkning", 2025, "-b", ny2025, "--hent")
    assert r.exit_code == 2 and "intern fejl" not in r.stderr and "\x1b" not in r.stderr, r.stderr


def test_fra_csv_med_en_fifo_blokerer_ikke(ny2025, tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo.csv")
    r = kør("befolkning", 2025, "-b", ny2025, "--fra-csv", tmp_path / "fifo.csv")
    assert r.exit_code == 2 and "er ikke en almindelig fil" in r.stderr


def test_befolkning_uden_aarets_og_det_forrige_aars_fil_siger_hvorfor(mappe):
    r = kør("befolkning", 2027, "-b", mappe, "--hent")
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {mappe / '2027.toml'}: filen findes ikke, og heller ikke "
                        "2026.toml, som ny starter 2027 fra; start først 2026 (eller vælg et "
                        "andet år)\n")
