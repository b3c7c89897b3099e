#!/usr/bin/env python3
"""Mutation testing of the evaluation, audit and reading code by hand-made mutants.

Each mutant is a small, deliberate fault of the kind that slips into real code: a swapped
lower-is-better method, a band edge moved by one cent, half-even rounding where half-up
was meant, a dropped footing level, a cap not applied, a doubled tolerance, a verdict
threshold off by one, a disabled tie-out comparison, an inverted serapan ... Each is applied
to a temporary COPY of the repository (the working tree is never touched: others edit it),
the test suite runs in the copy, and the mutant is *killed* when the suite fails. Every
mutant must be killed, or be listed in ``EQUIVALENT`` with the reason no test can tell it
from the original.

For speed each mutant first runs only the tests that cover its module (``TESTS_FOR``),
then, if they all pass, the whole suite; two mutants run at once. docs/testing.md has the
last full result and the survivors argued equivalent.

    python bench/mutants.py              # every mutant: mapped tests, whole suite if missed
    python bench/mutants.py --ci         # CI_SUBSET with the tests that must kill each
    python bench/mutants.py --jobs 1     # one at a time
    python bench/mutants.py --list       # what the mutants are
    python bench/mutants.py --only cap-not-applied tolerance-doubled
    python bench/mutants.py --tests tests/test_oracle.py   # what one test file kills
    python bench/mutants.py --whole-suite                  # no mapping: slow

Prints a table (mutant, file, killed or survived, which tests ran, the test that killed
it, seconds) and the kill rate; exits 1 when a mutant survived or is stale (its text is gone
from the file: the list needs updating), 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# tests/test_bench.py checks that each mutant's text is in the code: in a mutated copy it
# fails for every mutant, which would count as a kill.
PYTEST = [
    sys.executable,
    "-m",
    "pytest",
    "-q",
    "-x",
    "-p",
    "no:cacheprovider",
    "--ignore=tests/test_bench.py",
]
# What is not copied: history, caches, and files no test reads.
IGNORE = shutil.ignore_patterns(
    ".git",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".benchmarks",
    "__pycache__",
    "*.egg-info",
    "build",
    "dist",
)
TIMEOUT = 1200  # seconds per run; a suite that hangs on a mutant has detected it


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    edits: tuple[tuple[str, str], ...]  # (original text, mutated text), each found once
    what: str


def m(name: str, path: str, what: str, *edits: tuple[str, str]) -> Mutant:
    return Mutant(name, path, edits, what)


P86 = "rules/permendagri-86-2017.toml"
K690 = "rules/kepmendagri-690-1996.toml"
PLAIN = "kinerja_engine/io/plaintoml.py"
TABLES = "kinerja_engine/io/tables.py"

MUTANTS: tuple[Mutant, ...] = (
    # ---------------------------------------------------------------- the shipped rules
    m(
        "lower-method-swapped",
        P86,
        "lower-is-better capaian by T/R instead of (2T-R)/T",
        (
            'lower_is_better = "(2 * target - realisasi) / target * 100"',
            'lower_is_better = "target / realisasi * 100"',
        ),
    ),
    m(
        "band-edge-moved-one-cent",
        P86,
        "the Sedang/Tinggi edge at 76.01 instead of 76 (still a partition)",
        ("[categories.bands.Tinggi]\nlower = 76\n", "[categories.bands.Tinggi]\nlower = 76.01\n"),
        ("lower = 66\nupper = 76\n", "lower = 66\nupper = 76.01\n"),
    ),
    m(
        "top-edge-moved-one-cent",
        P86,
        "Sangat Tinggi from 90.99 instead of 91 (still a partition)",
        (
            '[categories.bands."Sangat Tinggi"]\nlower = 91\n',
            '[categories.bands."Sangat Tinggi"]\nlower = 90.99\n',
        ),
        ("lower = 76\nupper = 91\n", "lower = 76\nupper = 90.99\n"),
    ),
    m(
        "verdict-threshold-off-by-one",
        P86,
        "Tercapai from a capaian of 99 instead of 100",
        ('achieved_when = "capaian >= 100"', 'achieved_when = "capaian >= 99"'),
    ),
    m(
        "verdict-strict",
        P86,
        "Tercapai only above 100, not at it",
        ('achieved_when = "capaian >= 100"', 'achieved_when = "capaian > 100"'),
    ),
    m(
        "serapan-inverted",
        P86,
        "serapan as pagu / realisasi anggaran",
        (
            'formula = "realisasi_anggaran / pagu * 100"',
            'formula = "pagu / realisasi_anggaran * 100"',
        ),
    ),
    m(
        "categories-compared-exactly",
        P86,
        "bands compare the exact capaian instead of the displayed one",
        ('[categories]\ncompare = "rounded"', '[categories]\ncompare = "exact"'),
    ),
    m(
        "range-above-against-lower-bound",
        P86,
        "a realisasi above a target range compared with its lower bound",
        (
            'higher_is_better = "if(realisasi > target_high, realisasi / target_high * 100,',
            'higher_is_better = "if(realisasi > target_high, realisasi / target_low * 100,',
        ),
    ),
    m(
        "within-range-inside-not-100",
        P86,
        "inside the range a within-range capaian of 99",
        (
            'within_range = "if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100, if(realisasi < target_low, realisasi / target_low * 100, 100))"',
            'within_range = "if(realisasi > target_high, (2 * target_high - realisasi) / target_high * 100, if(realisasi < target_low, realisasi / target_low * 100, 99))"',
        ),
    ),
    m(
        "progress-against-annual-target",
        P86,
        "tingkat kemajuan against the year's target instead of the Renstra target",
        (
            'higher_is_better = "realisasi / renstra_target * 100"',
            'higher_is_better = "realisasi / target * 100"',
        ),
    ),
    m(
        "efficiency-direction-flipped",
        P86,
        "efficient when absorption runs ahead of performance",
        ('formula = "capaian - serapan"', 'formula = "serapan - capaian"'),
    ),
    m(
        "kepmendagri-edge-moved",
        K690,
        "Efisien from 60.01 instead of 60 (still a partition)",
        (
            '[efficiency.bands."Sangat Efisien"]\nupper = 60\n',
            '[efficiency.bands."Sangat Efisien"]\nupper = 60.01\n',
        ),
        ("[efficiency.bands.Efisien]\nlower = 60\n", "[efficiency.bands.Efisien]\nlower = 60.01\n"),
    ),
    # ---------------------------------------------------------------- evaluation
    m(
        "rounding-half-even",
        "kinerja_engine/rulesets/compile.py",
        "display rounding half_up compiled as ROUND_HALF_EVEN",
        ('"half_up": ROUND_HALF_UP,', '"half_up": ROUND_HALF_EVEN,'),
    ),
    m(
        "cap-not-applied",
        "kinerja_engine/evaluation/indicator.py",
        "capaian above the cap kept",
        (
            "    if cap is not None and value > cap:\n        return cap\n",
            "    if False:\n        return cap\n",
        ),
    ),
    m(
        "floor-not-applied",
        "kinerja_engine/evaluation/indicator.py",
        "capaian below the floor kept",
        (
            "    if floor is not None and value < floor:\n        return floor\n",
            "    if False:\n        return floor\n",
        ),
    ),
    # ---------------------------------------------------------------- the batch paths
    m(
        "kernel-alternative-for-range",
        "kinerja_engine/evaluation/compiled.py",
        "evaluate_many computes the alternative capaian for within-range indicators",
        ("            direction is _LOWER\n", "            direction is not _HIGHER\n"),
    ),
    m(
        "flag-text-half-even",
        "kinerja_engine/numbers.py",
        "evaluate_many writes a flag message's figures rounded half-even",
        (
            "    rounded = value.quantize(quantum, ROUND_HALF_UP, _CTX)\n",
            '    rounded = value.quantize(quantum, "ROUND_HALF_EVEN", _CTX)\n',
        ),
    ),
    m(
        "kernel-cap-as-floor",
        "kinerja_engine/evaluation/compiled.py",
        "evaluate_many caps capaian from below",
        (
            "bounds = [_if(compare(load(name), ast.Gt(), cap)",
            "bounds = [_if(compare(load(name), ast.Lt(), cap)",
        ),
    ),
    m(
        "kernel-result-field-crossed",
        "kinerja_engine/evaluation/compiled.py",
        "evaluate_many fills a result's progress with its serapan",
        ('        "progress": s.local("progress"),', '        "progress": s.local("serapan"),'),
    ),
    m(
        "band-bisection-wrong-side",
        "kinerja_engine/rulesets/ruleset.py",
        "a band looked up with bisect_left where edges belong to the band above",
        (
            "            probe, keyed = bisect.bisect_right, between\n",
            "            probe, keyed = bisect.bisect_left, between\n",
        ),
    ),
    m(
        "rounded-bisection-wide",
        "kinerja_engine/rulesets/ruleset.py",
        "grade_many bands a value as displayed with the rounding half-width doubled above edges",
        (
            "                bounds += [edge - half, edge + half]\n",
            "                bounds += [edge - half, edge + half + half]\n",
        ),
    ),
    m(
        "tree-minus-adds",
        "kinerja_engine/rulesets/formula.py",
        "evaluate_tree (the formulas' specification) subtracts by adding",
        ('    "-": CONTEXT.subtract,\n', '    "-": CONTEXT.add,\n'),
    ),
    m(
        "tree-junction-undecided-flipped",
        "kinerja_engine/rulesets/formula.py",
        "an and/or with no deciding operand and none missing gives the deciding value",
        (
            "        return None if unknown else not decisive\n",
            "        return None if unknown else decisive\n",
        ),
    ),
    m(
        "grade-loop-range-formulas-crossed",
        "kinerja_engine/evaluation/compiled.py",
        "grade_many grades a single target with the range formulas and a range with the single",
        (
            "                    [k.dispatch(rules.capaian, single)],\n"
            "                    [k.dispatch(rules.capaian_range, ranged)],\n",
            "                    [k.dispatch(rules.capaian_range, single)],\n"
            "                    [k.dispatch(rules.capaian, ranged)],\n",
        ),
    ),
    m(
        "shape-verdict-swapped",
        "kinerja_engine/evaluation/compiled.py",
        "evaluate_many writes the not-achieved verdict where the condition holds",
        (
            'ast.IfExp(load("achieved"), yes, no)',
            'ast.IfExp(load("achieved"), no, yes)',
        ),
    ),
    m(
        "codegen-if-branches-swapped",
        "kinerja_engine/evaluation/codegen.py",
        "a compiled if() gives the 'else' branch when the condition holds",
        (
            "            return ast.IfExp(cond, then, other)",
            "            return ast.IfExp(cond, other, then)",
        ),
    ),
    m(
        "specialize-missing-is-false",
        "kinerja_engine/evaluation/codegen.py",
        "missing() of a figure a shape lacks is false",
        (
            'return ("const", True) if operand == MISSING',
            'return ("const", False) if operand == MISSING',
        ),
    ),
    # ---------------------------------------------------------------- validation of rule sets
    m(
        "gap-check-disabled",
        "kinerja_engine/rulesets/compile.py",
        "gaps between bands not detected",
        (
            "if _nonempty(lo_c, lo_i, hi_c, hi_i, quantum) and lo_c != POS_INF",
            "if False and _nonempty(lo_c, lo_i, hi_c, hi_i, quantum) and lo_c != POS_INF",
        ),
    ),
    m(
        "overlap-check-disabled",
        "kinerja_engine/rulesets/compile.py",
        "overlapping bands not detected",
        (
            "            if _nonempty(lo, lo_inc, hi, hi_inc, quantum):\n",
            "            if False:\n",
        ),
    ),
    # ---------------------------------------------------------------- the audit
    m(
        "tolerance-doubled",
        "kinerja_engine/audit/_common.py",
        "a printed percentage passes within a whole unit of its last digit",
        (
            "        return Decimal(5).scaleb(-(places + 1))\n",
            "        return Decimal(10).scaleb(-(places + 1))\n",
        ),
    ),
    m(
        "tolerance-exclusive",
        "kinerja_engine/audit/_common.py",
        "a difference of exactly the tolerance reported",
        (
            "        return abs(printed - expected) <= self.rules.audit.percent_tolerance\n",
            "        return abs(printed - expected) < self.rules.audit.percent_tolerance\n",
        ),
    ),
    m(
        "printed-rounding-ignored",
        "kinerja_engine/audit/_common.py",
        "a printed figure held against the exact value truncated, whatever the rules round",
        (
            "quantize(expected, places_of(printed), self.rules.rounding) == printed\n",
            "quantize(expected, places_of(printed), ROUND_DOWN) == printed\n",
        ),
    ),
    m(
        "footing-level-dropped",
        "kinerja_engine/audit/footing.py",
        "only top-level budget lines are footed",
        (
            "        kids = children.get(line.id, [])\n",
            "        kids = children.get(line.id, []) if line.parent is None else []\n",
        ),
    ),
    m(
        "tie-out-disabled",
        "kinerja_engine/audit/tieout.py",
        "a quantity printed with different values is not compared",
        ("        if len(places) < 2:\n", "        if len(places) < 99:\n"),
    ),
    m(
        "labels-never-wrong",
        "kinerja_engine/audit/labels.py",
        "a printed label is never held against the figures",
        ("    if spelled == derived:\n", "    if True:\n"),
    ),
    m(
        "efficiency-amounts-ignored",
        "kinerja_engine/audit/labels.py",
        "printed efficiency labels judged without the amounts (PMK's E never checked)",
        (
            "else efficiency_of(rules, capaian, serapan, *amounts)\n",
            "else efficiency_of(rules, capaian, serapan)\n",
        ),
    ),
    m(
        "share-against-wrong-total",
        "kinerja_engine/audit/recalculation.py",
        "budget share computed against the total plus one rupiah",
        ("lambda pv: pv * HUNDRED / whole,", "lambda pv: pv * HUNDRED / (whole + 1),"),
    ),
    m(
        "share-against-spending",
        "kinerja_engine/audit/recalculation.py",
        "budget share against the agency's total realisasi instead of its total pagu",
        ("        whole = total.pagu\n", "        whole = total.realisasi or total.pagu\n"),
    ),
    m(
        "budget-percent-inverted",
        "kinerja_engine/audit/footing.py",
        "a budget line's percentage as pagu / realisasi",
        (
            "line.realisasi * HUNDRED / line.pagu)",
            "line.pagu * HUNDRED / line.realisasi if line.realisasi else HUNDRED)",
        ),
    ),
    m(
        "plausible-bound-exclusive",
        "kinerja_engine/audit/plausibility.py",
        "a capaian exactly at the plausible bound reported",
        ("    if low <= value <= high:\n", "    if low <= value < high:\n"),
    ),
    m(
        "comparison-never-missing",
        "kinerja_engine/audit/completeness.py",
        "a missing realisasi of the year before never reported",
        ("    if previous in ind.history or any(\n", "    if True or any(\n"),
    ),
    m(
        "later-year-allowed",
        "kinerja_engine/audit/periods.py",
        "a heading one year after the report's passes",
        (
            "            if e.year > y or (e.year < y - 1 and fields and not declared):\n",
            "            if e.year > y + 1 or (e.year < y - 1 and fields and not declared):\n",
        ),
    ),
    m(
        "rupiah-in-percent-column-allowed",
        "kinerja_engine/audit/plausibility.py",
        "a rupiah amount in a percent column passes the screen",
        ('        if mark == "Rp" or sized:\n', "        if sized:\n"),
    ),
    # ---------------------------------------------------------------- numbers
    m(
        "ribu-scale-wrong",
        "kinerja_engine/numbers.py",
        "'ribu' scales by 10^2",
        ('_SCALES: Final = {"ribu": 3,', '_SCALES: Final = {"ribu": 2,'),
    ),
    m(
        "round-half-up-is-half-even",
        "kinerja_engine/numbers.py",
        "round_half_up rounds half to even",
        (
            "    return value.quantize(quantum, ROUND_HALF_UP, context)\n",
            "    return value.quantize(quantum, ROUND_HALF_EVEN, context)\n",
        ),
        (
            "from decimal import ROUND_HALF_UP, Context, Decimal\n",
            "from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal\n",
        ),
    ),
    # ---------------------------------------------------------------- the plain TOML reader
    m(
        "plain-key-twice-kept",
        PLAIN,
        "a key given twice in one table is read (tomllib refuses the file)",
        ("                    if key in table:\n", "                    if False:\n"),
    ),
    m(
        "plain-value-array-extended",
        PLAIN,
        "[[a]] extends an array written as a value (tomllib refuses the file)",
        ("        elif id(array) not in headed:\n", "        elif type(array) is not list:\n"),
    ),
    m(
        "plain-inline-trailing-comma",
        PLAIN,
        "an inline table with a trailing comma is read (TOML allows none)",
        (
            '_INLINE = rf"\\{{{_W}(?:{_PAIR}{_W}(?:,{_W}{_PAIR}{_W})*)?\\}}"',
            '_INLINE = rf"\\{{{_W}(?:{_PAIR}{_W}(?:,{_W}{_PAIR}{_W})*(?:,{_W})?)?\\}}"',
        ),
    ),
    m(
        "plain-leading-zero",
        PLAIN,
        "an integer with a leading zero is read (TOML refuses 01)",
        ('_INT = r"[+-]?(?:0|[1-9][0-9]*)"', '_INT = r"[+-]?[0-9]+"'),
    ),
    m(
        "plain-control-in-comment",
        PLAIN,
        "a comment may hold a control character",
        (r"""{_W}(?:\#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?\n""", r"""{_W}(?:\#[^\n\r]*)?\r?\n"""),
    ),
    m(
        "plain-lone-carriage-return",
        PLAIN,
        "a text ending in a lone carriage return is read",
        ('        if text.endswith("\\r"):\n', "        if False:\n"),
    ),
    # ---------------------------------------------------------------- the plain-table hooks
    m(
        "plain-unit-word-kept",
        TABLES,
        "an indicator's unit word is not dropped from its figures on the plain branch",
        ("    if strip and type(value) is str:\n", "    if False:\n"),
    ),
    m(
        "plain-marks-unjudged",
        TABLES,
        "a '%' or 'Rp' at odds with the indicator's unit passes the plain branch",
        ("    if marked:\n", "    if False:\n"),
    ),
    m(
        "plain-extra-key-read",
        TABLES,
        "an unknown key in a printed entry is let through by the plain branch",
        (
            "    if type(raw) is not dict or not _ENTRY.issuperset(raw):\n",
            "    if type(raw) is not dict:\n",
        ),
    ),
    # ---------------------------------------------------------------- the rules cache
    m(
        "rules-file-edit-unseen",
        "kinerja_engine/api.py",
        "load_rules serves the rule set read before though its file has changed since",
        (
            "        if all(_digest(textfile.read_limited(p, limit)) == digest for p, digest in files):\n",
            "        if all(textfile.read_limited(p, limit) is not None for p, _ in files):\n",
        ),
    ),
    m(
        "compiled-cache-keyed-by-file",
        "kinerja_engine/rulesets/cache.py",
        "a compiled rule set kept by its file alone: an edited file gets the stale one",
        ("    key = (version, origin, files)\n", "    key = (origin or version, origin, files)\n"),
    ),
    # ---------------------------------------------------------------- issue 18's holes
    # Each was written by a reviewer and missed by the suite; tests/test_holes.py holds the
    # input that exposes it.
    m(
        "flag-low-absorption-inclusive",
        P86,
        "the low-absorption flag fires at a serapan of exactly 50",
        ('when = "serapan < 50"', 'when = "serapan <= 50"'),
    ),
    m(
        "flag-far-above-inclusive",
        P86,
        "the far-above-target flag fires at a capaian of exactly 150",
        ('when = "capaian > 150"', 'when = "capaian >= 150"'),
    ),
    m(
        "codegen-chain-operands-swapped",
        "kinerja_engine/evaluation/codegen.py",
        "a compiled chain of four operators or more computes operand op accumulated",
        (
            "                acc = ast.BinOp(acc, _ARITHMETIC[step](), self.build(operand, deeper))\n",
            "                acc = ast.BinOp(self.build(operand, deeper), _ARITHMETIC[step](), acc)\n",
        ),
    ),
    m(
        "agency-total-smallest-root",
        "kinerja_engine/audit/footing.py",
        "the agency's total is the smallest top-level spending line",
        (
            "    return max(roots, key=lambda b: b.pagu or 0, default=None)\n",
            "    return min(roots, key=lambda b: b.pagu or 0, default=None)\n",
        ),
    ),
    m(
        "amount-sized-boundary-moved",
        "kinerja_engine/audit/plausibility.py",
        "a serapan of exactly 10.000 read as a percentage, not an amount",
        (
            "abs(value) >= _AMOUNT_SIZED\n",
            "abs(value) > _AMOUNT_SIZED\n",
        ),
    ),
    m(
        "older-year-allowed",
        "kinerja_engine/audit/periods.py",
        "results under the year two before the report's pass",
        ("(e.year < y - 1 and fields and", "(e.year < y - 2 and fields and"),
    ),
    m(
        "fast-figure-digit-limit",
        "kinerja_engine/io/figures.py",
        "the fast reader takes a plain figure of 22 digits (10^21, past the bound)",
        ("match.end(1) > 21 or", "match.end(1) > 22 or"),
    ),
    m(
        "csv-negatif-unknown",
        "kinerja_engine/io/importing.py",
        "the CSV direction word 'negatif' is not read",
        (
            '"lower_is_better|lower is better|negatif|negative|',
            '"lower_is_better|lower is better|negative|',
        ),
    ),
    m(
        "percent-text-half-up",
        "kinerja_engine/rendering/view.py",
        "Markdown and HTML show percentages half-up whatever the rule set's rounding",
        (
            "    shown = quantize(value, places, rounding)\n    text = format_number(",
            '    shown = quantize(value, places, "ROUND_HALF_UP")\n    text = format_number(',
        ),
    ),
    m(
        "geometric-mean-zero-allowed",
        "kinerja_engine/evaluation/cascade.py",
        "a geometric-mean roll-up over a capaian of 0 gives 0",
        (
            'if method.endswith("geometric_mean") and any(v <= 0 for v in figures):',
            'if method.endswith("geometric_mean") and any(v < 0 for v in figures):',
        ),
    ),
    m(
        "csv-evidence-regrouped",
        "kinerja_engine/rendering/csv.py",
        "a printed 1.500 in a finding's evidence rewritten as the decimal 1,5",
        (
            "    if _PLAIN.match(text) and not _ID_GROUPED.match(text):\n",
            "    if _PLAIN.match(text):\n",
        ),
    ),
    m(
        "labels-on-recomputed-capaian",
        "kinerja_engine/audit/labels.py",
        "a printed label judged on the recomputed capaian, not the one printed beside it",
        (
            '    if pv is not None and pv.value is not None and (n, "capaian") not in broken:\n'
            "        return pv.value,",
            "    if False:\n        return pv.value,",
        ),
    ),
    # ---------------------------------------------------------------- the formula parser
    m(
        "parser-short-chain-operands-swapped",
        "kinerja_engine/rulesets/formula.py",
        "a - b parsed as b - a (chains of up to three operators)",
        (
            "            acc = _node(NUMBER, first.start, (op, acc.tree, item.tree))\n",
            "            acc = _node(NUMBER, first.start, (op, item.tree, acc.tree))\n",
        ),
    ),
    m(
        "parser-unary-minus-dropped",
        "kinerja_engine/rulesets/formula.py",
        "a unary minus read as a unary plus",
        ('        tree = ("neg", operand.tree)\n', "        tree = operand.tree\n"),
    ),
    m(
        "parser-le-is-lt",
        "kinerja_engine/rulesets/formula.py",
        "<= compares as < (the specification; the compiled backend keeps <=)",
        ('    "<=": operator.le,\n', '    "<=": operator.lt,\n'),
    ),
    m(
        "codegen-le-is-lt",
        "kinerja_engine/evaluation/codegen.py",
        "a compiled <= compares as <",
        ('    "<=": ast.LtE,\n', '    "<=": ast.Lt,\n'),
    ),
    # ---------------------------------------------------------------- the loader
    m(
        "textfile-size-limit-plus-one",
        "kinerja_engine/io/textfile.py",
        "a file one byte over the size limit is read",
        ("    if len(raw) > max_bytes:\n", "    if len(raw) > max_bytes + 1:\n"),
    ),
    m(
        "textfile-bom-kept",
        "kinerja_engine/io/textfile.py",
        "a UTF-8 byte-order mark is left at the start of the text",
        ('    text = text.removeprefix("\\ufeff")\n', "    text = text\n"),
    ),
    m(
        "textfile-depth-plus-one",
        "kinerja_engine/io/textfile.py",
        "a document one level deeper than the limit is read",
        (
            "        if depth > limit:\n            return True\n",
            "        if depth > limit + 1:\n            return True\n",
        ),
    ),
    # ---------------------------------------------------------------- the CSV importer
    m(
        "csv-sep-hint-ignored",
        "kinerja_engine/io/importing.py",
        "Excel's 'sep=;' line is not read as the separator",
        ("    forced = hint.group(1) if hint else None\n", "    forced = None\n"),
    ),
    # ---------------------------------------------------------------- the renderers
    m(
        "markdown-html-unescaped",
        "kinerja_engine/rendering/escape.py",
        "a '<' from a case file reaches Markdown as raw HTML",
        ('"<": "&lt;",', '"<": "<",'),
    ),
    m(
        "markdown-pipe-unescaped",
        "kinerja_engine/rendering/markdown.py",
        "a '|' in a name splits a Markdown table cell",
        ('.replace("|", "\\\\|")', '.replace("|", "|")'),
    ),
    m(
        "html-autoescape-off",
        "kinerja_engine/rendering/html.py",
        "the HTML report does not escape the case's text",
        ("        autoescape=True,\n", "        autoescape=False,\n"),
    ),
    m(
        "csv-formula-unneutralised",
        "kinerja_engine/rendering/csv.py",
        "a text cell starting with '=' is written as a spreadsheet formula",
        ('        value = "\'" + value\n', "        value = value\n"),
    ),
    m(
        "csv-shown-half-up",
        "kinerja_engine/rendering/csv.py",
        "CSV figures rounded half-up whatever the rule set says",
        (
            "    rounded = quantize(value, report.places, report.rounding)\n",
            '    rounded = quantize(value, report.places, "ROUND_HALF_UP")\n',
        ),
    ),
    m(
        "table-shown-half-up",
        "kinerja_engine/rendering/basic.py",
        "the terminal table and a report's own Markdown round half-up whatever the rules say",
        (
            "    shown = quantize(value, report.places, report.rounding)\n    return format_number(",
            '    shown = quantize(value, report.places, "ROUND_HALF_UP")\n    return format_number(',
        ),
    ),
    m(
        "json-indent-one-space",
        "kinerja_engine/rendering/jsontext.py",
        "JSON indented by one space, not json.dumps's two",
        ('_STEP = "  "\n', '_STEP = " "\n'),
    ),
    m(
        "chart-clip-at-200",
        "kinerja_engine/rendering/charts.py",
        "the chart's axis clipped at 200 % instead of 300 %",
        ("CLIP_AT = Decimal(300)\n", "CLIP_AT = Decimal(200)\n"),
    ),
    # ---------------------------------------------------------------- the message catalogue
    m(
        "catalogue-languages-swapped",
        "kinerja_engine/messages.py",
        "a message asked for in Indonesian is written in English, and the other way",
        (
            '    form = id_text if lang == "id" else en_text\n',
            '    form = en_text if lang == "id" else id_text\n',
        ),
    ),
)

