"""Validate and compile: rule specs into a :class:`RuleSet`, and a case's internal consistency.

Everything a rule set can get wrong is found here, once, at load: a formula that does
not parse or names an unknown input, bands that leave a gap or overlap at the precision
they are compared, a message that names an unknown figure. Errors carry the key path in
the rules file; the caller adds the file and line.
"""

from __future__ import annotations

import difflib
import re
import typing
import weakref
from collections.abc import Iterable, Iterator, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from kinerja_engine import messages
from kinerja_engine.domain.checks import CODES
from kinerja_engine.domain.model import (
    CASE_FORMAT,
    Budget,
    BudgetLine,
    Case,
    Count,
    Direction,
    Indicator,
    Period,
    PrintedEntry,
    PrintedValue,
    Target,
)
from kinerja_engine.errors import (
    CaseError,
    FormulaError,
    NumberError,
    RuleSetError,
)
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure, check_figure
from kinerja_engine.rulesets.formula import Formula, compile_formula
from kinerja_engine.rulesets.ruleset import (
    NEG_INF,
    POS_INF,
    RULES_FORMAT,
    AuditSpec,
    Band,
    Bands,
    BandSpec,
    FlagRule,
    Labels,
    RuleSet,
    RuleSetSpec,
    normal_label,
    plain_label,
)

__all__ = ["FLAG_INPUTS", "ROUNDINGS", "compile_rules", "ensure_valid", "validate_case"]

CAPAIAN_INPUTS = frozenset({"target", "target_low", "target_high", "realisasi"})
SERAPAN_INPUTS = frozenset({"pagu", "realisasi_anggaran"})
PROGRESS_INPUTS = CAPAIAN_INPUTS | {"renstra_target"}
EFFICIENCY_INPUTS = frozenset({"capaian", "serapan", "pagu", "realisasi_anggaran", "pagu_capaian"})
SCORE_INPUTS = EFFICIENCY_INPUTS | {"efficiency_value"}
# What a verdict or a flag may look at: every computed figure and every input.
FLAG_INPUTS = (
    CAPAIAN_INPUTS
    | SERAPAN_INPUTS
    | {
        "capaian",
        "capaian_alternative",
        "category_rank",
        "category_rank_alternative",
        "serapan",
        "progress",
        "efficiency_value",
        "efficiency_score",
        "renstra_target",
    }
)

_ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}
#: The roundings a rules file may name (``display.rounding``), by name.
ROUNDINGS: Mapping[str, str] = _ROUNDING
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_PLACES = 12
# Report years a case may name; the same span the history keys accept.
MIN_YEAR, MAX_YEAR = 1900, 2199


