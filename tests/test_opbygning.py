"""Budgettets opbygning (issue 13): poster, fælles poster fordelt 45/55 med største brøkdel, og
det overførte resultat, til de finansierede budgetter, taksterne og finansieringen regnes af.

Eksemplet (eksempler/opbygning/2024.toml) er regnet i hånden:

- Tilbudsafdelingens egne poster: 11.200.000 + 1.768.055 = 12.968.055.
- Plejefamilieafdelingens egne poster: 13.100.000 + 1.244.101 = 14.344.101.
- Fælles poster: 5.400.001 + 2.350.000 + 1.250.000 = 9.000.001. 45 % = 4.050.000,45 og
  55 % = 4.950.000,55; hele kroner 4.050.000 + 4.950.000 = 9.000.000, den sidste krone går til
  den største rest (0,55): 4.050.000 og 4.950.001.
- Overført overskud 250.990 = 112.946 (tilbud) + 138.044 (pleje), trækkes fra.
- Tilbudsafdelingen: 12.968.055 + 4.050.000 − 112.946 = 16.905.109.
- Plejefamilieafdelingen: 14.344.101 + 4.950.001 − 138.044 = 19.156.058.

Det er 2024-notatets budgetter, så taksterne er notatets (43.852 … 131.555, timepris 672).
"""

import json
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import beregn_rapport, ret
from tilsynstakst.cli.app import app
from tilsynstakst.aaret.tjek import tjek
from tilsynstakst.aaret.gennemloeb import budget_af
from tilsynstakst.budgetfil.laes import Budgetfil, laes_budget
from tilsynstakst.beregning.opbygning import Post, opbyg

runner = CliRunner()
EKSEMPEL = Path(__file__).resolve().parent.parent / "eksempler" / "opbygning"


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def eksempel(tmp_path):
    shutil.copytree(EKSEMPEL, tmp_path / "e")
    return tmp_path / "e"