# Mutants no behaviour can tell from the original, with the reason. Left out of the rate.
EQUIVALENT: dict[str, str] = {}

# ---------------------------------------------------------------- which tests, per module
# The test files that exercise each part of the code, as glob patterns; the longest prefix
# of a mutant's path that is listed here chooses its tests. A mutant the listed tests miss
# is run again against the whole suite (unless --no-confirm), so the mapping makes runs
# faster, never the result kinder.
TESTS_FOR: dict[str, tuple[str, ...]] = {
    "rules/": (
        "tests/test_edges.py",
        "tests/test_holes.py",
        "tests/test_oracle.py",
        "tests/test_evaluate.py",
        "tests/test_published.py",
        "tests/test_properties.py",
        "tests/test_audit_properties.py",
        "tests/test_golden.py",
    ),
    "kinerja_engine/rulesets/": (
        "tests/test_edges.py",
        "tests/test_holes.py",
        "tests/test_formula.py",
        "tests/test_validate.py",
        "tests/test_codegen.py",
        "tests/test_oracle.py",
        "tests/test_evaluate.py",
        "tests/test_fast_paths.py",
        "tests/test_compiled.py",
        "tests/test_properties.py",
        "tests/test_loading.py",
    ),
    "kinerja_engine/rulesets/cache.py": ("tests/test_api.py", "tests/test_loading.py"),
    "kinerja_engine/evaluation/": (
        "tests/test_holes.py",
        "tests/test_edges.py",
        "tests/test_evaluate.py",
        "tests/test_oracle.py",
        "tests/test_codegen.py",
        "tests/test_compiled.py",
        "tests/test_fast_paths.py",
        "tests/test_published.py",
        "tests/test_batch.py",
        "tests/test_properties.py",
    ),
    "kinerja_engine/audit/": (
        "tests/test_holes.py",
        "tests/test_audit*.py",
        "tests/test_golden.py",
    ),
    "kinerja_engine/numbers.py": (
        "tests/test_numbers.py",
        "tests/test_holes.py",
        "tests/test_edges.py",
        "tests/test_structure.py",
        "tests/test_fast_paths.py",
        "tests/test_oracle.py",
        "tests/test_properties.py",
    ),
    "kinerja_engine/io/": (
        "tests/test_holes.py",
        "tests/test_structure.py",
        "tests/test_loading.py",
        "tests/test_bad_inputs.py",
        "tests/test_fast_paths.py",
        "tests/test_textfile.py",
        "tests/test_load_safety.py",
        "tests/test_hardening.py",
        "tests/test_stdin.py",
    ),
    "kinerja_engine/io/plaintoml.py": ("tests/test_plaintoml.py",),
    "kinerja_engine/io/importing.py": (
        "tests/test_holes.py",
        "tests/test_import_csv.py",
        "tests/test_roundtrip.py",
    ),
    "kinerja_engine/rendering/": (
        "tests/test_holes.py",
        "tests/test_report_*.py",
        "tests/test_hardening.py",
        "tests/test_charts.py",
        "tests/test_jsontext.py",
        "tests/test_golden.py",
        "tests/test_api.py",
        "tests/test_cli.py",
    ),
    "kinerja_engine/api.py": ("tests/test_api.py", "tests/test_loading.py"),
    "kinerja_engine/messages.py": ("tests/test_messages.py", "tests/test_cli.py"),
}

