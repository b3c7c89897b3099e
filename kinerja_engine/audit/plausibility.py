"""Figures that cannot be right whatever they are compared with: a word where a number
belongs, a figure in the wrong unit, a percentage above 100, an implausible capaian.

A printed figure the screen finds broken is kept out of the checks that would use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from kinerja_engine.audit._common import (
    AMOUNT_FIELDS,
    FIELD,
    HUNDRED,
    PERCENT_FIELDS,
    Audit,
    Cited,
    plain,
)
from kinerja_engine.domain.model import Indicator, PrintedEntry, PrintedValue, Target, UnitKind
from kinerja_engine.domain.results import Finding, IndicatorResult, Status
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import Message, msg, text
from kinerja_engine.numbers import Figure

__all__ = ["implausible_capaian", "out_of_bounds", "screen"]

# A figure at or above this in a percent column is an amount, not a percentage.
_AMOUNT_SIZED = Decimal(10_000)
_COUNTS = ("numerator", "denominator", "target_numerator", "target_denominator")
_SCREENED = ("target", "realisasi", *PERCENT_FIELDS, *AMOUNT_FIELDS, *_COUNTS)
# What a figure in the wrong unit is; as what belongs there, the finding's data, in English.
_AMOUNT = msg("finding.what.amount")
_PERCENT = msg("finding.what.percent")
_A_NUMBER = text("value.a-number", "en")
_AT_MOST_100 = text("finding.expected.at-most-100", "en")


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
                    msg(
                        "finding.word-for-number",
                        where=entry.where,
                        text=pv.text,
                        field=FIELD[field],
                    ),
                    expected=_A_NUMBER,
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
                    msg(
                        "finding.unit-mismatch",
                        where=entry.where,
                        what=wrong[0],
                        text=pv.text,
                        field=FIELD[field],
                        unit=ind.unit,
                    ),
                    expected=wrong[1],
                    **_place(ind, entry, field, pv),
                ),
            )
            continue
        if field in ("serapan", "share") and pv.value > HUNDRED:
            a.add(
                "percent-over-100",
                msg(
                    "finding.percent-over-100", where=entry.where, text=pv.text, field=FIELD[field]
                ),
                expected=_AT_MOST_100,
                difference=pv.value - HUNDRED,
                **_place(ind, entry, field, pv),
            )


def _place(ind: Indicator, entry: PrintedEntry, field: str, pv: PrintedValue) -> dict[str, str]:
    return {"indicator": ind.id, "where": entry.where, "field": field, "printed": pv.text}


def amount_sized(field: str, value: Decimal) -> bool:
    """A share or an absorption the size of an amount: an amount in a percent column (a
    capaian may be huge: a scale slip is its own finding)."""
    return field in ("serapan", "share") and abs(value) >= _AMOUNT_SIZED


def _wrong_unit(ind: Indicator, field: str, pv: PrintedValue) -> tuple[Message, str] | None:
    """What the figure is and what belongs there, when not that."""
    assert pv.value is not None
    mark = pv.mark
    if field in PERCENT_FIELDS:
        # A capaian may be huge (a scale slip is its own finding); a share or an absorption
        # the size of an amount is an amount.
        sized = amount_sized(field, pv.value)
        if mark == "Rp" or sized:
            return (_AMOUNT, _PERCENT.render("en"))
    elif field in AMOUNT_FIELDS:
        if mark == "%":
            return (_PERCENT, _AMOUNT.render("en"))
    elif mark == "%" and ind.unit_kind is UnitKind.MONEY:
        return (_PERCENT, msg("expected.unit.figure-in", unit=ind.unit).render("en"))
    elif mark == "Rp" and ind.unit_kind is UnitKind.PERCENT:
        return (_AMOUNT, _PERCENT.render("en"))
    return None


def implausible_capaian(a: Audit, ind: Indicator, result: IndicatorResult) -> None:
    """The case's own capaian, this year's and each earlier year's (as the evaluation
    computed them), against the rule set's plausible bounds; a negative one is said so."""
    if ind.target is not None and ind.realisasi is not None:
        _judge(a, ind, result.capaian, ind.target, ind.realisasi, None)
    for past in result.past:
        if past.status is Status.COMPUTED:
            _judge(
                a,
                ind,
                past.capaian,
                ind.history_target[past.year],
                ind.history[past.year],
                past.year,
            )


