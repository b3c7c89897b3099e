"""Figures as a case or rule set writes them, read into Decimals: the converter's hooks
for single values (a number, a target, a printed figure, a table of years).

Each hook reads one value with :func:`~kinerja_engine.numbers.parse_number` and either
returns it or raises a :class:`KinerjaError` naming the value; the converter adds the
key path. :func:`plain_number` reads the commonest figures, the plain ones, the same way
without building a ParsedNumber.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from kinerja_engine import messages
from kinerja_engine.domain.model import Bounds, Count, PrintedValue, Target
from kinerja_engine.errors import KinerjaError, NumberError, SchemaError
from kinerja_engine.io.shape import described
from kinerja_engine.messages import msg
from kinerja_engine.numbers import MAX_MAGNITUDE, MAX_PLACES, parse_number

__all__ = [
    "HISTORY_YEAR",
    "bounds",
    "count",
    "history",
    "history_target",
    "number",
    "optional_number",
    "other_reading",
    "plain_number",
    "printed",
    "target",
]

T = TypeVar("T")

# A history key: a year in ASCII digits. "20٢٠" (Arabic-Indic digits) would read as 2020
# and silently replace that year's value; with ASCII digits a key names one year only.
HISTORY_YEAR = re.compile(r"(19|20|21)[0-9][0-9]")


def number(value: Any, _: Any = None) -> Decimal:
    """A figure that must be there: ``"-"`` (no value) is refused."""
    parsed = parse_number(value)
    if parsed is None:
        raise NumberError(
            msg("error.figure.no-value-here"),
            value=value,
            expected=messages.text("value.a-number", "en"),
        )
    return parsed.value


def optional_number(value: Any, _: Any = None) -> Decimal | None:
    parsed = parse_number(value)
    return None if parsed is None else parsed.value


def target(value: Any, _: Any = None) -> Target | None:
    """A point target, a ``[low, high]`` range, or None for ``"-"``."""
    if isinstance(value, list):
        if len(value) != 2:
            raise SchemaError(
                msg("error.figure.range-ends", count=len(value)),
                value=value,
                expected="[low, high]",
            )
        low, high = (number(v) for v in value)
        return Target(low, high)
    parsed = parse_number(value)
    return None if parsed is None else Target.point(parsed.value)


def printed(value: Any, _: Any = None) -> PrintedValue:
    """A figure as the report prints it: its text kept, its value read when it reads."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise SchemaError(
            msg("error.figure.printed", found=described(value)),
            value=value,
            expected=messages.text("expected.figure.printed", "en"),
        )
    text = value if isinstance(value, str) else str(value)
    try:
        parsed = parse_number(value)
    except NumberError as exc:
        return _as_printed(text) or PrintedValue(text=text, error=exc.message)
    if parsed is None:
        return PrintedValue(text=text)
    return PrintedValue(
        text=text, value=parsed.value, mark=parsed.mark, alternative=other_reading(text)
    )


# ---- issue 19 (evidence): figures as people print them.
# A number in English notation: one '.' before the fraction, ',' (if any) grouping
# thousands before it ("92.22", "0.500", "1,234.56"). Only tried on a text the Indonesian
# reading refuses, so "1.234" (a valid group) never gets here.
_ENGLISH = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|[0-9]+\.[0-9]+")
# A number followed by the unit it is counted in: "24 per 100.000", "0,16 ‰", "2 Kegaiatan".
_UNIT_TAIL = re.compile(r"(?P<num>.*?[0-9][0-9.,]*?)\s*(?P<unit>(?:‰|/|[^\W\d_]).*)", re.DOTALL)
# Where a unit written against its number starts ("0,16‰", "2Kegiatan").
_UNIT_START = re.compile(r"(?<=[0-9])(?=‰|[^\W\d_])")
# The one shape that reads both ways: one '.' before exactly three digits ("1.500").
_BOTH_WAYS = re.compile(r"\s*[+-]?[1-9][0-9]{0,2}\.[0-9]{3}\s*%?\s*")


def other_reading(text: str) -> Decimal | None:
    """The English reading of a text Indonesian notation reads otherwise: "1.500" is 1500
    here and 1.5 in English notation. None for every other text."""
    if "." not in text or _BOTH_WAYS.fullmatch(text) is None:
        return None
    digits = text.strip().rstrip("%").strip()
    return Decimal(digits)


def _as_printed(text: str) -> PrintedValue | None:
    """A printed text Indonesian notation refuses, read as reports print figures: a
    decimal in English notation, a number followed by its unit. None when it still does
    not read (a word where a number belongs)."""
    read = _english(text)
    if read is not None:
        return read
    if _UNIT_TAIL.fullmatch(text.strip()) is None:
        return None
    # The longest run of words that reads as a number is the number ("2,5 juta orang" is
    # 2,5 juta of orang), the rest its unit.
    words = _UNIT_START.sub(" ", text).split()
    for cut in range(len(words) - 1, 0, -1):
        number, unit = " ".join(words[:cut]), " ".join(words[cut:])
        try:
            parsed = parse_number(number)
        except NumberError:
            english = _english(number)
            if english is not None:
                return attrs.evolve(english, text=text, unit=unit)
            continue
        if parsed is not None:
            return PrintedValue(text=text, value=parsed.value, mark=parsed.mark, unit=unit)
    return None


