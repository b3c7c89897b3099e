"""The auditor's review: hold every printed figure against what it should be.

Each printed entry is recomputed from the table's own printed inputs first (a table that
used other inputs is a tie-out problem, reported once, not a recalculation error in
every table), and from the case's inputs where the table prints none. A figure that is
broken (a word where a number belongs, a wrong unit) blocks the checks that need it:
they are reported as skipped, naming the finding that blocked them. Checks that pass
are counted.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_DOWN, Decimal

import attrs

from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.model import (
    BudgetLine,
    Case,
    Indicator,
    PrintedEntry,
    PrintedValue,
    Target,
    UnitKind,
)
from kinerja_engine.domain.results import Finding, Report, Severity
from kinerja_engine.errors import KinerjaError
from kinerja_engine.evaluation.indicator import (
    capaian_of,
    category_of,
    efficiency_of,
    quantize,
    serapan_of,
    verdict_of,
)
from kinerja_engine.numbers import format_number
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CATALOGUE", "audit"]

_BY_CODE = {c.code: c for c in CATALOGUE}
_PERCENT_FIELDS = ("capaian", "serapan", "share", "progress")
_AMOUNT_FIELDS = ("pagu", "realisasi_anggaran")
_HUNDRED = Decimal(100)
# A figure at or above this in a percent column is an amount, not a percentage.
_AMOUNT_SIZED = Decimal(10_000)
_FIELD_ID = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "pagu": "pagu",
    "realisasi_anggaran": "realisasi anggaran",
    "serapan": "serapan",
    "share": "porsi anggaran",
    "progress": "tingkat kemajuan",
}


def _en(value: Decimal, places: int | None = 2) -> str:
    return format_number(value, places, notation="en", group=True)


def _id(value: Decimal, places: int | None = 2) -> str:
    return format_number(value, places, notation="id", group=True)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _scale_slip(printed: Decimal, expected: Decimal) -> str | None:
    """A power of ten (10 to 10^9) that turns ``expected`` into ``printed`` within 1 %."""
    if printed == 0 or expected == 0 or (printed < 0) != (expected < 0):
        return None
    ratio = printed / expected
    if ratio < 1:
        ratio = 1 / ratio
    # Decimal's own log10: a float overflows on a ratio past 10^308 (a figure of 1E-400).
    k = round(ratio.log10())
    if 1 <= k <= 9 and abs(ratio / Decimal(10) ** k - 1) <= Decimal("0.01"):
        return f"{10**k:,}".replace(",", ".")
    return None


class _Audit:
    """Collects findings, passes and skips for one case under one rule set."""

    def __init__(self, case: Case, rules: RuleSet) -> None:
        self.case = case
        self.rules = rules
        self.year = case.report.year
        self.findings: list[Finding] = []
        self.passed = 0
        self.skipped: list[tuple[str, str]] = []
        # Findings so far per id before its "#n": counted, not searched for, since a
        # national case may have tens of thousands.
        self.ids: dict[str, int] = {}

    # ------------------------------------------------------------ bookkeeping

    def severity(self, code: str) -> Severity:
        override = self.rules.audit.severity.get(code)
        return Severity(override or _BY_CODE[code].severity)

    def add(self, code: str, message_en: str, message_id: str, **fields: object) -> Finding:
        subject = fields.get("indicator") or fields.get("budget") or "-"
        ident = f"{code}:{subject}:{fields.get('where') or '-'}:{fields.get('field') or '-'}"
        n = self.ids.get(ident, 0)
        self.ids[ident] = n + 1
        finding = Finding(
            id=ident if n == 0 else f"{ident}#{n + 1}",
            code=code,
            severity=self.severity(code),
            message_en=message_en,
            message_id=message_id,
            **fields,  # type: ignore[arg-type]
        )
        self.findings.append(finding)
        return finding

    def off(
        self, printed: Decimal, expected: Decimal
    ) -> tuple[Decimal, Decimal, Decimal, int] | None:
        """None (and one more check passed) when ``printed`` agrees with ``expected``;
        else the tolerance, the expected value as printed, the difference, the places."""
        tol = self.tolerance(printed)
        if abs(printed - expected) <= tol:
            self.passed += 1
            return None
        places = max(_places(printed), self.rules.places)
        shown = quantize(expected, places, self.rules.rounding)
        return tol, shown, printed - shown, places

    def tolerance(self, printed: Decimal) -> Decimal:
        if self.rules.audit.percent_tolerance is not None:
            return self.rules.audit.percent_tolerance
        # A figure rounded to the nearest is within half a unit of its last printed digit;
        # one the rule set rounds down (truncates) is up to a whole unit below.
        if self.rules.rounding == ROUND_DOWN:
            return Decimal(1).scaleb(-_places(printed))
        return Decimal(5).scaleb(-(_places(printed) + 1))

    # ------------------------------------------------------------ a recomputed percentage

    def recalc(
        self,
        code: str,
        ind: Indicator,
        entry: PrintedEntry,
        field: str,
        printed: PrintedValue,
        expected: Decimal,
        inputs: Sequence[tuple[str, str, str]],
        related: Sequence[str] = (),
    ) -> None:
        assert printed.value is not None
        off = self.off(printed.value, expected)
        if off is None:
            return
        tol, shown, diff, places = off
        how_en = ", ".join(f"{name} {value} ({where})" for name, value, where in inputs)
        scale = _scale_slip(printed.value, expected)
        hint_en = f"; it matches if a figure was {scale} times larger or smaller" if scale else ""
        hint_id = (
            f"; cocok bila salah satu angka {scale} kali lebih besar atau kecil" if scale else ""
        )
        self.add(
            code,
            f"{entry.where} prints {field} {printed.text!r}; {how_en} give {_en(shown, places)}"
            f" (difference {_en(diff, None)} points, tolerance {_en(tol, None)}){hint_en}",
            f"{entry.where} mencetak {_FIELD_ID.get(field, field)} {printed.text!r}; dari {how_en}"
            f" seharusnya {_id(shown, places)} (selisih {_id(diff, None)} poin,"
            f" toleransi {_id(tol, None)}){hint_id}",
            indicator=ind.id,
            where=entry.where,
            field=field,
            printed=printed.text,
            expected=format(shown, "f"),
            difference=diff,
            tolerance=tol,
            inputs=tuple(inputs),
            related=tuple(related),
        )


# ---------------------------------------------------------------- the whole review


def audit(case: Case, rules: RuleSet, report: Report) -> Report:
    """``report`` with the audit's findings, passes and skips filled in."""
    a = _Audit(case, rules)
    total = _agency_total(case.budget)
    for ind in case.indicators:
        _indicator(a, ind, total)
    _budget(a, case.budget)
    return attrs.evolve(
        report,
        findings=tuple(a.findings),
        checks_passed=a.passed,
        checks_skipped=tuple(a.skipped),
        checked=True,
    )


