"""Data som JSON, eksakt: dataklasser, ordbøger og lister som JSON-data, og JSON-tekst, hvor et
Decimal skrives præcis, som det er (3.8, 6294349), aldrig via ``float``; derfor en lille egen
serialisering i stedet for ``json.dumps`` af floats. Fundament: bruges af JSON-visningen, af
JSON Schemaet og af forklaringernes nøgler.
"""

import json
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any


def som_data(x: Any) -> Any:
    """Dataklasser, ordbøger og lister som JSON-data (tal forbliver Decimal)."""
    if is_dataclass(x):
        return {f.name: som_data(getattr(x, f.name)) for f in fields(x)}
    if isinstance(x, dict):
        return {str(k): som_data(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [som_data(v) for v in x]
    return x


def dump(x: Any, indryk: str = "  ", niveau: int = 0) -> str:
    """JSON-tekst; Decimal skrives som sit eksakte tal."""
    if isinstance(x, Decimal):
        return str(x) if x.is_finite() else "null"
    if isinstance(x, dict):
        if not x:
            return "{}"
        ind = indryk * (niveau + 1)
        dele = [f"{ind}{json.dumps(k, ensure_ascii=False)}: {dump(v, indryk, niveau + 1)}"
                for k, v in x.items()]
        return "{\n" + ",\n".join(dele) + "\n" + indryk * niveau + "}"
    if isinstance(x, list):
        if not x:
            return "[]"
        ind = indryk * (niveau + 1)
        return "[\n" + ",\n".join(ind + dump(v, indryk, niveau + 1) for v in x) + "\n" + \
            indryk * niveau + "]"
    return json.dumps(x, ensure_ascii=False)
