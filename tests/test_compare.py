"""Methods side by side (issue 17): the same figures under several rule sets, only what
changes, by how much and why."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT

from kinerja_engine import api
from kinerja_engine.cli.main import main

CASE = """format = "kinerja-case/1"
[report]
agency = "Dinas Uji"
year = 2023
[[indicator]]
id = "genangan"
name = "Tinggi genangan"
unit = "cm"
direction = "lower_is_better"
target = 10
realisasi = 14
[[indicator]]
id = "ipm"
name = "IPM"
unit = "indeks"
direction = "higher_is_better"
target = 80
realisasi = 80
"""
RATIO = """extends = "permendagri-86-2017"
name = "ratio"
[capaian]
lower_is_better = "target / realisasi * 100"
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    case, rules = tmp_path / "case.toml", tmp_path / "ratio.toml"
    case.write_text(CASE, encoding="utf-8")
    rules.write_text(RATIO, encoding="utf-8")
    return case, rules


def test_only_what_changes_is_shown_with_how_much_and_why(files: tuple[Path, Path]) -> None:
    case, rules = files
    found = api.compare([case], ["permendagri-86-2017", rules])
    assert found.rules == ("permendagri-86-2017", "ratio")
    (diff,) = found.diffs  # the IPM at 100 % is the same under both: not shown
    assert diff.indicator == "genangan" and diff.changed == ("category",)
    first, second = diff.outcomes
    assert (first.capaian, first.category) == (Decimal(60), "Rendah")  # (2T - R) / T
    assert second.category == "Sedang"  # T / R = 71.43
    assert diff.spread is not None and diff.spread.quantize(Decimal("0.01")) == Decimal("11.43")
    assert diff.why == ("capaian-formula",)
    assert (first.formula, second.formula) == (
        "(2 * target - realisasi) / target * 100",
        "target / realisasi * 100",
    )
    (count,) = found.agencies
    assert (count.indicators, count.categories, count.verdicts) == (2, 1, 0)


def test_the_same_rule_set_twice_changes_nothing(files: tuple[Path, Path]) -> None:
    found = api.compare([files[0], ROOT / "cases"], ["permendagri-86-2017", "permendagri-86-2017"])
    assert found.diffs == () and sum(a.indicators for a in found.agencies) > 2
    with pytest.raises(ValueError):
        api.compare([files[0]], ["permendagri-86-2017"])


def test_compare_from_the_command_line(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    case, rules = files
    assert (
        main(
            [
                "compare",
                str(case),
                "--rules",
                "permendagri-86-2017",
                "--rules",
                str(rules),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "genangan" in out and "ipm" not in out.split("per agency")[0].lower().replace("ipm,", "")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert main(["compare", str(case), "--rules", "permendagri-86-2017"]) == 2
    assert "--rules" in capsys.readouterr().err


def test_compare_is_the_same_with_jobs(files: tuple[Path, Path]) -> None:
    case, rules = files
    named = ["permendagri-86-2017", rules]
    assert api.compare([case, ROOT / "cases"], named, jobs=2) == api.compare(
        [case, ROOT / "cases"], named
    )
