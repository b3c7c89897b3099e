"""The summary of a folder (issue 17): its totals are the sum of the per-report checks,
and summaries combine like the reports they add up (the law that lets a corpus be
summarised per partition, on many machines, and folded to the one-machine answer)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import attrs
import pytest
from conftest import ROOT, bench_module
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import api
from kinerja_engine.audit.desk import fold, report_summary
from kinerja_engine.domain.summary import EMPTY, Summary, combine
from kinerja_engine.rendering.summary import summary_tables

generate = bench_module("generate")


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("region")
    paths = generate.write_region(folder, 4, (2021, 2022, 2023), 6, faulty=2)
    return [*sorted(paths), ROOT / "cases" / "dkupp-probolinggo-2021.toml"]


@pytest.fixture(scope="module")
def singles(region: list[Path]) -> list[Summary]:
    """Each report's own summary."""
    out = []
    for path in region:
        case = ke.load_case(path)
        rules = api.rules_for(case)
        report = ke.check(case, rules)
        out.append(report_summary(report, str(path), not_achieved=rules.verdict_not_achieved))
    return out


def test_the_summary_totals_equal_the_sum_of_the_per_report_checks(region: list[Path]) -> None:
    reports = list(ke.check_many(region))
    found = api.summary(region)
    total = found.totals
    assert total.reports == len(reports)
    assert total.indicators == sum(len(r.indicators) for r in reports)
    assert total.findings == sum(len(r.findings) for r in reports)
    assert total.checks_passed == sum(r.checks_passed for r in reports)
    for severity in ke.Severity:
        assert total.severity(severity) == sum(
            1 for r in reports for f in r.findings if f.severity is severity
        )
    categories: dict[str, int] = {}
    for r in reports:
        for i in r.indicators:
            if i.category is not None:
                categories[i.category] = categories.get(i.category, 0) + 1
    assert dict(total.categories) == categories
    # Per agency too.
    for agency in found.agencies:
        mine = [r for r in reports if r.info.agency == agency.agency]
        assert agency.reports == len(mine)
        assert agency.findings == sum(len(r.findings) for r in mine)
    # The planted faults between years are counted apart, once per pair held.
    assert total.pairs == 4 * 2 and sum(n for _, n in total.across) > 0
    # The worst finding is an error, and the report ranked first has the most errors.
    assert found.worst[0].severity == "error"
    assert found.ranked[0].errors == max(
        sum(1 for f in r.findings if f.severity is ke.Severity.ERROR) for r in reports
    )


def test_the_summary_is_the_same_with_jobs(region: list[Path]) -> None:
    assert api.summary(region, jobs=2) == api.summary(region)


@given(st.data())
def test_summaries_combine_to_the_summary_of_all(
    singles: list[Summary], data: st.DataObject
) -> None:
    # combine(summary(A), summary(B)) == summary(A + B), for any split of the reports.
    cut = data.draw(st.integers(0, len(singles)))
    order = data.draw(st.permutations(range(len(singles))))
    a = [singles[i] for i in order[:cut]]
    b = [singles[i] for i in order[cut:]]
    whole = functools.reduce(combine, singles, EMPTY)
    part_a = functools.reduce(combine, a, EMPTY)
    part_b = functools.reduce(combine, b, EMPTY)
    assert combine(part_a, part_b) == whole
    assert combine(part_b, part_a) == whole
    assert combine(EMPTY, whole) == whole == combine(whole, EMPTY)
    # The one-pass fold the API uses is the same reduction, in any order and any keep.
    assert fold([singles[i] for i in order]) == whole
    keep = data.draw(st.integers(1, 5))
    few = [attrs.evolve(one, keep=keep, worst=one.worst[:keep]) for one in a + b]
    assert fold(few, keep=keep) == functools.reduce(combine, few, attrs.evolve(EMPTY, keep=keep))


def test_partitions_by_agency_combine_to_the_single_machine_answer(region: list[Path]) -> None:
    # What a Dask or Spark job does: summarise each partition (here: each agency's
    # folder, so that its years meet), then fold the partitions' summaries.
    partitions: dict[str, list[Path]] = {}
    for path in region:
        partitions.setdefault(str(path.parent), []).append(path)
    parts = [api.summary(paths) for paths in partitions.values()]
    assert functools.reduce(combine, parts, EMPTY) == api.summary(region)


def test_the_summary_in_every_format(region: list[Path]) -> None:
    found = api.summary(region)
    for lang in ("id", "en"):
        table = api.render_review(found, "table", lang)
        assert max(len(line) for line in table.splitlines()) <= 80
        document = json.loads(api.render_review(found, "json", lang))
        assert document["totals"]["reports"] == found.totals.reports
        csv = api.render_review(found, "csv", lang)
        assert csv.count("\n\n") == 2  # three tables
    html = api.render_review(found, "html", "id")
    assert html.count("<svg") == 2 and "Ikhtisar Reviu Laporan Kinerja" in html
    with pytest.raises(ValueError, match="markdown"):
        api.render_review(found, "markdown")


def test_the_summary_as_a_workbook_has_one_sheet_per_table_with_number_cells(
    region: list[Path],
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import io

    found = api.summary(region)
    book = openpyxl.load_workbook(io.BytesIO(api.render_review(found, "xlsx", "id")))
    tables = [t.title[:31] for t in summary_tables(found, "id")]
    assert book.sheetnames == [t[:31] for t in tables]
    first = book[book.sheetnames[0]]
    assert first.freeze_panes == "A2"
    counts = [c.value for c in first[2]]
    assert any(isinstance(v, int) for v in counts)  # counts are numbers, not text
    total_reports = sum(
        row[1] for row in first.iter_rows(min_row=2, values_only=True) if isinstance(row[1], int)
    )
    assert total_reports >= found.totals.reports


def test_check_summary_from_the_command_line(
    region: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_engine.cli.main import main

    folder = str(region[0].parent.parent)
    # Planted cross-year errors: exit 1 at the default --fail-on error.
    assert main(["check", folder, "--summary", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Performance Report Review Summary\n")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["check", folder, "--summary", "--format", "json", "--jobs", "2"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["totals"]["reports"] == len(region) - 1
    assert main(["check", folder, "--summary", "--format", "markdown"]) == 2
    assert "markdown" in capsys.readouterr().err
