"""TOML data to models: one cattrs ``Converter``, its hooks, and its errors located.

The converter forbids unknown keys and validates in detail; its hooks read figures
(:mod:`.figures`) and, for the tables a national file has by the hundred thousand,
read a plain table in one pass (:mod:`.tables`). Before cattrs' generated code reads a
table, the containers are checked against the model (:mod:`.shape`) and, for an
indicator, the unit words and marks of its figures (:mod:`.units`). Every failure is one
:class:`KinerjaError` with the key path (``indicator[3].target``) and, for a misspelled
key, the nearest valid one; the document adds the file and line.
"""

from __future__ import annotations

import difflib
import enum
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, override

from kinerja_engine.domain.model import (
    Bounds,
    BudgetLine,
    Case,
    Count,
    Direction,
    Indicator,
    IndicatorKind,
    Objective,
    Period,
    PrintedValue,
    Target,
    with_counts,
)
from kinerja_engine.errors import KinerjaError, SchemaError
from kinerja_engine.io import figures, tables, units
from kinerja_engine.io.shape import check_shape, described
from kinerja_engine.messages import Message, msg, text

__all__ = ["RENAMES", "case_from_data", "make_converter", "structure"]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

# Attribute names that differ from the file's keys (the file names tables in the singular).
RENAMES: dict[type, dict[str, str]] = {
    Case: {
        "indicators": "indicator",
        "objectives": "objective",
        "goals": "goal",
        "programs": "program",
    },
}
# Types whose structure hooks check their own values (numbers, targets, printed figures)
# or their own tables (those of tables.py: their shape is checked table by table).
_OPAQUE_VALUES: frozenset[Any] = frozenset(
    {Decimal, Decimal | None, Target | None, PrintedValue, PrintedValue | None, dict[int, Decimal]}
    | {Bounds | None, Count | None, dict[int, Target]}
)
_OPAQUE = _OPAQUE_VALUES | {Indicator, BudgetLine, Objective}


# ---------------------------------------------------------------- scalar hooks


def _strict(kind: type, name: Message) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise SchemaError(
                msg("error.shape.expected", expected=name, found=described(value)),
                value=value,
                expected=name.render("en"),
            )
        return value

    return hook


def _enum(cls: type[E]) -> Callable[[Any, Any], E]:
    def hook(value: Any, _: Any) -> E:
        try:
            return cls(value)
        except ValueError:
            raise _not_one_of(value, [m.value for m in cls], repr(value)) from None

    return hook


def _not_one_of(value: Any, choices: list[Any], found: object) -> SchemaError:
    """A word outside a fixed set, with the nearest one suggested."""
    listed = ", ".join(repr(c) for c in choices)
    near = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    return SchemaError(
        msg("error.shape.not-one-of", found=found, choices=listed),
        value=value,
        expected=listed,
        hint=msg("hint.did-you-mean", name=near[0]) if near else None,
    )


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is typing.Literal


def _literal(value: Any, tp: Any) -> Any:
    """One of a fixed set of words (``compare = "rounded"``), with the nearest suggested."""
    choices = typing.get_args(tp)
    if isinstance(value, str) and value in choices:
        return value
    raise _not_one_of(value, list(choices), described(value))


def _is(exact: object) -> Callable[[Any], bool]:
    return lambda t: bool(t == exact)


# ---------------------------------------------------------------- the converter


