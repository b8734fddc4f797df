"""``tjek``: alle filer læses, alle fund meldes, og de offentliggjorte tal afstemmes (docs/afstemning.md)."""

import json
import shutil
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from conftest import BUDGETS, ret
from tilsynstakst.kontrol.afstemning import AFRUNDING, AFVIGELSE, ENS, UBEREGNELIG, Beregnet, klassificer
from tilsynstakst.kontrol.afstemning import ERKENDT as KL_ERKENDT
from tilsynstakst.kontrol.afstemning import KOLONNE
from tilsynstakst.cli.app import app
from tilsynstakst.fund import ADVARSEL, ERKENDT, INPUTFEJL, Fund, udgangskode
from tilsynstakst.aaret.tjek import tjek
from tilsynstakst.tal import ANTAL, KR, PCT

runner = CliRunner()

# docs/afstemning.md og issue 12: notaternes slip, (fil, nøgle) → (alvor, offentliggjort, beregnet).
NOTATETS_SLIP = {
    # 2024: 10 / 70 = 14,29 % trykt som 14,2 %; finansieringskolonnen afrundet pr. kommune;
    # 2023's gennemsnitspris er det afrundede tal PL-fremskrevet.
    ("2024.toml", "offentliggjort.antal.vaesentlige_aendringer.pct"):
        (AFRUNDING, Decimal("-14.2"), Decimal("-14.3")),
    ("2024.toml", "offentliggjort.finansiering.*.beloeb.budgetaar"):
        (AFRUNDING, 19156057, 19156058),
    ("2024.toml", "offentliggjort.gennemsnitspris.forrige"): (AFRUNDING, 18627, 18626),
    # 2023: faldet i plejefamilieafdelingen trykt 3 kr. for stort (erkendt i filen); 2022-kolonnen
    # afrundet pr. kommune; oversigtens én procent for "alle kategorier", hvor en takstgruppe
    # giver 0,1 mere (landsoversigtens tal står under [oversigt]).
    ("2023.toml", "offentliggjort.budget.plejefamilieafdelingen.aendring"):
        (ERKENDT, -1615893, -1615890),
    ("2023.toml", "offentliggjort.finansiering.*.beloeb.forrige"): (AFRUNDING, 19270298, 19270299),
    ("2023.toml", "oversigt.takster.skaerpet_tilsyn_pr_maaned.alle_kategorier.pct"):
        (AFRUNDING, Decimal("8.2"), Decimal("8.3")),
    ("2023.toml", "oversigt.takster.vaesentlig_aendring.alle_kategorier.pct"):
        (AFRUNDING, Decimal("1.7"), Decimal("1.8")),
}


def kør(*args: str):
    return runner.invoke(app, ["tjek", *args])


@pytest.mark.parametrize("forskel, enhed, klasse", [
    (0, KR, ENS), (1, KR, AFRUNDING), (-1, KR, AFRUNDING), (2, KR, AFVIGELSE),
    (Decimal("0.1"), PCT, AFRUNDING), (Decimal("0.2"), PCT, AFVIGELSE), (1, ANTAL, AFVIGELSE),
])
def test_klasser(forskel, enhed, klasse):
    assert klassificer(Decimal(100), Beregnet(Decimal(100) + forskel, enhed)) == klasse


def test_uberegnelig_naar_tallet_ikke_findes():
    assert klassificer(Decimal(1), None) == UBEREGNELIG
    assert klassificer(Decimal(1), Beregnet(None, KR, "året før mangler")) == UBEREGNELIG


