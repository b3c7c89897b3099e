"""The compiled backend gives the specification's results, field for field and digit for
digit: the shapes give evaluate_indicator(trace=False), the grading loop gives grade, and
evaluate_case without a trace gives what it gives with one, the steps aside."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import attrs
import pytest
from conftest import write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_fast_paths import FULL_RULES, ODD_RULES, _budgeted

import kinerja_engine as ke
from kinerja_engine import strategies
from kinerja_engine.domain.model import (
    CASE_FORMAT,
    Budget,
    Direction,
    Indicator,
    Objective,
    ReportInfo,
    Target,
)
from kinerja_engine.domain.results import FlagHit
from kinerja_engine.evaluation import compiled as evaluation_kernel
from kinerja_engine.evaluation.case import evaluate_case
from kinerja_engine.evaluation.compiled import (
    WARMUP,
    evaluate_chunk,
    evaluate_records,
    grade_kernel,
    grade_many,
)
from kinerja_engine.evaluation.indicator import evaluate_indicator, grade


def _plain(inds: list[Indicator], rules: ke.RuleSet) -> list[ke.IndicatorResult]:
    return [evaluate_indicator(ind, rules, trace=False) for ind in inds]


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
    method (it divides by realisasi): the kernel gives up, the specification writes why."""
    rules = ke.load_rules("permendagri-86-2017")
    inds = [
        Indicator(
            id=f"i{i}",
            name="x",
            unit="%",
            direction=Direction.LOWER_IS_BETTER,
            target=Target(Decimal(10), Decimal(10)),
            realisasi=Decimal(i % 3),
            budget=Budget(pagu=Decimal(i % 2), realisasi=Decimal(5)),
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
    assert all(type(h) is FlagHit for h in hits)
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


# ---------------------------------------------------------------- the grading loop


def _graded(rules: ke.RuleSet, ind: Indicator) -> tuple[Decimal | None, str | None]:
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
    many = list(grade_many(inds, rules, chunk_size=8))
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
    ind = Indicator(
        id="x",
        name="x",
        unit="%",
        direction=Direction.WITHIN_RANGE,
        target=Target(Decimal(5), Decimal(5)),
        realisasi=Decimal(4),
    )
    with pytest.raises(KeyError):
        grade(partial, ind.direction, ind.target, ind.realisasi)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        list(grade_many([ind], partial))


# ---------------------------------------------------------------- the backend is the spec
# Drawn rule sets (every direction's method, range targets, caps and floors, 0-4 display
# places in every rounding mode, bands compared rounded or exactly) against drawn records,
# ordinary and extreme: rupiah of 10^16 with sen, figures of 10^-8, missing and zero
# figures, targets not above zero.

_WITHIN = (
    "if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100,"
    " if(realisasi < target_low, realisasi / target_low * 100, 100))"
)
_RANGE = (
    "if(realisasi > target_high, realisasi / target_high * 100,"
    " if(realisasi < target_low, realisasi / target_low * 100, 100))"
)


def _document(
    places: int = 2,
    rounding: str = "half_up",
    compare: str = "rounded",
    cap: int | None = None,
    floor: int | None = None,
    higher: str = "realisasi / target * 100",
) -> dict[str, Any]:
    """A small valid rules document, for the pinned examples."""
    capaian: dict[str, Any] = {
        "higher_is_better": higher,
        "lower_is_better": "(2 * target - realisasi) / target * 100",
        "lower_is_better_alternative": "target / realisasi * 100",
        "within_range": _WITHIN,
        "range_target": {"higher_is_better": _RANGE},
    }
    if cap is not None:
        capaian["cap"] = cap
    if floor is not None:
        capaian["floor"] = floor
    return {
        "format": "kinerja-rules/1",
        "name": "pinned",
        "display": {"places": places, "rounding": rounding},
        "capaian": capaian,
        "progress": {"higher_is_better": "realisasi / renstra_target * 100"},
        "categories": {
            "compare": compare,
            "bands": {
                "Rendah": {"upper": Decimal("50.005")},
                "Sedang": {"lower": Decimal("50.005"), "upper": 100, "upper_inclusive": True},
                "Tinggi": {"lower": 100, "lower_inclusive": False},
            },
        },
        "efficiency": {
            "formula": "capaian - serapan",
            "bands": {"Tidak Efisien": {"upper": 0}, "Efisien": {"lower": 0}},
        },
        "flags": {
            "far-above": {
                "when": "capaian > 150 or missing(serapan)",
                "message_id": "Capaian {capaian} %, serapan {serapan} %.",
                "message_en": "Capaian {capaian} %, serapan {serapan} %.",
            }
        },
    }


def _rules(**kwargs: Any) -> ke.RuleSet:
    return strategies.rules_from_document(_document(**kwargs))


def _ind(
    target: str | tuple[str, str] | None,
    realisasi: str | None,
    direction: Direction = Direction.HIGHER_IS_BETTER,
    pagu: str | None = None,
    spent: str | None = None,
    renstra: str | None = None,
    ident: str = "i",
) -> Indicator:
    if isinstance(target, tuple):
        goal: Target | None = Target(Decimal(target[0]), Decimal(target[1]))
    else:
        goal = None if target is None else Target.point(Decimal(target))
    budget = None
    if pagu is not None or spent is not None:
        budget = Budget(
            None if pagu is None else Decimal(pagu), None if spent is None else Decimal(spent)
        )
    return Indicator(
        id=ident,
        name="x",
        unit="%",
        direction=direction,
        target=goal,
        realisasi=None if realisasi is None else Decimal(realisasi),
        renstra_target=None if renstra is None else Decimal(renstra),
        budget=budget,
    )


_LOWER, _WITHIN_RANGE = Direction.LOWER_IS_BETTER, Direction.WITHIN_RANGE
_magnitudes = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent, decimal.Context(prec=60)),
    st.integers(0, 10**18),
    st.integers(-8, 2),
)


