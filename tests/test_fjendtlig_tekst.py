"""Fjendtlig tekst (issue 21, klasse 4): tekst forlader programmet ad flere veje, og hver vej skal
vise teksten som tegn, aldrig som formatering, formel eller styretegn.

Hvert medium har én funktion, al tekst går igennem: terminalen ``fund.synlig`` (i
``prosa.afsnit`` og ``prosa.skriv``), Markdown ``render.markdown.tekst``, en celle i CSV og XLSX
``render.celler.uskadelig`` og Word ``render.notat_docx.tekst``. Her sendes den samme tabel af
fjendtlige tekster ad de veje, de kan komme: en budgetposts ``post``, et scenaries
beskrivelse (skemaet tillader dem der; tilsynets navn er et af fem siden issue 22), og budgetmappens navn og uddatafilens navn
fra kommandolinjen (dér kan også styretegn stå). Alt køres gennem den rigtige indgang
(Typers CliRunner i processen).
"""

import csv
import html
import io
import json
import re

import pytest
from typer.testing import CliRunner

from conftest import ROD
from tilsynstakst.cli.app import app
from tilsynstakst.visning.render.celler import FORMELTEGN, uskadelig

runner = CliRunner()

# Tekster, skemaet tillader i en budgetfil: Markdown, HTML og formler.
FRA_FIL = [
    "# Falsk overskrift",
    "IT _vigtig_ systemer",
    "**fed**",
    "~~slet~~",
    "a | b",
    "<script>alert(1)</script>",
    "&amp;",
    "[link](http://x)",
    "`kode`",
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
]
# Tekster, kun kommandolinjen kan bringe ind (et mappe- eller filnavn): styretegn og bidi.
STYRETEGN = ["\t", "\x1b[31mRØD", "\u202eomvendt", "a\r\nb", "\x07"]
KODER = ["\\t", "\\x1b[31mRØD", "\\u202eomvendt", "a\\r\\nb", "\\x07"]
RAA = ("\t", "\x1b", "\u202e", "\r", "\x07")
BESKRIVELSE = "IT _vigtig_ systemer **fed** ~~slet~~ <script>alert(1)</script> &amp; " \
              "[link](http://x) `kode` a | b"


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def _toml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


@pytest.fixture(scope="module")
def fjendtlig(tmp_path_factory):
    """Eksemplet med poster, hvor hver fjendtlig tekst (også "# Falsk overskrift") er en posts
    navn (de ekstra poster på 1 kr. trækkes fra den første, så taksterne er de samme),
    med et scenarie, hvis beskrivelse er fjendtlig; mappens navn har styretegnene."""
    mappe = tmp_path_factory.mktemp("fjendtlig") / ("m" + "".join(STYRETEGN))
    mappe.mkdir()
    tekst = (ROD / "eksempler" / "opbygning" / "2024.toml").read_text(encoding="utf-8")
    poster = re.findall(r'^post = (".*")$', tekst, flags=re.M)
    for gammel, ny in zip(poster, FRA_FIL):
        tekst = tekst.replace(f"post = {gammel}", f"post = {_toml(ny)}", 1)
    ekstra = FRA_FIL[len(poster):]
    tekst = tekst.replace("beloeb = 11200000", f"beloeb = {11200000 - len(ekstra)}", 1)
    tekst += "".join(f'\n[[budget.poster]]\npost = {_toml(p)}\nbeloeb = 1\n'
                     'afdeling = "tilbudsafdelingen"\nkilde = "test"\n' for p in ekstra)
    (mappe / "2024.toml").write_text(tekst, encoding="utf-8")
    (mappe / "scenarier").mkdir()
    (mappe / "scenarier" / "fjendtlig.toml").write_text(
        f'aar = 2024\nbeskrivelse = {_toml(BESKRIVELSE)}\n\n[saet]\n"antal.tilbud" = 241\n'
        '"antal.pr_takstgruppe.tilbud" = [41, 142, 48, 10]\n',
        encoding="utf-8")
    return mappe


# --- Markdown ---------------------------------------------------------------------------------


def _html(md: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)


