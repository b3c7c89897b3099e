"""Results as CSV for spreadsheets: one row per indicator, or per finding after a check.

Column names are fixed English keys (like the JSON contract's) in both languages, so a
sheet built on them keeps working; the *notation* follows ``lang`` the way spreadsheets
expect it: ``--lang id`` writes ``;``-separated cells with a decimal comma (``106,85``),
which a spreadsheet set to Indonesian opens as numbers, and ``--lang en`` writes
``,``-separated cells with a decimal point. Numbers are never grouped, so they stay
numbers in the sheet. Computed figures are rounded as the rule set displays them;
inputs are exact.

Every text cell that a spreadsheet would read as a formula (one that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return: OWASP's "CSV injection") is written with a
leading ``'``, which spreadsheets show as text; the figures are numbers and written as such
(``-1,5`` stays a number), and so is a printed text that reads as a figure (``-930,00 %``). ``kinerja import`` reads the ``'`` back off.

The indicator layout is one that ``kinerja import`` reads back (``name``, ``unit``,
``direction``, ``target``, ``realisasi``, ``pagu``, ``realisasi_anggaran``, …).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from kinerja_engine.domain.model import Case, Target
from kinerja_engine.domain.results import Report
from kinerja_engine.domain.wording import where_label
from kinerja_engine.errors import NumberError
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.numbers import format_number, parse_number
from kinerja_engine.rendering.findings import (
    expected_words,
    field_text,
    message_text,
    severity_word,
)
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["FINDING_COLUMNS", "FORMULA_STARTS", "INDICATOR_COLUMNS", "render_csv"]

INDICATOR_COLUMNS = (
    "agency",
    "year",
    "rules",
    "rules_version",
    "no",
    "id",
    "name",
    "objective",
    "unit",
    "direction",
    "target",
    "realisasi",
    "pagu",
    "realisasi_anggaran",
    "capaian",
    "category",
    "serapan",
    "efficiency_value",
    "efficiency_score",
    "efficiency",
    "progress",
    "verdict",
    "status",
    "flags",
    "reason",
)

FINDING_COLUMNS = (
    "agency",
    "year",
    "rules",
    "rules_version",
    "no",
    "severity",
    "code",
    "indicator",
    "budget",
    "where",
    "field",
    "printed",
    "expected",
    "difference",
    "tolerance",
    "message",
    "evidence",
)

# What makes a spreadsheet evaluate a cell (OWASP); io/importing.py warns on the same set.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_ID_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def _figure_text(value: str) -> bool:
    """Whether a text reads as a figure (``-930,00 %`` as printed, a lone ``-``): digits and
    marks only, which no spreadsheet runs as a formula, so it is kept as printed."""
    if not value.startswith(("-", "+")):
        return False
    try:
        parse_number(value)
    except NumberError:
        return False
    return True


def _text(value: str) -> str:
    """A text cell as a spreadsheet shows it, never as a formula it would evaluate. A
    carriage return becomes a newline: the writer quotes a cell holding a newline but not
    one holding a bare CR, which a reader would take for the end of the row."""
    if value.startswith(FORMULA_STARTS) and not _figure_text(value):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _exact(value: Decimal | None, lang: str) -> str:
    return "" if value is None else format_number(value, None, notation=lang)


def _shown(value: Decimal | None, report: Report, lang: str) -> str:
    if value is None:
        return ""
    rounded = quantize(value, report.places, report.rounding)
    return format_number(rounded, report.places, notation=lang)


def _target(target: Target | None, lang: str) -> str:
    if target is None:
        return "-"
    if target.is_range:
        # Two numbers in one cell; written as the case format writes a range.
        return f"[{_exact(target.low, lang)}; {_exact(target.high, lang)}]"
    return _exact(target.low, lang)


def _engine(text: str | None, lang: str) -> str:
    """An engine-made plain decimal in ``lang``'s notation; printed text as printed."""
    if text is None:
        return ""
    if _PLAIN.match(text) and not _ID_GROUPED.match(text):
        return format_number(Decimal(text), None, notation=lang)
    return _text(text)


def render_csv(items: Sequence[tuple[Case, Report, RuleSet | None]], lang: str = "id") -> str:
    """Every report's rows under one header: indicators, or findings when checked."""
    checked = any(report.checked for _, report, _ in items)
    columns = FINDING_COLUMNS if checked else INDICATOR_COLUMNS
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=";" if lang == "id" else ",",
        lineterminator="\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerow(columns)
    for case, report, _rules in items:
        head = [
            _text(report.info.agency),
            str(report.info.year),
            _text(report.rules),
            _text(report.rules_version),
        ]
        rows = _finding_rows(report, lang) if checked else _indicator_rows(case, report, lang)
        for row in rows:
            writer.writerow([*head, *row])
    return buffer.getvalue()


def _indicator_rows(case: Case, report: Report, lang: str) -> list[list[str]]:
    inputs = {ind.id: ind for ind in case.indicators}
    rows = []
    for n, r in enumerate(report.indicators, start=1):
        ind = inputs.get(r.id)
        budget = ind.budget if ind is not None else None
        reason = (r.reason_id if lang == "id" and r.reason_id else r.reason) or ""
        rows.append(
            [
                str(n),
                _text(r.id),
                _text(r.name),
                _text(r.objective or ""),
                _text(r.unit),
                r.direction.value,
                _target(ind.target if ind is not None else None, lang),
                _exact(ind.realisasi if ind is not None else None, lang),
                _exact(budget.pagu if budget else None, lang),
                _exact(budget.realisasi if budget else None, lang),
                _shown(r.capaian, report, lang),
                _text(r.category or ""),
                _shown(r.serapan, report, lang),
                _shown(r.efficiency_value, report, lang),
                _shown(r.efficiency_score, report, lang),
                _text(r.efficiency or ""),
                _shown(r.progress, report, lang),
                _text(r.verdict or ""),
                r.status.value,
                " ".join(f.code for f in r.flags),
                _text(reason),
            ]
        )
    return rows


def _finding_rows(report: Report, lang: str) -> list[list[str]]:
    rows = []
    for n, f in enumerate(report.findings, start=1):
        evidence = "; ".join(
            f"{field_text(name, lang)}: {_engine(value, lang)} ({where_label(where, lang)})"
            for name, value, where in f.inputs
        )
        words = None if f.expected is None else expected_words(f.expected, lang)
        rows.append(
            [
                str(n),
                severity_word(f.severity, lang),
                _text(f.code),
                _text(f.indicator or ""),
                _text(f.budget or ""),
                _text(where_label(f.where or "", lang)),
                _text("" if f.field is None else field_text(f.field, lang)),
                # A budget line's own amount is as the engine read it (footing).
                _engine(f.printed, lang)
                if f.budget and f.field in ("pagu", "realisasi")
                else _text(f.printed or ""),
                _engine(f.expected, lang) if words is None else _text(words),
                _exact(f.difference, lang),
                _exact(f.tolerance, lang),
                _text(message_text(f, lang)),
                _text(evidence),
            ]
        )
    return rows