def make_converter(*, plain_tables: bool = True) -> cattrs.Converter:
    """The converter; without ``plain_tables`` every table takes its general hook (the
    reference tests/test_structure.py holds the plain branch to)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(Decimal, figures.number)
    conv.register_structure_hook(PrintedValue, figures.printed)
    # cattrs would turn 2021 into "2021" and "2021" into 2021; a typed file must not pass.
    # The str and int hooks also catch their subclasses, so bool and enums get their own.
    conv.register_structure_hook(str, _strict(str, msg("value.word-text")))
    conv.register_structure_hook(int, _strict(int, msg("value.whole-number")))
    conv.register_structure_hook(bool, _strict(bool, msg("value.true-false")))
    conv.register_structure_hook(Direction, _enum(Direction))
    conv.register_structure_hook(IndicatorKind, _enum(IndicatorKind))
    conv.register_structure_hook(Period, _enum(Period))
    conv.register_structure_hook_func(_is_literal, _literal)
    exact_hooks: list[tuple[object, Callable[[Any, Any], Any]]] = [
        (Decimal | None, figures.optional_number),
        (Target | None, figures.target),
        (dict[int, Decimal], figures.history),
        (Bounds | None, figures.bounds),
        (Count | None, figures.count),
        (dict[int, Target], figures.history_target),
    ]
    for exact, hook in exact_hooks:
        conv.register_structure_hook_func(_is(exact), hook)
    overrides: dict[str, Any] = {a: override(rename=k) for a, k in RENAMES[Case].items()}
    overrides["origin"] = override(omit=True)
    conv.register_structure_hook(Case, make_dict_structure_fn(Case, conv, **overrides))
    # The tables a national file has by the hundred thousand: a plain one read in one
    # pass, any other by the generated code after its shape (and units) are checked.
    indicator = make_dict_structure_fn(Indicator, conv)
    line = make_dict_structure_fn(BudgetLine, conv)
    objective = make_dict_structure_fn(Objective, conv)

    def general_indicator(raw: Any) -> Indicator:
        raw = units.without_units(raw)
        units.check_marks(raw)
        _check_shape(raw, Indicator, "indicator")
        raw = tables.one_of_figure_and_count(raw)
        return with_counts(indicator(raw, Indicator))

    def general_line(raw: Any) -> BudgetLine:
        _check_shape(raw, BudgetLine, "budget")
        return line(raw, BudgetLine)

    def general_objective(raw: Any) -> Objective:
        _check_shape(raw, Objective, "objective")
        return objective(raw, Objective)

    if not plain_tables:
        conv.register_structure_hook(Indicator, lambda raw, _: general_indicator(raw))
        conv.register_structure_hook(BudgetLine, lambda raw, _: general_line(raw))
        conv.register_structure_hook(Objective, lambda raw, _: general_objective(raw))
        return conv
    conv.register_structure_hook(Indicator, tables.indicator_hook(general_indicator))
    conv.register_structure_hook(BudgetLine, tables.budget_line_hook(general_line))
    conv.register_structure_hook(Objective, tables.objective_hook(general_objective))
    return conv


def _check_shape(data: Any, cls: Any, within: str = "") -> None:
    # A table of tables.py is checked by its own hook: not opaque to that hook.
    opaque = _OPAQUE - {cls} if within else _OPAQUE
    check_shape(data, cls, "", renames=RENAMES, opaque=opaque, within=within)


_CONVERTER = make_converter()


def structure(
    data: Any, cls: type[T], root: str = "", *, converter: cattrs.Converter | None = None
) -> T:
    """Structure ``data`` into ``cls``, turning every failure into one located KinerjaError."""
    try:
        _check_shape(data, cls)
        return (converter or _CONVERTER).structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise _first_error(exc, root, cls) from None
    except KinerjaError as exc:
        raise exc.located(key_prefix=root or None) from None


def case_from_data(data: Any, *, converter: cattrs.Converter | None = None) -> Case:
    """The case a parsed TOML document describes; a fault raises with its key path."""
    try:
        case = structure(data, Case, converter=converter)
    except KinerjaError:
        _first_fault_of_the_document(data)
        raise
    return attrs.evolve(case, indicators=_printed_units(case.indicators))


def _first_fault_of_the_document(data: Any) -> None:
    """Of several faults, the one reported is the first unit-mark fault of any indicator,
    else the first misshapen table, else the converter's: whichever table the hooks met
    first, a file with many faults is answered as it always was."""
    indicators = data.get("indicator") if isinstance(data, dict) else None
    if isinstance(indicators, list):
        for n, ind in enumerate(indicators):
            try:
                units.check_marks(units.without_units(ind))
            except KinerjaError as exc:
                raise exc.located(key_prefix=f"indicator[{n}]") from None
    check_shape(data, Case, "", renames=RENAMES, opaque=_OPAQUE_VALUES)


def _printed_units(indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """A printed figure followed by its indicator's unit (``"20 cm"``) is that number;
    its text stays as printed."""
    fixed = []
    for ind in indicators:
        if not any(
            pv is not None and pv.error is not None
            for e in ind.printed
            for pv in (e.target, e.realisasi)
        ):
            fixed.append(ind)
            continue
        entries = []
        for entry in ind.printed:
            changes: dict[str, Any] = {}
            for field in ("target", "realisasi"):
                pv: PrintedValue | None = getattr(entry, field)
                if pv is None or pv.error is None:
                    continue
                stripped = units.strip_unit(pv.text, ind.unit)
                if stripped is not pv.text:
                    reading = figures.printed(stripped)
                    if reading.error is None:
                        changes[field] = attrs.evolve(reading, text=pv.text)
            entries.append(attrs.evolve(entry, **changes) if changes else entry)
        fixed.append(attrs.evolve(ind, printed=tuple(entries)))
    return tuple(fixed)


# ---------------------------------------------------------------- errors


def _first_error(exc: BaseException, path: str, cls: Any) -> KinerjaError:
    """The first leaf of a cattrs error tree, as a KinerjaError with its key path."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        # An unknown key explains a "missing" one (a typo), so it is reported first.
        extra = [e for e in without if isinstance(e, ForbiddenExtraKeysError)]
        if extra:
            return _unknown_keys(extra[0], path)
        if with_notes:
            sub, note = with_notes[0]
            if isinstance(exc, ClassValidationError):
                name = getattr(note, "name", "?")
                key = RENAMES.get(exc.cl, {}).get(name, name)
                return _first_error(sub, _join(path, key), note.type)
            index = getattr(note, "index", "?")
            step = f"[{index}]" if isinstance(index, int) else _quote(str(index))
            return _first_error(sub, _join(path, step), note.type)
        return _first_error(without[0], path, exc.cl)
    if isinstance(exc, KinerjaError):
        return exc.located(key_prefix=path or None)
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_keys(exc, path)
    if isinstance(exc, KeyError):
        missing = exc.args[0] if exc.args else "?"
        return SchemaError(
            msg("error.shape.missing-key", key=missing),
            key=path,
            expected=text("expected.shape.value-for", "en", key=missing),
        )
    return _wrong_type(exc, path, cls)


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> SchemaError:
    extra = sorted(exc.extra_fields)
    renames = RENAMES.get(exc.cl, {})
    valid = [renames.get(a.name, a.name) for a in attrs.fields(exc.cl) if a.name != "origin"]
    first = extra[0]
    near = difflib.get_close_matches(first, valid, n=1, cutoff=0.6)
    listed = ", ".join(repr(k) for k in extra)
    plural = len(extra) > 1
    known = ", ".join(valid)
    said = msg("error.shape.unknown-keys" if plural else "error.shape.unknown-key", listed=listed)
    if not near:
        said = msg("error.shape.allowed-keys", message=said, known=known)
    return SchemaError(
        said,
        key=_join(path, first),
        value=first,
        expected=text("value.one-of", "en", choices=known),
        hint=msg("hint.did-you-mean", name=near[0]) if near else None,
    )


