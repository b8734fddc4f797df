"""``tilsynstakst oversigt AAR MAPPE...`` (issue 22, punkt 5): landsoversigten "Oversigt over
socialtilsynenes takster i 2023 og 2022" af én budgetmappe pr. socialtilsyn.

Kilden er landsoversigten (KKR Nordjylland 2022, bilag til pkt. 3.3; docs/kilder.md): Tabel 1
for alle fem socialtilsyn og Tabel 2a (Nord), 2b (Midt) og 2e (Hovedstaden). Tallene nedenfor
er tastet fra den, som de står der; testen sammenligner hver celle i hvert format med dem.
"""

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ROD, beregn_rapport, ret
from tilsynstakst.beregning.oversigt import alle_kategorier, tilsynet
from tilsynstakst.beregning.sammenligning import aendring
from tilsynstakst.beregning.spor import optag
from tilsynstakst.cli.app import app

runner = CliRunner()

# Tabel 1, rækken "Socialtilsyn Nord": objektiv finansiering 2023, 2022 (2023-priser), ændring i
# pct.; plejefamilier inkl. nygodkendelsessager 2023, 2022, ændring i pct.
TABEL_1_NORD = ("17.654.409", "19.270.299", "-8,4", "990", "1.070", "-7,5")
# Tabel 1, rækken "Socialtilsyn Syd" (testens Syd-mappe har disse to budgetter og antal).
TABEL_1_SYD = ("31.731.001", "31.307.640", "1,4", "1.700", "1.745", "-2,6")
# Tabel 2a, Socialtilsyn Nord (2023-priser): Tilsyn, Skærpet, Ny-godkendelse, Væsentlig ændring.
TAKSTER_2023 = (("41.057", "4.106", "34.677", "11.072"), ("49.269", "4.927", "41.612", "13.287"),
                ("82.114", "8.211", "69.353", "22.145"), ("123.172", "12.317", "104.030", "33.217"))
TAKSTER_2022 = (("37.929", "3.793", "33.916", "10.882"), ("45.515", "4.552", "40.700", "13.058"),
                ("75.859", "7.586", "67.833", "21.763"), ("113.788", "11.379", "101.749", "32.645"))
ALLE_KATEGORIER_2A = ("8,2", "8,2", "2,2", "1,7")
# Tabel 2a, "Antal tilbud inkl. nygodkendelsessager": 2023, 2022, ændring i pct.; og I alt.
ANTAL_2A = (("53", "64", "-17,2"), ("146", "155", "-5,8"), ("49", "52", "-5,8"),
            ("10", "11", "-9,1"))
I_ALT_2A = ("258", "282", "-8,5")

PLADSER = ("1-7", "8-24", "25-49", "50+")
KATEGORIER = tuple(f"Takstkategori {g + 1} ({p} pladser)" for g, p in enumerate(PLADSER))


def kilde(tekst: str) -> Decimal:
    """Et tal, som kilden trykker det (41.057; -8,4), som Decimal."""
    return Decimal(tekst.replace(".", "").replace(",", "."))


def dansk(tekst: str) -> Decimal:
    """En celle i dansk format (41.057; -8,4 %) som Decimal."""
    return kilde(tekst.replace("\xa0", " ").removesuffix("%").strip())


# Tabellerne, testen læser, som (nøgle, rækkenavn) → celler; nøglen er tabellens titel til kolonet
# eller "antal" for Tabel 2a's antal tilbud.
def forventet() -> dict[tuple[str, str], tuple[Decimal, ...]]:
    tabeller: dict[tuple[str, str], tuple[str, ...]] = {("Tabel 1", "Socialtilsyn Nord"): TABEL_1_NORD}
    for aar, takster in (("2023", TAKSTER_2023), ("2022", TAKSTER_2022)):
        for navn, raekke in zip(KATEGORIER, takster):
            tabeller["Tabel 2a", f"Takster {aar}: {navn}"] = raekke
    tabeller["Tabel 2a", "Ændring i pct.: Alle kategorier"] = ALLE_KATEGORIER_2A
    for navn, raekke in zip(KATEGORIER, ANTAL_2A):
        tabeller["Tabel 2a antal", navn] = raekke
    tabeller["Tabel 2a antal", "I alt"] = I_ALT_2A
    return {k: tuple(map(kilde, v)) for k, v in tabeller.items()}


