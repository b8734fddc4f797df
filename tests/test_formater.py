"""``beregn --format markdown|csv|xlsx`` og ``--output``: notatets tal i hvert format, atomisk
skrivning uden at overskrive, og tekst, der ikke kan blive en formel i et regneark."""

import csv
import io
import os
import re

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import BUDGETS
from tilsynstakst.cli.app import app
from tilsynstakst.fund import Inputfejl
from tilsynstakst.budgetfil.skriv import skriv_fil
from tilsynstakst.visning.render.celler import FORMELTEGN, uskadelig

runner = CliRunner()
NBSP = "\u00a0"


def beregn(*args: str):
    return runner.invoke(app, ["beregn", "2024", "-b", str(BUDGETS), *args])


def test_markdown_har_notatets_tabeller_som_pipe_tables_med_danske_tal():
    r = beregn("--format", "markdown")
    assert r.exit_code == 0
    md = r.stdout
    for titel in ("Antalsforudsætning", "Udviklingen i budgettet",
                  "Udviklingen i objektiv finansiering", "Udvikling i takst pr. tilbud",
                  "BPA-området"):
        assert f"\n### {titel}" in md
    assert "| Aalborg | 39.632 | 32,7 % | 6.034.808 | 39.978 | 32,9 % | 6.294.349 | 4,3 % |" \
        .replace(" %", f"{NBSP}%") in md
    assert "| Takstgruppe 1 (1-7 pladser) | 42.884 | 43.852 | 2,3" in md
    assert "| Timepris | 635 | 672 | 5,8" in md
    assert f"| Budget samlet | 34.741.043 | 36.061.167 | 1.320.124 | 3,8{NBSP}% |" in md
    # hver tabel: overskriftsrække, skillelinje med højrestillede tal, lige mange celler
    for blok in re.findall(r"((?:^\|.*\|\n)+)", md, flags=re.M):
        linjer = blok.splitlines()
        assert re.fullmatch(r"\| :-- (\| --: )*\|", linjer[1])
        assert len({linje.count(" | ") for linje in linjer}) == 1


def _csv_raekker(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 med BOM: dansk Excel læser æøå
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_er_en_ryddelig_tabel_med_decimalkomma_og_tal_som_tal():
    r = beregn("--format", "csv")
    assert r.exit_code == 0
    raekker = _csv_raekker(r.stdout_bytes)
    assert raekker[0] == ["tabel", "række", "kolonne", "værdi", "enhed"]
    vaerdi = {(t, r_, k): (v, e) for t, r_, k, v, e in raekker[1:]}
    assert vaerdi["Udviklingen i objektiv finansiering", "Aalborg", "Beløb 2024"] == \
        ("6294349", "kr.")
    assert vaerdi["Udviklingen i budgettet", "Budget samlet", "Ændring i pct."] == ("3,8", "%")
    assert vaerdi["Omkostningsmodel og omkostningsdækning", "Timepris, uafrundet (budget ÷ timer)",
                  "Værdi"] == ("672,0186", "kr.")
    assert all(re.fullmatch(r"-?\d+(,\d+)?", v) for _, _, _, v, _ in raekker[1:])


def test_xlsx_et_faneblad_pr_tabel_tal_som_tal_fed_frosset_overskrift(tmp_path):
    fil = tmp_path / "b.xlsx"
    r = beregn("--format", "xlsx", "--output", str(fil))
    assert r.exit_code == 0, r.output
    assert re.fullmatch(rf"Skrev {re.escape(str(fil))} \(\d{{1,3}}(\.\d{{3}})* byte\)\.\n", r.stderr)
    bog = openpyxl.load_workbook(fil)
    assert bog.sheetnames == ["Antal", "Budget", "Objektiv finansiering", "Takst pr. tilbud",
                              "BPA", "Takstblad", "Takstblad 2023 (2024-priser)",
                              "Takstblad ændring i pct.",
                              "Omkostningsmodel"]
    ark = bog["Objektiv finansiering"]
    # Titel, kilde og en tom række over tabellen; overskriftsrækken (række 4) er frosset.
    assert ark.freeze_panes == "B5"
    assert all(c.font.bold for c in ark[4])
    aalborg = next(row for row in ark.iter_rows() if row[0].value == "Aalborg")
    beloeb = aalborg[6]
    assert beloeb.value == 6294349 and beloeb.data_type == "n"
    assert beloeb.number_format == "#,##0"
    # Aalborgs andel 2023: 32,7 % gemt som brøken 0,327 med procentformat (issue 23).
    assert aalborg[2].value == pytest.approx(0.327) and aalborg[2].number_format == "0.0%"
    assert ark.column_dimensions["A"].width >= len("Gennemsnitspris pr. plejefamilie")
    takster = bog["Takst pr. tilbud"]
    # Under de fire takster en tom række og tabellens note i kolonne A (året før er regnet
    # igen, issue 19), så visningens indledende linje; kolonne C har kun de fire takster.
    assert [row[2].value for row in takster.iter_rows(min_row=5)] == [
        43852, 52622, 87703, 131555, None, None, None]
    assert takster["A10"].value.startswith("2023 i 2024-priser er regnet igen")


def test_output_naegter_at_overskrive_undtagen_med_overskriv(tmp_path):
    fil = tmp_path / "b.md"
    fil.write_text("mit eget notat", encoding="utf-8")
    r = beregn("-f", "markdown", "-o", str(fil))
    assert r.exit_code == 2
    assert r.stderr.strip() == f"Fejl: {fil}: findes allerede; brug --overskriv for at erstatte den"
    assert fil.read_text(encoding="utf-8") == "mit eget notat"
    r = beregn("-f", "markdown", "-o", str(fil), "--overskriv")
    assert r.exit_code == 0 and "6.294.349" in fil.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]  # ingen midlertidige filer


