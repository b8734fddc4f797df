"""Mål kommandolinjens hastighed: median af vægurstid over gentagne kørsler.

    python scripts/maal.py [--gange 21]

Måler gulvet (`import typer, pydantic, rich.table`), `beregn 2024` i tabel og json, `tjek` af én
budgetfil, `tjek` af 500 genererede budgetfiler (250 mapper med 2023, 2024 og PL-indeks, alle
med notatets offentliggjorte tal, så afstemningen også måles), og det nye år: `ny 2025` og
`befolkning 2025 --fra-csv` i en kopi af budgets/. Hyperfine findes ikke her.
`--kun TEKST` måler kun de kommandoer, hvis navn indeholder TEKST; `--kun typer` sammenligner
`beregn 2024` med en minimal Typer-kommando med samme tilvalg (scripts/minimal_typer.py), og
`--kun oversigt` `oversigt 2024` med fem budgetmapper (kopier af budgets/, én pr. socialtilsyn)
med `beregn 2024`, skiftevis i én serie (issue 22: højst 1,5 ×).
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "tilsynstakst"


def median_ms(kommando: list[str], gange: int) -> float:
    tider = []
    for _ in range(gange):
        start = time.perf_counter()
        subprocess.run(kommando, cwd=ROD, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tider.append(time.perf_counter() - start)
    return statistics.median(tider) * 1000


def i_serie(a: list[str], b: list[str], gange: int) -> tuple[float, float]:
    """Median af ``a`` og ``b`` kørt skiftevis i én serie (så maskinens uro rammer begge)."""
    tider: tuple[list[float], list[float]] = ([], [])
    for _ in range(gange):
        for kommando, liste in ((a, tider[0]), (b, tider[1])):
            start = time.perf_counter()
            subprocess.run(kommando, cwd=ROD, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            liste.append(time.perf_counter() - start)
    return statistics.median(tider[0]) * 1000, statistics.median(tider[1]) * 1000


def main() -> None:
    # Som efter en installation: modulerne oversat til .pyc, også hvor PYTHONDONTWRITEBYTECODE
    # er sat (ellers oversættes tilsynstakst ved hver kørsel, typer og pydantic ikke).
    import compileall

    compileall.compile_dir(ROD / "src" / "tilsynstakst", quiet=1)
    compileall.compile_file(ROD / "scripts" / "minimal_typer.py", quiet=1)
    p = argparse.ArgumentParser()
    p.add_argument("--gange", type=int, default=21)
    p.add_argument("--kun", default="")
    valg = p.parse_args()
    gange = valg.gange
    with tempfile.TemporaryDirectory() as d:
        nyt = Path(d) / "nyt"
        shutil.copytree(ROD / "budgets", nyt)
        csv = ROD / "tests" / "data" / "folk1a" / "nord-2024K2-eksempel.csv"
        mapper = []
        for i in range(250):
            mappe = Path(d) / f"tilsyn{i:03d}"
            shutil.copytree(ROD / "budgets", mappe)
            mapper.append(str(mappe))
        maalinger = {
            "gulv: import typer, pydantic, rich.table":
                [sys.executable, "-c", "import typer, pydantic, rich.table"],
            "beregn 2024": [str(BIN), "beregn", "2024"],
            "beregn 2024 --format json": [str(BIN), "beregn", "2024", "--format", "json"],
            "tjek budgets/2024.toml (1 fil)": [str(BIN), "tjek", "budgets/2024.toml"],
            "tjek 500 budgetfiler (250 mapper)": [str(BIN), "tjek", *mapper],
            "ny 2025 --pl 3,2 --overskriv":
                [str(BIN), "ny", "2025", "-b", str(nyt), "--pl", "3,2", "--overskriv"],
            "befolkning 2025 --fra-csv": [str(BIN), "befolkning", "2025", "-b", str(nyt),
                                          "--fra-csv", str(csv)],
            "foelsomhed 2024": [str(BIN), "foelsomhed", "2024"],
            "scenarie 2024 ti-tilbud-lukker": [str(BIN), "scenarie", "2024", "ti-tilbud-lukker"],
            "forklar 2024 budgetaar.takster.tilsyn.2":
                [str(BIN), "forklar", "2024", "budgetaar.takster.tilsyn.2"],
        }
        if "oversigt" in valg.kun:  # issue 22: oversigt med fem mapper højst 1,5 × beregn
            fem = []
            for tilsyn in ("Nord", "Midt", "Syd", "Øst", "Hovedstaden"):
                mappe = Path(d) / tilsyn.lower()
                shutil.copytree(ROD / "budgets", mappe)
                for fil in mappe.glob("20*.toml"):
                    tekst = fil.read_text(encoding="utf-8")
                    fil.write_text(tekst.replace('tilsyn = "Socialtilsyn Nord"',
                                                 f'tilsyn = "Socialtilsyn {tilsyn}"'),
                                   encoding="utf-8")
                fem.append(str(mappe))
            oversigt, beregn = i_serie([str(BIN), "oversigt", "2024", *fem],
                                       [str(BIN), "beregn", "2024"], gange)
            print(f"oversigt 2024 (5 mapper) {oversigt:.0f} ms, beregn 2024 {beregn:.0f} ms "
                  f"(median af {gange}, skiftevis): {oversigt / beregn:.2f} ×")
            return
        if "typer" in valg.kun:  # issue 11: beregn højst 1,3 × en minimal Typer-kommando
            beregn, minimal = i_serie(
                [str(BIN), "beregn", "2024"],
                [sys.executable, str(ROD / "scripts" / "minimal_typer.py"), "beregn", "2024"],
                gange)
            print(f"beregn 2024 {beregn:.0f} ms, minimal Typer-kommando {minimal:.0f} ms "
                  f"(median af {gange}, skiftevis): {beregn / minimal:.2f} ×")
            return
        tider: dict[str, float] = {}
        for navn, kommando in maalinger.items():
            if valg.kun not in navn and "gulv" not in navn and navn != "beregn 2024":
                continue
            n = gange if "500" not in navn else max(5, gange // 4)
            tider[navn] = median_ms(kommando, n)
            print(f"{navn:<40} {tider[navn]:8.0f} ms  (median af {n})", flush=True)
        for navn in ("foelsomhed 2024", "scenarie 2024 ti-tilbud-lukker",
                     "forklar 2024 budgetaar.takster.tilsyn.2"):
            if navn in tider:  # issue 10: følsomhed højst 1,5 × beregn
                print(f"{navn} / beregn 2024: {tider[navn] / tider['beregn 2024']:.2f}")


if __name__ == "__main__":
    main()
