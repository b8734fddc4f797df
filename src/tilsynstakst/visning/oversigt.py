"""Landsoversigten som tabeller (docs/oversigt.md): Tabel 1 og Tabel 2a-2e, i oversigtens orden
og opstilling, i alle formater, og som Word-bilag til notatet.

Som ``tabeller``: her vælges og ordnes kun tal, der allerede er beregnet
(``beregning.oversigt``); der regnes ikke, heller ikke spændet mellem takstgruppernes procenter.
"""

from collections.abc import Sequence
from pathlib import Path

from tilsynstakst.beregning.aarsresultat import Rapport
from tilsynstakst.beregning.oversigt import AlleKategorier, Landsoversigt, Tilsynet
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.beregning.takster import TAKSTBLADET, TAKSTGRUPPER
from tilsynstakst.jsondata import som_data
from tilsynstakst.tal import ANTAL, KR, PCT, procent, vis
from tilsynstakst.visning.tabeller import Celle, Tabel, Visning, prislinje

# Oversigtens navne på de fire aktiviteter (kolonnerne i Tabel 2a-2e).
AKTIVITETSNAVNE = {"tilsyn": "Tilsyn", "skaerpet_tilsyn_pr_maaned": "Skærpet",
                   "nygodkendelse": "Nygodkendelse", "vaesentlig_aendring": "Væsentlig ændring"}
ALLE_KATEGORIER = ("Ændring i pct., alle kategorier: ændringen i takstkategori 1, for skærpet "
                   "tilsyn tilsynstakstens (tillægget er 10 % af tilsynstaksten, "
                   "socialtilsynsbekendtgørelsen § 33), som oversigten viser den.")


def kategori(g: int) -> str:
    """``Takstkategori 1 (1-7 pladser)``: oversigtens navn på takstgruppe ``g + 1``."""
    return f"Takstkategori {g + 1} ({TAKSTGRUPPER[g]})"


def _to_aar(a: Aendring, enhed: str) -> tuple[Celle, ...]:
    """Budgetåret, året før og ændringen i pct., i oversigtens rækkefølge."""
    return (Celle(a.budgetaar, enhed), Celle(a.forrige, enhed), Celle(a.pct, PCT))


def tabel_1(o: Landsoversigt) -> Tabel:
    """Tabel 1: den objektive finansiering og plejefamilierne inkl. nygodkendelser pr. tilsyn."""
    aar, foer = o.aar, o.aar - 1
    kolonner = ("Socialtilsyn", f"Finansiering {aar}", f"Finansiering {foer}",
                "Finansiering, ændring i pct.", f"Plejefamilier {aar}", f"Plejefamilier {foer}",
                "Plejefamilier, ændring i pct.")
    raekker = tuple((t.tilsyn, _to_aar(t.objektiv_finansiering, KR)
                     + _to_aar(t.plejefamilier_i_alt, ANTAL)) for t in o.tilsyn)
    return Tabel("tabel_1", f"Tabel 1: Objektiv finansiering fra kommunerne ({o.prisniveau}-"
                 f"priser) og antal plejefamilier inkl. nygodkendelsessager", kolonner, raekker,
                 "Objektiv finansiering er plejefamilieafdelingens budget, som kommunerne "
                 "betaler efter deres andel af de 0-17-årige.", kort="Tabel 1", grupper=(3, 3))


def _uenige(alle: dict[str, AlleKategorier]) -> str | None:
    """Noten, når takstgruppernes procenter ikke er den samme for en aktivitet: spændet."""
    uenige = [f"{AKTIVITETSNAVNE[a].lower()} {procent(k.laveste)} til {procent(k.hoejeste)}"
              for a, k in alle.items()
              if not k.enige and k.laveste is not None and k.hoejeste is not None]
    if not uenige:
        return None
    return ("Takstkategorierne giver ikke samme ændring i pct. for alle aktiviteter: "
            + ", ".join(uenige) + ". \"Alle kategorier\" er takstkategori 1's ændring, for "
            "skærpet tilsyn tilsynstakstens.")


