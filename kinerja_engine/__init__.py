"""kinerja_engine: exact, rules-based evaluation and audit of Indonesian government
performance reports (LKjIP under SAKIP).

    >>> import kinerja_engine as ke
    >>> case = ke.load_case("cases/dkupp-probolinggo-2021.toml")   # doctest: +SKIP
    >>> report = ke.evaluate(case)                                   # doctest: +SKIP

Pipeline, one way: load -> validate -> evaluate -> check -> render.
"""

from .api import check, evaluate, load_case, load_case_bytes, load_rules, rules_for
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
from .importing import import_csv
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
    "evaluate",
    "evaluate_indicator",
    "evaluate_many",
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
