"""The domain: indicators, their figures, objectives, budget lines and a whole case.

Plain frozen values. Nothing here knows of TOML, rule sets or output formats; every
figure is an exact :class:`~decimal.Decimal`, and an absent figure is ``None`` (never 0).
"""

from __future__ import annotations

import decimal
import enum
from decimal import Decimal

import attrs

__all__ = [
    "Bounds",
    "Budget",
    "BudgetLine",
    "Case",
    "Count",
    "Direction",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "Objective",
    "Period",
    "PrintedEntry",
    "PrintedValue",
    "Program",
    "ReportInfo",
    "Target",
    "UnitKind",
    "unit_kind",
    "with_counts",
]

CASE_FORMAT = "kinerja-case/1"
DEFAULT_RULES = "permendagri-86-2017"


class Direction(enum.StrEnum):
    """Polarity of an indicator (polaritas / arah)."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    WITHIN_RANGE = "within_range"


class Period(enum.StrEnum):
    """The period a report covers, or a period an indicator's figures are given for:
    the year, a semester (S1, S2) or a quarter (triwulan, TW1..TW4)."""

    ANNUAL = "annual"
    S1 = "S1"
    S2 = "S2"
    TW1 = "TW1"
    TW2 = "TW2"
    TW3 = "TW3"
    TW4 = "TW4"


class IndicatorKind(enum.StrEnum):
    """How an indicator's period figures make the year's (the "sifat indikator" of the
    e-SAKIP applications)."""

    CUMULATIVE = "cumulative"  # the periods add up (people served, cases settled)
    LAST = "last"  # the latest period's figure is the year's (an index, a rate)
    AVERAGE = "average"  # the mean of the periods
    MAX = "max"
    MIN = "min"


class UnitKind(enum.StrEnum):
    PERCENT = "percent"
    MONEY = "money"
    COUNT = "count"
    INDEX = "index"
    DURATION = "duration"
    OTHER = "other"


# Units as reports print them (satuan), lower-cased; anything else is "other".
_UNIT_KINDS: dict[str, UnitKind] = {
    "%": UnitKind.PERCENT,
    "persen": UnitKind.PERCENT,
    "percent": UnitKind.PERCENT,
    "rp": UnitKind.MONEY,
    "rp.": UnitKind.MONEY,
    "rupiah": UnitKind.MONEY,
    "juta rupiah": UnitKind.MONEY,
    "miliar rupiah": UnitKind.MONEY,
    "indeks": UnitKind.INDEX,
    "index": UnitKind.INDEX,
    "nilai": UnitKind.INDEX,
    "poin": UnitKind.INDEX,
    "skor": UnitKind.INDEX,
    "orang": UnitKind.COUNT,
    "unit": UnitKind.COUNT,
    "koperasi": UnitKind.COUNT,
    "buah": UnitKind.COUNT,
    "kegiatan": UnitKind.COUNT,
    "dokumen": UnitKind.COUNT,
    "pelaku usaha": UnitKind.COUNT,
    "umkm": UnitKind.COUNT,
    "ikm": UnitKind.COUNT,
    "kali": UnitKind.COUNT,
    "jiwa": UnitKind.COUNT,
    "kk": UnitKind.COUNT,
    "desa": UnitKind.COUNT,
    "paket": UnitKind.COUNT,
    "laporan": UnitKind.COUNT,
    "count": UnitKind.COUNT,
    "detik": UnitKind.DURATION,
    "menit": UnitKind.DURATION,
    "jam": UnitKind.DURATION,
    "hari": UnitKind.DURATION,
    "bulan": UnitKind.DURATION,
    "tahun": UnitKind.DURATION,
}


def unit_kind(unit: str) -> UnitKind:
    """The kind of a unit as printed: ``"%"`` is percent, ``"Rp"`` money, ``"orang"`` count."""
    return _UNIT_KINDS.get(unit.strip().lower(), UnitKind.OTHER)


@attrs.frozen
class Target:
    """A year's target: one value, or a range ``[low, high]`` (``low == high`` for one value)."""

    low: Decimal
    high: Decimal

    @classmethod
    def point(cls, value: Decimal) -> Target:
        return cls(value, value)

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def value(self) -> Decimal | None:
        """The single target value; ``None`` for a range."""
        return None if self.is_range else self.low


@attrs.frozen
class Bounds:
    """The values an indicator's figures can take (``[0, 100]`` for a share of a whole).

    Declared by the case, not the rules: whether a percentage can exceed 100 depends on
    what it measures (a share of a budget cannot; a growth rate can).
    """

    low: Decimal
    high: Decimal

    def holds(self, value: Decimal) -> bool:
        return self.low <= value <= self.high


# Thirty places below the point: any quotient of two figures below 10^21 keeps far more
# places than a percentage is ever printed with, and the figure stays within its bounds.
_COUNT_PLACES = Decimal(1).scaleb(-30)
_COUNT_CONTEXT = decimal.Context(prec=60)


@attrs.frozen
class Count:
    """A percentage given by the counts behind it: ``numerator`` of ``denominator``
    (62 of 63 perkara), as courts and prisons print it."""

    numerator: Decimal
    denominator: Decimal

    @property
    def percent(self) -> Decimal:
        """``numerator / denominator × 100``, to thirty places (the denominator is above
        zero: the loader refuses any other)."""
        ctx = _COUNT_CONTEXT
        quotient = ctx.divide(ctx.multiply(self.numerator, _HUNDRED), self.denominator)
        if quotient.adjusted() >= 25:
            return quotient  # no figure (the loader refuses it): nothing to round
        return quotient.quantize(_COUNT_PLACES, decimal.ROUND_HALF_EVEN, ctx)


