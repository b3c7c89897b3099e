"""How a finding reads to an auditor, in one place for the table, Markdown, HTML and CSV.

A finding's data (``expected``, ``where``, the skipped checks, the trace) is written in
English for programs (the JSON contract); a reader sees every part of it in the chosen
language: the field by its label, an engine-made figure in the reader's notation, the
catalogue's words in place of their English. Each finding reads once: its figures stand
in their own columns and its sentence says only what they do not (the inputs it was
recomputed from, the other places that print the quantity). Infos that say the same
thing for many indicators are summarised in one line, and a legend says what each code
used means.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.results import Finding, Severity
from kinerja_engine.domain.wording import FIELD_IDS, engine_number, field_label, where_label
from kinerja_engine.messages import CATALOGUE as MESSAGES
from kinerja_engine.messages import Message, template, text
from kinerja_engine.numbers import format_number

__all__ = [
    "SEVERITY_IDS",
    "describe",
    "expected_text",
    "field_text",
    "finding_line",
    "legend",
    "message_text",
    "reason_message",
    "sentence",
    "severity_word",
    "skipped_text",
    "summarise",
    "trace_text",
]

# One word per severity, everywhere (terminal, Markdown, HTML, CSV).
SEVERITY_IDS = {
    "error": "chapter.severity.error",
    "warning": "chapter.severity.warning",
    "info": "chapter.severity.info",
}
# Fewer infos alike than this are listed one by one.
SUMMARY_FROM = 3
# A summary names this many subjects, then "…".
_NAMED = 12

_BY_CODE = {c.code: c for c in CATALOGUE}


def severity_word(severity: Severity | str, lang: str) -> str:
    return text(SEVERITY_IDS[str(severity)], lang)


def describe(code: str, lang: str) -> str:
    """What a check code means, from the catalogue of checks."""
    check = _BY_CODE.get(code)
    if check is None:
        return code
    return check.description_id if lang == "id" else check.description


def field_text(field: str | None, lang: str) -> str:
    return "-" if field is None else field_label(field, lang)


def message_text(f: Finding, lang: str) -> str:
    """The finding's whole message in ``lang`` (the JSON ``message``)."""
    if f.message is not None:
        return f.message.render(lang)
    return f.message_id if lang == "id" else f.message_en


# ---------------------------------------------------------------- English data, read back

_PLACEHOLDER = re.compile(r"\{(\w+)(![rsa])?(:[^}]*)?\}")


@functools.cache
def _pattern(message_id: str) -> re.Pattern[str]:
    """A regular expression that reads the English text of ``message_id`` back into its
    fields (a ``!r`` field without its quotes)."""
    form = template(message_id, "en")
    parts, pos = [], 0
    for m in _PLACEHOLDER.finditer(form):
        parts.append(re.escape(form[pos : m.start()]))
        group = f"(?P<{m.group(1)}>.*?)"
        parts.append(f"'{group}'" if m.group(2) == "!r" else group)
        pos = m.end()
    parts.append(re.escape(form[pos:]))
    return re.compile("".join(parts) + r"\Z", re.S)


class _Shown(str):
    """A field read back from English data: a figure the engine wrote in the reader's
    notation, a place ("input") by its label, anything else as it is."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        return where_label(engine_number(str(self), lang), lang)


def _reparse(english: str, ids: Iterable[str]) -> Message | None:
    for ident in ids:
        m = _pattern(ident).match(english)
        if m is not None:
            # A year is a name, never a grouped figure (2020, not 2.020).
            fields = {k: v if k == "year" else _Shown(v) for k, v in m.groupdict().items()}
            return Message(ident, fields)
    return None


# The "expected" of a finding, as the audit writes it in its data.
_EXPECTED_IDS = (
    "value.a-number",
    "finding.expected.at-most-100",
    "finding.expected.undefined",
    "finding.expected.realisasi",
    "finding.expected.realisasi-of",
    "finding.expected.between",
    "finding.what.percent",
    "finding.what.amount",
    "expected.unit.figure-in",
    "expected.rules.zero-or-more",
)


def expected_text(expected: str | None, lang: str, field: str | None = None) -> str:
    """What the finding expected, in the reader's words and notation (a year as it is)."""
    if expected is None:
        return "-"
    if field == "year":
        return expected
    words = expected_words(expected, lang)
    return engine_number(expected, lang) if words is None else words


def expected_words(expected: str, lang: str) -> str | None:
    """The catalogue's words for an ``expected`` the audit wrote in English, if it is one."""
    found = _reparse(expected, _EXPECTED_IDS)
    return None if found is None else found.render(lang)


def reason_message(reason: str | None) -> Message | None:
    """The catalogue message of an English ``reason`` (why a figure is not computed)."""
    if not reason:
        return None
    return _reparse(reason, _REASON_IDS)


# Every reason of the catalogue: one added later (a new roll-up's) is found with no list
# to keep up to date.
_REASON_IDS = tuple(ident for ident in MESSAGES if ident.startswith("reason."))


def skipped_text(what: str, lang: str) -> str:
    """A check the audit skipped, written in English in the report's data."""
    found = _reparse(what, ("finding.skipped",))
    return what if found is None else found.render(lang)


# An English decimal in a trace step ("87.08"), never part of a name or a date.
_DECIMAL = re.compile(r"(?<![\w.])(-?\d+)\.(\d+)(?![\w.])")
_TRACE_IDS = (
    "trace.step",
    "trace.band-no-value",
    "trace.band-none",
    "trace.band",
    "trace.bounded",
    "trace.verdict",
)


