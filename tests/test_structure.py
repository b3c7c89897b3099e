"""The converter's plain-table hooks (kinerja_engine.io.tables) against its general hooks.

For every document, the converter gives what it gives with every table on its general
hook (cattrs' generated code after the shape and unit checks): the very same case,
figure for figure down to a Decimal's exponent, or the very same error, message, key
and hint. Well-formed cases must have every table read by the plain branch, or it
would be dead weight. Whatever the converter structures nests no deeper than
MODEL_DEPTH, which lets the loader skip the nesting check of a case it structured.
"""

from __future__ import annotations

import copy
import datetime
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import bench_module
from hypothesis import example, given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import strategies as ks
from kinerja_engine.domain.model import Indicator, ReportInfo
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io import figures, structure, tables, textfile
from kinerja_engine.io.writing import case_to_toml
from kinerja_engine.numbers import parse_number

ROOT = Path(__file__).resolve().parent.parent
GENERAL = structure.make_converter(plain_tables=False)


def outcome(data: dict[str, Any], **kw: Any) -> ke.Case | KinerjaError:
    """A case, or the error structuring raises."""
    try:
        return structure.case_from_data(data, **kw)
    except KinerjaError as exc:
        return exc


def _error(exc: KinerjaError) -> tuple[Any, ...]:
    return (type(exc), exc.message, exc.message_id, exc.key, repr(exc.value), exc.hint)


def assert_agree(data: dict[str, Any], *, plain_expected: bool = False) -> None:
    before = copy.deepcopy(data)
    fast = outcome(data)
    assert data == before, "structuring changed its input"
    slow = outcome(data, converter=GENERAL)
    assert data == before
    if isinstance(slow, KinerjaError):
        assert not plain_expected, f"the general hooks refuse a well-formed case: {slow}"
        assert isinstance(fast, KinerjaError), f"a document the general hooks refuse: {slow}"
        assert _error(fast) == _error(slow)
        return
    assert not isinstance(fast, KinerjaError), fast
    assert fast == slow
    # repr shows each Decimal's exponent: 1.50 is not 1.5 for a printed figure.
    assert repr(fast) == repr(slow)
    # The loader skips the nesting check of a case it structured (up to MODEL_DEPTH).
    assert not textfile.data_deeper_than(data, tables.MODEL_DEPTH)
    if plain_expected:
        for key, read in (
            ("indicator", tables.plain_indicator),
            ("budget", tables.plain_budget_line),
            ("objective", tables.plain_objective),
        ):
            for raw in data.get(key, []):
                read(raw)  # raises NotPlain for a table the plain branch does not read


def test_the_plain_branch_knows_every_field_of_the_model() -> None:
    for cls, keys in tables.HANDLED.items():
        renames = structure.RENAMES.get(cls, {})
        fields = {renames.get(a.name, a.name) for a in attrs.fields(cls) if a.name != "origin"}
        assert keys == fields, cls


@pytest.mark.parametrize("path", sorted((ROOT / "cases").glob("*.toml")), ids=lambda p: p.name)
def test_shipped_cases_take_the_plain_branch(path: Path) -> None:
    assert_agree(textfile.read_toml(path).data, plain_expected=True)


def test_generated_national_cases_take_the_plain_branch() -> None:
    generate = bench_module("generate")
    text = generate.case_text(300, 11, fault_rate=0.2, printed=True)
    assert_agree(tomllib.loads(text, parse_float=Decimal), plain_expected=True)


@given(ks.rule_sets().flatmap(ks.cases))
def test_generated_cases_take_the_plain_branch(case: ke.Case) -> None:
    assert_agree(tomllib.loads(case_to_toml(case), parse_float=Decimal), plain_expected=True)


@given(ks.indicators(complete=False))
def test_generated_indicators_take_the_plain_branch(ind: Indicator) -> None:
    case = ke.Case(format="kinerja-case/1", report=ReportInfo("Dinas", 2021), indicators=(ind,))
    assert_agree(tomllib.loads(case_to_toml(case), parse_float=Decimal), plain_expected=True)


# ---------------------------------------------------------------- broken documents

BASE = """
format = "kinerja-case/1"
[report]
agency = "Dinas"
year = 2021
[[objective]]
id = "o"
name = "O"
[[indicator]]
id = "a"
name = "A"
objective = "o"
unit = "cm"
direction = "higher_is_better"
target = "16,5 cm"
realisasi = 17
renstra_target = 20
history = { 2020 = "15 cm", 2019 = 14.50 }
budget = { pagu = "1.000,00", realisasi = "Rp 900" }
[[indicator.printed]]
where = "Tabel 1"
year = 2021
capaian = "103,03 %"
target = "16,5 cm"
category = "Sangat Tinggi"
[[indicator]]
id = "b"
name = "B"
unit = "menit"
direction = "lower_is_better"
target = [300, 420]
realisasi = "6 jam 37 menit"
[[budget]]
id = "p"
name = "P"
pagu = 100
realisasi = "90,5"
printed_percent = "90,50"
where = "Tabel 2"
"""

