"""Fjendtlige budgetfiler og omgivelser (issue 9): aldrig en traceback, aldrig et tavst forkert tal.

Hver klasse fra issue 9 har sine tilfælde her. Løftet er om processen (udgangskode, standard-fejl,
filer efterladt), så tilfældene køres gennem den rigtige indgang: ``python -m tilsynstakst`` i en
underproces med en tidsgrænse, så et program, der hænger, fejler i stedet for at standse CI.
Indholdstilfælde, der ikke handler om processen, køres i processen med CliRunner.
"""

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, fordel_resultat, ret
from tilsynstakst.cli.app import app
from tilsynstakst.fund import Inputfejl
from tilsynstakst.budgetfil.skriv import skriv_fil

runner = CliRunner()
GRAENSE = 10  # sekunder: intet tilfælde må tage længere (issue 9)


def proces(*args, **kw) -> subprocess.CompletedProcess:
    """``tilsynstakst ARGS`` som sin egen proces, med tidsgrænse."""
    miljoe = {**os.environ, **kw.pop("env", {})}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "tilsynstakst", *map(str, args)],
                          stderr=subprocess.PIPE, timeout=GRAENSE, env=miljoe, **kw)


def kør(*args):
    start = time.monotonic()
    r = runner.invoke(app, [str(a) for a in args])
    assert time.monotonic() - start < GRAENSE
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r


def en_linje_fejl(r, *brudstykker: str) -> None:
    """Kode 2, én linje på standard-fejl (ingen traceback), der indeholder brudstykkerne."""
    fejl = r.stderr if isinstance(r.stderr, str) else r.stderr.decode()
    kode = r.exit_code if hasattr(r, "exit_code") else r.returncode
    assert kode == 2, fejl
    assert "Traceback" not in fejl and fejl.count("\n") == 1, fejl
    for b in brudstykker:
        assert b in fejl, (b, fejl)


# --- 1. Tavst forkerte tal: nøgler, der normaliseres, og navne, programmet selv bruger ---------

@pytest.mark.parametrize("nøgle", ["02023", '"２０２３"', '"2023 "'])
def test_et_aar_der_kun_ligner_2023_i_pl_indekset_afvises(mappe, nøgle):
    ret(mappe / "pl-indeks.toml", "2024 = 104.45", f"2024 = 104.45\n{nøgle} = 50")
    for r in (kør("beregn", 2024, "-b", mappe), kør("tjek", mappe)):
        assert r.exit_code == 2
        assert "skal være et årstal med fire cifre, fx 2024" in r.stdout + r.stderr


@pytest.mark.parametrize("navn, besked", [
    ("i_alt", "skal være et kommunenavn"),
    ("I alt", "er et navn, programmet selv bruger til totalen"),
    ("Total", "er et navn, programmet selv bruger til totalen"),
])
def test_en_kommune_maa_ikke_hedde_som_totalen(mappe, navn, besked):
    for fil in ("2023.toml", "2024.toml"):
        ret(mappe / fil, '"Læsø" =', f'"{navn}" =')
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), f"befolkning.kommuner.{navn}: {besked}")


# --- 2. Uddata, der ikke kan skrives -----------------------------------------------------------

def test_standard_ud_paa_en_fuld_disk():
    for format_ in ("tabel", "json"):
        with open("/dev/full", "wb") as fuld:
            r = proces("beregn", 2024, "-b", BUDGETS, "-f", format_, stdout=fuld)
        en_linje_fejl(r, "Fejl: kan ikke skrive til standard-ud: der er ikke mere plads på disken")


def test_en_lukket_standard_ud():
    r = subprocess.run(f"{sys.executable} -m tilsynstakst tjek {BUDGETS} >&-", shell=True,
                       capture_output=True, timeout=GRAENSE)
    en_linje_fejl(r, "Fejl: standard-ud er lukket; intet kunne skrives")