def _noegle(titel: str) -> str:
    nr = titel.split(":")[0]
    return f"{nr} antal" if "antal tilbud" in titel else nr


def oversigt(*args: str) -> subprocess.CompletedProcess:
    """``tilsynstakst oversigt 2023 budgets ARGS`` gennem den rigtige indgang (``python -m``)."""
    r = subprocess.run([sys.executable, "-m", "tilsynstakst", "oversigt", "2023", "budgets",
                        *args], cwd=ROD, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    return r


def celler_tekst(tekst: str) -> dict[tuple[str, str], tuple[Decimal, ...]]:
    """Terminalens tabeller (ren tekst i 200 tegns bredde): titel, overskrift, streg, rækker."""
    ud = {}
    for blok in tekst.split("\n\n"):
        linjer = blok.strip("\n").splitlines()
        if len(linjer) < 4 or not linjer[0].startswith("Tabel") or set(linjer[2]) != {"─"}:
            continue
        for linje in linjer[3:]:
            m = re.fullmatch(r"(.+?)((?:\s{2,}-?[\d.,]+(?:\s%)?)+)", linje)
            if m:
                ud[_noegle(linjer[0]), m.group(1)] = tuple(
                    map(dansk, re.findall(r"-?[\d.,]+", m.group(2))))
    return ud


def celler_markdown(md: str) -> dict[tuple[str, str], tuple[Decimal, ...]]:
    ud = {}
    for titel, tabel in re.findall(r"^### (.+)\n\n((?:\|.*\|\n)+)", md, flags=re.M):
        for linje in tabel.splitlines()[2:]:
            navn, *celler = [c.strip() for c in linje.strip("|").split("|")]
            ud[_noegle(titel), navn] = tuple(map(dansk, celler))
    return ud


def celler_csv(data: bytes) -> dict[tuple[str, str], tuple[Decimal, ...]]:
    raekker = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert raekker[0] == ["tabel", "række", "kolonne", "værdi", "enhed"]
    ud: dict[tuple[str, str], tuple[Decimal, ...]] = {}
    for titel, navn, _, vaerdi, _ in raekker[1:]:
        k = (_noegle(titel), navn)
        ud[k] = ud.get(k, ()) + (Decimal(vaerdi.replace(",", ".")),)
    return ud


def celler_xlsx(fil) -> dict[tuple[str, str], tuple[Decimal, ...]]:
    bog = openpyxl.load_workbook(fil)
    ud = {}
    for ark, noegle in (("Tabel 1", "Tabel 1"), ("Tabel 2a takster", "Tabel 2a"),
                        ("Tabel 2a antal tilbud", "Tabel 2a antal")):
        for navn, *celler in bog[ark].iter_rows(min_row=5):
            if navn.value and any(c.value is not None for c in celler):
                # en procent er gemt som brøk med procentformat (issue 23): -0,084 er -8,4 %
                ud[noegle, navn.value] = tuple(
                    Decimal(str(c.value)).scaleb(2 if c.number_format.endswith("%") else 0)
                    for c in celler if c.value is not None)
    return ud


def celler_docx(fil) -> dict[tuple[str, str], tuple[Decimal, ...]]:
    import docx

    dokument = docx.Document(fil)
    # Word-teksten har faste mellemrum, hvor to dele hører sammen ("Tabel 1", "§ 33")
    titler = [p.text.replace("\u00a0", " ") for p in dokument.paragraphs
              if p.style.name == "Caption"]
    ud = {}
    for titel, tabel in zip(titler, dokument.tables, strict=True):
        for raekke in tabel.rows[1:]:
            navn, *celler = [c.text.replace("\u00a0", " ") for c in raekke.cells]
            ud[_noegle(titel), navn] = tuple(map(dansk, celler))
    return ud


def _samme(fundet: dict, format_: str) -> None:
    for k, v in forventet().items():
        assert fundet.get(k) == v, (format_, k, fundet.get(k))


def test_tabel_1_og_2a_i_terminalen():
    r = oversigt()
    assert r.stderr == b""
    _samme(celler_tekst(r.stdout.decode()), "tabel")


def test_tabel_1_og_2a_i_markdown():
    _samme(celler_markdown(oversigt("-f", "markdown").stdout.decode()), "markdown")


def test_tabel_1_og_2a_i_csv():
    _samme(celler_csv(oversigt("-f", "csv").stdout), "csv")


def test_tabel_1_og_2a_i_xlsx(tmp_path):
    fil = tmp_path / "oversigt.xlsx"
    oversigt("-o", str(fil))
    assert openpyxl.load_workbook(fil).sheetnames == ["Tabel 1", "Tabel 2a takster",
                                                     "Tabel 2a antal tilbud"]
    _samme(celler_xlsx(fil), "xlsx")


def test_tabel_1_og_2a_som_word_bilag_med_oversigtens_tabelnumre(tmp_path):
    fil = tmp_path / "bilag.docx"
    r = oversigt("-o", str(fil))
    assert f"Skrev {fil}" in r.stderr.decode()
    _samme(celler_docx(fil), "docx")
    import docx

    titler = [p.text for p in docx.Document(fil).paragraphs if p.style.name == "Caption"]
    assert [t.split(":")[0] for t in titler] == ["Tabel\u00a01", "Tabel\u00a02a", "Tabel\u00a02a"]
    # En fil, der findes, erstattes kun med --overskriv (som de andre kommandoer).
    foer = fil.read_bytes()
    r = runner.invoke(app, ["oversigt", "2023", str(BUDGETS), "-o", str(fil)])
    assert r.exit_code == 2 and "--overskriv" in r.stderr and fil.read_bytes() == foer
    assert runner.invoke(app, ["oversigt", "2023", str(BUDGETS), "-o", str(fil),
                               "--overskriv"]).exit_code == 0


def test_word_og_et_andet_format_er_en_fejl_foer_der_regnes(tmp_path):
    r = runner.invoke(app, ["oversigt", "2023", "findes-ikke", "-f", "csv", "-o",
                            str(tmp_path / "b.docx")])
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {tmp_path / 'b.docx'}: --format csv passer ikke til endelsen "
                        ".docx (Word); ret endelsen, eller udelad --format\n")


