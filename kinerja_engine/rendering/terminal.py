"""The report as a terminal reads it: tables that fit the width they are given.

Indicators by name (the id on request), their target and realisasi in the indicator's
unit, capaian, category, serapan, efficiency and verdict; the objectives below. At the
width of the terminal (80 columns by default) a name wraps onto more lines, a rupiah
figure in the millions and above is written with a scale word (``Rp 51 M``), and when
even that does not fit, whole columns are left out, the least needed first, and a line
under the table names them. No line is longer than the width, whatever the text.

The layout is this module's own, not a table library's: a national case has hundreds
of thousands of rows, which a general-purpose renderer lays out far more slowly than
the evaluation takes (docs/performance.md). Colour (ANSI) only when asked: the CLI asks
on a terminal that has not set ``NO_COLOR``, never for a file or a pipe.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from kinerja_engine.domain.model import Case, Indicator, UnitKind, unit_kind
from kinerja_engine.domain.results import IndicatorResult, ObjectiveResult, Report, Status
from kinerja_engine.domain.wording import STATUS_IDS
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number, round_half_up
from kinerja_engine.rendering.escape import terminal_text
from kinerja_engine.rendering.findings import trace_text
from kinerja_engine.rendering.view import figure_text, target_text

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "Column", "fit", "render_table", "table_lines"]

#: The width when none is given (a pipe, a file, an API caller): a classic terminal.
DEFAULT_WIDTH = 80
#: Narrower than this a table cannot show a name and its capaian side by side.
MIN_WIDTH = 40
_GAP = "  "
# A name narrower than this wraps into too many lines to read: other columns go first.
_NAME_FLOOR = 18
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
# Holds a figure to its unit within a cell (see glued); a space again when printed.
_NBSP = "\xa0"


@attrs.frozen
class Column:
    """A column of display text. ``keep`` 0 is never left out; among the others the
    highest number goes first, all columns of that number together. ``floor`` > 0 marks
    a column of words (a name) that may wrap down to that width, breaking a long word;
    any other wraps between words (a figure's are :func:`glued`)."""

    head: str
    cells: Sequence[str]
    keep: int = 0
    right: bool = False
    floor: int = 0
    #: The same cells written shorter (rupiah with a scale word), used when the table
    #: does not fit at its natural width.
    short: Sequence[str] | None = None


# ---------------------------------------------------------------- measuring and wrapping


def cells(s: str) -> int:
    """The terminal columns ``s`` takes: a wide (CJK) character two, a combining one none."""
    if s.isascii():
        return len(s)
    return _wide_cells(s)


@functools.lru_cache(maxsize=4096)
def _wide_cells(s: str) -> int:
    # Cached: a table repeats its non-ASCII cells (a unit, a glued figure) row after row.
    if s.replace(_NBSP, " ").replace("–", "-").isascii():
        return len(s)
    width = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _chop(word: str, width: int) -> list[str]:
    """A word longer than ``width`` cut into pieces that fit: after a hyphen where one
    is (``nilai-produksi-`` over ``industri``), else anywhere."""
    pieces, piece, used = [], "", 0
    for part in word.split("-")[:-1]:
        if cells(piece) + cells(part) + 1 > width:
            break
        piece += part + "-"
    if piece:
        return [piece, *_chop(word[len(piece) :], width)]
    for ch in word:
        w = cells(ch)
        if used + w > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += ch
        used += w
    return [*pieces, piece] if piece else pieces


def wrap(s: str, width: int) -> list[str]:
    """``s`` in lines of at most ``width`` columns, broken between words where it can."""
    if cells(s) <= width:
        return [s]
    lines: list[str] = []
    line, used = "", 0
    for word in s.split(" "):
        if not word:
            continue
        w = cells(word)
        if line and used + 1 + w <= width:
            line, used = f"{line} {word}", used + 1 + w
            continue
        if line:
            lines.append(line)
        if w > width:
            *full, rest = _chop(word, width)
            lines += full
            line, used = rest, cells(rest)
        else:
            line, used = word, w
    if line:
        lines.append(line)
    return lines or [""]


def _fold(line: str, width: int) -> list[str]:
    """A line of running text within ``width``: continuation lines indented as its text
    starts (after a ``- `` bullet, under the bullet's text)."""
    if cells(line) <= width:
        return [line]
    if " %" in line:
        # "100 %" is one figure: never "100" at the end of a line and "%" on the next.
        return [part.replace(_NBSP, " ") for part in _fold(line.replace(" %", _NBSP + "%"), width)]
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    hang = indent + (2 if body.startswith("- ") else 0)
    hang = min(hang, width // 2)
    first, *rest = wrap(body, width - indent)
    out = [" " * indent + first]
    out += [" " * hang + part for part in wrap(" ".join(rest), width - hang)] if rest else []
    return out


# ---------------------------------------------------------------- fitting a table


def _natural(c: Column) -> int:
    return max(cells(c.head), max(map(cells, set(c.cells)), default=0))


def _longest_word(texts: Sequence[str]) -> int:
    best = 0
    for s in set(texts):
        if cells(s) > best:
            best = max(best, *(cells(w) for w in s.split(" ")))
    return best


def glued(figure: str) -> str:
    """A figure whose short words (``%``, ``Rp``, ``M``, a range's dash) hold on to the
    number beside them, so that a wrapped figure breaks only where it reads well
    (``Rp 2,9 T –`` over ``3,04 T``), never ``87,07`` over ``%``."""
    words = figure.split(" ")
    out = words[:1]
    for word in words[1:]:
        if len(word) <= 2 or (len(out[-1]) <= 2 and out[-1] != "–"):
            out[-1] += _NBSP + word
        else:
            out.append(word)
    return " ".join(out)


def _least(c: Column) -> int:
    """The narrowest the column may be laid out."""
    natural = _natural(c)
    head = _longest_word([c.head])
    if c.floor:
        return min(natural, max(c.floor, head))
    return min(natural, max(_longest_word(c.cells), head))


def fit(
    columns: Sequence[Column], width: int
) -> tuple[list[tuple[Column, int]], list[Column], str]:
    """The columns shown at ``width`` with the width of each, those left out, and the gap
    between columns (two spaces, one when that keeps a column that two would leave out)."""
    least = {id(c): _least(c) for c in columns}

    def need(cols: Sequence[Column], gap: str) -> int:
        return sum(least[id(c)] for c in cols) + len(gap) * (len(cols) - 1)

    def kept_at(gap: str) -> list[Column]:
        kept = list(columns)
        while need(kept, gap) > width and max(c.keep for c in kept) > 0:
            worst = max(c.keep for c in kept)
            kept = [c for c in kept if c.keep != worst]
        return kept

    gap = _GAP
    kept = kept_at(gap)
    if len(kept) < len(columns) and len(kept_at(" ")) > len(kept):
        gap = " "
        kept = kept_at(gap)
    dropped = [c for c in columns if all(c is not k for k in kept)]
    widths = [least[id(c)] for c in kept]
    spare = width - need(kept, gap)
    while spare < 0 and max(widths) > 1:
        # What is never left out is still too wide (a huge figure at a narrow width): the
        # widest column gives way, its cells cut to fit (wrap breaks a word too long).
        widths[widths.index(max(widths))] -= 1
        spare += 1
    # A column of words first grows to a share of the width, so that a name is not cut
    # into many short lines for a figure column's header to sit on one.
    for i, c in enumerate(kept):
        if c.floor:
            more = min(spare, _natural(c) - widths[i], max(width * 3 // 10 - widths[i], 0))
            widths[i] += more
            spare -= more
    # Then figures and labels get all they need, in the order they are kept; a column of
    # words takes what is left, since it wraps with least harm.
    order = sorted(range(len(kept)), key=lambda i: (kept[i].floor > 0, kept[i].keep, i))
    for i in order:
        more = min(spare, _natural(kept[i]) - widths[i])
        if more > 0:
            widths[i] += more
            spare -= more
    return list(zip(kept, widths, strict=True)), dropped, gap


def _width(columns: Sequence[Column], gap: str) -> int:
    """The width of the columns with only the columns of words wrapped (to their floor)."""
    least = sum(min(_natural(c), c.floor) if c.floor else _natural(c) for c in columns)
    return least + len(gap) * (len(columns) - 1)


def _pad(s: str, width: int, right: bool) -> str:
    room = width - cells(s)
    return " " * room + s if right else s + " " * room


def table_lines(
    columns: Sequence[Column], width: int, *, color: bool = False
) -> tuple[list[str], list[Column]]:
    """The table's lines at ``width`` (head, rule, rows), and the columns left out."""
    if any(c.short is not None for c in columns) and _width(columns, _GAP) > width:
        # Figures in full as long as the names alone need to wrap for it.
        columns = [c if c.short is None else attrs.evolve(c, cells=c.short) for c in columns]
    shown, dropped, gap = fit(columns, width)
    if not shown:
        return [], dropped

    rights = [c.right for c, _ in shown]
    widths = [w for _, w in shown]

    def row(texts: Sequence[str]) -> list[str]:
        sizes = list(map(cells, texts))
        if all(map(int.__le__, sizes, widths)):
            # The common row: one line, each cell padded by the size just measured.
            line = gap.join(
                " " * (w - n) + t if r else t + " " * (w - n)
                for t, n, w, r in zip(texts, sizes, widths, rights, strict=True)
            )
            return [line.rstrip().replace(_NBSP, " ")]
        parts = [wrap(t, w) if n > w else [t] for t, n, w in zip(texts, sizes, widths, strict=True)]
        height = max(map(len, parts))
        out = []
        for n in range(height):
            line = gap.join(
                _pad(p[n] if n < len(p) else "", w, r)
                for p, w, r in zip(parts, widths, rights, strict=True)
            )
            out.append(line.rstrip().replace(_NBSP, " "))
        return out

    head = row([c.head for c, _ in shown])
    if color:
        head = [_BOLD + h + _RESET for h in head]
    lines = [*head, gap.join("-" * w for _, w in shown)]
    for texts in zip(*(c.cells for c, _ in shown), strict=True):
        lines += row(texts)
    return lines, dropped


# ---------------------------------------------------------------- the report's tables


_SCALES = (
    (Decimal(10) ** 12, "table.scale.trillion"),
    (Decimal(10) ** 9, "table.scale.billion"),
    (Decimal(10) ** 6, "table.scale.million"),
)


def _scale(value: Decimal) -> tuple[Decimal, str] | None:
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return scale, word
    return None


def _compact(low: Decimal | None, high: Decimal | None, unit: str, lang: str) -> str | None:
    """A rupiah figure (or range) of a million and above with a scale word
    (``Rp 3.540,45 T``, ``Rp 2,9 T – 3,04 T``); None for any other."""
    if low is None or unit_kind(unit) is not UnitKind.MONEY:
        return None
    bounds = [low] if high is None else [low, high]
    if _scale(max(map(abs, bounds))) is None:
        return None

    def short(value: Decimal) -> str:
        found = _scale(value)
        if found is None:
            return figure_text(value, unit, lang).removeprefix("Rp ")
        scale, word = found
        shown = format_number(round_half_up(value / scale, 2), None, notation=lang, group=True)
        return f"{shown} {text(word, lang)}"

    shown = " – ".join(map(short, bounds))
    if unit.strip().lower() in ("rp", "rp.", "rupiah"):
        return f"Rp {shown}"
    return f"{shown} {unit.strip()}"


def _human(value: Decimal | None, report: Report, lang: str) -> str:
    """A computed percentage rounded as the rule set displays it, in ``lang``'s notation."""
    if value is None:
        return "-"
    shown = quantize(value, report.places, report.rounding)
    return format_number(shown, report.places, notation=lang, group=True)


def _inputs(report: Report, case: Case | None) -> list[Indicator] | None:
    """The case's indicators beside the report's results, when the case is at hand."""
    if case is None or len(case.indicators) != len(report.indicators):
        return None
    return list(case.indicators)


def _say(message_id: str, lang: str) -> str:
    return text(message_id, lang)


def indicator_columns(
    report: Report, lang: str, *, case: Case | None = None, ids: bool = False
) -> list[Column]:
    """The indicator table's columns, most needed first."""
    rs = report.indicators
    say = functools.partial(_say, lang=lang)
    esc = terminal_text
    cols = [
        Column(text("chapter.no", lang), [str(n) for n in range(1, len(rs) + 1)], right=True),
    ]
    cols.append(
        Column(say("table.indicator"), [esc(_named(r, ids)) for r in rs], floor=_NAME_FLOOR)
    )
    inds = _inputs(report, case)
    if inds is not None:
        targets = [glued(esc(target_text(i.target, i.unit, lang))) for i in inds]
        actuals = [glued(esc(figure_text(i.realisasi, i.unit, lang))) for i in inds]
        short_targets = [
            None
            if i.target is None
            else _compact(i.target.low, i.target.high if i.target.is_range else None, i.unit, lang)
            for i in inds
        ]
        short_actuals = [_compact(i.realisasi, None, i.unit, lang) for i in inds]
        for head, full, short in (
            ("chapter.target", targets, short_targets),
            ("chapter.realisasi", actuals, short_actuals),
        ):
            cols.append(Column(say(head), full, keep=2, right=True, short=_shorter(full, short)))
    cols += [
        Column(say("table.capaian"), [_human(r.capaian, report, lang) for r in rs], right=True),
        Column(say("chapter.category"), [esc(r.category or "-") for r in rs], keep=4),
        Column(
            say("table.serapan"), [_human(r.serapan, report, lang) for r in rs], keep=5, right=True
        ),
        Column(say("table.efficiency"), [esc(r.efficiency or "-") for r in rs], keep=5),
        Column(say("table.verdict-short"), [esc(r.verdict or "-") for r in rs], keep=3),
        Column(
            say("table.progress"),
            [_human(r.progress, report, lang) for r in rs],
            keep=6,
            right=True,
        ),
    ]
    if any(r.status is not Status.COMPUTED for r in rs):
        # Why a row is empty: the notes under the table say it in full.
        cols.append(Column(say("table.status"), [say(STATUS_IDS[r.status]) for r in rs], keep=7))
    return cols


def _shorter(cells: list[str], short: list[str | None]) -> list[str] | None:
    """The cells with each shorter form put in; None when there is none."""
    if all(s is None for s in short):
        return None
    return [c if s is None else glued(terminal_text(s)) for c, s in zip(cells, short, strict=True)]


def objective_columns(report: Report, lang: str, *, ids: bool = False) -> list[Column]:
    os_ = report.objectives
    say = functools.partial(_say, lang=lang)
    esc = terminal_text
    cols = [Column(say("chapter.no"), [str(n) for n in range(1, len(os_) + 1)], right=True)]
    cols += [
        Column(say("table.objective"), [esc(_named(o, ids)) for o in os_], floor=_NAME_FLOOR),
        Column(say("table.capaian"), [_human(o.capaian, report, lang) for o in os_], right=True),
        Column(say("chapter.category"), [esc(o.category or "-") for o in os_], keep=3),
        Column(
            say("table.serapan"), [_human(o.serapan, report, lang) for o in os_], keep=5, right=True
        ),
        Column(say("table.efficiency"), [esc(o.efficiency or "-") for o in os_], keep=5),
    ]
    return cols


def _fitted(columns: list[Column], width: int, lang: str, color: bool) -> list[str]:
    """A table at ``width``, with a line naming the columns that had to be left out.
    A column with nothing in it (no budget in the case: no serapan) is not shown at all."""
    columns = [c for c in columns if c.keep == 0 or any(x != "-" for x in c.cells)]
    lines, dropped = table_lines(columns, width, color=color)
    if dropped:
        names = ", ".join(c.head for c in dropped)
        lines += _fold(text("table.columns-left-out", lang, columns=names), width)
    return lines


def _generic(
    width: int, color: bool
) -> Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]:
    """Any other table of the document (the findings): each column may wrap between
    words, the rightmost left out first when even that does not fit."""

    def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
        cols = [
            Column(terminal_text(h), [terminal_text(r[i]) for r in rows], keep=i, floor=0)
            for i, h in enumerate(head)
        ]
        return table_lines(cols, width, color=color)[0]

    return table


def _named(r: IndicatorResult | ObjectiveResult, ids: bool) -> str:
    """The name a reader knows; with ``ids``, the id the case file uses after it."""
    if not r.name:
        return r.id
    return f"{r.name} ({r.id})" if ids else r.name


def _label(n: int, r: IndicatorResult, ids: bool) -> str:
    return f"{n}. {_named(r, ids)}"


def render_table(
    report: Report,
    lang: str = "id",
    *,
    case: Case | None = None,
    trace: bool = False,
    width: int | None = None,
    ids: bool = False,
    color: bool = False,
    notes: Callable[[IndicatorResult, str], list[str]],
    findings: Callable[..., list[str]],
) -> str:
    """The report as text for a terminal ``width`` columns wide (default 80; at least
    :data:`MIN_WIDTH`). With the ``case``, its targets and realisasi are shown too.

    The sections it shares with the Markdown document come from :mod:`.basic`, which
    calls this: ``notes`` (an indicator's reason and flags) and ``findings`` (the
    findings section, given the table layout, heading and escape to use)."""
    width = max(width or DEFAULT_WIDTH, MIN_WIDTH)

    def heading(s: str) -> str:
        return _BOLD + s + _RESET if color else s

    out: list[str] = []

    def prose(*lines: str) -> None:
        for line in lines:
            out.extend(_fold(terminal_text(line), width))

    rules = f"{text('table.rules', lang)}: {report.rules} ({report.rules_version})"
    prose(f"{report.info.agency} — {report.info.year}", "", rules, "")
    out += _fitted(indicator_columns(report, lang, case=case, ids=ids), width, lang, color)
    said = [(n, r, notes(r, lang)) for n, r in enumerate(report.indicators, start=1)]
    if any(lines for _, _, lines in said):
        # Each indicator once, by its number and name, its notes under it.
        out += ["", heading(text("table.flags", lang))]
        for n, r, lines in said:
            if lines:
                prose(_label(n, r, ids), *(f"   - {line}" for line in lines))
    if trace:
        out += ["", heading(text("chapter.trace", lang))]
        for r in report.indicators:
            prose(f"- {r.id}:", *(f"    {trace_text(step, lang)}" for step in r.trace))
    if report.objectives:
        out += ["", heading(text("table.objective", lang))]
        out += _fitted(objective_columns(report, lang, ids=ids), width, lang, color)
    if report.checked:
        # Its tables are laid out at the width and escape their cells; its lines of text
        # are escaped as they are made, and folded here.
        table = _generic(width, color)
        for line in findings(report, lang, table, heading, terminal_text):
            out += [line] if _BOLD in line else _fold(line, width)
    return "\n".join(out) + "\n"
