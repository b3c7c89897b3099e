"""The counts behind a percentage (62 of 63 perkara: 98,41 %), audited step by step."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import attrs
from audit_cases import case_of, codes, entry, with_printed
from conftest import indicator
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.domain.model import Count, PrintedEntry, Target, with_counts
from kinerja_engine.numbers import to_indonesian


def counted(numerator: int, denominator: int, *entries: PrintedEntry) -> ke.Case:
    ind = with_counts(
        attrs.evolve(
            indicator(100, None),
            realisasi_count=Count(Decimal(numerator), Decimal(denominator)),
            history={2020: Decimal(90)},
        )
    )
    return case_of(with_printed(ind, *entries))


def test_a_court_prints_62_of_63_as_98_41(permendagri: ke.RuleSet) -> None:
    case = counted(62, 63, entry(numerator="62", denominator="63", realisasi="98,41 %"))
    report = ke.check(case, permendagri)
    assert report.findings == ()
    assert ke.render(report, "json").count('"capaian": "98.41"') == 1


def test_a_percentage_that_does_not_follow_from_its_counts(permendagri: ke.RuleSet) -> None:
    report = ke.check(counted(62, 63, entry(realisasi="98,73")), permendagri)
    assert codes(report) == ["count-recalc"]
    (finding,) = report.findings
    assert (finding.field, finding.printed, finding.expected) == ("realisasi", "98,73", "98.41")
    # The table's own counts come first: 61 of 63 is 96,83, whatever the case counts.
    report = ke.check(
        counted(62, 63, entry(numerator="61", denominator="63", realisasi="96,83")), permendagri
    )
    assert codes(report) == ["count-mismatch"]


def test_a_wrong_count_beside_the_right_percentage_is_one_finding(
    permendagri: ke.RuleSet,
) -> None:
    report = ke.check(
        counted(62, 63, entry(numerator="61", denominator="63", realisasi="98,41")), permendagri
    )
    assert codes(report) == ["count-mismatch"]
    assert report.findings[0].field == "numerator"
    assert [blocker for _, blocker in report.checks_skipped] == [report.findings[0].id]


def test_target_counts_and_printed_target_counts(permendagri: ke.RuleSet) -> None:
    ind = with_counts(
        attrs.evolve(
            indicator(None, 50),
            target_count=Count(Decimal(40), Decimal(50)),
            history={2020: Decimal(50)},
        )
    )
    assert ind.target == Target.point(Decimal(80))
    good = entry(target_numerator="40", target_denominator="50", target="80 %", capaian="62,5")
    assert ke.check(case_of(with_printed(ind, good)), permendagri).findings == ()
    bad = entry(target_numerator="40", target_denominator="50", target="85 %")
    assert codes(ke.check(case_of(with_printed(ind, bad)), permendagri)) == ["count-recalc"]


def test_the_capaian_follows_the_exact_quotient(permendagri: ke.RuleSet) -> None:
    # 62/63 = 98,4127 %; against a target of 90 the capaian is 109,35 (from the rounded
    # 98,41 it would be 109,34): a report that computes from the counts is right.
    ind = with_counts(
        attrs.evolve(
            indicator(90, None),
            realisasi_count=Count(Decimal(62), Decimal(63)),
            history={2020: Decimal(90)},
        )
    )
    printed = entry(realisasi="98,41", capaian="109,35")
    assert ke.check(case_of(with_printed(ind, printed)), permendagri).findings == ()


@given(
    numerator=st.integers(0, 10**6),
    denominator=st.integers(1, 10**6),
    places=st.integers(0, 4),
)
def test_counts_equal_the_percentage_printed_from_them(
    numerator: int, denominator: int, places: int
) -> None:
    """Law: a percentage printed from its counts, rounded half-up at any precision, is
    what the counts give; the audit accepts it and the evaluation computes it."""
    exact = Fraction(numerator * 100, denominator)
    quantum = Decimal(1).scaleb(-places)
    shown = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(quantum, ROUND_HALF_UP)
    count = Count(Decimal(numerator), Decimal(denominator))
    # The model's quotient rounds to the same printed figure as the exact fraction.
    assert count.percent.quantize(quantum, ROUND_HALF_UP) == shown
    assert abs(Fraction(count.percent) - exact) < Fraction(1, 10**29)
    case = counted(
        numerator,
        denominator,
        entry(
            numerator=str(numerator), denominator=str(denominator), realisasi=to_indonesian(shown)
        ),
    )
    report = ke.check(case, ke.load_rules("permendagri-86-2017"))
    assert "count-recalc" not in codes(report)
    assert "count-mismatch" not in codes(report)
