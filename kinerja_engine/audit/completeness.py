"""What an indicator with a target must have: the year's realisasi, and last year's to
compare with."""

from __future__ import annotations

from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import Indicator
from kinerja_engine.messages import msg, text

__all__ = ["completeness"]


def completeness(a: Audit, ind: Indicator) -> None:
    if ind.target is None:
        return
    if ind.realisasi is None:
        a.add(
            "realisasi-missing",
            msg("finding.realisasi-missing", indicator=ind.id),
            indicator=ind.id,
            field="realisasi",
            expected=text("finding.expected.realisasi", "en"),
        )
    else:
        a.passed += 1
    previous = a.year - 1
    if previous in ind.history or any(
        e.year == previous and e.realisasi is not None for e in ind.printed
    ):
        a.passed += 1
        return
    a.add(
        "comparison-missing",
        msg("finding.comparison-missing", indicator=ind.id, year=previous),
        indicator=ind.id,
        field=f"realisasi {previous}",
        expected=msg("finding.expected.realisasi-of", year=previous).render("en"),
    )
