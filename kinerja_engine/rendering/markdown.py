"""The LKjIP chapter III report in Markdown: the tables of :mod:`report_view`, in order.

Plain GitHub-flavoured Markdown (pipe tables), so it pastes into a wiki, a pull request
or a word processor that imports Markdown. No pictures: the charts are in the HTML report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import Report
from kinerja_engine.messages import text
from kinerja_engine.rendering.escape import markdown_text, terminal_text
from kinerja_engine.rendering.findings import severity_word
from kinerja_engine.rendering.view import Note, ReportView, build_view
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["render_markdown", "render_markdown_many"]

_BACKTICKS = re.compile(r"`+")


def _cell(text: str) -> str:
    # A pipe ends a cell and a newline ends the table: neither may pass through.
    return markdown_text(text).replace("|", "\\|").replace("\n", " ")


def _fence(lines: Sequence[str]) -> str:
    """A code fence longer than any run of backticks in ``lines``, which so cannot close it."""
    runs = [len(run) for line in lines for run in _BACKTICKS.findall(line)]
    return "`" * max(3, max(runs, default=0) + 1)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A pipe table; ``align`` gives per column ``l`` or ``r`` (numbers align right)."""
    marks = [("---:" if (align[i : i + 1] == "r") else "---") for i in range(len(head))]
    lines = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "|".join(marks) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _document(view: ReportView, trace: bool) -> list[str]:
    lang = view.lang
    m = markdown_text  # every text of the case or the rules passes here
    out = [f"# {m(view.title)}", "", f"**{m(view.agency)}** — {view.year}", ""]
    rules = m(view.rules).replace("`", "'")  # a backtick would end the code span
    meta = [f"- {text('chapter.rules', lang)}: `{rules}` ({m(view.rules_version)})"]
    if view.rules_title:
        meta[0] += f" — {m(view.rules_title)}"
    if view.source:
        meta.append(f"- {text('chapter.source', lang)}: {m(view.source)}")
    if view.period:
        meta.append(f"- {text('chapter.period', lang)}: {m(view.period)}")
    out += [*meta, ""]

    out += [f"## {m(view.iku_caption)}", ""]
    out += _table(
        view.iku_head,
        [
            [
                str(r.no),
                r.name,
                r.last_year,
                r.target,
                r.realisasi,
                r.capaian,
                r.category,
                r.remarks,
            ]
            for r in view.iku_rows
        ],
        "rlrrrrll",
    )
    out.append("")

    if view.objectives_caption:
        out += [f"## {m(view.objectives_caption)}", ""]
        out += _table(
            view.objective_head,
            [
                [o.name, o.indicators, o.capaian, o.category, o.serapan, o.efficiency]
                for o in view.objectives
            ],
            "llrlrl",
        )
        out.append("")

    # Last year beside this year, and the budget per program and kegiatan (the tree's
    # depth as indentation), when the case has them.
    comparison = [
        [str(c.no), c.name, c.last_year, c.this_year, c.change, c.trend] for c in view.comparison
    ]
    lines = [
        [b.id, b.indent_name, b.pagu_text, b.realisasi_text, b.serapan_text]
        for b in view.budget_lines
    ]
    for caption, columns, rows, align in (
        (view.comparison_caption, view.comparison_head, comparison, "rlrrrl"),
        (view.budget_lines_caption, view.budget_lines_head, lines, "llrrr"),
    ):
        if caption:
            out += [f"## {m(caption)}", "", *_table(columns, rows, align), ""]
    if view.tree_caption:  # issue 16: programs, objectives and goals
        out += [f"## {m(view.tree_caption)}", ""]
        out += _table(
            view.tree_head,
            [[r.level, r.name, r.parent, r.capaian, r.category, r.method] for r in view.tree_rows],
            "lllrll",
        )
        out.append("")

    out += [f"## {text('chapter.per-indicator', lang)}", ""]
    for s in view.sections:
        out += [f"### {s.no}) {m(s.name)}", ""]
        if s.unavailable:
            out += [m(s.unavailable), ""]
            out += _notes(s.notes, lang)
            continue
        facts = [
            f"{text('chapter.unit', lang)}: {m(s.unit)}",
            f"{text('chapter.direction', lang)}: {m(s.direction)}",
        ]
        if s.objective:
            facts.append(f"{text('chapter.objective', lang)}: {m(s.objective)}")
        out += ["; ".join(facts), ""]
        out += [f"**{m(s.budget_caption)}**", ""]
        out += _table(
            [
                text("chapter.target", lang),
                text("chapter.realisasi", lang),
                text("chapter.capaian-kinerja", lang),
                text("chapter.pagu", lang),
                text("chapter.realisasi-anggaran", lang),
                text("chapter.serapan", lang),
            ],
            [[s.target, s.realisasi, s.capaian, s.pagu, s.realisasi_anggaran, s.serapan]],
            "rrrrrr",
        )
        out += ["", f"**{m(s.efficiency_caption)}**", ""]
        head = [text("chapter.capaian-kinerja", lang), text("chapter.serapan", lang)]
        row = [s.capaian, s.serapan]
        head.append(text("chapter.efficiency-value", lang))
        row.append(s.efficiency_value)
        if s.efficiency_score is not None:
            head.append(text("chapter.efficiency-score", lang))
            row.append(s.efficiency_score)
        head.append(text("chapter.efficiency", lang))
        row.append(s.efficiency)
        out += _table(head, [row], "r" * (len(head) - 1) + "l")
        if view.efficiency_formula:
            out += [
                "",
                "_"
                + text("chapter.efficiency-formula", lang, formula=m(view.efficiency_formula))
                + "_",
            ]
        if s.progress_caption:
            out += ["", f"**{m(s.progress_caption)}**", ""]
            out += _table(
                [
                    text("chapter.renstra-target", lang),
                    text("chapter.realisasi-year", lang, year=view.year),
                    text("chapter.progress", lang),
                ],
                [[s.renstra_target or "-", s.realisasi, s.progress or "-"]],
                "rrr",
            )
        if s.notes:
            out += ["", *_notes(s.notes, lang)[:-1]]
        if trace and s.trace:
            fence = _fence(s.trace)
            out += ["", f"{text('chapter.trace', lang)}:", "", fence]
            out += [terminal_text(step) for step in s.trace]
            out.append(fence)
        out.append("")

    if view.checked:
        out += [f"## {text('chapter.findings', lang)}", "", m(view.summary), ""]
        if not view.finding_groups:
            out += [text("chapter.no-findings", lang), ""]
        for group in view.finding_groups:
            out += [f"### {m(group.title)}", ""]
            rows = []
            for f in group.findings:
                said = f.message
                if f.evidence:
                    evidence = "; ".join(f"{e.name} {e.value} ({e.where})" for e in f.evidence)
                    said += f" — {text('chapter.evidence', lang)}: {evidence}"
                if f.related:
                    said += f" — {text('chapter.related', lang)} " + ", ".join(map(str, f.related))
                rows.append(
                    [
                        str(f.no),
                        f.severity_label,
                        f"`{f.code}`",
                        f.where,
                        f.field,
                        f.printed,
                        f.expected,
                        f.difference,
                        said,
                    ]
                )
            out += _table(
                [
                    text("chapter.no", lang),
                    text("chapter.severity", lang),
                    text("chapter.code", lang),
                    text("chapter.where", lang),
                    text("chapter.field", lang),
                    text("chapter.printed", lang),
                    text("chapter.expected", lang),
                    text("chapter.difference", lang),
                    text("chapter.description", lang),
                ],
                rows,
                "rllllrrrl",
            )
            out.append("")
        if view.finding_summaries:
            out += [f"### {text('finding.summaries', lang)}", ""]
            out += [f"- {m(said)}" for said in view.finding_summaries]
            out.append("")
        if view.legend:
            out += [f"### {text('finding.legend', lang)}", ""]
            out += [f"- `{code}`: {m(meaning)}" for code, meaning in view.legend]
            out.append("")
        if view.skipped:
            out += [f"{text('chapter.skipped', lang)}:", ""]
            out += [f"- {m(what)} ({m(why)})" for what, why in view.skipped]
            out.append("")
    return out


def _notes(notes: Sequence[Note], lang: str) -> list[str]:
    if not notes:
        return []
    out = [f"{text('chapter.notes', lang)}:", ""]
    out += [
        f"- {'**' + severity_word(n.severity, lang) + '** ' if n.severity else ''}"
        + markdown_text(n.text)
        for n in notes
    ]
    return [*out, ""]


def render_markdown(
    case: Case, report: Report, rules: RuleSet | None, lang: str = "id", *, trace: bool = False
) -> str:
    """Chapter III of an LKjIP for ``report`` (computed from ``case`` under ``rules``)."""
    lines = _document(build_view(case, report, rules, lang), trace)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def render_markdown_many(
    items: Sequence[tuple[Case, Report, RuleSet | None]], lang: str = "id", *, trace: bool = False
) -> str:
    """Several reports, one after the other, separated by a rule."""
    return "\n---\n\n".join(
        render_markdown(case, report, rules, lang, trace=trace) for case, report, rules in items
    )
