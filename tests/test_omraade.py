"""De fem socialtilsyn og deres områder (socialtilsynsloven § 2, stk. 2-3; issue 22, punkt 1).

Områderne er tastet fra loven, som landsoversigten gengiver den (docs/kilder.md): hvert tilsyn har
sin regions kommuner, undtagen værtskommunen, der har et andet tilsyn: Hjørring (vært for Nord)
hører til Øst, Silkeborg (Midt) til Nord, Faaborg-Midtfyn (Syd) til Midt, Holbæk (Øst) til
Hovedstaden og Frederiksberg (Hovedstaden) til Syd. Navnene i en budgetfil prøves gennem den
rigtige indgang: et ukendt navn er en fejl (kode 2), en kommune uden for området og en af
områdets, der mangler, er advarsler.
"""

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ROD, ret
from tilsynstakst.budgetfil.jsonskema import skema
from tilsynstakst.budgetfil.kommuner import (ANDRE_NAVNE, KOMMUNEKODER, OMRAADER, Tilsyn,
                                             kommunekode, omraade, tilsyn_for)
from tilsynstakst.budgetfil.laes import laes_budget
from tilsynstakst.cli.app import app
from tilsynstakst.fund import ADVARSEL
from tilsynstakst.kontrol.omraade import kommuner_i_omraadet

runner = CliRunner()
GYLDIG = ROD / "tests" / "korpus" / "gyldig.toml"
FOLK1A = ROD / "tests" / "data" / "folk1a"
NORD, MIDT, SYD, OEST, HOVEDSTADEN = Tilsyn

# Socialtilsyn Midts område: Region Midtjyllands 19 kommuner uden Silkeborg, og Faaborg-Midtfyn.
MIDTS_19 = ("Horsens", "Herning", "Holstebro", "Lemvig", "Struer", "Syddjurs", "Norddjurs",
            "Favrskov", "Odder", "Randers", "Samsø", "Skanderborg", "Aarhus", "Ikast-Brande",
            "Ringkøbing-Skjern", "Hedensted", "Skive", "Viborg", "Faaborg-Midtfyn")


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def budgetfil(mappe: Path, tilsyn: str, kommuner: dict[str, int] | tuple[str, ...]) -> Path:
    """``mappe/2024.toml``: korpussets gyldige fil for ``tilsyn`` med ``kommuner`` (navn → antal
    0-17-årige, eller navne med 1000 hver)."""
    if isinstance(kommuner, tuple):
        kommuner = dict.fromkeys(kommuner, 1000)
    tekst = GYLDIG.read_text(encoding="utf-8").replace('tilsyn = "Socialtilsyn Nord"',
                                                       f'tilsyn = "{tilsyn}"')
    if tilsyn != "Socialtilsyn Nord":  # kun Nord har BPA (en advarsel ellers, test_uden_bpa)
        tekst = "".join(l for l in tekst.splitlines(True) if not l.startswith("bpa_"))
    tekst = tekst[:tekst.index("[befolkning.kommuner]")] + "[befolkning.kommuner]\n" + "".join(
        f'"{navn}" = {antal}\n' for navn, antal in kommuner.items())
    mappe.mkdir(parents=True, exist_ok=True)
    (mappe / "2024.toml").write_text(tekst, encoding="utf-8")
    return mappe / "2024.toml"


def linje_med(fil: Path, navn: str) -> int:
    """Linjen, hvor ``navn`` (en kommune i anførselstegn eller en tabel) står først."""
    return next(i for i, x in enumerate(fil.read_text(encoding="utf-8").split("\n"), 1)
                if x.startswith((f'"{navn}"', navn)))


# --- Områderne -------------------------------------------------------------------------------

def test_de_fem_tilsyn_i_oversigtens_orden():
    assert [t.value for t in Tilsyn] == ["Socialtilsyn Nord", "Socialtilsyn Midt",
                                         "Socialtilsyn Syd", "Socialtilsyn Øst",
                                         "Socialtilsyn Hovedstaden"]


