"""Ingen selvsikre forkerte tal (docs/aaret.md): `beregn` og `notat` melder, før tallene, hvert
fund om de år, de viser, som en advarsel på én linje (fil:linje: nøgle: besked); et PL-indeks,
der er tastet som procent, er en inputfejl i hver kommando."""

import re

import pytest
from typer.testing import CliRunner

from conftest import ret
from tilsynstakst.cli.app import app

runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def advarsler(r) -> list[str]:
    return [linje for linje in r.stderr.splitlines() if linje.startswith("Advarsel: ")]


def beregn_og_notat(mappe):
    """Begge kommandoer, der viser tal: de skal melde det samme."""
    return [kør("beregn", 2024, "-b", mappe), kør("notat", 2024, "-b", mappe)]


def test_de_leverede_filer_giver_ingen_advarsler(mappe):
    for r in beregn_og_notat(mappe):
        assert r.exit_code == 0 and advarsler(r) == [] and r.stderr == ""


def test_en_kommune_stavet_anderledes_meldes_og_vises_som_ny_og_udgaaet(mappe):
    """Et navn, der ikke er en kommune ("Ålborg"), afvises nu af filen selv (test_omraade.py);
    to stavemåder, der begge er kendte (Danmarks Statistiks "Vesthimmerlands" og notatets
    "Vesthimmerland"), er stadig to navne mellem årene og meldes som før."""
    ret(mappe / "2024.toml", '"Vesthimmerland" = 7006', '"Vesthimmerlands" = 7006')
    for r in beregn_og_notat(mappe):
        assert r.exit_code == 0
        [a] = advarsler(r)
        linje = next(i for i, x in enumerate((mappe / "2024.toml").read_text().split("\n"), 1)
                     if x.startswith('"Vesthimmerlands"'))
        assert a == (f"Advarsel: {mappe / '2024.toml'}:{linje}: befolkning.kommuner: kommunerne er "
                     "ikke de samme som i 2023.toml (nye: Vesthimmerlands; mangler: Vesthimmerland; "
                     "Vesthimmerlands: mente du Vesthimmerland?)"), a
        assert "Vesthimmerlands (ny)" in r.stdout and "Vesthimmerland (udgået)" in r.stdout
    # Den udgåede kommunes tal for året før tabes ikke: 1.075.948 i 2024-priser (notatet s. 3).
    beregn = kør("beregn", 2024, "-b", mappe, "-f", "markdown").stdout
    [udgaaet] = [linje for linje in beregn.splitlines() if "Vesthimmerland (udgået)" in linje]
    assert "1.075.948" in udgaaet and "1.103.062" not in udgaaet


def test_befolkningstal_fra_et_andet_kvartal_meldes(mappe):
    ret(mappe / "2024.toml", 'kvartal = "2023K2"', 'kvartal = "2022K2"')
    for r in beregn_og_notat(mappe):
        [a] = advarsler(r)
        assert a.endswith("befolkning.kvartal: er 2022K2, men reglen er 2. kvartal året før "
                          f"budgetåret: 2023K2 (hent det med: tilsynstakst befolkning 2024 -b "
                          f"{mappe} --hent)")
        assert re.search(r"2024\.toml:\d+: befolkning\.kvartal", a)


def test_et_udkast_meldes_og_notatet_siger_det(mappe):
    ret(mappe / "2024.toml", 'kilde = "Notatet s. 2, tabel',
        'kilde = "UDKAST: overført fra 2023.toml; Notatet s. 2, tabel')
    for r in beregn_og_notat(mappe):
        [a] = advarsler(r)
        assert "budget.kilde: filen er et udkast: 1 kilder er overført og ikke gennemgået " \
               "(budget.kilde)" in a
    notat = kør("notat", 2024, "-b", mappe).stdout
    assert notat.startswith("# UDKAST – Socialtilsyn Nord – Budget 2024")
    assert "UDKAST. Budgetfilen for 2024 er startet fra året før" in notat


def test_en_kilde_der_er_et_tidligere_aars_notat_meldes(mappe):
    ret(mappe / "2024.toml", 'kilde = "Notatet s. 1, tabel',
        'kilde = "Notat Budget 2023 - Socialtilsyn Nord, s. 1, tabel')
    for r in beregn_og_notat(mappe):
        [a] = advarsler(r)
        assert a.endswith("antal.kilde: nævner notatet til Budget 2023 som kilde; et tidligere "
                          "års notat kan ikke være kilde til budget 2024")


