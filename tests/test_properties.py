"""The engine's laws, each a property a domain expert would sign, over generated inputs.

The rule sets are the shipped ones and rule sets drawn by ``kinerja_engine.testing.strategies``
(other methods, caps and floors, display places, rounding modes, band edges); the
figures cover every direction and unit kind, range targets included.
"""

from __future__ import annotations

import contextlib
import decimal
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import assume, example, given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.domain.model import (
    Budget,
    Direction,
    Indicator,
    Objective,
    ReportInfo,
    Target,
    UnitKind,
)
from kinerja_engine.domain.results import Status
from kinerja_engine.errors import NumberError
from kinerja_engine.evaluation.indicator import capaian_of, category_of, evaluate_indicator
from kinerja_engine.io.loading import shipped_rules
from kinerja_engine.io.writing import case_to_document, case_to_toml
from kinerja_engine.numbers import parse_number
from kinerja_engine.rulesets.ruleset import Bands
from kinerja_engine.testing import strategies as ks

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER
WITHIN = Direction.WITHIN_RANGE
SHIPPED = {name: ke.load_rules(name) for name in shipped_rules()}
PINNED = SHIPPED["permendagri-86-2017"]  # the rule set of the @example pins


def capaian(rules: ke.RuleSet, direction: Direction, target: Target, r: Decimal) -> Decimal | None:
    """Capaian through the whole evaluation of an indicator, not a helper; None where
    the rule set has no method (a range target under a rule set without range formulas)."""
    ind = Indicator("x", "x", "%", direction, target, r)
    result = evaluate_indicator(ind, rules, trace=False)
    assert (result.status is Status.COMPUTED) == (result.capaian is not None)
    return result.capaian


def ordered(first: Decimal | None, second: Decimal | None) -> bool:
    """first <= second, where both are defined."""
    return first is None or second is None or first <= second


def targets() -> st.SearchStrategy[Target]:
    point = ks.percentages("0.01", 1000).map(Target.point)
    ranged = st.builds(
        lambda low, width: Target(low, low + width),
        ks.percentages("0.01", 1000),
        ks.percentages("0.01", 100),
    )
    return st.one_of(point, ranged)


def uncapped(rules: ke.RuleSet) -> bool:
    return rules.cap is None and rules.floor is None


# ---------------------------------------------------------------- monotonicity


@example(PINNED, Target.point(Decimal(80)), Decimal(80), Decimal("80.001"))
@example(PINNED, Target(Decimal(80), Decimal(80)), Decimal("79.999"), Decimal("80.001"))
@example(PINNED, Target(Decimal(79), Decimal(80)), Decimal("0.001"), Decimal(3000))
@given(
    ks.rule_sets(),
    targets(),
    ks.decimals(0, 3000, places=3),
    ks.decimals(0, 3000, places=3),
)
def test_capaian_is_monotone_in_realisasi(
    rules: ke.RuleSet, target: Target, a: Decimal, b: Decimal
) -> None:
    """Higher is better: capaian never falls as realisasi rises; lower is better: it never
    rises. Within a range: it rises up to the range and falls beyond it."""
    low_r, high_r = min(a, b), max(a, b)
    assume(low_r > 0)  # T/R is undefined at 0
    up = capaian(rules, HIGHER, target, low_r), capaian(rules, HIGHER, target, high_r)
    assert ordered(*up)
    down = capaian(rules, LOWER, target, low_r), capaian(rules, LOWER, target, high_r)
    assert ordered(down[1], down[0])
    within = capaian(rules, WITHIN, target, low_r), capaian(rules, WITHIN, target, high_r)
    if high_r <= target.high:
        assert ordered(*within)
    if low_r >= target.low:
        assert ordered(within[1], within[0])
    if not target.is_range or rules.name in SHIPPED:
        assert None not in (*up, *down, *within)


