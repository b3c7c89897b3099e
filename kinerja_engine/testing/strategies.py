"""Hypothesis strategies for property-based tests of kinerja_engine and of the applications
that embed it.

An application that evaluates or audits LKjIP figures with this engine can prove, in its
own test suite, that its integration keeps the engine's guarantees: draw figures, numbers
as reports print them, indicators, rule sets and whole cases from here, push them through
its own code and assert what must hold. Every strategy draws values the engine accepts
(the invalid ones say so in their name) and shrinks towards small, readable examples.

* figures: :func:`decimals`, :func:`percentages`, :func:`rupiah`, :func:`counts`,
  :func:`index_values`, :func:`durations`, :func:`figures` (by unit kind);
* notation: :func:`indonesian_numbers` and :func:`written_durations` draw a
  :class:`WrittenNumber`, the text as a report prints it with its exact value;
* indicators: :func:`units`, :func:`indicator_ids`, :func:`indicators`;
* rule sets: :func:`shipped_rule_sets`, :func:`rules_documents` (valid rules files as
  data, bands that partition the domain), :func:`rules_texts`, :func:`rule_sets`, and
  :func:`broken_rules` (:class:`BrokenRules`: a gap, an overlap, an unknown name ...,
  with the error it must raise); :func:`rules_from_document` compiles a document;
* cases: :func:`cases` (consistent: ``check`` finds nothing) and :func:`planted_faults`
  (:class:`PlantedFault`: one inconsistency, the :class:`ExpectedFinding` it must raise,
  and the same fault within tolerance, which must raise none).

Hypothesis is an optional dependency: ``import kinerja_engine`` never imports this
module; install the ``test`` extra (``pip install 'kinerja-engine[test]'``) to use it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from typing import Any

import attrs

try:
    from hypothesis import assume
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "kinerja_engine.testing.strategies needs hypothesis, an optional dependency of "
        "kinerja-engine; install the 'test' extra: pip install 'kinerja-engine[test]'"
    ) from exc

import tomli_w

from kinerja_engine.api import load_rules
from kinerja_engine.domain.model import (
    Bounds,
    Budget,
    BudgetLine,
    Case,
    Count,
    Direction,
    Goal,
    Indicator,
    IndicatorKind,
    Objective,
    Period,
    PrintedEntry,
    PrintedValue,
    Program,
    ReportInfo,
    Target,
    UnitKind,
    with_counts,
)
from kinerja_engine.domain.results import Finding, IndicatorResult, Status
from kinerja_engine.errors import FormulaError, KinerjaError, RuleSetError, SchemaError
from kinerja_engine.evaluation.case import evaluate_case
from kinerja_engine.evaluation.indicator import (
    category_of,
    efficiency_of,
    evaluate_indicator,
    verdict_of,
)
from kinerja_engine.io.figures import printed
from kinerja_engine.io.loading import parse_toml, shipped_rules, structure
from kinerja_engine.numbers import to_indonesian
from kinerja_engine.rulesets.compile import compile_rules
from kinerja_engine.rulesets.ruleset import RuleSet, RuleSetSpec

__all__ = [
    "FAULT_CODES",
    "BrokenRules",
    "ExpectedFinding",
    "PlantedFault",
    "WrittenNumber",
    "broken_rules",
    "cascade_cases",
    "cases",
    "counts",
    "decimals",
    "durations",
    "fault_codes",
    "figures",
    "index_values",
    "indicator_ids",
    "indicators",
    "indonesian_numbers",
    "percentages",
    "period_cases",
    "planted_faults",
    "rule_sets",
    "rules_documents",
    "rules_from_document",
    "rules_texts",
    "rupiah",
    "shipped_rule_sets",
    "units",
    "with_rollups",
    "written_durations",
]

SearchStrategy = st.SearchStrategy
# Wide enough that products and quotients of figures below 10^21 are never rounded.
_EXACT = Context(prec=120)
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
CASE_FORMAT = "kinerja-case/1"


# ---------------------------------------------------------------- figures


def _scaled(n: int, places: int) -> Decimal:
    """``n`` × 10^-places, exactly, keeping ``places`` decimals (1,50 stays 1,50)."""
    return Decimal(n).scaleb(-places, _EXACT)


def _decimal(value: int | str | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def decimals(
    min_value: int | str | Decimal, max_value: int | str | Decimal, *, places: int = 2
) -> SearchStrategy[Decimal]:
    """Exact decimals from ``min_value`` to ``max_value`` with 0 to ``places`` decimal
    places, trailing zeros kept as drawn (``1.50`` and ``1.5`` both occur, as in print).

    Magnitudes are drawn evenly per order of magnitude, so small and huge figures both
    appear however wide the range."""
    lo, hi = _decimal(min_value), _decimal(max_value)
    if lo > hi:
        raise ValueError(f"min_value {lo} is above max_value {hi}")

    def ends(p: int) -> tuple[int, int]:
        scale = Decimal(10) ** p
        low = int(_EXACT.multiply(lo, scale).to_integral_value(ROUND_CEILING))
        return low, int(_EXACT.multiply(hi, scale).to_integral_value(ROUND_FLOOR))

    def at(p: int) -> SearchStrategy[Decimal]:
        return _spread(*ends(p)).map(lambda n: _scaled(n, p))

    # Only the numbers of places the range holds a value with (1,02..1,5 has none whole).
    usable = [p for p in range(places + 1) if ends(p)[0] <= ends(p)[1]]
    if not usable:
        raise ValueError(f"no decimal with at most {places} places lies in [{lo}, {hi}]")
    return st.sampled_from(usable).flatmap(at)


def _spread(low: int, high: int) -> SearchStrategy[int]:
    """Integers in [low, high], log-uniform in magnitude (plus the plain draw, which
    shrinks well and reaches the ends)."""
    if high - low <= 1000:
        return st.integers(low, high)
    if high <= 0:
        return _spread(-high, -low).map(lambda n: -n)
    if low < 0:
        return st.one_of(
            st.integers(low, high), _spread(0, high), _spread(0, -low).map(lambda n: -n)
        )

    def magnitude(k: int) -> SearchStrategy[int]:
        return st.integers(max(low, 10 ** (k - 1)), min(high, 10**k))

    digits = st.integers(len(str(low)), len(str(high)))
    return st.one_of(st.integers(low, high), digits.flatmap(magnitude))


def percentages(
    min_value: int | str | Decimal = 0, max_value: int | str | Decimal = 200, *, places: int = 2
) -> SearchStrategy[Decimal]:
    """Percent figures (capaian, serapan, a target in %): by default 0 to 200 with up to
    two decimals, as reports print them (``87,08``)."""
    return decimals(min_value, max_value, places=places)


def rupiah(
    min_value: int | str | Decimal = 0, max_value: int | str | Decimal = 10**16, *, sen: bool = True
) -> SearchStrategy[Decimal]:
    """Rupiah amounts up to 10^16 (ten quadrillion, beyond what a float keeps to the sen):
    whole rupiah or, with ``sen``, exactly two decimals (``1418633200.00``)."""
    whole = decimals(min_value, max_value, places=0)
    if not sen:
        return whole
    lo, hi = _decimal(min_value), _decimal(max_value)
    cents = _spread(int(lo * 100), int(hi * 100)).map(lambda n: _scaled(n, 2))
    return st.one_of(whole, cents)


def counts(min_value: int = 0, max_value: int = 10**6) -> SearchStrategy[Decimal]:
    """Whole counts (orang, unit, koperasi, dokumen): integral decimals."""
    return _spread(min_value, max_value).map(Decimal)


def index_values(
    min_value: int | str | Decimal = 0, max_value: int | str | Decimal = 100, *, places: int = 2
) -> SearchStrategy[Decimal]:
    """Index or score values (IPM 79,5; nilai SAKIP 62,01): 0 to 100 with two decimals."""
    return decimals(min_value, max_value, places=places)


def durations(
    min_value: int | str | Decimal = 1, max_value: int | str | Decimal = 100_000
) -> SearchStrategy[Decimal]:
    """Durations in the engine's base units (minutes or months), to one decimal."""
    return decimals(min_value, max_value, places=1)


def figures(kind: UnitKind, *, positive: bool = True) -> SearchStrategy[Decimal]:
    """A realistic target-sized figure for an indicator whose unit is of ``kind``;
    above zero with ``positive`` (the default), else from zero."""
    low: int | str = "0.01" if positive else 0
    if kind is UnitKind.PERCENT:
        return percentages(low, 100)
    if kind is UnitKind.MONEY:
        return rupiah(1 if positive else 0, 10**16)
    if kind is UnitKind.COUNT:
        return counts(1 if positive else 0, 10**6)
    if kind is UnitKind.INDEX:
        return index_values(low, 100)
    if kind is UnitKind.DURATION:
        return durations("0.1" if positive else 0, 100_000)
    return decimals("0.001" if positive else 0, 10_000, places=3)


_KIND_PLACES = {
    UnitKind.PERCENT: 2,
    UnitKind.MONEY: 2,
    UnitKind.COUNT: 0,
    UnitKind.INDEX: 2,
    UnitKind.DURATION: 1,
    UnitKind.OTHER: 3,
}


# ---------------------------------------------------------------- Indonesian notation


@attrs.frozen
class WrittenNumber:
    """A number as a report prints it, with the exact value the engine must read from it.

    ``mark`` is ``"Rp"`` or ``"%"`` when the text carries one; ``duration`` is
    ``"minutes"`` or ``"months"`` for a duration (``"6 jam 37 menit"`` is 397 minutes).
    """

    text: str
    value: Decimal
    mark: str | None = None
    duration: str | None = None


_SCALE_WORDS: dict[int, tuple[str, ...]] = {
    3: ("ribu", "Ribu"),
    6: ("juta", "Juta"),
    9: ("M", "miliar", "milyar", "Miliar"),
    12: ("T", "triliun", "Triliun"),
}
_RP_PREFIXES = ("Rp", "Rp.", "Rp ", "Rp. ", "rp. ", "RP ")


@st.composite
def _stray_spaces(draw: st.DrawFn, text: str) -> str:
    """Spaces after some thousands dots, as transcribed tables carry them
    (``3.540. 448. 465.876.250``), and padding around the figure."""
    parts = text.split(".")
    out = parts[0]
    for part in parts[1:]:
        out += "." + (" " if draw(st.booleans()) else "") + part
    left = draw(st.sampled_from(("", " ", "  ")))
    right = draw(st.sampled_from(("", " ")))
    return left + out + right


@st.composite
def _written(
    draw: st.DrawFn,
    values: SearchStrategy[Decimal],
    marks: tuple[str, ...],
    scale_words: bool,
    stray_spaces: bool,
) -> WrittenNumber:
    value = draw(values)
    styles = ["plain"]
    if value >= 0:
        styles += [m for m in marks if m in ("Rp", "%")]
    exponent = value.as_tuple().exponent
    if scale_words and value >= 1000:
        styles.append("scale")
    style = draw(st.sampled_from(styles))
    mark: str | None = None
    if style == "scale":
        k = draw(st.sampled_from([k for k in _SCALE_WORDS if value >= 10**k]))
        mantissa = value.scaleb(-k, _EXACT)
        if draw(st.booleans()):
            mantissa = mantissa.normalize(_EXACT)
        number = to_indonesian(mantissa)
        if stray_spaces:
            number = draw(_stray_spaces(number))
        text = f"{number} {draw(st.sampled_from(_SCALE_WORDS[k]))}"
        if "Rp" in marks and draw(st.booleans()):
            text, mark = draw(st.sampled_from(_RP_PREFIXES)) + text, "Rp"
        return WrittenNumber(text, value, mark)
    number = to_indonesian(value)
    if stray_spaces:
        number = draw(_stray_spaces(number))
    if style == "Rp":
        mark = "Rp"
        number = draw(st.sampled_from(_RP_PREFIXES)) + number.lstrip()
        # Whole rupiah are often printed with ",-" (Rp. 51.000.000.000,-).
        if exponent == 0 and draw(st.booleans()):
            number = number.rstrip() + ",-"
    elif style == "%":
        mark = "%"
        number = number.rstrip() + draw(st.sampled_from(("%", " %")))
    return WrittenNumber(number, value, mark)


