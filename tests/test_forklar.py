"""forklar (issue 10, docs/aaret.md): udledningen læses af sporet fra de funktioner, der regner."""

import re

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli.app import app
from tilsynstakst.aaret.gennemloeb import forklar

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def linje_nr(noegle_linje: str) -> int:
    """Linjen i budgets/2024.toml, hvor teksten står (til at tjekke fil:linje i forklaringen)."""
    for nr, linje in enumerate((BUDGETS / "2024.toml").read_text(encoding="utf-8").split("\n"), 1):
        if linje.startswith(noegle_linje):
            return nr
    raise AssertionError(noegle_linje)


def test_tilsynstaksten_for_takstgruppe_3_er_87703_med_sine_inddata_og_linjer():
    """Notatets eksempel: vægt 2 × normtimer 65,2536 × timepris (16.905.109 / 25.155,71724
    timer) = 87.703,26 → 87.703, afrundet halvt op (§ 32)."""
    r = kør("forklar", 2024, "budgetaar.takster.tilsyn.2", "-b", BUDGETS)
    assert r.exit_code == 0, r.output
    linjer = r.stdout.splitlines()
    assert linjer[0] == "budgetaar.takster.tilsyn.2 = 87.703 (takst for tilsyn, takstgruppe 3)"
    assert linjer[1] == ("  = vægt (takstgruppe 3) 2 × normtimer.tilsyn 65,2536 × timepris, "
                         "uafrundet ≈672,0186 = ≈87.703,2613 → 87.703")
    assert "§ 32" in linjer[2]
    tekst = r.stdout
    fil = str(BUDGETS / "2024.toml")
    assert f"normtimer.tilsyn = 65,2536 fra {fil}:{linje_nr('tilsyn = 65.2536')} (kalibreret)" in tekst
    assert (f"budget.tilbudsafdelingen = 16.905.109 fra "
            f"{fil}:{linje_nr('tilbudsafdelingen = 16905109')}") in tekst
    assert ("= budget.tilbudsafdelingen 16.905.109 ÷ normtimer i alt (vægtet) ≈25.155,7172"
            in tekst)
    # Hvert led i summen af timerne, med sine tal: 51 × 1 × 65,2536 = 3.327,9336 osv.
    for led in ("antal.pr_takstgruppe.tilbud.0 51 × vægt (takstgruppe 1) 1 × normtimer.tilsyn "
                "65,2536 = 3.327,9336",
                "antal.pr_takstgruppe.tilbud.3 10 × vægt (takstgruppe 4) 3 × normtimer.tilsyn "
                "65,2536 = 1.957,608",
                "antal.bpa_tilsyn 19 × normtimer.bpa_tilsyn 13 = 247"):
        assert led in tekst, led


def test_hvert_tal_i_forklaringen_passer():
    """Hver formellinje 'a × b ÷ c = r' regnes efter med de tal, der står i den."""
    from decimal import Decimal

    tekst = kør("forklar", 2024, "budgetaar.takster.tilsyn.2", "-b", BUDGETS).stdout
    tal = r"≈?-?[\d.]+(?:,\d+)?"

    def d(s: str) -> Decimal:
        return Decimal(s.lstrip("≈").replace(".", "").replace(",", "."))

    tjekket = 0
    for linje in tekst.splitlines():
        m = re.fullmatch(rf"\s*= (.*) = ({tal})(?: → ({tal}))?", linje)
        if not m or "summen" in m.group(1):
            continue
        led = [d(x) for x in re.findall(rf"(?<= )({tal})(?= [×÷]|$)", m.group(1))]
        ops = re.findall(r" ([×÷]) ", m.group(1))
        vaerdi = led[0]
        for op, x in zip(ops, led[1:]):
            vaerdi = vaerdi * x if op == "×" else vaerdi / x
        # Et led vist med ≈ er afrundet til fire decimaler: en relativ fejl på højst 1e-7.
        assert abs(vaerdi - d(m.group(2))) <= abs(vaerdi) * Decimal("1e-7") + Decimal("0.0001"), linje
        tjekket += 1
    assert tjekket >= 15


