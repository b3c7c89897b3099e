"""A well-formed case in one pass: the loader's happy path, with the general path's result.

The general path (:func:`.loading.structure` with the unit-word and unit-mark passes before
it) walks every indicator four times: once to drop unit words, once to check unit marks,
once to check the shape of its tables, once in cattrs' generated code with detailed
validation. For a national file of 100,000 indicators that costs as much as tomllib itself.

:func:`fast_case` builds the same :class:`~.model.Case` in one pass over the parsed TOML
when the document is well-formed, reading each figure once with the general path's rules
(:func:`~.numbers.parse_number`, whose plain figures it reads itself, the same way; the
target, history, printed-figure and unit-word rules of :mod:`.loading`; for the rare
indicator with a unit mark or a duration among its inputs, loading's own unit-mark check).
At the first thing it does not expect (an unknown key, a wrong type, a figure that does
not read, a unit mark at odds with the unit) it gives up and returns None, and the general
path runs from the start: it alone reports faults, so every message, key path and line
stays as it was. tests/test_fastcase.py holds the two paths equal, on generated cases
and on broken ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from kinerja_engine.domain.model import (
    Budget,
    BudgetLine,
    Case,
    Direction,
    Indicator,
    Objective,
    PrintedEntry,
    PrintedValue,
    ReportInfo,
    Target,
)
from kinerja_engine.errors import NumberError
from kinerja_engine.io.loading import (
    _DURATION_FAMILY,
    _UNIT_WORD,
    HISTORY_YEAR,
    _check_marks,
    _printed,
    _strip_unit,
    _without_units,
)
from kinerja_engine.numbers import (
    MAX_MAGNITUDE,
    MAX_PLACES,
    ParsedNumber,
    check_figure,
    parse_number,
)

__all__ = ["DEPTH", "HANDLED", "Prepared", "fast_case", "prepare"]


class _Off(Exception):
    """Something this path does not handle: the general path takes the document."""


# The figures a printed entry may hold.
_PRINTED_FIGURES = (
    "target",
    "realisasi",
    "capaian",
    "pagu",
    "realisasi_anggaran",
    "serapan",
    "share",
    "progress",
)

# The keys each table may hold, as the file names them; the model's fields must be these
# (a test holds them equal), so a field added to the model and not here is caught.
HANDLED: dict[type, frozenset[str]] = {
    Case: frozenset({"format", "report", "indicator", "objective", "budget"}),
    ReportInfo: frozenset({"agency", "year", "rules", "source"}),
    Indicator: frozenset(
        {
            "id",
            "name",
            "unit",
            "direction",
            "target",
            "realisasi",
            "objective",
            "history",
            "renstra_target",
            "budget",
            "printed",
        }
    ),
    Budget: frozenset({"pagu", "realisasi"}),
    PrintedEntry: frozenset(
        {"where", "year", *_PRINTED_FIGURES, "category", "efficiency", "verdict"}
    ),
    Objective: frozenset({"id", "name"}),
    BudgetLine: frozenset(
        {"id", "name", "pagu", "realisasi", "parent", "printed_percent", "where"}
    ),
}
# The deepest a document this path takes can nest: indicator (1), an indicator (2), its
# printed entries (3), an entry (4); every value below is checked to be no table or array.
DEPTH = 4
_CASE = HANDLED[Case]
_REPORT = HANDLED[ReportInfo]
_INDICATOR = HANDLED[Indicator]
_BUDGET = HANDLED[Budget]
_ENTRY = HANDLED[PrintedEntry]
_OBJECTIVE = HANDLED[Objective]
_LINE = HANDLED[BudgetLine]
_DIRECTIONS = {d.value: d for d in Direction}
_MAX_INT = int(MAX_MAGNITUDE)
# The commonest printed figure, 1.846.035.739,70 or 56 or 87,08: digits, '.' between
# groups of thousands, ',' before the fraction, nothing around; the subset of
# numbers._FAST_RE without sign, marks or white space.
_PLAIN = re.compile(r"([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
# The readings of an indicator's input figures that carry a unit mark or a duration.
_Marked = list[ParsedNumber]


# What a part of a document's arrays of tables structures into, ahead of the rest (see
# prepare): by key, the array itself, how many of its tables were done, and their values.
Prepared = dict[str, tuple[list[Any], int, tuple[Any, ...]]]


def fast_case(data: Mapping[str, Any], prepared: Prepared | None = None) -> Case | None:
    """The case ``data`` (tomllib's output) describes, or None to leave it to the general
    path: a document with anything unexpected in it, or a fault to report.

    ``prepared`` holds structures :func:`prepare` made of some of ``data``'s arrays
    earlier; they are used for the tables still at the head of the very same array.
    """
    try:
        return _case(data, prepared or {})
    except Exception:
        # _Off, a hook's KinerjaError, or anything this path got wrong: the general path
        # reads the document from the start and says what, if anything, is wrong with it.
        return None


def prepare(tables: Mapping[str, Any], earlier: Prepared | None = None) -> Prepared:
    """Structures for the arrays of tables in ``tables``, part of a document still being
    parsed (tomlsplit's head or tail); none for an array the fast path would not take,
    which the general path then reads with the rest.

    ``earlier`` holds what an earlier call prepared: of an array that has grown since
    (tomlsplit appends the worker's indicators to the head's), only the tables appended
    are structured.
    """
    done: Prepared = {}
    for key, build in _ARRAYS:
        array = tables.get(key)
        if type(array) is not list:
            continue
        early = earlier.get(key) if earlier else None
        start, made = 0, ()
        if early is not None and early[0] is array and len(array) >= early[1]:
            start, made = early[1], early[2]
        try:
            rest = _structured(array[start:], build, {}, start=start)
        except Exception:
            continue
        done[key] = (array, len(array), made + rest)
    return done


def _case(data: Mapping[str, Any], prepared: Prepared) -> Case:
    if type(data) is not dict or not _CASE.issuperset(data):
        raise _Off
    fields: dict[str, Any] = {"format": _text(data.get("format")), "report": _report(data)}
    for key, build in _ARRAYS:
        if key in data:
            array = _array(data[key])
            early = prepared.get(key)
            if early is not None and early[0] is array and len(array) >= early[1]:
                rest = _structured(array[early[1] :], build, {}, start=early[1])
                fields[_FIELDS[key]] = early[2] + rest
            else:
                fields[_FIELDS[key]] = _structured(array, build, {})
    return Case(**fields)


def _structured(
    array: list[Any], build: Callable[..., Any], strips: dict[str, bool], start: int = 0
) -> tuple[Any, ...]:
    if build is _indicator:
        return tuple([_indicator(n, raw, strips) for n, raw in enumerate(array, start)])
    return tuple([build(raw) for raw in array])


def _report(data: Mapping[str, Any]) -> ReportInfo:
    raw = data.get("report")
    if type(raw) is not dict or not _REPORT.issuperset(raw):
        raise _Off
    year = raw.get("year")
    if type(year) is not int:
        raise _Off
    fields: dict[str, Any] = {"agency": _text(raw.get("agency")), "year": year}
    for key in ("rules", "source"):
        if key in raw:
            fields[key] = _text(raw[key])
    return ReportInfo(**fields)


def _indicator(n: int, raw: Any, strips: dict[str, bool]) -> Indicator:
    # Written out flat: this runs once per indicator of a national file, and every call
    # and dict spared shows.
    if type(raw) is not dict or not _INDICATOR.issuperset(raw):
        raise _Off
    get = raw.get
    ident, name, unit, direction = get("id"), get("name"), get("unit"), get("direction")
    if type(ident) is not str or type(name) is not str or type(unit) is not str:
        raise _Off
    if type(direction) is not str or direction not in _DIRECTIONS:
        raise _Off
    if "target" not in raw:
        raise _Off
    strip = strips.get(unit)
    if strip is None:
        strip = strips[unit] = _strips(unit)
    marked: _Marked = []
    realisasi = renstra_target = None
    if "realisasi" in raw:
        realisasi = _figure(raw["realisasi"], unit, strip, marked)
    if "renstra_target" in raw:
        renstra_target = _figure(raw["renstra_target"], unit, strip, marked)
    target = _target(raw["target"], unit, strip, marked)
    history = _history(raw["history"], unit, strip, marked) if "history" in raw else {}
    if marked:
        # The rare indicator with a "%", "Rp" or a duration among its input figures: the
        # general path's own unit-mark rules judge it, and raise on a fault.
        _check_marks(_without_units({"indicator": [raw]}))
    objective = get("objective")
    if objective is not None and type(objective) is not str:
        raise _Off
    budget = get("budget")
    if budget is not None:
        budget = _budget(budget)
    printed = get("printed")
    printed = () if printed is None else tuple([_entry(e) for e in _array(printed)])
    return Indicator(
        id=ident,
        name=name,
        unit=unit,
        direction=_DIRECTIONS[direction],
        target=target,
        realisasi=realisasi,
        objective=objective,
        history=history,
        renstra_target=renstra_target,
        budget=budget,
        printed=printed,
    )


def _figure(value: Any, unit: str, strip: bool, marked: _Marked) -> Decimal | None:
    """An input figure's value; a reading with a unit mark or a duration kept in
    ``marked`` for the unit-mark rules."""
    number = _number(value)
    if number is not None:
        return number
    if strip and type(value) is str:
        value = _strip_unit(value, unit)
    parsed = parse_number(value)
    if parsed is None:
        return None
    if parsed.mark is not None or parsed.duration is not None:
        marked.append(parsed)
    return parsed.value


def _number(value: Any) -> Decimal | None:
    """A figure :func:`.numbers.parse_number` reads as a plain number (no mark, no scale, no
    duration), read the same way; None for anything else, which goes to parse_number
    itself. Saves building a ParsedNumber for each of the hundreds of thousands of plain
    figures in a big file. tests/test_fastcase.py holds the two readings equal."""
    kind = type(value)
    if kind is Decimal:
        # The one bound of every figure; one it refuses goes to parse_number for its error.
        try:
            return check_figure(value)
        except NumberError:
            return None
    if kind is int:
        return Decimal(value) if -_MAX_INT < value < _MAX_INT else None
    if kind is str:
        match = _PLAIN.fullmatch(value)
        # A whole part of at most 21 characters: fewer than 22 digits, so below 10^21.
        # More fraction digits than a figure may carry goes to parse_number too (refused).
        if match is None or match.end(1) > 21 or len(value) - match.end(1) > MAX_PLACES + 1:
            return None
        # Matched: digits, '.' only between groups of the whole part, one ',' before the
        # fraction.
        return Decimal(value.replace(".", "").replace(",", "."))
    return None


def _strips(unit: str) -> bool:
    """Whether :func:`.loading._strip_unit` may change a figure of an indicator in ``unit``."""
    return bool(
        _UNIT_WORD.match(unit)
        and unit.lower() not in ("rp", "rp.")
        and unit.strip().lower() not in _DURATION_FAMILY
    )


def _target(value: Any, unit: str, strip: bool, marked: _Marked) -> Target | None:
    if type(value) is list:
        if len(value) != 2:
            raise _Off
        low = _figure(value[0], unit, strip, marked)
        high = _figure(value[1], unit, strip, marked)
        if low is None or high is None:
            raise _Off  # "-" is no end of a range
        return Target(low, high)
    point = _figure(value, unit, strip, marked)
    return None if point is None else Target(point, point)


def _history(value: Any, unit: str, strip: bool, marked: _Marked) -> dict[int, Decimal]:
    if type(value) is not dict:
        raise _Off
    history = {}
    for year, figure in value.items():
        if not HISTORY_YEAR.fullmatch(year):
            raise _Off
        number = _figure(figure, unit, strip, marked)
        if number is not None:
            history[int(year)] = number
    return history


def _budget(raw: Any) -> Budget:
    if type(raw) is not dict or not _BUDGET.issuperset(raw):
        raise _Off
    pagu, realisasi = raw.get("pagu"), raw.get("realisasi")
    return Budget(
        pagu=None if pagu is None else _amount(pagu),
        realisasi=None if realisasi is None else _amount(realisasi),
    )


def _entry(raw: Any) -> PrintedEntry:
    if type(raw) is not dict or not _ENTRY.issuperset(raw):
        raise _Off
    fields: dict[str, Any] = {"where": _text(raw.get("where"))}
    if "year" in raw:
        year = raw["year"]
        if type(year) is not int:
            raise _Off
        fields["year"] = year
    for key in _PRINTED_FIGURES:
        if key in raw:
            fields[key] = _printed_value(raw[key])
    for key in ("category", "efficiency", "verdict"):
        if key in raw:
            fields[key] = _text(raw[key])
    return PrintedEntry(**fields)


def _objective(raw: Any) -> Objective:
    if type(raw) is not dict or not _OBJECTIVE.issuperset(raw):
        raise _Off
    return Objective(id=_text(raw.get("id")), name=_text(raw.get("name")))


def _budget_line(raw: Any) -> BudgetLine:
    if type(raw) is not dict or not _LINE.issuperset(raw):
        raise _Off
    fields: dict[str, Any] = {"id": _text(raw.get("id")), "name": _text(raw.get("name"))}
    for key in ("pagu", "realisasi"):
        if key in raw:
            fields[key] = _amount(raw[key])
    for key in ("parent", "where"):
        if key in raw:
            fields[key] = _text(raw[key])
    if "printed_percent" in raw:
        fields["printed_percent"] = _printed_value(raw["printed_percent"])
    return BudgetLine(**fields)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Off  # absent (None) included: a required key
    return value


def _array(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Off
    return value


def _amount(value: Any) -> Decimal | None:
    number = _number(value)
    if number is not None:
        return number
    parsed = parse_number(value)
    return None if parsed is None else parsed.value


def _printed_value(value: Any) -> PrintedValue:
    """:func:`.loading._printed`, without a ParsedNumber for a plain figure."""
    if type(value) is str:
        number = _number(value)
        if number is not None:
            return PrintedValue(value, number)
    return _printed(value)


# The document's arrays of tables: key, the Case field it fills, how each table is built.
_ARRAYS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("indicator", _indicator),
    ("objective", _objective),
    ("budget", _budget_line),
)
_FIELDS = {"indicator": "indicators", "objective": "objectives", "budget": "budget"}