@example(PINNED, Target.point(Decimal(100)), Decimal("90.994"), Decimal("90.995"))
@example(PINNED, Target(Decimal(50), Decimal(50)), Decimal("25.5"), Decimal("50"))
@given(ks.rule_sets(), targets(), ks.decimals(0, 3000, places=3), ks.decimals(0, 3000, places=3))
def test_category_never_improves_as_capaian_falls(
    rules: ke.RuleSet, target: Target, a: Decimal, b: Decimal
) -> None:
    low_r, high_r = min(a, b), max(a, b)
    assume(low_r > 0)
    for value_low, value_high in (
        (low_r, high_r),
        (capaian(rules, HIGHER, target, low_r), capaian(rules, HIGHER, target, high_r)),
    ):
        if value_low is None or value_high is None:
            continue
        rank_low = rules.categories.rank(value_low)
        rank_high = rules.categories.rank(value_high)
        if rank_low is not None and rank_high is not None:
            assert rank_low <= rank_high
    # Through evaluation: the category rank follows capaian.
    inds = [Indicator(f"i{n}", "i", "%", HIGHER, target, r) for n, r in enumerate((low_r, high_r))]
    first, second = (evaluate_indicator(i, rules, trace=False) for i in inds)
    if first.category_rank is not None and second.category_rank is not None:
        assert first.category_rank <= second.category_rank


# ---------------------------------------------------------------- achievement at target


@pytest.mark.parametrize("name", sorted(SHIPPED))
@given(target=ks.figures(UnitKind.PERCENT) | ks.rupiah(1) | ks.counts(1), data=st.data())
def test_realisasi_at_target_is_exactly_100(
    name: str, target: Decimal, data: st.DataObject
) -> None:
    rules = SHIPPED[name]
    for direction in Direction:
        assert capaian(rules, direction, Target.point(target), target) == 100
    # Inside a target range, for every direction.
    width = data.draw(ks.decimals("0.01", 1000, places=2))
    inside = data.draw(ks.decimals(0, 1, places=4))
    rng = Target(target, target + width)
    r = target + width * inside
    for direction in Direction:
        assert capaian(rules, direction, rng, r) == 100


@pytest.mark.parametrize("name", sorted(SHIPPED))
@example(Decimal(0), Decimal(0))
@example(Decimal(0), Decimal(100))
@example(Decimal("-0.01"), Decimal(1))
@given(ks.decimals(-1000, 0, places=2), ks.decimals(0, 1000, places=2))
def test_no_capaian_without_a_target_above_zero(name: str, target: Decimal, r: Decimal) -> None:
    """A zero or negative target has no capaian: not computable, never a made-up 0 or 100."""
    ind = Indicator("x", "x", "%", HIGHER, Target.point(target), r)
    result = evaluate_indicator(ind, SHIPPED[name])
    assert result.status is Status.NOT_COMPUTABLE
    assert (result.capaian, result.category, result.verdict) == (None, None, None)


# ---------------------------------------------------------------- scale invariance


@given(
    ks.rule_sets(),
    st.sampled_from(list(Direction)),
    targets(),
    ks.decimals(0, 3000, places=3),
    st.integers(-6, 9),
    st.one_of(st.none(), st.tuples(ks.rupiah(1, 10**10), ks.decimals(0, "1.2", places=4))),
)
def test_scale_invariance(
    rules: ke.RuleSet,
    direction: Direction,
    target: Target,
    r: Decimal,
    k: int,
    money: tuple[Decimal, Decimal] | None,
) -> None:
    """Rupiah against thousands of rupiah: multiplying target and realisasi (and pagu and
    realisasi anggaran) by the same power of ten changes no figure and no label."""
    assume(r > 0 or direction is not LOWER)
    budget = None if money is None else Budget(money[0], money[0] * money[1])
    ind = Indicator("x", "x", "Rp", direction, target, r, budget=budget)
    scaled = attrs.evolve(
        ind,
        target=Target(target.low.scaleb(k), target.high.scaleb(k)),
        realisasi=r.scaleb(k),
        budget=None
        if budget is None
        else Budget(budget.pagu.scaleb(k), budget.realisasi.scaleb(k)),  # type: ignore[union-attr]
    )
    one, other = (evaluate_indicator(i, rules, trace=False) for i in (ind, scaled))
    assert one.status is other.status
    assert one.capaian == other.capaian
    assert one.capaian_alternative == other.capaian_alternative
    assert one.serapan == other.serapan
    assert (one.category, one.verdict, one.efficiency) == (
        other.category,
        other.verdict,
        other.efficiency,
    )


# ---------------------------------------------------------------- bands


def edges(bands: Bands) -> list[Decimal]:
    out = []
    for b in bands.bands:
        out += [v for v in (b.lower, b.upper) if v.is_finite()]
    return out


def in_domain(value: Decimal, domain: tuple[Decimal, Decimal] | None) -> bool:
    return domain is None or domain[0] <= value <= domain[1]


