"""The documentation's examples run as printed (README.md and docs/*.md, from the repository
root): every ```python block runs and the test_ functions it defines are called; every
```console block is a transcript whose `$ kinerja ...` lines must print exactly what follows
them; the `kinerja ...` commands of the other shell blocks name commands and options the CLI
has. The pages also stay in step with the code they describe (the audit catalogue, the
shipped rule sets, the error kinds) and link only to files that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

import kinerja_engine as ke
from kinerja_engine.cli import main  # the entry point of the `kinerja` script

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
FENCE = re.compile(
    r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)
SHELLS = ("sh", "bash", "shell")
# The pages the issue asks for; each must exist and be listed in the index.
REQUIRED = (
    "case-format.md",
    "rules-format.md",
    "audit.md",
    "strategies.md",
    "performance.md",
    "errors.md",
    "architecture.md",
)


class Block:
    def __init__(self, page: Path, lang: str, body: str, line: int) -> None:
        self.page, self.lang, self.body, self.line = page, lang, body, line

    def __repr__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(*langs: str) -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m["lang"] in langs:
                line = text.count("\n", 0, m.start()) + 1
                found.append(Block(page, m["lang"], m["body"], line))
    return found


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit code and output (standard output, then standard error) of `kinerja ARGV`."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --help and usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out + err


def test_the_pages_exist_and_the_index_lists_them() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for name in REQUIRED:
        assert (DOCS / name).is_file(), f"docs/{name} is missing"
        assert f"]({name})" in index, f"docs/README.md does not link {name}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/README.md)" in readme, "the README does not link the docs index"


def test_the_readme_starts_with_the_two_commands() -> None:
    # A fresh clone is judged by these two commands (issue 13): they come first, as printed.
    first, second = blocks(*SHELLS)[:2]
    assert first.page.name == second.page.name == "README.md" and first.page.parent == ROOT
    assert (
        first.body.strip() == "pip install . && kinerja evaluate cases/dkupp-probolinggo-2021.toml"
    )
    assert second.body.strip() == "pip install '.[test]' && python -m pytest"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```sh") < text.index("\n## "), "the commands come before any section"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path = target.split("#", 1)[0]
        if path:
            assert (page.parent / path).exists(), f"{page.name} links to missing {target}"


@pytest.mark.parametrize("block", blocks("python"), ids=repr)
def test_python_examples_run_as_printed(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "docs_example"}
    exec(compile(block.body, repr(block), "exec"), namespace)
    for name, value in namespace.items():
        if name.startswith("test_") and callable(value):
            value()


def test_the_strategies_guide_example_is_a_set_of_properties() -> None:
    (example,) = [b for b in blocks("python") if b.page.name == "strategies.md"]
    namespace: dict[str, Any] = {"__name__": "docs_example"}
    exec(compile(example.body, repr(example), "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_")]
    assert len(tests) >= 3
    for test in tests:
        assert hasattr(test, "hypothesis"), "each example test is a hypothesis property"


def transcript(block: Block) -> list[tuple[str, list[str]]]:
    """The commands of a console block, each with the lines it must print."""
    steps: list[tuple[str, list[str]]] = []
    for raw in block.body.splitlines():
        if raw.startswith("$ "):
            steps.append((raw[2:].strip(), []))
        else:
            assert steps, f"{block}: output before the first command"
            steps[-1][1].append(raw.rstrip())
    return steps


def matches(expected: list[str], actual: list[str]) -> bool:
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == "…" else re.escape(line) + r"\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual)) is not None


@pytest.mark.parametrize("block", blocks("console"), ids=repr)
def test_console_examples_print_what_the_page_says(
    block: Block, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    steps = transcript(block)
    assert any(command.startswith("kinerja ") for command, _ in steps)
    for command, expected in steps:
        if command.startswith("cd "):
            assert not expected
            monkeypatch.chdir(ROOT / command[3:].strip())
            continue
        show_code = command.endswith("; echo $?")
        argv = shlex.split(command.removesuffix("; echo $?"))
        assert argv[0] == "kinerja", f"{block}: only kinerja commands run here: {command}"
        code, output = run(argv[1:], capsys)
        actual = [line.rstrip() for line in output.splitlines()]
        if show_code:
            actual.append(str(code))
        assert matches(expected, actual), f"{block}: `{command}` printed:\n" + "\n".join(actual)


def commands(block: Block) -> list[str]:
    """The `kinerja ...` commands of a shell block, without comments or redirections."""
    found = []
    for raw in block.body.splitlines():
        line = re.sub(r"\s#\s.*$", "", raw)
        for part in re.split(r"&&|;", line):
            command = re.split(r"\s[<>]\s?", part.strip())[0]
            if command.startswith("kinerja ") or command == "kinerja":
                found.append(command)
    return found


SHELL_COMMANDS = [(b, c) for b in blocks(*SHELLS) for c in commands(b)]


@pytest.mark.parametrize(
    ("block", "command"), SHELL_COMMANDS, ids=[f"{b!r} {c}" for b, c in SHELL_COMMANDS]
)
def test_shell_examples_name_real_commands_and_options(
    block: Block, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    words = command.split()[1:]
    positional = [w for w in words if not w.startswith("-")]
    path = positional[:1]
    if path == ["rules"] and len(positional) > 1 and positional[1] in {"list", "show", "check"}:
        path = positional[:2]
    code, usage = run([*path, "--help"], capsys)
    assert code == 0, f"{block}: `kinerja {' '.join(path)}` is not a command"
    if path:
        top = run(["--help"], capsys)[1]
        assert re.search(rf"^\s+{path[0]}\s", top, re.MULTILINE), f"{block}: no command {path[0]}"
    for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", command):
        assert option in usage or option == "--debug", (
            f"{block}: `kinerja {' '.join(path)}` has no option {option}"
        )


def test_the_audit_page_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, listing = run(["checks", "--lang", "en"], capsys)
    assert code == 0
    page = (DOCS / "audit.md").read_text(encoding="utf-8")
    rows = [line.split() for line in listing.splitlines() if line.strip()]
    assert len(rows) >= 19
    for code_name, severity, *_ in rows:
        assert f"| `{code_name}` | {severity} |" in page, f"docs/audit.md lacks {code_name}"


def test_the_shipped_rule_sets_are_the_ones_documented(capsys: pytest.CaptureFixture[str]) -> None:
    code, listing = run(["rules", "list"], capsys)
    assert code == 0
    shipped = {line.split()[0] for line in listing.splitlines() if line.strip()}
    assert len(shipped) == 6
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rules_page = (DOCS / "rules-format.md").read_text(encoding="utf-8")
    for name in shipped:
        assert f"- `{name}`:" in readme, f"the README does not describe {name}"
        assert f"| `{name}` |" in rules_page, f"docs/rules-format.md does not describe {name}"


def test_the_errors_page_names_every_kind() -> None:
    page = (DOCS / "errors.md").read_text(encoding="utf-8")
    kinds = ke.KinerjaError.__subclasses__()
    assert len(kinds) >= 6
    for kind in kinds:
        assert f"(`{kind.__name__}`)" in page, f"docs/errors.md does not describe {kind.__name__}"
