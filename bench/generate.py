"""Seeded synthetic LKjIP data at national scale, for the benchmarks.

About 550 regional governments x ~40 offices (OPD) x ~8 key indicators x 5 years is
some 900,000 indicator-years. This module makes data of that shape, reproducibly from
a seed, in two forms:

* :func:`indicators` — an in-memory stream of ``kinerja_engine.domain.model.Indicator`` values
  (lazy: a million of them never sit in memory together);
* :func:`case_text` / :func:`write_cases` — case files in the public TOML contract, with
  ``[[indicator.printed]]`` entries and a ``[[budget]]`` tree, a share of whose printed
  figures carry a planted fault.

What is in the data, and why:

* every direction (higher is better, lower is better, within a range), single and range
  targets, as regional LKjIP print them;
* units and magnitudes of real reports: percentages with two decimals, counts, rupiah
  in the trillions with sen, index scores, durations in minutes and months;
* budgets (pagu and realisasi anggaran) written the Indonesian way
  (``"1.418.633.200,00"``) in case files;
* indicators with no realisasi yet (``missing``), no target (``"-"``) and a zero target
  (``not_computable``);
* **edge records**: target and realisasi built so that capaian lands exactly on a band
  edge of the permendagri bands (51, 66, 76, 91), on the verdict and flag thresholds
  (100, 150) and half a hundredth either side of an edge (90.995 rounds up into
  "Sangat Tinggi", 90.99499 does not), for every direction and target shape: this is
  where a fast path that rounds or compares carelessly gives a wrong band;
* printed figures with a planted fault rate (a mistyped capaian, serapan or budget
  line, a flipped verdict, a wrong category, a word in a number column), counted, so
  the audit can be held against what was planted.

Run it to write case files::

    python bench/generate.py --out /tmp/cases --cases 40 --indicators 2500 --seed 1
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, Direction, Indicator, Target

__all__ = [
    "EDGES",
    "FAULT_CODES",
    "Planted",
    "Record",
    "case_text",
    "indicators",
    "records",
    "write_case",
    "write_cases",
]

#: Capaian values the edge records land on: the permendagri band edges, the verdict
#: threshold and the far-above flag, and half a hundredth (and a hair less) around them.
EDGES: tuple[Decimal, ...] = tuple(
    Decimal(e) + Decimal(d)
    for e in ("51", "66", "76", "91", "100", "150")
    for d in ("0", "-0.005", "-0.00501", "0.00499", "-0.01", "0.01")
)

_EXACT = Context(prec=60)
_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
_TWO_HUNDRED = Decimal(200)

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER
WITHIN = Direction.WITHIN_RANGE

# (unit, kind, weight): the units regional reports print, roughly as often as they do.
_UNITS = (
    ("%", "percent", 40),
    ("orang", "count", 10),
    ("unit", "count", 6),
    ("koperasi", "count", 3),
    ("dokumen", "count", 4),
    ("Rp", "money", 10),
    ("indeks", "index", 8),
    ("nilai", "index", 5),
    ("menit", "duration", 4),
    ("hari", "duration", 4),
    ("bulan", "duration", 3),
    ("kali", "count", 3),
)
_UNIT_WEIGHTS = tuple(w for _, _, w in _UNITS)


@dataclass(frozen=True)
class Record:
    """One indicator-year's figures, before it becomes a model value or TOML text."""

    id: str
    name: str
    unit: str
    direction: Direction
    target: tuple[Decimal, Decimal] | None  # (low, high); None: printed "-"
    realisasi: Decimal | None
    renstra_target: Decimal | None
    history: dict[int, Decimal]
    pagu: Decimal | None
    spent: Decimal | None
    edge: Decimal | None  # the capaian this record was built to land on, if an edge record


#: The audit check that should report each kind of planted fault.
FAULT_CODES = {
    "capaian": ("capaian-recalc",),
    "serapan": ("serapan-recalc",),
    "category": ("category-label",),
    "verdict": ("verdict-label",),
    "budget": ("budget-footing", "budget-percent"),
}


