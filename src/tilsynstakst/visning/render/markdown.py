"""Notatets tabeller som Markdown-tabeller (pipe tables) med danske overskrifter og tal."""

import re

from tilsynstakst.fund import synlig
from tilsynstakst.visning.render.celler import celletekst
from tilsynstakst.visning.tabeller import Tabel, Visning


# Tegn, Markdown (CommonMark med GFM's tabeller og overstregning) tolker inde i en linje: kode,
# fremhævning, overstregning, links, HTML, entiteter og tabellens skel. En understreg inde i et
# ord (pr_takstgruppe) kan aldrig fremhæve og står, som den er.
_MARKDOWN = re.compile(r"[\\`*\[\]<>|~&]|(?<![^\W_])_|_(?![^\W_])")
# Det, der kun tolkes forrest på en linje: overskrift, punkt, setext-streg og nummereret punkt.
# Kun det, CommonMark faktisk tolker: "# " (overskrift), "- " og "+ " (punkt), en linje af = eller
# - (setext), "1. " og "1) " (nummereret punkt); "100.000 kr." og "-1" står, som de er.
_LINJESTART = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|[=-]+\s*$|\d{1,9}(?=[.)](?:\s|$)))")


def tekst(s: str) -> str:
    """Den ene vej, tekst (fra filen, kommandolinjen eller programmet) kommer ind i Markdown
    (issue 21, klasse 4): styretegn og usynlige tegn vises som koder (``fund.synlig``), tegn,
    Markdown tolker (``*``, ``_``, ``~``, ``&``, ``[``, ``<``, ``|`` …), skrives som sig selv
    med en omvendt skråstreg foran, og ``#``, ``-``, ``+``, ``=`` eller ``1.`` forrest bliver
    aldrig en overskrift eller et punkt. Et linjeskift bryder ikke en tabel (det vises som
    ``\\n``), og indrykning forrest bliver ikke en kodeblok."""
    s = _MARKDOWN.sub(r"\\\g<0>", synlig(s).lstrip(" "))
    m = _LINJESTART.match(s)
    if m is None:
        return s
    if m.group().isdigit():
        return f"{s[:m.end()]}\\{s[m.end():]}"
    return "\\" + s


def tabel_md(t: Tabel, niveau: int = 3) -> str:
    """Én tabel: overskrift, pipe table (tal højrestillet) og tabellens note. En tabel med kun
    tekst (én kolonne, fx hvornår taksterne opkræves) er en punktliste, som i terminalen."""
    if len(t.kolonner) == 1:
        return "\n".join([f"{'#' * niveau} {tekst(t.titel)}", "",
                          *(f"- {tekst(navn)}" for navn, _ in t.raekker)]) + "\n"
    linjer = [f"{'#' * niveau} {tekst(t.titel)}", "",
              "| " + " | ".join(tekst(k) for k in t.kolonner) + " |",
              "| " + " | ".join([":--"] + ["--:"] * (len(t.kolonner) - 1)) + " |"]
    for navn, celler in t.raekker:
        linjer.append("| " + " | ".join([tekst(navn), *(celletekst(c) for c in celler)]) + " |")
    if t.note:
        linjer += ["", f"*{tekst(t.note)}*"]
    return "\n".join(linjer) + "\n"


def visning_markdown(v: Visning) -> str:
    indledning = "".join(f"{tekst(linje)}\n\n" for linje in v.indledning)
    titel = f"{v.titel} {v.tillaeg}" if v.tillaeg else v.titel
    dele = [f"## {tekst(titel)}\n\n{indledning}"]
    dele += [tabel_md(t) for t in v.tabeller]
    return "\n".join(dele)
