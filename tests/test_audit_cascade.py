"""The audit of figures printed for programs, objectives and goals (audit/cascade.py):
each held against the rule set's roll-up of its members and against the roll-up of what
the report prints for them."""

from __future__ import annotations

from pathlib import Path

import attrs
from conftest import ROOT

import kinerja_engine as ke
from kinerja_engine.domain.model import PrintedEntry
from kinerja_engine.io.figures import printed

CASES = ROOT / "tests" / "cases"


def found(report: ke.Report) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.indicator or f.node, f.where, f.expected) for f in report.findings]


def test_a_truncated_mean_of_wrong_figures_is_two_findings() -> None:
    """Issue 19: a sasaran printed as 85,38 where its own figures give 85,3867
    (truncated) and the rules give 114,61."""
    report = ke.check(ke.load_case(CASES / "dinkes-2022-cascade.toml"))
    assert found(report) == [
        ("capaian-recalc", "aki", "Tabel 3.2", "119.84"),
        ("capaian-recalc", "akb", "Tabel 3.3", "109.39"),
        ("capaian-recalc", "stunting", "Tabel 3.4", "114.61"),
        ("rollup-recalc", "kesehatan-ibu-anak", "Tabel 3.5", "114.61"),
        ("rollup-printed", "kesehatan-ibu-anak", "Tabel 3.5", "85.39"),
        ("rollup-recalc", "derajat-kesehatan", "Tabel 3.6", "108.78"),
    ]
    printed_mean = report.findings[4]
    assert "85.3867" in printed_mean.message_en and "truncated" in printed_mean.message_en
    assert "dipotong, bukan dibulatkan" in printed_mean.message_id
    assert [i[0] for i in printed_mean.inputs] == ["aki", "akb", "stunting"]
    assert all(f.severity is ke.Severity.ERROR for f in report.findings)
    # Named in the JSON by the node, after the budget line.
    document = ke.render(report, "json")
    assert '"budget": null,\n      "node": "kesehatan-ibu-anak"' in document


def test_correct_node_figures_raise_nothing() -> None:
    report = ke.check(ke.load_case(CASES / "pmk-22-2021-example.toml"))
    assert report.findings == ()
    assert report.checks_passed >= 8  # four node figures, each held two ways


def test_a_node_category_is_held_against_its_figure() -> None:
    case = ke.load_case(CASES / "dinkes-2022-cascade.toml")
    layanan = next(o for o in case.objectives if o.id == "mutu-layanan")
    wrong = attrs.evolve(layanan, printed=(attrs.evolve(layanan.printed[0], category="Tinggi"),))
    case = attrs.evolve(
        case, objectives=tuple(wrong if o.id == wrong.id else o for o in case.objectives)
    )
    report = ke.check(case)
    (finding,) = [f for f in report.findings if f.code == "rollup-category"]
    assert (finding.node, finding.printed, finding.expected) == (
        "mutu-layanan",
        "Tinggi",
        "Sangat Tinggi",
    )


def test_a_node_figure_of_another_year_is_not_held_against_this_one(tmp_path: Path) -> None:
    case = ke.load_case(CASES / "pmk-22-2021-example.toml")
    (unit,) = case.goals
    old = PrintedEntry("Tabel 2", year=2020, capaian=printed("50,00"))
    case = attrs.evolve(case, goals=(attrs.evolve(unit, printed=(*unit.printed, old)),))
    assert ke.check(case).findings == ()


def test_the_codes_are_in_the_catalogue() -> None:
    codes = {c.code for c in ke.api.checks()}
    assert {"rollup-recalc", "rollup-printed", "rollup-category"} <= codes
