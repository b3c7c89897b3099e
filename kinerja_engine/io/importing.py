"""Spreadsheets in: a CSV of indicators, as reporting applications export it, to a case.

The column layouts differ between applications and offices, so columns are found by
their header, in Indonesian or English, case-insensitive, with the usual synonyms
(``Indikator Kinerja Utama`` / ``Indicator``, ``Satuan`` / ``Unit``, ``Pagu Anggaran (Rp)``
/ ``Budget`` …). A year in a header places the column: ``Realisasi 2021`` is the
report year's realisasi and ``Realisasi 2020`` the history. Cells are separated by
``,``, ``;`` or tabs, whichever the header row uses; the text is UTF-8 with or without
a byte-order mark.

Figures are written to the case as the text the cell holds (``"1.418.633.200,00"``), so
Indonesian notation survives; with ``notation="en"`` the cells are in English notation
and are rewritten into Indonesian notation, exactly. The import is strict: a row that
cannot be read is an error naming its row (the file's line), never skipped; columns it
does not use, blank rows and the ``1 2 3 …`` column-number row LKjIP tables carry are
reported in the notes. The case is loaded back before it is returned, so what is
written always loads and evaluates.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from kinerja_engine import messages
from kinerja_engine.domain.model import CASE_FORMAT, Case, Direction
from kinerja_engine.errors import InputError, KinerjaError, NumberError, SchemaError
from kinerja_engine.io import textfile
from kinerja_engine.io.loading import case_from_document, parse_toml
from kinerja_engine.io.spreadsheet import NumberText, is_xlsx, xlsx_sheets
from kinerja_engine.io.textfile import wide_encoding
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import format_number, parse_number
from kinerja_engine.rulesets.compile import validate_case

__all__ = ["COLUMNS", "Imported", "import_csv", "import_csv_file", "slugify"]

# Canonical field -> header texts that name it (normalised: lower case, words only).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "indikator",
        "indikator kinerja",
        "indikator kinerja utama",
        "indikator sasaran",
        "nama indikator",
        "uraian indikator",
        "iku",
        "indicator",
        "indicator name",
        "key performance indicator",
        "performance indicator",
        "kpi",
        "name",
        "nama",
    ),
    "id": ("id", "kode", "kode indikator", "code", "indicator id", "indicator code"),
    "unit": ("satuan", "satuan indikator", "unit", "units", "unit of measure"),
    "target": (
        "target",
        "target kinerja",
        "target pk",
        "target perjanjian kinerja",
        "target tahun ini",
        "target this year",
    ),
    "realisasi": (
        "realisasi",
        "realisasi kinerja",
        "realisasi tahun ini",
        "actual",
        "actual value",
        "realisation",
        "realization",
    ),
    "last_year": (
        "realisasi tahun lalu",
        "realisasi tahun sebelumnya",
        "realisasi sebelumnya",
        "last year",
        "previous year",
        "actual last year",
        "actual previous year",
    ),
    "pagu": (
        "pagu",
        "pagu anggaran",
        "anggaran",
        "alokasi anggaran",
        "budget",
        "allocated budget",
        "budget allocated",
        "budget allocation",
    ),
    "realisasi_anggaran": (
        "realisasi anggaran",
        "realisasi keuangan",
        "realisasi belanja",
        "budget realisation",
        "budget realization",
        "budget spent",
        "spent",
        "expenditure",
        "spending",
        "actual spending",
    ),
    "direction": (
        "arah",
        "arah indikator",
        "polaritas",
        "polaritas indikator",
        "sifat indikator",
        "direction",
        "polarity",
    ),
    "objective": ("sasaran", "sasaran strategis", "objective", "strategic objective"),
    # What `kinerja evaluate --format csv` writes: the objective's id and its name apart.
    "objective_name": ("nama sasaran", "objective name"),
    "objective_id": ("kode sasaran", "objective id"),
    "renstra_target": (
        "target akhir renstra",
        "target renstra",
        "renstra target",
        "end of plan target",
    ),
    "agency": ("instansi", "opd", "perangkat daerah", "skpd", "unit kerja", "agency"),
    "year": ("tahun", "tahun anggaran", "year"),
    "rules": ("aturan", "rules"),
    # What the report or application printed: kept as [[indicator.printed]] evidence.
    "printed.capaian": (
        "capaian",
        "capaian kinerja",
        "persentase capaian",
        "achievement",
    ),
    "printed.serapan": (
        "serapan",
        "serapan anggaran",
        "capaian anggaran",
        "persentase serapan",
        "absorption",
        "budget absorption",
    ),
    "printed.category": ("kategori", "predikat", "category"),
    "printed.efficiency": ("efisiensi", "tingkat efisiensi", "efficiency"),
    "printed.verdict": ("verdict", "status capaian"),
    "printed.progress": ("tingkat kemajuan", "kemajuan", "progress"),
}
# Headers that are known and deliberately not used (noted, not an error).
IGNORED = (
    "no",
    "nomor",
    "keterangan",
    "catatan",
    "remarks",
    "notes",
    "status",
    "flags",
    "reason",
    "rules version",
    "efficiency value",
    "efficiency score",
    "nilai efisiensi",
    "analisis",
    "penjelasan",
    # ---- issue 15 (sheets): what the CSV export adds beside the figures
    "versi aturan",
    "skor efisiensi",
    "tanda",
    "alasan",
)
_BY_HEADER = {text: field for field, texts in COLUMNS.items() for text in texts}
_YEARED = {"target", "realisasi", "pagu", "realisasi_anggaran"} | {
    f for f in COLUMNS if f.startswith("printed.")
}

# Direction words as spreadsheets write them, "|"-separated.
_DIRECTION_WORDS: tuple[tuple[str, Direction], ...] = (
    (
        "higher_is_better|higher is better|positif|positive|+|maximize|maksimal|maksimum|"
        "naik|meningkat|semakin tinggi semakin baik|tinggi|max|up|↑|"
        "semakin besar semakin baik|maksimalisasi|positif (+)|meningkat (+)",
        Direction.HIGHER_IS_BETTER,
    ),
    (
        "lower_is_better|lower is better|negatif|negative|minimize|minimal|minimum|turun|"
        "menurun|semakin rendah semakin baik|rendah|min|down|↓|"
        "semakin kecil semakin baik|minimalisasi|negatif (-)|menurun (-)",
        Direction.LOWER_IS_BETTER,
    ),
    (
        "within_range|within range|range|rentang|dalam rentang|stabil|stable",
        Direction.WITHIN_RANGE,
    ),
)
_DIRECTIONS = {word: meaning for words, meaning in _DIRECTION_WORDS for word in words.split("|")}

_YEAR = re.compile(r"\b(19|20|21)[0-9][0-9]\b")
_RANGE = re.compile(
    r"^\s*\[?\s*(?P<low>[^\[\];–—]+?)\s*"
    r"(?:;|–|—|\s-\s|\s(?:s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?)\s)"
    r"\s*(?P<high>[^\[\];–—]+?)\s*\]?\s*$",
    re.IGNORECASE,
)
_MAX_HEADER_SEARCH = 20
_MAX_WARNINGS = 10
# English notation into Indonesian: the decimal point and the thousands comma trade places.
_SWAP = str.maketrans(".,", ",.")


def normalise_header(text: str) -> tuple[str, int | None]:
    """``"Realisasi 2021 (Rp)"`` -> ``("realisasi", 2021)``: lower case, without units in
    brackets, punctuation or a year; the year returned apart."""
    text = text.replace("\ufeff", "").replace("_", " ").strip().lower()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    found = _YEAR.search(text)
    year = int(found.group(0)) if found else None
    if found:
        text = text[: found.start()] + " " + text[found.end() :]
    text = re.sub(r"[_\-./:#*%]+", " ", text)
    return " ".join(text.split()), year


def slugify(text: str, limit: int = 60) -> str:
    """An id from a name: ``"Persentase Koperasi Sehat (%)"`` -> ``persentase-koperasi-sehat``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug


