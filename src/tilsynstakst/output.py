"""Skriv en færdig fil atomisk: til et midlertidigt navn i samme mappe, derefter omdøbt.

En læser ser aldrig en halv fil, og en fejl undervejs efterlader intet. En eksisterende fil
overskrives kun, når det er bedt om (``--overskriv``); ellers er den urørt.
"""

import os
import tempfile
from pathlib import Path

from tilsynstakst.fund import Fund, Inputfejl

FINDES = "findes allerede; brug --overskriv for at erstatte den"


def skriv_fil(sti: Path, data: bytes, overskriv: bool = False) -> None:
    """Skriv ``data`` til ``sti``, helt eller slet ikke."""
    fil = str(sti)
    if not sti.parent.is_dir():
        raise Inputfejl([Fund(fil, f"mappen {sti.parent} findes ikke")])
    if sti.is_dir():
        raise Inputfejl([Fund(fil, "er en mappe, ikke en fil")])
    if sti.exists() and not overskriv:
        raise Inputfejl([Fund(fil, FINDES)])
    fd, midlertidig = tempfile.mkstemp(dir=sti.parent, prefix=f".{sti.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(midlertidig, 0o666 & ~_umask())  # som en almindeligt oprettet fil
        if overskriv:
            os.replace(midlertidig, sti)
        else:
            _uden_at_overskrive(midlertidig, sti)
    except FileExistsError:
        raise Inputfejl([Fund(fil, FINDES)]) from None
    except OSError as e:
        raise Inputfejl([Fund(fil, f"kan ikke skrives: {e.strerror}")]) from None
    finally:
        if os.path.exists(midlertidig):
            os.unlink(midlertidig)


def _uden_at_overskrive(midlertidig: str, sti: Path) -> None:
    """Et hårdt link fejler, hvis filen er kommet til imens; uden hårde links: omdøb."""
    try:
        os.link(midlertidig, sti)
    except FileExistsError:
        raise
    except OSError:  # filsystemet kan ikke lave hårde links
        if sti.exists():
            raise FileExistsError(str(sti)) from None
        os.replace(midlertidig, sti)


def _umask() -> int:
    maske = os.umask(0)
    os.umask(maske)
    return maske
