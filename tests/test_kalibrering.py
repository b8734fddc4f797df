"""``tilsynstakst kalibrer AAR`` (issue 22, punkt 4): de kalibrerede værdier i budgetfilerne er
dem, kalibreringens regler giver, og med dem giver modellen hvert offentliggjort tal; et tal, ingen
værdi kan give sammen med de andre, navngives som et slip i kilden.

Tallene fra kilderne er tastet ind her (Notat Budget 2024 – Socialtilsyn Nord s. 3-4, notatet om
Budget 2023 s. 3-4 og landsoversigtens Tabel 2a og 2b), ikke læst af budgetfilerne."""

import json
import re
import shlex
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BUDGETS, ret
from tilsynstakst.budgetfil.model import SkaerpetGrundlag
from tilsynstakst.beregning.kalibrering import (maal, maalinterval, kalibrer,
                                                Maal, Stoerrelse)
from tilsynstakst.beregning.takster import beregn_takster
from tilsynstakst.budgetfil.laes import laes_budget, laes_toml
from tilsynstakst.budgetfil.model import Budget
from tilsynstakst.cli.app import app

runner = CliRunner()

# Oversigtens Tabel 2a (2022 og 2023, alle fire aktiviteter og "Antal tilbud inkl.
# nygodkendelsessager") og 2024-notatet s. 3-4 (kun tilsyn og timepris; antallet er 2023's).
KILDER = {
    2022: {"tilsyn": (37929, 45515, 75859, 113788), "nygodkendelse": (33916, 40700, 67833, 101749),
           "vaesentlig_aendring": (10882, 13058, 21763, 32645), "timepris": 597,
           "tilbud_i_alt": (64, 155, 52, 11)},
    2023: {"tilsyn": (41057, 49269, 82114, 123172), "nygodkendelse": (34677, 41612, 69353, 104030),
           "vaesentlig_aendring": (11072, 13287, 22145, 33217), "timepris": 608,
           "tilbud_i_alt": (53, 146, 49, 10)},
    2024: {"tilsyn": (43852, 52622, 87703, 131555), "timepris": 672,
           "tilbud_i_alt": (53, 146, 49, 10)},
}
# 2024-notatet viser 2023 i 2024-priser (PL 4,45 %): tilsyn og timepris.
SENERE_2023 = {"tilsyn": (42884, 51461, 85768, 128653), "timepris": 635}


def kør(*args):
    return runner.invoke(app, [str(a) for a in args])


def kalibrer_json(*args):
    r = kør("kalibrer", *args, "-f", "json")
    return r.exit_code, json.loads(r.stdout, parse_float=Decimal) if r.stdout else None, r


@pytest.mark.parametrize("aar", [2022, 2023, 2024])
def test_budgetfilernes_kalibrerede_vaerdier_er_reglernes(aar):
    """kalibrer finder de normtimer, filerne har, og filernes antal er kildernes."""
    kode, data, r = kalibrer_json(aar)
    assert kode == 0, r.stdout
    assert data["gengivet"] and not any(m["slip"] for m in data["maal"])
    assert data["vaerdier"], data
    for v in data["vaerdier"]:
        assert v["vaerdi"] == v["i_filen"], v
        assert v["gyldige_fra"] <= v["vaerdi"] <= v["gyldige_til"]
    b = laes_budget(BUDGETS / f"{aar}.toml")
    p = b.antal.pr_takstgruppe
    assert tuple(a + n for a, n in zip(p.tilbud, p.tilbud_nygodkendelser)) == \
        KILDER[aar]["tilbud_i_alt"]
    if aar == 2024:  # 2024-notatet har ingen takster for nygodkendelse og væsentlig ændring
        assert {(x["noegle"], x["grund"]) for x in data["beholdt"]} == {
            ("normtimer.nygodkendelse", "intet_maal"), ("normtimer.vaesentlig_aendring", "intet_maal")}
        b23 = laes_budget(BUDGETS / "2023.toml")
        assert [x["vaerdi"] for x in data["beholdt"]] == [b23.normtimer.nygodkendelse,
                                                          b23.normtimer.vaesentlig_aendring]


