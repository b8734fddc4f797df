"""tilsynstakst: takstberegner for socialtilsynets budget (se DESIGN.md)."""

__version__ = "0.1.0"
