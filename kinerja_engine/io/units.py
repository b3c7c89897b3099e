"""Unit words and unit marks in an indicator's figures, judged against its unit.

A figure may carry its indicator's unit word (``"16,82 cm"`` in a ``cm`` indicator: the
word is dropped before the figure is read), a mark (``%``, ``Rp``) or a duration
(``"6 jam 37 menit"``, read in minutes). Marks and durations must agree with each other
and with the indicator's unit: a percentage in a ``cm`` indicator, or minutes compared
with months, is refused instead of read as a number. Each function takes one
indicator's table as TOML gives it; keys in errors are relative to that table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from kinerja_engine.errors import KinerjaError, NumberError
from kinerja_engine.messages import Message, msg, text
from kinerja_engine.numbers import parse_number

__all__ = ["DURATION_FAMILY", "check_marks", "strip_unit", "strips_unit", "without_units"]

_UNIT_WORD = re.compile(r"^[^\W\d_][\w .]*$")

# Duration unit words, the family their figures are read in, and each family's base unit.
DURATION_FAMILY = {
    "detik": "minutes",
    "menit": "minutes",
    "jam": "minutes",
    "hari": "minutes",
    "bulan": "months",
    "tahun": "months",
}
# A duration family's base unit and its name in a message.
_FAMILY_BASE = {"minutes": ("menit", msg("unit.minutes")), "months": ("bulan", msg("unit.months"))}


class _Listed(NamedTuple):
    """Messages joined by commas, in the reader's language."""

    items: tuple[Message, ...]

    def render(self, lang: str) -> str:
        return ", ".join(item.render(lang) for item in self.items)


@functools.cache
def strips_unit(unit: str) -> bool:
    """Whether :func:`strip_unit` may change a figure of an indicator in ``unit``."""
    return bool(
        _UNIT_WORD.match(unit)
        and unit.lower() not in ("rp", "rp.")
        and unit.strip().lower() not in DURATION_FAMILY
    )


def strip_unit(value: Any, unit: str) -> Any:
    """``"16,82 cm"`` for an indicator in ``cm`` reads as ``"16,82"``; other values as they are."""
    if not isinstance(value, str) or not _UNIT_WORD.match(unit) or unit.lower() in ("rp", "rp."):
        return value
    if unit.strip().lower() in DURATION_FAMILY:
        # "6 jam 37 menit" for an indicator in jam is a duration, read in minutes like
        # "7 jam"; stripping the word would read one as 7 and the other as 397.
        return value
    text = value.rstrip()
    if text.lower().endswith(unit.lower()) and text[: -len(unit)].rstrip() != text[: -len(unit)]:
        return text[: -len(unit)].rstrip()
    return value


def without_units(raw: Any) -> Any:
    """An indicator's table with its own unit word dropped from its input figures."""
    unit = raw.get("unit") if isinstance(raw, dict) else None
    if not isinstance(unit, str):
        return raw
    ind = dict(raw)
    for key in ("realisasi", "renstra_target", "target"):
        if isinstance(ind.get(key), list):
            ind[key] = [strip_unit(v, unit) for v in ind[key]]
        elif key in ind:
            ind[key] = strip_unit(ind[key], unit)
    if isinstance(ind.get("history"), dict):
        ind["history"] = {y: strip_unit(v, unit) for y, v in ind["history"].items()}
    return ind


def check_marks(ind: Any) -> None:
    """Unit marks in an indicator's input figures must agree with each other and its unit."""
    if not isinstance(ind, dict):
        return
    unit = str(ind.get("unit", "")).strip().lower()
    durations: dict[str, str] = {}
    plain: list[str] = []
    for key, raw in _input_figures(ind):
        try:
            parsed = parse_number(raw)
        except KinerjaError:
            continue  # the converter reports it with its key
        if parsed is None:
            continue
        if parsed.mark == "%" and unit not in ("%", "persen", "percent", ""):
            raise NumberError(
                msg("error.unit.percent", raw=raw, unit=ind.get("unit")),
                key=key,
                value=raw,
                expected=text("expected.unit.figure-in", "en", unit=ind.get("unit")),
            )
        if parsed.mark == "Rp" and unit in ("%", "persen", "percent"):
            raise NumberError(
                msg("error.unit.rupiah", raw=raw),
                key=key,
                value=raw,
                expected=text("expected.unit.percentage", "en"),
            )
        if parsed.duration is not None:
            durations[key] = parsed.duration
        else:
            plain.append(key)
    if len(set(durations.values())) > 1:
        listed = _Listed(
            tuple(
                msg("error.unit.duration-in", key=k, family=_FAMILY_BASE[v][1])
                for k, v in durations.items()
            )
        )
        raise NumberError(
            msg("error.unit.mixed-durations", listed=listed),
            expected=text("expected.unit.one-family", "en"),
        )
    _check_duration_unit(ind, unit, durations, plain)


def _check_duration_unit(
    ind: Mapping[str, Any], unit: str, durations: Mapping[str, str], plain: list[str]
) -> None:
    """A duration text is read in minutes or months: refuse it where the indicator's unit
    says the figures are in another duration unit, instead of comparing 397 with 7."""
    if not durations or unit not in DURATION_FAMILY:
        return
    key, family = next(iter(durations.items()))
    base, name = _FAMILY_BASE[family]
    raw = dict(_input_figures(ind))[key]
    if DURATION_FAMILY[unit] != family or (unit != base and plain):
        said = msg("error.unit.duration", raw=raw, family=name, unit=unit)
        if plain:
            said = msg("error.unit.and-plain", message=said, key=plain[0])
        raise NumberError(
            said,
            key=key,
            value=raw,
            expected=text("expected.unit.figures-in", "en", unit=unit),
            hint=msg("hint.unit.one-kind", unit=unit),
        )


def _input_figures(ind: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for key in ("realisasi", "renstra_target"):
        if key in ind:
            yield key, ind[key]
    target = ind.get("target")
    if isinstance(target, list):
        for i, v in enumerate(target):
            yield f"target[{i}]", v
    elif target is not None:
        yield "target", target
    history = ind.get("history")
    if isinstance(history, dict):
        for year, v in history.items():
            yield f"history.{year}", v