def _unique(slug: str, taken: set[str], fallback: str) -> str:
    base = slug or fallback
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


@attrs.frozen
class Imported:
    """A case made from a spreadsheet: its TOML text, the case loaded back, and notes."""

    text: str
    case: Case
    notes: tuple[str, ...]
    direction_assumed: bool


@attrs.frozen
class _Column:
    index: int
    header: str
    field: str
    year: int | None = None


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every record with the line it starts on; a quoting error names its line."""
    rows, error = _read_rows(text, delimiter)
    if error is not None:
        raise error
    return rows


def _read_rows(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], InputError | None]:
    """The records up to the first that cannot be read, and the error of that one (None
    when every record reads), so that a fault after the header is named as itself."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    line = 1
    try:
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        return rows, _csv_error(str(exc), line, reader.line_num)
    return rows, None


# The csv module's own words for its faults, matched to name the real one.
_CSV_UNCLOSED = "unexpected end of data"
_CSV_TOO_LONG = "field larger than field limit"


def _csv_error(reason: str, start: int, line: int) -> InputError:
    """The real fault behind the csv module's words: a quote never closed (named on the
    row where the quoted cell starts), a cell beyond the csv module's limit, or else."""
    if _CSV_UNCLOSED in reason:
        return InputError(
            msg("error.csv.unclosed-quote", row=start),
            line=start,
            hint=msg("hint.csv.quote-cell"),
        )
    if _CSV_TOO_LONG in reason:
        return InputError(
            msg("error.csv.cell-too-long", row=start, most=csv.field_size_limit()),
            line=start,
            hint=msg("hint.csv.cell-too-long"),
        )
    return InputError(
        msg("error.csv.unreadable", reason=reason), line=line, hint=msg("hint.csv.quote-cell")
    )


def _header_score(cells: Sequence[str]) -> int:
    fields = {_BY_HEADER.get(normalise_header(c)[0]) for c in cells if c.strip()}
    fields.discard(None)
    if "name" not in fields or "target" not in fields:
        return 0
    return len(fields)


