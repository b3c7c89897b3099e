"""Semester and quarterly reports (kinerja_engine.evaluation.periods): how period figures
make a period's figure by the indicator's kind, the target a period is held against,
and a semester report set beside the annual report of the same agency and year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import ROOT, write
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import api
from kinerja_engine.domain.model import IndicatorKind, Period
from kinerja_engine.errors import CaseError
from kinerja_engine.evaluation.case import evaluate_case
from kinerja_engine.evaluation.periods import aggregate, period_figure, reconcile
from kinerja_engine.testing import strategies as ks

CASES = ROOT / "tests" / "cases"
S1, S2, ANNUAL = (CASES / f"lapas-2023-{p}.toml" for p in ("s1", "s2", "annual"))


def figures(report: ke.Report) -> dict[str, str | None]:
    return {r.id: None if r.capaian is None else f"{r.capaian:.2f}" for r in report.indicators}


# ---------------------------------------------------------------- the kinds


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (IndicatorKind.CUMULATIVE, "404"),
        (IndicatorKind.LAST, "31"),
        (IndicatorKind.AVERAGE, "101"),
        (IndicatorKind.MAX, "218"),
        (IndicatorKind.MIN, "12"),
    ],
)
def test_each_kind_makes_the_year_of_its_quarters(kind: IndicatorKind, expected: str) -> None:
    quarters = [Decimal(12), Decimal(143), Decimal(218), Decimal(31)]
    assert aggregate(kind, quarters) == Decimal(expected)


quarter_figures = st.lists(
    st.decimals(-1000, 10**6, places=2, allow_nan=False, allow_infinity=False),
    min_size=4,
    max_size=4,
)


@given(st.sampled_from(list(IndicatorKind)), quarter_figures)
def test_a_semester_of_quarters_rolls_up_to_the_year_as_the_quarters_do(
    kind: IndicatorKind, values: list[Decimal]
) -> None:
    """The year to date at S2 is the year; S1 is the first two quarters; a cumulative
    year is its two semesters added, a maximum the larger of theirs."""
    quarters = dict(zip((Period.TW1, Period.TW2, Period.TW3, Period.TW4), values, strict=True))
    ind = attrs.evolve(_indicator(), kind=kind, periods=quarters)
    year = aggregate(kind, values)
    assert period_figure(ind, Period.ANNUAL) == year
    assert period_figure(ind, Period.S2) == year == period_figure(ind, Period.TW4)
    assert period_figure(ind, Period.S1) == aggregate(kind, values[:2])
    assert period_figure(ind, Period.TW2) == period_figure(ind, Period.S1)
    first, second = aggregate(kind, values[:2]), aggregate(kind, values[2:])
    if kind is IndicatorKind.CUMULATIVE:
        assert year == first + second
    elif kind is IndicatorKind.MAX:
        assert year == max(first, second)
    elif kind is IndicatorKind.MIN:
        assert year == min(first, second)
    elif kind is IndicatorKind.LAST:
        assert year == second
    else:
        assert year == (first + second) / 2


def test_a_period_the_figures_do_not_reach_has_no_figure() -> None:
    ind = attrs.evolve(
        _indicator(),
        kind=IndicatorKind.CUMULATIVE,
        periods={Period.TW1: Decimal(1), Period.TW2: Decimal(2)},
    )
    assert period_figure(ind, Period.S1) == 3
    assert period_figure(ind, Period.ANNUAL) is None  # TW3 and TW4 not given
    semesters = attrs.evolve(ind, periods={Period.S1: Decimal(5)})
    assert period_figure(semesters, Period.TW1) is None  # a semester has no quarter


def _indicator() -> ke.Indicator:
    return ke.load_case(S1).indicators[0]


# ---------------------------------------------------------------- evaluation


def test_the_semester_reports_are_evaluated_for_their_period() -> None:
    s1 = ke.evaluate(ke.load_case(S1))
    assert figures(s1) == {
        "remisi": "103.33",  # 155 of the semester's target of 150
        "pembinaan": "98.72",  # (87,5 + 90,2) / 2 = 88,85 of 90
        "ikm": "100.29",
        "kamtib": "150.00",  # (2 x 2 - 1) / 2: one incident to date, two tolerated a year
        "hunian": "98.50",  # the highest quarter, 162,4, of 160
    }
    by_id = {p.indicator: p for p in s1.periods}
    assert by_id["remisi"].target_basis == "period" and by_id["remisi"].target == 150
    assert by_id["pembinaan"].realisasi == Decimal("88.85")
    assert by_id["hunian"].target_basis == "annual"
    s2 = ke.evaluate(ke.load_case(S2))
    assert figures(s2)["remisi"] == "96.19" and figures(s2)["hunian"] == "92.94"


def test_semester_two_to_date_is_the_annual_report() -> None:
    """The two reports of one agency and year agree: the S2 figures are the year's."""
    s2, annual = ke.load_case(S2), ke.load_case(ANNUAL)
    rules = ke.load_rules("permendagri-86-2017")
    s2_report, annual_report = evaluate_case(s2, rules), evaluate_case(annual, rules)
    year = {p.indicator: p.realisasi for p in annual_report.periods}
    for p in s2_report.periods:
        assert p.realisasi == period_figure(
            next(i for i in annual.indicators if i.id == p.indicator), Period.ANNUAL
        )
    # Where the annual report's realisasi is its quarters' (all but hunian), the two
    # reports give the same capaian.
    assert {k: v for k, v in figures(s2_report).items() if k != "hunian"} == {
        k: v for k, v in figures(annual_report).items() if k != "hunian"
    }
    assert year["hunian"] == Decimal("165.0")  # the case's own realisasi, disputed