@dataclass
class Planted:
    """Faults planted in printed figures: what was falsified, and where."""

    # (kind, the ids a finding may name: the indicator, or a budget line and its parent)
    faults: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def add(self, what: str, *where: str) -> None:
        self.faults.append((what, where))

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for what, _ in self.faults:
            counts[what] = counts.get(what, 0) + 1
        return counts

    def found_by(self, findings: Iterable[ke.Finding]) -> int:
        """How many planted faults a finding of the right check names."""
        named = {(f.code, f.indicator or f.budget) for f in findings}
        return sum(
            any((code, ident) in named for code in FAULT_CODES[what] for ident in where)
            for what, where in self.faults
        )


# ---------------------------------------------------------------- figures


def _dec(rnd: random.Random, low: int, high: int, places: int) -> Decimal:
    """A random decimal in [low, high] with ``places`` decimals."""
    scale = 10**places
    return Decimal(rnd.randint(low * scale, high * scale)).scaleb(-places)


def _target_for(rnd: random.Random, kind: str, direction: Direction) -> Decimal:
    if kind == "percent":
        return _dec(rnd, 40, 100, 2) if direction is not LOWER else _dec(rnd, 2, 30, 2)
    if kind == "count":
        return Decimal(rnd.randint(5, 5000))
    if kind == "money":
        return Decimal(rnd.randint(10**8, 5 * 10**12))
    if kind == "index":
        return _dec(rnd, 60, 95, 2)
    return Decimal(rnd.randint(2, 400))  # duration, in its unit


def _realisasi_for(rnd: random.Random, target: Decimal, direction: Direction) -> Decimal:
    # Most indicators land near their target; a tail misses badly or overshoots.
    ratio = Decimal(str(round(max(0.0, rnd.gauss(1.0, 0.18)), 4)))
    if rnd.random() < 0.03:
        ratio *= Decimal(rnd.choice((3, 10, 100)))  # a target set on another scale
    value = target * ratio if direction is not LOWER else target * (2 - min(ratio, Decimal(2)))
    places = max(0, -int(target.as_tuple().exponent))
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _edge_figures(
    rnd: random.Random, direction: Direction, edge: Decimal
) -> tuple[tuple[Decimal, Decimal], Decimal]:
    """A target and realisasi whose capaian under the permendagri formulas is ``edge``.

    Targets are whole numbers, so every realisasi below is an exact decimal and the
    engine's division gives the edge back exactly.
    """
    t = Decimal(rnd.randint(1, 2000))
    shape = rnd.random()
    # Point targets and ranges; a within-range indicator always has a range.
    if direction is WITHIN or shape < 0.4:
        low, high = t, t + Decimal(rnd.randint(1, 50))
    else:
        low = high = t
    if edge > _HUNDRED:
        # Above 100: beyond the better end of the target.
        if direction is LOWER:
            return (low, high), _EXACT.divide(_EXACT.multiply(low, _TWO_HUNDRED - edge), _HUNDRED)
        if direction is WITHIN:  # within-range gives at most 100: take a higher-is-better
            return (t, t), _EXACT.divide(_EXACT.multiply(t, edge), _HUNDRED)
        return (low, high), _EXACT.divide(_EXACT.multiply(high, edge), _HUNDRED)
    if edge == _HUNDRED:
        return (low, high), (low if direction is not LOWER else high)
    if direction is HIGHER:  # below the (lower end of the) target: R / low
        return (low, high), _EXACT.divide(_EXACT.multiply(low, edge), _HUNDRED)
    # Lower is better, or within range: above the (upper end of the) target: (2T - R) / T.
    return (low, high), _EXACT.divide(_EXACT.multiply(high, _TWO_HUNDRED - edge), _HUNDRED)