def test_et_roer_der_lukkes_for_tidligt():
    p = subprocess.Popen([sys.executable, "-m", "tilsynstakst", "beregn", "2024", "-b", BUDGETS],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # læseren går, før programmet har skrevet
    _, fejl = p.communicate(timeout=GRAENSE)
    assert p.returncode == 2 and fejl.decode().strip() == \
        "Fejl: standard-ud blev lukket, før alt var skrevet; uddata er ufuldstændige"


def test_output_med_et_filnavn_der_er_for_langt(tmp_path):
    r = proces("beregn", 2024, "-b", BUDGETS, "-f", "json", "-o", tmp_path / ("x" * 300 + ".json"))
    en_linje_fejl(r, "kan ikke skrives: filnavnet er for langt til filsystemet")
    assert list(tmp_path.iterdir()) == []


def test_output_i_en_skrivebeskyttet_mappe(tmp_path):
    """Som root kan en mappe uden skriverettighed stadig skrives i; så gøres den uforanderlig
    (chattr +i), hvad heller ikke root kan skrive i."""
    laast = tmp_path / "laast"
    laast.mkdir()
    laast.chmod(0o555)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", laast], check=True, capture_output=True)
    try:
        r = proces("beregn", 2024, "-b", BUDGETS, "-f", "json", "-o", laast / "b.json")
        en_linje_fejl(r, "b.json: kan ikke skrives: ingen adgang (tilladelserne forbyder det)")
        assert list(laast.iterdir()) == []
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", laast], check=True, capture_output=True)
        laast.chmod(0o755)


def test_en_fuld_disk_midt_i_skrivningen_efterlader_intet(tmp_path, monkeypatch):
    def fuld(_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fuld)
    with pytest.raises(Inputfejl, match="kan ikke skrives: der er ikke mere plads på disken"):
        skriv_fil(tmp_path / "b.json", b"{}")
    assert list(tmp_path.iterdir()) == []


# --- 3. Et tegnsæt, der ikke er UTF-8 -----------------------------------------------------------

@pytest.mark.parametrize("args", [["tjek", BUDGETS], ["beregn", 2024, "-b", BUDGETS],
                                  ["--help"], ["beregn", "--help"],
                                  ["notat", 2024, "-b", BUDGETS],
                                  ["forklar", 2024, "budgetaar.takster.tilsyn.2", "-b", BUDGETS],
                                  ["foelsomhed", 2024, "-b", BUDGETS],
                                  ["scenarie", 2024, "ti-tilbud-lukker", "-b", BUDGETS],
                                  ["takstblad", 2024, "-b", BUDGETS],
                                  ["beregn", "--format", "xslx"]])
def test_cp1252_som_paa_windows_med_omdirigeret_uddata(args):
    r = proces(*args, env={"PYTHONIOENCODING": "cp1252"})
    if args[-1] == "xslx":  # en brugsfejl på dansk, også i cp1252
        assert r.returncode == 2 and "'xslx' er ikke et af valgene" in r.stderr.decode("cp1252")
        return
    assert r.returncode == 0 and r.stderr == b"", r.stderr.decode("cp1252", "replace")
    tekst = r.stdout.decode("cp1252")  # det, Windows læser
    assert "Traceback" not in tekst
    if args[0] == "tjek":
        assert "2024.toml  ok gyldig; 123 offentliggjorte tal afstemt" in tekst
    if args[0] == "beregn" and len(args) > 2:
        assert "Indtægt ved takster (sum antal × takst)" in tekst and "6.294.349" in tekst
    if args[0] == "takstblad":
        assert "Skærpet tilsyn" in tekst and "÷ 10" in tekst and "-----" in tekst
    if args[0] == "forklar":
        assert "uafrundet ca. 672,0186 = ca. 87.703,2613 -> 87.703" in tekst


# --- 4. Tekst fra filen, der når terminalen eller et dokument som kode ------------------------

@pytest.mark.parametrize("navn", ["Nord [/bold]", "[link=https://example.com]Nord[/link]",
                                  "[bold red]Nord"])
def test_markup_i_tilsynets_navn_afvises_og_vises_som_tekst(mappe, navn):
    """Tilsynets navn nåede titlen som fri tekst; nu er det et af de fem (issue 22), og et andet
    navn afvises på én linje, der viser det, som det står."""
    for fil in ("2023.toml", "2024.toml"):
        ret(mappe / fil, 'tilsyn = "Socialtilsyn Nord"', f'tilsyn = "{navn}"')
    for kommando in ("beregn", "notat"):
        en_linje_fejl(kør(kommando, 2024, "-b", mappe),
                      "2024.toml:6: tilsyn: skal være et af de fem socialtilsyn", f"fik {navn!r}")


@pytest.mark.parametrize("tekst, tegn", [("\\u001b[2J", "U+001B"), ("Nord\\nAdvarsel", "U+000A"),
                                         ("Nord\\u200b", "U+200B"), ("\\u202eNord", "U+202E")])
def test_styretegn_i_en_tekst_afvises(mappe, tekst, tegn):
    ret(mappe / "2024.toml", 'tilsyn = "Socialtilsyn Nord"', f'tilsyn = "{tekst}"')
    for args in (["beregn", 2024, "-b", mappe, "-f", "xlsx", "-o", mappe / "b.xlsx"],
                 ["notat", 2024, "-b", mappe, "-o", mappe / "n.docx"]):
        r = kør(*args)
        en_linje_fejl(r, f"tilsyn: indeholder et styre- eller usynligt tegn ({tegn})")
        assert "\x1b" not in r.stderr and "\u202e" not in r.stderr
    assert not (mappe / "b.xlsx").exists() and not (mappe / "n.docx").exists()


def test_styretegn_i_en_noegle_vises_som_kode(mappe):
    ret(mappe / "2024.toml", '"Læsø" =', '"Læsø\\u001b[2J" =')
    r = kør("tjek", mappe)
    assert r.exit_code == 2 and "\x1b" not in r.stdout
    assert "befolkning.kommuner.Læsø\\x1b[2J: skal være et kommunenavn" in r.stdout


# --- 5. Parserens egne grænser ------------------------------------------------------------------

@pytest.mark.parametrize("indhold, besked", [
    ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", "indlejret for dybt"),
    ("x = 1" + "0" * 5000 + "\n", "et tal med flere cifre, end en budgetfil kan have"),
    ("x = 1e999999999999999999999\n", "et tal med flere cifre, end en budgetfil kan have"),
])
def test_parserens_graenser_giver_den_normale_besked(tmp_path, indhold, besked):
    (tmp_path / "2024.toml").write_text(indhold, encoding="utf-8")
    en_linje_fejl(kør("beregn", 2024, "-b", tmp_path), "2024.toml", besked)
    r = kør("tjek", tmp_path)
    assert r.exit_code == 2 and besked in r.stdout


def test_en_fil_med_haevede_cifre_i_navnet(mappe):
    shutil.copy(mappe / "2024.toml", mappe / "²⁰²⁴.toml")
    r = kør("tjek", mappe / "²⁰²⁴.toml")  # nævnt direkte: læses og valideres
    assert r.exit_code == 0, r.stdout
    r = kør("tjek", mappe)  # i en mappe: meldes, ikke sprunget over
    assert r.exit_code == 2 and "²⁰²⁴.toml: ligner en budgetfil, men læses ikke" in r.stdout


# --- 6. Hæng og hukommelse ----------------------------------------------------------------------

@pytest.mark.parametrize("gammel, ny, nøgle", [
    ("tilsyn = 65.2536", "tilsyn = 1e-99999999", "normtimer.tilsyn"),
    ("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 1e-99999999", "budget.tilbudsafdelingen"),
])
def test_ekstrem_praecision_afvises_straks(mappe, gammel, ny, nøgle):
    ret(mappe / "2024.toml", gammel, ny)
    start = time.monotonic()
    en_linje_fejl(kør("beregn", 2024, "-b", mappe),
                  f"{nøgle}: har for mange decimaler (højst 10), fik 1E-99999999")
    assert time.monotonic() - start < 2


def test_ekstrem_praecision_i_pl_indekset(mappe):
    ret(mappe / "pl-indeks.toml", "2024 = 104.45", "2024 = 1e-99999999")
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), "indeks.2024: har for mange decimaler")


