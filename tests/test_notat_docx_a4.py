"""Word-notatet som dansk A4-notat: papir, sprog, egenskaber, overskrifter, sidefod og tabeller,
læst direkte i .docx-filens XML-dele."""

import io
import re
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest

from conftest import BUDGETS
from tilsynstakst.visning.notat import lav_notat
from tilsynstakst.visning.render.notat_docx import notat_docx
from tilsynstakst.aaret.gennemloeb import beregn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A4 = {"w": "11906", "h": "16838"}  # twips: 21,0 × 29,7 cm


@pytest.fixture(scope="module")
def lavet() -> tuple[dict[str, bytes], datetime, datetime]:
    """Hver del af 2024-notatets .docx (navn -> indhold), og tidsrummet, det blev lavet i."""
    b = beregn(BUDGETS, 2024, "stoerste-rest")
    foer = datetime.now(UTC).replace(microsecond=0)  # core.xml har hele sekunder
    data = notat_docx(lav_notat(b.rapport, b.budget, b.fund))
    efter = datetime.now(UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {navn: z.read(navn) for navn in z.namelist()}, foer, efter


@pytest.fixture(scope="module")
def dele(lavet) -> dict[str, bytes]:
    return lavet[0]


def _xml(dele, navn: str) -> ElementTree.Element:
    return ElementTree.fromstring(dele[navn])


def _xml_dele(dele) -> dict[str, bytes]:
    return {n: d for n, d in dele.items() if n.endswith((".xml", ".rels"))}


def _sektion(dele) -> ElementTree.Element:
    return _xml(dele, "word/document.xml").find(f"{W}body/{W}sectPr")


def _tekstbredde(dele) -> int:
    """Sidens bredde minus venstre og højre margen, i twips."""
    s = _sektion(dele)
    margen = s.find(f"{W}pgMar")
    return (int(s.find(f"{W}pgSz").get(f"{W}w")) - int(margen.get(f"{W}left"))
            - int(margen.get(f"{W}right")))


def test_staaende_a4_med_margener_paa_2_5_cm(dele):
    s = _sektion(dele)
    side = s.find(f"{W}pgSz")
    assert {k: side.get(f"{W}{k}") for k in A4} == A4
    assert side.get(f"{W}orient") in (None, "portrait")
    margen = s.find(f"{W}pgMar")
    for kant in ("top", "bottom", "left", "right"):
        assert int(margen.get(f"{W}{kant}")) == 1417  # 2,5 cm
    assert _tekstbredde(dele) == 9072  # 16,0 cm


def test_dansk_sprog_i_typografierne_og_ingen_engelsk_nogen_steder(dele):
    sprog = _xml(dele, "word/styles.xml").find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert sprog is not None and sprog.get(f"{W}val") == "da-DK"
    assert sprog.get(f"{W}eastAsia") == "da-DK"
    for navn, indhold in _xml_dele(dele).items():
        assert b"en-US" not in indhold, navn
    for navn in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        for lang in _xml(dele, navn).iter(f"{W}lang"):
            assert lang.get(f"{W}val") == "da-DK", navn


def test_dokumentegenskaber_for_tilsynet(dele, lavet):
    e = {el.tag.split("}")[1]: el.text for el in _xml(dele, "docProps/core.xml")}
    assert e["title"] == "Budget 2024 – Socialtilsyn Nord"
    assert e["creator"] == e["lastModifiedBy"] == "Socialtilsyn Nord"
    assert e["language"] == "da-DK"
    assert not e.get("description") and not e.get("keywords") and not e.get("subject")
    _, foer, efter = lavet
    for felt in ("created", "modified"):
        tid = datetime.fromisoformat(e[felt])
        assert tid.tzinfo is not None and foer <= tid <= efter, felt


def test_ingen_spor_af_python_docx_eller_skabelonen(dele):
    for navn, indhold in dele.items():
        assert b"python-docx" not in indhold.lower(), navn
    assert not any(n.startswith("docProps/thumbnail") for n in dele)
    assert "word/stylesWithEffects.xml" not in dele


def test_overskrifterne_springer_ikke_et_niveau_over(dele):
    krop = _xml(dele, "word/document.xml").find(f"{W}body")
    typografier = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in krop.iter(f"{W}p")
                   if p.find(f"{W}pPr/{W}pStyle") is not None]
    niveauer = [0 if t == "Title" else int(t.removeprefix("Heading"))
                for t in typografier if t == "Title" or re.fullmatch(r"Heading\d", t)]
    assert niveauer[0] == 0 and niveauer.count(0) == 1  # titlen først, og kun én gang
    for forrige, naeste in zip(niveauer, niveauer[1:]):
        assert naeste <= forrige + 1, niveauer
    # Tabellernes titler er nummererede tabeltekster, ikke overskrifter, der gentager afsnittets.
    assert "Tabel\u00a01: Antalsforudsætning" in dele["word/document.xml"].decode()
    assert "Caption" in typografier


def test_side_x_af_y_i_sidefoden_paa_hver_side(dele):
    s = _sektion(dele)
    referencer = s.findall(f"{W}footerReference")
    assert [r.get(f"{W}type") for r in referencer] == ["default"]
    assert s.find(f"{W}titlePg") is None  # ingen anden sidefod på første side
    fod = dele["word/footer1.xml"].decode()
    felter = re.findall(r'w:instr="\s*(\w+)|<w:instrText[^>]*>\s*(\w+)', fod)
    assert [a or b for a, b in felter] == ["PAGE", "NUMPAGES"]
    tekst = "".join(t.text or "" for t in ElementTree.fromstring(fod).iter(f"{W}t"))
    assert tekst.startswith("Side ") and " af " in tekst


def test_tabeller_og_diagram_holder_sig_inden_for_tekstbredden(dele):
    bredde = _tekstbredde(dele)
    krop = _xml(dele, "word/document.xml").find(f"{W}body")
    tabeller = krop.findall(f"{W}tbl")
    assert max(len(t.findall(f"{W}tblGrid/{W}gridCol")) for t in tabeller) >= 8
    for t in tabeller:
        egenskaber = t.find(f"{W}tblPr")
        tblW = egenskaber.find(f"{W}tblW")
        assert tblW.get(f"{W}type") == "dxa" and int(tblW.get(f"{W}w")) <= bredde
        assert egenskaber.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        kolonner = [int(g.get(f"{W}w")) for g in t.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(kolonner) <= bredde
        assert kolonner[0] == max(kolonner)  # navnekolonnen er den bredeste
        raekker = t.findall(f"{W}tr")
        assert raekker[0].find(f"{W}trPr/{W}tblHeader") is not None
        for r in raekker:
            celler = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for c in r.findall(f"{W}tc")]
            assert celler == kolonner
            tekstkolonne = "Status" in "".join(x.text or "" for x in raekker[0].iter(f"{W}t"))
            for c in r.findall(f"{W}tc")[1:len(kolonner) - tekstkolonne]:  # tal højrestillet
                assert c.find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") == "right"
    billede = krop.find(f".//{{http://schemas.openxmlformats.org/drawingml/2006/"
                        f"wordprocessingDrawing}}extent")
    assert int(billede.get("cx")) <= bredde * 635  # EMU


def test_skabelonens_programnavn_og_sidetal_er_vaek(dele):
    app = dele["docProps/app.xml"].decode()
    assert "<Application>tilsynstakst</Application>" in app
    assert "Macintosh" not in app and "Normal.dotm" not in app
    billeder = [n for n in dele if n.startswith("word/media/")]
    assert billeder and all(b"Matplotlib" not in dele[n] for n in billeder)