# The upper row of a two-row header that groups budget columns ("Anggaran" over "Target,
# Realisasi"): the lower cells then name budget figures.
_BUDGET_GROUP = {"anggaran", "keuangan", "budget", "anggaran rp", "realisasi anggaran"}
_IN_BUDGET = {
    "target": "Pagu",
    "pagu": "Pagu",
    "alokasi": "Pagu",
    "realisasi": "Realisasi Anggaran",
    "capaian": "Serapan Anggaran",
    "serapan": "Serapan Anggaran",
    "persentase": "Serapan Anggaran",
}


def _merged_header(upper: Sequence[str], lower: Sequence[str]) -> list[str]:
    """One header from two rows: a merged upper cell (its text in its first column only)
    stands over every lower cell it spans; each column's words are joined as a one-row
    header would say them (``Kinerja``/``Target`` is ``Target Kinerja``)."""
    width = max(len(upper), len(lower))
    up = [*upper, *[""] * (width - len(upper))]
    low = [*lower, *[""] * (width - len(lower))]
    spanned: list[str] = []
    group = ""
    for u, lo in zip(up, low, strict=True):
        if u.strip():
            group = u.strip() if lo.strip() else ""
        spanned.append(u.strip() or (group if lo.strip() else ""))
    return [_joined(u, lo.strip()) for u, lo in zip(spanned, low, strict=True)]


def _joined(upper: str, lower: str) -> str:
    if not lower or not upper:
        return upper or lower
    for text in (f"{lower} {upper}", f"{upper} {lower}"):
        if _BY_HEADER.get(normalise_header(text)[0]):
            return text
    base, year = normalise_header(lower)
    group, group_year = normalise_header(upper)
    when = f" {year or group_year}" if (year or group_year) else ""
    if group in _BUDGET_GROUP and base in _IN_BUDGET:
        return _IN_BUDGET[base] + when
    if _BY_HEADER.get(base):
        return lower if year or not group_year else f"{lower} {group_year}"
    return upper if _BY_HEADER.get(group) else lower


Table = list[tuple[int, list[str]]]


@attrs.frozen
class _Found:
    """Where the header is: its table's separator (or sheet), the rows, the index of the
    (lower) header row, and the header's cells (two rows joined when it has two)."""

    source: str
    rows: Table
    index: int
    header: list[str]
    rows_in_header: int


def _find_header(candidates: Sequence[tuple[str, Table, InputError | None]]) -> _Found:
    """The best header among the tables read (one per separator tried, or per sheet)."""
    best: tuple[int, int, int, str, list[str]] | None = None
    errors: dict[str, InputError] = {}
    tables = {}
    for source, rows, error in candidates:
        tables[source] = rows
        if error is not None:
            errors[source] = error
        for i, (_line, cells) in enumerate(rows[:_MAX_HEADER_SEARCH]):
            score = _header_score(cells)
            header, height = list(cells), 1
            if i + 1 < len(rows):
                below = rows[i + 1][1]
                merged = _merged_header(cells, below)
                if _header_score(merged) > max(score, _header_score(below)):
                    score, header, height = _header_score(merged), merged, 2
            if score and (best is None or (score, -i) > (best[0], -best[1])):
                best = (score, i, height, source, header)
    if best is not None and best[3] in errors:
        raise errors[best[3]]
    if best is None and len(errors) == 1:
        raise next(iter(errors.values()))
    if best is None:
        raise SchemaError(
            msg("error.csv.no-header", rows=_MAX_HEADER_SEARCH),
            expected=messages.text("expected.csv.header", "en"),
        )
    _score, index, height, source, header = best
    return _Found(source, tables[source], index + height - 1, header, height)


def _csv_tables(text: str) -> list[tuple[str, Table, InputError | None]]:
    lines = text.splitlines()
    # Excel's hint line: "sep=;" names the separator (a tab too: not stripped as space).
    hint = re.fullmatch(r" *sep=(.) *", lines[0].lower()) if lines else None
    forced = hint.group(1) if hint else None
    found = []
    for delimiter in [forced] if forced else [";", ",", "\t"]:
        # The rows before a fault still show the header: the fault is then the answer.
        rows, error = _read_rows(text, delimiter)
        found.append((delimiter, rows, error))
    return found


