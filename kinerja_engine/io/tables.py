"""Structure hooks for the tables a national case file has by the hundred thousand:
indicators (with their budget and printed entries), budget lines and objectives.

Each hook reads a plain table (the keys the model knows, values of the expected types,
plain figures) in one pass, with the rules of :mod:`.figures` and :mod:`.units`. Anything
else, a fault included, goes to the table's general hook (the converter's generated
code, after the unit and shape checks), which either reads it or raises the located
:class:`KinerjaError` it would raise on its own. So the fast branch never decides what
is wrong, only that nothing is; tests/test_structure.py holds the two branches equal.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from kinerja_engine.domain.model import (
    Bounds,
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
    with_counts,
)
from kinerja_engine.errors import KinerjaError, SchemaError
from kinerja_engine.io import units
from kinerja_engine.io.figures import HISTORY_YEAR, count, other_reading, plain_number, printed
from kinerja_engine.messages import msg
from kinerja_engine.numbers import parse_number

__all__ = [
    "HANDLED",
    "MODEL_DEPTH",
    "NotPlain",
    "budget_line_hook",
    "indicator_hook",
    "objective_hook",
    "one_of_figure_and_count",
    "plain_budget_line",
    "plain_indicator",
    "plain_objective",
]

Hook = Callable[[Any, Any], Any]
T = TypeVar("T")


class NotPlain(Exception):
    """The table is not plain: its general hook reads it."""


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
    # ---- issue 16 (model)
    "numerator",
    "denominator",
    "target_numerator",
    "target_denominator",
)

# The keys each table may hold, as the file names them; the model's fields must be these
# (a test holds them equal), so a field added to the model and not here is caught.
HANDLED: dict[type, frozenset[str]] = {
    Case: frozenset({"format", "report", "indicator", "objective", "budget", "goal", "program"}),
    ReportInfo: frozenset({"agency", "year", "rules", "source", "period"}),
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
            # ---- issue 16 (model)
            "bounds",
            "realisasi_count",
            "target_count",
            "history_target",
            # ---- issue 16 (cascade): read by the general hook (see _TREE_KEYS)
            "kind",
            "periods",
            "target_periods",
            "program",
            "weight",
        }
    ),
    Budget: frozenset({"pagu", "realisasi"}),
    PrintedEntry: frozenset(
        {"where", "year", *_PRINTED_FIGURES, "category", "efficiency", "verdict", "unit"}
    ),
    Objective: frozenset({"id", "name", "goal", "weight", "printed"}),
    BudgetLine: frozenset(
        {"id", "name", "pagu", "realisasi", "parent", "printed_percent", "where"}
    ),
}
# The deepest a structured case nests: indicator (1), an indicator (2), its printed
# entries (3), an entry (4); every value below is a scalar. A test holds it.
MODEL_DEPTH = 4
# ---- issue 16 (cascade): the keys of the performance tree and the period figures are
# rare; a table with one goes to its general hook, so the plain branch never meets them.
_TREE_KEYS = frozenset({"kind", "periods", "target_periods", "program", "weight", "goal"})
_INDICATOR = HANDLED[Indicator] - _TREE_KEYS
_BUDGET = HANDLED[Budget]
_ENTRY = HANDLED[PrintedEntry]
_OBJECTIVE = frozenset({"id", "name"})
_LINE = HANDLED[BudgetLine]
_DIRECTIONS = {d.value: d for d in Direction}


def _fast_or_general(fast: Callable[[Any], Any], general: Callable[[Any], Any]) -> Hook:
    def hook(raw: Any, _: Any) -> Any:
        try:
            return fast(raw)
        except (NotPlain, KinerjaError):
            # Not plain, or a fault: the general hook reads the table whole and raises
            # the fault it finds first, as it would on its own.
            return general(raw)

    return hook


def indicator_hook(general: Callable[[Any], Indicator]) -> Hook:
    return _fast_or_general(plain_indicator, general)


def budget_line_hook(general: Callable[[Any], BudgetLine]) -> Hook:
    return _fast_or_general(plain_budget_line, general)


def objective_hook(general: Callable[[Any], Objective]) -> Hook:
    return _fast_or_general(plain_objective, general)


def plain_indicator(raw: Any) -> Indicator:
    # Written out flat: this runs once per indicator of a national file.
    if type(raw) is not dict or not _INDICATOR.issuperset(raw):
        raise NotPlain
    get = raw.get
    ident, name, unit, direction = get("id"), get("name"), get("unit"), get("direction")
    if type(ident) is not str or type(name) is not str or type(unit) is not str:
        raise NotPlain
    if type(direction) is not str or direction not in _DIRECTIONS:
        raise NotPlain
    if "target" not in raw and "target_count" not in raw:
        raise NotPlain
    strip = units.strips_unit(unit)
    marked: list[bool] = []
    realisasi = renstra_target = target = None
    if "realisasi" in raw:
        realisasi = _figure(raw["realisasi"], unit, strip, marked)
    if "renstra_target" in raw:
        renstra_target = _figure(raw["renstra_target"], unit, strip, marked)
    if "target" in raw:
        target = _target(raw["target"], unit, strip, marked)
    history = _history(raw["history"], unit, strip, marked) if "history" in raw else {}
    if marked:
        # The rare indicator with a "%", "Rp" or a duration among its input figures: the
        # unit-mark rules judge it, and raise on a fault.
        units.check_marks(units.without_units(raw))
    objective = get("objective")
    if objective is not None and type(objective) is not str:
        raise NotPlain
    budget = get("budget")
    if budget is not None:
        budget = _budget(budget)
    entries = get("printed")
    entries = () if entries is None else tuple([_entry(e) for e in _array(entries)])
    extra: dict[str, Any] = {}
    if not _BASIC.issuperset(raw):
        extra = _issue16(raw, unit, strip, marked)
    indicator = Indicator(
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
        printed=entries,
        **extra,
    )
    return with_counts(indicator) if extra else indicator


# ---- issue 16 (model): bounds, counts and past years' targets
_BASIC = _INDICATOR - {"bounds", "realisasi_count", "target_count", "history_target"}
# An input figure and the counts that would give it: one of the two.
_COUNTED = (("realisasi", "realisasi_count"), ("target", "target_count"))


def one_of_figure_and_count(raw: Any) -> Any:
    """``raw`` with the target its counts stand for marked; a figure given twice, as a
    figure and as counts, is refused: the counts give it."""
    if type(raw) is not dict:
        return raw
    for figure, counted in _COUNTED:
        if counted in raw and figure in raw:
            raise SchemaError(
                msg("error.figure.count-and-figure", figure=figure, counted=counted),
                key=counted,
                expected=msg("expected.figure.one-of", figure=figure, counted=counted).render("en"),
            )
    if "target_count" in raw:
        return {**raw, "target": "-"}  # to be given by the counts (with_counts)
    return raw


def _issue16(raw: dict[str, Any], unit: str, strip: bool, marked: list[bool]) -> dict[str, Any]:
    one_of_figure_and_count(raw)
    extra: dict[str, Any] = {}
    if "bounds" in raw:
        ends = raw["bounds"]
        if type(ends) is not list or len(ends) != 2:
            raise NotPlain
        low = _figure(ends[0], unit, strip, marked)
        high = _figure(ends[1], unit, strip, marked)
        if low is None or high is None or low > high:
            raise NotPlain
        extra["bounds"] = Bounds(low, high)
    for key in ("realisasi_count", "target_count"):
        if key in raw:
            extra[key] = count(raw[key])
    if "history_target" in raw:
        extra["history_target"] = _years(
            raw["history_target"], lambda figure: _target(figure, unit, strip, marked)
        )
    return extra


def _figure(value: Any, unit: str, strip: bool, marked: list[bool]) -> Decimal | None:
    """An input figure's value; ``marked`` told of one with a unit mark or a duration."""
    figure = plain_number(value)
    if figure is not None:
        return figure
    if strip and type(value) is str:
        value = units.strip_unit(value, unit)
    parsed = parse_number(value)
    if parsed is None:
        return None
    if parsed.mark is not None or parsed.duration is not None:
        marked.append(True)
    return parsed.value


