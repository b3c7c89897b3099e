"""The public API: load rules and cases, evaluate, check, render; batches on top of
:mod:`kinerja_engine.batch`. The package's top level and the CLI use nothing else.

Everything here is a plain function of its arguments and the file limits in force; no call
starts a process or a thread unless the caller passes ``jobs`` above 1.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Context, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, overload

from kinerja_engine import batch
from kinerja_engine.audit.across import Digest, Pairing, Spill, digest, hold, report_name
from kinerja_engine.audit.compare import differences
from kinerja_engine.audit.desk import cross_summary, fold, report_summary
from kinerja_engine.audit.methods import Method, known_methods
from kinerja_engine.audit.review import audit
from kinerja_engine.batch import CaseSource, Judged, Steps
from kinerja_engine.collector import collector_paused
from kinerja_engine.domain.checks import ACROSS, CATALOGUE, Check
from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import PeriodComparison, Report
from kinerja_engine.domain.summary import (
    KEEP,
    Comparison,
    CrossFinding,
    MethodCount,
    MethodDiff,
    Summary,
)
from kinerja_engine.errors import InputError, KinerjaError
from kinerja_engine.evaluation import periods
from kinerja_engine.evaluation.case import Progress, evaluate_case
from kinerja_engine.io import textfile
from kinerja_engine.io.loading import (
    Document,
    case_from_document,
    key_line,
    parse_toml,
    read_rules,
    read_toml,
    rules_file,
    shipped_rules,
)
from kinerja_engine.messages import msg, text
from kinerja_engine.rendering.basic import unknown_format
from kinerja_engine.rulesets import cache
from kinerja_engine.rulesets.cache import compiled as compiled_rules
from kinerja_engine.rulesets.compile import ensure_valid, validate_case
from kinerja_engine.rulesets.ruleset import RuleSet

if TYPE_CHECKING:
    from kinerja_engine.io.importing import Imported

__all__ = [
    "FORMATS",
    "across",
    "case_paths",
    "check",
    "check_many",
    "checks",
    "compare",
    "evaluate",
    "evaluate_cases",
    "import_csv",
    "limits",
    "load_case",
    "load_case_bytes",
    "load_rules",
    "reconcile",
    "render",
    "render_review",
    "rule_sets",
    "rules_for",
    "run",
    "schema",
    "summary",
]

#: The formats :func:`render` writes: a text table, Markdown, a self-contained HTML page
#: (needs the ``report`` extra: Jinja2), the JSON output contract, CSV; and an Excel
#: workbook (``xlsx``, bytes, needs the ``xlsx`` extra: openpyxl).
FORMATS = ("table", "markdown", "html", "json", "csv", "xlsx")
# The formats that show the case's own inputs beside the results (chapter III of an LKjIP).
_CASE_FORMATS = ("markdown", "html", "csv")

RulesArg = RuleSet | str | Path | None
case_paths = batch.case_paths

# The arithmetic outside the formulas (sums of budget lines, shares, roll-ups) runs in this
# context, not the caller's: an application that lowered its own decimal precision must
# not see budget lines stop footing. Sixty digits hold any sum of figures below 10^21.
_CONTEXT = Context(prec=60)


def load_rules(name_or_path: str | Path, *, base: str | Path | None = None) -> RuleSet:
    """A compiled rule set, by shipped name (``permendagri-86-2017``) or path to a file.

    A relative path is taken from ``base`` when given. ``extends`` is applied, formulas
    are compiled and bands are checked; any fault raises a located :class:`KinerjaError`.
    A rule set read before from the same bytes is returned again, the same frozen value,
    without parsing or compiling; an edit to the file or to a base it extends, and it is
    read afresh (and compiled only if its merged content is new).
    """
    textfile.checked_path(name_or_path)  # a name or path, never a file descriptor
    where = Path(textfile.checked_path(base)) if base is not None else None
    known = _read_before(name_or_path, where)
    if known is not None:
        return known
    source = read_rules(name_or_path, base=where)
    try:
        # Every file read is named, for a caller to protect (the CLI's --output refuses them).
        read = tuple(d.path for d in source.documents)
        rules = compiled_rules(source.spec, version=source.version, origin=source.path, files=read)
    except KinerjaError as exc:
        raise source.fail(exc) from None
    files = tuple((d.path, _digest(d.lines.text.encode("utf-8"))) for d in source.documents)
    cache.FILES.put(source.path, (files, rules))
    return rules


def _digest(text: bytes) -> bytes:
    # The text as parsed: UTF-8, without the byte-order mark the reader drops.
    return hashlib.sha256(text.removeprefix(b"\xef\xbb\xbf")).digest()


def _read_before(name_or_path: str | Path, base: Path | None) -> RuleSet | None:
    """The rule set this file made when last read, if it and its bases read the same."""
    try:
        found = cache.FILES.get(str(rules_file(name_or_path, base)))
        if found is None:
            return None
        files, rules = found
        limit = textfile.max_file_bytes()
        # Each file within the size limit in force, as a full read would be.
        if all(_digest(textfile.read_limited(p, limit)) == digest for p, digest in files):
            return rules
    except KinerjaError:
        pass  # read in full, which says what is wrong and where
    return None


def load_case(
    source: str | Path | bytes | BinaryIO,
    *,
    name: str | None = None,
    max_bytes: int | None = None,
    max_depth: int | None = None,
) -> Case:
    """A case read from a TOML file, its bytes, or a binary stream (standard input, an
    upload), structured and checked for internal consistency.

    ``name`` is the file that errors name (default: the stream's own name, ``<bytes>``);
    a case from bytes has no folder, so a relative ``rules`` path in it is taken from the
    current directory. ``max_bytes`` and ``max_depth`` override the limits in force
    (:func:`limits`, else ``KINERJA_MAX_FILE_BYTES`` and ``KINERJA_MAX_DEPTH``, else 64 MiB
    and 32 levels); a file or stream beyond them is refused. A limit outside its range
    (a size from 1 byte to 1 TiB, a depth from 1 to 200) raises :class:`InputError`, as a
    path with a NUL does; an argument of the wrong type (an int for ``source``: it is no
    file descriptor) raises :class:`TypeError` before anything is read or closed.
    """
    # Both limits checked first, whatever the source, so that a bad one never passes unseen.
    limit = textfile.max_file_bytes(max_bytes)
    textfile.max_depth(max_depth)
    if isinstance(source, str | Path):
        with collector_paused():
            doc = read_toml(source, max_bytes=max_bytes, max_depth=max_depth, as_case=True)
            return _case(doc)
    if not isinstance(source, bytes):
        if isinstance(source, int | bytearray | memoryview) or not callable(
            getattr(source, "read", None)
        ):
            textfile.checked_path(source)  # raises its TypeError
        own = getattr(source, "name", None)
        name = name or (own if isinstance(own, str) else "<stream>")
        source = _read_stream(source, name, limit)
    return load_case_bytes(source, name or "<bytes>", max_depth=max_depth)


def load_case_bytes(raw: bytes, name: str = "<stdin>", *, max_depth: int | None = None) -> Case:
    """A case from the bytes of a TOML text that is not a file; :func:`load_case` takes
    bytes too. Errors name ``name`` as the file."""
    with collector_paused():
        return _case(parse_toml(raw, name, max_depth=max_depth, as_case=True))


def _case(doc: Document) -> Case:
    case = case_from_document(doc)
    try:
        # The readers bounded each figure as they read it (numbers.check_figure).
        validate_case(case, figures=False)
    except KinerjaError as exc:
        raise doc.fail(exc) from None
    return case


def _read_stream(stream: BinaryIO, name: str, limit: int) -> bytes:
    # One byte past the limit is all ever read: a stream has no size to check first.
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        what = msg("api.stdin") if name == "<stdin>" else name
        raise InputError(
            msg("error.api.too-large", what=what, limit=limit),
            file=name,
            expected=text("expected.api.too-large", "en", limit=limit),
        )
    return raw


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
    case: Case,
    rules: RuleSet | str | Path | None = None,
    *,
    trace: bool = True,
    progress: Progress | None = None,
) -> Report:
    """Evaluate every indicator and objective of ``case``.

    ``rules`` is a compiled rule set, a name or path, or ``None`` for the case's own.
    A case not made by :func:`load_case` is validated first, as loading would
    (:class:`CaseError` or :class:`NumberError`, with the key at fault).
    ``progress``, when given, is called as ``progress("evaluating", done, total)`` every
    thousand indicators (and at the start and end): nothing is printed by the API itself.
    """
    ensure_valid(case)
    compiled = _resolve(case, rules)
    # The collector held off as while loading: the results are many new objects, none in
    # a cycle, and each full collection would walk the whole case again.
    with localcontext(_CONTEXT), collector_paused():
        return evaluate_case(case, compiled, trace=trace, progress=progress)


def check(
    case: Case, rules: RuleSet | str | Path | None = None, *, progress: Progress | None = None
) -> Report:
    """Evaluate ``case`` and audit every printed figure: the report with its findings.
    A case not made by :func:`load_case` is validated first, as for :func:`evaluate`.
    ``progress`` as for :func:`evaluate`, through the phases ``evaluating`` then
    ``checking``."""
    ensure_valid(case)
    compiled = _resolve(case, rules)
    with localcontext(_CONTEXT), collector_paused():
        # The audit reads no trace: the indicators go through the compiled backend.
        report = evaluate_case(case, compiled, progress=progress)
        return audit(case, compiled, report, progress, methods=_methods())


@functools.cache
def _methods() -> tuple[Method, ...]:
    """The capaian methods of the shipped rule sets, which a finding names when a printed
    capaian is what one of them gives (issue 19, evidence)."""
    return known_methods(load_rules(name) for name in shipped_rules())


def reconcile(part: Case, whole: Case) -> tuple[PeriodComparison, ...]:
    """How a semester (or quarterly) report and a later or annual report of the same
    agency and year agree: per shared indicator, the figure to the end of ``part``'s
    period as each gives it (:func:`.evaluation.periods.reconcile`). Both cases are
    validated first, as for :func:`evaluate`."""
    ensure_valid(part)
    ensure_valid(whole)
    with localcontext(_CONTEXT):
        return periods.reconcile(part, whole)


def _resolve(case: Case, rules: RuleSet | str | Path | None) -> RuleSet:
    if rules is None:
        return rules_for(case)
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(rules)


# ---------------------------------------------------------------- batches


def run(
    cases: Iterable[CaseSource],
    rules: RulesArg = None,
    *,
    check: bool = False,
    trace: bool = False,
    jobs: int = 1,
    keep: bool = True,
    progress: Progress | None = None,
) -> Iterator[Judged]:
    """Many cases (loaded, or paths of case files), each evaluated (or checked), in input
    order: the case, its report and the rule set it was judged by.

    ``rules`` is a rule set, a name or path, or None for each case's own. ``jobs`` worker
    processes share the work (0: one per core; 1, the default: this process alone).
    Without ``keep`` only the report is wanted: the case and rule set come back as None,
    which spares the workers sending them. A case that cannot be used raises its
    :class:`KinerjaError` when its turn comes, after the reports before it.

    ``progress`` (with ``jobs`` 1 only: a worker process has no caller to tell) is called
    through each case's phases: ``("loading", 0, 0)`` as a file is read (it is parsed in
    one go) and ``("loading", n, n)`` once its ``n`` indicators are in, then as
    :func:`evaluate` and :func:`check` call it.
    """
    compiled = load_rules(rules) if isinstance(rules, str | Path) else rules
    load: Callable[[str | Path], Case]
    if progress is not None and jobs == 1:
        load = functools.partial(_load_telling, progress=progress)
        judge = functools.partial(_judge, audited=check, trace=trace, progress=progress)
    else:
        load, judge = load_case, functools.partial(_judge, audited=check, trace=trace)
    steps = Steps(load=load, rules_for=rules_for, judge=judge)
    yield from batch.run_cases(cases, steps, compiled, jobs=jobs, keep=keep)


def _load_telling(path: str | Path, *, progress: Progress) -> Case:
    progress("loading", 0, 0)
    case = load_case(path)
    progress("loading", len(case.indicators), len(case.indicators))
    return case


def check_many(
    cases: Iterable[CaseSource], rules: RulesArg = None, *, jobs: int = 1
) -> Iterator[Report]:
    """:func:`check` of many cases (loaded, or paths of case files): their reports, in
    input order. ``rules`` and ``jobs`` as for :func:`run`."""
    for judged in run(cases, rules, check=True, jobs=jobs, keep=False):
        yield judged.report


def evaluate_cases(
    cases: Iterable[CaseSource], rules: RulesArg = None, *, jobs: int = 1, trace: bool = False
) -> Iterator[Report]:
    """:func:`evaluate` of many cases: their reports, in input order (see :func:`run`)."""
    for judged in run(cases, rules, trace=trace, jobs=jobs, keep=False):
        yield judged.report


def _judge(
    case: Case, rules: RuleSet, *, audited: bool, trace: bool, progress: Progress | None = None
) -> Report:
    # What one call gives, so that a batch gives the same; it reaches a worker by name.
    if audited:
        return check(case, rules, progress=progress)
    return evaluate(case, rules, trace=trace, progress=progress)


# ---------------------------------------------------------------- output


Renderable = Report | Judged | RuleSet | Summary | Comparison | Sequence[Report | Judged]


@overload
def render(  # type: ignore[overload-overlap]
    what: Renderable,
    fmt: Literal["xlsx"],
    lang: str = "id",
    *,
    case: Case | None = None,
    rules: RuleSet | None = None,
    trace: bool = False,
    width: int | None = None,
    ids: bool = False,
    color: bool = False,
) -> bytes: ...


@overload
def render(
    what: Renderable,
    fmt: str = "table",
    lang: str = "id",
    *,
    case: Case | None = None,
    rules: RuleSet | None = None,
    trace: bool = False,
    width: int | None = None,
    ids: bool = False,
    color: bool = False,
) -> str: ...


def render(
    what: Renderable,
    fmt: str = "table",
    lang: str = "id",
    *,
    case: Case | None = None,
    rules: RuleSet | None = None,
    trace: bool = False,
    width: int | None = None,
    ids: bool = False,
    color: bool = False,
) -> str | bytes:
    """A report, or several, as text in ``fmt`` (one of :data:`FORMATS`), with labels and
    number notation in ``lang`` (``id`` or ``en``; in JSON only the messages and reasons
    follow it, with their catalogue ids beside them).

    ``table`` fits ``width`` columns (default 80): names wrap, columns least needed are
    left out when they do not fit; with the case (items from :func:`run` with ``keep``, or
    ``case``) targets and realisasi are shown too. ``ids`` adds each indicator's id,
    ``color`` ANSI bold headings (for a terminal only).

    ``markdown``, ``html`` and ``csv`` show the case's inputs beside the results: give
    items from :func:`run` (with ``keep``), or one report with its ``case`` and ``rules``.
    A report alone in ``markdown`` is its own tables only. A :func:`summary` or a
    :func:`compare` renders as ``table``, ``html``, ``json``, ``csv`` or ``xlsx``. Several reports make one
    document (JSON: an array). A :class:`RuleSet` renders (as a table) its formulas, bands
    and flags.
    ``trace`` shows each formula with its inputs, for a report evaluated with one.
    """
    if isinstance(what, Summary | Comparison):
        return render_review(what, fmt, lang)  # issue 17: the desk's pages
    if fmt not in FORMATS:
        raise unknown_format(fmt, FORMATS)
    if isinstance(what, RuleSet):
        from kinerja_engine.rendering.basic import describe_rules

        if fmt != "table":
            raise ValueError(text("error.api.rules-format", "en", fmt=fmt))

        return describe_rules(what, lang)
    if fmt == "xlsx":
        # Chapter III as a workbook: bytes, from the same items as ``csv``.
        return _render_workbook(what, lang, case=case, rules=rules)
    one = isinstance(what, Report | Judged)
    items: list[Report | Judged] = [what] if isinstance(what, Report | Judged) else list(what)
    if fmt == "table":
        from kinerja_engine.rendering.basic import render_table

        mine = case if one else None
        shown = [(i.report, i.case) if isinstance(i, Judged) else (i, mine) for i in items]
        return "\n".join(
            render_table(r, lang, case=c, trace=trace, width=width, ids=ids, color=color)
            for r, c in shown
        )
    if fmt in _CASE_FORMATS and (case is not None or any(isinstance(i, Judged) for i in items)):
        from kinerja_engine.rendering.reports import render_reports

        return render_reports([_shown(i, case, rules) for i in items], fmt, lang, trace=trace)
    if fmt in ("html", "csv"):
        raise ValueError(text("error.api.case-format", "en", fmt=fmt))
    from kinerja_engine.rendering import basic

    reports = [i.report if isinstance(i, Judged) else i for i in items]
    if one:
        return basic.render(reports[0], fmt, lang, trace=trace)
    return basic.render_many(reports, fmt, lang)


def _render_workbook(
    what: Report | Judged | Sequence[Report | Judged],
    lang: str = "id",
    *,
    case: Case | None = None,
    rules: RuleSet | None = None,
) -> bytes:
    """Chapter III as the bytes of an Excel workbook (``.xlsx``, the ``xlsx`` extra): the
    indicator, budget, efficiency and (after a check) findings tables as sheets, figures
    as number cells. Items as for :func:`render` in ``csv``: from :func:`run` (with
    ``keep``), or one report with its ``case`` and ``rules``."""
    from kinerja_engine.rendering.xlsx import render_xlsx

    items: list[Report | Judged] = [what] if isinstance(what, Report | Judged) else list(what)
    return render_xlsx([_shown(i, case, rules) for i in items], lang)


def _shown(
    item: Report | Judged, case: Case | None, rules: RuleSet | None
) -> tuple[Case, Report, RuleSet | None]:
    if isinstance(item, Judged):
        if item.case is None:
            raise ValueError(text("error.api.not-kept", "en"))
        return item.case, item.report, item.rules
    if case is None:
        raise ValueError(text("error.api.report-needs-case", "en"))
    return case, item, rules


def import_csv(
    source: str | Path | bytes | BinaryIO, name: str | None = None, **options: Any
) -> Imported:
    """A case made from a spreadsheet of indicators (CSV, or an Excel ``.xlsx`` with the
    ``xlsx`` extra): a file, its bytes named ``name``, or a binary stream. The result holds the case's TOML ``text``, the ``case`` loaded back from it,
    ``notes`` on what was assumed, and whether every direction was assumed.

    ``options`` are those of :func:`kinerja_engine.io.importing.import_csv`: ``agency``,
    ``year`` and ``rules`` when the file does not say them, ``notation`` of the cells
    (``id`` 1.234,5, the default, or ``en`` 1,234.5) and ``lang`` of the notes.
    """
    from kinerja_engine.io import importing

    if isinstance(source, bytes):
        return importing.import_csv(source, name or "<bytes>", **options)
    if not isinstance(source, str | Path):
        # A stream (standard input): read within the size limit in force.
        label = name or "<stdin>"
        raw = _read_stream(source, label, textfile.max_file_bytes())
        return importing.import_csv(raw, label, **options)
    return importing.import_csv_file(source, **options)


def schema(kind: str) -> str:
    """The JSON Schema of the ``case`` or ``rules`` format, or of the JSON output of a
    ``report`` (one or several), a ``summary`` or a ``compare``, as JSON text."""
    from kinerja_engine.io.schema import schema_text

    return schema_text(kind)


def checks() -> tuple[Check, ...]:
    """The audit's catalogue: each check's code, default severity, tolerance, description;
    the checks of one report, then those between an agency's consecutive reports."""
    return CATALOGUE + ACROSS


