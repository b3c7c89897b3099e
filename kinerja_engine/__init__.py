"""kinerja_engine: exact, rules-based evaluation and audit of Indonesian government
performance reports (LKjIP under SAKIP).

    >>> import kinerja_engine as ke
    >>> case = ke.load_case("cases/dkupp-probolinggo-2021.toml")   # doctest: +SKIP
    >>> report = ke.evaluate(case)                                   # doctest: +SKIP

Pipeline, one way: load -> validate -> evaluate -> check -> render.
"""

from .api import check, evaluate, load_case, load_rules, rules_for
from .errors import (
    CaseError,
    FormulaError,
    InputError,
    KinerjaError,
    NumberError,
    RuleSetError,
    SchemaError,
)
from .evaluate import evaluate_indicator, evaluate_many
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
    "check",
    "evaluate",
    "evaluate_indicator",
    "evaluate_many",
    "load_case",
    "load_rules",
    "parse_number",
    "render",
    "report_to_dict",
    "rules_for",
]