def test_tabel_1_og_2a_i_json():
    data = json.loads(oversigt("-f", "json").stdout, parse_float=Decimal)
    assert (data["aar"], data["prisniveau"]) == (2023, 2023)
    [nord] = data["socialtilsyn"]
    assert (nord["tilsyn"], nord["tabel"], nord["mappe"]) == ("Socialtilsyn Nord", "2a",
                                                             "budgets")
    f, p = nord["objektiv_finansiering"], nord["plejefamilier_i_alt"]
    assert (f["budgetaar"], f["forrige"], f["pct"], p["budgetaar"], p["forrige"], p["pct"]) == \
        tuple(map(kilde, TABEL_1_NORD))
    aktiviteter = ("tilsyn", "skaerpet_tilsyn_pr_maaned", "nygodkendelse", "vaesentlig_aendring")
    for i, a in enumerate(aktiviteter):
        assert [g["budgetaar"] for g in nord["takster"][a]] == [kilde(r[i]) for r in TAKSTER_2023]
        assert [g["forrige"] for g in nord["takster"][a]] == [kilde(r[i]) for r in TAKSTER_2022]
        assert nord["alle_kategorier"][a]["pct"] == kilde(ALLE_KATEGORIER_2A[i])
    assert [(g["budgetaar"], g["forrige"], g["pct"]) for g in nord["tilbud_i_alt"]] == [
        tuple(map(kilde, r)) for r in ANTAL_2A]
    i_alt = nord["tilbud_i_alt_samlet"]
    assert (i_alt["budgetaar"], i_alt["forrige"], i_alt["pct"]) == tuple(map(kilde, I_ALT_2A))
    # Takstgrupperne er uenige om skærpet (8,2-8,3) og væsentlig ændring (1,7-1,8), og det
    # står i data, ikke kun i tabellens note.
    uenige = {a: (k["laveste"], k["hoejeste"]) for a, k in nord["alle_kategorier"].items()
              if not k["enige"]}
    assert uenige == {"skaerpet_tilsyn_pr_maaned": (Decimal("8.2"), Decimal("8.3")),
                      "vaesentlig_aendring": (Decimal("1.7"), Decimal("1.8"))}