def test_de_leverede_filer_er_gyldige_og_notaternes_slip_er_navngivet():
    k = tjek([BUDGETS])
    assert {(f.fil.rsplit("/", 1)[-1], f.noegle): (f.alvor, f.forventet, f.beregnet)
            for f in k.fund} == NOTATETS_SLIP
    # Kolonnen afrundet pr. kommune tælles for sig, ikke som et offentliggjort tal.
    assert k.afstemt[str(BUDGETS / "2024.toml")] == {ENS: 121, AFRUNDING: 2, KOLONNE: 1}
    # 2023: notatets 121 tal og oversigtens 43, de 164 tal, filen altid har afstemt.
    assert k.afstemt[str(BUDGETS / "2023.toml")] == {ENS: 120, KL_ERKENDT: 1, KOLONNE: 1}
    assert k.oversigt[str(BUDGETS / "2023.toml")] == {ENS: 41, AFRUNDING: 2}
    assert str(BUDGETS / "2024.toml") not in k.oversigt
    r = kør(str(BUDGETS))
    assert r.exit_code == 0
    assert "Alle budgetfiler er gyldige" in r.stdout and "6 afrundingsforskelle" in r.stdout
    assert ("2024.toml:107: offentliggjort.finansiering.*.beloeb.budgetaar: kolonnen med "
            "kommunernes beløb for 2024 summer til 19.156.057, ikke budgettets 19.156.058: "
            "notatet har afrundet hver kommune for sig (simpel afrunding), og den metode giver "
            "præcis notatets 11 beløb. tilsynstakst fordeler med største brøkdels metode "
            "(standard) og giver Rebild 1.152.028 (notatet 1.152.027)") in r.stdout
    # Kommunen med den ulige krone nævnes i kolonnens fund, ikke som et fund for sig.
    assert "offentliggjort.finansiering.Rebild" not in r.stdout
    assert ("2024.toml  ✓ gyldig; 123 offentliggjorte tal afstemt: 121 ens, 2 "
            "afrundingsforskelle, 1 kolonne afrundet med en anden metode") in r.stdout


def test_streng_goer_afrundingsforskelle_til_fejl():
    r = kør(str(BUDGETS), "--streng")
    assert r.exit_code == 1 and "✗ fejler" in r.stdout


def test_json_et_objekt_pr_fund_med_forventet_og_beregnet():
    r = kør(str(BUDGETS), "--format", "json")
    assert r.exit_code == 0
    fund = json.loads(r.stdout, parse_float=Decimal)
    assert len(fund) == len(NOTATETS_SLIP)
    pct = next(f for f in fund if f["key"] == "offentliggjort.antal.vaesentlige_aendringer.pct")
    assert pct == {
        "file": str(BUDGETS / "2024.toml"), "line": pct["line"],
        "key": "offentliggjort.antal.vaesentlige_aendringer.pct", "severity": "afrunding",
        "message": "afrundingsforskel: offentliggjort -14,2\xa0%, beregnet -14,3\xa0% "
                   "(forskel 0,1 procentpoint)",
        "expected": Decimal("-14.2"), "computed": Decimal("-14.3"), "fails": False,
    }
    tekst = (BUDGETS / "2024.toml").read_text(encoding="utf-8").splitlines()
    assert tekst[pct["line"] - 1].startswith("vaesentlige_aendringer = { forrige = 70")
    erkendt = next(f for f in fund if f["severity"] == "erkendt")
    assert erkendt["fails"] is False and erkendt["file"].endswith("2023.toml")
    tekst = (BUDGETS / "2023.toml").read_text(encoding="utf-8").splitlines()
    assert tekst[erkendt["line"] - 1] == "aendring = -1615893"


def test_et_forkert_offentliggjort_tal_er_en_afvigelse_med_kode_1(mappe):
    ret(mappe / "2024.toml", "budgetaar = 43852", "budgetaar = 43000")
    r = kør(str(mappe), "-f", "json")
    assert r.exit_code == 1
    afv = [f for f in json.loads(r.stdout) if f["severity"] == "afvigelse"]
    assert len(afv) == 1
    assert afv[0]["key"] == "offentliggjort.takster.tilsyn.takstgruppe_1.budgetaar"
    assert (afv[0]["expected"], afv[0]["computed"], afv[0]["fails"]) == (43000, 43852, True)
    r = kør(str(mappe))
    assert "afviger: offentliggjort 43.000, beregnet 43.852 (forskel 852 kr.)" in r.stdout


