"""Render a report: an aligned text table, Markdown, or JSON (the public output contract).

JSON carries decimals as strings rounded as the rule set displays them and never
changes with ``lang``; the human formats follow ``lang`` for labels and number notation
(``106,85`` in Indonesian, ``106.85`` in English).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from kinerja_engine.domain.results import (
    Finding,
    IndicatorResult,
    ObjectiveResult,
    Report,
    Severity,
)
from kinerja_engine.domain.wording import STATUS_IDS
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import text
from kinerja_engine.numbers import Figure, format_number, plain_decimal
from kinerja_engine.rendering.escape import markdown_text, terminal_text
from kinerja_engine.rendering.findings import (
    finding_line,
    legend,
    message_text,
    reason_message,
    severity_word,
    skipped_text,
    summarise,
    trace_text,
)
from kinerja_engine.rendering.jsontext import dumps
from kinerja_engine.rendering.view import interval_text, method_text
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["FORMATS", "describe_rules", "render", "render_many", "render_table", "report_to_dict"]

FORMATS = ("table", "markdown", "json")


def _fixed(value: Decimal | None, report: Report) -> str | None:
    if value is None:
        return None
    return plain_decimal(quantize(value, report.places, report.rounding))


def _human(value: Decimal | None, report: Report, lang: str) -> str:
    if value is None:
        return "-"
    shown = quantize(value, report.places, report.rounding)
    return format_number(shown, report.places, notation=lang, group=True)


# ---------------------------------------------------------------- JSON


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON contract of case-format.md lays it out."""
    data: dict[str, Any] = {
        "report": {
            "agency": report.info.agency,
            "year": report.info.year,
            "rules": report.rules,
            "rules_version": report.rules_version,
        },
        "indicators": [
            {
                "id": r.id,
                "name": r.name,
                "capaian": _fixed(r.capaian, report),
                "category": r.category,
                "serapan": _fixed(r.serapan, report),
                "efficiency": r.efficiency,
                "progress": _fixed(r.progress, report),
                "verdict": r.verdict,
                "flags": [f.code for f in r.flags],
                "status": r.status.value,
                **_past(r, report),
                **_reason(r.reason),
            }
            for r in report.indicators
        ],
        "objectives": [
            {"id": o.id, "capaian": _fixed(o.capaian, report), "category": o.category}
            for o in report.objectives
        ],
        "findings": [_finding_dict(f, report) for f in report.findings],
    }
    # ---- issue 16 (evidence): the checks the audit could not run, each with the finding
    # that blocked it, after a check (an evaluation has none to show).
    if report.checked:
        data["skipped"] = [
            {"check": what, "blocked_by": blocker} for what, blocker in report.checks_skipped
        ]
    if report.periods or report.programs or report.goals or report.info.period != "annual":
        data = _tree_and_periods(data, report)
    return data


def _past(r: IndicatorResult, report: Report) -> dict[str, Any]:
    """Earlier years with a target (issue 16): present only for an indicator that has one,
    so a case without them gives the document it always gave."""
    if not r.past:
        return {}
    return {
        "past": [
            {
                "year": p.year,
                "capaian": _fixed(p.capaian, report),
                "category": p.category,
                "verdict": p.verdict,
                "status": p.status.value,
            }
            for p in r.past
        ]
    }


# ---- issue 16 (cascade): the report's period, the indicators' period figures and the
# levels of the performance tree, in the document only when the case has them.


def _tree_and_periods(data: dict[str, Any], report: Report) -> dict[str, Any]:
    data["report"]["period"] = report.info.period.value
    out = {"report": data["report"], "indicators": data["indicators"]}
    if report.periods:
        out["periods"] = [
            {
                "indicator": p.indicator,
                "period": p.period,
                "kind": p.kind,
                "figures": {name: plain_decimal(v) for name, v in p.figures},
                "realisasi": None if p.realisasi is None else plain_decimal(p.realisasi),
                "target": None if p.target is None else plain_decimal(p.target),
                "target_basis": p.target_basis,
            }
            for p in report.periods
        ]
    tree = bool(report.programs or report.goals)
    if report.programs:
        out["programs"] = [_node_dict(n, report) for n in report.programs]
    out["objectives"] = (
        [_node_dict(n, report) for n in report.objectives] if tree else data["objectives"]
    )
    if report.goals:
        out["goals"] = [_node_dict(n, report) for n in report.goals]
    out["findings"] = data["findings"]
    if "skipped" in data:
        out["skipped"] = data["skipped"]
    return out