def _agency_total(lines: Sequence[BudgetLine]) -> BudgetLine | None:
    """The agency's total spending: the largest top-level line named as belanja (spending)."""
    roots = [
        b for b in lines if b.parent is None and b.pagu is not None and "belanja" in b.name.lower()
    ]
    return max(roots, key=lambda b: b.pagu or 0, default=None)


def _indicator(a: _Audit, ind: Indicator, total: BudgetLine | None) -> None:
    broken = {}  # (entry index, field) -> id of the finding that broke it
    for n, entry in enumerate(ind.printed):
        for field, finding in _screen(a, ind, entry):
            broken[(n, field)] = finding.id
    _period(a, ind)
    ties = _tie_out(a, ind, broken)
    current = _Inputs(
        ind.target.value if ind.target else None,
        ind.realisasi,
        ind.budget.pagu if ind.budget else None,
        ind.budget.realisasi if ind.budget else None,
    )
    # A comparison column of last year is held against last year's realisasi only.
    previous = _Inputs(None, ind.history.get(a.year - 1), None, None)
    previous_ties = {k.split()[0]: v for k, v in ties.items() if k.endswith(f" {a.year - 1}")}
    for n, entry in enumerate(ind.printed):
        if entry.year in (None, a.year):
            _recalculate(a, ind, entry, n, broken, ties, total, current)
            _labels(a, ind, entry, n, broken)
        elif entry.year == a.year - 1:
            _recalculate(a, ind, entry, n, broken, previous_ties, None, previous)
    _plausibility(a, ind)
    _completeness(a, ind)


