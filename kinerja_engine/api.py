"""The public API: load rules and cases, evaluate, check. The CLI uses nothing else."""

from __future__ import annotations

from pathlib import Path

from .audit import audit
from .errors import KinerjaError
from .evaluate import evaluate_case
from .loading import MAX_FILE_BYTES, case_from_document, read_rules, read_toml
from .model import Case
from .results import Report
from .ruleset import RuleSet
from .validate import compile_rules, validate_case

__all__ = ["check", "evaluate", "load_case", "load_rules", "rules_for"]


def load_rules(name_or_path: str | Path, *, base: str | Path | None = None) -> RuleSet:
    """A compiled rule set, by shipped name (``permendagri-86-2017``) or path to a file.

    A relative path is taken from ``base`` when given. ``extends`` is applied, formulas
    are compiled and bands are checked; any fault raises a located :class:`KinerjaError`.
    """
    source = read_rules(name_or_path, base=Path(base) if base is not None else None)
    try:
        return compile_rules(source.spec, version=source.version, origin=source.path)
    except KinerjaError as exc:
        raise source.fail(exc) from None


def load_case(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Case:
    """A case read from a TOML file, structured and checked for internal consistency."""
    doc = read_toml(path, max_bytes=max_bytes)
    case = case_from_document(doc)
    try:
        validate_case(case)
    except KinerjaError as exc:
        raise doc.fail(exc) from None
    return case


def rules_for(case: Case) -> RuleSet:
    """The rule set a case names, a path taken relative to the case's own file."""
    base = Path(case.origin).parent if case.origin else None
    try:
        return load_rules(case.report.rules, base=base)
    except KinerjaError as exc:
        if exc.file is None:
            raise exc.located(file=case.origin, key_prefix="report.rules") from None
        raise


def evaluate(
    case: Case, rules: RuleSet | str | Path | None = None, *, trace: bool = True
) -> Report:
    """Evaluate every indicator and objective of ``case``.

    ``rules`` is a compiled rule set, a name or path, or ``None`` for the case's own.
    """
    return evaluate_case(case, _resolve(case, rules), trace=trace)


def check(case: Case, rules: RuleSet | str | Path | None = None) -> Report:
    """Evaluate ``case`` and audit every printed figure: the report with its findings."""
    compiled = _resolve(case, rules)
    return audit(case, compiled, evaluate_case(case, compiled))


def _resolve(case: Case, rules: RuleSet | str | Path | None) -> RuleSet:
    if rules is None:
        return rules_for(case)
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(rules)