def trace_text(step: str, lang: str) -> str:
    """A calculation step (written in English) in ``lang``: its words from the catalogue,
    its decimals with the reader's decimal mark."""
    if lang == "en":
        return step
    found = _reparse(step, _TRACE_IDS)
    if found is not None:
        fields: dict[str, object] = dict(found.fields)
        name = str(fields.get("name", ""))
        if name == text("trace.efficiency-score", "en"):
            fields["name"] = text("trace.efficiency-score", lang)
        elif name in FIELD_IDS:
            fields["name"] = field_label(name, lang)
        if fields.get("result") == text("trace.no-value", "en"):
            fields["result"] = text("trace.no-value", lang)
        achieved = {"True": "trace.true", "False": "trace.false"}.get(str(fields.get("achieved")))
        if achieved is not None:
            fields["achieved"] = text(achieved, lang)
        # An interval's bounds are separated by ";" where "," is the decimal mark.
        if "bounds" in fields:
            fields["bounds"] = str(fields["bounds"]).replace(", ", "; ")
        step = text(found.id, lang, **{k: str(v) for k, v in fields.items()})
    step = step.replace(text("trace.no-value", "en"), text("trace.no-value", lang))
    return _DECIMAL.sub(r"\1,\2", step)


# ---------------------------------------------------------------- one finding


# A finding's message id -> the id of its short sentence, and which of the message's fields
# fill it (short sentence's field -> message's field); any other finding says what its
# check means.
_SHORT: Mapping[str, tuple[str, Mapping[str, str]]] = {
    "finding.recalc": ("finding.short.recalc", {"inputs": "how", "hint": "hint"}),
    "finding.tie-out": ("finding.short.tie-out", {"count": "count", "listed": "listed"}),
    "finding.label-mismatch": ("finding.short.label", {"why": "why"}),
    "finding.period-mismatch": ("finding.short.period", {"why": "why"}),
    "finding.budget-footing": ("finding.short.footing", {"count": "count"}),
    "finding.budget-percent": (
        "finding.short.budget-percent",
        {"realisasi": "realisasi", "pagu": "pagu"},
    ),
    "finding.capaian-implausible": (
        "finding.short.implausible",
        {"realisasi": "realisasi", "target": "target", "hint": "hint"},
    ),
}


def sentence(f: Finding, lang: str) -> str:
    """What the columns of a finding do not say, in a short sentence."""
    short = None if f.message is None else _SHORT.get(f.message.id)
    if f.message is None or short is None:
        return describe(f.code, lang)
    said, fields = short
    return text(said, lang, **{k: f.message.fields.get(v) for k, v in fields.items()})


def _difference(f: Finding, lang: str) -> str:
    if f.difference is None:
        return "-"
    return format_number(f.difference, None, notation=lang, group=True)


def engine_read(f: Finding) -> bool:
    """Whether a finding's printed figure is as the engine read it (a budget line's amount,
    a case input), not text the report printed: shown in the reader's notation."""
    return bool(f.budget and f.field in ("pagu", "realisasi")) or f.where == "input"


def printed_text(f: Finding, lang: str) -> str:
    """What the report printed; a budget line's amount or a case input as the engine
    read it."""
    if f.printed is None:
        return "-"
    if engine_read(f):
        return engine_number(f.printed, lang)
    return f.printed


def finding_line(f: Finding, lang: str) -> str:
    """One finding on one line: severity, code, place, field, printed, expected,
    difference, and the short sentence."""
    figures = text(
        "finding.line" if f.difference is not None else "finding.line.no-difference",
        lang,
        field=field_text(f.field, lang),
        printed=printed_text(f, lang),
        expected=expected_text(f.expected, lang, f.field),
        difference=_difference(f, lang),
    )
    where = where_label(f.where or "-", lang)
    return f"{severity_word(f.severity, lang)}  {f.code}  {where}  {figures} — {sentence(f, lang)}"


def difference_text(f: Finding, lang: str) -> str:
    return _difference(f, lang)


# ---------------------------------------------------------------- many findings


def summarise(
    findings: Sequence[Finding], lang: str, name_of: Callable[[Finding], str]
) -> tuple[list[Finding], list[str]]:
    """Infos that say the same thing about many indicators (or budget lines), each group
    said once; returns the findings still to list one by one, and the summaries."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        if f.severity is Severity.INFO:
            groups.setdefault(_alike(f), []).append(f)
    summarised = {id(f) for group in groups.values() if len(group) >= SUMMARY_FROM for f in group}
    summaries = []
    for group in groups.values():
        if len(group) < SUMMARY_FROM:
            continue
        names = list(dict.fromkeys(name_of(f) for f in group))
        shown = "; ".join(names[:_NAMED]) + ("; …" if len(names) > _NAMED else "")
        summaries.append(
            text(
                "finding.summary.lines" if group[0].budget else "finding.summary.indicators",
                lang,
                description=describe(group[0].code, lang),
                count=len(names),
                names=shown,
            )
        )
    return [f for f in findings if id(f) not in summarised], summaries


def _alike(f: Finding) -> tuple[object, ...]:
    """What two infos share when they say the same thing about different subjects."""
    fields: tuple[tuple[str, str], ...] = ()
    if f.message is not None:
        fields = tuple(
            sorted(
                (k, str(v)) for k, v in f.message.fields.items() if k not in ("indicator", "line")
            )
        )
        fields = ((f.message.id, ""), *fields)
    return (f.code, f.field, f.expected, f.budget is None, fields)


def legend(findings: Iterable[Finding], lang: str) -> list[tuple[str, str]]:
    """Each code used, with what it means, in the catalogue's order."""
    used = {f.code for f in findings}
    return [(c.code, describe(c.code, lang)) for c in CATALOGUE if c.code in used] + [
        (code, code) for code in sorted(used - set(_BY_CODE))
    ]
