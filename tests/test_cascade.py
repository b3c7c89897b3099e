"""The performance tree (kinerja_engine.evaluation.cascade): indicators roll up into
programs, programs into objectives, objectives into goals, each level by the method
its rule set names; PMK 22/2021's nested geometric means reproduced."""

from __future__ import annotations

import json
from decimal import Context, Decimal, localcontext
from pathlib import Path

import attrs
import pytest
from conftest import ROOT, write
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.errors import CaseError
from kinerja_engine.evaluation.case import evaluate_case
from kinerja_engine.testing import strategies as ks

CASES = ROOT / "tests" / "cases"
METHODS = ("mean", "weighted_mean", "geometric_mean", "weighted_geometric_mean", "min")


def shown(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def test_pmk_22_2021_nested_geometric_means_reproduce_the_annex() -> None:
    report = ke.evaluate(ke.load_case(CASES / "pmk-22-2021-example.toml"))
    levels = {n.id: shown(n.capaian) for n in (*report.programs, *report.objectives)}
    assert levels == {
        "output-1a": "94.87",
        "output-1b": "76.31",
        "program-1": "85.09",
        "program-2": "100.00",
    }
    (unit,) = report.goals
    assert shown(unit.capaian) == "92.24"
    assert unit.children == ("program-1", "program-2") and unit.method == "geometric_mean"
    assert ke.check(ke.load_case(CASES / "pmk-22-2021-example.toml")).findings == ()


def test_each_level_is_banded_and_named_in_the_json() -> None:
    case = ke.load_case(CASES / "dinkes-2022-cascade.toml")
    document = json.loads(ke.render(ke.evaluate(case), "json"))
    assert list(document) == ["report", "indicators", "programs", "objectives", "goals", "findings"]
    (goal,) = document["goals"]
    assert goal == {
        "id": "derajat-kesehatan",
        "capaian": "108.78",
        "category": "Sangat Tinggi",
        "level": "goal",
        "parent": None,
        "children": ["kesehatan-ibu-anak", "mutu-layanan"],
        "method": "mean",
        "serapan": None,
        "efficiency": None,
        "reason": None,
    }
    (program,) = document["programs"]
    assert program["parent"] == "mutu-layanan" and program["capaian"] == "102.94"


def test_an_objective_without_programs_or_goals_is_reported_as_before(
    seed_case: ke.Case,
) -> None:
    document = json.loads(ke.render(ke.evaluate(seed_case), "json"))
    assert list(document) == ["report", "indicators", "objectives", "findings"]
    assert all(set(o) == {"id", "capaian", "category"} for o in document["objectives"])


# ---------------------------------------------------------------- the law


_EXACT = Context(prec=80)


def _independent(method: str, values: list[Decimal], weights: list[Decimal]) -> Decimal:
    """The roll-up written out another way: products and powers, not sums of logs."""
    if method == "mean":
        return _EXACT.divide(sum(values, Decimal(0)), Decimal(len(values)))
    if method == "min":
        return min(values)
    if method == "weighted_mean":
        total = sum(weights, Decimal(0))
        return _EXACT.divide(
            sum((v * w for v, w in zip(values, weights, strict=True)), Decimal(0)), total
        )
    if method == "geometric_mean":
        weights = [Decimal(1)] * len(values)
    product = Decimal(1)
    for v, w in zip(values, weights, strict=True):
        product = _EXACT.multiply(product, _EXACT.power(v, w))
    return _EXACT.power(product, _EXACT.divide(Decimal(1), sum(weights, Decimal(0))))


def _top(
    case: ke.Case, rules: ke.RuleSet, leaves: dict[str, Decimal | None]
) -> dict[str, Decimal | None]:
    """Every node's figure, from the leaves' capaian up, by the methods of ``rules``."""
    by_rules = {level: rules.rollups[level] for level in ("program", "objective", "goal")}
    value: dict[str, Decimal | None] = dict(leaves)
    weight: dict[str, Decimal | None] = {}
    for ind in case.indicators:
        weight[ind.id] = (
            ind.weight if ind.weight is not None else (ind.budget.pagu if ind.budget else None)
        )
    for node in (*case.programs, *case.objectives, *case.goals):
        weight[node.id] = node.weight

    def roll(level: str, kids: list[str]) -> Decimal | None:
        method, weights_by_rules = by_rules[level]
        present = [k for k in kids if value.get(k) is not None]
        if not present:
            return None
        ws = [weights_by_rules.get(k, weight.get(k)) for k in present]
        if method.startswith("weighted") and (None in ws or sum(ws) == 0):  # type: ignore[arg-type]
            return None
        vs = [value[k] for k in present]
        if method.endswith("geometric_mean") and any(v <= 0 for v in vs):  # type: ignore[operator]
            return None
        return _independent(method, vs, ws)  # type: ignore[arg-type]

    for p in case.programs:
        value[p.id] = roll("program", [i.id for i in case.indicators if i.program == p.id])
    for o in case.objectives:
        kids = [i.id for i in case.indicators if i.program is None and i.objective == o.id]
        kids += [p.id for p in case.programs if p.objective == o.id]
        value[o.id] = roll("objective", kids)
    for g in case.goals:
        value[g.id] = roll("goal", [o.id for o in case.objectives if o.goal == g.id])
    return value


@given(
    st.data(),
    st.sampled_from(METHODS),
    st.sampled_from(METHODS),
    st.sampled_from(METHODS),
)
def test_each_level_is_its_method_applied_to_the_level_below(
    data: st.DataObject, program: str, objective: str, goal: str
) -> None:
    """A cascade's top equals its methods applied, level by level, to the leaves."""
    base = data.draw(ks.shipped_rule_sets())
    rules = ks.with_rollups(base, program=program, objective=objective, goal=goal)
    case = data.draw(ks.cascade_cases(rules))
    report = evaluate_case(case, rules)
    with localcontext(_EXACT):
        expected = _top(case, rules, {r.id: r.capaian for r in report.indicators})
    for node in (*report.programs, *report.objectives, *report.goals):
        want = expected[node.id]
        if want is None or node.capaian is None:
            assert want is None and node.capaian is None, (node.id, want, node.capaian)
            continue
        assert abs(node.capaian - want) <= abs(want) * Decimal("1e-40"), (node.id, node.method)


@given(st.data())
def test_the_compiled_backend_rolls_up_as_the_specification(data: st.DataObject) -> None:
    rules = ks.with_rollups(
        data.draw(ks.rule_sets()),
        program=data.draw(st.sampled_from(METHODS)),
        goal=data.draw(st.sampled_from(METHODS)),
    )
    case = data.draw(ks.cascade_cases(rules))
    spec = evaluate_case(case, rules, trace=True)
    fast = evaluate_case(case, rules, trace=False)
    assert [attrs.evolve(r, trace=()) for r in spec.indicators] == list(fast.indicators)
    for level in ("programs", "objectives", "goals"):
        assert getattr(spec, level) == getattr(fast, level), level


# ---------------------------------------------------------------- refused


_HEAD = 'format = "kinerja-case/1"\n[report]\nagency = "A"\nyear = 2023\n'
_IND = (
    '[[indicator]]\nid = "a"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\ntarget = 10\n'
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (_HEAD + '[[objective]]\nid = "o"\nname = "O"\ngoal = "g"\n', "objective[0].goal"),
        (_HEAD + '[[program]]\nid = "p"\nname = "P"\nobjective = "o"\n', "program[0].objective"),
        (_HEAD + _IND + 'program = "p"\n', "indicator[0].program"),
        (
            _HEAD
            + '[[objective]]\nid = "o"\nname = "O"\n[[objective]]\nid = "q"\nname = "Q"\n'
            + '[[program]]\nid = "p"\nname = "P"\nobjective = "o"\n'
            + _IND
            + 'program = "p"\nobjective = "q"\n',
            "indicator[0].objective",
        ),
        (_HEAD + '[[goal]]\nid = "g"\nname = "G"\nweight = -1\n', "goal[0].weight"),
        (_HEAD + '[[goal]]\nid = "g"\nname = "G"\n[[goal]]\nid = "g"\nname = "H"\n', "goal[1].id"),
    ],
)
def test_a_tree_that_does_not_hold_together_is_refused(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(CaseError) as caught:
        ke.load_case(write(tmp_path, "case.toml", text))
    assert caught.value.key == key


def test_weights_come_from_the_rules_then_the_case(tmp_path: Path) -> None:
    text = (
        _HEAD
        + '[[objective]]\nid = "o"\nname = "O"\n'
        + '[[indicator]]\nid = "a"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\n'
        + 'target = 100\nrealisasi = 80\nobjective = "o"\nweight = 3\n'
        + '[[indicator]]\nid = "b"\nname = "B"\nunit = "%"\ndirection = "higher_is_better"\n'
        + 'target = 100\nrealisasi = 100\nobjective = "o"\nweight = 1\n'
    )
    case = ke.load_case(write(tmp_path, "case.toml", text))
    weighted = write(
        tmp_path,
        "w.toml",
        'extends = "permendagri-86-2017"\nname = "w"\nobjective.rollup = "weighted_mean"\n',
    )
    (o,) = ke.evaluate(case, weighted).objectives
    assert o.capaian == 85  # (80 x 3 + 100) / 4
    ruled = write(
        tmp_path,
        "r.toml",
        'extends = "permendagri-86-2017"\nname = "r"\nobjective.rollup = "weighted_mean"\n'
        "objective.weights = { b = 3 }\n",
    )
    (o,) = ke.evaluate(case, ruled).objectives
    # The rule set's 3 for b wins over the case's 1; a keeps the case's 3: (240 + 300) / 6.
    assert o.capaian == 90


@pytest.mark.parametrize(
    "name", ["dinkes-2022-cascade.toml", "pmk-22-2021-example.toml", "lapas-2023-s1.toml"]
)
def test_a_case_with_a_tree_and_periods_is_written_back_as_it_was_read(
    tmp_path: Path, name: str
) -> None:
    from kinerja_engine.io.writing import case_to_toml

    case = ke.load_case(CASES / name)
    again = ke.load_case(write(tmp_path, name, case_to_toml(case)))
    assert attrs.evolve(again, report=attrs.evolve(again.report, rules=case.report.rules)) == case


def test_a_node_and_an_indicator_may_share_an_id(tmp_path: Path) -> None:
    """Ids are unique per table: an objective named like an indicator of another
    objective takes nothing of its figure, nor a program of an indicator's weight."""
    text = (
        _HEAD
        + '[[objective]]\nid = "skm"\nname = "O"\n[[objective]]\nid = "lain"\nname = "L"\n'
        + '[[program]]\nid = "ikm"\nname = "P"\nobjective = "lain"\nweight = 1\n'
        + '[[indicator]]\nid = "skm"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\n'
        + 'target = 100\nrealisasi = 50\nobjective = "lain"\nweight = 1\n'
        + '[[indicator]]\nid = "ikm"\nname = "B"\nunit = "%"\ndirection = "higher_is_better"\n'
        + 'target = 100\nrealisasi = 100\nprogram = "ikm"\nweight = 9\n'
        + '[[indicator]]\nid = "c"\nname = "C"\nunit = "%"\ndirection = "higher_is_better"\n'
        + 'target = 100\nrealisasi = 80\nobjective = "skm"\nweight = 2\n'
    )
    case = ke.load_case(write(tmp_path, "case.toml", text))
    weighted = write(
        tmp_path,
        "w.toml",
        'extends = "permendagri-86-2017"\nname = "w"\nobjective.rollup = "weighted_mean"\n',
    )
    by_id = {o.id: o.capaian for o in ke.evaluate(case, weighted).objectives}
    # "lain": indicator skm (50, weight 1) and program ikm (100, its own weight 1).
    assert by_id == {"skm": 80, "lain": 75}