def compile_rules(
    spec: RuleSetSpec,
    *,
    version: str,
    origin: str | None = None,
    files: tuple[str, ...] = (),
) -> RuleSet:
    if spec.format != RULES_FORMAT:
        raise RuleSetError(
            msg("error.rules.format", format=spec.format),
            key="format",
            value=spec.format,
            expected=repr(RULES_FORMAT),
            hint=msg("hint.write-format", format=RULES_FORMAT),
        )
    places = spec.display.places
    if not 0 <= places <= MAX_PLACES:
        raise RuleSetError(
            msg("error.rules.places", most=MAX_PLACES, places=places),
            key="display.places",
            value=places,
            expected=messages.text("expected.rules.places", "en", most=MAX_PLACES),
        )
    quantum = Decimal(1).scaleb(-places)
    _figures(spec)
    cap_spec = spec.capaian
    if cap_spec.cap is not None and cap_spec.floor is not None and cap_spec.cap < cap_spec.floor:
        raise RuleSetError(
            msg("error.rules.cap-below-floor", cap=cap_spec.cap, floor=cap_spec.floor),
            key="capaian.cap",
            value=cap_spec.cap,
            expected=messages.text("expected.rules.cap", "en", floor=cap_spec.floor),
        )

    capaian = {
        d.value: _formula(getattr(cap_spec, d.value), CAPAIAN_INPUTS, f"capaian.{d.value}")
        for d in Direction
    }
    capaian_range = dict(capaian)
    for d in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        text = getattr(cap_spec.range_target, d.value)
        if text is not None:
            capaian_range[d.value] = _formula(
                text, CAPAIAN_INPUTS, f"capaian.range_target.{d.value}"
            )
    progress = {
        d.value: _formula(text, PROGRESS_INPUTS, f"progress.{d.value}")
        for d in Direction
        if (text := getattr(spec.progress, d.value)) is not None
    }
    categories = _bands(
        spec.categories.bands,
        quantum if spec.categories.compare == "rounded" else None,
        spec.categories.domain,
        "categories",
    )
    eff = spec.efficiency
    efficiency_bands = _bands(
        eff.bands, quantum if eff.compare == "rounded" else None, eff.domain, "efficiency"
    )
    flags = tuple(
        FlagRule(
            code=code,
            when=_formula(flag.when, FLAG_INPUTS, f"flags.{code}.when", kind="condition"),
            severity=flag.severity,
            message_id=_message(flag.message_id, f"flags.{code}.message_id"),
            message_en=_message(flag.message_en, f"flags.{code}.message_en"),
        )
        for code, flag in spec.flags.items()
        if _flag_code(code) and flag.enabled
    )
    return RuleSet(
        name=spec.name,
        title=spec.title,
        title_id=spec.title_id,
        title_en=spec.title_en,
        version=version,
        places=places,
        rounding=_ROUNDING[spec.display.rounding],
        capaian=capaian,
        capaian_range=capaian_range,
        capaian_alternative=(
            _formula(
                cap_spec.lower_is_better_alternative,
                CAPAIAN_INPUTS,
                "capaian.lower_is_better_alternative",
            )
            if cap_spec.lower_is_better_alternative is not None
            else None
        ),
        cap=cap_spec.cap,
        floor=cap_spec.floor,
        serapan=_formula(spec.serapan.formula, SERAPAN_INPUTS, "serapan.formula"),
        progress=progress,
        categories=categories,
        categories_rounded=spec.categories.compare == "rounded",
        efficiency=_formula(eff.formula, EFFICIENCY_INPUTS, "efficiency.formula"),
        efficiency_score=(
            _formula(eff.score, SCORE_INPUTS, "efficiency.score") if eff.score else None
        ),
        efficiency_bands=efficiency_bands,
        efficiency_rounded=eff.compare == "rounded",
        verdict_when=_formula(
            spec.verdict.achieved_when, FLAG_INPUTS, "verdict.achieved_when", kind="condition"
        ),
        verdict_achieved=spec.verdict.achieved,
        verdict_not_achieved=spec.verdict.not_achieved,
        rollup=spec.objective.rollup,
        weights=dict(spec.objective.weights),
        flags=flags,
        audit=_audit(spec),
        labels=_labels(spec, categories, efficiency_bands),
        spec=spec,
        origin=origin,
        files=files,
        rollups={
            level: (rollup.rollup, dict(rollup.weights))
            for level, rollup in (
                ("program", spec.program),
                ("objective", spec.objective),
                ("goal", spec.goal),
            )
        },
        pro_rata=spec.periods.pro_rata,
    )


# ---- issue 19 (evidence)
def _labels(spec: RuleSetSpec, categories: Bands, efficiency: Bands) -> Labels:
    """Each field's accepted spellings, normalised, to the label they mean: the rule set's
    own labels, then its declared synonyms; a synonym for a label the rule set does not
    have is refused."""
    verdicts = (spec.verdict.achieved, spec.verdict.not_achieved)
    own = {
        "category": categories.labels,
        "verdict": verdicts,
        "efficiency": efficiency.labels,
    }
    spellings: dict[str, dict[str, str]] = {}
    for field, labels in own.items():
        known = {plain_label(label): label for label in labels}
        for label in labels:
            known.setdefault(normal_label(label), label)
        for spelling, meant in getattr(spec.labels, field).items():
            if meant not in labels:
                near = difflib.get_close_matches(meant, list(labels), n=1)
                raise RuleSetError(
                    msg("error.rules.label-synonym", spelling=spelling, label=meant),
                    key=f"labels.{field}.{_key_part(spelling)}",
                    value=meant,
                    expected=messages.text("expected.rules.one-of", "en", names=", ".join(labels)),
                    hint=msg("hint.did-you-mean", name=near[0]) if near else None,
                )
            known.setdefault(plain_label(spelling), meant)
            known.setdefault(normal_label(spelling), meant)
        spellings[field] = known
    return Labels(
        spellings=spellings,
        achieved_words=frozenset(w.lower() for w in spec.labels.achieved_words),
        negation_words=frozenset(w.lower() for w in spec.labels.negation_words),
    )


