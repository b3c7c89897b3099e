"""The fast paths give what the plain paths give: band lookup by bisection, grade and
grade_many (formulas over columns) against evaluate_indicator, and the lazy package."""

from __future__ import annotations

import bisect
import decimal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import indicator, write
from hypothesis import example, given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, Direction, Indicator, Target
from kinerja_engine.domain.results import Status
from kinerja_engine.evaluation.compiled import evaluate_chunk, grade_many
from kinerja_engine.evaluation.indicator import evaluate_indicator, grade
from kinerja_engine.testing import strategies

# Formulas that use every construct of the language, so the column compiler meets each.
ODD_RULES = """
extends = "permendagri-86-2017"
name = "odd"
capaian.cap = 130
capaian.floor = 0
capaian.higher_is_better = "round(max(realisasi, target, 1) / min(target, realisasi + 1) * 100, 3)"
capaian.lower_is_better = "if(realisasi == 0 or not (target > 50), target / (realisasi + 5) * 100, abs(-realisasi) / target * 100 + 1 - 1)"
capaian.within_range = "if(missing(realisasi) and realisasi > 0, 0, if(realisasi >= target_low and realisasi <= target_high, 100, 50 + 1 + 2 + 3 + 4 - 10))"
[capaian.range_target]
higher_is_better = "if(target_low != target_high, realisasi / target_high * 100, target)"
"""

figures = st.decimals(min_value=-5, max_value=400, places=3, allow_nan=False)


@pytest.fixture(scope="module")
def rulesets(tmp_path_factory: pytest.TempPathFactory) -> list[ke.RuleSet]:
    odd = write(tmp_path_factory.mktemp("rules"), "odd.toml", ODD_RULES)
    names = ["permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017"]
    return [ke.load_rules(n) for n in names] + [ke.load_rules(odd)]


def _mixed() -> list[Indicator]:
    out = []
    directions = ["higher_is_better", "lower_is_better", "within_range"]
    edges = ["51", "66", "76", "91", "100", "150", "90.995", "90.99499", "50.995", "0"]
    for i in range(900):
        d = directions[i % 3]
        if i % 4 == 0:  # built on a band edge: target 200, capaian = edge exactly
            edge = Decimal(edges[i % len(edges)])
            r = 2 * edge if d == "higher_is_better" else 400 - 2 * edge
            out.append(indicator(200, r, "higher_is_better" if d == "within_range" else d))
            continue
        target: object = [40 + i % 9, 48 + i % 9] if i % 5 == 0 else Decimal(i % 120) / 4
        realisasi = None if i % 23 == 0 else Decimal((i * 29) % 170) / 2
        out.append(indicator(target, realisasi, d, ident=f"i{i}"))
    out.append(indicator(Decimal("1E-19"), 5))  # a capaian too large for a figure
    out.append(indicator(None, 5))
    return out


def test_grade_many_equals_grade_and_evaluation(rulesets: list[ke.RuleSet]) -> None:
    inds = _mixed()
    for rules in rulesets:
        many = list(grade_many(inds, rules, chunk_size=128))
        one = [
            (None, None)
            if i.target is None or i.realisasi is None
            else grade(rules, i.direction, i.target, i.realisasi)
            for i in inds
        ]
        assert many == one, rules.name
        assert [str(c) for c, _ in many] == [str(c) for c, _ in one], rules.name
        for ind, (capaian, category) in zip(inds, many, strict=True):
            r = evaluate_indicator(ind, rules, trace=False)
            assert (r.capaian, r.category) == (capaian, category), (rules.name, ind)


