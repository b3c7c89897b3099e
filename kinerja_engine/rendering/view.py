"""Chapter III of an LKjIP as display text: the tables a report writer knows, in rows.

The Markdown and HTML reports lay out the same content; this module decides what that
content is (which tables, which rows, the labels and every figure in the reader's
notation) so that the two formats cannot drift apart. It needs the case next to the
report: the IKU table shows the inputs (last year's realisasi, target, budget) beside
what was computed from them.

Numbers follow ``lang``: ``106,85 %`` and ``Rp 1.418.633.200,00`` in Indonesian,
``106.85%`` and ``Rp 1,418,633,200.00`` in English. Labels the rule set owns (categories,
efficiency levels, verdicts) are shown as the rule set writes them, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from kinerja_engine.domain.model import (
    BudgetLine,
    Case,
    Count,
    Direction,
    Indicator,
    Target,
    UnitKind,
    unit_kind,
)
from kinerja_engine.domain.results import Finding, IndicatorResult, Report, Severity, Status
from kinerja_engine.domain.wording import engine_number, where_label
from kinerja_engine.evaluation.indicator import quantize, serapan_of
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number
from kinerja_engine.rendering.findings import (
    SEVERITY_IDS,
    expected_text,
    field_text,
    legend,
    printed_text,
    sentence,
    severity_word,
    skipped_text,
    summarise,
    trace_text,
)
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = [
    "LANGS",
    "SEVERITY_IDS",
    "BudgetRow",
    "ComparisonRow",
    "Evidence",
    "FindingGroup",
    "FindingView",
    "IkuRow",
    "IndicatorSection",
    "Note",
    "ObjectiveRow",
    "ReportView",
    "budget_rows",
    "build_view",
    "percent_text",
    "remarks",
    "severity_counts",
]

LANGS = ("id", "en")

# A severity's and a direction's words in the report (ids spelled out, so each is found in
# the source; the template looks severities up by value).
_DIRECTION_IDS = {
    Direction.HIGHER_IS_BETTER: "chapter.direction.higher-is-better",
    Direction.LOWER_IS_BETTER: "chapter.direction.lower-is-better",
    Direction.WITHIN_RANGE: "chapter.direction.within-range",
}


# ---------------------------------------------------------------- numbers


def percent_text(value: Decimal | None, places: int, rounding: str, lang: str) -> str:
    """A computed percentage as displayed: rounded as the rule set says, in ``lang``."""
    if value is None:
        return "-"
    shown = quantize(value, places, rounding)
    text = format_number(shown, places, notation=lang, group=True)
    return f"{text} %" if lang == "id" else f"{text}%"


def plain_text(value: Decimal | None, places: int | None, lang: str) -> str:
    if value is None:
        return "-"
    return format_number(value, places, notation=lang, group=True)


def _exact_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _bare(value: Decimal, unit: str, lang: str) -> str:
    if unit_kind(unit) is UnitKind.MONEY:
        # Rupiah carry their sen: 1.418.633.200,00 as reports print them.
        return format_number(value, max(2, _exact_places(value)), notation=lang, group=True)
    return format_number(value, None, notation=lang, group=True)


def figure_text(value: Decimal | None, unit: str, lang: str) -> str:
    """An input figure in its indicator's unit: ``56 %``, ``Rp 51.000.000.000,00``, ``37 koperasi``."""
    if value is None:
        return "-"
    return _with_unit(_bare(value, unit, lang), unit, lang)


def counted_text(ind: Indicator | None, field: str, places: int, rounding: str, lang: str) -> str:
    """An indicator's target or realisasi as an input figure; one given by its counts
    (issue 16) is an exact quotient with thirty decimals, shown at the display precision
    with the counts behind it: ``98,41 % (62/63)``."""
    if ind is None:
        return "-"
    count: Count | None = getattr(ind, f"{field}_count")
    if count is None:
        if field == "target":
            return target_text(ind.target, ind.unit, lang)
        return figure_text(ind.realisasi, ind.unit, lang)
    shown = figure_text(quantize(count.percent, places, rounding), ind.unit, lang)
    n, d = (_bare(v, "", lang) for v in (count.numerator, count.denominator))
    return f"{shown} ({n}/{d})"


