"""Tabellerne for ``scenarie`` og ``foelsomhed``: kun tal, der allerede er beregnet, sat op."""

from tilsynstakst.beregning.foelsomhed import Foelsomhed
from tilsynstakst.tal import KR
from tilsynstakst.beregning.aarsresultat import Scenarieresultat
from tilsynstakst.beregning.sammenligning import Aendring
from tilsynstakst.visning.tabeller import (TAKSTNAVNE, Celle, Tabel, Visning, afrundingsnote,
                                           aendringsceller, gruppenavn, scenarielinje,
                                           scenarietabel)

SIDE_OM_SIDE = ("Grundlag", "Scenarie", "Forskel i kr.", "Forskel i pct.")
# Side om side står de årlige takster først og tillægget for skærpet tilsyn sidst.
SIDE_OM_SIDE_ORDEN = ("tilsyn", "nygodkendelse", "vaesentlig_aendring", "skaerpet_tilsyn_pr_maaned")


def _tabel(noegle: str, titel: str, raekker: list[tuple[str, Aendring | None]],
           note: str | None = None, kort: str = "", uden_pct: str = "") -> Tabel:
    """``uden_pct``: rækken, hvor en procent ikke betyder noget (afrundingsresten)."""
    celler = []
    for navn, a in raekker:
        c = aendringsceller(a, KR)
        celler.append((navn, c[:3] + (Celle(None, c[3].enhed),) if navn == uden_pct else c))
    return Tabel(noegle, titel, ("Kr.", *SIDE_OM_SIDE), tuple(celler), note, kort=kort)


def scenarievisning(s: Scenarieresultat) -> Visning:
    """Grundlaget og scenariet side om side med forskellen i kr. og pct. (issue 10)."""
    f, g, r = s.forskelle, s.grundlag, s.resultat
    tabeller = [scenarietabel(s.scenarie)]
    for noegle in SIDE_OM_SIDE_ORDEN:
        titel = TAKSTNAVNE[noegle]
        tabeller.append(_tabel(f"takster_{noegle}", f"Takst for tilbud: {titel}",
                               [(gruppenavn(i), a) for i, a in enumerate(f.takster[noegle])],
                               kort=titel[:31]))
    if f.bpa is not None:  # begge har BPA-takster (Socialtilsyn Nord)
        tabeller.append(_tabel("timepris_bpa", "Timepris og BPA-takster", [
            ("Timepris", f.timepris), ("Tilsyn med BPA-virksomhed", f.bpa["tilsyn"]),
            ("Nygodkendelse af BPA-virksomhed", f.bpa["nygodkendelse"])], kort="Timepris og BPA"))
    else:
        tabeller.append(_tabel("timepris", "Timepris", [("Timepris", f.timepris)],
                               kort="Timepris"))
    tabeller.append(_tabel("omkostningsdaekning", "Omkostningsdækning (Σ antal × takst mod budgettet)", [
        ("Tilbudsafdelingens budget", f.daekning["budget"]),
        ("Indtægt ved takster", f.daekning["indtaegt"]),
        ("Afrundingsrest (indtægt - budget)", f.daekning["rest"])], kort="Omkostningsdækning",
        uden_pct="Afrundingsrest (indtægt - budget)"))
    navne = [k.navn for k in g.finansiering.kommuner]
    tabeller.append(_tabel("finansiering", "Objektiv finansiering og gennemsnitspris", [
        ("I alt", f.finansiering["i_alt"]), *((n, f.finansiering.get(n)) for n in navne),
        ("Gennemsnitspris pr. plejefamilie", f.gennemsnitspris)],
        afrundingsnote((("i grundlaget", g.finansiering), ("i scenariet", r.finansiering))),
        kort="Objektiv finansiering"))
    data = {"scenarie": s.scenarie, "tilsyn": s.tilsyn, "afrunding": s.afrunding,
            "grundlag": g, "resultat": r, "forskelle": f}
    return Visning(f"{s.tilsyn} – Budget {g.aar} – SCENARIE {s.scenarie.navn}",
                   f"(i {g.prisniveau}-priser)", (scenarielinje(s.scenarie),
                   "Grundlag: filen, som den står. Forskel: scenariet minus grundlaget."),
                   tuple(tabeller), data)


FOELSOMHED_KOLONNER = ("Ændring", "TG 1", "TG 2", "TG 3", "TG 4", "Timepris", "Gns.pris")


def _forskel(a: Aendring | None) -> Celle:
    return Celle(a.aendring if a else None, KR)


def foelsomhedsvisning(f: Foelsomhed) -> Visning:
    """Én række pr. ændring, virkningen i kr. på hver tilsynstakst, timeprisen og
    gennemsnitsprisen, med grundlaget øverst."""
    g = f.grundlag
    raekker: list[tuple[str, tuple[Celle, ...]]] = [
        ("Grundlag (filen, som den står)",
         (*(Celle(t, KR) for t in g.takster.tilsyn), Celle(g.takster.timepris, KR),
          Celle(g.gennemsnitspris, KR)))]
    for v in f.virkninger:
        raekker.append((v.navn, (*map(_forskel, v.tilsyn), _forskel(v.timepris),
                                 _forskel(v.gennemsnitspris))))
    note = ("Sådan læses tabellen: første række er årets takster; hver anden række er, hvor mange "
            "kroner tallet ændres med, hvis kun den ene forudsætning ændres (regnet med modellen, "
            "takster afrundet som i budgettet). TG 1-4: den årlige tilsynstakst i takstgruppe 1-4; "
            "Gns.pris: gennemsnitspris pr. plejefamilie.")
    data = {"tilsyn": f.tilsyn, "aar": f.aar, "fil": f.fil, "grundlag": {
        "tilsyn": g.takster.tilsyn, "timepris": g.takster.timepris,
        "gennemsnitspris": g.gennemsnitspris}, "virkninger": f.virkninger}
    return Visning(f"{f.tilsyn} – Budget {f.aar} – følsomhed", f"(i {g.prisniveau}-priser)",
                   (f"Virkningen af én ændring ad gangen i {f.fil}.",),
                   (Tabel("foelsomhed", "Følsomhed: virkning i kr.", FOELSOMHED_KOLONNER,
                          tuple(raekker), note, kort="Følsomhed"),), data)