def test_en_kommunes_finansiering_og_gennemsnitsprisen():
    f = forklar(BUDGETS, 2024, "stoerste-rest", "budgetaar.finansiering.kommuner.10.beloeb")
    assert f.vaerdi == 6294349
    assert f.linjer[1] == ("  = plejefamilieafdelingens budget 19.156.058 × 0-17-årige i Aalborg "
                           "39.978 ÷ 0-17-årige i alt 121.668 = ≈6.294.349,2679 → 6.294.349")
    assert any("befolkning.kommuner.Aalborg = 39.978 fra" in x for x in f.linjer)
    assert any("heltalsdelen 6.294.349" in x and "Aalborg fik ikke én" in x for x in f.linjer)
    # Rebild får den sidste krone (notatet afrunder hver kommune for sig: 1.152.027).
    rebild = forklar(BUDGETS, 2024, "stoerste-rest", "budgetaar.finansiering.kommuner.7.beloeb")
    assert rebild.vaerdi == 1152028 and any("Rebild fik én" in x for x in rebild.linjer)
    g = forklar(BUDGETS, 2024, "stoerste-rest", "forrige_aar.gennemsnitspris")
    assert g.vaerdi == 18626
    tekst = "\n".join(g.linjer)
    assert "budget.plejefamilieafdelingen 17.654.409 × PL-faktor fra 2023- til 2024-priser 1,0445" in tekst
    assert "18.440.030,2005 ÷ plejefamilier_i_alt 990 = ≈18.626,2931 → 18.626" in tekst
    assert "indeks.2024 = 104,45 fra" in tekst and "pl-indeks.toml:" in tekst


def test_forklaringens_tal_er_det_beregn_viser():
    import json
    from decimal import Decimal

    data = json.loads(kør("beregn", 2024, "-b", BUDGETS, "-f", "json").stdout, parse_float=Decimal)
    for noegle in ("budgetaar.takster.tilsyn.2", "budgetaar.finansiering.kommuner.10.beloeb",
                   "budgetaar.gennemsnitspris", "aendringer.takster.tilsyn.2.pct",
                   "forrige_aar.takster.timepris", "pl_faktor"):
        vaerdi = data
        for del_ in noegle.split("."):
            vaerdi = vaerdi[int(del_)] if del_.isdigit() else vaerdi[del_]
        f = forklar(BUDGETS, 2024, "stoerste-rest", noegle)
        assert f.vaerdi == vaerdi, noegle
        assert f.linjer[0].startswith(f"{noegle} = "), f.linjer[0]


def test_uden_noegle_vises_alle_tal_med_noegle():
    r = kør("forklar", 2024, "-b", BUDGETS)
    assert r.exit_code == 0
    assert "budgetaar.takster.tilsyn.2 = 87.703" in r.stdout.splitlines()
    assert "budgetaar.aar" not in r.stdout


def test_forklar_med_saet_siger_scenarie_og_bruger_scenariets_tal():
    r = kør("forklar", 2024, "budgetaar.takster.timepris_uafrundet", "-b", BUDGETS,
            "--saet", "budget.tilbudsafdelingen=17105109")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("SCENARIE")
    assert ("= budget.tilbudsafdelingen 17.105.109 ÷ normtimer i alt (vægtet) ≈25.155,7172"
            in r.stdout)


@pytest.mark.parametrize("noegle, brudstykke", [
    ("budgetaar.takster.tilsyn.7", "er ikke et tal i beregningen"),
    ("budgetaar.takster.tilsin.2", "mente du budgetaar.takster.tilsyn.2?"),
])
def test_ukendt_noegle_er_en_linje_og_kode_2(noegle, brudstykke):
    r = kør("forklar", 2024, noegle, "-b", BUDGETS)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and brudstykke in r.stderr, r.stderr


