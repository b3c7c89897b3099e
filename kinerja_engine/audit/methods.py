"""Which formula did the report use? A printed figure that disagrees with the rule set
but is exactly what another known method gives names that method in its finding, so the
auditor knows the cause and not only the difference.

The methods tried are the compiled capaian formulas of the rule sets the caller knows
(``kinerja check`` passes the shipped ones), and the roundings a rules file may name
(``display.rounding``): nothing of a method is listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from kinerja_engine.audit._common import Method, places_of
from kinerja_engine.domain.model import Direction, Target
from kinerja_engine.errors import KinerjaError
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure
from kinerja_engine.rulesets.compile import ROUNDINGS
from kinerja_engine.rulesets.formula import Formula
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["Method", "explain_capaian", "explain_rounding", "known_methods"]

_NAMES = {mode: name for name, mode in ROUNDINGS.items()}
# How a finding names each rounding a rules file may name.
_SAID = {
    "half_up": "rounding.half-up",
    "half_even": "rounding.half-even",
    "down": "rounding.down",
}


def known_methods(rule_sets: Iterable[RuleSet]) -> tuple[Method, ...]:
    """Every distinct capaian formula of ``rule_sets``, each named by the first rule set
    that has it."""
    found: dict[str, Method] = {}
    for rules in rule_sets:
        named: list[tuple[str, Formula]] = [(f"capaian.{d}", f) for d, f in rules.capaian.items()]
        named += [
            (f"capaian.range_target.{d}", f)
            for d, f in rules.capaian_range.items()
            if f is not rules.capaian[d]
        ]
        if rules.capaian_alternative is not None:
            named.append(("capaian.lower_is_better_alternative", rules.capaian_alternative))
        for key, formula in named:
            found.setdefault(formula.source, Method(f"{rules.name}: {key}", formula))
    return tuple(found.values())


def _rounding(mode: str) -> Message:
    return msg(_SAID[_NAMES[mode]])


def explain_rounding(rules: RuleSet, printed: Decimal, exact: Decimal) -> Message | None:
    """The rounding (of those a rules file may name) that turns ``exact`` into the
    ``printed`` figure when the rule set's own does not."""
    places = places_of(printed)
    giving = [
        _rounding(mode)
        for mode in ROUNDINGS.values()
        if mode != rules.rounding and quantize(exact, places, mode) == printed
    ]
    if not giving:
        return None
    either = giving[0]
    for other in giving[1:]:
        either = msg("finding.recalc.either", a=either, b=other)
    return msg(
        "finding.recalc.rounding",
        exact=Figure(exact, None),
        rounding=either,
        rule=_rounding(rules.rounding),
    )


def explain_capaian(
    rules: RuleSet,
    methods: Iterable[Method],
    direction: Direction,
    printed: Decimal,
    target: Target,
    realisasi: Decimal,
) -> Message | None:
    """The known method (formula, then rounding) that gives the ``printed`` capaian when
    the rule set's formula does not."""
    own = (rules.capaian_range if target.is_range else rules.capaian)[direction.value]
    env: Mapping[str, Decimal | None] = {
        "target": target.value,
        "target_low": target.low,
        "target_high": target.high,
        "realisasi": realisasi,
    }
    places = places_of(printed)
    modes = (rules.rounding, *(m for m in ROUNDINGS.values() if m != rules.rounding))
    for method in methods:
        if method.formula.source == own.source:
            continue
        try:
            value = method.formula.figure(env)
        except KinerjaError:
            continue  # undefined for these figures (a division by zero)
        if not isinstance(value, Decimal) or isinstance(value, bool):
            continue
        for mode in modes:
            if quantize(value, places, mode) != printed:
                continue
            fields: dict[str, object] = {
                "formula": method.formula.source,
                "source": method.source,
                "own": own.source,
            }
            if mode == rules.rounding:
                return msg("finding.recalc.method", **fields)
            return msg("finding.recalc.method-rounded", rounding=_rounding(mode), **fields)
    return None
