"""Parsing on two cores (kinerja_engine.io.tomlsplit) against tomllib parsing the whole text.

The split parse must give tomllib's own tables, or decline and let tomllib parse the
whole text, so that every error is tomllib's, with its line and column. Each condition
the module's docstring proves safety from is tried here with a text that breaks it; the
bad-input catalogue is run once more with every file split where it can be.
"""

from __future__ import annotations

import itertools
import pickle
import threading
import tomllib
from decimal import Decimal
from typing import Any

import pytest
from conftest import bench_module
from test_bad_inputs import ENTRIES, LANGS, run

from kinerja_engine.io import tomlsplit


def whole(text: str) -> dict[str, Any]:
    return tomllib.loads(text, parse_float=Decimal)


def assert_same_outcome(text: str) -> None:
    """tomlsplit.loads, forced to try a split, gives what tomllib gives: tables or error."""
    try:
        expected: Any = whole(text)
    except tomllib.TOMLDecodeError as exc:
        expected = exc
    try:
        got: Any = tomlsplit.loads(text)
    except tomllib.TOMLDecodeError as exc:
        got = exc
    if isinstance(expected, Exception):
        assert isinstance(got, tomllib.TOMLDecodeError)
        assert str(got) == str(expected)
    else:
        assert got == expected
        assert repr(got) == repr(expected)  # every Decimal's exponent, every key's order


