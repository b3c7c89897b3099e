"""The rule set's compiled grading loop gives grade's values, record for record."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import strategies
from kinerja_engine.evaluation.compiled import grade_kernel
from kinerja_engine.evaluation.indicator import grade


def _graded(rules: ke.RuleSet, ind: ke.Indicator) -> tuple[Decimal | None, str | None]:
    if ind.target is None or ind.realisasi is None:
        return None, None
    return grade(rules, ind.direction, ind.target, ind.realisasi)


def _shown(pairs: list[tuple[Decimal | None, str | None]]) -> list[tuple[str, str | None]]:
    # str() as well as ==: 100 and 100.00 are equal numbers but print differently.
    return [(str(capaian), category) for capaian, category in pairs]


@given(st.data())
def test_grade_many_equals_grade_on_drawn_rules_and_records(data: st.DataObject) -> None:
    rules = data.draw(strategies.rule_sets())
    inds = data.draw(st.lists(strategies.indicators(complete=False), max_size=20))
    many = list(ke.grade_many(inds, rules, chunk_size=8))
    one = [_graded(rules, ind) for ind in inds]
    assert many == one
    assert _shown(many) == _shown(one)


def test_the_kernel_is_compiled_once_per_rule_set() -> None:
    rules = ke.load_rules("permendagri-86-2017")
    assert grade_kernel(rules) is grade_kernel(rules)
    assert grade_kernel(ke.load_rules("pmk-214-2017")) is not grade_kernel(rules)


def test_a_direction_without_a_formula_fails_as_grade_does() -> None:
    """Guards the kernel's last branch: not reachable from a valid rule set."""
    rules = ke.load_rules("permendagri-86-2017")
    partial = attrs.evolve(
        rules, capaian={k: v for k, v in rules.capaian.items() if k != "within_range"}
    )
    ind = ke.Indicator(
        id="x",
        name="x",
        unit="%",
        direction=ke.Direction.WITHIN_RANGE,
        target=ke.Target(Decimal(5), Decimal(5)),
        realisasi=Decimal(4),
    )
    with pytest.raises(KeyError):
        grade(partial, ind.direction, ind.target, ind.realisasi)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        list(ke.grade_many([ind], partial))
