"""Alle tabellers tal som én ryddelig CSV til scripts og dansk Excel.

Kolonnerne er tabel; række; kolonne; værdi; enhed. Semikolon som skilletegn og decimalkomma uden
tusindtalsadskiller (3,8 og 6294349), UTF-8 med BOM: så åbner dansk Excel filen med æ, ø, å og
med tallene som tal. Tekst, der kunne blive en formel, gøres uskadelig (``celler.uskadelig``).
"""

import csv
import io
from decimal import Decimal

from tilsynstakst.visning.render.celler import uskadelig
from tilsynstakst.visning.tabeller import Visning

KOLONNER = ("tabel", "række", "kolonne", "værdi", "enhed")


def csv_tal(x: Decimal | int) -> str:
    """Et tal, som dansk Excel læser det: decimalkomma, ingen tusindtalsadskiller."""
    return format(Decimal(x), "f").replace(".", ",")


def visning_csv(v: Visning) -> bytes:
    ud = io.StringIO()
    skriver = csv.writer(ud, delimiter=";", lineterminator="\r\n")
    skriver.writerow(KOLONNER)
    for t in v.tabeller:
        for navn, celler in t.raekker:
            for kolonne, c in zip(t.kolonner[1:], celler):
                if c.vaerdi is not None:
                    skriver.writerow([uskadelig(t.titel), uskadelig(navn), uskadelig(kolonne),
                                      csv_tal(c.vaerdi), c.enhed])
    return ud.getvalue().encode("utf-8-sig")
