"""Rule sets: the shape of a rules file (``*Spec``) and its compiled form (:class:`RuleSet`).

A ``RuleSetSpec`` mirrors the TOML file key for key (cattrs structures it with unknown
keys forbidden). ``compile.compile_rules`` checks it and compiles it into a
:class:`RuleSet`, whose formulas are parsed and type-checked trees (:class:`Formula`)
and whose bands are ready for bisection, so evaluating a record never parses rule text.
"""

from __future__ import annotations

import bisect
import decimal
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Context, Decimal
from typing import Any, Literal

import attrs

from kinerja_engine.rulesets.formula import Formula

__all__ = [
    "Band",
    "BandSpec",
    "Bands",
    "FlagRule",
    "Labels",
    "LabelsSpec",
    "RuleSet",
    "RuleSetSpec",
    "normal_label",
    "plain_label",
]

RULES_FORMAT = "kinerja-rules/1"

Severity = Literal["error", "warning", "info"]
Rounding = Literal["half_up", "half_even", "down"]
Rollup = Literal["mean", "weighted_mean", "geometric_mean", "min", "weighted_geometric_mean"]

NEG_INF = Decimal("-Infinity")
#: ``{name}`` in a flag's message: the figure to show there.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
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
class PeriodsSpec:
    """How a semester or quarterly report is measured (issue 16)."""

    # A cumulative indicator with no target for the period is held against the year's
    # target pro rata (S1: half, TW3: three quarters) when true, else against the year's.
    pro_rata: bool = False


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


