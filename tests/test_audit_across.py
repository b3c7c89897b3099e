"""Across years (issue 17): an agency's consecutive reports held against each other.

The folders are written by the bench's generator (``bench/generate.py``,
``series_texts``), consistent by construction, with the planted faults of the issue: a
previous-year realisasi changed between reports, a Renstra target changed, an
indicator dropped. Each is found, naming both reports and the place in each; a
consistent pair gives no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bench_module

import kinerja_engine as ke
from kinerja_engine import api
from kinerja_engine.domain.summary import CrossFinding

generate = bench_module("generate")
YEARS = (2022, 2023)


def _folder(
    tmp_path: Path, faults: dict[int, str] | None = None, agency: str = "Dinas Uji"
) -> list[Path]:
    paths = []
    for year, text in zip(
        YEARS, generate.series_texts(agency, YEARS, 5, 3, faults=faults), strict=True
    ):
        path = tmp_path / f"{agency.rsplit(maxsplit=1)[-1].lower()}-{year}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _found(paths: list[Path]) -> list[CrossFinding]:
    return list(api.across(paths))


def test_a_consistent_pair_gives_no_finding(tmp_path: Path) -> None:
    paths = _folder(tmp_path)
    assert _found(paths) == []
    assert _found(list(reversed(paths))) == []  # the order they come in does not matter
    # Nor does either report find fault with itself (the first has no year before it).
    first, second = (ke.check(ke.load_case(p)).findings for p in paths)
    assert {f.code for f in first} == {"comparison-missing"} and second == ()


def test_a_previous_year_realisasi_changed_is_found_at_both_places(tmp_path: Path) -> None:
    earlier, later = _folder(tmp_path, {2023: "realisasi"})
    found = _found([earlier, later])
    assert {c.finding.code for c in found} == {"across-realisasi"}
    # In the history and in the printed comparison column: two places in the later report.
    assert sorted(c.later.where for c in found) == ["Tabel 3", "history.2022"]
    for c in found:
        assert c.finding.indicator == "iku-0"
        assert c.finding.severity is ke.Severity.ERROR
        assert (c.earlier.report, c.earlier.year, c.earlier.where) == (
            str(earlier),
            2022,
            "realisasi",
        )
        assert (c.later.report, c.later.year) == (str(later), 2023)
        assert str(earlier) in c.finding.message_en and str(later) in c.finding.message_en
        assert str(earlier) in c.finding.message_id and str(later) in c.finding.message_id
        assert c.finding.difference == 1
        assert c.later.value == c.finding.printed and c.earlier.value == c.finding.expected


def test_a_renstra_target_changed_is_found_at_both_places(tmp_path: Path) -> None:
    earlier, later = _folder(tmp_path, {2023: "renstra"})
    (c,) = _found([earlier, later])
    assert c.finding.code == "across-renstra" and c.finding.indicator == "iku-0"
    assert (c.earlier.report, c.earlier.where) == (str(earlier), "renstra_target")
    assert (c.later.report, c.later.where) == (str(later), "renstra_target")
    assert c.finding.difference == 1
    assert c.earlier.value is not None and c.later.value is not None


def test_an_indicator_dropped_is_found_at_both_places(tmp_path: Path) -> None:
    earlier, later = _folder(tmp_path, {2023: "dropped"})
    (c,) = _found([earlier, later])
    assert c.finding.code == "across-dropped" and c.finding.indicator == "iku-0"
    assert (c.earlier.report, c.earlier.where) == (str(earlier), "iku-0")
    assert c.later.report == str(later)
    assert "Indikator kinerja 0" in c.finding.message_en


def test_an_indicator_added_and_a_target_lowered_after_a_miss(tmp_path: Path) -> None:
    text = (
        'format = "kinerja-case/1"\n[report]\nagency = "Dinas Uji"\nyear = {year}\n'
        '[[indicator]]\nid = "a"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\n'
        "target = {target}\nrealisasi = 70\n"
    )
    earlier, later = tmp_path / "a.toml", tmp_path / "b.toml"
    earlier.write_text(text.format(year=2022, target=80), encoding="utf-8")
    later.write_text(
        text.format(year=2023, target=75)
        + '[[indicator]]\nid = "b"\nname = "B"\nunit = "%"\ndirection = "higher_is_better"\n'
        "target = 10\n",
        encoding="utf-8",
    )
    found = {c.finding.code: c for c in _found([later, earlier])}
    assert set(found) == {"across-target-lowered", "across-added"}
    lowered = found["across-target-lowered"]
    assert (lowered.earlier.value, lowered.later.value) == ("80", "75")
    assert found["across-added"].later.where == "b"
    # Raised, not lowered: nothing to say.
    later.write_text(text.format(year=2023, target=85), encoding="utf-8")
    assert _found([earlier, later]) == []


def test_reports_pair_by_agency_and_consecutive_year_only(tmp_path: Path) -> None:
    a = _folder(tmp_path, {2023: "renstra"}, agency="Dinas Satu")
    b = _folder(tmp_path, agency="Dinas Dua")
    found = _found([a[0], b[1], b[0], a[1]])
    assert [(c.agency, c.finding.code) for c in found] == [("Dinas Satu", "across-renstra")]
    # Years that are not consecutive are not held against each other.
    assert _found([a[0]]) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_summary_counts_the_findings_across_years(tmp_path: Path, jobs: int) -> None:
    paths = _folder(tmp_path, {2023: "realisasi"})
    total = api.summary(paths, jobs=jobs).totals
    assert (total.pairs, dict(total.across)) == (1, {"error": 2})
    # Counted apart: the reports' own findings stay the sum of their checks.
    assert total.findings == sum(len(r.findings) for r in ke.check_many(paths))


def test_the_catalogue_lists_the_checks_across_years() -> None:
    codes = [c.code for c in ke.checks()]
    for code in (
        "across-realisasi",
        "across-target",
        "across-renstra",
        "across-dropped",
        "across-added",
        "across-target-lowered",
    ):
        assert code in codes


def test_reports_waiting_for_a_neighbour_are_kept_on_disk(tmp_path: Path) -> None:
    from kinerja_engine.audit.across import Pairing, Spill

    paths = _folder(tmp_path, {2023: "renstra"})
    digests = [found for _, found in api._reviewed(paths, jobs=1, keep=20)]
    with Spill() as waiting:
        pairing = Pairing(waiting)
        pairs = [pair for d in reversed(digests) for pair in pairing.add(d)]
        assert len(waiting) == 2  # neither has seen both its neighbours yet
    memory = Pairing()
    assert pairs == [pair for d in reversed(digests) for pair in memory.add(d)]
    ((earlier, later),) = pairs
    assert (earlier.year, later.year) == (2022, 2023)