def _screen(a: _Audit, ind: Indicator, entry: PrintedEntry) -> Iterable[tuple[str, Finding]]:
    """Type and unit of every printed figure: a word, a rupiah amount in a percent column."""
    kind = ind.unit_kind
    for field in ("target", "realisasi", *_PERCENT_FIELDS, *_AMOUNT_FIELDS):
        pv: PrintedValue | None = getattr(entry, field)
        if pv is None:
            continue
        common = {"indicator": ind.id, "where": entry.where, "field": field, "printed": pv.text}
        if pv.error is not None:
            yield (
                field,
                a.add(
                    "word-for-number",
                    f"{entry.where} prints {pv.text!r} where the {field} figure belongs",
                    f"{entry.where} mencetak {pv.text!r} di tempat angka {_FIELD_ID[field]}",
                    expected="a number",
                    **common,
                ),
            )
            continue
        if pv.value is None:
            continue
        wrong = None
        # A capaian may be huge (a scale slip is its own finding); a share or an absorption
        # the size of an amount is an amount.
        sized = field in ("serapan", "share") and abs(pv.value) >= _AMOUNT_SIZED
        if field in _PERCENT_FIELDS and (pv.mark == "Rp" or sized):
            wrong = ("a rupiah amount", "jumlah rupiah", "a percentage")
        elif field in _AMOUNT_FIELDS and pv.mark == "%":
            wrong = ("a percentage", "persen", "a rupiah amount")
        elif field in ("target", "realisasi") and pv.mark == "%" and kind is UnitKind.MONEY:
            wrong = ("a percentage", "persen", f"a figure in {ind.unit}")
        elif field in ("target", "realisasi") and pv.mark == "Rp" and kind is UnitKind.PERCENT:
            wrong = ("a rupiah amount", "jumlah rupiah", "a percentage")
        if wrong is not None:
            yield (
                field,
                a.add(
                    "unit-mismatch",
                    f"{entry.where} prints {wrong[0]} {pv.text!r} as {field} (unit {ind.unit})",
                    f"{entry.where} mencetak {wrong[1]} {pv.text!r} sebagai {_FIELD_ID[field]} (satuan {ind.unit})",
                    expected=wrong[2],
                    **common,
                ),
            )
            continue
        if field in ("serapan", "share") and pv.value > _HUNDRED:
            a.add(
                "percent-over-100",
                f"{entry.where} prints {field} {pv.text!r}, above 100 %",
                f"{entry.where} mencetak {_FIELD_ID[field]} {pv.text!r}, di atas 100 %",
                expected="at most 100",
                difference=pv.value - _HUNDRED,
                **common,
            )


_RESULT_FIELDS = ("realisasi", "capaian", "serapan", "progress", "realisasi_anggaran")


