"""kinerja_engine: exact, rules-based evaluation and audit of Indonesian government
performance reports (LKjIP under SAKIP).

    >>> import kinerja_engine as ke
    >>> case = ke.load_case("cases/dkupp-probolinggo-2021.toml")   # doctest: +SKIP
    >>> report = ke.evaluate(case)                                   # doctest: +SKIP
    >>> print(ke.render(report, "markdown", lang="en"))              # doctest: +SKIP

Pipeline, one way: load -> validate -> evaluate -> check -> render. The names here are
the public API (:mod:`kinerja_engine.api`); everything else lives in the named subpackages
(``domain``, ``rulesets``, ``evaluation``, ``audit``, ``io``, ``rendering``).
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

from kinerja_engine.version import __version__ as __version__

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ imports on first use
    from kinerja_engine.api import (
        across,
        case_paths,
        check,
        check_many,
        checks,
        compare,
        evaluate,
        import_csv,
        limits,
        load_case,
        load_rules,
        render,
        rule_sets,
        run,
        schema,
        summary,
    )
    from kinerja_engine.batch import evaluate_many
    from kinerja_engine.domain.model import Case
    from kinerja_engine.domain.results import Finding, IndicatorResult, Report, Severity
    from kinerja_engine.errors import KinerjaError
    from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = [
    "Case",
    "Finding",
    "IndicatorResult",
    "KinerjaError",
    "Report",
    "RuleSet",
    "Severity",
    "across",
    "case_paths",
    "check",
    "check_many",
    "checks",
    "compare",
    "evaluate",
    "evaluate_many",
    "import_csv",
    "limits",
    "load_case",
    "load_rules",
    "render",
    "rule_sets",
    "run",
    "schema",
    "summary",
]

# Each public name and the module that defines it. The engine is imported on first use
# of a name, not with the package: the command line lives in this package, and
# `kinerja --help` must not wait for the whole engine to load.
_EXPORTS = {
    "Case": "domain.model",
    "Finding": "domain.results",
    "IndicatorResult": "domain.results",
    "KinerjaError": "errors",
    "Report": "domain.results",
    "RuleSet": "rulesets.ruleset",
    "Severity": "domain.results",
    "across": "api",
    "case_paths": "api",
    "check": "api",
    "check_many": "api",
    "checks": "api",
    "compare": "api",
    "evaluate": "api",
    "evaluate_many": "batch",
    "import_csv": "api",
    "limits": "api",
    "load_case": "api",
    "load_rules": "api",
    "render": "api",
    "rule_sets": "api",
    "run": "api",
    "schema": "api",
    "summary": "api",
}

# Names the top level exported before the API was made small, and where each lives now.
# They keep working, with a DeprecationWarning that names the new home.
_MOVED = {
    "Budget": "domain.model",
    "BudgetLine": "domain.model",
    "CaseError": "errors",
    "Direction": "domain.model",
    "FlagHit": "domain.results",
    "FormulaError": "errors",
    "Indicator": "domain.model",
    "InputError": "errors",
    "NumberError": "errors",
    "Objective": "domain.model",
    "ObjectiveResult": "domain.results",
    "PrintedEntry": "domain.model",
    "PrintedValue": "domain.model",
    "ReportInfo": "domain.model",
    "RuleSetError": "errors",
    "SchemaError": "errors",
    "Status": "domain.results",
    "Target": "domain.model",
    "UnitKind": "domain.model",
    "case_to_toml": "io.writing",
    "evaluate_cases": "api",
    "evaluate_indicator": "evaluation.indicator",
    "grade": "evaluation.indicator",
    "grade_many": "evaluation.compiled",
    "load_case_bytes": "api",
    "parse_number": "numbers",
    "render_report": "rendering.reports",
    "report_to_dict": "rendering.basic",
    "rules_for": "api",
    "rules_to_toml": "io.writing",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value
    home = _MOVED.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Not kept in globals(): every use is told, wherever it is.
    warnings.warn(
        f"kinerja_engine.{name} is deprecated: use kinerja_engine.{home}.{name}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