def records(
    n: int, seed: int = 1, *, edge_rate: float = 0.05, prefix: str = "iku"
) -> Iterator[Record]:
    """``n`` indicator-years, lazily, reproducible from ``seed``."""
    rnd = random.Random(seed)
    units = [(u, k) for u, k, _ in _UNITS]
    for i in range(n):
        unit, kind = rnd.choices(units, _UNIT_WEIGHTS)[0]
        roll = rnd.random()
        if kind == "duration":
            direction = LOWER if roll < 0.8 else WITHIN
        else:
            direction = HIGHER if roll < 0.8 else (LOWER if roll < 0.93 else WITHIN)
        edge = None
        if rnd.random() < edge_rate:
            edge = rnd.choice(EDGES)
            if direction is WITHIN and edge > _HUNDRED:
                direction = HIGHER
            target, realisasi = _edge_figures(rnd, direction, edge)
            unit, kind = "unit", "count"
            realisasi_opt: Decimal | None = realisasi
            target_opt: tuple[Decimal, Decimal] | None = target
        else:
            t = _target_for(rnd, kind, direction)
            if direction is WITHIN or rnd.random() < 0.08:
                spread = max(Decimal(1), (t * Decimal("0.05")).quantize(Decimal(1)))
                target_opt = (t, t + spread)
            else:
                target_opt = (t, t)
            realisasi_opt = _realisasi_for(rnd, t, direction)
            roll = rnd.random()
            if roll < 0.03:
                realisasi_opt = None  # no data yet
            elif roll < 0.04:
                target_opt = None  # printed "-"
            elif roll < 0.043:
                target_opt = (Decimal(0), Decimal(0))
        pagu = spent = None
        if rnd.random() < 0.7:
            pagu = Decimal(rnd.randint(5 * 10**7, 2 * 10**10))
            if rnd.random() < 0.3:
                pagu += Decimal(rnd.randint(0, 99)) * _CENT  # with sen
            spent = (pagu * Decimal(str(round(rnd.uniform(0.35, 1.0), 4)))).quantize(_CENT)
        renstra = None
        if target_opt is not None and rnd.random() < 0.6:
            renstra = (target_opt[1] * Decimal("1.1")).quantize(target_opt[1])
        history: dict[int, Decimal] = {}
        if target_opt is not None and rnd.random() < 0.5:
            history = {2022: _realisasi_for(rnd, target_opt[0], direction)}
        yield Record(
            id=f"{prefix}-{i}",
            name=f"Indikator kinerja {i}",
            unit=unit,
            direction=direction,
            target=target_opt,
            realisasi=realisasi_opt,
            renstra_target=renstra,
            history=history,
            pagu=pagu,
            spent=spent,
            edge=edge,
        )


def to_indicator(rec: Record) -> Indicator:
    """A record as the engine's model value (what loading a case file would give)."""
    return Indicator(
        id=rec.id,
        name=rec.name,
        unit=rec.unit,
        direction=rec.direction,
        target=None if rec.target is None else Target(*rec.target),
        realisasi=rec.realisasi,
        history=rec.history,
        renstra_target=rec.renstra_target,
        budget=None if rec.pagu is None else Budget(rec.pagu, rec.spent),
    )


def indicators(n: int, seed: int = 1, *, edge_rate: float = 0.05) -> Iterator[Indicator]:
    """``n`` indicators as an in-memory stream (lazy), reproducible from ``seed``."""
    for rec in records(n, seed, edge_rate=edge_rate):
        yield to_indicator(rec)


# ---------------------------------------------------------------- case files