def test_sporet_er_slukket_uden_forklar():
    """Uden ``optag`` noterer funktionerne intet (sporet koster ikke beregn noget)."""
    from tilsynstakst.beregning import spor
    from tilsynstakst.aaret.gennemloeb import beregn

    beregn(BUDGETS, 2024, "stoerste-rest")
    assert not spor.aktivt()


def test_en_kommune_kan_naevnes_ved_navn_og_summen_viser_alle_led():
    f = forklar(BUDGETS, 2024, "stoerste-rest", "budgetaar.finansiering.kommuner.Aalborg.beloeb")
    assert f.noegle == "budgetaar.finansiering.kommuner.10.beloeb" and f.vaerdi == 6294349
    i_alt = f.linjer.index("  budgetaar.finansiering.befolkning_i_alt = 121.668 (0-17-årige i alt)")
    led = [x for x in f.linjer[i_alt + 2:i_alt + 13] if x.startswith("    befolkning.kommuner.")]
    assert len(led) == 11 and "    befolkning.kommuner.Aalborg = 39.978, se ovenfor" in led


def test_forklaringen_henviser_til_readme_ikke_til_et_dokument_brugeren_ikke_har():
    tekst = "\n".join(forklar(BUDGETS, 2024, "stoerste-rest", "aendringer.gennemsnitspris.pct").linjer)
    assert "DESIGN.md" not in tekst and "README: Afrunding" in tekst


def test_en_kommune_ved_navn_og_noeglelisten_viser_navnene():
    """Issue 19: budgetaar.finansiering.Læsø er Læsøs beløb; pladsnøglerne virker fortsat."""
    for noegle in ("budgetaar.finansiering.Læsø", "budgetaar.finansiering.læsø.beloeb",
                   "budgetaar.finansiering.kommuner.Læsø.beloeb",
                   "budgetaar.finansiering.kommuner.4.beloeb"):
        f = forklar(BUDGETS, 2024, "stoerste-rest", noegle)
        assert (f.noegle, f.vaerdi) == ("budgetaar.finansiering.kommuner.4.beloeb", 34323), noegle
        assert f.linjer[0] == ("budgetaar.finansiering.kommuner.4.beloeb = 34.323 (Læsøs "
                               "objektive finansiering)")
    f = forklar(BUDGETS, 2024, "stoerste-rest", "forrige_aar.finansiering.Læsø.befolkning")
    assert (f.noegle, f.vaerdi) == ("forrige_aar.finansiering.kommuner.4.befolkning", 225)
    r = runner.invoke(app, ["forklar", "2024", "-b", str(BUDGETS)])
    linjer = r.stdout.splitlines()
    assert [x for x in linjer if "Læsø" in x] == [
        "budgetaar.finansiering.Læsø.befolkning = 218",
        "budgetaar.finansiering.Læsø.andel_pct = 0,2",
        "budgetaar.finansiering.Læsø.beloeb = 34.323",
        "forrige_aar.finansiering.Læsø.befolkning = 225",
        "forrige_aar.finansiering.Læsø.andel_pct = 0,2",
        "forrige_aar.finansiering.Læsø.beloeb = 34.261",
        "aendringer.finansiering.Læsø.forrige = 34.261",
        "aendringer.finansiering.Læsø.budgetaar = 34.323",
        "aendringer.finansiering.Læsø.aendring = 62",
        "aendringer.finansiering.Læsø.pct = 0,2"]
    assert not any(".finansiering.kommuner." in x for x in linjer)


def test_en_stavefejl_i_en_kommune_i_noeglen_faar_mente_du():
    r = runner.invoke(app, ["forklar", "2024", "budgetaar.finansiering.Brønderslv", "-b",
                            str(BUDGETS)])
    assert r.exit_code == 2
    assert r.stderr == ("Fejl: budgetaar.finansiering.Brønderslv: er ikke et tal i beregningen "
                        "(mente du budgetaar.finansiering.Brønderslev.beloeb?); alle nøgler vises "
                        f"med: tilsynstakst forklar 2024 -b {BUDGETS}\n")
