"""Every threshold of every rule set, evaluated at its edge and one display quantum either
side, against this file's own reading of the rules.

The rule sets are read here as TOML (``extends`` merged by this file, as docs/rules-format.md
says: tables merge key by key, ``inherit = false`` replaces a table of bands, ``enabled =
false`` drops a flag), never through the engine's loader or band code. For each category
band edge, efficiency band edge, verdict condition, flag threshold, cap, floor, plausible
bound and audit tolerance, the test builds indicators whose figure lands exactly on the
edge, one display quantum (10^-places) either side and half a quantum either side (the
rounding ties), and decides by its own comparison which side each one is on. The engine
must agree, through the specification (``trace=True``) and the compiled backend alike.
A threshold added to a rules file later is covered by this test as it stands; one the
test cannot place (a condition on a figure it does not know how to set) fails it, so that
this file is taught rather than the threshold left out.

Rule sets drawn by ``kinerja_engine.testing.strategies.rules_documents`` are held to the
same reading, the edge cases of their draw pinned with ``@example``.
"""

from __future__ import annotations

import operator
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Decimal,
)
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import ROOT, indicator
from hypothesis import example, given

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, Indicator, ReportInfo
from kinerja_engine.testing.strategies import rules_documents, rules_from_document

RULES = ROOT / "rules"
WARMUP = 20  # more records of one shape than the compiled backend waits for
SHIPPED = sorted(RULES.glob("*.toml"))
MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}
HUNDRED = Decimal(100)
# The plain comparisons a threshold is written with: name op number, or name op name.
_THRESHOLD = re.compile(r"^\s*([a-z_]+|-?[0-9.]+)\s*(<=|>=|==|!=|<|>)\s*([a-z_]+|-?[0-9.]+)\s*$")
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
# Conditions that are not thresholds on a figure: nothing to put on an edge.
_NOT_A_THRESHOLD = re.compile(r"missing\(|category_rank")
# The figures this file knows how to set exactly.
_SETTABLE = {"capaian", "serapan"}


# ---------------------------------------------------------------- the rules, read here


def read(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh, parse_float=Decimal)


