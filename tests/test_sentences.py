"""No human sentence is written at the call site in the command line, the API, the loader and
the evaluator: each comes from the message catalogue (kinerja_engine/messages.py), where a
reviewer reads them all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kinerja_engine

PACKAGE = Path(kinerja_engine.__file__).parent
AUDIT = (
    "_common",
    "completeness",
    "footing",
    "labels",
    "periods",
    "plausibility",
    "recalculation",
    "review",
    "tieout",
)
SCANNED = (
    "cli/main.py",
    "cli/progress.py",
    "batch.py",
    "api.py",
    "io/textfile.py",
    "io/structure.py",
    "io/figures.py",
    "io/units.py",
    "io/tables.py",
    "io/rulesfile.py",
    "io/loading.py",
    "io/shape.py",
    "io/plaintoml.py",
    "evaluation/indicator.py",
    "evaluation/case.py",
    "evaluation/compiled.py",
    "evaluation/codegen.py",
    "rulesets/formula.py",
    *(f"audit/{name}.py" for name in AUDIT),
    "domain/checks.py",
    "domain/results.py",
)
# Two words, the second in lower case: "cannot write", "a folder", "Exit codes".
SENTENCE = re.compile(r"\b[A-Za-z][A-Za-z']* [a-z]{2,}\b")
# Literals that read like words but are not said to anyone; keep this list short.
ALLOWED: frozenset[str] = frozenset(
    {
        # Python's own message for a value outside an enum, read to find the value.
        "is not a valid",
        " is not a valid",
        # A TypeError for the package's own developer: a class the compiled backend cannot
        # build (an invariant of the package, never caused by input).
        "x cannot be built slot by slot",
        # The name of an input a finding cites as evidence, as "pagu" or "target" is: data.
        "total pagu",
    }
)


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of docstring nodes: documentation for the reader of the code, not output."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _literal_text(node: ast.expr) -> str | None:
    """A string literal's text; an f-string's with each placeholder read as a word."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x"
            for v in node.values
        )
    return None


def _patterns(tree: ast.Module) -> set[int]:
    """The ids of the arguments of ``re`` calls: patterns matched against another program's
    words (tomllib's messages), not words said to anyone."""
    return {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        for arg in node.args
    }


def sentences(source: str) -> list[tuple[int, str]]:
    """The string literals of ``source`` that read as human sentences, with their lines."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _patterns(tree)
    inside_fstring = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.expr) or id(node) in skipped | inside_fstring:
            continue
        said = _literal_text(node)
        if said is not None and said not in ALLOWED and SENTENCE.search(said):
            found.append((node.lineno, said))
    return found


def test_every_audit_module_is_scanned() -> None:
    assert sorted(
        p.stem for p in (PACKAGE / "audit").glob("*.py") if p.stem != "__init__"
    ) == sorted(AUDIT)


def test_the_scanned_modules_say_nothing_outside_the_catalogue() -> None:
    found = [
        f"{name}:{line}: {said!r}"
        for name in SCANNED
        for line, said in sentences((PACKAGE / name).read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_finds_a_sentence_in_any_form_of_literal() -> None:
    source = '''
"""A docstring is documentation."""
def f(output, reason):
    """So is this one."""
    a = "cannot write the file"
    b = f"cannot write --output {output}: {reason}"
    c = ("standard input (-) can be read"
         " only once")
    d = text("cli.help.trace", "en")
    e = re.compile(r"Invalid value (?P<key>.*)")
    return "kinerja_engine.cli", "--max-file-size", "{file}: ok", "<stdin>"
'''
    assert [line for line, _ in sentences(source)] == [5, 6, 7]
