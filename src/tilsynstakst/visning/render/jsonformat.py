"""Resultatet som JSON til scripts: faste nøgler, almindelige tal (ikke dansk format)."""

from tilsynstakst import __version__
from tilsynstakst.jsondata import dump, som_data
from tilsynstakst.visning.tabeller import Visning


def visning_json(v: Visning) -> str:
    return dump({"tilsynstakst": __version__, **som_data(v.data)}) + "\n"
