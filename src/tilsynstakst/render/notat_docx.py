"""Budgetnotatet som Word-dokument (python-docx), med rigtige Word-tabeller og ét diagram
(matplotlib) over den objektive finansiering pr. kommune i begge år.

python-docx og matplotlib er valgfri (``pip install 'tilsynstakst[notat]'``) og indlæses kun
her; mangler de, rejses ``ManglerEkstra`` med installationsvejledningen.
"""

import io

from tilsynstakst.notat import Afsnit, Diagram, Notat, Overskrift, Punkter, Tabelblok
from tilsynstakst.render.celler import celletekst
from tilsynstakst.tabeller import Tabel
from tilsynstakst.tal import tal

INSTALLATION = "pip install 'tilsynstakst[notat]'"


class ManglerEkstra(ImportError):
    """python-docx eller matplotlib er ikke installeret."""


def _importer():  # type: ignore[no-untyped-def]
    try:
        import docx
        from matplotlib.figure import Figure
    except ImportError:
        raise ManglerEkstra(f"Word-notatet kræver python-docx og matplotlib: {INSTALLATION}") from None
    return docx, Figure


def _tabel(dokument, t: Tabel) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    dokument.add_paragraph(t.titel, style="Heading 3")
    tabel = dokument.add_table(rows=1 + len(t.raekker), cols=len(t.kolonner))
    tabel.style = "Table Grid"
    raekker = [(t.kolonner[0], t.kolonner[1:], True)] + [
        (navn, tuple(celletekst(c) for c in celler), False) for navn, celler in t.raekker]
    for i, (navn, tekster, overskrift) in enumerate(raekker):
        for k, tekst in enumerate((navn, *tekster)):
            afsnit = tabel.cell(i, k).paragraphs[0]
            koersel = afsnit.add_run(tekst)
            koersel.bold = overskrift
            koersel.font.size = Pt(8)
            if k > 0:
                afsnit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if t.note:
        dokument.add_paragraph().add_run(t.note).italic = True


def diagram_png(d: Diagram) -> bytes:
    """Vandrette søjler pr. kommune, én farve pr. år; aksen med danske tal."""
    _, Figure = _importer()
    from matplotlib.ticker import FuncFormatter

    figur = Figure(figsize=(8, 5), dpi=150)
    akse = figur.subplots()
    serier = len(d.serier)
    for j, (navn, vaerdier) in enumerate(d.serier):
        placering = [i * (serier + 1) + j for i in range(len(d.kategorier))]
        akse.barh(placering, [int(v) for v in vaerdier], height=1, label=navn)  # hele kroner
    # Placeringer er tegnegeometri, ikke penge.
    akse.set_yticks([i * (serier + 1) + (serier - 1) / 2 for i in range(len(d.kategorier))],
                    d.kategorier)
    akse.invert_yaxis()
    akse.xaxis.set_major_formatter(FuncFormatter(lambda x, _: tal(round(x))))
    akse.set_title(d.titel)
    akse.legend()
    figur.tight_layout()
    ud = io.BytesIO()
    figur.savefig(ud, format="png")
    return ud.getvalue()


def notat_docx(n: Notat) -> bytes:
    docx, _ = _importer()
    from docx.shared import Cm

    dokument = docx.Document()
    dokument.add_heading(n.titel, level=0)
    for b in n.blokke:
        if isinstance(b, Overskrift):
            dokument.add_heading(b.tekst, level=max(1, b.niveau - 1))
        elif isinstance(b, Afsnit):
            dokument.add_paragraph(b.tekst)
        elif isinstance(b, Punkter):
            for p in b.punkter:
                dokument.add_paragraph(p, style="List Bullet")
        elif isinstance(b, Tabelblok):
            _tabel(dokument, b.tabel)
        elif isinstance(b, Diagram):
            dokument.add_picture(io.BytesIO(diagram_png(b)), width=Cm(16))
    ud = io.BytesIO()
    dokument.save(ud)
    return ud.getvalue()
