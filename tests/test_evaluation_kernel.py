"""The compiled shapes give evaluate_indicator(trace=False), field for field and digit for digit."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from conftest import write
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fast_paths import FULL_RULES, ODD_RULES, _budgeted

import kinerja_engine as ke
from kinerja_engine import strategies
from kinerja_engine.evaluation import compiled as evaluation_kernel
from kinerja_engine.evaluation.compiled import WARMUP, evaluate_chunk, evaluate_records


def _plain(inds: list[ke.Indicator], rules: ke.RuleSet) -> list[ke.IndicatorResult]:
    return [ke.evaluate_indicator(ind, rules, trace=False) for ind in inds]


@pytest.fixture(scope="module")
def all_rules(tmp_path_factory: pytest.TempPathFactory) -> list[ke.RuleSet]:
    folder = tmp_path_factory.mktemp("rules")
    names = ["permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017"]
    return [ke.load_rules(n) for n in names] + [
        ke.load_rules(write(folder, "odd.toml", ODD_RULES)),
        ke.load_rules(write(folder, "full.toml", FULL_RULES)),
    ]


def test_compiled_shapes_equal_evaluate_indicator(all_rules: list[ke.RuleSet]) -> None:
    inds = _budgeted()
    for rules in all_rules:
        got = evaluate_records(inds, rules, warmup=0)
        expected = _plain(inds, rules)
        assert got == expected, rules.name
        # repr as well: 100 and 100.00 are equal numbers but different figures.
        assert list(map(repr, got)) == list(map(repr, expected)), rules.name
        compiled = [v for v in rules.compiled["evaluate"].values() if v is not None]
        assert len(compiled) >= 10, rules.name  # the test means something


@settings(max_examples=150)
@given(st.data())
def test_compiled_shapes_equal_evaluate_indicator_on_drawn_rules(data: st.DataObject) -> None:
    rules = data.draw(strategies.rule_sets())
    inds = data.draw(st.lists(strategies.indicators(complete=False), max_size=15))
    got = evaluate_records(inds, rules, warmup=0)
    assert list(map(repr, got)) == list(map(repr, _plain(inds, rules)))


def test_a_shape_is_compiled_after_its_warmup() -> None:
    from kinerja_engine.rulesets import cache

    cache.forget()  # a rule set not yet used: load_rules gives the one kept otherwise
    rules = ke.load_rules("permendagri-86-2017")
    ind = _budgeted()[1]
    evaluate_records([ind] * WARMUP, rules)
    assert not rules.compiled.get("evaluate")  # a small case compiles nothing
    assert evaluate_chunk([ind] * 2, rules) == _plain([ind] * 2, rules)
    assert [v for v in rules.compiled["evaluate"].values() if v is not None]


def test_a_fault_sends_the_record_to_evaluate_indicator() -> None:
    """A zero pagu (serapan divides by it) and a zero realisasi under the alternative
    method (it divides by realisasi): the kernel gives up, the closures write why."""
    rules = ke.load_rules("permendagri-86-2017")
    inds = [
        ke.Indicator(
            id=f"i{i}",
            name="x",
            unit="%",
            direction=ke.Direction.LOWER_IS_BETTER,
            target=ke.Target(Decimal(10), Decimal(10)),
            realisasi=Decimal(i % 3),
            budget=ke.Budget(pagu=Decimal(i % 2), realisasi=Decimal(5)),
        )
        for i in range(12)
    ]
    got = evaluate_records(inds, rules, warmup=0)
    assert list(map(repr, got)) == list(map(repr, _plain(inds, rules)))
    assert any(r.serapan is None for r in got) and any(r.capaian_alternative is None for r in got)


def test_results_filled_as_plain_objects_are_true_frozen_results() -> None:
    """A result and a flag hit filled through their plain twin class and then given
    their class: the same type, frozen, equal and hashed like those built by __init__."""
    rules = ke.load_rules("permendagri-86-2017")
    inds = _budgeted()
    got = evaluate_records(inds, rules, warmup=0)
    expected = _plain(inds, rules)
    hits = [h for r in got for h in r.flags]
    assert hits, "the test means something: flags were raised"
    for r, e in zip(got, expected, strict=True):
        assert type(r) is ke.IndicatorResult and r == e and hash(r) == hash(e)
    assert all(type(h) is ke.FlagHit for h in hits)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        got[0].capaian = Decimal(1)  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        hits[0].code = "x"  # type: ignore[misc]


def test_where_no_twin_class_can_be_had_the_slots_are_set_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(evaluation_kernel, "_RESULT_FILLING", None)
    monkeypatch.setattr(evaluation_kernel, "_HIT_FILLING", None)
    rules = ke.load_rules("permendagri-86-2017")  # compiled afresh, without the twins
    inds = _budgeted()
    got = evaluate_records(inds, rules, warmup=0)
    assert list(map(repr, got)) == list(map(repr, _plain(inds, rules)))
    assert any(r.flags for r in got)