# Values TOML can hold, each wrong somewhere: types, bounds, marks, durations, words.
ODD = st.sampled_from(
    [
        "-",
        "",
        "abc",
        "87.5",
        "1.2345",
        "12 %",
        "Rp 5",
        "Rp. 1.000,-",
        "6 jam",
        "2 bulan",
        "6 jam 2 bulan",
        "16,82 cm",
        "1e400",
        " 1.000 ",
        "2,5 T",
        "١٢",
        0,
        -1,
        10**21 - 1,
        10**21,
        -(10**21),
        True,
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("1E+21"),
        Decimal("-0.0"),
        Decimal("999999999999999999999.99"),
        datetime.date(2021, 1, 1),
        [],
        [1],
        [1, 2, 3],
        ["-", 5],
        [5, "7 jam"],
        {},
        {"x": 1},
        {"2020": "abc"},
        {"20٢٠": 1},
        {"1899": 1},
        "higher_is_better",
        "within_range",
        "kinerja-case/1",
        "%",
        "persen",
        "jam",
        "menit",
        "bulan",
        "Rp",
        "m",
    ]
)


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document: keys of tables, indexes of arrays."""
    out = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*at, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            out += _paths(item, (*at, n))
    return out


@st.composite
def broken(draw: st.DrawFn) -> dict[str, Any]:
    """BASE with one to three places changed: a value replaced, a key dropped or added."""
    doc = tomllib.loads(BASE, parse_float=Decimal)
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(_paths(doc)[1:]))
        parent = doc
        for step in place[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if action == "replace":
            parent[place[-1]] = copy.deepcopy(draw(ODD))
        elif action == "drop":
            del parent[place[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "targt", "where", "year", "unit"]))] = (
                copy.deepcopy(draw(ODD))
            )
    return doc


def test_the_base_document_takes_the_plain_branch() -> None:
    doc = tomllib.loads(BASE, parse_float=Decimal)
    assert_agree(doc, plain_expected=True)
    # Printed entries reach the deepest level a case may.
    assert textfile.data_deeper_than(doc, tables.MODEL_DEPTH - 1)


def _tables(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [p for p in _paths(value, at) if isinstance(_at(value, p), dict)]


def _at(doc: Any, place: tuple[Any, ...]) -> Any:
    for step in place:
        doc = doc[step]
    return doc


@pytest.mark.parametrize("place", _tables(tomllib.loads(BASE, parse_float=Decimal)), ids=repr)
def test_an_unknown_key_in_any_table_is_refused(place: tuple[Any, ...]) -> None:
    doc = tomllib.loads(BASE, parse_float=Decimal)
    _at(doc, place)["extra"] = 1
    refused = outcome(doc)
    assert isinstance(refused, KinerjaError)
    assert refused.key is not None and refused.key.endswith("extra")
    assert_agree(doc)


@given(broken())
def test_a_broken_document_gets_the_general_hooks_answer(doc: dict[str, Any]) -> None:
    assert_agree(doc)


@pytest.mark.parametrize(
    ("unit", "figure"),
    [
        ("cm", "12 %"),  # a percentage in a cm indicator
        ("%", "Rp 5"),  # rupiah in a percent indicator
        ("menit", "2 bulan"),  # a duration of the other family
        ("jam", "6 jam 37 menit"),  # minutes, in an indicator counted in hours
    ],
)
def test_unit_marks_at_odds_with_the_unit_are_refused(unit: str, figure: str) -> None:
    doc = tomllib.loads(BASE, parse_float=Decimal)
    doc["indicator"][0]["unit"] = unit
    doc["indicator"][0]["realisasi"] = figure
    doc["indicator"][0].pop("history")
    refused = outcome(doc)
    assert isinstance(refused, KinerjaError)
    assert refused.key == "indicator[0].realisasi"
    assert_agree(doc)
    with pytest.raises(KinerjaError):
        tables.plain_indicator(doc["indicator"][0])


# ---------------------------------------------------------------- plain figures

PLAIN_TEXT = st.text(st.sampled_from("0123456789.,- %Rp\u00a0"), max_size=30)


# Pinned: the digit bound (21 digits read, 22 refused), leading zeros, empty, grouped.
@example("1000000000000000000000")
@example("999999999999999999999")
@example("1.000.000.000.000.000.000.000")
@example("-1000000000000000000000")
@example("007")
@example("")
@example("0,000000")
@example("10.000.000.000.000.000,01")
@given(
    st.one_of(
        PLAIN_TEXT,
        st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{3}){0,8}(,[0-9]{1,4})?", fullmatch=True),
        st.from_regex(r"[0-9]{1,25}(,[0-9]{1,4})?", fullmatch=True),
        st.integers(-(10**22), 10**22),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.sampled_from([10**21 - 1, 10**21, -(10**21) + 1, -(10**21), Decimal("1E+21")]),
    )
)
def test_a_plain_figure_reads_as_parse_number_reads_it(value: Any) -> None:
    number = figures.plain_number(value)
    if number is None:
        return
    parsed = parse_number(value)
    assert parsed is not None
    assert (parsed.mark, parsed.duration) == (None, None)
    assert repr(parsed.value) == repr(number)
