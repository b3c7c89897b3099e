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
import signal
import stat
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import kinerja_engine as ke
from kinerja_engine.messages import LANGS, Message, msg, template, text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from kinerja_engine.cli.progress import Progress

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_BUG = 3


class UsageError(Exception):
    """A command line that cannot be carried out (before any file is read)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.text = message

    def render(self, lang: str) -> str:
        return self.text.render(lang)


def help_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of ``--help`` (and of argparse's refusals): the command line's own
    ``--lang``, else ``$KINERJA_LANG``, else Indonesian when the locale is, else English.

    The locale is POSIX's: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set.
    """
    for i, word in enumerate(argv):
        said = argv[i + 1] if word == "--lang" and i + 1 < len(argv) else word[7:]
        if word.startswith("--lang") and said in LANGS:
            return said
    chosen = environ.get("KINERJA_LANG", "")
    if chosen in LANGS:
        return chosen
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    return "id" if locale.startswith("id") else "en"


# argparse says its own words ("usage:", "options", its refusals) through gettext's ``_``;
# the catalogue holds each under these ids, in English exactly as argparse has it.
_ARGPARSE_IDS = (
    "cli.argparse.usage",
    "cli.argparse.positionals",
    "cli.argparse.options",
    "cli.argparse.error",
    "cli.argparse.argument",
    "cli.argparse.required",
    "cli.argparse.unrecognized",
    "cli.argparse.invalid-choice",
    "cli.argparse.invalid-value",
    "cli.argparse.one-argument",
    "cli.argparse.at-least-one",
    "cli.argparse.ambiguous",
)


@contextlib.contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's words in ``lang`` while the parser is built and reads the command line."""
    if lang == "en":
        yield
        return
    own = {template(k, "en"): k for k in _ARGPARSE_IDS}
    said_by = vars(argparse)  # the module's globals, where argparse looks ``_`` up
    before = said_by["_"]

    def translated(said: str) -> str:
        ident = own.get(said)
        return before(said) if ident is None else template(ident, lang)

    said_by["_"] = translated
    try:
        yield
    finally:
        said_by["_"] = before


def _limits(p: argparse.ArgumentParser, say: Callable[[str], str]) -> None:
    p.add_argument(
        "--max-file-size", metavar=say("cli.metavar.bytes"), help=say("cli.help.max-file-size")
    )
    p.add_argument("--max-depth", metavar=say("cli.metavar.levels"), help=say("cli.help.max-depth"))


def _jobs(lang: str) -> Callable[[str], int]:
    def jobs_of(given: str) -> int:
        """``--jobs N``: a whole number, 0 meaning one process per core."""
        try:
            jobs = int(given)
        except ValueError:
            jobs = -1
        if jobs < 0:
            raise argparse.ArgumentTypeError(text("error.cli.jobs", lang, text=given))
        return jobs or os.cpu_count() or 1

    return jobs_of


