"""Rule sets: the shape of a rules file (``*Spec``) and its compiled form (:class:`RuleSet`).

A ``RuleSetSpec`` mirrors the TOML file key for key (cattrs structures it with unknown
keys forbidden). ``validate.compile_rules`` checks it and compiles it into a
:class:`RuleSet`, whose formulas are plain callables and whose bands are ready for
bisection, so evaluating a record never parses or interprets rule text.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

import attrs

from .formula import Formula

__all__ = [
    "Band",
    "BandSpec",
    "Bands",
    "FlagRule",
    "RuleSet",
    "RuleSetSpec",
]

RULES_FORMAT = "kinerja-rules/1"

Severity = Literal["error", "warning", "info"]
Rounding = Literal["half_up", "half_even", "down"]
Rollup = Literal["mean", "weighted_mean", "geometric_mean", "min"]

NEG_INF = Decimal("-Infinity")
POS_INF = Decimal("Infinity")


# ---------------------------------------------------------------- the file's shape


@attrs.frozen
class DisplaySpec:
    places: int = 2
    rounding: Rounding = "half_up"


@attrs.frozen
class RangeTargetSpec:
    higher_is_better: str | None = None
    lower_is_better: str | None = None


@attrs.frozen
class CapaianSpec:
    higher_is_better: str
    lower_is_better: str
    within_range: str
    lower_is_better_alternative: str | None = None
    range_target: RangeTargetSpec = RangeTargetSpec()
    cap: Decimal | None = None
    floor: Decimal | None = None


@attrs.frozen
class SerapanSpec:
    formula: str = "realisasi_anggaran / pagu * 100"


@attrs.frozen
class ProgressSpec:
    higher_is_better: str | None = None
    lower_is_better: str | None = None
    within_range: str | None = None


@attrs.frozen
class BandSpec:
    """One band; a missing bound is unbounded. Default ends: lower closed, upper open."""

    lower: Decimal | None = None
    upper: Decimal | None = None
    lower_inclusive: bool = True
    upper_inclusive: bool = False


@attrs.frozen
class CategoriesSpec:
    bands: dict[str, BandSpec]
    compare: Literal["rounded", "exact"] = "rounded"
    domain: tuple[Decimal, Decimal] | None = None


@attrs.frozen
class EfficiencySpec:
    formula: str
    bands: dict[str, BandSpec]
    score: str | None = None
    compare: Literal["rounded", "exact"] = "rounded"
    domain: tuple[Decimal, Decimal] | None = None


@attrs.frozen
class VerdictSpec:
    achieved_when: str = "capaian >= 100"
    achieved: str = "Tercapai"
    not_achieved: str = "Tidak Tercapai"


@attrs.frozen
class ObjectiveSpec:
    rollup: Rollup = "mean"
    # Weights per indicator id for weighted_mean; an indicator without one weighs its pagu.
    weights: dict[str, Decimal] = attrs.field(factory=dict)


@attrs.frozen
class FlagSpec:
    when: str
    message_id: str
    message_en: str
    severity: Severity = "warning"
    enabled: bool = True


@attrs.frozen
class AuditSpec:
    """Tolerances, bounds and severities of ``kinerja check``."""

    # None: a printed percentage agrees within half a unit of its last printed digit.
    percent_tolerance: Decimal | None = None
    amount_tolerance: Decimal = Decimal(0)
    capaian_min: Decimal = Decimal(0)
    capaian_max: Decimal = Decimal(500)
    # Severity per check code, overriding the catalogue's default.
    severity: dict[str, Severity] = attrs.field(factory=dict)


@attrs.frozen
class RuleSetSpec:
    format: str
    name: str
    capaian: CapaianSpec
    categories: CategoriesSpec
    efficiency: EfficiencySpec
    title: str = ""
    extends: str | None = None
    display: DisplaySpec = DisplaySpec()
    serapan: SerapanSpec = SerapanSpec()
    progress: ProgressSpec = ProgressSpec()
    verdict: VerdictSpec = VerdictSpec()
    objective: ObjectiveSpec = ObjectiveSpec()
    flags: dict[str, FlagSpec] = attrs.field(factory=dict)
    audit: AuditSpec = AuditSpec()


# ---------------------------------------------------------------- the compiled form


@attrs.frozen
class Band:
    label: str
    lower: Decimal  # NEG_INF when unbounded
    upper: Decimal  # POS_INF when unbounded
    lower_inclusive: bool
    upper_inclusive: bool

    def contains(self, value: Decimal) -> bool:
        if value < self.lower or (value == self.lower and not self.lower_inclusive):
            return False
        return not (value > self.upper or (value == self.upper and not self.upper_inclusive))

    def describe(self) -> str:
        left = "[" if self.lower_inclusive and self.lower != NEG_INF else "("
        right = "]" if self.upper_inclusive and self.upper != POS_INF else ")"
        low = "-inf" if self.lower == NEG_INF else format(self.lower, "f")
        high = "+inf" if self.upper == POS_INF else format(self.upper, "f")
        return f"{left}{low}, {high}{right}"


@attrs.frozen
class Bands:
    """Bands sorted from the lowest to the highest; a band's rank is its index.

    Validation guarantees no overlap, so a value's band is found by one bisection over
    the lower bounds and at most one step back (for a value on an open lower edge).
    """

    bands: tuple[Band, ...]
    quantum: Decimal | None  # values are compared at this precision (None: exact)
    _lowers: tuple[Decimal, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_lowers", tuple(b.lower for b in self.bands))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.label for b in self.bands)

    def rank(self, value: Decimal) -> int | None:
        """Index of the band holding ``value``; None where the declared domain has none."""
        i = bisect.bisect_right(self._lowers, value) - 1
        bands = self.bands
        if i >= 0 and bands[i].contains(value):
            return i
        if i >= 1 and bands[i - 1].contains(value):
            return i - 1
        return None


@attrs.frozen
class FlagRule:
    code: str
    when: Formula
    severity: Severity
    message_id: str
    message_en: str


@attrs.frozen
class RuleSet:
    """A compiled rule set: everything evaluation needs, computed once."""

    name: str
    title: str
    version: str  # short hash of the rule set's content, after ``extends`` is applied
    places: int
    rounding: str  # a decimal module rounding constant
    capaian: Mapping[str, Formula]  # by direction value
    capaian_range: Mapping[str, Formula]  # by direction value, for range targets
    capaian_alternative: Formula | None
    cap: Decimal | None
    floor: Decimal | None
    serapan: Formula
    progress: Mapping[str, Formula]
    categories: Bands
    categories_rounded: bool
    efficiency: Formula
    efficiency_score: Formula | None
    efficiency_bands: Bands
    efficiency_rounded: bool
    verdict_when: Formula
    verdict_achieved: str
    verdict_not_achieved: str
    rollup: str
    weights: Mapping[str, Decimal]
    flags: tuple[FlagRule, ...]
    audit: AuditSpec
    spec: RuleSetSpec = attrs.field(eq=False, repr=False)
    origin: str | None = attrs.field(default=None, eq=False)
