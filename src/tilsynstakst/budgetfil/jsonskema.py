"""JSON Schema for budgetfilen og PL-indekset, lavet af pydantic-modellerne (``tilsynstakst skema``).

Editorer, der tjekker TOML mod et JSON Schema (Taplo, Even Better TOML i VS Code), kan så melde
en stavefejl eller et negativt antal, mens der skrives. TOML har ingen ``null``, så valgfrie
nøgler beskrives som nøgler, der kan udelades, ikke som nøgler, der kan være ``null``.
"""

from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from tilsynstakst.jsondata import dump
from tilsynstakst.budgetfil.model import Budget, PLIndeks
from tilsynstakst.budgetfil.regnskab import Regnskabsfil

SKEMAER = {"budget": Budget, "pl-indeks": PLIndeks, "regnskab": Regnskabsfil}
TITLER = {"budget": "Budgetfil for tilsynstakst (AAAA.toml)",
          "pl-indeks": "PL-indeks for tilsynstakst (pl-indeks.toml)",
          "regnskab": "Regnskabsfil for tilsynstakst (regnskab/AAAA.toml)"}


class _TomlSkema(GenerateJsonSchema):
    def nullable_schema(self, schema: Any) -> Any:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: Any) -> Any:
        indre = self.generate_inner(schema["schema"])
        if schema.get("default") not in (None, (), {}):
            indre["default"] = schema["default"]
        return indre


def skema(navn: str) -> dict[str, Any]:
    """JSON Schema (2020-12) for ``navn``: ``budget``, ``pl-indeks`` eller ``regnskab``."""
    s = SKEMAER[navn].model_json_schema(schema_generator=_TomlSkema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **s,
            "title": TITLER[navn]}


def skema_json(navn: str) -> str:
    """Som JSON-tekst; grænser som 0,1 står som decimaltal (``Decimal``), ikke som ``float``."""
    return dump(skema(navn)) + "\n"
