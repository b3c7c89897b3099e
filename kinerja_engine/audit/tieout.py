"""The same quantity printed in several places (or given as the case's input) must be
printed with one value: one finding per quantity, listing every place."""

from __future__ import annotations

from decimal import Decimal

from kinerja_engine.audit._common import FIELD, Audit, Broken, plain
from kinerja_engine.domain.model import Indicator, PrintedValue
from kinerja_engine.domain.wording import Listing
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
    seen: dict[tuple[str, int], list[tuple[str, str | None, Decimal]]] = {
        ("target", y): [] if target is None else [("input", None, target)],
        ("realisasi", y): [] if ind.realisasi is None else [("input", None, ind.realisasi)],
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
    for n, entry in enumerate(ind.printed):
        year = entry.year if entry.year is not None else y
        if year == y:
            fields: tuple[str, ...] = _THIS_YEAR
        elif year == y - 1:
            fields = ("realisasi",)
        else:
            continue
        for field in fields:
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
        listed = Listing(tuple((where, text) for where, text, _ in shown))
        what = f"{field} {year}"
        count = len({s[2] for s in shown})
        first = next(s for s in shown if s[2] != reference)
        finding = a.add(
            "tie-out",
            msg("finding.tie-out", field=FIELD[field], year=year, count=count, listed=listed),
            indicator=ind.id,
            where=first[0],
            field=field if year == y else f"{field} {year}",
            printed=first[1],
            expected=shown[0][1],
            difference=first[2] - reference,
            tolerance=Decimal(0),
            inputs=tuple((what, text, where) for where, text, _ in shown),
        )
        values = tuple(dict.fromkeys(s[2] for s in shown))
        ties[field if year == y else f"{field} {year}"] = (finding.id, values)
    return ties