@st.composite
def _extreme(draw: st.DrawFn) -> Indicator:
    """An indicator whose figures range from 10^-8 to below 10^21, pagu in rupiah of
    10^16 with sen among them, any of them missing."""
    low = draw(_magnitudes)
    target = draw(st.sampled_from([(str(low), str(low)), (str(low), str(low * 2)), None]))
    figure = st.one_of(st.none(), _magnitudes.map(str), st.just(str(low)))
    return _ind(
        target if target is None or target[0] != target[1] else target[0],
        draw(figure),
        draw(st.sampled_from(list(Direction))),
        pagu=draw(st.one_of(st.none(), st.just("12345678901234567.89"), _magnitudes.map(str))),
        spent=draw(figure),
        renstra=draw(figure),
        ident=f"x{draw(st.integers(0, 99))}",
    )


_records = st.lists(st.one_of(strategies.indicators(complete=False), _extreme()), max_size=12)


def _graded_by_spec(rules: ke.RuleSet, inds: list[Indicator]) -> list[tuple[Any, Any]]:
    out = []
    for ind in inds:
        if ind.target is None or ind.realisasi is None:
            out.append((None, None))
        else:
            out.append(grade(rules, ind.direction, ind.target, ind.realisasi))
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.rule_sets(), _records)
# realisasi == target under a cap: exactly 100, not 99.999...
@example(_rules(cap=120), [_ind("7", "7"), _ind("7", "7", _LOWER), _ind("3", "3", _WITHIN_RANGE)])
# a capaian above the cap and below the floor, in every direction
@example(
    _rules(cap=120, floor=0, places=0, rounding="down"),
    [_ind("10", "30"), _ind("10", "30", _LOWER), _ind("10", "0.5", _WITHIN_RANGE)],
)
# rupiah of 10^16 with sen; a serapan a hair under the band edge at each precision
@example(
    _rules(places=4, rounding="half_even"),
    [
        _ind("100", "50.00499", pagu="12345678901234567.89", spent="12345678901234567.88"),
        _ind("100", "50.005", pagu="10000000000000000.01", spent="0.01"),
    ],
)
# displayed 50.01 (half up) against 50.00 (down): the band differs by the rounding mode
@example(_rules(places=2, rounding="down"), [_ind("100", "50.009"), _ind("100", "50.004999")])
@example(_rules(places=3, compare="exact"), [_ind("100", "50.005"), _ind("100", "100.0000001")])
# tiny figures, and a capaian of 10^21 or more (not a figure: the spec's reason)
@example(
    _rules(places=1),
    [_ind("0.00000001", "0.00000003"), _ind("0.00000001", "100000000000000")],
)
# range targets: below, inside, above; missing realisasi, target not above zero, no target
@example(
    _rules(),
    [
        _ind(("10", "20"), "5"),
        _ind(("10", "20"), "15", _LOWER),
        _ind(("10", "20"), "25", _WITHIN_RANGE),
        _ind(("10", "20"), None, pagu="100", spent="90"),
        _ind("0", "5"),
        _ind("-3", "5"),
        _ind(None, "5", renstra="8"),
        _ind("8", "6", renstra="10", pagu="0", spent="5"),
    ],
)
# the alternative method dividing by a realisasi of zero: the spec writes why
@example(_rules(), [_ind("10", "0", _LOWER), _ind("10", "0", _LOWER, pagu="5", spent="5")])
def test_the_compiled_backend_gives_the_specification_field_for_field(
    rules: ke.RuleSet, inds: list[Indicator]
) -> None:
    want = [evaluate_indicator(ind, rules, trace=False) for ind in inds]
    got = evaluate_records(inds, rules, warmup=0)
    # repr as well as ==: 100 and 100.00 are equal numbers but different figures.
    assert got == want
    assert list(map(repr, got)) == list(map(repr, want))
    graded = list(grade_many(inds, rules, chunk_size=5))
    assert graded == _graded_by_spec(rules, inds)
    assert list(map(repr, graded)) == [repr((r.capaian, r.category)) for r in want]


