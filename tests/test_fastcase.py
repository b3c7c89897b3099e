"""The loader's fast path (kinerja_engine.io.fastcase) against its general path.

For every document the general path accepts, the fast path gives the very same case
(figure for figure, down to a Decimal's exponent) or gives up; for every document the
general path refuses, it gives up, so that the general path alone reports faults, with
the messages, key paths and lines the bad-input catalogue holds. Well-formed cases, the
seed's and generated ones, must take the fast path, or it would be dead weight.
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
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine import strategies as ks
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io import fastcase, loading, textfile
from kinerja_engine.io.writing import case_to_toml
from kinerja_engine.numbers import parse_number

ROOT = Path(__file__).resolve().parent.parent


def general(data: dict[str, Any]) -> ke.Case | KinerjaError:
    """What the general path makes of ``data``: a case, or the error it reports."""
    try:
        stripped = loading._without_units(data)
        loading._check_marks(stripped)
        return loading.structure(stripped, ke.Case)
    except KinerjaError as exc:
        return exc


def assert_agree(data: dict[str, Any], *, fast_expected: bool = False) -> None:
    before = copy.deepcopy(data)
    fast = fastcase.fast_case(data)
    assert data == before, "the fast path changed its input"
    slow = general(data)
    if isinstance(slow, KinerjaError):
        assert not fast_expected, f"the general path refuses a well-formed case: {slow}"
        assert fast is None, f"the fast path took a document the general path refuses: {slow}"
        return
    if fast_expected:
        assert fast is not None, "a well-formed case missed the fast path"
    if fast is not None:
        assert fast == slow
        # repr shows each Decimal's exponent: 1.50 is not 1.5 for a printed figure.
        assert repr(fast) == repr(slow)
        # The loader skips the nesting check for what the fast path takes, up to DEPTH.
        assert not textfile.data_deeper_than(data, fastcase.DEPTH)


def test_the_fast_path_knows_every_field_of_the_model() -> None:
    for cls, keys in fastcase.HANDLED.items():
        renames = loading._RENAMES.get(cls, {})
        fields = {renames.get(a.name, a.name) for a in attrs.fields(cls) if a.name != "origin"}
        assert keys == fields, cls


@pytest.mark.parametrize("path", sorted((ROOT / "cases").glob("*.toml")), ids=lambda p: p.name)
def test_shipped_cases_take_the_fast_path(path: Path) -> None:
    assert_agree(loading.read_toml(path).data, fast_expected=True)


def test_generated_national_cases_take_the_fast_path() -> None:
    generate = bench_module("generate")
    text = generate.case_text(300, 11, fault_rate=0.2, printed=True)
    assert_agree(tomllib.loads(text, parse_float=Decimal), fast_expected=True)


@given(ks.rule_sets().flatmap(ks.cases))
def test_generated_cases_take_the_fast_path(case: ke.Case) -> None:
    assert_agree(tomllib.loads(case_to_toml(case), parse_float=Decimal), fast_expected=True)


@given(ks.indicators(complete=False))
def test_generated_indicators_take_the_fast_path(ind: ke.Indicator) -> None:
    case = ke.Case(format="kinerja-case/1", report=ke.ReportInfo("Dinas", 2021), indicators=(ind,))
    assert_agree(tomllib.loads(case_to_toml(case), parse_float=Decimal), fast_expected=True)


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


def test_the_base_document_takes_the_fast_path() -> None:
    doc = tomllib.loads(BASE, parse_float=Decimal)
    assert_agree(doc, fast_expected=True)
    # Printed entries reach the deepest level the fast path allows.
    assert textfile.data_deeper_than(doc, fastcase.DEPTH - 1)


@given(broken())
def test_a_broken_document_never_passes_the_fast_path_alone(doc: dict[str, Any]) -> None:
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
def test_unit_marks_at_odds_with_the_unit_go_to_the_general_path(unit: str, figure: str) -> None:
    doc = tomllib.loads(BASE, parse_float=Decimal)
    doc["indicator"][0]["unit"] = unit
    doc["indicator"][0]["realisasi"] = figure
    doc["indicator"][0].pop("history")
    assert isinstance(general(doc), KinerjaError)
    assert fastcase.fast_case(doc) is None


# ---------------------------------------------------------------- plain figures

PLAIN_TEXT = st.text(st.sampled_from("0123456789.,- %Rp\u00a0"), max_size=30)


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
    number = fastcase._number(value)
    if number is None:
        return
    parsed = parse_number(value)
    assert parsed is not None
    assert (parsed.mark, parsed.duration) == (None, None)
    assert repr(parsed.value) == repr(number)


# ---------------------------------------------------------------- structured ahead


def test_structures_prepared_for_the_head_of_an_array_are_used_as_made() -> None:
    data = tomllib.loads(
        bench_module("generate").case_text(60, 5, printed=True), parse_float=Decimal
    )
    whole = fastcase.fast_case(data)
    assert whole is not None
    # As tomlsplit hands them over: the head's arrays first, extended in place later.
    indicators, budget = data["indicator"], data["budget"]
    head = {"indicator": indicators[:25], "budget": budget[:3]}
    prepared = fastcase.prepare(head)
    assert set(prepared) == {"indicator", "budget"}
    head["indicator"] += indicators[25:]
    head["budget"] += budget[3:]
    later = {**data, **head}
    got = fastcase.fast_case(later, prepared)
    assert got == whole
    assert repr(got) == repr(whole)


def test_structures_prepared_for_another_array_are_not_used() -> None:
    data = tomllib.loads(BASE, parse_float=Decimal)
    other = copy.deepcopy(data)
    other["indicator"][0]["id"] = "other"
    prepared = fastcase.prepare(other)
    got = fastcase.fast_case(data, prepared)
    assert got is not None
    assert [i.id for i in got.indicators] == ["a", "b"]


def test_nothing_is_prepared_for_an_array_the_fast_path_would_not_take() -> None:
    data = tomllib.loads(BASE, parse_float=Decimal)
    data["indicator"][1]["target"] = "banyak"
    prepared = fastcase.prepare(data)
    assert "indicator" not in prepared
    assert "budget" in prepared
    assert_agree(data)
    assert fastcase.fast_case(data, prepared) is None


def test_an_array_growing_piece_by_piece_is_structured_once_a_table() -> None:
    data = tomllib.loads(
        bench_module("generate").case_text(60, 6, printed=True), parse_float=Decimal
    )
    whole = fastcase.fast_case(data)
    assert whole is not None
    indicators = data["indicator"]
    head = {"indicator": indicators[:10]}
    prepared = fastcase.prepare(head)
    first = prepared["indicator"][2]
    for end in (10, 25, 26, 60):  # as tomlsplit appends the worker's pieces
        head["indicator"] += indicators[len(head["indicator"]) : end]
        prepared.update(fastcase.prepare(head, prepared))
        array, count, made = prepared["indicator"]
        assert array is head["indicator"] and count == len(made) == end
    # The tables structured earlier are the very structures made then, not made again.
    assert all(a is b for a, b in zip(first, made, strict=False))
    got = fastcase.fast_case({**data, **head}, prepared)
    assert got == whole
    assert repr(got) == repr(whole)


def test_a_piece_the_fast_path_would_not_take_stops_the_preparing() -> None:
    data = tomllib.loads(bench_module("generate").case_text(20, 7), parse_float=Decimal)
    indicators = data["indicator"]
    head = {"indicator": indicators[:5]}
    prepared = fastcase.prepare(head)
    bad = copy.deepcopy(indicators[5:])
    bad[3]["target"] = "banyak"
    head["indicator"] += bad
    prepared.update(fastcase.prepare(head, prepared))
    assert prepared["indicator"][1] == 5  # what was made before stands; nothing after
    broken = {**data, **head}
    assert fastcase.fast_case(broken, prepared) is None
    assert_agree(broken)
