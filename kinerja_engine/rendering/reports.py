"""The formats people read, made from a case and its report together.

``render.py`` renders a :class:`Report` alone (text table, simple Markdown, JSON). The
formats here also show the case's inputs (target, realisasi, last year's figure, budget)
next to the results, as chapter III of an LKjIP does, so they take the case, the report
and the rule set it was computed under:

* ``markdown`` — chapter III tables (:mod:`.report_markdown`);
* ``html`` — the same tables and inline SVG charts in one self-contained page
  (:mod:`.report_html`, needs the ``report`` extra: Jinja2);
* ``csv`` — one row per indicator, or per finding after a check (:mod:`.report_csv`).

Each renderer is imported only when its format is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import Report
from kinerja_engine.rendering.basic import unknown_format
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CASE_FORMATS", "render_report", "render_reports"]

CASE_FORMATS = ("markdown", "html", "csv")

Item = tuple[Case, Report, RuleSet | None]


def render_reports(
    items: Sequence[Item], fmt: str, lang: str = "id", *, trace: bool = False
) -> str:
    """Several reports in one document (one page, one sheet, or one after the other)."""
    if fmt == "html":
        from kinerja_engine.rendering.html import render_html_many

        return render_html_many(items, lang, trace=trace)
    if fmt == "markdown":
        from kinerja_engine.rendering.markdown import render_markdown_many

        return render_markdown_many(items, lang, trace=trace)
    if fmt == "csv":
        from kinerja_engine.rendering.csv import render_csv

        return render_csv(items, lang)
    raise unknown_format(fmt, CASE_FORMATS)


def render_report(
    case: Case,
    report: Report,
    fmt: str,
    lang: str = "id",
    *,
    rules: RuleSet | None = None,
    trace: bool = False,
) -> str:
    """One report, computed from ``case`` under ``rules``, as ``markdown``, ``html`` or ``csv``.

    Without ``rules`` the HTML report has no category chart and the tables no efficiency
    formula: pass the rule set the report was computed under.
    """
    return render_reports([(case, report, rules)], fmt, lang, trace=trace)