def indonesian_numbers(
    values: SearchStrategy[Decimal] | None = None,
    *,
    marks: Sequence[str] = ("Rp", "%"),
    scale_words: bool = True,
    stray_spaces: bool = True,
) -> SearchStrategy[WrittenNumber]:
    """A figure written in Indonesian notation, with its exact value.

    The text is :func:`kinerja_engine.numbers.to_indonesian` of a value drawn from
    ``values`` (default: rupiah, percentages, counts and signed decimals), in one of the
    styles reports use: plain (``1.418.633.200,00``), with a ``Rp``/``Rp.`` mark (and the
    ``,-`` of whole rupiah) or a ``%`` mark when ``marks`` allows them, with a scale word
    (``2,5 T``, ``51 M``, ``300 juta``), with stray spaces (``3.540. 448. 465.876.250``).
    ``parse_number(w.text)`` must give ``w.value`` and ``w.mark``.
    """
    if values is None:
        values = st.one_of(rupiah(), percentages(), counts(), decimals(-(10**6), 10**6, places=4))
    return _written(values, tuple(marks), scale_words, stray_spaces)


_MINUTE_UNITS = (("hari", Decimal(1440)), ("jam", Decimal(60)), ("menit", Decimal(1)))


@st.composite
def written_durations(draw: st.DrawFn) -> WrittenNumber:
    """A duration as reports write it (``6 jam 37 menit``, ``1 tahun 6 bulan``,
    ``90 detik``) with its value in the engine's base unit: minutes for
    detik/menit/jam/hari, months for bulan/tahun."""
    if draw(st.booleans()):
        chosen = [u for u in _MINUTE_UNITS if draw(st.booleans())]
        pairs = [(name, factor, draw(st.integers(1, 500))) for name, factor in chosen]
        # Seconds a multiple of 3 are a whole number of twentieths of a minute: exact.
        seconds = draw(st.integers(0, 200)) * 3 if draw(st.booleans()) or not pairs else 0
        value = sum((factor * n for _, factor, n in pairs), _ZERO)
        words = [f"{n} {name}" for name, _, n in pairs]
        if seconds or not pairs:
            seconds = seconds or 90
            value += _EXACT.divide(Decimal(seconds), Decimal(60))
            words.append(f"{seconds} detik")
        return WrittenNumber(" ".join(words), value, None, "minutes")
    years = draw(st.integers(0, 10))
    months = draw(st.integers(0 if years else 1, 11))
    words = ([f"{years} tahun"] if years else []) + ([f"{months} bulan"] if months else [])
    return WrittenNumber(" ".join(words), Decimal(12 * years + months), None, "months")


# ---------------------------------------------------------------- indicators

_UNITS: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.PERCENT: ("%", "persen"),
    UnitKind.MONEY: ("Rp", "rupiah"),
    UnitKind.COUNT: ("orang", "unit", "koperasi", "dokumen", "pelaku usaha", "kali"),
    UnitKind.INDEX: ("indeks", "nilai", "poin", "skor"),
    UnitKind.DURATION: ("menit", "jam", "hari", "bulan", "tahun"),
    UnitKind.OTHER: ("cm", "km", "ton", "hektar", "liter"),
}
_NAMES = (
    "Persentase Koperasi Sehat",
    "Indeks Kepuasan Masyarakat",
    "Nilai Ekspor",
    "Jumlah Usaha Mikro Mandiri",
    "Rata-rata Tinggi Genangan",
    "Waktu Pelayanan Perizinan",
    "Indeks Pembangunan Manusia",
    "Nilai Produksi Sektor Industri",
)


def units(kind: UnitKind | None = None) -> SearchStrategy[str]:
    """A unit as reports print it (satuan), of ``kind`` or of any kind."""
    if kind is not None:
        return st.sampled_from(_UNITS[kind])
    return st.sampled_from([u for names in _UNITS.values() for u in names])


def indicator_ids() -> SearchStrategy[str]:
    """Indicator ids as the case format allows them: lowercase letters, digits and '-'."""
    return st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def _times(value: Decimal, factor: Decimal, places: int) -> Decimal:
    product = _EXACT.multiply(value, factor)
    return product.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, _EXACT)


@st.composite
def indicators(
    draw: st.DrawFn,
    *,
    direction: Direction | None = None,
    unit_kind: UnitKind | None = None,
    range_target: bool | None = None,
    complete: bool = True,
    ident: str | None = None,
    year: int = 2021,
) -> Indicator:
    """An indicator (IKU) of every direction and unit kind, range targets included.

    ``direction``, ``unit_kind`` and ``range_target`` pin what they name. With
    ``complete`` (the default) the target and the realisasi are above zero, so capaian
    is defined under every method; with ``complete=False`` anything a valid case may hold occurs:
    no target (``"-"``), a zero or negative target, no realisasi, zero and negative
    figures, a zero pagu or Renstra target. No printed entries (see :func:`cases`).
    """
    kind = unit_kind if unit_kind is not None else draw(st.sampled_from(list(UnitKind)))
    places = _KIND_PLACES[kind]
    d = direction if direction is not None else draw(st.sampled_from(list(Direction)))
    low = draw(figures(kind))
    is_range = draw(st.booleans()) if range_target is None else range_target
    target: Target | None = (
        Target(low, _EXACT.add(low, draw(figures(kind)))) if is_range else Target.point(low)
    )
    factor = draw(decimals("0", "2.5", places=3))
    realisasi: Decimal | None = draw(
        st.one_of(
            st.just(_times(low, factor, places)),
            st.just(low),
            figures(kind, positive=False),
        )
    )
    if complete and realisasi is not None and realisasi <= 0:
        realisasi = low  # above zero, so that every method (T/R too) has a capaian
    history = {}
    if draw(st.booleans()):
        history[year - 1] = draw(figures(kind, positive=False))
    renstra = draw(st.none() | st.just(_times(low, draw(decimals(1, 2, places=2)), places)))
    budget = None
    if draw(st.booleans()):
        pagu = draw(rupiah(0 if not complete else 1, 10**14))
        spent = _times(pagu, draw(decimals(0, "1.2", places=4)), 2)
        budget = Budget(pagu, spent)
    if not complete:
        target = draw(
            st.sampled_from(
                [target, None, Target.point(_ZERO), Target.point(-low), Target(_ZERO, low)]
            )
        )
        realisasi = draw(st.sampled_from([realisasi, None, _ZERO, -low]))
        if renstra is not None and draw(st.booleans()):
            renstra = _ZERO
        if budget is not None and draw(st.booleans()):
            budget = Budget(draw(st.sampled_from([_ZERO, None, budget.pagu])), budget.realisasi)
    ind = Indicator(
        id=ident if ident is not None else draw(indicator_ids()),
        name=draw(st.sampled_from(_NAMES)),
        unit=draw(units(kind)),
        direction=d,
        target=target,
        realisasi=realisasi,
        history=history,
        renstra_target=renstra,
        budget=budget,
    )
    return _issue16_inputs(draw, ind, places)


def _issue16_inputs(draw: st.DrawFn, ind: Indicator, places: int) -> Indicator:
    """Now and then, the constructs of issue 16 on a drawn indicator: a realisasi given
    by its counts (a percentage of a whole), declared bounds that hold its figures, and
    the target of the year before (``history_target``)."""
    if (
        ind.unit_kind is UnitKind.PERCENT
        and ind.realisasi is not None
        and 0 <= ind.realisasi <= 100
        and draw(st.integers(0, 3)) == 0
    ):
        ind = _counted(draw, ind)
    if draw(st.integers(0, 3)) == 0:
        figures_ = [
            *([] if ind.target is None else [ind.target.low, ind.target.high]),
            *([] if ind.realisasi is None else [ind.realisasi]),
            *ind.history.values(),
        ]
        if figures_:
            ind = attrs.evolve(ind, bounds=Bounds(min(figures_), max(figures_)))
    if ind.history and ind.target is not None and draw(st.integers(0, 3)) == 0:
        year = min(ind.history)
        factor = draw(decimals("0.8", "1.2", places=2))
        ind = attrs.evolve(
            ind, history_target={year: Target.point(_times(ind.target.low, factor, places))}
        )
    return ind


def _counted(draw: st.DrawFn, ind: Indicator) -> Indicator:
    """``ind`` with its realisasi (a percentage, 0 to 100) given as counts: the nearest
    numerator over a drawn denominator, as a court prints 62 of 63 perkara."""
    assert ind.realisasi is not None
    denominator = Decimal(draw(st.integers(1, 2000)))
    numerator = _EXACT.divide(_EXACT.multiply(ind.realisasi, denominator), _HUNDRED)
    numerator = numerator.quantize(Decimal(1), ROUND_HALF_UP, _EXACT)
    return with_counts(attrs.evolve(ind, realisasi_count=Count(numerator, denominator)))


# ---------------------------------------------------------------- rule sets


@functools.cache
def _shipped(name: str) -> RuleSet:
    return load_rules(name)


def shipped_rule_sets() -> SearchStrategy[RuleSet]:
    """One of the rule sets shipped with the engine, compiled."""
    return st.sampled_from(sorted(shipped_rules())).map(_shipped)


def _resolve(rules: RuleSet | str | None) -> RuleSet:
    if rules is None:
        return _shipped("permendagri-86-2017")
    if isinstance(rules, RuleSet):
        return rules
    return _shipped(rules) if rules in shipped_rules() else load_rules(rules)


_RANGE_HIGHER = (
    "if(realisasi > target_high, realisasi / target_high * 100,"
    " if(realisasi < target_low, realisasi / target_low * 100, 100))"
)
_RANGE_LOWER = (
    "if(realisasi < target_low, (2 * target_low - realisasi) / target_low * 100,"
    " if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100, 100))"
)
_WITHIN = (
    "if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100,"
    " if(realisasi < target_low, realisasi / target_low * 100, 100))"
)
_LOWER_METHODS = ("(2 * target - realisasi) / target * 100", "target / realisasi * 100")
_CATEGORY_LABELS = ("Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik", "Istimewa")
_EFFICIENCY_LABELS = (
    "Tidak Efisien",
    "Kurang Efisien",
    "Cukup Efisien",
    "Efisien",
    "Sangat Efisien",
)
# (formula, score formula, edges drawn from low to high, whether a higher value is worse)
_EFFICIENCY_METHODS: tuple[tuple[str, str | None, int, int, bool], ...] = (
    ("capaian - serapan", None, -50, 50, False),
    ("serapan / capaian * 100", None, 1, 199, True),  # a higher ratio is worse
    (
        "(pagu_capaian - realisasi_anggaran) / pagu_capaian * 100",
        "max(0, min(100, 50 + efficiency_value / 20 * 50))",
        1,
        99,
        False,
    ),
)
_VERDICTS = (("Tercapai", "Tidak Tercapai"), ("Berhasil", "Belum Berhasil"))


@st.composite
def _partition(
    draw: st.DrawFn,
    labels: Sequence[str],
    low: int,
    high: int,
    places: int,
    domain: tuple[int, int] | None,
) -> dict[str, dict[str, Any]]:
    """Bands, lowest first, that partition the number line (or ``domain``): each
    band's upper edge is the next one's lower edge, one end closed and one open."""
    n = draw(st.integers(2, len(labels)))
    edges = sorted(
        draw(
            st.lists(
                decimals(low, high, places=places + 1), min_size=n - 1, max_size=n - 1, unique=True
            )
        )
    )
    chosen = draw(st.lists(st.sampled_from(labels), min_size=n, max_size=n, unique=True))
    order = {label: i for i, label in enumerate(labels)}
    chosen.sort(key=order.__getitem__)
    bands: dict[str, dict[str, Any]] = {}
    for i, label in enumerate(chosen):
        band: dict[str, Any] = {}
        if i > 0:
            band["lower"] = edges[i - 1]
        elif domain is not None:
            band["lower"] = Decimal(domain[0])
        if i < n - 1:
            band["upper"] = edges[i]
        elif domain is not None:
            band["upper"] = Decimal(domain[1])
            band["upper_inclusive"] = True
        bands[label] = band
    # Some edges closed on the lower band's side instead: still a partition.
    for i in range(n - 1):
        if draw(st.booleans()):
            bands[chosen[i]]["upper_inclusive"] = True
            bands[chosen[i + 1]]["lower_inclusive"] = False
    return bands


