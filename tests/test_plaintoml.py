"""plaintoml: tomllib's own result on the plain subset, type for type, or None.

The oracle is tomllib. Documents are drawn from a grammar of lines, most of them plain,
many of them just outside the subset (valid TOML the subset leaves to tomllib) or not
TOML at all; whatever the line, :func:`plaintoml.loads` must give what tomllib gives or
decline, and must decline wherever tomllib refuses the text. Results are compared by
``repr``, which shows each Decimal's digits and exponent.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, bench_module
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kinerja_engine.io import plaintoml


def tomllib_or_error(text: str) -> Any:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except ValueError:  # TOMLDecodeError, and Python's limit on an integer's digits
        return "error"


def agrees(text: str) -> Any:
    """Asserts the contract on ``text``; returns plaintoml's result."""
    expected = tomllib_or_error(text)
    got = plaintoml.loads(text, parse_float=Decimal)
    if expected == "error":
        assert got is None, text
    elif got is not None:
        # repr: every type (1, 1.0, True), every Decimal's exponent, every key's order.
        assert repr(got) == repr(expected), text
    return got


# ---------------------------------------------------------------- the grammar

names = st.sampled_from(["a", "b", "indicator", "printed", "report", "x-1", "_2", "2022"])
off_names = st.sampled_from(['"a"', "'b'", "a.b", "a b", "", "é", '"in\\u0064icator"', "a."])
space = st.sampled_from(["", " ", "  ", "\t", " \t"])

ints = st.sampled_from(["0", "-0", "+0", "1", "-17", "+42", "12345678901234567890123"])
off_ints = st.sampled_from(["01", "1_000", "0x1F", "0o7", "0b1", "-", "+", "1__0", "9" * 4400])
floats = st.sampled_from(
    ["1.0", "-0.0", "+0.5", "1e5", "1E-05", "6.02e+23", "3.1415926535897932384626433832795"]
)
off_floats = st.sampled_from(["1.", ".5", "1.5e", "inf", "-nan", "1_0.5", "1e", "00.5", "1.e5"])
strings = st.sampled_from(['"a"', '""', '"tab\there"', '"é, ümlaut = 1"', "'lit'", "''", "'a\"b'"])
off_strings = st.sampled_from(
    [
        '"a\\"b"',
        '"esc\\n"',
        '"ctl\x01"',
        "'ctl\x7f'",
        '"""multi"""',
        "'''lit'''",
        '"unterminated',
        "'unterminated",
        '"a" "b"',
    ]
)
bools = st.sampled_from(["true", "false"])
off_scalars = st.sampled_from(["True", "yes", "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z"])
scalars = st.one_of(ints, floats, strings, bools)
any_scalars = st.one_of(scalars, off_ints, off_floats, off_strings, off_scalars)


@st.composite
def arrays(draw: st.DrawFn, item: st.SearchStrategy[str], *, strict: bool = True) -> str:
    items = draw(st.lists(item, max_size=4))
    sep = draw(st.sampled_from([",", ", ", " , ", ",\t"]))
    endings = ["", ",", ", "] if strict else ["", ",", ",,", " ,"]
    trailing = draw(st.sampled_from(endings)) if items else ""
    return "[" + draw(space) + sep.join(items) + trailing + draw(space) + "]"


@st.composite
def inline_tables(
    draw: st.DrawFn,
    key: st.SearchStrategy[str],
    item: st.SearchStrategy[str],
    *,
    strict: bool = True,
) -> str:
    # strict: keys unique and no trailing comma (TOML allows none in an inline table).
    pairs = draw(
        st.lists(st.tuples(key, item), max_size=4, unique_by=(lambda p: p[0]) if strict else None)
    )
    body = ", ".join(f"{k}{draw(space)}={draw(space)}{v}" for k, v in pairs)
    trailing = draw(st.sampled_from(["", ","])) if pairs and not strict else ""
    return "{" + draw(space) + body + trailing + draw(space) + "}"


# Values in the subset: a line of these with a new key is always taken.
plain_values = st.one_of(scalars, arrays(scalars), inline_tables(names, scalars))
off_values = st.one_of(
    any_scalars,
    arrays(any_scalars, strict=False),
    arrays(arrays(scalars)),
    inline_tables(st.one_of(names, off_names), any_scalars, strict=False),
    inline_tables(names, arrays(scalars)),
    # one fault only: a trailing comma too many, or (perhaps) a key twice
    arrays(scalars, strict=False),
    inline_tables(names, scalars, strict=False),
    st.sampled_from(
        ["[\n1,\n2\n]", '"""\nx\n"""', "{ a = 1,\n b = 2 }", "[1 2]", "{ a = 1 b = 2 }"]
    ),
)
comments = st.sampled_from(["", " # note", "# x = 1", " #", " # ctl\x01", " # é", " #\t[a]"])
endings = st.sampled_from(["\n"] * 8 + ["\r\n", "\r", "\n\n", "\n\n"])


@st.composite
def plain_lines(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["pair", "pair", "pair", "table", "array", "sub", "blank"]))
    w = draw(space)
    if kind == "pair":
        body = f"{w}{draw(names)}{draw(space)}={draw(space)}{draw(plain_values)}"
    elif kind == "table":
        body = f"{w}[{draw(space)}{draw(names)}{draw(space)}]"
    elif kind == "array":
        body = f"{w}[[{draw(space)}{draw(names)}{draw(space)}]]"
    elif kind == "sub":
        body = f"{w}[[{draw(names)}{draw(space)}.{draw(space)}{draw(names)}]]"
    else:
        body = w
    return body + draw(space) + draw(comments)