def test_tabellen_siger_naar_takstgrupperne_er_uenige_om_procenten():
    md = oversigt("-f", "markdown").stdout.decode().replace("\xa0", " ")
    note = md.split("### Tabel 2a: Socialtilsyn Nord (2023-priser)")[1].split("###")[0]
    assert ("Takstkategorierne giver ikke samme ændring i pct. for alle aktiviteter: skærpet "
            "8,2 % til 8,3 %, væsentlig ændring 1,7 % til 1,8 %.") in note
    # 2024 i 2024-priser: hver aktivitet ændres lige meget i alle fire takstkategorier.
    r = runner.invoke(app, ["oversigt", "2024", str(BUDGETS), "-f", "markdown"])
    assert r.exit_code == 0 and "Takstkategorierne giver ikke" not in r.stdout


def test_visningen_regner_ikke_hvert_tal_i_tabellerne_staar_i_resultatet():
    from tilsynstakst.aaret.oversigt import beregn_oversigt
    from tilsynstakst.jsondata import som_data
    from tilsynstakst.visning.oversigt import oversigtsvisning

    o = beregn_oversigt(2023, [BUDGETS])
    v = oversigtsvisning(o.oversigt, o.mapper, o.rapporter)
    tal: set[object] = set()

    def saml(x: object) -> None:
        if isinstance(x, dict):
            for y in x.values():
                saml(y)
        elif isinstance(x, list):
            for y in x:
                saml(y)
        elif isinstance(x, (int, Decimal)) and not isinstance(x, bool):
            tal.add(Decimal(x))

    saml(som_data(v.data))
    vist = {Decimal(c.vaerdi) for t in v.tabeller for _, celler in t.raekker for c in celler
            if c.vaerdi is not None}
    assert vist <= tal


def test_alle_kategorier_er_sporet_og_kan_forklares():
    r = beregn_rapport(BUDGETS, 2023)
    with optag() as spor:
        t = tilsynet(r)
    trin = spor.trin["aendringer.alle_kategorier.skaerpet_tilsyn_pr_maaned"]
    assert trin.vaerdi == t.alle_kategorier["skaerpet_tilsyn_pr_maaned"].pct == Decimal("8.2")
    assert trin.led == ("aendringer.takster.tilsyn.0.pct",)
    assert "takstgruppe 1" in trin.regel and "§ 33" in trin.regel


# --- "Alle kategorier": reglen mod de tre offentliggjorte tabeller ---------------------------

def _rapport(takster: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]):
    """Det, ``alle_kategorier`` læser af en rapport: ændringerne i taksterne pr. takstgruppe."""
    return SimpleNamespace(aendringer=SimpleNamespace(takster={
        a: tuple(aendring(kilde(f), kilde(n)) for f, n in zip(*v)) for a, v in takster.items()}))