def _synligt(html_: str) -> str:
    """Det, en læser ser: HTML uden mærker, med entiteterne som tegn."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_))


def _markdown_viser_teksten_som_tegn(md: str, tekster) -> None:
    h = _html(md)
    assert not re.search(r"<h\d>\s*Falsk", h), "en tekst blev en overskrift"
    for mærke in ("<em>vigtig", "<strong>fed", "<s>slet", "<del>slet", "<a ", "<code>",
                  "<script", "<img"):
        assert mærke not in h, mærke
    synligt = _synligt(h)
    for t in tekster:
        assert t in synligt, t


@pytest.mark.parametrize("kommando", ["beregn", "notat"])
def test_markdown_viser_posternes_navne_som_tegn(fjendtlig, kommando):
    args = (kommando, 2024, "-b", fjendtlig) + (("-f", "markdown") if kommando == "beregn" else ())
    r = kør(*args)
    assert r.exit_code == 0, r.output
    md = r.stdout
    # En tekst forrest i et afsnit blev en overskrift (før issue 22: tilsynets navn i notatet).
    assert not re.search(r"^# Falsk", md, flags=re.M)
    _markdown_viser_teksten_som_tegn(md, FRA_FIL)


def test_markdown_viser_scenariets_beskrivelse_og_mappens_navn_som_tegn(fjendtlig):
    r = kør("notat", 2024, "-b", fjendtlig, "--scenarie", "fjendtlig")
    assert r.exit_code == 0, r.output
    assert not any(t in r.stdout for t in RAA), "et styretegn nåede Markdown"
    _markdown_viser_teksten_som_tegn(r.stdout, [BESKRIVELSE, *KODER])


# --- CSV og XLSX ------------------------------------------------------------------------------


def _i_celle(t: str) -> str:
    return "'" + t if t.startswith(FORMELTEGN) else t


def test_csv_viser_posternes_navne_som_tekst_og_aldrig_som_formel(fjendtlig):
    r = kør("beregn", 2024, "-b", fjendtlig, "-f", "csv")
    assert r.exit_code == 0, r.output
    raekker = list(csv.reader(io.StringIO(r.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    navne = {raekke[1] for raekke in raekker[1:]}
    for t in FRA_FIL:
        assert _i_celle(t) in navne, t
    for raekke in raekker:
        for felt in raekke[:3]:
            assert not felt.startswith(FORMELTEGN), felt


def test_xlsx_gemmer_posternes_navne_som_tekstceller(fjendtlig, tmp_path):
    from openpyxl import load_workbook

    fil = tmp_path / "tal.xlsx"
    r = kør("beregn", 2024, "-b", fjendtlig, "--scenarie", "fjendtlig", "-o", fil)
    assert r.exit_code == 0, r.output
    bog = load_workbook(fil)
    assert bog.properties.creator == "Socialtilsyn Nord"
    tekstceller = {}
    for ark in bog.worksheets:
        for raekke in ark.iter_rows():
            for c in raekke:
                if isinstance(c.value, str):
                    assert c.data_type == "s", (c.coordinate, c.value)
                    assert not c.value.startswith(FORMELTEGN), c.value
                    tekstceller[c.value] = c.data_type
    for t in FRA_FIL:
        assert tekstceller.get(_i_celle(t)) == "s", t


@pytest.mark.parametrize("t", FRA_FIL + STYRETEGN)
def test_en_celle_er_tekst_med_synlige_koder_og_aldrig_en_formel(t):
    """Skemaet holder styretegn ude af filens tekster; kommer et alligevel til en celle, vises
    det som kode (XLSX kan ikke gemme ESC og BEL); tabulator og linjeskift kan en celle rumme."""
    c = uskadelig(t)
    assert not any(tegn in c for tegn in ("\x1b", "\u202e", "\x07"))
    assert c.startswith("'") == t.startswith(FORMELTEGN)


# --- Word -------------------------------------------------------------------------------------


def _docx_tekst(fil) -> str:
    import docx

    d = docx.Document(fil)
    dele = [p.text for p in d.paragraphs]
    dele += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join(dele) + "\n" + d.core_properties.title + "\n" + d.core_properties.author


def test_word_viser_navnene_beskrivelsen_og_mappens_styretegn_som_tegn(fjendtlig, tmp_path):
    pytest.importorskip("docx")
    fil = tmp_path / "notat.docx"
    r = kør("notat", 2024, "-b", fjendtlig, "--scenarie", "fjendtlig", "-o", fil)
    assert r.exit_code == 0, r.output
    tekst = _docx_tekst(fil)
    for t in [*FRA_FIL, BESKRIVELSE, *KODER]:
        assert t in tekst, t
    assert not any(t in tekst for t in ("\x1b", "\u202e", "\x07", "\r"))


# --- Terminalen -------------------------------------------------------------------------------


def test_terminalen_viser_mappens_styretegn_som_koder(fjendtlig):
    r = kør("beregn", 2024, "-b", fjendtlig, "--scenarie", "fjendtlig", "-f", "tabel")
    assert r.exit_code == 0, r.output
    assert not any(t in r.stdout for t in RAA)
    for t in [*FRA_FIL, *KODER]:
        assert t in r.stdout, t


@pytest.mark.parametrize("navn, kode", list(zip(STYRETEGN, KODER)))
def test_skrev_viser_uddatafilens_navn_med_koder(fjendtlig, tmp_path, navn, kode):
    fil = tmp_path / f"ud{navn}.csv"
    r = kør("beregn", 2024, "-b", fjendtlig, "-f", "csv", "-o", fil)
    assert r.exit_code == 0, r.output
    assert fil.exists()
    assert not any(t in r.stderr for t in RAA), repr(r.stderr)
    assert f"Skrev {tmp_path}/ud{kode}.csv (" in r.stderr, repr(r.stderr)


def test_en_fejl_om_uddatafilens_endelse_viser_navnet_med_koder(fjendtlig, tmp_path):
    fil = tmp_path / "notat\x1b[31m.txt\x07"
    r = kør("notat", 2024, "-b", fjendtlig, "-o", fil)
    assert r.exit_code == 2
    assert not any(t in r.stderr for t in RAA), repr(r.stderr)
    assert "notat\\x1b[31m.txt\\x07" in r.stderr, repr(r.stderr)