def test_procent_uden_for_tolerancen_er_en_afvigelse(mappe):
    ret(mappe / "2024.toml", "pct = -13.6", "pct = -13.4")
    k = tjek([mappe])
    afv = [f for f in k.fund if f.alvor == AFVIGELSE]
    assert [f.noegle for f in afv] == ["offentliggjort.antal.bpa_tilsyn.pct"]
    assert "(forskel 0,2 procentpoint)" in afv[0].besked


def test_uden_aaret_foer_kan_tallene_for_aaret_foer_ikke_afstemmes(mappe):
    (mappe / "2023.toml").unlink()
    k = tjek([mappe])
    assert udgangskode(k.fund) == 2
    [f] = [f for f in k.fund if f.alvor == INPUTFEJL]
    assert f.fil.endswith("2024.toml") and f.linje is not None
    assert f.besked.startswith("kan ikke afstemmes: budgetfilen for 2023 findes ikke (")


def test_en_kommune_blandt_de_offentliggjorte_tal_som_befolkningen_ikke_har(mappe):
    """En rigtig kommune, filen ikke har (et navn, der ikke er en kommune, afvises allerede af
    filen: test_omraade.py), meldes én gang for sine seks tal."""
    ret(mappe / "2024.toml", "[offentliggjort.finansiering.Thisted]",
        "[offentliggjort.finansiering.Skive]")
    r = kør(str(mappe))
    assert r.exit_code == 2
    assert "offentliggjort.finansiering.Skive: kommunen findes ikke i " \
        "befolkning.kommuner (6 offentliggjorte tal)" in r.stdout


def test_pl_indekset_mangler_aaret_foer(mappe):
    ret(mappe / "pl-indeks.toml", "2023 = 100", "2022 = 100")
    r = kør(str(mappe))
    assert r.exit_code == 2
    assert "pl-indeks.toml:" in r.stdout and "indeks.2023: PL-indekset mangler året 2023" in r.stdout


def test_kvartalet_skal_vaere_andet_kvartal_aaret_foer_ellers_en_advarsel(mappe):
    ret(mappe / "2024.toml", 'kvartal = "2023K2"', 'kvartal = "2023K3"')
    k = tjek([mappe])
    [f] = [f for f in k.fund if f.alvor == ADVARSEL]
    assert str(f).endswith('befolkning.kvartal: er 2023K3, men reglen er 2. kvartal året før '
                           f'budgetåret: 2023K2 (hent det med: tilsynstakst befolkning 2024 -b '
                           f'{mappe} --hent)')
    assert kør(str(mappe)).exit_code == 0
    assert kør(str(mappe), "--streng").exit_code == 1


def test_kommunerne_skal_vaere_de_samme_to_aar_i_traek(mappe):
    ret(mappe / "2023.toml", '"Læsø" = ', '"Samsø" = ')
    ret(mappe / "2023.toml", '[offentliggjort.finansiering."Læsø"]',
        '[offentliggjort.finansiering."Samsø"]')
    k = tjek([mappe])
    [f] = [f for f in k.fund if f.noegle == "befolkning.kommuner" and f.fil.endswith("2024.toml")]
    assert f.alvor == AFVIGELSE
    assert "(nye: Læsø; mangler: Samsø)" in f.besked  # Samsø og Læsø ligner ikke hinanden
    [laesoe] = [f for f in k.fund if "Læsø" in (f.noegle or "")]  # 2024-notatets tal for 2023
    assert laesoe.alvor == AFVIGELSE
    assert laesoe.besked == "kommunen findes ikke i budgetfilen for 2023 (3 offentliggjorte tal)"
    assert udgangskode(k.fund) == 1


def test_en_enkelt_fil_tjekkes_med_aaret_foer_og_pl_indekset_ved_siden_af():
    k = tjek([BUDGETS / "2024.toml"])
    assert len(k.fund) == 3 and str(BUDGETS / "2023.toml") in k.filer