@st.composite
def rules_documents(draw: st.DrawFn, *, name: str | None = None) -> dict[str, Any]:
    """A valid rules file (``kinerja-rules/1``) as TOML data, ready for ``tomli_w.dumps``.

    Methods drawn from those in use (R/T; (2T−R)/T or T/R; PermenPAN-RB ranges), an
    optional cap and floor, 0-4 display places in any rounding mode, bands compared
    rounded or exactly whose edges (some finer than the display precision, some closed
    on the lower band's side) partition the number line or a declared domain, one of
    three efficiency methods, and the audit's tolerances.
    """
    places = draw(st.integers(0, 4))
    rounding = draw(st.sampled_from(("half_up", "half_even", "down")))
    compare = draw(st.sampled_from(("rounded", "exact")))
    capaian: dict[str, Any] = {
        "higher_is_better": "realisasi / target * 100",
        "lower_is_better": draw(st.sampled_from(_LOWER_METHODS)),
        "within_range": _WITHIN,
    }
    if draw(st.booleans()):
        capaian["lower_is_better_alternative"] = _LOWER_METHODS[1]
    if draw(st.booleans()):
        capaian["range_target"] = {"higher_is_better": _RANGE_HIGHER}
        if capaian["lower_is_better"] == _LOWER_METHODS[0]:
            capaian["range_target"]["lower_is_better"] = _RANGE_LOWER
    cap = draw(st.sampled_from((None, 100, 120, 150)))
    floor = draw(st.sampled_from((None, 0)))
    if cap is not None:
        capaian["cap"] = cap
    if floor is not None:
        capaian["floor"] = floor
    domain = draw(st.sampled_from((None, (0, 1000))))
    categories: dict[str, Any] = {
        "compare": compare,
        "bands": draw(_partition(_CATEGORY_LABELS, 1, 199, places, domain)),
    }
    if domain is not None:
        categories["domain"] = list(domain)
    formula, score, low, high, worse_up = draw(st.sampled_from(_EFFICIENCY_METHODS))
    labels = _EFFICIENCY_LABELS[::-1] if worse_up else _EFFICIENCY_LABELS
    efficiency: dict[str, Any] = {
        "formula": formula,
        "compare": draw(st.sampled_from(("rounded", "exact"))),
        "bands": draw(_partition(labels, low, high, places, None)),
    }
    if score is not None:
        efficiency["score"] = score
    achieved, not_achieved = draw(st.sampled_from(_VERDICTS))
    threshold = draw(st.sampled_from((100, 95, 90)))
    audit: dict[str, Any] = {}
    tolerance = draw(st.sampled_from((None, Decimal("0.005"), Decimal("0.01"), Decimal("0.05"))))
    if tolerance is not None:
        audit["percent_tolerance"] = tolerance
    amount = draw(st.sampled_from((Decimal(0), Decimal("0.01"), Decimal(1), Decimal(1000))))
    if amount:
        audit["amount_tolerance"] = amount
    doc: dict[str, Any] = {
        "format": "kinerja-rules/1",
        "name": name or f"generated-{draw(st.integers(1, 999))}",
        "title": "A generated rule set",
        "display": {"places": places, "rounding": rounding},
        "capaian": capaian,
        "categories": categories,
        "efficiency": efficiency,
        "verdict": {
            "achieved_when": f"capaian >= {threshold}",
            "achieved": achieved,
            "not_achieved": not_achieved,
        },
        "objective": {"rollup": draw(st.sampled_from(("mean", "min", "geometric_mean")))},
    }
    if draw(st.booleans()):
        doc["progress"] = {
            "higher_is_better": "realisasi / renstra_target * 100",
            "lower_is_better": "(2 * renstra_target - realisasi) / renstra_target * 100",
        }
    if draw(st.booleans()):
        doc["flags"] = {
            "capaian-far-above-target": {
                "when": "capaian > 150",
                "severity": "warning",
                "message_id": "Capaian {capaian} % jauh di atas 100 %.",
                "message_en": "Capaian {capaian} % is far above 100 %.",
            }
        }
    if audit:
        doc["audit"] = audit
    return doc


def rules_texts() -> SearchStrategy[str]:
    """A valid rules file as TOML text (:func:`rules_documents` written with tomli-w),
    for tests that go through ``load_rules`` with a file."""
    return rules_documents().map(tomli_w.dumps)


def rules_from_document(document: Mapping[str, Any], name: str = "<generated>") -> RuleSet:
    """Compile a rules document through the real reader: written with tomli-w, parsed with
    tomllib (decimals exact), structured with unknown keys refused, validated and compiled.
    Raises the :class:`KinerjaError` a file with this content would raise."""
    doc = parse_toml(tomli_w.dumps(dict(document)).encode("utf-8"), name)
    canonical = json.dumps(doc.data, sort_keys=True, default=str, separators=(",", ":"))
    version = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    try:
        spec = structure(doc.data, RuleSetSpec)
        return compile_rules(spec, version=version, origin=name)
    except KinerjaError as exc:
        raise doc.fail(exc) from None


def rule_sets() -> SearchStrategy[RuleSet]:
    """A compiled rule set: a shipped one or one drawn by :func:`rules_documents`."""
    return st.one_of(shipped_rule_sets(), rules_documents().map(rules_from_document))


@attrs.frozen
class BrokenRules:
    """A rules document with one deliberate fault and the error loading it must raise.

    ``fault`` is ``"gap"``, ``"overlap"``, ``"unknown-name"``, ``"unknown-key"`` or
    ``"cap-below-floor"``; ``error`` the :class:`KinerjaError` subclass; ``key`` the key
    path the error names (for a band fault, the bands table it starts with).
    """

    document: dict[str, Any]
    fault: str
    error: type[KinerjaError]
    key: str

    @property
    def text(self) -> str:
        return tomli_w.dumps(self.document)


_UNKNOWN_NAMES = (
    ("capaian", "higher_is_better", "serapan / target * 100"),
    ("capaian", "lower_is_better", "(2 * target - realisasi) / targt * 100"),
    ("serapan", "formula", "realisasi / pagu * 100"),
    ("efficiency", "formula", "capaian - serapan_anggaran"),
    ("verdict", "achieved_when", "capain >= 100"),
)


def _multiple(value: Decimal, quantum: Decimal | None, up: bool) -> Decimal:
    """The first multiple of ``quantum`` strictly above (``up``) or below ``value``;
    with exact comparison, a nearby value on that side."""
    if quantum is None:
        step = Decimal("0.001")
        return value + step if up else value - step
    steps = _EXACT.divide(value, quantum)
    n = steps.to_integral_value(ROUND_FLOOR if up else ROUND_CEILING)
    n = n + 1 if up else n - 1
    return _EXACT.multiply(n, quantum)


@st.composite
def broken_rules(draw: st.DrawFn) -> BrokenRules:
    """A rules document with one fault (see :class:`BrokenRules`), for error-path tests:
    a gap or an overlap at the precision the bands are compared (categories or
    efficiency), a formula naming an unknown input, a misspelt key, a cap below the
    floor."""
    doc = draw(rules_documents())
    fault = draw(st.sampled_from(("gap", "overlap", "unknown-name", "unknown-key", "cap")))
    if fault in ("gap", "overlap"):
        section = draw(st.sampled_from(("categories", "efficiency")))
        table = doc[section]
        bands = table["bands"]
        labels = list(bands)
        quantum = (
            Decimal(1).scaleb(-doc["display"]["places"])
            if table.get("compare", "rounded") == "rounded"
            else None
        )
        # The top band's lower edge: the band above it is unbounded (or reaches the
        # domain's far end), so moving the edge never empties it.
        top = bands[labels[-1]]
        edge = top["lower"] if "lower" in top else bands[labels[-2]]["upper"]
        top["lower_inclusive"] = True
        top["lower"] = _multiple(edge, quantum, up=True)
        if fault == "gap":
            top["lower"] = _multiple(top["lower"], quantum, up=True)
        else:
            top["lower"] = _multiple(edge, quantum, up=False)
        return BrokenRules(doc, fault, RuleSetError, f"{section}.bands")
    if fault == "unknown-name":
        section, key, formula = draw(st.sampled_from(_UNKNOWN_NAMES))
        doc.setdefault(section, {})[key] = formula
        return BrokenRules(doc, fault, FormulaError, f"{section}.{key}")
    if fault == "unknown-key":
        band = draw(st.sampled_from(list(doc["categories"]["bands"])))
        doc["categories"]["bands"][band]["lowr"] = Decimal(1)
        quoted = band if band.replace("-", "").isalnum() else f'"{band}"'
        return BrokenRules(doc, fault, SchemaError, f"categories.bands.{quoted}.lowr")
    doc["capaian"]["cap"] = Decimal(50)
    doc["capaian"]["floor"] = Decimal(60)
    return BrokenRules(doc, "cap-below-floor", RuleSetError, "capaian.cap")


# ---------------------------------------------------------------- printed figures


def _pv(text: str) -> PrintedValue:
    """A printed figure as the loader reads one (the loader's own function)."""
    return printed(text)


def _unit_marks(kind: UnitKind) -> tuple[str, ...]:
    return {UnitKind.PERCENT: ("%",), UnitKind.MONEY: ("Rp",)}.get(kind, ())


def _spell(draw: st.DrawFn, value: Decimal, marks: tuple[str, ...]) -> PrintedValue:
    written = draw(indonesian_numbers(st.just(value), marks=marks))
    return _pv(written.text)


def _with_unit(draw: st.DrawFn, pv: PrintedValue, ind: Indicator) -> PrintedValue:
    """A count or a measure printed now and then with its own unit word ("120 orang",
    "16,82 cm"), as tables print them (issue 19): read as the number, no finding."""
    if ind.unit_kind in (UnitKind.COUNT, UnitKind.OTHER) and draw(st.booleans()):
        return _pv(f"{pv.text} {ind.unit}")
    return pv


def _label_variant(draw: st.DrawFn, label: str) -> str:
    """A label as reports print it: as is, or with its abbreviation ("Sangat Tinggi (ST)")."""
    if draw(st.booleans()):
        return f"{label} ({''.join(w[0] for w in label.split()).upper()})"
    return label


