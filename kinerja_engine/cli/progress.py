"""Progress of a long run on a terminal: the phase of the file at work (loading,
evaluating, checking) with counts, rate and time left, a bar over the files when there
are several, and one summary line after.

Shown only when the stream (standard error) is a terminal, and only once a run has
lasted long enough to need it: piped or redirected output (a script, a test, CI) gets
nothing, so nothing but the report reaches a reader that is not a person. Drawn with
``rich`` when it is installed (the ``term`` extra), imported only then; else as one
plain line rewritten in place.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import kinerja_engine as ke
from kinerja_engine.messages import text

__all__ = ["Progress", "eta_text", "rate_text", "summary_line"]

_BAR = 24
#: Nothing is drawn for a run shorter than this (seconds): a bar that flashes for a
#: tenth of a second only hides the prompt.
DELAY = 0.5
#: The plain line is redrawn at most this often (seconds).
_EVERY = 0.1
_PHASES = {
    "loading": "progress.loading",
    "evaluating": "progress.evaluating",
    "checking": "progress.checking",
}


def summary_line(
    files: int,
    indicators: int,
    findings: dict[str, int] | None,
    seconds: float,
    lang: str = "id",
) -> str:
    """``3 berkas, 24 indikator, temuan: 2 kesalahan, 1 peringatan, 0 info; 0,4 dtk``."""
    elapsed = f"{seconds:.1f}"
    counted = text(
        "cli.summary.files", lang, files=_count(files, lang), indicators=_count(indicators, lang)
    )
    if findings is not None:
        counts = {k: _count(v, lang) for k, v in findings.items()}
        counted = text("cli.summary.findings", lang, counted=counted, **counts)
    # Indonesian notation writes the decimal mark as a comma.
    shown = elapsed.replace(".", ",") if lang == "id" else elapsed
    return text("cli.summary.elapsed", lang, counted=counted, seconds=shown)


def _count(n: int, lang: str) -> str:
    """``12.345`` in Indonesian, ``12,345`` in English."""
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def rate_text(done: int, seconds: float, lang: str) -> str:
    """``12.345/dtk``: items per second so far; empty before there is a rate."""
    rate = int(done / seconds) if seconds > 0 else 0
    if rate <= 0:  # fewer than one a second (files): the time left says enough
        return ""
    return text("progress.rate", lang, rate=_count(rate, lang))


def eta_text(done: int, total: int, seconds: float, lang: str) -> str:
    """``sisa 1:05``: the time left at the rate so far; empty when it cannot be told."""
    if done <= 0 or seconds <= 0 or total <= done:
        return ""
    return text("progress.left", lang, left=_clock((total - done) * seconds / done))


def _clock(seconds: float) -> str:
    """``1:05``, ``2:01:05``."""
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Counts a run's files as they are done and follows the phases of the one at work
    (:meth:`phase` is the API's ``progress`` hook); draws on ``stream`` only when
    ``enabled`` and after ``delay`` seconds."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        lang: str = "id",
        checked: bool = False,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        names: Sequence[str] = (),
        delay: float | None = None,
        plain: bool = False,
    ) -> None:
        self.total = total
        self.stream = stream
        self.lang = lang
        self.checked = checked
        self.enabled = _is_terminal(stream) if enabled is None else enabled
        self.clock = clock
        self.names = list(names)
        self.delay = DELAY if delay is None else delay
        self.plain = plain
        self.start = clock()
        self.done = 0
        self.indicators = 0
        self.findings = {s.value: 0 for s in ke.Severity}
        # The phase at work: its name, count, total and when it began.
        self.current: tuple[str, int, int, float] | None = None
        self.drawn_at: float | None = None
        self.shown = False
        self.bar: Any = None  # the rich display, once started
        # A file read in one go gives no sign for seconds: a timer draws once the delay
        # is over, whatever the run is doing; the lock keeps it and the run apart.
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.finished = False

    # ---------------------------------------------------------------- what is counted

    def phase(self, phase: str, done: int, total: int) -> None:
        """The API's progress hook: ``phase`` of the file at work, ``done`` of ``total``."""
        now = self.clock()
        began = now if self.current is None or self.current[0] != phase else self.current[3]
        with self.lock:
            self.current = (phase, done, total, began)
            if self.enabled:
                self._draw(now)

    def advance(self, name: str, report: ke.Report) -> None:
        self.done += 1
        self.indicators += len(report.indicators)
        for f in report.findings:
            self.findings[f.severity.value] += 1
        with self.lock:
            self.current = None
            if self.enabled:
                self._draw(self.clock(), name)

    def summary(self) -> str:
        return summary_line(
            self.done,
            self.indicators,
            self.findings if self.checked else None,
            self.clock() - self.start,
            self.lang,
        )

    # ---------------------------------------------------------------- what is shown

    def _label(self, name: str | None = None) -> str:
        from kinerja_engine.rendering.escape import terminal_text

        if name is None and self.done < len(self.names):
            name = self.names[self.done]
        # A file's name may hold an escape sequence: shown escaped, as every line on stderr.
        return terminal_text(name or "")

    def _phase_texts(self, now: float) -> tuple[str, str, str, str] | None:
        """The phase's label, count, rate and time left as shown."""
        if self.current is None:
            return None
        phase, done, total, began = self.current
        words = text(_PHASES.get(phase, "progress.loading"), self.lang)
        if total <= 0:  # a file parsed in one go: no count to tell, only the time it takes
            return words, "", "", text("progress.elapsed", self.lang, elapsed=_clock(now - began))
        counts = f"{_count(done, self.lang)}/{_count(total, self.lang)}"
        seconds = now - began
        return (
            words,
            counts,
            rate_text(done, seconds, self.lang),
            eta_text(done, total, seconds, self.lang),
        )

    def _files_texts(self, now: float) -> tuple[str, str, str]:
        seconds = now - self.start
        return (
            f"{self.done}/{self.total}",
            rate_text(self.done, seconds, self.lang),
            eta_text(self.done, self.total, seconds, self.lang),
        )

    def _wake(self) -> None:
        with self.lock:
            if not self.finished:
                self._draw(self.clock(), waking=True)

    def _draw(self, now: float, name: str | None = None, *, waking: bool = False) -> None:
        if now - self.start < self.delay and not waking:
            if self.timer is None:
                self.timer = threading.Timer(self.delay - (now - self.start), self._wake)
                self.timer.daemon = True
                self.timer.start()
            return
        if not self.plain and self._draw_rich(name):
            return
        if self.drawn_at is not None and now - self.drawn_at < _EVERY and self.current:
            return
        self.drawn_at = now
        self.shown = True
        width = shutil.get_terminal_size((80, 20)).columns
        parts = []
        if self.total > 1:
            filled = _BAR * self.done // max(self.total, 1)
            parts.append("[" + "#" * filled + "-" * (_BAR - filled) + "]")
            parts += [t for t in self._files_texts(now) if t]
        shown = self._phase_texts(now)
        if shown is not None:
            parts += [t for t in shown if t]
        parts.append(self._label(name))
        line = " ".join(parts)[: max(width - 1, 10)]
        self.stream.write("\r" + line.ljust(max(width - 1, 10)))
        self.stream.flush()

    def _draw_rich(self, name: str | None) -> bool:
        """Draw with rich when it is installed; False when it is not."""
        if self.bar is None:
            try:
                self.bar = _RichBar(self)
            except ImportError:
                self.plain = True
                return False
            self.shown = True
        self.bar.update(self.clock(), name)
        return True

    def finish(self, *, summary: bool = True) -> None:
        """Clear what was drawn and, when anything was, print the summary line (always
        for several files). Called without ``summary`` when the run stopped on an error."""
        if not self.enabled:
            return
        with self.lock:
            self.finished = True
            if self.timer is not None:
                self.timer.cancel()
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        elif self.shown:
            width = shutil.get_terminal_size((80, 20)).columns
            self.stream.write("\r" + " " * max(width - 1, 10) + "\r")
        if summary and (self.shown or self.total > 1):
            self.stream.write(self.summary() + "\n")
        self.stream.flush()


