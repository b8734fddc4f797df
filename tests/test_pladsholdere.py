"""Pladsholdere: værdier, ingen kilde offentliggør, og som ikke er kalibreret (issue 22, punkt 7).

En fil kan liste dem i ``pladsholdere``, som ``kalibreret``; så siger ``tjek`` og ``beregn`` det,
``forklar`` mærker dem, og ``ny`` fører listen videre.
"""

from typer.testing import CliRunner

from conftest import fordel_resultat, ret
from tilsynstakst.cli.app import app
from tilsynstakst.budgetfil.laes import laes_budget

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def _med_pladsholdere(mappe, liste='["befolkning.kommuner"]'):
    ret(mappe / "2024.toml", "kalibreret = [", f"pladsholdere = {liste}\nkalibreret = [")
    return mappe


def test_tjek_og_beregn_siger_at_filen_har_pladsholdere(mappe):
    _med_pladsholdere(mappe)
    r = kør("tjek", mappe)
    assert r.exit_code == 0, r.output  # en advarsel: filen kan bruges
    assert ("2024.toml:10: pladsholdere: filen har 1 pladsholdere, ingen kilde offentliggør "
            "(befolkning.kommuner)") in r.stdout
    assert kør("tjek", mappe, "--streng").exit_code == 1
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 0 and "pladsholdere" in r.stderr


def test_forklar_maerker_en_pladsholder(mappe):
    _med_pladsholdere(mappe)
    r = kør("forklar", 2024, "budgetaar.finansiering.Læsø", "-b", mappe)
    assert r.exit_code == 0, r.output
    assert "befolkning.kommuner.Læsø = 218 fra" in r.stdout
    assert "(pladsholder)" in r.stdout and "(kalibreret)" not in r.stdout.split("Læsø = 218")[1].split("\n")[0]


def test_en_ukendt_noegle_og_en_noegle_i_begge_lister_afvises(mappe):
    _med_pladsholdere(mappe, '["befolkning.komuner"]')
    r = kør("tjek", mappe)
    assert r.exit_code == 2
    assert "2024.toml:10: pladsholdere: nævner en nøgle, der ikke findes: befolkning.komuner" in r.stdout
    ret(mappe / "2024.toml", '"befolkning.komuner"', '"normtimer.tilsyn"')
    r = kør("tjek", mappe)
    assert r.exit_code == 2
    assert "pladsholdere: normtimer.tilsyn står også i kalibreret" in r.stdout


def test_ny_foerer_listen_videre(mappe):
    fordel_resultat(_med_pladsholdere(mappe))
    assert kør("ny", 2025, "-b", mappe, "--pl", "3,2").exit_code == 0
    assert laes_budget(mappe / "2025.toml").pladsholdere == ("befolkning.kommuner",)


def test_tjek_melder_aaret_foers_advarsel_een_gang(mappe):
    """2023's egne fund følger med, når 2023 er året før 2024 (så beregn 2024 viser dem); tjek
    melder dem én gang."""
    ret(mappe / "2023.toml", "kalibreret = [", 'pladsholdere = ["befolkning.kommuner"]\nkalibreret = [')
    r = kør("tjek", mappe)
    assert r.exit_code == 0, r.output
    assert r.stdout.count("2023.toml:14: pladsholdere:") == 1


def test_notatet_lister_pladsholderne_paa_dansk(mappe):
    _med_pladsholdere(mappe, '["befolkning.kommuner", "normtimer.vaesentlig_aendring"]')
    ret(mappe / "2024.toml", '    "normtimer.vaesentlig_aendring",\n', "")
    r = kør("notat", 2024, "-b", mappe, "-o", mappe / "n.md")
    assert r.exit_code == 0, r.output
    tekst = (mappe / "n.md").read_text(encoding="utf-8")
    assert "Pladsholder: ingen kilde offentliggør værdien" in tekst
    assert "| 0-17-årige, Silkeborg | 21.872 | pladsholder |" in tekst
    assert "| Normtimer, væsentlig ændring (takstgruppe 1) | 18,2142 | pladsholder |" in tekst
