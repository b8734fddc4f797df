"""Notatets tabeller som et regneark at regne videre i (XLSX, openpyxl): ét faneblad pr. tabel
(issue 23, punkt 2).

Hvert faneblad er et lille dokument: tabellens titel i første række, i anden hvad tallene er
(visningens titel, prisniveauet og kilden, fx budgetfilerne), så en tom række og tabellen med
overskriftsrækken fed og frosset; under tabellen dens note og visningens indledende linjer.

Tal gemmes som tal, aldrig som tekst: en procent som brøken (3,8 % er 0,038) med procentformat
(``0.0%``), så en formel, der bruger cellen, regner rigtigt; beløb og antal med tusindtalsformat
(``#,##0``); hvert tal med lige så mange decimaler, som beregningen gav det. Cellens værdi er det
eksakte decimaltal (``cellevaerdi``; procenten flyttes to pladser med ``scaleb``, ingen division),
og teksten i filen er præcis det tal (``_talcelle``), ikke en float-tilnærmelse; Excel regner
med 15 betydende cifre, og programmets tal har færre. Tekst, der kunne blive en formel, gemmes
som tekst med apostrof foran (``celler.uskadelig``).

Udskriften er sat op på hvert faneblad: A4, på tværs, når tabellen er bredere end en stående side,
skaleret til én side i bredden (så mange sider i højden, som der skal til), overskriftsrækken
gentaget øverst på hver side, margener på 1,5-2 cm, sidehoved med visningens titel og sidefod med
tabellens titel og "Side n af m". Kolonnebredden følger indholdet; en lang overskrift brydes
mellem ordene, og rækkehøjden følger med.
"""

import io
import re
from decimal import Decimal

from tilsynstakst.fund import synlig
from tilsynstakst.tal import PCT
from tilsynstakst.visning.render.prosa import bundet
from tilsynstakst.visning.render.celler import celletekst, uskadelig
from tilsynstakst.visning.tabeller import Celle, Tabel, Visning

# En stående A4-side med margenerne rummer omtrent så mange tegn (Excels kolonnebredde er i
# tegn); en bredere tabel udskrives på tværs.
STAAENDE_BREDDE = 95
RAEKKEHOEJDE = 15  # punkter pr. tekstlinje i Calibri 11
MAKS_KOLONNE_A = 60
MAKS_OVERSKRIFT = 14
# Tekst i Calibri er smallere end Excels breddeenhed (et "0"): så mange tegn pr. enhed.
TEGN_PR_BREDDE = Decimal("1.1")
SKRIFT = "Calibri"  # regnearkets standardskrift; en celle med egen skrift skal nævne den  # en værdikolonnes overskrift brydes mellem ordene ud over denne bredde


def decimaler(c: Celle) -> int:
    return max(0, -Decimal(c.vaerdi).as_tuple().exponent)  # type: ignore[arg-type, operator]


def talformat(c: Celle) -> str:
    """Excel-talformat med lige så mange decimaler, som tallet har: ``#,##0`` (tusindtal) for
    beløb og antal, ``0.0%`` for en procent (cellen er brøken, Excel viser den gange 100)."""
    d = decimaler(c)
    brok = "." + "0" * d if d else ""
    return f"0{brok}%" if c.enhed == PCT else f"#,##0{brok}"


def cellevaerdi(c: Celle) -> Decimal:
    """Cellens eksakte værdi: tallet selv, en procent som brøk (3,8 → 0,038, kommaet flyttet to
    pladser, ingen afrunding)."""
    d = Decimal(c.vaerdi)  # type: ignore[arg-type]
    return d.scaleb(-2) if c.enhed == PCT else d


def linjer(tekst: str, bredde: Decimal | int) -> int:
    """Hvor mange linjer ``tekst`` fylder, brudt mellem ordene i en celle ``bredde`` tegn bred."""
    antal = 0
    for afsnit in tekst.split("\n"):
        antal, laengde = antal + 1, 0
        for ord_ in afsnit.split():
            if laengde and laengde + 1 + len(ord_) > bredde:
                antal, laengde = antal + 1, len(ord_)
            else:
                laengde += len(ord_) + (1 if laengde else 0)
    return max(antal, 1)


