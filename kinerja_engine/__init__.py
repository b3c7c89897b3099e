"""kinerja_engine: exact, rules-based evaluation and audit of Indonesian government
performance reports (LKjIP under SAKIP).

    >>> import kinerja_engine as ke
    >>> case = ke.load_case("cases/dkupp-probolinggo-2021.toml")   # doctest: +SKIP
    >>> report = ke.evaluate(case)                                   # doctest: +SKIP

Pipeline, one way: load -> validate -> evaluate -> check -> render.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ imports on first use
    from .api import check, evaluate, load_case, load_case_bytes, load_rules, rules_for
    from .batch import check_many, evaluate_cases, evaluate_many
    from .domain.model import (
        Budget,
        BudgetLine,
        Case,
        Direction,
        Indicator,
        Objective,
        PrintedEntry,
        PrintedValue,
        ReportInfo,
        Target,
        UnitKind,
    )
    from .domain.results import (
        Finding,
        FlagHit,
        IndicatorResult,
        ObjectiveResult,
        Report,
        Severity,
        Status,
    )
    from .errors import (
        CaseError,
        FormulaError,
        InputError,
        KinerjaError,
        NumberError,
        RuleSetError,
        SchemaError,
    )
    from .evaluation.compiled import grade_many
    from .evaluation.indicator import evaluate_indicator, grade
    from .io.importing import import_csv
    from .io.writing import case_to_toml, rules_to_toml
    from .numbers import parse_number
    from .rendering.basic import render, report_to_dict
    from .rendering.reports import render_report
    from .rulesets.ruleset import RuleSet

__version__ = "0.1.0"

__all__ = [
    "Budget",
    "BudgetLine",
    "Case",
    "CaseError",
    "Direction",
    "Finding",
    "FlagHit",
    "FormulaError",
    "Indicator",
    "IndicatorResult",
    "InputError",
    "KinerjaError",
    "NumberError",
    "Objective",
    "ObjectiveResult",
    "PrintedEntry",
    "PrintedValue",
    "Report",
    "ReportInfo",
    "RuleSet",
    "RuleSetError",
    "SchemaError",
    "Severity",
    "Status",
    "Target",
    "UnitKind",
    "case_to_toml",
    "check",
    "check_many",
    "evaluate",
    "evaluate_cases",
    "evaluate_indicator",
    "evaluate_many",
    "grade",
    "grade_many",
    "import_csv",
    "load_case",
    "load_case_bytes",
    "load_rules",
    "parse_number",
    "render",
    "render_report",
    "report_to_dict",
    "rules_for",
    "rules_to_toml",
]

# Each public name and the module that defines it. The engine is imported on first use
# of a name, not with the package: the command line lives in this package, and
# `kinerja --help` must not wait for the whole engine to load.
_EXPORTS = {
    "Budget": "domain.model",
    "BudgetLine": "domain.model",
    "Case": "domain.model",
    "CaseError": "errors",
    "Direction": "domain.model",
    "Finding": "domain.results",
    "FlagHit": "domain.results",
    "FormulaError": "errors",
    "Indicator": "domain.model",
    "IndicatorResult": "domain.results",
    "InputError": "errors",
    "KinerjaError": "errors",
    "NumberError": "errors",
    "Objective": "domain.model",
    "ObjectiveResult": "domain.results",
    "PrintedEntry": "domain.model",
    "PrintedValue": "domain.model",
    "Report": "domain.results",
    "ReportInfo": "domain.model",
    "RuleSet": "rulesets.ruleset",
    "RuleSetError": "errors",
    "SchemaError": "errors",
    "Severity": "domain.results",
    "Status": "domain.results",
    "Target": "domain.model",
    "UnitKind": "domain.model",
    "case_to_toml": "io.writing",
    "check": "api",
    "check_many": "batch",
    "evaluate": "api",
    "evaluate_cases": "batch",
    "evaluate_indicator": "evaluation.indicator",
    "evaluate_many": "batch",
    "grade": "evaluation.indicator",
    "grade_many": "evaluation.compiled",
    "import_csv": "io.importing",
    "load_case": "api",
    "load_case_bytes": "api",
    "load_rules": "api",
    "parse_number": "numbers",
    "render": "rendering.basic",
    "render_report": "rendering.reports",
    "report_to_dict": "rendering.basic",
    "rules_for": "api",
    "rules_to_toml": "io.writing",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