def _columns(
    header: Sequence[str], line: int, year: int | None
) -> tuple[list[_Column], list[str], int | None]:
    """Map the header's cells to fields; the report year when headers carry years."""
    found: list[_Column] = []
    ignored: list[str] = []
    for index, cell in enumerate(header):
        if not cell.strip():
            continue
        base, cell_year = normalise_header(cell)
        field = _BY_HEADER.get(base)
        if field is None:
            ignored.append(cell.strip())
            continue
        found.append(_Column(index, cell.strip(), field, cell_year))
    if year is None:
        year = _year_of_headers(found, line)
    columns: list[_Column] = []
    # With a plain "Realisasi" column, one with a year is an earlier year's (the export's).
    plain = any(c.field == "realisasi" and c.year is None for c in found)
    named = any(c.field == "objective_name" for c in found)
    for col in found:
        field = col.field
        if col.year is not None and year is not None and field in _YEARED:
            if col.year == year:
                pass
            elif field == "realisasi" and col.year < year:
                field = f"history.{col.year}"
            else:
                ignored.append(col.header)
                continue
        elif col.year is not None and field == "realisasi" and plain:
            field = f"history.{col.year}"
        elif field == "last_year":
            field = "history.last"
        elif field == "objective" and named:
            field = "objective_id"
        columns.append(attrs.evolve(col, field=field))
    seen: dict[str, _Column] = {}
    for col in columns:
        if col.field in seen:
            raise SchemaError(
                msg(
                    "error.csv.column-twice",
                    first=seen[col.field].header,
                    second=col.header,
                    field=col.field,
                ),
                line=line,
                key=col.header,
                expected=messages.text("expected.csv.one-column", "en"),
            )
        seen[col.field] = col
    for needed in ("name", "unit", "target"):
        if needed not in seen:
            names = ", ".join(repr(h) for h in COLUMNS[needed][:4])
            raise SchemaError(
                msg("error.csv.no-column", field=needed, header=", ".join(h for h in header if h)),
                line=line,
                expected=messages.text("expected.csv.column", "en", names=names),
            )
    return columns, ignored, year


def _year_of_headers(found: Sequence[_Column], line: int) -> int | None:
    """The report year the headers' years show: the latest year with a target, when it
    also has its realisasi or is the only year with a target. ``Target 2023, Realisasi
    2023, Target 2024`` could be either year's report: refused, naming the years."""
    targets: set[int] = {c.year for c in found if c.field == "target" and c.year}
    done: set[int] = {c.year for c in found if c.field == "realisasi" and c.year}
    if any(c.field == "realisasi" and c.year is None for c in found):
        done = set()  # the years are history's: "Realisasi" is the report year's
    if len(targets) > 1 and max(targets) not in done:
        listed = ", ".join(str(y) for y in sorted(targets | done))
        raise SchemaError(
            msg("error.csv.which-year", years=listed),
            line=line,
            expected=messages.text("expected.csv.year", "en"),
            hint=msg("hint.csv.which-year", year=max(targets)),
        )
    every = targets | done
    return max(every) if every else None


_TOTAL_WORDS = {
    "jumlah",
    "total",
    "jumlah total",
    "total keseluruhan",
    "jumlah keseluruhan",
    "sub total",
    "subtotal",
    "grand total",
    "sum",
}
_MEAN_WORDS = {"rata rata", "rerata", "average", "mean"}
_MEAN_PREFIX = "rata rata "
_TOTAL_PREFIXES = ("jumlah ", "total ", _MEAN_PREFIX)
_FOOTED = ("target", "realisasi", "pagu", "realisasi_anggaran")
_AMOUNTS = ("pagu", "realisasi_anggaran")  # summable whatever the indicators' units


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _total_label(cells: Sequence[str], columns: Sequence[_Column]) -> str | None:
    """The label of a total row (``JUMLAH``, ``Total``, ``Rata-rata``), or None: in the
    name column or the row's first cell; ``Jumlah …`` only without a unit, since many
    indicators are named ``Jumlah UMKM …``."""
    where = {c.field: c.index for c in columns}

    def cell(field: str) -> str:
        index = where.get(field)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    firsts = [c.strip() for c in cells if c.strip()][:1]
    for label in [cell("name"), *firsts]:
        key = _words(label)
        if key in _TOTAL_WORDS or key in _MEAN_WORDS:
            return label
        if not cell("unit") and key.startswith(_TOTAL_PREFIXES):
            return label
    return None


class _Footing:
    """The rows since the last total row, to check a total row against them."""

    def __init__(self, columns: Sequence[_Column], notation: str, lang: str) -> None:
        self.columns = [c for c in columns if c.field in _FOOTED or c.field.startswith("history.")]
        self.notation = notation
        self.lang = lang
        self.group: list[tuple[str, dict[str, Decimal | None]]] = []
        self.every: list[tuple[str, dict[str, Decimal | None]]] = []
        self.closed = False

    def _value(self, text: str) -> Decimal | None:
        if not text or text == "-":
            return None
        try:
            parsed = parse_number(_written(_unquoted(text), self.notation))
        except NumberError:
            return None
        return parsed.value if parsed is not None else None

    def add(self, row: _Row) -> None:
        if self.closed:
            self.group, self.closed = [], False
        entry = (row.get("unit"), {c.field: self._value(row.get(c.field)) for c in self.columns})
        self.group.append(entry)
        self.every.append(entry)

    def total(self, line: int, cells: Sequence[str], label: str) -> list[str]:
        """The notes on a total row: skipped, and how its figures compare with the rows
        above (the rows since the previous total, or else all rows above)."""
        self.closed = True
        notes = [messages.text("note.csv.total-row", self.lang, line=line, label=label)]
        mean = _words(label) in _MEAN_WORDS or _words(label).startswith(_MEAN_PREFIX)
        agree = []
        for col in self.columns:
            printed = self._value(cells[col.index].strip() if col.index < len(cells) else "")
            if printed is None:
                continue
            found = [
                (expected, count)
                for rows in (self.group, self.every)
                if (got := self._expected(rows, col.field, mean)) is not None
                for expected, count in [got]
            ]
            if not found:
                continue
            exponent = printed.as_tuple().exponent
            places = exponent if isinstance(exponent, int) and exponent < 0 else 0
            tolerance = Decimal(5).scaleb(places - 1)
            if any(abs(printed - expected) <= tolerance for expected, _ in found):
                agree.append(col.header)
                continue
            expected, count = found[0]
            notes.append(
                messages.text(
                    "warning.csv.mean-differs" if mean else "warning.csv.total-differs",
                    self.lang,
                    line=line,
                    label=label,
                    column=col.header,
                    printed=self._shown(printed),
                    count=count,
                    expected=self._shown(expected),
                    difference=self._shown(printed - expected),
                )
            )
        if agree:
            notes.append(
                messages.text(
                    "note.csv.total-agrees",
                    self.lang,
                    line=line,
                    columns=", ".join(repr(h) for h in agree),
                )
            )
        return notes

    def _expected(
        self, rows: Sequence[tuple[str, dict[str, Decimal | None]]], field: str, mean: bool
    ) -> tuple[Decimal, int] | None:
        values = [v[field] for _, v in rows]
        units = {unit for unit, _ in rows}
        if not values or any(v is None for v in values):
            return None
        if field not in _AMOUNTS and len(units) != 1:
            return None  # targets in different units add up to nothing
        total = sum((v for v in values if v is not None), Decimal(0))
        return (total / len(values) if mean else total), len(values)

    def _shown(self, value: Decimal) -> str:
        exponent = value.normalize().as_tuple().exponent
        places = 2 if isinstance(exponent, int) and exponent < -2 else None
        return format_number(value, places, notation=self.lang, group=True)


