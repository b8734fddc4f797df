"""De kalibrerede værdier i budgetfilerne er dem, reglerne i scripts/kalibrer.py giver (issue 12):
en fordeling eller en normtime, der rettes i hånden, uden at reglerne følger med, fanges her."""

import sys

from conftest import BUDGETS
from tilsynstakst.budgetfil.laes import laes_budget
from tilsynstakst.beregning.takster import beregn_takster

sys.path.insert(0, str(BUDGETS.parent / "scripts"))

import kalibrer  # noqa: E402


def test_budgetfilernes_kalibrerede_vaerdier_er_reglernes(capsys):
    for aar, (ny, vae, timer) in kalibrer.kalibrer().items():
        assert kalibrer.sammenlign_med_filen(aar, ny, vae, timer), aar
        p = laes_budget(BUDGETS / f"{aar}.toml").antal.pr_takstgruppe
        assert tuple(a + n for a, n in zip(p.tilbud, ny)) == kalibrer.AAR[aar].tilbud_i_alt
    assert capsys.readouterr().out.count("samme værdier") == 3


def test_hvert_aar_giver_de_offentliggjorte_takster_og_timepriser():
    """Oversigtens Tabel 2a for 2022 og 2023 (alle fire aktiviteter) og 2024-notatets tilsyn."""
    for aar, a in kalibrer.AAR.items():
        t = beregn_takster(laes_budget(BUDGETS / f"{aar}.toml"))
        assert (t.tilsyn, t.timepris) == (a.tilsyn, a.timepris), aar
        if a.nygodkendelse:
            assert (t.nygodkendelse, t.vaesentlig_aendring) == (a.nygodkendelse,
                                                                a.vaesentlig_aendring), aar
