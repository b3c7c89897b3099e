"""domain/wording.py: a field, a place and a cited figure in the reader's language."""

from __future__ import annotations

from kinerja_engine.domain.wording import Cites, Field, Listing, engine_number, field_label


def test_a_field_is_named_by_its_label_never_its_key() -> None:
    assert field_label("realisasi_anggaran", "id") == "realisasi anggaran"
    assert field_label("realisasi_anggaran", "en") == "budget realisasi"
    assert field_label("printed_percent", "id") == "persentase tercetak"
    assert field_label("realisasi 2020", "id") == "realisasi tahun 2020"
    assert field_label("realisasi 2020", "en") == "realisasi of 2020"
    assert field_label("something", "id") == "something"
    assert Field("share").render("id") == "porsi anggaran"


def test_an_engine_figure_keeps_its_places_in_the_reader_notation() -> None:
    assert engine_number("83.50", "id") == "83,50"
    assert engine_number("1418633200", "id") == "1.418.633.200"
    assert engine_number("1418633200", "en") == "1,418,633,200"
    assert engine_number("1.418", "id") == "1.418"  # as printed
    assert engine_number("87,08 %", "en") == "87,08 %"  # as printed


def test_inputs_and_places_are_cited_in_the_reader_words() -> None:
    cites = Cites(
        (("realisasi_anggaran", "440886396", "input"), ("pagu", "519.852.000", "Tabel 17"))
    )
    assert cites.render("id") == (
        "realisasi anggaran 440.886.396 (data kasus), pagu 519.852.000 (Tabel 17)"
    )
    assert cites.render("en").startswith("budget realisasi 440,886,396 (case input)")
    listing = Listing((("input (history)", "104"), ("Tabel 4", "104 %")))
    assert listing.render("id") == "riwayat pada data kasus: 104; Tabel 4: 104 %"
