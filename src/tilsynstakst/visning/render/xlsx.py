"""Notatets tabeller som et regneark (XLSX, openpyxl): ét faneblad pr. tabel.

Tal gemmes som tal (Decimal, aldrig float) med et talformat, som Excel viser med dansk
tusindtalsadskiller; overskriftsrækken er fed og frosset; kolonnebredden følger indholdet.
Tekst, der kunne blive en formel, gemmes som tekst med apostrof foran (``celler.uskadelig``).
"""

import io
import re
from decimal import Decimal

from tilsynstakst.fund import synlig
from tilsynstakst.tal import PCT
from tilsynstakst.visning.render.celler import celletekst, uskadelig
from tilsynstakst.visning.tabeller import Celle, Visning


def talformat(c: Celle) -> str:
    """Excel-talformat med lige så mange decimaler, som tallet har: #,##0 eller 0,0 %."""
    decimaler = max(0, -Decimal(c.vaerdi).as_tuple().exponent)  # type: ignore[arg-type, operator]
    fmt = "#,##0" + ("." + "0" * decimaler if decimaler else "")
    return fmt + '" %"' if c.enhed == PCT else fmt


def _tekstcelle(ark, raekke: int, kolonne: int, tekst: str):  # type: ignore[no-untyped-def]
    celle = ark.cell(raekke, kolonne)
    celle.value = uskadelig(tekst)
    celle.data_type = "s"  # openpyxl gør ellers "=..." til en formel
    return celle


def _fanenavn(navn: str, brugt: set[str]) -> str:
    """Et gyldigt, entydigt fanebladsnavn: højst 31 tegn, uden []:*?/\\."""
    navn = re.sub(r"[\[\]:*?/\\]", " ", synlig(navn)).strip()[:31] or "Tabel"
    kandidat, n = navn, 2
    while kandidat in brugt:
        kandidat, n = f"{navn[:28]} {n}", n + 1
    brugt.add(kandidat)
    return kandidat


def visning_xlsx(v: Visning) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bog = Workbook()
    bog.remove(bog.active)
    # Regnearkets egenskaber: visningens titel og tilsynet, ikke "openpyxl" som forfatter.
    # Egenskaberne er ikke celler og bliver aldrig formler; styretegn vises som koder.
    tilsyn = synlig(str(v.data.get("tilsyn", "")))
    bog.properties.title = synlig(f"{v.titel} {v.tillaeg}".strip())
    bog.properties.creator = bog.properties.lastModifiedBy = tilsyn
    bog.properties.language = "da-DK"
    brugt: set[str] = set()
    for t in v.tabeller:
        ark = bog.create_sheet(_fanenavn(t.kort_navn, brugt))
        bredder = [len(k) for k in t.kolonner]
        for k, navn in enumerate(t.kolonner, start=1):
            celle = _tekstcelle(ark, 1, k, navn)
            celle.font = Font(bold=True)
            celle.alignment = Alignment(horizontal="left" if k == 1 else "right", wrap_text=True)
        for i, (navn, celler) in enumerate(t.raekker, start=2):
            _tekstcelle(ark, i, 1, navn)
            bredder[0] = max(bredder[0], len(navn))
            for k, c in enumerate(celler, start=2):
                if c.vaerdi is None:
                    continue
                celle = ark.cell(i, k, Decimal(c.vaerdi))
                celle.number_format = talformat(c)
                bredder[k - 1] = max(bredder[k - 1], len(celletekst(c)))
        if t.note:
            _tekstcelle(ark, len(t.raekker) + 3, 1, t.note).font = Font(italic=True)
        ark.freeze_panes = "B2"
        for k, bredde in enumerate(bredder, start=1):
            ark.column_dimensions[get_column_letter(k)].width = min(max(bredde, 8) + 2, 60)
    ud = io.BytesIO()
    bog.save(ud)
    return ud.getvalue()