def _period(a: _Audit, ind: Indicator) -> None:
    """Years the headings name, judged per table against the report's year.

    A table may name the report's year and the year before (a comparison column). It
    may not name a later year, put results under an older one, compare the report
    year's realisasi with the previous year's target, or give only previous-year
    achievement figures in a table that should be about the report's year.
    """
    tables: dict[str, list[PrintedEntry]] = {}
    for entry in ind.printed:
        if entry.year is not None:
            tables.setdefault(entry.where, []).append(entry)
    y = a.year
    for where, entries in tables.items():
        now = [e for e in entries if e.year == y]
        for e in entries:
            assert e.year is not None
            fields = [f for f in _RESULT_FIELDS if getattr(e, f) is not None]
            why_en = why_id = None
            if e.year > y or (e.year < y - 1 and fields):
                why_en = f"names the year {e.year} for its {', '.join(fields) or 'figures'}"
                why_id = f"menyebut tahun {e.year} untuk {', '.join(fields) or 'angkanya'}"
            elif (
                e.year == y - 1
                and e.target is not None
                and any(n.realisasi is not None and n.target is None for n in now)
            ):
                why_en = f"sets the target of {e.year} beside the realisasi of {y}"
                why_id = f"menyandingkan target {e.year} dengan realisasi {y}"
            elif (
                e.year == y - 1
                and not now
                and any(getattr(e, f) is not None for f in ("capaian", "progress", "serapan"))
            ):
                why_en = f"gives achievement figures for {e.year} only"
                why_id = f"hanya memuat angka capaian untuk {e.year}"
            if why_en is None:
                a.passed += 1
                continue
            a.add(
                "period-mismatch",
                f"{where} {why_en}; the report is for {y}",
                f"{where} {why_id}; laporan ini untuk tahun {y}",
                indicator=ind.id,
                where=where,
                field="year",
                printed=str(e.year),
                expected=str(y),
            )


# ---------------------------------------------------------------- tie-out


def _tie_out(
    a: _Audit, ind: Indicator, broken: dict[tuple[int, str], str]
) -> dict[str, tuple[str, tuple[Decimal, ...]]]:
    """One finding per quantity printed with different values.

    Returns, per quantity, the finding's id and every distinct value printed for it.
    """
    inputs: dict[tuple[str, int], tuple[str, Decimal | None]] = {
        ("target", a.year): ("input", ind.target.value if ind.target else None),
        ("realisasi", a.year): ("input", ind.realisasi),
        ("pagu", a.year): ("input", ind.budget.pagu if ind.budget else None),
        ("realisasi_anggaran", a.year): ("input", ind.budget.realisasi if ind.budget else None),
        ("realisasi", a.year - 1): ("input (history)", ind.history.get(a.year - 1)),
    }
    ties: dict[str, tuple[str, tuple[Decimal, ...]]] = {}
    for (field, year), (label, value) in inputs.items():
        seen: list[tuple[str, str, Decimal]] = []
        if value is not None:
            seen.append((label, format_number(value, None), value))
        for n, entry in enumerate(ind.printed):
            pv: PrintedValue | None = getattr(entry, field)
            entry_year = entry.year if entry.year is not None else a.year
            if pv is None or pv.value is None or entry_year != year or (n, field) in broken:
                continue
            seen.append((entry.where, pv.text, pv.value))
        if len(seen) < 2:
            continue
        reference = seen[0][2]
        odd = [s for s in seen if s[2] != reference]
        if not odd:
            a.passed += 1
            continue
        listed = "; ".join(f"{where}: {text}" for where, text, _ in seen)
        what = f"{field} {year}"
        finding = a.add(
            "tie-out",
            f"{what} is printed with {len({s[2] for s in seen})} different values: {listed}",
            f"{_FIELD_ID.get(field, field)} {year} dicetak dengan {len({s[2] for s in seen})} nilai berbeda: {listed}",
            indicator=ind.id,
            where=odd[0][0],
            field=field if year == a.year else f"{field} {year}",
            printed=odd[0][1],
            expected=seen[0][1],
            difference=odd[0][2] - reference,
            tolerance=Decimal(0),
            inputs=tuple((f"{field} {year}", text, where) for where, text, _ in seen),
        )
        values = tuple(dict.fromkeys(s[2] for s in seen))
        ties[field if year == a.year else f"{field} {year}"] = (finding.id, values)
    return ties


# ---------------------------------------------------------------- recalculation


@attrs.frozen
class _Inputs:
    """The case's inputs a printed entry falls back on where it prints none itself."""

    target: Decimal | None
    realisasi: Decimal | None
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None


@attrs.frozen
class _Arg:
    """One input of a recomputation: its value, how it is cited, and, when the case's
    input is disputed by a tie-out finding, the other values the report prints for it."""

    value: Decimal
    cite: tuple[str, str, str]
    alternatives: tuple[Decimal, ...] = ()
    tie: str | None = None