def _lang(p: argparse.ArgumentParser, say: Callable[[str], str]) -> None:
    p.add_argument("--lang", choices=LANGS, default="id", help=say("cli.help.lang"))


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    def say(message_id: str) -> str:
        return text(message_id, lang)

    class Parser(argparse.ArgumentParser):
        # argparse's own -h is in English only: this one says its help in ``lang``.
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs, add_help=False)
            self.add_argument("-h", "--help", action="help", help=say("cli.help.help"))

    parser = Parser(
        prog="kinerja",
        description=say("cli.help.description"),
        epilog=say("cli.help.epilog"),
    )
    parser.add_argument("--debug", action="store_true", help=say("cli.help.debug"))
    sub = parser.add_subparsers(
        dest="command", metavar=say("cli.metavar.command"), required=True, parser_class=Parser
    )

    def common(p: argparse.ArgumentParser, *, many_rules: bool = False) -> None:
        p.add_argument(
            "cases", nargs="+", metavar=say("cli.metavar.case"), help=say("cli.help.cases")
        )
        p.add_argument(
            "--jobs", type=_jobs(lang), default=1, metavar="N", help=say("cli.help.jobs")
        )
        if many_rules:  # compare: --rules A --rules B
            p.add_argument(
                "--rules",
                action="append",
                metavar=say("cli.metavar.rules"),
                help=say("cli.help.compare-rules"),
            )
        else:
            p.add_argument("--rules", metavar=say("cli.metavar.rules"), help=say("cli.help.rules"))
        p.add_argument(
            "--format",
            choices=("table", "markdown", "html", "json", "csv", "xlsx"),
            default="table",
            help=f"{say('cli.help.format')}; {say('cli.help.format-xlsx')}",
        )
        _lang(p, say)
        p.add_argument(
            "-o", "--output", metavar=say("cli.metavar.file"), help=say("cli.help.output")
        )
        p.add_argument("--ids", action="store_true", help=say("cli.help.ids"))
        _limits(p, say)

    ev = sub.add_parser("evaluate", help=say("cli.help.evaluate"))
    common(ev)
    ev.add_argument("--trace", action="store_true", help=say("cli.help.trace"))

    ck = sub.add_parser("check", help=say("cli.help.check"))
    common(ck)
    ck.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help=say("cli.help.fail-on"),
    )

    # ---- issue 17 (desk): the summary of a folder, and methods side by side
    ck.add_argument("--summary", action="store_true", help=say("cli.help.summary"))
    common(sub.add_parser("compare", help=say("cli.help.compare")), many_rules=True)
    _lang(sub.add_parser("checks", help=say("cli.help.checks")), say)

    imp = sub.add_parser("import", help=say("cli.help.import"))
    imp.add_argument("file", metavar=say("cli.metavar.sheet"), help=say("cli.help.import-file"))
    imp.add_argument(
        "-o", "--output", metavar=say("cli.metavar.case-file"), help=say("cli.help.import-output")
    )
    imp.add_argument("--agency", metavar=say("cli.metavar.agency"), help=say("cli.help.agency"))
    imp.add_argument("--year", type=int, metavar=say("cli.metavar.year"), help=say("cli.help.year"))
    imp.add_argument("--rules", metavar=say("cli.metavar.rules"), help=say("cli.help.import-rules"))
    imp.add_argument("--notation", choices=LANGS, default="id", help=say("cli.help.notation"))
    imp.add_argument("--force", action="store_true", help=say("cli.help.force"))
    _lang(imp, say)
    _limits(imp, say)

    sch = sub.add_parser("schema", help=say("cli.help.schema"))
    kinds = ("case", "rules", "report", "summary", "compare")  # io/schema.py SCHEMAS
    sch.add_argument("kind", choices=kinds, help=say("cli.help.schema-kind"))

    rules = sub.add_parser("rules", help=say("cli.help.rules-command"))
    rsub = rules.add_subparsers(
        dest="rules_command", metavar=say("cli.metavar.action"), required=True, parser_class=Parser
    )
    _lang(rsub.add_parser("list", help=say("cli.help.rules-list")), say)
    show = rsub.add_parser("show", help=say("cli.help.rules-show"))
    show.add_argument("name", metavar=say("cli.metavar.rules"))
    chk = rsub.add_parser("check", help=say("cli.help.rules-check"))
    chk.add_argument("file", metavar=say("cli.metavar.file"))
    for p in (show, chk):
        _lang(p, say)
        _limits(p, say)
    return parser


