"""The plan on paper: one week per page, each session's exercises with their dose in words, one
short cue, and a box to tick per set. The same HTML is the browser's print view of the PDF and
what `yolvarex plan show --pdf` renders (WeasyPrint, an optional extra)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from markupsafe import Markup

from yolvarex.content.library import Library
from yolvarex.domain.plan import Plan
from yolvarex.domain.plan.describe import BLOCK_TITLES, LOAD_WORDS, dose, run_day_words
from yolvarex.domain.units import Units
from yolvarex.export.figure_svg import entry_svg

PDF_EXTRA = "pip install 'yolvarex[pdf]'"

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_env.filters["dose"] = pass_context(lambda context, p: dose(p, context.get("units", "metric")))


class PdfUnavailable(RuntimeError):
    """WeasyPrint (and the Pango library it draws text with) is not installed."""


def plan_document(plan: Plan, library: Library, athlete: str, units: Units = "metric") -> str:
    """The printable plan as one HTML document, loads in the runner's `units`."""
    def figure(exercise_id: str) -> Markup:
        """The exercise's illustration, still: its key poses side by side."""
        svg = entry_svg(library, "exercises", exercise_id, style="keys")
        return Markup(svg or "")  # noqa: S704 - drawn by us from checked numbers, text escaped

    return _env.get_template("plan_print.html").render(
        plan=plan, lib=library, athlete=athlete, block_titles=BLOCK_TITLES,
        load_words=LOAD_WORDS, run_day_words=run_day_words, figure=figure, units=units)


def to_pdf(html: str) -> bytes:
    """The document as PDF bytes, or PdfUnavailable saying how to install what is missing."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint is there but Pango is not
        raise PdfUnavailable(f"PDF output needs WeasyPrint and the Pango library: {PDF_EXTRA} "
                             "(on Debian or Ubuntu also `apt-get install libpango-1.0-0 "
                             f"libpangoft2-1.0-0`). ({exc.__class__.__name__}: {exc})") from None
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