def test_eksemplet_siger_det_i_sin_foerste_linje():
    foerste = (EKSEMPEL / "2024.toml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert foerste.startswith("# EKSEMPEL")


def test_udledning_i_haanden():
    fil = Budgetfil.laes(EKSEMPEL / "2024.toml")
    assert fil.model().budget.tilbudsafdelingen is None  # filen, som den står: kun posterne
    b = budget_af(fil)  # til beregningen: totalerne udledt (beregning.opbygning.udled)
    assert (b.budget.tilbudsafdelingen, b.budget.plejefamilieafdelingen) == (16905109, 19156058)
    o = beregn_rapport(EKSEMPEL, 2024, "stoerste-rest").budgetaar.opbygning
    assert o.egne == {"tilbudsafdelingen": 12968055, "plejefamilieafdelingen": 14344101}
    assert o.faelles == 9000001
    assert o.faelles_fordelt == {"tilbudsafdelingen": 4050000, "plejefamilieafdelingen": 4950001}
    assert o.finansieret == {"tilbudsafdelingen": 16905109, "plejefamilieafdelingen": 19156058}


def test_et_underskud_laegges_til():
    """Et underskud på 100.000 (40.000 + 60.000) lægges til, ingen fælles poster: 1.000 + 40.000
    = 41.000 og 2.000 + 60.000 = 62.000."""
    o = opbyg((Post("a", Decimal(1000), "tilbudsafdelingen"),
               Post("b", Decimal(2000), "plejefamilieafdelingen")), None,
              {"tilbudsafdelingen": Decimal(-40000), "plejefamilieafdelingen": Decimal(-60000)})
    assert o.finansieret == {"tilbudsafdelingen": 41000, "plejefamilieafdelingen": 62000}


def test_taksterne_regnes_af_det_udledte_budget():
    r = kør("beregn", 2024, "-b", EKSEMPEL, "-f", "json")
    assert r.exit_code == 0, r.output
    t = json.loads(r.stdout)["budgetaar"]["takster"]
    assert (t["tilsyn"], t["timepris"]) == ([43852, 52622, 87703, 131555], 672)


def test_beregn_viser_opbygningen():
    r = kør("beregn", 2024, "-b", EKSEMPEL, "-f", "markdown")
    assert r.exit_code == 0, r.output
    md = r.stdout.replace("\xa0", " ")
    assert "### Budgettets opbygning 2024" in md
    assert "| Fælles poster fordelt (45 % / 55 %) | 4.050.000 | 4.950.001 | -9.000.001 |  |" in md
    assert "| Overført overskud fra regnskab 2022 | -112.946 | -138.044 |  | -250.990 |" in md
    assert "| Finansieret budget | 16.905.109 | 19.156.058 |  | 36.061.167 |" in md


def test_notatet_siger_resultatet_pr_afdeling():
    r = kør("notat", 2024, "-b", EKSEMPEL)
    assert ("Kr. 250.990 af overskuddet fra Regnskab 2022 er indregnet i takster og objektiv "
            "finansiering: kr. 112.946 i Tilbudsafdelingen og kr. 138.044 i "
            "Plejefamilieafdelingen.") in r.stdout.replace("\xa0", " ")
    assert "Budgettets opbygning 2024" in r.stdout


def test_det_overfoerte_resultat_flytter_budgetter_takster_og_finansiering(eksempel):
    """10.000 kr. mere i overskud (4.000 + 6.000) giver budgetter, der er præcis 4.000 og 6.000
    lavere; finansieringen i alt falder 6.000, og timeprisen regnes af det nye budget."""
    ret(eksempel / "2024.toml", "beloeb = 250990", "beloeb = 260990")
    ret(eksempel / "2024.toml", "tilbudsafdelingen = 112946", "tilbudsafdelingen = 116946")
    ret(eksempel / "2024.toml", "plejefamilieafdelingen = 138044",
        "plejefamilieafdelingen = 144044")
    foer = beregn_rapport(EKSEMPEL, 2024, "stoerste-rest").budgetaar
    nu = beregn_rapport(eksempel, 2024, "stoerste-rest").budgetaar
    assert foer.budget["tilbudsafdelingen"] - nu.budget["tilbudsafdelingen"] == 4000
    assert foer.budget["plejefamilieafdelingen"] - nu.budget["plejefamilieafdelingen"] == 6000
    assert foer.finansiering.sum_kommuner - nu.finansiering.sum_kommuner == 6000
    from fractions import Fraction
    assert Fraction(nu.takster.timepris_uafrundet) == round(
        Fraction(16905109 - 4000) / Fraction("25155.71724") * 10000) / Fraction(10000)


def test_totaler_der_ikke_passer_er_kode_2_i_beregn_og_et_fund_i_tjek(eksempel):
    ret(eksempel / "2024.toml", 'kilde = "EKSEMPEL: opfundne poster"\n',
        'kilde = "EKSEMPEL: opfundne poster"\ntilbudsafdelingen = 16905000\n')
    besked = ("budget.tilbudsafdelingen: tilbudsafdelingen = 16.905.000, men posterne giver "
              "16.905.109 (egne poster 12.968.055 + fælles andel 4.050.000 (45 % af 9.000.001) "
              "− overført overskud 112.946)")
    r = kør("beregn", 2024, "-b", eksempel)
    assert r.exit_code == 2 and besked in r.stderr.replace("\xa0", " "), r.stderr
    assert r.stderr.count("\n") == 1
    k = tjek([eksempel])
    assert any(besked in str(f).replace("\xa0", " ") and f.fejler() for f in k.fund)


def test_totaler_der_passer_maa_staa(eksempel):
    ret(eksempel / "2024.toml", 'kilde = "EKSEMPEL: opfundne poster"\n',
        'kilde = "EKSEMPEL: opfundne poster"\ntilbudsafdelingen = 16905109\n'
        'plejefamilieafdelingen = 19156058\n')
    assert kør("beregn", 2024, "-b", eksempel).exit_code == 0


@pytest.mark.parametrize("gammel, ny, besked", [
    ("tilbudsafdelingen = 45", "tilbudsafdelingen = 40",
     "budget.faelles_fordeling: tilbudsafdelingen + plejefamilieafdelingen skal være 100"),
    ("tilbudsafdelingen = 112946", "tilbudsafdelingen = 112945",
     "overfoert_resultat.beloeb: tilbudsafdelingen + plejefamilieafdelingen = 250.989, men "
     "beloeb er 250.990"),
    ("[budget.faelles_fordeling]  # procent af de fælles poster; summer til 100\n"
     "tilbudsafdelingen = 45\nplejefamilieafdelingen = 55\n", "",
     "budget.faelles_fordeling: mangler: der er fælles poster"),
    ('afdeling = "faelles"', 'afdeling = "faelleS"', "budget.poster[4].afdeling"),
])
def test_forkerte_poster_meldes_med_noegle_og_linje(eksempel, gammel, ny, besked):
    ret(eksempel / "2024.toml", gammel, ny)
    r = kør("beregn", 2024, "-b", eksempel)
    assert r.exit_code == 2 and besked in r.stderr, r.stderr
    assert ":" in r.stderr.split("2024.toml", 1)[1][:6]  # med linjenummer


def test_en_fil_uden_poster_er_uaendret():
    """2023 og 2024 har kun totaler; 2024-notatet afstemmes som før."""
    from conftest import BUDGETS

    r = beregn_rapport(BUDGETS, 2024, "stoerste-rest")
    assert r.budgetaar.opbygning is None and r.budgetaar.budget["samlet"] == 36061167
    assert "Budgettets opbygning" not in kør("beregn", 2024, "-b", BUDGETS).stdout


def test_et_scenarie_aendrer_en_post_og_taksterne_foelger_udledningen():
    """100.000 kr. mere til fælles IT: 45.000 til tilbud (55.000 til pleje); timeprisen regnes af
    16.905.109 + 45.000 = 16.950.109 kr. over de samme 25.155,71724 timer = 673,80742 → 673,8074
    med fire decimaler."""
    r = kør("beregn", 2024, "-b", EKSEMPEL, "--saet", "budget.poster.6.beloeb=1350000",
            "-f", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)["budgetaar"]
    assert d["budget"]["tilbudsafdelingen"] == 16950109
    assert d["budget"]["plejefamilieafdelingen"] == 19211058
    assert d["takster"]["timepris_uafrundet"] == 673.8074


def test_forklar_gaar_ned_til_posterne_og_deres_linjer():
    r = kør("forklar", 2024, "budgetaar.budget.tilbudsafdelingen", "-b", EKSEMPEL)
    assert r.exit_code == 0, r.output
    tekst = r.stdout
    linjer = (EKSEMPEL / "2024.toml").read_text(encoding="utf-8").split("\n")
    nr = next(i for i, l in enumerate(linjer, 1) if l == "beloeb = 5400001")
    assert (f"budget.poster.4.beloeb = 5.400.001 (Ledelse og administration) fra "
            f"{EKSEMPEL / '2024.toml'}:{nr}") in tekst
    assert "tilbudsafdelingens egne poster 12.968.055" in tekst
    assert "fælles poster i alt 9.000.001 × budget.faelles_fordeling.tilbudsafdelingen 45 %" in tekst


def test_ny_foerer_posterne_over_gange_pl_og_ikke_resultatet(eksempel):
    (eksempel / "pl-indeks.toml").write_text('kilde = "x"\n[indeks]\n2024 = 100\n',
                                             encoding="utf-8")
    r = kør("ny", 2025, "-b", eksempel, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    ny = laes_budget(eksempel / "2025.toml")
    assert ny.overfoert_resultat is None
    assert [p.beloeb for p in ny.budget.poster][:2] == [11558400, 1824633]  # × 1,032
    assert ny.budget.faelles_fordeling.tilbudsafdelingen == 45
    tekst = (eksempel / "2025.toml").read_text(encoding="utf-8")
    assert "tilbudsafdelingen = 1" not in tekst.split("[budget.faelles_fordeling]")[0]  # udledes
    assert "beloeb = 11558400  # UDKAST: 11.200.000 × 1,032" in tekst


def test_pl_omregner_hver_post_i_et_opbygget_udkast(eksempel):
    (eksempel / "pl-indeks.toml").write_text('kilde = "x"\n[indeks]\n2024 = 100\n',
                                             encoding="utf-8")
    assert kør("ny", 2025, "-b", eksempel, "--pl", "3,2").exit_code == 0
    r = kør("pl", 2025, "2,5", "-b", eksempel)
    assert r.exit_code == 0, r.output
    ny = laes_budget(eksempel / "2025.toml")
    gl = laes_budget(eksempel / "2024.toml")
    # Hver post × 1,025, afrundet halvt op for sig: 11.200.000 × 1,025 = 11.480.000.
    assert ny.budget.poster[0].beloeb == 11480000
    assert [p.beloeb for p in ny.budget.poster] == [
        int((p.beloeb * Decimal("1.025")).quantize(Decimal(1), ROUND_HALF_UP))
        for p in gl.budget.poster]
    assert f"Omregnede {len(gl.budget.poster)} beløb" in r.stdout
    assert "budget.poster.0.beloeb" in r.stdout


def test_et_udledt_budget_valideres_som_et_tastet(eksempel):
    """Issue 21: et overført overskud større end posterne gav et negativt budget, en negativ
    timepris og negative takster med kode 0. Et udledt beløb får det tastede beløbs regel."""
    fil = eksempel / "2024.toml"
    for gl, ny in (("beloeb = 250990", "beloeb = 30000000"),
                   ("tilbudsafdelingen = 112946", "tilbudsafdelingen = 20000000"),
                   ("plejefamilieafdelingen = 138044", "plejefamilieafdelingen = 10000000")):
        tekst = fil.read_text(encoding="utf-8")
        fil.write_text(tekst.replace(f"\n{gl}\n", f"\n{ny}\n", 1), encoding="utf-8")
    besked = (f"{fil}:21: budget.tilbudsafdelingen: tilbudsafdelingen udledt af posterne er "
              "-2.981.945 (egne poster 12.968.055 + fælles andel 4.050.000 (45\u00a0% af 9.000.001) "
              "− overført overskud 20.000.000), men et finansieret budget skal være et beløb i "
              "kr. ≥ 0; ret posterne eller det overførte resultat")
    r = kør("beregn", 2024, "-b", eksempel)
    assert r.exit_code == 2 and r.stdout == "" and r.stderr == f"Fejl: {besked}\n"
    r = kør("tjek", eksempel)
    assert r.exit_code == 2 and f"inputfejl {besked}" in r.stdout


def test_foelsomhed_paa_et_opbygget_budget_er_som_paa_totalerne(eksempel):
    """Issue 21: et budget af poster er et budget for hver kommando. Eksemplets udledte
    budgetter er 2024-notatets, så hver virkning er den samme som for budgets/2024.toml; de
    100.000 kr. lægges i afdelingens første egen post."""
    fra_poster = json.loads(kør("foelsomhed", 2024, "-b", eksempel, "-f", "json").stdout)
    fra_totaler = json.loads(kør("foelsomhed", 2024, "-f", "json").stdout)
    for d in (fra_poster, fra_totaler):
        for v in d["virkninger"]:
            v.pop("aendringer")
    assert fra_poster["virkninger"] == fra_totaler["virkninger"]
    assert fra_poster["grundlag"] == fra_totaler["grundlag"]


def test_et_scenarie_kan_aendre_det_overfoerte_resultat_i_et_opbygget_budget(eksempel):
    """10.000 kr. mindre overskud til tilbudsafdelingen er 10.000 kr. mere i dens budget."""
    r = kør("beregn", 2024, "-b", eksempel, "-f", "json",
            "--saet", "overfoert_resultat.tilbudsafdelingen=102946",
            "--saet", "overfoert_resultat.beloeb=240990")
    assert r.exit_code == 0, r.output
    budget = json.loads(r.stdout)["budgetaar"]["budget"]
    assert (budget["tilbudsafdelingen"], budget["plejefamilieafdelingen"]) == (16915109, 19156058)
    r = kør("beregn", 2024, "-b", eksempel, "--saet", "overfoert_resultat.tilbudsafdelingen=0")
    assert r.exit_code == 2 and "delene skal summe til beløbet" in r.stderr
