"""Indlæsning og validering: danske beskeder med fil, linje og nøgle."""

from pathlib import Path

import pytest

from conftest import BUDGETS
from tilsynstakst.fund import Inputfejl
from tilsynstakst.budgetfil.laes import find_linje, laes_budget

GYLDIG = (BUDGETS / "2024.toml").read_text(encoding="utf-8")


def skriv(tmp_path: Path, tekst: str, navn: str = "2024.toml") -> Path:
    sti = tmp_path / navn
    sti.write_text(tekst, encoding="utf-8")
    return sti


def fejl(sti: Path) -> str:
    with pytest.raises(Inputfejl) as e:
        laes_budget(sti)
    return str(e.value)


def linje_med(tekst: str, start: str) -> int:
    return next(i for i, l in enumerate(tekst.splitlines(), 1) if l.startswith(start))


def test_negativt_antal_meldes_med_linje_og_noegle(tmp_path):
    tekst = GYLDIG.replace("tilbud = [51, 142, 48, 10]", "tilbud = [51, 142, -3, 10]")
    besked = fejl(skriv(tmp_path, tekst))
    nr = linje_med(tekst, "tilbud = [51, 142, -3")
    assert besked == (f"{tmp_path}/2024.toml:{nr}: antal.pr_takstgruppe.tilbud[2]: "
                      "skal være et helt tal ≥ 0, fik -3")


def test_stavefejl_i_noegle_er_en_fejl(tmp_path):
    tekst = GYLDIG.replace("plejefamilier = 860", "plejefamilie = 860")
    besked = fejl(skriv(tmp_path, tekst))
    assert "antal.plejefamilie: ukendt nøgle" in besked
    assert "antal.plejefamilier: mangler" in besked  # alle fejl meldes, ikke kun den første


def test_ugyldig_toml_giver_linjenummer(tmp_path):
    tekst = GYLDIG.replace("tilbudsafdelingen = 16905109", "tilbudsafdelingen = 16.905.109")
    besked = fejl(skriv(tmp_path, tekst))
    assert besked.startswith(f"{tmp_path}/2024.toml:{linje_med(tekst, 'tilbudsafdelingen')}: "
                             "ugyldig TOML")


def test_aaret_skal_passe_med_filnavnet(tmp_path):
    assert "året i filen er 2024, men filen hedder 2025.toml" in fejl(
        skriv(tmp_path, GYLDIG, "2025.toml"))


def test_tekst_hvor_der_skal_staa_et_beloeb(tmp_path):
    tekst = GYLDIG.replace("plejefamilieafdelingen = 19156058", 'plejefamilieafdelingen = "mange"')
    assert "budget.plejefamilieafdelingen: skal være et beløb i kr. ≥ 0, fik 'mange'" in fejl(
        skriv(tmp_path, tekst))


def test_nan_afvises(tmp_path):
    tekst = GYLDIG.replace("tilsyn = 65.2536", "tilsyn = nan")
    assert "normtimer.tilsyn: skal være et antal timer mellem 0,1 og 10.000 (ikke nan eller inf)" in fejl(
        skriv(tmp_path, tekst))


def test_totaler_skal_passe_med_fordelingen(tmp_path):
    tekst = GYLDIG.replace("tilbud = 251", "tilbud = 250")
    assert "tilbud = 250, men pr_takstgruppe.tilbud summer til 251" in fejl(skriv(tmp_path, tekst))


def test_kalibreret_skal_naevne_eksisterende_noegler(tmp_path):
    tekst = GYLDIG.replace('"normtimer.tilsyn",', '"normtimer.tilsyyn",')
    assert "kalibreret: nævner en nøgle, der ikke findes: normtimer.tilsyyn" in fejl(
        skriv(tmp_path, tekst))


def test_ingen_opgaver_afvises(tmp_path):
    tekst = (GYLDIG.replace("[51, 142, 48, 10]", "[0, 0, 0, 0]").replace("[2, 4, 1, 0]", "[0, 0, 0, 0]")
             .replace("[13, 17, 28, 2]", "[0, 0, 0, 0]").replace("bpa_tilsyn = 19", "bpa_tilsyn = 0")
             .replace("tilbud = 251", "tilbud = 0").replace("tilbud_nygodkendelser = 7", "tilbud_nygodkendelser = 0")
             .replace("vaesentlige_aendringer = 60", "vaesentlige_aendringer = 0"))
    assert "ingen tilsyn eller godkendelser" in fejl(skriv(tmp_path, tekst))


def test_ikke_utf8_og_manglende_fil(tmp_path):
    sti = tmp_path / "2024.toml"
    sti.write_bytes(b"aar = 2024\ntilsyn = \"\xff\"\n")
    assert "er ikke gyldig UTF-8" in fejl(sti)
    assert fejl(tmp_path / "2030.toml").endswith("2030.toml: filen findes ikke")


def test_find_linje_i_tabel_og_med_citerede_noegler():
    tekst = '[a]\nx = 1\n[a.b]\n"Læsø" = 2\ny = 3\n'
    assert find_linje(tekst, ("a", "x")) == 2
    assert find_linje(tekst, ("a", "b", "Læsø")) == 4
    assert find_linje(tekst, ("a", "b", "mangler")) == 3  # nærmeste forælder


def test_en_fil_med_bom_kan_laeses(tmp_path):
    sti = tmp_path / "2024.toml"
    sti.write_bytes(b"\xef\xbb\xbf" + GYLDIG.encode("utf-8"))  # fx gemt af Notesblok
    assert laes_budget(sti).aar == 2024


def test_et_tal_paa_dansk_i_filen_siger_hele_tal_kun_for_et_felt_med_hele_tal(tmp_path):
    import shutil

    from conftest import ret

    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    ret(tmp_path / "2024.toml", "tilbud = 251", "tilbud = 251,5")
    with pytest.raises(Inputfejl) as e:
        laes_budget(tmp_path / "2024.toml")
    assert str(e.value).endswith("ugyldig TOML: antal.tilbud = 251,5 er skrevet med dansk "
                                 "talformat; skriv 251.5: punktum som decimaltegn, ingen "
                                 "tusindtalspunktummer; feltet tager kun hele tal")


def test_en_vaerdi_toml_ikke_kan_laese_naevner_noeglen_og_vaerdien(tmp_path):
    """``plejefamilier = ca. 860``: filen, linjen, nøglen og det, der stod (brugerprøven,
    issue 24: beskeden sagde kun "ugyldig TOML: ugyldig værdi")."""
    tekst = GYLDIG.replace("plejefamilier = ", "plejefamilier = ca. ", 1)
    besked = fejl(skriv(tmp_path, tekst))
    assert besked == (f"{tmp_path}/2024.toml:{linje_med(tekst, 'plejefamilier')}: "
                      "antal.plejefamilier: ugyldig TOML: ugyldig værdi, fik 'ca. "
                      + tekst.split("plejefamilier = ca. ", 1)[1].split("\n")[0].split("#")[0].strip()
                      + "': et tal skrives med cifre alene, en tekst i anførselstegn")
