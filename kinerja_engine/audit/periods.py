"""Years the headings name, judged per table against the report's year."""

from __future__ import annotations

from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import Indicator, PrintedEntry
from kinerja_engine.messages import Message, msg

__all__ = ["periods"]

_RESULT_FIELDS = ("realisasi", "capaian", "serapan", "progress", "realisasi_anggaran")


def periods(a: Audit, ind: Indicator) -> None:
    """A table may name the report's year, the year before (a comparison column) and any
    earlier year whose figures the case gives (``history``, ``history_target``). It
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
            if e.year == y:
                # The report's own year: nothing to say of it (the first branch below
                # needs a later or an older year, the others the year before).
                a.passed += 1
                continue
            fields = [f for f in _RESULT_FIELDS if getattr(e, f) is not None]
            why: Message | None = None
            declared = e.year in ind.history or e.year in ind.history_target
            if e.year > y or (e.year < y - 1 and fields and not declared):
                named = ", ".join(fields) or msg("finding.period.figures")
                why = msg("finding.period.names-year", named=e.year, fields=named)
            elif (
                e.year == y - 1
                and e.target is not None
                and any(n.realisasi is not None and n.target is None for n in now)
            ):
                why = msg("finding.period.target-beside", named=e.year, year=y)
            elif (
                e.year == y - 1
                and e.year not in ind.history_target
                and not now
                and any(getattr(e, f) is not None for f in ("capaian", "progress", "serapan"))
            ):
                why = msg("finding.period.only-previous", named=e.year)
            if why is None:
                a.passed += 1
                continue
            a.add(
                "period-mismatch",
                msg("finding.period-mismatch", where=where, why=why, year=y),
                indicator=ind.id,
                where=where,
                field="year",
                printed=str(e.year),
                expected=str(y),
            )
