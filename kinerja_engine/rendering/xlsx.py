"""Chapter III as an Excel workbook (``--format xlsx``, the ``xlsx`` extra: openpyxl).

One sheet per table: indicators, budget per indicator, budget per program and kegiatan
(when the case has ``[[budget]]`` lines), efficiency, and the findings after a check.
Figures are number cells, never text, so a clerk can sum and chart them: a Decimal is
written into the file as its exact decimal text. The number formats are written as Excel
stores them, with ``,`` for thousands and ``.`` for decimals (``#,##0.00``); Excel shows
them in the reader's locale, ``1.418.633.200,00`` under Indonesian settings. Percentages
are figures in percent (``100.01``), shown with a ``%`` after them, not fractions.

Excel keeps a number to 15 significant digits. A rupiah amount with sen beyond that
(from 10^13 rupiah on) would lose its last digits as a number: such a column gets a
second column beside it with each amount as exact text (``1.234.567.890.123,45``), and the
number column keeps the value Excel can hold.

:func:`write_workbook` is generic (sheets of title, headings, rows and formats), for any
table a command wants as a workbook.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from decimal import Decimal

import attrs

from kinerja_engine.domain.model import Case, Target
from kinerja_engine.domain.results import Report, Status
from kinerja_engine.errors import require
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number
from kinerja_engine.rendering.view import SEVERITY_IDS, budget_rows, remarks
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = [
    "AMOUNT",
    "PERCENT",
    "PLAIN",
    "Sheet",
    "chapter_sheets",
    "render_xlsx",
    "write_workbook",
]

Cell = str | int | Decimal | None

# Number formats as Excel stores them (Excel shows them in the reader's locale).
AMOUNT = "#,##0.00"
PERCENT = '#,##0.00" %"'
PLAIN = "General"
TEXT = "@"
_MAX_WIDTH = 60
# Excel keeps (and shows) at most 15 significant digits of a number.
EXCEL_DIGITS = 15


@attrs.frozen
class Sheet:
    """One sheet: its title, the column headings, the rows, and each column's number
    format (None for text)."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    formats: tuple[str | None, ...]


def _too_long(value: Cell) -> bool:
    # Significant digits: trailing zeros of a whole number cost Excel nothing.
    return isinstance(value, Decimal) and len(value.normalize().as_tuple().digits) > EXCEL_DIGITS


def _with_exact_columns(sheet: Sheet, lang: str) -> Sheet:
    """The sheet with an exact-text column after each column holding a number beyond
    Excel's 15 significant digits."""
    wide = [i for i in range(len(sheet.headers)) if any(_too_long(r[i]) for r in sheet.rows)]
    if not wide:
        return sheet
    headers: list[str] = []
    formats: list[str | None] = []
    for i, (head, fmt) in enumerate(zip(sheet.headers, sheet.formats, strict=True)):
        headers.append(head)
        formats.append(fmt)
        if i in wide:
            headers.append(text("xlsx.exact-column", lang, header=head))
            formats.append(TEXT)
    rows = []
    for row in sheet.rows:
        cells: list[Cell] = []
        for i, value in enumerate(row):
            cells.append(value)
            if i in wide:
                exact = isinstance(value, Decimal)
                places = 2 if sheet.formats[i] == AMOUNT else None
                shown = _exact_text(value, places, lang) if exact else value
                cells.append(shown)
        rows.append(tuple(cells))
    return Sheet(sheet.title, tuple(headers), tuple(rows), tuple(formats))


def _exact_text(value: Cell, places: int | None, lang: str) -> str:
    assert isinstance(value, Decimal)
    exponent = value.as_tuple().exponent
    if places is not None and isinstance(exponent, int) and -exponent > places:
        places = -exponent
    return format_number(value, places, notation=lang, group=True)