def rule_sets() -> list[str]:
    """The names of the shipped rule sets, for :func:`load_rules`."""
    return list(shipped_rules())


def limits(
    *, max_bytes: int | str | None = None, max_depth: int | str | None = None
) -> contextlib.AbstractContextManager[None]:
    """A block within which every file read (cases, rule sets and their bases, CSV, in
    worker processes too) is held to these limits; for None, ``KINERJA_MAX_FILE_BYTES`` or
    ``KINERJA_MAX_DEPTH`` holds, else the default. A size may be written as text
    (``"64M"``, ``"512k"``); a size or depth out of bounds (at most 1 TiB, 1 to 200
    levels) raises :class:`InputError` here, before the block."""
    size = textfile.parse_size(max_bytes, "") if isinstance(max_bytes, str) else max_bytes
    depth = textfile.parse_depth(max_depth, "") if isinstance(max_depth, str) else max_depth
    # A number is held to the same bounds as its text (-5 or 10**30 bytes, a depth of 0),
    # refused here rather than failing (or allocating) at the first read.
    return textfile.limits(max_bytes=size, depth=depth)


# ---------------------------------------------------------------- issue 17 (desk): the review across reports


def across(cases: Iterable[CaseSource], *, jobs: int = 1) -> Iterator[CrossFinding]:
    """Each agency's reports of consecutive years held against each other (cases, case
    files or folders; cases are matched by ``[report] agency`` and ``year``, in any order): the findings between
    them, each naming both reports and both places, as soon as both reports are in.
    Only a small digest of each report is kept, about one per agency."""
    with Spill() as waiting:
        pairing = Pairing(waiting)
        for _, found in _reviewed(cases, jobs=jobs, keep=KEEP):
            for earlier, later in pairing.add(found):
                yield from hold(earlier, later)[0]