def _shown(value: Decimal, places: int, rules: RuleSet) -> Decimal:
    """``value`` as the rule set displays it at ``places`` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rules.rounding, _EXACT)


def _percent(
    draw: st.DrawFn, value: Decimal, rules: RuleSet, places: int | None = None
) -> PrintedValue:
    """A percentage printed as a report following ``rules`` prints it."""
    if places is None:
        places = draw(st.sampled_from((rules.places, rules.places, rules.places + 1)))
        # A tolerance the rule set sets below its display precision asks for more digits.
        while places < 12 and _default_tolerance(rules, places) > _tolerance(rules, places):
            places += 1
    text = to_indonesian(_shown(value, places, rules))
    text += draw(st.sampled_from(("", "", " %", "%")))
    return _pv(text)


# ---------------------------------------------------------------- consistent cases

_PROGRAMS = ("PENGEMBANGAN EKSPOR", "PEMBERDAYAAN UMKM", "PENGAWASAN KOPERASI", "PERINDUSTRIAN")


@attrs.frozen
class _Node:
    id: str
    name: str
    parent: str | None
    printed: bool


def _tree_shape(draw: st.DrawFn) -> list[_Node]:
    nodes = [_Node("belanja", "BELANJA", None, draw(st.booleans()))]
    for i in range(draw(st.integers(1, 3))):
        pid = f"p{i + 1}"
        nodes.append(_Node(pid, f"PROGRAM {_PROGRAMS[i]}", "belanja", draw(st.booleans())))
        for j in range(draw(st.integers(0, 2))):
            kid = f"{pid}-k{j + 1}"
            nodes.append(_Node(kid, f"Kegiatan {j + 1}", pid, draw(st.booleans())))
            for m in range(draw(st.integers(0, 2))):
                nodes.append(
                    _Node(f"{kid}-s{m + 1}", f"Sub kegiatan {m + 1}", kid, draw(st.booleans()))
                )
    return nodes


def _leaves(nodes: Sequence[_Node]) -> list[_Node]:
    parents = {n.parent for n in nodes}
    return [n for n in nodes if n.id not in parents]


def _line_percent(
    draw: st.DrawFn, pagu: Decimal, spent: Decimal, rules: RuleSet
) -> PrintedValue | None:
    if not pagu:
        return None
    return _percent(draw, _EXACT.divide(_EXACT.multiply(spent, _HUNDRED), pagu), rules)


def _assemble(
    draw: st.DrawFn,
    nodes: Sequence[_Node],
    leaves: Mapping[str, tuple[Decimal, Decimal]],
    rules: RuleSet,
    where: str,
) -> list[BudgetLine]:
    """Budget lines whose parents are the sums of their children (bottom-up)."""
    amounts: dict[str, tuple[Decimal, Decimal]] = dict(leaves)
    for node in reversed(nodes):  # children come after their parents
        if node.id not in amounts:
            kids = [amounts[k.id] for k in nodes if k.parent == node.id]
            amounts[node.id] = (
                sum((k[0] for k in kids), _ZERO),
                sum((k[1] for k in kids), _ZERO),
            )
    lines = []
    for node in nodes:
        pagu, spent = amounts[node.id]
        printed = _line_percent(draw, pagu, spent, rules) if node.printed else None
        lines.append(BudgetLine(node.id, node.name, pagu, spent, node.parent, printed, where))
    return lines


class _Builder:
    """Draws the parts of one consistent case under one rule set."""

    def __init__(self, draw: st.DrawFn, rules: RuleSet) -> None:
        self.draw = draw
        self.rules = rules
        self.year = draw(st.integers(2016, 2030))
        self.tables = 0

    def where(self) -> str:
        self.tables += 1
        return f"Tabel {self.tables}"

    def plausible(self, capaian: Decimal | None) -> bool:
        audit = self.rules.audit
        return capaian is None or audit.capaian_min <= capaian <= audit.capaian_max

    # ------------------------------------------------------------ the budget tree

    def tree(self) -> tuple[list[_Node], dict[str, tuple[Decimal, Decimal]]]:
        draw = self.draw
        nodes = _tree_shape(draw)
        leaves = {}
        for leaf in _leaves(nodes):
            pagu = draw(rupiah(10**6, 10**13))
            spent = _times(pagu, draw(decimals(0, 1, places=4)), 2).min(pagu)
            leaves[leaf.id] = (pagu, spent)
        return nodes, leaves

    # ------------------------------------------------------------ one indicator

    def indicator(
        self,
        ident: str,
        *,
        objective: str | None = None,
        lines: Sequence[BudgetLine] = (),
        kind: UnitKind | None = None,
        direction: Direction | None = None,
        point: bool = False,
    ) -> Indicator:
        """An indicator with plausible figures (no printed entries yet)."""
        draw = self.draw
        kind = kind if kind is not None else draw(st.sampled_from(list(UnitKind)))
        places = _KIND_PLACES[kind]
        d = direction if direction is not None else draw(st.sampled_from(list(Direction)))
        low = draw(figures(kind))
        if not point and draw(st.integers(0, 3)) == 0:
            target = Target(low, _EXACT.add(low, draw(figures(kind))))
        else:
            target = Target.point(low)
        realisasi = _times(low, draw(decimals("0.2", 2, places=3)), places)
        history = {}
        if draw(st.integers(0, 4)):
            history[self.year - 1] = _times(
                realisasi, draw(decimals("0.5", "1.5", places=2)), places
            )
        renstra = None
        if draw(st.booleans()):
            renstra = _times(low, draw(decimals(1, 2, places=2)), places)
        budget = None
        if draw(st.booleans()):
            programs = [b for b in lines if b.parent is not None and b.pagu]
            use_line = draw(st.booleans())
            if programs and use_line:
                line = draw(st.sampled_from(programs))
                assert line.pagu is not None and line.realisasi is not None
                budget = Budget(line.pagu, line.realisasi)
            else:
                pagu = draw(rupiah(10**6, 10**13))
                budget = Budget(pagu, _times(pagu, draw(decimals(0, 1, places=4)), 2))
        ind = Indicator(
            id=ident,
            name=draw(st.sampled_from(_NAMES)),
            unit=draw(units(kind)),
            direction=d,
            target=target,
            realisasi=realisasi,
            objective=objective,
            history=history,
            renstra_target=renstra,
            budget=budget,
        )
        result = evaluate_indicator(ind, self.rules, trace=False)
        if not self.plausible(result.capaian):
            ind = attrs.evolve(ind, realisasi=low)
            result = evaluate_indicator(ind, self.rules, trace=False)
        assume(self.plausible(result.capaian))
        return ind

    # ------------------------------------------------------------ printed entries

    def labels_agree(
        self, ind: Indicator, result: IndicatorResult, entry: PrintedEntry
    ) -> PrintedEntry:
        """The entry without the labels a reader would derive differently from the
        figures it prints (a capaian of 91,00 beside "Tinggi" when 90,996 is compared
        exactly): such a line is ambiguous, not consistent."""
        rules = self.rules
        capaian = entry.capaian.value if entry.capaian is not None else None
        if capaian is None and ind.target is not None and not ind.target.is_range:
            capaian = result.capaian
        serapan = entry.serapan.value if entry.serapan is not None else None
        if serapan is None and ind.budget is not None and ind.budget.pagu:
            serapan = result.serapan
        # The amounts an efficiency method over them (PMK 214/2017) is judged on.
        pagu = entry.pagu.value if entry.pagu is not None else None
        spent = entry.realisasi_anggaran.value if entry.realisasi_anggaran is not None else None
        if ind.budget is not None:
            pagu = ind.budget.pagu if pagu is None else pagu
            spent = ind.budget.realisasi if spent is None else spent
        category, verdict, efficiency = entry.category, entry.verdict, entry.efficiency
        if capaian is not None:
            if category is not None and category_of(rules, capaian) != category:
                category = None
            if verdict is not None and verdict_of(rules, capaian) != verdict:
                verdict = None
            if efficiency is not None and serapan is not None:
                derived = efficiency_of(rules, capaian, serapan, pagu, spent)
                efficiency = efficiency if derived in (None, efficiency) else None
        return attrs.evolve(entry, category=category, verdict=verdict, efficiency=efficiency)

    def entries(
        self, ind: Indicator, total: BudgetLine | None
    ) -> tuple[tuple[PrintedEntry, ...], dict[int, Decimal]]:
        """Printed entries that agree with the inputs and with what the rules compute;
        and the history, moved into a comparison column now and then."""
        draw, rules, year = self.draw, self.rules, self.year
        result = evaluate_indicator(ind, rules, trace=False)
        kind = ind.unit_kind
        marks = _unit_marks(kind)
        computed = result.status is Status.COMPUTED and result.capaian is not None
        out: list[PrintedEntry] = []
        entry_year = draw(st.sampled_from((year, None)))

        main: dict[str, Any] = {}
        assert ind.target is not None and ind.realisasi is not None
        if not ind.target.is_range and draw(st.booleans()):
            main["target"] = _with_unit(draw, _spell(draw, ind.target.low, marks), ind)
        count = ind.realisasi_count
        if count is not None:
            # Printed as reports print a quotient: rounded, beside its counts now and then.
            if draw(st.booleans()):
                main["realisasi"] = _percent(draw, ind.realisasi, rules)
            if draw(st.booleans()):
                main["numerator"] = _spell(draw, count.numerator, ())
                main["denominator"] = _spell(draw, count.denominator, ())
        elif draw(st.booleans()):
            main["realisasi"] = _with_unit(draw, _spell(draw, ind.realisasi, marks), ind)
        if computed and result.capaian is not None and draw(st.booleans()):
            main["capaian"] = _percent(draw, result.capaian, rules)
        if result.category is not None and draw(st.booleans()):
            main["category"] = _label_variant(draw, result.category)
        if result.verdict is not None and draw(st.booleans()):
            main["verdict"] = result.verdict
        if main:
            entry = PrintedEntry(where=self.where(), year=entry_year, **main)
            out.append(self.labels_agree(ind, result, entry))

        budget = ind.budget
        if budget is not None and budget.pagu and budget.realisasi is not None:
            money: dict[str, Any] = {}
            if draw(st.booleans()):
                money["pagu"] = _spell(draw, budget.pagu, ("Rp",))
            if draw(st.booleans()):
                money["realisasi_anggaran"] = _spell(draw, budget.realisasi, ("Rp",))
            if result.serapan is not None and result.serapan <= 100 and draw(st.booleans()):
                money["serapan"] = _percent(draw, result.serapan, rules)
            if (
                total is not None
                and total.pagu
                and budget.pagu <= total.pagu
                and draw(st.booleans())
            ):
                share = _EXACT.divide(_EXACT.multiply(budget.pagu, _HUNDRED), total.pagu)
                money["share"] = _percent(draw, share, rules)
            if result.efficiency is not None and draw(st.booleans()):
                money["efficiency"] = result.efficiency
            if money:
                entry = PrintedEntry(where=self.where(), year=entry_year, **money)
                out.append(self.labels_agree(ind, result, entry))

        if result.progress is not None and ind.renstra_target and draw(st.booleans()):
            progress = _percent(draw, result.progress, rules)
            out.append(PrintedEntry(where=self.where(), year=entry_year, progress=progress))

        history = dict(ind.history)
        previous = history.get(year - 1)
        if previous is not None and draw(st.booleans()):
            if draw(st.booleans()):
                del history[year - 1]  # the comparison column is then the only source
            out.append(
                PrintedEntry(
                    where=self.where(), year=year - 1, realisasi=_spell(draw, previous, marks)
                )
            )
        elif previous is None:
            # Without a realisasi of the year before, the audit misses its comparison.
            value = _times(
                ind.realisasi, draw(decimals("0.5", "1.5", places=2)), _KIND_PLACES[kind]
            )
            history[year - 1] = value
        return tuple(out), history

    def consistent(
        self, ident: str, lines: Sequence[BudgetLine], objectives: Sequence[str]
    ) -> Indicator:
        draw = self.draw
        objective = draw(st.sampled_from([None, *objectives]))
        ind = self.indicator(ident, objective=objective, lines=lines)
        ind = self.counted(ind)
        total = _total(lines)
        printed, history = self.entries(ind, total)
        ind = attrs.evolve(ind, printed=printed, history=history)
        return self.past_and_bounds(ind)

    # ------------------------------------------------------------ issue 16 (model)

    def counted(self, ind: Indicator) -> Indicator:
        """Now and then a percentage indicator whose realisasi is given by its counts."""
        draw = self.draw
        if (
            ind.unit_kind is not UnitKind.PERCENT
            or ind.realisasi is None
            or not 0 <= ind.realisasi <= 100
            or draw(st.integers(0, 2))
        ):
            return ind
        counted = _counted(draw, ind)
        result = evaluate_indicator(counted, self.rules, trace=False)
        return counted if self.plausible(result.capaian) else ind

    def past_and_bounds(self, ind: Indicator) -> Indicator:
        """Now and then the target of the year before, with a printed column of that
        year that agrees with it; and bounds that hold every figure of the indicator."""
        draw, rules, year = self.draw, self.rules, self.year
        previous = ind.history.get(year - 1)
        target = ind.target
        if (
            previous is not None
            and previous > 0
            and target is not None
            and not target.is_range
            and draw(st.booleans())
        ):
            places = _KIND_PLACES[ind.unit_kind]
            past = Target.point(_times(target.low, draw(decimals("0.8", "1.2", places=2)), places))
            assume(past.low > 0)
            with_past = attrs.evolve(ind, history_target={year - 1: past})
            result = evaluate_indicator(with_past, rules, trace=False)
            (done,) = result.past
            if done.capaian is not None and self.plausible(done.capaian) and done.capaian >= 0:
                column: dict[str, Any] = {
                    "target": _spell(draw, past.low, _unit_marks(ind.unit_kind))
                }
                if draw(st.booleans()):
                    column["capaian"] = _percent(draw, done.capaian, rules)
                    if done.category is not None and draw(st.booleans()):
                        column["category"] = done.category
                entry = PrintedEntry(where=self.where(), year=year - 1, **column)
                entry = self.labels_agree(with_past, result, entry)
                ind = attrs.evolve(with_past, printed=(*ind.printed, entry))
        if draw(st.integers(0, 2)) == 0:
            figures_ = [
                *([] if ind.target is None else [ind.target.low, ind.target.high]),
                *([] if ind.realisasi is None else [ind.realisasi]),
                *ind.history.values(),
                *(v for t in ind.history_target.values() for v in (t.low, t.high)),
            ]
            low, high = min(figures_), max(figures_)
            if ind.unit_kind is UnitKind.PERCENT and low >= 0 and high <= 100:
                low, high = _ZERO, _HUNDRED  # a share of a whole
            ind = attrs.evolve(ind, bounds=Bounds(low, high))
        return ind

    def case(
        self,
        indicators: Sequence[Indicator],
        objectives: Sequence[Objective],
        lines: Sequence[BudgetLine],
    ) -> Case:
        return Case(
            format=CASE_FORMAT,
            report=ReportInfo(
                agency="Dinas Koperasi dan Usaha Mikro Kota Contoh",
                year=self.year,
                rules=self.rules.name,
                source=f"LKjIP {self.year}",
            ),
            indicators=tuple(indicators),
            objectives=tuple(objectives),
            budget=tuple(lines),
        )


def _total(lines: Sequence[BudgetLine]) -> BudgetLine | None:
    return next((b for b in lines if b.id == "belanja"), None)


def _objectives(draw: st.DrawFn) -> list[Objective]:
    return [
        Objective(f"sasaran-{i + 1}", f"Meningkatnya Kinerja Sasaran {i + 1}")
        for i in range(draw(st.integers(0, 2)))
    ]


@st.composite
def cases(
    draw: st.DrawFn,
    rules: RuleSet | str | None = None,
    *,
    max_indicators: int = 4,
    budget: bool = True,
) -> Case:
    """A whole consistent case: ``kinerja_engine.check(case, rules)`` finds nothing.

    Indicators of every direction and unit kind (range targets included) with plausible
    figures, a realisasi of the year before, printed entries whose figures agree with
    the inputs and whose percentages and labels are what ``rules`` (default
    ``permendagri-86-2017``) computes and displays, written in Indonesian notation with
    marks and stray spaces; and, with ``budget``, a budget tree (program, kegiatan, sub
    kegiatan) whose parents foot to the sen and whose printed percentages follow from
    their amounts. ``report.rules`` names the rule set.

    Now and then an indicator carries the constructs of issue 16: a realisasi given by
    its counts (printed rounded, beside its numerator and denominator), the target of the
    year before with its printed column, and bounds that hold every figure.
    """
    ruleset = _resolve(rules)
    b = _Builder(draw, ruleset)
    lines: list[BudgetLine] = []
    if budget and draw(st.integers(0, 3)):
        nodes, leaves = b.tree()
        lines = _assemble(draw, nodes, leaves, ruleset, "Tabel 45")
    objectives = _objectives(draw)
    count = draw(st.integers(1, max(1, max_indicators)))
    slugs = draw(
        st.lists(
            st.sampled_from(("skm", "koperasi", "umkm", "ekspor", "ikm")),
            min_size=count,
            max_size=count,
        )
    )
    inds = [
        b.consistent(f"{slug}-{n + 1}", lines, [o.id for o in objectives])
        for n, slug in enumerate(slugs)
    ]
    return b.case(inds, objectives, lines)


# ---------------------------------------------------------------- planted faults


@attrs.frozen
class ExpectedFinding:
    """Where a planted fault must be reported: the finding's code and place."""

    code: str
    indicator: str | None = None
    budget: str | None = None
    where: str | None = None
    field: str | None = None
    node: str | None = None  # a program, objective or goal (issue 16)

    def matches(self, finding: Finding) -> bool:
        return (
            finding.code == self.code
            and finding.indicator == self.indicator
            and finding.budget == self.budget
            and finding.where == self.where
            and finding.field == self.field
            and finding.node == self.node
        )


