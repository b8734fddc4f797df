"""Scenarier og følsomhed (issue 10, docs/aaret.md): en ændret model, regnet af de samme funktioner."""

import io
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ret
from tilsynstakst.cli.app import app
from tilsynstakst.budgetfil.laes import Budgetfil
from tilsynstakst.beregning.afrunding import afrund_kroner
from tilsynstakst.budgetfil.scenarie import Scenarie, laes_saet, saml
from tilsynstakst.aaret.gennemloeb import beregn, beregn_foelsomhed

runner = CliRunner()

# Notatets tal (Notat Budget 2024, s. 2-4) og timerne, der giver dem (budgets/2024.toml).
BUDGET_TILBUD = 16_905_109
TIMER = Fraction("25155.71724")
NORMTIMER_TILSYN = Fraction("65.2536")
VAEGTE = (1, Fraction(6, 5), 2, 3)


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def en_linje(r, *brudstykker):
    assert r.exit_code == 2, r.output
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    for b in brudstykker:
        assert b in r.stderr, (b, r.stderr)


# --- --saet ------------------------------------------------------------------------------------

def test_200000_kr_mere_til_tilbud_giver_haandregnede_takster():
    """Budget 16.905.109 + 200.000 = 17.105.109 kr. fordelt på de samme 25.155,71724 timer:
    timepris = 17.105.109 / 25.155,71724 = 679,9690 kr.; tilsynstakst = vægt × 65,2536 ×
    679,9690: 44.370,43 → 44.370; × 1,2 → 53.244,51 → 53.245; × 2 → 88.740,86 → 88.741;
    × 3 → 133.111,28 → 133.111 (afrundet halvt op, § 32)."""
    r = kør("beregn", 2024, "-b", BUDGETS, "--saet", "budget.tilbudsafdelingen=17105109",
            "-f", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    t = d["budgetaar"]["takster"]
    timepris = Fraction(17_105_109) / TIMER
    assert t["timepris_uafrundet"] == 679.9690 and afrund_kroner(timepris) == 680 == t["timepris"]
    assert t["tilsyn"] == [44370, 53245, 88741, 133111]
    assert t["tilsyn"] == [int(afrund_kroner(w * NORMTIMER_TILSYN * timepris)) for w in VAEGTE]
    assert t["timer_i_alt"] == 25155.72
    # Det siges før noget tal: scenariet er JSON'ens første nøgle efter versionen.
    assert list(d)[:2] == ["tilsynstakst", "scenarie"]
    assert d["scenarie"]["aendringer"] == [{"noegle": "budget.tilbudsafdelingen",
                                            "i_filen": BUDGET_TILBUD, "i_scenariet": 17105109,
                                            "aendring": 200000}]


def test_uden_scenarie_er_scenarie_null_og_tallene_notatets():
    d = json.loads(kør("beregn", 2024, "-b", BUDGETS, "-f", "json").stdout)
    assert d["scenarie"] is None and d["budgetaar"]["takster"]["tilsyn"][2] == 87703


@pytest.mark.parametrize("format_", ["tabel", "markdown"])
def test_tekstvisninger_siger_scenarie_foer_noget_tal(format_):
    r = kør("beregn", 2024, "-b", BUDGETS, "--saet", "normtimer.tilsyn=66", "-f", format_)
    assert r.exit_code == 0
    foer_tal = r.stdout.split("65,25")[0]
    assert "SCENARIE" in foer_tal and "budgets/2024.toml" in foer_tal
    assert "normtimer.tilsyn" in r.stdout and "66" in r.stdout


def test_csv_og_xlsx_begynder_med_scenariets_aendringer(tmp_path):
    r = runner.invoke(app, ["beregn", "2024", "-b", str(BUDGETS), "--saet",
                            "normtimer.tilsyn=66", "-f", "csv"])
    raekker = r.stdout_bytes.decode("utf-8-sig").splitlines()
    assert raekker[1] == "Scenarie: --saet;normtimer.tilsyn;I filen;65,2536;"
    assert raekker[2] == "Scenarie: --saet;normtimer.tilsyn;I scenariet;66;"
    from openpyxl import load_workbook

    fil = tmp_path / "s.xlsx"
    assert kør("beregn", 2024, "-b", BUDGETS, "--saet", "normtimer.tilsyn=66", "-f", "xlsx",
               "-o", fil).exit_code == 0
    bog = load_workbook(fil)
    assert bog.sheetnames[0] == "Scenarie"
    assert [c.value for c in bog["Scenarie"][5]] == ["normtimer.tilsyn", 65.2536, 66, 0.7464]


def test_notatet_for_et_scenarie_siger_det_i_titlen_og_foerst():
    r = kør("notat", 2024, "-b", BUDGETS, "--saet", "antal.plejefamilier=900")
    assert r.exit_code == 0
    linjer = r.stdout.splitlines()
    assert linjer[0] == "# SCENARIE – Socialtilsyn Nord – Budget 2024"
    # først efter titlen og notatets hoved ("**Til:** …", docs/budgetfil.md)
    efter_hovedet = [l for l in linjer[1:] if l and not l.startswith("**")]
    assert efter_hovedet[0].startswith("SCENARIE (--saet på kommandolinjen)")
    assert "| antal.plejefamilier | 860 | 900 | 40 |" in r.stdout


def test_en_liste_kan_aendres_paa_en_plads():
    b = beregn(BUDGETS, 2024, "stoerste-rest",
               saml([], laes_saet("antal.pr_takstgruppe.vaesentlige_aendringer.0=14")
                    + laes_saet("antal.vaesentlige_aendringer=61")))
    assert b.budget.antal.pr_takstgruppe.vaesentlige_aendringer == (14, 17, 28, 2)
    assert [a.noegle for a in b.rapport.scenarie.aendringer] == [
        "antal.pr_takstgruppe.vaesentlige_aendringer.0", "antal.vaesentlige_aendringer"]


@pytest.mark.parametrize("saet, brudstykker", [
    ("normtimer.tilsin=66", ("--saet", "normtimer.tilsin", "findes ikke i",
                             "mente du normtimer.tilsyn?")),
    ("befolkning.kommuner.Aalborgg=1", ("befolkning.kommuner.Aalborgg", "Aalborg?")),
    ('normtimer.tilsyn="mange"', ("budgets/2024.toml:", "normtimer.tilsyn:",
                                  "med --saet normtimer.tilsyn=\"mange\"")),
    ("antal.pr_takstgruppe.tilbud=[88, 97, 37, 19]",
     ("antal.tilbud", "251", "summer til 241", "med --saet antal.pr_takstgruppe.tilbud=")),
    ("antal.pr_takstgruppe.tilbud=[88, 97, 37]", ("antal.pr_takstgruppe.tilbud", "fire tal")),
    ("antal.pr_takstgruppe.tilbud.4=1", ("pladserne 0-3",)),
    ("budget.tilbudsafdelingen=17.105.109", ("'17.105.109' er ikke en TOML-værdi",
                                            "skriv 17105109: punktum som decimaltegn, "
                                            "ingen tusindtalspunktummer")),
    ("aar=2025", ("aar", "kan ikke ændres i et scenarie")),
    ("offentliggjort.bpa.timepris.budgetaar=700", ("de offentliggjorte tal er ikke "
                                                   "forudsætninger",)),
    ("normtimer.tilsyn", ("NØGLE=VÆRDI",)),
])
def test_forkert_saet_er_en_linje_med_noeglen_og_kode_2(saet, brudstykker):
    en_linje(kør("beregn", 2024, "-b", BUDGETS, "--saet", saet), *brudstykker)


def test_en_ugyldig_fil_meldes_som_filen_ikke_som_scenariet(mappe):
    ret(mappe / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -1")
    r = kør("beregn", 2024, "-b", mappe, "--saet", "normtimer.tilsyn=66")
    en_linje(r, "antal.bpa_tilsyn")
    assert "--saet" not in r.stderr


def test_filens_egne_vaerdier_som_scenarie_aendrer_intet():
    """Hver talværdi i filen sat til sig selv: ingen ændring vist, og de samme tal."""
    fil = Budgetfil.laes(BUDGETS / "2024.toml")
    grund = beregn(BUDGETS, 2024, "stoerste-rest").rapport
    saet = [f"{n}={v}" for n, v in (("budget.tilbudsafdelingen", 16905109),
                                     ("normtimer.tilsyn", "65.2536"),
                                     ("befolkning.kommuner.Aalborg", 39978),
                                     ("antal.pr_takstgruppe.tilbud", "[51, 142, 48, 10]"))]
    b = beregn(BUDGETS, 2024, "stoerste-rest", saml([], [a for s in saet for a in laes_saet(s)]))
    assert b.rapport.scenarie.aendringer == ()
    assert b.rapport.budgetaar == grund.budgetaar and fil.model() == b.budget


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=-5_000_000, max_value=5_000_000))
def test_mere_budget_hæver_timeprisen_med_praecis_beloeb_over_timer(k):
    """t = B / H: k kr. mere giver en uafrundet timepris, der er k / H højere; ingen takst
    falder, når budgettet stiger."""
    b = beregn(BUDGETS, 2024, "stoerste-rest",
               saml([], laes_saet(f"budget.tilbudsafdelingen={BUDGET_TILBUD + k}"))).rapport
    t = b.budgetaar.takster
    assert Fraction(t.timepris_uafrundet) == Fraction(round((Fraction(BUDGET_TILBUD + k) / TIMER)
                                                            * 10_000), 10_000)
    grund = (43852, 52622, 87703, 131555)
    assert all((n >= g) if k >= 0 else (n <= g) for n, g in zip(t.tilsyn, grund))


