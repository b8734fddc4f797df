"""tilsynstakst: takstberegner for socialtilsynets budget (se docs/README.md)."""

__version__ = "0.1.0"