def _say(what: str) -> None:
    """A line of the command line's own on standard error, after the program's name.

    It may quote a case or a rules file (a name, a key, a value): control characters and
    escape sequences in it are shown escaped, never sent to the terminal."""
    from kinerja_engine.rendering.escape import terminal_text  # not at start: --help is fast

    print(text("cli.said", "en", text=terminal_text(what)), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    said = help_lang(words, os.environ)
    with _argparse_speaks(said):
        parser = _parser(said)
        args = parser.parse_args(words)
    lang = getattr(args, "lang", "id")
    try:
        with _limits_of(args):
            return _run(args)
    except (ke.KinerjaError, UsageError) as exc:
        # Unusable input, or a command line that cannot be carried out.
        if args.debug:
            raise
        _say(exc.render(lang))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _say(text("cli.interrupted", lang))
        return 130
    except Terminated as exc:
        _say(text("cli.terminated", lang, signal=signal.Signals(exc.signum).name))
        return 128 + exc.signum
    except BrokenPipeError:
        # The reader (`| head`) went away: nothing is wrong with the input.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        # A bug, not bad input: say so plainly, still without a traceback.
        if args.debug:
            raise
        _say(text("error.cli.internal", lang, what=f"{type(exc).__name__}: {exc}"))
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
    _refuse_empty_paths(args)
    if getattr(args, "output", None) == STDOUT:
        args.output = None
    if args.command == "rules":
        return _rules(args)
    if args.command == "checks":
        return _checks(args.lang)
    if args.command == "import":
        return _import(args)
    if args.command == "schema":
        return _schema(args)
    if args.command == "compare" or getattr(args, "summary", False):
        return _desk(args)
    return _cases(args)


def _refuse_empty_paths(args: argparse.Namespace) -> None:
    """An empty path is a slip (an unset shell variable), never "here": ``evaluate ""``
    would read every case under the current folder, ``--rules ""`` be ignored."""
    named = {
        "--output": [getattr(args, "output", None)],
        "--rules": _listed(getattr(args, "rules", None)),
        "cli.metavar.case": getattr(args, "cases", None) or [],
        "cli.metavar.file": [getattr(args, "file", None)],
        "cli.metavar.rules": [getattr(args, "name", None)],
    }
    for option, paths in named.items():
        if any(path is not None and not path.strip() for path in paths):
            said = msg(option) if option.startswith("cli.") else option
            raise UsageError(msg("error.cli.empty-path", option=said))


def _listed(value: str | list[str] | None) -> list[str | None]:
    # ``compare`` takes --rules many times; the other commands once.
    return list(value) if isinstance(value, list) else [value]


def _cases(args: argparse.Namespace) -> int:
    if args.output:
        _refuse_overwriting_inputs(args.output, args.cases)
    rules: ke.RuleSet | None = None
    if args.rules:
        # An unknown name or a missing file is the fault of the option itself.
        with _option("--rules"):
            rules = ke.load_rules(args.rules)
        if args.output:
            _refuse_overwriting_inputs(args.output, rules.files)
    args.cases = _case_files(args.cases)
    inputs = list(args.cases)
    progress = _progress(args)
    # Cases are loaded, evaluated (and audited) in --jobs processes; the rest is here.
    sources = [_load_case(path) if path == STDIN else path for path in args.cases]
    trace = getattr(args, "trace", False)
    # Only the document formats show what the case printed; the others need no case
    # back from a worker.
    # The table shows each indicator's target and realisasi: its case too.
    keep = args.format in ("table", "markdown", "html", "csv", "xlsx")
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        # A workbook is binary: on a terminal it would be noise, and could upset it.
        raise UsageError(msg("error.cli.binary-to-terminal", format=args.format))
    done = ke.run(
        sources,
        rules,
        check=args.command == "check",
        trace=trace,
        jobs=args.jobs,
        keep=keep,
        progress=progress.phase if progress.enabled else None,
    )
    items = []
    origins: set[str] = set()
    try:
        for path, judged in zip(args.cases, done, strict=True):
            if judged.rules_origin:
                origins.add(judged.rules_origin)  # a rules file is an input too
            items.append(judged)
            progress.advance(path, judged.report)
    except BaseException:
        progress.finish(summary=False)  # the bar cleared before the error is told
        raise
    progress.finish()
    shown = items[0] if len(items) == 1 else items
    text: str | bytes
    if args.format == "table":
        width, color = _terminal(args.output)
        text = ke.render(
            shown, "table", args.lang, trace=trace, width=width, ids=args.ids, color=color
        )
    else:
        text = ke.render(shown, args.format, args.lang, trace=trace)
    if args.output:
        _refuse_overwriting_inputs(args.output, inputs + _rules_files(sorted(origins)))
    _emit(text, args.output)
    if args.command == "check":
        threshold = ke.Severity(args.fail_on).rank
        if any(f.severity.rank >= threshold for j in items for f in j.report.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _terminal(output: str | None) -> tuple[int, bool]:
    """The table's width and whether it is coloured. Width: ``$COLUMNS`` when set, else
    the terminal's when standard output is one, else 80. Colour only on a terminal and
    without ``$NO_COLOR``: never in a file or a pipe."""
    tty = output is None and _is_terminal(sys.stdout)
    width = 0
    with contextlib.suppress(ValueError):
        width = int(os.environ.get("COLUMNS", ""))
    if width <= 0 and tty:
        with contextlib.suppress(OSError, ValueError):
            width = os.get_terminal_size(sys.stdout.fileno()).columns
    return (width if width > 0 else 80), tty and not os.environ.get("NO_COLOR")


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _desk(args: argparse.Namespace) -> int:
    """``check --summary`` and ``compare``: one page for many cases (issue 17)."""
    if args.format == "markdown":
        raise UsageError(msg("error.cli.desk-format", command=args.command))
    if STDIN in args.cases:
        raise UsageError(msg("error.cli.desk-stdin"))
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise UsageError(msg("error.cli.binary-to-terminal", format=args.format))
    files = _case_files(args.cases)
    if args.output:
        _refuse_overwriting_inputs(args.output, files)
    if args.command == "compare":
        if len(args.rules or []) < 2:
            raise UsageError(msg("cli.compare.too-few"))
        with _option("--rules"):
            rule_sets = [ke.load_rules(name) for name in args.rules]
        compared = ke.compare(files, rule_sets, jobs=args.jobs)
        _emit(ke.render(compared, args.format, args.lang), args.output)
        return EXIT_OK
    rules = None
    if args.rules:
        with _option("--rules"):
            rules = ke.load_rules(args.rules)
    found = ke.summary(files, rules, jobs=args.jobs)
    _emit(ke.render(found, args.format, args.lang), args.output)
    threshold = ke.Severity(args.fail_on).rank
    totals = found.totals
    counted = {k for k, n in (*totals.severities, *totals.across) if n}
    return EXIT_FINDINGS if any(ke.Severity(k).rank >= threshold for k in counted) else EXIT_OK


def _rules_files(origins: Sequence[str]) -> list[str]:
    """The rules files of a run and every base each extends (read again here only when a
    worker process read them: the rule set read before is kept, and not parsed again)."""
    files: list[str] = []
    for origin in origins:
        try:
            files += ke.load_rules(origin).files or [origin]
        except ke.KinerjaError:
            files.append(origin)  # changed since the run read it: still an input
    return files


def _refuse_overwriting_inputs(output: str, inputs: Sequence[str]) -> None:
    """Refuse an ``--output`` that is one of the files read, however either is spelled
    (``./``, a symlink, a hard link): the same file is the same device and inode."""
    out = _identity(output)
    if out is None:
        return  # a new file is no input
    for name in inputs:
        if name != STDIN and _identity(name) == out:
            raise UsageError(msg("error.cli.overwrite-input", output=output, name=name))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return (found.st_dev, found.st_ino)


def _output_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class Terminated(BaseException):
    """SIGTERM or SIGHUP while the output is written: unwinds like Ctrl-C, so the
    temporary file is removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Terminated` within the block (SIGINT raises
    KeyboardInterrupt already); the handlers before it are restored after."""
    before: dict[signal.Signals, Any] = {}
    try:
        for caught in (signal.SIGTERM, signal.SIGHUP):
            before[caught] = signal.signal(caught, _terminate)
    except ValueError:
        pass  # not the main thread (main() called from a thread): the default holds
    try:
        yield
    finally:
        for caught, handler in before.items():
            signal.signal(caught, handler)


def _write(fh: Any, text: str | bytes) -> None:
    fh.write(text)


def _open(target: int | str, data: str | bytes) -> Any:
    """A file descriptor or path opened for ``data``: bytes (a workbook) as they are, text
    in UTF-8 with LF line ends."""
    opener: Any = os.fdopen if isinstance(target, int) else open
    if isinstance(data, bytes):
        return opener(target, "wb")
    return opener(target, "w", encoding="utf-8", newline="\n")


def _emit(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    try:
        mode = os.stat(output).st_mode
    except (OSError, ValueError):
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(text, output)
        return
    # A symlink to a file is kept: the file it names is replaced.
    target = Path(os.path.realpath(output)) if mode is not None else Path(output)
    # A temporary file beside the target, renamed over it: a reader never sees half a
    # file, and an interrupted run leaves the previous output as it was.
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(msg("error.cli.cannot-write", output=output, reason=reason)) from None
    try:
        with _cleanup_on_signals():
            with _open(fd, text) as fh:
                _write(fh, text)
            # mkstemp makes the file private (0600); a report is shared like any file the
            # user writes: keep the mode of the file it replaces, else follow the umask.
            os.chmod(tmp, _output_mode(target))
            os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or type(exc).__name__
            raise UsageError(
                msg("error.cli.cannot-replace", output=output, reason=reason)
            ) from None
        raise


def _write_through(text: str | bytes, output: str) -> None:
    """Write into a file that is not a regular one (``/dev/null``, a FIFO, a terminal,
    ``/proc/self/fd/1``): renaming a file over it would replace the node itself."""
    try:
        with _open(output, text) as fh:
            _write(fh, text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(msg("error.cli.cannot-write", output=output, reason=reason)) from None


def _rules(args: argparse.Namespace) -> int:
    if args.rules_command == "list":
        for name in ke.rule_sets():
            rules = ke.load_rules(name)
            print(f"{name:24} {rules.version}  {rules.title_in(args.lang)}")
        return EXIT_OK
    if args.rules_command == "show":
        sys.stdout.write(ke.render(ke.load_rules(args.name), lang=args.lang))
        return EXIT_OK
    rules = ke.load_rules(
        args.file if "/" in args.file or args.file.endswith(".toml") else f"./{args.file}"
    )
    bands, flags = len(rules.categories.bands), len(rules.flags)
    said = text(
        "cli.rules-ok",
        args.lang,
        file=args.file,
        name=rules.name,
        version=rules.version,
        bands=bands,
        flags=flags,
    )
    print(said)
    return EXIT_OK


# A severity's one word (as every report says it).
_SEVERITY_IDS = {
    "error": "chapter.severity.error",
    "warning": "chapter.severity.warning",
    "info": "chapter.severity.info",
}


def _checks(lang: str) -> int:
    catalogue = ke.checks()
    width = max(len(c.code) for c in catalogue)
    for c in catalogue:
        tol = "-" if c.tolerance is None else c.tolerance
        row = text(
            "cli.checks-row",
            lang,
            code=c.code,
            width=width,
            severity=text(_SEVERITY_IDS[c.severity], lang),
            tolerance=c.tolerance_id if lang == "id" and c.tolerance_id else tol,
            description=c.description_id if lang == "id" else c.description,
        )
        print(row)
    return EXIT_OK


STDIN = "-"
STDOUT = "-"


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
        raise UsageError(msg("error.cli.stdin-twice"))
    return Progress(
        len(args.cases),
        sys.stderr,
        lang=args.lang,
        checked=args.command == "check",
        names=args.cases,
    )


def _import(args: argparse.Namespace) -> int:
    inputs = [args.file]
    # The written case must evaluate: its rule set is checked before anything is
    # written, from the folder the case will be in (a path in it is taken from there).
    base = Path(args.output).parent if args.output else None
    if args.rules:
        with _option("--rules"):
            inputs += ke.load_rules(args.rules, base=base).files
    if args.output:
        _refuse_overwriting_inputs(args.output, inputs)
        if Path(args.output).is_file() and not args.force:
            raise UsageError(msg("error.cli.output-exists", output=args.output))
    imported = ke.import_csv(
        sys.stdin.buffer if args.file == STDIN else args.file,
        agency=args.agency,
        year=args.year,
        rules=args.rules,
        notation=args.notation,
        lang=args.lang,
    )
    if not args.rules:
        # The rule set the CSV itself names (or the default), checked as --rules is.
        try:
            inputs += ke.load_rules(imported.case.report.rules, base=base).files
        except ke.KinerjaError as exc:
            raise exc.located(file=args.file) from None
        if args.output:
            _refuse_overwriting_inputs(args.output, inputs)
    for note in imported.notes:
        _say(note)
    count = len(imported.case.indicators)
    if imported.direction_assumed:
        _say(text("cli.import.no-direction", args.lang, count=count))
    _emit(imported.text, args.output)
    if args.output:
        _say(text("cli.import.wrote", args.lang, output=args.output, count=count))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(ke.schema(args.kind))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
