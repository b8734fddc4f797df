"""Regnearket at regne videre i (issue 23, punkt 2): procenter som brøker med procentformat,
beløb som tal med tusindtalsformat, eksakte værdier i filen, titel og kilde over tabellen og
udskriften sat op på hvert faneblad, for hver kommando, der skriver ``-o x.xlsx``."""

import csv
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import ROD
from tilsynstakst.cli.app import app
from tilsynstakst.tal import KR, PCT
from tilsynstakst.visning.render.xlsx import STAAENDE_BREDDE, visning_xlsx
from tilsynstakst.visning.tabeller import Celle, Tabel, Visning

runner = CliRunner()

KOMMANDOER = {
    "beregn": ["beregn", "2024"],
    "takstblad": ["takstblad", "2024"],
    "scenarie": ["scenarie", "2024", "ti-tilbud-lukker"],
    "foelsomhed": ["foelsomhed", "2024"],
    "beregn med --saet": ["beregn", "2024", "--saet", "normtimer.tilsyn=66"],
    "oversigt": ["oversigt", "2023", "budgets", "andre/midt", "andre/hovedstaden"],
}


@pytest.fixture
def i_roden(monkeypatch):
    """Kør fra projektets rod, så budgetmappen hedder ``budgets`` som for brugeren."""
    monkeypatch.chdir(ROD)


def koer(args: list[str], fil) -> bytes:
    r = runner.invoke(app, [*args, "-o", str(fil)])
    assert r.exit_code == 0, r.output
    return fil.read_bytes()


def raa_vaerdier(data: bytes) -> dict[tuple[str, str], str]:
    """Teksten i hver talcelles ``<v>`` i filen, efter faneblad og celle: det, Excel læser."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        bog = z.read("xl/workbook.xml").decode()
        navne = re.findall(r'<sheet [^>]*name="([^"]*)"', bog)
        ud = {}
        for i, navn in enumerate(navne, start=1):
            xml = z.read(f"xl/worksheets/sheet{i}.xml").decode()
            for celle, v in re.findall(r'<c r="([A-Z]+\d+)"[^>]*t="n"[^>]*><v>([^<]*)</v>', xml):
                ud[navn.replace("&amp;", "&"), celle] = v
    return ud


def csv_tal(data: bytes) -> dict[tuple[str, str, str], tuple[Decimal, str]]:
    """CSV'ens tal (tabel; række; kolonne; værdi; enhed), med dansk decimalkomma."""
    raekker = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))[1:]
    return {(t, r, k): (Decimal(v.replace(",", ".")), e) for t, r, k, v, e in raekker if v}


def test_aendringen_i_det_samlede_budget_er_tallet_0_038_med_procentformat(i_roden, tmp_path):
    """Notat Budget 2024 – Socialtilsyn Nord, Tabel 2: budgettet stiger 1.320.124 kr., 3,8 %."""
    data = koer(["beregn", "2024"], tmp_path / "b.xlsx")
    ark = openpyxl.load_workbook(tmp_path / "b.xlsx")["Budget"]
    samlet = next(r for r in ark.iter_rows() if r[0].value == "Budget samlet")
    assert [c.value for c in samlet[1:4]] == [34741043, 36061167, 1320124]
    assert all(c.number_format == "#,##0" for c in samlet[1:4])
    pct = samlet[4]
    assert pct.value == pytest.approx(0.038) and pct.number_format == "0.0%"
    assert raa_vaerdier(data)["Budget", pct.coordinate] == "0.038"  # præcis, uden float-støj


@pytest.mark.parametrize("navn", list(KOMMANDOER))
def test_hver_procent_er_en_broek_og_hvert_tal_er_csvens(navn, i_roden, tmp_path):
    """Hver talcelle på hvert faneblad er præcis det tal, CSV'en har (samme visning): en procent
    som brøken med procentformat og lige så mange decimaler, ellers tallet med tusindtalsformat."""
    args = KOMMANDOER[navn]
    data = koer(args, tmp_path / "x.xlsx")
    forventet = csv_tal(koer(args, tmp_path / "x.csv"))
    raa = raa_vaerdier(data)
    bog = openpyxl.load_workbook(io.BytesIO(data))
    set_ = 0
    for ark in bog:
        titel = ark["A1"].value
        overskrift = [c.value for c in ark[4]]
        for raekke in ark.iter_rows(min_row=5):
            for c in raekke[1:]:
                if c.data_type != "n" or c.value is None:
                    continue
                vaerdi, enhed = forventet[titel, raekke[0].value, overskrift[c.column - 1]]
                i_filen = Decimal(raa[ark.title, c.coordinate])
                decimaler = max(0, -vaerdi.as_tuple().exponent)
                if enhed == PCT:
                    assert i_filen == vaerdi.scaleb(-2), (ark.title, c.coordinate)
                    assert c.number_format == "0" + ("." + "0" * decimaler if decimaler else "") \
                        + "%", (ark.title, c.coordinate)
                else:
                    assert i_filen == vaerdi, (ark.title, c.coordinate)
                    assert c.number_format.startswith("#,##0") and "%" not in c.number_format
                    assert len(c.number_format.partition(".")[2]) == decimaler
                set_ += 1
    assert set_ == len(forventet)  # og CSV'en har intet tal, regnearket mangler