def test_tabel_til_fil_er_ren_tekst(tmp_path):
    fil = tmp_path / "b.txt"
    assert beregn("-o", str(fil)).exit_code == 0
    tekst = fil.read_text(encoding="utf-8")
    assert "6.294.349" in tekst and "\x1b[" not in tekst


def test_ingen_halv_fil_naar_gengivelsen_fejler(tmp_path, monkeypatch):
    import tilsynstakst.visning.render.formater as formater

    def fejler(*_):
        raise RuntimeError("gengivelsen fejlede")

    monkeypatch.setattr(formater, "gengiv", fejler)
    fil = tmp_path / "b.csv"
    r = beregn("-f", "csv", "-o", str(fil))
    assert r.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_ingen_halv_fil_naar_skrivningen_fejler(tmp_path, monkeypatch):
    fil = tmp_path / "b.csv"
    fil.write_bytes(b"gammel")

    def fejler(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fejler)
    with pytest.raises(Inputfejl, match="kan ikke skrives"):
        skriv_fil(fil, b"ny", overskriv=True)
    assert fil.read_bytes() == b"gammel"
    assert [p.name for p in tmp_path.iterdir()] == ["b.csv"]


def test_output_i_en_mappe_der_ikke_findes(tmp_path):
    r = beregn("-f", "json", "-o", str(tmp_path / "nej" / "b.json"))
    assert r.exit_code == 2 and "findes ikke" in r.stderr


def test_en_ny_fil_faar_almindelige_rettigheder(tmp_path):
    fil = tmp_path / "b.json"
    skriv_fil(fil, b"{}")
    maske = os.umask(0)
    os.umask(maske)
    assert fil.stat().st_mode & 0o777 == 0o666 & ~maske


@pytest.mark.parametrize("tegn", FORMELTEGN)
def test_uskadelig_saetter_apostrof_foran_formeltegn(tegn):
    assert uskadelig(f"{tegn}1+1") == f"'{tegn}1+1"
    assert uskadelig("Aalborg") == "Aalborg" and uskadelig("") == ""


FARLIG = '=HYPERLINK("http://example.com","klik")'


def test_en_formel_som_kommunenavn_afvises_allerede_i_budgetfilen(mappe):
    from conftest import ret

    ret(mappe / "2024.toml", '"Læsø" =', "'" + FARLIG + "' =")
    r = runner.invoke(app, ["beregn", "2024", "-b", str(mappe), "-f", "csv"])
    assert r.exit_code == 2 and "befolkning.kommuner.=HYPERLINK" in r.stderr
    assert "skal være et kommunenavn" in r.stderr


