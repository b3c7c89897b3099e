"""Progress on a terminal for long runs, nothing when the output is piped; the API's
progress hook, which prints nothing itself."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import time

import attrs
import pytest
from conftest import ROOT, SEED

import kinerja_engine as ke
from kinerja_engine.cli import progress as progress_module
from kinerja_engine.cli.main import main
from kinerja_engine.cli.progress import Progress, eta_text, rate_text, summary_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------- the API's hook


def calls_of(run: object) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []

    def hook(phase: str, done: int, total: int) -> None:
        seen.append((phase, done, total))

    run(hook)  # type: ignore[operator]
    return seen


def assert_counts_up(seen: list[tuple[str, int, int]], phase: str, total: int) -> None:
    counts = [done for p, done, _ in seen if p == phase]
    assert counts[0] == 0 and counts[-1] == total
    assert counts == sorted(counts)
    assert all(t == total for p, _, t in seen if p == phase)


def test_check_reports_evaluating_then_checking_up_to_the_total() -> None:
    case = ke.load_case(SEED)
    seen = calls_of(lambda hook: ke.check(case, progress=hook))
    total = len(case.indicators)
    assert seen[0] == ("evaluating", 0, total) and seen[-1] == ("checking", total, total)
    assert_counts_up(seen, "evaluating", total)
    assert_counts_up(seen, "checking", total)


def test_a_large_case_is_reported_every_thousand_indicators(
    big_case: ke.Case,
) -> None:
    total = len(big_case.indicators)
    seen = calls_of(lambda hook: ke.check(big_case, progress=hook))
    for phase in ("evaluating", "checking"):
        counts = [done for p, done, _ in seen if p == phase]
        assert counts == [*range(0, total, 1000), total]


def test_the_hook_changes_no_result(big_case: ke.Case) -> None:
    assert ke.check(big_case, progress=lambda *_: None) == ke.check(big_case)
    with_hook = ke.evaluate(big_case, trace=False, progress=lambda *_: None)
    assert with_hook == ke.evaluate(big_case, trace=False)


def test_run_reports_loading_each_file_first() -> None:
    seen = calls_of(lambda hook: list(ke.run([SEED, SEED], check=True, progress=hook)))
    loading = [i for i, (p, _, _) in enumerate(seen) if p == "loading"]
    assert len(loading) == 4  # a start and an end per file
    assert seen[0] == ("loading", 0, 0) and seen[1][0] == "loading" and seen[1][1] == 8


@pytest.fixture(scope="module")
def big_case() -> ke.Case:
    case = ke.load_case(SEED)
    many = tuple(
        attrs.evolve(ind, id=f"{ind.id}-{n}") for n in range(150) for ind in case.indicators
    )
    return attrs.evolve(case, indicators=many)


# ---------------------------------------------------------------- what is drawn


def test_bar_rate_time_left_and_summary_on_a_terminal() -> None:
    report = ke.check(ke.load_case(SEED))
    stream, clock = Terminal(), Clock()
    progress = Progress(3, stream, lang="en", checked=True, clock=clock, delay=0, plain=True)
    assert progress.enabled
    for name in ("a.toml", "b.toml", "c.toml"):
        progress.phase("checking", 0, 24)
        clock.now += 0.5
        progress.phase("checking", 12, 24)
        clock.now += 0.5
        progress.advance(name, report)
    progress.finish()
    text = stream.getvalue()
    assert "checking 12/24 24/s 0:01 left" in text  # count, rate and time left of the phase
    assert "[########----------------] 1/3" in text and "0:02 left" in text  # the files'
    errors = sum(1 for f in report.findings if f.severity == "error")
    last = text.splitlines()[-1].split("\r")[-1]
    assert last == (
        f"3 files, 24 indicators, findings: {errors * 3} errors, "
        f"{sum(1 for f in report.findings if f.severity == 'warning') * 3} warnings, "
        f"{sum(1 for f in report.findings if f.severity == 'info') * 3} info; 3.0 s"
    )


def test_drawn_with_rich_when_it_is_installed() -> None:
    pytest.importorskip("rich")
    stream, clock = Terminal(), Clock()
    progress = Progress(1, stream, lang="id", clock=clock, delay=0, names=["a.toml"])
    progress.phase("evaluating", 0, 50_000)
    clock.now += 2
    progress.phase("evaluating", 20_000, 50_000)
    progress.bar.display.refresh()
    drawn = stream.getvalue()
    progress.finish()
    assert "mengevaluasi" in drawn and "20.000/50.000" in drawn and "10.000/dtk" in drawn
    assert "sisa 0:03" in drawn and "a.toml" in drawn


def test_plain_when_rich_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    stream = Terminal()
    progress = Progress(1, stream, lang="id", delay=0, names=["a.toml"])
    progress.phase("loading", 0, 0)
    progress.finish()
    assert progress.plain and "memuat" in stream.getvalue() and "a.toml" in stream.getvalue()


def test_nothing_drawn_for_a_short_run() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(1, stream, clock=clock, delay=0.5, plain=True)
    progress.phase("evaluating", 0, 24)
    clock.now += 0.1
    progress.phase("evaluating", 24, 24)
    progress.finish()
    assert stream.getvalue() == ""


def test_not_on_a_pipe() -> None:
    assert not Progress(5, io.StringIO()).enabled
    assert Progress(1, Terminal()).enabled  # one large file shows its phases too
    quiet = Progress(5, io.StringIO(), delay=0)
    quiet.phase("evaluating", 0, 24)
    quiet.advance("x", ke.evaluate(ke.load_case(SEED)))
    quiet.finish()
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_rate_and_time_left_in_both_notations() -> None:
    assert rate_text(12_000, 2.0, "id") == "6.000/dtk"
    assert rate_text(12_000, 2.0, "en") == "6,000/s"
    assert rate_text(1, 70.0, "en") == ""  # under one a second: no rate
    assert eta_text(1, 3, 35.0, "id") == "sisa 1:10"
    assert eta_text(1, 200, 60.0, "en") == "3:19:00 left"
    assert eta_text(3, 3, 5.0, "en") == ""


def test_summary_in_indonesian_without_findings_for_evaluate() -> None:
    assert summary_line(2, 16, None, 0.43, "id") == "2 berkas, 16 indikator; 0,4 dtk"
    assert summary_line(2, 16_000, None, 0.43, "id") == "2 berkas, 16.000 indikator; 0,4 dtk"


def test_piped_cli_run_prints_no_progress(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(SEED), str(SEED), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_the_cli_draws_on_a_terminal_and_nothing_else_on_stdout() -> None:
    """Standard error on a pseudo-terminal: the phases are drawn there; standard output
    (a pipe) gets the report alone."""
    leader, follower = pty.openpty()
    script = (
        "import kinerja_engine.cli.progress as p; p.DELAY = 0; "
        "from kinerja_engine.cli.main import main; "
        f"raise SystemExit(main(['check', {str(SEED)!r}, '--format', 'json']))"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=follower,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    drawn = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
        elif child.poll() is not None:
            break
    out, _ = child.communicate(timeout=120)
    os.close(leader)
    assert child.returncode == 1
    said = drawn.decode("utf-8", "replace")
    assert "memeriksa" in said or "mengevaluasi" in said
    assert "1 berkas, 8 indikator" in said  # the summary line
    assert out.startswith(b"{") and b"memeriksa" not in out


def test_module_delay_is_read_when_a_progress_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "DELAY", 7.0)
    assert Progress(1, Terminal()).delay == 7.0


def test_rich_shows_a_file_name_escaped() -> None:
    pytest.importorskip("rich")
    stream = Terminal()
    progress = Progress(1, stream, delay=0, names=["\x1b[2Jx.toml"])
    progress.phase("loading", 0, 0)
    progress.bar.display.refresh()
    progress.finish(summary=False)
    drawn = stream.getvalue()
    assert "\x1b[2J" not in drawn and "\\x1b[2Jx.toml" in drawn


def test_a_run_stopped_by_an_error_clears_the_line_and_says_no_summary() -> None:
    stream = Terminal()
    progress = Progress(2, stream, lang="en", delay=0, plain=True, names=["a.toml"])
    progress.phase("loading", 0, 0)
    progress.finish(summary=False)
    drawn = stream.getvalue()
    assert "loading" in drawn and "files" not in drawn.split("\r")[-1]
    assert drawn.endswith("\r") and drawn.split("\r")[-2].strip() == ""