def merge(base: dict[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            if key == "bands" and value.get("inherit") is False:
                out[key] = {k: v for k, v in value.items() if k != "inherit"}
            else:
                out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def resolved(path: Path) -> dict[str, Any]:
    """The rules file with ``extends`` applied (by name, from the shipped folder, or a path
    beside it), and flags switched off dropped."""
    doc = read(path)
    base = doc.pop("extends", None)
    if base is not None:
        parent = RULES / f"{base}.toml"
        doc = merge(resolved(parent if parent.exists() else path.parent / base), doc)
    return doc


def _dotted(doc: dict[str, Any]) -> dict[str, Any]:
    """``capaian.cap = 120`` at the top of a file is the table ``[capaian]``'s key."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        out = merge(out, {key: value})
    return out


@attrs.frozen
class Reading:
    """What the test needs of a rule set, read from its TOML."""

    places: int
    rounding: str
    cap: Decimal | None
    floor: Decimal | None
    categories: dict[str, Any]
    categories_rounded: bool
    domain: tuple[Decimal, Decimal] | None
    efficiency: dict[str, Any]
    efficiency_rounded: bool
    efficiency_scored: bool
    achieved_when: str
    achieved: str
    not_achieved: str
    flags: dict[str, str]
    capaian_min: Decimal
    capaian_max: Decimal
    percent_tolerance: Decimal | None
    higher_is_better: str

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.places)

    def shown(self, value: Decimal) -> Decimal:
        return value.quantize(self.quantum, MODES[self.rounding])

    def compared(self, value: Decimal) -> Decimal:
        """A figure as bands, verdict and flags compare it: displayed under
        ``categories.compare = "rounded"``, else exact."""
        return self.shown(value) if self.categories_rounded else value

    def bounded(self, value: Decimal) -> Decimal:
        if self.cap is not None and value > self.cap:
            return self.cap
        if self.floor is not None and value < self.floor:
            return self.floor
        return value


def reading(doc: Mapping[str, Any]) -> Reading:
    # Defaults as docs/rules-format.md states them.
    display = doc.get("display", {})
    capaian = doc.get("capaian", {})
    cats = doc.get("categories", {})
    eff = doc.get("efficiency", {})
    verdict = doc.get("verdict", {})
    audit = doc.get("audit", {})
    domain = cats.get("domain")
    flags = {
        code: flag["when"]
        for code, flag in doc.get("flags", {}).items()
        if flag.get("enabled", True) is not False
    }
    return Reading(
        places=int(display.get("places", 2)),
        rounding=display.get("rounding", "half_up"),
        cap=None if "cap" not in capaian else Decimal(capaian["cap"]),
        floor=None if "floor" not in capaian else Decimal(capaian["floor"]),
        categories=dict(cats.get("bands", {})),
        categories_rounded=cats.get("compare", "rounded") == "rounded",
        domain=None if domain is None else (Decimal(domain[0]), Decimal(domain[1])),
        efficiency=dict(eff.get("bands", {})),
        efficiency_rounded=eff.get("compare", "rounded") == "rounded",
        efficiency_scored="score" in eff,
        achieved_when=verdict["achieved_when"],
        achieved=verdict["achieved"],
        not_achieved=verdict["not_achieved"],
        flags=flags,
        capaian_min=Decimal(audit.get("capaian_min", 0)),
        capaian_max=Decimal(audit.get("capaian_max", 500)),
        percent_tolerance=(
            None if "percent_tolerance" not in audit else Decimal(audit["percent_tolerance"])
        ),
        higher_is_better=capaian["higher_is_better"],
    )


def band_of(bands: Mapping[str, Mapping[str, Any]], value: Decimal) -> str | None:
    """The label of the band that holds ``value``: lower bound inclusive and upper bound
    exclusive unless the band says otherwise, a missing bound unbounded."""
    held = []
    for label, band in bands.items():
        lower, upper = band.get("lower"), band.get("upper")
        if lower is not None:
            lower = Decimal(lower)
            if value < lower or (value == lower and not band.get("lower_inclusive", True)):
                continue
        if upper is not None:
            upper = Decimal(upper)
            if value > upper or (value == upper and not band.get("upper_inclusive", False)):
                continue
        held.append(label)
    assert len(held) <= 1, f"{value} is in {held}: the rules file overlaps"
    return held[0] if held else None


def edges(bands: Mapping[str, Mapping[str, Any]]) -> list[Decimal]:
    return sorted({Decimal(b[k]) for b in bands.values() for k in ("lower", "upper") if k in b})


def around(edge: Decimal, quantum: Decimal) -> list[Decimal]:
    """The edge, one quantum either side, half a quantum either side (a tie), the quarters
    between, and for an edge finer than the display the displayed values either side."""
    quarter = quantum / 4
    below, above = edge.quantize(quantum, ROUND_FLOOR), edge.quantize(quantum, ROUND_CEILING)
    near = [edge + k * quarter for k in range(-4, 5)]
    return sorted({*near, below - quantum, below, above, above + quantum})


# ---------------------------------------------------------------- the points


@attrs.frozen
class Point:
    """One indicator and what the rules file says of it."""

    why: str
    ind: Indicator
    capaian: Decimal | None = None
    category: str | None = None
    verdict: str | None = None
    flags_on: frozenset[str] = frozenset()
    flags_off: frozenset[str] = frozenset()
    efficiency: tuple[Decimal, str | None] | None = None  # (graded value aimed at, label)


def _condition(text: str) -> tuple[str, str, str] | None:
    """``(left, op, right)`` of a threshold condition; None for one that is no threshold."""
    if _NOT_A_THRESHOLD.search(text):
        return None
    found = _THRESHOLD.match(text)
    assert found is not None, f"test_edges cannot read the condition {text!r}: teach it"
    left, op, right = found.groups()
    for side in (left, right):
        assert side in _SETTABLE or re.fullmatch(r"-?[0-9.]+", side), (
            f"test_edges cannot set {side!r} of {text!r} exactly: teach it"
        )
    return left, op, right


def _holds(cond: tuple[str, str, str], figures: Mapping[str, Decimal]) -> bool:
    left, op, right = cond

    def value(side: str) -> Decimal:
        return figures[side] if side in figures else Decimal(side)

    return _OPS[op](value(left), value(right))


def _threshold_values(cond: tuple[str, str, str], quantum: Decimal) -> Iterator[dict[str, Decimal]]:
    """Figures on the condition's edge and one quantum either side."""
    left, _op, right = cond
    names = [s for s in (left, right) if s in _SETTABLE]
    numbers = [Decimal(s) for s in (left, right) if s not in _SETTABLE]
    if len(names) == 1:
        (edge,) = numbers
        for d in (-quantum, Decimal(0), quantum):
            yield {names[0]: edge + d}
    elif len(names) == 2:
        # Two figures against each other: 80 against 80 and 80 ± a quantum.
        for d in (-quantum, Decimal(0), quantum):
            yield {names[0]: Decimal(80), names[1]: Decimal(80) + d}


def _indicator_for(figures: Mapping[str, Decimal], n: int) -> Indicator | None:
    """An indicator whose capaian (R/T with T = 100) and serapan (pagu 100) are the
    given figures; None when the figure cannot be set so."""
    capaian = figures.get("capaian", HUNDRED)
    serapan = figures.get("serapan")
    budget = None if serapan is None else Budget(HUNDRED, serapan)
    return indicator(100, capaian, ident=f"p{n}", budget=budget)


def points(r: Reading, solve: Callable[[Decimal], Decimal | None]) -> list[Point]:
    """Every point the rules file's thresholds call for. ``solve(t)`` is a realisasi
    anggaran (pagu 100, capaian 100) whose graded efficiency is ``t``, if one is found."""
    q = r.quantum
    out: list[Point] = []
    verdict = _condition(r.achieved_when)
    flags = {code: _condition(when) for code, when in r.flags.items()}

    def add(why: str, figures: Mapping[str, Decimal], **extra: Any) -> None:
        ind = _indicator_for(figures, len(out))
        assert ind is not None
        capaian = r.bounded(figures.get("capaian", HUNDRED))
        shown = r.compared(capaian)
        seen = {"capaian": shown}
        if "serapan" in figures:
            seen["serapan"] = r.compared(figures["serapan"])
        # A flag over a figure the point lacks (no budget: no serapan) is missing: off.
        known = {c: cond for c, cond in flags.items() if cond is not None}
        hits = frozenset(
            c
            for c, cond in known.items()
            if {s for s in cond if s in _SETTABLE} <= seen.keys() and _holds(cond, seen)
        )
        out.append(
            Point(
                why,
                ind,
                capaian=capaian,
                category=band_of(r.categories, shown),
                verdict=None
                if verdict is None
                else (r.achieved if _holds(verdict, {"capaian": shown}) else r.not_achieved),
                flags_on=hits,
                flags_off=frozenset(known.keys() - hits),
                **extra,
            )
        )

    in_domain = (
        (lambda v: True) if r.domain is None else (lambda v: r.domain[0] <= v <= r.domain[1])
    )
    for edge in edges(r.categories):
        for v in around(edge, q):
            if in_domain(r.bounded(v)):
                add(f"category edge {edge}: capaian {v}", {"capaian": v})
    for bound in (r.cap, r.floor):
        if bound is not None:
            for v in around(bound, q):
                if in_domain(r.bounded(v)):
                    add(f"cap/floor {bound}: capaian {v}", {"capaian": v})
    for cond in (verdict, *flags.values()):
        if cond is None:
            continue
        for figures in _threshold_values(cond, q):
            if figures.get("serapan", HUNDRED) >= 0 and in_domain(
                r.bounded(figures.get("capaian", HUNDRED))
            ):
                add(f"condition {' '.join(cond)}: {figures}", figures)
    for edge in edges(r.efficiency):
        for t in around(edge, q):
            spent = solve(t)
            if spent is not None:
                label = band_of(r.efficiency, r.shown(t) if r.efficiency_rounded else t)
                add(f"efficiency edge {edge}: {t}", {"serapan": spent}, efficiency=(t, label))
    return out


def linear_solver(rules: ke.RuleSet, r: Reading) -> Callable[[Decimal], Decimal | None]:
    """Realisasi anggaran (pagu 100, capaian 100) that gives a graded efficiency ``t``,
    solving the efficiency formula as a line through two of its values; None where the
    line misses (the point is then left out, as :func:`check` verifies)."""

    def graded(spent: Decimal) -> Decimal | None:
        ind = indicator(100, 100, budget=Budget(HUNDRED, spent))
        result = ke.evaluate(_case([ind]), rules).indicators[0]
        return result.efficiency_score if r.efficiency_scored else result.efficiency_value

    # Lines through pairs of values; a clamped score is flat far from its edge, so the
    # pairs close to serapan 100 are tried too.
    lines = []
    for a, b in (
        (Decimal(40), Decimal(60)),
        (Decimal(90), Decimal(110)),
        (Decimal(99), Decimal(101)),
    ):
        fa, fb = graded(a), graded(b)
        if fa is not None and fb is not None and fa != fb:
            lines.append((a, b, fa, fb))

    def solve(t: Decimal) -> Decimal | None:
        for a, b, fa, fb in lines:
            spent = a + (t - fa) * (b - a) / (fb - fa)
            spent = spent.quantize(Decimal(1).scaleb(-6))
            if spent >= 0 and graded(spent) == t:
                return spent
        return None

    return solve


def _case(indicators: list[Indicator]) -> ke.Case:
    return ke.Case(
        format="kinerja-case/1",
        report=ReportInfo(agency="Dinas X", year=2021),
        indicators=tuple(indicators),
    )


# ---------------------------------------------------------------- the check


def check(doc: Mapping[str, Any], rules: ke.RuleSet) -> int:
    """Every point of ``doc``'s thresholds through both evaluation paths; the number of
    points checked."""
    r = reading(doc)
    assert r.higher_is_better.replace(" ", "") == "realisasi/target*100", (
        "test_edges sets capaian through R/T x 100: teach it this rule set's method"
    )
    pts = points(r, linear_solver(rules, r))
    assert pts
    efficiency_points = [p for p in pts if p.efficiency is not None]
    if r.efficiency:
        # Each efficiency edge reached at least on the edge itself.
        reached = {p.why.split(":")[0] for p in efficiency_points}
        assert len(reached) == len(edges(r.efficiency)), "an efficiency edge was not reached"
    # The compiled backend takes a shape over once it has met a few records of it: each
    # shape (with a budget or without) is met that often before the points.
    warm = []
    for budgeted in (False, True):
        first = next((p.ind for p in pts if (p.ind.budget is None) is not budgeted), None)
        if first is not None:
            warm += [attrs.evolve(first, id=f"warm-{int(budgeted)}-{k}") for k in range(WARMUP)]
    case = _case(warm + [p.ind for p in pts])
    for trace in (True, False):
        report = ke.evaluate(case, rules, trace=trace)
        for p, result in zip(pts, report.indicators[len(warm) :], strict=True):
            where = f"{p.why} (trace={trace}, {result.id})"
            assert result.capaian == p.capaian, where
            assert result.category == p.category, where
            if p.verdict is not None:
                assert result.verdict == p.verdict, where
            fired = {f.code for f in result.flags}
            assert p.flags_on <= fired, where
            assert not (p.flags_off & fired), where
            if p.efficiency is not None:
                aimed, label = p.efficiency
                graded = result.efficiency_score if r.efficiency_scored else result.efficiency_value
                assert graded == aimed, where
                assert result.efficiency == label, where
    return len(pts)


def check_audit(doc: Mapping[str, Any], rules: ke.RuleSet) -> None:
    """The plausible capaian bounds and the percent tolerance, at their edges."""
    r = reading(doc)
    q = r.quantum
    for bound in (r.capaian_min, r.capaian_max):
        for v in (bound - q, bound, bound + q):
            capaian = r.bounded(v)
            report = ke.check(_case([indicator(100, v)]), rules)
            # Below zero the same figure is said as capaian-negative (issue 16), not twice.
            said = ("capaian-implausible", "capaian-negative")
            implausible = any(f.code in said for f in report.findings)
            assert implausible is not (r.capaian_min <= capaian <= r.capaian_max), (bound, v)
    # A capaian printed as 50,00 (two places) beside a recomputed 50 ± x.
    unit = Decimal("0.01")
    tol = r.percent_tolerance
    if tol is None:
        tol = unit if r.rounding == "down" else unit / 2
    from kinerja_engine.domain.model import PrintedEntry
    from kinerja_engine.io.figures import printed

    for x in (-tol - unit / 100, -tol, tol, tol + unit / 100):
        v = Decimal(50) + x
        if r.bounded(v) != v:
            continue
        ind = attrs.evolve(
            indicator(100, v),
            printed=(PrintedEntry(where="Tabel 1", capaian=printed("50,00")),),
            history={2020: Decimal(1)},
        )
        report = ke.check(_case([ind]), rules)
        off = any(f.code == "capaian-recalc" for f in report.findings)
        if r.percent_tolerance is None:
            # Right when the exact value, rounded as the rules round to the two places
            # printed, is the printed 50,00 (issue 16: a truncated half is a finding).
            shown = v.quantize(unit, MODES[r.rounding])
            assert off is (shown != Decimal("50.00")), (r.rounding, x)
        else:
            assert off is (abs(x) > tol), (tol, x)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_threshold_of_a_shipped_rule_set(path: Path) -> None:
    doc = resolved(path)
    rules = ke.load_rules(path)
    assert check(doc, rules) >= 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_audit_bounds_of_a_shipped_rule_set(path: Path) -> None:
    check_audit(resolved(path), ke.load_rules(path))


def test_a_threshold_added_later_is_covered(tmp_path: Path) -> None:
    # A rule set as a user would write one: a cap, a floor, a new flag and a finer edge.
    path = tmp_path / "local.toml"
    path.write_text(
        'extends = "permendagri-86-2017"\nname = "local"\n'
        "capaian.cap = 120\ncapaian.floor = 0\n"
        "display.places = 1\n"
        '[flags.serapan-tinggi]\nwhen = "serapan >= 95.5"\nseverity = "info"\n'
        'message_id = "Serapan {serapan} % tinggi."\nmessage_en = "Absorption {serapan} % is high."\n'
        '[flags.capaian-rendah]\nwhen = "capaian <= 20"\nseverity = "info"\n'
        'message_id = "Capaian {capaian} % rendah."\nmessage_en = "Capaian {capaian} % is low."\n'
        '[flags.capaian-genap]\nwhen = "capaian == 100"\nseverity = "info"\n'
        'message_id = "Capaian tepat 100 %."\nmessage_en = "Capaian is exactly 100 %."\n'
        '[flags.serapan-tidak-penuh]\nwhen = "serapan != 100"\nseverity = "info"\n'
        'message_id = "Serapan {serapan} % belum penuh."\nmessage_en = "Absorption {serapan} % is short of full."\n'
        "[categories.bands.Tinggi]\nlower = 75.95\n[categories.bands.Sedang]\nupper = 75.95\n",
        encoding="utf-8",
    )
    doc = _dotted(resolved(path))
    rules = ke.load_rules(path)
    r = reading(doc)
    assert r.cap == 120 and {"serapan-tinggi", "capaian-rendah", "capaian-genap"} <= r.flags.keys()
    assert check(doc, rules) >= 20


def _drawn(
    places: int,
    rounding: str,
    compare: str,
    categories: dict[str, Any],
    efficiency: dict[str, Any],
    **capaian: Any,
) -> dict[str, Any]:
    """A document of the shape rules_documents draws, for the pinned examples."""
    return {
        "format": "kinerja-rules/1",
        "name": "pinned",
        "title": "A pinned rule set",
        "display": {"places": places, "rounding": rounding},
        "capaian": {
            "higher_is_better": "realisasi / target * 100",
            "lower_is_better": "target / realisasi * 100",
            "within_range": "if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100, if(realisasi < target_low, realisasi / target_low * 100, 100))",
            **capaian,
        },
        "categories": {"compare": compare, **categories},
        "efficiency": efficiency,
        "verdict": {
            "achieved_when": "capaian >= 95",
            "achieved": "Berhasil",
            "not_achieved": "Belum",
        },
        "objective": {"rollup": "min"},
        "flags": {
            "capaian-far-above-target": {
                "when": "capaian > 150",
                "severity": "warning",
                "message_id": "Capaian {capaian} % jauh di atas 100 %.",
                "message_en": "Capaian {capaian} % is far above 100 %.",
            }
        },
    }


D = Decimal
# Whole percents truncated, exact comparison, a closed upper band, a domain, cap and floor,
# PMK's clamped score.
PINNED_DOWN = _drawn(
    0,
    "down",
    "exact",
    {
        "domain": [0, 1000],
        "bands": {
            "Kurang": {"lower": D(0), "upper": D("50.5"), "upper_inclusive": True},
            "Baik": {
                "lower": D("50.5"),
                "lower_inclusive": False,
                "upper": D(1000),
                "upper_inclusive": True,
            },
        },
    },
    {
        "formula": "(pagu_capaian - realisasi_anggaran) / pagu_capaian * 100",
        "score": "max(0, min(100, 50 + efficiency_value / 20 * 50))",
        "compare": "rounded",
        "bands": {"Tidak Efisien": {"upper": D("49.5")}, "Efisien": {"lower": D("49.5")}},
    },
    cap=120,
    floor=0,
)
# Four places rounded half-even (ties to even at the fourth), edges finer than the display,
# the ratio method of efficiency compared exactly.
PINNED_EVEN = _drawn(
    4,
    "half_even",
    "rounded",
    {
        "bands": {
            "Rendah": {"upper": D("65.00005")},
            "Tinggi": {"lower": D("65.00005"), "upper": D("100.00015")},
            "Sangat Tinggi": {"lower": D("100.00015")},
        }
    },
    {
        "formula": "serapan / capaian * 100",
        "compare": "exact",
        "bands": {"Efisien": {"upper": D("80.00005")}, "Tidak Efisien": {"lower": D("80.00005")}},
    },
)
# Two places half-up, one edge at zero with a domain: capaian below it is not graded.
PINNED_ZERO = _drawn(
    2,
    "half_up",
    "rounded",
    {
        "domain": [0, 1000],
        "bands": {
            "Rendah": {"lower": D(0), "upper": D("0.005")},
            "Tinggi": {"lower": D("0.005"), "upper": D(1000), "upper_inclusive": True},
        },
    },
    {
        "formula": "capaian - serapan",
        "compare": "rounded",
        "bands": {"Tidak Efisien": {"upper": D(0)}, "Efisien": {"lower": D(0)}},
    },
    floor=0,
)


@example(doc=PINNED_DOWN)
@example(doc=PINNED_EVEN)
@example(doc=PINNED_ZERO)
@given(doc=rules_documents())
def test_every_threshold_of_a_drawn_rule_set(doc: dict[str, Any]) -> None:
    rules = rules_from_document(doc)
    check(doc, rules)
    check_audit(doc, rules)
