"""Round trips are identities: case -> TOML -> case, rule set -> TOML -> rule set, number ->
Indonesian notation -> number."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, Direction, Indicator, ReportInfo, Target
from kinerja_engine.io.loading import shipped_rules
from kinerja_engine.io.writing import case_to_toml, rules_to_toml
from kinerja_engine.numbers import parse_number, to_indonesian
from kinerja_engine.rulesets.ruleset import RuleSetSpec
from kinerja_engine.testing import strategies as ks

ROOT = Path(__file__).resolve().parent.parent


def reload_case(case: ke.Case) -> ke.Case:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.toml"
        path.write_text(case_to_toml(case), encoding="utf-8")
        return ke.load_case(path)


def reload_rules(rules: ke.RuleSet | RuleSetSpec) -> ke.RuleSet:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.toml"
        path.write_text(rules_to_toml(rules), encoding="utf-8")
        return ke.load_rules(path)


def same_rules(one: ke.RuleSet, other: ke.RuleSet) -> bool:
    """Equal spec and equal compiled rule set; the version is a hash of the file's text."""
    return one.spec == other.spec and attrs.evolve(other, version=one.version) == one


@example(ke.Case("kinerja-case/1", ReportInfo("Dinas X", 2021), ()))
@given(ks.rule_sets().flatmap(ks.cases))
def test_case_to_toml_and_back_is_the_identity(case: ke.Case) -> None:
    back = reload_case(case)
    assert back == case
    # Written again, the text is the same: a fixpoint, not just an equal value.
    assert case_to_toml(back) == case_to_toml(case)


def _pinned(target: Target | None, realisasi: str | None, **extra: object) -> Indicator:
    return Indicator(
        "x",
        "x",
        "%",
        Direction.LOWER_IS_BETTER,
        target,
        None if realisasi is None else Decimal(realisasi),
        **extra,  # type: ignore[arg-type]
    )


# Pinned: a range with low == high, a zero target, no target, a zero realisasi, rupiah of
# 10^16 with sen, figures with trailing zeros that must keep their places.
@example(_pinned(Target(Decimal(80), Decimal(80)), "80"))
@example(_pinned(Target.point(Decimal(0)), "0"))
@example(_pinned(None, None))
@example(_pinned(Target.point(Decimal("56.00")), "0.000"))
@example(
    _pinned(
        Target.point(Decimal("1")),
        "1",
        budget=Budget(Decimal("10000000000000000.01"), Decimal("9999999999999999.99")),
        history={2020: Decimal("0.10"), 2019: Decimal(0)},
        renstra_target=Decimal("999999999999999999999"),
    )
)
@given(ks.indicators(complete=False))
def test_any_valid_indicator_survives_the_round_trip(ind: Indicator) -> None:
    case = ke.Case("kinerja-case/1", ReportInfo("Dinas X", 2021), (ind,))
    assert reload_case(case) == case


def test_the_seed_case_survives_the_round_trip(seed_case: ke.Case) -> None:
    assert reload_case(seed_case) == seed_case


@pytest.mark.parametrize("name", sorted(shipped_rules()))
def test_shipped_rule_sets_survive_the_round_trip(name: str) -> None:
    rules = ke.load_rules(name)
    back = reload_rules(rules)
    assert same_rules(rules, back)
    # A rule set written from the file it was read back from is the same file.
    again = reload_rules(back)
    assert rules_to_toml(again) == rules_to_toml(back) and again.version == back.version


@given(ks.rules_documents())
def test_generated_rule_sets_survive_the_round_trip(doc: dict[str, object]) -> None:
    rules = ks.rules_from_document(doc)
    back = reload_rules(rules)
    assert same_rules(rules, back)
    assert same_rules(rules, reload_rules(rules.spec))


@example(ks.WrittenNumber("0", Decimal(0)))
@example(ks.WrittenNumber("0,00", Decimal("0.00")))
@example(ks.WrittenNumber("007", Decimal(7)))
@example(ks.WrittenNumber("-87,505 %", Decimal("-87.505"), "%"))
@example(ks.WrittenNumber("Rp 10.000.000.000.000.000,01", Decimal("10000000000000000.01"), "Rp"))
@example(ks.WrittenNumber("999.999.999.999.999.999.999", Decimal(10**21 - 1)))
@example(ks.WrittenNumber("Rp. 51.000.000.000,-", Decimal(51 * 10**9), "Rp"))
@example(ks.WrittenNumber("3.540. 448. 465.876.250", Decimal(3540448465876250)))
@example(ks.WrittenNumber("2,5 T", Decimal(25 * 10**11)))
@given(ks.indonesian_numbers())
def test_number_to_indonesian_notation_and_back(written: ks.WrittenNumber) -> None:
    parsed = parse_number(written.text)
    assert parsed is not None
    assert parsed.value == written.value
    assert parsed.mark == written.mark


@given(ks.written_durations())
def test_durations_read_to_their_base_unit(written: ks.WrittenNumber) -> None:
    parsed = parse_number(written.text)
    assert parsed is not None
    assert (parsed.value, parsed.duration) == (written.value, written.duration)


@example(Decimal("0.000000"))
@example(Decimal("-0.000001"))
@example(Decimal("10000000000000000.01"))
@example(Decimal("-1000000000000000000.000000"))
@given(ks.decimals(-(10**18), 10**18, places=6))
def test_to_indonesian_keeps_every_digit(value: Decimal) -> None:
    parsed = parse_number(to_indonesian(value))
    assert parsed is not None
    # Equal, and with the same places: 1.418.633.200,00 keeps its ",00".
    assert parsed.value == value and parsed.value.as_tuple().exponent == value.as_tuple().exponent
