"""En side som én selvstændig HTML-fil: takstbladet til tilsynets hjemmeside, notatet til at læse
på en skærm og enhver anden visning (``-o x.html``).

Filen har intet script og ingen ydre ressourcer (ingen links, billeder eller skrifttyper udefra),
så et tilsyn kan lægge den på sin hjemmeside eller indsætte den i sit CMS. Den er tilgængelig:
``lang="da"``, rigtige tabeller med ``<caption>`` og ``<th scope>``, overskrifter uden spring i
niveau. Typografien står i ét ``<style>``-element: tal højrestillet i dansk format, og på en
smal skærm (under 40 em, fx en telefon på 375 px) står hver række som en blok med kolonnens navn
foran hvert tal, så intet skal rulles vandret. Diagrammet udelades som i Markdown: tabellen over
den objektive finansiering viser de samme tal.
"""

import html
from collections.abc import Iterable

from tilsynstakst.visning.render.prosa import bundet
from tilsynstakst.fund import synlig
from tilsynstakst.visning.notat import (Afsnit, Notat, Overskrift, Punkter, Tabelblok,
                                        Teksttabel)
from tilsynstakst.visning.render.celler import celletekst
from tilsynstakst.visning.side import som_notat
from tilsynstakst.visning.tabeller import Tabel, Visning

STIL = """
body{margin:0;padding:1rem;color:#1b1b1b;background:#fff;line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:break-word}
main{max-width:64rem;margin:0 auto}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
table{border-collapse:collapse;max-width:100%;margin:1.25rem 0 .5rem;font-size:.95rem}
caption{caption-side:top;text-align:left;font-weight:bold;padding:0 0 .4rem}
th,td{padding:.3rem .75rem;border-bottom:1px solid #c8c8c8;vertical-align:bottom}
thead th{text-align:right;border-bottom:2px solid #555}
thead th:first-child,tbody th{text-align:left}
tbody th{font-weight:normal;white-space:nowrap}
td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.note{font-size:.9rem;font-style:italic;margin:.25rem 0 1rem}
@media (max-width:40em){
body{padding:.75rem}
table,tbody,tr,th,td{display:block;width:auto}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
caption{display:block}
tbody tr{border-top:2px solid #555;padding:.25rem 0 .5rem}
tbody th{font-weight:bold;border:0;padding:.25rem 0;white-space:normal}
td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.1rem 0 .1rem 1rem}
td::before{content:attr(data-label);text-align:left;white-space:normal}
td:empty{display:none}
}
"""


def tekst(s: str) -> str:
    """Den ene vej, tekst (fra filen, kommandolinjen eller programmet) kommer ind i HTML
    (issue 21, klasse 4): styretegn og usynlige tegn vises som koder (``fund.synlig``), og
    ``<``, ``>``, ``&`` og anførselstegn skrives som entiteter, så teksten aldrig bliver et
    element, en attribut eller et script. "§ 33", "3,8 %" og "250.990 kr." får et fast
    mellemrum, så browseren ikke bryder linjen dér (``prosa.bundet``, som Word og Markdown)."""
    return html.escape(synlig(bundet(s)), quote=True)


def tabel_html(t: Tabel, nummer: int | None = None, tabeltekst: str | None = None) -> str:
    """Én tabel med sin titel som ``<caption>`` ("Tabel 3: …" med ``nummer``; ``tabeltekst``:
    teksten i stedet for titlen, "" = kun nummeret, som i Word) og tallene i dansk format;
    tabellens note står under den (``_tabel``)."""
    navn = t.titel if tabeltekst is None else tabeltekst
    titel = (f"Tabel {nummer}" + (f": {navn}" if navn else "")) if nummer is not None else navn
    return _tabel(titel, t.kolonner, ((navn, tuple(map(celletekst, celler)))
                                      for navn, celler in t.raekker), t.note)


def _tabel(titel: str, kolonner: tuple[str, ...],
           raekker: Iterable[tuple[str, tuple[str, ...]]], note: str | None = None) -> str:
    """En tabel af tekster: ``titel`` som ``<caption>``, kolonnernes navne som
    ``<th scope="col">``, rækkens navn som ``<th scope="row">``; hver celle bærer sin kolonnes
    navn (``data-label``) til den smalle skærm. En talstabel (``tabel_html``) og en teksttabel
    (de kalibrerede værdier) skrives ens."""
    linjer = [f"<table>\n<caption>{tekst(titel)}</caption>",
              "<thead><tr>" + "".join(f'<th scope="col">{tekst(k)}</th>' for k in kolonner)
              + "</tr></thead>", "<tbody>"]
    for navn, celler in raekker:
        linjer.append(f'<tr><th scope="row">{tekst(navn)}</th>' + "".join(
            f'<td data-label="{tekst(k)}">{tekst(c)}</td>'
            for k, c in zip(kolonner[1:], celler, strict=False)) + "</tr>")
    linjer.append("</tbody>\n</table>")
    if note:
        linjer.append(f'<p class="note">{tekst(note)}</p>')
    return "\n".join(linjer)


def side_html(n: Notat) -> str:
    """Siden: titlen som ``<h1>``, afsnittenes overskrifter uden spring i niveau (h2, h3 …),
    afsnit, punktlister og tabellerne, nummereret som i Word-notatet."""
    dele = [f"<h1>{tekst(n.titel)}</h1>"]
    if n.hoved:  # notatets hoved: til, møde, dato, sagsnr., forfatter (kun de angivne)
        dele.append('<p class="hoved">' + "<br>\n".join(
            f"<strong>{tekst(ledetekst)}:</strong> {tekst(v)}" for ledetekst, v in n.hoved)
            + "</p>")
    niveau, tabeller = 1, 0  # den seneste overskrifts niveau; titlen er 1
    for b in n.blokke:
        if isinstance(b, Overskrift):
            niveau = min(max(2, b.niveau), niveau + 1, 6)
            dele.append(f"<h{niveau}>{tekst(b.tekst)}</h{niveau}>")
        elif isinstance(b, Afsnit):
            dele.append(f"<p>{tekst(b.tekst)}</p>")
        elif isinstance(b, Punkter):
            dele.append("<ul>\n" + "\n".join(f"<li>{tekst(p)}</li>" for p in b.punkter)
                        + "\n</ul>")
        elif isinstance(b, Tabelblok):
            tabeller += b.nummereret
            dele.append(tabel_html(b.tabel, tabeller if b.nummereret else None, b.tabeltekst))
        elif isinstance(b, Teksttabel):  # fx de kalibrerede værdier: tekst, ikke tal
            tabeller += 1
            dele.append(_tabel(f"Tabel {tabeller}: {b.titel}", b.kolonner,
                               ((r[0], r[1:]) for r in b.raekker)))
    krop = "\n".join(dele)
    return ("<!DOCTYPE html>\n"
            '<html lang="da">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{tekst(n.egenskabstitel or n.titel)}</title>\n"
            f"<style>{STIL}</style>\n</head>\n<body>\n<main>\n{krop}\n</main>\n</body>\n</html>\n")


def visning_html(v: Visning) -> str:
    """En visning (``beregn``, ``scenarie`` …) som side: titlen, linjerne og tabellerne."""
    return side_html(som_notat(v))