def _english(text: str) -> PrintedValue | None:
    """``text`` read with its one number in English notation, or None."""
    found = list(_ENGLISH.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    rewritten = match[0].replace(",", "").replace(".", ",")
    try:
        parsed = parse_number(text[: match.start()] + rewritten + text[match.end() :])
    except NumberError:
        return None
    if parsed is None:
        return None
    return PrintedValue(text=text, value=parsed.value, mark=parsed.mark, notation="en")


def history(value: Any, _: Any = None) -> dict[int, Decimal]:
    """A table of years and figures; a year with ``"-"`` is left out."""
    return _years(value, optional_number)


def _years(value: Any, read: Callable[[Any], T | None]) -> dict[int, T]:
    """A table of years and what ``read`` makes of each value; a year it reads as no
    value (``"-"``) is left out."""
    if not isinstance(value, dict):
        raise SchemaError(
            msg("error.figure.history", found=described(value)),
            value=value,
            expected="{ 2020 = 55 }",
        )
    years = {}
    for year, figure in value.items():
        if not HISTORY_YEAR.fullmatch(year):
            raise SchemaError(
                msg("error.figure.history-year", year=year),
                key=year,
                value=year,
                expected=messages.text("expected.figure.year", "en"),
                # Digits that are not ASCII are digits to Python, but no year here.
                hint=msg("hint.figure.year-digits") if year.isdigit() else None,
            )
        try:
            parsed = read(figure)
        except KinerjaError as exc:
            raise exc.located(key_prefix=year) from None
        if parsed is not None:
            years[int(year)] = parsed
    return years


_MAX_INT = int(MAX_MAGNITUDE)
# The commonest printed figure, 1.846.035.739,70 or 56 or 87,08: digits, '.' between
# groups of thousands, ',' before the fraction, nothing around; the subset of
# numbers._FAST_RE without sign, marks or white space.
_PLAIN = re.compile(r"([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")


def plain_number(value: Any) -> Decimal | None:
    """A figure :func:`~kinerja_engine.numbers.parse_number` reads as a plain number (no
    mark, no scale, no duration), read the same way; None for anything else, which is for
    parse_number itself. tests/test_structure.py holds the two readings equal."""
    kind = type(value)
    if kind is Decimal:
        # Inside numbers.check_figure's bound, or left to parse_number for its error.
        if value.is_finite() and value.copy_abs() < MAX_MAGNITUDE:
            exponent = value.as_tuple().exponent
            return value if type(exponent) is int and exponent >= -MAX_PLACES else None
        return None
    if kind is int:
        return Decimal(value) if -_MAX_INT < value < _MAX_INT else None
    if kind is str:
        match = _PLAIN.fullmatch(value)
        # A whole part of at most 21 characters: fewer than 22 digits, so below 10^21.
        if match is None or match.end(1) > 21 or len(value) - match.end(1) > MAX_PLACES + 1:
            return None
        # Matched: digits, '.' only between groups of the whole part, one ',' before the
        # fraction.
        return Decimal(value.replace(".", "").replace(",", "."))
    return None


# ---- issue 16 (model): bounds, counts and past years' targets


def bounds(value: Any, _: Any = None) -> Bounds:
    """``[low, high]``: the values an indicator's figures can take."""
    if not isinstance(value, list) or len(value) != 2:
        raise SchemaError(
            msg("error.figure.bounds", found=described(value)),
            value=value,
            expected="[0, 100]",
        )
    low, high = (number(v) for v in value)
    if low > high:
        raise SchemaError(
            msg("error.figure.bounds-order", low=low, high=high),
            value=value,
            expected="[0, 100]",
        )
    return Bounds(low, high)


_COUNT_KEYS = frozenset({"numerator", "denominator"})


def count(value: Any, _: Any = None) -> Count:
    """``{ numerator = 62, denominator = 63 }``: a percentage given by its counts."""
    if not isinstance(value, dict) or set(value) != _COUNT_KEYS:
        raise SchemaError(
            msg("error.figure.count", found=described(value)),
            value=value,
            expected="{ numerator = 62, denominator = 63 }",
        )
    try:
        numerator = number(value["numerator"])
    except KinerjaError as exc:
        raise exc.located(key_prefix="numerator") from None
    try:
        denominator = number(value["denominator"])
    except KinerjaError as exc:
        raise exc.located(key_prefix="denominator") from None
    if numerator < 0:
        raise SchemaError(
            msg("error.figure.count-negative", value=numerator),
            key="numerator",
            value=value["numerator"],
            expected=messages.text("expected.figure.count-numerator", "en"),
        )
    if denominator <= 0:
        raise SchemaError(
            msg("error.figure.count-denominator", value=denominator),
            key="denominator",
            value=value["denominator"],
            expected=messages.text("expected.figure.count-denominator", "en"),
        )
    counted = Count(numerator, denominator)
    if counted.percent.copy_abs() >= MAX_MAGNITUDE:
        raise SchemaError(
            msg("error.figure.count-too-large"),
            key="denominator",
            value=value["denominator"],
            expected=messages.text("expected.figure.count-denominator", "en"),
        )
    return counted


def history_target(value: Any, _: Any = None) -> dict[int, Target]:
    """A table of years and targets (a figure or a range); a year with ``"-"`` is left
    out."""
    return _years(value, target)
