"""Models to TOML with tomli-w: a case as a case file, a rule set as a rules file.

Each writer is the inverse of its reader, so that another program can generate files
the engine reads back unchanged:

* ``load_case(file with case_to_toml(case)) == case``, figure for figure: a figure is
  written as a TOML number that reads back as the same :class:`~decimal.Decimal`
  (``1418633200.00`` keeps its two places), an absent target as ``"-"``, and a printed
  figure as the text the report printed.
* ``load_rules(file with rules_to_toml(rules))`` has the same spec and compiles to the same
  rule set. The file is written whole (``extends`` applied, defaults spelled out), so
  its content hash, the rule set's ``version``, is that of the written file: writing
  the loaded rule set again gives the same text and the same version.

Only the case format's keys are written, so a written file passes the loader's check
for unknown keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import tomli_w

from kinerja_engine.domain.model import (
    Budget,
    BudgetLine,
    Case,
    Count,
    Goal,
    Indicator,
    Objective,
    Period,
    PrintedEntry,
    PrintedValue,
    Program,
    Target,
)
from kinerja_engine.rulesets.ruleset import RuleSet, RuleSetSpec

__all__ = ["case_to_toml", "rules_to_toml"]

# A lone "-" is how the case format writes "explicitly no value" (no target set).
NO_VALUE = "-"


def _figure(value: Decimal) -> int | Decimal:
    """A TOML number that reads back (parse_float=Decimal) as exactly ``value``.

    tomli-w writes a Decimal with its digits (``87.50``, ``1e+3``) but adds ``.0`` to a
    whole one, which would read back with a place more; whole values go as integers.
    """
    exponent = value.as_tuple().exponent
    if exponent == 0:
        return int(value)
    return value


def _printed(pv: PrintedValue) -> str | int | Decimal:
    # The loader keeps a TOML number's text as str(value); such a figure goes back as the
    # number, anything else (Indonesian notation, a word, "-") as the text it was.
    # A text read in English notation ("0.2") stays text: as a number it would read back
    # without the notation the audit names (issue 19).
    if pv.value is not None and pv.text == str(pv.value) and pv.notation is None:
        return _figure(pv.value)
    return pv.text


def _target(target: Target | None) -> Any:
    if target is None:
        return NO_VALUE
    if target.is_range:
        return [_figure(target.low), _figure(target.high)]
    return _figure(target.low)


def _budget(budget: Budget) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if budget.pagu is not None:
        out["pagu"] = _figure(budget.pagu)
    if budget.realisasi is not None:
        out["realisasi"] = _figure(budget.realisasi)
    return out


def _entry(entry: PrintedEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"where": entry.where}
    if entry.year is not None:
        out["year"] = entry.year
    for field in attrs.fields(PrintedEntry):
        if field.name in ("where", "year"):
            continue
        value = getattr(entry, field.name)
        if value is None:
            continue
        out[field.name] = _printed(value) if isinstance(value, PrintedValue) else value
    return out


def _indicator(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "direction": ind.direction.value,
    }
    # A figure given by counts is written as its counts only (the loader refuses both).
    if ind.target_count is None:
        out["target"] = _target(ind.target)
    if ind.objective is not None:
        out["objective"] = ind.objective
    if ind.realisasi is not None and ind.realisasi_count is None:
        out["realisasi"] = _figure(ind.realisasi)
    if ind.history:
        out["history"] = {str(year): _figure(v) for year, v in sorted(ind.history.items())}
    if ind.renstra_target is not None:
        out["renstra_target"] = _figure(ind.renstra_target)
    if ind.budget is not None:
        out["budget"] = _budget(ind.budget)
    if ind.printed:
        out["printed"] = [_entry(e) for e in ind.printed]
    # ---- issue 16 (model)
    if ind.bounds is not None:
        out["bounds"] = [_figure(ind.bounds.low), _figure(ind.bounds.high)]
    for key in ("realisasi_count", "target_count"):
        count: Count | None = getattr(ind, key)
        if count is not None:
            out[key] = {
                "numerator": _figure(count.numerator),
                "denominator": _figure(count.denominator),
            }
    if ind.history_target:
        out["history_target"] = {
            str(year): _target(t) for year, t in sorted(ind.history_target.items())
        }
    out.update(_indicator_tree(ind))
    return out


# ---- issue 16 (cascade): period figures and the performance tree


def _indicator_tree(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ind.kind is not None:
        out["kind"] = ind.kind.value
    for key in ("periods", "target_periods"):
        table = getattr(ind, key)
        if table:
            out[key] = {p.value: _figure(v) for p, v in table.items()}
    if ind.program is not None:
        out["program"] = ind.program
    if ind.weight is not None:
        out["weight"] = _figure(ind.weight)
    return out


def _node(node: Objective | Program | Goal, **refs: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "name": node.name}
    out.update({k: v for k, v in refs.items() if v is not None})
    if node.weight is not None:
        out["weight"] = _figure(node.weight)
    if node.printed:
        out["printed"] = [_entry(e) for e in node.printed]
    return out


def _budget_line(line: BudgetLine) -> dict[str, Any]:
    out: dict[str, Any] = {"id": line.id, "name": line.name}
    if line.parent is not None:
        out["parent"] = line.parent
    if line.pagu is not None:
        out["pagu"] = _figure(line.pagu)
    if line.realisasi is not None:
        out["realisasi"] = _figure(line.realisasi)
    if line.printed_percent is not None:
        out["printed_percent"] = _printed(line.printed_percent)
    if line.where is not None:
        out["where"] = line.where
    return out


def case_to_document(case: Case) -> dict[str, Any]:
    """The case as the TOML document (plain data) that :func:`case_to_toml` writes."""
    report: dict[str, Any] = {
        "agency": case.report.agency,
        "year": case.report.year,
        "rules": case.report.rules,
    }
    if case.report.source is not None:
        report["source"] = case.report.source
    if case.report.period is not Period.ANNUAL:
        report["period"] = case.report.period.value
    doc: dict[str, Any] = {"format": case.format, "report": report}
    if case.goals:
        doc["goal"] = [_node(g) for g in case.goals]
    if case.objectives:
        doc["objective"] = [_node(o, goal=o.goal) for o in case.objectives]
    if case.programs:
        doc["program"] = [_node(p, objective=p.objective) for p in case.programs]
    if case.indicators:
        doc["indicator"] = [_indicator(i) for i in case.indicators]
    if case.budget:
        doc["budget"] = [_budget_line(b) for b in case.budget]
    return doc


def case_to_toml(case: Case) -> str:
    """A case file (``kinerja-case/1``) that :func:`kinerja_engine.load_case` reads back
    as ``case``. Printed figures keep the text the report printed."""
    return tomli_w.dumps(case_to_document(case))


def _spec_value(value: Any) -> Any:
    """A spec value as TOML data; ``None`` (TOML has no null) is left out by the caller."""
    if attrs.has(type(value)):
        return _spec_table(value)
    if isinstance(value, Mapping):
        return {str(k): _spec_value(v) for k, v in value.items() if v is not None}
    if isinstance(value, tuple | list):
        return [_spec_value(v) for v in value]
    if isinstance(value, Decimal):
        return _figure(value)
    return value


def _spec_table(spec: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in attrs.fields(type(spec)):
        value = getattr(spec, field.name)
        # An absent optional key and an empty open table (flags, weights, severities)
        # both read back as the default.
        if value is None or (isinstance(value, Mapping) and not value):
            continue
        written = _spec_value(value)
        if isinstance(written, dict) and not written:
            continue  # a table of defaults only ([progress] with no formula)
        out[field.name] = written
    return out


def rules_to_document(rules: RuleSet | RuleSetSpec) -> dict[str, Any]:
    """The rule set as the TOML document (plain data) that :func:`rules_to_toml` writes."""
    spec = rules.spec if isinstance(rules, RuleSet) else rules
    return _spec_table(spec)


def rules_to_toml(rules: RuleSet | RuleSetSpec) -> str:
    """A whole rules file (``kinerja-rules/1``, ``extends`` already applied) that
    :func:`kinerja_engine.load_rules` reads back as the same rule set."""
    return tomli_w.dumps(rules_to_document(rules))
