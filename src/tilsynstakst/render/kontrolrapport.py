"""``tjek``s resultat for mennesker (rich, grupperet pr. fil) og for CI-værktøjer (JSON).

Her tælles og ordnes kun fund, der allerede er fundet (``kontrol``); der kontrolleres ikke.
"""

from collections import Counter

from rich.console import Console
from rich.markup import escape

from tilsynstakst.fund import ADVARSEL, AFRUNDING, AFVIGELSE, ALVOR, INPUTFEJL, Fund
from tilsynstakst.kontrol import Kontrol
from tilsynstakst.render.jsonformat import dump

_FARVE = {INPUTFEJL: "red", AFVIGELSE: "red", AFRUNDING: "yellow", ADVARSEL: "yellow"}
_ORD = {  # ental, flertal
    INPUTFEJL: ("inputfejl", "inputfejl"),
    AFVIGELSE: ("afvigelse", "afvigelser"),
    AFRUNDING: ("afrundingsforskel", "afrundingsforskelle"),
    ADVARSEL: ("advarsel", "advarsler"),
}


def _antal(n: int, alvor: str) -> str:
    ental, flertal = _ORD[alvor]
    return f"{n} {ental if n == 1 else flertal}"


def _status(fund: list[Fund], streng: bool) -> str:
    alvor = {f.alvor for f in fund}
    if INPUTFEJL in alvor:
        return "[red]✗ kan ikke bruges[/]"
    if any(f.fejler(streng) for f in fund):
        return "[red]✗ fejler[/]"
    return "[green]✓ gyldig[/]"


def _afstemt(optalt: Counter | None) -> str:
    if not optalt:
        return ""
    i_alt = sum(optalt.values())
    dele = [f"{optalt['ens']} ens"]
    if optalt["afrunding"]:
        dele.append(_antal(optalt["afrunding"], AFRUNDING))
    if optalt["afvigelse"]:
        dele.append(_antal(optalt["afvigelse"], AFVIGELSE))
    if optalt["uberegnelig"]:
        dele.append(f"{optalt['uberegnelig']} kan ikke afstemmes")
    tal = "offentliggjort tal" if i_alt == 1 else "offentliggjorte tal"
    return f"; {i_alt} {tal} afstemt: " + ", ".join(dele)


def vis_kontrol(k: Kontrol, console: Console, streng: bool = False) -> None:
    """Én overskrift pr. fil med status, derunder filens fund, én linje hver; til sidst en sum."""
    pr_fil: dict[str, list[Fund]] = {fil: [] for fil in k.filer}
    for f in k.fund:
        pr_fil.setdefault(f.fil, []).append(f)
    for fil, fund in pr_fil.items():
        console.print(f"[bold]{escape(fil)}[/]  {_status(fund, streng)}"
                      f"{_afstemt(k.afstemt.get(fil))}", soft_wrap=True)
        for f in fund:
            console.print(f"  [{_FARVE[f.alvor]}]{f.alvor:<9}[/] {escape(str(f))}",
                          soft_wrap=True)
    console.print()
    optalt = Counter(f.alvor for f in k.fund)
    filer = f"{len(k.filer)} {'fil' if len(k.filer) == 1 else 'filer'} læst"
    if not k.fund:
        console.print(f"{filer}. Alle budgetfiler er gyldige, og de offentliggjorte tal stemmer.")
        return
    sum_ = ", ".join(_antal(optalt[a], a) for a in ALVOR if optalt[a])
    console.print(f"{filer}: {sum_}.", soft_wrap=True)
    if not any(f.fejler(streng) for f in k.fund):
        console.print("Alle budgetfiler er gyldige. Afrundingsforskelle og advarsler fejler kun "
                      "med --streng.", soft_wrap=True)


def kontrol_json(k: Kontrol, streng: bool = False) -> str:
    """Én JSON-genstand pr. fund, til CI-værktøjer; tal skrives eksakt."""
    return dump([
        {"file": f.fil, "line": f.linje, "key": f.noegle, "severity": f.alvor,
         "message": f.besked, "expected": f.forventet, "computed": f.beregnet,
         "fails": f.fejler(streng)}
        for f in k.fund
    ]) + "\n"