def summary(
    cases: Iterable[CaseSource],
    rules: RulesArg = None,
    *,
    jobs: int = 1,
    keep: int = KEEP,
    years: bool = True,
) -> Summary:
    """One page for a folder: every case checked, added up per agency, the ``keep`` worst
    findings and reports ranked by what needs attention first; with ``years``, each
    agency's consecutive reports held against each other too (counted apart, under
    ``across``). Streams: memory holds the summary and about one digest per agency."""
    compiled = load_rules(rules) if isinstance(rules, str | Path) else rules
    with Spill() as waiting:
        pairing = Pairing(waiting)
        parts = _summaries(_reviewed(cases, compiled, jobs=jobs, keep=keep), pairing, years, keep)
        return fold(parts, keep=keep)


def _summaries(
    reviewed: Iterable[tuple[Summary, Digest]], pairing: Pairing, years: bool, keep: int
) -> Iterator[Summary]:
    for one, found in reviewed:
        yield one
        if years:
            for earlier, later in pairing.add(found):
                crossed = hold(earlier, later)[0]
                yield cross_summary(later.agency, crossed, keep=keep)


def compare(
    cases: Iterable[CaseSource], rules: Sequence[RuleSet | str | Path], *, jobs: int = 1
) -> Comparison:
    """The same cases evaluated under each of ``rules`` (two or more): the indicators
    whose category, verdict or efficiency differs, with each rule set's capaian, formula
    and band, and per agency how many outcomes depend on the method."""
    compiled = [r if isinstance(r, RuleSet) else load_rules(r) for r in rules]
    if len(compiled) < 2:
        raise ValueError(text("error.api.compare-two", "en"))
    sources = tuple((r.spec, r.version, r.origin) for r in compiled)
    work = functools.partial(_compare_one, sources=sources)
    diffs: list[MethodDiff] = []
    counts: dict[str, MethodCount] = {}
    steps = Steps(load=load_case, rules_for=rules_for, judge=_judge_checked)
    for found, count in batch.map_cases(_expanded(cases), steps, work, compiled[0], jobs=jobs):
        diffs += found
        mine = counts.get(count.agency)
        counts[count.agency] = count if mine is None else mine + count
    return Comparison(
        rules=tuple(r.name for r in compiled),
        diffs=tuple(diffs),
        agencies=tuple(counts[k] for k in sorted(counts)),
    )


