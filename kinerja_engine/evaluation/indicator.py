"""The specification of evaluating one indicator under a compiled rule set: capaian,
category, serapan, progress, efficiency, verdict and narrative flags, with a trace of
every step when asked.

Pure functions over frozen values. Every figure stays an exact Decimal; rounding happens
only where the rule set compares displayed values (bands, verdict, flags) and for display.
The compiled backend (:mod:`.compiled`) computes the same results for batches and is
tested against :func:`evaluate_indicator`; the single-figure functions here
(:func:`capaian_of`, :func:`category_of` ...) are what the audit and :func:`grade` use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Context, Decimal, InvalidOperation
from typing import NamedTuple, overload

import attrs

from kinerja_engine.domain.model import Direction, Indicator, Target
from kinerja_engine.domain.results import (
    FlagHit,
    IndicatorResult,
    PastResult,
    Severity,
    Status,
)
from kinerja_engine.errors import FormulaError
from kinerja_engine.messages import Message, msg, text
from kinerja_engine.numbers import figure_text, format_number
from kinerja_engine.rulesets.formula import Formula
from kinerja_engine.rulesets.ruleset import Bands, FlagRule, RuleSet

__all__ = [
    "FIGURES_CONTEXT",
    "NO_REALISASI",
    "SEVERITIES",
    "band",
    "capaian_of",
    "category_of",
    "displayed",
    "efficiency_from",
    "efficiency_of",
    "evaluate_indicator",
    "flag_messages",
    "grade",
    "pagu_capaian",
    "past_results",
    "quantize",
    "serapan_of",
    "verdict_of",
]

#: The context of the arithmetic outside the formulas (display rounding, pagu x capaian,
#: the roll-ups), whatever the caller's: sixty digits hold any sum of figures below 10^21.
FIGURES_CONTEXT = Context(prec=60)
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(21)}
#: A flag's severity by the name a rule set gives it.
SEVERITIES = {s.value: s for s in Severity}
# English notation to Indonesian: the decimal point and the thousands separator swap
# (1,234.50 -> 1.234,50); a figure's text holds no other '.' or ','.
_TO_ID = str.maketrans(".,", ",.")
_LOWER = Direction.LOWER_IS_BETTER


def quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value`` rounded to ``places`` decimals with the rule set's rounding mode."""
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = Decimal(1).scaleb(-places)
    try:
        return value.quantize(quantum, rounding, FIGURES_CONTEXT)
    except InvalidOperation:
        # More digits than the context keeps: a printed figure with dozens of decimals
        # ("1 detik" is 0.01666... minutes). Size the context to the value instead.
        digits = max(value.adjusted(), 0) + places + 2
        return value.quantize(quantum, rounding, Context(prec=digits))


class _Exact(NamedTuple):
    """A figure as a reason shows it: exact and ungrouped, in the reader's notation."""

    value: Decimal

    def render(self, lang: str) -> str:
        return format_number(self.value, None, notation=lang)


def _not_computable(
    ind: Indicator, reason: str, reason_id: str, **extra: object
) -> IndicatorResult:
    return IndicatorResult(
        id=ind.id,
        name=ind.name,
        unit=ind.unit,
        direction=ind.direction,
        objective=ind.objective,
        status=Status.NOT_COMPUTABLE,
        reason=reason,
        reason_id=reason_id,
        **extra,  # type: ignore[arg-type]
    )


def _said(reason: Message) -> tuple[str, str]:
    """A reason as a result carries it: ``(reason, reason_id)``, English and Indonesian."""
    return reason.render("en"), reason.render("id")


#: The reason of a MISSING result, for the compiled backend too.
NO_REALISASI = _said(msg("reason.no-realisasi"))


def _call(formula: Formula, env: Mapping[str, Decimal | None]) -> tuple[Decimal | None, str | None]:
    """A numeric formula's value, or None with the reason it has none."""
    try:
        value = formula.figure(env)
    except FormulaError as exc:
        return None, exc.message
    if value is None or value is True or value is False:
        return None, None
    return value, None


def _reason_id(formula: Formula, env: Mapping[str, Decimal | None]) -> str | None:
    """The Indonesian of why a formula has no value: evaluated again, only on that path."""
    try:
        formula.figure(env)
    except FormulaError as exc:
        return exc.message_id
    return None


def _bounded(value: Decimal, rules: RuleSet) -> Decimal:
    """``value`` capped and floored as the rule set says."""
    cap = rules.cap
    if cap is not None and value > cap:
        return cap
    floor = rules.floor
    if floor is not None and value < floor:
        return floor
    return value