def target_text(target: Target | None, unit: str, lang: str) -> str:
    if target is None:
        return "-"
    if not target.is_range:
        return figure_text(target.low, unit, lang)
    span = f"{_bare(target.low, unit, lang)} – {_bare(target.high, unit, lang)}"
    return _with_unit(span, unit, lang)


def _with_unit(number: str, unit: str, lang: str) -> str:
    kind = unit_kind(unit)
    if kind is UnitKind.PERCENT:
        return f"{number} %" if lang == "id" else f"{number}%"
    if kind is UnitKind.MONEY and unit.strip().lower() in ("rp", "rp.", "rupiah"):
        return f"Rp {number}"
    if kind in (UnitKind.INDEX, UnitKind.DURATION) or not unit.strip():
        # An index reads as a bare number; a duration's figures are in the base unit the
        # parser converted them to (minutes or months), which the unit as printed may not be.
        return number
    return f"{number} {unit.strip()}"


# ---------------------------------------------------------------- the view


@attrs.frozen
class Note:
    text: str
    severity: Severity | None = None


@attrs.frozen
class IkuRow:
    no: int
    id: str
    name: str
    last_year: str
    target: str
    realisasi: str
    capaian: str
    category: str
    remarks: str
    status: Status
    category_rank: int | None


@attrs.frozen
class IndicatorSection:
    """The tables of one indicator: performance against budget, efficiency, progress."""

    no: int
    id: str
    name: str
    unit: str
    direction: str
    objective: str | None
    status: Status
    target: str
    realisasi: str
    capaian: str
    pagu: str
    realisasi_anggaran: str
    serapan: str
    efficiency_value: str
    efficiency_score: str | None
    efficiency: str
    renstra_target: str | None
    progress: str | None
    notes: tuple[Note, ...]
    trace: tuple[str, ...]
    budget_caption: str
    efficiency_caption: str
    progress_caption: str | None
    # ---- issue 15 (sheets): an indicator that cannot be computed is one line, its reason.
    unavailable: str | None = None


@attrs.frozen
class ObjectiveRow:
    id: str
    name: str
    indicators: str
    capaian: str
    category: str
    serapan: str
    efficiency: str


@attrs.frozen
class BudgetRow:
    """One ``[[budget]]`` line of the case in the budget-realisation table: its place in
    the program -> kegiatan -> sub kegiatan tree (``depth``), its amounts as figures (for
    a workbook) and as display text."""

    id: str
    name: str
    depth: int
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    pagu_text: str
    realisasi_text: str
    serapan_text: str

    @property
    def indent_name(self) -> str:
        # No-break spaces: a table cell keeps them where it drops plain ones.
        return "\u00a0" * (4 * self.depth) + self.name


@attrs.frozen
class ComparisonRow:
    """An indicator's realisasi this year beside last year's, and which way it moved."""

    no: int
    id: str
    name: str
    last_year: str
    this_year: str
    change: str
    trend: str


@attrs.frozen
class TreeRow:
    """A program, objective or goal of the performance tree (issue 16)."""

    level: str
    name: str
    parent: str
    capaian: str
    category: str
    method: str


@attrs.frozen
class Evidence:
    name: str
    value: str
    where: str


@attrs.frozen
class FindingView:
    no: int
    id: str
    severity: Severity
    severity_label: str
    code: str
    where: str
    field: str
    printed: str
    expected: str
    difference: str
    tolerance: str
    message: str
    evidence: tuple[Evidence, ...]
    related: tuple[int, ...]


@attrs.frozen
class FindingGroup:
    """The findings about one indicator, one budget line, or the case as a whole."""

    subject: str
    title: str
    findings: tuple[FindingView, ...]


