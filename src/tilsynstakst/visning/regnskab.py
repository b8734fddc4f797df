"""``regnskab``: regnskabet mod budgettet som tabeller og en sætning til notatet (issue 24).

Her vælges og ordnes kun tal, der er regnet (``beregning.regnskab``); der regnes ikke.
"""

from tilsynstakst.aaret.regnskab import Regnskabsberegning
from tilsynstakst.beregning.regnskab import (AKTIVITETSORD, Regnskab, Tre, hovedaarsager)
from tilsynstakst.beregning.takster import AKTIVITETSNAVNE
from tilsynstakst.budgetfil.regnskab import Regnskabsart
from tilsynstakst.jsondata import som_data
from tilsynstakst.tal import ANTAL, KR, kroner, opremsning
from tilsynstakst.visning.tabeller import Celle, Tabel, Visning, gruppenavn

AFDELINGSNAVNE = {"tilbudsafdelingen": "Tilbudsafdelingen",
                  "plejefamilieafdelingen": "Plejefamilieafdelingen", "i_alt": "I alt"}
DELE = (("indtaegt", "indtægter"), ("omkostninger", "omkostninger"), ("resultat", "resultat"))


def _tre(t: Tre) -> tuple[Celle, ...]:
    return (Celle(t.budget, KR), Celle(t.regnskab, KR), Celle(t.afvigelse, KR))


def resultattabel(r: Regnskab) -> Tabel:
    raekker = tuple((f"{AFDELINGSNAVNE[a]}, {ord_}", _tre(getattr(afd, del_)))
                    for a, afd in r.afdelinger.items() for del_, ord_ in DELE)
    return Tabel("resultat", "Indtægter, omkostninger og resultat pr. afdeling",
                 ("", "Budget", _art(r), "Afvigelse"), raekker,
                 "Resultat = indtægter − omkostninger (overskud positivt); afvigelse = "
                 f"{_art(r).lower()} − budget. Plejefamilieafdelingens indtægt er den objektive "
                 "finansiering, som ikke ændres af aktiviteten; omkostningsbudgettet er det "
                 "finansierede budget + et overført overskud.", kort="Resultat")


def indtaegtstabel(r: Regnskab) -> Tabel:
    raekker = []
    for aktivitet, linjer in r.indtaegt.items():
        for g, l in enumerate(linjer):
            raekker.append((f"{_stort(AKTIVITETSORD[aktivitet])}, {gruppenavn(g)}",
                            (Celle(l.budget_antal, ANTAL), Celle(l.antal, ANTAL),
                             Celle(l.forskel, ANTAL), Celle(l.takst, KR),
                             Celle(l.afvigelse, KR))))
    for aktivitet, l in (r.bpa or {}).items():
        raekker.append((_stort(AKTIVITETSNAVNE[aktivitet]),
                        (Celle(l.budget_antal, ANTAL), Celle(l.antal, ANTAL),
                         Celle(l.forskel, ANTAL), Celle(l.takst, KR), Celle(l.afvigelse, KR))))
    tom = (Celle(None, ANTAL),) * 3 + (Celle(None, KR),)
    raekker.append(("Budgettets afrundingsrest", tom + (Celle(r.afrundingsrest, KR),)))
    raekker.append(("I alt (tilbudsafdelingens indtægt)",
                    tom + (Celle(r.afdelinger["tilbudsafdelingen"].indtaegt.afvigelse, KR),)))
    return Tabel("indtaegt", "Afvigelse i tilbudsafdelingens indtægt pr. aktivitet og takstgruppe",
                 ("Aktivitet", "Antal i budget", f"Antal i {_art(r).lower()}", "Forskel",
                  "Takst", "Afvigelse i kr."), tuple(raekker),
                 "Afvigelse = forskel i antal × årets takst (budgetfilens). Skærpet tilsyn er "
                 "påbegyndte måneder × månedstaksten (§ 33); budgettet har ingen. Budgettets "
                 "afrundingsrest er Σ budgetteret antal × takst − budgettet, så linjerne summer "
                 "præcist til afvigelsen i alt.", kort="Indtægt")