def _audit(spec: RuleSetSpec) -> AuditSpec:
    for code in spec.audit.severity:
        if code not in CODES:
            near = difflib.get_close_matches(code, sorted(CODES), n=1)
            raise RuleSetError(
                msg("error.rules.unknown-check", code=code),
                key=f"audit.severity.{code}",
                value=code,
                expected=messages.text("expected.rules.check-code", "en"),
                hint=msg("hint.did-you-mean", name=near[0]) if near else None,
            )
    if spec.audit.capaian_min >= spec.audit.capaian_max:
        raise RuleSetError(
            msg("error.rules.capaian-min-max"),
            key="audit.capaian_min",
            value=str(spec.audit.capaian_min),
            expected=messages.text("expected.rules.below", "en", most=spec.audit.capaian_max),
        )
    for name in ("percent_tolerance", "amount_tolerance"):
        _not_below_zero(getattr(spec.audit, name), f"audit.{name}")
    for level in ("objective", "program", "goal"):
        for ident, weight in getattr(spec, level).weights.items():
            _not_below_zero(weight, f"{level}.weights.{ident}")
    return spec.audit


def _figures(spec: RuleSetSpec) -> None:
    """Every number of the rules within a figure's bounds (numbers.check_figure), so that
    no edge, cap or tolerance of 1e-999999999 reaches the band arithmetic or a report: the
    loader reads them through parse_number, a spec built in Python comes here unchecked."""
    values: list[tuple[str, Decimal | None]] = [
        ("capaian.cap", spec.capaian.cap),
        ("capaian.floor", spec.capaian.floor),
        ("audit.percent_tolerance", spec.audit.percent_tolerance),
        ("audit.amount_tolerance", spec.audit.amount_tolerance),
        ("audit.capaian_min", spec.audit.capaian_min),
        ("audit.capaian_max", spec.audit.capaian_max),
    ]
    for level in ("objective", "program", "goal"):
        values += [(f"{level}.weights.{k}", w) for k, w in getattr(spec, level).weights.items()]
    for key, bands in (("categories", spec.categories), ("efficiency", spec.efficiency)):
        for label, band in bands.bands.items():
            where = f"{key}.bands.{_key_part(label)}"
            values += [(f"{where}.lower", band.lower), (f"{where}.upper", band.upper)]
        if bands.domain is not None:
            values += [(f"{key}.domain", end) for end in bands.domain]
    for key, value in values:
        if value is None:
            continue
        try:
            check_figure(value)
        except NumberError as exc:
            raise exc.located(key_prefix=key) from None


def _not_below_zero(value: Decimal | None, key: str) -> None:
    if value is not None and value < 0:
        raise RuleSetError(
            msg("error.rules.negative", key=key, value=value),
            key=key,
            value=str(value),
            expected=messages.text("expected.rules.zero-or-more", "en"),
        )


def _formula(text: str, inputs: Iterable[str], key: str, *, kind: str = "number") -> Formula:
    try:
        return compile_formula(text, inputs, kind=kind)
    except FormulaError as exc:
        raise exc.located(key_prefix=key) from None


def _flag_code(code: str) -> bool:
    if not _ID.match(code):
        raise RuleSetError(
            msg("error.rules.flag-code", code=code),
            key=f"flags.{code}",
            value=code,
            expected=messages.text("expected.rules.flag-code", "en"),
        )
    return True


def _message(text: str, key: str) -> str:
    for name in _PLACEHOLDER.findall(text):
        if name not in FLAG_INPUTS:
            raise RuleSetError(
                msg("error.rules.message-placeholder", name=name),
                key=key,
                value=name,
                expected=messages.text(
                    "expected.rules.one-of", "en", names=", ".join(sorted(FLAG_INPUTS))
                ),
            )
    return text


