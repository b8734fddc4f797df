"""``tjek``s resultat for mennesker (grupperet pr. fil) og for CI-værktøjer (JSON).

Her tælles og ordnes kun fund, der allerede er fundet (``kontrol``); der kontrolleres ikke.
"""

from collections import Counter
from typing import Any

from tilsynstakst.kontrol import afstemning as klasse
from tilsynstakst.kontrol.afstemning import Kildetabel
from tilsynstakst.fund import (ADVARSEL, AFRUNDING, AFVIGELSE, ALVOR, ERKENDT, INPUTFEJL, Fund,
                               synlig)
from tilsynstakst.aaret.tjek import Kontrol
from tilsynstakst.visning.render.jsonformat import dump
from tilsynstakst.visning.render.prosa import CYAN, FED, GROEN, GUL, ROED, Linje, skriv

_FARVE = {INPUTFEJL: ROED, AFVIGELSE: ROED, AFRUNDING: GUL, ADVARSEL: GUL, ERKENDT: CYAN}
ALVOR_BREDDE = 9  # "afrunding": alvoren står i en kolonne, fundet efter den
_ORD = {  # ental, flertal
    INPUTFEJL: ("inputfejl", "inputfejl"),
    AFVIGELSE: ("afvigelse", "afvigelser"),
    AFRUNDING: ("afrundingsforskel", "afrundingsforskelle"),
    ADVARSEL: ("advarsel", "advarsler"),
    ERKENDT: ("erkendt fejl", "erkendte fejl"),
}


def _antal(n: int, alvor: str, kilde: Kildetabel = Kildetabel.NOTATET) -> str:
    """``2 afrundingsforskelle``; en erkendt fejl er kildens: ``1 erkendt fejl i oversigten``."""
    ental, flertal = _ORD[alvor]
    return f"{n} {ental if n == 1 else flertal}" + (f" i {kilde.kilde}" if alvor == ERKENDT else "")


def _kilde(f: Fund) -> Kildetabel:
    """Hvis tal et afstemningsfund gælder: oversigtens, når nøglen er i ``[oversigt]``."""
    return (Kildetabel.OVERSIGTEN if (f.noegle or "").startswith(f"{Kildetabel.OVERSIGTEN}.")
            else Kildetabel.NOTATET)


def _status(fund: list[Fund], streng: bool) -> tuple[str, str]:
    if any(f.alvor == INPUTFEJL for f in fund):
        return "✗ kan ikke bruges", ROED
    if any(f.fejler(streng) for f in fund):
        return "✗ fejler", ROED
    return "✓ gyldig", GROEN


def _afstemt(optalt: Counter | None, kilde: Kildetabel = Kildetabel.NOTATET) -> str:
    """``; 121 offentliggjorte tal afstemt: …`` for notatets tal, ``; 43 tal i oversigten
    afstemt: …`` for oversigtens."""
    if not optalt:
        return ""
    i_alt = sum(n for k, n in optalt.items() if k != klasse.KOLONNE)
    dele = [f"{optalt[klasse.ENS]} ens"]
    if optalt[klasse.AFRUNDING]:
        dele.append(_antal(optalt[klasse.AFRUNDING], AFRUNDING))
    if optalt[klasse.AFVIGELSE]:
        dele.append(_antal(optalt[klasse.AFVIGELSE], AFVIGELSE))
    if optalt[klasse.ERKENDT]:
        dele.append(_antal(optalt[klasse.ERKENDT], ERKENDT, kilde))
    if optalt[klasse.UBEREGNELIG]:
        dele.append(f"{optalt[klasse.UBEREGNELIG]} kan ikke afstemmes")
    if n := optalt[klasse.KOLONNE]:
        dele.append(f"{n} {'kolonne' if n == 1 else 'kolonner'} afrundet med en anden metode")
    return f"; {kilde.tal(i_alt)} afstemt: " + ", ".join(dele)


def vis_kontrol(k: Kontrol, streng: bool = False, stroem: Any = None) -> None:
    """Én overskrift pr. fil med status, derunder filens fund, ét fund pr. linje; til sidst en
    sum. På en terminal brydes en lang linje i dens bredde, med fundets fortsættelse under dets
    tekst, og status og alvor har farver (ikke med NO_COLOR); til en fil eller et rør står hvert
    fund på én linje (``prosa.skriv``). En besked fra en fil er tekst, aldrig styretegn."""
    skriv(kontrol_linjer(k, streng), stroem=stroem)


def kontrol_linjer(k: Kontrol, streng: bool = False) -> list[Linje]:
    """Rapportens linjer: en fils overskrift fortsætter 4 tegn inde, et fund under sin tekst."""
    pr_fil: dict[str, list[Fund]] = {fil: [] for fil in k.filer}
    for f in k.fund:
        pr_fil.setdefault(f.fil, []).append(f)
    ud: list[Linje] = []
    for fil, fund in pr_fil.items():
        status, farve = _status(fund, streng)
        afstemt = (_afstemt(k.afstemt.get(fil))
                   + _afstemt(k.oversigt.get(fil), Kildetabel.OVERSIGTEN)
                   + (f"; {k.overfoert[fil]}" if fil in k.overfoert else ""))
        ud.append((f"{synlig(fil)}  {status}{afstemt}", 4,
                   ((synlig(fil), FED), (status, farve))))
        ud += [(f"  {f.alvor:<{ALVOR_BREDDE}} {f}", ALVOR_BREDDE + 1,
                ((f.alvor, _FARVE[f.alvor]),)) for f in fund]
    ud += [(linje, 0, ()) for linje in ("\n" + _sum(k, streng)).split("\n")]
    return ud


def _sum(k: Kontrol, streng: bool) -> str:
    optalt = Counter(f.alvor for f in k.fund if f.alvor != ERKENDT)
    erkendt = Counter(_kilde(f) for f in k.fund if f.alvor == ERKENDT)
    filer = f"{len(k.filer)} {'fil' if len(k.filer) == 1 else 'filer'} læst"
    if not k.fund:
        return f"{filer}. Alle budgetfiler er gyldige, og de offentliggjorte tal stemmer."
    dele = [_antal(optalt[a], a) for a in ALVOR if optalt[a]]
    dele += [_antal(erkendt[kilde], ERKENDT, kilde) for kilde in Kildetabel if erkendt[kilde]]
    tekst = f"{filer}: " + ", ".join(dele) + "."
    if streng and not any(f.fejler() for f in k.fund) and any(f.fejler(streng) for f in k.fund):
        tekst += ("\nMed --streng fejler afrundingsforskelle og advarsler også; uden --streng er "
                  "alle budgetfiler gyldige.")
    if not any(f.fejler(streng) for f in k.fund):
        tekst += "\nAlle budgetfiler er gyldige."
        if optalt[AFRUNDING] or optalt[ADVARSEL]:
            tekst += " Afrundingsforskelle og advarsler fejler kun med --streng."
        if erkendt:
            i = " og ".join(kilde.kilde for kilde in Kildetabel if erkendt[kilde])
            tekst += f" Erkendte fejl i {i} fejler ikke."
    return tekst


def kontrol_json(k: Kontrol, streng: bool = False) -> str:
    """Én JSON-genstand pr. fund, til CI-værktøjer; tal skrives eksakt."""
    return dump([
        {"file": f.fil, "line": f.linje, "key": f.noegle, "severity": f.alvor,
         "message": f.besked, "expected": f.forventet, "computed": f.beregnet,
         "fails": f.fejler(streng)}
        for f in k.fund
    ]) + "\n"
