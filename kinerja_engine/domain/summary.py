"""The inspectorate's desk: values for the review across reports (issue 17).

* :class:`Summary` — one page for a folder of reports: per agency the indicators, the
  capaian categories, the verdicts and the findings by severity; the worst findings and
  the reports ranked by what needs attention first. Summaries are *mergeable*:
  :func:`combine` is associative and commutative with :data:`EMPTY` as identity, and the
  summary of a folder is the combination of its reports' summaries, so a corpus split
  over partitions (processes, Dask or Spark workers) folds to the single-machine answer.
* :class:`CrossFinding` — a disagreement between an agency's reports of consecutive
  years, naming both reports and the place in each.
* :class:`Comparison` — the same figures under several rule sets, only what changes.

Plain frozen values; the computing is in :mod:`kinerja_engine.audit.across` and
:mod:`kinerja_engine.audit.compare`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from decimal import Decimal

import attrs

from kinerja_engine.domain.results import Finding, Severity
from kinerja_engine.messages import text

__all__ = [
    "EMPTY",
    "AgencyTotals",
    "Comparison",
    "CrossFinding",
    "MethodCount",
    "MethodDiff",
    "Outcome",
    "Place",
    "RankedReport",
    "Summary",
    "Tally",
    "WorstFinding",
    "combine",
    "tally",
]

#: How many worst findings and ranked reports a summary keeps (the rest are counted).
KEEP = 20

#: A count per key (a category label, a verdict, a severity), sorted by key.
Tally = tuple[tuple[str, int], ...]


def tally(keys: Iterable[str | None]) -> Tally:
    """How many times each key occurs (None is not counted)."""
    counts: dict[str, int] = {}
    for key in keys:
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return tuple(sorted(counts.items()))


def _add(a: Tally, b: Tally) -> Tally:
    if not b:
        return a
    if not a:
        return b
    counts = dict(a)
    for key, n in b:
        counts[key] = counts.get(key, 0) + n
    return tuple(sorted(counts.items()))


def _count(t: Tally, key: str) -> int:
    return next((n for k, n in t if k == key), 0)


@attrs.frozen
class Place:
    """A place in one report: the report (its file, else agency and year), and where."""

    report: str
    year: int
    where: str
    value: str | None = None


@attrs.frozen
class CrossFinding:
    """A finding between two reports of one agency: ``finding`` is worded and located in
    the later report; ``earlier`` and ``later`` name both reports and both places."""

    agency: str
    finding: Finding
    earlier: Place
    later: Place


@attrs.frozen(order=True)
class WorstFinding:
    """A finding as the summary lists it, ordered worst first (its ``key``)."""

    key: tuple[int, Decimal, str, int, str]  # (-severity rank, -|difference|, agency, year, id)
    agency: str
    year: int
    report: str
    code: str
    severity: str
    subject: str  # the indicator or budget line
    where: str
    message_id: str  # the Indonesian text, as Finding.message_id
    message_en: str
    # The catalogue id of the finding's message (the JSON's message_id), when it has one.
    catalogue_id: str | None = None


@attrs.frozen(order=True)
class RankedReport:
    """A report's line in the ranking: most errors first, then warnings, then indicators
    not achieved, then the lowest categories."""

    key: tuple[int, int, int, int, str, int, str]
    agency: str
    year: int
    report: str
    indicators: int
    errors: int
    warnings: int
    not_achieved: int
    lowest: int  # indicators in the lowest category band


@attrs.frozen
class AgencyTotals:
    """One agency's reports, added up."""

    agency: str
    reports: int = 0
    years: tuple[int, ...] = ()
    indicators: int = 0
    statuses: Tally = ()
    categories: Tally = ()
    verdicts: Tally = ()
    efficiency: Tally = ()
    severities: Tally = ()  # findings of the reports themselves
    checks_passed: int = 0
    across: Tally = ()  # findings between consecutive years, by severity
    pairs: int = 0  # pairs of consecutive years held against each other

    @property
    def findings(self) -> int:
        return sum(n for _, n in self.severities)

    def severity(self, s: Severity | str) -> int:
        return _count(self.severities, str(s))

    def __add__(self, other: AgencyTotals) -> AgencyTotals:
        return AgencyTotals(
            agency=self.agency,
            reports=self.reports + other.reports,
            years=tuple(sorted({*self.years, *other.years})),
            indicators=self.indicators + other.indicators,
            statuses=_add(self.statuses, other.statuses),
            categories=_add(self.categories, other.categories),
            verdicts=_add(self.verdicts, other.verdicts),
            efficiency=_add(self.efficiency, other.efficiency),
            severities=_add(self.severities, other.severities),
            checks_passed=self.checks_passed + other.checks_passed,
            across=_add(self.across, other.across),
            pairs=self.pairs + other.pairs,
        )


