"""Printed figures read as people print them, before any check holds them.

A decimal in English notation ("92.22") is read and named (info); a text that reads two
ways ("1.500" in a column of percentages) is a question naming the reading used (the
English one, 1,5: fifteen hundred percent is no table's meaning); a figure
printed in another unit than its indicator's is converted when the two are rates (0,16 %
of a rate per 100.000 is 160) and named, and a count whose noun differs from the unit
("2 Kegaiatan") is read as a count with a warning. A unit that cannot be converted
breaks the figure for every later check. The checks after this one see the entries with
their figures in the indicator's unit; each text stays as printed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from kinerja_engine.audit._common import AMOUNT_FIELDS, FIELD, PERCENT_FIELDS, Audit, Broken
from kinerja_engine.audit.plausibility import amount_sized
from kinerja_engine.domain.model import Indicator, PrintedEntry, PrintedValue, UnitKind, unit_kind
from kinerja_engine.domain.units import rate_base, same_unit
from kinerja_engine.evaluation.indicator import serapan_of
from kinerja_engine.messages import msg
from kinerja_engine.numbers import Figure

__all__ = ["read_entries"]

_IN_UNIT = ("target", "realisasi")
_HUNDRED = Decimal(100)


def read_entries(a: Audit, ind: Indicator, broken: Broken) -> Indicator:
    """``ind`` with its printed figures in its own unit; findings for what was read
    otherwise than plainly, and ``broken`` told of each figure no check may use."""
    entries = []
    changed = False
    for n, entry in enumerate(ind.printed):
        changes: dict[str, Any] = {}
        for field in (*_IN_UNIT, *PERCENT_FIELDS, *AMOUNT_FIELDS):
            pv: PrintedValue | None = getattr(entry, field)
            if pv is None or pv.value is None:
                continue
            read = _read(a, ind, entry, n, field, pv, broken)
            if read is not pv:
                changes[field] = read
        if changes:
            changed = True
            entries.append(attrs.evolve(entry, **changes))
        else:
            entries.append(entry)
    return attrs.evolve(ind, printed=tuple(entries)) if changed else ind


def _read(
    a: Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    field: str,
    pv: PrintedValue,
    broken: Broken,
) -> PrintedValue:
    read = pv.value
    assert read is not None
    place = {"indicator": ind.id, "where": entry.where, "field": field, "printed": pv.text}
    if pv.notation == "en":
        a.add(
            "number-notation",
            msg(
                "finding.number-notation",
                where=entry.where,
                field=FIELD[field],
                text=pv.text,
                value=Figure(read),
            ),
            expected=format(read, "f"),
            **place,
        )
    if pv.alternative is not None:
        amount = amount_sized(field, read) and not _serapan_agrees(a, ind, field, pv.alternative)
        if _percent_column(ind, field) and not amount:
            # "1.500" is 1500 in Indonesian notation, a percentage no table means: the
            # English reading (1,5) is used, the other kept for the checks to try. One the
            # size of an amount ("10.000" of serapan) is an amount, for the screen to say,
            # unless its English reading is the serapan the budget gives ("12.500" for 12,5).
            read, other = pv.alternative, read
            pv = attrs.evolve(pv, value=read, alternative=other)
            a.add(
                "number-ambiguous",
                msg(
                    "finding.number-ambiguous",
                    where=entry.where,
                    field=FIELD[field],
                    text=pv.text,
                    value=Figure(read),
                    other=Figure(other),
                ),
                expected=format(read, "f"),
                **place,
            )
        else:
            # Only a percentage can be meant either way; elsewhere "1.500" is 1500.
            pv = attrs.evolve(pv, alternative=None)
    printed_unit = pv.unit
    if printed_unit is None and field in _IN_UNIT:
        printed_unit = entry.unit if pv.mark is None else None
        if printed_unit is None and pv.mark == "%":
            printed_unit = "%"
    if printed_unit is None:
        return pv
    if field in PERCENT_FIELDS:
        target_unit = "%"
    elif field in AMOUNT_FIELDS:
        target_unit = "Rp"
        if pv.unit is None or unit_kind(pv.unit) is UnitKind.MONEY:
            return pv
    else:
        target_unit = ind.unit
    if same_unit(printed_unit, target_unit):
        return pv
    base, own = rate_base(printed_unit), rate_base(target_unit)
    if base is not None and own is not None:
        value = read * own / base
        said = {"printed_unit": printed_unit, "unit": target_unit}
        _unit_finding(a, "unit-converted", "finding.unit-converted", place, said, value)
        return attrs.evolve(pv, value=value, alternative=None)
    countable = field in _IN_UNIT and ind.unit_kind in (UnitKind.COUNT, UnitKind.OTHER)
    if countable and base is None and own is None and pv.mark is None:
        said = {"printed_unit": printed_unit, "unit": target_unit}
        _unit_finding(a, "unit-noun", "finding.unit-noun", place, said, read)
        return pv
    if pv.mark is not None and pv.unit is None and field in _IN_UNIT:
        return pv  # a bare "%" or "Rp" beside another unit: the screen's to judge
    finding = a.add(
        "unit-mismatch",
        msg(
            "finding.unit-other",
            where=entry.where,
            field=FIELD[field],
            text=pv.text,
            printed_unit=printed_unit,
            unit=target_unit,
        ),
        expected=msg("expected.unit.figure-in", unit=target_unit).render("en"),
        **place,
    )
    broken[(n, field)] = finding.id
    return attrs.evolve(pv, value=None, alternative=None)


def _unit_finding(
    a: Audit,
    code: str,
    message_id: str,
    place: dict[str, str],
    units: dict[str, str],
    value: Decimal,
) -> None:
    """A figure read in its indicator's unit (``value``) although printed in another."""
    field = place["field"]
    a.add(
        code,
        msg(
            message_id,
            where=place["where"],
            field=FIELD[field],
            text=place["printed"],
            value=Figure(value),
            **units,
        ),
        expected=format(value, "f"),
        **place,
    )


def _serapan_agrees(a: Audit, ind: Indicator, field: str, value: Decimal) -> bool:
    budget = ind.budget
    if field != "serapan" or budget is None or not budget.pagu or budget.realisasi is None:
        return False
    expected = serapan_of(a.rules, budget.pagu, budget.realisasi)
    return expected is not None and a.agrees(value, expected)


def _percent_column(ind: Indicator, field: str) -> bool:
    if field in PERCENT_FIELDS:
        return True
    return field in _IN_UNIT and rate_base(ind.unit) == _HUNDRED