def _untraced(report: ke.Report) -> ke.Report:
    return attrs.evolve(
        report, indicators=tuple(attrs.evolve(r, trace=()) for r in report.indicators)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_case_without_a_trace_is_the_traced_case_without_its_steps(data: st.DataObject) -> None:
    rules = data.draw(strategies.shipped_rule_sets())
    case = data.draw(strategies.cases(rules, max_indicators=6))
    traced = evaluate_case(case, rules, trace=True)
    assert any(r.trace for r in traced.indicators)
    assert evaluate_case(case, rules) == _untraced(traced)
    assert repr(evaluate_case(case, rules)) == repr(_untraced(traced))


# ---------------------------------------------------------------- the caller's context

# Over 60 levels deep (evaluate_tree reads it; it is not compiled), with a constant part
# that a five-digit context gets wrong: 1000001 * 100 - 100000000 is 100, not 0.
_DEEP = "(" * 25 + "realisasi / target * (1000001 * 100 - 100000000)" + " + 0 - 0 + 0)" * 25


def _everything(rules_doc: dict[str, Any], inds: list[Indicator]) -> object:
    """Rules loaded, then every path: the spec, traced and not, the shapes, the grading
    loop, a whole case (objectives rolled up)."""
    rules = strategies.rules_from_document(rules_doc)
    case = ke.Case(
        format=CASE_FORMAT,
        report=ReportInfo(agency="x", year=2021, rules="pinned"),
        indicators=tuple(attrs.evolve(ind, objective="s") for ind in inds),
        objectives=(Objective(id="s", name="s"),),
    )
    return (
        [evaluate_indicator(ind, rules) for ind in inds],
        evaluate_records(inds, rules, warmup=0),
        list(grade_many(inds, rules)),
        evaluate_case(case, rules),
        evaluate_case(case, rules, trace=True),
    )


_NARROW = [
    _ind("7", "7", pagu="12345678901234567.89", spent="12345678901234567.89", renstra="7"),
    _ind("7", "7", _LOWER),
    _ind(("3", "9"), "9", _WITHIN_RANGE),
    _ind("123456.789", "98765.4321", pagu="10000000000000000.01", spent="3.33"),
    _ind("0.00000003", "0.00000001", _LOWER),
]


@pytest.mark.parametrize(
    "doc",
    [
        _document(cap=120),
        _document(higher=_DEEP, places=0, rounding="down"),
        _document(places=4, rounding="half_even", compare="exact", floor=0),
    ],
    ids=["capped", "deep-formula", "exact"],
)
def test_a_narrow_caller_context_changes_no_result(doc: dict[str, Any]) -> None:
    """Rules loaded and every path evaluated inside a caller's context of five digits
    rounding down give what they give in the default context."""
    want = _everything(doc, _NARROW)
    with decimal.localcontext(decimal.Context(prec=5, rounding=decimal.ROUND_DOWN)):
        got = _everything(doc, _NARROW)
    assert got == want
    assert repr(got) == repr(want)
    spec, shapes, graded, _case, _traced = got  # type: ignore[misc]
    # realisasi == target: exactly 100 on every path, the deep formula's constant folded
    # in the engine's context (1000001 * 100 - 100000000 is 100, not 0).
    assert spec[0].capaian == shapes[0].capaian == graded[0][0] == Decimal(100)


def test_a_flag_message_shows_its_figures_rounded_half_up_on_every_path() -> None:
    # Compared exactly, the capaian is 150.125: its text rounds half up, whatever the
    # rule set's own rounding, in English and in Indonesian notation.
    rules = _rules(places=2, compare="exact", rounding="half_even")
    ind = _ind("8000", "12010", pagu="1000000.5", spent="0")
    for result in (
        evaluate_indicator(ind, rules, trace=False),
        evaluate_records([ind], rules, warmup=0)[0],
    ):
        (hit,) = result.flags
        assert hit.message_en == "Capaian 150.13 %, serapan 0.00 %."
        assert hit.message_id == "Capaian 150,13 %, serapan 0,00 %."
    big = _ind("8", "12.01", pagu="1234567", spent="1234567")
    many = [*evaluate_records([big], rules, warmup=0), evaluate_indicator(big, rules)]
    assert {r.flags[0].message_id for r in many} == {"Capaian 150,13 %, serapan 100,00 %."}


# ---- issue 16 (model): earlier years and counts


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    inds=st.lists(strategies.indicators(complete=False), min_size=1, max_size=40),
    rules=strategies.shipped_rule_sets(),
)
def test_past_years_and_counts_agree_with_the_specification(
    inds: list[Indicator], rules: ke.RuleSet
) -> None:
    """Records with earlier years' targets or counts give the specification's results,
    past years included, whichever path the backend takes."""
    got = evaluate_records(inds, rules, warmup=0)
    assert got == [evaluate_indicator(ind, rules, trace=False) for ind in inds]
    for ind, result in zip(inds, got, strict=True):
        assert [p.year for p in result.past] == sorted(ind.history_target)
