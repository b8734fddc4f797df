"""Hvert tal i ``beregn --format json`` forklares ned til budgetfilen (issue 20, punkt 3 og 5).

For 2023, 2024, eksemplet med budgettets opbygning og to testmapper (uden BPA; skærpet tilsyn
af den uafrundede takst) gås hvert tal igennem, som ``forklar`` gør
det (samme beregning med sporet tændt, samme ``forklaring.forklar``): tallet har et trin i
sporet; hvert led findes; hver gren ender i en linje i en fil (fil:linje) eller i en navngiven
regel (en konstant som vægtene 1 : 1,2 : 2 : 3, eller en afrundingsmetode); og hver formel giver,
regnet igen med leddenes tal, det tal, trinnet viser. Så kan sporet ikke glide fra beregningen.
"""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from tilsynstakst.aaret import gennemloeb
from tilsynstakst.beregning.afrunding import afrund_decimaler
from tilsynstakst.beregning.forklaring import forklar as forklaringslinjer
from tilsynstakst.beregning.forklaring import tal_i_data
from tilsynstakst.beregning.spor import KONSTANT, REGEL, Spor, optag, regn, udregn, fra_fil
from tilsynstakst.beregning.aarsresultat import OpbygningIAlt
from tilsynstakst.budgetfil.laes import Linjer
from tilsynstakst.visning.render.jsonformat import som_data
from tilsynstakst.visning.tabeller import opbygningstabel

ROD = Path(__file__).resolve().parent.parent
AAR = {"2023": (ROD / "budgets", 2023), "2024": (ROD / "budgets", 2024),
       "opbygning": (ROD / "eksempler" / "opbygning", 2024),
       # testdata: et tilsyn uden BPA, og skærpet tilsyn af den uafrundede takst (issue 22)
       "kun_tilbud": (ROD / "tests" / "data" / "kun_tilbud", 2024),
       "skaerpet_uafrundet": (ROD / "tests" / "data" / "skaerpet_uafrundet", 2023),
       # de leverede filer for to andre socialtilsyn, af landsoversigten
       "midt": (ROD / "andre" / "midt", 2023), "hovedstaden": (ROD / "andre" / "hovedstaden", 2023)}


def _spor(navn: str) -> tuple[Spor, dict[str, object], gennemloeb.Beregning]:
    mappe, aar = AAR[navn]
    with optag() as spor:
        b = gennemloeb.beregn(mappe, aar, "stoerste-rest")
    return spor, dict(tal_i_data(som_data(b.rapport))), b


@pytest.fixture(scope="module", params=sorted(AAR))
def aaret(request):
    return request.param, *_spor(request.param)


def _rammer(vaerdi: object, spor_vaerdi: object) -> bool:
    """Sporets tal er JSON-tallet, med JSON-tallets decimaler (timer i alt vises med 2)."""
    if isinstance(vaerdi, Decimal) and isinstance(spor_vaerdi, Fraction):
        return afrund_decimaler(spor_vaerdi, max(0, -vaerdi.as_tuple().exponent)) == vaerdi
    return spor_vaerdi == vaerdi


def _regnes_igen(spor: Spor, k: str) -> bool:
    """Formlen med leddenes viste tal (eller deres eksakte, fx PL-faktoren) giver trinnets tal."""
    t = spor.trin[k]
    maal = t.uafrundet if t.uafrundet is not None else t.vaerdi
    led = [spor.trin[d] for d in t.led]
    for vaerdier in ([d.vaerdi for d in led],
                     [d.uafrundet if d.uafrundet is not None else d.vaerdi for d in led]):
        if udregn(t.formel, tuple(vaerdier)) == maal:  # type: ignore[arg-type]
            return True
    return False


def daekning(spor: Spor, data: dict[str, object], linje) -> tuple[dict[str, set[str]], list[str]]:
    """Pr. tal de blade, det forklares ned til ("fil" og/eller "regel"), og hvert brud."""
    brud: list[str] = []
    blade: dict[str, set[str]] = {}
    husk: dict[str, set[str]] = {}

    def gaa(k: str, sti: tuple[str, ...]) -> set[str]:
        if k in husk:
            return husk[k]
        t = spor.trin[k]
        if t.fil:
            husk[k] = {"fil"} if linje(Path(t.fil), t.filnoegle or "") else set()
            if not husk[k]:
                brud.append(f"{sti[0]}: {k} har ingen linje i {t.fil}")
            return husk[k]
        if not t.led:
            if t.art in (KONSTANT, REGEL) and t.regel and not t.formel:
                husk[k] = {"regel"}
            else:
                husk[k] = set()
                brud.append(f"{sti[0]}: {k} er et blad uden fil og uden navngiven regel")
            return husk[k]
        ud: set[str] = set()
        for d in t.led:
            if d not in spor.trin:
                brud.append(f"{sti[0]}: {k} har leddet {d}, der ikke er i sporet")
            else:
                ud |= gaa(d, sti + (d,))
        if t.formel and t.vaerdi is not None and not _regnes_igen(spor, k):
            brud.append(f"{sti[0]}: {k}: formlen {t.formel} giver ikke {t.vaerdi}")
        husk[k] = ud
        return ud

    for k, v in data.items():
        if k not in spor.trin:
            brud.append(f"{k}: intet spor (forklar: 'vises, som det er')")
            continue
        if not _rammer(v, spor.trin[k].vaerdi):
            brud.append(f"{k}: JSON {v}, sporet {spor.trin[k].vaerdi}")
        blade[k] = gaa(k, (k,))
    return blade, brud