@given(
    st.lists(st.tuples(st.sampled_from(list(Direction)), figures, figures, figures), max_size=40)
)
def test_columns_agree_with_the_specification(
    rows: list[tuple[Direction, Decimal, Decimal, Decimal]],
) -> None:
    """The column functions (evaluate_chunk) and the specification (evaluate_indicator) on
    figures of every sign, zero divisors included; grade_many's loop likewise."""
    rules = ke.load_rules("permendagri-86-2017")
    inds = [
        Indicator(
            id="x",
            name="x",
            unit="%",
            direction=d,
            target=Target(min(a, b), max(a, b)),
            realisasi=r,
            budget=Budget(pagu=a, realisasi=b),
        )
        for d, a, b, r in rows
    ]
    assert evaluate_chunk(inds, rules) == [evaluate_indicator(i, rules, trace=False) for i in inds]
    assert list(grade_many(inds, rules, chunk_size=7)) == [
        grade(rules, i.direction, i.target, i.realisasi)
        for i in inds  # type: ignore[arg-type]
    ]


def test_band_lookup_equals_asking_every_band(permendagri: ke.RuleSet) -> None:
    bands = permendagri.categories
    values = [Decimal(v) / 1000 for v in range(49_000, 93_000, 7)]
    values += [
        Decimal(e) + d for e in (51, 66, 76, 91) for d in (Decimal("-0.01"), 0, Decimal("0.01"))
    ]
    values += [Decimal("-Infinity"), Decimal("Infinity"), Decimal(-1000), Decimal(10**9)]
    for v in values:
        scanned = next((i for i, b in enumerate(bands.bands) if b.contains(v)), None)
        assert bands.rank(v) == scanned, v
        assert bands.label(v) == (None if scanned is None else bands.bands[scanned].label)


def test_importing_the_package_loads_no_engine() -> None:
    code = (
        "import sys, kinerja_engine as ke, kinerja_engine.cli.main\n"
        "assert 'kinerja_engine.api' not in sys.modules, 'api'\n"
        "assert 'kinerja_engine.io.loading' not in sys.modules, 'loading'\n"
        "import kinerja_engine.evaluation.indicator, kinerja_engine.rendering.basic\n"
        "assert callable(ke.evaluate) and callable(ke.render)\n"
        "assert ke.evaluate.__module__ == 'kinerja_engine.api'\n"
        "assert sorted(ke.__all__) == sorted(ke._EXPORTS)\n"
        "[getattr(ke, name) for name in ke.__all__]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- evaluate_chunk

# Every step of the evaluation with a formula the columns must handle: progress, an
# efficiency score over pagu_capaian, flags that name every figure, conditions with
# "missing", "if" and "or" (not strict), and a verdict that reads the category rank.
FULL_RULES = """
extends = "pmk-214-2017"
name = "full"
capaian.cap = 130
capaian.lower_is_better_alternative = "target / realisasi * 100"
progress.higher_is_better = "realisasi / renstra_target * 100"
progress.lower_is_better = "if(missing(renstra_target), 0, (2 * renstra_target - realisasi) / renstra_target * 100)"
verdict.achieved_when = "capaian >= 100 or category_rank >= 4"
[flags.everything]
when = "missing(serapan) or (capaian > 120 and progress < 90) or capaian_alternative != capaian or efficiency_score < 60"
message_id = "c {capaian} a {capaian_alternative} s {serapan} p {progress} e {efficiency_value} q {efficiency_score} r {category_rank}"
message_en = "c {capaian} s {serapan} pagu {pagu} r {realisasi_anggaran} t {target} tl {target_low}"
[flags.missing-target-figure]
when = "missing(target) and realisasi > 0"
message_id = "rentang"
message_en = "range"
"""


def _budgeted() -> list[Indicator]:
    """_mixed() with budgets (some partial, some zero), Renstra targets and objectives."""
    out = []
    for i, ind in enumerate(_mixed()):
        budget = None
        if i % 7 != 0:
            pagu = (
                None if i % 11 == 0 else Decimal(1000 + (i * 37) % 500) * (0 if i % 13 == 0 else 1)
            )
            spent = None if i % 17 == 0 else Decimal((i * 53) % 1400)
            budget = Budget(pagu=pagu, realisasi=spent)
        renstra = None if i % 3 == 0 else Decimal(20 + i % 90)
        out.append(attrs.evolve(ind, budget=budget, renstra_target=renstra, objective=f"s{i % 4}"))
    return out


def test_evaluate_chunk_equals_evaluate_indicator(
    rulesets: list[ke.RuleSet], tmp_path: Path
) -> None:
    full = ke.load_rules(write(tmp_path, "full.toml", FULL_RULES))
    inds = _budgeted()
    for rules in [*rulesets, full]:
        one = [evaluate_indicator(ind, rules, trace=False) for ind in inds]
        for size in (1, 64, len(inds)):
            many = []
            for start in range(0, len(inds), size):
                many += evaluate_chunk(inds[start : start + size], rules)
            assert many == one, rules.name
        assert list(map(repr, many)) == list(map(repr, one)), rules.name  # 100 vs 100.00
        assert list(ke.evaluate_many(inds, rules)) == one
    # The test means something: every path was met.
    results = [evaluate_indicator(ind, full, trace=False) for ind in inds]
    assert {r.status for r in results} == set(Status)
    assert {"everything", "missing-target-figure"} <= {f.code for r in results for f in r.flags}
    assert any(r.progress is not None for r in results)
    assert any(r.efficiency_score is not None for r in results)
    assert any(r.capaian_alternative is not None for r in results)


@given(st.data())
def test_evaluate_chunk_equals_evaluate_indicator_on_drawn_data(data: st.DataObject) -> None:
    rules = data.draw(strategies.rule_sets())
    inds = data.draw(st.lists(strategies.indicators(complete=False), max_size=12))
    assert evaluate_chunk(inds, rules) == [
        evaluate_indicator(ind, rules, trace=False) for ind in inds
    ]


# Halves, where half-up and half-even part ways, and a negative that rounds to zero.
@example(Decimal("0.125"), 2)
@example(Decimal("2.5"), 0)
@example(Decimal("-1234567.005"), 2)
@example(Decimal("-0.001"), 2)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**21), max_value=10**21),
    st.integers(0, 6),
)
def test_flag_message_figures_read_as_format_number_writes_them(
    value: Decimal, places: int
) -> None:
    """evaluate_chunk writes a flag message's figures with numbers.figure_text;
    evaluate_indicator with format_number: the same text, rounding half-up, grouping,
    and "-0" unsigned."""
    from kinerja_engine.numbers import figure_text, format_number

    assert figure_text(value, places) == format_number(value, places, group=True)
    assert figure_text(None, places) == "—"