def _figure(
    a: _Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    field: str,
    fallback: Decimal | None,
    broken: dict[tuple[int, str], str],
    ties: Mapping[str, tuple[str, tuple[Decimal, ...]]],
) -> tuple[_Arg | None, str | None]:
    """An input for a recomputation: the entry's own figure, else the case's input.

    Returns the argument, or None with the id of the finding that makes it unusable.
    """
    if (n, field) in broken:
        return None, broken[(n, field)]
    pv: PrintedValue | None = getattr(entry, field)
    if pv is not None and pv.value is not None:
        return _Arg(pv.value, (field, pv.text, entry.where)), None
    if fallback is None:
        return None, None
    cite = (field, format_number(fallback, None), "input")
    if field in ties:
        tie, values = ties[field]
        return _Arg(fallback, cite, tuple(v for v in values if v != fallback), tie), None
    return _Arg(fallback, cite), None


def _recompute(
    a: _Audit,
    code: str,
    ind: Indicator,
    entry: PrintedEntry,
    field: str,
    printed: PrintedValue,
    compute: Callable[..., Decimal | None],
    args: Sequence[_Arg],
    extra: Sequence[tuple[str, str, str]] = (),
) -> None:
    """Hold ``printed`` against ``compute(*args)``.

    When an input is the case's own and the report prints it differently elsewhere, a
    printed figure that follows from one of those other values is no new error: its
    root cause is the tie-out finding, which blocks this check instead.
    """
    expected = compute(*(arg.value for arg in args))
    if expected is None:
        return
    assert printed.value is not None
    tol = a.tolerance(printed.value)
    ties = [arg.tie for arg in args if arg.tie]
    if abs(printed.value - expected) > tol and ties:
        options = [(arg.value, *arg.alternatives) for arg in args]
        for combo in itertools.islice(itertools.product(*options), 64):
            value = compute(*combo)
            if value is not None and abs(printed.value - value) <= tol:
                blocker = next(
                    arg.tie
                    for arg, v in zip(args, combo, strict=True)
                    if arg.tie and v != arg.value
                )
                a.skipped.append((f"{code} at {entry.where} ({ind.id})", blocker))
                return
    a.recalc(
        code, ind, entry, field, printed, expected, [*(arg.cite for arg in args), *extra], ties
    )


