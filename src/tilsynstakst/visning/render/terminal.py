"""Notatets tabeller som tekst til terminalen, med dansk talformat, i enhver bredde fra 80 tegn.

Intet tal og intet navn bliver skåret af eller afkortet med "…". En tabel, der er for bred,
lægges om i denne rækkefølge, og den første opstilling, der kan være i bredden, vises:

1. kolonneoverskrifterne på én linje, derefter på to, tre og fire linjer (brudt ved mellemrum
   eller efter en bindestreg i et sammensat ord, aldrig inde i et ord eller et tal);
2. én tabel pr. kolonnegruppe, hvor tabellen har grupper (ét år ad gangen i den objektive
   finansiering), hver med rækkernes navne;
3. rækkernes navne brudt ved mellemrum, ellers kolonnerne delt, med mindst to i hver del;
4. én blok pr. række ("kolonne: værdi"), som altid kan være der.

Tabellerne sættes her som ren tekst (navne til venstre, tal til højre, tre mellemrum mellem
kolonnerne, en streg under overskrifterne), uden rich: opstillingen er vores egen, og rich's
indlæsning og måling kostede en tredjedel af ``beregn``s tid (issue 11, punkt 6). Her vælges kun
en opstilling af tal, der allerede står i tabellen; der regnes ikke.
"""

import re
import unicodedata
from dataclasses import dataclass

from tilsynstakst.fund import synlig
from tilsynstakst.visning.render.celler import celletekst
from tilsynstakst.visning.render.prosa import FAST, afsnit, fed_tekst
from tilsynstakst.visning.tabeller import Tabel, Visning

# Et ord på højst to tegn ("i", "(i") hænger sammen med det næste ord, så en linje aldrig
# slutter med "(i"; et sammensat ord kan brydes efter bindestregen ("2024-|priser").
_KORT_ORD = re.compile(r"(?<!\S)(\S{1,2}) (?=\S)")
_BINDESTREG = re.compile(r"(?<=[^\s-]{4}-)(?=[^\W\d_]{4})")
MELLEMRUM = 3  # mellem to kolonner
STREG = "─"  # under overskrifterne; "-" i et tegnsæt uden den (prosa.ASCII)


# Tegn, der altid fylder én celle: latinske bogstaver (også æ, ø, å), tal og tegnsætning til og
# med U+02FF, og tegn som – … × ÷ ≈ Σ, notaterne bruger. Den almindelige tekst måles uden opslag.
_EN_CELLE = re.compile("[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff"
                       "\u2500-\u257f]*")


def bredde(tekst: str) -> int:
    """Tekstens bredde i terminalens celler: et østasiatisk bredt tegn fylder to, et
    kombinerende tegn intet."""
    if _EN_CELLE.fullmatch(tekst):
        return len(tekst)
    return sum(0 if unicodedata.combining(t) else
               2 if unicodedata.east_asian_width(t) in "WF" else 1 for t in tekst)


def _dele(tekst: str) -> list[tuple[str, str]]:
    """(skilletegn før delen, del): overskriftens mindste dele, der ikke må brydes: ord, et kort
    ord med det næste, og dele af et sammensat ord efter bindestregen (skilletegn "")."""
    limet = _KORT_ORD.sub(lambda m: m.group(1) + FAST, tekst)
    dele = []
    for i, ord_ in enumerate(limet.split(" ")):  # ikke split(): den deler ved det faste mellemrum
        for j, d in enumerate(_BINDESTREG.split(ord_)):
            if d:
                dele.append(("" if j or not i else " ", d.replace(FAST, " ")))
    return dele


def enheder(tekst: str) -> list[str]:
    return [d for _, d in _dele(tekst)]


def bryd(tekst: str, maks: int) -> list[str]:
    """Tekst brudt grådigt til linjer af højst ``maks`` tegn (en del, der er bredere, står
    alene på sin linje og afgør bredden)."""
    linjer: list[str] = []
    for skille, d in _dele(tekst):
        if linjer and bredde(linjer[-1] + skille + d) <= maks:
            linjer[-1] += skille + d
        else:
            linjer.append(d)
    return linjer or [""]


