"""Reglerne står i repositoriet selv (issue 20, punkt 6): intet peger på ``shared/`` eller
``DESIGN.md`` uden for repositoriet, og hvert relativt link i README'en og docs/ fører til en fil,
der findes."""

import re
import subprocess

import pytest

from conftest import ROD

# Henvisninger til noter uden for repositoriet, som en frisk klon ikke har.
UDENFOR_REPOSITORIET = (b"shared/", b"DESIGN.md")

# Filer, der nævner navnene for at sikre, at de ikke står andre steder.
TJEKKER_NAVNENE = ("tests/test_docs.py", "tests/test_forklar.py")

MARKDOWN = [ROD / "README.md", *sorted((ROD / "docs").glob("*.md"))]

_KODEBLOK = re.compile(r"^```.*?^```", re.S | re.M)
_KODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")


def _sporede_filer() -> list[str]:
    try:
        ud = subprocess.run(["git", "ls-files", "-z"], cwd=ROD, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("ikke et git-checkout")
    return [f for f in ud.stdout.decode("utf-8").split("\0") if f]


def _links(tekst: str) -> list[str]:
    """Linkmålene i Markdown-tekst, uden kodeblokke og kode i backticks."""
    tekst = _KODE.sub("", _KODEBLOK.sub("", tekst))
    return _LINK.findall(tekst)


def test_intet_peger_uden_for_repositoriet():
    fund = []
    for navn in _sporede_filer():
        if navn in TJEKKER_NAVNENE:
            continue
        sti = ROD / navn
        if not sti.is_file():
            continue
        for nr, linje in enumerate(sti.read_bytes().split(b"\n"), 1):
            if any(h in linje for h in UDENFOR_REPOSITORIET):
                fund.append(f"{navn}:{nr}: {linje.decode('utf-8', 'replace').strip()}")
    assert not fund, "henvisning uden for repositoriet (peg på docs/ i stedet):\n" + "\n".join(fund)


def test_docs_findes():
    assert len(MARKDOWN) > 1, "docs/*.md mangler"


@pytest.mark.parametrize("fil", MARKDOWN, ids=lambda p: str(p.relative_to(ROD)))
def test_relative_links_peger_paa_filer_der_findes(fil):
    mangler = []
    for maal in _links(fil.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", maal, re.I) or maal.startswith("#"):
            continue  # https:, mailto: og et anker i samme fil
        sti = (fil.parent / maal.split("#", 1)[0]).resolve()
        if not sti.exists() or ROD.resolve() not in (sti, *sti.parents):
            mangler.append(maal)
    assert not mangler, f"{fil.relative_to(ROD)}: links til filer, der ikke findes: {mangler}"


def test_links_finder_virkelig_links():
    # Mod en parser, der tavst ikke finder noget: README'en linker til docs/.
    assert "docs/README.md" in _links((ROD / "README.md").read_text(encoding="utf-8"))
    assert _links("`[ikke](et-link.md)` og\n```\n[heller](ikke.md)\n```\n[men](dette.md)") == \
        ["dette.md"]


def test_indekset_naevner_hvert_dokument():
    indeks = set(_links((ROD / "docs" / "README.md").read_text(encoding="utf-8")))
    for fil in MARKDOWN:
        if fil.parent.name == "docs" and fil.name != "README.md":
            assert fil.name in indeks, f"docs/README.md nævner ikke {fil.name}"