# ---------------------------------------------------------------- bands


def _bands(
    specs: Mapping[str, BandSpec],
    quantum: Decimal | None,
    domain: tuple[Decimal, Decimal] | None,
    key: str,
) -> Bands:
    if not specs:
        raise RuleSetError(
            msg("error.rules.no-bands"),
            key=f"{key}.bands",
            expected=messages.text("expected.rules.a-band", "en"),
        )
    bands = []
    for label, s in specs.items():
        if not label.strip():
            # A category that prints as nothing: every report would show an empty cell.
            raise RuleSetError(
                msg("error.rules.blank-label"),
                key=f"{key}.bands.{_key_part(label)}",
                value=label,
                expected=messages.text("expected.rules.label", "en"),
                hint=msg("hint.rules.blank-label"),
            )
        band = Band(
            label=label,
            lower=NEG_INF if s.lower is None else s.lower,
            upper=POS_INF if s.upper is None else s.upper,
            lower_inclusive=s.lower_inclusive and s.lower is not None,
            upper_inclusive=s.upper_inclusive and s.upper is not None,
        )
        if not _nonempty(band.lower, band.lower_inclusive, band.upper, band.upper_inclusive, None):
            raise RuleSetError(
                msg("error.rules.empty-band", label=label, bounds=band.describe()),
                key=f"{key}.bands.{_key_part(label)}",
                value=band.describe(),
                expected=messages.text("expected.rules.lower-upper", "en"),
            )
        bands.append(band)
    bands.sort(key=lambda b: (b.lower, not b.lower_inclusive))
    for i, a in enumerate(bands):
        for b in bands[i + 1 :]:
            lo, lo_inc = (b.lower, b.lower_inclusive)
            if a.lower > b.lower or (a.lower == b.lower and not a.lower_inclusive):
                lo, lo_inc = a.lower, a.lower_inclusive
            hi, hi_inc = (a.upper, a.upper_inclusive)
            if b.upper < a.upper or (b.upper == a.upper and not b.upper_inclusive):
                hi, hi_inc = b.upper, b.upper_inclusive
            if _nonempty(lo, lo_inc, hi, hi_inc, quantum):
                example = _example(lo, lo_inc, hi, hi_inc, quantum)
                raise RuleSetError(
                    msg(
                        "error.rules.bands-overlap",
                        a=a.label,
                        a_bounds=a.describe(),
                        b=b.label,
                        b_bounds=b.describe(),
                        example=example,
                    ),
                    key=f"{key}.bands.{_key_part(b.label)}",
                    value=b.describe(),
                    expected=messages.text("expected.rules.no-overlap", "en"),
                )
    low, high = domain if domain is not None else (NEG_INF, POS_INF)
    if low >= high:
        raise RuleSetError(
            msg("error.rules.domain", low=low, high=high),
            key=f"{key}.domain",
            value=f"[{low}, {high}]",
            expected=messages.text("expected.rules.domain", "en"),
        )
    # An edge is named by its band's label, or by a message for the domain's own ends.
    Edge = tuple[Decimal, bool, Message | str]
    edges: list[Edge] = [(low, True, msg("error.rules.domain-lower-end"))]
    edges += [(b.upper, not b.upper_inclusive, repr(b.label)) for b in bands]
    ends: list[Edge] = [(b.lower, not b.lower_inclusive, repr(b.label)) for b in bands]
    ends.append((high, True, msg("error.rules.domain-upper-end")))
    # A gap is blamed on the band whose upper edge leaves it (the first band for the start).
    blamed = [bands[0], *bands]
    for (lo, lo_inc, left), (hi, hi_inc, right), culprit in zip(edges, ends, blamed, strict=True):
        # Skip stretches outside the domain; the first and last gaps are checked against it.
        lo_c, lo_i = (low, True) if lo < low else (lo, lo_inc)
        hi_c, hi_i = (high, True) if hi > high else (hi, hi_inc)
        if _nonempty(lo_c, lo_i, hi_c, hi_i, quantum) and lo_c != POS_INF and hi_c != NEG_INF:
            example = _example(lo_c, lo_i, hi_c, hi_i, quantum)
            where = culprit.label
            raise RuleSetError(
                msg("error.rules.bands-gap", left=left, right=right, example=example),
                key=f"{key}.bands.{_key_part(where)}",
                value=example,
                expected=messages.text("expected.rules.no-gap", "en"),
            )
    return Bands(tuple(bands), quantum)