def kolonnebredder(t: Tabel) -> list[int]:
    """Hver kolonnes bredde i tegn efter indholdet: rækkenavnene (højst 60 tegn; længere navne
    brydes) og tallene, som Excel viser dem; en overskrift brydes mellem ordene, når den er meget
    bredere end tallene under den."""
    bredder = []
    for k, overskrift in enumerate(t.kolonner):
        if k == 0:
            indhold = max([len(navn) for navn, _ in t.raekker] + [0])
            bredder.append(min(max(indhold, len(overskrift), 8), MAKS_KOLONNE_A) + 2)
            continue
        indhold = max([len(celletekst(celler[k - 1])) for _, celler in t.raekker
                       if len(celler) >= k] + [0])
        # fed skrift er bredere: det længste ord skal kunne stå på én linje (LibreOffice bryder
        # ellers ved bindestregen: "(i 2024-" / "priser)")
        laengste_ord = max([len(o) for o in overskrift.split()] + [0]) * 6 // 5 + 1
        ved_tallet = max(indhold, laengste_ord, MAKS_OVERSKRIFT)
        bredde = len(overskrift) if len(overskrift) <= ved_tallet else ved_tallet
        bredder.append(max(indhold, laengste_ord, bredde, 8) + 2)
    return bredder


def _sidetekst(tekst: str) -> str:
    """Tekst til sidehoved og sidefod: ``&`` er Excels styretegn dér og skrives ``&&``; højst
    omtrent 100 tegn (Excel tillader 255 for hele feltet)."""
    tekst = synlig(tekst)
    return (tekst if len(tekst) <= 100 else tekst[:99] + "…").replace("&", "&&")


def kildelinje(v: Visning) -> str:
    """Anden række på hvert faneblad: hvad tallene er, fx ``Socialtilsyn Nord – Budget 2024,
    i 2024-priser. Kilde: budgets/2024.toml og budgets/2023.toml.``"""
    pris = v.tillaeg.strip().removeprefix("(").removesuffix(")")
    tekst = f"{v.titel}, {pris}." if pris else f"{v.titel}."
    return tekst + (f" Kilde: {v.kilde}." if v.kilde else "")


def _tekstcelle(ark, raekke: int, kolonne: int, tekst: str):  # type: ignore[no-untyped-def]
    celle = ark.cell(raekke, kolonne)
    celle.value = uskadelig(tekst)
    celle.data_type = "s"  # openpyxl gør ellers "=..." til en formel
    return celle


def _talcelle(ark, raekke: int, kolonne: int, vaerdi: Decimal):  # type: ignore[no-untyped-def]
    """En talcelle, hvis tekst i filen er decimaltallet selv (``0.069``). openpyxl skriver et
    Decimal gennem en float med 16 cifre (``0.06900000000000001``); tallets tekst med
    ``data_type`` "n" skrives, som den står, og Excel og LibreOffice læser den som tallet."""
    celle = ark.cell(raekke, kolonne)
    celle._value = format(vaerdi, "f")  # aldrig eksponent: 0.000038, ikke 3.8E-5
    celle.data_type = "n"
    return celle


def _fanenavn(navn: str, brugt: set[str]) -> str:
    """Et gyldigt, entydigt fanebladsnavn: højst 31 tegn, uden []:*?/\\."""
    navn = re.sub(r"[\[\]:*?/\\]", " ", synlig(navn)).strip()[:31] or "Tabel"
    kandidat, n = navn, 2
    while kandidat in brugt:
        kandidat, n = f"{navn[:28]} {n}", n + 1
    brugt.add(kandidat)
    return kandidat


def _afsnit(ark, raekke: int, tekst: str, bredder: list[int], font):  # type: ignore[no-untyped-def]
    """En tekst over hele tabellens bredde (titlen, kilden, en note): cellerne flettet, teksten
    brudt mellem ordene og rækken høj nok til den; så står den med på udskriften."""
    from openpyxl.styles import Alignment

    celle = _tekstcelle(ark, raekke, 1, tekst)
    celle.font = font
    celle.alignment = Alignment(wrap_text=True, vertical="top")
    if len(bredder) > 1:
        ark.merge_cells(start_row=raekke, start_column=1, end_row=raekke,
                        end_column=len(bredder))
    skala = Decimal(font.sz or 11) / 11 * (Decimal("1.05") if font.b else 1)
    n = linjer(tekst, sum(bredder) * TEGN_PR_BREDDE / skala)
    ark.row_dimensions[raekke].height = int(RAEKKEHOEJDE * skala * n) + 1


