"""Visningerne i hvert format; ``Format`` er den lukkede liste, kode og kommandolinje deler."""

from enum import StrEnum


class Format(StrEnum):
    """Et uddataformat: ``tabel`` (tekst), ``json``, ``markdown``, ``csv``, ``xlsx`` eller
    ``html`` (en selvstændig side til en hjemmeside eller en skærm)."""

    TABEL = "tabel"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"
