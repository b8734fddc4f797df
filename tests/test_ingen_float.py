"""Penge er Decimal hele vejen (DESIGN.md §4): ingen float i kildekoden, floats læses som Decimal."""

import ast
from pathlib import Path

import tilsynstakst

KILDE = Path(tilsynstakst.__file__).parent


def test_ingen_float_i_kildekoden():
    for fil in KILDE.rglob("*.py"):
        for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.Name) and node.id == "float"), fil
            assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), fil


def test_toml_floats_laeses_som_decimal():
    assert "parse_float=Decimal" in (KILDE / "load.py").read_text(encoding="utf-8")