# ---- issue 19 (evidence)
@attrs.frozen
class LabelsSpec:
    """How printed labels are read: other spellings (a report's own scale) of each
    category, verdict and efficiency label, and the words a verdict written as a
    sentence turns on ("belum mencapai target")."""

    category: dict[str, str] = attrs.field(factory=dict)
    verdict: dict[str, str] = attrs.field(factory=dict)
    efficiency: dict[str, str] = attrs.field(factory=dict)
    achieved_words: tuple[str, ...] = ()
    negation_words: tuple[str, ...] = ()


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
    labels: LabelsSpec = LabelsSpec()
    # issue 15 (voice): the title in each language (empty: ``title``).
    title_id: str = ""
    title_en: str = ""
    # ---- issue 16 (cascade): the roll-up of the other levels of the performance tree
    # (indicators into a program, objectives into a goal) and the periods
    program: ObjectiveSpec = ObjectiveSpec()
    goal: ObjectiveSpec = ObjectiveSpec()
    periods: PeriodsSpec = PeriodsSpec()


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

    Every bound (lower and upper, infinities included) cuts the number line into edges
    and the open stretches between them, and within a stretch the band cannot change.
    So the band of every edge and every stretch is worked out once, here, and a value's
    band is one bisection over the edges and one comparison: no band is asked whether it
    contains the value, whatever the bands' open and closed ends.
    """

    bands: tuple[Band, ...]
    quantum: Decimal | None  # values are compared at this precision (None: exact)
    _edges: tuple[Decimal, ...] = attrs.field(init=False, eq=False, repr=False)
    # _on_edge[i]: the band of _edges[i]; _between[i]: of the values just below _edges[i]
    # (_between[-1]: above the last edge).
    _on_edge: tuple[int | None, ...] = attrs.field(init=False, eq=False, repr=False)
    _between: tuple[int | None, ...] = attrs.field(init=False, eq=False, repr=False)
    _labels: tuple[str | None, ...] = attrs.field(init=False, eq=False, repr=False)
    _probe: _Probe | None = attrs.field(init=False, eq=False, repr=False)
    _keyed_ranks: tuple[int | None, ...] = attrs.field(init=False, eq=False, repr=False)
    _keyed_labels: tuple[str | None, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        edges = sorted({b.lower for b in self.bands} | {b.upper for b in self.bands})
        inside = [_inside(lo, hi) for lo, hi in zip([None, *edges], [*edges, None], strict=True)]
        setattr_ = object.__setattr__
        setattr_(self, "_edges", tuple(edges))
        setattr_(self, "_on_edge", tuple(self._scan(e) for e in edges))
        setattr_(self, "_between", tuple(None if v is None else self._scan(v) for v in inside))
        setattr_(self, "_labels", (*(b.label for b in self.bands), None))
        # For loops over many finite values (what formulas give): where every finite
        # edge belongs to the stretch above it (bands closed below, the usual), one
        # bisect_right settles a value's band; where every one belongs to the stretch
        # below, one bisect_left; otherwise both, whose sum is 2i between edges i-1 and
        # i and 2i+1 on edge i.
        on_edge, between = self._on_edge, self._between
        finite = [i for i, e in enumerate(edges) if e.is_finite()]
        probe: _Probe | None = None
        if all(on_edge[i] == between[i + 1] for i in finite):
            probe, keyed = bisect.bisect_right, between
        elif all(on_edge[i] == between[i] for i in finite):
            probe, keyed = bisect.bisect_left, between
        else:
            keyed = tuple(x for pair in zip(between, (*on_edge, None), strict=True) for x in pair)
        setattr_(self, "_probe", probe)
        setattr_(self, "_keyed_ranks", keyed)
        setattr_(self, "_keyed_labels", tuple(self._labels[-1 if r is None else r] for r in keyed))

    def _scan(self, value: Decimal) -> int | None:
        """The band holding ``value``, asked band by band (lowest first): used to build."""
        return next((i for i, b in enumerate(self.bands) if b.contains(value)), None)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.label for b in self.bands)

    def rank(self, value: Decimal) -> int | None:
        """Index of the band holding ``value``; None where the declared domain has none."""
        edges = self._edges
        i = bisect.bisect_left(edges, value)
        if i < len(edges) and edges[i] == value:
            return self._on_edge[i]
        return self._between[i]

    def label(self, value: Decimal) -> str | None:
        """The label of the band holding ``value``; None where no band holds it."""
        edges = self._edges
        i = bisect.bisect_left(edges, value)
        rank = self._on_edge[i] if i < len(edges) and edges[i] == value else self._between[i]
        return self._labels[-1 if rank is None else rank]

    def bisection(self) -> tuple[_Probe, tuple[Decimal, ...], tuple[str | None, ...]]:
        """``(probe, edges, labels)`` such that ``labels[probe(edges, v)]`` is
        ``label(v)`` for every finite ``v``: for loops that label many values inline."""
        return self._probe or _both_sides, self._edges, self._keyed_labels

    def rounded_bisection(
        self, quantum: Decimal
    ) -> tuple[tuple[Decimal, ...], tuple[str | None, ...]] | None:
        """``(bounds, labels)`` such that ``labels[bisect_right(bounds, v)]`` is
        ``label(v.quantize(quantum, ROUND_HALF_UP))`` for every finite ``v >= 0``: the
        band of the displayed value, found without rounding. None where a finite edge is
        not a multiple of ``quantum``.

        Why it holds: with ``h = quantum / 2``, a value ``v >= 0`` rounded half-up to an
        edge ``e`` (a multiple of the quantum) is below ``e`` when ``v < e - h``, is ``e``
        when ``e - h <= v < e + h``, and is above it from ``e + h`` on. So counting the
        bounds ``e - h`` and ``e + h`` at or below ``v`` counts, edge by edge, what
        bisecting the rounded value on both sides counts (:func:`_both_sides`)."""
        half = quantum / 2
        bounds: list[Decimal] = []
        with decimal.localcontext(decimal.Context(prec=120)):
            for edge in self._edges:
                if edge.is_finite() and edge % quantum != 0:
                    return None
                bounds += [edge - half, edge + half]
        keyed = tuple(
            x for pair in zip(self._between, (*self._on_edge, None), strict=True) for x in pair
        )
        return tuple(bounds), tuple(self._labels[-1 if r is None else r] for r in keyed)

    def ranking(
        self,
    ) -> tuple[_Probe, tuple[Decimal, ...], tuple[int | None, ...], tuple[str | None, ...]]:
        """:meth:`bisection` with the ranks as well: ``ranks[probe(edges, v)]`` is
        ``rank(v)`` and ``labels[probe(edges, v)]`` is ``label(v)``."""
        return self._probe or _both_sides, self._edges, self._keyed_ranks, self._keyed_labels


_Probe = Callable[[Sequence[Decimal], Decimal], int]


@attrs.frozen
class Labels:
    """A rule set's reading of printed labels: per field (``category``, ``verdict``,
    ``efficiency``), each accepted spelling, normalised (:func:`normal_label`), to the
    label it means; and the words of a verdict written as a sentence."""

    spellings: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    achieved_words: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()


# A parenthesised abbreviation after a label ("Sangat Tinggi (ST)") and end punctuation.
_ABBREVIATION = re.compile(r"\s*\([^()]*\)\s*$")


def plain_label(label: str) -> str:
    """A label in lower case with single spaces: how it is looked up first, so that two
    labels that differ only in a parenthesis ("Baik (A)", "Baik (B)") stay apart."""
    return " ".join(label.lower().split())


def normal_label(label: str) -> str:
    """A label as it is compared: lower case, single spaces, no parenthesised
    abbreviation after it, no end punctuation ("Sangat  tinggi (ST)." is "sangat tinggi")."""
    text = _ABBREVIATION.sub("", label).strip().rstrip(".;:!").strip()
    return " ".join(text.lower().split())


def _both_sides(edges: Sequence[Decimal], value: Decimal) -> int:
    """2i between edges i-1 and i, 2i+1 on edge i."""
    return bisect.bisect_left(edges, value) + bisect.bisect_right(edges, value)


def _inside(low: Decimal | None, high: Decimal | None) -> Decimal | None:
    """A value strictly between two neighbouring edges (None: no edge on that side);
    None when nothing lies between them (below -inf, above +inf)."""
    if low is None:
        return None if high is None or high == NEG_INF else high - 1
    if high is None:
        return None if low == POS_INF else low + 1
    if low == NEG_INF:
        return Decimal(0) if high == POS_INF else high - 1
    if high == POS_INF:
        return low + 1
    # The exact midpoint: a context holding every digit from the highest of the two down
    # to the lowest (+1 for the carry, +1 for the halving) never rounds it.
    lowest = min(int(low.as_tuple().exponent), int(high.as_tuple().exponent))
    ctx = Context(prec=max(low.adjusted(), high.adjusted()) - lowest + 3)
    return ctx.divide(ctx.add(low, high), Decimal(2))


@attrs.frozen
class FlagRule:
    code: str
    when: Formula
    severity: Severity
    message_id: str
    message_en: str
    # The messages split once into literal text and figure names, alternately
    # ("Capaian {capaian} %" -> "Capaian ", "capaian", " %"), so filling one is a join.
    parts_id: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    parts_en: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    #: The figures the messages name, each once, and the messages as ``str.format``
    #: templates over them, by position: filling one is a format call.
    names: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    template_id: str = attrs.field(init=False, eq=False, repr=False)
    template_en: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        parts_id = tuple(PLACEHOLDER.split(self.message_id))
        parts_en = tuple(PLACEHOLDER.split(self.message_en))
        names = tuple(dict.fromkeys((*parts_en[1::2], *parts_id[1::2])))
        setattr_ = object.__setattr__
        setattr_(self, "parts_id", parts_id)
        setattr_(self, "parts_en", parts_en)
        setattr_(self, "names", names)
        setattr_(self, "template_id", _template(parts_id, names))
        setattr_(self, "template_en", _template(parts_en, names))


def _template(parts: tuple[str, ...], names: tuple[str, ...]) -> str:
    """A message's parts (text and figure names, alternately) as a str.format template
    over the figures ``names`` lists."""
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"{{{names.index(part)}}}")
        else:
            out.append(part.replace("{", "{{").replace("}", "}}"))
    return "".join(out)


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
    #: Every file the rule set was read from: ``origin``, then each base it extends.
    files: tuple[str, ...] = attrs.field(default=(), eq=False)
    # The title in Indonesian and in English, when the rules file gives them.
    title_id: str = attrs.field(default="", eq=False)
    title_en: str = attrs.field(default="", eq=False)
    # Derived once here rather than per figure: the display quantum (0.01 for two places).
    quantum: Decimal = attrs.field(init=False, eq=False, repr=False)
    # ---- issue 19 (evidence): printed labels as the rules read them, compiled once.
    labels: Labels = attrs.field(factory=Labels)
    #: The compiled backend's functions (kinerja_engine.evaluation.compiled), built on first
    #: use: a rule set that only ever meets single records never pays for them.
    compiled: dict[str, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)
    # ---- issue 16 (cascade): each level's roll-up, (method, weights by id), by level
    # ("program", "objective", "goal"); and whether a period's target is pro rata.
    rollups: Mapping[str, tuple[str, Mapping[str, Decimal]]] = attrs.field(factory=dict)
    pro_rata: bool = False

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "quantum", Decimal(1).scaleb(-self.places))

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` when the rules file gives one, else ``title``."""
        return (self.title_id if lang == "id" else self.title_en) or self.title
