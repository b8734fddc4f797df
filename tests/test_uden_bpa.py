"""BPA kun, hvor der er BPA (issue 22, punkt 2): kun Socialtilsyn Nord fører tilsyn med
BPA-virksomheder (specialistfunktion siden 1.7.2022), så en budgetfil uden BPA-normtimer har ingen
BPA, og ingen visning, tabel, sætning eller overskrift nævner BPA for den.

Testdata: ``tests/data/kun_tilbud/`` er budgets/2023.toml og 2024.toml uden BPA-nøglerne og uden
[offentliggjort]. Midlertidige mapper hedder ikke noget med "bpa", for stien står i uddata.
"""

import io
import json
import re
import shutil
import tomllib
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ROD, fordel_resultat, ret
from tilsynstakst.aaret import gennemloeb
from tilsynstakst.beregning.afrunding import afrund_kroner
from tilsynstakst.beregning.forklaring import forklar as forklaringslinjer
from tilsynstakst.beregning.forklaring import tal_i_data
from tilsynstakst.beregning.spor import optag
from tilsynstakst.beregning.takster import beregn_takster
from tilsynstakst.budgetfil.jsonskema import skema
from tilsynstakst.budgetfil.laes import Linjer
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.cli.app import app
from tilsynstakst.jsondata import som_data

KUN_TILBUD = ROD / "tests" / "data" / "kun_tilbud"
FORMATER = ("txt", "json", "md", "csv", "xlsx")
runner = CliRunner()


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def mappe(tmp_path_factory):
    """En kopi af testdataene, som testen må skrive i (uddata, ny 2025)."""
    sti = tmp_path_factory.mktemp("kun_tilbud")
    shutil.copytree(KUN_TILBUD, sti, dirs_exist_ok=True)
    return sti


@pytest.fixture
def ny_mappe(tmp_path_factory):
    sti = tmp_path_factory.mktemp("tilbud")
    shutil.copytree(KUN_TILBUD, sti, dirs_exist_ok=True)
    return sti