def test_reconcile_names_where_a_semester_and_the_annual_report_differ() -> None:
    s2, annual = ke.load_case(S2), ke.load_case(ANNUAL)
    compared = {c.indicator: c for c in api.reconcile(s2, annual)}
    assert set(compared) == {i.id for i in s2.indicators}
    assert [i for i, c in compared.items() if not c.agree] == ["hunian"]
    assert compared["hunian"].part == Decimal("171.3")
    assert compared["hunian"].whole == Decimal("165.0")
    s1 = ke.load_case(S1)
    early = {c.indicator: c for c in reconcile(s1, annual)}
    # The annual report's quarters give the semester's figures of S1.
    assert early["remisi"].whole == 155 and early["remisi"].agree
    assert early["pembinaan"].whole == Decimal("88.85")


def test_a_cumulative_target_is_pro_rata_when_the_rules_say_so(tmp_path: Path) -> None:
    rules = ke.load_rules(
        write(
            tmp_path,
            "pro-rata.toml",
            'extends = "permendagri-86-2017"\nname = "pro-rata"\n[periods]\npro_rata = true\n',
        )
    )
    case = ke.load_case(S1)
    kamtib = {p.indicator: p for p in ke.evaluate(case, rules).periods}["kamtib"]
    assert kamtib.target_basis == "pro_rata" and kamtib.target == 1  # 2 x 6 / 12
    # A target the report sets for the period wins; a kind other than cumulative keeps
    # the year's target.
    by_id = {p.indicator: p for p in ke.evaluate(case, rules).periods}
    assert by_id["remisi"].target_basis == "period"
    assert by_id["hunian"].target_basis == "annual"


def test_an_annual_case_without_period_figures_is_evaluated_as_before(
    seed_case: ke.Case,
) -> None:
    report = ke.evaluate(seed_case)
    assert report.periods == ()
    document = ke.render(report, "json")
    assert '"period"' not in document and '"periods"' not in document


@given(ks.rule_sets().flatmap(lambda r: st.tuples(st.just(r), ks.period_cases(r))))
def test_the_compiled_backend_evaluates_a_period_as_the_specification(
    sample: tuple[ke.RuleSet, ke.Case],
) -> None:
    rules, case = sample
    spec = evaluate_case(case, rules, trace=True)
    fast = evaluate_case(case, rules, trace=False)
    assert [attrs.evolve(r, trace=()) for r in spec.indicators] == list(fast.indicators)
    assert spec.periods == fast.periods
    # The period figures make each indicator's realisasi for the report's period.
    for p, ind in zip(spec.periods, case.indicators, strict=True):
        expected = ind.realisasi or period_figure(ind, case.report.period)
        assert p.realisasi == expected


@given(ks.rule_sets().flatmap(lambda r: st.tuples(st.just(r), ks.period_cases(r))))
def test_period_figures_made_by_their_kind_raise_no_period_finding(
    sample: tuple[ke.RuleSet, ke.Case],
) -> None:
    rules, case = sample
    assert not [f for f in ke.check(case, rules).findings if f.code == "period-rollup"]


# ---------------------------------------------------------------- refused


@pytest.mark.parametrize(
    ("line", "key", "words"),
    [
        ("periods = { TW1 = 1, S2 = 2 }", "indicator[0].periods", "mix"),
        ("periods = { annual = 1 }", "indicator[0].periods.annual", "per period"),
        ("periods = { TW5 = 1 }", "indicator[0].periods", "TW"),
    ],
)
def test_period_figures_are_refused_with_their_place(
    tmp_path: Path, line: str, key: str, words: str
) -> None:
    text = (
        'format = "kinerja-case/1"\n[report]\nagency = "A"\nyear = 2023\n'
        '[[indicator]]\nid = "a"\nname = "A"\nunit = "orang"\ndirection = "higher_is_better"\n'
        f'target = 10\nkind = "cumulative"\n{line}\n'
    )
    with pytest.raises(ke.KinerjaError) as caught:
        ke.load_case(write(tmp_path, "case.toml", text))
    assert caught.value.key is not None and caught.value.key.startswith(key)
    assert words in str(caught.value)


def test_period_figures_without_a_kind_are_refused(tmp_path: Path) -> None:
    text = (
        'format = "kinerja-case/1"\n[report]\nagency = "A"\nyear = 2023\nperiod = "S1"\n'
        '[[indicator]]\nid = "a"\nname = "A"\nunit = "orang"\ndirection = "higher_is_better"\n'
        "target = 10\nperiods = { TW1 = 1, TW2 = 2 }\n"
    )
    with pytest.raises(CaseError) as caught:
        ke.load_case(write(tmp_path, "case.toml", text))
    assert caught.value.key == "indicator[0].kind"
    assert "kind" in str(caught.value)