@attrs.frozen
class PlantedFault:
    """A case with one inconsistency beyond tolerance, the finding it must raise, and the
    same fault within tolerance (``tolerated``), which must raise none.

    ``tolerated`` is ``None`` where the check has no tolerance to stay within (a missing
    realisasi is missing). ``case`` is otherwise consistent: every other check passes.
    """

    case: Case
    expected: ExpectedFinding
    tolerated: Case | None
    rules: RuleSet
    description: str


FAULT_CODES = (
    "capaian-recalc",
    "serapan-recalc",
    "share-recalc",
    "progress-recalc",
    "category-label",
    "efficiency-label",
    "verdict-label",
    "label-unknown",
    "budget-footing",
    "budget-percent",
    "budget-percent-undefined",
    "tie-out",
    "word-for-number",
    "unit-mismatch",
    "percent-over-100",
    "capaian-implausible",
    "period-mismatch",
    "realisasi-missing",
    "comparison-missing",
    # ---- issue 19 (evidence)
    "number-notation",
    "number-ambiguous",
    "unit-converted",
    "unit-noun",
    "printed-undefined",
    # ---- issue 16 (model)
    "figure-out-of-bounds",
    "capaian-negative",
    "count-recalc",
    "count-mismatch",
    # ---- issue 16 (cascade)
    "rollup-recalc",
    "rollup-printed",
    "rollup-category",
    "period-rollup",
)


def _formula_is(
    rules_formula: Callable[[Mapping[str, Decimal | None]], object],
    probes: Sequence[tuple[dict[str, Decimal | None], Decimal]],
) -> bool:
    try:
        return all(rules_formula(env) == want for env, want in probes)
    except KinerjaError:
        return False


def _env(**values: int | str) -> dict[str, Decimal | None]:
    env: dict[str, Decimal | None] = {
        "target": None,
        "target_low": None,
        "target_high": None,
        "realisasi": None,
        "renstra_target": None,
    }
    env.update({k: Decimal(v) for k, v in values.items()})
    return env


def _capaian_methods(rules: RuleSet) -> dict[Direction, str]:
    """The point-target capaian formulas of ``rules`` whose inverse the planter knows."""
    out = {}
    higher = [
        (_env(target=8, target_low=8, target_high=8, realisasi=7), Decimal("87.5")),
        (_env(target=4, target_low=4, target_high=4, realisasi=5), Decimal(125)),
    ]
    lower = [
        (_env(target=8, target_low=8, target_high=8, realisasi=7), Decimal("112.5")),
        (_env(target=4, target_low=4, target_high=4, realisasi=5), Decimal(75)),
    ]
    if _formula_is(rules.capaian[Direction.HIGHER_IS_BETTER.value], higher):
        out[Direction.HIGHER_IS_BETTER] = "ratio"
    if _formula_is(rules.capaian[Direction.LOWER_IS_BETTER.value], lower):
        out[Direction.LOWER_IS_BETTER] = "mirror"
    return out


def _progress_methods(rules: RuleSet) -> dict[Direction, str]:
    out = {}
    higher = rules.progress.get(Direction.HIGHER_IS_BETTER.value)
    lower = rules.progress.get(Direction.LOWER_IS_BETTER.value)
    if higher is not None and _formula_is(
        higher, [(_env(renstra_target=8, realisasi=7, target=8), Decimal("87.5"))]
    ):
        out[Direction.HIGHER_IS_BETTER] = "ratio"
    if lower is not None and _formula_is(
        lower, [(_env(renstra_target=8, realisasi=7, target=8), Decimal("112.5"))]
    ):
        out[Direction.LOWER_IS_BETTER] = "mirror"
    return out


def _serapan_is_ratio(rules: RuleSet) -> bool:
    return _formula_is(
        rules.serapan, [({"pagu": Decimal(8), "realisasi_anggaran": Decimal(7)}, Decimal("87.5"))]
    )


def _efficiency_checkable(rules: RuleSet) -> bool:
    """Whether the audit can derive an efficiency label (from capaian, serapan, amounts)."""
    probe = efficiency_of(rules, Decimal(90), Decimal(80), Decimal(1000), Decimal(800))
    return probe is not None and len(rules.efficiency_bands.bands) >= 2


def fault_codes(rules: RuleSet | str | None = None) -> tuple[str, ...]:
    """The finding codes :func:`planted_faults` can plant under ``rules``: all of
    :data:`FAULT_CODES` for the shipped rule sets; fewer for a rule set whose capaian,
    serapan or progress formulas are not the ones whose inverse the planter knows."""
    ruleset = _resolve(rules)
    out = []
    capaian = _capaian_methods(ruleset)
    for code in FAULT_CODES:
        if code in ("capaian-recalc", "number-ambiguous") and not capaian:
            continue
        if code == "capaian-implausible" and not _implausible_ways(ruleset):
            continue
        if code == "capaian-negative" and not _negative_ways(ruleset):
            continue
        if code == "progress-recalc" and not _progress_methods(ruleset):
            continue
        if code in ("serapan-recalc", "percent-over-100") and not _serapan_is_ratio(ruleset):
            continue
        if code == "efficiency-label" and not _efficiency_checkable(ruleset):
            continue
        if code == "category-label" and len(ruleset.categories.bands) < 2:
            continue
        if code.startswith("rollup-") and not _rollup_plantable(ruleset, code):
            continue
        if code == "period-rollup" and ruleset.audit.percent_tolerance == 0:
            continue
        out.append(code)
    return tuple(out)


def _implausible_ways(rules: RuleSet) -> list[str]:
    methods = _capaian_methods(rules)
    audit = rules.audit
    ways = []
    if Direction.HIGHER_IS_BETTER in methods and (
        rules.cap is None or rules.cap > audit.capaian_max
    ):
        ways.append("above")
    # Below a plausible minimum above zero: a capaian below zero is capaian-negative.
    if (
        Direction.LOWER_IS_BETTER in methods
        and audit.capaian_min > 0
        and (rules.floor is None or rules.floor < audit.capaian_min)
    ):
        ways.append("below")
    return ways


def _negative_ways(rules: RuleSet) -> list[Direction]:
    """The directions whose capaian the planter can take below zero (no floor at zero or
    above holds it)."""
    if rules.floor is not None and rules.floor >= 0:
        return []
    return sorted(_capaian_methods(rules))


def _tolerance(rules: RuleSet, places: int) -> Decimal:
    """The tolerance the audit grants a percentage printed with ``places`` decimals."""
    if rules.audit.percent_tolerance is not None:
        return rules.audit.percent_tolerance
    return _default_tolerance(rules, places)


def _default_tolerance(rules: RuleSet, places: int) -> Decimal:
    """How far a figure displayed with ``places`` decimals may be from the exact one."""
    if rules.rounding == ROUND_DOWN:
        return Decimal(1).scaleb(-places)
    return Decimal(5).scaleb(-(places + 1))


@attrs.frozen
class _Offset:
    """A printed percentage and the exact value it misstates: beyond and within tolerance."""

    printed: Decimal  # on the grid of its printed places
    exact_beyond: Decimal
    exact_within: Decimal


def _offset(draw: st.DrawFn, rules: RuleSet, low: Decimal, high: Decimal) -> _Offset:
    """A printed value v in [low, high] and two exact values: one off by more than the
    tolerance (up to three times it), one off by a non-zero amount within it (up to it,
    included)."""
    places = draw(st.sampled_from((rules.places, rules.places + 1)))
    tol = _tolerance(rules, places)
    lo, hi = low + 3 * tol, high - 3 * tol
    assume(lo < hi)
    quantum = Decimal(1).scaleb(-places)
    # Exactly ``places`` decimals: the tolerance follows from the digits printed.
    printed = draw(decimals(lo, hi, places=places)).quantize(quantum, ROUND_HALF_UP, _EXACT)
    grain = _EXACT.divide(tol, Decimal(500))
    sign = draw(st.sampled_from((1, -1)))
    # Often exactly at the tolerance and just past it, where < and <= part ways.
    past = draw(st.one_of(st.just(501), st.integers(501, 1500)))
    beyond = _EXACT.multiply(grain, Decimal(past * sign))
    within = _EXACT.multiply(
        grain, Decimal(draw(st.one_of(st.just(500), st.integers(1, 500))) * sign)
    )
    if rules.audit.percent_tolerance is None:
        # A printed figure is right when it is the exact value rounded as the rules round
        # to the places printed (issue 16): the exact value within is on the side that
        # rounds to it (at half a unit, half up keeps only the lower side).
        for candidate in (within, -within, _EXACT.multiply(grain, Decimal(sign))):
            if _shown(printed - candidate, places, rules) == printed:
                within = candidate
                break
        else:
            within = -_EXACT.multiply(grain, Decimal(1)) if rules.rounding == ROUND_DOWN else _ZERO
            assume(within != 0)
    return _Offset(printed, printed - beyond, printed - within)


def _printed_text(draw: st.DrawFn, value: Decimal) -> PrintedValue:
    return _pv(to_indonesian(value) + draw(st.sampled_from(("", " %", "%"))))


def _realisasi_for(method: str, target: Decimal, capaian: Decimal) -> Decimal:
    """The realisasi that gives exactly ``capaian`` on ``target`` (R/T or (2T−R)/T)."""
    if method == "ratio":
        return _EXACT.divide(_EXACT.multiply(capaian, target), _HUNDRED)
    return _EXACT.divide(_EXACT.multiply(target, _HUNDRED * 2 - capaian), _HUNDRED)


def _capaian_room(rules: RuleSet) -> tuple[Decimal, Decimal]:
    """Where a planted capaian may lie and stay the exact value (no cap, floor, bound)."""
    low = max(Decimal(10), rules.floor if rules.floor is not None else _ZERO)
    high = min(Decimal(190), rules.cap if rules.cap is not None else Decimal(190))
    return low, high