_HUNDRED = Decimal(100)


@attrs.frozen
class Budget:
    """Budget allocated to an indicator (pagu) and spent on it (realisasi anggaran)."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None


@attrs.frozen
class PrintedValue:
    """A figure exactly as a report printed it, with its reading when it reads as a number.

    A printed figure that is not a number (a word in a number column) is evidence for the
    audit, so it is kept with the reason it does not read rather than refused.
    """

    text: str
    value: Decimal | None = None
    mark: str | None = None
    error: str | None = None
    # ---- issue 19 (evidence): how the text was read, when not plainly.
    #: "en" for a decimal in English notation ("92.22": a '.' before one or two digits
    #: cannot group thousands), read as such.
    notation: str | None = None
    #: The unit the text names after its number ("per 100.000", "‰", "orang").
    unit: str | None = None
    #: The English reading of a text that reads both ways ("1.500": 1500 or 1.5).
    alternative: Decimal | None = None


@attrs.frozen
class PrintedEntry:
    """What one table or paragraph of the report printed for an indicator."""

    where: str
    year: int | None = None
    target: PrintedValue | None = None
    realisasi: PrintedValue | None = None
    capaian: PrintedValue | None = None
    pagu: PrintedValue | None = None
    realisasi_anggaran: PrintedValue | None = None
    serapan: PrintedValue | None = None
    share: PrintedValue | None = None
    progress: PrintedValue | None = None
    category: str | None = None
    efficiency: str | None = None
    verdict: str | None = None
    # ---- issue 19 (evidence): the unit the table's heading names for its target and
    # realisasi ("per 100.000 KH"), for the figures that name none of their own.
    unit: str | None = None
    # ---- issue 16 (model): the counts behind a printed percentage (62 of 63)
    numerator: PrintedValue | None = None
    denominator: PrintedValue | None = None
    target_numerator: PrintedValue | None = None
    target_denominator: PrintedValue | None = None


@attrs.frozen
class Indicator:
    """A key performance indicator (IKU) with the year's figures.

    ``target`` is ``None`` when the report sets none (printed ``-``); ``realisasi`` is
    ``None`` when there is no data yet: absent never means zero.
    """

    id: str
    name: str
    unit: str
    direction: Direction
    target: Target | None
    realisasi: Decimal | None = None
    objective: str | None = None
    history: dict[int, Decimal] = attrs.field(factory=dict)
    renstra_target: Decimal | None = None
    budget: Budget | None = None
    printed: tuple[PrintedEntry, ...] = ()
    # ---- issue 16 (model): bounds, counts, past years' targets
    bounds: Bounds | None = None
    realisasi_count: Count | None = None
    target_count: Count | None = None
    history_target: dict[int, Target] = attrs.field(factory=dict)
    # ---- issue 16 (cascade): periods and the performance tree
    # How period figures make the year's; realisasi and targets per period (a quarter's
    # or a semester's own figure, not a running total: the kind makes the running total).
    kind: IndicatorKind | None = None
    periods: dict[Period, Decimal] = attrs.field(factory=dict)
    target_periods: dict[Period, Decimal] = attrs.field(factory=dict)
    program: str | None = None
    weight: Decimal | None = None

    @property
    def unit_kind(self) -> UnitKind:
        return unit_kind(self.unit)


def with_counts(ind: Indicator) -> Indicator:
    """``ind`` with the realisasi and target its counts give, where it has counts; the
    loader applies it, and a program that builds an Indicator with counts does too."""
    if ind.realisasi_count is None and ind.target_count is None:
        return ind
    realisasi = ind.realisasi if ind.realisasi_count is None else ind.realisasi_count.percent
    target = ind.target if ind.target_count is None else Target.point(ind.target_count.percent)
    return attrs.evolve(ind, realisasi=realisasi, target=target)


@attrs.frozen
class Objective:
    """A strategic objective (sasaran strategis) that indicators measure."""

    id: str
    name: str
    # ---- issue 16 (cascade): the performance tree
    goal: str | None = None
    weight: Decimal | None = None
    printed: tuple[PrintedEntry, ...] = ()


@attrs.frozen
class Program:
    """A program of the performance tree: indicators roll up into it, it rolls up into
    its objective."""

    id: str
    name: str
    objective: str | None = None
    weight: Decimal | None = None
    printed: tuple[PrintedEntry, ...] = ()


@attrs.frozen
class Goal:
    """A goal (tujuan) of the performance tree: objectives roll up into it."""

    id: str
    name: str
    weight: Decimal | None = None
    printed: tuple[PrintedEntry, ...] = ()


@attrs.frozen
class BudgetLine:
    """One line of the budget tree (program, kegiatan, sub kegiatan); ``parent`` sums it."""

    id: str
    name: str
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    parent: str | None = None
    printed_percent: PrintedValue | None = None
    where: str | None = None


@attrs.frozen
class ReportInfo:
    agency: str
    year: int
    rules: str = DEFAULT_RULES
    source: str | None = None
    # ---- issue 16 (cascade)
    period: Period = Period.ANNUAL


@attrs.frozen
class Case:
    """One agency's report for one year, as submitted.

    ``origin`` is the file it came from, used to resolve a rule-set path relative to it.
    """

    format: str
    report: ReportInfo
    indicators: tuple[Indicator, ...] = ()
    objectives: tuple[Objective, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    origin: str | None = attrs.field(default=None, eq=False)
    # ---- issue 16 (cascade): the levels of the performance tree above the objectives
    # and below them (programs)
    goals: tuple[Goal, ...] = ()
    programs: tuple[Program, ...] = ()