def indonesian(value: Decimal, places: int | None = None) -> str:
    """``value`` as a report prints it: ``1.418.633.200,00``."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = format(abs(value), "f").partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
    return sign + ".".join(groups) + (f",{frac}" if frac else "")


def _figure(value: Decimal) -> str:
    """An input figure: a TOML number mostly, Indonesian text sometimes (as users write)."""
    return format(value, "f")


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _capaian(rules: ke.RuleSet, rec: Record) -> Decimal | None:
    if rec.target is None or rec.realisasi is None:
        return None
    from kinerja_engine.evaluation.indicator import capaian_of

    return capaian_of(rules, rec.direction, Target(*rec.target), rec.realisasi)


def _slip(rnd: random.Random, text: str) -> str:
    """A typing slip in a printed figure: two digits swapped, or one changed; never a
    leading zero, which would make it unreadable rather than wrong."""
    while True:
        slipped = _slip_once(rnd, text)
        if not slipped.startswith("0") or slipped.startswith("0,"):
            return slipped


def _slip_once(rnd: random.Random, text: str) -> str:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    chars = list(text)
    if len(digits) >= 2 and rnd.random() < 0.5:
        i = rnd.randrange(len(digits) - 1)
        a, b = digits[i], digits[i + 1]
        if chars[a] != chars[b]:
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    i = rnd.choice(digits)
    chars[i] = str((int(chars[i]) + rnd.randint(1, 8)) % 10)
    return "".join(chars)


def _printed_lines(
    rnd: random.Random,
    rules: ke.RuleSet,
    rec: Record,
    table: int,
    fault_rate: float,
    planted: Planted,
) -> list[str]:
    """``[[indicator.printed]]`` entries: the indicator's table as the report prints it."""
    lines = ["", "[[indicator.printed]]", f'where = "Tabel {table}"']
    capaian = _capaian(rules, rec)
    if rec.target is not None:
        low, high = rec.target
        shown = indonesian(low) if low == high else f"{indonesian(low)} - {indonesian(high)}"
        if low == high:
            lines.append(f"target = {_toml_str(shown)}")
    if rec.realisasi is not None:
        lines.append(f"realisasi = {_toml_str(indonesian(rec.realisasi))}")
    if capaian is not None and abs(capaian) < 10**9:
        text = indonesian(capaian, 2)
        if rnd.random() < fault_rate:
            slipped = _slip(rnd, text)
            if slipped != text:
                text = slipped
                planted.add("capaian", rec.id)
        lines.append(f"capaian = {_toml_str(text + ' %')}")
        shown_capaian = capaian.quantize(_CENT, rounding=ROUND_HALF_UP)
        category = rules.categories.label(shown_capaian)
        if category is not None:
            if rnd.random() < fault_rate:
                others = [b.label for b in rules.categories.bands if b.label != category]
                category = rnd.choice(others)
                planted.add("category", rec.id)
            lines.append(f"category = {_toml_str(category)}")
        achieved = shown_capaian >= _HUNDRED
        verdict = rules.verdict_achieved if achieved else rules.verdict_not_achieved
        if rnd.random() < fault_rate:
            verdict = rules.verdict_not_achieved if achieved else rules.verdict_achieved
            planted.add("verdict", rec.id)
        lines.append(f"verdict = {_toml_str(verdict)}")
    if rec.pagu is not None and rec.spent is not None and rec.pagu > 0:
        lines.append(f"pagu = {_toml_str(indonesian(rec.pagu, 2))}")
        lines.append(f"realisasi_anggaran = {_toml_str(indonesian(rec.spent, 2))}")
        serapan = _EXACT.divide(_EXACT.multiply(rec.spent, _HUNDRED), rec.pagu)
        text = indonesian(serapan, 2)
        if rnd.random() < fault_rate:
            slipped = _slip(rnd, text)
            if slipped != text:
                text = slipped
                planted.add("serapan", rec.id)
        lines.append(f"serapan = {_toml_str(text)}")
    lines.append("year = 2023")
    return lines