class _Planter:
    """Builds one planted fault on top of a consistent case."""

    def __init__(self, draw: st.DrawFn, rules: RuleSet) -> None:
        self.draw = draw
        self.rules = rules
        self.b = _Builder(draw, rules)
        self.year = self.b.year
        nodes, leaves = self.b.tree()
        self.nodes = nodes
        self.leaves = leaves
        self.objectives = _objectives(draw)
        self.lines = _assemble(draw, nodes, leaves, rules, "Tabel 45")
        self.others: list[Indicator] = [
            self.b.consistent(f"iku-{n + 1}", self.lines, [o.id for o in self.objectives])
            for n in range(draw(st.integers(0, 2)))
        ]
        self.where = self.b.where()
        self.ident = "faulty"

    def base(self, *, direction: Direction | None = None, budget: bool = False) -> Indicator:
        """The indicator that will carry the fault: a point target in %, plausible."""
        ind = self.b.indicator(self.ident, kind=UnitKind.PERCENT, direction=direction, point=True)
        if budget and (ind.budget is None or not ind.budget.pagu):
            pagu = self.draw(rupiah(10**6, 10**13))
            ind = attrs.evolve(
                ind, budget=Budget(pagu, _times(pagu, self.draw(decimals(0, 1, places=4)), 2))
            )
        if not ind.history:
            ind = attrs.evolve(ind, history={self.year - 1: ind.realisasi or Decimal(1)})
        return ind

    def case(self, faulty: Indicator | None, lines: Sequence[BudgetLine] | None = None) -> Case:
        inds = [*self.others, *([faulty] if faulty is not None else [])]
        return self.b.case(inds, self.objectives, self.lines if lines is None else lines)

    def expected(self, code: str, field: str | None, where: str | None = None) -> ExpectedFinding:
        return ExpectedFinding(code, indicator=self.ident, where=where, field=field)

    def entry(self, **fields: Any) -> tuple[PrintedEntry, ...]:
        return (PrintedEntry(where=self.where, year=self.year, **fields),)

    # ------------------------------------------------------------ recalculations

    def capaian_recalc(self) -> PlantedFault:
        methods = _capaian_methods(self.rules)
        direction = self.draw(st.sampled_from(sorted(methods)))
        ind = self.base(direction=direction)
        assert ind.target is not None
        off = _offset(self.draw, self.rules, *_capaian_room(self.rules))
        printed = self.entry(capaian=_printed_text(self.draw, off.printed))

        def at(exact: Decimal) -> Indicator:
            r = _realisasi_for(methods[direction], ind.target.low, exact)  # type: ignore[union-attr]
            return attrs.evolve(ind, realisasi=r, printed=printed)

        return PlantedFault(
            self.case(at(off.exact_beyond)),
            self.expected("capaian-recalc", "capaian", self.where),
            self.case(at(off.exact_within)),
            self.rules,
            f"printed capaian {off.printed} for an exact {off.exact_beyond}",
        )

    def serapan_recalc(self) -> PlantedFault:
        ind = self.base()
        off = _offset(self.draw, self.rules, Decimal(1), Decimal(99))
        pagu = self.draw(rupiah(10**6, 10**13))
        printed = self.entry(serapan=_printed_text(self.draw, off.printed))

        def at(exact: Decimal) -> Indicator:
            spent = _EXACT.divide(_EXACT.multiply(exact, pagu), _HUNDRED)
            return attrs.evolve(ind, budget=Budget(pagu, spent), printed=printed)

        return PlantedFault(
            self.case(at(off.exact_beyond)),
            self.expected("serapan-recalc", "serapan", self.where),
            self.case(at(off.exact_within)),
            self.rules,
            f"printed serapan {off.printed} for an exact {off.exact_beyond}",
        )

    def share_recalc(self) -> PlantedFault:
        ind = self.base()
        total = _total(self.lines)
        assert total is not None and total.pagu is not None
        off = _offset(self.draw, self.rules, Decimal(1), Decimal(99))
        printed = self.entry(share=_printed_text(self.draw, off.printed))

        def at(exact: Decimal) -> Indicator:
            pagu = _EXACT.divide(_EXACT.multiply(exact, total.pagu), _HUNDRED)  # type: ignore[arg-type]
            return attrs.evolve(ind, budget=Budget(pagu, pagu), printed=printed)

        return PlantedFault(
            self.case(at(off.exact_beyond)),
            self.expected("share-recalc", "share", self.where),
            self.case(at(off.exact_within)),
            self.rules,
            f"printed share {off.printed} for an exact {off.exact_beyond}",
        )

    def progress_recalc(self) -> PlantedFault:
        methods = _progress_methods(self.rules)
        direction = self.draw(st.sampled_from(sorted(methods)))
        ind = self.base(direction=direction)
        assert ind.target is not None
        renstra = ind.target.low
        off = _offset(self.draw, self.rules, Decimal(10), Decimal(190))
        printed = self.entry(progress=_printed_text(self.draw, off.printed))

        def at(exact: Decimal) -> Indicator:
            r = _realisasi_for(methods[direction], renstra, exact)
            return attrs.evolve(ind, realisasi=r, renstra_target=renstra, printed=printed)

        beyond, within = at(off.exact_beyond), at(off.exact_within)
        for faulty in (beyond, within):
            result = evaluate_indicator(faulty, self.rules, trace=False)
            assume(self.b.plausible(result.capaian))
        return PlantedFault(
            self.case(beyond),
            self.expected("progress-recalc", "progress", self.where),
            self.case(within),
            self.rules,
            f"printed progress {off.printed} for an exact {off.exact_beyond}",
        )

    # ------------------------------------------------------------ the budget tree

    def budget_percent(self) -> PlantedFault:
        leaf = self.draw(st.sampled_from(_leaves(self.nodes)))
        pagu = self.leaves[leaf.id][0]
        off = _offset(self.draw, self.rules, Decimal(1), Decimal(99))

        def lines(exact: Decimal) -> list[BudgetLine]:
            spent = _EXACT.divide(_EXACT.multiply(exact, pagu), _HUNDRED)
            nodes = [attrs.evolve(n, printed=False) if n.id == leaf.id else n for n in self.nodes]
            out = _assemble(
                self.draw, nodes, {**self.leaves, leaf.id: (pagu, spent)}, self.rules, "Tabel 45"
            )
            shown = _pv(to_indonesian(off.printed))
            return [attrs.evolve(b, printed_percent=shown) if b.id == leaf.id else b for b in out]

        return self._budget_fault(
            lines(off.exact_beyond),
            ExpectedFinding(
                "budget-percent", budget=leaf.id, where="Tabel 45", field="printed_percent"
            ),
            lines(off.exact_within),
            f"{leaf.id} prints {off.printed} % for an exact {off.exact_beyond}",
        )

    def budget_footing(self) -> PlantedFault:
        leaf = self.draw(st.sampled_from(_leaves(self.nodes)))
        field = self.draw(st.sampled_from(("pagu", "realisasi")))
        tol = self.rules.audit.amount_tolerance
        cents = Decimal("0.01")
        beyond = tol + cents * self.draw(st.integers(1, 10**6))
        within = _EXACT.divide(
            _EXACT.multiply(tol, Decimal(self.draw(st.integers(1, 100)))), _HUNDRED
        )

        def lines(delta: Decimal) -> list[BudgetLine]:
            out = []
            for line in self.lines:
                if line.id != leaf.id:
                    out.append(line)
                    continue
                moved = attrs.evolve(line, **{field: getattr(line, field) + delta})
                printed = None
                if moved.printed_percent is not None and moved.pagu:
                    assert moved.realisasi is not None
                    printed = _line_percent(self.draw, moved.pagu, moved.realisasi, self.rules)
                out.append(attrs.evolve(moved, printed_percent=printed))
            return out

        return self._budget_fault(
            lines(beyond),
            ExpectedFinding("budget-footing", budget=leaf.parent, where="Tabel 45", field=field),
            lines(within) if tol else None,
            f"{leaf.id}.{field} moved by {beyond}: {leaf.parent} no longer foots",
        )

    def budget_percent_undefined(self) -> PlantedFault:
        def lines(text: str) -> list[BudgetLine]:
            spare = BudgetLine(
                "cadangan", "DANA CADANGAN", _ZERO, _ZERO, None, _pv(text), "Tabel 46"
            )
            return [*self.lines, spare]

        return self._budget_fault(
            lines(self.draw(st.sampled_from(("0,00", "0", "0 %")))),
            ExpectedFinding(
                "budget-percent-undefined",
                budget="cadangan",
                where="Tabel 46",
                field="printed_percent",
            ),
            lines("-"),
            "a percentage printed for 0 / 0",
        )

    def _budget_fault(
        self,
        beyond: list[BudgetLine],
        expected: ExpectedFinding,
        within: list[BudgetLine] | None,
        description: str,
    ) -> PlantedFault:
        ind = self.base()
        return PlantedFault(
            self.case(ind, beyond),
            expected,
            None if within is None else self.case(ind, within),
            self.rules,
            description,
        )

    # ------------------------------------------------------------ tie-out and labels

    def tie_out(self) -> PlantedFault:
        ind = self.base()
        assert ind.target is not None and ind.realisasi is not None
        field = self.draw(st.sampled_from(("target", "realisasi")))
        value = ind.target.low if field == "target" else ind.realisasi
        other = value + Decimal(self.draw(st.integers(1, 50))).scaleb(-2)
        beyond = _spell(self.draw, other, ("%",))
        within = _spell(self.draw, value, ("%",))
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(**{field: beyond}))),
            self.expected("tie-out", field, self.where),
            self.case(attrs.evolve(ind, printed=self.entry(**{field: within}))),
            self.rules,
            f"{field} printed as {other} where the input is {value}",
        )

    def _recased(self, label: str) -> str:
        """The same label as a typist might print it: other case, extra spaces."""
        style = self.draw(st.sampled_from(("lower", "upper", "spaces", "abbreviated")))
        if style == "lower":
            return label.lower()
        if style == "upper":
            return label.upper()
        if style == "abbreviated":
            # "Sangat Tinggi (ST)": the label with its abbreviation (issue 19).
            return f"{label} ({''.join(w[0] for w in label.split()).upper()})"
        return "  ".join(label.split()) + " "

    def label(self, code: str) -> PlantedFault:
        rules = self.rules
        ind = self.base(budget=code == "efficiency-label")
        result = evaluate_indicator(ind, rules, trace=False)
        field = {
            "category-label": "category",
            "verdict-label": "verdict",
            "efficiency-label": "efficiency",
        }[code]
        right = getattr(result, field)
        assume(right is not None)
        if field == "category":
            vocabulary = [b.label for b in rules.categories.bands]
        elif field == "verdict":
            vocabulary = [rules.verdict_achieved, rules.verdict_not_achieved]
        else:
            vocabulary = [b.label for b in rules.efficiency_bands.bands]
        wrong = self.draw(st.sampled_from([v for v in vocabulary if v != right]))
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(**{field: wrong}))),
            self.expected(code, field, self.where),
            self.case(attrs.evolve(ind, printed=self.entry(**{field: self._recased(right)}))),
            rules,
            f"{field} printed {wrong!r} where the figures give {right!r}",
        )

    def label_unknown(self) -> PlantedFault:
        ind = self.base()
        result = evaluate_indicator(ind, self.rules, trace=False)
        assume(result.category is not None)
        assert result.category is not None
        known = {" ".join(b.label.lower().split()) for b in self.rules.categories.bands}
        word = self.draw(
            st.sampled_from(("Luar Biasa", "Memuaskan", "Sangat Memuaskan", "Amat Baik"))
        )
        assume(word.lower() not in known)
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(category=word))),
            self.expected("label-unknown", "category", self.where),
            self.case(
                attrs.evolve(ind, printed=self.entry(category=self._recased(result.category)))
            ),
            self.rules,
            f"category printed {word!r}, which the rule set does not use",
        )

    # ------------------------------------------------------------ screening

    def word_for_number(self) -> PlantedFault:
        ind = self.base()
        field = self.draw(
            st.sampled_from(("capaian", "serapan", "realisasi", "target", "progress"))
        )
        word = self.draw(
            st.sampled_from(("Sangat tinggi", "tidak ada data", "n/a", "belum diukur", "nihil"))
        )
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(**{field: _pv(word)}))),
            self.expected("word-for-number", field, self.where),
            self.case(attrs.evolve(ind, printed=self.entry(**{field: _pv("-")}))),
            self.rules,
            f"{field} printed as the word {word!r}",
        )

    def unit_mismatch(self) -> PlantedFault:
        ind = self.base(budget=True)
        assert ind.budget is not None and ind.budget.pagu and ind.budget.realisasi is not None
        result = evaluate_indicator(ind, self.rules, trace=False)
        field = self.draw(st.sampled_from(("serapan", "pagu")))
        if field == "serapan":
            assume(result.serapan is not None and result.serapan <= 100)
            assert result.serapan is not None
            wrong = _pv("Rp. " + to_indonesian(ind.budget.realisasi))
            right = _percent(self.draw, result.serapan, self.rules)
        else:
            wrong = _pv(to_indonesian(ind.budget.pagu) + " %")
            right = _pv("Rp. " + to_indonesian(ind.budget.pagu))
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(**{field: wrong}))),
            self.expected("unit-mismatch", field, self.where),
            self.case(attrs.evolve(ind, printed=self.entry(**{field: right}))),
            self.rules,
            f"{field} printed as {wrong.text!r}",
        )

    def percent_over_100(self) -> PlantedFault:
        ind = self.base()
        pagu = self.draw(rupiah(10**6, 10**13))
        factor = self.draw(decimals("1.02", "1.5", places=3))

        def at(spent: Decimal) -> Indicator:
            faulty = attrs.evolve(ind, budget=Budget(pagu, spent))
            result = evaluate_indicator(faulty, self.rules, trace=False)
            assert result.serapan is not None
            shown = _percent(self.draw, result.serapan, self.rules)
            return attrs.evolve(faulty, printed=self.entry(serapan=shown))

        return PlantedFault(
            self.case(at(_EXACT.multiply(pagu, factor))),
            self.expected("percent-over-100", "serapan", self.where),
            self.case(at(pagu)),
            self.rules,
            f"serapan {factor * 100} % printed for realisasi above pagu",
        )

    # ------------------------------------------------------------ the indicator as a whole

    def capaian_implausible(self) -> PlantedFault:
        way = self.draw(st.sampled_from(_implausible_ways(self.rules)))
        audit = self.rules.audit
        if way == "above":
            ind = self.base(direction=Direction.HIGHER_IS_BETTER)
            edge, method = audit.capaian_max, "ratio"
            step = Decimal(self.draw(st.integers(1, 10**4))).scaleb(-2)
            beyond = edge + step
        else:
            ind = self.base(direction=Direction.LOWER_IS_BETTER)
            edge, method = audit.capaian_min, "mirror"
            # Not below zero: that is capaian-negative.
            step = Decimal(self.draw(st.integers(1, max(1, int(edge * 100))))).scaleb(-2)
            beyond = edge - step
        assert ind.target is not None

        def at(capaian: Decimal) -> Indicator:
            return attrs.evolve(ind, realisasi=_realisasi_for(method, ind.target.low, capaian))  # type: ignore[union-attr]

        return PlantedFault(
            self.case(at(beyond)),
            self.expected("capaian-implausible", "capaian", "input"),
            self.case(at(edge)),
            self.rules,
            f"capaian {beyond} outside [{audit.capaian_min}, {audit.capaian_max}]",
        )

    def period_mismatch(self) -> PlantedFault:
        ind = self.base()
        assert ind.realisasi is not None
        later = self.draw(st.integers(1, 3))
        previous = ind.history[self.year - 1]
        beyond = (
            PrintedEntry(
                where=self.where,
                year=self.year + later,
                realisasi=_pv(to_indonesian(ind.realisasi)),
            ),
        )
        within = (
            PrintedEntry(
                where=self.where, year=self.year - 1, realisasi=_pv(to_indonesian(previous))
            ),
        )
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=beyond)),
            self.expected("period-mismatch", "year", self.where),
            self.case(attrs.evolve(ind, printed=within)),
            self.rules,
            f"a heading names {self.year + later} in a report for {self.year}",
        )

    def realisasi_missing(self) -> PlantedFault:
        ind = attrs.evolve(self.base(), realisasi=None)
        return PlantedFault(
            self.case(ind),
            self.expected("realisasi-missing", "realisasi"),
            None,
            self.rules,
            "a target without a realisasi",
        )

    def comparison_missing(self) -> PlantedFault:
        ind = attrs.evolve(self.base(), history={})
        assert ind.realisasi is not None
        before = _times(ind.realisasi, self.draw(decimals("0.5", "1.5", places=2)), 2)
        column = (
            PrintedEntry(
                where=self.where, year=self.year - 1, realisasi=_pv(to_indonesian(before))
            ),
        )
        return PlantedFault(
            self.case(ind),
            self.expected("comparison-missing", f"realisasi {self.year - 1}"),
            self.case(attrs.evolve(ind, printed=column)),
            self.rules,
            "no realisasi of the year before",
        )

    # ------------------------------------------------------------ issue 19 (evidence)

    def number_notation(self) -> PlantedFault:
        """A realisasi in English notation ("87.61"): read, and named as info."""
        ind = self.base()
        assert ind.realisasi is not None
        fraction = format(ind.realisasi, "f").partition(".")[2].rstrip("0")
        assume(1 <= len(fraction) <= 2)
        whole = format(ind.realisasi, "f").partition(".")[0]
        english = _pv(f"{whole}.{fraction}")
        assert english.value == ind.realisasi and english.notation == "en"
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(realisasi=english))),
            self.expected("number-notation", "realisasi", self.where),
            self.case(
                attrs.evolve(ind, printed=self.entry(realisasi=_pv(to_indonesian(ind.realisasi))))
            ),
            self.rules,
            f"realisasi printed in English notation as {english.text!r}",
        )

    def number_ambiguous(self) -> PlantedFault:
        """A capaian printed "98.125": 98125 in Indonesian notation, 98,125 in English,
        which the figures give: a question, and no recalculation error."""
        methods = _capaian_methods(self.rules)
        direction = self.draw(st.sampled_from(sorted(methods)))
        ind = self.base(direction=direction)
        assert ind.target is not None
        low, high = _capaian_room(self.rules)
        exact = self.draw(decimals(low, high, places=3))
        assume(exact.as_tuple().exponent == -3 and exact >= 1)
        r = _realisasi_for(methods[direction], ind.target.low, exact)
        text = format(exact, "f")
        both = _pv(text)
        assume(both.alternative == exact)
        faulty = attrs.evolve(ind, realisasi=r, printed=self.entry(capaian=both))
        plain = attrs.evolve(faulty, printed=self.entry(capaian=_pv(to_indonesian(exact))))
        return PlantedFault(
            self.case(faulty),
            self.expected("number-ambiguous", "capaian", self.where),
            self.case(plain),
            self.rules,
            f"capaian printed {text!r} for an exact {exact}",
        )

    def unit_converted(self) -> PlantedFault:
        """A realisasi of a percentage printed per mille: converted and held as the input."""
        ind = self.base()
        assert ind.realisasi is not None
        per_mille = _pv(to_indonesian(ind.realisasi * 10) + " ‰")
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(realisasi=per_mille))),
            self.expected("unit-converted", "realisasi", self.where),
            self.case(
                attrs.evolve(
                    ind, printed=self.entry(realisasi=_pv(to_indonesian(ind.realisasi) + " %"))
                )
            ),
            self.rules,
            f"realisasi printed as {per_mille.text!r} for a percentage",
        )

    def unit_noun(self) -> PlantedFault:
        """A count printed with another noun than its unit ("2 Kegaiatan"): a warning."""
        ind = self.b.indicator(self.ident, kind=UnitKind.COUNT, point=True)
        realisasi = ind.realisasi
        assert realisasi is not None
        if not ind.history:
            ind = attrs.evolve(ind, history={self.year - 1: realisasi})
        noun = self.draw(st.sampled_from(("Kegaiatan", "orng", "buah")))
        assume(noun.lower() != ind.unit.lower())
        count = to_indonesian(realisasi)
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(realisasi=_pv(f"{count} {noun}")))),
            self.expected("unit-noun", "realisasi", self.where),
            self.case(attrs.evolve(ind, printed=self.entry(realisasi=_pv(f"{count} {ind.unit}")))),
            self.rules,
            f"realisasi printed as {count} {noun} for a count in {ind.unit}",
        )

    def printed_undefined(self) -> PlantedFault:
        """A capaian printed for a target of zero, where none can be computed."""
        ind = attrs.evolve(self.base(), target=Target.point(_ZERO), renstra_target=None)
        return PlantedFault(
            self.case(attrs.evolve(ind, printed=self.entry(capaian=_pv("100")))),
            self.expected("printed-undefined", "capaian", self.where),
            None,
            self.rules,
            "a capaian printed for a target of zero",
        )

    # ------------------------------------------------------------ issue 16 (model)

    def figure_out_of_bounds(self) -> PlantedFault:
        """A share of a whole (bounds 0 to 100) with a realisasi above 100 (a prison's
        penyerapan anggaran of 114 %)."""
        ind = self.base(direction=Direction.HIGHER_IS_BETTER)
        ind = attrs.evolve(
            ind,
            target=Target.point(_HUNDRED),
            history={self.year - 1: Decimal(90)},
            renstra_target=None,
            bounds=Bounds(_ZERO, _HUNDRED),
        )
        over = _HUNDRED + Decimal(self.draw(st.integers(1, 5000))).scaleb(-2)
        return PlantedFault(
            self.case(attrs.evolve(ind, realisasi=over)),
            self.expected("figure-out-of-bounds", "realisasi", "input"),
            self.case(attrs.evolve(ind, realisasi=_HUNDRED)),
            self.rules,
            f"realisasi {over} above the bounds [0, 100]",
        )

    def capaian_negative(self) -> PlantedFault:
        """A capaian below zero: a decrease written as a negative realisasi."""
        direction = self.draw(st.sampled_from(_negative_ways(self.rules)))
        method = _capaian_methods(self.rules)[direction]
        ind = self.base(direction=direction)
        assert ind.target is not None
        below = -Decimal(self.draw(st.integers(1, 10**4))).scaleb(-2)
        edge = max(_ZERO, self.rules.audit.capaian_min)

        def at(capaian: Decimal) -> Indicator:
            return attrs.evolve(ind, realisasi=_realisasi_for(method, ind.target.low, capaian))  # type: ignore[union-attr]

        return PlantedFault(
            self.case(at(below)),
            self.expected("capaian-negative", "capaian", "input"),
            self.case(at(edge)),
            self.rules,
            f"capaian {below} below zero",
        )

    def _counts_for(self, exact: Decimal) -> Count:
        """Counts whose quotient is exactly ``exact`` percent."""
        places = max(0, -int(exact.as_tuple().exponent))
        scale = Decimal(10) ** places
        return Count(exact * scale, _HUNDRED * scale)

    def count_recalc(self) -> PlantedFault:
        """A printed percentage that does not follow from the counts beside it."""
        ind = attrs.evolve(
            self.base(direction=Direction.HIGHER_IS_BETTER),
            target=Target.point(_HUNDRED),
            renstra_target=None,
        )
        off = _offset(self.draw, self.rules, Decimal(1), Decimal(99))
        shown = self.draw(st.booleans())

        def at(exact: Decimal) -> Indicator:
            count = self._counts_for(exact)
            fields: dict[str, Any] = {"realisasi": _printed_text(self.draw, off.printed)}
            if shown:
                fields["numerator"] = _pv(to_indonesian(count.numerator))
                fields["denominator"] = _pv(to_indonesian(count.denominator))
            counted = attrs.evolve(
                ind,
                realisasi_count=count,
                printed=self.entry(**fields),
                history={self.year - 1: exact},
            )
            return with_counts(counted)

        return PlantedFault(
            self.case(at(off.exact_beyond)),
            self.expected("count-recalc", "realisasi", self.where),
            self.case(at(off.exact_within)),
            self.rules,
            f"printed {off.printed} % for counts giving {off.exact_beyond} %",
        )

    def count_mismatch(self) -> PlantedFault:
        """A table that prints another numerator or denominator than the case's counts."""
        ind = attrs.evolve(
            self.base(direction=Direction.HIGHER_IS_BETTER),
            target=Target.point(_HUNDRED),
            renstra_target=None,
        )
        denominator = Decimal(self.draw(st.integers(2, 500)))
        numerator = Decimal(self.draw(st.integers(1, int(denominator))))
        count = Count(numerator, denominator)
        ind = with_counts(attrs.evolve(ind, realisasi_count=count))
        ind = attrs.evolve(ind, history={self.year - 1: ind.realisasi or _HUNDRED})
        field = self.draw(st.sampled_from(("numerator", "denominator")))
        value = numerator if field == "numerator" else denominator
        other = value + Decimal(self.draw(st.integers(1, 9)))
        return PlantedFault(
            self.case(
                attrs.evolve(ind, printed=self.entry(**{field: _spell(self.draw, other, ())}))
            ),
            self.expected("count-mismatch", field, self.where),
            self.case(
                attrs.evolve(ind, printed=self.entry(**{field: _spell(self.draw, value, ())}))
            ),
            self.rules,
            f"{field} printed as {other} where the case counts {value}",
        )