def _slip(t: Tilsynet) -> str | None:
    """Noten om de tal, oversigten trykte forkert, og som tilsynets fil erkender: tabellen viser
    det beregnede tal, noten det trykte (docs/afstemning.md)."""
    dele = []
    for e in t.erkendt:
        sti = e.sti.split(".")
        aar = t.aar if e.del_ == "budgetaar" else t.forrige_aar
        if len(sti) == 4 and sti[1] == "takster" and sti[3].startswith("takstgruppe_"):
            hvor = (f"{AKTIVITETSNAVNE[sti[2]].lower()} {aar}, "
                    f"{kategori(int(sti[3].removeprefix('takstgruppe_')) - 1).lower()}")
        else:
            hvor = f"{e.sti}.{e.del_}"
        dele.append(f"{hvor}: trykt {vis(e.offentliggjort, KR)}, regnet {vis(e.beregnet, KR)}")
    if not dele:
        return None
    grunde = " ".join(dict.fromkeys(e.grund.rstrip(".") + "." for e in t.erkendt))
    return ("Erkendte fejl i den offentliggjorte oversigt (tabellen viser det regnede tal): "
            + "; ".join(dele) + ". " + grunde[0].upper() + grunde[1:])


def tabel_2_takster(t: Tilsynet, prisniveau: int) -> Tabel:
    """Tabel 2x, taksterne: budgetåret og året før pr. takstkategori for de fire aktiviteter,
    og "Alle kategorier"."""
    raekker = []
    for aar, del_ in ((t.aar, "budgetaar"), (t.forrige_aar, "forrige")):
        raekker += [(f"Takster {aar}: {kategori(g)}",
                     tuple(Celle(getattr(t.takster[a][g], del_), KR) for a in TAKSTBLADET))
                    for g in range(4)]
    raekker.append(("Ændring i pct.: Alle kategorier",
                    tuple(Celle(t.alle_kategorier[a].pct, PCT) for a in TAKSTBLADET)))
    return Tabel(f"tabel_{t.tabel}_takster", f"Tabel {t.tabel}: {t.tilsyn} ({prisniveau}-priser)",
                 ("Kr.", *(AKTIVITETSNAVNE[a] for a in TAKSTBLADET)), tuple(raekker),
                 " ".join(n for n in (_uenige(t.alle_kategorier), _slip(t)) if n) or None,
                 kort=f"Tabel {t.tabel} takster")


def tabel_2_antal(t: Tilsynet) -> Tabel:
    """Tabel 2x, antal tilbud inkl. nygodkendelsessager pr. takstkategori og i alt."""
    raekker = tuple((kategori(g), _to_aar(a, ANTAL)) for g, a in enumerate(t.tilbud_i_alt))
    raekker += (("I alt", _to_aar(t.tilbud_i_alt_samlet, ANTAL)),)
    return Tabel(f"tabel_{t.tabel}_antal", f"Tabel {t.tabel}: {t.tilsyn}, antal tilbud inkl. "
                 "nygodkendelsessager", ("Antal tilbud", str(t.aar), str(t.forrige_aar),
                                         "Ændring i pct."), raekker,
                 kort=f"Tabel {t.tabel} antal tilbud")


def oversigtsvisning(o: Landsoversigt, mapper: Sequence[Path],
                     rapporter: Sequence[Rapport]) -> Visning:
    """``oversigt``: Tabel 1 og, pr. tilsyn i oversigtens orden, dets Tabel 2a-2e; først hvordan
    året før er bragt i budgetårets priser for hvert tilsyn (som i ``beregn``). ``mapper`` og
    ``rapporter`` står i samme orden som ``o.tilsyn``."""
    linjer = (f"Alle beløb er i faste priser ({o.prisniveau}-priser), regnet af hvert "
              f"socialtilsyns budgetfiler som i tilsynstakst beregn.",
              *(f"{t.tilsyn}: {prislinje(r)}"
                for t, r in zip(o.tilsyn, rapporter, strict=True)),
              ALLE_KATEGORIER)
    tabeller = [tabel_1(o)]
    for t in o.tilsyn:
        tabeller += [tabel_2_takster(t, o.prisniveau), tabel_2_antal(t)]
    data: dict[str, object] = {
        "aar": o.aar, "prisniveau": o.prisniveau,
        "socialtilsyn": [{"mappe": str(m), **som_data(t)}
                         for t, m in zip(o.tilsyn, mapper, strict=True)]}
    return Visning(f"Oversigt over socialtilsynenes takster i {o.aar} og {o.aar - 1}",
                   f"(i {o.prisniveau}-priser)", linjer, tuple(tabeller), data)
