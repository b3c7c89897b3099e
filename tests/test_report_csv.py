"""`--format csv`: one row per indicator (evaluate) or per finding (check)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import SEED

import kinerja_engine as ke
from kinerja_engine import api
from kinerja_engine.cli.main import main
from kinerja_engine.io.importing import import_csv
from kinerja_engine.rendering.csv import BOM, FINDING_COLUMNS, INDICATOR_COLUMNS, heading
from kinerja_engine.rendering.reports import render_report

CASES = Path(__file__).resolve().parent.parent / "cases"


def rows(
    capsys: pytest.CaptureFixture[str], *argv: str, delimiter: str
) -> tuple[int, list[dict[str, str]]]:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert out.startswith(BOM)  # Excel knows UTF-8 by it
    return code, list(csv.DictReader(io.StringIO(out.removeprefix(BOM)), delimiter=delimiter))


def test_evaluate_one_row_per_indicator_in_indonesian_notation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, table = rows(capsys, "evaluate", str(SEED), "--format", "csv", delimiter=";")
    assert code == 0 and len(table) == 8
    assert tuple(table[0]) == (
        *(heading(c, "id") for c in INDICATOR_COLUMNS),
        "Realisasi 2020",
    )
    assert list(table[0])[:3] == ["Instansi", "Tahun", "Aturan"]
    skm = table[0]
    assert (skm["Kode"], skm["Capaian Kinerja"], skm["Serapan Anggaran"], skm["Kategori"]) == (
        "skm",
        "100,01",
        "93,36",
        "Sangat Tinggi",
    )
    assert skm["Pagu Anggaran"] == "1418633200" and skm["Efisiensi"] == "Efisien"
    assert (skm["Arah"], skm["Target Akhir Renstra"], skm["Realisasi 2020"]) == (
        "Positif",
        "81,5",
        "81,55",
    )
    assert table[1]["Nama Sasaran"] == "Meningkatnya Kualitas Koperasi"
    export = table[3]
    assert export["Capaian Kinerja"] == "6942055,82" and export["Tanda"] == (
        "capaian-far-above-target"
    )
    aktif = table[5]
    assert aktif["Status"] == "tidak dapat dihitung" and aktif["Capaian Kinerja"] == ""
    assert aktif["Target"] == "-"


def test_english_uses_commas_and_points(capsys: pytest.CaptureFixture[str]) -> None:
    code, table = rows(
        capsys, "evaluate", str(SEED), "--format", "csv", "--lang", "en", delimiter=","
    )
    assert code == 0 and table[0]["capaian"] == "100.01"
    assert table[0]["agency"].startswith("Dinas Koperasi, Usaha Mikro")  # quoted, not split


def test_check_one_row_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, table = rows(capsys, "check", str(SEED), "--format", "csv", "--lang", "en", delimiter=",")
    assert code == 1 and len(table) == 82
    assert tuple(table[0]) == FINDING_COLUMNS  # English keys under --lang en
    serapan = [r for r in table if r["code"] == "serapan-recalc" and r["where"] == "Tabel 9"]
    assert len(serapan) == 1
    row = serapan[0]
    assert (row["printed"], row["expected"], row["difference"]) == ("93,08", "93.36", "-0.28")
    assert row["evidence"] == (
        "budget realisasi: 1.324.391.015,00 (Tabel 9); pagu: 1.418.633.200,00 (Tabel 9)"
    )
    assert {r["severity"] for r in table} == {"error", "warning", "info"}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", sorted(CASES.glob("*.toml")), ids=lambda p: p.stem)
def test_evaluate_import_export_round_trip_keeps_every_figure(path: Path, lang: str) -> None:
    """evaluate(import(export(case))) gives the same figures, the progress column and
    the history included: the export keeps what a re-import needs."""
    case = api.load_case(path)
    rules = api.rules_for(case)
    report = api.evaluate(case, rules)
    exported = render_report(case, report, "csv", lang, rules=rules)
    again = import_csv(exported.encode("utf-8"), "export.csv", notation=lang).case
    second = api.evaluate(again, api.rules_for(again))

    def figures(r: ke.Report) -> list[tuple[object, ...]]:
        return [
            (
                *(i.name, i.capaian, i.category, i.serapan, i.efficiency, i.progress),
                i.verdict,
                i.status,
                i.reason,
            )
            for i in r.indicators
        ]

    assert figures(second) == figures(report)
    assert any(i.progress is not None for i in report.indicators) or "published" in path.stem
    for before, after in zip(case.indicators, again.indicators, strict=True):
        assert (before.target, before.realisasi, before.budget) == (
            after.target,
            after.realisasi,
            after.budget,
        )
        assert (before.history, before.renstra_target) == (after.history, after.renstra_target)
    assert [(o.id, o.name) for o in case.objectives] == [(o.id, o.name) for o in again.objectives]


def test_cli_evaluate_csv_piped_into_import(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert main(["evaluate", str(SEED), "--format", "csv"]) == 0
    exported = capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(exported.encode("utf-8"))))
    out = tmp_path / "again.toml"
    assert main(["import", "-", "--output", str(out)]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(out), "--format", "csv"]) == 0
    again = capsys.readouterr().out
    # The same figures: every computed column agrees (the rows differ in rules_version
    # only if the rule set did, and not at all here).
    assert [r.split(";")[10:22] for r in again.splitlines()[1:]] == [
        r.split(";")[10:22] for r in exported.splitlines()[1:]
    ]


def test_check_rows_speak_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    """One severity word, the field by its label, the evidence's places in Indonesian."""
    code, table = rows(capsys, "check", str(SEED), "--format", "csv", "--lang", "id", delimiter=";")
    assert code == 1
    assert {r["Tingkat Keparahan"] for r in table} == {"kesalahan", "peringatan", "info"}
    row = next(r for r in table if r["Kode Temuan"] == "serapan-recalc" and r["Letak"] == "Tabel 9")
    assert row["Isian"] == "serapan" and row["Seharusnya"] == "93,36"
    assert row["Bukti"].startswith("realisasi anggaran: 1.324.391.015,00 (Tabel 9)")
    assert not any("printed_percent" in r["Isian"] for r in table)