def _target(value: Any, unit: str, strip: bool, marked: list[bool]) -> Target | None:
    if type(value) is list:
        if len(value) != 2:
            raise NotPlain
        low = _figure(value[0], unit, strip, marked)
        high = _figure(value[1], unit, strip, marked)
        if low is None or high is None:
            raise NotPlain  # "-" is no end of a range
        return Target(low, high)
    point = _figure(value, unit, strip, marked)
    return None if point is None else Target(point, point)


def _history(value: Any, unit: str, strip: bool, marked: list[bool]) -> dict[int, Decimal]:
    return _years(value, lambda figure: _figure(figure, unit, strip, marked))


def _years(value: Any, read: Callable[[Any], T | None]) -> dict[int, T]:
    if type(value) is not dict:
        raise NotPlain
    years = {}
    for year, figure in value.items():
        if not HISTORY_YEAR.fullmatch(year):
            raise NotPlain
        parsed = read(figure)
        if parsed is not None:
            years[int(year)] = parsed
    return years


def _budget(raw: Any) -> Budget:
    if type(raw) is not dict or not _BUDGET.issuperset(raw):
        raise NotPlain
    pagu, realisasi = raw.get("pagu"), raw.get("realisasi")
    return Budget(
        pagu=None if pagu is None else _amount(pagu),
        realisasi=None if realisasi is None else _amount(realisasi),
    )


def _entry(raw: Any) -> PrintedEntry:
    if type(raw) is not dict or not _ENTRY.issuperset(raw):
        raise NotPlain
    fields: dict[str, Any] = {"where": _text(raw.get("where"))}
    if "year" in raw:
        year = raw["year"]
        if type(year) is not int:
            raise NotPlain
        fields["year"] = year
    for key in _PRINTED_FIGURES:
        if key in raw:
            fields[key] = _printed_value(raw[key])
    for key in ("category", "efficiency", "verdict", "unit"):
        if key in raw:
            fields[key] = _text(raw[key])
    return PrintedEntry(**fields)


def plain_objective(raw: Any) -> Objective:
    if type(raw) is not dict or not _OBJECTIVE.issuperset(raw):
        raise NotPlain
    return Objective(id=_text(raw.get("id")), name=_text(raw.get("name")))


def plain_budget_line(raw: Any) -> BudgetLine:
    if type(raw) is not dict or not _LINE.issuperset(raw):
        raise NotPlain
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
        raise NotPlain  # absent (None) included: a required key
    return value


def _array(value: Any) -> list[Any]:
    if type(value) is not list:
        raise NotPlain
    return value


def _amount(value: Any) -> Decimal | None:
    figure = plain_number(value)
    if figure is not None:
        return figure
    parsed = parse_number(value)
    return None if parsed is None else parsed.value


def _printed_value(value: Any) -> PrintedValue:
    """:func:`.figures.printed`, without a ParsedNumber for a plain figure."""
    if type(value) is str:
        figure = plain_number(value)
        if figure is not None:
            return PrintedValue(value, figure, alternative=other_reading(value))
    return printed(value)