def _recalculate(
    a: _Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    broken: dict[tuple[int, str], str],
    ties: Mapping[str, tuple[str, tuple[Decimal, ...]]],
    total: BudgetLine | None,
    inputs: _Inputs,
) -> None:
    rules = a.rules
    target_in = inputs.target

    def usable(field: str) -> PrintedValue | None:
        pv: PrintedValue | None = getattr(entry, field)
        if pv is None or pv.value is None or (n, field) in broken:
            return None
        return pv

    def arg(field: str, fallback: Decimal | None) -> tuple[_Arg | None, str | None]:
        return _figure(a, ind, entry, n, field, fallback, broken, ties)

    def skip(what: str, *blockers: str | None) -> None:
        for blocker in blockers:
            if blocker:
                a.skipped.append((f"{what} at {entry.where} ({ind.id})", blocker))
                return

    if (printed := usable("capaian")) is not None:
        r, r_block = arg("realisasi", inputs.realisasi)
        if ind.target is not None and ind.target.is_range and entry.target is None:
            rng = ind.target
            if r is not None:
                cite = ("target", f"[{rng.low}, {rng.high}]", "input")
                _recompute(
                    a,
                    "capaian-recalc",
                    ind,
                    entry,
                    "capaian",
                    printed,
                    lambda rv: capaian_of(rules, ind.direction, rng, rv),
                    [r],
                    [cite],
                )
            else:
                skip("capaian-recalc", r_block)
        else:
            t, t_block = arg("target", target_in)
            if t is not None and r is not None:
                _recompute(
                    a,
                    "capaian-recalc",
                    ind,
                    entry,
                    "capaian",
                    printed,
                    lambda rv, tv: capaian_of(rules, ind.direction, Target.point(tv), rv),
                    [r, t],
                )
            else:
                skip("capaian-recalc", t_block, r_block)

    if (printed := usable("serapan")) is not None:
        s, s_block = arg("realisasi_anggaran", inputs.realisasi_anggaran)
        p, p_block = arg("pagu", inputs.pagu)
        if p is not None and s is not None:
            _recompute(
                a,
                "serapan-recalc",
                ind,
                entry,
                "serapan",
                printed,
                lambda sv, pv: serapan_of(rules, pv, sv) if pv > 0 else None,
                [s, p],
            )
        else:
            skip("serapan-recalc", p_block, s_block)

    if (printed := usable("share")) is not None and total is not None and total.pagu:
        whole = total.pagu
        p, p_block = arg("pagu", inputs.pagu)
        if p is not None:
            total_cite = ("total pagu", format_number(whole, None), total.where or total.id)
            _recompute(
                a,
                "share-recalc",
                ind,
                entry,
                "share",
                printed,
                lambda pv: pv * _HUNDRED / whole,
                [p],
                [total_cite],
            )
        else:
            skip("share-recalc", p_block)

    formula = rules.progress.get(ind.direction.value)
    renstra = ind.renstra_target
    if (printed := usable("progress")) is not None and renstra and formula is not None:
        r, r_block = arg("realisasi", inputs.realisasi)

        def progress(rv: Decimal) -> Decimal | None:
            env = {
                "realisasi": rv,
                "renstra_target": renstra,
                "target": target_in,
                "target_low": None,
                "target_high": None,
            }
            try:
                value = formula.figure(env)
            except KinerjaError:  # an undefined progress holds no printed figure
                return None
            return value if isinstance(value, Decimal) else None

        if r is not None:
            cite = ("renstra_target", format_number(renstra, None), "input")
            _recompute(a, "progress-recalc", ind, entry, "progress", printed, progress, [r], [cite])
        else:
            skip("progress-recalc", r_block)


# ---------------------------------------------------------------- labels


def _norm(label: str) -> str:
    return " ".join(label.lower().split())


def _labels(
    a: _Audit, ind: Indicator, entry: PrintedEntry, n: int, broken: dict[tuple[int, str], str]
) -> None:
    rules = a.rules
    capaian, basis = _capaian_basis(a, ind, entry, n, broken)
    serapan = None
    if (pv := entry.serapan) is not None and pv.value is not None and (n, "serapan") not in broken:
        serapan, serapan_basis = pv.value, f"serapan {pv.text} ({entry.where})"
    elif ind.budget and ind.budget.pagu and ind.budget.realisasi is not None:
        serapan = serapan_of(rules, ind.budget.pagu, ind.budget.realisasi)
        serapan_basis = "serapan from the case's budget"
    # An efficiency method over the amounts (PMK 214/2017's E) needs them too: the table's
    # own where it prints them, else the case's.
    amounts = []
    for field, own in (("pagu", "pagu"), ("realisasi_anggaran", "realisasi")):
        pv = getattr(entry, field)
        if pv is not None and pv.value is not None and (n, field) not in broken:
            amounts.append(pv.value)
        else:
            amounts.append(getattr(ind.budget, own) if ind.budget else None)
    checks = (
        (
            "category",
            entry.category,
            [b.label for b in rules.categories.bands],
            None if capaian is None else category_of(rules, capaian),
            "category-label",
            basis,
        ),
        (
            "verdict",
            entry.verdict,
            [rules.verdict_achieved, rules.verdict_not_achieved],
            None if capaian is None else verdict_of(rules, capaian),
            "verdict-label",
            basis,
        ),
        (
            "efficiency",
            entry.efficiency,
            [b.label for b in rules.efficiency_bands.bands],
            None
            if capaian is None or serapan is None
            else efficiency_of(rules, capaian, serapan, *amounts),
            "efficiency-label",
            f"{basis} and {serapan_basis}" if serapan is not None else basis,
        ),
    )
    for field, printed, vocabulary, derived, code, why in checks:
        if printed is None:
            continue
        known = {_norm(v): v for v in vocabulary}
        if _norm(printed) not in known:
            a.add(
                "label-unknown",
                f"{entry.where} prints the {field} {printed!r}, which the rule set does not use"
                f" (it uses {', '.join(vocabulary)})",
                f"{entry.where} mencetak {field} {printed!r}, yang tidak dipakai aturan"
                f" ({', '.join(vocabulary)})",
                indicator=ind.id,
                where=entry.where,
                field=field,
                printed=printed,
                expected=" / ".join(vocabulary),
            )
            continue
        if derived is None:
            continue
        if known[_norm(printed)] == derived:
            a.passed += 1
            continue
        a.add(
            code,
            f"{entry.where} prints {field} {printed!r}, but {why} gives {derived!r}",
            f"{entry.where} mencetak {field} {printed!r}, padahal {why} menghasilkan {derived!r}",
            indicator=ind.id,
            where=entry.where,
            field=field,
            printed=printed,
            expected=derived,
        )


