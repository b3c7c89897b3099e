"""The budget tree: each line's amounts are the sum of its children's, each printed
percentage follows from its line's amounts; and the agency's total, which budget shares
are taken of."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kinerja_engine.audit._common import HUNDRED, Audit, en, id_, plain
from kinerja_engine.domain.model import BudgetLine

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
        for field, label_id in (("pagu", "pagu"), ("realisasi", "realisasi")):
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
                f"{line.name}: {field} {en(own, None)} is not the sum of its {len(kids)} lines,"
                f" {en(total, None)} (difference {en(diff, None)})",
                f"{line.name}: {label_id} {id_(own, None)} bukan jumlah {len(kids)} rinciannya,"
                f" {id_(total, None)} (selisih {id_(diff, None)})",
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
                f"{line.name}: {pv.text!r} where a percentage belongs",
                f"{line.name}: {pv.text!r} di tempat persentase",
                expected="a number",
                **common,
            )
        return
    if line.pagu == 0:
        if line.realisasi == 0:
            a.add(
                "budget-percent-undefined",
                f"{line.name}: {pv.text!r} printed for 0 / 0, which is not defined (not 0 %)",
                f"{line.name}: {pv.text!r} dicetak untuk 0 / 0, yang tidak terdefinisi (bukan 0 %)",
                expected="not defined (-)",
                **common,
            )
        return
    off = a.off(pv.value, line.realisasi * HUNDRED / line.pagu)
    if off is None:
        return
    tol, shown, diff, places = off
    a.add(
        "budget-percent",
        f"{line.name}: prints {pv.text!r}; {en(line.realisasi, None)} / {en(line.pagu, None)}"
        f" gives {en(shown, places)} (difference {en(diff, None)} points)",
        f"{line.name}: tercetak {pv.text!r}; {id_(line.realisasi, None)} / {id_(line.pagu, None)}"
        f" menghasilkan {id_(shown, places)} (selisih {id_(diff, None)} poin)",
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        inputs=(
            ("realisasi", plain(line.realisasi), line.where or "-"),
            ("pagu", plain(line.pagu), line.where or "-"),
        ),
        **common,
    )
