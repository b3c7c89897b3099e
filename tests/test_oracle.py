"""Agreement with an independent oracle.

The oracle below is written from the formulas in the domain notes (shared/domain.md) and
the headers of the shipped rule sets, in exact rational arithmetic (fractions.Fraction)
with rounding done by hand. It shares no code with the engine: not its formula language,
not its bands, not its rounding. The engine must agree with it figure for figure, label
for label, on generated inputs, including capaian values placed on band edges and exactly
half-way between two displayed values, where a wrong edge or rounding mode shows.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, Direction, Indicator, ReportInfo, Target, UnitKind
from kinerja_engine.domain.results import Status
from kinerja_engine.evaluation.indicator import evaluate_indicator
from kinerja_engine.rendering.basic import report_to_dict
from kinerja_engine.testing import strategies as ks

HIGHER, LOWER, WITHIN = "higher_is_better", "lower_is_better", "within_range"
SHIPPED = ("permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017")
RULES = {name: ke.load_rules(name) for name in SHIPPED}


# ---------------------------------------------------------------- the oracle


def half_up(x: Fraction, places: int = 2) -> Fraction:
    """x rounded to ``places`` decimals, halves away from zero (87,505 -> 87,51)."""
    scale = 10**places
    n = math.floor(abs(x) * scale + Fraction(1, 2))
    return Fraction(n if x >= 0 else -n, scale)


def capaian(direction: str, low: Fraction, high: Fraction, r: Fraction) -> Fraction | None:
    """Capaian in percent, uncapped, as domain.md and the PermenPAN-RB guide give it."""
    if low <= 0:
        return None
    if low == high:
        t = low
        if direction == HIGHER:
            return r / t * 100
        if direction == LOWER:
            return (2 * t - r) / t * 100
        if r > t:
            return (2 * t - r) / t * 100
        return r / t * 100 if r < t else Fraction(100)
    # A target range: inside it 100; outside, against the bound that was missed.
    if direction == HIGHER:
        if r > high:
            return r / high * 100
        return r / low * 100 if r < low else Fraction(100)
    if direction == LOWER:
        if r < low:
            return (2 * low - r) / low * 100
        return (2 * high - r) / high * 100 if r > high else Fraction(100)
    if r > high:
        return (2 * high - r) / high * 100
    return r / low * 100 if r < low else Fraction(100)


def category(c: Fraction) -> str:
    """Permendagri 86/2017 on the displayed capaian: >= 91, [76, 91), [66, 76), [51, 66), < 51."""
    shown = half_up(c)
    if shown >= 91:
        return "Sangat Tinggi"
    if shown >= 76:
        return "Tinggi"
    if shown >= 66:
        return "Sedang"
    if shown >= 51:
        return "Rendah"
    return "Sangat Rendah"


def verdict(c: Fraction) -> str:
    return "Tercapai" if half_up(c) >= 100 else "Tidak Tercapai"


def efficiency(
    rules: str, c: Fraction, serapan: Fraction, pagu: Fraction, spent: Fraction
) -> str | None:
    if rules == "permendagri-86-2017":
        # The seed's practice: performance at least equal to absorption is efficient.
        return "Efisien" if half_up(c) - half_up(serapan) >= 0 else "Tidak Efisien"
    if rules == "kepmendagri-690-1996":
        if half_up(c) == 0:
            return None
        ratio = half_up(half_up(serapan) / half_up(c) * 100)
        for edge, label in ((60, "Sangat Efisien"), (80, "Efisien"), (90, "Cukup Efisien")):
            if ratio < edge:
                return label
        return "Kurang Efisien" if ratio < 100 else "Tidak Efisien"
    # PMK 214/2017: E = (pagu*c - realisasi) / (pagu*c) * 100, nilai 50 + E/20*50 in [0, 100].
    planned = pagu * c / 100
    if planned == 0:
        return None
    e = (planned - spent) / planned * 100
    score = half_up(max(Fraction(0), min(Fraction(100), 50 + e / 20 * 50)))
    return "Efisien" if score >= 50 else "Tidak Efisien"


def progress(direction: str, r: Fraction, renstra: Fraction) -> Fraction | None:
    if renstra == 0 or direction == WITHIN:
        return None
    if direction == HIGHER:
        return r / renstra * 100
    return (2 * renstra - r) / renstra * 100


def shown(value: Fraction | None) -> str | None:
    """A figure as the JSON output must carry it: two places, half-up, as text."""
    if value is None:
        return None
    return format(Decimal(half_up(value).numerator) / Decimal(half_up(value).denominator), ".2f")


def close(engine: Decimal | None, exact: Fraction | None) -> bool:
    """The engine computes in 50 significant digits; the oracle exactly."""
    if engine is None or exact is None:
        return engine is None and exact is None
    return abs(Fraction(engine) - exact) <= abs(exact) * Fraction(1, 10**45) + Fraction(1, 10**45)


# ---------------------------------------------------------------- the oracle is right


@pytest.mark.parametrize(
    ("direction", "low", "high", "r", "printed"),
    [
        (LOWER, "20", "20", "16.82", "115.90"),  # Surabaya 2014, genangan
        (HIGHER, "79", "80", "80.07", "100.09"),  # Surabaya 2016, IPM, above the range
        (LOWER, "7", "8", "6.5", "107.14"),  # PermenPAN-RB, printed "107 %"
        (LOWER, "7", "8", "9", "87.50"),  # PermenPAN-RB, printed "87,5 %"
    ],
)
def test_oracle_reproduces_published_examples(
    direction: str, low: str, high: str, r: str, printed: str
) -> None:
    value = capaian(direction, Fraction(low), Fraction(high), Fraction(r))
    assert shown(value) == printed
    assert shown(Fraction("734881464333") / Fraction("855830897000") * 100) == "85.87"  # PMK 214


# ---------------------------------------------------------------- generated inputs

EDGES = (51, 66, 76, 91, 100)
# Offsets that straddle a band edge after rounding to two places: one cent below, half a
# cent below (rounds up, half-up), a hair below half a cent (rounds down), on it, above.
OFFSETS = ("-0.01", "-0.005", "-0.0051", "-0.0049", "0", "0.004", "0.005", "0.01")


def capaian_points() -> st.SearchStrategy[Decimal]:
    """Capaian values where mistakes show: band edges and their neighbours, exact halves
    of a cent (87,505: half-up gives 87,51, half-even 87,50), and anything else."""
    edges = st.builds(
        lambda e, o: Decimal(e) + Decimal(o), st.sampled_from(EDGES), st.sampled_from(OFFSETS)
    )
    halves = st.integers(0, 39_999).map(lambda n: Decimal(2 * n + 1) * Decimal("0.005"))
    return st.one_of(edges, halves, ks.percentages(0, 200, places=4))


@st.composite
def planned(draw: st.DrawFn) -> tuple[Indicator, str]:
    """An indicator whose capaian lands where ``capaian_points`` says, or anywhere."""
    direction = draw(st.sampled_from((HIGHER, LOWER, WITHIN)))
    kind = draw(st.sampled_from(list(UnitKind)))
    target = draw(ks.figures(kind))
    branch = draw(st.sampled_from(("point", "point", "range", "any")))
    if branch == "range":
        # Below, inside and above a target range: each side has its own bound.
        high = target + draw(ks.figures(kind))
        r = draw(
            st.one_of(
                ks.decimals(0, 1, places=3).map(lambda f: target * f),
                ks.decimals(0, 1, places=3).map(lambda f: target + (high - target) * f),
                ks.decimals(1, "2.5", places=3).map(lambda f: high * f),
            )
        )
        ind = Indicator(
            id="x",
            name="x",
            unit="%",
            direction=Direction(direction),
            target=Target(target, high),
            realisasi=r,
        )
    elif branch == "point":
        x = draw(capaian_points())
        # realisasi from the wanted capaian: R = x T / 100, or (200 - x) T / 100.
        r = target * x / 100 if direction != LOWER else target * (200 - x) / 100
        ind = Indicator(
            id="x",
            name="x",
            unit="%",
            direction=Direction(direction),
            target=Target.point(target),
            realisasi=r,
        )
    else:
        ind = draw(ks.indicators(direction=Direction(direction), unit_kind=kind, ident="x"))
    budget = draw(
        st.one_of(
            st.none(),
            st.builds(
                lambda p, f: Budget(p, (p * f).quantize(Decimal("0.01"))),
                ks.rupiah(1, 10**13),
                ks.decimals(0, "1.2", places=4),
            ),
        )
    )
    renstra = draw(st.none() | ks.figures(kind))
    return (
        Indicator(
            id=ind.id,
            name=ind.name,
            unit=ind.unit,
            direction=ind.direction,
            target=ind.target,
            realisasi=ind.realisasi,
            renstra_target=renstra,
            budget=budget,
        ),
        draw(st.sampled_from(SHIPPED)),
    )


def _pinned(
    direction: str,
    target: object,
    realisasi: str,
    budget: tuple[str, str] | None = None,
    renstra: str | None = None,
) -> tuple[Indicator, str]:
    low, high = target if isinstance(target, tuple) else (target, target)
    ind = Indicator(
        id="x",
        name="x",
        unit="%",
        direction=Direction(direction),
        target=Target(Decimal(str(low)), Decimal(str(high))),
        realisasi=Decimal(realisasi),
        budget=None if budget is None else Budget(Decimal(budget[0]), Decimal(budget[1])),
        renstra_target=None if renstra is None else Decimal(renstra),
    )
    return ind, SHIPPED[0]


# Pinned, so that no kill depends on a seed: a capaian half a cent below a band edge (rounds
# onto it), a range with low == high, a zero realisasi (T/R undefined), a zero target, and
# rupiah amounts of 10^16 with sen.
@example(_pinned(HIGHER, 80, "72.796"))
@example(_pinned(HIGHER, 80, "72.79599"))
@example(_pinned(LOWER, 20, "16.82", renstra="15"))
@example(_pinned(LOWER, 20, "0"))
@example(_pinned(WITHIN, (80, 80), "80"))
@example(_pinned(WITHIN, (80, 80), "80.004"))
@example(_pinned(HIGHER, (79, 80), "80.07"))
@example(_pinned(HIGHER, 0, "5"))
@example(
    _pinned(
        HIGHER,
        100,
        "100",
        budget=("10000000000000000.01", "5000000000000000.005"),
    )
)
@given(planned())
def test_engine_agrees_with_the_oracle(sample: tuple[Indicator, str]) -> None:
    ind, name = sample
    rules = RULES[name]
    result = evaluate_indicator(ind, rules)
    assert ind.target is not None and ind.realisasi is not None
    low, high, r = Fraction(ind.target.low), Fraction(ind.target.high), Fraction(ind.realisasi)
    c = capaian(ind.direction.value, low, high, r)
    assert close(result.capaian, c)
    case = ke.Case("kinerja-case/1", ReportInfo("Dinas X", 2021, name), (ind,))
    row = report_to_dict(ke.evaluate(case, rules))["indicators"][0]
    assert row["capaian"] == shown(c)
    if c is None:
        assert result.status is Status.NOT_COMPUTABLE and result.category is None
        return
    assert (result.category, result.verdict) == (category(c), verdict(c))
    if ind.direction.value == LOWER and r != 0 and low == high:
        assert close(result.capaian_alternative, low / r * 100)
    if ind.renstra_target is not None:
        assert close(
            result.progress, progress(ind.direction.value, r, Fraction(ind.renstra_target))
        )
        assert row["progress"] == shown(
            progress(ind.direction.value, r, Fraction(ind.renstra_target))
        )
    budget = ind.budget
    if budget is not None and budget.pagu is not None and budget.realisasi is not None:
        pagu, spent = Fraction(budget.pagu), Fraction(budget.realisasi)
        serapan = spent / pagu * 100
        assert close(result.serapan, serapan)
        assert row["serapan"] == shown(serapan)
        assert result.efficiency == efficiency(name, c, serapan, pagu, spent)


@given(
    ks.percentages(0, 200, places=3),
    st.sampled_from(SHIPPED),
)
def test_category_and_verdict_agree_with_the_oracle_on_any_capaian(
    value: Decimal, name: str
) -> None:
    rules = RULES[name]
    from kinerja_engine.evaluation.indicator import category_of, verdict_of

    assert category_of(rules, value) == category(Fraction(value))
    assert verdict_of(rules, value) == verdict(Fraction(value))


# ---------------------------------------------------------------- every edge, every time

# Every whole percent from 0 to 200 and the points around it that rounding to two places
# sends to one side or the other: a band edge or a threshold moved anywhere by a cent, or
# a rounding mode changed, shows on this grid (the random draws above may miss it).
GRID = [
    Decimal(k) + Decimal(o) for k in range(201) for o in OFFSETS if Decimal(k) + Decimal(o) >= 0
]


@pytest.mark.parametrize("name", SHIPPED)
def test_category_and_verdict_agree_with_the_oracle_on_every_edge(name: str) -> None:
    rules = RULES[name]
    target = Decimal(80)
    for x in GRID:
        ind = Indicator(
            "x", "x", "%", Direction.HIGHER_IS_BETTER, Target.point(target), target * x / 100
        )
        result = evaluate_indicator(ind, rules, trace=False)
        assert result.capaian == x
        assert (result.category, result.verdict) == (category(Fraction(x)), verdict(Fraction(x))), x


@pytest.mark.parametrize("name", SHIPPED)
def test_efficiency_agrees_with_the_oracle_on_every_edge(name: str) -> None:
    """Serapan moved across every edge of the efficiency grades at a capaian of 100 (and
    of 100 minus a cent): the difference, the ratio and PMK's score all cross theirs."""
    rules = RULES[name]
    pagu = Decimal(1_000_000)
    for c in (Decimal(100), Decimal("99.99")):
        for x in GRID:
            if name == "pmk-214-2017":
                # A score s = 50 + E/20*50 needs E = (s - 50) * 0.4; spend to get it.
                e = (x - 50) * Decimal("0.4")
                spent = pagu * c / 100 * (1 - e / 100)
            else:
                spent = pagu * x / 100
            if spent < 0:
                continue
            r = Decimal(80) * c / 100
            ind = Indicator(
                "x",
                "x",
                "%",
                Direction.HIGHER_IS_BETTER,
                Target.point(Decimal(80)),
                r,
                budget=Budget(pagu, spent),
            )
            result = evaluate_indicator(ind, rules, trace=False)
            serapan = Fraction(spent) / Fraction(pagu) * 100
            expected = efficiency(name, Fraction(c), serapan, Fraction(pagu), Fraction(spent))
            assert result.efficiency == expected, (c, x)


@st.composite
def displayed(draw: st.DrawFn) -> tuple[Decimal, int]:
    """A figure and the places it is displayed with: anything, or exactly half-way."""
    places = draw(st.integers(0, 4))
    half = st.integers(-(10**6), 10**6).map(
        lambda n: Decimal(2 * n + 1) * Decimal(5).scaleb(-(places + 1))
    )
    return draw(st.one_of(half, ks.decimals(-(10**6), 10**6, places=6))), places


@example((Decimal("87.505"), 2))
@example((Decimal("-87.505"), 2))
@example((Decimal("0.5"), 0))
@example((Decimal("10000000000000000.005"), 2))
@given(displayed())
def test_displayed_figures_round_half_up(sample: tuple[Decimal, int]) -> None:
    """Every figure the human formats show is rounded half-up (87,505 -> 87,51)."""
    from kinerja_engine.numbers import format_number

    value, places = sample
    exact = half_up(Fraction(value), places)
    expected = format(Decimal(exact.numerator) / Decimal(exact.denominator), f".{places}f")
    assert format_number(value, places) == expected
    assert format_number(value, places, notation="id") == expected.replace(".", ",")
