"""Progress on a terminal for long runs, nothing when the output is piped."""

from __future__ import annotations

import io

import pytest
from conftest import SEED

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.cli.progress import Progress, summary_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_and_summary_on_a_terminal() -> None:
    case = ke.load_case(SEED)
    report = ke.check(case)
    stream = Terminal()
    ticks = iter([10.0, 12.5])
    progress = Progress(3, stream, lang="en", checked=True, clock=lambda: next(ticks))
    assert progress.enabled
    for name in ("a.toml", "b.toml", "c.toml"):
        progress.advance(name, report)
    progress.finish()
    text = stream.getvalue()
    assert "\r[" in text and "1/3 a.toml" in text and "3/3 c.toml" in text
    errors = sum(1 for f in report.findings if f.severity == "error")
    last = text.splitlines()[-1].split("\r")[-1]
    assert last == (
        f"3 files, 24 indicators, findings: {errors * 3} errors, "
        f"{sum(1 for f in report.findings if f.severity == 'warning') * 3} warnings, "
        f"{sum(1 for f in report.findings if f.severity == 'info') * 3} info; 2.5 s"
    )


def test_not_on_a_pipe_nor_for_one_file() -> None:
    assert not Progress(5, io.StringIO()).enabled
    assert not Progress(1, Terminal()).enabled
    quiet = Progress(5, io.StringIO())
    quiet.advance("x", ke.evaluate(ke.load_case(SEED)))
    quiet.finish()
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_summary_in_indonesian_without_findings_for_evaluate() -> None:
    assert summary_line(2, 16, None, 0.43, "id") == "2 berkas, 16 indikator; 0,4 dtk"


def test_piped_cli_run_prints_no_progress(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(SEED), str(SEED), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
