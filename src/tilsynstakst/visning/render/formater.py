"""En visning i et filformat, som bytes, klar til at skrive: ét sted, der vælger formatet."""

from pathlib import Path

from tilsynstakst.fund import Fund, Inputfejl
from tilsynstakst.visning.render import Format
from tilsynstakst.visning.tabeller import Visning

# Filens endelse afgør formatet, når --format ikke er givet (issue 11).
ENDELSER = {".xlsx": Format.XLSX, ".csv": Format.CSV, ".md": Format.MARKDOWN,
            ".json": Format.JSON, ".txt": Format.TABEL,
            ".html": Format.HTML, ".htm": Format.HTML}


def vaelg_format(format: Format | None, fil: Path | None) -> Format:
    """Formatet: ``--format``, ellers filens endelse, ellers tabel på skærmen. Et ``--format``,
    der modsiger endelsen, og en endelse uden kendt format er fejl, der nævner begge."""
    if fil is None:
        return format or Format.TABEL
    endelse = fil.suffix.lower()
    efter_endelsen = ENDELSER.get(endelse)
    if format is None and efter_endelsen is None:
        kendte = ", ".join(ENDELSER)
        raise Inputfejl([Fund(str(fil), f"kan ikke se formatet af endelsen "
                                        f"{endelse or '(ingen endelse)'}; brug {kendte}, "
                                        f"eller angiv --format")])
    if format is not None and efter_endelsen not in (None, format):
        raise Inputfejl([Fund(str(fil), f"--format {format} passer ikke til endelsen {endelse} "
                                        f"({efter_endelsen}); ret endelsen, eller udelad "
                                        f"--format")])
    return format or efter_endelsen  # type: ignore[return-value]


def gengiv(v: Visning, format: Format) -> bytes:
    """``format``: tabel (ren tekst), json, markdown, csv, xlsx eller html."""
    if format == Format.JSON:
        from tilsynstakst.visning.render.jsonformat import visning_json

        return visning_json(v).encode()
    if format == Format.MARKDOWN:
        from tilsynstakst.visning.render.markdown import visning_markdown

        return visning_markdown(v).encode()
    if format == Format.CSV:
        from tilsynstakst.visning.render.csvformat import visning_csv

        return visning_csv(v)
    if format == Format.XLSX:
        from tilsynstakst.visning.render.xlsx import visning_xlsx

        return visning_xlsx(v)
    if format == Format.HTML:
        from tilsynstakst.visning.render.html import visning_html

        return visning_html(v).encode()
    if format == Format.TABEL:
        from tilsynstakst.visning.render.terminal import tekst

        return tekst(v, 200).encode()
    raise ValueError(format)
