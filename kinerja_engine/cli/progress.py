"""Progress of a long run on a terminal: a bar while files are read, one summary line after.

Shown only when the stream is a terminal and there is more than one file: piped or
redirected output (a script, a test, CI) gets neither, so nothing but the report reaches
a reader that is not a person.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

import kinerja_engine as ke
from kinerja_engine.messages import text

__all__ = ["Progress", "summary_line"]

_BAR = 24


def summary_line(
    files: int,
    indicators: int,
    findings: dict[str, int] | None,
    seconds: float,
    lang: str = "id",
) -> str:
    """``3 berkas, 24 indikator, temuan: 2 kesalahan, 1 peringatan, 0 info; 0,4 dtk``."""
    elapsed = f"{seconds:.1f}"
    counted = text("cli.summary.files", lang, files=files, indicators=indicators)
    if findings is not None:
        counted = text("cli.summary.findings", lang, counted=counted, **findings)
    # Indonesian notation writes the decimal mark as a comma.
    shown = elapsed.replace(".", ",") if lang == "id" else elapsed
    return text("cli.summary.elapsed", lang, counted=counted, seconds=shown)


class Progress:
    """Counts a run's files as they are done; draws on ``stream`` only when ``enabled``."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        lang: str = "id",
        checked: bool = False,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.lang = lang
        self.checked = checked
        if enabled is None:
            enabled = total > 1 and _is_terminal(stream)
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.done = 0
        self.indicators = 0
        self.findings = {s.value: 0 for s in ke.Severity}

    def advance(self, name: str, report: ke.Report) -> None:
        self.done += 1
        self.indicators += len(report.indicators)
        for f in report.findings:
            self.findings[f.severity.value] += 1
        if self.enabled:
            self._draw(name)

    def _draw(self, name: str) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        filled = _BAR * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (_BAR - filled)
        # A file's name may hold an escape sequence: shown escaped, as every line on stderr.
        from kinerja_engine.rendering.escape import terminal_text

        line = f"[{bar}] {self.done}/{self.total} {terminal_text(name)}"
        line = line[: max(width - 1, 10)]
        self.stream.write("\r" + line.ljust(max(width - 1, 10)))
        self.stream.flush()

    def summary(self) -> str:
        return summary_line(
            self.done,
            self.indicators,
            self.findings if self.checked else None,
            self.clock() - self.start,
            self.lang,
        )

    def finish(self) -> None:
        """Clear the bar and print the summary line (when enabled)."""
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 20)).columns
        self.stream.write("\r" + " " * max(width - 1, 10) + "\r")
        self.stream.write(self.summary() + "\n")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