class _RichBar:
    """The display drawn by rich: a task for the files (when several) and one for the
    phase at work. Its texts are :class:`Progress`'s own, worked out each time rich
    redraws (the time a file takes to load runs on between two calls), so that both
    displays say the same in the same language."""

    def __init__(self, progress: Progress) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, ProgressColumn, SpinnerColumn, Task, TextColumn
        from rich.progress import Progress as Display
        from rich.table import Column
        from rich.text import Text

        bar = self

        class Said(ProgressColumn):
            def __init__(self, slot: int) -> None:
                super().__init__()
                self.slot = slot

            def render(self, task: Task) -> Text:
                return Text(bar.said(task.id, self.slot))

        self.progress = progress
        console = Console(file=progress.stream, force_terminal=True, highlight=False)
        self.display = Display(
            SpinnerColumn(),
            Said(0),
            BarColumn(bar_width=20),
            Said(1),
            Said(2),
            Said(3),
            # The file's name takes what is left of the line, cut short with an ellipsis.
            TextColumn(
                "{task.fields[name]}",
                table_column=Column(ratio=1, no_wrap=True, overflow="ellipsis", min_width=4),
            ),
            console=console,
            expand=True,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.files = None
        if progress.total > 1:
            self.files = self.display.add_task("", total=progress.total, name="")
        self.work = self.display.add_task("", total=None, name="")
        self.phase: tuple[str, float] | None = None
        self.display.start()

    def said(self, task: object, slot: int) -> str:
        """What column ``slot`` says for ``task``: the label, count, rate, time left."""
        p = self.progress
        now = p.clock()
        if task == self.files:
            return (text("progress.files", p.lang), *p._files_texts(now))[slot]
        shown = p._phase_texts(now)
        return "" if shown is None else shown[slot]

    def update(self, now: float, name: str | None) -> None:
        p = self.progress
        if self.files is not None:
            self.display.update(self.files, completed=p.done)
        current = p.current
        if current is None:
            self.display.update(self.work, visible=False)
            return
        phase, done, count, began = current
        total = count if count > 0 else None
        if (phase, began) != self.phase:
            # A new phase (or file) starts its own count: rich keeps a finished task
            # finished (its spinner stopped) unless it is reset.
            self.phase = (phase, began)
            self.display.reset(self.work, total=total, completed=done)
        self.display.update(
            self.work, visible=True, total=total, completed=done, name=p._label(name)
        )

    def stop(self) -> None:
        self.display.stop()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
