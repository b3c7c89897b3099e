"""Years the headings name, judged per table against the report's year."""

from __future__ import annotations

from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import Indicator, PrintedEntry

__all__ = ["periods"]

_RESULT_FIELDS = ("realisasi", "capaian", "serapan", "progress", "realisasi_anggaran")


def periods(a: Audit, ind: Indicator) -> None:
    """A table may name the report's year and the year before (a comparison column). It
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
