"""No human sentence is written at the call site in the command line, the API, the loader and
the evaluator: each comes from the message catalogue (kinerja_engine/messages.py), where a
reviewer reads them all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kinerja_engine

PACKAGE = Path(kinerja_engine.__file__).parent
# Every module is scanned, but these: the catalogue itself, and the strategies, whose
# words are generated test data (agency and indicator names), not output.
NOT_SCANNED = ("messages.py", "testing/strategies.py")
# Module-level vocabularies: words read FROM reports and spreadsheets (units, column
# headers, direction words, the csv module's fault messages), matched against input,
# never said to anyone.
VOCABULARIES = {
    "domain/model.py": {"_UNIT_KINDS"},
    "domain/units.py": {"_BASES"},
    "io/importing.py": {
        "COLUMNS",
        "IGNORED",
        "_DIRECTION_WORDS",
        "_CSV_UNCLOSED",
        "_CSV_TOO_LONG",
        "_BUDGET_GROUP",
        "_IN_BUDGET",
        "_TOTAL_WORDS",
        "_MEAN_WORDS",
        "_MEAN_PREFIX",
        "_TOTAL_PREFIXES",
    },
}
# An exception that is not a KinerjaError is the package's word to a developer who called
# it wrongly (a ValueError naming the formats there are), in English as Python's own are.
DEVELOPER_ERRORS = {"ValueError", "TypeError", "KeyError", "AttributeError", "RuntimeError"}
SCANNED = tuple(
    str(p.relative_to(PACKAGE))
    for p in sorted(PACKAGE.rglob("*.py"))
    if str(p.relative_to(PACKAGE)) not in NOT_SCANNED
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


def _inside(nodes: list[ast.AST]) -> set[int]:
    return {id(n) for node in nodes for n in ast.walk(node)}


def _developer_errors(tree: ast.Module) -> set[int]:
    """The ids of every node inside ``raise ValueError(...)`` and its kin, and inside
    ``warnings.warn(...)``."""
    said: list[ast.AST] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and isinstance(node.exc.func, ast.Name)
            and node.exc.func.id in DEVELOPER_ERRORS
        ):
            said.append(node.exc)
        # warnings.warn(...): a DeprecationWarning to the developer who used an old name.
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "warn"
        ):
            said.append(node)
    return _inside(said)


def _vocabularies(tree: ast.Module, names: set[str]) -> set[int]:
    """The ids of every node inside the module-level statements that define ``names``."""
    found: list[ast.AST] = []
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id in names for t in targets):
            found.append(node)
    return _inside(found)


def sentences(source: str, vocabularies: set[str] | None = None) -> list[tuple[int, str]]:
    """The string literals of ``source`` that read as human sentences, with their lines."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _patterns(tree) | _developer_errors(tree)
    skipped |= _vocabularies(tree, vocabularies or set())
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


def test_every_module_is_scanned_but_the_catalogue_and_the_strategies() -> None:
    assert len(SCANNED) > 50
    assert {"audit/labels.py", "rendering/basic.py", "numbers.py"} <= set(SCANNED)


def test_the_scanned_modules_say_nothing_outside_the_catalogue() -> None:
    found = [
        f"{name}:{line}: {said!r}"
        for name in SCANNED
        for line, said in sentences(
            (PACKAGE / name).read_text(encoding="utf-8"), VOCABULARIES.get(name)
        )
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


def test_developer_errors_and_vocabularies_are_not_output() -> None:
    source = """
WORDS = {"juta rupiah": 1}
def f(x):
    if x:
        raise ValueError("cannot round this")
    warnings.warn("the old name is deprecated", DeprecationWarning)
    raise KinerjaError("a sentence said to a user")
"""
    assert [line for line, _ in sentences(source, {"WORDS"})] == [7]
    assert [line for line, _ in sentences(source)] == [2, 7]