def test_hvert_tal_forklares_ned_til_en_fillinje_eller_en_regel(aaret):
    navn, spor, data, _ = aaret
    linjer = Linjer()
    blade, brud = daekning(spor, data, lambda sti, k: linjer(sti, *k.split(".")))
    assert brud == []
    assert all(blade.values())  # hver gren ender et sted: ingen forklaring uden bund
    assert len(data) > (50 if navn == "skaerpet_uafrundet" else 100)  # et år alene: færre


def test_forklaringen_af_hvert_tal_kan_vises(aaret):
    """``forklar`` selv (teksten) for hvert tal: regnestykket kan sættes op, og den siger, hvor
    tallene kommer fra (fil:linje) eller hvilken regel."""
    navn, spor, data, b = aaret
    linjer = Linjer()
    for k in data:
        tekst = forklaringslinjer(spor, k, lambda sti, n: linjer(sti, *n.split(".")), {})
        assert any((" fra " in l and l.removesuffix(" (kalibreret)")[-1].isdigit()) or "README" in l
                   or "§" in l for l in tekst), (k, tekst)


@pytest.mark.parametrize("navn", sorted(AAR))
def test_forklar_som_kommandoen_kalder_den_har_de_samme_noegler_og_en_fillinje(navn):
    """Kommandoens ``forklar`` (``aaret.gennemloeb.forklar``): nøglelisten er de tal, der prøves
    ovenfor, og issue 20's eksempel ender i en fil og en linje, ikke i "vises, som det er"."""
    mappe, aar = AAR[navn]
    alle = gennemloeb.forklar(mappe, aar, "stoerste-rest", None)
    _, data, _ = _spor(navn)
    assert len(alle.linjer) == len(data)
    eksempel = gennemloeb.forklar(mappe, aar, "stoerste-rest", "budgetaar.pr_takstgruppe.tilbud.0")
    assert "vises, som det er" not in "\n".join(eksempel.linjer)
    assert eksempel.linjer[-1].split(" fra ")[1].split(":")[1].split()[0].isdigit()


def test_regn_regner_formlen_som_den_vises_og_noterer_den():
    with optag() as spor:
        a, b = fra_fil("x", Decimal(7)), fra_fil("y", 2)
        t = regn("t", "t", "{0} ÷ {1} × 100", a, b, afrund=lambda x: afrund_decimaler(x, 1))
        s = regn("s", "s", "{0} + {1} × {1} − 10 %", a, b)
    assert t.vaerdi == Decimal("350.0") and spor.trin["t"].uafrundet == 350
    assert s.vaerdi == Fraction(109, 10)  # forrang: × før + og −; 10 % er 1/10
    assert spor.trin["t"].led == (":x", ":y") and spor.trin["t"].formel == "{0} ÷ {1} × 100"
    assert regn("", "u", "{0} + {1}", a, b).vaerdi == 9  # Decimal + int forbliver Decimal
    assert not isinstance(regn("", "u", "{0} × {1}", a, b).vaerdi, float)


def test_opbygningens_summer_er_resultatets_og_i_json():
    """Tabellen "Budgettets opbygning" viser summerne fra resultatet (issue 20, punkt 5), og de
    står i JSON under ``opbygning_i_alt``, så ``forklar`` kan forklare dem."""
    _, data, b = _spor("opbygning")
    r = b.rapport
    i_alt = r.budgetaar.opbygning_i_alt
    assert data["budgetaar.opbygning_i_alt.finansieret"] == i_alt.finansieret == \
        r.budgetaar.budget["samlet"]
    assert data["budgetaar.opbygning_i_alt.overfoert"] == i_alt.overfoert == \
        r.budgetaar.overfoert_resultat
    # Visningen lægger ikke selv sammen: den viser resultatets tal, hvad de end er.
    andet = replace(r, budgetaar=replace(r.budgetaar, opbygning_i_alt=OpbygningIAlt(
        overfoert=Decimal(7), finansieret=Decimal(11))))
    raekker = dict(opbygningstabel(andet).raekker)
    assert raekker["Finansieret budget"][-1].vaerdi == 11
    assert raekker["Overført overskud fra regnskab 2022"][-1].vaerdi == -7
