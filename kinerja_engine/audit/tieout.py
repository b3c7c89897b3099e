"""The same quantity printed in several places (or given as the case's input) must be
printed with one value: one finding per quantity, listing every place."""

from __future__ import annotations

from decimal import Decimal

from kinerja_engine.audit._common import FIELD, Audit, Broken, places_of, plain
from kinerja_engine.domain.model import Indicator, PrintedValue
from kinerja_engine.domain.results import Finding
from kinerja_engine.domain.wording import Listing
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import msg

__all__ = ["tie_out"]

_THIS_YEAR = ("target", "realisasi", "pagu", "realisasi_anggaran")


def tie_out(a: Audit, ind: Indicator, broken: Broken) -> dict[str, tuple[str, tuple[Decimal, ...]]]:
    """One finding per quantity printed with different values.

    Returns, per quantity, the finding's id and every distinct value printed for it.
    """
    if not ind.printed:
        return {}  # the case's inputs alone: one value per quantity
    y = a.year
    target = ind.target.value if ind.target else None
    budget = ind.budget
    # (where, text, value) per quantity, the case's input first; text None: the input,
    # written out only for a finding.
    # A figure given by counts is exact (98,412698...) where the report prints it rounded:
    # counts.py holds each printed percentage against the counts instead.
    counted = {
        field
        for field, count in (("target", ind.target_count), ("realisasi", ind.realisasi_count))
        if count is not None
    }
    if counted:
        target = None if "target" in counted else target
    realisasi = None if "realisasi" in counted else ind.realisasi
    seen: dict[tuple[str, int], list[tuple[str, str | None, Decimal]]] = {
        ("target", y): [] if target is None else [("input", None, target)],
        ("realisasi", y): [] if realisasi is None else [("input", None, realisasi)],
        ("pagu", y): []
        if budget is None or budget.pagu is None
        else [("input", None, budget.pagu)],
        ("realisasi_anggaran", y): []
        if budget is None or budget.realisasi is None
        else [("input", None, budget.realisasi)],
        ("realisasi", y - 1): [],
    }
    before = ind.history.get(y - 1)
    if before is not None:
        seen[("realisasi", y - 1)].append(("input (history)", None, before))
    # An earlier year whose target the case gives: its target and realisasi tie out too.
    for year, past in ind.history_target.items():
        if year >= y:
            continue
        point = past.value
        seen[("target", year)] = [] if point is None else [("input (history_target)", None, point)]
        if year != y - 1:
            realised = ind.history.get(year)
            seen[("realisasi", year)] = (
                [] if realised is None else [("input (history)", None, realised)]
            )
    for n, entry in enumerate(ind.printed):
        year = entry.year if entry.year is not None else y
        if year == y:
            fields: tuple[str, ...] = _THIS_YEAR
        elif year in ind.history_target and year < y:
            fields = ("target", "realisasi")
        elif year == y - 1:
            fields = ("realisasi",)
        else:
            continue
        for field in fields:
            if year == y and field in counted:
                continue
            pv: PrintedValue | None = getattr(entry, field)
            if pv is None or pv.value is None or (n, field) in broken:
                continue
            seen[(field, year)].append((entry.where, pv.text, pv.value))
    ties: dict[str, tuple[str, tuple[Decimal, ...]]] = {}
    for (field, year), places in seen.items():
        if len(places) < 2:
            continue
        reference = places[0][2]
        odd = [s for s in places if s[2] != reference]
        if not odd:
            a.passed += 1
            continue
        shown = [
            (where, plain(value) if text is None else text, value) for where, text, value in places
        ]
        first = next(s for s in shown if s[2] != reference)
        finding = _finding(a, ind, field, year, shown, first, shown[0][1], reference)
        values = tuple(dict.fromkeys(s[2] for s in shown))
        ties[field if year == y else f"{field} {year}"] = (finding.id, values)
    _derived(a, ind, broken)
    return ties


# ---- issue 19 (evidence)
_DERIVED = ("capaian", "serapan", "share", "progress")


def _derived(a: Audit, ind: Indicator, broken: Broken) -> None:
    """A derived figure (capaian, serapan, share, progress) printed in several places for
    one year must be printed with one value, whatever inputs each agrees with: one
    finding per figure naming every place. Two prints agree when the one with more
    decimals, rounded as the rule set rounds to the other's, is the other."""
    y = a.year
    seen: dict[tuple[str, int], list[tuple[str, str, Decimal]]] = {}
    for n, entry in enumerate(ind.printed):
        year = entry.year if entry.year is not None else y
        for field in _DERIVED:
            pv: PrintedValue | None = getattr(entry, field)
            if pv is None or pv.value is None or (n, field) in broken:
                continue
            seen.setdefault((field, year), []).append((entry.where, pv.text, pv.value))
    rules = a.rules

    def agrees_with(value: Decimal, reference: Decimal) -> bool:
        fewer = min(places_of(value), places_of(reference))
        return quantize(value, fewer, rules.rounding) == quantize(reference, fewer, rules.rounding)

    for (field, year), places in seen.items():
        if len({where for where, _, _ in places}) < 2:
            continue  # one place: nothing printed elsewhere to tie out with
        # The value most places print is the reference (the first on a tie): the finding
        # is placed at a place that differs from it.
        values = [s[2] for s in places]
        reference = max(values, key=lambda v: sum(1 for w in values if agrees_with(w, v)))

        odd = [s for s in places if not agrees_with(s[2], reference)]
        if not odd:
            a.passed += 1
            continue
        expected = next(text for _, text, value in places if value == reference)
        _finding(a, ind, field, year, places, odd[0], expected, reference)


def _finding(
    a: Audit,
    ind: Indicator,
    field: str,
    year: int,
    shown: list[tuple[str, str, Decimal]],
    first: tuple[str, str, Decimal],
    expected: str,
    reference: Decimal,
) -> Finding:
    """The one finding of a quantity printed with several values (``shown``: where, text,
    value), placed at ``first``, a place that differs from ``reference``."""
    listed = Listing(tuple((where, text) for where, text, _ in shown))
    count = len({s[2] for s in shown})
    return a.add(
        "tie-out",
        msg("finding.tie-out", field=FIELD[field], year=year, count=count, listed=listed),
        indicator=ind.id,
        where=first[0],
        field=field if year == a.year else f"{field} {year}",
        printed=first[1],
        expected=expected,
        difference=first[2] - reference,
        tolerance=Decimal(0),
        inputs=tuple((f"{field} {year}", text, where) for where, text, _ in shown),
    )
