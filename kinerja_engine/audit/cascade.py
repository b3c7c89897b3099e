"""Figures printed for the nodes of the performance tree (programs, objectives, goals).

A node's printed capaian is held against two things, each its own check:

* ``rollup-recalc``: the figure the rule set's roll-up makes of the node's members as
  evaluated (what the node's figure should be);
* ``rollup-printed``: the figure the same roll-up makes of the capaian the report itself
  prints for the members (whether the report did its own arithmetic right; a truncated
  mean is said to be one).

A report that averages its members' capaian as printed, truncates the mean, and whose
members' figures are themselves wrong, gets both findings. A printed category is held
against the band of the node's figure (``rollup-category``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_DOWN, Decimal, localcontext

from kinerja_engine.audit._common import Audit, add_off, places_of
from kinerja_engine.audit.labels import vocabulary
from kinerja_engine.domain.model import Case, PrintedEntry
from kinerja_engine.domain.results import ObjectiveResult, Report
from kinerja_engine.evaluation.cascade import Tree, rollup, weight_function, with_kinds
from kinerja_engine.evaluation.indicator import FIGURES_CONTEXT, quantize
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure

__all__ = ["tree_audit"]

_LEVELS = {
    "program": msg("level.program"),
    "objective": msg("level.objective"),
    "goal": msg("level.goal"),
}
_METHODS = {
    "mean": msg("method.mean"),
    "weighted_mean": msg("method.weighted-mean"),
    "geometric_mean": msg("method.geometric-mean"),
    "weighted_geometric_mean": msg("method.weighted-geometric-mean"),
    "min": msg("method.min"),
}


def tree_audit(a: Audit, case: Case, report: Report) -> None:
    """The checks of every figure printed for a program, objective or goal."""
    printed = {
        "program": {p.id: p.printed for p in case.programs if p.printed},
        "objective": {o.id: o.printed for o in case.objectives if o.printed},
        "goal": {g.id: g.printed for g in case.goals if g.printed},
    }
    if not any(printed.values()):
        return
    tree = Tree(case)
    indicators = {ind.id: ind for ind in case.indicators}
    below = {"objective": "program", "goal": "objective"}
    for level, nodes in (
        ("program", report.programs),
        ("objective", report.objectives),
        ("goal", report.goals),
    ):
        weight_of = weight_function(case, a.rules, level, indicators)
        for node in nodes:
            entries = printed[level].get(node.id, ())
            if not entries:
                continue
            # What each member printed: an indicator's entries, or a node's.
            kids = tree.children[level][node.id]
            members = [
                (k, printed[below[level]].get(k, ()) if is_node else indicators[k].printed)
                for k, is_node in kids
            ]
            member_weight = with_kinds(weight_of, dict(kids))
            for entry in entries:
                if entry.year is not None and entry.year != a.year:
                    continue
                _capaian(a, level, node, entry, members, member_weight)
                _category(a, level, node, entry)


def _capaian(
    a: Audit,
    level: str,
    node: ObjectiveResult,
    entry: PrintedEntry,
    members: Sequence[tuple[str, Sequence[PrintedEntry]]],
    weight_of: Callable[[str], Decimal | None],
) -> None:
    pv = entry.capaian
    if pv is None or pv.value is None:
        return
    method = node.method or a.rules.rollup
    said = _said(level, node, entry, pv.text, method)
    if node.capaian is not None:
        off = a.off(pv.value, node.capaian)
        if off is not None:
            add_off(
                a,
                "rollup-recalc",
                lambda shown: msg("finding.rollup-recalc", **said, expected=shown),
                off,
                pv.text,
                node=node.id,
                where=entry.where,
                field="capaian",
            )
    # The report's own arithmetic: the roll-up of what it prints for the members.
    cited: list[tuple[str, str, str]] = []
    values: list[tuple[str, Decimal]] = []
    for child, entries in members:
        found = _printed_capaian(entries, entry.where, a.year)
        if found is None:
            return  # a member with no printed capaian: nothing to redo
        values.append((child, found[0]))
        cited.append((child, found[1], found[2]))
    if not values:
        return
    with localcontext(FIGURES_CONTEXT):
        exact, _why = rollup(method, values, weight_of)
    if exact is None:
        return
    off = a.off(pv.value, exact)
    if off is None:
        return
    truncated = quantize(exact, places_of(pv.value), ROUND_DOWN) == pv.value
    how: Message | str = msg("finding.rollup.truncated") if truncated else ""
    said["figures"] = ", ".join(text for _, text, _ in cited)
    said["exact"] = Figure(exact, max(off[3] + 2, 4))
    add_off(
        a,
        "rollup-printed",
        lambda _: msg("finding.rollup-printed", **said, how=how),
        off,
        pv.text,
        node=node.id,
        where=entry.where,
        field="capaian",
        inputs=tuple(cited),
    )


def _printed_capaian(
    entries: Sequence[PrintedEntry], where: str, year: int
) -> tuple[Decimal, str, str] | None:
    """A member's printed capaian of the year: in the same table as the node's if it
    prints one there, else the first it prints; (value, text, where)."""
    found = None
    for e in entries:
        pv = e.capaian
        if pv is None or pv.value is None or (e.year is not None and e.year != year):
            continue
        if e.where == where:
            return pv.value, pv.text, e.where
        if found is None:
            found = (pv.value, pv.text, e.where)
    return found


def _category(a: Audit, level: str, node: ObjectiveResult, entry: PrintedEntry) -> None:
    if entry.category is None or node.category is None or node.capaian is None:
        return
    words = vocabulary(a.rules).category[1]
    printed = " ".join(entry.category.lower().split())
    if words.get(printed) == node.category:
        a.passed += 1
        return
    places = a.rules.places
    a.add(
        "rollup-category",
        msg(
            "finding.rollup-category",
            where=entry.where,
            printed=entry.category,
            level=_LEVELS[level],
            node=node.id,
            capaian=Figure(quantize(node.capaian, places, a.rules.rounding), places),
            expected=node.category,
        ),
        node=node.id,
        where=entry.where,
        field="category",
        printed=entry.category,
        expected=node.category,
    )


def _said(
    level: str, node: ObjectiveResult, entry: PrintedEntry, text: str, method: str
) -> dict[str, object]:
    return {
        "where": entry.where,
        "level": _LEVELS[level],
        "node": node.id,
        "printed": text,
        "method": _METHODS[method],
    }