def overskrift(tekst: str, celler: int, linjer: int) -> list[str]:
    """Den smalleste opsætning af en kolonneoverskrift på højst ``linjer`` linjer, der er
    mindst så bred som kolonnens tal (``celler``)."""
    maks = max(celler, max(map(bredde, enheder(tekst)), default=0))
    while len(bryd(tekst, maks)) > linjer:
        maks += 1
    return bryd(tekst, maks)


@dataclass(frozen=True)
class Opsat:
    """En tabel sat i tekst: overskriftens linjer pr. kolonne, kolonnebredder og rækkerne."""

    overskrifter: list[list[str]]
    bredder: list[int]
    raekker: list[list[str]]
    navne_brydes: bool

    @property
    def bredde(self) -> int:
        return sum(self.bredder) + MELLEMRUM * (len(self.bredder) - 1)


def _celler(t: Tabel) -> list[list[str]]:
    """Rækkens navn og dens tal som tekst; tekst fra en fil vises med sine styretegn som koder."""
    return [[synlig(navn)] + [celletekst(c) for c in celler] for navn, celler in t.raekker]


def saet(t: Tabel, celler: list[list[str]], kolonner: list[int], linjer: int,
         navnebredde: int | None = None) -> Opsat:
    """Rækkernes navne og de valgte værdikolonner (indeks fra 1) af ``celler`` (``_celler``),
    med overskrifter på højst ``linjer`` linjer; navnene brudt ved mellemrum til
    ``navnebredde``, hvis den er givet (dog aldrig smallere end det længste ord)."""
    raekker = [[r[0]] + [r[k] if len(r) > k else "" for k in kolonner] for r in celler]
    overskrifter = [[synlig(t.kolonner[0])]]
    for i, k in enumerate(kolonner, start=1):
        overskrifter.append(overskrift(synlig(t.kolonner[k]),
                                       max((bredde(r[i]) for r in raekker), default=0), linjer))
    navne = [r[0] for r in raekker] + overskrifter[0]
    hele = max(map(bredde, navne))
    if navnebredde is not None:
        ord_ = max(bredde(o) for n in navne for o in n.split() or [""])
        hele = min(hele, max(ord_, navnebredde))
    bredder = [hele] + [max([bredde(r[i]) for r in raekker] + list(map(bredde, o)))
                        for i, o in enumerate(overskrifter[1:], start=1)]
    return Opsat(overskrifter, bredder, raekker, navnebredde is not None)


def _grupper(t: Tabel) -> list[list[int]]:
    """Værdikolonnerne i tabellens grupper (fx ét år); en tabel uden grupper deles ikke, for
    kolonner, der sammenlignes (grundlag og scenarie), skal stå side om side."""
    grupper, start = [], 1
    for s in t.grupper:
        grupper.append(list(range(start, start + s)))
        start += s
    return grupper


def opstilling(t: Tabel, maks: int) -> list[tuple[str, Opsat | None]]:
    """Tabellen som en eller flere opsatte tabeller med titler, der kan være i ``maks`` tegn;
    ``None`` i stedet for en tabel: vis rækkerne som blokke (se modulets trin 4)."""
    alle = list(range(1, len(t.kolonner)))
    celler = _celler(t)  # én gang; hver opstilling nedenfor vælger blot blandt dem
    for linjer in (1, 2, 3, 4):  # trin 1
        if (opsat := saet(t, celler, alle, linjer)).bredde <= maks:
            return [(t.titel, opsat)]
    if len(t.grupper) > 1 and (delt := _delt(t, celler, _grupper(t), maks)):  # trin 2
        return delt
    smal = saet(t, celler, alle, 4, 0)  # trin 3: navnene så smalle som deres længste ord
    if smal.bredde <= maks:
        return [(t.titel, saet(t, celler, alle, 4, maks - (smal.bredde - smal.bredder[0])))]
    # Trin 3b: delt kolonne for kolonne, men kun med mindst to tal i hver del (en tabel med én
    # kolonne ad gangen læses bedre som blokke).
    delt = _delt(t, celler, [[k] for k in alle], maks)
    if delt and all(len(o.bredder) > 2 for _, o in delt if o):
        return delt
    return [(t.titel, None)]


