"""The desk's pages: a folder's summary and the methods compared, in every format.

Both are laid out first as a list of :class:`Table` (title, headers, rows, formats), the
shape a spreadsheet writer takes (one sheet per table), and each format is drawn from
those tables: the terminal text (fitted to 80 columns), CSV (the tables one after
another), JSON (the values themselves, not the tables) and an HTML page in the look of
the LKjIP report, with stacked bar charts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from kinerja_engine.domain.results import Severity
from kinerja_engine.domain.summary import AgencyTotals, Comparison, MethodDiff, Summary
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number, plain_decimal
from kinerja_engine.rendering.charts import StackedRow, band_colours, stacked_chart
from kinerja_engine.rendering.escape import terminal_text
from kinerja_engine.rendering.jsontext import dumps
from kinerja_engine.rendering.view import SEVERITY_IDS, interval_text
from kinerja_engine.rendering.xlsx import AMOUNT, Sheet, write_workbook

__all__ = [
    "FORMATS",
    "Table",
    "compare_tables",
    "render_compare",
    "render_summary",
    "summary_tables",
]

FORMATS = ("table", "html", "json", "csv", "xlsx")
Cell = str | int | Decimal | None
WIDTH = 80
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SEVERITY_IDS = SEVERITY_IDS  # the words of the LKjIP page's findings
_SEVERITY_FILL = {
    Severity.ERROR: "#f4a6a6",
    Severity.WARNING: "#f6e58d",
    Severity.INFO: "#93c5fd",
}
# The words of what changes and why, each id spelled out (the catalogue's test finds them).
_WHAT = {
    "category": "field.category",
    "verdict": "field.verdict",
    "efficiency": "field.efficiency",
}
_WHY = {
    "capaian-formula": "compare.why.capaian-formula",
    "cap": "compare.why.cap",
    "bands": "compare.why.bands",
    "verdict-rule": "compare.why.verdict-rule",
    "efficiency-formula": "compare.why.efficiency-formula",
    "efficiency-bands": "compare.why.efficiency-bands",
}
# The most agencies a chart draws (those with the most findings); the tables hold all.
CHART_ROWS = 40
# The worst findings the terminal lists (the other formats list all the summary keeps).
TERMINAL_WORST = 10


class Table(NamedTuple):
    """One table of a page: a spreadsheet writer makes it one sheet. ``formats`` says per
    column ``text``, ``int`` or ``decimal``."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    formats: tuple[str, ...]


def _t(lang: str, key: str, **fields: object) -> str:
    return text(key, lang, **fields)


def _scope(s: Summary, lang: str) -> str:
    total = s.totals
    return _t(
        lang,
        "summary.scope",
        reports=_cell(total.reports, lang),
        agencies=_cell(len(s.agencies), lang),
        indicators=_cell(total.indicators, lang),
    )


def _count(t: Sequence[tuple[str, int]], key: str) -> int:
    return next((n for k, n in t if k == key), 0)


def _verdicts(a: AgencyTotals) -> tuple[int, int, int]:
    """(achieved, not achieved, without a verdict): the rule sets' two verdict labels are
    told apart by the not-achieved one containing the achieved one ("Tidak Tercapai")."""
    labels = sorted((k for k, _ in a.verdicts), key=len)
    achieved = _count(a.verdicts, labels[0]) if labels else 0
    missed = sum(n for k, n in a.verdicts) - achieved
    return achieved, missed, a.indicators - achieved - missed


# ---------------------------------------------------------------- tables