# Aktivitet: (2022, 2023) pr. takstkategori, og "Alle kategorier", som Tabel 2a, 2b og 2e trykker.
TABEL_2 = {
    "2a Nord": ({"tilsyn": (("37.929", "45.515", "75.859", "113.788"),
                            ("41.057", "49.269", "82.114", "123.172")),
                 "skaerpet_tilsyn_pr_maaned": (("3.793", "4.552", "7.586", "11.379"),
                                               ("4.106", "4.927", "8.211", "12.317")),
                 "nygodkendelse": (("33.916", "40.700", "67.833", "101.749"),
                                   ("34.677", "41.612", "69.353", "104.030")),
                 "vaesentlig_aendring": (("10.882", "13.058", "21.763", "32.645"),
                                         ("11.072", "13.287", "22.145", "33.217"))},
                ("8,2", "8,2", "2,2", "1,7")),
    "2b Midt": ({"tilsyn": (("37.234", "44.681", "74.468", "111.702"),
                            ("40.099", "48.118", "80.197", "120.296")),
                 "skaerpet_tilsyn_pr_maaned": (("3.723", "4.468", "7.447", "11.170"),
                                               ("4.010", "4.812", "8.020", "12.030")),
                 "nygodkendelse": (("27.761", "33.313", "55.511", "83.271"),
                                   ("27.253", "32.704", "54.506", "81.759")),
                 "vaesentlig_aendring": (("7.215", "8.658", "14.430", "21.645"),
                                         ("8.181", "9.818", "16.363", "24.544"))},
                ("7,7", "7,7", "-1,8", "13,4")),
    "2e Hovedstaden": ({"tilsyn": (("32.781", "39.338", "65.563", "98.344"),
                                   ("35.409", "42.491", "70.819", "106.228")),
                        "skaerpet_tilsyn_pr_maaned": (("3.278", "3.934", "6.556", "9.834"),
                                                      ("3.541", "4.249", "7.082", "10.623")),
                        "nygodkendelse": (("31.422", "37.706", "62.843", "94.265"),
                                          ("31.617", "37.941", "63.234", "94.851")),
                        "vaesentlig_aendring": (("8.431", "10.118", "16.863", "25.294"),
                                                ("8.470", "10.164", "16.941", "25.411"))},
                       ("8,0", "8,0", "0,6", "0,5")),
}


@pytest.mark.parametrize("tabel", TABEL_2)
def test_alle_kategorier_giver_hver_trykt_procent_i_tabel_2a_2b_og_2e(tabel):
    takster, trykt = TABEL_2[tabel]
    r = _rapport(takster)
    assert [alle_kategorier(r, a).pct for a in takster] == [kilde(p) for p in trykt]


@given(st.integers(1_000, 200_000), st.integers(1_000, 200_000),
       st.sampled_from(["tilsyn", "nygodkendelse", "vaesentlig_aendring"]))
def test_alle_kategorier_er_takstgruppe_1_og_ligger_i_takstgruppernes_spaend(foer, nu, aktivitet):
    """Takster efter vægtreglen (1 : 1,2 : 2 : 3, afrundet halvt op): procenten er takstgruppe
    1's, den ligger mellem takstgruppernes laveste og højeste, og de er enige, præcis når
    spændet er ét tal."""
    from tilsynstakst.beregning.afrunding import afrund_kroner
    from tilsynstakst.beregning.takster import VAEGTE

    takster = {a: tuple(tuple(str(afrund_kroner(w * x)) for w in VAEGTE) for x in (foer, nu))
               for a in ("tilsyn", aktivitet)}
    k = alle_kategorier(_rapport(takster), aktivitet)
    assert k.pct == k.takstgrupper[0]
    assert k.laveste <= k.pct <= k.hoejeste
    assert k.enige == (k.laveste == k.hoejeste)


# --- Flere tilsyn, rækkefølgen og fejlene -------------------------------------------------------