def _tekst(data: bytes) -> str:
    """Al tekst i et uddata: en XLSX eller DOCX er en zip, hvis dele læses hver for sig (celler,
    fanebladenes navne, dokumentets egenskaber)."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return data.decode("utf-8-sig")


def _uden_bpa(hvad: str, data: bytes | str) -> None:
    tekst = data if isinstance(data, str) else _tekst(data)
    fund = [m.group() for m in re.finditer(r".{0,40}bpa.{0,40}", tekst, re.I)]
    assert not fund, f"{hvad} nævner BPA: {fund[:3]}"


def _koer_alle(mappe: Path, aar: int) -> dict[str, bytes]:
    """Hver kommando i hvert format gennem kommandolinjen: uddata og beskeder."""
    ud: dict[str, bytes] = {}
    uddata = mappe / f"uddata{aar}"
    uddata.mkdir(exist_ok=True)
    kommandoer = [("beregn",), ("takstblad",), ("foelsomhed",),
                  ("scenarie", "--saet", "normtimer.tilsyn=66")]
    for kommando in kommandoer:
        for endelse in FORMATER:
            fil = uddata / f"{kommando[0]}.{endelse}"
            r = kør(kommando[0], aar, *kommando[1:], "-b", mappe, "-o", fil, "--overskriv")
            assert r.exit_code == 0, r.output
            ud[f"{kommando[0]} {endelse}"] = fil.read_bytes()
            ud[f"{kommando[0]} {endelse} (beskeder)"] = r.output.encode()
        r = kør(kommando[0], aar, *kommando[1:], "-b", mappe)  # på skærmen
        assert r.exit_code == 0, r.output
        ud[f"{kommando[0]} på skærmen"] = r.stdout_bytes + r.stderr_bytes
    for endelse in ("md", "docx"):
        fil = uddata / f"notat.{endelse}"
        r = kør("notat", aar, "-b", mappe, "-o", fil, "--overskriv")
        assert r.exit_code == 0, r.output
        ud[f"notat {endelse}"] = fil.read_bytes()
    r = kør("forklar", aar, "-b", mappe)  # listen over nøgler
    assert r.exit_code == 0, r.output
    ud["forklar"] = r.stdout_bytes + r.stderr_bytes
    for noegle in ("budgetaar.takster.timer_i_alt", "budgetaar.takster.daekning.indtaegt",
                   "budgetaar.takster.timepris", "budgetaar.takster.skaerpet_tilsyn_pr_maaned.2",
                   *(("aendringer.timepris.pct", "forrige_aar.takster.timepris")
                     if (mappe / f"{aar - 1}.toml").exists() else ())):
        r = kør("forklar", aar, noegle, "-b", mappe)
        assert r.exit_code == 0, r.output
        ud[f"forklar {noegle}"] = r.stdout_bytes + r.stderr_bytes
    for format in ("tabel", "json"):
        r = kør("tjek", mappe, "--format", format)
        assert r.exit_code == 0, r.output
        ud[f"tjek {format}"] = r.stdout_bytes + r.stderr_bytes
    return ud


@pytest.mark.parametrize("aar", [2024, 2023])  # 2024 med året før, 2023 alene
def test_ingen_kommando_i_noget_format_naevner_det(mappe, aar):
    uddata = _koer_alle(mappe, aar)
    assert len(uddata) > 40
    for hvad, data in uddata.items():
        _uden_bpa(hvad, data)


def test_ingen_forklaring_af_noget_tal_naevner_det(mappe):
    """Hvert tal i beregningen, forklaret som ``forklar`` gør det (samme spor og funktion)."""
    with optag() as spor:
        b = gennemloeb.beregn(mappe, 2024, "stoerste-rest")
    alle = dict(tal_i_data(som_data(b.rapport)))
    linjer = Linjer()
    forklaret = [linje for noegle in alle if noegle in spor.trin
                 for linje in forklaringslinjer(spor, noegle,
                                                lambda sti, k: linjer(sti, *k.split(".")), {})]
    assert len(forklaret) > 1000
    _uden_bpa("forklar", "\n".join(forklaret))


def test_timeprisen_er_tilbudsafdelingens_pris_pr_normtime(mappe):
    """Uden BPA er timeprisen budget ÷ tilbuddenes vægtede normtimer, og notatet siger det i
    stedet for, at den bruges til BPA-taksterne."""
    # Timerne i testdataene, regnet her: Σ antal × vægt (1 : 1,2 : 2 : 3) × normtimer.
    w = (1, Fraction(6, 5), 2, 3)
    timer = sum(n * v for n, v in zip((51, 142, 48, 10), w)) * Fraction("65.2536") \
        + sum(n * v for n, v in zip((2, 4, 1, 0), w)) * Fraction("57.0434") \
        + sum(n * v for n, v in zip((13, 17, 28, 2), w)) * Fraction("18.2142")
    # Samme budget som Nords 2024 (672 kr. med 19 × 13 BPA-timer); uden dem 679 kr.
    assert afrund_kroner(Fraction(16905109) / timer) == 679
    r = json.loads(kør("beregn", 2024, "-b", mappe, "-f", "json").stdout)
    nu = r["budgetaar"]["takster"]
    assert nu["timepris"] == 679
    assert set(nu["normtimer"]) == {"tilsyn", "nygodkendelse", "vaesentlig_aendring"}
    assert "bpa" not in r["aendringer"] and "bpa_tilsyn" not in r["budgetaar"]["antal"]
    notat = kør("notat", 2024, "-b", mappe).stdout
    assert "## Timeprisen" in notat
    assert ("Den er Tilbudsafdelingens pris pr. normtime (budgettet divideret med de vægtede "
            "normtimer) og ligger til grund for taksterne pr. tilbud.") in notat
    tabel = kør("beregn", 2024, "-b", mappe).stdout
    assert "Timepris (Tilbudsafdelingens pris pr. normtime)" in tabel


def test_timeprisen_kan_offentliggoeres_og_afstemmes(ny_mappe):
    """[offentliggjort.bpa] timepris afstemmes også i en fil uden BPA. 2023 i 2024-priser:
    15.606.523 × 1,0445 ÷ 2023's tilbudstimer, regnet her."""
    w = (1, Fraction(6, 5), 2, 3)
    timer_2023 = sum(n * v for n, v in zip((51, 144, 48, 9), w)) * Fraction("67.5395") \
        + sum(n * v for n, v in zip((2, 2, 1, 1), w)) * Fraction("57.0434") \
        + sum(n * v for n, v in zip((28, 42, 0, 0), w)) * Fraction("18.2142")
    forrige = afrund_kroner(Fraction(15606523) * Fraction("1.0445") / timer_2023)
    assert forrige == 642
    fil = ny_mappe / "2024.toml"
    fil.write_text(fil.read_text(encoding="utf-8") + "\n[offentliggjort]\nkilde = \"testdata\"\n"
                   "\n[offentliggjort.bpa]\ntimepris = { forrige = 642, budgetaar = 679 }\n",
                   encoding="utf-8")
    r = kør("tjek", ny_mappe, "--streng")
    assert r.exit_code == 0, r.output
    assert "2 offentliggjorte tal afstemt: 2 ens" in r.stdout
    ret(fil, "budgetaar = 679", "budgetaar = 690")
    r = kør("tjek", ny_mappe)
    assert r.exit_code == 1 and "offentliggjort.bpa.timepris.budgetaar" in r.stdout


