"""The audit is sound and complete on planted faults.

Sound: a consistent generated case (printed figures that agree with the inputs, budget
lines that foot) yields no finding at all. Complete: one planted fault beyond tolerance
yields exactly one finding, with its code, at its place (indicator or budget line, table,
field); the same fault within tolerance yields none. Every check of the catalogue has
its fault, under the shipped rule sets and under generated ones.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import strategies as ks
from kinerja_engine.domain.checks import CODES

# One test per check: a quarter of the profile's examples each keeps the suite fast.
PER_CODE = settings(max_examples=max(10, settings().max_examples // 4))


def describe(report: ke.Report) -> str:
    return "\n".join(
        f"{f.code} {f.indicator or f.budget} {f.where} {f.field}: {f.message_en}"
        for f in report.findings
    )


def test_every_check_of_the_catalogue_can_be_planted() -> None:
    assert set(ks.FAULT_CODES) == CODES
    for name in ("permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017"):
        assert set(ks.fault_codes(name)) == CODES, name


@given(ks.rule_sets().flatmap(lambda r: st.tuples(st.just(r), ks.cases(r))))
def test_a_consistent_case_yields_no_finding(sample: tuple[ke.RuleSet, ke.Case]) -> None:
    rules, case = sample
    report = ke.check(case, rules)
    assert report.findings == (), describe(report)
    assert report.checks_passed > 0 and report.checks_skipped == ()


def assert_found(fault: ks.PlantedFault) -> None:
    report = ke.check(fault.case, fault.rules)
    assert len(report.findings) == 1, f"{fault.description}\n{describe(report)}"
    (finding,) = report.findings
    assert fault.expected.matches(finding), f"{fault.expected} != {finding}"
    if fault.tolerated is not None:
        tolerated = ke.check(fault.tolerated, fault.rules)
        assert tolerated.findings == (), f"{fault.description}\n{describe(tolerated)}"


@PER_CODE
@pytest.mark.parametrize("code", ks.FAULT_CODES)
@given(data=st.data())
def test_each_planted_fault_is_found_at_its_place(code: str, data: st.DataObject) -> None:
    rules = data.draw(ks.shipped_rule_sets())
    assume(code in ks.fault_codes(rules))
    assert_found(data.draw(ks.planted_faults(rules, codes=[code])))


@given(ks.rule_sets().flatmap(ks.planted_faults))
def test_planted_faults_under_generated_rule_sets(fault: ks.PlantedFault) -> None:
    """Other tolerances, display places and rounding modes, band edges, caps and floors."""
    assert_found(fault)
