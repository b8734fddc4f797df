"""Den gyldige 2024-fil ændret på må og få: indlæsning, ``tjek`` og ``beregn`` lykkes eller melder
programmets egen inputfejl, aldrig andet (ingen traceback, uanset hvad filen indeholder)."""

import shutil
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUDGETS, beregn_rapport
from tilsynstakst.fund import Inputfejl
from tilsynstakst.aaret.tjek import tjek
from tilsynstakst.budgetfil.laes import laes_budget

TEKST = (BUDGETS / "2024.toml").read_text(encoding="utf-8")
DATA = tomllib.loads(TEKST, parse_float=Decimal)


def _stier(x: Any, sti: tuple = ()) -> list[tuple]:
    """Alle stier i dataene: tabeller, nøgler og listeelementer."""
    stier = [sti] if sti else []
    if isinstance(x, dict):
        for k, v in x.items():
            stier += _stier(v, sti + (k,))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            stier += _stier(v, sti + (i,))
    return stier


STIER = _stier(DATA)
VAERDIER = st.one_of(
    st.integers(min_value=-(10**16), max_value=10**16),
    st.decimals(allow_nan=True, allow_infinity=True, places=3),
    st.text(max_size=6),
    st.booleans(),
    st.lists(st.integers(min_value=-5, max_value=10**7), max_size=5),
    st.dictionaries(st.sampled_from(["kilde", "x", "aar", "forrige"]), st.integers(), max_size=2),
)


def _kopi(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _kopi(v) for k, v in x.items()}
    return [_kopi(v) for v in x] if isinstance(x, list) else x


@st.composite
def muteret_tekst(draw) -> bytes:
    if draw(st.integers(0, 4)) == 0:  # afkortet eller med et ødelagt tegn
        data = TEKST.encode()
        pos = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            return data[:pos]
        return data[:pos] + bytes([draw(st.integers(0, 255))]) + data[pos + 1:]
    data = _kopi(DATA)
    for _ in range(draw(st.integers(1, 3))):
        sti = draw(st.sampled_from(STIER))
        node = data
        try:
            for del_ in sti[:-1]:
                node = node[del_]
            if draw(st.booleans()) and isinstance(node, dict):
                del node[sti[-1]]
            else:
                node[sti[-1]] = draw(VAERDIER)
        except (KeyError, IndexError, TypeError):
            continue  # stien forsvandt med en tidligere ændring
    return tomli_w.dumps(data).encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(muteret_tekst())
def test_muteret_2024_fil_giver_resultat_eller_inputfejl(data):
    with tempfile.TemporaryDirectory() as d:
        mappe = Path(d)
        for navn in ("2023.toml", "pl-indeks.toml"):
            shutil.copyfile(BUDGETS / navn, mappe / navn)
        (mappe / "2024.toml").write_bytes(data)
        try:
            laes_budget(mappe / "2024.toml")
        except Inputfejl as e:
            assert e.fund and all(f.fil == str(mappe / "2024.toml") for f in e.fund)
        try:
            beregn_rapport(mappe, 2024, "stoerste-rest")
        except Inputfejl:
            pass
        kontrol = tjek([mappe])  # kaster ikke; alt bliver til fund
        assert all(f.besked for f in kontrol.fund)