def test_de_fem_omraader_deler_de_98_kommuner():
    alle = [kommunekode(n) for t in Tilsyn for n in omraade(t)]
    assert len(alle) == 98 and set(alle) == set(KOMMUNEKODER.values())
    assert {t: len(omraade(t)) for t in Tilsyn} == {NORD: 11, MIDT: 19, SYD: 22, OEST: 17,
                                                    HOVEDSTADEN: 29}
    for navn in [*KOMMUNEKODER, *ANDRE_NAVNE]:
        assert [t for t in Tilsyn if kommunekode(navn) in map(kommunekode, omraade(t))] == \
            [tilsyn_for(navn)]


def test_vaertskommunerne_hoerer_til_et_andet_tilsyn():
    """Socialtilsynsloven § 2, stk. 3, som issue 22 og landsoversigten gengiver den."""
    vaert = {t: (r.vaertskommune, r.vaertskommunens_tilsyn) for t, r in OMRAADER.items()}
    assert vaert == {NORD: ("Hjørring", OEST), MIDT: ("Silkeborg", NORD),
                     SYD: ("Faaborg-Midtfyn", MIDT), OEST: ("Holbæk", HOVEDSTADEN),
                     HOVEDSTADEN: ("Frederiksberg", SYD)}
    for kommune, tilsyn in vaert.values():
        assert tilsyn_for(kommune) == tilsyn


def test_nords_omraade_er_de_elleve_kommuner_i_budgetfilerne():
    for aar in (2022, 2023, 2024):
        i_filen = laes_budget(BUDGETS / f"{aar}.toml").befolkning.kommuner
        assert {kommunekode(n) for n in i_filen} == {kommunekode(n) for n in omraade(NORD)}
    assert "Vesthimmerlands" in omraade(NORD) and tilsyn_for("Vesthimmerland") == NORD


def test_midt_har_faaborg_midtfyn_og_hovedstaden_holbaek():
    assert omraade(MIDT) == MIDTS_19
    assert "Faaborg-Midtfyn" in omraade(MIDT) and "Silkeborg" not in omraade(MIDT)
    assert "Holbæk" in omraade(HOVEDSTADEN) and "Frederiksberg" not in omraade(HOVEDSTADEN)
    assert "Frederiksberg" in omraade(SYD) and "Hjørring" in omraade(OEST)


@settings(max_examples=60, deadline=None)
@given(tilsyn=st.sampled_from(list(Tilsyn)),
       navne=st.sets(st.sampled_from(sorted(KOMMUNEKODER)), min_size=1, max_size=98))
def test_kontrollen_melder_hver_kommune_udenfor_og_dem_der_mangler(tilsyn, navne):
    """For ethvert tilsyn og enhver mængde kommuner: én advarsel pr. kommune uden for området, der
    nævner det tilsyn, den hører til, og én advarsel, der nævner hver manglende, i områdets
    orden; ingen advarsel, når filen har præcis området."""
    b = laes_budget(BUDGETS / "2024.toml")
    b = b.model_copy(update={"tilsyn": tilsyn, "befolkning": b.befolkning.model_copy(
        update={"kommuner": dict.fromkeys(sorted(navne), 1)})})
    fund = kommuner_i_omraadet(Path("x/2024.toml"), b, lambda *_: None)
    assert all(f.alvor == ADVARSEL for f in fund)
    udenfor = [f for f in fund if f.noegle != "befolkning.kommuner"]
    assert [f.noegle for f in udenfor] == [f"befolkning.kommuner.{n}" for n in sorted(navne)
                                           if tilsyn_for(n) != tilsyn]
    for f in udenfor:
        navn = f.noegle.rsplit(".", 1)[1]
        assert f.besked.startswith(f"{navn} hører til {tilsyn_for(navn)} (socialtilsynsloven § 2")
    mangler = [n for n in omraade(tilsyn) if n not in navne]
    [*manglende] = [f for f in fund if f.noegle == "befolkning.kommuner"]
    assert len(manglende) == (1 if mangler else 0)
    if mangler:
        assert f"{len(mangler)} mangler: {', '.join(mangler)};" in manglende[0].besked


# --- Tilsynet er et af de fem ------------------------------------------------------------------

@pytest.mark.parametrize("navn, forslag", [("Socialtilsyn Midtjylland", "Socialtilsyn Midt"),
                                           ("Nord", "Socialtilsyn Nord"),
                                           ("socialtilsyn øst", "Socialtilsyn Øst"),
                                           # et tastatur uden ø (issue 22, brugerprøven)
                                           ("Socialtilsyn Oest", "Socialtilsyn Øst"),
                                           ("Socialtilsyn Test", None)])
