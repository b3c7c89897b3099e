"""Excel workbooks (``.xlsx``) in: each sheet as rows of cell texts, for io/importing.py.

Read with openpyxl (the ``xlsx`` extra), which also gives each cell's number format, so a
cell Excel shows as ``85,08%`` (it holds 0.8508) is read as 85,08, as the user sees it.
A number cell holds a binary double; it is read back as the shortest decimal that gives
the same double, rounded to the 15 significant digits Excel itself shows, so ``1418633200``
and ``87.08`` come back as typed, never as ``87.0799999999``. Text cells are kept as text
(``"1.418.633.200,00"``) and read like a CSV's cells.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kinerja_engine.errors import InputError, require
from kinerja_engine.messages import msg
from kinerja_engine.numbers import format_number

__all__ = ["EXCEL_DIGITS", "XLSX_MAGIC", "NumberText", "cell_decimal", "is_xlsx", "xlsx_sheets"]

# An xlsx file is a zip archive: its first bytes are a zip local-file header.
XLSX_MAGIC = b"PK\x03\x04"
# Excel shows (and keeps in a formula) at most 15 significant digits.
EXCEL_DIGITS = 15


class NumberText(str):
    """The text of a number cell: a figure Excel held as a number, whose notation is the
    one it was written in here, never ambiguous as a typed ``1,500`` may be."""

    __slots__ = ()


def is_xlsx(raw: bytes) -> bool:
    return raw.startswith(XLSX_MAGIC)


def number_text(value: Decimal, notation: str) -> str:
    """A number cell's value as text in ``notation``, exact and never grouped."""
    return format_number(value, None, notation=notation)


def cell_decimal(value: int | float) -> Decimal:
    """The decimal Excel shows for a number cell (see the module's notes)."""
    exact = Decimal(repr(value))  # the shortest text that reads back as the same double
    if exact.is_zero() or len(exact.as_tuple().digits) <= EXCEL_DIGITS:
        return exact
    places = EXCEL_DIGITS - exact.adjusted() - 1
    return exact.quantize(Decimal(1).scaleb(-places)).normalize()


def _cell_text(value: Any, number_format: str, notation: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        number = cell_decimal(value)
        if "%" in number_format:
            # Shown as a percentage: the cell holds the fraction.
            number = (number * 100).normalize()
        return NumberText(number_text(number, notation))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def xlsx_sheets(raw: bytes, notation: str) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """Each sheet's title and its rows (sheet row number, cell texts), numbers written in
    ``notation``; the values a formula last computed, as Excel saved them."""
    openpyxl = require("openpyxl", "xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise InputError(msg("error.xlsx.unreadable", reason=reason)) from None
    sheets = []
    try:
        for sheet in book.worksheets:
            rows: list[tuple[int, list[str]]] = []
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                texts = _row_texts(cells, notation)
                rows.append((number, texts))
            sheets.append((str(sheet.title), rows))
    finally:
        book.close()
    return sheets


def _row_texts(cells: Sequence[Any], notation: str) -> list[str]:
    texts = [
        _cell_text(getattr(c, "value", None), getattr(c, "number_format", "") or "", notation)
        for c in cells
    ]
    while texts and not texts[-1].strip():
        texts.pop()
    return texts
