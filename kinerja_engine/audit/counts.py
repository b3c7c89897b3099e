"""The counts behind a printed percentage (62 of 63 perkara: 98,41 %), step by step.

Each printed numerator and denominator is held against the case's counts for the
report's year (``count-mismatch``); each printed realisasi or target percentage against
the counts the same table prints, else the case's (``count-recalc``). A table that prints
a wrong count and the percentage that follows from it has one finding, the count's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from kinerja_engine.audit._common import FIELD, Audit, Broken, plain
from kinerja_engine.domain.model import Count, Indicator, PrintedEntry, PrintedValue
from kinerja_engine.messages import msg
from kinerja_engine.numbers import Figure

__all__ = ["counts", "exact_entry"]

# The percentage, its numerator and its denominator as a printed entry names them.
_PARTS = (
    ("realisasi", "numerator", "denominator", "realisasi_count"),
    ("target", "target_numerator", "target_denominator", "target_count"),
)


def counts(a: Audit, ind: Indicator, broken: Broken) -> None:
    """Every printed step of a percentage given by counts."""
    for n, entry in enumerate(ind.printed):
        this_year = entry.year is None or entry.year == a.year
        for percent, top, bottom, counted in _PARTS:
            given: Count | None = getattr(ind, counted) if this_year else None
            _steps(a, ind, entry, n, broken, percent, top, bottom, given)


def exact_entry(a: Audit, ind: Indicator, entry: PrintedEntry) -> PrintedEntry:
    """``entry`` as the recalculation of its capaian and labels reads it: a percentage it
    prints that agrees with the case's counts (98,41 for 62 of 63) stands for the exact
    quotient, as the report computed its capaian from the counts, not from the rounded
    figure."""
    if entry.year is not None and entry.year != a.year:
        return entry
    changes: dict[str, Any] = {}
    for percent, _top, _bottom, counted in _PARTS:
        given: Count | None = getattr(ind, counted)
        pv: PrintedValue | None = getattr(entry, percent)
        if given is None or pv is None or pv.value is None:
            continue
        if abs(pv.value - given.percent) <= a.tolerance(pv.value):
            changes[percent] = None
    return attrs.evolve(entry, **changes) if changes else entry


def _usable(entry: PrintedEntry, n: int, field: str, broken: Broken) -> PrintedValue | None:
    pv: PrintedValue | None = getattr(entry, field)
    if pv is None or pv.value is None or (n, field) in broken:
        return None
    return pv


def _steps(
    a: Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    broken: Broken,
    percent: str,
    top: str,
    bottom: str,
    given: Count | None,
) -> None:
    numerator = _usable(entry, n, top, broken)
    denominator = _usable(entry, n, bottom, broken)
    mismatch: str | None = None  # the first count-mismatch finding of this entry
    if given is not None:
        for field, pv, value in (
            (top, numerator, given.numerator),
            (bottom, denominator, given.denominator),
        ):
            if pv is None:
                continue
            assert pv.value is not None
            if pv.value == value:
                a.passed += 1
                continue
            finding = a.add(
                "count-mismatch",
                msg(
                    "finding.count-mismatch",
                    where=entry.where,
                    field=FIELD[field],
                    text=pv.text,
                    value=plain(value),
                ),
                indicator=ind.id,
                where=entry.where,
                field=field,
                printed=pv.text,
                expected=plain(value),
                difference=pv.value - value,
                tolerance=Decimal(0),
                inputs=((field, plain(value), "input"),),
            )
            mismatch = mismatch or finding.id
    printed = _usable(entry, n, percent, broken)
    if printed is None:
        return
    if (n, top) in broken or (n, bottom) in broken:
        blocker = broken.get((n, top)) or broken[(n, bottom)]
        a.skip("count-recalc", entry.where, ind.id, blocker)
        return
    # The table's own counts first, the case's where it prints none.
    top_value = numerator.value if numerator is not None else None
    bottom_value = denominator.value if denominator is not None else None
    if given is not None:
        top_value = given.numerator if top_value is None else top_value
        bottom_value = given.denominator if bottom_value is None else bottom_value
    if top_value is None or bottom_value is None or bottom_value <= 0:
        return
    expected = Count(top_value, bottom_value).percent
    assert printed.value is not None
    off = a.off(printed.value, expected)
    if off is None:
        return
    if printed.alternative is not None and a.off(printed.alternative, expected) is None:
        return  # "1.000" read the other way agrees: its question is raised already
    tol, shown, diff, places = off
    if mismatch is not None and given is not None and abs(printed.value - given.percent) <= tol:
        # The percentage follows from the case's counts: the printed count is the slip,
        # already a finding.
        a.skip("count-recalc", entry.where, ind.id, mismatch)
        return
    cite = [
        (
            top,
            numerator.text if numerator else plain(top_value),
            entry.where if numerator else "input",
        ),
        (
            bottom,
            denominator.text if denominator else plain(bottom_value),
            entry.where if denominator else "input",
        ),
    ]
    a.add(
        "count-recalc",
        msg(
            "finding.count-recalc",
            where=entry.where,
            field=FIELD[percent],
            text=printed.text,
            numerator=cite[0][1],
            denominator=cite[1][1],
            shown=Figure(shown, places),
            diff=Figure(diff),
            tol=Figure(tol),
        ),
        indicator=ind.id,
        where=entry.where,
        field=percent,
        printed=printed.text,
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        inputs=tuple(cite),
    )