def test_et_tilsyn_der_ikke_er_et_af_de_fem_afvises(tmp_path, navn, forslag):
    fil = budgetfil(tmp_path, navn, MIDTS_19)
    mente = f"; mente du {forslag}?" if forslag else ""
    besked = (f"{fil}:3: tilsyn: skal være et af de fem socialtilsyn (Socialtilsyn Nord, "
              "Socialtilsyn Midt, Socialtilsyn Syd, Socialtilsyn Øst, Socialtilsyn "
              f"Hovedstaden), fik '{navn}'{mente}")
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 2 and r.stderr == f"Fejl: {besked}\n"
    r = kør("tjek", tmp_path)
    assert r.exit_code == 2 and f"inputfejl {besked}\n" in r.stdout


# --- Navnene i [befolkning.kommuner] ---------------------------------------------------------

def test_et_ukendt_kommunenavn_er_en_fejl_med_linje_og_mente_du(mappe):
    fil = mappe / "2024.toml"
    ret(fil, '"Rebild" = 7317', '"Aarhuss" = 7317\n"Viborg Kommune" = 1\n"Atlantis" = 2')
    r = kør("beregn", 2024, "-b", mappe)
    assert r.exit_code == 2
    kendt = "skal være en af Danmarks 98 kommuner, stavet som hos Danmarks Statistik"
    assert r.stderr.splitlines() == [
        f"Fejl: {fil}:{linje_med(fil, 'Aarhuss')}: befolkning.kommuner.Aarhuss: {kendt}, fik "
        "'Aarhuss'; mente du Aarhus?",
        f"Fejl: {fil}:{linje_med(fil, 'Viborg Kommune')}: befolkning.kommuner.Viborg Kommune: "
        f"{kendt}, fik 'Viborg Kommune'; mente du Viborg?",
        f"Fejl: {fil}:{linje_med(fil, 'Atlantis')}: befolkning.kommuner.Atlantis: {kendt}, "
        "fik 'Atlantis'"]
    r = kør("tjek", mappe, "--streng")
    assert r.exit_code == 2 and r.stdout.count("skal være en af Danmarks 98 kommuner") == 3


def test_et_ukendt_navn_i_saet_og_blandt_de_offentliggjorte_tal(mappe):
    r = kør("beregn", 2024, "-b", mappe, "--saet", "befolkning.kommuner.Aarhuss=1")
    assert r.exit_code == 2 and r.stderr == (
        "Fejl: --saet: befolkning.kommuner.Aarhuss: skal være en af Danmarks 98 kommuner, stavet "
        "som hos Danmarks Statistik, fik 'Aarhuss'; mente du Aarhus?\n")
    r = kør("beregn", 2024, "-b", mappe, "--saet", "befolkning.kommuner.Hjørring=1")
    assert r.exit_code == 2 and r.stderr == (
        f"Fejl: --saet: befolkning.kommuner.Hjørring: nøglen findes ikke i {mappe / '2024.toml'}; "
        "et scenarie ændrer kun filens egne kommuner (Hjørring hører til Socialtilsyn Øst)\n")
    ret(mappe / "2024.toml", "[offentliggjort.finansiering.Rebild]",
        "[offentliggjort.finansiering.Rebilt]")
    r = kør("tjek", mappe)
    assert r.exit_code == 2 and "offentliggjort.finansiering.Rebilt: skal være en af Danmarks 98 " \
        "kommuner, stavet som hos Danmarks Statistik, fik 'Rebilt'; mente du Rebild?" in r.stdout


def test_notatets_stavemaade_og_danmarks_statistiks_godtages(tmp_path):
    for navn in ("Vesthimmerland", "Vesthimmerlands"):
        kommuner = tuple(navn if n == "Vesthimmerlands" else n for n in omraade(NORD))
        budgetfil(tmp_path, "Socialtilsyn Nord", kommuner)
        r = kør("tjek", tmp_path, "--streng")
        assert r.exit_code == 0 and "advarsel" not in r.stdout, r.stdout


def test_en_midt_fil_med_sine_19_kommuner_giver_intet_fund(tmp_path):
    budgetfil(tmp_path, "Socialtilsyn Midt", MIDTS_19)
    r = kør("tjek", tmp_path, "--streng")
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == f"{tmp_path / '2024.toml'}  ✓ gyldig"
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 0 and r.stderr == "" and "Socialtilsyn Midt – Budget 2024" in r.stdout