def _node_dict(node: ObjectiveResult, report: Report) -> dict[str, Any]:
    return {
        "id": node.id,
        "capaian": _fixed(node.capaian, report),
        "category": node.category,
        "level": node.level,
        "parent": node.parent,
        "children": list(node.children),
        "method": node.method,
        "serapan": _fixed(node.serapan, report),
        "efficiency": node.efficiency,
        "reason": node.reason,
    }


def _finding_dict(f: Finding, report: Report) -> dict[str, Any]:
    fields = _finding_fields(f)
    if f.node is None:
        return fields
    # A finding about a program, objective or goal names it after the budget line.
    keys = list(fields)
    at = keys.index("budget") + 1
    return {k: fields[k] for k in keys[:at]} | {"node": f.node} | {k: fields[k] for k in keys[at:]}


def _finding_fields(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "indicator": f.indicator,
        "budget": f.budget,
        "where": f.where,
        "field": f.field,
        "printed": f.printed,
        "expected": f.expected,
        "difference": None if f.difference is None else plain_decimal(f.difference),
        "message": f.message_en,
        "message_id": None if f.message is None else f.message.id,
    }


def _reason(reason: str | None) -> dict[str, Any]:
    """Why an indicator is not computed (English here; ``_json_data`` puts it in the
    reader's language) and the catalogue id of those words."""
    if not reason:
        return {}
    found = reason_message(reason)
    return {"reason": reason, "reason_id": None if found is None else found.id}


def render_json(report: Report, lang: str = "en") -> str:
    return dumps(_json_data(report, lang)) + "\n"


def _json_data(report: Report, lang: str) -> dict[str, Any]:
    """The contract's data, each finding's message and each reason in ``lang``."""
    data = report_to_dict(report)
    if lang == "id":
        for item, finding in zip(data["findings"], report.findings, strict=True):
            item["message"] = message_text(finding, lang)
        for item, result in zip(data["indicators"], report.indicators, strict=True):
            if "reason" in item and result.reason_id:
                item["reason"] = result.reason_id
    return data


# ---------------------------------------------------------------- tables