def planted_faults(
    rules: RuleSet | str | None = None, *, codes: Sequence[str] | None = None
) -> SearchStrategy[PlantedFault]:
    """A case with one planted inconsistency and the finding it must raise.

    The fault is one of ``codes`` (default: every code :func:`fault_codes` allows under
    ``rules``, one per check of the audit's catalogue): a recomputed percentage printed
    off by up to three times the tolerance, a budget line that no longer foots, a label
    that contradicts the figures or is not the rule set's, a word or a rupiah amount in
    a number column, a quantity printed with two values, a serapan above 100 %, a
    capaian beyond the plausible bounds, a heading year after the report's, a missing
    realisasi or comparison year. The rest of the case is consistent (see :func:`cases`).

    ``tolerated`` carries the same fault within tolerance: the percentage off by no more
    than the tolerance, a label in another case or spacing, the same figure written
    differently, ``-`` instead of a word, a capaian exactly at the bound.
    """
    ruleset = _resolve(rules)
    available = fault_codes(ruleset)
    if codes is not None:
        available = tuple(c for c in available if c in codes)
    if not available:
        raise ValueError(f"no fault of {list(codes or [])} can be planted under {ruleset.name}")
    return _planted(ruleset, available)


@st.composite
def _planted(draw: st.DrawFn, ruleset: RuleSet, available: Sequence[str]) -> PlantedFault:
    code = draw(st.sampled_from(available))
    p = _Planter(draw, ruleset)
    planters: dict[str, Callable[[], PlantedFault]] = {
        "capaian-recalc": p.capaian_recalc,
        "serapan-recalc": p.serapan_recalc,
        "share-recalc": p.share_recalc,
        "progress-recalc": p.progress_recalc,
        "budget-percent": p.budget_percent,
        "budget-footing": p.budget_footing,
        "budget-percent-undefined": p.budget_percent_undefined,
        "tie-out": p.tie_out,
        "category-label": functools.partial(p.label, "category-label"),
        "verdict-label": functools.partial(p.label, "verdict-label"),
        "efficiency-label": functools.partial(p.label, "efficiency-label"),
        "label-unknown": p.label_unknown,
        "word-for-number": p.word_for_number,
        "unit-mismatch": p.unit_mismatch,
        "percent-over-100": p.percent_over_100,
        "capaian-implausible": p.capaian_implausible,
        "period-mismatch": p.period_mismatch,
        "realisasi-missing": p.realisasi_missing,
        "comparison-missing": p.comparison_missing,
        "number-notation": p.number_notation,
        "number-ambiguous": p.number_ambiguous,
        "unit-converted": p.unit_converted,
        "unit-noun": p.unit_noun,
        "printed-undefined": p.printed_undefined,
        "figure-out-of-bounds": p.figure_out_of_bounds,
        "capaian-negative": p.capaian_negative,
        "count-recalc": p.count_recalc,
        "count-mismatch": p.count_mismatch,
        # ---- issue 16 (cascade)
        "rollup-recalc": functools.partial(_plant_rollup, p, "rollup-recalc"),
        "rollup-printed": functools.partial(_plant_rollup, p, "rollup-printed"),
        "rollup-category": functools.partial(_plant_rollup, p, "rollup-category"),
        "period-rollup": functools.partial(_plant_period_rollup, p),
    }
    return planters[code]()


