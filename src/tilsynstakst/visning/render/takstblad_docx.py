"""Takstbladet som Word-dokument på én A4-side (``takstblad AAR -o takstblad.docx``).

Siden er takstbladets blokke (``visning.side.takstside``): tilsynets navn og året, taksterne pr.
takstgruppe (med BPA også BPA-taksterne), med året før også dets takster og ændringen, hvornår
hver takst opkræves, og hjemmelen. Word-opsætningen er notatets (``notat_docx``: A4, dansk
sprog, egenskaber, tabellerne); her sættes kun det, der holder det hele på én side: mindre
luft mellem afsnittene og en mindre titel. ``tests/test_takstblad_dokumenter.py`` tjekker med
LibreOffice, at siden er én.
"""

import io

from tilsynstakst.visning.notat import Afsnit, Notat, Overskrift, Punkter, Tabelblok
from tilsynstakst.visning.render import notat_docx as word


def _taet(dokument) -> None:  # type: ignore[no-untyped-def]
    """Tættere typografi end notatets, så takstbladet står på én side: 10 pkt. brødtekst med
    lidt luft efter hvert afsnit, titlen i 16 pkt. og afsnitsoverskrifterne i 12 pkt."""
    from docx.shared import Pt

    typografier = dokument.styles
    for navn, stoerrelse, foer, efter in (("Normal", 10, 0, 3), ("Title", 16, 0, 6),
                                          ("Heading 2", 12, 8, 3), ("List Bullet", 10, 0, 1)):
        t = typografier[navn]
        t.font.size = Pt(stoerrelse)
        t.paragraph_format.space_before = Pt(foer)
        t.paragraph_format.space_after = Pt(efter)


def takstblad_docx(n: Notat) -> bytes:
    """Takstbladets side som .docx: titlen (typografien Titel), overskrifterne som Overskrift 2,
    afsnit, punkter og tabellerne med deres egne titler (ikke nummereret: siden er ét blad)."""
    dokument, bredde = word.a4_dokument(n.egenskabstitel or n.titel, n.tilsyn)
    _taet(dokument)
    dokument.add_heading(word.tekst(n.titel), level=0)
    for b in n.blokke:
        if isinstance(b, Overskrift):
            dokument.add_heading(word.tekst(b.tekst), level=2)
        elif isinstance(b, Afsnit):
            dokument.add_paragraph(word.tekst(b.tekst))
        elif isinstance(b, Punkter):
            for p in b.punkter:
                dokument.add_paragraph(word.tekst(p), style="List Bullet")
        elif isinstance(b, Tabelblok):
            word._tabel(dokument, b.tabel, word.tekst(b.tabel.titel), bredde)
    ud = io.BytesIO()
    dokument.save(ud)
    return ud.getvalue()
