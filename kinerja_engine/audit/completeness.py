"""What an indicator with a target must have: the year's realisasi, and last year's to
compare with."""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import Indicator
from kinerja_engine.messages import Message, msg, text

__all__ = ["comparison_missing", "completeness"]

# The indicators a comparison-missing finding names before "and n more".
_LISTED = 10


def completeness(a: Audit, ind: Indicator) -> bool:
    """The year's realisasi checked; True when last year's realisasi is missing too (for
    :func:`comparison_missing`, which says so once for the case)."""
    if ind.target is None:
        return False
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
        return False
    return True


def comparison_missing(a: Audit, lacking: Sequence[str]) -> None:
    """One finding for every indicator without last year's realisasi: a report without a
    comparison year lacks it throughout, and one line says so."""
    if not lacking:
        return
    previous = a.year - 1
    if len(lacking) == 1:
        said = msg("finding.comparison-missing", indicator=lacking[0], year=previous)
    else:
        listed: Message | str = ", ".join(lacking[:_LISTED])
        if len(lacking) > _LISTED:
            listed = msg(
                "finding.comparison-missing.more", listed=listed, count=len(lacking) - _LISTED
            )
        said = msg(
            "finding.comparison-missing.many", count=len(lacking), year=previous, listed=listed
        )
    a.add(
        "comparison-missing",
        said,
        indicator=lacking[0],
        field=f"realisasi {previous}",
        expected=msg("finding.expected.realisasi-of", year=previous).render("en"),
    )
