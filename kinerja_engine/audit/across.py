"""Across years: an agency's reports of consecutive years held against each other.

What the later report says of the earlier year must be what the earlier report said:
the previous year's realisasi in its history and in its comparison columns (printed
entries whose heading names that year), and a previous-year target it prints; the
Renstra's end-of-plan target is the same in both; an indicator does not vanish or
appear without notice; and a target is not lowered after it was missed. Each
disagreement is a :class:`CrossFinding` naming both reports and the place in each.

A report is reduced to a :class:`Digest` (what these checks read, nothing more) when
it is checked, so a folder streams: the cases themselves are never kept.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator, MutableMapping
from decimal import Decimal

import attrs

from kinerja_engine.audit._common import places_of
from kinerja_engine.domain.checks import ACROSS
from kinerja_engine.domain.model import Case, Direction
from kinerja_engine.domain.results import Finding, Report, Severity
from kinerja_engine.domain.summary import CrossFinding, Place
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["Digest", "Pairing", "Spill", "agency_key", "digest", "hold", "report_name"]

_SEVERITY = {c.code: Severity(c.severity) for c in ACROSS}


@attrs.frozen
class Previous:
    """A figure of the previous year as the later report prints it, and where."""

    where: str
    field: str  # "realisasi" or "target"
    text: str
    value: Decimal


@attrs.frozen
class Line:
    """One indicator as the cross-year checks read it."""

    id: str
    name: str
    direction: Direction
    target: Decimal | None  # a single target; None for a range or none
    realisasi: Decimal | None
    renstra: Decimal | None
    history: Decimal | None  # the realisasi of the year before, as this report gives it
    previous: tuple[Previous, ...]  # printed figures of the year before
    missed: bool  # the verdict is "not achieved"


@attrs.frozen
class Digest:
    """One report reduced to what its neighbours are held against."""

    agency: str
    year: int
    report: str
    lines: tuple[Line, ...]


def agency_key(agency: str) -> str:
    """Reports of one agency are matched on its name, case and spacing aside."""
    return " ".join(agency.split()).casefold()


def report_name(case: Case) -> str:
    """A report as a finding names it: its file, else its agency and year."""
    return case.origin or f"{case.report.agency} {case.report.year}"


def digest(case: Case, rules: RuleSet, report: Report) -> Digest:
    y = case.report.year
    lines = []
    for ind, result in zip(case.indicators, report.indicators, strict=True):
        previous = []
        for entry in ind.printed:
            if entry.year != y - 1:
                continue
            for field in ("realisasi", "target"):
                pv = getattr(entry, field)
                if pv is not None and pv.value is not None:
                    previous.append(Previous(entry.where, field, pv.text, pv.value))
        lines.append(
            Line(
                id=ind.id,
                name=ind.name,
                direction=ind.direction,
                target=ind.target.value if ind.target else None,
                realisasi=ind.realisasi,
                renstra=ind.renstra_target,
                history=ind.history.get(y - 1),
                previous=tuple(previous),
                missed=result.verdict == rules.verdict_not_achieved,
            )
        )
    return Digest(case.report.agency, y, report_name(case), tuple(lines))


def _agree(told: Decimal, own: Decimal) -> bool:
    # A figure may be printed with fewer decimals than the report it comes from gave it:
    # it agrees when it is that figure rounded to its own last digit.
    return abs(told - own) <= Decimal(5).scaleb(-(places_of(told) + 1))


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _match(
    earlier: Digest, later: Digest
) -> tuple[list[tuple[Line, Line]], list[Line], list[Line]]:
    """Indicators paired by id, else by name; and those only in the earlier, only in the later."""
    by_id = {line.id: line for line in earlier.lines}
    by_name = {_name_key(line.name): line for line in earlier.lines}
    pairs: list[tuple[Line, Line]] = []
    used: set[str] = set()
    added: list[Line] = []
    for line in later.lines:
        found = by_id.get(line.id)
        if found is None or found.id in used:
            found = by_name.get(_name_key(line.name))
        if found is None or found.id in used:
            added.append(line)
            continue
        used.add(found.id)
        pairs.append((found, line))
    dropped = [line for line in earlier.lines if line.id not in used]
    return pairs, dropped, added


class _Held:
    """Collects the cross findings of one pair of reports."""

    def __init__(self, earlier: Digest, later: Digest) -> None:
        self.earlier = earlier
        self.later = later
        self.found: list[CrossFinding] = []
        self.passed = 0
        self.ids: dict[str, int] = {}

    def add(
        self,
        code: str,
        message: Message,
        indicator: str,
        before: tuple[str, str | None],
        after: tuple[str, str | None],
        difference: Decimal | None = None,
        field: str | None = None,
    ) -> None:
        ident = f"{code}:{indicator}:{after[0]}:{field or '-'}"
        n = self.ids.get(ident, 0)
        self.ids[ident] = n + 1
        finding = Finding(
            id=ident if n == 0 else f"{ident}#{n + 1}",
            code=code,
            severity=_SEVERITY[code],
            message_en=message.render("en"),
            message_id=message.render("id"),
            message=message,
            indicator=indicator,
            where=after[0],
            field=field,
            printed=after[1],
            expected=before[1],
            difference=difference,
            inputs=((field or code, before[1] or "-", f"{self.earlier.report}: {before[0]}"),),
        )
        e, la = self.earlier, self.later
        self.found.append(
            CrossFinding(
                agency=la.agency,
                finding=finding,
                earlier=Place(e.report, e.year, before[0], before[1]),
                later=Place(la.report, la.year, after[0], after[1]),
            )
        )


def hold(earlier: Digest, later: Digest) -> tuple[tuple[CrossFinding, ...], int]:
    """The findings between an agency's report of one year and of the next, and how
    many checks passed."""
    h = _Held(earlier, later)
    pairs, dropped, added = _match(earlier, later)
    for before, after in pairs:
        _realisasi(h, before, after)
        _renstra(h, before, after)
        _lowered(h, before, after)
    for line in dropped:
        h.add(
            "across-dropped",
            msg(
                "finding.across-dropped",
                name=line.name,
                earlier=earlier.report,
                later=later.report,
                year=later.year,
            ),
            line.id,
            (line.id, None),
            ("-", None),
        )
    for line in added:
        h.add(
            "across-added",
            msg(
                "finding.across-added",
                name=line.name,
                earlier=earlier.report,
                later=later.report,
                year=earlier.year,
            ),
            line.id,
            ("-", None),
            (line.id, None),
        )
    return tuple(h.found), h.passed


def _realisasi(h: _Held, before: Line, after: Line) -> None:
    y = h.earlier.year
    told: list[tuple[str, str, str, Decimal]] = []  # (where, field, text, value)
    if after.history is not None:
        told.append((f"history.{y}", "realisasi", _plain(after.history), after.history))
    told += [(p.where, p.field, p.text, p.value) for p in after.previous]
    for where, field, shown, value in told:
        own = before.realisasi if field == "realisasi" else before.target
        if own is None:
            continue
        if _agree(value, own):
            h.passed += 1
            continue
        code, said = (
            ("across-realisasi", "finding.across-realisasi")
            if field == "realisasi"
            else ("across-target", "finding.across-target")
        )
        h.add(
            code,
            msg(
                said,
                later=h.later.report,
                earlier=h.earlier.report,
                where=where,
                year=y,
                printed=shown,
                own=Figure(own),
            ),
            after.id,
            (field, _plain(own)),
            (where, shown),
            value - own,
            field,
        )


def _renstra(h: _Held, before: Line, after: Line) -> None:
    if before.renstra is None or after.renstra is None:
        return
    if before.renstra == after.renstra:
        h.passed += 1
        return
    h.add(
        "across-renstra",
        msg(
            "finding.across-renstra",
            later=h.later.report,
            earlier=h.earlier.report,
            printed=Figure(after.renstra),
            own=Figure(before.renstra),
        ),
        after.id,
        ("renstra_target", _plain(before.renstra)),
        ("renstra_target", _plain(after.renstra)),
        after.renstra - before.renstra,
        "renstra_target",
    )


def _lowered(h: _Held, before: Line, after: Line) -> None:
    if not before.missed or before.target is None or after.target is None:
        return
    if before.direction is not after.direction or after.direction is Direction.WITHIN_RANGE:
        return
    easier = (
        after.target < before.target
        if after.direction is Direction.HIGHER_IS_BETTER
        else after.target > before.target
    )
    if not easier:
        h.passed += 1
        return
    h.add(
        "across-target-lowered",
        msg(
            "finding.across-target-lowered",
            later=h.later.report,
            earlier=h.earlier.report,
            year=h.earlier.year,
            printed=Figure(after.target),
            own=Figure(before.target),
        ),
        after.id,
        ("target", _plain(before.target)),
        ("target", _plain(after.target)),
        after.target - before.target,
        "target",
    )


def _plain(value: Decimal) -> str:
    return format(value, "f")


class Pairing:
    """Reports arriving in any order, paired with the same agency's neighbouring years as
    soon as both are in. A digest waits in ``store`` until both its neighbours were seen,
    then is dropped; give a :class:`Spill` as the store and what waits is on disk, so
    memory stays flat however many agencies a folder holds. The first report of an agency
    and year is the one paired; a second of the same agency and year is not."""

    def __init__(self, store: MutableMapping[str, Digest] | None = None) -> None:
        self._held: MutableMapping[str, Digest] = {} if store is None else store
        self._seen: dict[str, set[int]] = {}

    def add(self, d: Digest) -> Iterator[tuple[Digest, Digest]]:
        key = agency_key(d.agency)
        seen = self._seen.setdefault(key, set())
        if d.year in seen:
            return
        seen.add(d.year)
        held = self._held
        held[f"{d.year}\x00{key}"] = d
        before, after = held.get(f"{d.year - 1}\x00{key}"), held.get(f"{d.year + 1}\x00{key}")
        if before is not None:
            yield before, d
        if after is not None:
            yield d, after
        for year in (d.year - 1, d.year, d.year + 1):
            if year in seen and {year - 1, year + 1} <= seen:
                held.pop(f"{year}\x00{key}", None)


class Spill(MutableMapping[str, Digest]):
    """Digests waiting for a neighbour, kept in a temporary SQLite file (the standard
    library's), pickled: written and read by this process only, removed when closed."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="kinerja-years-")
        # SQL in capitals: table HELD, key K, pickled digest D.
        self._db = sqlite3.connect(os.path.join(self._dir.name, "held.db"))
        self._db.execute("CREATE TABLE HELD (K TEXT PRIMARY KEY, D BLOB)")

    def __getitem__(self, key: str) -> Digest:
        row = self._db.execute("SELECT D FROM HELD WHERE K = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        found: Digest = pickle.loads(row[0])
        return found

    def __setitem__(self, key: str, value: Digest) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._db.execute("INSERT OR REPLACE INTO HELD VALUES (?, ?)", (key, data))

    def __delitem__(self, key: str) -> None:
        if self._db.execute("DELETE FROM HELD WHERE K = ?", (key,)).rowcount == 0:
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter([k for (k,) in self._db.execute("SELECT K FROM HELD")])

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM HELD").fetchone()[0])

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