def test_de_leverede_filer_giver_intet_fund_om_omraadet():
    r = kør("tjek", BUDGETS, "--format", "json")
    assert r.exit_code == 0
    noegler = [f["key"] or "" for f in json.loads(r.stdout)]
    assert len(noegler) == 7  # notaternes egne fund (README, test_kontrol.py), intet nyt
    assert not [n for n in noegler if n.startswith("befolkning.kommuner")]


def test_en_kommune_udenfor_omraadet_er_en_advarsel_der_naevner_dens_tilsyn(tmp_path):
    fil = budgetfil(tmp_path, "Socialtilsyn Nord", (*omraade(NORD), "Hjørring", "Aarhus"))
    ud = [f"{fil}:{linje_med(fil, 'Hjørring')}: befolkning.kommuner.Hjørring: Hjørring hører "
          "til Socialtilsyn Øst (socialtilsynsloven § 2, stk. 3: værtskommune for Socialtilsyn "
          "Nord), ikke til Socialtilsyn Nords område, og skal ikke betale til dets objektive "
          "finansiering",
          f"{fil}:{linje_med(fil, 'Aarhus')}: befolkning.kommuner.Aarhus: Aarhus hører til "
          "Socialtilsyn Midt (socialtilsynsloven § 2, stk. 2), ikke til Socialtilsyn Nords "
          "område, og skal ikke betale til dets objektive finansiering"]
    r = kør("tjek", tmp_path)
    assert r.exit_code == 0 and [f"  advarsel  {x}" for x in ud] == \
        [x for x in r.stdout.splitlines() if "advarsel " in x]
    assert kør("tjek", tmp_path, "--streng").exit_code == 1
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 0 and r.stderr.splitlines() == [f"Advarsel: {x}" for x in ud]


def test_en_af_omraadets_kommuner_der_mangler_er_en_advarsel_der_naevner_den(tmp_path):
    fil = budgetfil(tmp_path, "Socialtilsyn Midt",
                    tuple(n for n in MIDTS_19 if n not in ("Faaborg-Midtfyn", "Samsø")))
    r = kør("beregn", 2024, "-b", tmp_path)
    assert r.exit_code == 0 and r.stderr == (
        f"Advarsel: {fil}:{linje_med(fil, '[befolkning.kommuner]')}: befolkning.kommuner: "
        "Socialtilsyn Midts område har 19 kommuner (socialtilsynsloven § 2, stk. 2-3), og 2 "
        "mangler: Samsø, Faaborg-Midtfyn; skriv dem under [befolkning.kommuner], eller hent hele "
        f"området med: tilsynstakst befolkning 2024 -b {tmp_path} --hent\n")
    r = kør("tjek", tmp_path, "--streng")
    assert r.exit_code == 1 and "2 mangler: Samsø, Faaborg-Midtfyn" in r.stdout


# --- JSON Schema: editoren kender navnene ------------------------------------------------------

def _fil_som_json(aendring):
    data = tomllib.loads((BUDGETS / "2024.toml").read_text(encoding="utf-8"), parse_float=Decimal)
    aendring(data)
    return json.loads(json.dumps(data, default=float))


@pytest.mark.parametrize("aendring, fejl_i", [
    (lambda d: d["befolkning"]["kommuner"].update(Aarhuss=1), "Aarhuss"),
    (lambda d: d["befolkning"]["kommuner"].update({"Viborg Kommune": 1}), "Viborg Kommune"),
    (lambda d: d.update(tilsyn="Socialtilsyn Test"), "Socialtilsyn Test"),
    (lambda d: d["offentliggjort"]["finansiering"].update(Alborg={}), "Alborg"),
])
def test_skemaet_kender_de_fem_tilsyn_og_de_98_kommuner(aendring, fejl_i):
    validator = jsonschema.Draft202012Validator(skema("budget"))
    fejl = list(validator.iter_errors(_fil_som_json(aendring)))
    assert fejl and all(fejl_i in f.message for f in fejl), [f.message for f in fejl]