def band(bands: Bands, value: Decimal | None) -> tuple[int | None, str | None]:
    """The rank and label of the band holding ``value`` (None and None for no value)."""
    if value is None:
        return None, None
    rank = bands.rank(value)
    return rank, (None if rank is None else bands.bands[rank].label)


def _capaian_inputs(target: Target, realisasi: Decimal | None) -> dict[str, Decimal | None]:
    low, high = target.low, target.high
    return {
        "target": None if low != high else low,
        "target_low": low,
        "target_high": high,
        "realisasi": realisasi,
    }


# ---------------------------------------------------------------- single figures
# The audit recomputes printed figures from a table's own printed inputs with these.


def capaian_of(
    rules: RuleSet, direction: Direction, target: Target, realisasi: Decimal
) -> Decimal | None:
    """Capaian (capped and floored) for one target and realisasi; None when undefined."""
    if target.low <= _ZERO:
        return None
    formula = (rules.capaian_range if target.low != target.high else rules.capaian)[direction]
    value, _ = _call(formula, _capaian_inputs(target, realisasi))
    return None if value is None else _bounded(value, rules)


def grade(
    rules: RuleSet, direction: Direction, target: Target, realisasi: Decimal
) -> tuple[Decimal | None, str | None]:
    """Capaian (capped and floored) and its category label, and nothing else: the job of
    re-grading many figure pairs (:func:`.compiled.grade_many` does it for a batch).
    ``(None, None)`` when capaian is undefined."""
    capaian = capaian_of(rules, direction, target, realisasi)
    return (None, None) if capaian is None else (capaian, category_of(rules, capaian))


def serapan_of(rules: RuleSet, pagu: Decimal, spent: Decimal) -> Decimal | None:
    value, _ = _call(rules.serapan, {"pagu": pagu, "realisasi_anggaran": spent})
    return value


def category_of(rules: RuleSet, capaian: Decimal) -> str | None:
    return band(rules.categories, displayed(capaian, rules))[1]


def verdict_of(rules: RuleSet, capaian: Decimal) -> str | None:
    achieved = _condition(rules.verdict_when, {"capaian": displayed(capaian, rules)})
    if achieved is None:
        return None
    return rules.verdict_achieved if achieved else rules.verdict_not_achieved


def efficiency_of(
    rules: RuleSet,
    capaian: Decimal,
    serapan: Decimal,
    pagu: Decimal | None = None,
    spent: Decimal | None = None,
) -> str | None:
    env = {
        "capaian": displayed(capaian, rules),
        "serapan": displayed(serapan, rules),
        "pagu": pagu,
        "realisasi_anggaran": spent,
        "pagu_capaian": None if pagu is None else pagu_capaian(pagu, capaian),
    }
    return efficiency_from(rules, env, None)[2]


def evaluate_indicator(ind: Indicator, rules: RuleSet, *, trace: bool = True) -> IndicatorResult:
    """Evaluate one indicator: the specification of every figure of its result, each step
    written down in ``trace`` when asked. Never raises for a structurally valid indicator.

    The earlier years with a target (``history_target``) are evaluated too, under the same
    rules (:func:`past_results`)."""
    result = _evaluate_year(ind, rules, trace)
    if ind.history_target:
        result = attrs.evolve(result, past=past_results(ind, rules))
    return result


def past_results(ind: Indicator, rules: RuleSet) -> tuple[PastResult, ...]:
    """Each earlier year with a target, oldest first: its capaian (capped and floored),
    category and verdict from that year's target and realisasi (``history``)."""
    out = []
    for year in sorted(ind.history_target):
        target = ind.history_target[year]
        realisasi = ind.history.get(year)
        if target.low <= _ZERO:
            why = _said(msg("reason.target-not-positive", target=_Exact(target.low)))
            out.append(PastResult(year, Status.NOT_COMPUTABLE, reason=why[0], reason_id=why[1]))
            continue
        if realisasi is None:
            out.append(
                PastResult(year, Status.MISSING, reason=NO_REALISASI[0], reason_id=NO_REALISASI[1])
            )
            continue
        capaian = capaian_of(rules, ind.direction, target, realisasi)
        if capaian is None:
            why = _said(msg("reason.no-capaian-value"))
            out.append(PastResult(year, Status.NOT_COMPUTABLE, reason=why[0], reason_id=why[1]))
            continue
        out.append(
            PastResult(
                year,
                Status.COMPUTED,
                capaian=capaian,
                category=category_of(rules, capaian),
                verdict=verdict_of(rules, capaian),
            )
        )
    return tuple(out)