def test_hvert_aar_giver_de_offentliggjorte_takster_og_timepriser():
    """Oversigtens Tabel 2a for 2022 og 2023 (alle fire aktiviteter), 2024-notatets tilsyn og
    timepris, og 2024-notatets syn på 2023 i 2024-priser."""
    for aar, kilde in KILDER.items():
        t = beregn_takster(laes_budget(BUDGETS / f"{aar}.toml"))
        assert t.timepris == kilde["timepris"], aar
        for aktivitet in ("tilsyn", "nygodkendelse", "vaesentlig_aendring"):
            if aktivitet in kilde:
                assert getattr(t, aktivitet) == kilde[aktivitet], (aar, aktivitet)
    t = beregn_takster(laes_budget(BUDGETS / "2023.toml"), Fraction("1.0445"))
    assert (t.tilsyn, t.timepris) == (SENERE_2023["tilsyn"], SENERE_2023["timepris"])


def test_kalibrer_viser_vaerdierne_interval_og_linjerne_til_filen():
    r = kør("kalibrer", 2023)
    assert r.exit_code == 0, r.stdout
    linjer = r.stdout.splitlines()
    assert linjer[0] == "Kalibrering af budgets/2023.toml: Socialtilsyn Nord, budget 2023"
    assert re.search(r"^  normtimer\.tilsyn = 67,5395 \(gyldige værdier 67,539\d-67,539\d; som i "
                     r"filen\)$", r.stdout, re.M), r.stdout
    assert "[normtimer]" in linjer
    # Som kommentaren i filen: kalibreret til oversigtens takster for 2023.
    assert "tilsyn = 67.5395               # kalibreret: takst 41.057 / 49.269 / 82.114 / 123.172" \
        in linjer
    assert linjer[-1] == "✓ Kontrol: med filens antal og disse værdier giver omkostningsmodellen alle 22 mål."


def test_linjerne_kan_saettes_ind_i_filen(mappe):
    """En forkert normtime i filen: kalibrer finder den rigtige (og skriver ikke filen), og
    linjen, den viser, sat ind i filen, giver notatets takster igen."""
    fil = mappe / "2024.toml"
    ret(fil, "tilsyn = 65.2536 ", "tilsyn = 60 ")
    foer = fil.read_bytes()
    r = kør("kalibrer", 2024, "-b", mappe)
    assert r.exit_code == 0, r.stdout
    assert fil.read_bytes() == foer
    assert "normtimer.tilsyn = 65,2536 (gyldige værdier" in r.stdout
    assert "; filen har 60)" in r.stdout
    linje = next(x for x in r.stdout.splitlines() if x.startswith("tilsyn = "))
    ret(fil, "tilsyn = 60 ", linje + "\n#")
    t = beregn_takster(laes_budget(fil))
    assert (t.tilsyn, t.timepris) == (KILDER[2024]["tilsyn"], KILDER[2024]["timepris"])
    assert kør("tjek", mappe).exit_code == 0