def _is_numbering(cells: Sequence[str]) -> bool:
    values = [c.strip() for c in cells if c.strip()]
    return len(values) >= 3 and all(v.isdigit() for v in values) and values[0] == "1"


# What makes a spreadsheet evaluate a cell (OWASP's CSV injection); rendering/csv.py writes
# such a text cell with a leading "'", read back off here.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _unquoted(cell: str) -> str:
    """A cell without the ``'`` that ``kinerja evaluate --format csv`` puts before a text
    a spreadsheet would otherwise run as a formula."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _FORMULA_STARTS and cell[1:2] else cell


def _formula_like(cell: str) -> bool:
    """A cell a spreadsheet would run as a formula: it begins with one of _FORMULA_STARTS
    and is no figure (``-1,5``, ``+2``, a lone ``-`` for "no value" are figures)."""
    if not cell.startswith(_FORMULA_STARTS) or not cell.strip() or cell.strip() == "-":
        return False
    try:
        parse_number(cell)
    except NumberError:
        return True
    return False


class _Row:
    """One data row's cells by field, and the place to blame for each."""

    def __init__(
        self,
        line: int,
        cells: Sequence[str],
        columns: Iterable[_Column],
        warnings: list[str] | None = None,
        lang: str = "id",
    ) -> None:
        self.line = line
        self.warnings = [] if warnings is None else warnings
        self.lang = lang
        self.cells = {
            c.field: _unquoted(cells[c.index].strip()) for c in columns if c.index < len(cells)
        }
        self.headers = {c.field: c.header for c in columns}
        # A workbook's number cells: figures already, never ambiguous in their notation.
        self.typed = {
            c.field
            for c in columns
            if c.index < len(cells) and isinstance(cells[c.index], NumberText)
        }

    def get(self, field: str) -> str:
        return self.cells.get(field, "")

    def fail(self, field: str, message: Message, **extra: Any) -> KinerjaError:
        header = self.headers.get(field, field)
        return SchemaError(
            msg("error.csv.cell", line=self.line, header=header, message=message),
            line=self.line,
            **extra,
        )


def _figure(row: _Row, field: str, notation: str, *, required: bool = False) -> str | None:
    text = row.get(field)
    if not text:
        if required:
            raise row.fail(
                field,
                msg("error.csv.empty-cell"),
                expected=messages.text("expected.csv.figure", "en"),
            )
        return None
    return _checked(row, field, text, notation)


# One separator and three digits: "1,500" is 1500 grouped, or 1,5 with a decimal comma.
_AMBIGUOUS = re.compile(r"[-+]?[1-9][0-9]{0,2}([.,])[0-9]{3}")
# Short scale words spreadsheets use, and the words the case format reads.
_SHORT_SCALES = re.compile(r"(?i)(?<=[0-9\s])(jt|rb)\.?\s*$")
_SCALE_WORDS = {"jt": "juta", "rb": "ribu"}


def _written(text: str, notation: str) -> str:
    """A cell's figure as the case holds it: in Indonesian notation, ``jt``/``rb`` spelt
    out (``2,5 jt`` -> ``2,5 juta``)."""
    written = text.translate(_SWAP) if notation == "en" else text
    return _SHORT_SCALES.sub(
        lambda m: (
            ("" if m.string[m.start() - 1].isspace() else " ") + _SCALE_WORDS[m.group(1).lower()]
        ),
        written,
    )


