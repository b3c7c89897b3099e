"""The ``kinerja`` command line: a thin shell over the public API (``kinerja_engine``'s
top-level names, and nothing else).

Exit codes: 0 ok; 1 findings at or above ``--fail-on``; 2 unusable input; 3 a bug.
Every error is mapped to its exit code in :func:`main`, and an engine error printed as
``file:line:col: key.path: message`` without a traceback (``--debug`` shows one). The
package's top level imports the engine on first use of a name, so ``kinerja --help``
starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import kinerja_engine as ke

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kinerja_engine.cli.progress import Progress

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_BUG = 3


class UsageError(Exception):
    """A command line that cannot be carried out (before any file is read)."""

    def __init__(self, message: str, message_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_id = message_id or message

    def render(self, lang: str) -> str:
        return self.message_id if lang == "id" else self.message


def _limits(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-file-size",
        metavar="BYTES",
        help="refuse files larger than this, e.g. 64M (default: $KINERJA_MAX_FILE_BYTES or 64M)",
    )
    p.add_argument(
        "--max-depth",
        metavar="LEVELS",
        help="refuse tables or arrays nested deeper (default: $KINERJA_MAX_DEPTH or 32)",
    )


def _jobs(text: str) -> int:
    """``--jobs N``: a whole number, 0 meaning one process per core."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, not {text!r}")
    return jobs or os.cpu_count() or 1