# The subset .ci/run runs (`--ci`), each mutant with the tests that must kill it (a few
# seconds each): issue 18's holes with tests/test_holes.py, the engine's edge handling with
# tests/test_edges.py, and one of the rules files and of the plain TOML reader. About a
# minute on two cores; the whole catalogue is run by hand.
_ORACLE_EDGES = (
    "tests/test_oracle.py::test_category_and_verdict_agree_with_the_oracle_on_every_edge"
)
CI_SUBSET: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "flag-low-absorption-inclusive",
            "flag-far-above-inclusive",
            "codegen-chain-operands-swapped",
            "agency-total-smallest-root",
            "amount-sized-boundary-moved",
            "older-year-allowed",
            "fast-figure-digit-limit",
            "csv-negatif-unknown",
            "percent-text-half-up",
            "geometric-mean-zero-allowed",
            "csv-evidence-regrouped",
            "labels-on-recomputed-capaian",
        ),
        ("tests/test_holes.py",),
    ),
    **dict.fromkeys(
        (
            "band-bisection-wrong-side",
            "cap-not-applied",
            "floor-not-applied",
            "tolerance-exclusive",
            "plausible-bound-exclusive",
            "parser-le-is-lt",
            "codegen-le-is-lt",
        ),
        ("tests/test_edges.py",),
    ),
    "band-edge-moved-one-cent": (_ORACLE_EDGES,),
    "plain-leading-zero": ("tests/test_plaintoml.py",),
}


