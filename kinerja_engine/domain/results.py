"""What evaluation and the audit produce: per-indicator results, findings, the report."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from kinerja_engine.domain.model import Direction, ReportInfo
from kinerja_engine.messages import Message

__all__ = [
    "Finding",
    "FlagHit",
    "IndicatorResult",
    "ObjectiveResult",
    "PastResult",
    "PeriodComparison",
    "PeriodResult",
    "Report",
    "Severity",
    "Status",
]


class Status(enum.StrEnum):
    COMPUTED = "computed"
    MISSING = "missing"  # no realisasi reported
    NOT_COMPUTABLE = "not_computable"  # no usable target, or the formula has no value


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


# No __weakref__ slot on the two values a national run makes by the hundred thousand:
# without it, the batch paths can fill one as a plain object and give it its class once
# (evaluation_kernel.py), where a frozen class would otherwise take a wrapped call per
# field. Nothing in the engine holds a weak reference to a result.
@attrs.frozen(weakref_slot=False)
class FlagHit:
    """A narrative flag raised for an indicator, its message in Indonesian and English."""

    code: str
    severity: Severity
    message_id: str
    message_en: str


@attrs.frozen(weakref_slot=False)
class PastResult:
    """An earlier year of an indicator (its ``history_target`` and ``history``), evaluated
    under the same rule set as the report's year."""

    year: int
    status: Status
    capaian: Decimal | None = None
    category: str | None = None
    verdict: str | None = None
    reason: str | None = None
    reason_id: str | None = None


@attrs.frozen(weakref_slot=False)
class IndicatorResult:
    """One indicator evaluated under a rule set.

    Figures are exact; rounding is for display. A result that is not ``computed`` has
    ``None`` for what could not be computed and says why in ``reason``.
    """

    id: str
    name: str
    unit: str
    direction: Direction
    status: Status
    objective: str | None = None
    reason: str | None = None
    reason_id: str | None = None
    capaian: Decimal | None = None
    capaian_alternative: Decimal | None = None
    category: str | None = None
    category_rank: int | None = None
    serapan: Decimal | None = None
    progress: Decimal | None = None
    efficiency_value: Decimal | None = None
    efficiency_score: Decimal | None = None
    efficiency: str | None = None
    verdict: str | None = None
    flags: tuple[FlagHit, ...] = ()
    trace: tuple[str, ...] = ()
    # ---- issue 16 (model): earlier years with a target, oldest first
    past: tuple[PastResult, ...] = ()


@attrs.frozen
class ObjectiveResult:
    """An objective (sasaran) rolled up from its computed indicators."""

    id: str
    name: str
    indicators: tuple[str, ...]
    capaian: Decimal | None = None
    category: str | None = None
    serapan: Decimal | None = None
    efficiency_value: Decimal | None = None
    efficiency_score: Decimal | None = None
    efficiency: str | None = None
    reason: str | None = None
    reason_id: str | None = None
    # ---- issue 16 (cascade): any level of the performance tree ("program", "objective",
    # "goal"), the node it rolls up into, the nodes (or indicators) rolled up into it and
    # the method, as the rule set names it.
    level: str = "objective"
    parent: str | None = None
    children: tuple[str, ...] = ()
    method: str | None = None


@attrs.frozen
class PeriodResult:
    """An indicator's figures for the report's period, made from its period figures.

    ``realisasi`` is the figure to the period's end (s.d. the period) that the indicator's
    kind makes of ``figures``; ``target`` the target it is held against and
    ``target_basis`` where that came from: ``"period"`` (the report's target for the
    period), ``"pro_rata"`` (the year's, pro rata) or ``"annual"``.
    """

    indicator: str
    period: str
    kind: str | None
    figures: tuple[tuple[str, Decimal], ...]
    realisasi: Decimal | None
    target: Decimal | None
    target_basis: str


@attrs.frozen
class PeriodComparison:
    """One indicator's figure to a period's end as two reports of one agency and year
    give it: a semester (or quarterly) report (``part``) and a later or annual one
    (``whole``, made of its period figures, or its realisasi at the year's end)."""

    indicator: str
    period: str
    part: Decimal | None
    whole: Decimal | None

    @property
    def agree(self) -> bool:
        return self.part is not None and self.part == self.whole


@attrs.frozen
class Finding:
    """A printed figure or label that does not hold, with the evidence to show it."""

    code: str
    severity: Severity
    message_en: str
    message_id: str
    indicator: str | None = None
    budget: str | None = None
    where: str | None = None
    field: str | None = None
    printed: str | None = None
    expected: str | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    inputs: tuple[tuple[str, str, str], ...] = ()  # (name, value, where it was printed)
    related: tuple[str, ...] = ()  # ids of findings with the same root cause
    id: str = ""
    # The catalogue's message id and fields that ``message_en`` and ``message_id`` render;
    # None for a finding made without one. Not compared: the texts are.
    message: Message | None = attrs.field(default=None, eq=False)
    # ---- issue 16 (cascade): the program, objective or goal a finding is about
    node: str | None = None


@attrs.frozen
class Report:
    """An evaluated (and, after ``check``, audited) case under one rule set."""

    info: ReportInfo
    rules: str
    rules_version: str
    places: int
    rounding: str
    indicators: tuple[IndicatorResult, ...]
    objectives: tuple[ObjectiveResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    checks_passed: int = 0
    checks_skipped: tuple[tuple[str, str], ...] = ()  # (what, the finding id that blocked it)
    checked: bool = False
    # ---- issue 16 (cascade): the other levels of the performance tree, and the
    # indicators' figures for the report's period
    programs: tuple[ObjectiveResult, ...] = ()
    goals: tuple[ObjectiveResult, ...] = ()
    periods: tuple[PeriodResult, ...] = ()