@given(ks.rule_sets(), st.data())
def test_every_value_falls_in_exactly_one_band(rules: ke.RuleSet, data: st.DataObject) -> None:
    """Every value of the declared domain, compared at the rule set's precision, falls in
    exactly one band: of the categories and of the efficiency grades. Checked on the
    bands themselves, band by band, and through the lookup evaluation uses."""
    for bands, domain in (
        (rules.categories, rules.spec.categories.domain),
        (rules.efficiency_bands, rules.spec.efficiency.domain),
    ):
        quantum = bands.quantum
        near = [e + d for e in edges(bands) for d in (0, -1, 1)]
        if quantum is not None:
            near += [
                e + s * quantum * f
                for e in edges(bands)
                for s in (-1, 1)
                for f in (1, Decimal("0.5"))
            ]
        values = near + data.draw(st.lists(ks.decimals(-2000, 2000, places=4), max_size=20))
        for value in values:
            compared = value if quantum is None else value.quantize(quantum, rules.rounding)
            if not in_domain(compared, domain):
                continue
            holding = [b.label for b in bands.bands if b.contains(compared)]
            assert len(holding) == 1, (value, compared, holding)
            rank = bands.rank(compared)
            assert rank is not None and bands.bands[rank].label == holding[0]


@example(PINNED, Decimal("90.995"))
@example(PINNED, Decimal("90.9949"))
@example(PINNED, Decimal("50.995"))
@example(PINNED, Decimal("-0.005"))
@example(PINNED, Decimal(0))
@given(ks.rule_sets(), ks.decimals(-500, 1500, places=4))
def test_category_of_any_capaian_is_its_band(rules: ke.RuleSet, value: Decimal) -> None:
    compared = value.quantize(rules.quantum, rules.rounding) if rules.categories_rounded else value
    holding = [b.label for b in rules.categories.bands if b.contains(compared)]
    domain = rules.spec.categories.domain
    if in_domain(compared, domain):
        assert category_of(rules, value) == holding[0]
    else:
        assert category_of(rules, value) is None and not holding


@given(ks.broken_rules())
def test_broken_rule_sets_are_refused_with_the_fault_named(broken: ks.BrokenRules) -> None:
    with pytest.raises(broken.error) as caught:
        ks.rules_from_document(broken.document)
    assert caught.value.key is not None and caught.value.key.startswith(broken.key)
    if broken.fault in ("gap", "overlap"):
        assert broken.fault in caught.value.message
    # The same text as a file, through the public loader.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "broken.toml"
        path.write_text(broken.text, encoding="utf-8")
        with pytest.raises(broken.error) as from_file:
            ke.load_rules(path)
    assert from_file.value.file == str(path) and from_file.value.line is not None


# ---------------------------------------------------------------- caps and floors


@given(
    ks.rules_documents(),
    st.sampled_from((None, 100, 120, 150)),
    st.sampled_from((None, 0, 10)),
    ks.indicators(),
)
def test_caps_and_floors_always_hold(
    doc: dict[str, Any], cap: int | None, floor: int | None, ind: Indicator
) -> None:
    for key, bound in (("cap", cap), ("floor", floor)):
        doc["capaian"].pop(key, None)
        if bound is not None:
            doc["capaian"][key] = bound
    rules = ks.rules_from_document(doc)
    result = evaluate_indicator(ind, rules)
    for value in (result.capaian, result.capaian_alternative):
        if value is None:
            continue
        assert cap is None or value <= cap
        assert floor is None or value >= floor
    if ind.target is not None and ind.realisasi is not None:
        bounded = capaian_of(rules, ind.direction, ind.target, ind.realisasi)
        assert bounded == result.capaian


# ---------------------------------------------------------------- robustness


@given(ks.rule_sets(), st.lists(ks.indicators(complete=False), max_size=4), st.data())
def test_evaluation_never_raises_on_valid_input(
    rules: ke.RuleSet, inds: list[Indicator], data: st.DataObject
) -> None:
    """Any valid indicator (no target, zero target, no realisasi, zeros that divide)
    evaluates; a result that is not computed carries no made-up figure."""
    inds = [attrs.evolve(ind, id=f"i{n}", objective="s") for n, ind in enumerate(inds)]
    case = ke.Case(
        "kinerja-case/1",
        ReportInfo("Dinas X", 2021, rules.name),
        tuple(inds),
        (Objective("s", "Sasaran"),),
    )
    report = ke.check(case, rules)
    for ind, result in zip(inds, report.indicators, strict=True):
        if result.status is Status.COMPUTED:
            assert result.capaian is not None
        else:
            assert (result.capaian, result.category, result.verdict) == (None, None, None)
            assert result.reason
        if ind.realisasi is None and ind.target is not None and ind.target.low > 0:
            assert result.status is Status.MISSING
    ke.render(report, "json")
    ke.render(report, data.draw(st.sampled_from(("table", "markdown"))), "en")