@pytest.fixture
def farlig_rapport():
    """En rapport med en formel som kommunenavn, uden om valideringen (model_copy validerer
    ikke): visningerne skal stadig skrive den som tekst, hvis den nogensinde når så langt."""
    from tilsynstakst.budgetfil.laes import laes_budget
    from tilsynstakst.beregning.aarsresultat import lav_rapport

    b = laes_budget(BUDGETS / "2024.toml")
    kommuner = {(FARLIG if n == "Læsø" else n): v for n, v in b.befolkning.kommuner.items()}
    return lav_rapport(b.model_copy(update={
        "befolkning": b.befolkning.model_copy(update={"kommuner": kommuner})}))


def test_formel_i_kommunenavn_bliver_tekst_i_csv_og_xlsx(farlig_rapport, tmp_path):
    from tilsynstakst.visning.render.formater import gengiv
    from tilsynstakst.visning.tabeller import rapportvisning

    navne = {raekke[1] for raekke in _csv_raekker(gengiv(rapportvisning(farlig_rapport), "csv"))[1:]}
    assert "'" + FARLIG in navne and FARLIG not in navne
    fil = tmp_path / "b.xlsx"
    fil.write_bytes(gengiv(rapportvisning(farlig_rapport), "xlsx"))
    celler = [c for ark in openpyxl.load_workbook(fil) for row in ark.iter_rows() for c in row
              if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert celler and all(c.value == "'" + FARLIG and c.data_type == "s" for c in celler)


# --- Filens endelse vælger formatet; en mappe er ikke en fil (issue 11) -------------------------


@pytest.mark.parametrize(("navn", "format"), [("b.xlsx", "xlsx"), ("b.CSV", "csv"),
                                              ("b.md", "markdown"), ("b.json", "json"),
                                              ("b.txt", "tabel")])
def test_endelsen_vaelger_formatet(navn, format):
    from pathlib import Path

    from tilsynstakst.visning.render.formater import vaelg_format

    assert vaelg_format(None, Path(navn)) == format
    assert vaelg_format(format, Path(navn)) == format
    assert vaelg_format("json", Path("b")) == "json"  # uden endelse: --format afgør
    assert vaelg_format(None, None) == "tabel"


def test_beregn_o_xlsx_skriver_et_regneark_uden_format(tmp_path):
    r = beregn("-o", str(tmp_path / "b.xlsx"))
    assert r.exit_code == 0, r.stderr
    ark = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert "Objektiv finansiering" in ark.sheetnames


def test_beregn_o_txt_skriver_terminalens_tabeller_som_tekst(tmp_path):
    assert beregn("-o", str(tmp_path / "b.txt")).exit_code == 0
    tekst = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert "Aalborg" in tekst and "6.294.349" in tekst and "\x1b" not in tekst


def test_et_format_der_modsiger_endelsen_er_en_fejl_der_naevner_begge(tmp_path):
    r = beregn("-f", "xlsx", "-o", str(tmp_path / "b.csv"))
    assert r.exit_code == 2
    assert "--format xlsx passer ikke til endelsen .csv" in r.stderr
    assert not (tmp_path / "b.csv").exists()


def test_en_ukendt_endelse_uden_format_er_en_fejl(tmp_path):
    r = beregn("-o", str(tmp_path / "b.out"))
    assert r.exit_code == 2 and "kan ikke se formatet af endelsen .out" in r.stderr
    assert beregn("-o", str(tmp_path / "b.out"), "-f", "csv").exit_code == 0


@pytest.mark.parametrize("kommando", [["beregn", "2024"], ["notat", "2024"],
                                      ["foelsomhed", "2024"]])
def test_en_sti_der_ender_paa_skraastreg_eller_er_en_mappe_er_en_fejl(tmp_path, kommando):
    for sti in (f"{tmp_path / 'ny'}/", str(tmp_path)):
        r = runner.invoke(app, [*kommando, "-b", str(BUDGETS), "-o", sti])
        assert r.exit_code == 2, r.output
        assert "er en mappe, ikke en fil" in r.stderr
    assert not (tmp_path / "ny").exists()


def test_regnearkets_egenskaber_er_tilsynets(tmp_path):
    assert beregn("-o", str(tmp_path / "b.xlsx")).exit_code == 0
    egenskaber = openpyxl.load_workbook(tmp_path / "b.xlsx").properties
    assert egenskaber.creator == "Socialtilsyn Nord"
    assert egenskaber.title == "Socialtilsyn Nord – Budget 2024 (i 2024-priser)"