def _evaluate_year(ind: Indicator, rules: RuleSet, trace: bool) -> IndicatorResult:
    steps: list[str] | None = [] if trace else None
    target = ind.target
    realisasi = ind.realisasi
    budget = ind.budget
    if budget is None:
        pagu = spent = None
    else:
        pagu, spent = budget.pagu, budget.realisasi

    serapan: Decimal | None = None
    if pagu is not None and spent is not None:
        serapan_env = {"pagu": pagu, "realisasi_anggaran": spent}
        serapan, why = _call(rules.serapan, serapan_env)
        if steps is not None:
            steps.append(_step("serapan", rules.serapan, serapan_env, serapan, why))

    if target is None:
        return _not_computable(
            ind,
            *_said(msg("reason.no-target")),
            serapan=serapan,
            trace=tuple(steps or ()),
        )
    low = target.low
    if low <= _ZERO:
        return _not_computable(
            ind,
            *_said(msg("reason.target-not-positive", target=_Exact(low))),
            serapan=serapan,
            trace=tuple(steps or ()),
        )
    high = target.high
    env = _capaian_inputs(target, realisasi)
    env["renstra_target"] = ind.renstra_target
    direction = ind.direction
    status = Status.COMPUTED
    reason = reason_id = None
    capaian = alternative = None
    shown = shown_alternative = None  # as the rule set compares them (rounded or exact)
    rank = rank_alt = None
    category = None
    if realisasi is None:
        status = Status.MISSING
        reason, reason_id = NO_REALISASI
    else:
        formula = (rules.capaian_range if low != high else rules.capaian)[direction]
        raw, why = _call(formula, env)
        if steps is not None:
            steps.append(_step("capaian", formula, env, raw, why))
        if raw is None:
            return _not_computable(
                ind,
                why or text("reason.no-capaian-value", "en"),
                _reason_id(formula, env) or text("reason.no-capaian-value", "id"),
                serapan=serapan,
                trace=tuple(steps or ()),
            )
        capaian = _bounded(raw, rules)
        if steps is not None and capaian != raw:
            steps.append(
                text(
                    "trace.bounded",
                    "en",
                    value=format_number(capaian, None),
                    cap=rules.cap,
                    floor=rules.floor,
                )
            )
        shown = displayed(capaian, rules)
        rank, category = band(rules.categories, shown)
        if steps is not None:
            steps.append(_band_step("category", rules.categories, shown, rank))
        if direction is _LOWER and rules.capaian_alternative is not None:
            alt_raw, _ = _call(rules.capaian_alternative, env)
            if alt_raw is not None:
                alternative = _bounded(alt_raw, rules)
                shown_alternative = displayed(alternative, rules)
                rank_alt = rules.categories.rank(shown_alternative)

    progress = None
    progress_formula = rules.progress.get(direction)
    if progress_formula is not None and ind.renstra_target is not None and realisasi is not None:
        progress, why = _call(progress_formula, env)
        if steps is not None:
            steps.append(_step("progress", progress_formula, env, progress, why))

    serapan_shown = displayed(serapan, rules)
    eff_env: dict[str, Decimal | None] = {
        "capaian": shown,
        "serapan": serapan_shown,
        "pagu": pagu,
        "realisasi_anggaran": spent,
        "pagu_capaian": None if pagu is None or capaian is None else pagu_capaian(pagu, capaian),
    }
    eff_value, eff_score, efficiency = efficiency_from(rules, eff_env, steps)

    # Everything a verdict or a flag may name, as the rule set compares it.
    env["capaian"] = shown
    env["capaian_alternative"] = shown_alternative
    env["category_rank"] = None if rank is None else Decimal(rank)
    env["category_rank_alternative"] = None if rank_alt is None else Decimal(rank_alt)
    env["serapan"] = serapan_shown
    env["progress"] = displayed(progress, rules)
    env["efficiency_value"] = eff_value
    env["efficiency_score"] = eff_score
    env["pagu"] = pagu
    env["realisasi_anggaran"] = spent
    figures = env
    verdict = None
    if capaian is not None:
        achieved = _condition(rules.verdict_when, figures)
        if achieved is not None:
            verdict = rules.verdict_achieved if achieved else rules.verdict_not_achieved
            if steps is not None:
                steps.append(
                    text(
                        "trace.verdict",
                        "en",
                        when=rules.verdict_when.source,
                        achieved=achieved,
                        verdict=verdict,
                    )
                )
    flags: tuple[FlagHit, ...] = ()
    for flag in rules.flags:
        try:
            raised = flag.when(figures)
        except FormulaError:
            continue  # a condition that cannot be decided raises no flag
        if raised is True:
            values = [figures.get(name) for name in flag.names]
            message_id, message_en = flag_messages(flag, values, rules.places)
            hit = FlagHit(flag.code, SEVERITIES[flag.severity], message_id, message_en)
            flags = (*flags, hit)
    return IndicatorResult(
        id=ind.id,
        name=ind.name,
        unit=ind.unit,
        direction=direction,
        objective=ind.objective,
        status=status,
        reason=reason,
        reason_id=reason_id,
        capaian=capaian,
        capaian_alternative=alternative,
        category=category,
        category_rank=rank,
        serapan=serapan,
        progress=progress,
        efficiency_value=eff_value,
        efficiency_score=eff_score,
        efficiency=efficiency,
        verdict=verdict,
        flags=flags,
        trace=() if steps is None else tuple(steps),
    )


