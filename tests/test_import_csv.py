"""`kinerja import`: spreadsheets exported by reporting applications become case files."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.domain.model import Direction
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io.importing import import_csv, normalise_header, slugify

INDONESIAN = (
    "No;Indikator Kinerja Utama;Satuan;Realisasi 2020;Target 2021;Realisasi 2021;"
    "Pagu Anggaran (Rp);Realisasi Anggaran (Rp);Keterangan\n"
    "1;2;3;4;5;6;7;8;9\n"
    "1;Survei Kepuasan Masyarakat (SKM);%;81,55;87,07;87,08 %;1.418.633.200,00;"
    "1.324.391.015,00;Tercapai\n"
    "2;Persentase Koperasi Sehat;%;104;56;56;519.852.000,00;440.886.396,00;\n"
    "3;Nilai Ekspor Perdagangan;Rp;265.251.567.556;51 M;3.540. 448. 465.876.250;"
    "7.497.480.628,00;4.119.148.065,35;\n"
    ";;;;;;;;\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imp(text: str, **options: object) -> ke.Case:
    options.setdefault("agency", "Dinas X")
    return import_csv(text.encode("utf-8"), "sheet.csv", **options).case  # type: ignore[arg-type]


def test_indonesian_export_becomes_a_case_that_evaluates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "iku.csv"
    src.write_text(INDONESIAN, encoding="utf-8")
    out = tmp_path / "case.toml"
    code, stdout, err = run(capsys, "import", str(src), "--output", str(out), "--agency", "DKUPP")
    assert code == 0 and stdout == ""
    # The missing direction column is said, not silently assumed.
    assert "tidak ada kolom arah" in err and "higher_is_better" in err
    assert "'No'" in err and "'Keterangan'" in err  # the columns not used are named
    assert "nomor kolom" in err  # the 1 2 3 … row is skipped, and said so
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert data["report"] == {"agency": "DKUPP", "year": 2021, "source": "import: iku.csv"}
    skm = data["indicator"][0]
    # Figures kept as the text printed: Indonesian notation survives.
    assert skm["target"] == "87,07" and skm["realisasi"] == "87,08 %"
    assert skm["history"] == {"2020": "81,55"}
    assert skm["budget"] == {"pagu": "1.418.633.200,00", "realisasi": "1.324.391.015,00"}
    assert [i["id"] for i in data["indicator"]] == [
        "survei-kepuasan-masyarakat-skm",
        "persentase-koperasi-sehat",
        "nilai-ekspor-perdagangan",
    ]
    report = ke.evaluate(ke.load_case(out))
    skm_result = report.indicators[0]
    assert skm_result.serapan is not None and round(skm_result.serapan, 2) == Decimal("93.36")
    assert report.indicators[2].capaian is not None
    assert round(report.indicators[2].capaian, 2) == Decimal("6942055.82")


def test_english_headers_comma_separated_with_bom_and_direction() -> None:
    text = (
        "\ufeffID,Indicator,Unit,Direction,Target,Actual,Budget,Budget spent,Strategic objective,Year\n"
        'IKU-1,Flood height,cm,negative,20,"16,82",,,Less flooding,2014\n'
        'IKU-2,Human development index,index,positive,[79; 80],"80,07",,,Better lives,2014\n'
    )
    case = imp(text)
    assert case.report.year == 2014
    flood, ipm = case.indicators
    assert flood.id == "iku-1" and flood.direction is Direction.LOWER_IS_BETTER
    assert ipm.target is not None and (ipm.target.low, ipm.target.high) == (79, 80)
    assert [o.name for o in case.objectives] == ["Less flooding", "Better lives"]
    report = ke.evaluate(case)
    # Surabaya 2014: (2T - R) / T = 115,90; Surabaya 2016: above the range, R / upper = 100,09.
    assert [round(r.capaian or 0, 2) for r in report.indicators] == [
        Decimal("115.90"),
        Decimal("100.09"),
    ]


def test_english_notation_is_rewritten_exactly() -> None:
    text = "Indicator;Unit;Target;Actual;Budget\nA;%;87.5;90.25;1,418,633,200.00\n"
    imported = import_csv(text.encode(), "s.csv", agency="X", year=2021, notation="en")
    data = tomllib.loads(imported.text)
    assert data["indicator"][0]["target"] == "87,5"
    assert data["indicator"][0]["budget"] == {"pagu": "1.418.633.200,00"}
    assert imported.case.indicators[0].realisasi == Decimal("90.25")


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        # A word where a figure belongs.
        ("Indikator;Satuan;Target;Realisasi\nA;%;80;delapan puluh\n", 2, "'Realisasi'"),
        # English notation in an Indonesian file: refused, with the way out.
        ("Indikator;Satuan;Target;Realisasi\nA;%;80;87.5\n", 2, "--notation en"),
        # An empty target: write '-' for none.
        ("Indikator;Satuan;Target;Realisasi\nA;%;80;70\nB;%;;70\n", 3, "'Target'"),
        # A row with no indicator name.
        ("Indikator;Satuan;Target\nA;%;80\n;%;70\n", 3, "no name"),
        # A decimal comma not quoted in a comma-separated file: one cell too many.
        ("Indicator,Unit,Target,Actual\nA,%,80,87,5\n", 2, "more than"),
        # A direction nobody uses.
        ("Indikator;Satuan;Arah;Target\nA;%;sideways;80\n", 2, "'sideways'"),
        # The same given id twice.
        ("Kode;Indikator;Satuan;Target\nK1;A;%;80\nK1;B;%;80\n", 3, "twice"),
        # A rupiah figure for a percent indicator (found when the case is loaded back).
        ("Indikator;Satuan;Target;Realisasi\nA;%;80;Rp 5.000\n", 2, "rupiah"),
        # Two agencies in one file.
        ("Instansi;Indikator;Satuan;Target\nA;x;%;1\nB;y;%;1\n", 3, "one file is one report"),
    ],
)
def test_a_row_it_cannot_read_is_an_error_with_its_row(text: str, row: int, words: str) -> None:
    with pytest.raises(KinerjaError) as info:
        import_csv(text.encode(), "bad.csv", agency="X", year=2021)
    error = info.value
    assert error.file == "bad.csv" and error.line == row
    assert words in error.render("en")


def test_cli_error_exit_2_names_file_and_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("Indikator;Satuan;Target\nA;%;80\nB;%;x\n", encoding="utf-8")
    out = tmp_path / "case.toml"
    code, _, err = run(
        capsys, "import", str(src), "--output", str(out), "--agency", "X", "--year", "2021"
    )
    assert code == 2 and f"{src}:3:" in err and "row 3" in err.replace("baris 3", "row 3")
    assert not out.exists()


def test_missing_columns_and_header() -> None:
    with pytest.raises(KinerjaError, match="no unit column"):
        import_csv(b"Indikator;Target\nA;1\n", "s.csv", agency="X", year=2021)
    with pytest.raises(KinerjaError, match="no header row"):
        import_csv(b"a;b;c\n1;2;3\n", "s.csv", agency="X", year=2021)
    with pytest.raises(KinerjaError, match="no report year"):
        import_csv(b"Indikator;Satuan;Target\nA;%;1\n", "s.csv", agency="X")
    with pytest.raises(KinerjaError, match="no agency"):
        import_csv(b"Indikator;Satuan;Target\nA;%;1\n", "s.csv", year=2021)
    with pytest.raises(KinerjaError, match="not UTF-8"):
        # 0x81 is neither UTF-8 here nor a Windows-1252 character.
        import_csv(b"Indikator;Satuan;Target\nKoperasi \x81;%;1\n", "s.csv")


def test_header_may_sit_below_a_title_and_ids_are_made_unique() -> None:
    text = (
        "Pengukuran Capaian IKU;;\n\n"
        "Indikator;Satuan;Target\nPersentase Koperasi Sehat;%;56\nPersentase Koperasi Sehat;%;60\n"
    )
    imported = import_csv(text.encode(), "s.csv", agency="X", year=2021, lang="en")
    assert [i.id for i in imported.case.indicators] == [
        "persentase-koperasi-sehat",
        "persentase-koperasi-sehat-2",
    ]
    assert any("header is on row 3" in n for n in imported.notes)


def test_agency_and_year_from_the_file_and_conflicts() -> None:
    text = "Tahun;OPD;Indikator;Satuan;Target\n2022;Dinas Y;A;%;1\n"
    case = import_csv(text.encode(), "s.csv").case
    assert (case.report.agency, case.report.year) == ("Dinas Y", 2022)
    with pytest.raises(KinerjaError, match="--year 2021 differs"):
        import_csv(text.encode(), "s.csv", year=2021)


def test_the_import_does_not_replace_an_existing_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "s.csv"
    src.write_text("Indikator;Satuan;Target\nA;%;1\n", encoding="utf-8")
    out = tmp_path / "case.toml"
    out.write_text("# my edits\n", encoding="utf-8")
    code, _, err = run(
        capsys, "import", str(src), "--output", str(out), "--agency", "X", "--year", "2021"
    )
    assert code == 2 and "--force" in err
    assert out.read_text(encoding="utf-8") == "# my edits\n"
    assert (
        run(
            capsys,
            "import",
            str(src),
            "--output",
            str(out),
            "--agency",
            "X",
            "--year",
            "2021",
            "--force",
        )[0]
        == 0
    )
    assert ke.load_case(out).indicators[0].id == "a"


def test_results_csv_imports_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluate", str(SEED), "--format", "csv")
    assert code == 0
    sheet = tmp_path / "results.csv"
    sheet.write_text(out, encoding="utf-8")
    case_path = tmp_path / "again.toml"
    code, _, err = run(capsys, "import", str(sheet), "--output", str(case_path))
    assert code == 0, err
    again = ke.evaluate(ke.load_case(case_path))
    original = ke.evaluate(ke.load_case(SEED))
    assert [(r.id, r.capaian, r.serapan, r.category) for r in again.indicators] == [
        (r.id, r.capaian, r.serapan, r.category) for r in original.indicators
    ]


def test_header_normalisation_and_slugs() -> None:
    assert normalise_header("  Realisasi Anggaran (Rp) 2021 ") == ("realisasi anggaran", 2021)
    assert normalise_header("realisasi_anggaran") == ("realisasi anggaran", None)
    assert (
        slugify("Persentase IKM Yang Terstandarisasi (%)") == "persentase-ikm-yang-terstandarisasi"
    )
    assert slugify("Ékspor — nilai") == "ekspor-nilai"


# ---- issue 15 (sheets): the shapes spreadsheets are saved in


def _notes(raw: bytes, **options: object) -> tuple[ke.Case, tuple[str, ...]]:
    options.setdefault("agency", "Dinas X")
    options.setdefault("lang", "en")
    imported = import_csv(raw, "sheet.csv", **options)  # type: ignore[arg-type]
    return imported.case, imported.notes


def test_excel_ansi_csv_in_windows_1252_is_read_with_its_en_dash() -> None:
    # Excel's "CSV" on Windows: cp1252, where byte 0x96 is an en dash.
    raw = b"Indikator;Satuan;Target 2021;Realisasi 2021\nNilai ekspor \x96 UMKM;%;0 \x96 500;56\n"
    case, notes = _notes(raw)
    ind = case.indicators[0]
    assert ind.name == "Nilai ekspor – UMKM"
    assert (ind.target.low, ind.target.high) == (Decimal(0), Decimal(500))  # type: ignore[union-attr]
    assert any("Windows-1252" in n for n in notes)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig", "utf-8"])
def test_unicode_text_utf16_tab_separated_and_utf8_with_or_without_bom(codec: str) -> None:
    text = "Indikator\tSatuan\tTarget\tRealisasi\nKoperasi – sehat\t%\t56\t56,5\n"
    # Excel's "Unicode Text" starts with a byte-order mark; utf-16-be is given one here.
    raw = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
    case, notes = _notes(raw, year=2021)
    assert case.indicators[0].name == "Koperasi – sehat"
    assert case.indicators[0].realisasi == Decimal("56.5")
    assert any("UTF-16" in n for n in notes) == codec.startswith("utf-16")


def test_two_row_header_merged_over_target_and_realisasi() -> None:
    text = (
        "No;Indikator;Satuan;Kinerja;;Anggaran;\n"
        ";;;Target;Realisasi;Target;Realisasi\n"
        "1;Koperasi sehat;%;56;56;519.852.000;440.886.396\n"
    )
    case, notes = _notes(text.encode(), year=2021)
    ind = case.indicators[0]
    assert (ind.target.low, ind.realisasi) == (Decimal(56), Decimal(56))  # type: ignore[union-attr]
    assert ind.budget is not None
    assert (ind.budget.pagu, ind.budget.realisasi) == (Decimal(519852000), Decimal(440886396))
    assert any("two rows (1 and 2)" in n for n in notes)


def test_total_rows_are_skipped_and_checked_as_footing() -> None:
    text = (
        "Indikator;Satuan;Target;Realisasi;Pagu;Realisasi Anggaran\n"
        "A;%;80;85;1.000.000;900.000\n"
        "B;%;70;60;2.000.000;1.800.000\n"
        "JUMLAH;;;;3.000.000;2.600.000\n"
        "Rata-rata;;75;72,5;;\n"
    )
    case, notes = _notes(text.encode(), year=2021)
    assert [i.name for i in case.indicators] == ["A", "B"]
    said = "\n".join(notes)
    assert "row 4 ('JUMLAH') skipped" in said and "row 5 ('Rata-rata') skipped" in said
    # 900.000 + 1.800.000 is 2.700.000, not the 2.600.000 the total row says.
    assert (
        "warning: row 4 ('JUMLAH'), column 'Realisasi Anggaran': 2,600,000 is written, but"
        " the 2 rows above add up to 2,700,000 (difference -100,000)"
    ) in said
    assert "row 4: 'Pagu' agree" in said
    assert "row 5: 'Target', 'Realisasi' agree" in said


def test_an_indicator_named_jumlah_is_no_total_row() -> None:
    case, _ = _notes(b"Indikator;Satuan;Target\nJumlah UMKM binaan;unit;40\n", year=2021)
    assert [i.name for i in case.indicators] == ["Jumlah UMKM binaan"]


def test_short_scale_words_jt_and_rb() -> None:
    case, _ = _notes(b"Indikator;Satuan;Target;Realisasi\nA;Rp;2,5 jt;300rb\n", year=2021)
    ind = case.indicators[0]
    assert (ind.target.low, ind.realisasi) == (Decimal(2500000), Decimal(300000))  # type: ignore[union-attr]


def test_an_ambiguous_year_choice_is_refused_naming_the_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "iku.csv"
    src.write_bytes(b"Indikator;Satuan;Target 2023;Realisasi 2023;Target 2024\nA;%;80;85;90\n")
    code, _, err = run(capsys, "import", str(src), "--agency", "X", "--lang", "en")
    assert code == 2 and "2023, 2024" in err and "--year" in err
    code, out, _ = run(capsys, "import", str(src), "--agency", "X", "--year", "2023")
    assert code == 0 and 'target = "80"' in out and 'realisasi = "85"' in out


def test_a_number_whose_notation_is_ambiguous_is_warned_with_the_reading() -> None:
    raw = b'Indicator,Unit,Target,Actual\nA,%,"1,500",2\n'
    case, notes = _notes(raw, year=2021)
    assert case.indicators[0].target.low == Decimal("1.5")  # type: ignore[union-attr]
    assert any(
        "'1,500' (row 2, column 'Target') is read as 1.5; if it means 1,500, use --notation en" in n
        for n in notes
    )
    case, notes = _notes(raw, year=2021, notation="en")
    assert case.indicators[0].target.low == Decimal(1500)  # type: ignore[union-attr]
    assert not any("read as" in n for n in notes)


@pytest.mark.parametrize(
    ("word", "direction"),
    [
        ("Negatif", Direction.LOWER_IS_BETTER),
        ("Positif", Direction.HIGHER_IS_BETTER),
        ("Menurun", Direction.LOWER_IS_BETTER),
        ("Meningkat", Direction.HIGHER_IS_BETTER),
        ("Semakin kecil semakin baik", Direction.LOWER_IS_BETTER),
    ],
)
def test_indonesian_direction_words(word: str, direction: Direction) -> None:
    raw = f"Indikator;Satuan;Target;Arah\nA;%;1;{word}\n".encode()
    assert _notes(raw, year=2021)[0].indicators[0].direction is direction