def summary_tables(s: Summary, lang: str = "id") -> list[Table]:
    """The summary as tables: per agency (with the region's total), the worst findings,
    the reports ranked by what needs attention first."""
    cats = s.categories
    head = (
        _t(lang, "summary.agency"),
        _t(lang, "summary.reports"),
        _t(lang, "summary.years"),
        _t(lang, "summary.indicators"),
        *cats,
        _t(lang, "summary.achieved"),
        _t(lang, "summary.not-achieved"),
        *(_t(lang, _SEVERITY_IDS[sev]) for sev in _SEVERITIES),
        _t(lang, "summary.pairs"),
        _t(lang, "summary.across"),
    )

    def row(a: AgencyTotals, name: str) -> tuple[Cell, ...]:
        achieved, missed, _ = _verdicts(a)
        years = f"{a.years[0]}–{a.years[-1]}" if len(a.years) > 1 else "".join(map(str, a.years))
        return (
            name,
            a.reports,
            years,
            a.indicators,
            *(_count(a.categories, c) for c in cats),
            achieved,
            missed,
            *(a.severity(sev) for sev in _SEVERITIES),
            a.pairs,
            sum(n for _, n in a.across),
        )

    rows = [row(a, a.agency) for a in s.agencies]
    rows.append(row(s.totals, _t(lang, "summary.total")))
    n = len(head)
    agencies = Table(
        _t(lang, "summary.per-agency"),
        head,
        tuple(rows),
        ("text", "int", "text") + ("int",) * (n - 3),
    )
    worst = Table(
        _t(lang, "summary.worst"),
        (
            _t(lang, "summary.rank"),
            _t(lang, "chapter.severity"),
            _t(lang, "chapter.code"),
            _t(lang, "summary.agency"),
            _t(lang, "xlsx.year"),
            _t(lang, "table.indicator"),
            _t(lang, "chapter.where"),
            _t(lang, "xlsx.message"),
        ),
        tuple(
            (
                i,
                _t(lang, _SEVERITY_IDS[Severity(w.severity)]),
                w.code,
                w.agency,
                w.year,
                w.subject,
                w.where,
                w.message_id if lang == "id" else w.message_en,
            )
            for i, w in enumerate(s.worst, start=1)
        ),
        ("int", "text", "text", "text", "int", "text", "text", "text"),
    )
    ranked = Table(
        _t(lang, "summary.ranked"),
        (
            _t(lang, "summary.rank"),
            _t(lang, "summary.agency"),
            _t(lang, "xlsx.year"),
            _t(lang, "summary.indicators"),
            _t(lang, _SEVERITY_IDS[Severity.ERROR]),
            _t(lang, _SEVERITY_IDS[Severity.WARNING]),
            _t(lang, "summary.not-achieved"),
            _t(lang, "summary.lowest"),
            _t(lang, "summary.report"),
        ),
        tuple(
            (
                i,
                r.agency,
                r.year,
                r.indicators,
                r.errors,
                r.warnings,
                r.not_achieved,
                r.lowest,
                r.report,
            )
            for i, r in enumerate(s.ranked, start=1)
        ),
        ("int", "text", "int", "int", "int", "int", "int", "int", "text"),
    )
    return [agencies, worst, ranked]


def compare_tables(c: Comparison, lang: str = "id") -> list[Table]:
    """The comparison as tables: each indicator whose outcome changes, one column group
    per rule set; and per agency how many outcomes depend on the method."""
    head: list[str] = [
        _t(lang, "summary.agency"),
        _t(lang, "xlsx.year"),
        _t(lang, "table.indicator"),
        _t(lang, "compare.changed"),
    ]
    for name in c.rules:
        head += [
            f"{name}: {_t(lang, 'chapter.capaian')}",
            f"{name}: {_t(lang, 'chapter.category')}",
            f"{name}: {_t(lang, 'table.verdict')}",
            f"{name}: {_t(lang, 'table.efficiency')}",
        ]
    head += [_t(lang, "compare.spread"), _t(lang, "compare.why")]
    rows = []
    for d in c.diffs:
        row: list[Cell] = [d.agency, d.year, f"{d.indicator} {d.name}", _changed(d, lang)]
        for o in d.outcomes:
            row += [_rounded(o.capaian), o.category, o.verdict, o.efficiency]
        row += [_rounded(d.spread), _why(d, lang)]
        rows.append(tuple(row))
    formats = (
        ("text", "int", "text", "text")
        + ("decimal", "text", "text", "text") * len(c.rules)
        + ("decimal", "text")
    )
    per_agency = Table(
        _t(lang, "compare.per-agency"),
        (
            _t(lang, "summary.agency"),
            _t(lang, "summary.indicators"),
            _t(lang, "compare.verdicts"),
            _t(lang, "compare.categories"),
            _t(lang, "compare.efficiency"),
        ),
        tuple((m.agency, m.indicators, m.verdicts, m.categories, m.efficiency) for m in c.agencies),
        ("text", "int", "int", "int", "int"),
    )
    return [Table(_t(lang, "compare.title"), tuple(head), tuple(rows), formats), per_agency]


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def _changed(d: MethodDiff, lang: str) -> str:
    return ", ".join(_t(lang, _WHAT[w]) for w in d.changed)