@attrs.frozen
class Summary:
    """A folder's review on one page. ``agencies`` sorted by name; ``category_order``
    lists category labels from the highest band down, as the rule sets rank them."""

    agencies: tuple[AgencyTotals, ...] = ()
    worst: tuple[WorstFinding, ...] = ()
    ranked: tuple[RankedReport, ...] = ()
    category_order: tuple[tuple[str, int], ...] = ()  # (label, rank), highest rank first
    keep: int = KEEP

    @property
    def totals(self) -> AgencyTotals:
        """The region's (or the nation's) totals: every agency added up."""
        total = AgencyTotals(agency="")
        for a in self.agencies:
            total = total + attrs.evolve(a, agency="")
        return total

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.category_order)


EMPTY = Summary()


def combine(a: Summary, b: Summary) -> Summary:
    """The summary of the reports of ``a`` and of ``b`` together: associative and
    commutative, with :data:`EMPTY` as identity (the ranking keys are total orders)."""
    if a.keep != b.keep:
        raise ValueError(text("error.api.summary-keep", "en"))
    by_agency = {t.agency: t for t in a.agencies}
    for t in b.agencies:
        mine = by_agency.get(t.agency)
        by_agency[t.agency] = t if mine is None else mine + t
    order = dict(a.category_order)
    for label, rank in b.category_order:
        order[label] = max(rank, order.get(label, rank))
    return Summary(
        agencies=tuple(by_agency[k] for k in sorted(by_agency)),
        worst=tuple(heapq.nsmallest(a.keep, {*a.worst, *b.worst})),
        ranked=tuple(heapq.nsmallest(a.keep, {*a.ranked, *b.ranked})),
        category_order=tuple(sorted(order.items(), key=lambda kv: (-kv[1], kv[0]))),
        keep=a.keep,
    )


# ---------------------------------------------------------------- methods side by side


@attrs.frozen
class Outcome:
    """One indicator under one rule set, and why: the formula and the band used."""

    rules: str
    capaian: Decimal | None
    category: str | None
    verdict: str | None
    efficiency: str | None
    formula: str
    band: str | None
    efficiency_formula: str = ""


@attrs.frozen
class MethodDiff:
    """An indicator whose category, verdict or efficiency depends on the rule set."""

    agency: str
    year: int
    report: str
    indicator: str
    name: str
    changed: tuple[str, ...]  # of "category", "verdict", "efficiency"
    outcomes: tuple[Outcome, ...]
    why: tuple[str, ...] = ()  # what differs between the rule sets (audit.compare.WHY)

    @property
    def spread(self) -> Decimal | None:
        """By how much the capaian differs between the rule sets (highest - lowest)."""
        values = [o.capaian for o in self.outcomes if o.capaian is not None]
        return max(values) - min(values) if len(values) > 1 else None


@attrs.frozen
class MethodCount:
    """Per agency: indicators compared, and how many outcomes depend on the method."""

    agency: str
    indicators: int = 0
    verdicts: int = 0
    categories: int = 0
    efficiency: int = 0

    def __add__(self, other: MethodCount) -> MethodCount:
        return MethodCount(
            self.agency,
            self.indicators + other.indicators,
            self.verdicts + other.verdicts,
            self.categories + other.categories,
            self.efficiency + other.efficiency,
        )


@attrs.frozen
class Comparison:
    """The same cases under several rule sets: only the indicators whose outcome changes."""

    rules: tuple[str, ...]
    diffs: tuple[MethodDiff, ...] = ()
    agencies: tuple[MethodCount, ...] = ()