def test_en_fifo_som_budgetfil_blokerer_ikke(tmp_path):
    os.mkfifo(tmp_path / "2024.toml")
    en_linje_fejl(proces("beregn", 2024, "-b", tmp_path),
                  "2024.toml: er ikke en almindelig fil (men fx en FIFO eller en enhed)")


def test_dev_zero_som_budgetfil(tmp_path):
    (tmp_path / "2024.toml").symlink_to("/dev/zero")
    en_linje_fejl(proces("beregn", 2024, "-b", tmp_path), "er ikke en almindelig fil")


def test_en_kaempefil(tmp_path):
    (tmp_path / "2024.toml").write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    en_linje_fejl(kør("beregn", 2024, "-b", tmp_path), "2024.toml: er over 1 MB")


def test_tyve_tusind_kommuner_afvises_hurtigt(mappe):
    kommuner = "".join(f"K{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}"
                       f"{chr(97 + i // 17576)} = 10\n" for i in range(20_000))
    tekst = (mappe / "2024.toml").read_text(encoding="utf-8")
    start = tekst.index("[befolkning.kommuner]")
    slut = tekst.index("# Notatets offentliggjorte tal")
    (mappe / "2024.toml").write_text(tekst[:start] + "[befolkning.kommuner]\n" + kommuner
                                     + "\n" + tekst[slut:], encoding="utf-8")
    t = time.monotonic()
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 2 and "befolkning.kommuner" in r.stderr
    assert time.monotonic() - t < 5