# ---------------------------------------------------------------- issue 16 (cascade):
# periods and the performance tree


def _split(draw: st.DrawFn, kind: IndicatorKind, total: Decimal, count: int) -> list[Decimal]:
    """``count`` period figures that ``kind`` makes ``total`` of."""
    others = [draw(decimals(0, 1, places=2)) * abs(total) for _ in range(count - 1)]
    if kind is IndicatorKind.CUMULATIVE:
        return [*others, total - sum(others, _ZERO)]
    if kind is IndicatorKind.AVERAGE:
        return [*others, total * count - sum(others, _ZERO)]
    if kind is IndicatorKind.MAX:
        return [*(total - abs(o) - 1 for o in others), total]
    if kind is IndicatorKind.MIN:
        return [*(total + abs(o) + 1 for o in others), total]
    return [*others, total]


def _periods_of(draw: st.DrawFn, kind: IndicatorKind, total: Decimal) -> dict[Period, Decimal]:
    family = draw(
        st.sampled_from(((Period.TW1, Period.TW2, Period.TW3, Period.TW4), (Period.S1, Period.S2)))
    )
    values = _split(draw, kind, total, len(family))
    return dict(zip(family, values, strict=True))


@st.composite
def period_cases(draw: st.DrawFn, rules: RuleSet | str | None = None) -> Case:
    """A case of a year, a semester or a quarter whose indicators carry period figures
    (quarters or semesters) and a kind, and sometimes a target for the report's period.

    Each indicator's period figures make, under its kind, the realisasi it would have for
    the year; that realisasi is given only in an annual case (sometimes), else it is left
    for the period figures to make. ``check`` may find what it finds of any case (a
    comparison year missing), never a ``period-rollup``.
    """
    ruleset = _resolve(rules)
    b = _Builder(draw, ruleset)
    period = draw(st.sampled_from(list(Period)))
    inds = []
    for n in range(draw(st.integers(1, 4))):
        ind = b.indicator(f"iku-{n + 1}", point=True)
        assert ind.realisasi is not None and ind.target is not None
        kind = draw(st.sampled_from(list(IndicatorKind)))
        periods = _periods_of(draw, kind, ind.realisasi)
        keep = period is Period.ANNUAL and draw(st.booleans())
        targets: dict[Period, Decimal] = {}
        if period is not Period.ANNUAL and draw(st.booleans()):
            targets[period] = _times(ind.target.low, draw(decimals("0.2", 1, places=2)), 2)
        inds.append(
            attrs.evolve(
                ind,
                realisasi=ind.realisasi if keep else None,
                kind=kind,
                periods=periods,
                target_periods=targets,
            )
        )
    case = b.case(inds, [], [])
    return attrs.evolve(case, report=attrs.evolve(case.report, period=period))


@st.composite
def cascade_cases(
    draw: st.DrawFn, rules: RuleSet | str | None = None, *, weights: bool = True
) -> Case:
    """A case with a performance tree: goals (tujuan), objectives (sasaran) under them,
    programs under the objectives, indicators under a program or straight under an
    objective (some under neither), with a weight on some nodes when ``weights``."""
    ruleset = _resolve(rules)
    b = _Builder(draw, ruleset)

    def weight() -> Decimal | None:
        return draw(st.none() | decimals(1, 10, places=1)) if weights else None

    goals = [
        Goal(f"tujuan-{i + 1}", f"Tujuan {i + 1}", weight=weight())
        for i in range(draw(st.integers(1, 2)))
    ]
    objectives = [
        Objective(
            f"sasaran-{i + 1}",
            f"Sasaran {i + 1}",
            goal=draw(st.sampled_from([g.id for g in goals])),
            weight=weight(),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    programs = [
        Program(
            f"program-{i + 1}",
            f"Program {i + 1}",
            objective=draw(st.sampled_from([o.id for o in objectives])),
            weight=weight(),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    inds = []
    for n in range(draw(st.integers(1, 6))):
        ind = b.indicator(f"iku-{n + 1}", kind=UnitKind.PERCENT)
        home = draw(st.sampled_from(["program", "objective", "none"]))
        if home == "program" and programs:
            ind = attrs.evolve(ind, program=draw(st.sampled_from([p.id for p in programs])))
        elif home != "none":
            ind = attrs.evolve(ind, objective=draw(st.sampled_from([o.id for o in objectives])))
        inds.append(attrs.evolve(ind, weight=weight()))
    case = b.case(inds, objectives, [])
    return attrs.evolve(case, goals=tuple(goals), programs=tuple(programs))


def with_rollups(rules: RuleSet, **methods: str) -> RuleSet:
    """``rules`` with the roll-up ``methods`` by level (``program=``, ``objective=``,
    ``goal=``: ``"mean"``, ``"weighted_mean"``, ``"geometric_mean"``,
    ``"weighted_geometric_mean"``, ``"min"``), the weights the rule set gives kept."""
    rollups = dict(rules.rollups)
    for level, method in methods.items():
        rollups[level] = (method, rollups.get(level, (method, {}))[1])
    return attrs.evolve(rules, rollups=rollups)


def _rollup_plantable(rules: RuleSet, code: str) -> bool:
    if rules.audit.percent_tolerance is not None or not _capaian_methods(rules):
        return False
    return code != "rollup-category" or len(rules.categories.bands) >= 2


_NODE = "sasaran-uji"


def _plant_rollup(p: _Planter, code: str) -> PlantedFault:
    """An objective whose one member's capaian is exact: its printed capaian misstates the
    roll-up (``rollup-recalc``), or its member's printed capaian (``rollup-printed``), or
    its printed category is another band's (``rollup-category``)."""
    draw, rules = p.draw, p.rules
    methods = _capaian_methods(rules)
    direction = draw(st.sampled_from(sorted(methods)))
    ind = attrs.evolve(p.base(direction=direction, budget=True), objective=_NODE)
    assert ind.target is not None
    off = _offset(draw, rules, *_capaian_room(rules))
    where = p.where
    node = Objective(_NODE, "Sasaran yang diuji")

    def case(exact: Decimal, node_entry: PrintedEntry, member: tuple[PrintedEntry, ...]) -> Case:
        r = _realisasi_for(methods[direction], ind.target.low, exact)  # type: ignore[union-attr]
        faulty = attrs.evolve(ind, realisasi=r, printed=member)
        base = p.case(faulty)
        return attrs.evolve(
            base, objectives=(*base.objectives, attrs.evolve(node, printed=(node_entry,)))
        )

    expected = ExpectedFinding(code, where=where, field="capaian", node=_NODE)
    if code == "rollup-recalc":
        printed_pv = _printed_text(draw, off.printed)
        beyond = case(off.exact_beyond, PrintedEntry(where, year=p.year, capaian=printed_pv), ())
        within = case(off.exact_within, PrintedEntry(where, year=p.year, capaian=printed_pv), ())
        return PlantedFault(beyond, expected, within, rules, "objective capaian misstated")
    member = (PrintedEntry(where, year=p.year, capaian=_printed_text(draw, off.printed)),)
    if code == "rollup-printed":
        # The member prints its capaian within tolerance; the objective prints the exact
        # roll-up to more places, which the member's printed figure does not give.
        places = max(rules.places, _places(off.printed)) + 4
        exact = off.exact_within
        fine = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, _EXACT)
        node_pv = _pv(to_indonesian(fine))
        faulty = case(exact, PrintedEntry(where, year=p.year, capaian=node_pv), member)
        same = case(exact, PrintedEntry(where, year=p.year, capaian=member[0].capaian), member)
        return PlantedFault(faulty, expected, same, rules, "objective mean of printed figures")
    # rollup-category: the band of the objective's figure, and another band's label.
    exact = off.exact_within
    report = evaluate_case(case(exact, PrintedEntry(where), ()), rules)
    right = next(o for o in report.objectives if o.id == _NODE).category
    assume(right is not None)
    wrong = draw(st.sampled_from([b.label for b in rules.categories.bands if b.label != right]))
    expected = attrs.evolve(expected, field="category")
    return PlantedFault(
        case(exact, PrintedEntry(where, year=p.year, category=wrong), ()),
        expected,
        case(exact, PrintedEntry(where, year=p.year, category=right), ()),
        rules,
        "objective category",
    )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _plant_period_rollup(p: _Planter) -> PlantedFault:
    """An indicator whose realisasi is not what its period figures make under its kind."""
    draw, rules = p.draw, p.rules
    ind = p.base()
    assert ind.realisasi is not None
    given = ind.realisasi.quantize(Decimal("0.01"), ROUND_HALF_UP, _EXACT)
    tol = _tolerance(rules, 2)
    kind = draw(st.sampled_from(list(IndicatorKind)))
    sign = draw(st.sampled_from((1, -1)))
    beyond = given + sign * (tol * 3 if tol else Decimal(1))
    if rules.audit.percent_tolerance is not None:
        within = given + sign * tol / 2
    else:
        # A figure is right when the exact value, rounded as the rules round, gives it:
        # under rounding down only a value above it does.
        within = given + (tol / 4 if sign > 0 or rules.rounding == ROUND_DOWN else -tol / 4)

    def case(total: Decimal) -> Case:
        periods = _periods_of(draw, kind, total)
        return p.case(attrs.evolve(ind, realisasi=given, kind=kind, periods=periods))

    return PlantedFault(
        case(beyond),
        ExpectedFinding("period-rollup", indicator=p.ident, where="input", field="realisasi"),
        case(within),
        rules,
        "realisasi against its quarters",
    )
