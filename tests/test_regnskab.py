"""Regnskabet lukker året (issue 24): regnskab/AAAA.toml, `tilsynstakst regnskab`, det
overførte resultat i `tjek` og `ny`.

De gyldne tal er tastet fra Notat Budget 2024 - Socialtilsyn Nord, s. 1-2: "Regnskab 2022 viste
et overskud på kr. 501.980" og "Halvdelen af overskud fra Regnskab 2022 kr. 250.990 er overført
til Budget 2024".
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, fordel_resultat, ret
from tilsynstakst.aaret.regnskab import laes_regnskab
from tilsynstakst.beregning.regnskab import regn_regnskab
from tilsynstakst.budgetfil.laes import laes_budget
from tilsynstakst.cli.app import app

runner = CliRunner()
OVERSKUD_2022 = 501980  # notatet s. 2
OVERFOERT_2024 = 250990  # notatet s. 1
REGNSKAB_2022 = "regnskab/2022.toml"


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_eksemplet_giver_notatets_overskud_og_overfoersel():
    r = kør("regnskab", 2022, "-f", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)["regnskab"]
    assert data["afdelinger"]["i_alt"]["resultat"]["regnskab"] == OVERSKUD_2022
    assert data["overfoert"] == [{"budgetaar": 2024, "beloeb": OVERFOERT_2024}]
    assert data["ikke_overfoert"] == OVERSKUD_2022 - OVERFOERT_2024
    assert data["art"] == "regnskab" and data["prisniveau"] == 2023


def test_saetningen_naevner_de_stoerste_bidrag_af_opdelingen():
    r = kør("regnskab", 2022)
    assert r.exit_code == 0, r.output
    # notatets årsager: flere væsentlige ændringer i de større takstgrupper, lavere IT-udgifter
    ud = " ".join(r.stdout.replace("\u00a0", " ").split())  # brudt i terminalens bredde
    assert ("Overskuddet skyldes hovedsageligt flere væsentlige ændringer end budgetteret i "
            "takstgruppe 3 og 4 (kr. 467.907; netto kr. 420.027 med færre i takstgruppe 1 og 2) "
            "og lavere udgifter til IT (kr. 155.000)." in ud)
    # 304.682 + 163.225 = 467.907 i takstgruppe 3 og 4; -21.764 - 26.116 i 1 og 2 (tabellen)

    assert "Regnskab 2022 viser et overskud på kr. 501.980." in ud


def test_saetningen_foelger_tallene_ikke_en_fast_tekst(mappe):
    ret(mappe / REGNSKAB_2022, "vaesentlige_aendringer = [27, 39, 14, 5]",
        "vaesentlige_aendringer = [29, 41, 0, 0]")
    ret(mappe / REGNSKAB_2022, "[[overfoersel]]", "[[ikke_brugt]]")
    r = kør("regnskab", 2022, "-b", mappe)
    assert r.exit_code == 2  # [[ikke_brugt]] er en ukendt nøgle
    ret(mappe / REGNSKAB_2022, "[[ikke_brugt]]", "[[overfoersel]]")
    ret(mappe / REGNSKAB_2022, "beloeb = 250990", "beloeb = 40000")
    r = kør("regnskab", 2022, "-b", mappe)
    assert r.exit_code == 0, r.output
    assert "Overskuddet skyldes hovedsageligt lavere udgifter til IT" in r.stdout
    assert "væsentlige ændringer" not in r.stdout.split("\n")[2]


@pytest.mark.parametrize("format", ["tabel", "json", "markdown", "csv"])
def test_alle_formater_viser_resultatet_og_afvigelsen_pr_takstgruppe(format):
    r = kør("regnskab", 2022, "-f", format)
    assert r.exit_code == 0, r.output
    ud = r.stdout
    assert ("501980" if format in ("json", "csv") else "501.980") in ud
    assert "304682" in ud.replace(".", "")  # 14 flere væsentlige ændringer × 21.763 i takstgruppe 3


def test_xlsx_har_et_faneblad_pr_tabel(tmp_path):
    from openpyxl import load_workbook

    fil = tmp_path / "r.xlsx"
    r = kør("regnskab", 2022, "-o", fil)
    assert r.exit_code == 0, r.output
    bog = load_workbook(fil)
    assert {"Resultat", "Indtægt", "Poster", "Overførsel"} <= set(bog.sheetnames)
    vaerdier = [c.value for ark in bog for raekke in ark.iter_rows() for c in raekke]
    assert OVERSKUD_2022 in vaerdier


def _regnskab_med(antal: dict[str, list[int]], maaneder: list[int]):
    budget = laes_budget(BUDGETS / "2022.toml")
    r = laes_regnskab(BUDGETS / REGNSKAB_2022)
    pr = r.aktivitet.pr_takstgruppe.model_copy(update={**antal, "skaerpet_maaneder": maaneder})
    r = r.model_copy(update={"aktivitet": r.aktivitet.model_copy(update={"pr_takstgruppe": pr})})
    return regn_regnskab(budget, r)


fire = st.lists(st.integers(0, 400), min_size=4, max_size=4)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(tilbud=fire, nyg=fire, vaes=fire, maaneder=fire)
def test_opdelingen_summer_praecist_til_afvigelsen_i_indtaegt(tilbud, nyg, vaes, maaneder):
    r = _regnskab_med({"tilbud": tuple(tilbud), "tilbud_nygodkendelser": tuple(nyg),
                       "vaesentlige_aendringer": tuple(vaes)}, tuple(maaneder))
    t = r.afdelinger["tilbudsafdelingen"].indtaegt
    linjer = [l.afvigelse for ls in r.indtaegt.values() for l in ls]
    linjer += [l.afvigelse for l in (r.bpa or {}).values()]
    assert sum(linjer) + r.afrundingsrest == t.afvigelse == t.regnskab - t.budget
    assert sum(r.afvigelse_pr_aktivitet.values()) == sum(linjer[:16])
    i_alt = r.afdelinger["i_alt"].resultat
    assert i_alt.regnskab == sum(r.afdelinger[a].resultat.regnskab
                                 for a in ("tilbudsafdelingen", "plejefamilieafdelingen"))


def test_plejefamiliernes_indtaegt_aendres_ikke_af_aktiviteten(mappe):
    ret(mappe / REGNSKAB_2022, "plejefamilier = 975", "plejefamilier = 1500")
    data = json.loads(kør("regnskab", 2022, "-b", mappe, "-f", "json").stdout)["regnskab"]
    pleje = data["afdelinger"]["plejefamilieafdelingen"]["indtaegt"]
    assert pleje == {"budget": 19270299, "regnskab": 19270299, "afvigelse": 0}


def test_en_forkert_vaerdi_giver_en_linje_med_fil_linje_og_noegle(mappe):
    ret(mappe / REGNSKAB_2022, "tilbud = [60, 151, 50, 10]", "tilbud = [60, 151, -1, 10]")
    r = kør("regnskab", 2022, "-b", mappe)
    assert r.exit_code == 2
    sti = mappe / REGNSKAB_2022
    assert r.output.strip() == (f"Fejl: {sti}:27: aktivitet.pr_takstgruppe.tilbud[2]: skal være "
                                "et helt tal ≥ 0, fik -1")


def test_art_er_en_lukket_liste_og_et_forventet_regnskab_overfoerer_intet(mappe):
    sti = mappe / REGNSKAB_2022
    ret(sti, 'art = "regnskab"', 'art = "forventet"')
    r = kør("tjek", mappe)
    assert r.exit_code == 2 and f"{sti}:14: art: skal være \"regnskab\"" in r.output
    ret(sti, 'art = "forventet"', 'art = "forventet regnskab"')
    r = kør("tjek", mappe)
    assert r.exit_code == 2 and "et forventet regnskab overfører intet" in r.output


def test_regnskabet_skal_staa_i_budgetfilens_priser(mappe):
    ret(mappe / REGNSKAB_2022, "prisniveau = 2023\n", "")
    r = kør("regnskab", 2022, "-b", mappe)
    assert r.exit_code == 2
    assert "regnskabets beløb står i 2022-priser, men" in r.output
    assert "skriv beløbene i 2023-priser og prisniveau = 2023" in r.output


def test_posternes_budget_skal_summe_til_afdelingens(mappe):
    ret(mappe / REGNSKAB_2022, "budget = 1150000", "budget = 1150001")
    r = kør("regnskab", 2022, "-b", mappe)
    assert r.exit_code == 2
    assert "tilbudsafdelingens poster har budget 15.493.477 kr. i alt" in r.output
    assert "15.493.476" in r.output


def test_tjek_finder_regnskabet_og_tager_det_ikke_for_en_budgetfil():
    r = kør("tjek", BUDGETS)
    assert r.exit_code == 0, r.output
    assert f"{BUDGETS / REGNSKAB_2022}  ✓ gyldig" in r.output
    r = kør("tjek", BUDGETS / "regnskab")
    assert r.exit_code == 0, r.output


def test_tjek_fejler_paa_et_overfoert_beloeb_der_ikke_er_beslutningens(mappe):
    ret(mappe / "2024.toml", "beloeb = 250990", "beloeb = 250999")
    r = kør("tjek", mappe)
    assert r.exit_code == 1, r.output
    linje = next(l for l in r.output.splitlines() if "beslutningen" in l)
    assert "2024.toml:" in linje and "overfoert_resultat.beloeb" in linje
    assert "250.999" in linje and "250.990" in linje


def test_tjek_fejler_paa_en_afdelings_del_der_ikke_er_beslutningens(mappe):
    fordel_resultat(mappe)
    ret(mappe / REGNSKAB_2022, "beloeb = 250990\n",
        "beloeb = 250990\ntilbudsafdelingen = 100000\nplejefamilieafdelingen = 150990\n")
    r = kør("tjek", mappe)
    assert r.exit_code == 1, r.output
    assert "indregner 112.946 kr. i tilbudsafdelingen, men" in r.output


def test_tjek_fejler_naar_der_overfoeres_mere_end_resultatet(mappe):
    ret(mappe / REGNSKAB_2022, "beloeb = 250990", "beloeb = 600000")
    ret(mappe / "2024.toml", "beloeb = 250990", "beloeb = 600000")
    r = kør("tjek", mappe)
    assert r.exit_code == 1, r.output
    assert "overfører i alt 600.000 kr., men årets resultat er 501.980 kr." in r.output
    assert "budget 2024 indregner i alt 600.000 kr. fra regnskab 2022" in r.output


def test_tjek_fejler_naar_senere_budgetter_tilsammen_tager_mere_end_resultatet(mappe):
    # to budgetter indregner hver 250.990 + 300.000 af de 501.980: hver passer med sin
    # beslutning, men tilsammen er det mere end resultatet
    ret(mappe / REGNSKAB_2022, "[[overfoersel]]", "[[overfoersel]]\nkilde = \"test\"\n"
        "budgetaar = 2023\nbeloeb = 300000\n\n[[overfoersel]]")
    ret(mappe / "2023.toml", "regnskabsaar = 2021\nbeloeb = 1085000",
        "regnskabsaar = 2022\nbeloeb = 300000")
    r = kør("tjek", mappe)
    assert r.exit_code == 1, r.output
    assert "overfører i alt 550.990 kr., men årets resultat er 501.980 kr." in r.output
    assert "budget 2023, 2024 indregner i alt 550.990 kr. fra regnskab 2022" in r.output


def test_ny_skriver_det_overfoerte_resultat_fra_beslutningen(mappe):
    fordel_resultat(mappe)
    ret(mappe / REGNSKAB_2022, "[[overfoersel]]", "[[overfoersel]]\nkilde = \"test\"\n"
        "budgetaar = 2025\nbeloeb = 100000\ntilbudsafdelingen = 60000\n"
        "plejefamilieafdelingen = 40000\n\n[[overfoersel]]")
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    assert "Skrev [overfoert_resultat] fra beslutningen i" in r.output
    ny = laes_budget(mappe / "2025.toml")
    o = ny.overfoert_resultat
    assert (o.regnskabsaar, o.beloeb, o.tilbudsafdelingen) == (2022, 100000, 60000)
    # 2024's tilbudsafdeling før resultatet (16.905.109 + 112.946) × 1,032, − 2025's del
    assert ny.budget.tilbudsafdelingen == 17562633 - 60000
    assert kør("tjek", mappe).exit_code == 0


def test_ny_uden_beslutning_skriver_intet_resultat(mappe):
    fordel_resultat(mappe)
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    assert laes_budget(mappe / "2025.toml").overfoert_resultat is None


def test_hvert_tal_i_regnskabet_forklares_ned_til_en_fil_eller_en_regel():
    from test_spordaekning import daekning

    from tilsynstakst.aaret.regnskab import beregn
    from tilsynstakst.beregning.forklaring import tal_i_data
    from tilsynstakst.beregning.spor import optag
    from tilsynstakst.budgetfil.laes import Linjer
    from tilsynstakst.jsondata import som_data

    with optag() as spor:
        rb = beregn(BUDGETS, 2022)
    data = dict(tal_i_data({"regnskab": som_data(rb.regnskab)}))
    linjer = Linjer()
    blade, brud = daekning(spor, data, lambda sti, k: linjer(Path(sti), *k.split(".")))
    assert brud == []
    assert all(blade.values()) and len(data) > 100


def test_forklar_et_tal_i_regnskabet():
    r = kør("forklar", 2022, "regnskab.indtaegt.vaesentlig_aendring.2.afvigelse")
    assert r.exit_code == 0, r.output
    assert "= 304.682" in r.stdout
    assert "regnskab/2022.toml:29" in r.stdout and "budgets/2022.toml:" in r.stdout


def test_regnskabsfilen_bestaar_skemaet():
    import tomllib

    import jsonschema

    from tilsynstakst.budgetfil.jsonskema import skema, skema_json

    gemt = (BUDGETS.parent / "skema" / "regnskab.schema.json").read_text(encoding="utf-8")
    assert gemt == skema_json("regnskab"), "kør: tilsynstakst skema regnskab > skema/..."
    data = tomllib.loads((BUDGETS / REGNSKAB_2022).read_text(encoding="utf-8"),
                         parse_float=Decimal)
    jsonschema.Draft202012Validator(skema("regnskab")).validate(
        json.loads(json.dumps(data, default=float)))


def test_tjek_siger_ved_2024_at_det_overfoerte_resultat_er_afstemt_med_beslutningen():
    """Acceptkriteriet: tjek budgets/ afstemmer 2024's 250.990 med beslutningen i regnskab 2022,
    og siger det ved filen (ikke kun tavst, når det passer)."""
    from tilsynstakst.cli.app import app
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["tjek", "budgets"])
    assert r.exit_code == 0, r.output
    linje = next(l for l in r.stdout.splitlines() if l.startswith("budgets/2024.toml  "))
    assert linje.endswith("; overført resultat 250.990 kr. afstemt med beslutningen i "
                          "budgets/regnskab/2022.toml")