def _linje(tekst: str, start: str) -> int:
    return next(nr for nr, linje in enumerate(tekst.split("\n"), 1) if linje.startswith(start))


@pytest.mark.parametrize("foer, efter, noegle, besked, linjen", [
    # én BPA-normtime uden den anden: den manglende nævnes, ved [normtimer]
    ("vaesentlig_aendring = 18.2142\n", "vaesentlig_aendring = 18.2142\nbpa_tilsyn = 13\n",
     "normtimer.bpa_nygodkendelse", "mangler: normtimer.bpa_tilsyn er angivet, og en fil med BPA "
     "angiver begge BPA-normtimer", "[normtimer]"),
    # BPA-antal uden BPA-normtimer: ved antallet
    ("vaesentlige_aendringer = 60\n", "vaesentlige_aendringer = 60\nbpa_tilsyn = 3\n",
     "antal.bpa_tilsyn", "er et BPA-antal, men filen har ingen BPA-normtimer", "bpa_tilsyn = 3"),
    # BPA-normtimer uden antal: antallet mangler, ved [antal]
    ("vaesentlig_aendring = 18.2142\n",
     "vaesentlig_aendring = 18.2142\nbpa_tilsyn = 13\nbpa_nygodkendelse = 36\n",
     "antal.bpa_tilsyn", "mangler: filen har BPA-normtimer, så antal.bpa_tilsyn skal angive "
     "antallet (også 0)", "[antal]"),
    # en kalibreret nøgle, filen ikke har
    ('    "normtimer.tilsyn",\n', '    "normtimer.tilsyn",\n    "antal.bpa_nygodkendelser",\n',
     "kalibreret", "nævner en nøgle, der ikke står i filen: antal.bpa_nygodkendelser",
     "kalibreret"),
    # offentliggjorte BPA-tal i en fil uden BPA
    ("Aalborg\" = 39978\n", "Aalborg\" = 39978\n\n[offentliggjort]\nkilde = \"t\"\n\n"
     "[offentliggjort.bpa]\ntilsyn = { budgetaar = 8827 }\n", "offentliggjort.bpa.tilsyn",
     "er et offentliggjort BPA-tal, men filen har ingen BPA", "tilsyn = { budgetaar"),
    ("Aalborg\" = 39978\n", "Aalborg\" = 39978\n\n[offentliggjort]\nkilde = \"t\"\n\n"
     "[offentliggjort.antal]\nbpa_tilsyn = { budgetaar = 0 }\n", "offentliggjort.antal.bpa_tilsyn",
     "er et offentliggjort BPA-tal, men filen har ingen BPA", "bpa_tilsyn = {"),
])
def test_halv_BPA_er_en_linje_med_fil_noegle_og_linje(ny_mappe, foer, efter, noegle, besked,
                                                       linjen):
    fil = ny_mappe / "2024.toml"
    ret(fil, foer, efter)
    nr = _linje(fil.read_text(encoding="utf-8"), linjen)
    for r in (kør("beregn", 2024, "-b", ny_mappe), kør("tjek", ny_mappe)):
        assert r.exit_code == 2, r.output
        assert f"2024.toml:{nr}: {noegle}: {besked}" in r.output, r.output
        assert "Traceback" not in r.output
    r = kør("beregn", 2024, "-b", ny_mappe)
    assert r.stderr.count("\n") == 1 and r.stdout == ""


def test_nords_filer_har_stadig_BPA_og_mangler_et_antal_er_det_en_fejl(tmp_path):
    shutil.copy(BUDGETS / "2024.toml", tmp_path)
    fil = tmp_path / "2024.toml"
    assert "BPA-området" in kør("beregn", 2024, "-b", tmp_path).stdout
    ret(fil, "bpa_nygodkendelser = 0", "")
    r = kør("beregn", 2024, "-b", tmp_path)
    nr = _linje(fil.read_text(encoding="utf-8"), "[antal]")  # en manglende nøgle: ved tabellen
    assert r.exit_code == 2
    assert f":{nr}: antal.bpa_nygodkendelser: mangler: filen har BPA-normtimer" in r.stderr