@given(
    strategies.rule_sets(),
    st.lists(st.decimals(min_value=-300, max_value=300, places=3, allow_nan=False), max_size=30),
)
def test_inline_bisection_equals_label_and_rank(rules: ke.RuleSet, values: list[Decimal]) -> None:
    """Bands closed on either side, bisected one way, the other, or both."""
    for bands in (rules.categories, rules.efficiency_bands):
        edges = [e for e in bands._edges if e.is_finite()]
        near = [e + d for e in edges for d in (Decimal("-0.001"), 0, Decimal("0.001"))]
        column = values + near
        probe, edge_tuple, labels = bands.bisection()
        assert [labels[probe(edge_tuple, v)] for v in column] == [bands.label(v) for v in column]
        probe, edge_tuple, ranks, labels = bands.ranking()
        assert [ranks[probe(edge_tuple, v)] for v in column] == [bands.rank(v) for v in column]
        assert [labels[probe(edge_tuple, v)] for v in column] == [bands.label(v) for v in column]
        # The band of the value as displayed, found without rounding (grade_many).
        q = rules.quantum
        rounded = bands.rounded_bisection(q)
        if any(e % q for e in edges):
            assert rounded is None
            continue
        assert rounded is not None
        cuts, keyed = rounded
        halves = [e + d * q / 2 for e in edges for d in (-1, 1)]
        for v in [*column, *halves, *(h - q / 1000 for h in halves)]:
            if v >= 0:
                shown = v.quantize(q, decimal.ROUND_HALF_UP)
                assert keyed[bisect.bisect_right(cuts, v)] == bands.label(shown), (v, shown)
