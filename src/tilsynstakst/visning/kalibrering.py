"""``kalibrer``s resultat for mennesker (tekst og linjerne til budgetfilen) og som JSON.

Her vises kun, hvad ``beregning.kalibrering`` har fundet og kontrolleret; der regnes ikke.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tilsynstakst.aaret.kalibrering import Kalibreret
from tilsynstakst.beregning.kalibrering import (Grund, Kalibrering, Maal, Modeltal, Stoerrelse,
                                                Ukendt, Vaerdi)
from tilsynstakst.fund import synlig
from tilsynstakst.kommando import kommando
from tilsynstakst.tal import tal

_MODELLEN = "med filens antal og disse værdier giver omkostningsmodellen"
_GRUND = {
    Grund.INTET_MAAL: "intet offentliggjort tal bestemmer den",
    Grund.SKALA: "uden offentliggjort timepris og budget bestemmer taksterne kun normtimernes "
                 "forhold, så den står, og de andre værdier følger af den",
}


@dataclass(frozen=True)
class Blok:
    """Et stykke af visningen: tekst (brudt i terminalens bredde; ``haeng``: fortsættelsernes
    indrykning) eller linjer, der skal stå, som de er (TOML til budgetfilen, ``toml``)."""

    linjer: tuple[str, ...]
    toml: bool = False
    haeng: int = 0


def _sted(m: Maal) -> str:
    return f"{m.fil}:{m.linje}" if m.linje else m.fil


def _maalene(k: Kalibreret) -> str:
    """Hvor målene står: så mange i årets fil og så mange i næste års, i dens priser."""
    maal = [m.maal for m in k.kalibrering.maal]
    dele = []
    for sti, hvad in ((k.sti, "budgetaar"), (k.senere_sti, "forrige")):
        n = sum(1 for m in maal if sti is not None and m.fil == str(sti))
        if n:
            pl = f", PL-faktor {tal(k.pl_faktor)}" if k.pl_faktor not in (None, 1) else ""
            hvornaar = hvad if hvad == "budgetaar" else \
                f"{hvad}: {k.kalibrering.aar} i {k.senere_priser}-priser{pl}"
            dele.append((n, f"i {sti} ({hvornaar})"))
    if len(dele) == 1:
        return f"{len(maal)} offentliggjorte tal {dele[0][1]}"
    return f"{len(maal)} offentliggjorte tal, " + " og ".join(f"{n} {d}" for n, d in dele)


def _vaerdi(v: Vaerdi) -> str:
    som = "; som i filen" if v.vaerdi == v.i_filen else f"; filen har {tal(v.i_filen)}"
    return f"  {v.noegle} = {tal(v.vaerdi)} (gyldige værdier {tal(v.fra)}-{tal(v.til)}{som})"


def _kommentar(k: Kalibrering, v: Vaerdi) -> str:
    """``kalibreret: takst …`` med aktivitetens egne offentliggjorte takster for året (ellers næste
    års syn på dem), som kommentaren ved en kalibreret værdi i de leverede filer."""
    if v.noegle == Ukendt.BUDGET:
        return "kalibreret: takster × filens antal, ikke offentliggjort"
    aktivitet = Stoerrelse(v.noegle.removeprefix("normtimer."))
    maal = [m for m in k.maal if m.maal.stoerrelse == aktivitet]
    for del_ in ("budgetaar", "forrige"):
        if any(m.maal.noegle.endswith(del_) for m in maal):  # et slip er ikke kalibreret til
            grupper = {m.maal.takstgruppe: m.maal.vaerdi for m in maal
                       if m.maal.noegle.endswith(del_) and not m.slip}
            takster = " / ".join(tal(grupper[g]) if g in grupper else "–" for g in range(4))
            return f"kalibreret: takst {takster}" + ("" if del_ == "budgetaar" else
                                                      f" (forrige i {k.aar + 1}.toml)")
    return "kalibreret"


def toml_linjer(k: Kalibrering) -> list[str]:
    """De fundne værdier som linjer til budgetfilen, under deres tabel, med kommentar."""
    ud: list[str] = []
    for tabel in ("normtimer", "budget"):
        vaerdier = [v for v in k.vaerdier if v.noegle.startswith(tabel + ".")]
        if not vaerdier:
            continue
        linjer = [(f"{v.noegle.removeprefix(tabel + '.')} = {v.vaerdi}", _kommentar(k, v))
                  for v in vaerdier]
        bredde = max(len(a) for a, _ in linjer) + 2
        ud += ([""] if ud else []) + [f"[{tabel}]"] + [f"{a:<{bredde}}# {b}" for a, b in linjer]
    return ud


def _modeltal(m: Modeltal) -> str:
    return (f"  {synlig(_sted(m.maal))}: {m.maal.noegle}: offentliggjort {tal(m.maal.vaerdi)}, "
            f"modellen giver {tal(m.model)}")


def kalibreringsvisning(k: Kalibreret, mappe: Path) -> list[Blok]:
    """Hvad der er fundet, med intervallerne; linjerne til filen; kontrollen; og slippene."""
    kal = k.kalibrering
    foer = [f"Kalibrering af {k.sti}: {kal.tilsyn}, budget {kal.aar}",
            f"Mål: {_maalene(k)}."]
    fundet = ", ".join(v.noegle for v in kal.vaerdier)
    if fundet:
        foer.append(f"Fundet her (kalibreret): {fundet}.")
    if kal.fra_filen:
        foer.append(f"Fra filen, som de står (kalibrer finder dem ikke): "
                    f"{', '.join(kal.fra_filen)}.")
    vaerdier = [_vaerdi(v) for v in kal.vaerdier]
    vaerdier += [f"  {b.noegle} = {tal(b.vaerdi)}: beholdt fra filen; {_GRUND[b.grund]}"
                 for b in kal.beholdt]
    blokke = [Blok(tuple(foer)), Blok(("",)), Blok(tuple(vaerdier), haeng=2)]
    if kal.vaerdier:
        blokke.append(Blok(("Gyldige værdier: hver for sig, med de andre værdier som her, giver de "
                            "alle målene.",)))
    if toml := toml_linjer(kal):
        blokke += [Blok(("", f"Til {k.sti} (kalibrer skriver ikke i filen):", "")),
                   Blok(tuple(toml + [""]), toml=True)]
    else:
        blokke.append(Blok(("",)))
    return blokke + [Blok(tuple(_kontrol(kal)), haeng=2)] + _slip(kal, mappe)


def _kontrol(k: Kalibrering) -> list[str]:
    ikke = [m for m in k.maal if not m.slip and not m.gengivet]
    if k.umulig is not None:
        return ([f"✗ Ikke gengivet: {k.umulig}."]
                + (["Med filens egne værdier giver modellen:"] + [_modeltal(m) for m in ikke]
                   if ikke else []))
    mange = len([m for m in k.maal if not m.slip])
    hvilke = f"alle {mange} mål" + (", der ikke er slip" if k.slip else "")
    if not ikke:
        return [f"✓ Kontrol: {_MODELLEN} {hvilke}."]
    return ([f"✗ Kontrol: {_MODELLEN} ikke {hvilke}:"]
            + [_modeltal(m) for m in ikke])


def _slip(k: Kalibrering, mappe: Path) -> list[Blok]:
    if not k.slip:
        return []
    n = len(k.slip)
    ud = [f"✗ Slip i kilden: {n} {'offentliggjorte tal' if n > 1 else 'offentliggjort tal'} "
          "kan ingen værdier give sammen med de andre tal for samme takst:"]
    ud += [_modeltal(m) + (" (lige så mange af tallene passer sammen på en anden måde; afgør ud "
                           "fra kilden, hvilke der er slip)" if m.tvetydig else "") for m in k.slip]
    m = k.slip[0]
    *_, gruppe, del_ = m.maal.noegle.split(".")
    return [Blok(tuple(ud), haeng=2),
            Blok(("Når værdierne ovenfor står i filen, skrives et slip ind ved tallet som en "
                  "erkendt fejl i kilden, fx",)),
            Blok((f"  {gruppe} = {{ …, erkendt.{del_} = {{ beregnet = {m.model}, "
                  "grund = \"GRUND\" } }",), toml=True),
            Blok(("så er det ikke længere et mål, og tjek melder det som en erkendt fejl "
                  "(docs/afstemning.md); kør så igen: "
                  + kommando("kalibrer", k.aar, mappe=mappe),))]


def kalibrering_data(k: Kalibreret) -> dict[str, Any]:
    """Resultatet som JSON-data med faste nøgler (tal eksakt, som Decimal)."""
    kal = k.kalibrering
    return {
        "fil": str(k.sti),
        "aar": kal.aar,
        "tilsyn": kal.tilsyn,
        "skaerpet_grundlag": kal.skaerpet,
        "gengivet": kal.gengivet,
        "umulig": kal.umulig,
        "naeste_aar": None if k.senere_sti is None else {
            "fil": str(k.senere_sti), "prisniveau": k.senere_priser, "pl_faktor": k.pl_faktor},
        "vaerdier": [{"noegle": v.noegle.value, "vaerdi": v.vaerdi, "gyldige_fra": v.fra,
                      "gyldige_til": v.til, "i_filen": v.i_filen} for v in kal.vaerdier],
        "beholdt": [{"noegle": b.noegle.value, "vaerdi": b.vaerdi, "grund": b.grund.value}
                    for b in kal.beholdt],
        "fra_filen": list(kal.fra_filen),
        "maal": [{"fil": m.maal.fil, "linje": m.maal.linje, "noegle": m.maal.noegle,
                  "offentliggjort": m.maal.vaerdi, "model": m.model, "gengivet": m.gengivet,
                  "slip": m.slip, "tvetydig": m.tvetydig} for m in kal.maal],
        "toml": "\n".join(toml_linjer(kal)),
    }