def test_et_forkert_offentliggjort_tal_navngives_som_slip(mappe):
    fil = mappe / "2023.toml"
    ret(fil, "takstgruppe_3 = { forrige = 67833, budgetaar = 69353 }",
        "takstgruppe_3 = { forrige = 67833, budgetaar = 69364 }")
    r = kør("kalibrer", 2023, "-b", mappe)
    assert r.exit_code == 1, r.stdout
    nr = fil.read_text().splitlines().index(
        "takstgruppe_3 = { forrige = 67833, budgetaar = 69364 }") + 1
    # Tabellen er notatets [offentliggjort] eller oversigtens [oversigt], hvor filen har tallet.
    assert re.search(rf"^  {re.escape(str(fil))}:{nr}: (offentliggjort|oversigt)\.takster\."
                     r"nygodkendelse\.takstgruppe_3\.budgetaar: offentliggjort 69\.364, modellen "
                     r"giver 69\.353$", r.stdout, re.M), r.stdout
    assert "✗ Slip i kilden: 1 offentliggjort tal kan ingen værdier give" in r.stdout
    # Alt andet gengives stadig, og rådet siger, hvordan slippet skrives ind.
    assert "✓ Kontrol: med filens antal og disse værdier giver omkostningsmodellen alle 21 mål, der ikke er " \
           "slip." in r.stdout
    raad = next(x for x in r.stdout.splitlines() if "erkendt.budgetaar" in x).strip()
    assert raad.startswith("takstgruppe_3 = { …, erkendt.budgetaar = { beregnet = ")
    beregnet = re.search(r"beregnet = (\d+)", raad).group(1)
    ret(fil, "budgetaar = 69364 }", "budgetaar = 69364, erkendt.budgetaar = { beregnet = "
        f"{beregnet}, grund = \"test: tallet er ændret\" }} }}")
    assert kør("kalibrer", 2023, "-b", mappe).exit_code == 0


def test_midts_nygodkendelse_2022_i_takstgruppe_3_og_4_er_slip(mappe):
    """Oversigtens Tabel 2b, "Takster 2022", Ny-godkendelse: 27.761 / 33.313 / 55.511 / 83.271.
    Vægtene 1 : 1,2 : 2 : 3 giver takstgruppe 1 og 2 sammen, men ikke 3 og 4. Testdata: Nords
    2022 med Midts fire tal som 2023-filens forrige, og budgettet kalibreret, som hos Midt."""
    ret(mappe / "2023.toml", "takstgruppe_1 = { forrige = 33916", "takstgruppe_1 = { forrige = 27761")
    ret(mappe / "2023.toml", "takstgruppe_2 = { forrige = 40700", "takstgruppe_2 = { forrige = 33313")
    ret(mappe / "2023.toml", "takstgruppe_3 = { forrige = 67833", "takstgruppe_3 = { forrige = 55511")
    ret(mappe / "2023.toml", "takstgruppe_4 = { forrige = 101749",
        "takstgruppe_4 = { forrige = 83271")
    ret(mappe / "2022.toml", 'kalibreret = [\n', 'kalibreret = [\n    "budget.tilbudsafdelingen",\n')
    kode, data, r = kalibrer_json(2022, "-b", mappe)
    assert kode == 1, r.stdout
    slip = {m["noegle"].split(".")[3]: m["model"] for m in data["maal"] if m["slip"]}
    assert set(slip) == {"takstgruppe_3", "takstgruppe_4"}
    # 27.761 og 33.313 / 1,2 giver takstgruppe 1's uafrundede takst i [27.760,5; 27.761,25), så
    # takstgruppe 3 er 55.521-55.522 og 4 er 83.282-83.283, ikke 55.511 og 83.271.
    assert slip["takstgruppe_3"] in (55521, 55522) and slip["takstgruppe_4"] in (83282, 83283)
    assert all(m["gengivet"] for m in data["maal"] if not m["slip"])


def test_uden_timepris_og_budget_beholdes_normtimen_for_tilsyn(mappe):
    """Budgettet og timeprisen er ikke offentliggjort (som hos Midt): taksterne bestemmer kun
    normtimernes forhold, så filens normtimer for tilsyn står, og budgettet følger."""
    fil = mappe / "2023.toml"
    ret(fil, 'kalibreret = [\n', 'kalibreret = [\n    "budget.tilbudsafdelingen",\n')
    ret(fil, "timepris = { forrige = 597, budgetaar = 608 }", "")
    ret(mappe / "2024.toml", "timepris = { forrige = 635, budgetaar = 672, pct = 5.8 }",
        "timepris = { budgetaar = 672 }")
    kode, data, r = kalibrer_json(2023, "-b", mappe)
    assert kode == 0, r.stdout
    assert data["beholdt"] == [{"noegle": "normtimer.tilsyn", "vaerdi": Decimal("67.5395"),
                                "grund": "skala"}]
    budget = next(v for v in data["vaerdier"] if v["noegle"] == "budget.tilbudsafdelingen")
    assert budget["gyldige_fra"] <= 15606523 <= budget["gyldige_til"]  # notatets budget passer
    assert "budget.tilbudsafdelingen" in kør("kalibrer", 2023, "-b", mappe).stdout


