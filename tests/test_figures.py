"""Printed figures read as reports print them (kinerja_engine/io/figures.py) and the
units they name (kinerja_engine/domain/units.py): issue 19 items 1 and 3, issue 16 item 5."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_engine.domain.units import rate_base, same_unit
from kinerja_engine.io.figures import other_reading, printed
from kinerja_engine.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value", "notation", "unit"),
    [
        ("92.22", "92.22", "en", None),
        ("87.5 %", "87.5", "en", None),
        ("0.500", "0.500", "en", None),
        ("1,234.56", "1234.56", "en", None),
        ("24 per 100.000", "24", None, "per 100.000"),
        ("0,16 ‰", "0.16", None, "‰"),
        ("2 Kegaiatan", "2", None, "Kegaiatan"),
        ("92.22 per 1.000 KH", "92.22", "en", "per 1.000 KH"),
        ("120 orang", "120", None, "orang"),
    ],
)
def test_printed_text_read_as_printed(
    text: str, value: str, notation: str | None, unit: str | None
) -> None:
    pv = printed(text)
    assert (pv.value, pv.notation, pv.unit, pv.error) == (Decimal(value), notation, unit, None)
    assert pv.text == text


@pytest.mark.parametrize("text", ["Sangat tinggi", "5 (lima)", "12..5", "-", "lihat tabel"])
def test_what_does_not_read_stays_unread(text: str) -> None:
    pv = printed(text)
    assert pv.value is None
    assert pv.notation is None and pv.unit is None


def test_indonesian_notation_is_unchanged() -> None:
    # What Indonesian notation reads is read as before: the English reading is only tried
    # on a text it refuses, and "1.500" keeps its Indonesian value with the other beside.
    for text in ("1.418.633.200,00", "87,08 %", "2,5 T", "Rp 5.000", "6 jam 37 menit"):
        parsed = parse_number(text)
        assert parsed is not None
        pv = printed(text)
        assert (pv.value, pv.notation, pv.alternative) == (parsed.value, None, None)
    pv = printed("1.500")
    assert (pv.value, pv.alternative) == (Decimal(1500), Decimal("1.5"))
    assert other_reading("1.500.000") is None and other_reading("1.500,5") is None


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_an_english_decimal_reads_as_its_value(value: Decimal) -> None:
    """Any figure with one or two decimals written in English notation reads as itself."""
    text = format(value, "f")
    if "." not in text or text.endswith(".00"):
        return
    pv = printed(text)
    assert pv.value == value
    assert pv.notation == "en"


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["%", "‰", "per 100.000 KH"]))
def test_rates_convert_both_ways(count: int, unit: str) -> None:
    """A figure converted to another rate and back is itself: the bases are exact."""
    base, own = rate_base(unit), rate_base("per 1.000 KH")
    assert base is not None and own is not None
    there = Decimal(count) * own / base
    assert there * base / own == count


def test_rate_bases_and_units() -> None:
    assert rate_base("%") == 100 and rate_base("persen") == 100
    assert rate_base("‰") == 1000
    assert rate_base("per 100.000 KH") == 100000
    assert rate_base("/1.000 kelahiran hidup") == 1000
    assert rate_base("per 100 ribu penduduk") == 100000
    assert rate_base("orang") is None and rate_base("kegiatan") is None
    assert same_unit("per 100.000 kelahiran hidup", "per 100.000 KH")
    assert same_unit("Kegiatan", "kegiatan") and not same_unit("Kegaiatan", "kegiatan")
    assert not same_unit("%", "per 100.000 KH")
