"""The budget tree: each line's amounts are the sum of its children's, each printed
percentage follows from its line's amounts; and the agency's total, which budget shares
are taken of."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kinerja_engine.audit._common import HUNDRED, Audit, plain
from kinerja_engine.domain.model import BudgetLine
from kinerja_engine.domain.wording import Field
from kinerja_engine.messages import msg, text
from kinerja_engine.numbers import Figure

__all__ = ["agency_total", "budget_tree"]


def agency_total(lines: Sequence[BudgetLine]) -> BudgetLine | None:
    """The agency's total spending: the largest top-level line named as belanja (spending)."""
    roots = [
        b for b in lines if b.parent is None and b.pagu is not None and "belanja" in b.name.lower()
    ]
    return max(roots, key=lambda b: b.pagu or 0, default=None)


def budget_tree(a: Audit, lines: Sequence[BudgetLine]) -> None:
    """Every line in order: its footing (pagu, then realisasi), then its percentage."""
    children: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if line.parent is not None:
            children.setdefault(line.parent, []).append(line)
    tol = a.rules.audit.amount_tolerance
    for line in lines:
        kids = children.get(line.id, [])
        for field in ("pagu", "realisasi"):
            own = getattr(line, field)
            amounts = [getattr(k, field) for k in kids]
            if own is None or not kids or any(v is None for v in amounts):
                continue
            total = sum(amounts, Decimal(0))
            diff = own - total
            if abs(diff) <= tol:
                a.passed += 1
                continue
            a.add(
                "budget-footing",
                msg(
                    "finding.budget-footing",
                    line=line.name,
                    field=Field(field),
                    own=Figure(own),
                    count=len(kids),
                    total=Figure(total),
                    diff=Figure(diff),
                ),
                budget=line.id,
                where=line.where,
                field=field,
                printed=plain(own),
                expected=plain(total),
                difference=diff,
                tolerance=tol,
                inputs=tuple((k.id, plain(getattr(k, field)), k.where or "-") for k in kids),
            )
        _percent(a, line)


def _percent(a: Audit, line: BudgetLine) -> None:
    pv = line.printed_percent
    if pv is None or line.pagu is None or line.realisasi is None:
        return
    common = {
        "budget": line.id,
        "where": line.where,
        "field": "printed_percent",
        "printed": pv.text,
    }
    if pv.value is None:
        if pv.error is not None:
            a.add(
                "word-for-number",
                msg("finding.budget-word", line=line.name, text=pv.text),
                expected=text("value.a-number", "en"),
                **common,
            )
        return
    if line.pagu == 0:
        if line.realisasi == 0:
            a.add(
                "budget-percent-undefined",
                msg("finding.budget-percent-undefined", line=line.name, text=pv.text),
                expected=text("finding.expected.undefined", "en"),
                **common,
            )
        return
    off = a.off(pv.value, line.realisasi * HUNDRED / line.pagu)
    if off is None:
        return
    tol, shown, diff, places = off
    a.add(
        "budget-percent",
        msg(
            "finding.budget-percent",
            line=line.name,
            text=pv.text,
            realisasi=Figure(line.realisasi),
            pagu=Figure(line.pagu),
            shown=Figure(shown, places),
            diff=Figure(diff),
        ),
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        inputs=(
            ("realisasi", plain(line.realisasi), line.where or "-"),
            ("pagu", plain(line.pagu), line.where or "-"),
        ),
        **common,
    )