def test_et_senere_aars_notat_maa_vaere_kilde_til_et_rekonstrueret_aar(mappe):
    # Et år, der kun kendes fra et senere års notat (som 2023 i 2024-notatets 2024-priser, eller
    # 2022 i 2023-notatet), må have det notat som kilde: ingen advarsel.
    ret(mappe / "2023.toml", 'kilde = "Notatet s. 1, \'Antalsforudsætning\', År 2023"',
        'kilde = "Notat Budget 2024 - Socialtilsyn Nord, s. 1, År 2023"')
    assert advarsler(kør("beregn", 2024, "-b", mappe)) == []


@pytest.mark.parametrize("regnskabsaar, grund", [
    (2023, "regnskab 2023 er ikke afsluttet, når budget 2024 lægges (normalt indregnes "
           "regnskab 2022)"),
    (2020, "regnskab 2020 er ældre end det, budget 2024 normalt indregner (2022); er beløbet "
           "overført fra et tidligere budget?"),
])
def test_det_indregnede_resultats_aar_skal_passe_med_budgetaaret(mappe, regnskabsaar, grund):
    ret(mappe / "2024.toml", "regnskabsaar = 2022", f"regnskabsaar = {regnskabsaar}")
    for r in beregn_og_notat(mappe):
        [a] = advarsler(r)
        assert a.endswith(f"overfoert_resultat.regnskabsaar: {grund}")


def test_advarsler_om_aaret_foer_meldes_ogsaa(mappe):
    ret(mappe / "2023.toml", 'kvartal = "2022K2"', 'kvartal = "2022K4"')
    [a] = advarsler(kør("beregn", 2024, "-b", mappe))
    assert "2023.toml:" in a and "befolkning.kvartal: er 2022K4" in a


def test_advarsler_kommer_paa_stderr_foer_tallene_og_aendrer_ikke_udgangskoden(mappe):
    ret(mappe / "2024.toml", 'kvartal = "2023K2"', 'kvartal = "2022K2"')
    r = kør("beregn", 2024, "-b", mappe, "-f", "json")
    assert r.exit_code == 0 and r.stdout.startswith("{") and "Advarsel" not in r.stdout


@pytest.mark.parametrize("kommando", [["beregn", "2024"], ["notat", "2024"], ["tjek"]])
def test_pl_indeks_tastet_som_procent_er_en_inputfejl_i_hver_kommando(mappe, kommando):
    ret(mappe / "pl-indeks.toml", "2024 = 104.45", "2024 = 104.45\n2025 = 3.2")
    args = [*kommando, "-b", mappe] if kommando != ["tjek"] else ["tjek", mappe]
    r = kør(*args)
    assert r.exit_code == 2
    tekst = r.stderr + r.stdout
    assert re.search(r"pl-indeks\.toml:8: indeks\.2025: 2025 = 3\.2 efter 2024 = 104\.45 giver en "
                     r"PL-faktor på 0,0306, ikke en plausibel fremskrivning \(0,8-1,25 pr\. år\)\. "
                     r"Indekset er et indeks, ikke en procent: ret linjen til 2025 = 104\.45 × "
                     r"\(1 \+ PL/100\), med PL i procent$",
                     tekst, re.M), tekst
    assert "Traceback" not in tekst


@pytest.mark.parametrize("indeks, ok", [
    ("2023 = 100\n2024 = 125", True), ("2023 = 100\n2024 = 125.01", False),
    ("2023 = 100\n2024 = 80", True), ("2023 = 100\n2024 = 79.99", False),
    ("2022 = 100\n2024 = 156.25", True), ("2022 = 100\n2024 = 156.26", False),  # 1,25² over 2 år
])
def test_pl_trinets_graenser(mappe, indeks, ok):
    ret(mappe / "pl-indeks.toml", "2023 = 100\n2024 = 104.45", indeks)
    from tilsynstakst.budgetfil.laes import laes_pl
    from tilsynstakst.fund import Inputfejl

    if ok:
        laes_pl(mappe)
    else:
        with pytest.raises(Inputfejl, match="ikke en plausibel fremskrivning"):
            laes_pl(mappe)