def _lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="language of labels and notation (default: id)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description="Evaluate and audit Indonesian government performance reports (LKjIP / SAKIP).",
        epilog="Exit codes: 0 ok, 1 findings at or above --fail-on, 2 unusable input.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "cases",
            nargs="+",
            metavar="CASE",
            help="case file(s) in TOML, or folder(s) of them (every *.toml inside, recursively);"
            " - reads one case from standard input",
        )
        p.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            metavar="N",
            help="work on N cases at a time in N processes (0: one per core; default 1)",
        )
        p.add_argument(
            "--rules", metavar="NAME|PATH", help="rule set to use instead of the case's own"
        )
        p.add_argument(
            "--format",
            choices=("table", "markdown", "html", "json", "csv"),
            default="table",
            help="table (default); markdown or html: chapter III of an LKjIP (html with"
            " charts); json: the output contract; csv: one row per indicator (check: per finding)",
        )
        _lang(p)
        p.add_argument(
            "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output"
        )
        _limits(p)

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

    imp = sub.add_parser("import", help="make a case file from a spreadsheet (CSV) of indicators")
    imp.add_argument("file", metavar="FILE.csv", help="CSV exported by a reporting application")
    imp.add_argument(
        "--output", metavar="CASE.toml", help="write the case here (default: standard output)"
    )
    imp.add_argument("--agency", help="the agency, when the file has no agency column")
    imp.add_argument("--year", type=int, help="the report year, when the file does not name it")
    imp.add_argument("--rules", metavar="NAME|PATH", help="the rule set the case names")
    imp.add_argument(
        "--notation",
        choices=("id", "en"),
        default="id",
        help="number notation of the cells: id 1.234,5 (default) or en 1,234.5",
    )
    imp.add_argument("--force", action="store_true", help="replace an existing --output file")
    _lang(imp)
    _limits(imp)

    sch = sub.add_parser("schema", help="print the JSON Schema of the case or rule-set format")
    sch.add_argument("kind", choices=("case", "rules"))

    rules = sub.add_parser("rules", help="list, show or check rule sets")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    rsub.add_parser("list", help="list the shipped rule sets")
    show = rsub.add_parser("show", help="show a rule set with extends applied")
    show.add_argument("name", metavar="NAME|PATH")
    chk = rsub.add_parser("check", help="check a rules file: formulas, bands, extends")
    chk.add_argument("file", metavar="FILE")
    for p in (show, chk):
        _lang(p)
        _limits(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", "id")
    try:
        with _limits_of(args):
            return _run(args)
    except (ke.KinerjaError, UsageError) as exc:
        # Unusable input, or a command line that cannot be carried out.
        if args.debug:
            raise
        print(f"kinerja: {exc.render(lang)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("kinerja: dihentikan" if lang == "id" else "kinerja: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: nothing is wrong with the input.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        # A bug, not bad input: say so plainly, still without a traceback.
        if args.debug:
            raise
        what = f"{type(exc).__name__}: {exc}"
        if lang == "id":
            print(
                f"kinerja: galat internal ({what}); ini bug, jalankan dengan --debug untuk"
                " rinciannya dan laporkan",
                file=sys.stderr,
            )
        else:
            print(
                f"kinerja: internal error ({what}); this is a bug, run with --debug for the"
                " traceback and report it",
                file=sys.stderr,
            )
        return EXIT_BUG


@contextlib.contextmanager
def _option(name: str) -> Iterator[None]:
    """An error about an option's value (not about a file) is the fault of the option."""
    try:
        yield
    except ke.KinerjaError as exc:
        raise (exc.located(key_prefix=name) if exc.file is None else exc) from None


def _limits_of(args: argparse.Namespace) -> contextlib.AbstractContextManager[None]:
    size: str | None = getattr(args, "max_file_size", None)
    depth: str | None = getattr(args, "max_depth", None)
    # ke.limits reads each value when called, so each is blamed on its own option.
    with _option("--max-file-size"):
        ke.limits(max_bytes=size)
    with _option("--max-depth"):
        ke.limits(max_depth=depth)
    return ke.limits(max_bytes=size, max_depth=depth)


def _run(args: argparse.Namespace) -> int:
    if args.command == "rules":
        return _rules(args)
    if args.command == "checks":
        return _checks()
    if args.command == "import":
        return _import(args)
    if args.command == "schema":
        return _schema(args)
    return _cases(args)


def _cases(args: argparse.Namespace) -> int:
    if args.output:
        _refuse_overwriting_inputs(args.output, args.cases)
    rules: ke.RuleSet | None = None
    if args.rules:
        # An unknown name or a missing file is the fault of the option itself.
        with _option("--rules"):
            rules = ke.load_rules(args.rules)
    args.cases = _case_files(args.cases)
    inputs = list(args.cases)
    progress = _progress(args)
    # Cases are loaded, evaluated (and audited) in --jobs processes; the rest is here.
    sources = [_load_case(path) if path == STDIN else path for path in args.cases]
    trace = getattr(args, "trace", False)
    # Only the document formats show what the case printed; the others need no case
    # back from a worker.
    keep = args.format in ("markdown", "html", "csv")
    done = ke.run(
        sources, rules, check=args.command == "check", trace=trace, jobs=args.jobs, keep=keep
    )
    items = []
    for path, judged in zip(args.cases, done, strict=True):
        if judged.rules_origin:
            inputs.append(judged.rules_origin)  # a rules file is an input too
        items.append(judged)
        progress.advance(path, judged.report)
    progress.finish()
    text = ke.render(items[0] if len(items) == 1 else items, args.format, args.lang, trace=trace)
    if args.output:
        _refuse_overwriting_inputs(args.output, inputs)
    _emit(text, args.output)
    if args.command == "check":
        threshold = ke.Severity(args.fail_on).rank
        if any(f.severity.rank >= threshold for j in items for f in j.report.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _refuse_overwriting_inputs(output: str, inputs: Sequence[str]) -> None:
    out = Path(output).resolve()
    for name in inputs:
        if Path(name).resolve() == out or _same_file(name, output):
            raise UsageError(
                f"--output {output} would overwrite the input file {name}; choose another file",
                f"--output {output} akan menimpa berkas masukan {name}; pilih berkas lain",
            )


def _same_file(a: str, b: str) -> bool:
    # Also catches a hard link or another spelling of the same file.
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _output_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    target = Path(output)
    # A temporary file beside the target, renamed over it: a reader never sees half a
    # file, and an interrupted run leaves the previous output as it was.
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(
            f"cannot write --output {output}: {reason}",
            f"tidak dapat menulis --output {output}: {reason}",
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); a report is shared like any file the
        # user writes: keep the mode of the file it replaces, else follow the umask.
        os.chmod(tmp, _output_mode(target))
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or type(exc).__name__
            raise UsageError(
                f"cannot write --output {output}: {reason}; the previous file is unchanged",
                f"tidak dapat menulis --output {output}: {reason}; berkas sebelumnya tidak berubah",
            ) from None
        raise


def _rules(args: argparse.Namespace) -> int:
    if args.rules_command == "list":
        for name in ke.rule_sets():
            rules = ke.load_rules(name)
            print(f"{name:24} {rules.version}  {rules.title}")
        return EXIT_OK
    if args.rules_command == "show":
        sys.stdout.write(ke.render(ke.load_rules(args.name)))
        return EXIT_OK
    rules = ke.load_rules(
        args.file if "/" in args.file or args.file.endswith(".toml") else f"./{args.file}"
    )
    bands, flags = len(rules.categories.bands), len(rules.flags)
    if args.lang == "id":
        print(
            f"{args.file}: ok: aturan {rules.name!r} ({rules.version}), "
            f"{bands} pita kategori, {flags} flag"
        )
    else:
        print(
            f"{args.file}: ok: rule set {rules.name!r} ({rules.version}), "
            f"{bands} category bands, {flags} flags"
        )
    return EXIT_OK


def _checks() -> int:
    catalogue = ke.checks()
    width = max(len(c.code) for c in catalogue)
    for c in catalogue:
        tol = "-" if c.tolerance is None else c.tolerance
        print(f"{c.code:{width}}  {c.severity:7}  tolerance {tol:10}  {c.description}")
    return EXIT_OK


STDIN = "-"


def _case_files(names: Sequence[str]) -> list[str]:
    """The case files named: a folder stands for every ``*.toml`` under it, recursively."""
    files: list[str] = []
    for name in names:
        files += [name] if name == STDIN else [str(path) for path in ke.case_paths([name])]
    return files


def _load_case(path: str) -> ke.Case:
    """A case from its file, or from standard input for ``-`` (a front end piping it in)."""
    if path != STDIN:
        return ke.load_case(path)
    return ke.load_case(sys.stdin.buffer, name="<stdin>")


def _progress(args: argparse.Namespace) -> Progress:
    from kinerja_engine.cli.progress import Progress

    if args.cases.count(STDIN) > 1:
        raise UsageError(
            "standard input (-) can be read only once",
            "masukan standar (-) hanya dapat dibaca sekali",
        )
    return Progress(len(args.cases), sys.stderr, lang=args.lang, checked=args.command == "check")


def _import(args: argparse.Namespace) -> int:
    if args.output:
        _refuse_overwriting_inputs(args.output, [args.file])
        if Path(args.output).exists() and not args.force:
            raise UsageError(
                f"{args.output} exists; the import does not replace a case file"
                " (it may hold your edits): use --force or another name",
                f"{args.output} sudah ada; impor tidak menimpa berkas kasus"
                " (mungkin berisi suntingan Anda): pakai --force atau nama lain",
            )
    imported = ke.import_csv(
        args.file,
        agency=args.agency,
        year=args.year,
        rules=args.rules,
        notation=args.notation,
        lang=args.lang,
    )
    for note in imported.notes:
        print(f"kinerja: {note}", file=sys.stderr)
    count = len(imported.case.indicators)
    if imported.direction_assumed:
        print(
            f"kinerja: tidak ada kolom arah (polaritas): {count} indikator dianggap"
            " higher_is_better (semakin tinggi semakin baik); periksa dan ubah di berkas kasus"
            if args.lang == "id"
            else f"kinerja: no direction column: all {count} indicators are taken as"
            " higher_is_better; check them and change any in the case file",
            file=sys.stderr,
        )
    _emit(imported.text, args.output)
    if args.output:
        print(
            f"kinerja: {args.output} ditulis: {count} indikator"
            if args.lang == "id"
            else f"kinerja: wrote {args.output}: {count} indicators",
            file=sys.stderr,
        )
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(ke.schema(args.kind))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