def write_workbook(sheets: Sequence[Sheet], lang: str = "id") -> bytes:
    """The workbook of ``sheets`` as the bytes of an ``.xlsx`` file: bold frozen headings,
    columns as wide as their text, numbers as number cells in their formats."""
    openpyxl = require("openpyxl", "xlsx")
    styles = require("openpyxl.styles", "xlsx")
    utils = require("openpyxl.utils", "xlsx")
    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = styles.Font(bold=True)
    for given in sheets:
        sheet = _with_exact_columns(given, lang)
        ws = book.create_sheet(_sheet_title(sheet.title))
        ws.append(list(sheet.headers))
        for cell in ws[1]:
            cell.font = bold
        for row in sheet.rows:
            ws.append([_cell(v) for v in row])
        for col, fmt in enumerate(sheet.formats, start=1):
            if fmt is None:
                continue
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        ws.freeze_panes = "A2"
        for col, head in enumerate(sheet.headers, start=1):
            longest = max(
                [len(head), *(len(_shown(r[col - 1])) for r in sheet.rows)], default=len(head)
            )
            letter = utils.get_column_letter(col)
            ws.column_dimensions[letter].width = min(_MAX_WIDTH, longest + 2)
    # The same report gives the same bytes: no clock in the file (its properties and the
    # zip entries' times are fixed), so a workbook can be compared and recorded.
    book.properties.created = book.properties.modified = _FIXED_TIME
    book.properties.creator = "kinerja_engine"
    buffer = io.BytesIO()
    book.save(buffer)
    return _without_times(buffer.getvalue())


_FIXED_TIME = datetime.datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*")


