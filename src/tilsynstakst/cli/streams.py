"""Standard-ud og standard-fejl, der ikke kan svigte tavst (issue 9, klasse 2 og 3).

- **Tegnsæt.** Windows skriver omdirigeret uddata i egnens tegnsæt (cp1252), som mangler ``✓``,
  ``Σ`` og rich's tegn. Et tegn, tegnsættet ikke har, skrives som sin ASCII-nærmeste (``✓`` →
  ``ok``) i stedet for at vælte programmet; danske bogstaver findes i cp1252 og står, som de er.
- **Uddata, der ikke kan skrives.** En fuld disk (``/dev/full``), en lukket standard-ud og et rør,
  læseren lukker for tidligt, giver en ``UdskriftFejl`` (ikke en ``OSError``, som Click og rich
  ellers selv oversætter til kode 1 eller 0). ``cli.main`` melder den på én linje med kode 2.
- **SIGTERM** afslutter som en almindelig fejl, så ``finally`` rydder midlertidige filer op.
"""

import errno
import os
import signal
import sys
from typing import Any

from tilsynstakst.fund import systemfejl
from tilsynstakst.visning.render.prosa import FEJLHAANDTERING

class UdskriftFejl(Exception):
    """Standard-ud kunne ikke skrives; ``besked`` er den danske forklaring."""

    def __init__(self, besked: str):
        super().__init__(besked)
        self.besked = besked


def _som_fejl(e: OSError) -> UdskriftFejl:
    if isinstance(e, BrokenPipeError) or e.errno == errno.EPIPE:
        return UdskriftFejl("standard-ud blev lukket, før alt var skrevet; uddata er ufuldstændige")
    if e.errno == errno.EBADF:
        return UdskriftFejl("standard-ud er lukket; intet kunne skrives")
    return UdskriftFejl(f"kan ikke skrive til standard-ud: {systemfejl(e)}")


class _Vagt:
    """En strøm, hvis skrivefejl bliver ``UdskriftFejl``; alt andet går til den rigtige strøm."""

    def __init__(self, stroem: Any):
        self._stroem = stroem

    def write(self, data: Any) -> int:
        try:
            return self._stroem.write(data)
        except OSError as e:
            raise _som_fejl(e) from None

    def flush(self) -> None:
        try:
            self._stroem.flush()
        except OSError as e:
            raise _som_fejl(e) from None

    @property
    def buffer(self) -> "_Vagt":
        return _Vagt(self._stroem.buffer)

    def __getattr__(self, navn: str) -> Any:
        return getattr(self._stroem, navn)


class _Lukket:
    """Standard-ud, når den er lukket (``>&-``): enhver skrivning er en fejl, ikke en tavs no-op."""

    encoding, errors = "utf-8", "strict"

    def write(self, data: Any) -> int:
        raise UdskriftFejl("standard-ud er lukket; intet kunne skrives")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard-ud er lukket")

    @property
    def buffer(self) -> "_Lukket":
        return self


def klargoer() -> None:
    """Sæt standard-ud og -fejl op til programmet (kaldes én gang, i ``cli.main``)."""
    for navn in ("stdout", "stderr"):
        stroem = getattr(sys, navn)
        if stroem is None:
            setattr(sys, navn, _Lukket())
            continue
        tegnsaet = (getattr(stroem, "encoding", None) or "utf-8").lower().replace("_", "-")
        if tegnsaet not in ("utf-8", "utf8") and hasattr(stroem, "reconfigure"):
            stroem.reconfigure(errors=FEJLHAANDTERING)
        if navn == "stdout":
            sys.stdout = _Vagt(stroem)  # type: ignore[assignment]
    afslut_ved_sigterm()


def afslut_ved_sigterm() -> None:
    """SIGTERM bliver ``SystemExit(143)``, så ``finally`` fjerner en halvskrevet midlertidig fil."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda nr, ramme: sys.exit(128 + nr))


def afslut_udskrift() -> None:
    """Tøm standard-ud til sidst; en fejl her er også en ``UdskriftFejl``."""
    if sys.stdout is not None:
        sys.stdout.flush()


def bortled_standard_ud() -> None:
    """Efter en skrivefejl: send resten til /dev/null, så Pythons egen tømning ved afslutning
    ikke melder fejlen en gang til."""
    try:
        nul = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nul, 1)
        os.close(nul)
    except OSError:
        pass
