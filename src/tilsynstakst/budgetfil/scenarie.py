"""Et scenarie: en navngiven samling ændringer af et budgetårs fil (docs/aaret.md).

Et scenarie er data, ikke kode: ``--saet NØGLE=VÆRDI`` på kommandolinjen eller en fil
``scenarier/NAVN.toml`` med en ``beskrivelse`` og en ``[saet]``-tabel af punktnøgler. Ændringerne
lægges ind i filens data *før* valideringen, så scenariet valideres præcis som filen selv, med de
samme beskeder; derefter regner de samme funktioner som for budgettet (en ændret model, ikke en
anden beregner).
"""

import copy
import re
import tomllib
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from tilsynstakst.budgetfil.kommuner import naermeste, tilsyn_for
from tilsynstakst.budgetfil.laes import laes_toml, linjeindeks, slaa_op, valider
from tilsynstakst.budgetfil.model import (Scenariefil, dansk_talhjaelp, tager_hele_tal,
                                          ukendt_kommune)
from tilsynstakst.fund import Fund, Inputfejl, systemfejl

SCENARIEMAPPE = "scenarier"
SAET = "--saet"
# Nøgler, et scenarie ikke kan ændre: året (filens identitet) og de offentliggjorte tal, notatets
# og oversigtens (de er det, der afstemmes imod, ikke en forudsætning).
FASTE = {"aar": "året er budgetfilens eget; et scenarie ændrer forudsætningerne for året",
         "offentliggjort": "de offentliggjorte tal er ikke forudsætninger; et scenarie ændrer "
                           "forudsætningerne, og tallene afstemmes mod filen, som den er",
         "oversigt": "oversigtens tal er ikke forudsætninger; et scenarie ændrer "
                     "forudsætningerne, og tallene afstemmes mod filen, som den er",
         "overfoert_resultat": "det ændrer ingen tal: afdelingernes budgetter er allerede "
                               "netto af det indregnede resultat; ændr budget.* i stedet",
         "kalibreret": "det ændrer ingen tal; listen siger kun, hvilke værdier der er kalibreret",
         "kilde": "det ændrer ingen tal; en kilde er tekst"}

Sti = tuple[str | int, ...]


@dataclass(frozen=True)
class Saet:
    """Én ændring, som den er skrevet: nøgle, værdi, og hvor den kom fra (fil og linje)."""

    noegle: str
    vaerdi: Any
    kilde: str = SAET  # "--saet" eller scenariefilens sti
    linje: int | None = None

    @property
    def sti(self) -> Sti:
        return tuple(int(d) if d.isascii() and d.isdigit() else d for d in self.noegle.split("."))

    def __str__(self) -> str:
        return f"{self.noegle}={som_toml(self.vaerdi)}"


@dataclass(frozen=True)
class Scenarie:
    """Et eller flere scenarier (og ``--saet``) lagt sammen; senere ændringer vinder."""

    navn: str
    beskrivelse: str
    aendringer: tuple[Saet, ...]

    def kort(self) -> str:
        """Til en fejlbesked: hvilke ændringer der gav fejlen."""
        if self.navn != SAET:
            return f"med scenariet {self.navn}"
        vist_ = ", ".join(map(str, self.aendringer[:3]))
        return f"med --saet {vist_}" + (" …" if len(self.aendringer) > 3 else "")


@dataclass(frozen=True)
class Anvendt:
    """En værdi, scenariet har ændret: nøglen (listeplads fra 0), filens og scenariets værdi."""

    noegle: str
    i_filen: Any
    i_scenariet: Any
    aendring: Decimal | None = None  # i_scenariet − i_filen, når begge er tal (ikke sand/falsk)


@dataclass(frozen=True)
class Scenarieinfo:
    """Det, enhver visning af et scenarie skal sige før tallene (issue 10)."""

    navn: str
    beskrivelse: str
    fil: str
    aendringer: tuple[Anvendt, ...]


