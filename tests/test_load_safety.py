"""Issue 14, the loader's side: what a careless caller or a hostile file must not get past.

A case built in Python is held to the loader's figure bound by ``evaluate`` and ``check``;
history years are ASCII digits; TOML lines are counted at LF only; a UTF-16 or UTF-32 file
is named by its encoding; ``inherit`` is a boolean; and ``load_case`` checks its arguments
before it acts on them.
"""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from kinerja_engine import api
from kinerja_engine.audit._common import Audit
from kinerja_engine.domain.model import (
    Case,
    Direction,
    Indicator,
    PrintedEntry,
    PrintedValue,
    ReportInfo,
    Target,
)
from kinerja_engine.errors import CaseError, InputError, NumberError, SchemaError
from kinerja_engine.io import importing, tables, textfile
from kinerja_engine.numbers import MAX_PLACES
from kinerja_engine.rulesets import compile as compile_module
from kinerja_engine.rulesets.compile import ensure_valid, validate_case

CASE = """format = "kinerja-case/1"
[report]
agency = "Dinas"
year = 2021
[[indicator]]
id = "a"
name = "A"
unit = "%"
direction = "higher_is_better"
target = 56
realisasi = 56
"""


def built(**fields: object) -> Case:
    """A case made in Python, never loaded; ``fields`` replace the indicator's."""
    ind = Indicator(
        "a", "A", "%", Direction.HIGHER_IS_BETTER, Target.point(Decimal(56)), Decimal(56)
    )
    ind = attrs.evolve(ind, **fields)
    return Case("kinerja-case/1", ReportInfo("Dinas", 2021), indicators=(ind,))


def printed(value: Decimal) -> tuple[PrintedEntry, ...]:
    return (PrintedEntry("Tabel 3", realisasi=PrintedValue(str(value), value)),)


# ---------------------------------------------------------------- 2: a case built in Python


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"printed": printed(Decimal("1E-3000000"))}, "indicator[0].printed[0].realisasi"),
        ({"realisasi": Decimal("1E-999999999")}, "indicator[0].realisasi"),
        ({"realisasi": Decimal(10**21)}, "indicator[0].realisasi"),
        ({"history": {2020: Decimal("NaN")}}, 'indicator[0].history."2020"'),
        ({"target": Target(Decimal("1E+999999"), Decimal("1E+999999"))}, "indicator[0].target"),
    ],
)
def test_evaluate_and_check_refuse_a_built_case_beyond_the_figure_bound(
    fields: dict[str, object], key: str
) -> None:
    case = built(**fields)
    for run in (api.evaluate, api.check):
        with pytest.raises(NumberError) as caught:
            run(case, "permendagri-86-2017")
        assert caught.value.key == key


def test_a_figure_that_is_not_a_decimal_is_a_case_error() -> None:
    with pytest.raises(CaseError) as caught:
        api.check(built(realisasi=56.0), "permendagri-86-2017")
    assert caught.value.key == "indicator[0].realisasi"
    assert "float" in caught.value.render("en")


def test_the_audit_never_raises_on_figures_at_the_edges_of_the_bound() -> None:
    # The tolerance of a printed figure is a power of ten of its places: at most MAX_PLACES.
    for value in ("0." + "0" * (MAX_PLACES - 1) + "1", "999999999999999999999.5", "-0E-30"):
        report = api.check(built(printed=printed(Decimal(value))), "permendagri-86-2017")
        assert report.indicators[0].capaian == Decimal(100)
    rules = api.load_rules("permendagri-86-2017")
    audit = Audit(built(), rules)
    assert audit.tolerance(Decimal("1E-30")) == Decimal("5E-31")


def test_a_loaded_case_is_validated_once_and_a_built_one_when_used() -> None:
    loaded = api.load_case(CASE.encode())
    assert compile_module._VALID.get(id(loaded)) is loaded
    case = built(realisasi=Decimal("1E-31"))
    assert compile_module._VALID.get(id(case)) is None
    with pytest.raises(NumberError):
        ensure_valid(case)
    good = built()
    ensure_valid(good)
    assert compile_module._VALID.get(id(good)) is good


def test_the_loader_bounds_every_figure_itself() -> None:
    # The loader skips validate_case's walk of the figures: its readers applied the bound.
    with pytest.raises(NumberError) as caught:
        api.load_case(CASE.replace("realisasi = 56", "realisasi = 1e-31").encode())
    assert caught.value.key == "indicator[0].realisasi"
    validate_case(api.load_case(CASE.encode()), figures=True)


def test_the_printed_fields_walked_are_those_of_the_class() -> None:
    # Read off PrintedEntry's annotations; the fast reader lists them by hand.
    assert compile_module._PRINTED_FIELDS == tables._PRINTED_FIGURES
    assert len(compile_module._PRINTED_FIELDS) == 12  # issue 16 added the four counts


# ---------------------------------------------------------------- 12: history years


@pytest.mark.parametrize("year", ["20\u0662\u0660", "\u0662\u0660\u0662\u0660", "２０２０"])
def test_a_history_year_in_other_digits_is_refused_where_it_is(year: str) -> None:
    text = CASE + f'history = {{ "2020" = 55, "{year}" = 99 }}\n'
    with pytest.raises(SchemaError) as caught:
        api.load_case(text.encode(), name="c.toml")
    assert caught.value.line == 12
    assert "0-9" in caught.value.render("en")