def syd(tmp_path):
    """TESTDATA, ikke Socialtilsyn Syds budget: Nords filer for 2022 og 2023 med tilsynet sat til
    Syd og Tabel 1's tal for Syd som plejefamilieafdelingens budget og antal plejefamilier inkl.
    nygodkendelser (31.731.001 / 31.307.640; 1.700 / 1.745). Resten er Nords."""
    mappe = tmp_path / "syd"
    mappe.mkdir()
    for aar, (beloeb, pleje, ny) in {2023: (31731001, 1640, 60),
                                     2022: (31307640, 1655, 90)}.items():
        tekst = (BUDGETS / f"{aar}.toml").read_text(encoding="utf-8")
        if "[offentliggjort]" in tekst:  # Nords offentliggjorte tal gælder ikke Syd
            tekst = tekst[:tekst.index("# Notatets offentliggjorte tal")]
        tekst = re.sub(r"plejefamilieafdelingen = \d+", f"plejefamilieafdelingen = {beloeb}", tekst)
        tekst = re.sub(r"\nplejefamilier = \d+", f"\nplejefamilier = {pleje}", tekst)
        tekst = re.sub(r"plejefamilier_nygodkendelser = \d+",
                       f"plejefamilier_nygodkendelser = {ny}", tekst)
        tekst = tekst.replace('tilsyn = "Socialtilsyn Nord"', 'tilsyn = "Socialtilsyn Syd"')
        (mappe / f"{aar}.toml").write_text(tekst, encoding="utf-8")
    return mappe


def test_et_andet_tilsyn_staar_paa_sin_plads_i_tabel_1_og_som_tabel_2c(tmp_path):
    r = runner.invoke(app, ["oversigt", "2023", str(syd(tmp_path)), str(BUDGETS), "-f",
                            "markdown"])
    assert r.exit_code == 0, r.output
    md = r.stdout
    fundet = celler_markdown(md)
    assert fundet["Tabel 1", "Socialtilsyn Syd"] == tuple(map(kilde, TABEL_1_SYD))
    assert fundet["Tabel 1", "Socialtilsyn Nord"] == tuple(map(kilde, TABEL_1_NORD))
    # Oversigtens orden, uanset mappernes: Nord før Syd i Tabel 1, og Tabel 2a før 2c.
    assert md.index("| Socialtilsyn Nord |") < md.index("| Socialtilsyn Syd |")
    assert re.findall(r"^### (Tabel \w+)", md, flags=re.M) == [
        "Tabel 1", "Tabel 2a", "Tabel 2a", "Tabel 2c", "Tabel 2c"]
    assert "### Tabel 2c: Socialtilsyn Syd (2023-priser)" in md


def test_oversigtens_tabel_1_kan_afstemmes_for_et_andet_tilsyn(tmp_path):
    """[oversigt] med Tabel 1's form (finansieringen i alt og plejefamilierne) for testens Syd."""
    mappe = syd(tmp_path)
    with open(mappe / "2023.toml", "a", encoding="utf-8") as f:
        f.write('\n[oversigt]\nkilde = "Tabel 1 for Socialtilsyn Syd (testdata)"\n\n'
                "[oversigt.antal]\n"
                "plejefamilier_i_alt = { forrige = 1745, budgetaar = 1700, pct = -2.6 }\n\n"
                "[oversigt.finansiering.i_alt]\n"
                "beloeb = { forrige = 31307640, budgetaar = 31731001, pct = 1.4 }\n")
    r = runner.invoke(app, ["tjek", str(mappe)])
    assert r.exit_code == 0, r.output
    assert "2023.toml  ✓ gyldig; 6 tal i oversigten afstemt: 6 ens" in r.stdout


def fejl(*args: str) -> list[str]:
    r = runner.invoke(app, ["oversigt", *args])
    assert r.exit_code == 2 and r.stdout == "", r.output
    linjer = r.stderr.splitlines()
    assert all(linje.startswith("Fejl: ") for linje in linjer), r.stderr
    return [linje.removeprefix("Fejl: ") for linje in linjer]


def test_samme_mappe_to_gange():
    assert fejl("2023", str(BUDGETS), str(BUDGETS)) == [
        f"{BUDGETS / '2023.toml'}:9: tilsyn: mappen {BUDGETS} er nævnt to gange; oversigten har "
        "én budgetmappe pr. socialtilsyn"]


