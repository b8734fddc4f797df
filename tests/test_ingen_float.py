"""Penge er Decimal hele vejen (docs/afrunding-og-priser.md): ingen float i kildekoden, floats
læses som Decimal."""

import ast
from pathlib import Path

import tilsynstakst

KILDE = Path(tilsynstakst.__file__).parent


def test_ingen_float_i_kildekoden():
    for fil in KILDE.rglob("*.py"):
        for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.Name) and node.id == "float"), fil
            assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), fil


def test_toml_floats_laeses_som_decimal(tmp_path):
    """Et TOML-kommatal læses som præcis det Decimal, der står (0.1 + 0.2 er 0.3, ikke en float)."""
    from decimal import Decimal

    from tilsynstakst.budgetfil.laes import laes_toml

    fil = tmp_path / "t.toml"
    fil.write_text("a = 0.1\nb = 0.2\nc = 65.2536\n", encoding="utf-8")
    data, _ = laes_toml(fil)
    assert all(type(v) is Decimal for v in data.values())
    assert data["a"] + data["b"] == Decimal("0.3") and data["c"] == Decimal("65.2536")