@pytest.fixture(autouse=True, params=["one table a piece", "pieces as shipped"])
def _split_everything(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    # Every text is large enough, and any middle worth a process; the worker sends its
    # middle one table at a time, or (these texts being small) all in one piece.
    monkeypatch.setattr(tomlsplit, "MIN_CHARS", 0)
    monkeypatch.setattr(tomlsplit, "MIN_SHARE", 0.0)
    if request.param == "one table a piece":
        monkeypatch.setattr(tomlsplit, "PIECE_CHARS", 1)


@pytest.fixture
def splits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each split parse tried gave its tables (True) or declined (False)."""
    seen: list[bool] = []
    real = tomlsplit.split_parse

    def spy(text: str, a: int, b: int, **options: Any) -> dict[str, Any] | None:
        result = real(text, a, b, **options)
        seen.append(result is not None)
        return result

    monkeypatch.setattr(tomlsplit, "split_parse", spy)
    return seen


INDICATORS = """
[[indicator]]
id = "a"
name = "A"
history = { 2020 = 1.50 }

[[indicator.printed]]
where = "T1"

[[indicator]]
id = "b"
name = "B"
target = [1, 2.0]

[indicator.budget]
pagu = "1.000"

[[indicator]]
id = "c"
name = "C"
"""
HEAD = """format = "kinerja-case/1"
[report]
agency = "Dinas"
[[objective]]
id = "o"
"""
TAIL = """
[[budget]]
id = "p"
pagu = 1.0
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_national_file_splits_into_the_same_tables(
    seed: int, splits: list[bool]
) -> None:
    text = bench_module("generate").case_text(400, seed, printed=seed != 2, fault_rate=0.1)
    assert_same_outcome(text)
    assert splits == [True]


def test_a_file_ending_in_indicators_splits(splits: list[bool]) -> None:
    assert_same_outcome(HEAD + INDICATORS)
    assert splits == [True]


def test_a_file_with_tables_after_the_indicators_splits(splits: list[bool]) -> None:
    assert_same_outcome(HEAD + INDICATORS + TAIL)
    assert splits == [True]


def test_windows_line_ends_split_too(splits: list[bool]) -> None:
    assert_same_outcome((HEAD + INDICATORS + TAIL).replace("\n", "\r\n"))
    assert splits == [True]


def test_every_cut_gives_the_same_tables_or_declines() -> None:
    text = HEAD + INDICATORS + TAIL
    expected = whole(text)
    starts = [i + 1 for i in range(len(text)) if text.startswith("\n[[indicator]]", i)]
    lines = [i + 1 for i in range(len(text)) if text[i] == "\n"]
    taken = 0
    for a in starts:
        for b in [n for n in lines if n > a]:
            if not tomlsplit.safe(text, a, b):
                continue
            got = tomlsplit.split_parse(text, a, b)
            assert got is None or got == expected, (a, b)
            taken += got is not None
    assert taken == len(starts)  # each start, with the tail at [[budget]]


def test_the_middle_is_cut_into_pieces_at_indicator_lines_only() -> None:
    # Every printed entry holds a string with an [[indicator]] line in it.
    text = bench_module("generate").case_text(60, 4, printed=True)
    text = text.replace('where = "', 'note = """\n[[indicator]]\n"""\nwhere = "')
    cut = tomlsplit.plan(text)
    assert cut is not None
    a, b = cut
    for size in (1, 200, 5_000, len(text)):
        cuts = tomlsplit.pieces(text, a, b, size)
        # One after the other, the whole middle, each piece at least `size` long but the
        # last, and each starting with a line that is just [[indicator]].
        assert cuts[0][0] == a and cuts[-1][1] == b
        assert all(end == later for (_, end), (later, _) in itertools.pairwise(cuts))
        assert all(end - start >= size for start, end in cuts[:-1])
        for start, _ in cuts:
            assert text.startswith("[[indicator]]\n", start) and text[start - 1] == "\n"
    assert len(tomlsplit.pieces(text, a, b, 1)) == text.count("\n[[indicator]]\n", a - 1, b)
    # Cut inside the strings too (their lines are [[indicator]] lines): those pieces fail
    # to parse, and the whole text is parsed instead, with tomllib's result.
    assert_same_outcome(text)


@pytest.mark.parametrize(
    "figure",
    [
        "0.01",
        "1.50",
        "87.08",
        "-0.0",
        "+0.0",
        "-0e0",
        "0e-5",
        "1e16",
        "1E+16",
        "-1.5e-3",
        "6.02e23",
        "10000000000000000.00",
        "3_540_448.465_876",
        "1418633200.00",
        "123456789012345678901234567890.123456789",
        "inf",
        "-inf",
        "+inf",
        "nan",
        "-nan",
        "+nan",
    ],
)
def test_a_float_crosses_from_the_worker_as_the_decimal_tomllib_makes(figure: str) -> None:
    text = f"""
x = {figure}
array = [{figure}, [{figure}], {{ y = {figure} }}]
inline = {{ z = [{figure}, "{figure}"], w = {{ v = {figure} }} }}
[[t]]
u = {figure}
[t.deep.deeper]
s = [[[{figure}]]]
"""
    expected = whole(text)
    for packed in (
        tomlsplit._pack(tomllib.loads(text, parse_float=tomlsplit._float_text)),
        b"p" + pickle.dumps(tomllib.loads(text, parse_float=tomlsplit._float_text)),
    ):
        got = tomlsplit._unpack(packed)
        # repr: each Decimal's digits, exponent and sign (NaN equals nothing, -0 equals 0).
        assert repr(got) == repr(expected)
        assert str(got["x"]) == str(Decimal(figure.replace("_", "")))


def test_what_marshal_cannot_write_crosses_as_a_pickle() -> None:
    text = "when = 2021-12-31T23:59:59+07:00\nday = 2021-12-31\nat = 07:30:00\nx = [1.5]\n"
    packed = tomlsplit._pack(tomllib.loads(text, parse_float=tomlsplit._float_text))
    assert packed[:1] == b"p"
    got = tomlsplit._unpack(packed)
    assert got == whole(text) and repr(got) == repr(whole(text))


def test_a_worker_that_fails_leaves_the_whole_text_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(tables: Any) -> bytes:
        raise MemoryError  # in the worker, which the fork gives this very module

    monkeypatch.setattr(tomlsplit, "_pack", fail)
    text = HEAD + INDICATORS + TAIL
    a, b = text.index("[[indicator]]"), text.index("[[budget]]")
    assert tomlsplit.split_parse(text, a, b) is None
    assert_same_outcome(text)


def test_bytes_that_do_not_unpack_leave_the_whole_text_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tomlsplit, "_pack", lambda tables: b"m" + b"\xff" * 8)
    text = HEAD + INDICATORS + TAIL
    a, b = text.index("[[indicator]]"), text.index("[[budget]]")
    assert tomlsplit.split_parse(text, a, b) is None


