"""Skriv en færdig fil atomisk: til et midlertidigt navn i samme mappe, derefter omdøbt.

En læser ser aldrig en halv fil, og en fejl undervejs (også SIGTERM, se ``streams``) efterlader
intet. En eksisterende fil overskrives kun, når det er bedt om (``--overskriv``); ellers er den
urørt, også når flere skriver på én gang og filsystemet ikke har hårde links. En fil, der
erstattes, beholder sine rettigheder, og har den flere hårde links, skrives den på stedet, så
de andre navne ser det nye indhold. Et link erstattes ikke: filen, det peger på, skrives. En
enhed eller en FIFO erstattes aldrig med en fil.
"""

import os
import stat
import tempfile
from pathlib import Path

from tilsynstakst.fund import Fund, Inputfejl, systemfejl

FINDES = "findes allerede; brug --overskriv for at erstatte den"
MAPPE = "er en mappe, ikke en fil; skriv et filnavn, fx {}"


def uddatasti(tekst: str, eksempel: str) -> Path:
    """``--output``, som brugeren skrev den: et navn, der ender på ``/`` eller er en mappe, er en
    fejl, før der regnes (``Path`` ville ellers tabe skråstregen og skrive en fil ved navn
    mappen)."""
    try:
        mappe = tekst.endswith(("/", os.sep)) or Path(tekst).is_dir()
    except OSError as e:  # fx et navn, der er for langt til filsystemet
        raise Inputfejl([Fund(tekst, f"kan ikke skrives: {systemfejl(e)}")]) from None
    if mappe:
        raise Inputfejl([Fund(tekst, MAPPE.format(Path(tekst) / eksempel))])
    return Path(tekst)


def skriv_fil(sti: Path, data: bytes, overskriv: bool = False) -> None:
    """Skriv ``data`` til ``sti``, helt eller slet ikke."""
    fil = str(sti)
    try:
        if not sti.parent.is_dir():
            raise Inputfejl([Fund(fil, f"mappen {sti.parent} findes ikke")])
        os.lstat(sti)
        findes = True
    except FileNotFoundError:
        findes = False
    except OSError as e:  # fx et navn, der er for langt til filsystemet
        raise Inputfejl([Fund(fil, f"kan ikke skrives: {systemfejl(e)}")]) from None
    try:
        gammel = os.stat(sti) if findes else None
    except OSError:  # et link, der ikke peger på noget
        gammel = None
    if gammel is not None and stat.S_ISDIR(gammel.st_mode):
        raise Inputfejl([Fund(fil, MAPPE.format(sti / "navn"))])
    if findes and not overskriv:
        raise Inputfejl([Fund(fil, FINDES)])
    if findes and gammel is None:
        raise Inputfejl([Fund(fil, "er et link til en fil, der ikke findes; skriv til en "
                                   "almindelig fil")])
    if gammel is not None and not stat.S_ISREG(gammel.st_mode):
        raise Inputfejl([Fund(fil, "er ikke en almindelig fil (men fx en enhed eller en FIFO) "
                                   "og erstattes ikke; skriv til en almindelig fil")])
    if findes and os.path.islink(sti):  # skriv i den fil, linket peger på; linket bliver
        sti = Path(os.path.realpath(sti))
    midlertidig = None
    try:
        # Et kort navn: et langt filnavn må ikke blive for langt med et tillæg.
        fd, midlertidig = tempfile.mkstemp(dir=sti.parent, prefix=".tilsynstakst-",
                                           suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if gammel is not None and stat.S_ISREG(gammel.st_mode):
            os.chmod(midlertidig, stat.S_IMODE(gammel.st_mode))  # som den fil, der erstattes
        else:
            os.chmod(midlertidig, 0o666 & ~_umask())  # som en almindeligt oprettet fil
        if not overskriv:
            _uden_at_overskrive(midlertidig, sti)
        elif gammel is not None and stat.S_ISREG(gammel.st_mode) and gammel.st_nlink > 1:
            _paa_stedet(sti, data)
        else:
            os.replace(midlertidig, sti)
    except FileExistsError:
        raise Inputfejl([Fund(fil, FINDES)]) from None
    except OSError as e:
        raise Inputfejl([Fund(fil, f"kan ikke skrives: {systemfejl(e)}")]) from None
    finally:
        if midlertidig is not None and os.path.lexists(midlertidig):
            os.unlink(midlertidig)


def _uden_at_overskrive(midlertidig: str, sti: Path) -> None:
    """Et hårdt link fejler, hvis filen er kommet til imens. Uden hårde links reserveres navnet
    med O_EXCL (kun én kan oprette det), og den færdige fil omdøbes oven på reservationen."""
    try:
        os.link(midlertidig, sti)
        return
    except FileExistsError:
        raise
    except OSError:  # filsystemet kan ikke lave hårde links (FAT, visse netdrev)
        pass
    fd = os.open(sti, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # FileExistsError: en anden
    os.close(fd)
    try:
        os.replace(midlertidig, sti)
    except OSError:
        os.unlink(sti)  # reservationen er vores egen, tom fil
        raise


def _paa_stedet(sti: Path, data: bytes) -> None:
    """Skriv ind i den eksisterende fil, så dens andre hårde links ser det nye indhold. Data
    er færdige, før filen åbnes; kun en fejl på disken undervejs kan efterlade den halv."""
    with open(sti, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())


def _umask() -> int:
    maske = os.umask(0)
    os.umask(maske)
    return maske
