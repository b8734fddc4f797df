"""`tilsynstakst ny`: et nyt budgetår som udkast fra det forrige (docs/aaret.md, juni)."""

import re
import shlex
import shutil
from pathlib import Path
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, fordel_resultat, i_terminal, ret
from tilsynstakst.cli.app import app
from tilsynstakst.budgetfil.laes import laes_budget, laes_pl
from tilsynstakst.aaret.nyt_aar import fremskrevet_indeks, pl_procent, uberoert
from tilsynstakst.kontrol.sammenhaeng import UDKAST, kilder

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def mappe(mappe):
    """De leverede filer, med testens fordeling af 2024's overførte resultat (conftest)."""
    return fordel_resultat(mappe)


@pytest.fixture
def ny2025(mappe):
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    return mappe


def test_pl_indekset_faar_aaret_eksakt_og_beholder_hver_linje(mappe):
    foer = (mappe / "pl-indeks.toml").read_bytes()
    assert kør("ny", 2025, "-b", mappe, "--pl", "3,2").exit_code == 0
    efter = (mappe / "pl-indeks.toml").read_bytes()
    assert efter.startswith(foer)  # hver kommentar og linje står byte for byte
    ny_linje = efter[len(foer):].decode()
    # 104,45 × 1,032 = 107,7924, eksakt
    assert re.fullmatch(r"2025 = 107\.7924  # PL 2024-2025 på 3,2 % \(tilsynstakst ny 2025, "
                        r"\d{4}-\d\d-\d\d\)\n", ny_linje), ny_linje
    assert laes_pl(mappe).indeks[2025] == Decimal("107.7924")


def test_det_nye_aar_bærer_det_rigtige_over_og_intet_andet(ny2025):
    gl, ny = laes_budget(ny2025 / "2024.toml"), laes_budget(ny2025 / "2025.toml")
    assert ny.aar == 2025 and ny.tilsyn == gl.tilsyn
    assert ny.antal.model_dump(exclude={"kilde"}) == gl.antal.model_dump(exclude={"kilde"})
    assert ny.normtimer.model_dump(exclude={"kilde"}) == gl.normtimer.model_dump(exclude={"kilde"})
    assert ny.kalibreret == gl.kalibreret
    assert ny.befolkning.kommuner == gl.befolkning.kommuner
    assert ny.befolkning.kvartal == "2023K2"  # det gamle kvartal, til `befolkning` erstatter det
    # Budgettet før det overførte overskud × 1,032, afrundet halvt op:
    # (16.905.109 + 112.946) × 1,032 = 17.562.632,76; (19.156.058 + 138.044) × 1,032 =
    # 19.911.513,264. Uden overskuddet lagt tilbage startede udkastet 259.021 kr. for lavt.
    assert ny.budget.tilbudsafdelingen == 17562633
    assert ny.budget.plejefamilieafdelingen == 19911513
    assert ny.offentliggjort is None and ny.overfoert_resultat is None


def test_hver_kilde_er_et_udkast_og_ingen_citerer_sidste_aars_notat(ny2025):
    ny = laes_budget(ny2025 / "2025.toml")
    alle = list(kilder(ny))
    assert len(alle) == 5 and all(k.startswith(UDKAST) and "2024.toml" in k for _, k in alle)
    tekst = (ny2025 / "2025.toml").read_text(encoding="utf-8")
    # Hverken kilder eller kommentarer nævner sidste års notat ("Notat Budget 2024", "notatet s. 3").
    assert not re.search(r"notat(et)? |notat budget|2023K2 som gengivet", tekst, re.IGNORECASE)
    assert "Notat Budget 2024" in (ny2025 / "2024.toml").read_text(encoding="utf-8")
    assert tekst.startswith("#:schema ../skema/budget.schema.json\n# UDKAST til budget 2025")
    kommentar = tekst[: tekst.index("aar = 2025")]
    for ord_ in ("Overført", "Ikke overført", "[offentliggjort]", "[overfoert_resultat]",
                 "Gennemgå", "tilsynstakst befolkning 2025"):
        assert ord_ in kommentar, ord_