# ---------------------------------------------------------------- refusals


def test_no_indicator_array_no_split() -> None:
    assert tomlsplit.plan(HEAD + TAIL) is None


@pytest.mark.parametrize(
    "header",
    [
        '["indicator"]\nx = 1',
        "[indicator]\nx = 1",
        '[["indicator"]]\nid = "z"',
        "[ [indicator] ]",
        "[[ indicator ]]\nid = 'z'",
        '["\\u0069ndicator".x]\ny = 1',
        "[report.indicator]\nx = 1",
    ],
)
def test_a_header_naming_indicator_another_way_refuses_the_split(
    header: str, splits: list[bool]
) -> None:
    for text in (HEAD + header + "\n" + INDICATORS + TAIL, HEAD + INDICATORS + header + "\n"):
        cut = tomlsplit.plan(text)
        assert cut is None or not tomlsplit.safe(text, *cut)
        assert_same_outcome(text)
    assert not any(splits)


@pytest.mark.parametrize(
    "line",
    [
        'indicator = [{ id = "z" }]',
        '"indicator" = [{ id = "z" }]',
        "'indicator' = []",
        '"\\u0069ndicator" = [{ id = "z" }]',
        "indicator.x = 1",
        "  indicator   = []",
    ],
)
def test_a_key_giving_indicator_a_value_refuses_the_split(line: str, splits: list[bool]) -> None:
    # At the top of the file the key is the document's own: with [[indicator]] later,
    # tomllib refuses the whole text, and so must the split parse.
    text = line + "\n" + HEAD + INDICATORS + TAIL
    cut = tomlsplit.plan(text)
    assert cut is not None and not tomlsplit.safe(text, *cut)
    assert_same_outcome(text)
    assert not any(splits)


def test_a_static_indicator_array_before_the_cut_is_tomllibs_error() -> None:
    # Split naively at the first [[indicator]], head and middle would each parse.
    text = 'indicator = [{ id = "z" }]\n' + HEAD.replace("[report]", "[x]") + INDICATORS
    with pytest.raises(tomllib.TOMLDecodeError):
        whole(text)
    a = text.index("[[indicator]]")
    assert tomlsplit.split_parse(text, a, len(text)) is None
    assert_same_outcome(text)


def test_a_cut_inside_a_multiline_string_declines() -> None:
    fake = 'note = """\n[[indicator]]\nid = "fake"\n"""\n'
    for quote in ('"""', "'''"):
        text = HEAD + INDICATORS.replace('name = "A"\n', fake.replace('"""', quote), 1) + TAIL
        a = text.index('\n[[indicator]]\nid = "fake"') + 1  # the line inside the string
        b = text.index("[[budget]]")
        # The text alone cannot tell: the head, ending inside the string, fails to parse.
        assert tomlsplit.safe(text, a, b)
        assert tomlsplit.split_parse(text, a, b) is None
        assert_same_outcome(text)


def test_a_middle_ending_inside_a_multiline_string_declines(splits: list[bool]) -> None:
    tail_in_string = 'note = """\n[[budget]]\nid = "in the text"\n"""\n'
    text = HEAD + INDICATORS + tail_in_string + TAIL
    assert_same_outcome(text)
    assert splits == [False]


def test_a_multiline_array_at_the_cut_declines() -> None:
    text = HEAD + INDICATORS.replace("target = [1, 2.0]", "target = [\n1,\n2.0\n]") + TAIL
    a = text.index("2.0\n]") - len("[[indicator]]\n") - 3
    for b in (text.index("2.0"), text.index("[[budget]]")):
        assert tomlsplit.split_parse(text, a, b) is None
    assert_same_outcome(text)


def test_a_table_after_the_indicators_that_the_head_declared_declines(
    splits: list[bool],
) -> None:
    for tail in (
        "\n[report]\nyear = 1\n",
        "\n[report.more]\nx = 1\n",
        '\n[[objective]]\nid = "q"\n',
    ):
        assert_same_outcome(HEAD + INDICATORS + tail)
    assert splits == [False, False, False]