@st.composite
def off_lines(draw: st.DrawFn) -> str:
    key = draw(st.one_of(names, off_names))
    return draw(
        st.sampled_from(
            [
                f"{key} = {draw(off_values)}",
                f"{draw(names)} = {draw(off_values)}",
                f"[{key}]",
                f"[[{key}]]",
                f"[{draw(names)}.{draw(names)}]",
                f"[[{draw(names)}.{draw(names)}.{draw(names)}]]",
                f"[ [{draw(names)}] ]",
                f"[{draw(names)}]]",
                f"[[{draw(names)}]",
                f"{draw(names)} = ",
                f"= {draw(scalars)}",
                f"{draw(names)} = {draw(scalars)} {draw(scalars)}",
                "\ufeff",
            ]
        )
    )


@st.composite
def documents(draw: st.DrawFn, line: st.SearchStrategy[str]) -> str:
    lines = draw(st.lists(st.tuples(line, endings), max_size=12))
    text = "".join(body + end for body, end in lines)
    if lines and draw(st.booleans()):
        text = text.rstrip("\r\n")  # no newline at the end
    return text


# ---------------------------------------------------------------- the contract


@settings(max_examples=1500)
@given(documents(st.one_of(plain_lines(), plain_lines(), off_lines())))
@example("a = 1\na = 2\n")  # a key twice
@example("[a]\n[a]\n")  # a table twice
@example("a = [1]\n[[a]]\n")  # an array value extended as an array of tables
@example("[a]\n[[a]]\n")
@example("[[a]]\n[a]\n")
@example("[[a.b]]\n")  # a sub-array before its array: tomllib makes `a` a table
@example("[[a]]\nb = 1\n[[a.b]]\n")
@example("[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\nc = 1\n")
@example("a = {b = 1, b = 2}\n")
@example("a = { b = 1, }\n")
@example("a = [1,,]\n")
@example("[a]\r")  # the newline added at the end must not complete a "\r\n"
@example("a = 1\r\n[b]\r\nc = 'x'\r\n")
@example("a = 1\rb = 2\n")
@example("a = 1 # ctl \x7f\n")
@example("n = 1" + "0" * 4400 + "\n")  # past Python's digit limit: tomllib raises
@example("x = 01\n")  # TOML refuses a leading zero; so must the plain reader
@example("x = -01\n")
@example("")
def test_plaintoml_gives_tomllibs_result_or_declines(text: str) -> None:
    agrees(text)


@settings(max_examples=500)
@given(st.lists(st.tuples(names, plain_values), max_size=8, unique_by=lambda pair: pair[0]))
def test_plain_key_lines_are_taken(pairs: list[tuple[str, str]]) -> None:
    # New keys with values in the subset: the fast path must take them (else it would be
    # a path that never runs, and the contract test above would pass on None alone).
    text = "".join(f"{key} = {value}\n" for key, value in pairs)
    assert agrees(text) is not None


def pairs_block(pairs: list[tuple[str, str]], end: str) -> str:
    return "".join(f"{key} = {value}{end}" for key, value in pairs)


unique_pairs = st.lists(st.tuples(names, plain_values), max_size=4, unique_by=lambda p: p[0])


@settings(max_examples=300)
@given(
    unique_pairs,
    st.lists(st.tuples(unique_pairs, st.lists(unique_pairs, max_size=2)), max_size=4),
    st.sampled_from(["\n", "\r\n"]),
)
def test_a_case_shaped_document_is_taken(
    report: list[tuple[str, str]],
    indicators: list[tuple[list[tuple[str, str]], list[list[tuple[str, str]]]]],
    end: str,
) -> None:
    # Keys new to their tables under headers in a valid order: taken, and equal.
    text = f"[report]{end}{pairs_block(report, end)}"
    for own, printed in indicators:
        text += f"[[indicator]]{end}{pairs_block([p for p in own if p[0] != 'printed'], end)}"
        for entry in printed:
            text += f"[[ indicator . printed ]]{end}{pairs_block(entry, end)}"
    assert agrees(text) is not None


def test_a_national_case_is_taken_whole() -> None:
    text = bench_module("generate").case_text(300, seed=3)
    got = agrees(text)
    assert got is not None
    assert len(got["indicator"]) == 300


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "cases").glob("*.toml")) + sorted((ROOT / "rules").glob("*.toml")),
    ids=lambda path: path.name,
)
def test_shipped_files(path: Path) -> None:
    agrees(path.read_text(encoding="utf-8"))


def test_the_real_case_is_taken() -> None:
    text = (ROOT / "cases" / "dkupp-probolinggo-2021.toml").read_text(encoding="utf-8")
    assert agrees(text) is not None


def test_floats_are_made_by_parse_float_from_their_text() -> None:
    seen: list[str] = []

    def parse_float(text: str) -> str:
        seen.append(text)
        return text

    got = plaintoml.loads("a = 1.50\nb = [-0.0, 1E5]\nc = { d = 2e-3 }\n", parse_float=parse_float)
    assert got == {"a": "1.50", "b": ["-0.0", "1E5"], "c": {"d": "2e-3"}}
    assert seen == ["1.50", "-0.0", "1E5", "2e-3"]