def _key_part(label: str) -> str:
    return label if re.fullmatch(r"[A-Za-z0-9_-]+", label) else f'"{label}"'


def _first_point(lo: Decimal, lo_inc: bool, quantum: Decimal) -> Decimal:
    steps = (lo / quantum).to_integral_value(rounding="ROUND_CEILING")
    point = steps * quantum
    if point == lo and not lo_inc:
        point += quantum
    return point


def _nonempty(
    lo: Decimal, lo_inc: bool, hi: Decimal, hi_inc: bool, quantum: Decimal | None
) -> bool:
    """Whether the interval holds a value that can be compared (a multiple of quantum)."""
    if lo > hi:
        return False
    if quantum is None or lo == NEG_INF or hi == POS_INF:
        return lo < hi or (lo == hi and lo_inc and hi_inc)
    point = _first_point(lo, lo_inc, quantum)
    return point < hi or (point == hi and hi_inc)


def _example(lo: Decimal, lo_inc: bool, hi: Decimal, hi_inc: bool, quantum: Decimal | None) -> str:
    if lo == NEG_INF and hi == POS_INF:
        return "0"
    if lo == NEG_INF:
        value = hi if hi_inc else hi - 1
    elif hi == POS_INF:
        value = lo if lo_inc else lo + 1
    elif quantum is not None:
        value = _first_point(lo, lo_inc, quantum)
    elif lo_inc:
        value = lo
    else:
        value = (lo + hi) / 2
    return format(value.normalize(), "f")


# ---------------------------------------------------------------- cases


# The cases validate_case passed, by identity: a case is frozen, so one that passed once
# passes again, and the API validates only a case it was handed without loading it. Weak
# values: an entry leaves with its case, so a reused id() never finds a stranger.
_VALID: weakref.WeakValueDictionary[int, Case] = weakref.WeakValueDictionary()


def ensure_valid(case: Case) -> None:
    """:func:`validate_case`, unless this very case object passed it already (as every
    case the loader returns has): the check for a case built in Python."""
    if _VALID.get(id(case)) is not case:
        validate_case(case)


def validate_case(case: Case, *, figures: bool = True) -> None:
    """Check what cattrs cannot: unique ids, references that resolve, an acyclic budget
    tree; and every figure a Decimal within :func:`~kinerja_engine.numbers.check_figure`'s
    bound (the audit formats and scales printed figures: 1E-3000000 would break it).

    ``figures=False`` is for the loader only: its readers (``parse_number``,
    ``plain_number``, the fast paths) put every figure through that bound as they read it,
    and a walk over a national case's millions of figures would cost a second again.
    """
    if figures:
        _case_figures(case)
    _check_case(case)
    _VALID[id(case)] = case


