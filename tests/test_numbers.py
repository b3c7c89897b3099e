"""Tests of kinerja_engine.numbers: reading Indonesian notation, rounding and display."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kinerja_engine.errors import KinerjaError, NumberError
from kinerja_engine.numbers import (
    MAX_MAGNITUDE,
    MAX_PLACES,
    ParsedNumber,
    format_number,
    parse_number,
    round_half_up,
    to_indonesian,
)

EXPECTED = "a number in Indonesian notation, e.g. 1.418.633.200,00 or 87,08 %"


def parsed(raw: object) -> ParsedNumber:
    result = parse_number(raw)
    assert result is not None
    return result


def refused(raw: object) -> NumberError:
    with pytest.raises(NumberError) as info:
        parse_number(raw)
    return info.value


# --- the examples of the case format --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "mark"),
    [
        ("1.418.633.200,00", "1418633200.00", None),
        ("Rp. 51.000.000.000", "51000000000", "Rp"),
        ("87,08 %", "87.08", "%"),
        ("81,5%", "81.5", "%"),
        ("2,5 T", "2500000000000", None),
        ("51 M", "51000000000", None),
        ("3,30 T", "3300000000000", None),
        ("2,5125 T", "2512500000000", None),
        ("Rp. 1.602.020.358,80", "1602020358.80", "Rp"),
        ("Rp 15.534.464.918,61", "15534464918.61", "Rp"),
        ("3.540. 448. 465.876.250", "3540448465876250", None),
        ("Rp. 3.537.597.309.237.210", "3537597309237210", "Rp"),
        ("519.852.000,00", "519852000.00", None),
        ("56", "56", None),
        ("0", "0", None),
        ("0,5", "0.5", None),
    ],
)
def test_printed_figures_read_exactly(text: str, value: str, mark: str | None) -> None:
    result = parsed(text)
    assert result == ParsedNumber(Decimal(value), mark, None)
    # The exact Decimal, trailing zeros and all, and never an exponent form.
    assert str(result.value) == value


def test_amounts_beyond_binary_float_stay_exact() -> None:
    result = parsed("Rp 987.654.321.987.654.321,99")
    assert result.value == Decimal("987654321987654321.99")
    assert str(result.value) == "987654321987654321.99"


@pytest.mark.parametrize(
    "text", ["1.418.633.200,00", "1418633200,00", "1 418 633 200,00", "1.418.633. 200 ,00"]
)
def test_grouping_and_white_space_do_not_change_the_value(text: str) -> None:
    assert parsed(text).value == Decimal("1418633200.00")


def test_non_breaking_and_tab_spaces_are_white_space_too() -> None:
    assert parsed("Rp\u00a01.000.\t000") == ParsedNumber(Decimal(1000000), "Rp", None)


# --- the ambiguity rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234", "1.234"),
        ("1.234", "1234"),
        ("12.345,6", "12345.6"),
        ("123.456.789", "123456789"),
        ("1234", "1234"),
        ("1234,5", "1234.5"),
        ("007", "7"),
    ],
)
def test_comma_is_the_decimal_mark_and_dot_groups_thousands(text: str, value: str) -> None:
    assert parsed(text).value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "87.5",
        "1.23",
        "1.2345",
        "12..5",
        "1234.567",
        "1.234.56",
        "0.500",  # English 0.5 would otherwise be read as 500
        "012.345",
        ".5",
        "5.",
        "1,234.5",
        "1,2.3",
        "Rp 1.5",
        "87.5 %",
    ],
)
def test_a_dot_that_cannot_group_thousands_is_refused(text: str) -> None:
    error = refused(text)
    assert f"'{text}'" in error.message
    assert "'.' groups thousands" in error.message
    assert "',' is the decimal mark" in error.message
    assert error.message_id is not None
    assert "memisahkan ribuan" in error.message_id
    assert error.hint is not None
    assert "TOML number" in error.hint


def test_the_hint_for_a_misplaced_dot_offers_the_comma_form() -> None:
    hint = refused("87.5").hint
    assert hint is not None
    assert "87,5" in hint
    assert "87.5" in hint


# --- marks and scale words ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Rp5", "Rp 5", "Rp.5", "Rp. 5", "rp 5", "RP. 5", "rP5"])
def test_rupiah_mark_in_any_case_with_or_without_dot(text: str) -> None:
    assert parsed(text) == ParsedNumber(Decimal(5), "Rp", None)


@pytest.mark.parametrize("text", ["5%", "5 %", " 5 % "])
def test_percent_mark(text: str) -> None:
    assert parsed(text) == ParsedNumber(Decimal(5), "%", None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5 ribu", "5000"),
        ("5ribu", "5000"),
        ("1,5 juta", "1500000"),
        ("1,5 JUTA", "1500000"),
        ("2 miliar", "2000000000"),
        ("2 Milyar", "2000000000"),
        ("2M", "2000000000"),
        ("1 triliun", "1000000000000"),
        ("1 Triliun", "1000000000000"),
        ("97 T", "97000000000000"),
        ("1,123456789 ribu", "1123.456789"),
        ("0,5 ribu", "500"),
        ("Rp 51 M", "51000000000"),
        ("-2,5 T", "-2500000000000"),
    ],
)
def test_scale_words(text: str, value: str) -> None:
    result = parsed(text)
    assert result.value == Decimal(value)
    assert str(result.value) == value  # scaling shifts the point, it adds no exponent


def test_scale_words_keep_the_mark() -> None:
    assert parsed("Rp 2,5 T") == ParsedNumber(Decimal("2500000000000"), "Rp", None)


@pytest.mark.parametrize("text", ["5 m", "5 t", "5 mil", "5 jt"])
def test_lower_case_m_and_t_and_unknown_words_are_not_scales(text: str) -> None:
    assert f"'{text}'" in refused(text).message


# --- signs and the explicit "none" ----------------------------------------------------------


@pytest.mark.parametrize("text", ["-", " - ", "\t-\n"])
def test_a_lone_dash_means_no_value(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "mark"),
    [
        ("-5", "-5", None),
        ("+5", "5", None),
        ("- 1.234,5", "-1234.5", None),
        ("-Rp 5", "-5", "Rp"),
        ("Rp -5", "-5", "Rp"),
        ("-12,5 %", "-12.5", "%"),
    ],
)
def test_one_leading_sign(text: str, value: str, mark: str | None) -> None:
    assert parsed(text) == ParsedNumber(Decimal(value), mark, None)


@pytest.mark.parametrize("text", ["--5", "+-5", "- -5", "-Rp -5", "--", "5-"])
def test_more_than_one_sign_or_a_misplaced_sign_is_refused(text: str) -> None:
    assert f"'{text}'" in refused(text).message


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "duration"),
    [
        ("6 jam 37 menit", "397", "minutes"),
        ("6 Jam 37 Menit", "397", "minutes"),
        ("6jam37menit", "397", "minutes"),
        ("37 menit 6 jam", "397", "minutes"),
        ("1,5 jam", "90", "minutes"),
        ("30 detik", "0.5", "minutes"),
        ("1 hari 1 jam 1 menit 30 detik", "1501.5", "minutes"),
        ("45 menit", "45", "minutes"),
        ("7 bulan", "7", "months"),
        ("6,5 bulan", "6.5", "months"),
        ("2 tahun", "24", "months"),
        ("1 tahun 6 bulan", "18", "months"),
        ("-6 jam", "-360", "minutes"),
        ("1.000 hari", "1440000", "minutes"),
    ],
)
def test_durations_convert_to_the_base_unit(text: str, value: str, duration: str) -> None:
    assert parsed(text) == ParsedNumber(Decimal(value), None, duration)


def test_seconds_divide_exactly_to_at_least_forty_digits() -> None:
    value = parsed("20 detik").value
    assert abs(Fraction(value) - Fraction(1, 3)) < Fraction(1, 10**40)


def test_duration_arithmetic_ignores_the_callers_context() -> None:
    with localcontext() as context:
        context.prec = 3
        assert parsed("1.234.567 menit 1 jam").value == Decimal(1234627)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1 tahun 2 jam", "mixes"),
        ("1 bulan 30 hari", "mixes"),
        ("1 jam 2 jam", "more than once"),
        ("1 Jam 2 jam", "more than once"),
        ("6.5 jam", "groups thousands"),
        ("1,2,3 jam", "decimal mark"),
        ("--6 jam", "sign"),
    ],
)
def test_bad_durations_are_refused(text: str, words: str) -> None:
    error = refused(text)
    assert f"'{text}'" in error.message
    assert words in error.message


@pytest.mark.parametrize("text", ["jam", "6 jam 37", "6 jam menit", "Rp 6 jam", "6 jam %"])
def test_incomplete_or_marked_durations_are_refused(text: str) -> None:
    assert f"'{text}'" in refused(text).message


# --- text that is not a number --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1,2,3", "more than one decimal mark"),
        ("Rp", "no digits"),
        ("Rp.", "no digits"),
        ("", "empty"),
        ("   ", "empty"),
        ("12..5", "groups thousands"),
        ("1e400", "exponent"),
        ("1E5", "exponent"),
        ("2,5e-3", "exponent"),
        ("--5", "more than one sign"),
        ("abc", "no digits"),
        ("Sangat tinggi", "no digits"),
        ("NaN", "no digits"),
        ("Infinity", "no digits"),
        ("5 %%", "more than one '%'"),
        ("5 % %", "more than one '%'"),
        (",5", "no digit before the decimal mark"),
        ("5,", "no digit after the decimal mark"),
        ("Rp 5 %", "both 'Rp' and '%'"),
        ("Rp. 87,08%", "both 'Rp' and '%'"),
        ("5 % Rp", "both 'Rp' and '%'"),
        ("5 ekor", "not a number in Indonesian notation"),
        ("1.000.000.000.000.000.000.000", "10^21"),
        ("1.000.000.000 T", "10^21"),
        ("99999999999999999999999", "10^21"),
    ],
)
def test_text_that_is_not_a_number_is_refused(text: str, words: str) -> None:
    error = refused(text)
    assert error.message.startswith(f"cannot read '{text}' as a number: ")
    assert words in error.message


def test_the_refusal_carries_the_fields_callers_rely_on() -> None:
    error = refused("12..5")
    assert isinstance(error, KinerjaError)
    assert error.kind == "number"
    assert error.value == "12..5"
    assert error.expected == EXPECTED
    assert error.message_id is not None
    assert error.message_id.startswith("tidak dapat membaca '12..5' sebagai angka: ")
    assert error.file is None
    assert error.key is None
    located = error.located(file="case.toml", key_prefix="indicator[0].target")
    assert located.render().startswith("case.toml: indicator[0].target: cannot read '12..5'")


def test_the_exponent_hint_says_to_write_the_digits() -> None:
    hint = refused("1E5").hint
    assert hint is not None
    assert "digits" in hint


def test_a_comma_without_digits_on_both_sides_has_a_fix_in_the_hint() -> None:
    assert refused(",5").hint == "write 0,5"
    assert refused("5,").hint == "write 5 or 5,0"


def test_a_long_text_is_quoted_shortened() -> None:
    text = "x" * 500
    error = refused(text)
    assert len(error.message) < 200
    assert error.value == text


def test_magnitude_limit_is_exclusive() -> None:
    assert parsed("999.999.999.999.999.999.999,99").value == MAX_MAGNITUDE - Decimal("0.01")
    assert parsed("999.999.999 T").value == Decimal("999999999000000000000")
    assert "10^21" in refused("-1.000.000.000.000.000.000.000").message


# --- values that are already numbers --------------------------------------------------------


@pytest.mark.parametrize("value", [0, 56, -3, 10**21 - 1, -(10**21) + 1])
def test_integers(value: int) -> None:
    assert parsed(value) == ParsedNumber(Decimal(value), None, None)


@pytest.mark.parametrize("value", [10**21, -(10**21), 10**30])
def test_integers_beyond_the_limit_are_refused(value: int) -> None:
    error = refused(value)
    assert str(value) in error.message
    assert "10^21" in error.message


def test_an_enormous_integer_is_refused_without_printing_it() -> None:
    error = refused(10**5000)
    assert "10^21" in error.message
    assert len(error.message) < 200


@pytest.mark.parametrize(
    "value", ["1.5", "87.08", "-0.01", "1418633200.00", "1E+3", "999999999999999999999.99"]
)
def test_decimals_pass_through_unchanged(value: str) -> None:
    number = Decimal(value)
    result = parsed(number)
    assert result == ParsedNumber(number, None, None)
    assert str(result.value) == value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("NaN", "not a finite number"),
        ("-NaN", "not a finite number"),
        ("sNaN", "not a finite number"),
        ("Infinity", "not a finite number"),
        ("-Infinity", "not a finite number"),
        ("1E+21", "10^21"),
        ("-1E+21", "10^21"),
        ("1E+400", "10^21"),
    ],
)
def test_decimals_that_are_not_finite_or_too_large_are_refused(value: str, words: str) -> None:
    error = refused(Decimal(value))
    assert words in error.message
    assert error.value is not None
    assert str(error.value) == str(Decimal(value))


@pytest.mark.parametrize(
    ("value", "found"),
    [
        (1.5, "float"),
        (float("nan"), "float"),
        (True, "boolean"),
        (False, "boolean"),
        ([1], "array"),
        ((1,), "array"),
        ({"a": 1}, "table"),
        (None, "None"),
        (datetime.date(2021, 1, 1), "date"),
        (b"5", "bytes"),
    ],
)
def test_other_types_are_refused_naming_the_type(value: object, found: str) -> None:
    error = refused(value)
    assert "expected a number or a number written as text" in error.message
    assert found in error.message
    assert error.value is value
    assert error.expected == EXPECTED
    assert error.message_id is not None
    assert "ditemukan" in error.message_id


def test_a_float_hints_at_reading_toml_with_decimals() -> None:
    hint = refused(0.1).hint
    assert hint is not None
    assert "parse_float=Decimal" in hint


def test_subclasses_of_the_accepted_types_are_read() -> None:
    class Text(str):
        pass

    class Whole(int):
        pass

    assert parsed(Text("1.234,5")).value == Decimal("1234.5")
    assert parsed(Whole(7)) == ParsedNumber(Decimal(7), None, None)


# --- rounding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", 2, "2.35"),
        ("2.344", 2, "2.34"),
        ("-2.345", 2, "-2.35"),
        ("106.846", 2, "106.85"),
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),
        ("-2.5", 0, "-3"),
        ("9.995", 2, "10.00"),
        ("56", 2, "56.00"),
        ("1250", -2, "1.3E+3"),
        ("0.000", 1, "0.0"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str) -> None:
    result = round_half_up(Decimal(value), places)
    assert str(result) == expected
    assert result.as_tuple().exponent == -places


def test_round_half_up_differs_from_bankers_rounding() -> None:
    with localcontext() as context:
        context.rounding = ROUND_HALF_EVEN
        assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")


@pytest.mark.parametrize(
    "value", ["1E+50", "123456789012345678901234567890.125", "-" + "9" * 81 + ".5"]
)
def test_round_half_up_never_raises_for_large_values(value: str) -> None:
    number = Decimal(value)
    result = round_half_up(number, 2)
    assert abs(result - number) <= Decimal("0.005")


def test_round_half_up_refuses_non_finite_values() -> None:
    with pytest.raises(ValueError, match="finite"):
        round_half_up(Decimal("NaN"), 2)


# --- display --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "notation", "group", "expected"),
    [
        ("106.846", 2, "en", False, "106.85"),
        ("2.345", 2, "en", False, "2.35"),
        ("1418633200", 2, "id", True, "1.418.633.200,00"),
        ("1418633200", 2, "en", True, "1,418,633,200.00"),
        ("1418633200", 2, "en", False, "1418633200.00"),
        ("1418633200", 2, "id", False, "1418633200,00"),
        ("-1234.5", 2, "en", True, "-1,234.50"),
        ("-1234.5", 2, "id", True, "-1.234,50"),
        ("-0.001", 2, "en", False, "0.00"),
        ("123", 2, "id", True, "123,00"),
        ("1234", 0, "en", True, "1,234"),
        ("1E+25", 2, "en", True, "10,000,000,000,000,000,000,000,000.00"),
        ("1E+3", None, "en", False, "1000"),
        ("1.500", None, "en", False, "1.5"),
        ("1E-10", None, "en", False, "0.0000000001"),
        ("-0.000", None, "en", False, "0"),
        ("1234567.891", None, "id", True, "1.234.567,891"),
        ("100", None, "en", False, "100"),
    ],
)
def test_format_number(
    value: str, places: int | None, notation: str, group: bool, expected: str
) -> None:
    assert format_number(Decimal(value), places, notation=notation, group=group) == expected


def test_format_number_defaults_to_two_places_english() -> None:
    assert format_number(Decimal("93.3555")) == "93.36"


def test_format_number_refuses_unknown_notation_and_non_finite_values() -> None:
    with pytest.raises(ValueError, match="notation"):
        format_number(Decimal(1), notation="fr")
    with pytest.raises(ValueError, match="finite"):
        format_number(Decimal("Infinity"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1418633200.5", "1.418.633.200,5"),
        ("1418633200.00", "1.418.633.200,00"),
        ("-1234.5", "-1.234,5"),
        ("0", "0"),
        ("-0", "0"),
        ("0.001", "0,001"),
        ("1E+3", "1.000"),
        ("123", "123"),
        ("999999999999999999999.99", "999.999.999.999.999.999.999,99"),
    ],
)
def test_to_indonesian(value: str, expected: str) -> None:
    assert to_indonesian(Decimal(value)) == expected


def test_to_indonesian_refuses_non_finite_values() -> None:
    with pytest.raises(ValueError, match="finite"):
        to_indonesian(Decimal("NaN"))


# --- properties -----------------------------------------------------------------------------


def _below_limit(value: Decimal) -> bool:
    """A figure within the bounds every reader enforces (numbers.check_figure)."""
    exponent = value.as_tuple().exponent
    return (
        value.copy_abs() < MAX_MAGNITUDE and isinstance(exponent, int) and exponent >= -MAX_PLACES
    )


finite_decimals = st.one_of(
    st.decimals(
        min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE, allow_nan=False, allow_infinity=False
    ).filter(_below_limit),
    st.builds(
        lambda sign, digits, exponent: Decimal(
            (sign, tuple(int(d) for d in str(digits)), exponent)
        ),
        st.integers(0, 1),
        st.integers(0, 10**25),
        st.integers(-30, 21),
    ).filter(_below_limit),
)


@example(Decimal(0))
@example(Decimal("-0.001"))
@example(Decimal("10000000000000000.01"))
@example(Decimal("999999999999999999999.999999"))
@given(finite_decimals)
def test_to_indonesian_round_trips_through_parse_number(value: Decimal) -> None:
    text = to_indonesian(value)
    result = parsed(text)
    assert result.value == value
    assert result.mark is None
    assert result.duration is None


@example(Decimal("0.005"), 2)
@example(Decimal("-0.005"), 2)
@example(Decimal("0.5"), 0)
@example(Decimal("-2.5"), 0)
@example(Decimal("10000000000000000.005"), 2)
@example(Decimal(500), -3)
@given(finite_decimals, st.integers(-3, 12))
def test_round_half_up_agrees_with_exact_fractions(value: Decimal, places: int) -> None:
    scaled = Fraction(value) * Fraction(10) ** places
    magnitude = int(abs(scaled) + Fraction(1, 2))  # half away from zero, in exact arithmetic
    expected = Fraction(-magnitude if scaled < 0 else magnitude) / Fraction(10) ** places
    result = round_half_up(value, places)
    assert Fraction(result) == expected
    assert result.as_tuple().exponent == -places


@given(finite_decimals, st.data())
def test_white_space_inside_a_number_does_not_change_its_value(
    value: Decimal, data: st.DataObject
) -> None:
    text = to_indonesian(value)
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=6))
    spaces = data.draw(st.sampled_from([" ", "  ", "\t", "\u00a0"]))
    for position in sorted(positions, reverse=True):
        text = text[:position] + spaces + text[position:]
    assert parsed(text).value == value


@given(finite_decimals, st.sampled_from(["Rp ", "Rp. ", "rp"]))
def test_a_rupiah_mark_does_not_change_the_value(value: Decimal, mark: str) -> None:
    text = to_indonesian(value)
    sign = "-" if text.startswith("-") else ""
    text = sign + mark + text.removeprefix("-")
    assert parsed(text) == ParsedNumber(value, "Rp", None)


@example(Decimal("87.505"), 2)
@example(Decimal("-0.5"), 0)
@example(Decimal("1418633200.005"), 2)
@given(finite_decimals, st.integers(0, 6))
def test_indonesian_display_reads_back_as_the_rounded_value(value: Decimal, places: int) -> None:
    text = format_number(value, places, notation="id", group=True)
    assert parsed(text).value == round_half_up(value, places)


@given(finite_decimals)
def test_exact_display_has_the_exact_value_and_no_exponent(value: Decimal) -> None:
    text = format_number(value, None)
    assert "E" not in text
    assert Decimal(text) == value
