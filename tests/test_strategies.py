"""kinerja_engine.testing.strategies: optional, importable from an installed package, documented,
and drawing values the engine accepts."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import strategies as ks
from kinerja_engine.domain.model import Indicator, ReportInfo, UnitKind, unit_kind
from kinerja_engine.domain.results import Status
from kinerja_engine.evaluation.indicator import evaluate_indicator
from kinerja_engine.io.writing import rules_to_document
from kinerja_engine.rulesets.compile import validate_case


def run_python(code: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_the_engine_does_not_import_hypothesis(tmp_path: Path) -> None:
    done = run_python(
        """
        import sys
        import kinerja_engine
        assert "hypothesis" not in sys.modules, "kinerja_engine imported hypothesis"
        assert "kinerja_engine.testing.strategies" not in sys.modules
        """,
        str(tmp_path),
    )
    assert done.returncode == 0, done.stderr


def test_without_hypothesis_the_strategies_say_which_extra_to_install(tmp_path: Path) -> None:
    done = run_python(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if it were not installed
        import kinerja_engine
        try:
            import kinerja_engine.testing.strategies
        except ImportError as exc:
            print(exc)
        else:
            raise SystemExit("imported without hypothesis")
        """,
        str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "hypothesis" in done.stdout and "kinerja-engine[test]" in done.stdout


def test_the_strategies_work_from_the_installed_package_alone(tmp_path: Path) -> None:
    """Outside the repository, without the test tree or its conftest."""
    done = run_python(
        """
        from hypothesis import given, settings, strategies as st
        import kinerja_engine as ke
        from kinerja_engine import strategies as ks
        from kinerja_engine.numbers import parse_number

        @settings(max_examples=15, derandomize=True, deadline=None)
        @given(st.data())
        def test(data):
            rules = data.draw(ks.rule_sets())
            case = data.draw(ks.cases(rules))
            assert ke.check(case, rules).findings == ()
            fault = data.draw(ks.planted_faults(rules))
            assert len(ke.check(fault.case, rules).findings) == 1
            written = data.draw(ks.indonesian_numbers())
            assert parse_number(written.text).value == written.value

        test()
        print("ok")
        """,
        str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_every_public_strategy_is_documented() -> None:
    for name in ks.__all__:
        value = getattr(ks, name)
        if isinstance(value, tuple):
            continue
        assert value.__doc__ and len(value.__doc__.split()) >= 5, name


@given(ks.percentages(), ks.rupiah(), ks.counts(), ks.index_values(), ks.durations())
def test_figures_stay_in_their_domains(
    pct: Decimal, amount: Decimal, count: Decimal, index: Decimal, minutes: Decimal
) -> None:
    assert 0 <= pct <= 200 and -pct.as_tuple().exponent <= 2  # type: ignore[operator]
    assert 0 <= amount <= 10**16 and amount.as_tuple().exponent in (0, -2)
    assert 0 <= count <= 10**6 and count == count.to_integral_value()
    assert 0 <= index <= 100
    assert 1 <= minutes <= 100_000


@given(st.sampled_from(list(UnitKind)), st.data())
def test_figures_are_positive_targets_of_their_kind(kind: UnitKind, data: st.DataObject) -> None:
    assert data.draw(ks.figures(kind)) > 0
    assert unit_kind(data.draw(ks.units(kind))) is kind


@given(ks.indicators(complete=False))
def test_generated_indicators_are_valid_and_evaluate(ind: Indicator) -> None:
    case = ke.Case("kinerja-case/1", ReportInfo("Dinas X", 2021), (ind,))
    validate_case(case)
    ke.evaluate(case, "permendagri-86-2017")


@given(ks.indicators())
def test_complete_indicators_have_a_capaian_under_the_shipped_rules(ind: Indicator) -> None:
    rules = ke.load_rules("permendagri-86-2017")
    result = evaluate_indicator(ind, rules)
    assert result.status is Status.COMPUTED and result.capaian is not None


@given(ks.rule_sets().flatmap(ks.cases))
def test_generated_cases_are_valid(case: ke.Case) -> None:
    validate_case(case)
    assert case.indicators
    previous = case.report.year - 1
    for ind in case.indicators:
        assert ind.realisasi is not None and ind.target is not None
        assert previous in ind.history or any(e.year == previous for e in ind.printed)
    parents = {b.parent for b in case.budget}
    for line in case.budget:
        kids = [b for b in case.budget if b.parent == line.id]
        if line.id in parents:
            assert line.pagu == sum((k.pagu or 0 for k in kids), Decimal(0))


@given(ks.rules_texts())
def test_generated_rules_texts_load_as_files(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.toml"
        path.write_text(text, encoding="utf-8")
        rules = ke.load_rules(path)
    assert len(rules.categories.bands) >= 2


def test_planted_faults_refuse_codes_they_cannot_plant() -> None:
    # Without a progress formula there is no tingkat kemajuan to misprint.
    doc = rules_to_document(ke.load_rules("permendagri-86-2017"))
    del doc["progress"]
    rules = ks.rules_from_document(doc)
    assert "progress-recalc" not in ks.fault_codes(rules)
    with pytest.raises(ValueError, match="no fault"):
        ks.planted_faults(rules, codes=["progress-recalc"])