# --- Scenariefiler og scenarie-kommandoen ------------------------------------------------------

TI_TILBUD = """aar = 2024
beskrivelse = "Ti tilbud lukker"
[saet]
"antal.tilbud" = 241
"antal.pr_takstgruppe.tilbud" = [41, 142, 48, 10]
"""


def test_scenariefilen_ti_tilbud_lukker_giver_haandregnede_takster():
    """Ti tilbud færre i takstgruppe 1: 10 × vægt 1 × 65,2536 = 652,536 timer færre, så
    timepris = 16.905.109 / 24.503,18124 = 689,9149 kr. og takstgruppe 1 = 65,2536 × 689,9149
    = 45.019,43 → 45.019 (mod 43.852: +1.167 kr., 1.167 / 43.852 = 2,66 % → 2,7 %)."""
    r = kør("scenarie", 2024, "ti-tilbud-lukker", "-b", BUDGETS, "-f", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    timepris = Fraction(BUDGET_TILBUD) / (TIMER - 10 * NORMTIMER_TILSYN)
    assert d["resultat"]["takster"]["timer_i_alt"] == 24503.18
    assert d["resultat"]["takster"]["tilsyn"][0] == 45019 == afrund_kroner(NORMTIMER_TILSYN * timepris)
    f = d["forskelle"]["takster"]["tilsyn"][0]
    assert (f["forrige"], f["budgetaar"], f["aendring"], f["pct"]) == (43852, 45019, 1167, 2.7)
    assert d["grundlag"]["takster"]["tilsyn"] == [43852, 52622, 87703, 131555]
    assert d["scenarie"]["navn"] == "ti-tilbud-lukker"


@pytest.mark.parametrize("format_", ["tabel", "json", "markdown", "csv", "xlsx"])
def test_scenarie_i_alle_formater(format_, tmp_path):
    fil = tmp_path / f"s.{format_}"
    r = kør("scenarie", 2024, "ti-tilbud-lukker", "-b", BUDGETS, "-f", format_, "-o", fil)
    assert r.exit_code == 0, r.output
    data = fil.read_bytes()
    if format_ == "xlsx":
        from openpyxl import load_workbook

        bog = load_workbook(io.BytesIO(data))
        assert bog.sheetnames[0] == "Scenarie" and "Objektiv finansiering" in bog.sheetnames
        return
    tekst = data.decode("utf-8-sig")
    for stykke in ("ti-tilbud-lukker", "Aalborg", "Gennemsnitspris", "Timepris"):
        assert stykke.lower() in tekst.lower(), stykke
    assert ("45019" if format_ in ("json", "csv") else "45.019") in tekst


def test_scenarie_viser_kommunerne_og_omkostningsdaekningen():
    r = kør("scenarie", 2024, "-b", BUDGETS, "--saet", "budget.plejefamilieafdelingen=19256058",
            "-f", "json")
    d = json.loads(r.stdout)
    fin = d["forskelle"]["finansiering"]
    assert fin["i_alt"]["aendring"] == 100000
    assert sum(v["aendring"] for k, v in fin.items() if k != "i_alt") == 100000
    # 19.256.058 / 950 = 20.269,53 → 20.270 mod 19.156.058 / 950 = 20.164,27 → 20.164
    assert d["forskelle"]["gennemsnitspris"]["aendring"] == 106
    assert set(d["forskelle"]["daekning"]) == {"budget", "indtaegt", "rest"}


def test_flere_scenarier_laegges_sammen_og_saet_vinder(mappe):
    (mappe / "scenarier" / "mere.toml").write_text(
        'aar = 2024\nbeskrivelse = "Mere"\n[saet]\nbudget.tilbudsafdelingen = 17000000\n',
        encoding="utf-8")
    r = kør("scenarie", 2024, "ti-tilbud-lukker", "mere", "-b", mappe,
            "--saet", "budget.tilbudsafdelingen=17105109", "-f", "json")
    d = json.loads(r.stdout)
    assert d["scenarie"]["navn"] == "ti-tilbud-lukker + mere + --saet"
    aendret = {a["noegle"]: a["i_scenariet"] for a in d["scenarie"]["aendringer"]}
    assert aendret["budget.tilbudsafdelingen"] == 17105109 and aendret["antal.tilbud"] == 241


def test_scenarie_uden_aendringer_og_ukendt_navn(mappe):
    en_linje(kør("scenarie", 2024, "-b", mappe), "angiv et scenarie")
    en_linje(kør("scenarie", 2024, "findes-ikke", "-b", mappe), "scenariet findes ikke",
             "der er ti-tilbud-lukker")


def test_et_scenarie_for_et_andet_aar_afvises(mappe):
    en_linje(kør("scenarie", 2023, "ti-tilbud-lukker", "-b", mappe), "gælder for 2024, ikke 2023")


# --- tjek af scenariefiler ---------------------------------------------------------------------

@pytest.mark.parametrize("indhold, brudstykker", [
    (TI_TILBUD.replace('"antal.tilbud" = 241', '"antal.tilbud" = 240'),
     ("scenarier/x.toml:4: saet.antal.tilbud: tilbud = 240, men pr_takstgruppe.tilbud summer "
      "til 241",)),
    (TI_TILBUD.replace("antal.tilbud", "antal.tilbudd"),
     ("scenarier/x.toml:4: antal.tilbudd: nøglen findes ikke", "antal.tilbud?")),
    (TI_TILBUD.replace("aar = 2024", "aar = 2031"), ("2031.toml findes ikke",)),
    (TI_TILBUD.replace('beskrivelse = "Ti tilbud lukker"\n', ""), ("beskrivelse: mangler",)),
])
def test_tjek_validerer_scenariefiler(mappe, indhold, brudstykker):
    (mappe / "scenarier" / "x.toml").write_text(indhold, encoding="utf-8")
    r = kør("tjek", mappe)
    assert r.exit_code == 2, r.output
    for b in brudstykker:
        assert b in r.stdout, (b, r.stdout)


def test_tjek_godkender_det_leverede_eksempel():
    r = kør("tjek", BUDGETS)
    assert r.exit_code == 0 and "scenarier/ti-tilbud-lukker.toml  ✓ gyldig" in r.stdout


# --- Følsomhed ---------------------------------------------------------------------------------

def test_foelsomhedens_raekker_er_modellen_koert_to_gange():
    """Hver række = (budgettet med rækkens ændringer) - (budgettet), regnet gennem ``beregn``."""
    f, _ = beregn_foelsomhed(BUDGETS, 2024, "stoerste-rest")
    grund = beregn(BUDGETS, 2024, "stoerste-rest").rapport.budgetaar
    assert len(f.virkninger) == 13
    for v in f.virkninger:
        med = beregn(BUDGETS, 2024, "stoerste-rest",
                     Scenarie(v.navn, v.navn, v.aendringer)).rapport.budgetaar
        assert [a.aendring for a in v.tilsyn] == [
            m - g for m, g in zip(med.takster.tilsyn, grund.takster.tilsyn)], v.navn
        assert v.timepris.aendring == med.takster.timepris - grund.takster.timepris
        assert v.gennemsnitspris.aendring == med.gennemsnitspris - grund.gennemsnitspris


def test_foelsomhed_et_tilbud_mere_og_100000_kr_haandregnet():
    """Et tilbud mere i takstgruppe 1: H = 25.154,35 + 65,25 = 25.219,6 timer, timepris
    16.905.109 / 25.219,6 = 670,3163, takst 65,25 × 670,3163 = 43.738,14 → 43.738, altså
    114 kr. under 43.852. En plejefamilie mere: 19.156.058 / 951 = 20.143,07 → 20.143 mod
    20.164 (-21); 100.000 kr. mere: 19.256.058 / 950 = 20.269,53 → 20.270 (+106)."""
    f, _ = beregn_foelsomhed(BUDGETS, 2024, "stoerste-rest")
    v = {x.navn: x for x in f.virkninger}
    foer = afrund_kroner(NORMTIMER_TILSYN * BUDGET_TILBUD / TIMER)
    efter = afrund_kroner(NORMTIMER_TILSYN * BUDGET_TILBUD / (TIMER + NORMTIMER_TILSYN))
    assert (foer, efter) == (43852, 43738)
    assert v["1 tilbud mere i takstgruppe 1 (1-7 pladser)"].tilsyn[0].aendring == efter - foer
    pleje = Fraction(19_156_058)
    assert v["1 plejefamilie mere"].gennemsnitspris.aendring == (
        afrund_kroner(pleje / 951) - afrund_kroner(pleje / 950)) == -21
    assert v["100.000 kr. mere til Plejefamilieafdelingen"].gennemsnitspris.aendring == (
        afrund_kroner((pleje + 100_000) / 950) - afrund_kroner(pleje / 950)) == 106


@pytest.mark.parametrize("format_", ["tabel", "json", "markdown", "csv", "xlsx"])
def test_foelsomhed_i_alle_formater(format_, tmp_path):
    fil = tmp_path / f"f.{format_}"
    r = kør("foelsomhed", 2024, "-b", BUDGETS, "-f", format_, "-o", fil)
    assert r.exit_code == 0, r.output
    if format_ == "xlsx":
        from openpyxl import load_workbook

        ark = load_workbook(fil)["Følsomhed"]
        assert ark["A6"].value == "1 tilbud mere i takstgruppe 1 (1-7 pladser)"
        return
    tekst = fil.read_text(encoding="utf-8-sig")
    assert "1 plejefamilie mere" in tekst
    if format_ in ("tabel", "markdown"):
        assert "Sådan læses tabellen" in tekst


# --- Fundet, da en ny bruger prøvede scenarierne ------------------------------------------------

def test_en_forkert_scenariefil_meldes_ved_scenariet_ikke_ved_budgettet(mappe):
    (mappe / "scenarier" / "x.toml").write_text(
        TI_TILBUD.replace("[41, 142, 48, 10]", "[51, 142, 48, 11]").replace(
            '"antal.tilbud" = 241\n', ""), encoding="utf-8")
    r = kør("tjek", mappe)
    assert r.exit_code == 2
    assert "2024.toml  ✓ gyldig" in r.stdout and "scenarier/x.toml:4: saet.antal.tilbud:" in r.stdout
    r = kør("tjek", mappe / "scenarier")  # scenariemappen alene
    assert r.exit_code == 2 and "scenarier/x.toml:4:" in r.stdout


def test_to_scenarier_der_saetter_samme_vaerdi_afvises(mappe):
    (mappe / "scenarier" / "stor.toml").write_text(
        'aar = 2024\nbeskrivelse = "Et stort tilbud mere"\n[saet]\n'
        '"antal.pr_takstgruppe.tilbud" = [98, 97, 37, 20]\n"antal.tilbud" = 252\n',
        encoding="utf-8")
    en_linje(kør("scenarie", 2024, "ti-tilbud-lukker", "stor", "-b", mappe),
             "sættes også af", "ti-tilbud-lukker.toml", "ét scenarie")


@pytest.mark.parametrize("saet, brudstykke", [
    ("budget.tilbudsafdelingen=+200000", "skriv den nye værdi, ikke ændringen"),
    ("overfoert_resultat.beloeb=0", "allerede netto"),
    ("normtimer.kilde=\"x\"", "en kilde er tekst"),
])
def test_en_aendring_der_ville_misforstaas_afvises(saet, brudstykke):
    en_linje(kør("beregn", 2024, "-b", BUDGETS, "--saet", saet), brudstykke)


def test_hver_tabel_i_regnearket_siger_scenarie(tmp_path):
    from openpyxl import load_workbook

    fil = tmp_path / "s.xlsx"
    kør("beregn", 2024, "-b", BUDGETS, "--saet", "normtimer.tilsyn=66", "-f", "xlsx", "-o", fil)
    assert all(n == "Scenarie" or n.endswith("(scenarie)") for n in load_workbook(fil).sheetnames)
    r = runner.invoke(app, ["beregn", "2024", "-b", str(BUDGETS), "--saet", "normtimer.tilsyn=66",
                            "-f", "csv"])
    raekker = r.stdout_bytes.decode("utf-8-sig").splitlines()[1:]
    assert all("SCENARIE" in x or x.startswith("Scenarie:") for x in raekker)


def test_afrundingsrestens_forskel_har_ingen_procent():
    r = runner.invoke(app, ["scenarie", "2024", "ti-tilbud-lukker", "-b", str(BUDGETS), "-f", "csv"])
    rest = [x for x in r.stdout_bytes.decode("utf-8-sig").splitlines() if "Afrundingsrest" in x]
    assert rest and not any("Forskel i pct." in x for x in rest)


@pytest.mark.parametrize("saet, besked", [
    ("normtimer.tilsyn=66,5", "'66,5' er ikke en TOML-værdi: skriv 66.5: punktum som decimaltegn, "
                              "ingen tusindtalspunktummer"),
    ("budget.faelles_fordeling.tilbudsafdelingen=45,5",
     "'45,5' er ikke en TOML-værdi: skriv 45.5: punktum som decimaltegn, ingen "
     "tusindtalspunktummer"),
    ("antal.tilbud=251,5", "'251,5' er ikke en TOML-værdi: skriv 251.5: punktum som decimaltegn, "
                           "ingen tusindtalspunktummer; feltet tager kun hele tal"),
    ("antal.pr_takstgruppe.tilbud.2=48,5", "'48,5' er ikke en TOML-værdi: skriv 48.5: punktum som "
                                           "decimaltegn, ingen tusindtalspunktummer; feltet tager "
                                           "kun hele tal"),
])
def test_et_tal_paa_dansk_i_saet_faar_hjaelp_der_passer_til_feltets_type(saet, besked):
    """Issue 19: normtimer tager decimaler; kun kroner og antal tager kun hele tal."""
    r = kør("beregn", 2024, "-b", BUDGETS, "--saet", saet)
    assert r.exit_code == 2
    assert r.stderr == f"Fejl: --saet: {saet.partition('=')[0]}: {besked}\n"
