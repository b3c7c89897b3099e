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
from typing import Any

from kinerja_engine.errors import KinerjaError, NumberError
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
_FAMILY_BASE = {"minutes": ("menit", "minutes", "menit"), "months": ("bulan", "months", "bulan")}


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
                f"{raw!r} is a percentage but the indicator's unit is {ind.get('unit')!r}",
                message_id=f"{raw!r} berupa persen, padahal satuan indikator {ind.get('unit')!r}",
                key=key,
                value=raw,
                expected=f"a figure in {ind.get('unit')}",
            )
        if parsed.mark == "Rp" and unit in ("%", "persen", "percent"):
            raise NumberError(
                f"{raw!r} is a rupiah amount but the indicator's unit is '%'",
                message_id=f"{raw!r} berupa rupiah, padahal satuan indikator '%'",
                key=key,
                value=raw,
                expected="a percentage",
            )
        if parsed.duration is not None:
            durations[key] = parsed.duration
        else:
            plain.append(key)
    if len(set(durations.values())) > 1:
        listed = ", ".join(f"{k} in {v}" for k, v in durations.items())
        listed_id = ", ".join(f"{k} dalam {_FAMILY_BASE[v][2]}" for k, v in durations.items())
        raise NumberError(
            f"the indicator's figures mix durations in minutes and in months ({listed})",
            message_id=f"angka indikator mencampur durasi menit dan bulan ({listed_id})",
            expected="one duration family: detik/menit/jam/hari or bulan/tahun",
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
    base, name_en, name_id = _FAMILY_BASE[family]
    raw = dict(_input_figures(ind))[key]
    if DURATION_FAMILY[unit] != family or (unit != base and plain):
        raise NumberError(
            f"{raw!r} is a duration, read in {name_en}, but the indicator's unit is {unit!r}"
            + (f" and {plain[0]} is a plain number" if plain else ""),
            message_id=f"{raw!r} berupa durasi, dibaca dalam {name_id}, padahal satuan indikator"
            f" {unit!r}" + (f" dan {plain[0]} angka biasa" if plain else ""),
            key=key,
            value=raw,
            expected=f"figures in {unit}",
            hint=f"write every figure as a plain number of {unit}, or every figure as a duration",
            hint_id=f"tulis semua angka sebagai angka biasa dalam {unit}, atau semuanya sebagai"
            " durasi",
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