@attrs.frozen
class ReportView:
    lang: str
    title: str
    agency: str
    year: int
    source: str | None
    rules: str
    rules_version: str
    rules_title: str
    efficiency_formula: str
    checked: bool
    iku_caption: str
    iku_head: tuple[str, ...]
    iku_rows: tuple[IkuRow, ...]
    objectives_caption: str | None
    objective_head: tuple[str, ...]
    objectives: tuple[ObjectiveRow, ...]
    sections: tuple[IndicatorSection, ...]
    finding_groups: tuple[FindingGroup, ...]
    counts: dict[str, int]
    summary: str
    skipped: tuple[tuple[str, str], ...]
    # ---- issue 15 (sheets): last year beside this year, and the budget per program.
    comparison_caption: str | None = None
    comparison_head: tuple[str, ...] = ()
    comparison: tuple[ComparisonRow, ...] = ()
    budget_lines_caption: str | None = None
    budget_lines_head: tuple[str, ...] = ()
    budget_lines: tuple[BudgetRow, ...] = ()
    # issue 15 (voice): infos alike said once, and what each code used means.
    finding_summaries: tuple[str, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()
    # ---- issue 16 (cascade): the report's period and the performance tree
    period: str | None = None
    tree_caption: str | None = None
    tree_head: tuple[str, ...] = ()
    tree_rows: tuple[TreeRow, ...] = ()


class _Numbering:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.n = 0

    def caption(self, title: str) -> str:
        self.n += 1
        return f"{text('chapter.table', self.lang)} {self.n}. {title}"


def build_view(case: Case, report: Report, rules: RuleSet | None, lang: str) -> ReportView:
    """The chapter III content of ``report`` (evaluated from ``case``) in ``lang``.

    ``rules`` is the rule set the report was computed under; it supplies the efficiency
    formula shown under the efficiency tables and may be ``None`` when not at hand.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGS}")
    year = report.info.year
    numbering = _Numbering(lang)
    inputs = {ind.id: ind for ind in case.indicators}
    for p in report.periods:  # a semester's or quarter's figures, as evaluated (issue 16)
        ind = inputs[p.indicator]
        target = ind.target if p.target is None else Target.point(p.target)
        inputs[p.indicator] = attrs.evolve(ind, target=target, realisasi=p.realisasi)
    results = report.indicators
    numbers = {r.id: n for n, r in enumerate(results, start=1)}

    iku_caption = numbering.caption(text("chapter.iku", lang))
    iku_head = (
        text("chapter.no", lang),
        text("chapter.indicator", lang),
        text("chapter.realisasi-year", lang, year=year - 1),
        text("chapter.target-year", lang, year=year),
        text("chapter.realisasi-year", lang, year=year),
        text("chapter.capaian", lang),
        text("chapter.category", lang),
        text("chapter.remarks", lang),
    )
    iku_rows = tuple(_iku_row(numbers[r.id], r, inputs.get(r.id), report, lang) for r in results)

    objectives_caption = None
    objective_rows: tuple[ObjectiveRow, ...] = ()
    if report.objectives:
        objectives_caption = numbering.caption(text("chapter.objectives", lang))
        names = {r.id: r.name for r in results}
        objective_rows = tuple(
            ObjectiveRow(
                id=o.id,
                name=o.name,
                indicators=", ".join(f"{numbers[i]}. {names[i]}" for i in o.indicators),
                capaian=percent_text(o.capaian, report.places, report.rounding, lang),
                category=o.category or "-",
                serapan=percent_text(o.serapan, report.places, report.rounding, lang),
                efficiency=o.efficiency or "-",
            )
            for o in report.objectives
        )
    objective_head = (
        text("chapter.objective", lang),
        text("chapter.indicators-of", lang),
        text("chapter.capaian-kinerja", lang),
        text("chapter.category", lang),
        text("chapter.serapan", lang),
        text("chapter.efficiency", lang),
    )

    comparison = _comparison(results, inputs, numbers, report, lang)
    comparison_caption = numbering.caption(text("chapter.comparison", lang)) if comparison else None
    comparison_head = (
        text("chapter.no", lang),
        text("chapter.indicator", lang),
        text("chapter.realisasi-year", lang, year=year - 1),
        text("chapter.realisasi-year", lang, year=year),
        text("chapter.change", lang),
        text("chapter.trend", lang),
    )
    lines = budget_rows(case, report, rules, lang)
    budget_lines_caption = numbering.caption(text("chapter.budget-lines", lang)) if lines else None
    budget_lines_head = (
        text("chapter.code", lang),
        text("chapter.program", lang),
        text("chapter.pagu", lang),
        text("chapter.realisasi-anggaran", lang),
        text("chapter.serapan", lang),
    )
    tree_caption, tree_head, tree_rows = _tree(report, lang, numbering)

    objective_names = {o.id: o.name for o in case.objectives}
    sections = tuple(
        _section(
            numbers[r.id], r, inputs.get(r.id), objective_names, report, rules, lang, numbering
        )
        for r in results
    )

    groups, by_id, summaries = _finding_groups(case, report, numbers, lang)
    counts = {s.value: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    summary = text(
        "chapter.summary",
        lang,
        total=len(report.findings),
        passed=report.checks_passed,
        skipped=len(report.checks_skipped),
        **counts,
    )
    skipped = tuple(
        (
            skipped_text(what, lang),
            text("chapter.blocked-by", lang, number=by_id.get(blocker, blocker)),
        )
        for what, blocker in report.checks_skipped
    )
    return ReportView(
        lang=lang,
        title=text("chapter.title", lang),
        agency=report.info.agency,
        year=year,
        source=report.info.source,
        rules=report.rules,
        rules_version=report.rules_version,
        rules_title=rules.title_in(lang) if rules is not None else "",
        efficiency_formula=rules.efficiency.source if rules is not None else "",
        checked=report.checked,
        iku_caption=iku_caption,
        iku_head=iku_head,
        iku_rows=iku_rows,
        objectives_caption=objectives_caption,
        objective_head=objective_head,
        objectives=objective_rows,
        sections=sections,
        finding_groups=groups,
        counts=counts,
        summary=summary,
        skipped=skipped,
        comparison_caption=comparison_caption,
        comparison_head=comparison_head,
        comparison=comparison,
        budget_lines_caption=budget_lines_caption,
        budget_lines_head=budget_lines_head,
        budget_lines=lines,
        finding_summaries=tuple(summaries),
        legend=tuple(legend(report.findings, lang)),
        period=(
            None if report.info.period == "annual" else text(_PERIODS[report.info.period], lang)
        ),
        tree_caption=tree_caption,
        tree_head=tree_head,
        tree_rows=tree_rows,
    )


_TREND_IDS = {1: "chapter.trend.better", -1: "chapter.trend.worse", 0: "chapter.trend.same"}


def _comparison(
    results: Iterable[IndicatorResult],
    inputs: dict[str, Indicator],
    numbers: dict[str, int],
    report: Report,
    lang: str,
) -> tuple[ComparisonRow, ...]:
    """The indicators with both last year's and this year's realisasi."""
    rows = []
    for r in results:
        ind = inputs.get(r.id)
        if ind is None or ind.realisasi is None:
            continue
        last = ind.history.get(report.info.year - 1)
        if last is None:
            continue
        # A realisasi given by its counts is an exact quotient: compared as displayed.
        now = ind.realisasi
        if ind.realisasi_count is not None:
            now = quantize(now, report.places, report.rounding)
        change = now - last
        sign = (change > 0) - (change < 0)
        if r.direction is Direction.LOWER_IS_BETTER:
            sign = -sign
        shown = figure_text(abs(change), r.unit, lang)
        trend = "-" if r.direction is Direction.WITHIN_RANGE and sign else ""
        rows.append(
            ComparisonRow(
                no=numbers[r.id],
                id=r.id,
                name=r.name,
                last_year=figure_text(last, r.unit, lang),
                this_year=counted_text(ind, "realisasi", report.places, report.rounding, lang),
                change=("+" if change > 0 else "−" if change < 0 else "") + shown,
                trend=trend or text(_TREND_IDS[sign], lang),
            )
        )
    return tuple(rows)


def budget_rows(
    case: Case, report: Report, rules: RuleSet | None, lang: str
) -> tuple[BudgetRow, ...]:
    """The case's ``[[budget]]`` lines in tree order (each parent before its children),
    with serapan computed by the rule set's formula when the rule set is at hand."""
    children: dict[str | None, list[BudgetLine]] = {}
    ids = {b.id for b in case.budget}
    for line in case.budget:
        parent = line.parent if line.parent in ids else None
        children.setdefault(parent, []).append(line)
    ordered: list[tuple[BudgetLine, int]] = []
    seen: set[str] = set()
    stack = [(line, 0) for line in reversed(children.get(None, []))]
    while stack:
        line, depth = stack.pop()
        if line.id in seen:
            continue
        seen.add(line.id)
        ordered.append((line, depth))
        stack += [(child, depth + 1) for child in reversed(children.get(line.id, []))]
    # A line in a parent cycle has no root to hang under: listed at the end, flat.
    ordered += [(line, 0) for line in case.budget if line.id not in seen]
    rows = []
    for line, depth in ordered:
        serapan = None
        if rules is not None and line.pagu and line.realisasi is not None:
            serapan = serapan_of(rules, line.pagu, line.realisasi)
        rows.append(
            BudgetRow(
                id=line.id,
                name=line.name,
                depth=depth,
                pagu=line.pagu,
                realisasi=line.realisasi,
                serapan=None
                if serapan is None
                else quantize(serapan, report.places, report.rounding),
                pagu_text=figure_text(line.pagu, "Rp", lang),
                realisasi_text=figure_text(line.realisasi, "Rp", lang),
                serapan_text=percent_text(serapan, report.places, report.rounding, lang),
            )
        )
    return tuple(rows)


def remarks(r: IndicatorResult, lang: str) -> str:
    """The remarks column: the verdict, or why the indicator has no capaian."""
    return _remarks(r, lang)


# ---- issue 16 (cascade)

_PERIODS = {
    "S1": "period.s1",
    "S2": "period.s2",
    "TW1": "period.tw1",
    "TW2": "period.tw2",
    "TW3": "period.tw3",
    "TW4": "period.tw4",
}
_LEVELS = {"program": "level.program", "objective": "level.objective", "goal": "level.goal"}
_METHODS = {
    "mean": "method.mean",
    "weighted_mean": "method.weighted-mean",
    "geometric_mean": "method.geometric-mean",
    "weighted_geometric_mean": "method.weighted-geometric-mean",
    "min": "method.min",
}


_INTERVAL = re.compile(r"[\[(][^\[\]()]*[\])]$")


def interval_text(said: str, lang: str) -> str:
    """A band's interval at the end of ``said`` (``[91, +inf)``) in the reader's notation:
    where "," is the decimal mark, ";" separates the bounds, as the trace writes them."""
    found = None if lang == "en" else _INTERVAL.search(said)
    if found is None:
        return said
    interval = re.sub(r"(\d)\.(\d)", r"\1,\2", found.group().replace(", ", "; "))
    return said[: found.start()] + interval


def method_text(name: str, lang: str) -> str:
    """A roll-up method in words (a name the catalogue has no words for, as it is)."""
    return text(_METHODS[name], lang) if name in _METHODS else name


def _tree(
    report: Report, lang: str, numbering: _Numbering
) -> tuple[str | None, tuple[str, ...], tuple[TreeRow, ...]]:
    """The performance tree's table: every program, objective and goal, when the case
    has programs or goals (an objective alone is the objectives' table)."""
    if not (report.programs or report.goals):
        return None, (), ()
    nodes = (*report.programs, *report.objectives, *report.goals)
    names = {n.id: n.name for n in nodes}
    rows = tuple(
        TreeRow(
            level=text(_LEVELS[n.level], lang),
            name=n.name,
            parent="-" if n.parent is None else names.get(n.parent, n.parent),
            capaian=percent_text(n.capaian, report.places, report.rounding, lang),
            category=n.category or "-",
            method=text(_METHODS[n.method], lang) if n.method in _METHODS else "-",
        )
        for n in nodes
    )
    head = tuple(
        text(k, lang)
        for k in (
            "chapter.level",
            "chapter.node",
            "chapter.parent",
            "chapter.capaian-kinerja",
            "chapter.category",
            "chapter.method",
        )
    )
    return numbering.caption(text("chapter.tree", lang)), head, rows


def _remarks(r: IndicatorResult, lang: str) -> str:
    if r.status is Status.COMPUTED:
        return r.verdict or "-"
    if r.status is Status.MISSING:
        return text("chapter.missing", lang)
    return (r.reason_id if lang == "id" and r.reason_id else r.reason) or "-"


def _iku_row(
    no: int, r: IndicatorResult, ind: Indicator | None, report: Report, lang: str
) -> IkuRow:
    unit = r.unit
    last = ind.history.get(report.info.year - 1) if ind is not None else None
    return IkuRow(
        no=no,
        id=r.id,
        name=r.name,
        last_year=figure_text(last, unit, lang),
        target=counted_text(ind, "target", report.places, report.rounding, lang),
        realisasi=counted_text(ind, "realisasi", report.places, report.rounding, lang),
        capaian=percent_text(r.capaian, report.places, report.rounding, lang),
        category=r.category or "-",
        remarks=_remarks(r, lang),
        status=r.status,
        category_rank=r.category_rank,
    )


def _section(
    no: int,
    r: IndicatorResult,
    ind: Indicator | None,
    objective_names: dict[str, str],
    report: Report,
    rules: RuleSet | None,
    lang: str,
    numbering: _Numbering,
) -> IndicatorSection:
    unit = r.unit
    budget = ind.budget if ind is not None else None
    places, rounding = report.places, report.rounding
    notes: list[Note] = []
    if r.status is not Status.COMPUTED:
        notes.append(Note(_remarks(r, lang)))
    notes += [Note(f.message_id if lang == "id" else f.message_en, f.severity) for f in r.flags]
    renstra = ind.renstra_target if ind is not None else None
    has_progress = renstra is not None or r.progress is not None
    computed = r.status is Status.COMPUTED
    if not computed:
        # One line with the reason (not tables of "-"), which takes no table number.
        notes, has_progress = notes[1:], False
    budget_caption = (
        numbering.caption(f"{text('chapter.budget-table', lang)}: {r.name}") if computed else ""
    )
    efficiency_caption = (
        numbering.caption(f"{text('chapter.efficiency-table', lang)}: {r.name}") if computed else ""
    )
    progress_caption = (
        numbering.caption(f"{text('chapter.progress-table', lang)}: {r.name}")
        if has_progress
        else None
    )
    score = None
    if rules is not None and rules.efficiency_score is not None:
        score = plain_text(
            None if r.efficiency_score is None else quantize(r.efficiency_score, places, rounding),
            places,
            lang,
        )
    return IndicatorSection(
        no=no,
        id=r.id,
        name=r.name,
        unit=unit,
        direction=text(_DIRECTION_IDS[r.direction], lang),
        objective=objective_names.get(r.objective) if r.objective else None,
        status=r.status,
        target=counted_text(ind, "target", report.places, report.rounding, lang),
        realisasi=counted_text(ind, "realisasi", report.places, report.rounding, lang),
        capaian=percent_text(r.capaian, places, rounding, lang),
        pagu=figure_text(budget.pagu if budget else None, "Rp", lang),
        realisasi_anggaran=figure_text(budget.realisasi if budget else None, "Rp", lang),
        serapan=percent_text(r.serapan, places, rounding, lang),
        efficiency_value=plain_text(
            None if r.efficiency_value is None else quantize(r.efficiency_value, places, rounding),
            places,
            lang,
        ),
        efficiency_score=score,
        efficiency=r.efficiency or "-",
        renstra_target=figure_text(renstra, unit, lang) if has_progress else None,
        progress=percent_text(r.progress, places, rounding, lang) if has_progress else None,
        notes=tuple(notes),
        trace=tuple(trace_text(step, lang) for step in r.trace),
        budget_caption=budget_caption,
        efficiency_caption=efficiency_caption,
        progress_caption=progress_caption,
        unavailable=None
        if computed
        else text("chapter.not-computed", lang, reason=_remarks(r, lang)),
    )


def _finding_groups(
    case: Case, report: Report, numbers: dict[str, int], lang: str
) -> tuple[tuple[FindingGroup, ...], dict[str, int], list[str]]:
    """Findings grouped by what they are about, in the case's order, most severe first.

    Findings are numbered once through the whole report so that related findings and
    skipped checks can point at them.
    """
    names = {r.id: r.name for r in report.indicators}
    lines: dict[str, BudgetLine] = {b.id: b for b in case.budget}
    order = [*names, *lines, ""]
    position = {subject: n for n, subject in enumerate(order)}

    def subject(f: Finding) -> str:
        return f.indicator or f.budget or ""

    ranked = sorted(
        report.findings,
        key=lambda f: (position.get(subject(f), len(order)), -f.severity.rank),
    )

    def name_of(f: Finding) -> str:
        line = lines.get(f.budget or "")
        return names.get(f.indicator or "") or (line.name if line else subject(f))

    ranked, summaries = summarise(ranked, lang, name_of)
    by_id = {f.id: n for n, f in enumerate(ranked, start=1) if f.id}
    # One pass, in order of first appearance: a national case has tens of thousands.
    grouped: dict[str, list[tuple[int, Finding]]] = {}
    for n, f in enumerate(ranked, start=1):
        grouped.setdefault(subject(f), []).append((n, f))
    groups: list[FindingGroup] = []
    for key, items in grouped.items():
        groups.append(
            FindingGroup(
                subject=key,
                title=_subject_title(key, items[0][1], names, lines, numbers, lang),
                findings=tuple(_finding_view(n, f, by_id, lines, lang) for n, f in items),
            )
        )
    return tuple(groups), by_id, summaries


def _subject_title(
    key: str,
    finding: Finding,
    names: dict[str, str],
    lines: dict[str, BudgetLine],
    numbers: dict[str, int],
    lang: str,
) -> str:
    if finding.indicator and key in names:
        return f"{numbers[key]}. {names[key]}"
    if finding.budget:
        line = lines.get(key)
        name = line.name if line is not None else key
        return f"{text('chapter.budget-line', lang)}: {name}"
    return key or text("chapter.general", lang)


def _finding_view(
    no: int, f: Finding, by_id: dict[str, int], lines: dict[str, BudgetLine], lang: str
) -> FindingView:
    # The evidence once: a recomputation's inputs and a tie-out's places are in its
    # sentence; a footing's lines (by name) are listed under it.
    evidence: tuple[Evidence, ...] = ()
    if f.code == "budget-footing":
        evidence = tuple(
            Evidence(lines[n].name if n in lines else n, engine_number(v, lang), w)
            for n, v, w in f.inputs
        )
    return FindingView(
        no=no,
        id=f.id,
        severity=f.severity,
        severity_label=severity_word(f.severity, lang),
        code=f.code,
        where=where_label(f.where or "-", lang),
        field=field_text(f.field, lang),
        printed=printed_text(f, lang),
        expected=expected_text(f.expected, lang, f.field),
        difference=plain_text(f.difference, None, lang),
        tolerance=plain_text(f.tolerance, None, lang),
        message=sentence(f, lang),
        evidence=evidence,
        related=tuple(by_id[r] for r in f.related if r in by_id),
    )


def severity_counts(reports: Iterable[Report]) -> dict[str, int]:
    """Findings by severity across ``reports`` (for run summaries)."""
    counts = {s.value: 0 for s in Severity}
    for report in reports:
        for f in report.findings:
            counts[f.severity.value] += 1
    return counts