def som_toml(v: Any) -> str:
    """En værdi, som den skrives i TOML (til beskeder og ``--saet``-linjer)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(som_toml(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {som_toml(x)}" for k, x in v.items()) + "}"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(v)


# ---------------------------------------------------------------------------------------------
# Læsning: --saet og scenariefiler

def laes_saet(tekst: str) -> list[Saet]:
    """``NØGLE=VÆRDI`` fra kommandolinjen; VÆRDI er en TOML-værdi. En inline-tabel bliver til
    én ændring pr. blad, som en ``[saet]``-tabel i en fil."""
    noegle, lig, vaerdi = tekst.partition("=")
    noegle, vaerdi = noegle.strip(), vaerdi.strip()
    if not lig or not noegle or not vaerdi:
        raise Inputfejl([Fund(SAET, f"'{tekst}' skal have formen NØGLE=VÆRDI, fx "
                                    "budget.tilbudsafdelingen=17105109")])
    dele = [d.strip().strip('"').strip("'") for d in noegle.split(".")]
    if any(not d for d in dele):
        raise Inputfejl([Fund(SAET, "nøglen har en tom del (to punktummer i træk?)",
                              noegle=noegle)])
    if vaerdi.startswith("+"):  # "+200000" betyder næsten altid "200.000 mere"
        raise Inputfejl([Fund(SAET, f"'{vaerdi}': skriv den nye værdi, ikke ændringen (fx "
                                    "budget.tilbudsafdelingen=17105109 for 200.000 kr. mere)",
                              noegle=".".join(dele))])
    try:
        data = tomllib.loads(f"v = {vaerdi}", parse_float=Decimal)["v"]
    except (tomllib.TOMLDecodeError, ValueError, ArithmeticError, RecursionError):
        hjaelp = dansk_talhjaelp(vaerdi, hele=tager_hele_tal(dele)) or (
            "skriv et tal (17105109 eller 65.5), en liste ([88, 97, 37, 19]) eller en "
            "tekst i anførselstegn (\"2024K2\")")
        raise Inputfejl([Fund(SAET, f"'{vaerdi}' er ikke en TOML-værdi: {hjaelp}",
                              noegle=".".join(dele))]) from None
    if not (blade := _blade(".".join(dele), data)):
        raise Inputfejl([Fund(SAET, f"'{vaerdi}' er en tom tabel og ændrer intet; skriv en værdi "
                                    "for hver nøgle, der skal ændres, fx "
                                    "budget.tilbudsafdelingen=17105109", noegle=".".join(dele))])
    return [Saet(n, v) for n, v in blade]


def _blade(prefiks: str, data: Any) -> list[tuple[str, Any]]:
    """En tabel af ændringer som (punktnøgle, værdi) pr. blad; punktummer i nøglen deler den."""
    if isinstance(data, dict):
        return [par for k, v in data.items() for par in _blade(f"{prefiks}.{k}" if prefiks else k, v)]
    return [(prefiks, data)]


def scenariefil(mappe: Path, navn: str) -> Path:
    return mappe / SCENARIEMAPPE / f"{navn}.toml"


def laes_scenarie(sti: Path, aar: int | None = None) -> tuple[int, Scenarie]:
    """Læs ``scenarier/NAVN.toml``: ``aar``, ``beskrivelse`` og ``[saet]``. Er ``aar`` givet,
    skal filen gælde for det år."""
    data, tekst = laes_toml(sti)
    fil = valider(Scenariefil, data, tekst, str(sti))
    indeks = linjeindeks(tekst)
    if aar is not None and fil.aar != aar:
        raise Inputfejl([Fund(str(sti), f"scenariet gælder for {fil.aar}, ikke {aar}",
                              noegle="aar", linje=slaa_op(indeks, ("aar",)))])
    # En nøgle står enten i anførselstegn ("antal.tilbud" = …) eller som punktnøgle.
    aendringer = tuple(
        Saet(n, v, str(sti), indeks.get(("saet", n)) or slaa_op(indeks, ("saet", *n.split("."))))
        for n, v in _blade("", data["saet"])
    )
    return fil.aar, Scenarie(sti.stem, fil.beskrivelse, aendringer)


def find_scenarie(mappe: Path, navn: str, aar: int) -> Scenarie:
    """Scenariet NAVN for året ``aar`` fra ``mappe/scenarier/NAVN.toml``."""
    if not re.fullmatch(r"[\w-]+", navn):
        raise Inputfejl([Fund(navn, "et scenarienavn er filens navn uden .toml (bogstaver, tal, "
                                    "- og _), fx ti-tilbud-lukker")])
    sti = scenariefil(mappe, navn)
    try:
        if not sti.exists():
            findes = sorted(p.stem for p in (mappe / SCENARIEMAPPE).glob("*.toml"))
            hvilke = f"; der er {', '.join(findes)}" if findes else "; mappen har ingen scenarier"
            raise Inputfejl([Fund(str(sti), f"scenariet findes ikke{hvilke}")])
    except OSError as e:  # fx ingen adgang til scenarier/
        raise Inputfejl([Fund(str(sti), f"kan ikke læses: {systemfejl(e)}")]) from None
    return laes_scenarie(sti, aar)[1]


def saml(scenarier: list[Scenarie], saet: list[Saet]) -> Scenarie | None:
    """Scenarierne i den givne rækkefølge og derefter ``--saet``; ``None``, hvis der intet er."""
    dele = list(scenarier)
    _ingen_konflikt(dele)
    if saet:
        dele.append(Scenarie(SAET, "ændringer på kommandolinjen", tuple(saet)))
    if not dele:
        return None
    if len(dele) == 1:
        return dele[0]
    return Scenarie(" + ".join(s.navn for s in dele),
                    "; ".join(f"{s.navn}: {s.beskrivelse}" for s in dele),
                    tuple(a for s in dele for a in s.aendringer))


def _ingen_konflikt(scenarier: list[Scenarie]) -> None:
    """To scenariefiler må ikke sætte samme værdi (eller en værdi og en tabel, den står i): den
    ene ville tavst forsvinde. (``--saet`` må sætte en værdi, en fil sætter; det er en bevidst
    ændring for kørslen.) Lineært: hver nøgle og hver af dens forældre slås op én gang."""
    sat: dict[str, Saet] = {}  # hver sat nøgle
    under: dict[str, Saet] = {}  # hver forælder til en sat nøgle (antal, antal.pr_takstgruppe …)
    for s in scenarier:
        for a in s.aendringer:
            dele = a.noegle.split(".")
            foraeldre = [".".join(dele[:i]) for i in range(1, len(dele))]
            for tidligere in [sat.get(a.noegle), under.get(a.noegle),
                              *(sat.get(f) for f in foraeldre)]:
                if tidligere is not None and tidligere.kilde != a.kilde:
                    raise _fejl(a, f"sættes også af {tidligere.kilde} ({tidligere}); læg "
                                   "ændringerne i ét scenarie, så intet forsvinder tavst")
        for a in s.aendringer:
            sat[a.noegle] = a
            dele = a.noegle.split(".")
            for i in range(1, len(dele)):
                under.setdefault(".".join(dele[:i]), a)


# ---------------------------------------------------------------------------------------------
# Anvendelse: ændringerne lagt ind i filens data

def anvend(data: dict[str, Any], scenarie: Scenarie, fil: str) -> tuple[dict[str, Any], tuple[Anvendt, ...]]:
    """Filens data med scenariets ændringer, og hver ændret værdi med filens værdi ved siden af.

    En nøgle skal findes i filen (en stavefejl må ikke blive til en ny kommune); en liste kan
    ændres helt eller på én plads (``antal.pr_takstgruppe.tilbud.2``).
    """
    ny = copy.deepcopy(data)
    for a in scenarie.aendringer:
        _saet(ny, a, fil)
    return ny, tuple(_forskelle(data, ny, scenarie))


def _fejl(a: Saet, besked: str) -> Inputfejl:
    return Inputfejl([Fund(a.kilde, besked, noegle=a.noegle, linje=a.linje)])


def _saet(data: dict[str, Any], a: Saet, fil: str) -> None:
    sti = a.sti
    fast = str(sti[0]) if str(sti[0]) in FASTE else "kilde" if sti[-1] == "kilde" else None
    if fast == "overfoert_resultat" and sti[-1] != "kilde" and _bygget_af_poster(data):
        fast = None  # et budget af poster trækker resultatet fra posterne (issue 13)
    if fast:
        raise _fejl(a, f"kan ikke ændres i et scenarie: {FASTE[fast]}")
    node: Any = data
    for i, del_ in enumerate(sti):
        sidste = i == len(sti) - 1
        if isinstance(node, dict) and isinstance(del_, str) and del_ in node:
            if sidste:
                node[del_] = a.vaerdi
            node = node[del_]
        elif isinstance(node, list) and isinstance(del_, int) and del_ < len(node):
            if sidste:
                node[del_] = a.vaerdi
            node = node[del_]
        else:
            raise _fejl(a, _ukendt(data, sti[:i], del_, fil))


def _bygget_af_poster(data: dict[str, Any]) -> bool:
    budget = data.get("budget")
    return isinstance(budget, dict) and bool(budget.get("poster"))


def _ukendt(data: dict[str, Any], foraelder: Sti, del_: str | int, fil: str) -> str:
    node: Any = data
    for d in foraelder:
        node = node[d]
    hvor = ".".join(map(str, foraelder)) or "filen"
    if isinstance(node, list):
        return f"{hvor} er en liste med pladserne 0-{len(node) - 1}; {del_} findes ikke"
    if not isinstance(node, dict):
        return f"{hvor} er en enkelt værdi, ikke en tabel"
    if foraelder == ("befolkning", "kommuner") and (fejl := ukendt_kommune(str(del_))):
        return fejl.message()  # ikke en kommune: "mente du" blandt alle 98
    besked = f"nøglen findes ikke i {fil}"
    if forslag := naermeste(str(del_), node):
        besked += f" (mente du {'.'.join(map(str, (*foraelder, forslag)))}?)"
    elif foraelder == ("befolkning", "kommuner"):  # en kommune, filen ikke har
        besked += (f"; et scenarie ændrer kun filens egne kommuner ({del_} hører til "
                   f"{tilsyn_for(str(del_))})")
    return besked


def _forskelle(foer: Any, efter: Any, scenarie: Scenarie) -> list[Anvendt]:
    """De blade, der er ændret, i ændringernes rækkefølge; en liste vises plads for plads."""
    ud: dict[str, Anvendt] = {}
    for a in scenarie.aendringer:
        f, e = _hent(foer, a.sti), _hent(efter, a.sti)
        for noegle, fv, ev in _par(a.noegle, f, e):
            if fv != ev or type(fv) is not type(ev):
                ud[noegle] = Anvendt(noegle, fv, ev, _aendring(fv, ev))
            else:
                ud.pop(noegle, None)
    return list(ud.values())


def _aendring(foer: Any, efter: Any) -> Decimal | None:
    """Scenariets ændring af et tal (efter − før); None for en tekst, en liste eller sand/falsk."""
    tal_ = all(isinstance(x, (int, Decimal)) and not isinstance(x, bool) for x in (foer, efter))
    return Decimal(efter) - Decimal(foer) if tal_ else None


def _hent(data: Any, sti: Sti) -> Any:
    for d in sti:
        data = data[d]
    return data


def _par(noegle: str, f: Any, e: Any) -> list[tuple[str, Any, Any]]:
    if isinstance(f, list) and isinstance(e, list) and len(f) == len(e):
        return [p for i, (x, y) in enumerate(zip(f, e)) for p in _par(f"{noegle}.{i}", x, y)]
    return [(noegle, f, e)]


def i_scenariet(f: Fund, scenarie: Scenarie) -> Fund:
    """En valideringsfejl efter et scenarie: peg på scenariefilens linje, når fejlen gælder en
    nøgle, filen ændrer; ellers budgetfilens, med scenariet nævnt."""
    noegle = re.sub(r"\[([0-9]+)\]", r".\1", f.noegle or "")
    for a in reversed(scenarie.aendringer):
        beslaegtet = noegle and (a.noegle == noegle or a.noegle.startswith(noegle + ".")
                                 or noegle.startswith(a.noegle + "."))
        if beslaegtet and a.linje is not None:
            return replace(f, fil=a.kilde, linje=a.linje, noegle=f"saet.{f.noegle}")
    fra_fil = [a for a in scenarie.aendringer if a.linje is not None]
    if fra_fil:  # fejlen kommer af scenariefilen, selv om nøglen er en anden (fx en total)
        a = fra_fil[-1]
        return replace(f, fil=a.kilde, linje=a.linje, noegle=f"saet.{f.noegle}")
    return replace(f, besked=f"{f.besked} ({scenarie.kort()})")