def _without_times(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the time of saving: the fixed time instead.
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z", data)
            target.writestr(fixed, data)
    return out.getvalue()


def _cell(value: Cell) -> Cell:
    # A text that a spreadsheet would run as a formula stays text: openpyxl writes a
    # string starting with "=" as a formula.
    if isinstance(value, str) and value.startswith("="):
        return "'" + value
    return value


def _shown(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # The width a grouped figure takes, with two decimals.
        return format_number(value, 2, notation="en", group=True)
    return str(value)


def _sheet_title(title: str) -> str:
    # Excel's limits: 31 characters, none of []:*?/\
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title)
    return cleaned[:31]


# ---------------------------------------------------------------- chapter III


Item = tuple[Case, Report, RuleSet | None]


def render_xlsx(items: Sequence[Item], lang: str = "id") -> bytes:
    """Chapter III of every report in one workbook: each table one sheet, the reports'
    rows one after the other (the agency and year in the first columns when several)."""
    sheets = chapter_sheets(items, lang)
    return write_workbook(sheets, lang)


def _target_cells(target: Target | None) -> tuple[Cell, Cell]:
    if target is None:
        return None, None
    return target.low, (target.high if target.is_range else None)


def _percent(value: Decimal | None, report: Report) -> Decimal | None:
    return None if value is None else quantize(value, report.places, report.rounding)


def chapter_sheets(items: Sequence[Item], lang: str = "id") -> list[Sheet]:
    """The chapter III tables of ``items`` as sheets."""
    many = len(items) > 1

    def t(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    lead_head = (t("xlsx.agency"), t("xlsx.year")) if many else ()

    def lead(report: Report) -> tuple[Cell, ...]:
        return (report.info.agency, report.info.year) if many else ()

    years = {report.info.year for _, report, _ in items}
    year = years.pop() if len(years) == 1 else None
    iku: list[tuple[Cell, ...]] = []
    budget: list[tuple[Cell, ...]] = []
    lines: list[tuple[Cell, ...]] = []
    efficiency: list[tuple[Cell, ...]] = []
    findings: list[tuple[Cell, ...]] = []
    for case, report, rules in items:
        inputs = {ind.id: ind for ind in case.indicators}
        objectives = {o.id: o.name for o in case.objectives}
        for n, r in enumerate(report.indicators, start=1):
            ind = inputs.get(r.id)
            low, high = _target_cells(ind.target if ind is not None else None)
            last = ind.history.get(report.info.year - 1) if ind is not None else None
            iku.append(
                (
                    *lead(report),
                    n,
                    r.id,
                    r.name,
                    objectives.get(r.objective or "", r.objective or ""),
                    r.unit,
                    t(_DIRECTIONS[r.direction.value]),
                    last,
                    low,
                    high,
                    ind.realisasi if ind is not None else None,
                    _percent(r.capaian, report),
                    r.category or "",
                    ind.renstra_target if ind is not None else None,
                    _percent(r.progress, report),
                    remarks(r, lang),
                )
            )
            b = ind.budget if ind is not None else None
            budget.append(
                (
                    *lead(report),
                    n,
                    r.name,
                    b.pagu if b else None,
                    b.realisasi if b else None,
                    _percent(r.serapan, report),
                )
            )
            efficiency.append(
                (
                    *lead(report),
                    n,
                    r.name,
                    _percent(r.capaian, report),
                    _percent(r.serapan, report),
                    _percent(r.efficiency_value, report),
                    r.efficiency or ("" if r.status is Status.COMPUTED else "-"),
                )
            )
        for row in budget_rows(case, report, rules, lang):
            lines.append(
                (*lead(report), row.id, row.indent_name, row.pagu, row.realisasi, row.serapan)
            )
        for n, f in enumerate(report.findings, start=1):
            findings.append(
                (
                    *lead(report),
                    n,
                    t(SEVERITY_IDS[f.severity.value]),
                    f.code,
                    f.indicator or f.budget or "",
                    f.where or "",
                    f.field or "",
                    f.printed or "",
                    _number_or_text(f.expected),
                    f.difference,
                    f.message_id if lang == "id" else f.message_en,
                )
            )
    lead_fmt: tuple[str | None, ...] = (None, PLAIN) if many else ()
    sheets = [
        Sheet(
            t("chapter.iku-sheet"),
            (
                *lead_head,
                t("chapter.no"),
                t("chapter.code"),
                t("chapter.indicator"),
                t("chapter.objective"),
                t("chapter.unit"),
                t("chapter.direction"),
                # Reports of different years share a sheet under headings without one.
                t("chapter.realisasi-year", year=year - 1) if year else t("xlsx.last-year"),
                t("chapter.target-year", year=year) if year else t("chapter.target"),
                t("xlsx.target-high"),
                t("chapter.realisasi-year", year=year) if year else t("chapter.realisasi"),
                t("chapter.capaian"),
                t("chapter.category"),
                t("chapter.renstra-target"),
                t("chapter.progress"),
                t("chapter.remarks"),
            ),
            tuple(iku),
            (
                *lead_fmt,
                PLAIN,
                None,
                None,
                None,
                None,
                None,
                PLAIN,
                PLAIN,
                PLAIN,
                PLAIN,
                PERCENT,
                None,
                PLAIN,
                PERCENT,
                None,
            ),
        ),
        Sheet(
            t("chapter.budget"),
            (
                *lead_head,
                t("chapter.no"),
                t("chapter.indicator"),
                t("chapter.pagu"),
                t("chapter.realisasi-anggaran"),
                t("chapter.serapan"),
            ),
            tuple(budget),
            (*lead_fmt, PLAIN, None, AMOUNT, AMOUNT, PERCENT),
        ),
    ]
    if lines:
        sheets.append(
            Sheet(
                t("chapter.budget-lines-sheet"),
                (
                    *lead_head,
                    t("chapter.code"),
                    t("chapter.program"),
                    t("chapter.pagu"),
                    t("chapter.realisasi-anggaran"),
                    t("chapter.serapan"),
                ),
                tuple(lines),
                (*lead_fmt, None, None, AMOUNT, AMOUNT, PERCENT),
            )
        )
    sheets.append(
        Sheet(
            t("table.efficiency"),
            (
                *lead_head,
                t("chapter.no"),
                t("chapter.indicator"),
                t("chapter.capaian-kinerja"),
                t("chapter.serapan"),
                t("chapter.efficiency-value"),
                t("chapter.efficiency"),
            ),
            tuple(efficiency),
            (*lead_fmt, PLAIN, None, PERCENT, PERCENT, AMOUNT, None),
        )
    )
    if any(report.checked for _, report, _ in items):
        sheets.append(
            Sheet(
                t("table.findings"),
                (
                    *lead_head,
                    t("chapter.no"),
                    t("chapter.severity"),
                    t("chapter.code"),
                    t("xlsx.subject"),
                    t("chapter.where"),
                    t("chapter.field"),
                    t("chapter.printed"),
                    t("chapter.expected"),
                    t("chapter.difference"),
                    t("xlsx.message"),
                ),
                tuple(findings),
                (*lead_fmt, PLAIN, None, None, None, None, None, None, PLAIN, PLAIN, None),
            )
        )
    return sheets


_DIRECTIONS = {
    "higher_is_better": "chapter.direction.higher-is-better",
    "lower_is_better": "chapter.direction.lower-is-better",
    "within_range": "chapter.direction.within-range",
}


def _number_or_text(value: str | None) -> Cell:
    """An engine-made figure (``93.36``) as a number; anything else as its text."""
    if value is None:
        return None
    try:
        return Decimal(value) if value.replace(".", "", 1).lstrip("-").isdigit() else value
    except ArithmeticError:
        return value