def _capaian_basis(
    a: _Audit, ind: Indicator, entry: PrintedEntry, n: int, broken: dict[tuple[int, str], str]
) -> tuple[Decimal | None, str]:
    """The capaian a printed label should follow: printed beside it, else recomputed."""
    pv = entry.capaian
    if pv is not None and pv.value is not None and (n, "capaian") not in broken:
        return pv.value, f"capaian {pv.text} ({entry.where})"
    target_in = ind.target.value if ind.target else None
    t, _ = _figure(a, ind, entry, n, "target", target_in, broken, {})
    r, _ = _figure(a, ind, entry, n, "realisasi", ind.realisasi, broken, {})
    if t is None or r is None:
        return None, ""
    value = capaian_of(a.rules, ind.direction, Target.point(t.value), r.value)
    if value is None:
        return None, ""
    shown = _en(quantize(value, a.rules.places, a.rules.rounding), a.rules.places)
    cited = ", ".join(f"{c[0]} {c[1]} ({c[2]})" for c in (r.cite, t.cite))
    return value, f"capaian {shown} % from {cited}"


# ---------------------------------------------------------------- the indicator as a whole


def _plausibility(a: _Audit, ind: Indicator) -> None:
    if ind.target is None or ind.realisasi is None:
        return
    value = capaian_of(a.rules, ind.direction, ind.target, ind.realisasi)
    if value is None:
        return
    low, high = a.rules.audit.capaian_min, a.rules.audit.capaian_max
    if low <= value <= high:
        a.passed += 1
        return
    hint_en = hint_id = ""
    if value > 0:
        # The power of ten that brings capaian nearest 100 % names the likely scale slip.
        k = round((value / _HUNDRED).log10()) if value.is_finite() else 0
        rescaled = value.scaleb(-k)
        if k != 0 and low <= rescaled <= high:
            hint_en = (
                f"; with realisasi and target on one scale (a factor of 10^{k}) it would be"
                f" {_en(rescaled)} %"
            )
            hint_id = (
                f"; bila realisasi dan target pada skala yang sama (faktor 10^{k}) capaian"
                f" menjadi {_id(rescaled)} %"
            )
    a.add(
        "capaian-implausible",
        f"capaian {_en(value)} % is outside the plausible {_en(low, None)}–{_en(high, None)} %"
        f" (realisasi {format_number(ind.realisasi, None)}, target {format_number(ind.target.low, None)}){hint_en}",
        f"capaian {_id(value)} % di luar batas wajar {_id(low, None)}–{_id(high, None)} %"
        f" (realisasi {_id(ind.realisasi, None)}, target {_id(ind.target.low, None)}){hint_id}",
        indicator=ind.id,
        where="input",
        field="capaian",
        expected=f"{_en(low, None)} to {_en(high, None)}",
        inputs=(
            ("realisasi", format_number(ind.realisasi, None), "input"),
            ("target", format_number(ind.target.low, None), "input"),
        ),
    )