def test_alle_filer_laeses_selv_efter_en_fejl(mappe):
    (mappe / "2023.toml").write_text("aar = \n", encoding="utf-8")
    ret(mappe / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -1")
    (mappe / "pl-indeks.toml").write_text('kilde = "x"\n[indeks]\n2024 = 0\n', encoding="utf-8")
    r = kør(str(mappe))
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"{mappe}/2023.toml:1: aar: ugyldig TOML: mangler en værdi efter '='" in r.stdout
    assert "2024.toml:35: antal.bpa_tilsyn: skal være et helt tal ≥ 0, fik -1" in r.stdout
    assert (f"{mappe}/pl-indeks.toml:3: indeks.2024: "
            "skal være et indekstal mellem 0,01 og 10.000 (fx 104.45), fik 0") in r.stdout
    assert r.stdout.count("✗ kan ikke bruges") == 3


def test_tom_mappe_og_manglende_sti(tmp_path):
    r = kør(str(tmp_path), str(tmp_path / "nej.toml"))
    assert r.exit_code == 2
    assert "mappen indeholder ingen budgetfiler" in r.stdout and "nej.toml: findes ikke" in r.stdout


def test_udgangskode():
    afr = Fund("f", "x", alvor=AFRUNDING)
    assert udgangskode([]) == 0 and udgangskode([afr]) == 0 and udgangskode([afr], True) == 1
    assert udgangskode([afr, Fund("f", "x", alvor=AFVIGELSE)]) == 1
    assert udgangskode([Fund("f", "x", alvor=AFVIGELSE), Fund("f", "x")]) == 2


def test_uden_plejefamilier_er_der_ingen_gennemsnitspris_men_ingen_traceback(mappe):
    ret(mappe / "2024.toml", "plejefamilier = 860", "plejefamilier = 0")
    ret(mappe / "2024.toml", "plejefamilier_nygodkendelser = 90", "plejefamilier_nygodkendelser = 0")
    r = runner.invoke(app, ["beregn", "2024", "-b", str(mappe)])
    assert r.exit_code == 0 and "Gennemsnitspris pr. plejefamilie" in r.stdout
    k = tjek([mappe])
    [f] = [f for f in k.fund if f.noegle.startswith("offentliggjort.gennemsnitspris")
           and f.alvor == AFVIGELSE]
    assert f.noegle == "offentliggjort.gennemsnitspris.budgetaar"
    assert f.besked == "der er ingen plejefamilier i budgetåret (2 offentliggjorte tal)"


def test_mange_mapper_i_et_tjek_og_en_fejl_i_den_ene(tmp_path):
    mapper = []
    for navn in ("a", "b", "c"):
        shutil.copytree(BUDGETS, tmp_path / navn)
        mapper.append(tmp_path / navn)
    ret(tmp_path / "b" / "2024.toml", "bpa_tilsyn = 19", "bpa_tilsyn = -1")
    kontrol = tjek(mapper)
    assert len(kontrol.filer) == 18 and udgangskode(kontrol.fund) == 2  # 6 pr. mappe, med regnskabet
    assert [f.fil for f in kontrol.fund if f.alvor == "inputfejl"] == [str(tmp_path / "b" / "2024.toml")]


def test_rapporten_i_en_terminal_har_farver_og_status(monkeypatch):
    import io

    from tilsynstakst.visning.render.kontrolrapport import vis_kontrol

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for navn in ("NO_COLOR", "TERM"):
        monkeypatch.delenv(navn, raising=False)
    monkeypatch.setenv("COLUMNS", "300")
    ud = Terminal()
    vis_kontrol(tjek([BUDGETS]), stroem=ud)
    tekst = ud.getvalue()
    assert "\x1b[" in tekst and "✓ gyldig" in tekst and "6 afrundingsforskelle" in tekst


# --- Issue 12: erkendte fejl, kolonner og én procent for alle kategorier ----------------------

def test_en_erkendt_fejl_listes_og_fejler_ikke_heller_ikke_med_streng(mappe):
    k = tjek([mappe / "2023.toml"])
    [e] = [f for f in k.fund if f.alvor == ERKENDT]
    assert e.noegle == "offentliggjort.budget.plejefamilieafdelingen.aendring"
    assert e.besked.startswith("erkendt fejl i notatet: offentliggjort -1.615.893, beregnet "
                               "-1.615.890 (forskel 3 kr.); notatets egen tabel giver")
    assert not e.fejler(streng=True)
    r = kør(str(mappe / "2023.toml"))
    assert r.exit_code == 0 and "1 erkendt fejl i notatet" in r.stdout


def test_flytter_det_beregnede_tal_sig_fra_det_erkendte_fejler_tjek(mappe):
    """Ændres et input bag det erkendte tal (her 2023's budget), er erkendelsen ikke længere
    sand: en afvigelse, kode 1."""
    ret(mappe / "2023.toml", "plejefamilieafdelingen = 17654409", "plejefamilieafdelingen = 17654400")
    k = tjek([mappe / "2023.toml"])
    [f] = [f for f in k.fund if f.noegle == "offentliggjort.budget.plejefamilieafdelingen.aendring"]
    assert f.alvor == AFVIGELSE and f.fejler()
    assert ("afviger fra den erkendte fejl: filen erkender notatets tal med beregnet -1.615.890, "
            "men beregningen giver nu -1.615.899") in f.besked
    assert kør(str(mappe)).exit_code == 1


@pytest.mark.parametrize("erkendt, besked", [
    ("erkendt.forrige = { beregnet = 1, grund = \"x\" }",
     "erkender en fejl i forrige, men forrige er ikke offentliggjort her"),
    ("erkendt.aendring = { beregnet = -1615893, grund = \"x\" }",
     "erkendt.aendring.beregnet er det offentliggjorte tal (-1615893)"),
    ("erkendt.aendring = { beregnet = -1615890 }", "grund"),
])
def test_en_erkendelse_skal_gaelde_et_offentliggjort_tal_og_have_en_grund(mappe, erkendt, besked):
    tekst = (mappe / "2023.toml").read_text(encoding="utf-8")
    start = tekst.index("erkendt.aendring = ")
    slut = tekst.index("\n", start)
    (mappe / "2023.toml").write_text(tekst[:start] + erkendt + tekst[slut:], encoding="utf-8")
    if "forrige" in erkendt:  # forrige er offentliggjort her; fjern det
        ret(mappe / "2023.toml", "forrige = 19270299\nbudgetaar = 17654409",
            "budgetaar = 17654409")
    r = kør(str(mappe / "2023.toml"))
    assert r.exit_code == 2 and besked in r.stdout, r.stdout


def _kolonne(mappe, afrunding: str):
    """Afstem 2024.toml med en valgt afrundingsmetode i programmet."""
    from tilsynstakst.kontrol.afstemning import afstem
    from tilsynstakst.budgetfil.laes import laes_budget
    from conftest import beregn_rapport

    budget = laes_budget(mappe / "2024.toml")
    return afstem(budget.offentliggjort, beregn_rapport(mappe, 2024, afrunding))


def test_en_kolonne_afrundet_pr_kommune_er_et_fund_for_kolonnen(mappe):
    """2024-notatets kolonne er afrundet pr. kommune (summer til 19.156.057); programmet bruger
    største brøkdel. Kolonnen er ét fund, og ingen kommune (Rebild) er en afrundingsforskel."""
    a = _kolonne(mappe, "stoerste-rest")
    [k] = a.kolonner
    assert (k.del_, k.aar, k.metode, k.program, k.kommuner, k.sum, k.budget) == (
        "budgetaar", 2024, "simpel", "stoerste-rest", 11, 19156057, 19156058)
    rebild = next(t for t in a.tal if t.sti == ("finansiering", "Rebild", "beloeb", "budgetaar"))
    assert (rebild.klasse, rebild.afrunding, rebild.beregnet.vaerdi) == (ENS, "simpel", 1152027)


def test_med_programmets_metode_som_kolonnens_er_der_intet_kolonnefund(mappe):
    a = _kolonne(mappe, "simpel")
    assert a.kolonner == [] and all(t.klasse == ENS for t in a.tal if t.sti[0] == "finansiering")


def test_en_kolonne_fordelt_med_stoerste_broekdel_naar_programmet_runder_simpelt(mappe):
    """Den anden vej: notatets kolonne summer til budgettet (største brøkdel), programmet runder
    hver kommune for sig og får én krone for meget ét sted."""
    ret(mappe / "2024.toml", "beloeb = { forrige = 1106250, budgetaar = 1152027 }",
        "beloeb = { forrige = 1106250, budgetaar = 1152028 }")  # Rebild: kolonnen summer nu
    a = _kolonne(mappe, "simpel")
    [k] = a.kolonner
    assert (k.metode, k.program, k.sum, k.budget) == ("stoerste-rest", "simpel", 19156058,
                                                      19156058)
    # tjek bruger største brøkdel, som kolonnen nu: intet fund om kolonnen.
    assert not [f for f in tjek([mappe / "2024.toml"]).fund
                if f.fil.endswith("2024.toml") and "finansiering" in (f.noegle or "")]


def test_en_kolonne_som_ingen_metode_giver_meldes_pr_kommune(mappe):
    ret(mappe / "2024.toml", "beloeb = { forrige = 1106250, budgetaar = 1152027 }",
        "beloeb = { forrige = 1106250, budgetaar = 1152029 }")
    a = _kolonne(mappe, "stoerste-rest")
    assert a.kolonner == []
    [rebild] = [t for t in a.tal if t.klasse != ENS and t.sti[0] == "finansiering"]
    assert rebild.sti == ("finansiering", "Rebild", "beloeb", "budgetaar")
    assert rebild.klasse == AFRUNDING


def test_alle_kategorier_faar_den_vaerste_klasse_og_naevner_hver_takstgruppe(mappe):
    k = tjek([mappe / "2023.toml"])
    [f] = [f for f in k.fund
           if f.noegle == "oversigt.takster.vaesentlig_aendring.alle_kategorier.pct"]
    assert f.alvor == AFRUNDING
    assert f.besked == ("afrundingsforskel: i oversigten 1,7\xa0%, beregnet 1,7\xa0% / 1,8\xa0% "
                        "/ 1,8\xa0% / 1,8\xa0% i takstgruppe 1-4")
    ret(mappe / "2023.toml", "alle_kategorier = { pct = 1.7 }", "alle_kategorier = { pct = 1.5 }")
    assert kør(str(mappe)).exit_code == 1


def test_alle_kategorier_har_kun_en_procent(mappe):
    ret(mappe / "2023.toml", "alle_kategorier = { pct = 2.2 }",
        "alle_kategorier = { budgetaar = 34677, pct = 2.2 }")
    r = kør(str(mappe))
    assert r.exit_code == 2 and "alle_kategorier har kun pct" in r.stdout


@pytest.mark.parametrize("gammel, ny, besked", [
    ("[oversigt.antal_pr_takstgruppe.tilbud_i_alt]",
     "[oversigt.antal_pr_takstgruppe.tilbud_alle]",
     "oversigt.antal_pr_takstgruppe.tilbud_alle: ukendt nøgle (stavefejl?); mulige: "
     "'tilbud', 'tilbud_nygodkendelser', 'tilbud_i_alt' eller 'vaesentlige_aendringer'"),
    ("erkendt.aendring = {", "erkendt.aendringen = {",
     "offentliggjort.budget.plejefamilieafdelingen.erkendt.aendringen: ukendt nøgle "
     "(stavefejl?); mulige: 'forrige', 'budgetaar', 'aendring' eller 'pct'"),
])
def test_en_nøgle_blandt_faa_mulige_meldes_paa_dansk_med_de_mulige(mappe, gammel, ny, besked):
    ret(mappe / "2023.toml", gammel, ny)
    r = kør(str(mappe / "2023.toml"))
    assert r.exit_code == 2 and besked in r.stdout, r.stdout


def test_en_kommune_uden_befolkning_men_med_offentliggjort_kolonne_er_et_fund_ikke_et_nedbrud(
        mappe):
    """Fundet af mutationstesten: Silkeborg slettet af 2024's befolkning, men stadig blandt
    notatets tal for begge år; kolonnen for 2023 kan så ikke have en metode."""
    ret(mappe / "2024.toml", '"Silkeborg" = 21872\n', "")
    r = kør(str(mappe))
    assert r.exit_code in (1, 2) and "Traceback" not in r.output
    assert "offentliggjort.finansiering.Silkeborg: kommunen findes ikke i befolkning.kommuner" \
        in r.stdout


def test_en_unoedvendig_erkendelse_siges_og_fejler(mappe):
    ret(mappe / "2023.toml", "aendring = -1615893\n", "aendring = -1615890\n")
    ret(mappe / "2023.toml", "beregnet = -1615890", "beregnet = -1615893")
    [f] = [f for f in tjek([mappe / "2023.toml"]).fund if f.noegle and "erkendt" not in f.noegle
           and f.noegle.endswith("plejefamilieafdelingen.aendring")]
    assert f.alvor == AFVIGELSE
    assert f.besked == ("notatet er ikke forkert her: offentliggjort og beregnet er begge "
                        "-1.615.890; fjern erkendt.aendring")


def test_kan_aaret_foer_ikke_bruges_siges_at_tallene_ikke_er_afstemt(mappe):
    ret(mappe / "2022.toml", "prisniveau = 2023", "prisniveau = 2021")
    r = kør(str(mappe))
    assert r.exit_code == 2
    assert ("2023.toml  ✗ kan ikke bruges\n  inputfejl " in r.stdout
            and "2023.toml:81: offentliggjort: de offentliggjorte tal er ikke afstemt: 2022.toml "
                "kan ikke bruges (se fundet der)" in r.stdout)


def test_uden_prisniveau_siger_pl_fejlen_hvad_der_kan_goeres(mappe):
    ret(mappe / "2022.toml", "prisniveau = 2023\n", "")
    r = kør(str(mappe))
    assert r.exit_code == 2
    assert ("indeks.2022: PL-indekset mangler året 2022; 2022.toml står i 2022-priser. Tilføj "
            "2022 i indekset, eller skriv prisniveau = 2023 i 2022.toml, hvis dens beløb er "
            "offentliggjort i 2023-priser") in r.stdout
    assert "2023.toml:81: offentliggjort: de offentliggjorte tal er ikke afstemt: 2022 kan ikke " \
        "vises i 2023-priser" in r.stdout


def test_aaret_foer_i_et_senere_aars_priser_end_budgetaaret_er_en_afvigelse(mappe):
    ret(mappe / "2022.toml", "prisniveau = 2023", "prisniveau = 2024")
    fund = [f for f in tjek([mappe]).fund if f.noegle == "prisniveau"]
    # regnskabet for 2022 står i 2023-priser, budgetfilen nu i 2024: det meldes ved regnskabet
    [f] = [f for f in fund if "regnskab" not in f.fil]
    assert [g.fil for g in fund if g is not f] == [str(mappe / "regnskab" / "2022.toml")]
    assert f.alvor == AFVIGELSE and f.fil.endswith("2022.toml") and f.linje == 8
    assert f.besked.startswith("er 2024, senere end budgetåret 2023")
    r = runner.invoke(app, ["beregn", "2023", "-b", str(mappe)])  # også der, hvor tallene vises
    assert "prisniveau: er 2024, senere end budgetåret 2023" in r.output