def _check_case(case: Case) -> None:
    if case.format != CASE_FORMAT:
        raise CaseError(
            msg("error.case.format", format=case.format),
            key="format",
            value=case.format,
            expected=repr(CASE_FORMAT),
            hint=msg("hint.write-format", format=CASE_FORMAT),
        )
    year = case.report.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CaseError(
            msg("error.case.year", year=year, first=MIN_YEAR, last=MAX_YEAR),
            key="report.year",
            value=year,
            expected=messages.text("expected.case.year", "en"),
        )
    objective_ids = _unique((o.id for o in case.objectives), "objective")
    _unique((i.id for i in case.indicators), "indicator")
    budget_ids = _unique((b.id for b in case.budget), "budget")
    for n, ind in enumerate(case.indicators):
        if ind.objective is not None and ind.objective not in objective_ids:
            raise CaseError(
                msg("error.case.unknown-objective", id=ind.id, objective=ind.objective),
                key=f"indicator[{n}].objective",
                value=ind.objective,
                expected=_one_of(
                    objective_ids, "expected.case.objective-id", "expected.case.objective-id-none"
                ),
            )
        _counts_agree(ind, n)
        if ind.target is not None and ind.target.low > ind.target.high:
            raise CaseError(
                msg("error.case.target-range", low=ind.target.low, high=ind.target.high),
                key=f"indicator[{n}].target",
                value=[str(ind.target.low), str(ind.target.high)],
                expected=messages.text("expected.case.range", "en"),
            )
        for k, entry in enumerate(ind.printed):
            if not entry.where.strip():
                raise _blank_where(entry.where, f"indicator[{n}].printed[{k}].where")
        # The key is only spelled out for an error: a national case has 100,000 of these.
        budget = ind.budget
        if budget is not None:
            if budget.pagu is not None and budget.pagu < 0:
                raise _negative(budget.pagu, f"indicator[{n}].budget.pagu")
            if budget.realisasi is not None and budget.realisasi < 0:
                raise _negative(budget.realisasi, f"indicator[{n}].budget.realisasi")
    if case.goals or case.programs or any(o.goal or o.printed for o in case.objectives):
        _check_tree(case, objective_ids)
    for n, ind in enumerate(case.indicators):
        if ind.periods or ind.target_periods or ind.program or ind.weight is not None:
            _check_indicator_tree(case, n, ind)
    parents = {}
    for n, line in enumerate(case.budget):
        if line.pagu is not None and line.pagu < 0:
            raise _negative(line.pagu, f"budget[{n}].pagu")
        if line.realisasi is not None and line.realisasi < 0:
            raise _negative(line.realisasi, f"budget[{n}].realisasi")
        if line.where is not None and not line.where.strip():
            raise _blank_where(line.where, f"budget[{n}].where")
        if line.parent is not None:
            if line.parent not in budget_ids:
                raise CaseError(
                    msg("error.case.unknown-parent", id=line.id, parent=line.parent),
                    key=f"budget[{n}].parent",
                    value=line.parent,
                    expected=_one_of(
                        budget_ids, "expected.case.budget-id", "expected.case.budget-id-none"
                    ),
                )
            parents[line.id] = line.parent
    index = {line.id: n for n, line in enumerate(case.budget)}
    for start in parents:
        seen = [start]
        node = parents.get(start)
        while node is not None:
            if node in seen:
                cycle = " -> ".join([*seen[seen.index(node) :], node])
                raise CaseError(
                    msg("error.case.budget-cycle", cycle=cycle),
                    key=f"budget[{index[start]}].parent",
                    value=cycle,
                    expected=messages.text("expected.case.budget-tree", "en"),
                )
            seen.append(node)
            node = parents.get(node)


# ---- issue 16 (cascade): the performance tree and the period figures

# A table of the tree as a message names it, in the reader's language.
_TABLE_WORDS = {
    "indicator": msg("level.indicator"),
    "program": msg("level.program"),
    "objective": msg("level.objective"),
    "goal": msg("level.goal"),
}
_QUARTERS = frozenset({Period.TW1, Period.TW2, Period.TW3, Period.TW4})
_SEMESTERS = frozenset({Period.S1, Period.S2})


def _check_tree(case: Case, objective_ids: frozenset[str]) -> None:
    """Goals and programs: unique ids, references that resolve, non-negative weights."""
    goal_ids = _unique((g.id for g in case.goals), "goal")
    _unique((p.id for p in case.programs), "program")
    for n, goal in enumerate(case.goals):
        _node_checks(goal.weight, goal.printed, f"goal[{n}]")
    for n, obj in enumerate(case.objectives):
        _node_checks(obj.weight, obj.printed, f"objective[{n}]")
    for n, obj in enumerate(case.objectives):
        if obj.goal is not None and obj.goal not in goal_ids:
            raise _unknown_node("objective", n, obj.id, "goal", obj.goal, goal_ids)
    for n, program in enumerate(case.programs):
        _node_checks(program.weight, program.printed, f"program[{n}]")
        if program.objective is not None and program.objective not in objective_ids:
            raise _unknown_node(
                "program", n, program.id, "objective", program.objective, objective_ids
            )


def _node_checks(weight: Decimal | None, printed: tuple[PrintedEntry, ...], at: str) -> None:
    if weight is not None and weight < 0:
        raise _negative(weight, f"{at}.weight")
    for k, entry in enumerate(printed):
        if not entry.where.strip():
            raise _blank_where(entry.where, f"{at}.printed[{k}].where")