def _wrong_type(exc: BaseException, path: str, cls: Any) -> SchemaError:
    expected = _type_name(cls)
    detail = str(exc)
    if isinstance(exc, ValueError) and "is not a valid" in detail:
        found = detail.split(" is not a valid", maxsplit=1)[0]
        return SchemaError(
            msg("error.shape.not-one-of", found=found, choices=expected),
            key=path,
            value=found,
            expected=expected,
        )
    if isinstance(exc, AttributeError) and "items" in detail:
        # The detail is Python's, in English in either language; so is its replacement.
        detail = text("error.shape.expected-table", "en")
    return SchemaError(
        msg("error.shape.expected-detail", expected=expected, detail=detail),
        key=path,
        expected=expected,
    )


def _type_name(cls: Any) -> str:
    if isinstance(cls, type) and issubclass(cls, str) and hasattr(cls, "__members__"):
        return ", ".join(repr(m.value) for m in cls.__members__.values())
    if typing.get_origin(cls) is typing.Literal:
        return ", ".join(repr(a) for a in typing.get_args(cls))
    if typing.get_origin(cls) in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(cls) if a is not type(None))
    # English in either language, as the Python names of the other types are.
    if attrs.has(cls) or typing.get_origin(cls) is dict:
        return text("error.number.found-table", "en")
    if typing.get_origin(cls) in (tuple, list):
        return text("value.array", "en")
    return getattr(cls, "__name__", str(cls))


def _join(path: str, key: str) -> str:
    if not path:
        return key
    return path + key if key.startswith("[") else f"{path}.{key}"


def _quote(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