def tests_for(mutant: Mutant, tree: Path) -> list[str]:
    """The test files the mapping gives ``mutant``'s path, found in ``tree``."""
    prefixes = [p for p in TESTS_FOR if mutant.path.startswith(p)]
    if not prefixes:
        return []
    found: list[str] = []
    for pattern in TESTS_FOR[max(prefixes, key=len)]:
        found += sorted(str(p.relative_to(tree)) for p in tree.glob(pattern))
    return list(dict.fromkeys(found))


def unmatched_patterns(tree: Path = ROOT) -> list[str]:
    """Patterns of TESTS_FOR that name no test file (a renamed test: fix the mapping)."""
    return sorted({p for patterns in TESTS_FOR.values() for p in patterns if not any(tree.glob(p))})


@dataclass
class Outcome:
    mutant: Mutant
    status: str  # killed, survived, stale, equivalent
    detail: str
    seconds: float
    scope: str = "mapped"  # the tests that ran: mapped, suite, given


def copy_tree(target: Path) -> None:
    shutil.copytree(ROOT, target, ignore=IGNORE, symlinks=True)


def apply(mutant: Mutant, tree: Path) -> str | None:
    """Apply the mutant in ``tree``; the reason when it no longer applies."""
    path = tree / mutant.path
    if not path.exists():
        return f"{mutant.path} does not exist"
    text = path.read_text(encoding="utf-8")
    for old, new in mutant.edits:
        count = text.count(old)
        if count != 1:
            return f"the text to mutate is found {count} times in {mutant.path}: {old[:60]!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return None


