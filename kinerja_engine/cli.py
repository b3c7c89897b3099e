"""The ``kinerja`` command line: a thin layer over the API.

Exit codes: 0 ok; 1 findings at or above ``--fail-on``; 2 unusable input. Every
engine error is mapped to its exit code in :func:`main` and printed as
``file:line:col: key.path: message`` without a traceback (``--debug`` shows one).
The engine is imported only inside commands so that ``kinerja --help`` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .results import Report
    from .ruleset import RuleSet

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class UsageError(Exception):
    """A command line that cannot be carried out (before any file is read)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description="Evaluate and audit Indonesian government performance reports (LKjIP / SAKIP).",
        epilog="Exit codes: 0 ok, 1 findings at or above --fail-on, 2 unusable input.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("cases", nargs="+", metavar="CASE", help="case file(s) in TOML")
        p.add_argument(
            "--rules", metavar="NAME|PATH", help="rule set to use instead of the case's own"
        )
        p.add_argument("--format", choices=("table", "markdown", "json"), default="table")
        p.add_argument(
            "--lang",
            choices=("id", "en"),
            default="id",
            help="language of labels and notation (default: id)",
        )
        p.add_argument(
            "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output"
        )

    ev = sub.add_parser("evaluate", help="evaluate every indicator of a case")
    common(ev)
    ev.add_argument(
        "--trace", action="store_true", help="show each formula with its inputs substituted"
    )

    ck = sub.add_parser("check", help="audit every printed figure of a case")
    common(ck)
    ck.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="exit 1 when a finding at or above this severity exists (default: error)",
    )

    sub.add_parser("checks", help="list the audit's catalogue of checks")

    rules = sub.add_parser("rules", help="list, show or check rule sets")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    rsub.add_parser("list", help="list the shipped rule sets")
    show = rsub.add_parser("show", help="show a rule set with extends applied")
    show.add_argument("name", metavar="NAME|PATH")
    chk = rsub.add_parser("check", help="check a rules file: formulas, bands, extends")
    chk.add_argument("file", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from .errors import KinerjaError

    try:
        return _run(args)
    except KinerjaError as exc:
        if args.debug:
            raise
        lang = getattr(args, "lang", "en")
        print(f"kinerja: {exc.render(lang)}", file=sys.stderr)
        return EXIT_INPUT
    except UsageError as exc:
        print(f"kinerja: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("kinerja: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "rules":
        return _rules(args)
    if args.command == "checks":
        return _checks()
    return _cases(args)


def _cases(args: argparse.Namespace) -> int:
    from . import api
    from .render import render, render_many

    if args.output:
        _refuse_overwriting_inputs(args.output, args.cases)
    rules: RuleSet | None = api.load_rules(args.rules) if args.rules else None
    reports: list[Report] = []
    for path in args.cases:
        case = api.load_case(path)
        if args.command == "check":
            reports.append(api.check(case, rules))
        else:
            reports.append(api.evaluate(case, rules))
    if len(reports) == 1:
        text = render(reports[0], args.format, args.lang, trace=getattr(args, "trace", False))
    else:
        text = render_many(reports, args.format, args.lang)
    _emit(text, args.output)
    if args.command == "check":
        from .results import Severity

        threshold = Severity(args.fail_on).rank
        if any(f.severity.rank >= threshold for r in reports for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _refuse_overwriting_inputs(output: str, inputs: Sequence[str]) -> None:
    out = Path(output).resolve()
    for name in inputs:
        if Path(name).resolve() == out:
            raise UsageError(
                f"--output {output} would overwrite the input file {name}; choose another file"
            )


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    # A temporary file beside the target, renamed over it: a reader never sees half a
    # file, and an interrupted run leaves the previous output as it was.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rules(args: argparse.Namespace) -> int:
    from . import api
    from .loading import shipped_rules
    from .render import describe_rules

    if args.rules_command == "list":
        for name in shipped_rules():
            rules = api.load_rules(name)
            print(f"{name:24} {rules.version}  {rules.title}")
        return EXIT_OK
    if args.rules_command == "show":
        sys.stdout.write(describe_rules(api.load_rules(args.name)))
        return EXIT_OK
    rules = api.load_rules(
        args.file if "/" in args.file or args.file.endswith(".toml") else f"./{args.file}"
    )
    print(
        f"{args.file}: ok: rule set {rules.name!r} ({rules.version}), "
        f"{len(rules.categories.bands)} category bands, {len(rules.flags)} flags"
    )
    return EXIT_OK


def _checks() -> int:
    from .audit import CATALOGUE

    width = max(len(c.code) for c in CATALOGUE)
    for c in CATALOGUE:
        tol = "-" if c.tolerance is None else c.tolerance
        print(f"{c.code:{width}}  {c.severity:7}  tolerance {tol:10}  {c.description}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
