"""``tjek``: alle filer læses, alle fund meldes, én linje hver."""

import shutil

from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli import app
from tilsynstakst.kontrol import tjek

runner = CliRunner()


def test_de_leverede_budgetfiler_er_gyldige():
    assert tjek([BUDGETS]) == []
    r = runner.invoke(app, ["tjek", str(BUDGETS)])
    assert r.exit_code == 0 and "Alle budgetfiler er gyldige." in r.stdout


def test_alle_filer_laeses_selv_efter_en_fejl(tmp_path):
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    (tmp_path / "2023.toml").write_text("aar = \n", encoding="utf-8")
    tekst = (tmp_path / "2024.toml").read_text(encoding="utf-8")
    (tmp_path / "2024.toml").write_text(tekst.replace("bpa_tilsyn = 19", "bpa_tilsyn = -1"),
                                        encoding="utf-8")
    (tmp_path / "pl-indeks.toml").write_text('kilde = "x"\n[indeks]\n2024 = 0\n', encoding="utf-8")
    r = runner.invoke(app, ["tjek", str(tmp_path)])
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    linjer = r.stderr.splitlines()
    assert len(linjer) == 3
    assert linjer[0].startswith(f"{tmp_path}/2023.toml:1: ugyldig TOML")
    assert "2024.toml:" in linjer[1] and "antal.bpa_tilsyn: skal være et helt tal ≥ 0, fik -1" in linjer[1]
    assert linjer[2] == (f"{tmp_path}/pl-indeks.toml:3: indeks.2024: "
                         "skal være et indekstal > 0 (og højst 10000), fik 0")


def test_tom_mappe_og_manglende_sti(tmp_path):
    r = runner.invoke(app, ["tjek", str(tmp_path), str(tmp_path / "nej.toml")])
    assert r.exit_code == 2
    assert "mappen indeholder ingen budgetfiler" in r.stderr and "nej.toml: findes ikke" in r.stderr
