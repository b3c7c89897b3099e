"""The audit's catalogue of checks: stable codes, default severities, tolerances.

Plain data, below everything else, so that a rule set's ``[audit]`` table can be
validated against it at load and ``kinerja checks`` can list it. Each check's words (its
description ``check.<code>``, a tolerance said in words) are in the message catalogue.
"""

from __future__ import annotations

import attrs

from kinerja_engine.messages import CATALOGUE as MESSAGES
from kinerja_engine.messages import text

__all__ = ["ACROSS", "CATALOGUE", "CODES", "Check"]


@attrs.frozen
class Check:
    code: str
    severity: str
    tolerance: str | None
    description: str
    description_id: str
    # issue 15 (voice): the tolerance in Indonesian (None: a figure, or none).
    tolerance_id: str | None = None


def _check(code: str, severity: str, tolerance: str | None, description: str) -> Check:
    """A check; ``tolerance`` is a figure ("0") or the id of its words in the catalogue."""
    tolerance_id = None
    if tolerance is not None and tolerance in MESSAGES:
        tolerance, tolerance_id = text(tolerance, "en"), text(tolerance, "id")
    return Check(
        code, severity, tolerance, text(description, "en"), text(description, "id"), tolerance_id
    )


CATALOGUE: tuple[Check, ...] = (
    _check("capaian-recalc", "error", "check.tolerance.half-unit", "check.capaian-recalc"),
    _check("serapan-recalc", "error", "check.tolerance.half-unit", "check.serapan-recalc"),
    _check("share-recalc", "error", "check.tolerance.half-unit", "check.share-recalc"),
    _check("progress-recalc", "error", "check.tolerance.half-unit", "check.progress-recalc"),
    _check("category-label", "error", None, "check.category-label"),
    _check("efficiency-label", "error", None, "check.efficiency-label"),
    _check("verdict-label", "error", None, "check.verdict-label"),
    _check("label-unknown", "info", None, "check.label-unknown"),
    _check("budget-footing", "error", "check.tolerance.sen", "check.budget-footing"),
    _check("budget-percent", "error", "check.tolerance.half-unit", "check.budget-percent"),
    _check("budget-percent-undefined", "info", None, "check.budget-percent-undefined"),
    _check("tie-out", "error", "0", "check.tie-out"),
    _check("word-for-number", "error", None, "check.word-for-number"),
    _check("unit-mismatch", "error", None, "check.unit-mismatch"),
    _check("percent-over-100", "warning", "100", "check.percent-over-100"),
    _check("capaian-implausible", "warning", "check.tolerance.bounds", "check.capaian-implausible"),
    _check("period-mismatch", "warning", None, "check.period-mismatch"),
    _check("realisasi-missing", "warning", None, "check.realisasi-missing"),
    _check("comparison-missing", "info", None, "check.comparison-missing"),
    # ---- issue 19 (evidence)
    _check("number-notation", "info", None, "check.number-notation"),
    _check("number-ambiguous", "warning", None, "check.number-ambiguous"),
    _check("unit-converted", "warning", None, "check.unit-converted"),
    _check("unit-noun", "warning", None, "check.unit-noun"),
    _check("printed-undefined", "warning", None, "check.printed-undefined"),
    # ---- issue 16 (model)
    _check("figure-out-of-bounds", "error", None, "check.figure-out-of-bounds"),
    _check("capaian-negative", "warning", "0", "check.capaian-negative"),
    _check("count-recalc", "error", "check.tolerance.half-unit", "check.count-recalc"),
    _check("count-mismatch", "error", "0", "check.count-mismatch"),
    # ---- issue 16 (cascade)
    _check("rollup-recalc", "error", "check.tolerance.half-unit", "check.rollup-recalc"),
    _check("rollup-printed", "error", "check.tolerance.half-unit", "check.rollup-printed"),
    _check("rollup-category", "error", None, "check.rollup-category"),
    _check("period-rollup", "error", "check.tolerance.half-unit", "check.period-rollup"),
)

CODES = frozenset(c.code for c in CATALOGUE)

# ---- issue 17 (desk): between an agency's reports of consecutive years. Apart from
# CATALOGUE, whose every check is found within one case (and planted in one by the
# strategies); these need two reports. ``kinerja checks`` lists both.
ACROSS: tuple[Check, ...] = (
    _check("across-realisasi", "error", "check.tolerance.half-unit", "check.across-realisasi"),
    _check("across-target", "error", "check.tolerance.half-unit", "check.across-target"),
    _check("across-renstra", "warning", "0", "check.across-renstra"),
    _check("across-dropped", "warning", None, "check.across-dropped"),
    _check("across-added", "info", None, "check.across-added"),
    _check("across-target-lowered", "warning", None, "check.across-target-lowered"),
)
