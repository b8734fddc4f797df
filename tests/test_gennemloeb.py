"""Den ene vej gennem et budgetår (issue 20): ``beregn`` og ``tjek`` læser året, året før og
PL-indekset ad samme vej (``aaret.gennemloeb.aaret``) og siger det samme om det samme."""

import pytest

from conftest import ret
from tilsynstakst.aaret.gennemloeb import beregn
from tilsynstakst.aaret.tjek import tjek
from tilsynstakst.fund import INPUTFEJL, Inputfejl


def _beregn_fund(mappe, aar=2024):
    try:
        return {str(f) for f in beregn(mappe, aar, "stoerste-rest").fund}, set()
    except Inputfejl as e:
        return set(), {str(f) for f in e.fund}


def _tjek_fund(mappe):
    """Alle tjeks fund, og dem, der er inputfejl (beregn stopper ved dem)."""
    alle = tjek([mappe]).fund
    return {str(f) for f in alle}, {str(f) for f in alle if f.alvor == INPUTFEJL}


@pytest.mark.parametrize("fil, gammel, ny", [
    ("2024.toml", "tilbud = 251", "tilbud = -3"),  # budgetåret selv
    ("2023.toml", "plejefamilier = 930", "plejefamilier = 9.5"),  # året før
    ("pl-indeks.toml", "2024 = 104.45", "2024 = 3.2"),  # PL-indekset
    ("pl-indeks.toml", "2023 = 100\n", ""),  # et år, indekset mangler
    ("2024.toml", 'kvartal = "2023K2"', 'kvartal = "2022K2"'),  # en advarsel
    ("2023.toml", '"Læsø" = 225', '"Hjørring" = 225'),  # kommunerne skifter mellem årene
])
def test_beregn_og_tjek_siger_det_samme_om_den_samme_fil(mappe, fil, gammel, ny):
    ret(mappe / fil, gammel, ny)
    advarsler, fejl = _beregn_fund(mappe)
    tjek_alle, tjek_fejl = _tjek_fund(mappe)
    assert advarsler or fejl  # ændringen giver noget at sige
    assert advarsler <= tjek_alle  # hver advarsel før beregn's tal er et fund i tjek
    assert fejl <= tjek_fejl  # hver fejl, beregn stopper ved, er en inputfejl i tjek


def test_scenarie_og_foelsomhed_gaar_samme_vej_og_melder_det_samme_som_beregn(mappe):
    """Et fund om året før (kommunerne skifter) gør også scenariets og følsomhedens tal
    tvivlsomme; de tre kommandoer går ad ``aaret`` og melder de samme fund."""
    from tilsynstakst.aaret.gennemloeb import beregn_foelsomhed, beregn_scenarie
    from tilsynstakst.budgetfil.scenarie import laes_saet, saml

    ret(mappe / "2023.toml", '"Læsø" = 225', '"Hjørring" = 225')
    ret(mappe / "2024.toml", 'kvartal = "2023K2"', 'kvartal = "2022K2"')
    advarsler = {str(f) for f in beregn(mappe, 2024, "stoerste-rest").fund}
    assert len(advarsler) == 4  # kvartalet, kommunerne skifter, Hjørring udenfor, Læsø mangler
    scenarie = saml([], laes_saet("normtimer.tilsyn=66"))
    assert {str(f) for f in beregn_scenarie(mappe, 2024, "stoerste-rest", scenarie)[1]} == advarsler
    assert {str(f) for f in beregn_foelsomhed(mappe, 2024, "stoerste-rest")[1]} == advarsler