def _ambiguous(row: _Row, field: str, text: str, notation: str, value: Decimal) -> None:
    """Warn on ``1,500`` read with its separator as the decimal mark: say the reading
    used and the option that gives the other."""
    found = _AMBIGUOUS.fullmatch(text.strip())
    if field in row.typed or not found or found.group(1) != ("," if notation == "id" else "."):
        return
    other = Decimal(re.sub(r"[.,]", "", text.strip()))
    row.warnings.append(
        messages.text(
            "warning.csv.ambiguous-number",
            row.lang,
            text=text.strip(),
            line=row.line,
            column=row.headers.get(field, field),
            reading=format_number(value, None, notation=row.lang, group=True),
            other=format_number(other, None, notation=row.lang, group=True),
            notation="en" if notation == "id" else "id",
        )
    )


def _checked(row: _Row, field: str, text: str, notation: str) -> str:
    """The cell's text as the case will hold it, once it is known to read as a number."""
    written = _written(text, notation)
    try:
        parsed = parse_number(written)
        if parsed is not None:
            _ambiguous(row, field, text, notation, parsed.value)
    except NumberError as exc:
        english = notation == "id" and re.search(r"\d\.\d{1,2}(?!\d)", text)
        raise row.fail(
            field,
            msg("error.csv.not-a-number", text=text, reason=exc.text),
            value=text,
            expected=exc.expected,
            hint=msg("hint.csv.english-notation") if english else exc.hint_text,
        ) from None
    return written


def _target(row: _Row, notation: str) -> str | list[str]:
    text = row.get("target")
    match = _RANGE.match(text) if text and text.strip() != "-" else None
    if match:
        return [
            _checked(row, "target", match.group("low"), notation),
            _checked(row, "target", match.group("high"), notation),
        ]
    figure = _figure(row, "target", notation, required=True)
    assert figure is not None
    return figure


def _direction(row: _Row) -> str:
    text = row.get("direction")
    key = " ".join(text.lower().replace("_", " ").split()) if text else ""
    direction = _DIRECTIONS.get(key) or _DIRECTIONS.get(text.strip().lower())
    if direction is None:
        raise row.fail(
            "direction",
            msg("error.csv.not-a-direction", text=text) if text else msg("error.csv.empty-cell"),
            value=text,
            expected=messages.text("expected.csv.direction", "en"),
        )
    return direction.value


def _same(values: dict[str, tuple[int, str]], field: str, row: _Row) -> None:
    text = row.get(field)
    if not text:
        return
    if field in values and values[field][1] != text:
        first_line, first = values[field]
        raise row.fail(
            field,
            msg("error.csv.differs", text=text, first=first, line=first_line),
            value=text,
        )
    values.setdefault(field, (row.line, text))


def import_csv(
    raw: bytes,
    name: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    rules: str | None = None,
    notation: str = "id",
    lang: str = "id",
) -> Imported:
    """The case in the CSV ``raw`` (from the file ``name``), written as TOML and loaded back.

    Raises a :class:`KinerjaError` naming the file and the row for anything it cannot read.
    """
    if notation not in ("id", "en"):
        raise ValueError(f"unknown notation {notation!r}: expected 'id' or 'en'")
    try:
        return _import(raw, name, agency, year, rules, notation, lang)
    except KinerjaError as exc:
        raise exc.located(file=name) from None