def _why(d: MethodDiff, lang: str) -> str:
    return "; ".join(_t(lang, _WHY[w]) for w in d.why)


# ---------------------------------------------------------------- cells


def _cell(value: Cell, lang: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, Decimal):  # a capaian or a spread: two places, as printed
        return format_number(value, 2, notation=lang, group=True)
    if isinstance(value, int) and abs(value) >= 10_000:
        return format_number(Decimal(value), 0, notation=lang, group=True)
    return str(value)


def _aligned(t: Table, lang: str) -> list[str]:
    cells = [[terminal_text(_cell(v, lang)) for v in row] for row in t.rows]
    widths = [len(h) for h in t.headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    right = [f != "text" for f in t.formats]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return [line(t.headers), "  ".join("-" * w for w in widths), *(line(r) for r in cells)]


def _fit(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _wrapped(first: str, rest: str, width: int = WIDTH) -> list[str]:
    """``first`` then ``rest`` as lines of at most ``width`` columns, continued indented."""
    out, line = [], first
    for word in rest.split():
        if len(line) + 1 + len(word) > width and line.strip():
            out.append(line)
            line = "    " + word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return out


# ---------------------------------------------------------------- the terminal


def _terminal(s: Summary, lang: str) -> str:
    total = s.totals
    out = [_t(lang, "summary.title"), _scope(s, lang), ""]
    # The per-agency table in 80 columns: the categories as counts from the highest band
    # down, the verdicts and severities likewise, under a legend.
    cats = s.categories
    abbreviations = ["".join(w[0] for w in c.split()).upper() for c in cats]
    legend = ", ".join(f"{a} = {c}" for a, c in zip(abbreviations, cats, strict=True))
    sev = "/".join(_t(lang, _SEVERITY_IDS[x])[0].upper() for x in _SEVERITIES)
    head = (
        _t(lang, "summary.agency"),
        _t(lang, "summary.short.reports"),
        _t(lang, "summary.short.indicators"),
        "/".join(abbreviations) or "-",
        _t(lang, "summary.verdict-short"),
        sev,
        _t(lang, "summary.short.across"),
    )

    def row(a: AgencyTotals, name: str) -> tuple[Cell, ...]:
        achieved, missed, _ = _verdicts(a)
        return (
            name,
            a.reports,
            a.indicators,
            "/".join(str(_count(a.categories, c)) for c in cats),
            f"{achieved}/{missed}",
            "/".join(str(a.severity(x)) for x in _SEVERITIES),
            sum(n for _, n in a.across),
        )

    rows = [row(a, a.agency) for a in s.agencies] + [row(total, _t(lang, "summary.total"))]
    fixed = ("int", "int", "int", "int", "int", "int")
    numbers = [[_cell(v, lang) for v in r[1:]] for r in rows]
    used = sum(max(len(h), *(len(r[i]) for r in numbers)) + 2 for i, h in enumerate(head[1:]))
    room = max(12, WIDTH - used)
    rows = [(_fit(str(r[0]), room), *r[1:]) for r in rows]
    table = Table(_t(lang, "summary.per-agency"), head, tuple(rows), ("text", *fixed))
    out += [_t(lang, "summary.per-agency"), *_aligned(table, lang)]
    if legend:
        out += _wrapped("", legend)
    out += _wrapped("", f"{sev}: " + ", ".join(_t(lang, _SEVERITY_IDS[x]) for x in _SEVERITIES))
    out += ["", _t(lang, "summary.worst")]
    if not s.worst:
        out.append(_t(lang, "summary.none"))
    for i, w in enumerate(s.worst[:TERMINAL_WORST], start=1):
        said = w.message_id if lang == "id" else w.message_en
        label = _t(lang, _SEVERITY_IDS[Severity(w.severity)])
        line = f"[{label}] {w.code} — {w.agency} {w.year}, {w.subject}: {said}"
        out += _wrapped(f"{i:>2}.", terminal_text(line))
    out += ["", _t(lang, "summary.ranked")]
    rhead = (
        "#",
        _t(lang, "summary.agency"),
        _t(lang, "summary.short.year"),
        _t(lang, "summary.short.indicators"),
        sev,
        _t(lang, "summary.not-achieved"),
    )
    ranked = [
        (i, r.agency, r.year, r.indicators, f"{r.errors}/{r.warnings}/-", r.not_achieved)
        for i, r in enumerate(s.ranked, start=1)
    ]
    ranked = [(*r[:4], r[4].replace("/-", ""), r[5]) for r in ranked]
    rhead = (*rhead[:4], sev.rsplit("/", 1)[0], rhead[5])
    cells = [[_cell(v, lang) for v in r] for r in ranked]
    used = sum(
        max([len(h), *(len(c[k]) for c in cells)]) + 2 for k, h in enumerate(rhead) if k != 1
    )
    room = max(12, WIDTH - used)
    fitted = tuple((r[0], _fit(r[1], room), *r[2:]) for r in ranked)
    out += _aligned(Table("", rhead, fitted, ("int", "text", "int", "int", "int", "int")), lang)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- CSV and JSON


def _csv(tables: Sequence[Table], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "id" else ",", lineterminator="\n")
    for n, t in enumerate(tables):
        if n:
            writer.writerow([])
        writer.writerow([_safe(t.title)])
        writer.writerow([_safe(h) for h in t.headers])
        for row in t.rows:
            writer.writerow([_csv_cell(v, lang) for v in row])
    return out.getvalue()


def _csv_cell(value: Cell, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        shown = plain_decimal(value)
        return shown.replace(".", ",") if lang == "id" else shown
    if isinstance(value, int):
        return str(value)
    return _safe(value)


def _safe(value: str) -> str:
    # A cell a spreadsheet would run as a formula is written as text (OWASP CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def summary_dict(s: Summary, lang: str = "en") -> dict[str, Any]:
    """The summary as the JSON document: each worst finding's ``message`` in ``lang``,
    with its catalogue ``message_id``, as a report's findings have them."""

    def agency(a: AgencyTotals) -> dict[str, Any]:
        return {
            "agency": a.agency,
            "reports": a.reports,
            "years": list(a.years),
            "indicators": a.indicators,
            "statuses": dict(a.statuses),
            "categories": dict(a.categories),
            "verdicts": dict(a.verdicts),
            "efficiency": dict(a.efficiency),
            "findings": dict(a.severities),
            "checks_passed": a.checks_passed,
            "across": dict(a.across),
            "pairs": a.pairs,
        }

    return {
        "categories": list(s.categories),
        "totals": {k: v for k, v in agency(s.totals).items() if k != "agency"},
        "agencies": [agency(a) for a in s.agencies],
        "worst": [
            {
                "severity": w.severity,
                "code": w.code,
                "agency": w.agency,
                "year": w.year,
                "report": w.report,
                "subject": w.subject,
                "where": w.where,
                "message": w.message_id if lang == "id" else w.message_en,
                "message_id": w.catalogue_id,
            }
            for w in s.worst
        ],
        "ranked": [
            {
                "agency": r.agency,
                "year": r.year,
                "report": r.report,
                "indicators": r.indicators,
                "errors": r.errors,
                "warnings": r.warnings,
                "not_achieved": r.not_achieved,
                "lowest": r.lowest,
            }
            for r in s.ranked
        ],
    }


def _compare_dict(c: Comparison) -> dict[str, Any]:
    def dec(value: Decimal | None) -> str | None:
        return None if value is None else plain_decimal(value.quantize(Decimal("0.01")))

    return {
        "rules": list(c.rules),
        "diffs": [
            {
                "agency": d.agency,
                "year": d.year,
                "report": d.report,
                "indicator": d.indicator,
                "name": d.name,
                "changed": list(d.changed),
                "spread": dec(d.spread),
                "why": list(d.why),
                "outcomes": [
                    {
                        "rules": o.rules,
                        "capaian": dec(o.capaian),
                        "category": o.category,
                        "verdict": o.verdict,
                        "efficiency": o.efficiency,
                        "formula": o.formula,
                        "band": o.band,
                        "efficiency_formula": o.efficiency_formula,
                    }
                    for o in d.outcomes
                ],
            }
            for d in c.diffs
        ],
        "agencies": [
            {
                "agency": m.agency,
                "indicators": m.indicators,
                "verdicts": m.verdicts,
                "categories": m.categories,
                "efficiency": m.efficiency,
            }
            for m in c.agencies
        ],
    }


# ---------------------------------------------------------------- HTML


def _html(
    title: str,
    tables: Sequence[Table],
    charts: Sequence[tuple[str, Any]],
    lang: str,
    scope: str,
    *,
    total: bool = False,
) -> str:
    """The page; with ``total``, the first table's last row is the total."""
    from markupsafe import Markup

    from kinerja_engine.rendering.html import environment
    from kinerja_engine.version import __version__

    template = environment().get_template("summary.html.j2")
    shown = [
        {
            "title": t.title,
            "headers": t.headers,
            "formats": t.formats,
            "rows": [[_cell(v, lang) for v in row] for row in t.rows],
            "total": total and n == 0,
        }
        for n, t in enumerate(tables)
    ]
    return str(
        template.render(
            lang=lang,
            title=title,
            scope=scope,
            tables=shown,
            charts=[(caption, Markup(svg)) for caption, svg in charts],
            version=__version__,
            t=lambda key, **values: text(key, lang, **values),
        )
    )


def _summary_charts(s: Summary, lang: str) -> list[tuple[str, str]]:
    shown = sorted(s.agencies, key=lambda a: (-a.findings, a.agency))[:CHART_ROWS]
    shown.sort(key=lambda a: a.agency)
    cats = s.categories
    # Each category in its band's colour, from red (rank 0, the lowest) to green.
    fills = band_colours(max([r for _, r in s.category_order], default=0) + 1)
    colours = tuple(fills[rank] for _, rank in s.category_order)
    categories = stacked_chart(
        [StackedRow(a.agency, tuple(_count(a.categories, c) for c in cats)) for a in shown],
        list(zip(cats, colours, strict=True)),
        title=_t(lang, "summary.chart-categories"),
        axis_label=_t(lang, "summary.axis-indicators"),
        ident="chart-categories",
    )
    severities = stacked_chart(
        [
            StackedRow(
                a.agency, tuple(a.severity(x) + _count(a.across, str(x)) for x in _SEVERITIES)
            )
            for a in shown
        ],
        [(_t(lang, _SEVERITY_IDS[x]), _SEVERITY_FILL[x]) for x in _SEVERITIES],
        title=_t(lang, "summary.chart-severities"),
        axis_label=_t(lang, "summary.axis-findings"),
        ident="chart-severities",
    )
    charts = [
        (_t(lang, "summary.chart-categories"), categories.svg),
        (_t(lang, "summary.chart-severities"), severities.svg),
    ]
    return charts


# ---------------------------------------------------------------- entry points


# A table's column kinds as workbook number formats (None: text).
_SHEET_FORMATS: dict[str, str | None] = {"text": None, "int": "#,##0", "decimal": AMOUNT}


def _workbook(tables: Sequence[Table], lang: str) -> bytes:
    """The tables of a page as the sheets of one workbook (the ``xlsx`` extra)."""
    return write_workbook(
        [
            Sheet(t.title, t.headers, t.rows, tuple(_SHEET_FORMATS[f] for f in t.formats))
            for t in tables
        ],
        lang,
    )


def render_summary(s: Summary, fmt: str = "table", lang: str = "id") -> str | bytes:
    """The summary in ``fmt`` (one of :data:`FORMATS`; ``xlsx`` gives bytes)."""
    if fmt == "xlsx":
        return _workbook(summary_tables(s, lang), lang)
    if fmt == "json":
        return dumps(summary_dict(s, lang)) + "\n"
    if fmt == "csv":
        return _csv(summary_tables(s, lang), lang)
    if fmt == "html":
        scope = _scope(s, lang)
        notes = []
        if len(s.agencies) > CHART_ROWS:
            notes.append(_t(lang, "summary.chart-more", shown=CHART_ROWS, total=len(s.agencies)))
        scope = "; ".join([scope, *notes])
        return _html(
            _t(lang, "summary.title"),
            summary_tables(s, lang),
            _summary_charts(s, lang),
            lang,
            scope,
            total=True,
        )
    return _terminal(s, lang)


def render_compare(c: Comparison, fmt: str = "table", lang: str = "id") -> str | bytes:
    """The comparison of methods in ``fmt`` (one of :data:`FORMATS`; ``xlsx`` gives bytes)."""
    if fmt == "json":
        return dumps(_compare_dict(c)) + "\n"
    tables = compare_tables(c, lang)
    if fmt == "xlsx":
        return _workbook(tables, lang)
    if fmt == "csv":
        return _csv(tables, lang)
    indicators = sum(m.indicators for m in c.agencies)
    scope = _t(
        lang, "compare.scope", rules=", ".join(c.rules), indicators=indicators, changed=len(c.diffs)
    )
    if fmt == "html":
        return _html(_t(lang, "compare.title"), tables, (), lang, scope)
    out = [_t(lang, "compare.title"), *_wrapped("", scope), ""]
    if not c.diffs:
        out.append(_t(lang, "compare.none"))
    for d in c.diffs:
        out += _wrapped("", terminal_text(f"{d.agency} {d.year} — {d.indicator} {d.name}:"))
        out += _wrapped(
            "  ",
            f"{_t(lang, 'compare.changed')}: {_changed(d, lang)};"
            f" {_t(lang, 'compare.why')}: {_why(d, lang)}",
        )
        for o in d.outcomes:
            capaian = (
                "-" if o.capaian is None else format_number(o.capaian, 2, notation=lang, group=True)
            )
            said = (
                f"{o.rules}: {capaian} % {o.category or '-'}, {o.verdict or '-'},"
                f" {o.efficiency or '-'} ({_t(lang, 'compare.formula')} {o.formula};"
                f" {_t(lang, 'compare.band')} {interval_text(o.band or '-', lang)})"
            )
            out += _wrapped("   ", terminal_text(said))
    out += ["", _t(lang, "compare.per-agency")]
    per = tables[1]
    short = (
        per.headers[0],
        per.headers[1],
        *(_t(lang, _WHAT[w]) for w in ("verdict", "category", "efficiency")),
    )
    fitted = tuple((_fit(str(r[0]), 36), *r[1:]) for r in per.rows)
    out += _aligned(Table(per.title, short, fitted, per.formats), lang)
    return "\n".join(out) + "\n"
