"""What every family of checks shares: the collector of findings, tolerances, the inputs
of a recomputation and the way figures are written in messages.

A finding's words are the message catalogue's (``finding.*``): a check gives the message
id and its fields, made only when it raises a finding, so a passing check formats nothing.

Imported only within kinerja_engine.audit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

import attrs

from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.model import Case, PrintedEntry, PrintedValue
from kinerja_engine.domain.results import Finding, Severity
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure, format_number
from kinerja_engine.rulesets.formula import Formula
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = [
    "AMOUNT_FIELDS",
    "FIELD",
    "HUNDRED",
    "PERCENT_FIELDS",
    "Arg",
    "Audit",
    "Broken",
    "Cited",
    "Method",
    "Ties",
    "add_off",
    "figure",
    "id_",
    "places_of",
    "plain",
]

PERCENT_FIELDS = ("capaian", "serapan", "share", "progress")
AMOUNT_FIELDS = ("pagu", "realisasi_anggaran")
HUNDRED = Decimal(100)
# A printed field as a message names it (its Indonesian label, its own name in English).
FIELD = {
    "target": msg("field.target"),
    "realisasi": msg("field.realisasi"),
    "capaian": msg("field.capaian"),
    "pagu": msg("field.pagu"),
    "realisasi_anggaran": msg("field.realisasi-anggaran"),
    "serapan": msg("field.serapan"),
    "share": msg("field.share"),
    "progress": msg("field.progress"),
    # ---- issue 16 (model)
    "numerator": msg("field.numerator"),
    "denominator": msg("field.denominator"),
    "target_numerator": msg("field.target-numerator"),
    "target_denominator": msg("field.target-denominator"),
}

_BY_CODE = {c.code: c for c in CATALOGUE}

# (entry index, field) -> id of the finding that made the printed figure unusable.
Broken = dict[tuple[int, str], str]
# quantity ("pagu", "realisasi 2022") -> id of its tie-out finding, every value printed.
Ties = Mapping[str, tuple[str, tuple[Decimal, ...]]]


def id_(value: Decimal, places: int | None = 2) -> str:
    return format_number(value, places, notation="id", group=True)


def plain(value: Decimal) -> str:
    """A case's input as a message cites it: exact, ungrouped."""
    return format_number(value, None)


class Cited(NamedTuple):
    """A case's input as a message field: exact and ungrouped in English, as the case
    writes it; in the reader's notation in Indonesian."""

    value: Decimal

    def render(self, lang: str) -> str:
        return id_(self.value, None) if lang == "id" else plain(self.value)


def places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@attrs.frozen
class Method:
    """A capaian formula as a rule set names it (``permendagri-86-2017:
    capaian.lower_is_better``), which a finding may name as the one a report used
    (:mod:`.methods`)."""

    source: str
    formula: Formula


