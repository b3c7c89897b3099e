"""The public API: load rules and cases, evaluate, check. The CLI uses nothing else."""

from __future__ import annotations

from decimal import Context, localcontext
from pathlib import Path

from kinerja_engine.audit.review import audit
from kinerja_engine.collector import collector_paused
from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import Report
from kinerja_engine.errors import KinerjaError
from kinerja_engine.evaluation.compiled import evaluate_all
from kinerja_engine.evaluation.indicator import evaluate_case
from kinerja_engine.io.loading import (
    case_from_document,
    key_line,
    parse_toml,
    read_rules,
    read_toml,
    rules_file,
)
from kinerja_engine.rulesets.compile import compile_rules, validate_case
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["check", "evaluate", "load_case", "load_case_bytes", "load_rules", "rules_for"]

# The arithmetic outside the formulas (sums of budget lines, shares, roll-ups) runs in this
# context, not the caller's: an application that lowered its own decimal precision must
# not see budget lines stop footing. Sixty digits hold any sum of figures below 10^21.
_CONTEXT = Context(prec=60)


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


def load_case(
    path: str | Path, *, max_bytes: int | None = None, max_depth: int | None = None
) -> Case:
    """A case read from a TOML file, structured and checked for internal consistency.

    ``max_bytes`` and ``max_depth`` override the limits in force (``KINERJA_MAX_FILE_BYTES``,
    ``KINERJA_MAX_DEPTH``, else 64 MiB and 32 levels); a file beyond them is refused.
    """
    with collector_paused():
        doc = read_toml(path, max_bytes=max_bytes, max_depth=max_depth, as_case=True)
        case = case_from_document(doc)
        try:
            validate_case(case)
        except KinerjaError as exc:
            raise doc.fail(exc) from None
    return case


def load_case_bytes(raw: bytes, name: str = "<stdin>", *, max_depth: int | None = None) -> Case:
    """A case from the bytes of a TOML text that is not a file (standard input, a request).

    Errors name ``name`` as the file. The case has no folder of its own, so a relative
    ``rules`` path in it is taken from the current directory.
    """
    with collector_paused():
        doc = parse_toml(raw, name, max_depth=max_depth, as_case=True)
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
        rules_file(case.report.rules, base)
        return load_rules(case.report.rules, base=base)
    except KinerjaError as exc:
        if exc.file is None:
            # A rule set that cannot be found is the fault of the case's `rules` line.
            line = key_line(case.origin, "report.rules") if case.origin else None
            raise exc.located(file=case.origin, key_prefix="report.rules", line=line) from None
        raise


def evaluate(
    case: Case, rules: RuleSet | str | Path | None = None, *, trace: bool = True
) -> Report:
    """Evaluate every indicator and objective of ``case``.

    ``rules`` is a compiled rule set, a name or path, or ``None`` for the case's own.
    """
    compiled = _resolve(case, rules)
    # The collector held off as while loading: the results are many new objects, none in
    # a cycle, and each full collection would walk the whole case again.
    with localcontext(_CONTEXT), collector_paused():
        # Without a trace, the indicators go through the compiled shapes (the same results).
        results = None if trace else evaluate_all(case.indicators, compiled)
        return evaluate_case(case, compiled, trace=trace, results=results)


def check(case: Case, rules: RuleSet | str | Path | None = None) -> Report:
    """Evaluate ``case`` and audit every printed figure: the report with its findings."""
    compiled = _resolve(case, rules)
    with localcontext(_CONTEXT), collector_paused():
        # The audit reads no trace: the indicators go through the compiled shapes.
        results = evaluate_all(case.indicators, compiled)
        return audit(case, compiled, evaluate_case(case, compiled, trace=False, results=results))


def _resolve(case: Case, rules: RuleSet | str | Path | None) -> RuleSet:
    if rules is None:
        return rules_for(case)
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(rules)
