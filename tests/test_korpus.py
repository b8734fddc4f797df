"""Korpusset af fejlbehæftede budgetfiler (tests/korpus/forventet.toml): ingen traceback, den
forventede udgangskode og en dansk besked, der nævner filen. ``beregn`` møder samme input med
samme besked."""

import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tilsynstakst.cli.app import app

KORPUS = Path(__file__).resolve().parent / "korpus"
FORVENTET = tomllib.loads((KORPUS / "forventet.toml").read_text(encoding="utf-8"))
runner = CliRunner()


def test_korpusset_har_mindst_30_fejlbehaeftede_tilfaelde_og_alle_er_beskrevet():
    assert sum(1 for t in FORVENTET.values() if t["kode"] != 0) >= 30
    beskrevet = {Path(t["sti"]).parts[0] for t in FORVENTET.values()}
    paa_disk = {p.name for p in KORPUS.iterdir()} - {"forventet.toml"}
    assert paa_disk <= beskrevet, paa_disk - beskrevet


@pytest.mark.parametrize("navn", FORVENTET)
def test_tjek(navn):
    t = FORVENTET[navn]
    sti = KORPUS / t["sti"]
    r = runner.invoke(app, ["tjek", str(sti)] + (["--streng"] if t.get("streng") else []))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    assert r.exit_code == t["kode"], r.output
    assert t["besked"] in r.stdout, r.stdout
    if t["kode"]:
        fund = [linje for linje in r.stdout.splitlines() if t["besked"] in linje]
        assert all(str(KORPUS) in linje for linje in fund)  # beskeden nævner filen


@pytest.mark.parametrize("navn", [n for n, t in FORVENTET.items() if t.get("beregn")])
def test_beregn_faar_samme_besked(navn, tmp_path):
    t = FORVENTET[navn]
    shutil.copyfile(KORPUS / t["sti"], tmp_path / "2024.toml")
    r = runner.invoke(app, ["beregn", "2024", "-b", str(tmp_path)])
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)  # ingen anden undtagelse
    assert t["besked"] in r.stderr and str(tmp_path / "2024.toml") in r.stderr