def posttabel(r: Regnskab) -> Tabel | None:
    if not r.poster:
        return None
    raekker = tuple((f"{p.post} ({AFDELINGSNAVNE[p.afdeling].lower()})",
                     (Celle(p.budget, KR), Celle(p.regnskab, KR), Celle(p.afvigelse, KR)))
                    for p in r.poster)
    return Tabel("omkostninger", "Omkostninger pr. post", ("Post", "Budget", _art(r),
                                                           "Afvigelse"), raekker, kort="Poster")


def plejefamilietabel(r: Regnskab) -> Tabel:
    raekker = tuple((navn.capitalize().replace("_", ", "),
                     (Celle(t.budget, ANTAL), Celle(t.regnskab, ANTAL), Celle(t.afvigelse, ANTAL)))
                    for navn, t in r.plejefamilier.items())
    return Tabel("plejefamilier", "Plejefamilier", ("", "Budget", _art(r), "Forskel"), raekker,
                 "Til orientering: plejefamilieafdelingen finansieres objektivt, så antallet "
                 "ændrer ikke indtægten.", kort="Plejefamilier")


def overfoerselstabel(r: Regnskab) -> Tabel | None:
    if not r.overfoert:
        return None
    raekker = [(f"Overført til budget {o.budgetaar}",
                (Celle(o.beloeb, KR), Celle(o.tilbudsafdelingen, KR),
                 Celle(o.plejefamilieafdelingen, KR))) for o in r.overfoert]
    raekker.append(("Ikke overført", (Celle(r.ikke_overfoert, KR), Celle(None, KR),
                                      Celle(None, KR))))
    return Tabel("overfoersel", "Overførsel af resultatet", ("", "I alt", "Tilbudsafdelingen",
                                                             "Plejefamilieafdelingen"),
                 tuple(raekker), "Beslutningen, som regnskabsfilen har den; en afdelings del "
                 "står kun, når den er besluttet.", kort="Overførsel")


def _art(r: Regnskab) -> str:
    return "Regnskab" if r.art is Regnskabsart.REGNSKAB else "Forventet regnskab"


def aarsagssaetning(r: Regnskab) -> str:
    """"Overskuddet skyldes hovedsageligt …": de største bidrag til resultatets afvigelse fra
    budgettet, af beregningens opdeling (``hovedaarsager``), ikke en fast tekst."""
    resultat = r.afdelinger["i_alt"].resultat
    if not resultat.afvigelse:
        return f"Resultatet er som budgetteret ({kroner(resultat.regnskab)})."
    art = ("Overskuddet" if resultat.regnskab > 0 else "Underskuddet" if resultat.regnskab < 0
           else "Afvigelsen")
    if resultat.budget and resultat.regnskab:
        art = "Afvigelsen fra budgettet"
    dele = [f"{b.navn} ({kroner(abs(b.beloeb))})" if b.brutto is None else
            f"{b.navn} ({kroner(abs(b.brutto))}; netto {kroner(abs(b.beloeb))} med {b.modsat})"
            for b in hovedaarsager(r)]
    return f"{art} skyldes hovedsageligt {opremsning(dele)}."


def regnskabsvisning(rb: Regnskabsberegning) -> Visning:
    """``regnskab AAR``: resultatet, afvigelsen pr. aktivitet og takstgruppe, posterne, og
    beslutningen om overførsel, med sætningen til notatet først."""
    r = rb.regnskab
    resultat = r.afdelinger["i_alt"].resultat.regnskab
    hvad = "overskud" if resultat > 0 else "underskud" if resultat < 0 else "resultat"
    linjer = (f"{_art(r)} {r.aar} {'viser' if r.art is Regnskabsart.REGNSKAB else 'forventer'} "
              f"et {hvad} på {kroner(abs(resultat))}.", aarsagssaetning(r),
              f"Sammenlignet med {rb.budget_sti} i {r.prisniveau}-priser, med årets takster "
              f"× de faktiske antal ({rb.sti}).")
    tabeller = [t for t in (resultattabel(r), indtaegtstabel(r), posttabel(r),
                            plejefamilietabel(r), overfoerselstabel(r)) if t is not None]
    return Visning(f"{r.tilsyn} – {_art(r)} {r.aar}", f"(i {r.prisniveau}-priser)", linjer,
                   tuple(tabeller), {"regnskab": som_data(r)})


def _stort(tekst: str) -> str:
    """Første bogstav stort, resten som det står (BPA forbliver BPA)."""
    return tekst[:1].upper() + tekst[1:]