class Audit:
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
        self._severities: dict[str, Severity] = {}
        # A printed figure's tolerance depends only on how many decimals it prints.
        self._tolerances: dict[int, Decimal] = {}
        # ---- issue 19 (evidence): the capaian methods a finding may name as the one the
        # report used (audit.methods.known_methods); set by the caller.
        self.methods: tuple[Method, ...] = ()

    def severity(self, code: str) -> Severity:
        found = self._severities.get(code)
        if found is None:
            override = self.rules.audit.severity.get(code)
            found = self._severities[code] = Severity(override or _BY_CODE[code].severity)
        return found

    def add(self, code: str, message: Message, **fields: object) -> Finding:
        subject = fields.get("indicator") or fields.get("budget") or fields.get("node") or "-"
        ident = f"{code}:{subject}:{fields.get('where') or '-'}:{fields.get('field') or '-'}"
        n = self.ids.get(ident, 0)
        self.ids[ident] = n + 1
        finding = Finding(
            id=ident if n == 0 else f"{ident}#{n + 1}",
            code=code,
            severity=self.severity(code),
            message_en=message.render("en"),
            message_id=message.render("id"),
            message=message,
            **fields,  # type: ignore[arg-type]
        )
        self.findings.append(finding)
        return finding

    def skip(self, code: str, where: str, indicator: str, blocker: str) -> None:
        what = msg("finding.skipped", code=code, where=where, indicator=indicator).render("en")
        self.skipped.append((what, blocker))

    def agrees(self, printed: Decimal, expected: Decimal) -> bool:
        """Whether ``printed`` is ``expected`` as the rule set prints it (no check counted)."""
        if self.rules.audit.percent_tolerance is None:
            return quantize(expected, places_of(printed), self.rules.rounding) == printed
        return abs(printed - expected) <= self.rules.audit.percent_tolerance

    def off(
        self, printed: Decimal, expected: Decimal
    ) -> tuple[Decimal, Decimal, Decimal, int] | None:
        """None (and one more check passed) when ``printed`` agrees with ``expected``;
        else the tolerance, the expected value as printed, the difference, the places."""
        tol = self.tolerance(printed)
        # A printed figure is right when it is the exact value rounded as the rule set
        # rounds, to the places printed: 102,5 printed "102" under half-up is not.
        if self.agrees(printed, expected):
            self.passed += 1
            return None
        return self.miss(printed, expected, tol)

    def miss(
        self, printed: Decimal, expected: Decimal, tol: Decimal
    ) -> tuple[Decimal, Decimal, Decimal, int]:
        """The tolerance, the expected value as printed, the difference, the places."""
        places = max(places_of(printed), self.rules.places)
        shown = quantize(expected, places, self.rules.rounding)
        return tol, shown, printed - shown, places

    def tolerance(self, printed: Decimal) -> Decimal:
        if self.rules.audit.percent_tolerance is not None:
            return self.rules.audit.percent_tolerance
        places = places_of(printed)
        tol = self._tolerances.get(places)
        if tol is None:
            tol = self._tolerances[places] = self._half_unit(places)
        return tol

    def _half_unit(self, places: int) -> Decimal:
        # A figure rounded to the nearest is within half a unit of its last printed digit;
        # one the rule set rounds down (truncates) is up to a whole unit below.
        if self.rules.rounding == ROUND_DOWN:
            return Decimal(1).scaleb(-places)
        return Decimal(5).scaleb(-(places + 1))


class Arg(NamedTuple):
    """One input of a recomputation: its value, how it is cited, and, when the case's
    input is disputed by a tie-out finding, the other values the report prints for it.

    ``text`` None: the case's own input, cited exactly (written out only for a finding).
    A tuple, not an attrs class: several are made for every printed entry.
    """

    value: Decimal
    name: str
    text: str | None
    where: str
    alternatives: tuple[Decimal, ...] = ()
    tie: str | None = None

    @property
    def cite(self) -> tuple[str, str, str]:
        text = plain(self.value) if self.text is None else self.text
        return (self.name, text, self.where)


def figure(
    entry: PrintedEntry,
    n: int,
    field: str,
    fallback: Decimal | None,
    broken: Broken,
    ties: Ties,
) -> tuple[Arg | None, str | None]:
    """An input for a recomputation: the entry's own figure, else the case's input.

    Returns the argument, or None with the id of the finding that makes it unusable.
    """
    if (n, field) in broken:
        return None, broken[(n, field)]
    pv: PrintedValue | None = getattr(entry, field)
    if pv is not None and pv.value is not None:
        return Arg(pv.value, field, pv.text, entry.where), None
    if fallback is None:
        return None, None
    if field in ties:
        tie, values = ties[field]
        return Arg(
            fallback, field, None, "input", tuple(v for v in values if v != fallback), tie
        ), None
    return Arg(fallback, field, None, "input"), None


# ---- issue 16 (cascade)


def add_off(
    a: Audit,
    code: str,
    say: Callable[[Figure], Message],
    off: tuple[Decimal, Decimal, Decimal, int],
    printed: str,
    **fields: object,
) -> Finding:
    """The finding of a printed figure ``off`` (from :meth:`Audit.off`) what it should be:
    ``say`` words it with the expected figure as printed."""
    tol, shown, diff, places = off
    return a.add(
        code,
        say(Figure(shown, places)),
        printed=printed,
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        **fields,
    )
