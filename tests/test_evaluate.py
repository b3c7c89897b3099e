"""Evaluation pinned to published worked examples from other agencies, and the seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import bench_module, indicator, write

import kinerja_engine as ke
from kinerja_engine.api import load_case_bytes
from kinerja_engine.domain.model import Budget, Objective, ReportInfo
from kinerja_engine.domain.results import Status
from kinerja_engine.evaluation.indicator import evaluate_indicator, quantize


def shown(value: Decimal | None) -> str | None:
    return None if value is None else str(quantize(value, 2, "ROUND_HALF_UP"))


def test_surabaya_2014_lower_is_better_two_t_minus_r(permendagri: ke.RuleSet) -> None:
    # Rata-rata tinggi genangan: target 20 cm, realisasi 16,82 cm, printed 115,90.
    r = evaluate_indicator(indicator(20, "16.82", "lower_is_better", unit="cm"), permendagri)
    assert r.status is Status.COMPUTED
    assert r.capaian == Decimal("115.9")
    assert shown(r.capaian) == "115.90"
    assert r.category == "Sangat Tinggi"


def test_surabaya_2016_range_target_above_range_uses_upper_bound(permendagri: ke.RuleSet) -> None:
    # IPM: target 79-80, realisasi 80,07, printed 100,09.
    r = evaluate_indicator(indicator([79, 80], "80.07", unit="indeks"), permendagri)
    assert shown(r.capaian) == "100.09"


@pytest.mark.parametrize(
    ("realisasi", "printed"), [("6.5", "107.14"), ("9", "87.50"), ("7.5", "100.00")]
)
def test_permenpan_range_lower_is_better(
    permendagri: ke.RuleSet, realisasi: str, printed: str
) -> None:
    # PermenPAN-RB guide: target 7-8 bulan; 6,5 gives 107 % (T = 7), 9 gives 87,5 % (T = 8).
    r = evaluate_indicator(
        indicator([7, 8], realisasi, "lower_is_better", unit="bulan"), permendagri
    )
    assert shown(r.capaian) == printed


def test_pmk_214_serapan(permendagri: ke.RuleSet) -> None:
    ind = indicator(100, 100, budget=Budget(Decimal("855830897000"), Decimal("734881464333")))
    r = evaluate_indicator(ind, permendagri)
    assert shown(r.serapan) == "85.87"


def test_exactly_66_of_100_is_sedang(permendagri: ke.RuleSet) -> None:
    r = evaluate_indicator(indicator(100, 66), permendagri)
    assert r.capaian == Decimal(66)
    assert r.category == "Sedang"


@pytest.mark.parametrize(
    ("capaian", "category"),
    [
        ("91", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("90.995", "Sangat Tinggi"),
        ("90.994", "Tinggi"),
        ("76", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("1000", "Sangat Tinggi"),
    ],
)
def test_band_edges_compare_the_rounded_capaian(
    permendagri: ke.RuleSet, capaian: str, category: str
) -> None:
    r = evaluate_indicator(indicator(100, capaian), permendagri)
    assert r.category == category


def test_verdict_follows_the_threshold(permendagri: ke.RuleSet) -> None:
    assert evaluate_indicator(indicator(56, 56), permendagri).verdict == "Tercapai"
    assert evaluate_indicator(indicator(56, "55.99"), permendagri).verdict == "Tidak Tercapai"
    # 99.996 is displayed as 100.00: the verdict follows what is displayed.
    assert evaluate_indicator(indicator(100, "99.996"), permendagri).verdict == "Tercapai"


def test_missing_realisasi_has_no_made_up_figures(permendagri: ke.RuleSet) -> None:
    r = evaluate_indicator(indicator(80, None), permendagri)
    assert r.status is Status.MISSING
    assert r.capaian is None and r.category is None and r.verdict is None
    assert [f.code for f in r.flags] == ["realisasi-missing"]


@pytest.mark.parametrize("target", [0, -5])
def test_zero_or_negative_target_is_not_computable_with_reason(
    permendagri: ke.RuleSet, target: int
) -> None:
    r = evaluate_indicator(indicator(target, 10), permendagri)
    assert r.status is Status.NOT_COMPUTABLE
    assert r.capaian is None
    assert r.reason is not None and "not above zero" in r.reason


def test_no_target_is_not_computable(permendagri: ke.RuleSet) -> None:
    r = evaluate_indicator(indicator(None, 37), permendagri)
    assert r.status is Status.NOT_COMPUTABLE
    assert r.reason == "no target is set for the year"


def test_division_by_zero_in_a_formula_is_not_computable(permendagri: ke.RuleSet) -> None:
    # target / realisasi with realisasi 0 under the alternative method.
    rules = ke.load_rules("permendagri-86-2017")
    r = evaluate_indicator(indicator(5, 0, "lower_is_better"), rules)
    assert r.status is Status.COMPUTED  # (2T - R)/T is defined
    assert r.capaian == Decimal(200)


def test_trace_shows_formula_with_inputs_and_band(permendagri: ke.RuleSet) -> None:
    r = evaluate_indicator(indicator("81.5", "87.08"), permendagri)
    assert "capaian = realisasi / target * 100 = 87.08 / 81.5 * 100" in r.trace[0]
    assert any("'Sangat Tinggi' [91, +inf)" in step for step in r.trace)


def test_flags(permendagri: ke.RuleSet) -> None:
    ind = indicator(10, 20, budget=Budget(Decimal(100), Decimal(40)))
    r = evaluate_indicator(ind, permendagri)
    codes = {f.code for f in r.flags}
    assert codes == {"capaian-far-above-target", "low-absorption"}
    far = next(f for f in r.flags if f.code == "capaian-far-above-target")
    assert "200,00" in far.message_id and "200.00" in far.message_en


def test_method_change_flag_for_lower_is_better(permendagri: ke.RuleSet) -> None:
    # (2T-R)/T = 40 (Sangat Rendah) but T/R = 62.5 (Rendah): the category depends on the method.
    r = evaluate_indicator(indicator(10, 16, "lower_is_better"), permendagri)
    assert r.category == "Sangat Rendah"
    assert "method-changes-category" in {f.code for f in r.flags}
    same = evaluate_indicator(indicator(10, 10, "lower_is_better"), permendagri)
    assert "method-changes-category" not in {f.code for f in same.flags}


def test_kepmendagri_efficiency_ratio() -> None:
    rules = ke.load_rules("kepmendagri-690-1996")
    ind = indicator(100, 100, budget=Budget(Decimal(100), Decimal(85)))
    r = evaluate_indicator(ind, rules)
    assert r.efficiency_value == Decimal(85)
    assert r.efficiency == "Cukup Efisien"


def test_pmk_efficiency_score_and_clamp() -> None:
    rules = ke.load_rules("pmk-214-2017")
    # c = 1, pagu 100, spent 90: E = 10 %, score 50 + 10/20*50 = 75.
    r = evaluate_indicator(indicator(100, 100, budget=Budget(Decimal(100), Decimal(90))), rules)
    assert r.efficiency_value == Decimal(10)
    assert r.efficiency_score == Decimal(75)
    assert r.efficiency == "Efisien"
    # c = 0.5, pagu 100, spent 100: E = -100 %, score clamped to 0.
    r = evaluate_indicator(indicator(100, 50, budget=Budget(Decimal(100), Decimal(100))), rules)
    assert r.efficiency_score == Decimal(0)
    assert r.efficiency == "Tidak Efisien"


def _objective_case(capaian: list[str]) -> ke.Case:
    inds = tuple(
        indicator(
            100,
            c,
            ident=f"i{n}",
            objective="o",
            budget=Budget(Decimal(10 * (n + 1)), Decimal(1)),
        )
        for n, c in enumerate(capaian)
    )
    return ke.Case(
        format="kinerja-case/1",
        report=ReportInfo(agency="a", year=2021),
        indicators=inds,
        objectives=(Objective("o", "O"),),
    )


@pytest.mark.parametrize(
    ("rollup", "values", "expected"),
    [
        ("mean", ["100", "90"], "95.00"),
        ("min", ["100", "90"], "90.00"),
        # PMK 22/2021 annex: output 1a = geometric mean of 5/5 and 9/10 = 94,87 %.
        ("geometric_mean", ["100", "90"], "94.87"),
        # output 1b = geometric mean of 2/3, 4/6, 5/5 = 76,31 %.
        (
            "geometric_mean",
            ["66.666666666666666666666666667", "66.666666666666666666666666667", "100"],
            "76.31",
        ),
        # weighted by pagu 10 and 20: (100*10 + 70*20) / 30 = 80.
        ("weighted_mean", ["100", "70"], "80.00"),
    ],
)
def test_objective_rollup(tmp_path: Path, rollup: str, values: list[str], expected: str) -> None:
    path = write(
        tmp_path,
        "r.toml",
        f'extends = "permendagri-86-2017"\nname = "t"\n[objective]\nrollup = "{rollup}"\n',
    )
    report = ke.evaluate(_objective_case(values), ke.load_rules(path))
    assert shown(report.objectives[0].capaian) == expected


def test_extends_overrides_a_cap_in_a_few_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "capped.toml",
        'extends = "permendagri-86-2017"\nname = "capped"\n[capaian]\ncap = 120\nfloor = 0\n',
    )
    rules = ke.load_rules(path)
    assert evaluate_indicator(indicator(10, 30), rules).capaian == Decimal(120)
    assert evaluate_indicator(indicator(10, 30, "lower_is_better"), rules).capaian == Decimal(0)
    base = ke.load_rules("permendagri-86-2017")
    assert rules.version != base.version
    assert rules.categories == base.categories


def test_seed_case_evaluates_under_every_shipped_rule_set(seed_case: ke.Case) -> None:
    from kinerja_engine.io.loading import shipped_rules

    for name in shipped_rules():
        report = ke.evaluate(seed_case, name)
        assert report.rules == name
        by_id = {r.id: r for r in report.indicators}
        assert by_id["koperasi-sehat"].capaian == Decimal(100)
        assert by_id["koperasi-sehat"].verdict == "Tercapai"
        assert by_id["koperasi-aktif"].status is Status.NOT_COMPUTABLE


def test_seed_case_figures(seed_case: ke.Case) -> None:
    report = ke.evaluate(seed_case)
    by_id = {r.id: r for r in report.indicators}
    skm = by_id["skm"]
    # Target of the Perjanjian Kinerja (Tabel 3) 87,07 against realisasi 87,08.
    assert shown(skm.capaian) == "100.01"
    assert skm.category == "Sangat Tinggi"
    assert shown(skm.serapan) == "93.36"
    assert skm.efficiency == "Efisien"
    assert skm.verdict == "Tercapai"
    assert report.rules == "permendagri-86-2017" and len(report.rules_version) == 12


@pytest.mark.parametrize("name", ["permendagri-86-2017", "pmk-214-2017", "kepmendagri-690-1996"])
def test_a_direct_call_ignores_the_callers_decimal_context(name: str) -> None:
    # The objectives' sums and roll-ups (rupiah to the sen, weighted by 50-digit capaian)
    # in the evaluator's own context: six digits rounded down in the caller's would
    # otherwise change them.
    from decimal import ROUND_FLOOR, Context, localcontext

    from kinerja_engine.evaluation.case import evaluate_case

    rules = ke.load_rules(name)
    text = bench_module("generate").case_text(300, seed=4, rules=rules)
    case = load_case_bytes(text.encode(), "gen.toml")
    want = ke.evaluate(case, rules)
    assert any(o.capaian is not None and o.serapan is not None for o in want.objectives)
    untraced = ke.evaluate(case, rules, trace=False)
    with localcontext(Context(prec=6, rounding=ROUND_FLOOR)):
        got = evaluate_case(case, rules, trace=True)
        got_untraced = evaluate_case(case, rules)
    assert got == want
    assert got_untraced == untraced
