"""Data som JSON, eksakt: dataklasser, ordbøger og lister som JSON-data, og JSON-tekst, hvor et
Decimal skrives præcis, som det er (3.8, 6294349), aldrig via ``float``; derfor en lille egen
serialisering i stedet for ``json.dumps`` af floats. Fundament: bruges af JSON-visningen, af
JSON Schemaet og af forklaringernes nøgler.
"""

import json
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any


_UDELAD = "tilsynstakst.udelad_naar"


def udelad_naar(vaerdi: Any) -> dict[str, Any]:
    """Metadata til et dataklassefelt, der udelades af JSON-data, når det har ``vaerdi``: et
    tal, der ikke findes for dette tilsyn (BPA uden BPA), eller en indstilling, der står på sin
    standard, så uddata for filer uden den er, som de altid har været."""
    return {_UDELAD: vaerdi}


def _med(x: Any, f: Any) -> bool:
    return _UDELAD not in f.metadata or getattr(x, f.name) != f.metadata[_UDELAD]


def som_data(x: Any) -> Any:
    """Dataklasser, ordbøger og lister som JSON-data (tal forbliver Decimal); et felt med
    ``udelad_naar`` udelades, når det har den værdi."""
    if is_dataclass(x):
        return {f.name: som_data(getattr(x, f.name)) for f in fields(x) if _med(x, f)}
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