def test_et_budget_der_ikke_kan_give_taksterne_siger_hvilket_der_skal_til(mappe):
    ret(mappe / "2023.toml", "tilbudsafdelingen = 15606523", "tilbudsafdelingen = 15000000")
    r = kør("kalibrer", 2023, "-b", mappe)
    assert r.exit_code == 1
    m = re.search(r"✗ Ikke gengivet: med filens antal og de øvrige normtimer kræver de "
                  r"offentliggjorte tal et budget for tilbudsafdelingen på ([\d.]+)-([\d.]+) kr\.; "
                  r"filen har 15\.000\.000 kr\.", r.stdout)
    assert m, r.stdout
    fra, til = (int(x.replace(".", "")) for x in m.groups())
    assert fra <= 15606523 <= til  # notatets budget (s. 2) ligger i intervallet
    assert "Med filens egne værdier giver modellen:" in r.stdout


def test_uden_kalibreret_eller_uden_offentliggjorte_tal_er_en_inputfejl(mappe):
    fil = mappe / "2024.toml"
    tekst = fil.read_text()
    fil.write_text(re.sub(r"kalibreret = \[.*?\]\n", "", tekst, flags=re.S))
    r = kør("kalibrer", 2024, "-b", mappe)
    assert r.exit_code == 2
    raad = f"tilsynstakst kalibrer 2024 -b {shlex.quote(str(mappe))}"
    assert r.stderr == (
        f"Fejl: {fil}: kalibreret: mangler: filen siger ikke, hvilke værdier der er kalibreret "
        "(kalibrer kan finde normtimer.tilsyn, normtimer.nygodkendelse, "
        "normtimer.vaesentlig_aendring, budget.tilbudsafdelingen); skriv den, kilderne ikke "
        f"offentliggør, øverst i filen, fx kalibreret = [\"normtimer.tilsyn\"], og kør {raad}\n")
    fil.write_text(tekst.replace("\n    \"normtimer.tilsyn\",\n    \"normtimer.nygodkendelse\",\n"
                                 "    \"normtimer.vaesentlig_aendring\",", ""))
    r = kør("kalibrer", 2024, "-b", mappe)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Fejl: {fil}:10: kalibreret: nævner ingen af de værdier, "
                               "kalibrer kan finde")
    fil.write_text(tekst.replace("[offentliggjort.takster.tilsyn]", "[offentliggjort.x]")
                   .replace("[offentliggjort.bpa]", "[offentliggjort.y]"))
    fil.write_text(re.sub(r"\[offentliggjort\.[xy]\].*?(?=\n\n|\Z)", "", fil.read_text(),
                          flags=re.S))
    r = kør("kalibrer", 2024, "-b", mappe)
    assert r.exit_code == 2, r.stdout
    assert r.stderr == (
        f"Fejl: {fil}: offentliggjort.takster: intet offentliggjort tal at kalibrere mod: ingen "
        "takster eller timepris for 2024 i 2024.toml (budgetaar) eller i 2025.toml (forrige); "
        f"skriv de offentliggjorte takster ind (docs/budgetfil.md), og kør {raad}\n")
    # Rådet kan køres, som det står, fra en anden mappe, når filen er rettet.
    fil.write_text(tekst)
    argv = shlex.split(raad)
    p = subprocess.run([sys.executable, "-m", "tilsynstakst", *argv[1:]], cwd=mappe.parent,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr


def test_en_naeste_aars_fil_der_ikke_kan_bruges_er_en_inputfejl(mappe):
    ret(mappe / "2024.toml", "tilbud = 251", "tilbud = -1")
    r = kør("kalibrer", 2023, "-b", mappe)
    assert r.exit_code == 2
    assert f"Fejl: {mappe / '2024.toml'}:" in r.stderr and "antal.tilbud" in r.stderr


# Egenskab: for tilfældige gyldige forudsætninger giver modellen takster; med dem som
# offentliggjorte og normtimerne (og budgettet) som kalibrerede finder kalibrer værdier, der
# giver hver takst igen, og intet er et slip.
GRUNDLAG, _ = laes_toml(BUDGETS / "2024.toml")
fire = st.lists(st.integers(0, 40), min_size=4, max_size=4)
normtime = st.decimals(min_value=Decimal(5), max_value=Decimal(150), places=4)


forudsaetninger = dict(
    tilbud=fire.filter(any), ny=fire, vae=fire, bpa=st.integers(0, 30),
    h=st.tuples(normtime, normtime, normtime), budget=st.integers(10**6, 5 * 10**7),
    ukendt_budget=st.booleans(), timepris=st.booleans(), skaerpet=st.booleans())


def _filen(tilbud, ny, vae, bpa, h, budget, ukendt_budget, timepris, skaerpet):
    """En budgetfil (testdata fra 2024.toml) med de givne forudsætninger, modellens takster som
    offentliggjorte, og normtimerne (og budgettet) som kalibrerede; og modellens takster."""
    data = {k: v for k, v in GRUNDLAG.items() if k not in ("offentliggjort", "overfoert_resultat")}
    data["antal"] = {k: v for k, v in data["antal"].items()
                     if k not in ("tilbud", "tilbud_nygodkendelser", "vaesentlige_aendringer")}
    data["antal"] |= {"bpa_tilsyn": bpa, "pr_takstgruppe": {
        "tilbud": tilbud, "tilbud_nygodkendelser": ny, "vaesentlige_aendringer": vae}}
    data["normtimer"] = data["normtimer"] | dict(zip(("tilsyn", "nygodkendelse",
                                                      "vaesentlig_aendring"), h))
    data["budget"] = data["budget"] | {"tilbudsafdelingen": budget}
    t = beregn_takster(Budget.model_validate(data))
    aktiviteter = ["tilsyn", "nygodkendelse", "vaesentlig_aendring"] + \
        ["skaerpet_tilsyn_pr_maaned"] * skaerpet
    data["offentliggjort"] = {"kilde": "test", "takster": {
        a: {f"takstgruppe_{g + 1}": {"budgetaar": v} for g, v in enumerate(getattr(t, a))}
        for a in aktiviteter}}
    if timepris:
        data["offentliggjort"]["bpa"] = {"timepris": {"budgetaar": t.timepris}}
    data["kalibreret"] = ["normtimer.tilsyn", "normtimer.nygodkendelse",
                          "normtimer.vaesentlig_aendring"] + ["budget.tilbudsafdelingen"] * ukendt_budget
    return data, t, aktiviteter


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**forudsaetninger)
def test_kalibrer_gengiver_hver_takst_modellen_giver(**kw):
    data, t, aktiviteter = _filen(**kw)
    filen = Budget.model_validate(data)
    k = kalibrer(filen, maal(filen))
    assert k.gengivet and not k.slip, k.umulig
    # Værdierne, som de ville stå i filen, giver hver takst igen i modellen selv.
    skrevet = {v.noegle: v.vaerdi for v in k.vaerdier}
    data["normtimer"] = data["normtimer"] | {n.removeprefix("normtimer."): v for n, v in skrevet.items()
                                             if n.startswith("normtimer.")}
    data["budget"] = data["budget"] | {"tilbudsafdelingen": int(skrevet.get(
        "budget.tilbudsafdelingen", data["budget"]["tilbudsafdelingen"]))}
    r = beregn_takster(Budget.model_validate(data))
    for a in aktiviteter:
        assert getattr(r, a) == getattr(t, a), a
    if kw["timepris"]:
        assert r.timepris == t.timepris


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(aktivitet=st.sampled_from(["tilsyn", "nygodkendelse", "vaesentlig_aendring"]),
       g=st.integers(0, 3), **forudsaetninger)