def environment(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The copy's package, not the editable install of the working tree.
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    env["HYPOTHESIS_PROFILE"] = "ci"
    env.pop("PYTEST_ADDOPTS", None)
    return env


def check_isolation(tree: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kinerja_engine, kinerja_engine.io.loading as l; "
            "print(kinerja_engine.__file__); print(l.shipped_rules()['permendagri-86-2017'])",
        ],
        cwd=tree,
        env=environment(tree),
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stdout.split():
        if not Path(line).resolve().is_relative_to(tree.resolve()):
            raise SystemExit(f"the copy imports {line}, outside {tree}: mutants would not be seen")


def first_failure(output: str) -> str:
    found = re.search(r"^(?:FAILED|ERROR) (\S+)", output, flags=re.MULTILINE)
    if found:
        return found.group(1)
    tail = [line for line in output.strip().splitlines() if line.strip()]
    return tail[-1] if tail else "?"


def run_suite(tree: Path, extra: Sequence[str] = ()) -> tuple[int, str]:
    try:
        done = subprocess.run(
            [*PYTEST, *extra],
            cwd=tree,
            env=environment(tree),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {TIMEOUT} s"
    return done.returncode, done.stdout + done.stderr


def run(
    mutant: Mutant,
    base: Path,
    given: Sequence[str] = (),
    *,
    confirm: bool = True,
    mapped: bool = True,
) -> Outcome:
    """Apply ``mutant`` to a copy of ``base`` and run the tests: ``given``, else the ones
    TESTS_FOR maps its file to, then (``confirm``) the whole suite if those pass."""
    start = time.monotonic()
    if mutant.name in EQUIVALENT:
        return Outcome(mutant, "equivalent", EQUIVALENT[mutant.name], 0.0, "-")
    with tempfile.TemporaryDirectory(prefix=f"mutant-{mutant.name}-") as folder:
        tree = Path(folder) / "repo"
        shutil.copytree(base, tree, symlinks=True)
        problem = apply(mutant, tree)
        if problem is not None:
            return Outcome(mutant, "stale", problem, time.monotonic() - start, "-")
        scopes: list[tuple[str, Sequence[str]]] = []
        if given:
            scopes.append(("given", given))
        else:
            chosen = tests_for(mutant, tree) if mapped else []
            if chosen:
                scopes.append(("mapped", chosen))
            if confirm or not chosen:
                scopes.append(("suite", ()))
        status, detail, scope = "survived", "?", "-"
        for scope, tests in scopes:
            code, output = run_suite(tree, tests)
            if code not in (0, 5):
                status, detail = "killed", first_failure(output)
                break
            detail = "no tests ran" if code == 5 else f"the {scope} tests passed"
    return Outcome(mutant, status, detail, time.monotonic() - start, scope)


def table(outcomes: Sequence[Outcome]) -> str:
    head = ("mutant", "file", "result", "by", "killed by / reason", "s")
    rows = [
        (o.mutant.name, o.mutant.path, o.status, o.scope, o.detail[:80], f"{o.seconds:.0f}")
        for o in outcomes
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def stale(mutants: Sequence[Mutant], tree: Path) -> list[Outcome]:
    """The mutants whose text is no longer in ``tree`` (checked on a scratch copy of
    each mutated file)."""
    found = []
    with tempfile.TemporaryDirectory(prefix="mutants-stale-") as folder:
        for mu in mutants:
            scratch = Path(folder) / mu.name
            target = scratch / mu.path
            target.parent.mkdir(parents=True)
            if (tree / mu.path).exists():
                shutil.copy(tree / mu.path, target)
            problem = apply(mu, scratch)
            if problem is not None:
                found.append(Outcome(mu, "stale", problem, 0.0, "-"))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these mutants")
    parser.add_argument(
        "--ci",
        action="store_true",
        help="CI: the CI_SUBSET mutants with their tests, no baseline; every mutant must apply",
    )
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run")
    parser.add_argument(
        "--no-confirm",
        action="store_true",
        help="a mutant the mapped tests miss counts as survived without the whole suite",
    )
    parser.add_argument(
        "--whole-suite",
        action="store_true",
        help="every mutant against the whole suite (no mapping: slow)",
    )
    parser.add_argument(
        "--tests",
        nargs="+",
        metavar="PATH",
        default=(),
        help="run only these test files or node ids for every mutant",
    )
    args = parser.parse_args(argv)

    mutants = list(MUTANTS)
    if args.only:
        unknown = set(args.only) - {mu.name for mu in mutants}
        if unknown:
            parser.error(f"unknown mutant(s): {', '.join(sorted(unknown))}")
        mutants = [mu for mu in mutants if mu.name in args.only]
    elif args.ci:
        mutants = [mu for mu in mutants if mu.name in CI_SUBSET]
    if args.list:
        for mu in mutants:
            note = f"  [equivalent: {EQUIVALENT[mu.name]}]" if mu.name in EQUIVALENT else ""
            print(f"{mu.name:36} {mu.path:38} {mu.what}{note}")
        return 0

    started = time.monotonic()
    missing = unmatched_patterns()
    if missing:
        print(f"TESTS_FOR names no test file for: {', '.join(missing)}", file=sys.stderr)
        if args.ci:
            return 1
    outcomes: list[Outcome] = []
    if args.ci:
        # The whole list must still apply, though only the subset runs.
        chosen = {mu.name for mu in mutants}
        outcomes += [o for o in stale(MUTANTS, ROOT) if o.mutant.name not in chosen]
    with tempfile.TemporaryDirectory(prefix="mutants-base-") as folder:
        base = Path(folder) / "repo"
        copy_tree(base)  # one snapshot: every mutant starts from the same tree
        check_isolation(base)
        if not (args.no_baseline or args.ci):
            print("baseline: the unmutated suite ...", flush=True)
            code, output = run_suite(base, args.tests)
            if code != 0:
                print(output[-3000:])
                print("the unmutated suite fails: fix it before mutating", file=sys.stderr)
                return 2

        def one(mu: Mutant) -> Outcome:
            if args.ci and not args.tests:
                return run(mu, base, CI_SUBSET[mu.name], confirm=False)
            return run(
                mu, base, args.tests, confirm=not args.no_confirm, mapped=not args.whole_suite
            )

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for outcome in pool.map(one, mutants):
                print(
                    f"  {outcome.mutant.name}: {outcome.status} ({outcome.detail[:70]})", flush=True
                )
                outcomes.append(outcome)

    print()
    print(table(outcomes))
    counted = [o for o in outcomes if o.status in ("killed", "survived")]
    killed = sum(1 for o in counted if o.status == "killed")
    rate = 100 * killed / len(counted) if counted else 0.0
    equivalent = sum(1 for o in outcomes if o.status == "equivalent")
    gone = [o for o in outcomes if o.status == "stale"]
    print()
    print(
        f"kill rate: {killed}/{len(counted)} = {rate:.1f} %"
        + (f"; {equivalent} equivalent, not counted" if equivalent else "")
        + (f"; {len(gone)} stale (no longer apply: update the list)" if gone else "")
        + f"; {time.monotonic() - started:.0f} s with --jobs {args.jobs}"
    )
    return 0 if killed == len(counted) and not gone else 1


if __name__ == "__main__":
    sys.exit(main())