def _import(
    raw: bytes,
    name: str,
    agency: str | None,
    year: int | None,
    rules: str | None,
    notation: str,
    lang: str,
) -> Imported:
    notes: list[str] = []
    if is_xlsx(raw):
        sheets = xlsx_sheets(raw, notation)
        found = _find_header([(title, rows, None) for title, rows in sheets])
        if len(sheets) > 1:
            notes.append(messages.text("note.xlsx.sheet", lang, sheet=found.source))
        delimiter = ""
    else:
        text, encoding = _decode(raw)
        if encoding:
            notes.append(messages.text("note.csv.encoding", lang, encoding=encoding))
        found = _find_header(_csv_tables(text))
        delimiter = found.source
    rows, header_at, header = found.rows, found.index, found.header
    header_line = rows[header_at][0]
    columns, ignored, year_from_headers = _columns(header, header_line, year)
    skipped = header_at + 1 - found.rows_in_header
    first_line = rows[skipped][0]
    if skipped:
        notes.append(messages.text("note.csv.header-row", lang, line=first_line, skipped=skipped))
    if found.rows_in_header > 1:
        notes.append(
            messages.text("note.csv.two-row-header", lang, first=first_line, line=header_line)
        )
    if ignored:
        listed = ", ".join(repr(h) for h in ignored)
        notes.append(messages.text("note.csv.unused-columns", lang, columns=listed))
    fields = {c.field for c in columns}
    direction_assumed = "direction" not in fields

    shared: dict[str, tuple[int, str]] = {}
    indicators: list[dict[str, Any]] = []
    objectives: dict[str, str] = {}  # name -> id
    ids: set[str] = set()
    given_ids: dict[str, int] = {}
    blank = 0
    data = rows[header_at + 1 :]
    if data and _is_numbering(data[0][1]):
        notes.append(messages.text("note.csv.numbering-row", lang, line=data[0][0]))
        data = data[1:]
    lines: list[int] = []
    formulas: list[int] = []
    warnings: list[str] = []
    footing = _Footing(columns, notation, lang)
    for line, cells in data:
        if not any(c.strip() for c in cells):
            blank += 1
            continue
        if not delimiter:
            # A sheet's row ends at its last filled cell.
            cells = [*cells, *[""] * (len(header) - len(cells))]  # noqa: PLW2901
        total = _total_label(cells, columns)
        if total is not None:
            notes.extend(footing.total(line, cells, total))
            continue
        if any(_formula_like(c) for c in cells):
            formulas.append(line)
        if len(cells) < len(header) and any(c.index >= len(cells) for c in columns):
            raise SchemaError(
                msg("error.csv.too-few-cells", line=line, cells=len(cells), header=len(header)),
                line=line,
                expected=messages.text(
                    "expected.csv.cells", "en", count=len(header), delimiter=delimiter
                ),
            )
        extra = cells[len(header) :]
        if any(c.strip() for c in extra):
            raise SchemaError(
                msg("error.csv.too-many-cells", line=line, cells=len(cells), header=len(header)),
                line=line,
                expected=messages.text(
                    "expected.csv.cells", "en", count=len(header), delimiter=delimiter
                ),
                hint=msg("hint.csv.quote-decimal-comma"),
            )
        row = _Row(line, cells, columns, warnings, lang)
        footing.add(row)
        indicators.append(
            _indicator(row, fields, notation, ids, given_ids, objectives, year_from_headers, name)
        )
        lines.append(line)
        for field in ("agency", "year", "rules"):
            _same(shared, field, row)
    if not indicators:
        raise SchemaError(
            msg("error.csv.no-rows"),
            line=header_line,
        )
    if blank:
        notes.append(messages.text("note.csv.blank-rows", lang, count=blank))
    notes.extend(warnings[:_MAX_WARNINGS])
    if len(warnings) > _MAX_WARNINGS:
        notes.append(
            messages.text("note.csv.more-ambiguous", lang, count=len(warnings) - _MAX_WARNINGS)
        )
    if formulas:
        rows_text = ", ".join(map(str, formulas[:5])) + (", …" if len(formulas) > 5 else "")
        notes.append(messages.text("note.csv.formula-cells", lang, rows=rows_text))

    report = _report(shared, agency, year, year_from_headers, rules, name)
    document: dict[str, Any] = {"format": CASE_FORMAT, "report": report}
    if objectives:
        document["objective"] = [{"id": i, "name": n} for n, i in objectives.items()]
    last_year = report["year"] - 1
    for ind in indicators:
        history = ind.get("history")
        if history and "last" in history:
            if str(last_year) in history:
                raise SchemaError(
                    msg("error.csv.history-twice", year=last_year),
                    line=header_line,
                    expected=messages.text("expected.csv.one-column", "en"),
                )
            history[str(last_year)] = history.pop("last")
    document["indicator"] = indicators

    comment = messages.text("comment.csv.made-by", lang, name=Path(name).name)
    if direction_assumed:
        comment += "\n" + messages.text("comment.csv.direction-assumed", lang)
    text_out = comment + "\n\n" + tomli_w.dumps(document)
    case = _load_back(text_out, name, lines)
    return Imported(text_out, case, tuple(notes), direction_assumed)


def _decode(raw: bytes) -> tuple[str, str | None]:
    """The text of a CSV and the encoding it was read in when it is not UTF-8: what Excel
    saves as "CSV" on a Windows set to Indonesian or English is Windows-1252 ("ANSI", where
    byte 0x96 is an en dash), and "Unicode Text" is UTF-16 with a byte-order mark."""
    wide = wide_encoding(raw)
    if wide == "UTF-16":
        codec = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_order(raw)
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            return _not_empty(text.removeprefix("\ufeff")), wide
    if wide is not None:
        raise InputError(
            msg("error.csv.wide-encoding", encoding=wide),
            expected=messages.text("expected.load.utf8", "en"),
            hint=msg("hint.csv.save-utf8"),
        )
    if b"\x00" in raw:
        raise InputError(
            msg("error.csv.binary"),
            expected=messages.text("expected.csv.text-file", "en"),
        )
    try:
        return _not_empty(raw.decode("utf-8-sig")), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return _not_empty(raw.decode("cp1252")), "Windows-1252"
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            msg("error.csv.not-utf8", byte=raw[first_bad]),
            line=line,
            expected=messages.text("expected.csv.save-utf8", "en"),
        ) from None


def _utf16_order(raw: bytes) -> str:
    # Without a byte-order mark: ASCII text has its zero bytes second in little-endian.
    return "utf-16-le" if not raw[1:4096:2].strip(b"\x00") else "utf-16-be"


def _not_empty(text: str) -> str:
    if not text.strip():
        raise InputError(msg("error.csv.empty-file"))
    return text