def test_skemaet_godtager_notatets_stavemaade_og_alle_fem():
    validator = jsonschema.Draft202012Validator(skema("budget"))
    for tilsyn in Tilsyn:
        validator.validate(_fil_som_json(lambda d: d.update(tilsyn=tilsyn.value)))
    assert "Vesthimmerland" in skema("budget")["$defs"]["Befolkning"]["properties"]["kommuner"][
        "propertyNames"]["enum"]


# --- befolkning: hele området ------------------------------------------------------------------

def test_befolkning_henter_hele_omraadet_til_en_midt_fil(tmp_path):
    """En Midt-fil med to af sine kommuner får alle 19 fra FOLK1A (et eksempel-svar, se
    tests/data/folk1a/README.md), og det siges, hvilke der er tilføjet."""
    fil = budgetfil(tmp_path, "Socialtilsyn Midt", {"Aarhus": 1, "Randers": 1})
    url = kør("befolkning", 2024, "-b", tmp_path, "--url").stdout
    koder = re.search(r"OMR%C3%85DE=([0-9,]+)&", url).group(1).split(",")
    assert koder == ["751", "730"] + [kommunekode(n) for n in MIDTS_19
                                      if n not in ("Aarhus", "Randers")]
    r = kør("befolkning", 2024, "-b", tmp_path, "--fra-csv", FOLK1A / "midt-2023K2-eksempel.csv")
    assert r.exit_code == 0, r.stderr
    tilfoejet = [n for n in MIDTS_19 if n not in ("Aarhus", "Randers")]
    assert (f"Tilføjede {', '.join(tilfoejet)}: Socialtilsyn Midts område (socialtilsynsloven "
            "§ 2, stk. 2-3), som filen manglede.") in r.stdout
    # Eksemplet: kommune nr. i i områdets orden har 18 × (100 + 10 × i) børn.
    assert laes_budget(fil).befolkning.kommuner == {
        n: 18 * (100 + 10 * MIDTS_19.index(n)) for n in ("Aarhus", "Randers", *tilfoejet)}
    r = kør("tjek", tmp_path, "--streng")
    assert r.exit_code == 0, r.stdout


def test_befolkning_beholder_en_kommune_udenfor_omraadet(tmp_path):
    """En kommune uden for området står, som den stod, og hentes med (tjek advarer om den)."""
    budgetfil(tmp_path, "Socialtilsyn Midt", (*MIDTS_19, "Silkeborg"))
    url = kør("befolkning", 2024, "-b", tmp_path, "--url").stdout
    assert "740" in re.search(r"OMR%C3%85DE=([0-9,]+)&", url).group(1).split(",")
    r = kør("befolkning", 2024, "-b", tmp_path, "--fra-csv", FOLK1A / "midt-2023K2-eksempel.csv")
    assert r.exit_code == 2 and "svaret passer ikke med budgetfilens kommuner: mangler Silkeborg" \
        in r.stderr


def test_befolkning_tilfoejer_en_af_omraadets_kommuner_som_filen_mangler(mappe):
    """Nords 2024-fil uden Læsø og Rebild: FOLK1A for 2023K2 (tests/data/folk1a, notatets tal)
    giver dem tilbage efter den sidste kommune, med notatets 218 og 7.317 (Notat Budget 2024,
    s. 3), og tjek afstemmer notatets tal, som da filen var hel."""
    fil = mappe / "2024.toml"
    ret(fil, '"Læsø" = 218\n', "")
    ret(fil, '"Rebild" = 7317\n', "")
    assert "2 mangler: Læsø, Rebild" in kør("tjek", mappe).stdout
    r = kør("befolkning", 2024, "-b", mappe, "--fra-csv", FOLK1A / "nord-2023K2.csv")
    assert r.exit_code == 0
    assert ("Tilføjede Læsø, Rebild: Socialtilsyn Nords område (socialtilsynsloven § 2, stk. "
            "2-3), som filen manglede.") in r.stdout
    tekst = fil.read_text(encoding="utf-8")
    assert '"Aalborg" = 39978\n"Læsø" = 218\n"Rebild" = 7317\n\n# Notatets offentliggjorte' in tekst
    t = kør("tjek", mappe)
    assert t.exit_code == 0 and "befolkning.kommuner" not in t.stdout
    assert "2024.toml  ✓ gyldig; 123 offentliggjorte tal afstemt: 121 ens, 2 afrundingsforskelle" \
        in t.stdout
