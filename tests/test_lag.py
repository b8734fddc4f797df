"""Husets lag: importerne peger kun én vej, og der er ingen ring (issue 20).

Fra budgetfilen til kommandolinjen: budgetfil → beregning → kontrol → aaret → visning → dst → cli.
Et modul må importere fra sit eget lag og lagene før det, aldrig fra et senere (modellen
importerer ikke beregningen, beregningen ikke formateringen til visning, en visning ikke
kommandolinjen). ``fund``, ``tal``, ``kommando`` og ``jsondata`` er fundamentet, som alle lag bruger. Også
importer inde i en funktion tæller: de må købe opstartstid, ikke skjule en ring.
"""

import ast
from pathlib import Path

import tilsynstakst

PAKKE = Path(tilsynstakst.__file__).parent
LAG = ["fundament", "budgetfil", "beregning", "kontrol", "aaret", "visning", "dst", "cli"]
FUNDAMENT = {"tilsynstakst", "tilsynstakst.fund", "tilsynstakst.tal", "tilsynstakst.kommando",
             "tilsynstakst.jsondata"}


def _modul(fil: Path) -> str:
    dele = fil.relative_to(PAKKE.parent).with_suffix("").parts
    return ".".join(dele[:-1] if dele[-1] == "__init__" else dele)


def _lag(modul: str) -> int:
    if modul in FUNDAMENT:
        return 0
    if modul == "tilsynstakst.__main__":
        return len(LAG)
    return LAG.index(modul.split(".")[1])


def importer() -> dict[str, set[str]]:
    """Hvert modul i pakken → de moduler i pakken, det importerer (også inde i funktioner)."""
    moduler = {_modul(f): f for f in PAKKE.rglob("*.py")}
    graf: dict[str, set[str]] = {}
    for modul, fil in moduler.items():
        graf[modul] = set()
        for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                navne = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                navne = [a.name for a in node.names]
            else:
                continue
            graf[modul] |= {n for n in navne if n in moduler and n != modul}
    return graf


def test_importerne_peger_kun_fra_et_lag_til_et_tidligere():
    forkerte = sorted(f"{a} → {b}" for a, mål in importer().items() for b in mål
                      if _lag(b) > _lag(a))
    assert forkerte == []


def test_ingen_ring_i_importerne():
    graf = importer()
    ringe = []

    def besøg(modul: str, sti: list[str]) -> None:
        if modul in sti:
            ringe.append(" → ".join(sti[sti.index(modul):] + [modul]))
            return
        if modul in færdige:
            return
        for næste in sorted(graf[modul]):
            besøg(næste, sti + [modul])
        færdige.add(modul)

    færdige: set[str] = set()
    for modul in sorted(graf):
        besøg(modul, [])
    assert ringe == []


def test_hvert_lag_er_en_mappe():
    assert {p.name for p in PAKKE.iterdir() if p.is_dir() and p.name != "__pycache__"} == \
        set(LAG[1:])