def test_ny_baerer_fraværet_af_BPA_over_i_udkastet(ny_mappe):
    r = kør("ny", 2025, "-b", ny_mappe, "--pl", "3,2")
    assert r.exit_code == 0, r.output
    udkast = (ny_mappe / "2025.toml").read_text(encoding="utf-8")
    _uden_bpa("udkastet", udkast)
    r = kør("beregn", 2025, "-b", ny_mappe, "-f", "json")  # udkastet er en gyldig fil uden BPA
    assert r.exit_code == 0, r.output
    _uden_bpa("beregn 2025", r.stdout)


def test_ny_fra_nord_beholder_BPA(tmp_path):
    shutil.copytree(BUDGETS, tmp_path, dirs_exist_ok=True)
    fordel_resultat(tmp_path)
    assert kør("ny", 2025, "-b", tmp_path, "--pl", "3,2").exit_code == 0
    udkast = (tmp_path / "2025.toml").read_text(encoding="utf-8")
    for linje in ("bpa_tilsyn = 19", "bpa_nygodkendelser = 0", "bpa_tilsyn = 13",
                  "bpa_nygodkendelse = 36"):
        assert re.search(rf"^{linje}\b", udkast, re.M), linje


def _blandet(tmp_path: Path, med: Path, uden: Path) -> Path:
    """Året før fra ``uden`` og budgetåret fra ``med``: to år, hvor kun det ene har BPA."""
    shutil.copy(uden, tmp_path / "2023.toml")
    shutil.copy(med, tmp_path / "2024.toml")
    shutil.copy(BUDGETS / "pl-indeks.toml", tmp_path)
    return tmp_path


def test_et_aar_med_BPA_efter_et_uden_er_en_aendring_fra_0(tmp_path):
    """Nords 2024 efter et 2023 uden BPA: 0 → 19 BPA-virksomheder (ingen procent af 0), og
    BPA-taksterne har intet år før at sammenlignes med."""
    mappe = _blandet(tmp_path, BUDGETS / "2024.toml", KUN_TILBUD / "2023.toml")
    d = json.loads(kør("beregn", 2024, "-b", mappe, "-f", "json").stdout)
    assert d["aendringer"]["antal"]["bpa_tilsyn"] == {
        "forrige": 0, "budgetaar": 19, "aendring": 19, "pct": None}
    assert "bpa" not in d["aendringer"]
    assert "bpa_tilsyn" not in d["forrige_aar"]["takster"]
    assert d["budgetaar"]["takster"]["bpa_tilsyn"] == 13 * 672  # notatet s. 4: 13 × 672
    tabel = kør("beregn", 2024, "-b", mappe).stdout
    linjer = tabel.splitlines()
    assert next(linje for linje in linjer if linje.startswith("Tilsyn med godkendt")).split()[-3:] \
        == ["(13", "timer)", "8.736"]  # ingen takst for 2023 og ingen ændring
    assert next(linje for linje in linjer if linje.startswith("Tilsyn BPA-virksomheder")) \
        .split()[-3:] == ["0", "19", "19"]  # ingen procent af 0
    assert ("2023 har ingen BPA-virksomheder (0): budgetfilen for 2023 angiver ingen "
            "BPA-normtimer.") in tabel
    assert "2023 har ingen BPA-takster: budgetfilen for 2023 angiver ingen BPA-normtimer." in tabel
    notat = kør("notat", 2024, "-b", mappe).stdout
    assert "For området for BPA-virksomheder forventes en stigning på 19 virksomheder." in notat
    assert "BPA-taksterne er timer × timeprisen" not in notat  # 2023 har ingen BPA-takster
    r = kør("forklar", 2024, "aendringer.antal.bpa_tilsyn.forrige", "-b", mappe)
    assert r.exit_code == 0 and "2023 har ingen BPA" in r.stdout
    assert kør("takstblad", 2024, "-b", mappe).exit_code == 0


def test_et_aar_uden_BPA_efter_et_med_viser_kun_budgetaarets_raekker(tmp_path):
    """Et budgetår uden BPA efter et med: tabellerne følger budgetåret (ingen BPA-rækker);
    året før er regnet, som dets fil er, med BPA-timerne i dets timepris."""
    mappe = _blandet(tmp_path, KUN_TILBUD / "2024.toml", BUDGETS / "2023.toml")
    d = json.loads(kør("beregn", 2024, "-b", mappe, "-f", "json").stdout)
    assert "bpa" not in d["aendringer"] and "bpa_tilsyn" not in d["aendringer"]["antal"]
    # 2023 i 2024-priser med BPA: 2024-notatets 635 kr. (s. 4); 2024 uden BPA: 679 kr.
    assert (d["forrige_aar"]["takster"]["timepris"], d["budgetaar"]["takster"]["timepris"]) == \
        (635, 679)
    for kommando in ("beregn", "takstblad", "notat"):
        r = kør(kommando, 2024, "-b", mappe)
        assert r.exit_code == 0, r.output
        _uden_bpa(kommando, r.stdout)


