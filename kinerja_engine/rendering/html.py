"""The LKjIP chapter III report as one self-contained HTML file with inline SVG charts.

The page has no script, loads nothing from the network (styles and pictures are inline)
and prints cleanly to PDF from a browser (print CSS: A4, table headers repeated on each
page, rows and figures not split, background colours kept).

Templating uses Jinja2 (the ``report`` extra), imported only when an HTML report is
asked for: its autoescaping makes every agency name, printed text and message safe to
put in a page by default, which hand-built strings would have to get right at every
place. The charts come from :mod:`charts` as finished SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import Report, Status
from kinerja_engine.errors import require
from kinerja_engine.messages import template, text
from kinerja_engine.rendering.charts import (
    Chart,
    ChartItem,
    band_colours,
    category_chart,
    efficiency_chart,
)
from kinerja_engine.rendering.view import SEVERITY_IDS, build_view, percent_text
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["environment", "render_html", "render_html_many"]


def _environment() -> Any:
    # markupsafe first: jinja2 needs it, so its absence is named as itself.
    require("markupsafe", "report")
    jinja2 = require("jinja2", "report")
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kinerja_engine.rendering", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment() -> Any:
    """The templates' Jinja2 environment (autoescaping), for the pages of other modules."""
    return _environment()


def _charts(report: Report, rules: RuleSet | None, lang: str) -> tuple[Chart | None, Chart]:
    places, rounding = report.places, report.rounding
    items = []
    for n, r in enumerate(report.indicators, start=1):
        if r.status is Status.COMPUTED:
            why = None
        elif r.status is Status.MISSING:
            why = text("chapter.missing", lang)
        else:
            why = (r.reason_id if lang == "id" and r.reason_id else r.reason) or "-"
        if r.capaian is not None and r.serapan is None:
            why = text("chapter.no-serapan", lang)
        items.append(
            ChartItem(
                no=n,
                name=r.name,
                capaian=r.capaian,
                serapan=r.serapan,
                capaian_text=percent_text(r.capaian, places, rounding, lang),
                serapan_text=percent_text(r.serapan, places, rounding, lang),
                missing_text=text("chapter.not-drawn", lang, why=why) if why else None,
            )
        )
    category = None
    if rules is not None:
        category = category_chart(
            items,
            rules.categories.bands,
            lang=lang,
            title=text("chapter.chart-category", lang),
            axis_label=text("chapter.axis-capaian", lang),
            clipped_note=template("chapter.clipped-category", lang),
        )
    efficiency = efficiency_chart(
        items,
        lang=lang,
        title=text("chapter.chart-efficiency", lang),
        x_label=text("chapter.axis-serapan", lang),
        y_label=text("chapter.axis-capaian", lang),
        diagonal_label=text("chapter.diagonal", lang),
        above_label=text("chapter.above", lang),
        below_label=text("chapter.below", lang),
        clipped_note=template("chapter.clipped-efficiency", lang),
    )
    return category, efficiency


def _context(case: Case, report: Report, rules: RuleSet | None, lang: str) -> dict[str, Any]:
    from kinerja_engine.version import __version__

    view = build_view(case, report, rules, lang)
    category, efficiency = _charts(report, rules, lang)
    colours: dict[int, str] = {}
    if rules is not None:
        colours = dict(enumerate(band_colours(len(rules.categories.bands))))
    figures = []
    if category is not None:
        figures.append(("chart-category", text("chapter.chart-category", lang), category))
    figures.append(("chart-efficiency", text("chapter.chart-efficiency", lang), efficiency))
    return {
        "view": view,
        "figures": [
            {
                "id": ident,
                "caption": f"{text('chapter.figure', lang)} {n}. {caption}",
                "svg": chart.svg,
                "notes": chart.notes,
            }
            for n, (ident, caption, chart) in enumerate(figures, start=1)
        ],
        "colours": colours,
        "version": __version__,
        "t": lambda key, **values: text(key, lang, **values),
    }


def render_html(
    case: Case, report: Report, rules: RuleSet | None, lang: str = "id", *, trace: bool = False
) -> str:
    """One report as a self-contained HTML page."""
    return render_html_many([(case, report, rules)], lang, trace=trace)


def render_html_many(
    items: Sequence[tuple[Case, Report, RuleSet | None]], lang: str = "id", *, trace: bool = False
) -> str:
    """Several reports in one page, each starting on a new printed page."""
    env = _environment()
    Markup = require("markupsafe", "report").Markup
    template = env.get_template("report.html.j2")
    reports = []
    for case, report, rules in items:
        context = _context(case, report, rules, lang)
        for fig in context["figures"]:
            # The SVG is built by ElementTree, which escaped every text in it.
            fig["svg"] = Markup(fig["svg"])
        reports.append(context)
    first = items[0][1] if items else None
    title = (
        f"{text('chapter.title', lang)} — {first.info.agency} {first.info.year}"
        if first is not None
        else text("chapter.title", lang)
    )
    return str(
        template.render(
            lang=lang,
            title=title,
            reports=reports,
            trace=trace,
            t=lambda key, **values: text(key, lang, **values),
            severity_ids=SEVERITY_IDS,
        )
    )