def test_samme_tilsyn_i_to_mapper(mappe):
    assert fejl("2023", str(BUDGETS), str(mappe)) == [
        f"{mappe / '2023.toml'}:9: tilsyn: Socialtilsyn Nord står også i "
        f"{BUDGETS / '2023.toml'}; oversigten har én budgetmappe pr. socialtilsyn"]


def test_et_tilsyn_der_ikke_er_et_af_de_fem(mappe):
    ret(mappe / "2023.toml", 'tilsyn = "Socialtilsyn Nord"', 'tilsyn = "Socialtilsyn Nordjylland"')
    assert fejl("2023", str(mappe)) == [
        f"{mappe / '2023.toml'}:9: tilsyn: skal være et af de fem socialtilsyn (Socialtilsyn "
        "Nord, Socialtilsyn Midt, Socialtilsyn Syd, Socialtilsyn Øst, Socialtilsyn Hovedstaden), "
        "fik 'Socialtilsyn Nordjylland'; mente du Socialtilsyn Nord?"]


def test_aaret_mangler_i_en_mappe_og_alle_mappers_fejl_meldes(tmp_path, mappe):
    (mappe / "2022.toml").unlink()
    assert fejl("2023", str(mappe), str(tmp_path / "ingen")) == [
        f"{mappe / '2022.toml'}: filen findes ikke; oversigten viser 2022 i 2023-priser ved "
        "siden af 2023 for hvert socialtilsyn",
        f"{tmp_path / 'ingen'}: budgetmappen findes ikke"]
    assert fejl("2030", str(BUDGETS)) == [f"{BUDGETS / '2030.toml'}: filen findes ikke"]


def test_en_fil_i_stedet_for_en_mappe():
    assert fejl("2023", str(BUDGETS / "2023.toml")) == [
        f"{BUDGETS / '2023.toml'}: er en fil, ikke en mappe; oversigten har én budgetmappe pr. "
        "socialtilsyn (AAAA.toml og pl-indeks.toml)"]


@pytest.mark.parametrize("gammel, ny", [
    ("2023 = 100\n", ""),  # PL-indekset mangler året før (2023 i 2024-priser)
    ("tilbud = 251", "tilbud = -3"),  # en fejl i årets fil
])
def test_en_mappe_med_fejl_giver_de_samme_beskeder_som_beregn(mappe, gammel, ny):
    ret(mappe / ("pl-indeks.toml" if gammel.startswith("2023") else "2024.toml"), gammel, ny)
    b = runner.invoke(app, ["beregn", "2024", "-b", str(mappe)])
    assert b.exit_code == 2
    assert fejl("2024", str(mappe)) == [linje.removeprefix("Fejl: ")
                                        for linje in b.stderr.splitlines()]


def test_uden_mappe_er_en_brugsfejl():
    r = runner.invoke(app, ["oversigt", "2023"])
    assert r.exit_code == 2


def test_hjaelpen_naevner_mapperne_og_formaterne():
    r = subprocess.run([sys.executable, "-m", "tilsynstakst", "oversigt", "--help"],
                       capture_output=True, text=True, env={"COLUMNS": "100", "PATH": ""})
    assert r.returncode == 0
    tekst = " ".join(r.stdout.replace("│", " ").split())
    for ord_ in ("MAPPE...", "Én budgetmappe pr. socialtilsyn", ".docx", "--format"):
        assert ord_ in tekst, ord_


def test_kopier_af_budgets_er_ikke_roert(mappe):
    """Oversigten skriver intet i budgetmapperne."""
    foer = {p.name: p.read_bytes() for p in mappe.glob("*.toml")}
    assert runner.invoke(app, ["oversigt", "2023", str(mappe)]).exit_code == 0
    assert {p.name: p.read_bytes() for p in mappe.glob("*.toml")} == foer
