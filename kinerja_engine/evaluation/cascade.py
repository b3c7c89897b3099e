"""The performance tree (pohon kinerja): indicators roll up into programs, programs (and
indicators named directly) into objectives (sasaran), objectives into goals (tujuan).

One roll-up, :func:`rollup`, makes every level's figure from its children's, by the
method the rule set names for that level (``[program]``, ``[objective]``, ``[goal]``:
``mean``, ``weighted_mean``, ``geometric_mean``, ``weighted_geometric_mean`` or ``min``;
nested geometric means are PMK 22/2021's). Each level's figure is banded like an
indicator's, and its serapan and efficiency come from the budgets of the indicators
under it. The audit recomputes printed node figures with the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from kinerja_engine.domain.model import Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, ObjectiveResult
from kinerja_engine.evaluation.indicator import (
    FIGURES_CONTEXT,
    band,
    displayed,
    efficiency_from,
)
from kinerja_engine.messages import Message, msg
from kinerja_engine.rulesets.formula import RESULT_DIGITS
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["LEVELS", "Tree", "rollup", "tree_results", "weight_function", "with_kinds"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
#: The levels above the indicators, bottom up.
LEVELS = ("program", "objective", "goal")

_Why = Message | None  # why a roll-up has no value


def rollup(
    method: str,
    values: Sequence[tuple[str, Decimal]],
    weight_of: Callable[[str], Decimal | None],
    *,
    of_indicators: bool = True,
) -> tuple[Decimal | None, _Why]:
    """The figure ``method`` makes of the children's ``values`` ((id, capaian) pairs, those
    with a capaian), or None and why. ``weight_of`` gives a child's weight for the
    weighted methods; ``of_indicators`` says the children are indicators (for the words)."""
    if not values:
        return None, msg(
            "reason.rollup.nothing-computed" if of_indicators else "reason.rollup.nothing-below"
        )
    figures = [v for _, v in values]
    if method == "mean":
        return FIGURES_CONTEXT.divide(sum(figures, _ZERO), Decimal(len(figures))), None
    if method == "min":
        return min(figures), None
    weights = [Decimal(1)] * len(values)
    if method.startswith("weighted_"):
        weights = []
        for ident, _ in values:
            weight = weight_of(ident)
            if weight is None:
                return None, msg(
                    "reason.rollup.no-weight" if of_indicators else "reason.rollup.no-node-weight",
                    id=ident,
                )
            weights.append(weight)
    total = sum(weights, _ZERO)
    if total == 0:
        return None, msg("reason.rollup.zero-weights")
    if method.endswith("geometric_mean") and any(v <= 0 for v in figures):
        return None, msg("reason.rollup.geometric-mean")
    if len(figures) == 1:
        return figures[0], None  # every method's value of one figure, exactly
    if method.endswith("geometric_mean"):
        logs = sum(
            (w * FIGURES_CONTEXT.ln(v) for v, w in zip(figures, weights, strict=True)), _ZERO
        )
        return FIGURES_CONTEXT.exp(FIGURES_CONTEXT.divide(logs, total)), None
    weighted = sum((v * w for v, w in zip(figures, weights, strict=True)), _ZERO)
    return FIGURES_CONTEXT.divide(weighted, total), None


class Tree:
    """The case's tree: each node's members by level, each a ``(id, is_node)`` pair (an
    indicator's id and a node's may be the same: ids are unique per table), and the node
    each program and objective rolls up into."""

    def __init__(self, case: Case) -> None:
        self.children: dict[str, dict[str, list[tuple[str, bool]]]] = {
            "program": {p.id: [] for p in case.programs},
            "objective": {o.id: [] for o in case.objectives},
            "goal": {g.id: [] for g in case.goals},
        }
        programs = self.children["program"]
        objectives = self.children["objective"]
        goals = self.children["goal"]
        for ind in case.indicators:
            if ind.program is not None and ind.program in programs:
                programs[ind.program].append((ind.id, False))
            elif ind.objective is not None and ind.objective in objectives:
                objectives[ind.objective].append((ind.id, False))
        self.parent: dict[str, dict[str, str]] = {level: {} for level in LEVELS}
        #: The nodes with a node of the level below among their members (the others have
        #: indicators only, as every objective of a case without programs).
        self.branches: dict[str, set[str]] = {level: set() for level in LEVELS}
        for p in case.programs:
            if p.objective is not None and p.objective in objectives:
                objectives[p.objective].append((p.id, True))
                self.parent["program"][p.id] = p.objective
                self.branches["objective"].add(p.objective)
        for o in case.objectives:
            if o.goal is not None and o.goal in goals:
                goals[o.goal].append((o.id, True))
                self.parent["objective"][o.id] = o.goal
                self.branches["goal"].add(o.goal)

    def leaves(self, level: str, node: str) -> list[str]:
        """The indicators under ``node`` of ``level``, in the order of its members."""
        below = LEVELS[LEVELS.index(level) - 1] if level != "program" else level
        out: list[str] = []
        for child, is_node in self.children[level][node]:
            if is_node:
                out.extend(self.leaves(below, child))
            else:
                out.append(child)
        return out


def weight_function(
    case: Case, rules: RuleSet, level: str, indicators: Mapping[str, Indicator]
) -> Callable[..., Decimal | None]:
    """A member's weight at ``level``: the rule set's, else the case's, else (for an
    indicator) its pagu. ``is_node`` says whether the member is a node or an indicator;
    unsaid, a goal's members are nodes and a program's indicators."""
    by_rules = rules.rollups.get(level, (None, rules.weights))[1]
    nodes: dict[str, Decimal | None] = {}
    if level == "objective":
        nodes = {p.id: p.weight for p in case.programs}
    elif level == "goal":
        nodes = {o.id: o.weight for o in case.objectives}

    def weight_of(ident: str, is_node: bool | None = None) -> Decimal | None:
        weight = by_rules.get(ident)
        if weight is not None:
            return weight
        if is_node is None:
            is_node = level == "goal" or (ident in nodes and ident not in indicators)
        ind = None if is_node else indicators.get(ident)
        if ind is None:
            return nodes.get(ident)
        if ind.weight is not None:
            return ind.weight
        return None if ind.budget is None else ind.budget.pagu

    return weight_of


def with_kinds(
    weight_of: Callable[..., Decimal | None], kinds: Mapping[str, bool]
) -> Callable[[str], Decimal | None]:
    """``weight_of`` told whether each member is a node (``kinds``)."""
    return lambda ident: weight_of(ident, kinds[ident])


def tree_results(
    case: Case, rules: RuleSet, results: Iterable[IndicatorResult]
) -> tuple[tuple[ObjectiveResult, ...], tuple[ObjectiveResult, ...], tuple[ObjectiveResult, ...]]:
    """The programs, objectives and goals of ``case`` rolled up from its indicators'
    ``results``. The sums run in the context in force, which the caller sets to
    FIGURES_CONTEXT."""
    indicators = {ind.id: ind for ind in case.indicators}
    by_id = {r.id: r for r in results}
    t = Tree(case)
    leaf_figures: dict[str, Decimal | None] = {r.id: r.capaian for r in by_id.values()}
    figures: dict[str, dict[str, Decimal | None]] = {level: {} for level in LEVELS}
    names = {
        "program": {p.id: p.name for p in case.programs},
        "objective": {o.id: o.name for o in case.objectives},
        "goal": {g.id: g.name for g in case.goals},
    }
    out: dict[str, list[ObjectiveResult]] = {level: [] for level in LEVELS}
    below = {"program": leaf_figures, "objective": figures["program"], "goal": figures["objective"]}
    for level in LEVELS:
        method = rules.rollups.get(level, (rules.rollup, {}))[0]
        weight_of = weight_function(case, rules, level, indicators)
        nodes_below = below[level]
        for node, kids in t.children[level].items():
            branch = node in t.branches[level]
            if branch:
                values = [
                    (k, v)
                    for k, is_node in kids
                    if (v := (nodes_below if is_node else leaf_figures).get(k)) is not None
                ]
                leaves = t.leaves(level, node)
            else:
                values = [(k, v) for k, _ in kids if (v := leaf_figures.get(k)) is not None]
                leaves = [k for k, _ in kids]
            member_weight = weight_of
            if branch and method.startswith("weighted_"):
                member_weight = with_kinds(weight_of, dict(kids))
            capaian, why = rollup(method, values, member_weight, of_indicators=not branch)
            figures[level][node] = capaian
            out[level].append(
                _node(
                    level,
                    node,
                    names[level][node],
                    capaian,
                    why,
                    [by_id[i] for i in leaves],
                    indicators,
                    rules,
                    parent=t.parent[level].get(node),
                    children=tuple(k for k, _ in kids),
                    method=method,
                )
            )
    return tuple(out["program"]), tuple(out["objective"]), tuple(out["goal"])


def _node(
    level: str,
    ident: str,
    name: str,
    capaian: Decimal | None,
    why: _Why,
    results: list[IndicatorResult],
    indicators: Mapping[str, Indicator],
    rules: RuleSet,
    *,
    parent: str | None,
    children: tuple[str, ...],
    method: str,
) -> ObjectiveResult:
    """A node's result: its figure banded, and the serapan and efficiency of the budgets
    of the indicators under it."""
    shown = displayed(capaian, rules)
    _rank, category = band(rules.categories, shown)
    pagu = spent = pagu_capaian = _ZERO
    funded = False
    for r in results:
        budget = indicators[r.id].budget
        if budget is None or budget.pagu is None or budget.realisasi is None or r.capaian is None:
            continue
        funded = True
        pagu += budget.pagu
        spent += budget.realisasi
        pagu_capaian += budget.pagu * r.capaian / _HUNDRED
    sums = {"pagu": pagu, "realisasi_anggaran": spent, "pagu_capaian": pagu_capaian}
    serapan = eff_value = eff_score = None
    efficiency = None
    if funded and sums["pagu"] > 0:
        serapan = FIGURES_CONTEXT.divide(sums["realisasi_anggaran"] * _HUNDRED, sums["pagu"])
        if serapan.adjusted() >= RESULT_DIGITS:
            # Not a figure (a pagu of 1E-400 against real spending), as Formula.figure
            # refuses for an indicator; displaying it would take hundreds of digits.
            serapan = None
        else:
            env = {**sums, "capaian": shown, "serapan": displayed(serapan, rules)}
            eff_value, eff_score, efficiency = efficiency_from(rules, env, None)
    return ObjectiveResult(
        id=ident,
        name=name,
        indicators=tuple(r.id for r in results),
        capaian=capaian,
        category=category,
        serapan=serapan,
        efficiency_value=eff_value,
        efficiency_score=eff_score,
        efficiency=efficiency,
        reason=why.render("en") if why else None,
        reason_id=why.render("id") if why else None,
        level=level,
        parent=parent,
        children=children,
        method=method,
    )
