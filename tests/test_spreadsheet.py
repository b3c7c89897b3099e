"""Excel workbooks in: `kinerja import FILE.xlsx` (io/spreadsheet.py), files made here."""

from __future__ import annotations

import builtins
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kinerja_engine.cli.main import main
from kinerja_engine.errors import MissingExtra, require
from kinerja_engine.io.importing import import_csv
from kinerja_engine.io.spreadsheet import cell_decimal

openpyxl = pytest.importorskip("openpyxl")


def workbook(build: Any) -> bytes:
    book = openpyxl.Workbook()
    build(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def lkjip_sheet(ws: Any) -> None:
    """A sheet as planning units keep it: a title, a merged two-row header, a percent
    cell, amounts with sen, and a JUMLAH row."""
    ws.title = "IKU 2021"
    ws.append(["Pengukuran Kinerja Tahun 2021"])
    ws.append([])
    ws.append(["No", "Indikator", "Satuan", "Arah", "Kinerja", None, "Anggaran", None])
    ws.append([None, None, None, None, "Target", "Realisasi", "Target", "Realisasi"])
    ws.merge_cells("E3:F3")
    ws.merge_cells("G3:H3")
    ws.append(
        [1, "Persentase koperasi sehat", "%", "Positif", 56, 0.5608, 1418633200, 1324391015.5]
    )
    ws["F5"].number_format = "0.00%"
    ws.append([2, "Tingkat pengangguran", "%", "Negatif", 5.5, 5.25, 2000000, 1999999.99])
    ws.append([None, "JUMLAH", None, None, None, None, 1420633200, 1326000000])


def test_an_xlsx_sheet_becomes_a_case_with_exact_figures() -> None:
    imported = import_csv(workbook(lkjip_sheet), "iku.xlsx", agency="Dinas X", year=2021, lang="en")
    first, second = imported.case.indicators
    assert first.name == "Persentase koperasi sehat"
    # Shown as 56,08 % in Excel (the cell holds 0.5608): read as the user sees it.
    assert first.realisasi == Decimal("56.08")
    assert first.budget is not None and first.budget.realisasi == Decimal("1324391015.5")
    assert second.direction.value == "lower_is_better"
    assert second.budget is not None and second.budget.realisasi == Decimal("1999999.99")
    said = "\n".join(imported.notes)
    assert "two rows (3 and 4)" in said
    assert "row 7 ('JUMLAH') skipped" in said
    assert "warning: row 7" in said  # 1324391015,5 + 1999999,99 is not 1326000000
    assert "'Pagu' agree" in said


def test_the_cli_imports_an_xlsx_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "iku.xlsx"
    src.write_bytes(workbook(lkjip_sheet))
    out = tmp_path / "case.toml"
    code = main(["import", str(src), "--agency", "Dinas X", "--year", "2021", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert 'realisasi = "56,08"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (87.08, "87.08"),
        (0.1 + 0.2, "0.3"),  # Excel shows 15 significant digits
        (1418633200, "1418633200"),
        (1324391015.5, "1324391015.5"),
        (3540448465876250, "3540448465876250"),
    ],
)
def test_a_number_cell_reads_as_the_decimal_excel_shows(value: float, shown: str) -> None:
    assert cell_decimal(value) == Decimal(shown)


def test_a_missing_extra_names_the_extra_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("openpyxl"):
            raise ModuleNotFoundError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    monkeypatch.delitem(__import__("sys").modules, "openpyxl", raising=False)
    with pytest.raises(MissingExtra) as caught:
        require("openpyxl", "xlsx")
    assert "pip install 'kinerja-engine[xlsx]'" in caught.value.render("en")
    src = tmp_path / "iku.xlsx"
    src.write_bytes(b"PK\x03\x04 not really a workbook")
    code = main(["import", str(src), "--agency", "X", "--year", "2021", "--lang", "en"])
    assert code == 2
    assert "pip install 'kinerja-engine[xlsx]'" in capsys.readouterr().err


def test_a_broken_workbook_is_an_input_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "iku.xlsx"
    src.write_bytes(b"PK\x03\x04 not really a workbook")
    code = main(["import", str(src), "--agency", "X", "--year", "2021", "--lang", "en"])
    assert code == 2 and "cannot read the Excel workbook" in capsys.readouterr().err


def test_a_number_cell_is_never_ambiguous_but_a_typed_text_is() -> None:
    def sheet(ws: Any) -> None:
        ws.append(["Indikator", "Satuan", "Target", "Realisasi"])
        ws.append(["A", "indeks", 1.125, "1,500"])  # a number, and a text typed into a cell

    imported = import_csv(workbook(sheet), "iku.xlsx", agency="X", year=2021, lang="en")
    ind = imported.case.indicators[0]
    assert (ind.target.low, ind.realisasi) == (Decimal("1.125"), Decimal("1.5"))  # type: ignore[union-attr]
    warned = [n for n in imported.notes if "is read as" in n]
    assert len(warned) == 1 and "'1,500' (row 2, column 'Realisasi')" in warned[0]