def _delt(t: Tabel, celler: list[list[str]], grupper: list[list[int]],
          maks: int) -> list[tuple[str, Opsat | None]]:
    """Så mange grupper pr. tabel, som der er plads til, hver med rækkernes navne; tom, hvis en
    gruppe ikke kan være der alene."""
    dele: list[list[int]] = []
    for g in grupper:
        if dele and saet(t, celler, dele[-1] + g, 4).bredde <= maks:
            dele[-1] += g
        else:
            dele.append(list(g))
    opsatte = [saet(t, celler, d, 4) for d in dele]
    if any(o.bredde > maks for o in opsatte):
        return []
    return [(t.titel if i == 0 else f"{t.titel} (fortsat)", o) for i, o in enumerate(opsatte)]


def _linje(felter: list[str], bredder: list[int]) -> str:
    """Første felt venstrestillet, resten højrestillet; ingen mellemrum til sidst."""
    dele = [felter[0] + " " * (bredder[0] - bredde(felter[0]))]
    dele += [" " * (b - bredde(f)) + f for f, b in zip(felter[1:], bredder[1:])]
    return (" " * MELLEMRUM).join(dele).rstrip()


def tabeltekst(o: Opsat, fed: bool = False) -> list[str]:
    """Overskrifterne (nederst justeret), en streg, og rækkerne; et navn, der brydes, fortsætter
    på næste linje med tomme talfelter."""
    hoejde = max(map(len, o.overskrifter))
    linjer = []
    for i in range(hoejde):
        felter = [(o.overskrifter[k][i - hoejde + len(o.overskrifter[k])]
                   if i >= hoejde - len(o.overskrifter[k]) else "")
                  for k in range(len(o.bredder))]
        linjer.append(fed_tekst(_linje(felter, o.bredder), fed))
    linjer.append(STREG * o.bredde)
    for r in o.raekker:
        navn = afsnit(r[0], o.bredder[0]).split("\n") if o.navne_brydes else [r[0]]
        linjer.append(_linje([navn[0]] + r[1:], o.bredder))
        linjer += [_linje([n] + [""] * (len(r) - 1), o.bredder) for n in navn[1:]]
    return linjer


def _blokke(t: Tabel, maks: int) -> list[str]:
    """Trin 4: hver række som en blok, hvert tal indrykket med sin kolonne foran (på samme linje
    som tallet); en tom celle udelades."""
    linjer = []
    for navn, *tal in _celler(t):
        linjer.append(afsnit(navn, maks))
        for k, v in enumerate(tal, start=1):
            if v:
                linjer += ["  " + d for d in
                           afsnit(f"{t.kolonner[k]}:{FAST}{v}", maks - 2).split("\n")]
    return linjer


def tabel_linjer(t: Tabel, maks: int, fed: bool = False) -> list[str]:
    if len(t.kolonner) == 1:  # en tabel af tekst (fx hvornår taksterne opkræves): som afsnit
        return ["", fed_tekst(afsnit(t.titel, maks), fed)] + [afsnit(n, maks) for n, _ in t.raekker]
    linjer = []
    for titel, opsat in opstilling(t, maks):
        linjer += ["", fed_tekst(afsnit(titel, maks), fed)]
        linjer += _blokke(t, maks) if opsat is None else tabeltekst(opsat, fed)
    if t.note:
        linjer.append(afsnit(t.note, maks))
    return linjer


def tekst(v: Visning, maks: int, fed: bool = False) -> str:
    """Visningen som tekst i højst ``maks`` tegns bredde; ``fed``: titler og overskrifter med
    terminalens fede skrift (kun på en terminal, der forstår det)."""
    # Tekst fra filerne (tilsynets navn, et scenaries beskrivelse) vises med styretegn som koder.
    linjer = [fed_tekst(afsnit(v.titel + (f" {v.tillaeg}" if v.tillaeg else ""), maks), fed)]
    linjer += [afsnit(linje, maks) for linje in v.indledning]
    for t in v.tabeller:
        linjer += tabel_linjer(t, maks, fed)
    return "\n".join(linjer) + "\n"