def test_an_indicator_header_after_the_tail_starts_refuses_the_split(
    splits: list[bool],
) -> None:
    for late in ('\n[[indicator]]\nid = "late"\n', "\n  [[indicator]]\nid = 'late'\n"):
        text = HEAD + INDICATORS + TAIL + late
        cut = tomlsplit.plan(text)
        assert cut is None or not tomlsplit.safe(text, *cut)
        assert_same_outcome(text)
    assert not any(splits)


def test_an_other_header_or_indented_bracket_in_the_middle_refuses_the_split() -> None:
    text = HEAD + INDICATORS + TAIL
    a = text.index("[[indicator]]")
    b = text.index("[[budget]]")
    assert tomlsplit.safe(text, a, b)
    assert not tomlsplit.safe(text, a, len(text))  # the middle would hold [[budget]]
    indented = text.replace("[indicator.budget]", "  [indicator.budget]")
    assert not tomlsplit.safe(indented, a, indented.index("[[budget]]"))
    assert not tomlsplit.safe(text, a, b - 1)  # the tail must start at a header line
    assert not tomlsplit.safe(text, a + 1, b)  # the middle must start at [[indicator]]


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        ('name = "C"', 'name = "C'),  # unterminated, in the middle
        ("[[budget]]", "[[budget]"),  # in the tail
        ('id = "o"', "id = o"),  # in the head
        ("pagu = 1.0", "pagu = 1.0\npagu = 2"),  # a duplicate key in the tail
        ('id = "c"', 'id = "c"\nid = "d"'),  # a duplicate key in the middle
    ],
)
def test_a_syntax_error_in_any_piece_is_tomllibs_own(broken: str, where: str) -> None:
    text = (HEAD + INDICATORS + TAIL).replace(broken, where, 1)
    with pytest.raises(tomllib.TOMLDecodeError):
        whole(text)
    assert_same_outcome(text)


def test_no_split_inside_a_pool_worker() -> None:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(tomlsplit._spare_core) is False


def test_no_split_when_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not tomlsplit._spare_core()
    finally:
        stop.set()
        thread.join()


# ---------------------------------------------------------------- the catalogue, split


def test_the_bad_input_catalogue_gives_its_exact_answers_when_split(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, splits: list[bool]
) -> None:
    monkeypatch.chdir(ENTRIES[0].toml.parent.parent)
    for var in ("KINERJA_MAX_FILE_BYTES", "KINERJA_MAX_DEPTH"):
        monkeypatch.delenv(var, raising=False)
    for entry in ENTRIES:
        for lang in LANGS:
            code, out, err = run(entry, lang, capsys)
            assert code == entry.exit, (entry, err)
            if entry.exit == 2:
                assert err == entry.lines[lang] + "\n", entry
            else:
                assert entry.lines[lang] in [line.strip() for line in out.splitlines()], entry
    assert any(splits)


def test_a_split_case_loads_as_the_whole_one(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, splits: list[bool]
) -> None:
    import kinerja_engine as ke
    from kinerja_engine.io import loading

    path = tmp_path / "national.toml"
    bench_module("generate").write_case(path, 300, 9, printed=True, fault_rate=0.1)
    doc = loading.read_toml(path, as_case=True)
    assert splits == [True]
    assert set(doc.prepared or {}) == {"indicator", "objective", "budget"}
    # Every table structured as it came, the worker's pieces included, nothing left over.
    for key, (array, count, made) in (doc.prepared or {}).items():
        assert array is doc.data[key] and count == len(array) == len(made)
    split = ke.load_case(path)
    monkeypatch.setattr(tomlsplit, "MIN_CHARS", 10**12)
    whole = ke.load_case(path)
    assert split == whole
    assert repr(split) == repr(whole)


def test_no_file_to_share_leaves_the_whole_text_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_file() -> int:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(tomlsplit, "_scratch", no_file)
    text = HEAD + INDICATORS + TAIL
    a, b = text.index("[[indicator]]"), text.index("[[budget]]")
    assert tomlsplit.split_parse(text, a, b) is None
    assert_same_outcome(text)
