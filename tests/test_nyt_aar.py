"""`tilsynstakst ny`: et nyt budgetår som udkast fra det forrige (DESIGN.md §8, juni)."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli import app
from tilsynstakst.load import laes_budget, laes_pl
from tilsynstakst.nyt_aar import fremskrevet_indeks, pl_procent
from tilsynstakst.sammenhaeng import UDKAST, kilder

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


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
    # Beløbene × 1,032, afrundet halvt op: 16.905.109 × 1,032 = 17.446.072,488;
    # 19.156.058 × 1,032 = 19.769.051,856.
    assert ny.budget.tilbudsafdelingen == 17446072
    assert ny.budget.plejefamilieafdelingen == 19769052
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
           "til 2025 i procent, fx 'tilsynstakst ny 2025 --pl 3,2'" in r.stderr
    assert not (mappe / "2025.toml").exists() and (mappe / "pl-indeks.toml").read_bytes() == foer


def test_uden_pl_bruges_et_aar_der_allerede_staar_i_indekset(mappe):
    with (mappe / "pl-indeks.toml").open("a", encoding="utf-8") as f:
        f.write("2025 = 107.7924\n")
    foer = (mappe / "pl-indeks.toml").read_bytes()
    assert kør("ny", 2025, "-b", mappe).exit_code == 0
    assert laes_budget(mappe / "2025.toml").budget.tilbudsafdelingen == 17446072
    assert (mappe / "pl-indeks.toml").read_bytes() == foer
    assert kør("ny", 2025, "-b", mappe, "--pl", "3.2", "--overskriv").exit_code == 0  # samme PL


def test_en_pl_der_modsiger_indekset_afvises(mappe):
    with (mappe / "pl-indeks.toml").open("a", encoding="utf-8") as f:
        f.write("2025 = 107\n")
    foer = (mappe / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.exit_code == 2
    assert "indeks.2025: indekset har allerede 2025 = 107 (en PL på 2,44\u00a0%), som --pl 3,2 " \
           "ville gøre til 107.7924; ret 2025 i filen, eller udelad --pl" in r.stderr
    assert not (mappe / "2025.toml").exists() and (mappe / "pl-indeks.toml").read_bytes() == foer


def test_en_eksisterende_fil_erstattes_kun_med_overskriv(ny2025):
    (ny2025 / "2025.toml").write_text("# mit arbejde\n", encoding="utf-8")
    pl = (ny2025 / "pl-indeks.toml").read_bytes()
    r = kør("ny", 2025, "-b", ny2025, "--pl", "3,2")
    assert r.exit_code == 2 and "findes allerede; brug --overskriv" in r.stderr
    assert (ny2025 / "2025.toml").read_text(encoding="utf-8") == "# mit arbejde\n"
    assert kør("ny", 2025, "-b", ny2025, "--pl", "3,2", "--overskriv").exit_code == 0
    assert laes_budget(ny2025 / "2025.toml").aar == 2025
    assert (ny2025 / "pl-indeks.toml").read_bytes() == pl  # året stod der allerede


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
    assert ny.budget.tilbudsafdelingen == 17882224  # 17.446.072 × 1,025 = 17.882.223,8
    assert "2025.toml" in ny.budget.kilde


@given(st.decimals(min_value=-20, max_value=25, places=2),
       st.decimals(min_value=1, max_value=1000, places=4))
def test_det_nye_indekstal_er_eksakt_det_gamle_gange_1_plus_pl(pct, indeks):
    ny = fremskrevet_indeks(indeks, pct)
    assert Fraction(ny) == Fraction(indeks) * (1 + Fraction(pct) / 100)


@given(st.decimals(min_value=-20, max_value=25, places=3))
def test_pl_procent_laeses_med_komma_og_punktum(pct):
    tekst = format(pct, "f")
    assert pl_procent(tekst) == pl_procent(tekst.replace(".", ",")) == pct


def test_notatet_for_et_nyt_udkast_siger_uaendret_paa_dansk_og_ikke_at_det_er_kalibreret(ny2025):
    notat = kør("notat", 2025, "-b", ny2025).stdout
    assert "Socialtilsyn Nord har udarbejdet et budget for 2025 med et uændret samlet budget på " \
           "kr.\u00a037.215.124." in notat
    assert "Fra Budget 2024 til Budget 2025 er de samlede udgifter til den objektive " \
           "finansiering uændrede." in notat
    assert "de er kalibreret til et tidligere års offentliggjorte takster og timepris og " \
           "overført uændret til 2025:" in notat
    assert "giver de offentliggjorte takster" not in notat


def test_naeste_skridt_kan_kopieres_med_mappen_og_et_udkast_som_udgangspunkt_siges(mappe):
    r = kør("ny", 2025, "-b", mappe, "--pl", "3,2")
    assert r.stdout.splitlines()[-1] == (
        f"Næste skridt: tilsynstakst befolkning 2025 -b {mappe} --hent (uden netværk: --fra-csv "
        f"FIL i stedet for --hent); ret beløb, antal og normtimer og hver kilde 'UDKAST: …'; "
        f"tilsynstakst tjek {mappe}")
    assert "Bemærk" not in r.stdout
    r = kør("ny", 2026, "-b", mappe, "--pl", "2")
    assert "Bemærk: 2025.toml er selv et udkast; dens tal er ikke gennemgået." in r.stdout
