"""Results as CSV for spreadsheets: one row per indicator, or per finding after a check.

The text starts with a UTF-8 byte-order mark, by which Excel knows the encoding (without
it, Excel reads ``0–500 %`` as ``0â€“500 %``). Under ``--lang en`` the column names are fixed
English keys (like the JSON contract's), so a sheet built on them keeps working; under
``--lang id`` they are Indonesian headings (``Indikator Kinerja``, ``Pagu Anggaran``) that
``kinerja import`` reads as well. The *notation* follows ``lang`` the way spreadsheets
expect it: ``--lang id`` writes ``;``-separated cells with a decimal comma (``106,85``),
which a spreadsheet set to Indonesian opens as numbers, and ``--lang en`` writes
``,``-separated cells with a decimal point. Numbers are never grouped, so they stay
numbers in the sheet. Computed figures are rounded as the rule set displays them;
inputs are exact.

Every text cell that a spreadsheet would read as a formula (one that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return: OWASP's "CSV injection") is written with a
leading ``'``, which spreadsheets show as text; the figures are numbers and written as such
(``-1,5`` stays a number), and so is a printed text that reads as a figure (``-930,00 %``). ``kinerja import`` reads the ``'`` back off.

The indicator rows hold everything ``kinerja import`` needs to make the case again: the
inputs (target, realisasi, budget), the end-of-Renstra target, each earlier year's
realisasi (``realisasi_2020``) and the objective's id and name; so
``kinerja evaluate case --format csv | kinerja import -`` gives a case that evaluates to
the same figures.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from kinerja_engine.domain.model import Case, Direction, Target
from kinerja_engine.domain.results import Report, Status
from kinerja_engine.domain.wording import STATUS_IDS, where_label
from kinerja_engine.errors import NumberError
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number, parse_number
from kinerja_engine.rendering.findings import (
    engine_read,
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
    # ---- issue 15 (sheets): what a re-import needs; the history columns follow these.
    "renstra_target",
    "objective_name",
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


# Excel recognises UTF-8 by it; `kinerja import` (and Python's utf-8-sig) read it off.
BOM = "\ufeff"


_HEADINGS = {
    "agency": "csv.column.agency",
    "year": "csv.column.year",
    "rules": "csv.column.rules",
    "rules_version": "csv.column.rules-version",
    "no": "csv.column.no",
    "id": "csv.column.id",
    "name": "csv.column.name",
    "objective": "csv.column.objective",
    "unit": "csv.column.unit",
    "direction": "csv.column.direction",
    "target": "csv.column.target",
    "realisasi": "csv.column.realisasi",
    "pagu": "csv.column.pagu",
    "realisasi_anggaran": "csv.column.realisasi-anggaran",
    "capaian": "csv.column.capaian",
    "category": "csv.column.category",
    "serapan": "csv.column.serapan",
    "efficiency_value": "csv.column.efficiency-value",
    "efficiency_score": "csv.column.efficiency-score",
    "efficiency": "csv.column.efficiency",
    "progress": "csv.column.progress",
    "verdict": "csv.column.verdict",
    "status": "csv.column.status",
    "flags": "csv.column.flags",
    "reason": "csv.column.reason",
    "renstra_target": "csv.column.renstra-target",
    "objective_name": "csv.column.objective-name",
    "severity": "csv.column.severity",
    "code": "csv.column.code",
    "indicator": "csv.column.indicator",
    "budget": "csv.column.budget",
    "where": "csv.column.where",
    "field": "csv.column.field",
    "printed": "csv.column.printed",
    "expected": "csv.column.expected",
    "difference": "csv.column.difference",
    "tolerance": "csv.column.tolerance",
    "message": "csv.column.message",
    "evidence": "csv.column.evidence",
}
_DIRECTION_WORDS = {
    Direction.HIGHER_IS_BETTER: "csv.direction.higher-is-better",
    Direction.LOWER_IS_BETTER: "csv.direction.lower-is-better",
    Direction.WITHIN_RANGE: "csv.direction.within-range",
}


def heading(key: str, lang: str) -> str:
    """A column's heading: the key itself in ``en``, its Indonesian heading in ``id``
    (``realisasi_2020`` -> ``Realisasi 2020``)."""
    if lang != "id":
        return key
    if key.startswith("realisasi_") and key.removeprefix("realisasi_").isdigit():
        return text("csv.column.realisasi-year", "id", year=key.removeprefix("realisasi_"))
    return text(_HEADINGS[key], "id")


def _history_years(items: Sequence[tuple[Case, Report, RuleSet | None]]) -> list[int]:
    return sorted({year for case, _, _ in items for ind in case.indicators for year in ind.history})


def render_csv(items: Sequence[tuple[Case, Report, RuleSet | None]], lang: str = "id") -> str:
    """Every report's rows under one header: indicators, or findings when checked."""
    checked = any(report.checked for _, report, _ in items)
    years = [] if checked else _history_years(items)
    columns = list(FINDING_COLUMNS if checked else INDICATOR_COLUMNS)
    columns += [f"realisasi_{year}" for year in years]
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(
        buffer,
        delimiter=";" if lang == "id" else ",",
        lineterminator="\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerow([heading(c, lang) for c in columns])
    for case, report, _rules in items:
        head = [
            _text(report.info.agency),
            str(report.info.year),
            _text(report.rules),
            _text(report.rules_version),
        ]
        rows = (
            _finding_rows(report, lang) if checked else _indicator_rows(case, report, lang, years)
        )
        for row in rows:
            writer.writerow([*head, *row])
    return buffer.getvalue()


def direction_word(direction: Direction, lang: str) -> str:
    """``Positif`` / ``Negatif`` / ``Rentang`` in ``id`` (as LKjIP tables write it, and as
    ``kinerja import`` reads it); the direction's key in ``en``."""
    return text(_DIRECTION_WORDS[direction], "id") if lang == "id" else direction.value


def _indicator_rows(
    case: Case, report: Report, lang: str, years: Sequence[int] = ()
) -> list[list[str]]:
    inputs = {ind.id: ind for ind in case.indicators}
    objectives = {o.id: o.name for o in case.objectives}
    rows = []
    for n, r in enumerate(report.indicators, start=1):
        ind = inputs.get(r.id)
        budget = ind.budget if ind is not None else None
        reason = (r.reason_id if lang == "id" and r.reason_id else r.reason) or ""
        history = ind.history if ind is not None else {}
        rows.append(
            [
                str(n),
                _text(r.id),
                _text(r.name),
                _text(r.objective or ""),
                _text(r.unit),
                direction_word(r.direction, lang),
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
                _status(r.status, lang),
                " ".join(f.code for f in r.flags),
                _text(reason),
                _exact(ind.renstra_target if ind is not None else None, lang),
                _text(objectives.get(r.objective or "", "")),
                *[_exact(history.get(year), lang) for year in years],
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
                # A budget line's own amount or a case input is as the engine read it.
                _engine(f.printed, lang) if engine_read(f) else _text(f.printed or ""),
                _engine(f.expected, lang) if words is None else _text(words),
                _exact(f.difference, lang),
                _exact(f.tolerance, lang),
                _text(message_text(f, lang)),
                _text(evidence),
            ]
        )
    return rows


def _status(status: Status, lang: str) -> str:
    """The status as a reader says it; in English the JSON's own key (``not_computable``),
    which programs reading an English export already match."""
    if lang == "en":
        return status.value
    return text(STATUS_IDS[status], lang)