def pagu_capaian(pagu: Decimal, capaian: Decimal) -> Decimal:
    """The share of the pagu the capaian stands for: ``pagu * capaian / 100``, in
    :data:`FIGURES_CONTEXT` whatever the caller's."""
    return FIGURES_CONTEXT.divide(FIGURES_CONTEXT.multiply(pagu, capaian), _HUNDRED)


@overload
def displayed(value: Decimal, rules: RuleSet) -> Decimal: ...
@overload
def displayed(value: None, rules: RuleSet) -> None: ...
@overload
def displayed(value: Decimal | None, rules: RuleSet) -> Decimal | None: ...
def displayed(value: Decimal | None, rules: RuleSet) -> Decimal | None:
    """The value as the rule set compares it: displayed (rounded) or exact."""
    if value is None or not rules.categories_rounded:
        return value
    return value.quantize(rules.quantum, rules.rounding, FIGURES_CONTEXT)


def efficiency_from(
    rules: RuleSet, env: Mapping[str, Decimal | None], steps: list[str] | None
) -> tuple[Decimal | None, Decimal | None, str | None]:
    """The efficiency value, score and label from the figures ``env`` (as the rule set
    compares them), with the steps appended to ``steps`` when it is a list."""
    value, why = _call(rules.efficiency, env)
    if steps is not None and (value is not None or why):
        steps.append(_step("efficiency", rules.efficiency, env, value, why))
    if value is None:
        return None, None, None
    score = None
    graded = value
    if rules.efficiency_score is not None:
        score_env = {**env, "efficiency_value": value}
        score, why = _call(rules.efficiency_score, score_env)
        if steps is not None:
            name = text("trace.efficiency-score", "en")
            steps.append(_step(name, rules.efficiency_score, score_env, score, why))
        if score is None:
            return value, None, None
        graded = score
    if rules.efficiency_rounded:
        graded = graded.quantize(rules.quantum, rules.rounding, FIGURES_CONTEXT)
    rank, label = band(rules.efficiency_bands, graded)
    if steps is not None:
        steps.append(_band_step("efficiency", rules.efficiency_bands, graded, rank))
    return value, score, label


def _condition(formula: Formula, env: Mapping[str, Decimal | None]) -> bool | None:
    try:
        value = formula(env)
    except FormulaError:
        return None
    return value if value is True or value is False else None


def flag_messages(flag: FlagRule, values: Sequence[Decimal | None], places: int) -> tuple[str, str]:
    """A raised flag's messages, Indonesian and English, filled with ``values``, the
    figures ``flag.names`` names (in that order): rounded to ``places`` and grouped, in
    Indonesian notation (1.234,50) and in English (1,234.50)."""
    texts = [figure_text(value, places) for value in values]
    return (
        flag.template_id.format(*[text.translate(_TO_ID) for text in texts]),
        flag.template_en.format(*texts),
    )


def _step(
    name: str,
    formula: Formula,
    env: Mapping[str, Decimal | None],
    value: Decimal | None,
    why: str | None,
) -> str:
    if why:
        result = why
    elif value is None:
        result = text("trace.no-value", "en")
    else:
        result = format_number(value, None)
    return text(
        "trace.step",
        "en",
        name=name,
        source=formula.source,
        substituted=formula.substituted(env),
        result=result,
    )


def _band_step(name: str, bands: Bands, value: Decimal | None, rank: int | None) -> str:
    if value is None:
        return text("trace.band-no-value", "en", name=name)
    shown = format_number(value, None)
    if rank is None:
        return text("trace.band-none", "en", name=name, shown=shown)
    band = bands.bands[rank]
    return text(
        "trace.band", "en", name=name, shown=shown, label=band.label, bounds=band.describe()
    )