def _unknown_node(
    table: str, n: int, ident: str, key: str, value: str, known: Iterable[str]
) -> CaseError:
    names = sorted(known)
    return CaseError(
        msg(
            "error.case.unknown-node",
            table=_TABLE_WORDS[table],
            id=ident,
            key=_TABLE_WORDS[key],
            value=value,
        ),
        key=f"{table}[{n}].{key}",
        value=value,
        expected=(
            messages.text("expected.case.node-id", "en", table=key, ids=", ".join(names))
            if names
            else messages.text("expected.case.node-id-none", "en", table=key)
        ),
    )


def _check_indicator_tree(case: Case, n: int, ind: Indicator) -> None:
    """An indicator's program and its period figures."""
    at = f"indicator[{n}]"
    if ind.program is not None:
        programs = {p.id: p for p in case.programs}
        program = programs.get(ind.program)
        if program is None:
            raise _unknown_node("indicator", n, ind.id, "program", ind.program, programs)
        if ind.objective is not None and program.objective not in (None, ind.objective):
            raise CaseError(
                msg(
                    "error.case.program-objective",
                    id=ind.id,
                    objective=ind.objective,
                    program=program.id,
                    other=program.objective,
                ),
                key=f"{at}.objective",
                value=ind.objective,
                expected=repr(program.objective),
            )
    if ind.weight is not None and ind.weight < 0:
        raise _negative(ind.weight, f"{at}.weight")
    for key, table in (("periods", ind.periods), ("target_periods", ind.target_periods)):
        if Period.ANNUAL in table:
            raise CaseError(
                msg("error.case.period-annual", key=key),
                key=f"{at}.{key}.annual",
                value="annual",
                expected=messages.text("expected.case.period", "en"),
            )
    periods = set(ind.periods)
    if periods and not (periods <= _QUARTERS or periods <= _SEMESTERS):
        listed = ", ".join(sorted(periods))
        raise CaseError(
            msg("error.case.period-mix", periods=listed),
            key=f"{at}.periods",
            value=listed,
            expected=messages.text("expected.case.period", "en"),
        )
    if periods and ind.kind is None:
        raise CaseError(
            msg("error.case.period-kind", id=ind.id),
            key=f"{at}.kind",
            expected="'cumulative', 'last', 'average', 'max', 'min'",
            hint=msg("hint.case.period-kind"),
        )


def _case_figures(case: Case) -> None:
    for key, value in _keyed_figures(case):
        if type(value) is not Decimal:
            raise CaseError(
                msg("error.case.not-decimal", found=type(value).__name__),
                key=key,
                value=repr(value),
                expected=messages.text("expected.case.decimal", "en"),
            )
        try:
            check_figure(value)
        except NumberError as exc:
            raise exc.located(key_prefix=key) from None


def _keyed_figures(case: Case) -> Iterator[tuple[str, object]]:
    """Every figure of the case with its key."""
    for n, ind in enumerate(case.indicators):
        yield from _indicator_figures(ind, f"indicator[{n}]")
    for n, line in enumerate(case.budget):
        at = f"budget[{n}]"
        yield from _amounts(line, at)
        if line.printed_percent is not None and line.printed_percent.value is not None:
            yield f"{at}.printed_percent", line.printed_percent.value


def _indicator_figures(ind: Indicator, at: str) -> Iterator[tuple[str, object]]:
    if ind.target is not None:
        yield f"{at}.target", ind.target.low
        yield f"{at}.target", ind.target.high
    if ind.realisasi is not None:
        yield f"{at}.realisasi", ind.realisasi
    if ind.renstra_target is not None:
        yield f"{at}.renstra_target", ind.renstra_target
    for year, value in ind.history.items():
        yield f'{at}.history."{year}"', value
    if ind.budget is not None:
        yield from _amounts(ind.budget, f"{at}.budget")
    for key in ("periods", "target_periods"):
        for period, value in getattr(ind, key).items():
            yield f"{at}.{key}.{period}", value
    if ind.weight is not None:
        yield f"{at}.weight", ind.weight
    for k, entry in enumerate(ind.printed):
        for name in _PRINTED_FIELDS:
            pv: PrintedValue | None = getattr(entry, name)
            if pv is not None and pv.value is not None:
                yield f"{at}.printed[{k}].{name}", pv.value
    yield from _issue16_figures(ind, at)