JUNK = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**25), 10**25),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(("a", "pagu", "x")), st.integers(), max_size=2),
    st.sampled_from(("-", "", "87.5", "1,2,3", "Rp 5 %", "1E5", "6 jam 2 bulan", "Sangat tinggi")),
)


def corrupt(data: st.DataObject, doc: Any, depth: int = 0) -> Any:
    """``doc`` with one value somewhere replaced by junk, removed, or a key added."""
    if isinstance(doc, dict) and doc and (depth == 0 or data.draw(st.integers(0, 2))):
        key = data.draw(st.sampled_from(sorted(doc)))
        action = data.draw(st.sampled_from(("descend", "replace", "remove", "add")))
        out = dict(doc)
        if action == "descend":
            out[key] = corrupt(data, doc[key], depth + 1)
        elif action == "replace":
            out[key] = data.draw(JUNK)
        elif action == "remove":
            del out[key]
        else:
            out[data.draw(st.sampled_from(("tagret", "extra", "pagu", "year")))] = data.draw(JUNK)
        return out
    if isinstance(doc, list) and doc:
        n = data.draw(st.integers(0, len(doc) - 1))
        return [corrupt(data, v, depth + 1) if i == n else v for i, v in enumerate(doc)]
    return data.draw(JUNK)


@given(ks.cases(), st.data())
def test_invalid_input_raises_only_the_engines_errors(case: ke.Case, data: st.DataObject) -> None:
    """A case file with one value anywhere broken either loads (then evaluates and is
    checked without raising) or is refused with a located KinerjaError, never a crash."""
    doc = corrupt(data, case_to_document(case))
    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return  # not writable as TOML at all (a None): nothing to load
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_text(text, encoding="utf-8")
        try:
            loaded = ke.load_case(path)
        except ke.KinerjaError as exc:
            assert exc.file == str(path)
            return
    try:
        ke.check(loaded, "permendagri-86-2017")
    except ke.KinerjaError:
        pytest.fail("a case that loads must evaluate")


@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_arbitrary_bytes_raise_only_the_engines_errors(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_bytes(raw)
        with contextlib.suppress(ke.KinerjaError):
            ke.load_case(path)


@given(st.text(max_size=40))
def test_any_text_reads_as_a_number_or_a_number_error(text: str) -> None:
    with contextlib.suppress(NumberError):
        parse_number(text)


@given(ks.rules_documents(), st.data())
def test_invalid_rules_raise_only_the_engines_errors(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    broken = corrupt(data, doc)
    try:
        rules = ks.rules_from_document(broken)
    except ke.KinerjaError:
        return
    except (TypeError, ValueError):
        # tomli-w cannot write the junk (a None): the document has no TOML text.
        return
    evaluate_indicator(
        Indicator("x", "x", "%", HIGHER, Target.point(Decimal(80)), Decimal(90)), rules
    )


# ---------------------------------------------------------------- determinism


@given(ks.rule_sets().flatmap(lambda r: st.tuples(st.just(r), ks.cases(r))))
def test_same_inputs_give_the_same_report_byte_for_byte(sample: tuple[ke.RuleSet, ke.Case]) -> None:
    """Twice, from a copy read back from its TOML, and under a caller's decimal context
    with another precision and rounding: the same JSON and the same table, byte for byte."""
    rules, case = sample

    def outputs(c: ke.Case) -> tuple[str, ...]:
        evaluated, checked = ke.evaluate(c, rules), ke.check(c, rules)
        return (
            ke.render(evaluated, "json"),
            ke.render(evaluated, "table"),
            ke.render(checked, "json"),
            ke.render(checked, "table", "en"),
        )

    first = outputs(case)
    assert outputs(case) == first
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_text(case_to_toml(case), encoding="utf-8")
        assert outputs(ke.load_case(path)) == first
    with decimal.localcontext() as ctx:
        ctx.prec, ctx.rounding = 6, decimal.ROUND_FLOOR
        assert outputs(case) == first
