"""The message catalogue: every text in both languages, each used, each said once."""

from __future__ import annotations

import ast
import pickle
import re
import string
from collections import Counter
from decimal import Decimal as D
from pathlib import Path

import pytest

import kinerja_engine
from kinerja_engine.errors import NumberError
from kinerja_engine.messages import CATALOGUE, LANGS, Message, msg, template, text
from kinerja_engine.numbers import Figure

PACKAGE = Path(kinerja_engine.__file__).parent
SOURCES = sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")])
# A catalogue call with a literal id: msg("x"), text("x", ...), template("x", ...) and the
# HTML template's t('x').
CALL = re.compile(r"""(?<![\w.])(?:messages\.)?(?:msg|text|template|t)\(\s*["']([^"'{}]+)["']""")
QUOTED = re.compile(r"""["']([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)["']""")


def _fields(form: str) -> list[tuple[str, str | None, str | None]]:
    return sorted(
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(form)
        if name is not None
    )


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SOURCES if p.name != "messages.py")


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for message_id, pair in CATALOGUE.items():
        assert len(pair) == len(LANGS), message_id
        indonesian, english = pair
        assert indonesian.strip() and english.strip(), message_id
        assert _fields(indonesian) == _fields(english), message_id


def test_a_text_without_placeholders_has_no_braces() -> None:
    # text() returns such a text as written, so an escaped brace would be printed doubled.
    for message_id, pair in CATALOGUE.items():
        for form in pair:
            if not _fields(form):
                assert "{" not in form and "}" not in form, message_id


def test_no_two_ids_say_the_same_thing() -> None:
    counts = Counter(CATALOGUE.values())
    assert [pair for pair, n in counts.items() if n > 1] == []


def test_every_id_is_used_in_the_package() -> None:
    quoted = set(QUOTED.findall(_source()))
    assert sorted(set(CATALOGUE) - quoted) == []


def test_every_id_the_package_asks_for_is_in_the_catalogue() -> None:
    asked = set(CALL.findall(_source()))
    assert asked, "the scan found no catalogue call: the pattern is wrong"
    assert sorted(asked - set(CATALOGUE)) == []


def test_the_catalogue_imports_nothing_from_the_package() -> None:
    tree = ast.parse((PACKAGE / "messages.py").read_text(encoding="utf-8"))
    names = [
        node.module or "" if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [n for n in names if n.startswith("kinerja_engine")]


def test_text_fills_placeholders_in_the_reader_language() -> None:
    assert text("chapter.realisasi-year", "id", year=2021) == "Realisasi 2021"
    assert text("chapter.realisasi-year", "en", year=2021) == "Actual 2021"
    assert template("chapter.not-drawn", "en") == "not drawn: {why}"


def test_a_message_field_is_rendered_in_the_same_language() -> None:
    nested = msg("error.number.cannot-read", shown="1,2,3", reason=msg("error.number.commas"))
    assert nested.render("id") == (
        "tidak dapat membaca '1,2,3' sebagai angka: tanda desimal ',' lebih dari satu"
    )
    assert nested.render("en") == (
        "cannot read '1,2,3' as a number: it has more than one decimal mark ','"
    )


def test_msg_refuses_an_id_the_catalogue_lacks() -> None:
    with pytest.raises(KeyError, match="no-such-message"):
        msg("error.no-such-message")


def test_an_error_renders_its_message_and_hint_in_either_language() -> None:
    err = NumberError(
        msg("error.number.cannot-read", shown="1e5", reason=msg("error.number.exponent")),
        key="indicator[0].target",
        hint=msg("hint.number.exponent"),
    )
    assert err.render("id") == (
        "indicator[0].target: tidak dapat membaca '1e5' sebagai angka: notasi eksponen tidak"
        " diterima dalam teks (saran: tulis angkanya lengkap, misalnya 100.000, bukan 1E5)"
    )
    assert err.render("en").endswith("(hint: write the digits out, e.g. 100.000 instead of 1E5)")
    assert err.message == "cannot read '1e5' as a number: exponent notation is not accepted in text"
    assert err.message_id.startswith("tidak dapat membaca '1e5'")
    assert err.hint_id == "tulis angkanya lengkap, misalnya 100.000, bukan 1E5"
    assert isinstance(err.text, Message) and err.text.id == "error.number.cannot-read"
    assert str(err) == err.render("en")


def test_an_error_survives_a_pickle_with_its_message_id() -> None:
    # Errors cross process boundaries (batch jobs) as pickles.
    err = NumberError(
        msg("error.number.cannot-read", shown="x", reason=msg("error.number.generic")),
        hint=msg("hint.number.generic"),
        file="a.toml",
        line=2,
    )
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is NumberError
    assert back.text == err.text and back.hint_text == err.hint_text
    assert back.render("id") == err.render("id")


def test_a_figure_field_reads_in_the_reader_notation() -> None:
    negative = msg(
        "error.rules.negative", key="audit.percent_tolerance", value=Figure(D("-1234.5"), 2)
    )
    assert (
        negative.render("id") == "audit.percent_tolerance tidak boleh negatif, tertulis -1.234,50"
    )
    assert negative.render("en") == "audit.percent_tolerance cannot be negative, found -1,234.50"
    assert Figure(D("0.125")).render("id") == "0,125"
