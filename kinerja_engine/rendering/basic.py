"""Render a report: an aligned text table, Markdown, or JSON (the public output contract).

JSON carries decimals as strings rounded as the rule set displays them and never
changes with ``lang``; the human formats follow ``lang`` for labels and number notation
(``106,85`` in Indonesian, ``106.85`` in English).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from kinerja_engine.domain.results import (
    Finding,
    IndicatorResult,
    ObjectiveResult,
    Report,
    Severity,
    Status,
)
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number, plain_decimal
from kinerja_engine.rendering.escape import markdown_text, terminal_text
from kinerja_engine.rendering.jsontext import dumps
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["FORMATS", "describe_rules", "render", "render_many", "report_to_dict"]

FORMATS = ("table", "markdown", "json")

# The words of the table for an enum value (ids spelled out, so each is found in the source).
_STATUS = {
    Status.COMPUTED: "table.status.computed",
    Status.MISSING: "table.status.missing",
    Status.NOT_COMPUTABLE: "table.status.not-computable",
}
_SEVERITY = {
    Severity.ERROR: "table.severity.error",
    Severity.WARNING: "chapter.severity.warning",
    Severity.INFO: "chapter.severity.info",
}


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
    data = {
        "report": {
            "agency": report.info.agency,
            "year": report.info.year,
            "rules": report.rules,
            "rules_version": report.rules_version,
        },
        "indicators": [
            {
                "id": r.id,
                "capaian": _fixed(r.capaian, report),
                "category": r.category,
                "serapan": _fixed(r.serapan, report),
                "efficiency": r.efficiency,
                "progress": _fixed(r.progress, report),
                "verdict": r.verdict,
                "flags": [f.code for f in r.flags],
                "status": r.status.value,
            }
            for r in report.indicators
        ],
        "objectives": [
            {"id": o.id, "capaian": _fixed(o.capaian, report), "category": o.category}
            for o in report.objectives
        ],
        "findings": [_finding_dict(f, report) for f in report.findings],
    }
    if report.periods or report.programs or report.goals or report.info.period != "annual":
        data = _tree_and_periods(data, report)
    return data


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
    }


def render_json(report: Report, lang: str = "en") -> str:
    return dumps(_json_data(report, lang)) + "\n"


def _json_data(report: Report, lang: str) -> dict[str, Any]:
    """The contract's data, each finding's message in ``lang``."""
    data = report_to_dict(report)
    if lang == "id":
        for item, finding in zip(data["findings"], report.findings, strict=True):
            item["message"] = finding.message_id
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
                text(_STATUS[r.status], lang),
            ]
        )
    return head, rows


def _notes(r: IndicatorResult, lang: str) -> list[str]:
    notes = []
    if r.reason:
        notes.append((r.reason_id if lang == "id" and r.reason_id else r.reason) or "")
    for f in r.flags:
        notes.append(
            f"[{f.severity.value}] {f.code}: {f.message_id if lang == 'id' else f.message_en}"
        )
    return notes


def _aligned(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [
        max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(head)
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(head), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


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


def _findings_rows(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [
        text(k, lang)
        for k in (
            "chapter.severity",
            "chapter.code",
            "table.indicator",
            "chapter.where",
            "chapter.field",
            "chapter.printed",
            "chapter.expected",
            "chapter.difference",
        )
    ]
    order = sorted(
        report.findings,
        key=lambda f: (f.indicator or f.budget or "", -f.severity.rank, f.code),
    )
    rows = [
        [
            text(_SEVERITY[f.severity], lang),
            f.code,
            f.indicator or f.budget or "-",
            f.where or "-",
            f.field or "-",
            f.printed or "-",
            f.expected or "-",
            "-" if f.difference is None else format_number(f.difference, None, notation=lang),
        ]
        for f in order
    ]
    return head, rows


def _summary(report: Report, lang: str) -> str:
    counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    parts = [f"{counts[s]} {text(_SEVERITY[s], lang)}" for s in Severity]
    line = f"{text('table.findings', lang)}: " + ", ".join(parts)
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
    notes = [(r.id, n) for r in report.indicators for n in _notes(r, lang)]
    if notes:
        out += ["", heading(text("table.flags", lang))]
        out += [esc(f"- {ident}: {note}") for ident, note in notes]
    if trace:
        out += ["", heading("Trace")]
        for r in report.indicators:
            out += [esc(f"- {r.id}:")] + [esc(f"    {step}") for step in r.trace]
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
        out += ["", heading(text("table.findings", lang))]
        if report.findings:
            fhead, frows = _findings_rows(report, lang)
            out += table(fhead, frows)
            out += [""]
            out += [
                esc(
                    f"- {f.code} ({f.indicator or f.budget or '-'}, {f.where or '-'}): "
                    + (f.message_id if lang == "id" else f.message_en)
                )
                for f in sorted(
                    report.findings, key=lambda f: (-f.severity.rank, f.indicator or f.budget or "")
                )
            ]
        out += ["", _summary(report, lang)]
    return "\n".join(out) + "\n"


def render(report: Report, fmt: str = "table", lang: str = "id", *, trace: bool = False) -> str:
    """One report in ``fmt`` (table, markdown or json); ValueError for any other format."""
    if fmt == "json":
        return render_json(report, lang)
    if fmt == "markdown":
        return _document(report, lang, _markdown, _md_heading, trace, markdown_text)
    if fmt == "table":
        return terminal_text(_document(report, lang, _aligned, lambda text: text, trace))
    raise unknown_format(fmt, FORMATS)


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


def describe_rules(rules: RuleSet, lang: str = "en") -> str:
    """A rule set as a reader wants to see it: formulas, bounds, bands, flags."""

    def say(message_id: str, **fields: object) -> str:
        return text(message_id, lang, **fields)

    out = [f"{rules.name} ({rules.version})", rules.title, ""]
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
            cap=none if rules.cap is None else rules.cap,
            floor=none if rules.floor is None else rules.floor,
            places=rules.places,
            rounding=rules.rounding,
        )
    )
    out.append(say("rules.show.serapan", formula=rules.serapan.source))
    for direction, formula in rules.progress.items():
        out.append(say("rules.show.progress", direction=direction, formula=formula.source))
    rounded = rules.categories_rounded
    out.append(say("rules.show.categories-rounded" if rounded else "rules.show.categories-exact"))
    out += [f"  {b.label:16} {b.describe()}" for b in reversed(rules.categories.bands)]
    out.append(say("rules.show.efficiency", formula=rules.efficiency.source))
    if rules.efficiency_score is not None:
        out.append(say("rules.show.score", formula=rules.efficiency_score.source))
    out += [f"  {b.label:16} {b.describe()}" for b in reversed(rules.efficiency_bands.bands)]
    out.append(
        say(
            "rules.show.verdict",
            achieved=rules.verdict_achieved,
            when=rules.verdict_when.source,
            not_achieved=rules.verdict_not_achieved,
        )
    )
    out.append(say("rules.show.rollup", rollup=rules.rollup))
    program, goal = (rules.rollups.get(k, ("mean", {}))[0] for k in ("program", "goal"))
    if (program, goal) != ("mean", "mean"):  # issue 16: said when not the default
        out.append(say("rules.show.tree-rollup", program=program, goal=goal))
    if rules.pro_rata:
        out.append(say("rules.show.pro-rata"))
    out.append(say("rules.show.flags"))
    out += [
        say("rules.show.flag", code=f.code, severity=f.severity, when=f.when.source)
        for f in rules.flags
    ]
    # A rules file's labels and titles are the user's text too.
    return terminal_text("\n".join(out) + "\n")
