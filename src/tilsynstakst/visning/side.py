"""En visning som en side, der kan læses uden for terminalen (HTML og Word): notatets blokke.

Her vælges og ordnes kun tabeller og linjer, ``tabeller`` allerede har lavet; der regnes ikke.
``som_notat`` gør enhver visning (``beregn``, ``scenarie`` …) til blokke, og ``takstside`` er
takstbladet, som tilsynene offentliggør det på en side: taksterne, hvornår de opkræves og
hjemmelen (lov om socialtilsyn § 23, socialtilsynsbekendtgørelsen §§ 32-33).
"""

from dataclasses import replace

from tilsynstakst.beregning.aarsresultat import Rapport
from tilsynstakst.visning.notat import Afsnit, Blok, Notat, Overskrift, Punkter, Tabelblok
from tilsynstakst.visning.tabeller import Tabel, Visning, takstbladvisning

HJEMMEL = ("Hjemmel: lov om socialtilsyn § 23 (tilbuddene betaler takster for godkendelse og "
           "tilsyn) og socialtilsynsbekendtgørelsen §§ 32-33 (taksterne pr. takstgruppe og "
           "tillægget for skærpet tilsyn).")


def tabelblokke(t: Tabel) -> list[Blok]:
    """En tabel som blokke: en tabel med kun tekst (én kolonne, fx hvornår taksterne opkræves)
    er en overskrift og en punktliste, som i Markdown; ellers tabellen med sin egen titel."""
    if len(t.kolonner) == 1:
        return [Overskrift(t.titel, 3), Punkter(tuple(navn for navn, _ in t.raekker))]
    return [Tabelblok(t, nummereret=False)]


def som_notat(v: Visning) -> Notat:
    """Visningen som en side: titlen, de indledende linjer og tabellerne med deres titler."""
    tilsyn = str(v.data.get("tilsyn", ""))
    titel = f"{v.titel} {v.tillaeg}".strip()
    return Notat(titel, (*(Afsnit(linje) for linje in v.indledning),
                         *(b for t in v.tabeller for b in tabelblokke(t))), tilsyn, v.titel)


def takstside(r: Rapport, aaret_foer: bool = True) -> Notat:
    """Takstbladet (``takstbladvisning``) som en side til tilsynets hjemmeside eller til tryk:
    taksterne for tilbud (og med BPA for BPA-virksomheder), med året før ændringen i procent,
    hvornår hver takst opkræves, og hjemmelen til sidst. ``aaret_foer``: også årets før takster
    i budgetårets priser som tabel (hjemmesiden); uden står takstbladet på én A4-side (Word)."""
    v = takstbladvisning(r)
    tabeller = tuple(t for t in v.tabeller if aaret_foer or t.noegle != "takstblad_forrige")
    side = som_notat(replace(v, tabeller=tabeller))
    return Notat(side.titel, (*side.blokke, Afsnit(HJEMMEL)), side.tilsyn, side.egenskabstitel)