def _indicator(
    row: _Row,
    fields: set[str],
    notation: str,
    ids: set[str],
    given_ids: dict[str, int],
    objectives: dict[str, str],
    year: int | None,
    source: str,
) -> dict[str, Any]:
    name = row.get("name")
    if not name:
        raise row.fail("name", msg("error.csv.no-name"))
    unit = row.get("unit")
    if not unit:
        raise row.fail(
            "unit",
            msg("error.csv.empty-cell"),
            expected=messages.text("expected.csv.unit", "en"),
        )
    given = row.get("id")
    if given:
        slug = slugify(given)
        if slug in given_ids:
            raise row.fail(
                "id",
                msg("error.csv.id-twice", id=given, line=given_ids[slug]),
                value=given,
            )
        given_ids[slug] = row.line
    else:
        slug = slugify(name)
    ind: dict[str, Any] = {"id": _unique(slug, ids, f"indikator-{row.line}"), "name": name}
    objective = row.get("objective_name") or row.get("objective")
    if objective:
        if objective not in objectives:
            given_objective = slugify(row.get("objective_id")) or slugify(objective)
            objectives[objective] = _unique(
                given_objective, set(objectives.values()), f"sasaran-{len(objectives) + 1}"
            )
        ind["objective"] = objectives[objective]
    ind["unit"] = unit
    ind["direction"] = (
        _direction(row) if "direction" in fields else Direction.HIGHER_IS_BETTER.value
    )
    ind["target"] = _target(row, notation)
    realisasi = _figure(row, "realisasi", notation)
    if realisasi is not None:
        ind["realisasi"] = realisasi
    history = {}
    for field in sorted(f for f in fields if f.startswith("history.")):
        value = _figure(row, field, notation)
        if value is not None:
            history[field.removeprefix("history.")] = value
    if history:
        ind["history"] = history
    renstra = _figure(row, "renstra_target", notation)
    if renstra is not None:
        ind["renstra_target"] = renstra
    budget = {}
    for field, key in (("pagu", "pagu"), ("realisasi_anggaran", "realisasi")):
        value = _figure(row, field, notation)
        if value is not None:
            budget[key] = value
    if budget:
        ind["budget"] = budget
    printed = {
        f.removeprefix("printed."): row.get(f)
        for f in sorted(fields)
        if f.startswith("printed.") and row.get(f)
    }
    if printed:
        entry: dict[str, Any] = {"where": Path(source).name}
        if year is not None:
            entry["year"] = year
        entry.update(printed)
        ind["printed"] = [entry]
    return ind


def _report(
    shared: Mapping[str, tuple[int, str]],
    agency: str | None,
    year: int | None,
    year_from_headers: int | None,
    rules: str | None,
    name: str,
) -> dict[str, Any]:
    file_agency = shared.get("agency", (0, ""))[1] or None
    if agency and file_agency and agency != file_agency:
        raise SchemaError(
            msg("error.csv.agency-differs", given=agency, file=file_agency),
            line=shared["agency"][0],
        )
    agency = agency or file_agency
    if not agency:
        raise SchemaError(
            msg("error.csv.no-agency"),
            expected=messages.text("expected.csv.agency", "en"),
        )
    file_year = None
    if "year" in shared:
        line, text = shared["year"]
        if not re.fullmatch(r"(19|20|21)[0-9][0-9]", text):
            raise SchemaError(
                msg("error.csv.bad-year", line=line, text=text),
                line=line,
                value=text,
            )
        file_year = int(text)
    for other in (file_year, year_from_headers):
        if year is not None and other is not None and other != year:
            raise SchemaError(
                msg("error.csv.year-differs", given=year, other=other),
            )
    if file_year is not None and year_from_headers is not None and file_year != year_from_headers:
        raise SchemaError(
            msg("error.csv.year-column-differs", column=file_year, headers=year_from_headers),
        )
    year = year or file_year or year_from_headers
    if year is None:
        raise SchemaError(
            msg("error.csv.no-year"),
            expected=messages.text("expected.csv.year", "en"),
        )
    report: dict[str, Any] = {"agency": agency, "year": year}
    rules = rules or shared.get("rules", (0, ""))[1] or None
    if rules:
        report["rules"] = rules
    report["source"] = f"import: {Path(name).name}"
    return report


def _load_back(text: str, name: str, lines: Sequence[int]) -> Case:
    """Load the written case as ``kinerja`` will; blame a fault on its CSV row."""
    try:
        doc = parse_toml(text.encode("utf-8"), name)
        case = case_from_document(doc)
        validate_case(case)
    except KinerjaError as exc:
        found = re.match(r"indicator\[(\d+)\]", exc.key or "")
        row = lines[int(found.group(1))] if found else None
        raise SchemaError(
            msg("error.csv.on-row", row=row, message=exc.text) if row else exc.text,
            line=row,
            value=exc.value,
            expected=exc.expected,
            hint=exc.hint_text,
        ) from None
    return case


def import_csv_file(
    path: str | Path,
    *,
    agency: str | None = None,
    year: int | None = None,
    rules: str | None = None,
    notation: str = "id",
    lang: str = "id",
) -> Imported:
    """:func:`import_csv` of a file, read within the size limit in force."""
    raw = textfile.read_limited(path, textfile.max_file_bytes())
    return import_csv(
        raw, str(path), agency=agency, year=year, rules=rules, notation=notation, lang=lang
    )