def test_et_forvansket_tal_er_et_slip(aktivitet, g, **kw):
    """Et tal 10 % + 5 kr. ved siden af modellens: de tre andre takstgrupper binder h · t til
    under en krone, så netop det tal er slippet, og resten gengives stadig."""
    data, t, _ = _filen(**kw)
    figur = data["offentliggjort"]["takster"][aktivitet][f"takstgruppe_{g + 1}"]
    figur["budgetaar"] = figur["budgetaar"] * 11 // 10 + 5
    filen = Budget.model_validate(data)
    k = kalibrer(filen, maal(filen))
    assert [m.maal.noegle for m in k.slip] == [
        f"offentliggjort.takster.{aktivitet}.takstgruppe_{g + 1}.budgetaar"]
    assert abs(k.slip[0].model - getattr(t, aktivitet)[g]) <= 2  # de andre binder w · h · t
    assert k.gengivet, k.umulig


def test_skaerpet_af_den_uafrundede_takst_er_et_andet_interval():
    """Midts takstside 2023: tilsyn 79.955 og skærpet 7.995 i takstgruppe 3 (10 % af den
    uafrundede takst); af den afrundede ville 79.955 give 7.996 (§ 33)."""
    m = Maal(2023, "x", Stoerrelse.SKAERPET, 2, Decimal(7995))
    tilsyn = Maal(2023, "y", Stoerrelse.TILSYN, 2, Decimal(79955))
    x = Fraction("39977.4")  # valgt: takstgruppe 3 (vægt 2) har den uafrundede takst 79.954,8
    assert x in maalinterval(tilsyn)
    assert x in maalinterval(m, SkaerpetGrundlag.UAFRUNDET)
    assert x not in maalinterval(m, SkaerpetGrundlag.AFRUNDET)