@pytest.mark.parametrize("navn", list(KOMMANDOER))
def test_hvert_faneblad_har_titel_kilde_frosset_overskrift_og_udskrift(navn, i_roden, tmp_path):
    data = koer(KOMMANDOER[navn], tmp_path / "x.xlsx")
    bog = openpyxl.load_workbook(io.BytesIO(data))
    for ark in bog:
        assert ark["A1"].font.b and ark["A2"].value.startswith(bog.properties.title.split(" (")[0])
        assert all(c.font.b for c in ark[4] if c.value) and ark.freeze_panes == "B5"
        ps = ark.page_setup
        assert str(ps.paperSize) == ark.PAPERSIZE_A4
        bredde = sum(ark.column_dimensions[k].width for k in ark.column_dimensions)
        assert ps.orientation == ("landscape" if bredde > STAAENDE_BREDDE else "portrait")
        assert ark.sheet_properties.pageSetUpPr.fitToPage
        assert (ps.fitToWidth, ps.fitToHeight) == (1, 0)
        assert ark.print_title_rows == "$4:$4"  # overskriftsrækken på hver side
        assert ark.page_margins.left >= 0.5 and ark.page_margins.top >= 0.5
        assert ark.oddHeader.center.text.startswith(bog.properties.title[:20])
        assert "&P" in ark.oddFooter.right.text


def test_kilden_og_prisniveauet_staar_over_tabellen(i_roden, tmp_path):
    koer(["beregn", "2024"], tmp_path / "b.xlsx")
    bog = openpyxl.load_workbook(tmp_path / "b.xlsx")
    ark = bog["Objektiv finansiering"]
    assert ark["A1"].value == "Udviklingen i objektiv finansiering"
    assert ark["A2"].value == ("Socialtilsyn Nord – Budget 2024, i 2024-priser. Kilde: "
                               "budgets/2024.toml og budgets/2023.toml.")
    assert ark.page_setup.orientation == "landscape"  # elleve kommuner, syv talkolonner
    assert bog["Antal"].page_setup.orientation == "portrait"
    koer(["foelsomhed", "2024"], tmp_path / "f.xlsx")
    assert openpyxl.load_workbook(tmp_path / "f.xlsx")["Følsomhed"]["A2"].value.endswith(
        "i 2024-priser. Kilde: budgets/2024.toml.")


def _et_tal(vaerdi: Decimal, enhed: str) -> bytes:
    tabel = Tabel("t", "T", ("Navn", "Tal"), (("r", (Celle(vaerdi, enhed),)),))
    return visning_xlsx(Visning("T", "", (), (tabel,), {}))


@settings(max_examples=150, deadline=None)
@given(st.integers(-10**13, 10**13), st.integers(0, 4), st.sampled_from([KR, PCT]))
def test_tallet_i_filen_er_det_eksakte_decimaltal(cifre, decimaler, enhed):
    """Op til 14 betydende cifre (mere end noget beløb, antal eller procent i programmet): teksten
    i filen er præcis tallet, en procent præcis tallet / 100; aldrig en float-tilnærmelse."""
    vaerdi = Decimal(cifre).scaleb(-decimaler)
    raa = Decimal(raa_vaerdier(_et_tal(vaerdi, enhed))["t", "B5"])
    assert raa == (vaerdi.scaleb(-2) if enhed == PCT else vaerdi)


def test_libreoffice_udskriver_hvert_faneblad_paa_een_side_i_bredden(i_roden, tmp_path):
    """Regnearket gennem LibreOffice Calc til PDF: én A4-side pr. faneblad (én side bred, og
    hver tabel er så kort, at den er én høj), finansieringen på tværs."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) er ikke installeret")
    koer(["beregn", "2024"], tmp_path / "b.xlsx")
    r = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "b.xlsx")],
                       capture_output=True, text=True, timeout=180)
    if not (tmp_path / "b.pdf").exists():
        pytest.skip(f"LibreOffice kan ikke åbne regneark (mangler Calc?): {r.stderr.strip()}")
    info = subprocess.run(["pdfinfo", "-l", "99", str(tmp_path / "b.pdf")], capture_output=True,
                          text=True, check=True).stdout
    sider = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    bog = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert len(sider) == len(bog.sheetnames) == 9
    assert [float(b) > float(h) for b, h in sider] == [
        ark.page_setup.orientation == "landscape" for ark in bog]
    assert float(sider[2][0]) > float(sider[2][1])  # Objektiv finansiering på tværs
    tekst = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "Aalborg" in tekst and "Kilde: budgets/2024.toml" in tekst
