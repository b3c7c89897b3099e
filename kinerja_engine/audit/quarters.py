"""Period figures against the figures for the report's period: the realisasi a case
gives, and each realisasi printed for the year, must be what the indicator's quarters (or
semesters) make under its kind ("sifat indikator")."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from kinerja_engine.audit._common import Audit, Broken, add_off
from kinerja_engine.domain.model import Indicator, PrintedEntry
from kinerja_engine.evaluation.periods import END_MONTH, period_figure
from kinerja_engine.messages import msg
from kinerja_engine.numbers import Figure

__all__ = ["quarters"]


_KINDS = {
    "cumulative": msg("kind.cumulative"),
    "last": msg("kind.last"),
    "average": msg("kind.average"),
    "max": msg("kind.max"),
    "min": msg("kind.min"),
}
_PERIODS = {
    "annual": msg("period.annual"),
    "S1": msg("period.s1"),
    "S2": msg("period.s2"),
    "TW1": msg("period.tw1"),
    "TW2": msg("period.tw2"),
    "TW3": msg("period.tw3"),
    "TW4": msg("period.tw4"),
}


class _Listed(NamedTuple):
    """Period figures as a message lists them, in the reader's notation."""

    items: tuple[tuple[str, Decimal], ...]

    def render(self, lang: str) -> str:
        return ", ".join(f"{p} {Figure(v).render(lang)}" for p, v in self.items)


def quarters(a: Audit, ind: Indicator) -> Broken:
    """The checks of an indicator's figures for the report's period against its period
    figures; the printed realisasi found wrong, which no recalculation may use."""
    if not ind.periods or ind.kind is None:
        return {}
    period = a.case.report.period
    expected = period_figure(ind, period)
    if expected is None:
        return {}
    listed = _Listed(
        tuple(
            (p.value, v)
            for p, v in sorted(ind.periods.items(), key=lambda item: END_MONTH[item[0]])
        )
    )
    said: dict[str, object] = {
        "period": _PERIODS[period.value],
        "kind": _KINDS[ind.kind.value],
        "figures": listed,
    }
    given = ind.realisasi
    if given is not None:
        off = a.off(given, expected)
        if off is not None:
            add_off(
                a,
                "period-rollup",
                lambda shown: msg(
                    "finding.period-rollup.input", **said, printed=Figure(given), expected=shown
                ),
                off,
                format(given, "f"),
                indicator=ind.id,
                where="input",
                field="realisasi",
            )
            return {}  # the printed figures that follow the case's are the same fault
    broken: Broken = {}
    for n, entry in enumerate(ind.printed):
        if entry.year is None or entry.year == a.year:
            blocker = _printed(a, ind, entry, expected, said)
            if blocker is not None:
                broken[(n, "realisasi")] = blocker
    return broken


def _printed(
    a: Audit, ind: Indicator, entry: PrintedEntry, expected: Decimal, said: dict[str, object]
) -> str | None:
    pv = entry.realisasi
    if pv is None or pv.value is None:
        return None
    off = a.off(pv.value, expected)
    if off is None:
        return None
    return add_off(
        a,
        "period-rollup",
        lambda shown: msg(
            "finding.period-rollup", **said, where=entry.where, printed=pv.text, expected=shown
        ),
        off,
        pv.text,
        indicator=ind.id,
        where=entry.where,
        field="realisasi",
    ).id