def case_text(
    n_indicators: int,
    seed: int = 1,
    *,
    agency: str = "Dinas Sintetis",
    fault_rate: float = 0.02,
    edge_rate: float = 0.05,
    printed: bool = True,
    rules: ke.RuleSet | None = None,
    planted: Planted | None = None,
) -> str:
    """One agency's case file (TOML text) with ``n_indicators`` indicators."""
    rnd = random.Random(seed * 7919 + 17)
    rules = rules if rules is not None else ke.load_rules("permendagri-86-2017")
    planted = planted if planted is not None else Planted()
    n_objectives = max(1, n_indicators // 4)
    out = [
        "# Synthetic case written by bench/generate.py: not a real report.",
        'format = "kinerja-case/1"',
        "",
        "[report]",
        f"agency = {_toml_str(agency)}",
        "year = 2023",
        'rules = "permendagri-86-2017"',
        f'source = "synthetic, seed {seed}"',
    ]
    for k in range(n_objectives):
        out += ["", "[[objective]]", f'id = "sasaran-{k}"', f'name = "Sasaran strategis {k}"']
    table = 3
    for n, rec in enumerate(records(n_indicators, seed, edge_rate=edge_rate)):
        out += [
            "",
            "[[indicator]]",
            f'id = "{rec.id}"',
            f"name = {_toml_str(rec.name)}",
            f'objective = "sasaran-{n % n_objectives}"',
            f"unit = {_toml_str(rec.unit)}",
            f'direction = "{rec.direction.value}"',
        ]
        if rec.target is None:
            out.append('target = "-"')
        elif rec.target[0] == rec.target[1]:
            out.append(f"target = {_figure(rec.target[0])}")
        else:
            out.append(f"target = [{_figure(rec.target[0])}, {_figure(rec.target[1])}]")
        if rec.realisasi is not None:
            out.append(f"realisasi = {_figure(rec.realisasi)}")
        if rec.renstra_target is not None:
            out.append(f"renstra_target = {_figure(rec.renstra_target)}")
        if rec.history:
            inner = ", ".join(f"{y} = {_figure(v)}" for y, v in rec.history.items())
            out.append(f"history = {{ {inner} }}")
        if rec.pagu is not None:
            out.append(
                f"budget = {{ pagu = {_toml_str(indonesian(rec.pagu, 2))}, "
                f"realisasi = {_toml_str(indonesian(rec.spent or Decimal(0), 2))} }}"
            )
        if printed:
            table += 1
            out += _printed_lines(rnd, rules, rec, table, fault_rate, planted)
    out += _budget_tree(rnd, n_indicators, fault_rate, planted)
    return "\n".join(out) + "\n"


def _budget_tree(
    rnd: random.Random, n_indicators: int, fault_rate: float, planted: Planted
) -> list[str]:
    """A [[budget]] tree (BELANJA -> programs -> kegiatan) that foots, but for planted slips."""
    out: list[str] = []
    programs = []
    for p in range(max(1, n_indicators // 10)):
        kegiatan = []
        for k in range(rnd.randint(2, 4)):
            pagu = Decimal(rnd.randint(10**7, 5 * 10**9))
            spent = (pagu * Decimal(str(round(rnd.uniform(0.5, 1.0), 4)))).quantize(_CENT)
            kegiatan.append((f"k-{p}-{k}", pagu, spent))
        programs.append((f"p-{p}", kegiatan))
    total_pagu = sum((pg for _, kg in programs for _, pg, _ in kg), Decimal(0))
    total_spent = sum((sp for _, kg in programs for _, _, sp in kg), Decimal(0))

    def line(ident: str, parent: str | None, pagu: Decimal, spent: Decimal) -> None:
        nonlocal out
        percent = _EXACT.divide(_EXACT.multiply(spent, _HUNDRED), pagu)
        printed_spent = indonesian(spent, 2)
        if rnd.random() < fault_rate:
            slipped = _slip(rnd, printed_spent)
            if slipped != printed_spent:
                printed_spent = slipped
                planted.add("budget", ident, *([parent] if parent else []))
        out += ["", "[[budget]]", f'id = "{ident}"', f'name = "{ident.upper()}"']
        if parent is not None:
            out.append(f'parent = "{parent}"')
        out += [
            f'pagu = "{indonesian(pagu, 2)}"',
            f'realisasi = "{printed_spent}"',
            f'printed_percent = "{indonesian(percent, 2)}"',
            'where = "Tabel 99"',
        ]

    line("belanja", None, total_pagu, total_spent)
    for ident, kegiatan in programs:
        pagu = sum((pg for _, pg, _ in kegiatan), Decimal(0))
        spent = sum((sp for _, _, sp in kegiatan), Decimal(0))
        line(ident, "belanja", pagu, spent)
        for kid, kp, ks in kegiatan:
            line(kid, ident, kp, ks)
    return out


def write_case(path: Path, n_indicators: int, seed: int = 1, **options: object) -> Path:
    path.write_text(case_text(n_indicators, seed, **options), encoding="utf-8")  # type: ignore[arg-type]
    return path


def write_cases(
    folder: Path, n_cases: int, n_indicators: int, seed: int = 1, **options: object
) -> list[Path]:
    """``n_cases`` case files, one agency each, in a folder per region (as they are filed)."""
    paths = []
    for c in range(n_cases):
        region = folder / f"region-{c % 10:02d}"
        region.mkdir(parents=True, exist_ok=True)
        agency = f"Dinas Sintetis {c} Kabupaten {c % 10}"
        paths.append(
            write_case(
                region / f"opd-{c:04d}.toml",
                n_indicators,
                seed * 100_003 + c,
                agency=agency,
                **options,
            )
        )
    return paths


# ---------------------------------------------------------------- issue 17 (desk): year series

#: The cross-year faults :func:`series_texts` can plant, each in one indicator of the
#: later report of a pair: a previous-year realisasi changed, a Renstra target changed,
#: an indicator dropped.
SERIES_FAULTS = ("realisasi", "renstra", "dropped")


def series_texts(
    agency: str,
    years: Sequence[int],
    n_indicators: int,
    seed: int = 1,
    *,
    faults: Mapping[int, str] | None = None,
) -> list[str]:
    """One agency's reports of consecutive ``years`` (TOML texts), consistent with each
    other: each report's history and its previous-year column print the realisasi the
    report before gave, the Renstra target stays, no indicator comes or goes, and no
    target is lowered. ``faults`` plants, in the report of a year, one of
    :data:`SERIES_FAULTS` in its first indicator (``{2024: "renstra"}``)."""
    rnd = random.Random(seed * 6151 + 3)
    faults = dict(faults or {})
    base = [_dec(rnd, 40, 90, 2) for _ in range(n_indicators)]
    step = [_dec(rnd, 0, 3, 2) for _ in range(n_indicators)]
    realised: list[list[Decimal]] = [
        [(b + s * k) * Decimal(str(round(rnd.uniform(0.85, 1.15), 4))) for k in range(len(years))]
        for b, s in zip(base, step, strict=True)
    ]
    texts = []
    for k, year in enumerate(years):
        fault = faults.get(year)
        out = [
            "# Synthetic year series written by bench/generate.py: not a real report.",
            'format = "kinerja-case/1"',
            "",
            "[report]",
            f"agency = {_toml_str(agency)}",
            f"year = {year}",
            f'source = "synthetic series, seed {seed}"',
        ]
        for i in range(n_indicators):
            if fault == "dropped" and i == 0:
                continue
            target = (base[i] + step[i] * k).quantize(_CENT)
            renstra = (base[i] + step[i] * 5).quantize(_CENT)
            if fault == "renstra" and i == 0:
                renstra += 1
            out += [
                "",
                "[[indicator]]",
                f'id = "iku-{i}"',
                f'name = "Indikator kinerja {i}"',
                'unit = "%"',
                'direction = "higher_is_better"',
                f"target = {_figure(target)}",
                f"realisasi = {_figure(realised[i][k].quantize(_CENT))}",
                f"renstra_target = {_figure(renstra)}",
            ]
            if k:
                before = realised[i][k - 1].quantize(_CENT)
                if fault == "realisasi" and i == 0:
                    before += 1
                out.append(f"history = {{ {year - 1} = {_figure(before)} }}")
                out += [
                    "",
                    "[[indicator.printed]]",
                    f'where = "Tabel {i + 3}"',
                    f"realisasi = {_toml_str(indonesian(before, 2))}",
                    f"year = {year - 1}",
                ]
        texts.append("\n".join(out) + "\n")
    return texts


def write_region(
    folder: Path,
    agencies: int,
    years: Sequence[int],
    n_indicators: int,
    seed: int = 1,
    *,
    faulty: int = 0,
    prefix: str = "",
) -> list[Path]:
    """A region's folder: ``agencies`` offices, each with its reports of ``years``; the
    first ``faulty`` offices each carry one planted fault per year after the first
    (cycling through :data:`SERIES_FAULTS`)."""
    paths = []
    for a in range(agencies):
        name = f"{prefix}Dinas Sintetis {a}"
        faults = {}
        if a < faulty:
            faults = {
                y: SERIES_FAULTS[(a + n) % len(SERIES_FAULTS)] for n, y in enumerate(years[1:])
            }
        office = folder / f"opd-{a:03d}"
        office.mkdir(parents=True, exist_ok=True)
        for year, text in zip(
            years,
            series_texts(name, years, n_indicators, seed * 1009 + a, faults=faults),
            strict=True,
        ):
            path = office / f"{year}.toml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write case files to")
    parser.add_argument("--cases", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=100, help="indicators per case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fault-rate", type=float, default=0.02)
    args = parser.parse_args()
    planted = Planted()
    paths = write_cases(
        args.out,
        args.cases,
        args.indicators,
        args.seed,
        fault_rate=args.fault_rate,
        planted=planted,
    )
    print(f"wrote {len(paths)} case files to {args.out}; planted faults: {planted.counts}")


if __name__ == "__main__":
    main()
