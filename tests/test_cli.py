"""Kommandolinjen, kørt i processen med Typers CliRunner."""

import json
import shutil

from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst import __version__
from tilsynstakst.cli.app import app

runner = CliRunner()


def kør(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_beregn_2024_viser_notatets_tabeller():
    r = kør("beregn", 2024, "--budgetmappe", BUDGETS)
    assert r.exit_code == 0, r.output
    for tekst in ("Antalsforudsætning", "Udviklingen i budgettet", "Objektiv finansiering",
                  "Takst pr. tilbud", "BPA", "6.294.349", "43.852", "131.555", "1.320.124",
                  "3,8\u00a0%", "20.164", "672", "i 2024-priser"):
        assert tekst.lower() in r.stdout.lower(), tekst


def test_budgetmappe_fra_miljoevariabel():
    r = kør("beregn", 2024, env={"TILSYNSTAKST_BUDGETMAPPE": str(BUDGETS)})
    assert r.exit_code == 0 and "6.294.349" in r.stdout


def test_json_har_alle_tal_med_faste_noegler():
    r = kør("beregn", 2024, "-b", BUDGETS, "--format", "json")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    nu, foer = d["budgetaar"], d["forrige_aar"]
    assert nu["takster"]["tilsyn"] == [43852, 52622, 87703, 131555]
    assert foer["takster"]["tilsyn"] == [42884, 51461, 85768, 128653]
    assert (nu["takster"]["timepris"], foer["takster"]["timepris"]) == (672, 635)
    assert {k["navn"]: k["beloeb"] for k in nu["finansiering"]["kommuner"]}["Aalborg"] == 6294349
    assert nu["gennemsnitspris"] == 20164
    samlet = d["aendringer"]["budget"]["samlet"]
    assert (samlet["aendring"], samlet["pct"]) == (1320124, 3.8)
    assert d["pl_faktor"] == 1.0445


def test_json_skriver_decimaltal_eksakt_uden_float():
    r = kør("beregn", 2024, "-b", BUDGETS, "-f", "json")
    assert '"pct": 3.8\n' in r.stdout and '"timepris_uafrundet": 672.0186' in r.stdout


def test_uden_sidste_aars_fil_vises_aaret_alene(tmp_path):
    shutil.copy(BUDGETS / "2024.toml", tmp_path)
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 0
    assert "Ingen budgetfil for 2023" in r.stdout and "43.852" in r.stdout
    d = json.loads(kør("beregn", 2024, "-b", tmp_path, "-f", "json").stdout)
    assert d["forrige_aar"] is None and d["aendringer"] is None


def test_simpel_afrunding_giver_notatets_rebild(tmp_path):
    r = kør("beregn", 2024, "-b", BUDGETS, "--afrunding", "simpel")
    assert r.exit_code == 0 and "1.152.027" in r.stdout and "19.156.057" in r.stdout


def test_daarlig_fil_giver_en_dansk_linje_og_kode_2(tmp_path):
    tekst = (BUDGETS / "2024.toml").read_text(encoding="utf-8")
    (tmp_path / "2024.toml").write_text(tekst.replace("bpa_tilsyn = 19", "bpa_tilsyn = -3"),
                                        encoding="utf-8")
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "2024.toml:" in r.stderr and "antal.bpa_tilsyn: skal være et helt tal ≥ 0, fik -3" in r.stderr


def test_manglende_pl_aar_naevner_pl_filen(tmp_path):
    for f in ("2023.toml", "2024.toml"):
        shutil.copy(BUDGETS / f, tmp_path)
    (tmp_path / "pl-indeks.toml").write_text('kilde = "x"\n[indeks]\n2024 = 104.45\n')
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 2 and "pl-indeks.toml:2: indeks.2023: PL-indekset mangler året 2023" in r.stderr


def test_manglende_mappe_og_aar(tmp_path):
    assert kør("beregn", 2024, "-b", tmp_path / "findes-ikke").exit_code == 2
    r = kør("beregn", 2031, "-b", BUDGETS)
    assert r.exit_code == 2 and "2031.toml: filen findes ikke" in r.stderr


def test_version_og_hjaelp_paa_dansk():
    from tilsynstakst.cli.dansk import dansk_hjaelp

    assert kør("--version").stdout.strip() == f"tilsynstakst {__version__}"
    dansk_hjaelp()  # main() gør det, når hjælpen bedes om
    r = kør("beregn", "--help")
    assert r.exit_code == 0
    for tekst in ("Budgetåret", "TILSYNSTAKST_BUDGETMAPPE", "Tilvalg", "Vis denne hjælp og slut.",
                  "miljøvariabel"):
        assert tekst in r.stdout, tekst
    assert "Show this message" not in r.stdout


def test_alle_kommandoer_har_hjaelpetekst():
    import typer.main

    gruppe = typer.main.get_command(app)
    for navn, kommando in gruppe.commands.items():
        assert kommando.help, navn


def test_main_viser_dansk_hjaelp_naar_den_bedes_om():
    # main() sætter de danske overskrifter kun, når hjælpen vises; kør den som brugeren gør.
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "tilsynstakst", "-h"], capture_output=True,
                       text=True, env={"COLUMNS": "100", "PATH": ""})
    assert r.returncode == 0
    assert "Tilvalg" in r.stdout and "Vis denne hjælp og slut." in r.stdout
    assert "Options" not in r.stdout


def test_beregn_indlaeser_hverken_regneark_eller_word_pakker():
    """Tunge, valgfri pakker indlæses kun af de formater, der bruger dem (hastighed)."""
    import subprocess
    import sys

    kode = ("import sys\nsys.argv = ['tilsynstakst', 'beregn', '2024', '-b', sys.argv[1]]\n"
            "from tilsynstakst.cli.app import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(({m.split('.')[0] for m in sys.modules} & "
            "{'openpyxl', 'docx', 'matplotlib', 'jsonschema', 'tomlkit', 'rich'}) | "
            "({m for m in sys.modules} & {'tilsynstakst.budgetfil.scenarie', 'tilsynstakst.beregning.foelsomhed', "
            "'tilsynstakst.budgetfil.skriv'})), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", kode, str(BUDGETS)], capture_output=True,
                       text=True, check=True)
    # issue 11: terminalens tabeller uden rich; scenarier, følsomhed og filskrivning kun, når
    # de bruges.
    assert r.stderr.strip().splitlines()[-1] == "[]"