# --- 7. Tavs accept -----------------------------------------------------------------------------

def test_et_doedt_link_som_aaret_foer_er_en_fejl(mappe):
    (mappe / "2023.toml").unlink()
    (mappe / "2023.toml").symlink_to(mappe / "findes-ikke.toml")
    en_linje_fejl(kør("beregn", 2024, "-b", mappe),
                  "2023.toml: filen findes ikke (et link til en fil, der ikke findes)")


def test_et_link_i_ring_er_en_fejl(mappe):
    (mappe / "2023.toml").unlink()
    (mappe / "2023.toml").symlink_to(mappe / "2023.toml")
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), "2023.toml: kan ikke læses: et link peger i ring")


def test_en_budgetfil_med_store_bogstaver_meldes_af_tjek(mappe):
    shutil.copy(mappe / "2024.toml", mappe / "2025.TOML")
    r = kør("tjek", mappe)
    assert r.exit_code == 2 and "2025.TOML: ligner en budgetfil, men læses ikke" in r.stdout


@pytest.mark.parametrize("navn", ["Аalborg", "Aalborg ", "Aal\\u200bborg", " Aalborg"])
def test_kommunenavne_der_kun_ligner(mappe, navn):  # 'А' er kyrillisk
    ret(mappe / "2024.toml", '"Aalborg" = 39978', f'"{navn}" = 39978')
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 2 and "skal være et kommunenavn" in r.stderr


@pytest.mark.parametrize("gammel, ny, besked", [
    ("tilsyn = 65.2536", "tilsyn = 1e-20", "har for mange decimaler (højst 10)"),
    ("tilsyn = 65.2536", "tilsyn = 0.01", "skal være et antal timer mellem 0,1 og 10.000, fik 0.01"),
])
def test_urealistiske_normtimer(mappe, gammel, ny, besked):
    ret(mappe / "2024.toml", gammel, ny)
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), f"normtimer.tilsyn: {besked}")


def test_et_urealistisk_pl_indeks(mappe):
    ret(mappe / "pl-indeks.toml", "2023 = 100", "2023 = 0.0000001")
    en_linje_fejl(kør("beregn", 2024, "-b", mappe),
                  "indeks.2023: skal være et indekstal mellem 0,01 og 10.000")


# --- 8. Løfterne om uddata ----------------------------------------------------------------------