def _issue16_figures(ind: Indicator, at: str) -> Iterator[tuple[str, object]]:
    """Issue 16 (model): bounds, counts and earlier years' targets."""
    if ind.bounds is not None:
        yield f"{at}.bounds", ind.bounds.low
        yield f"{at}.bounds", ind.bounds.high
    for key in ("realisasi_count", "target_count"):
        count: Count | None = getattr(ind, key)
        if count is not None:
            yield f"{at}.{key}.numerator", count.numerator
            yield f"{at}.{key}.denominator", count.denominator
    for year, target in ind.history_target.items():
        yield f'{at}.history_target."{year}"', target.low
        yield f'{at}.history_target."{year}"', target.high


def _counts_agree(ind: Indicator, n: int) -> None:
    """A program that builds an indicator with counts gives the figure they make
    (``with_counts``), or none: the loader refuses a file that gives both."""
    for figure, key in (("realisasi", "realisasi_count"), ("target", "target_count")):
        count: Count | None = getattr(ind, key)
        if count is None:
            continue
        if count.denominator <= 0 or count.numerator < 0:
            raise CaseError(
                msg("error.figure.count-denominator", value=count.denominator)
                if count.denominator <= 0
                else msg("error.figure.count-negative", value=count.numerator),
                key=f"indicator[{n}].{key}",
                expected=messages.text("expected.figure.count-denominator", "en"),
            )
        value = ind.realisasi if figure == "realisasi" else ind.target
        given = count.percent if figure == "realisasi" else Target.point(count.percent)
        if value != given:
            raise CaseError(
                msg("error.figure.count-and-figure", figure=figure, counted=key),
                key=f"indicator[{n}].{key}",
                expected=messages.text("expected.figure.one-of", "en", figure=figure, counted=key),
            )


def _amounts(budget: Budget | BudgetLine, at: str) -> Iterator[tuple[str, object]]:
    if budget.pagu is not None:
        yield f"{at}.pagu", budget.pagu
    if budget.realisasi is not None:
        yield f"{at}.realisasi", budget.realisasi


# The fields of a printed entry that hold a printed figure, read off the class.
_PRINTED_FIELDS = tuple(
    name
    for name, hint in typing.get_type_hints(PrintedEntry).items()
    if hint == PrintedValue | None
)


def _unique(ids: Iterable[str], table: str) -> frozenset[str]:
    seen: dict[str, int] = {}
    for n, ident in enumerate(ids):
        if not _ID.match(ident):
            # The contract's ids: other programs build file names and anchors from them.
            raise CaseError(
                msg("error.case.id-form", table=table, id=ident),
                key=f"{table}[{n}].id",
                value=ident,
                expected=messages.text("expected.case.id", "en"),
            )
        if ident in seen:
            raise CaseError(
                msg("error.case.id-twice", table=table, id=ident, first=seen[ident]),
                key=f"{table}[{n}].id",
                value=ident,
                expected=messages.text("expected.case.id-once", "en"),
            )
        seen[ident] = n
    return frozenset(seen)


def _blank_where(where: str, key: str) -> CaseError:
    # A finding names the table it blames by its where: an empty one names nothing.
    return CaseError(
        msg("error.case.blank-where"),
        key=key,
        value=where,
        expected=messages.text("expected.case.where", "en"),
        hint=msg("hint.case.blank-where"),
    )


def _negative(value: Decimal, key: str) -> CaseError:
    return CaseError(
        msg("error.case.negative-amount", value=Figure(value)),
        key=key,
        value=str(value),
        expected=messages.text("expected.case.amount", "en"),
    )


def _one_of(ids: Iterable[str], some: str, none: str) -> str:
    """An id of those the case declares (``some``), or that it declares none (``none``)."""
    names = sorted(ids)
    return messages.text(some, "en", ids=", ".join(names)) if names else messages.text(none, "en")