def _judge(
    a: Audit,
    ind: Indicator,
    value: Decimal | None,
    target: Target,
    realisasi: Decimal,
    year: int | None,
) -> None:
    if value is None:
        return
    field = "capaian" if year is None else f"capaian {year}"
    inputs = (
        ("realisasi" if year is None else f"realisasi {year}", plain(realisasi), "input"),
        ("target" if year is None else f"target {year}", plain(target.low), "input"),
    )
    if value < 0:
        # Below zero: no achievement can be, whatever the rule set's plausible range.
        a.add(
            "capaian-negative",
            msg(
                "finding.capaian-negative",
                year=year or a.year,
                value=Figure(value, 2),
                realisasi=Cited(realisasi),
                target=Cited(target.low),
            ),
            indicator=ind.id,
            where="input",
            field=field,
            expected=text("expected.rules.zero-or-more", "en"),
            # How far below zero, as the report displays a capaian (not thirty places).
            difference=quantize(value, a.rules.places, a.rules.rounding),
            inputs=inputs,
        )
        return
    low, high = a.rules.audit.capaian_min, a.rules.audit.capaian_max
    if low <= value <= high:
        a.passed += 1
        return
    hint: Message | str = ""
    if value > 0:
        # The power of ten that brings capaian nearest 100 % names the likely scale slip.
        k = round((value / HUNDRED).log10()) if value.is_finite() else 0
        rescaled = value.scaleb(-k)
        if k != 0 and low <= rescaled <= high:
            hint = msg("finding.capaian-implausible.scale", k=k, rescaled=Figure(rescaled, 2))
    bounds = {"low": Figure(low), "high": Figure(high)}
    a.add(
        "capaian-implausible",
        msg(
            "finding.capaian-implausible",
            value=Figure(value, 2),
            realisasi=Cited(realisasi),
            target=Cited(target.low),
            hint=hint,
            **bounds,
        ),
        indicator=ind.id,
        where="input",
        field=field,
        expected=msg("finding.expected.between", **bounds).render("en"),
        inputs=inputs,
    )


# ---- issue 16 (model): the bounds an indicator declares


def out_of_bounds(a: Audit, ind: Indicator) -> None:
    """The case's target and realisasi, this year's and earlier years', within the bounds
    the indicator declares (a share of a whole: 0 to 100)."""
    bounds = ind.bounds
    if bounds is None:
        return
    figures: list[tuple[str, int | None, Decimal]] = []
    if ind.target is not None:
        figures += [("target", None, v) for v in dict.fromkeys((ind.target.low, ind.target.high))]
    if ind.realisasi is not None:
        figures.append(("realisasi", None, ind.realisasi))
    for past in sorted(set(ind.history) | set(ind.history_target)):
        target = ind.history_target.get(past)
        if target is not None:
            figures += [("target", past, v) for v in dict.fromkeys((target.low, target.high))]
        if past in ind.history:
            figures.append(("realisasi", past, ind.history[past]))
    for name, year, value in figures:
        if bounds.holds(value):
            a.passed += 1
            continue
        edge = bounds.low if value < bounds.low else bounds.high
        ends = {"low": Figure(bounds.low), "high": Figure(bounds.high)}
        a.add(
            "figure-out-of-bounds",
            msg(
                "finding.out-of-bounds",
                field=FIELD[name],
                year=year or a.year,
                text=Cited(value),
                **ends,
            ),
            indicator=ind.id,
            where="input",
            field=name if year is None else f"{name} {year}",
            printed=plain(value),
            expected=msg("finding.expected.between", **ends).render("en"),
            difference=value - edge,
        )