def _rows(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [
        text(k, lang)
        for k in (
            "chapter.no",
            "table.indicator",
            "table.capaian",
            "chapter.category",
            "table.serapan",
            "table.efficiency",
            "table.progress",
            "table.verdict",
            "table.status",
        )
    ]
    rows = []
    for n, r in enumerate(report.indicators, start=1):
        rows.append(
            [
                str(n),
                r.id,
                _human(r.capaian, report, lang),
                r.category or "-",
                _human(r.serapan, report, lang),
                r.efficiency or "-",
                _human(r.progress, report, lang),
                r.verdict or "-",
                text(STATUS_IDS[r.status], lang),
            ]
        )
    return head, rows


def indicator_notes(r: IndicatorResult, lang: str) -> list[str]:
    """Why an indicator was not computed, and the flags it raised, as lines of text."""
    notes = []
    if r.reason:
        notes.append((r.reason_id if lang == "id" and r.reason_id else r.reason) or "")
    for f in r.flags:
        notes.append(
            f"[{severity_word(f.severity, lang)}] {f.code}: "
            + (f.message_id if lang == "id" else f.message_en)
        )
    return notes


def _md_cell(text: str) -> str:
    # A pipe ends a cell and a newline ends the table: neither may pass through.
    return markdown_text(text).replace("|", "\\|").replace("\n", " ")


def _md_heading(text: str) -> str:
    return f"## {markdown_text(text)}"


def _markdown(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_md_cell(c) for c in cells) + " |"

    return [line(head), "|" + "|".join("---" for _ in head) + "|", *(line(r) for r in rows)]


def _title(report: Report, lang: str) -> str:
    return f"{report.info.agency} — {report.info.year}"


def _rules_line(report: Report, lang: str) -> str:
    return f"{text('table.rules', lang)}: {report.rules} ({report.rules_version})"


def _findings_lines(
    report: Report, lang: str, heading: Callable[[str], str], esc: Callable[[str], str]
) -> list[str]:
    """Findings under the indicator or budget line they are about (by name), one line
    each; then the infos said once for many, and what each code means."""
    names = {r.id: r.name for r in report.indicators}
    position = {r.id: n for n, r in enumerate(report.indicators)}

    def name_of(f: Finding) -> str:
        if f.indicator:
            return names.get(f.indicator, f.indicator)
        line = None if f.message is None else f.message.fields.get("line")
        return str(line or f.budget or "-")

    order = sorted(
        report.findings,
        key=lambda f: (
            position.get(f.indicator or "", len(position)),
            f.budget or "",
            -f.severity.rank,
            f.code,
        ),
    )
    kept, summaries = summarise(order, lang, name_of)
    out: list[str] = []
    subject = None
    for f in kept:
        if name_of(f) != subject:
            subject = name_of(f)
            out += [esc(f"{subject}:")]
        out += [esc(f"  - {finding_line(f, lang)}")]
    if summaries:
        out += ["", heading(text("finding.summaries", lang))]
        out += [esc(f"- {said}") for said in summaries]
    out += ["", heading(text("finding.legend", lang))]
    out += [esc(f"- {code}: {meaning}") for code, meaning in legend(report.findings, lang)]
    if report.checks_skipped:
        out += ["", heading(text("chapter.skipped", lang))]
        out += [esc(f"- {skipped_text(what, lang)}") for what, _ in report.checks_skipped]
    return out


def _summary(report: Report, lang: str) -> str:
    counts = {s.value: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    line = f"{text('table.findings', lang)}: " + text("table.counts", lang, **counts)
    line += f"; {report.checks_passed} {text('table.passed', lang)}"
    if report.checks_skipped:
        line += f"; {len(report.checks_skipped)} {text('table.skipped', lang)}"
    return line


Table = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]


def _document(
    report: Report,
    lang: str,
    table: Table,
    heading: Callable[[str], str],
    trace: bool,
    esc: Callable[[str], str] = str,
) -> str:
    """The human document; ``esc`` makes a line of the user's text safe for the format
    (the table and the headings escape their own)."""
    out = [heading(_title(report, lang)), "", esc(_rules_line(report, lang)), ""]
    head, rows = _rows(report, lang)
    out += table(head, rows)
    notes = [(r.id, n) for r in report.indicators for n in indicator_notes(r, lang)]
    if notes:
        out += ["", heading(text("table.flags", lang))]
        out += [esc(f"- {ident}: {note}") for ident, note in notes]
    if trace:
        out += ["", heading(text("chapter.trace", lang))]
        for r in report.indicators:
            out += [esc(f"- {r.id}:")] + [esc(f"    {trace_text(step, lang)}") for step in r.trace]
    if report.objectives:
        out += ["", heading(text("table.objective", lang))]
        obj_head = [
            text("table.objective", lang),
            text("table.capaian", lang),
            text("chapter.category", lang),
            text("table.serapan", lang),
            text("table.efficiency", lang),
        ]
        obj_rows = [
            [
                o.id,
                _human(o.capaian, report, lang),
                o.category or "-",
                _human(o.serapan, report, lang),
                o.efficiency or "-",
            ]
            for o in report.objectives
        ]
        out += table(obj_head, obj_rows)
    if report.checked:
        out += findings_section(report, lang, table, heading, esc)
    return "\n".join(out) + "\n"


def findings_section(
    report: Report,
    lang: str,
    table: Table,
    heading: Callable[[str], str],
    esc: Callable[[str], str] = str,
) -> list[str]:
    """The findings of a checked report: a blank line, the heading, one line per finding
    under its indicator or budget line, the summary line. ``table`` is the caller's table
    maker, unused: a finding is a line, not a row (the terminal folds them to its width)."""
    out = ["", heading(text("table.findings", lang))]
    if report.findings:
        out += _findings_lines(report, lang, heading, esc)
    out += ["", esc(_summary(report, lang))]
    return out


def render(report: Report, fmt: str = "table", lang: str = "id", *, trace: bool = False) -> str:
    """One report in ``fmt`` (table, markdown or json); ValueError for any other format.
    The table is :func:`.terminal.render_table`'s, 80 columns wide."""
    if fmt == "json":
        return render_json(report, lang)
    if fmt == "markdown":
        return _document(report, lang, _markdown, _md_heading, trace, markdown_text)
    if fmt == "table":
        return render_table(report, lang, trace=trace)
    raise unknown_format(fmt, FORMATS)


def render_table(report: Report, lang: str = "id", **options: Any) -> str:
    """The report as a table for a terminal, laid out by :func:`.terminal.render_table`
    with this module's notes and findings; ``options`` are that function's (``case``,
    ``trace``, ``width``, ``ids``, ``color``)."""
    from kinerja_engine.rendering import terminal

    return terminal.render_table(
        report, lang, notes=indicator_notes, findings=findings_section, **options
    )


def unknown_format(fmt: str, known: Sequence[str]) -> ValueError:
    """The error for a format no renderer has: never a silent fallback to another one."""
    return ValueError(text("error.api.unknown-format", "en", fmt=fmt, formats=", ".join(known)))


def render_many(reports: Sequence[Report], fmt: str = "table", lang: str = "id") -> str:
    """Several reports: a JSON array, or the human documents one after the other."""
    if fmt not in FORMATS:
        raise unknown_format(fmt, FORMATS)
    if fmt == "json":
        return dumps([_json_data(r, lang) for r in reports]) + "\n"
    return "\n".join(render(r, fmt, lang) for r in reports)


# The rounding modes a rules file may name, in words (the decimal module's names are not).
_ROUNDING = {
    ROUND_HALF_UP: "rounding.half-up",
    ROUND_HALF_EVEN: "rounding.half-even",
    ROUND_DOWN: "rounding.down",
}


def describe_rules(rules: RuleSet, lang: str = "en") -> str:
    """A rule set as a reader wants to see it: formulas, bounds, bands, flags."""

    def say(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    out = [f"{rules.name} ({rules.version})", rules.title_in(lang), ""]
    out.append(say("rules.show.capaian"))
    for direction, formula in rules.capaian.items():
        out.append(f"  {direction:18} {formula.source}")
    for direction, formula in rules.capaian_range.items():
        if formula is not rules.capaian[direction]:
            out.append(f"  {say('rules.show.range', direction=direction):18} {formula.source}")
    if rules.capaian_alternative is not None:
        out.append(f"  {say('rules.show.alternative'):18} {rules.capaian_alternative.source}")
    none = say("rules.show.none")
    out.append(
        say(
            "rules.show.bounds",
            cap=none if rules.cap is None else Figure(rules.cap),
            floor=none if rules.floor is None else Figure(rules.floor),
            places=rules.places,
            rounding=say(_ROUNDING[rules.rounding])
            if rules.rounding in _ROUNDING
            else rules.rounding,
        )
    )
    out.append(say("rules.show.serapan", formula=rules.serapan.source))
    for direction, formula in rules.progress.items():
        out.append(say("rules.show.progress", direction=direction, formula=formula.source))
    rounded = rules.categories_rounded
    out.append(say("rules.show.categories-rounded" if rounded else "rules.show.categories-exact"))
    out += [
        f"  {b.label:16} {interval_text(b.describe(), lang)}"
        for b in reversed(rules.categories.bands)
    ]
    out.append(say("rules.show.efficiency", formula=rules.efficiency.source))
    if rules.efficiency_score is not None:
        out.append(say("rules.show.score", formula=rules.efficiency_score.source))
    out += [
        f"  {b.label:16} {interval_text(b.describe(), lang)}"
        for b in reversed(rules.efficiency_bands.bands)
    ]
    out.append(
        say(
            "rules.show.verdict",
            achieved=rules.verdict_achieved,
            when=rules.verdict_when.source,
            not_achieved=rules.verdict_not_achieved,
        )
    )
    out.append(say("rules.show.rollup", rollup=method_text(rules.rollup, lang)))
    program, goal = (rules.rollups.get(k, ("mean", {}))[0] for k in ("program", "goal"))
    if (program, goal) != ("mean", "mean"):  # issue 16: said when not the default
        out.append(
            say(
                "rules.show.tree-rollup",
                program=method_text(program, lang),
                goal=method_text(goal, lang),
            )
        )
    if rules.pro_rata:
        out.append(say("rules.show.pro-rata"))
    out.append(say("rules.show.flags"))
    out += [
        say(
            "rules.show.flag",
            code=f.code,
            severity=severity_word(f.severity, lang),
            when=f.when.source,
        )
        for f in rules.flags
    ]
    # A rules file's labels and titles are the user's text too.
    return terminal_text("\n".join(out) + "\n")