def test_beregn_viser_2024_i_2025_priser_og_advarer_om_udkastet(ny2025):
    r = kør("beregn", 2025, "-b", ny2025, "-f", "markdown")
    assert r.exit_code == 0
    assert "2024 er vist i 2025-priser (PL-faktor 1,032)." in r.stdout
    # Taksten for takstgruppe 1 i 2024 var 43.852; i 2025-priser 43.852 × 1,032 ≈ 45.255.
    t1 = next(linje for linje in r.stdout.splitlines() if linje.startswith("| Takstgruppe 1 (1-7"))
    assert "45.255" in t1
    advarsler = [linje for linje in r.stderr.splitlines() if linje.startswith("Advarsel: ")]
    assert len(advarsler) == 2
    assert "kilde: filen er et udkast: 5 kilder" in advarsler[0]
    assert "befolkning.kvartal: er 2023K2, men reglen er 2. kvartal året før budgetåret: " \
           "2024K2" in advarsler[1]


def test_tjek_melder_udkastet_som_advarsel_og_notatet_siger_udkast(ny2025):
    r = kør("tjek", ny2025)
    assert r.exit_code == 0 and "filen er et udkast" in r.stdout
    assert kør("tjek", ny2025, "--streng").exit_code == 1
    notat = kør("notat", 2025, "-b", ny2025)
    assert notat.exit_code == 0
    assert notat.stdout.startswith("# UDKAST – Socialtilsyn Nord – Budget 2025")
    assert "Notat Budget 2024" not in notat.stdout