def test_a_history_of_ascii_years_still_reads() -> None:
    case = api.load_case((CASE + 'history = { "2019" = 50, "2020" = 55 }\n').encode())
    assert case.indicators[0].history == {2019: Decimal(50), 2020: Decimal(55)}


# ---------------------------------------------------------------- 13: lines at LF only


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_line_after_a_unicode_separator_in_a_string_is_right(separator: str) -> None:
    text = CASE.replace('name = "A"', f'name = "A{separator}B{separator}C"').replace(
        "higher_is_better", "higher_is_beter"
    )
    with pytest.raises(SchemaError) as caught:
        api.load_case(text.encode(), name="c.toml")
    assert caught.value.key == "indicator[0].direction"
    assert caught.value.line == 9


def test_toml_lines_split_at_lf_and_drop_a_crlfs_cr() -> None:
    assert textfile.toml_lines("a = 1\r\nb = '\u2028'\nc") == ["a = 1", "b = '\u2028'", "c"]
    lines = textfile.KeyLines('a = "x\u2028y"\r\n[t]\nb = 1\n')
    assert lines.line_of("t.b") == 3


def test_a_syntax_error_after_a_separator_is_on_its_line() -> None:
    text = 'a = "x\u2028y\u2029z"\nb = 1,5\n'
    with pytest.raises(InputError) as caught:
        textfile.parse_toml(text.encode(), "c.toml")
    assert caught.value.line == 2
    # The hint reads the text of the line the error is on: a decimal comma on line 2.
    assert "decimal point" in caught.value.render("en")


# ---------------------------------------------------------------- 15: inherit


@pytest.mark.parametrize(("value", "found"), [('"false"', "text"), ("0", "number"), ("[]", "")])
def test_inherit_that_is_not_a_boolean_is_a_located_type_error(
    tmp_path: Path, value: str, found: str
) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        f'extends = "permendagri-86-2017"\nname = "r"\n[categories.bands]\ninherit = {value}\n'
    )
    with pytest.raises(SchemaError) as caught:
        api.load_rules(path)
    assert caught.value.key == "categories.bands.inherit"
    assert caught.value.line == 4
    assert caught.value.file == str(path)
    assert found in caught.value.render("en")


# ---------------------------------------------------------------- 17: wide encodings


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_a_wide_toml_file_is_named_by_its_encoding(codec: str) -> None:
    name = codec[:6].upper()  # with or without a byte-order mark, either byte order
    with pytest.raises(InputError) as caught:
        api.load_case(CASE.encode(codec), name="c.toml")
    shown = caught.value.render("en")
    assert f"{name} text" in shown and "binary" not in shown
    assert "Save As" in shown and "UTF-8" in shown


def test_the_csv_importer_and_the_toml_reader_share_one_detector() -> None:
    assert importing.wide_encoding is textfile.wide_encoding


# ---------------------------------------------------------------- 18: the library's arguments


def test_an_int_source_is_no_file_descriptor() -> None:
    read, write = os.pipe()
    try:
        with pytest.raises(TypeError):
            api.load_case(write)  # type: ignore[arg-type]
        os.fstat(write)  # still open
        with pytest.raises(TypeError):
            api.load_rules(write)  # type: ignore[arg-type]
        os.fstat(write)
    finally:
        os.close(read)
        os.close(write)


def test_a_path_with_a_nul_is_the_engines_error() -> None:
    for load in (api.load_case, api.load_rules):
        with pytest.raises(InputError) as caught:
            load("a\0b")
        assert "NUL" in caught.value.render("en")


@pytest.mark.parametrize(
    "limits",
    [
        {"max_bytes": -5},
        {"max_bytes": 0},
        {"max_bytes": 10**30},
        {"max_depth": 0},
        {"max_depth": -1},
        {"max_depth": textfile.HARD_MAX_DEPTH + 1},
    ],
)
@pytest.mark.parametrize("kind", ["path", "bytes", "stream"])
def test_a_limit_out_of_range_is_an_input_error(
    tmp_path: Path, limits: dict[str, int], kind: str
) -> None:
    path = tmp_path / "c.toml"
    path.write_text(CASE)
    source = {"path": path, "bytes": CASE.encode(), "stream": io.BytesIO(CASE.encode())}[kind]
    with pytest.raises(InputError) as caught:
        api.load_case(source, **limits)  # type: ignore[arg-type]
    assert caught.value.key in limits
    with pytest.raises(InputError), api.limits(**limits):  # type: ignore[arg-type]
        pass


@pytest.mark.parametrize(
    "limits", [{"max_bytes": True}, {"max_bytes": 1.5}, {"max_depth": "3"}, {"max_depth": 3.0}]
)
def test_a_limit_of_the_wrong_type_is_a_type_error(limits: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        api.load_case(CASE.encode(), **limits)  # type: ignore[arg-type]


def test_limits_at_the_edges_of_their_range_load() -> None:
    assert api.load_case(CASE.encode(), max_bytes=textfile.HARD_MAX_BYTES, max_depth=200)
    assert api.load_case(io.BytesIO(CASE.encode()), max_bytes=len(CASE))


def test_a_size_limit_from_the_environment_is_held_to_the_same_range(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(textfile.ENV_MAX_BYTES, "2048G")
    with pytest.raises(InputError) as caught:
        api.load_case(io.BytesIO(CASE.encode()))
    assert caught.value.key == textfile.ENV_MAX_BYTES
    monkeypatch.setenv(textfile.ENV_MAX_BYTES, "100G")
    assert api.load_case(io.BytesIO(CASE.encode()))
