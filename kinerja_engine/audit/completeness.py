"""What an indicator with a target must have: the year's realisasi, and last year's to
compare with."""

from __future__ import annotations

from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import Indicator

__all__ = ["completeness"]


def completeness(a: Audit, ind: Indicator) -> None:
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
    if previous in ind.history or any(
        e.year == previous and e.realisasi is not None for e in ind.printed
    ):
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
