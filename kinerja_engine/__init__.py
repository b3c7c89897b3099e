"""kinerja_engine: exact, rules-based evaluation and audit of Indonesian government
performance reports (LKjIP under SAKIP).

    >>> import kinerja_engine as ke
    >>> case = ke.load_case("cases/dkupp-probolinggo-2021.toml")   # doctest: +SKIP
    >>> report = ke.evaluate(case)                                   # doctest: +SKIP

Pipeline, one way: load -> validate -> evaluate -> check -> render.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ imports on first use
    from .api import check, evaluate, load_case, load_case_bytes, load_rules, rules_for
    from .batch import check_many, evaluate_cases, evaluate_many
    from .errors import (
        CaseError,
        FormulaError,
        InputError,
        KinerjaError,
        NumberError,
        RuleSetError,
        SchemaError,
    )
    from .evaluate import evaluate_indicator, grade
    from .importing import import_csv
    from .kernels import grade_many
    from .model import (
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
    from .numbers import parse_number
    from .render import render, report_to_dict
    from .reports import render_report
    from .results import (
        Finding,
        FlagHit,
        IndicatorResult,
        ObjectiveResult,
        Report,
        Severity,
        Status,
    )
    from .ruleset import RuleSet
    from .writing import case_to_toml, rules_to_toml

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
    "Budget": "model",
    "BudgetLine": "model",
    "Case": "model",
    "CaseError": "errors",
    "Direction": "model",
    "Finding": "results",
    "FlagHit": "results",
    "FormulaError": "errors",
    "Indicator": "model",
    "IndicatorResult": "results",
    "InputError": "errors",
    "KinerjaError": "errors",
    "NumberError": "errors",
    "Objective": "model",
    "ObjectiveResult": "results",
    "PrintedEntry": "model",
    "PrintedValue": "model",
    "Report": "results",
    "ReportInfo": "model",
    "RuleSet": "ruleset",
    "RuleSetError": "errors",
    "SchemaError": "errors",
    "Severity": "results",
    "Status": "results",
    "Target": "model",
    "UnitKind": "model",
    "case_to_toml": "writing",
    "check": "api",
    "check_many": "batch",
    "evaluate": "api",
    "evaluate_cases": "batch",
    "evaluate_indicator": "evaluate",
    "evaluate_many": "batch",
    "grade": "evaluate",
    "grade_many": "kernels",
    "import_csv": "importing",
    "load_case": "api",
    "load_case_bytes": "api",
    "load_rules": "api",
    "parse_number": "numbers",
    "render": "render",
    "render_report": "reports",
    "report_to_dict": "render",
    "rules_for": "api",
    "rules_to_toml": "writing",
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


class _Package(types.ModuleType):
    """This package, guarded: importing a submodule records it as an attribute of its
    package, and ``evaluate`` and ``render`` are both submodules and functions of the
    API. The functions win, as they did when the package imported them eagerly."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