def test_uden_pl_skal_indekset_have_aaret(mappe):
    foer = (mappe / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", mappe)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert "indeks.2025: PL-indekset har ikke 2025; angiv pris- og lønfremskrivningen fra 2024 " \
           f"til 2025 i procent, fx: tilsynstakst ny 2025 -b {mappe} --pl 3,2" in r.stderr
    assert not (mappe / "2025.toml").exists() and (mappe / "pl-indeks.toml").read_bytes() == foer


def test_uden_pl_bruges_et_aar_der_allerede_staar_i_indekset(mappe):
    with (mappe / "pl-indeks.toml").open("a", encoding="utf-8") as f:
        f.write("2025 = 107.7924\n")
    foer = (mappe / "pl-indeks.toml").read_bytes()
    assert kør("ny", 2025, "-b", mappe).exit_code == 0
    assert laes_budget(mappe / "2025.toml").budget.tilbudsafdelingen == 17562633
    assert (mappe / "pl-indeks.toml").read_bytes() == foer
    assert kør("ny", 2025, "-b", mappe, "--pl", "3.2", "--overskriv").exit_code == 0  # samme PL


def test_en_pl_der_modsiger_indekset_afvises(mappe):
    with (mappe / "pl-indeks.toml").open("a", encoding="utf-8") as f:
        f.write("2025 = 107\n")
    foer = (mappe / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 2
    assert "indeks.2025: indekset har allerede 2025 = 107 (en PL på 2,44\u00a0%), som --pl 3,2 " \
           "ville gøre til 107.7924; udelad --pl for at bruge indekset, eller ret PL'en med: " \
           f"tilsynstakst pl 2025 3,2 -b {mappe}" in r.stderr
    assert not (mappe / "2025.toml").exists() and (mappe / "pl-indeks.toml").read_bytes() == foer


def test_en_rettet_fil_erstattes_aldrig_heller_ikke_med_overskriv(ny2025):
    (ny2025 / "2025.toml").write_text("# mit arbejde\n", encoding="utf-8")
    pl = (ny2025 / "pl-indeks.toml").read_bytes()
    for valg in ((), ("--overskriv",)):
        r = kør("ny", 2025, "-b", ny2025, "--pl", "3,2", *valg)
        assert r.exit_code == 2 and "findes allerede og er ikke et uberørt udkast fra ny" in r.stderr
        assert "brug --overskriv" not in r.stderr
        assert (ny2025 / "2025.toml").read_text(encoding="utf-8") == "# mit arbejde\n"
    assert (ny2025 / "pl-indeks.toml").read_bytes() == pl


def test_et_uberoert_udkast_erstattes_kun_med_overskriv(ny2025):
    r = kør("ny", 2025, "-b", ny2025, "--pl", "3,2")
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {ny2025 / '2025.toml'}: findes allerede som et uberørt udkast; "
                        f"brug --overskriv for at starte det forfra, eller ret kun PL'en og "
                        f"omregn udkastet med: tilsynstakst pl 2025 PCT -b {ny2025}\n")
    assert kør("ny", 2025, "-b", ny2025, "--pl", "3,2", "--overskriv").exit_code == 0
    assert laes_budget(ny2025 / "2025.toml").aar == 2025


def test_ny_overskriv_sletter_ikke_en_udfyldt_befolkning_og_raadet_virker(ny2025):
    """Issue 19: at følge rådet "brug --overskriv" slettede et udfyldt år. Et udkast, som
    befolkning (eller brugeren) har rettet i, står byte for byte; rådet flytter det væk."""
    fil = ny2025 / "2025.toml"
    ret(fil, 'kvartal = "2023K2"', 'kvartal = "2024K2"')
    ret(fil, 'kilde = "UDKAST: 2023K2 overført', 'kilde = "Danmarks Statistik, FOLK1A, 2024K2')
    foer = fil.read_bytes()
    r = kør("ny", 2025, "-b", ny2025, "--pl", "3,2", "--overskriv")
    assert r.exit_code == 2 and fil.read_bytes() == foer
    assert ("findes allerede og er ikke et uberørt udkast fra ny: befolkningen for 2024K2 ville "
            "gå tabt. ny erstatter den ikke, heller ikke med --overskriv. Vil du begynde "
            "forfra, så flyt den væk først, fx mv ") in r.stderr
    mv = shlex.split(r.stderr.rsplit("fx ", 1)[1])
    assert mv[0] == "mv" and len(mv) == 3
    Path(mv[1]).rename(mv[2])  # rådet, som det står
    assert kør("ny", 2025, "-b", ny2025, "--pl", "3,2").exit_code == 0
    assert Path(mv[2]).read_bytes() == foer


def test_ny_overskriv_erstatter_ikke_et_offentliggjort_aar(mappe):
    foer = (mappe / "2024.toml").read_bytes()
    r = kør("ny", 2024, "-b", mappe, "--overskriv")
    assert r.exit_code == 2 and (mappe / "2024.toml").read_bytes() == foer
    assert "2024.toml: findes allerede og er ikke et uberørt udkast fra ny: de offentliggjorte " \
           "tal, befolkningen for 2023K2 og 5 udfyldte kilder ville gå tabt." in r.stderr


def test_ny_gaetter_ikke_paa_fordelingen_af_et_overfoert_resultat(tmp_path):
    """2024's budgetter er netto efter 250.990 kr.; uden delene kan ny ikke lægge dem tilbage."""
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    foer = (tmp_path / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", tmp_path, "--pl", "3,2")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    assert r.stderr == (
        f"Fejl: {tmp_path / '2024.toml'}:23: overfoert_resultat: budgetterne for 2024 er netto "
        "efter et overført overskud på 250.990 kr. fra regnskab 2022, men filen siger ikke, "
        "hvor meget af det der ligger i hver afdeling. Det er en engangspost, som ny lægger "
        "tilbage, før beløbene fremskrives, og ny gætter ikke på fordelingen: skriv delene under "
        "[overfoert_resultat] i 2024.toml, tilbudsafdelingen = … og plejefamilieafdelingen = … "
        "(tilsammen 250990), og kør ny igen\n")
    assert not (tmp_path / "2025.toml").exists()
    assert (tmp_path / "pl-indeks.toml").read_bytes() == foer
    fordel_resultat(tmp_path)  # rådet fulgt
    r = kør("ny", 2025, "-b", tmp_path, "--pl", "3,2")
    assert r.exit_code == 0
    assert ("Det overførte overskud fra regnskab 2022 (250.990 kr.) var en engangspost i 2024: "
            "det er lagt tilbage i hver afdeling før PL. 2025 har intet overført resultat, før "
            "et skrives i [overfoert_resultat].") in r.stdout
    tekst = (tmp_path / "2025.toml").read_text(encoding="utf-8")
    assert ("tilbudsafdelingen = 17562633  # UDKAST: 17.018.055 × 1,032 (16.905.109 med 112.946 "
            "overført overskud fra regnskab 2022 lagt tilbage)") in tekst
    assert "# 2025 har intet overført resultat, før et skrives i [overfoert_resultat]." in tekst


def test_kan_budgetfilen_ikke_skrives_faar_pl_indekset_sit_gamle_indhold(mappe):
    (mappe / "2025.toml").mkdir()  # en mappe, hvor filen skulle stå
    foer = (mappe / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2", "--overskriv")
    assert r.exit_code == 2 and "er en mappe, ikke en fil" in r.stderr
    assert (mappe / "pl-indeks.toml").read_bytes() == foer
    assert [p.name for p in mappe.iterdir() if p.name.startswith(".")] == []  # ingen rester


@pytest.mark.parametrize("pl, besked", [
    ("abc", "--pl: skal være en procent som 3,2 eller 3.2, fik 'abc'"),
    ("104,45", "--pl: 104,45 % er ikke en plausibel pris- og lønfremskrivning (-20 til 25 %)"),
    ("1.032,5", "--pl: skal være en procent"),
])
def test_en_pl_der_ikke_er_en_procent_afvises(mappe, pl, besked):
    r = kør("ny", 2025, "-b", mappe, "--pl", pl)
    assert r.exit_code == 2 and besked in r.stderr and "Traceback" not in r.stderr
    assert not (mappe / "2025.toml").exists()


def test_uden_sidste_aars_fil(mappe):
    r = kør("ny", 2030, "-b", mappe, "--pl", "2")
    assert r.exit_code == 2 and "2029.toml: filen findes ikke; 'ny 2030' starter fra " \
                                "budgetfilen for 2029" in r.stderr


def test_et_udkast_kan_igen_blive_udgangspunkt(ny2025):
    assert kør("ny", 2026, "-b", ny2025, "--pl", "2,5").exit_code == 0
    ny = laes_budget(ny2025 / "2026.toml")
    assert ny.budget.tilbudsafdelingen == 18001699  # 17.562.633 × 1,025 = 18.001.698,825
    assert "2025.toml" in ny.budget.kilde


@given(st.decimals(min_value=-20, max_value=25, places=2),
       st.decimals(min_value=1, max_value=1000, places=4))
def test_det_nye_indekstal_er_eksakt_det_gamle_gange_1_plus_pl(pct, indeks):
    ny = fremskrevet_indeks(indeks, pct)
    assert Fraction(ny) == Fraction(indeks) * (1 + Fraction(pct) / 100)


@given(st.decimals(min_value=-20, max_value=25, places=3))
def test_pl_procent_laeses_med_komma_og_punktum(pct):
    tekst = format(pct, "f")
    assert pl_procent(tekst, bekraeftet=True) == pl_procent(tekst.replace(".", ","), True) == pct


@given(st.decimals(min_value=Decimal("1.5"), max_value=8, places=2))
def test_en_saedvanlig_pl_kraever_ingen_bekraeftelse(pct):
    assert pl_procent(format(pct, "f").replace(".", ",")) == pct


@pytest.mark.parametrize("pl, besked", [
    ("1,032", "--pl: 1,032 % ligner en faktor (1 + PL/100), ikke en procent; mente du 3,2 %? "
              "Er 1,032 % ment, så tilføj --bekraeft-pl"),
    ("1.0445", "1,0445 % ligner en faktor (1 + PL/100), ikke en procent; mente du 4,45 %?"),
    ("0,032", "--pl: 0,032 % ligner en brøk, ikke en procent; mente du 3,2 %? Er 0,032 % ment, "
              "så tilføj --bekraeft-pl"),
    ("12", "--pl: 12 % er en usædvanlig pris- og lønfremskrivning (uden for 0-8 %). Er 12 % "
           "ment, så tilføj --bekraeft-pl"),
    ("-1", "-1 % er en usædvanlig pris- og lønfremskrivning"),
])
def test_en_pl_der_ligner_en_faktor_eller_broek_afvises_med_det_der_var_ment(mappe, pl, besked):
    foer = (mappe / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", mappe, "--pl", pl)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and besked in r.stderr
    assert not (mappe / "2025.toml").exists() and (mappe / "pl-indeks.toml").read_bytes() == foer


def test_en_bekraeftet_pl_bruges_som_den_staar(mappe):
    r = kør("ny", 2025, "-b", mappe, "--pl", "1,032", "--bekraeft-pl")
    assert r.exit_code == 0, r.output
    assert laes_pl(mappe).indeks[2025] == Decimal("104.45") * Decimal("1.01032")


def test_notatet_for_et_nyt_udkast_siger_uaendret_paa_dansk_og_ikke_at_det_er_kalibreret(mappe):
    ret(mappe / "2024.toml", "[overfoert_resultat]", "[ikke_brugt]")  # et år uden resultat
    tekst = (mappe / "2024.toml").read_text(encoding="utf-8")
    start = tekst.index("[ikke_brugt]")
    (mappe / "2024.toml").write_text(tekst[:start] + tekst[tekst.index("[antal]"):],
                                     encoding="utf-8")
    assert kør("ny", 2025, "-b", mappe, "--pl", "3,2").exit_code == 0
    notat = kør("notat", 2025, "-b", mappe).stdout
    assert "Socialtilsyn Nord har udarbejdet et budget for 2025 med et uændret samlet budget på " \
           "kr.\u00a037.215.124." in notat
    assert "Fra Budget 2024 til Budget 2025 er de samlede udgifter til den objektive " \
           "finansiering uændrede." in notat
    assert "Kalibreret: overført fra 2024, hvor værdien var kalibreret til de offentliggjorte " \
           "takster; den er ikke kalibreret til 2025." in notat
    assert "giver de offentliggjorte takster" not in notat
    # [notat]: til overføres, mødet og sagsnummeret hører til 2024's behandling
    assert "**Til:** DAS Social" in notat
    assert "2023-052085" not in notat and "Møde" not in notat


def test_notatet_viser_at_udkastet_stiger_med_netop_det_overfoerte_overskud(ny2025):
    """Budget 2024 var 250.990 kr. lavere af overskuddet fra 2022; i 2025-priser er det
    116.561 + 142.461 = 259.022 kr. (hver del × 1,032, afrundet for sig)."""
    notat = kør("notat", 2025, "-b", ny2025).stdout
    assert "et budget for 2025, der indebærer en stigning i det samlede budget på 0,7\u00a0%, " \
           "svarende til kr.\u00a0259.022. For Tilbudsafdelingen er der tale om en stigning i " \
           "budgettet på 0,7\u00a0% eller kr.\u00a0116.561, og for Plejefamilieafdelingen er der " \
           "tale om en stigning i budgettet på 0,7\u00a0% eller kr.\u00a0142.461." in notat


def test_naeste_skridt_kan_kopieres_med_mappen_og_et_udkast_som_udgangspunkt_siges(mappe):
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.stdout.splitlines()[-1] == (
        f"Næste skridt: tilsynstakst befolkning 2025 -b {mappe} --hent (uden netværk: --fra-csv "
        f"FIL i stedet for --hent); ret beløb, antal og normtimer og hver kilde 'UDKAST: …'; "
        f"tilsynstakst tjek {mappe}")
    assert "Bemærk" not in r.stdout
    r = kør("ny", 2026, "-b", mappe, "--pl", "2")
    assert "Bemærk: 2025.toml er selv et udkast; dens tal er ikke gennemgået." in r.stdout


def test_pl_retter_indekset_og_omregner_udkastets_beloeb_med_kommentarerne(ny2025):
    """KL's PL-skøn går fra 3,2 til 3,5 %: indekset og hvert beløb, der stadig er udkastets."""
    r = kør("pl", 2025, "3,5", "-b", ny2025)
    assert r.exit_code == 0, r.output
    fil = ny2025 / "2025.toml"
    # 104,45 × 1,035 = 108,10575; (16.905.109 + 112.946) × 1,035 = 17.613.686,925;
    # (19.156.058 + 138.044) × 1,035 = 19.969.395,57.
    assert r.stdout.splitlines() == [
        f"Rettede 2025 = 107.7924 til 108.10575 i {ny2025 / 'pl-indeks.toml'} (PL 3,5 %); "
        "PL-faktoren er 1,035, var 1,032.",
        f"Omregnede 2 beløb i {fil}:",
        "  budget.tilbudsafdelingen (linje 29): 17.562.633 → 17.613.687 (17.018.055 × 1,035)",
        "  budget.plejefamilieafdelingen (linje 30): 19.911.513 → 19.969.396 (19.294.102 × "
        "1,035)",
    ]
    assert laes_pl(ny2025).indeks[2025] == Decimal("108.10575")
    assert re.search(r"2025 = 108\.10575  # PL 2024-2025 på 3,5 % \(tilsynstakst pl 2025, "
                     r"\d{4}-\d\d-\d\d\)\n", (ny2025 / "pl-indeks.toml").read_text())
    ny = laes_budget(fil)
    assert (ny.budget.tilbudsafdelingen, ny.budget.plejefamilieafdelingen) == (17613687, 19969396)
    tekst = fil.read_text(encoding="utf-8")
    assert "tilbudsafdelingen = 17613687  # UDKAST: 17.018.055 × 1,035 (16.905.109 med" in tekst
    # Kilder og indledning nævner den nye faktor; kun linjen om, hvordan udkastet blev startet,
    # er historik og står (issue 19's prøve: "Startet … med 1,036" var ikke sandt).
    assert [linje for linje in tekst.splitlines() if "1,032" in linje] == [
        linje for linje in tekst.splitlines() if linje.startswith("# Startet ")]
    assert "med 'tilsynstakst ny 2025' fra 2024.toml og PL-faktoren 1,032." in tekst
    assert "beløbene i 2024.toml × PL-faktoren 1,035" in ny.budget.kilde
    assert uberoert(fil.read_bytes())  # et uberørt udkast er stadig uberørt
    b = kør("beregn", 2025, "-b", ny2025, "-f", "markdown")
    assert "2024 er vist i 2025-priser (PL-faktor 1,035)." in b.stdout


def test_pl_lader_et_rettet_beloeb_staa_og_siger_det(ny2025):
    fil = ny2025 / "2025.toml"
    ret(fil, "plejefamilieafdelingen = 19911513", "plejefamilieafdelingen = 20000000")
    r = kør("pl", 2025, "3,5", "-b", ny2025)
    assert r.exit_code == 0, r.output
    assert ("Ikke omregnet: budget.plejefamilieafdelingen (linje 30) = 20.000.000 er rettet efter "
            "udkastet (19.294.102 × 1,032 = 19.911.513); ret det selv, hvis PL'en skal med."
            ) in r.stdout
    ny = laes_budget(fil)
    assert (ny.budget.tilbudsafdelingen, ny.budget.plejefamilieafdelingen) == (17613687, 20000000)
    assert not uberoert(fil.read_bytes())


def test_pl_beholder_filens_linjeskift_og_en_uaendret_pl_aendrer_intet(ny2025):
    fil = ny2025 / "2025.toml"
    fil.write_bytes(fil.read_bytes().replace(b"\n", b"\r\n"))
    assert kør("pl", 2025, "3,5", "-b", ny2025).exit_code == 0
    data = fil.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") and b"17613687" in data
    pl = (ny2025 / "pl-indeks.toml").read_bytes()
    r = kør("pl", 2025, "3,5", "-b", ny2025)
    assert r.stdout == "PL-indekset har allerede 2025 = 108.10575 (PL 3,5 %); intet ændret.\n"
    assert fil.read_bytes() == data and (ny2025 / "pl-indeks.toml").read_bytes() == pl


def test_pl_for_et_aar_uden_indekstal_eller_med_et_senere_aar(ny2025):
    r = kør("pl", 2026, "3,5", "-b", ny2025)
    assert r.exit_code == 2 and ("indeks.2026: PL-indekset har ikke 2026; pl retter et år, der "
                                 "står der (et nyt år startes med: tilsynstakst ny 2026 -b "
                                 f"{ny2025} --pl PCT)") in r.stderr
    assert kør("ny", 2026, "-b", ny2025, "--pl", "2").exit_code == 0
    r = kør("pl", 2025, "3,5", "-b", ny2025)
    assert r.exit_code == 2 and "indeks.2026: indekset har også 2026, der er fremskrevet fra " \
                                "2025" in r.stderr
    r = kør("pl", 2026, "1,025", "-b", ny2025)
    assert r.exit_code == 2 and "Fejl: PCT: 1,025 % ligner en faktor" in r.stderr
    assert "mente du 2,5 %?" in r.stderr


def test_pl_roerer_ikke_en_gennemgaaet_kilde(ny2025):
    fil = ny2025 / "2025.toml"
    ret(fil, 'kilde = "UDKAST: beløbene i 2024.toml × PL-faktoren 1,032, afrundet til hele kr.; '
             'skal gennemgås og erstattes af kilden til budget 2025"',
        'kilde = "Økonomiafdelingen: budget 2025 med KL\'s PL × 1,032"')
    assert kør("pl", 2025, "3,5", "-b", ny2025).exit_code == 0
    assert laes_budget(fil).budget.kilde == "Økonomiafdelingen: budget 2025 med KL's PL × 1,032"


def test_ny_og_pl_i_en_terminal_brydes_i_bredden_og_mv_raadet_holdes_samlet(ny2025):
    """Issue 19's prøve: ny's og pl's linjer var op til 198 tegn, og "fx mv A B" blev brudt,
    så det ikke kunne kopieres."""
    ret(ny2025 / "2025.toml", 'kvartal = "2023K2"', 'kvartal = "2024K2"')
    kode, data = i_terminal("ny", 2025, "-b", ".", "--pl", "3,2", "--overskriv", cwd=ny2025,
                            env={"COLUMNS": "80"})
    tekst = data.decode().replace("\r\n", "\n")
    assert kode == 2 and max(map(len, tekst.splitlines())) <= 80
    assert "mv 2025.toml 2025.toml.gammel" in tekst.splitlines()[-1]
    kode, data = i_terminal("pl", 2025, "3,5", "-b", ".", cwd=ny2025, env={"COLUMNS": "80"})
    linjer = data.decode().replace("\r\n", "\n").splitlines()
    assert kode == 0 and max(map(len, linjer)) <= 80 and len(linjer) > 4


def test_ny_uden_pl_indeks_siger_hvordan_det_startes_og_starter_det_med_pl(tmp_path):
    """Issue 22, punkt 8: en mappe uden pl-indeks.toml (et nyt socialtilsyn, en ny mappe)."""
    mappe = tmp_path / "ny mappe"
    mappe.mkdir()
    shutil.copy(BUDGETS / "2024.toml", mappe)
    fordel_resultat(mappe)
    r = kør("ny", 2025, "-b", mappe)
    assert r.exit_code == 2
    raad = f"tilsynstakst ny 2025 -b {shlex.quote(str(mappe))} --pl 3,2"
    assert "pl-indeks.toml: filen findes ikke" in r.stderr and raad in r.stderr
    assert not (mappe / "pl-indeks.toml").exists() and not (mappe / "2025.toml").exists()
    # Rådet, som det står: indekset startes med 2024 som basis og 2025 fremskrevet eksakt.
    r = kør(*shlex.split(raad)[1:])
    assert r.exit_code == 0, r.output
    pl = laes_pl(mappe)
    assert pl.indeks == {2024: Decimal(100), 2025: Decimal("103.2")}
    tekst = (mappe / "pl-indeks.toml").read_text(encoding="utf-8")
    assert "angivet med tilsynstakst ny 2025 --pl" in tekst  # kilden siger, hvor PL'en kom fra
    b25 = laes_budget(mappe / "2025.toml")
    assert b25.budget.tilbudsafdelingen == Decimal(round((16905109 + 112946) * Decimal("1.032")))


def test_ny_uden_pl_indeks_skriver_intet_hvis_budgetfilen_ikke_kan_skrives(tmp_path,
                                                                          monkeypatch):
    """Kan udkastet ikke skrives (disken fuld), står mappen, som den var: intet nyt PL-indeks."""
    from tilsynstakst.aaret import nyt_aar
    from tilsynstakst.fund import Fund, Inputfejl

    mappe = tmp_path / "b"
    mappe.mkdir()
    shutil.copy(BUDGETS / "2024.toml", mappe)
    fordel_resultat(mappe)
    skriv = nyt_aar.skriv_fil

    def fuld_disk(sti, data, overskriv=False):
        if sti.name == "2025.toml":
            raise Inputfejl([Fund(str(sti), "kan ikke skrives: disken er fuld")])
        return skriv(sti, data, overskriv)

    monkeypatch.setattr(nyt_aar, "skriv_fil", fuld_disk)
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 2 and "disken er fuld" in r.stderr
    assert sorted(p.name for p in mappe.iterdir()) == ["2024.toml"]
