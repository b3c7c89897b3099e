"""`--format csv`: one row per indicator (evaluate) or per finding (check)."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import SEED

from kinerja_engine.cli.main import main
from kinerja_engine.rendering.csv import FINDING_COLUMNS, INDICATOR_COLUMNS


def rows(
    capsys: pytest.CaptureFixture[str], *argv: str, delimiter: str
) -> tuple[int, list[dict[str, str]]]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, list(csv.DictReader(io.StringIO(out), delimiter=delimiter))


def test_evaluate_one_row_per_indicator_in_indonesian_notation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, table = rows(capsys, "evaluate", str(SEED), "--format", "csv", delimiter=";")
    assert code == 0 and len(table) == 8
    assert tuple(table[0]) == INDICATOR_COLUMNS
    skm = table[0]
    assert (skm["id"], skm["capaian"], skm["serapan"], skm["category"]) == (
        "skm",
        "100,01",
        "93,36",
        "Sangat Tinggi",
    )
    assert skm["pagu"] == "1418633200" and skm["efficiency"] == "Efisien"
    export = table[3]
    assert export["capaian"] == "6942055,82" and export["flags"] == "capaian-far-above-target"
    aktif = table[5]
    assert aktif["status"] == "not_computable" and aktif["capaian"] == "" and aktif["target"] == "-"


def test_english_uses_commas_and_points(capsys: pytest.CaptureFixture[str]) -> None:
    code, table = rows(
        capsys, "evaluate", str(SEED), "--format", "csv", "--lang", "en", delimiter=","
    )
    assert code == 0 and table[0]["capaian"] == "100.01"
    assert table[0]["agency"].startswith("Dinas Koperasi, Usaha Mikro")  # quoted, not split


def test_check_one_row_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, table = rows(capsys, "check", str(SEED), "--format", "csv", "--lang", "en", delimiter=",")
    assert code == 1 and len(table) == 73
    assert tuple(table[0]) == FINDING_COLUMNS
    serapan = [r for r in table if r["code"] == "serapan-recalc" and r["where"] == "Tabel 9"]
    assert len(serapan) == 1
    row = serapan[0]
    assert (row["printed"], row["expected"], row["difference"]) == ("93,08", "93.36", "-0.28")
    assert row["evidence"] == (
        "budget realisasi: 1.324.391.015,00 (Tabel 9); pagu: 1.418.633.200,00 (Tabel 9)"
    )
    assert {r["severity"] for r in table} == {"error", "warning", "info"}


def test_check_rows_speak_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    """One severity word, the field by its label, the evidence's places in Indonesian."""
    code, table = rows(capsys, "check", str(SEED), "--format", "csv", "--lang", "id", delimiter=";")
    assert code == 1
    assert {r["severity"] for r in table} == {"kesalahan", "peringatan", "info"}
    row = next(r for r in table if r["code"] == "serapan-recalc" and r["where"] == "Tabel 9")
    assert row["field"] == "serapan" and row["expected"] == "93,36"
    assert row["evidence"].startswith("realisasi anggaran: 1.324.391.015,00 (Tabel 9)")
    assert not any("printed_percent" in r["field"] for r in table)