firetal = st.tuples(*[st.integers(0, 200)] * 4)
timer = st.decimals(min_value="0.25", max_value="500", places=2)


def _budget(tilbud, nyg, vae, h, beloeb, bpa: tuple | None) -> Budget:
    antal = {"kilde": "t", "plejefamilier": 1, "plejefamilier_nygodkendelser": 0,
             "pr_takstgruppe": {"tilbud": tilbud, "tilbud_nygodkendelser": nyg,
                                "vaesentlige_aendringer": vae}}
    normtimer = {"kilde": "t", "tilsyn": h[0], "nygodkendelse": h[1], "vaesentlig_aendring": h[2]}
    if bpa is not None:
        antal |= {"bpa_tilsyn": 0, "bpa_nygodkendelser": 0}
        normtimer |= {"bpa_tilsyn": bpa[0], "bpa_nygodkendelse": bpa[1]}
    return Budget.model_validate({
        "aar": 2024, "tilsyn": "Socialtilsyn Nord", "kilde": "test",
        "budget": {"kilde": "t", "tilbudsafdelingen": beloeb, "plejefamilieafdelingen": 1000},
        "antal": antal, "normtimer": normtimer,
        "befolkning": {"kilde": "t", "kvartal": "2023K2", "kommuner": {"Læsø": 1}}})


@settings(max_examples=100, deadline=None)
@given(tilbud=firetal, nyg=firetal, vae=firetal, h=st.tuples(timer, timer, timer),
       bpa=st.tuples(timer, timer), beloeb=st.integers(1, 10**8))
def test_BPA_uden_virksomheder_giver_samme_tilbudstakster_som_ingen_BPA(tilbud, nyg, vae, h,
                                                                        bpa, beloeb):
    """BPA-normtimer med 0 virksomheder lægger ingen timer til, så taksterne for tilbud, timeprisen
    og omkostningsdækningen er de samme som uden BPA; kun BPA-taksterne kommer til."""
    if sum(tilbud) + sum(nyg) + sum(vae) == 0:
        tilbud = (1, 0, 0, 0)  # en fil uden opgaver afvises
    uden = beregn_takster(_budget(tilbud, nyg, vae, h, beloeb, None))
    med = beregn_takster(_budget(tilbud, nyg, vae, h, beloeb, bpa))
    assert uden.bpa_tilsyn is None and uden.bpa_nygodkendelse is None and not uden.har_bpa
    assert med.bpa_tilsyn == afrund_kroner(Fraction(bpa[0]) * Fraction(med.timepris))
    for navn in ("timer_i_alt", "timepris", "timepris_uafrundet", "tilsyn", "nygodkendelse",
                 "vaesentlig_aendring", "skaerpet_tilsyn_pr_maaned", "daekning"):
        assert getattr(uden, navn) == getattr(med, navn), navn
    assert Decimal(sum(uden.normtimer.values())) == sum(Decimal(x) for x in h)


def test_skemaet_tager_en_fil_uden_og_afviser_en_halv():
    validator = jsonschema.Draft202012Validator(skema("budget"))
    data = json.loads(json.dumps(tomllib.loads((KUN_TILBUD / "2024.toml").read_text(
        encoding="utf-8"), parse_float=Decimal), default=float))
    validator.validate(data)
    data["normtimer"]["bpa_tilsyn"] = 13  # den ene BPA-normtime uden den anden
    assert any("bpa_nygodkendelse" in f.message for f in validator.iter_errors(data))


def test_bpa_i_et_andet_tilsyns_fil_er_en_advarsel(tmp_path):
    """Kun Socialtilsyn Nord har BPA (specialistfunktion siden 1.7.2022): BPA i Midts fil er nok
    kopieret fra Nords og meldes."""
    import shutil

    from conftest import BUDGETS, ret

    shutil.copy(BUDGETS / "2024.toml", tmp_path)
    ret(tmp_path / "2024.toml", 'tilsyn = "Socialtilsyn Nord"', 'tilsyn = "Socialtilsyn Midt"')
    r = runner.invoke(app, ["beregn", "2024", "-b", str(tmp_path)])
    assert r.exit_code == 0
    assert ("normtimer.bpa_tilsyn: Socialtilsyn Midt har BPA-normtimer, men kun Socialtilsyn Nord "
            "fører tilsyn med BPA-virksomheder") in r.stderr
    assert "har BPA-normtimer" not in runner.invoke(app, ["beregn", "2024"]).stderr