def test_uden_haarde_links_vinder_kun_en_af_fem_skrivere(tmp_path, monkeypatch):
    def ingen_links(*_):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", ingen_links)
    vundet, start = [], threading.Barrier(5)

    def skriv(i: int) -> None:
        start.wait()
        try:
            skriv_fil(tmp_path / "b.json", f"skriver {i}".encode())
            vundet.append(i)
        except Inputfejl:
            pass

    traade = [threading.Thread(target=skriv, args=(i,)) for i in range(5)]
    for t in traade:
        t.start()
    for t in traade:
        t.join(GRAENSE)
    assert len(vundet) == 1
    assert (tmp_path / "b.json").read_text() == f"skriver {vundet[0]}"
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


def test_overskriv_beholder_rettigheder_og_haarde_links(tmp_path):
    fil, link = tmp_path / "b.json", tmp_path / "kopi.json"
    fil.write_text("gammel")
    fil.chmod(0o600)
    os.link(fil, link)
    skriv_fil(fil, b"ny", overskriv=True)
    assert stat.S_IMODE(fil.stat().st_mode) == 0o600
    assert link.read_text() == "ny" and fil.read_text() == "ny"


def test_sigterm_midt_i_skrivningen_efterlader_ingen_midlertidig_fil(tmp_path):
    kode = ("import os, signal, sys\n"
            "from pathlib import Path\n"
            "from tilsynstakst.cli.streams import afslut_ved_sigterm\n"
            "from tilsynstakst.budgetfil.skriv import skriv_fil\n"
            "afslut_ved_sigterm()\n"
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)\n"
            "skriv_fil(Path(sys.argv[1]) / 'b.json', b'{}')\n")
    r = subprocess.run([sys.executable, "-c", kode, tmp_path], capture_output=True,
                       timeout=GRAENSE)
    assert r.returncode == 128 + signal.SIGTERM and b"Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


# --- 9. Linjenumre ------------------------------------------------------------------------------

def test_linjenumre_med_u2028_i_en_kommentar(mappe):
    ret(mappe / "2024.toml", "[antal]\n", "# en kommentar med \u2028 og \u0085 i\n[antal]\n")
    ret(mappe / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -1")
    linje = next(nr for nr, l in enumerate((mappe / "2024.toml").read_text(
        encoding="utf-8").split("\n"), 1) if l.startswith("bpa_tilsyn"))
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), f"2024.toml:{linje}: antal.bpa_tilsyn:")


def test_linjenumre_efter_en_flerlinjet_tekst_med_en_tabeloverskrift(mappe):
    ret(mappe / "2024.toml", 'kilde = "Notatet s. 1, tabel \'Antalsforudsætning\', År 2024"',
        'kilde = """Notatet s. 1\n[normtimer]\ntilsyn = 1\n"""')
    ret(mappe / "2024.toml", "tilsyn = 65.2536", "tilsyn = -65.25")
    linjer = (mappe / "2024.toml").read_text(encoding="utf-8").split("\n")
    rigtig = next(nr for nr, l in enumerate(linjer, 1) if l.startswith("tilsyn = -65.25"))
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 2 and f"2024.toml:{rigtig}: normtimer.tilsyn: skal være" in r.stderr
    assert "antal.kilde: indeholder et styre- eller usynligt tegn (U+000A)" in r.stderr


# --- En fejl i programmet selv -----------------------------------------------------------------

def test_en_intern_fejl_er_en_linje_og_kode_3_ikke_en_traceback(tmp_path):
    kode = ("import sys\n"
            "import tilsynstakst.aaret.gennemloeb as s\n"
            "def fejl(*a, **k):\n"
            "    raise ZeroDivisionError('division by zero')\n"
            "s.beregn = fejl\n"
            "sys.argv = ['tilsynstakst', 'beregn', '2024', '-b', sys.argv[1]]\n"
            "from tilsynstakst.cli.app import main\n"
            "main()\n")
    r = subprocess.run([sys.executable, "-c", kode, BUDGETS], capture_output=True, text=True,
                       timeout=GRAENSE)
    assert r.returncode == 3 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert r.stderr.startswith("Fejl: intern fejl i tilsynstakst (ZeroDivisionError: division "
                               "by zero); det er en fejl i programmet, ikke i dine filer.")
    r = subprocess.run([sys.executable, "-c", kode, BUDGETS], capture_output=True, text=True,
                       timeout=GRAENSE, env={**os.environ, "TILSYNSTAKST_DEBUG": "1"})
    assert r.returncode == 1 and "ZeroDivisionError" in r.stderr


