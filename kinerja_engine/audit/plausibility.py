"""Figures that cannot be right whatever they are compared with: a word where a number
belongs, a figure in the wrong unit, a percentage above 100, an implausible capaian.

A printed figure the screen finds broken is kept out of the checks that would use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from kinerja_engine.audit._common import (
    AMOUNT_FIELDS,
    FIELD_ID,
    HUNDRED,
    PERCENT_FIELDS,
    Audit,
    en,
    id_,
    plain,
)
from kinerja_engine.domain.model import Indicator, PrintedEntry, PrintedValue, UnitKind
from kinerja_engine.domain.results import Finding
from kinerja_engine.evaluation.indicator import capaian_of

__all__ = ["implausible_capaian", "screen"]

# A figure at or above this in a percent column is an amount, not a percentage.
_AMOUNT_SIZED = Decimal(10_000)
_SCREENED = ("target", "realisasi", *PERCENT_FIELDS, *AMOUNT_FIELDS)


def screen(a: Audit, ind: Indicator, entry: PrintedEntry) -> Iterator[tuple[str, Finding]]:
    """Type and unit of every printed figure: a word, a rupiah amount in a percent column.

    Yields each field the screen breaks, with its finding.
    """
    for field in _SCREENED:
        pv: PrintedValue | None = getattr(entry, field)
        if pv is None:
            continue
        if pv.error is not None:
            yield (
                field,
                a.add(
                    "word-for-number",
                    f"{entry.where} prints {pv.text!r} where the {field} figure belongs",
                    f"{entry.where} mencetak {pv.text!r} di tempat angka {FIELD_ID[field]}",
                    expected="a number",
                    **_place(ind, entry, field, pv),
                ),
            )
            continue
        if pv.value is None:
            continue
        wrong = _wrong_unit(ind, field, pv)
        if wrong is not None:
            yield (
                field,
                a.add(
                    "unit-mismatch",
                    f"{entry.where} prints {wrong[0]} {pv.text!r} as {field} (unit {ind.unit})",
                    f"{entry.where} mencetak {wrong[1]} {pv.text!r} sebagai {FIELD_ID[field]} (satuan {ind.unit})",
                    expected=wrong[2],
                    **_place(ind, entry, field, pv),
                ),
            )
            continue
        if field in ("serapan", "share") and pv.value > HUNDRED:
            a.add(
                "percent-over-100",
                f"{entry.where} prints {field} {pv.text!r}, above 100 %",
                f"{entry.where} mencetak {FIELD_ID[field]} {pv.text!r}, di atas 100 %",
                expected="at most 100",
                difference=pv.value - HUNDRED,
                **_place(ind, entry, field, pv),
            )


def _place(ind: Indicator, entry: PrintedEntry, field: str, pv: PrintedValue) -> dict[str, str]:
    return {"indicator": ind.id, "where": entry.where, "field": field, "printed": pv.text}


def _wrong_unit(ind: Indicator, field: str, pv: PrintedValue) -> tuple[str, str, str] | None:
    """What the figure is (English, Indonesian) and what belongs there, when not that."""
    assert pv.value is not None
    mark = pv.mark
    if field in PERCENT_FIELDS:
        # A capaian may be huge (a scale slip is its own finding); a share or an absorption
        # the size of an amount is an amount.
        sized = field in ("serapan", "share") and abs(pv.value) >= _AMOUNT_SIZED
        if mark == "Rp" or sized:
            return ("a rupiah amount", "jumlah rupiah", "a percentage")
    elif field in AMOUNT_FIELDS:
        if mark == "%":
            return ("a percentage", "persen", "a rupiah amount")
    elif mark == "%" and ind.unit_kind is UnitKind.MONEY:
        return ("a percentage", "persen", f"a figure in {ind.unit}")
    elif mark == "Rp" and ind.unit_kind is UnitKind.PERCENT:
        return ("a rupiah amount", "jumlah rupiah", "a percentage")
    return None


def implausible_capaian(a: Audit, ind: Indicator) -> None:
    """The case's own capaian against the rule set's plausible bounds."""
    if ind.target is None or ind.realisasi is None:
        return
    value = capaian_of(a.rules, ind.direction, ind.target, ind.realisasi)
    if value is None:
        return
    low, high = a.rules.audit.capaian_min, a.rules.audit.capaian_max
    if low <= value <= high:
        a.passed += 1
        return
    hint_en = hint_id = ""
    if value > 0:
        # The power of ten that brings capaian nearest 100 % names the likely scale slip.
        k = round((value / HUNDRED).log10()) if value.is_finite() else 0
        rescaled = value.scaleb(-k)
        if k != 0 and low <= rescaled <= high:
            hint_en = (
                f"; with realisasi and target on one scale (a factor of 10^{k}) it would be"
                f" {en(rescaled)} %"
            )
            hint_id = (
                f"; bila realisasi dan target pada skala yang sama (faktor 10^{k}) capaian"
                f" menjadi {id_(rescaled)} %"
            )
    a.add(
        "capaian-implausible",
        f"capaian {en(value)} % is outside the plausible {en(low, None)}–{en(high, None)} %"
        f" (realisasi {plain(ind.realisasi)}, target {plain(ind.target.low)}){hint_en}",
        f"capaian {id_(value)} % di luar batas wajar {id_(low, None)}–{id_(high, None)} %"
        f" (realisasi {id_(ind.realisasi, None)}, target {id_(ind.target.low, None)}){hint_id}",
        indicator=ind.id,
        where="input",
        field="capaian",
        expected=f"{en(low, None)} to {en(high, None)}",
        inputs=(
            ("realisasi", plain(ind.realisasi), "input"),
            ("target", plain(ind.target.low), "input"),
        ),
    )