def _udskrift(ark, v: Visning, t: Tabel, bredder: list[int], overskrift: int) -> None:  # type: ignore[no-untyped-def]
    """A4, på tværs når tabellen er bred, én side bred, overskriften gentaget, sidehoved og -fod."""
    from openpyxl.worksheet.page import PageMargins

    ps = ark.page_setup
    ps.paperSize = ark.PAPERSIZE_A4
    ps.orientation = "landscape" if sum(bredder) > STAAENDE_BREDDE else "portrait"
    ark.sheet_properties.pageSetUpPr.fitToPage = True
    ps.fitToWidth, ps.fitToHeight = 1, 0  # én side bred, så mange høje som nødvendigt
    ark.print_title_rows = f"{overskrift}:{overskrift}"
    side, top, kant = Decimal("0.6"), Decimal("0.8"), Decimal("0.35")  # tommer: 1,5 og 2 cm
    ark.page_margins = PageMargins(left=side, right=side, top=top, bottom=top, header=kant,
                                   footer=kant)
    ark.oddHeader.center.text = _sidetekst(f"{v.titel} {v.tillaeg}".strip())
    ark.oddHeader.center.size = 9
    ark.oddFooter.left.text = _sidetekst(t.titel)
    ark.oddFooter.left.size = 8
    ark.oddFooter.right.text = "Side &P af &N"
    ark.oddFooter.right.size = 8


def _faneblad(bog, v: Visning, t: Tabel, navn: str) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ark = bog.create_sheet(navn)
    bredder = kolonnebredder(t)
    for k, bredde in enumerate(bredder, start=1):
        ark.column_dimensions[get_column_letter(k)].width = bredde
    _afsnit(ark, 1, t.titel, bredder, Font(name=SKRIFT, bold=True, size=13))
    _afsnit(ark, 2, kildelinje(v), bredder, Font(name=SKRIFT, size=10))
    overskrift = 4
    hoejeste = 1
    for k, navn_ in enumerate(t.kolonner, start=1):
        celle = _tekstcelle(ark, overskrift, k, navn_)
        celle.font = Font(name=SKRIFT, bold=True)
        celle.alignment = Alignment(horizontal="left" if k == 1 else "right", vertical="bottom",
                                    wrap_text=True)
        hoejeste = max(hoejeste, linjer(navn_, (bredder[k - 1] - 1) / Decimal("1.15")))
    ark.row_dimensions[overskrift].height = RAEKKEHOEJDE * hoejeste
    raekke = overskrift
    for navn_, celler in t.raekker:
        raekke += 1
        celle = _tekstcelle(ark, raekke, 1, navn_)
        if len(navn_) > bredder[0] - 2:
            celle.alignment = Alignment(wrap_text=True, vertical="top")
            ark.row_dimensions[raekke].height = RAEKKEHOEJDE * linjer(navn_, bredder[0] - 2)
        for k, c in enumerate(celler, start=2):
            if c.vaerdi is None:
                continue
            _talcelle(ark, raekke, k, cellevaerdi(c)).number_format = talformat(c)
    raekke += 1
    if t.note:
        raekke += 1
        # en note brydes aldrig i "§ 33" eller "3,8 %" (prosa.bundet, som i Word og HTML)
        _afsnit(ark, raekke, bundet(t.note), bredder, Font(name=SKRIFT, italic=True))
    for linje in v.indledning:
        raekke += 1
        _afsnit(ark, raekke, bundet(linje), bredder, Font(name=SKRIFT, size=10))
    ark.freeze_panes = f"B{overskrift + 1}"
    _udskrift(ark, v, t, bredder, overskrift)


def visning_xlsx(v: Visning) -> bytes:
    from openpyxl import Workbook

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
        _faneblad(bog, v, t, _fanenavn(t.kort_navn, brugt))
    ud = io.BytesIO()
    bog.save(ud)
    return ud.getvalue()