# --- Fundet i en anden fjendtlig afprøvning ----------------------------------------------------

def test_overskriv_erstatter_aldrig_en_fifo_eller_en_enhed(tmp_path):
    fifo = tmp_path / "ud.json"
    os.mkfifo(fifo)
    en_linje_fejl(kør("beregn", 2024, "-b", BUDGETS, "-f", "json", "-o", fifo, "--overskriv"),
                  "er ikke en almindelig fil")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_overskriv_gennem_et_link_skriver_filen_og_beholder_linket(tmp_path):
    maal = tmp_path / "fælles.json"
    maal.write_text("gammel")
    link = tmp_path / "ud.json"
    link.symlink_to(maal)
    r = kør("beregn", 2024, "-b", BUDGETS, "-f", "json", "-o", link, "--overskriv")
    assert r.exit_code == 0 and link.is_symlink() and '"tilsynstakst"' in maal.read_text()


def test_ny_med_et_pl_indeks_skrevet_med_punktnoegler(mappe):
    (mappe / "pl-indeks.toml").write_text('kilde = "x"\nindeks.2023 = 100\nindeks.2024 = 104.45\n',
                                          encoding="utf-8")
    fordel_resultat(mappe)
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    assert "indeks.2025 = 107.7924" in (mappe / "pl-indeks.toml").read_text(encoding="utf-8")


def test_tjek_viser_en_mappe_med_styretegn_i_navnet_som_kode(tmp_path):
    mappe = tmp_path / "esc\x1b[31mRØD\u202e"
    shutil.copytree(BUDGETS, mappe)
    r = kør("tjek", mappe)
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout and "\\x1b" in r.stdout


@pytest.mark.parametrize("navn, besked", [
    ("AALBORG", "befolkning.kommuner.AALBORG: skal være en af Danmarks 98 kommuner, stavet som "
                "hos Danmarks Statistik, fik 'AALBORG'; mente du Aalborg?"),  # issue 22
    ("Vesthimmerlands", "befolkning.kommuner: samme kommune står to gange")])
def test_samme_kommune_to_gange_afvises(mappe, navn, besked):
    ret(mappe / "2024.toml", '"Aalborg" = 39978', f'"Aalborg" = 39978\n"{navn}" = 39978')
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), besked)


@pytest.mark.parametrize("navn", ["2025\u200b.toml", "2025.toml\u200b", "pl\u2011indeks.toml"])
def test_navne_med_usynlige_tegn_eller_en_anden_bindestreg_meldes(tmp_path, navn):
    shutil.copy(BUDGETS / "2024.toml", tmp_path / navn)
    shutil.copy(BUDGETS / "2024.toml", tmp_path / "2024.toml")
    r = kør("tjek", tmp_path)
    assert r.exit_code == 2 and "ligner en budgetfil, men læses ikke" in r.stdout


@pytest.mark.parametrize("kommentar", ['aar = 2024  # se """notatet',
                                       'aar = 2024  # \'\'\'', 'aar = 2024 # "a" """'])
def test_linjenumre_med_tre_anfoerselstegn_i_en_kommentar(mappe, kommentar):
    ret(mappe / "2024.toml", "aar = 2024", kommentar)
    ret(mappe / "2024.toml", '"Læsø" = 218', '"Læsø" = -218')
    linje = next(nr for nr, l in enumerate((mappe / "2024.toml").read_text(
        encoding="utf-8").split("\n"), 1) if l.startswith('"Læsø"'))
    en_linje_fejl(kør("beregn", 2024, "-b", mappe), f"2024.toml:{linje}: befolkning.kommuner.Læsø")


def test_flere_fejl_er_hver_sin_linje_med_fejl_foran(tmp_path):
    (tmp_path / "2024.toml").write_text("", encoding="utf-8")
    r = kør("beregn", 2024, "-b", tmp_path)
    linjer = r.stderr.splitlines()
    assert r.exit_code == 2 and len(linjer) > 1 and all(l.startswith("Fejl: ") for l in linjer)