def render_review(what: Summary | Comparison, fmt: str = "table", lang: str = "id") -> str | bytes:
    """A :func:`summary` or a :func:`compare` as text: ``table`` (for a terminal of 80
    columns), ``html`` (a page with charts; the ``report`` extra), ``json`` or ``csv``; or
    as the bytes of a workbook, ``xlsx`` (the ``xlsx`` extra)."""
    from kinerja_engine.rendering import summary as pages

    if fmt not in pages.FORMATS:
        raise unknown_format(fmt, pages.FORMATS)
    if isinstance(what, Summary):
        return pages.render_summary(what, fmt, lang)
    return pages.render_compare(what, fmt, lang)


def _expanded(cases: Iterable[CaseSource]) -> Iterator[CaseSource]:
    """Cases, case files and folders (every ``*.toml`` under one), lazily."""
    for item in cases:
        if isinstance(item, str | Path) and Path(item).is_dir():
            yield from case_paths([item])
        else:
            yield item


def _judge_checked(case: Case, rules: RuleSet) -> Report:
    return check(case, rules)


def _reviewed(
    cases: Iterable[CaseSource], rules: RuleSet | None = None, *, jobs: int, keep: int
) -> Iterator[tuple[Summary, Digest]]:
    steps = Steps(load=load_case, rules_for=rules_for, judge=_judge_checked)
    work = functools.partial(_review_one, keep=keep)
    yield from batch.map_cases(_expanded(cases), steps, work, rules, jobs=jobs)


def _review_one(case: Case, rules: RuleSet, *, keep: int) -> tuple[Summary, Digest]:
    # In a worker: only the report's summary and digest go back, never the report.
    report = check(case, rules)
    name = report_name(case)
    one = report_summary(report, name, not_achieved=rules.verdict_not_achieved, keep=keep)
    return one, digest(case, rules, report)


def _compare_one(
    case: Case, rules: RuleSet, *, sources: tuple[tuple[Any, str, str | None], ...]
) -> tuple[tuple[MethodDiff, ...], MethodCount]:
    del rules  # each of the compared rule sets, compiled once per process from its source
    compiled = [compiled_rules(spec, version=v, origin=o) for spec, v, o in sources]
    reports = [evaluate(case, r, trace=False) for r in compiled]
    return differences(case, report_name(case), reports, compiled)