def _completeness(a: _Audit, ind: Indicator) -> None:
    if ind.target is None:
        return
    if ind.realisasi is None:
        a.add(
            "realisasi-missing",
            f"indicator {ind.id!r} has a target but no realisasi",
            f"indikator {ind.id!r} punya target tetapi tanpa realisasi",
            indicator=ind.id,
            field="realisasi",
            expected="the year's realisasi",
        )
    else:
        a.passed += 1
    previous = a.year - 1
    printed_before = any(e.year == previous and e.realisasi is not None for e in ind.printed)
    if previous in ind.history or printed_before:
        a.passed += 1
        return
    a.add(
        "comparison-missing",
        f"indicator {ind.id!r} has no realisasi for {previous} to compare with",
        f"indikator {ind.id!r} tidak punya realisasi {previous} sebagai pembanding",
        indicator=ind.id,
        field=f"realisasi {previous}",
        expected=f"the realisasi of {previous}",
    )


# ---------------------------------------------------------------- the budget tree


def _budget(a: _Audit, lines: Sequence[BudgetLine]) -> None:
    children: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if line.parent is not None:
            children.setdefault(line.parent, []).append(line)
    tol = a.rules.audit.amount_tolerance
    for line in lines:
        kids = children.get(line.id, [])
        for field, label_id in (("pagu", "pagu"), ("realisasi", "realisasi")):
            own = getattr(line, field)
            amounts = [getattr(k, field) for k in kids]
            if own is None or not kids or any(v is None for v in amounts):
                continue
            total = sum(amounts, Decimal(0))
            diff = own - total
            if abs(diff) <= tol:
                a.passed += 1
                continue
            a.add(
                "budget-footing",
                f"{line.name}: {field} {_en(own, None)} is not the sum of its {len(kids)} lines,"
                f" {_en(total, None)} (difference {_en(diff, None)})",
                f"{line.name}: {label_id} {_id(own, None)} bukan jumlah {len(kids)} rinciannya,"
                f" {_id(total, None)} (selisih {_id(diff, None)})",
                budget=line.id,
                where=line.where,
                field=field,
                printed=format_number(own, None),
                expected=format_number(total, None),
                difference=diff,
                tolerance=tol,
                inputs=tuple(
                    (k.id, format_number(getattr(k, field), None), k.where or "-") for k in kids
                ),
            )
        _budget_percent(a, line)


def _budget_percent(a: _Audit, line: BudgetLine) -> None:
    pv = line.printed_percent
    if pv is None or line.pagu is None or line.realisasi is None:
        return
    common = {
        "budget": line.id,
        "where": line.where,
        "field": "printed_percent",
        "printed": pv.text,
    }
    if pv.value is None:
        if pv.error is not None:
            a.add(
                "word-for-number",
                f"{line.name}: {pv.text!r} where a percentage belongs",
                f"{line.name}: {pv.text!r} di tempat persentase",
                expected="a number",
                **common,
            )
        return
    if line.pagu == 0:
        if line.realisasi == 0:
            a.add(
                "budget-percent-undefined",
                f"{line.name}: {pv.text!r} printed for 0 / 0, which is not defined (not 0 %)",
                f"{line.name}: {pv.text!r} dicetak untuk 0 / 0, yang tidak terdefinisi (bukan 0 %)",
                expected="not defined (-)",
                **common,
            )
        return
    off = a.off(pv.value, line.realisasi * _HUNDRED / line.pagu)
    if off is None:
        return
    tol, shown, diff, places = off
    a.add(
        "budget-percent",
        f"{line.name}: prints {pv.text!r}; {_en(line.realisasi, None)} / {_en(line.pagu, None)}"
        f" gives {_en(shown, places)} (difference {_en(diff, None)} points)",
        f"{line.name}: tercetak {pv.text!r}; {_id(line.realisasi, None)} / {_id(line.pagu, None)}"
        f" menghasilkan {_id(shown, places)} (selisih {_id(diff, None)} poin)",
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        inputs=(
            ("realisasi", format_number(line.realisasi, None), line.where or "-"),
            ("pagu", format_number(line.pagu, None), line.where or "-"),
        ),
        **common,
    )