def test_et_budget_bygget_af_poster_kalibreres_ikke(tmp_path):
    """eksempler/opbygning: tilbudsafdelingens budget er udledt af posterne; en linje til filen
    ville ikke passe med dem."""
    import shutil

    from conftest import ROD

    mappe = tmp_path / "opbygning"
    shutil.copytree(ROD / "eksempler" / "opbygning", mappe)
    ret(mappe / "2024.toml", "kalibreret = [\n", 'kalibreret = [\n    "budget.tilbudsafdelingen",\n')
    r = kør("kalibrer", 2024, "-b", mappe)
    assert r.exit_code == 2
    assert r.stderr == (f"Fejl: {mappe / '2024.toml'}:11: kalibreret: budget.tilbudsafdelingen er "
                        "bygget af [[budget.poster]] og kan ikke være kalibreret; fjern den fra "
                        "kalibreret\n")


def test_to_lige_store_saet_er_tvetydige():
    """To og to tal passer sammen, men ikke med hinanden: de første står, og valget siges at være
    tvetydigt; tre mod et er ikke."""
    from tilsynstakst.beregning.kalibrering import Interval, stoerste_enige

    def iv(a, b):
        return Interval(Fraction(a), Fraction(b))

    assert stoerste_enige([iv(0, 2), iv(1, 3), iv(5, 7), iv(6, 8)]) == ([0, 1], True)
    assert stoerste_enige([iv(5, 7), iv(0, 2), iv(6, 8), iv(6, 9)]) == ([0, 2, 3], False)
    assert stoerste_enige([iv(0, 1), iv(1, 2)]) == ([0], True)  # halvåbne: 1 er ikke i [0, 1)
