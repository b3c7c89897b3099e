"""Batches: many indicators or many cases, streaming, in this process or on every core.

Memory stays flat however long the input is: the input is consumed a chunk at a time,
results are yielded in input order as they are ready, and at most a few chunks are in
flight. With ``jobs > 1`` the work runs in worker processes, because evaluation is pure
Python and threads would take turns on one core. A compiled rule set holds closures and
compiled functions, which do not pickle, so each worker receives the rule set's source
(its merged spec and version hash) and compiles it once, in its initializer; a case's own
rule set is loaded once per process and reused.

Crossing a process boundary is not free: an indicator and its result are pickled, which
costs several times what evaluating them does. So ``jobs`` pays off where the work per
item is large against what crosses: a case file (a path goes out; loading, evaluating
and auditing happen in the worker), much less an in-memory indicator.

What is done to one case is the API's (:mod:`kinerja_engine.api` sits on this module):
it hands :func:`run_cases` its own functions as :class:`Steps`, so that a batch gives
exactly what one call gives, and they reach a worker by name.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import itertools
import operator
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import attrs

from kinerja_engine.domain import model, results
from kinerja_engine.domain.model import Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, Report
from kinerja_engine.errors import InputError
from kinerja_engine.evaluation.compiled import CHUNK, evaluate_chunk
from kinerja_engine.io import textfile
from kinerja_engine.messages import msg, text
from kinerja_engine.rulesets.cache import compiled
from kinerja_engine.rulesets.ruleset import RuleSet, RuleSetSpec

__all__ = [
    "CaseSource",
    "Judged",
    "Steps",
    "case_paths",
    "evaluate_many",
    "map_cases",
    "run_cases",
]

T = TypeVar("T")
R = TypeVar("R")

#: Indicators per chunk, evaluated together here or sent to a worker (the compiled backend's).
CHUNK_SIZE = CHUNK
#: Chunks in flight per worker: one being worked on, one queued behind it.
IN_FLIGHT = 2

CaseSource = Case | str | Path


# ---------------------------------------------------------------- public


def evaluate_many(
    indicators: Iterable[Indicator],
    rules: RuleSet,
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[IndicatorResult]:
    """Evaluate a stream of indicators under ``rules``, lazily and in input order.

    Memory stays flat however long the stream is. ``jobs`` worker processes share the
    work (``jobs=1``: this process, no pickling); results carry no trace.
    """
    jobs = _jobs(jobs)
    chunks = _chunked(indicators, chunk_size)
    if jobs == 1:
        for chunk in chunks:
            yield from evaluate_chunk(chunk, rules)
        return
    yield from _pooled(_evaluate_chunk, chunks, jobs, _source(rules))


class Judged(NamedTuple):
    """A case as :func:`run_cases` (and ``kinerja_engine.run``) gives it back."""

    case: Case | None  # None unless kept
    report: Report
    rules: RuleSet | None  # the rule set it was judged by; None unless kept
    rules_origin: str | None  # the file that rule set came from (None: a shipped one)


class Steps(NamedTuple):
    """What is done to one case, as the API does it: functions defined at a module's top
    level (or partials of them), so that they pickle by name into a worker."""

    load: Callable[[str | Path], Case]  # a case file to a case
    rules_for: Callable[[Case], RuleSet]  # the rule set a case names
    judge: Callable[[Case, RuleSet], Report]  # the report: evaluated, or checked too


def run_cases(
    cases: Iterable[CaseSource],
    steps: Steps,
    rules: RuleSet | None = None,
    *,
    jobs: int = 1,
    keep: bool = True,
) -> Iterator[Judged]:
    """Each case (loaded, or the path of a case file) judged by ``steps``, in input order,
    with the rule set it was judged by: ``rules``, or None for each case's own. Without
    ``keep`` only the report (and the rule set's file) is wanted: the case and rule set
    are None, since sending a case back from a worker costs about as much as checking it.

    Rule sets are loaded once per run (in each worker, and here), not once per case.
    """
    jobs = _jobs(jobs)
    cache: dict[tuple[str, str | None], RuleSet] = {}
    if jobs == 1:
        for item in cases:
            case = item if isinstance(item, Case) else steps.load(item)
            judged_by = rules if rules is not None else _own_rules(case, steps, cache)
            report = steps.judge(case, judged_by)
            if keep:
                yield Judged(case, report, judged_by, judged_by.origin)
            else:
                yield Judged(None, report, None, judged_by.origin)
        return
    task = functools.partial(_case_chunk, steps=steps, keep=keep)
    source = None if rules is None else _source(rules)
    for back, report, origin in _pooled(task, _chunked(cases, 1), jobs, source):
        if back is None:
            yield Judged(None, report, None, origin)
        else:
            judged_by = rules if rules is not None else _own_rules(back, steps, cache)
            yield Judged(back, report, judged_by, origin)


def map_cases(
    cases: Iterable[CaseSource],
    steps: Steps,
    work: Callable[[Case, RuleSet], R],
    rules: RuleSet | None = None,
    *,
    jobs: int = 1,
) -> Iterator[R]:
    """``work`` done to each case (loaded, or the path of a case file) with its rule set
    (``rules``, else its own, loaded once per run), in input order, on the same pool as
    :func:`run_cases`. Only what ``work`` returns comes back from a worker: give it a
    function that returns something small (a summary, not the report) and a folder of
    any size streams in flat memory. ``work`` must pickle by name (a top-level function,
    or a partial of one) when ``jobs`` is above 1."""
    jobs = _jobs(jobs)
    if jobs == 1:
        cache: dict[tuple[str, str | None], RuleSet] = {}
        for item in cases:
            case = item if isinstance(item, Case) else steps.load(item)
            yield work(case, rules if rules is not None else _own_rules(case, steps, cache))
        return
    task = functools.partial(_work_chunk, steps=steps, work=work)
    source = None if rules is None else _source(rules)
    yield from _pooled(task, _chunked(cases, 1), jobs, source)


def case_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Case files from files and folders: a folder stands for every ``*.toml`` under it,
    recursively, in sorted order; a file is taken as given."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not inside:
                raise InputError(
                    msg("error.api.empty-folder"),
                    file=str(path),
                    expected=text("expected.api.folder", "en"),
                )
            found.extend(inside)
        else:
            found.append(path)
    return found


# ---------------------------------------------------------------- cases


def _own_rules(case: Case, steps: Steps, cache: dict[tuple[str, str | None], RuleSet]) -> RuleSet:
    # A rule set named by path is relative to its case's folder, so the folder is part
    # of the key; loading it once per run rather than per case saves most of a small
    # case's time.
    base = str(Path(case.origin).parent) if case.origin else None
    key = (case.report.rules, base)
    found = cache.get(key)
    if found is None:
        found = cache[key] = steps.rules_for(case)
    return found


# ---------------------------------------------------------------- the pool


def _jobs(jobs: int) -> int:
    if jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise ValueError(text("error.api.jobs", "en", jobs=jobs))
    return jobs


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _source(rules: RuleSet) -> tuple[RuleSetSpec, str, str | None]:
    """What a worker needs to compile the same rule set: its merged spec and version."""
    return (rules.spec, rules.version, rules.origin)


def _pooled(
    task: Callable[[list[Any]], list[R]],
    chunks: Iterator[list[Any]],
    jobs: int,
    source: tuple[RuleSetSpec, str, str | None] | None,
) -> Iterator[R]:
    """``task`` over ``chunks`` in ``jobs`` processes; results in order, a bounded
    number of chunks in flight, so neither input nor output piles up in memory."""
    # The file limits in force here (--max-file-size, --max-depth) hold in the workers too,
    # whatever way the platform starts them.
    limits = (textfile.max_file_bytes(), textfile.max_depth())
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(source, limits)
    )
    pending: deque[Future[list[R]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(task, chunk))
            if len(pending) >= IN_FLIGHT * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Reached early when the consumer stops or a chunk failed: drop what is queued.
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- in a worker

# A worker's state, set once by its initializer: the rule set given for the whole run
# (None: each case's own, from _CACHE), and the file limits in force.
_WORKER: dict[str, RuleSet] = {}
_CACHE: dict[tuple[str, str | None], RuleSet] = {}
_LIMITS = contextlib.ExitStack()


def _start_worker(
    source: tuple[RuleSetSpec, str, str | None] | None, limits: tuple[int, int]
) -> None:
    _register_reducers()
    # Entered for the worker's whole life; it ends with the process.
    _LIMITS.enter_context(textfile.limits(max_bytes=limits[0], depth=limits[1]))
    if source is not None:
        spec, version, origin = source
        _WORKER["rules"] = compiled(spec, version=version, origin=origin)


def _worker_rules() -> RuleSet:
    return _WORKER["rules"]


def _evaluate_chunk(chunk: list[Indicator]) -> list[IndicatorResult]:
    rules = _worker_rules()
    return evaluate_chunk(chunk, rules)


def _case_chunk(
    chunk: list[CaseSource], *, steps: Steps, keep: bool
) -> list[tuple[Case | None, Report, str | None]]:
    done: list[tuple[Case | None, Report, str | None]] = []
    for source in chunk:
        case = source if isinstance(source, Case) else steps.load(source)
        rules = _WORKER.get("rules") or _own_rules(case, steps, _CACHE)
        report = steps.judge(case, rules)
        done.append((case if keep else None, report, rules.origin))
    return done


def _work_chunk(
    chunk: list[CaseSource], *, steps: Steps, work: Callable[[Case, RuleSet], R]
) -> list[R]:
    done: list[R] = []
    for source in chunk:
        case = source if isinstance(source, Case) else steps.load(source)
        done.append(work(case, _WORKER.get("rules") or _own_rules(case, steps, _CACHE)))
    return done


# ---------------------------------------------------------------- pickling
# attrs' generic __getstate__ builds a dict per object and __setstate__ sets attributes
# one call at a time, which makes sending an indicator cost as much as evaluating it.
# Our values cross as (class, field tuple) and are rebuilt by their own constructor.

_VALUES: Sequence[type] = (
    model.Budget,
    model.BudgetLine,
    model.Case,
    model.Indicator,
    model.Objective,
    model.PrintedEntry,
    model.PrintedValue,
    model.ReportInfo,
    model.Target,
    results.Finding,
    results.FlagHit,
    results.IndicatorResult,
    results.ObjectiveResult,
    results.Report,
)


def _register_reducers() -> None:
    for cls in _VALUES:
        names = [a.name for a in attrs.fields(cls) if a.init]
        copyreg.pickle(cls, _reducer(cls, operator.attrgetter(*names)))


def _reducer(cls: type, fields: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def reduce(obj: Any) -> tuple[Any, ...]:
        return (cls, fields(obj))

    return reduce


_register_reducers()
