"""Reading case files: every mistake is a located KinerjaError, never a traceback."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED, write

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, PrintedValue, Target
from kinerja_engine.errors import CaseError, InputError

GOOD = """format = "kinerja-case/1"
[report]
agency = "Dinas X"
year = 2021

[[objective]]
id = "o"
name = "O"

[[indicator]]
id = "a"
name = "A"
unit = "%"
direction = "higher_is_better"
target = "87,07 %"
realisasi = 87.08
objective = "o"
history = { 2020 = "81,55" }
budget = { pagu = "Rp. 1.418.633.200,00", realisasi = "1.324.391.015,00" }

[[indicator.printed]]
where = "Tabel 9"
serapan = "93,08"
capaian = "Sangat tinggi"

[[budget]]
id = "belanja"
name = "BELANJA"
pagu = "100"
realisasi = "90"

[[budget]]
id = "p1"
name = "P1"
parent = "belanja"
pagu = 100
realisasi = 90
"""


def load(tmp_path: Path, text: str) -> ke.Case:
    return ke.load_case(write(tmp_path, "case.toml", text))


def test_good_case_reads_exact_decimals(tmp_path: Path) -> None:
    case = load(tmp_path, GOOD)
    ind = case.indicators[0]
    assert ind.target == Target.point(Decimal("87.07"))
    assert ind.realisasi == Decimal("87.08")
    assert ind.history == {2020: Decimal("81.55")}
    assert ind.budget == Budget(Decimal("1418633200.00"), Decimal("1324391015.00"))
    printed = ind.printed[0]
    assert printed.serapan == PrintedValue("93,08", Decimal("93.08"))
    # A word in a printed figure is evidence, not an error.
    assert printed.capaian is not None and printed.capaian.value is None and printed.capaian.error
    assert case.report.rules == "permendagri-86-2017"
    assert case.budget[1].parent == "belanja"


def test_seed_case_reads(seed_case: ke.Case) -> None:
    assert len(seed_case.indicators) == 8
    assert len(seed_case.budget) == 97
    ekspor = next(i for i in seed_case.indicators if i.id == "nilai-ekspor")
    assert ekspor.realisasi == Decimal("3540448465876250")


def test_range_target_and_dash(tmp_path: Path) -> None:
    case = load(
        tmp_path,
        GOOD.replace('target = "87,07 %"', "target = [79, 80]").replace(
            "realisasi = 87.08", 'realisasi = "-"'
        ),
    )
    assert case.indicators[0].target == Target(Decimal(79), Decimal(80))
    assert case.indicators[0].realisasi is None


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (("agency = ", "agecny = "), "report.agecny", "did you mean 'agency'"),
        (
            ('direction = "higher_is_better"', 'direction = "up"'),
            "indicator[0].direction",
            "'higher_is_better'",
        ),
        (('target = "87,07 %"', 'target = "12..5"'), "indicator[0].target", "12..5"),
        (('target = "87,07 %"', 'target = "Rp 5"'), "indicator[0].target", "rupiah"),
        (("year = 2021", 'year = "2021"'), "report.year", "whole number"),
        (('objective = "o"', 'objective = "p"'), "indicator[0].objective", "not declared"),
        (('parent = "belanja"', 'parent = "nope"'), "budget[1].parent", "not declared"),
        (("pagu = 100", "pagu = -100"), "budget[1].pagu", "negative"),
        (('target = "87,07 %"', "target = [80, 79]"), "indicator[0].target", "low end above"),
        (('id = "p1"', 'id = "belanja"'), "budget[1].id", "used twice"),
        (('name = "A"\n', ""), "indicator[0].name", "required key 'name'"),
        (
            ('history = { 2020 = "81,55" }', "history = { tahun = 5 }"),
            "indicator[0].history.tahun",
            "not a year",
        ),
    ],
)
def test_bad_case_names_file_key_and_line(
    tmp_path: Path, change: tuple[str, str], key: str, message: str
) -> None:
    with pytest.raises(ke.KinerjaError) as info:
        load(tmp_path, GOOD.replace(*change, 1))
    err = info.value
    assert err.file == str(tmp_path / "case.toml")
    assert err.key == key
    assert message in str(err)
    assert err.line is not None


def test_budget_cycle(tmp_path: Path) -> None:
    text = GOOD.replace(
        'id = "belanja"\nname = "BELANJA"', 'id = "belanja"\nname = "BELANJA"\nparent = "p1"'
    )
    with pytest.raises(CaseError, match=r"cycle: (belanja -> p1 -> belanja|p1 -> belanja -> p1)"):
        load(tmp_path, text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        ("agency = 'caf\u00e9'".encode("latin-1"), "not UTF-8"),
        (b"format = \n", "not valid TOML"),
        (b"x = [" * 100 + b"]" * 100, "nest"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        ke.load_case(path)
    assert info.value.file == str(path)


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(tmp_path, GOOD.replace("year = 2021", "year = = 2021"))
    assert info.value.line == 4 and info.value.column is not None


def test_file_too_large_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "case.toml", GOOD)
    with pytest.raises(InputError, match="above the limit"):
        ke.load_case(path, max_bytes=100)


def test_case_rules_path_is_relative_to_the_case(tmp_path: Path) -> None:
    write(tmp_path, "mine.toml", 'extends = "pmk-214-2017"\nname = "mine"\n')
    case = load(tmp_path, GOOD.replace("year = 2021", 'year = 2021\nrules = "mine.toml"'))
    assert ke.evaluate(case).rules == "mine"


def test_seed_path_exists() -> None:
    assert SEED.exists()


@pytest.mark.parametrize("ident", ["Koperasi Sehat", "skm_2021", "-x", "é"])
def test_ids_follow_the_contract(tmp_path: Path, ident: str) -> None:
    with pytest.raises(CaseError, match="lowercase letters, digits and '-'") as info:
        load(tmp_path, GOOD.replace('id = "a"', f'id = "{ident}"'))
    assert info.value.key == "indicator[0].id"


def test_loading_a_large_case_starts_no_process_or_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A library call runs in the caller's process and thread: only the batch API with
    # `jobs` starts others. The file is large, as the national files are.
    import multiprocessing.process
    import os
    import subprocess
    import threading

    from conftest import bench_module

    path = bench_module("generate").write_case(tmp_path / "national.toml", 12_000, 3)
    assert path.stat().st_size > 4 * 1024 * 1024

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a library call started a process or a thread")

    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(threading.Thread, "start", refuse)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    case = ke.load_case(path)
    assert len(case.indicators) == 12_000


# ---- issue 16 (model): bounds, counts and past years' targets in a case file

_HEAD = (
    'format = "kinerja-case/1"\n[report]\nagency = "PN X"\nyear = 2020\n'
    '[[indicator]]\nid = "a"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\n'
)


def test_counts_bounds_and_past_targets_read(tmp_path: Path) -> None:
    text = _HEAD + (
        "target_count = { numerator = 63, denominator = 63 }\n"
        'realisasi_count = { numerator = 62, denominator = "63" }\n'
        "bounds = [0, 100]\n"
        'history = { 2019 = "97,5" }\n'
        'history_target = { 2019 = 95, 2018 = [90, 95], 2017 = "-" }\n'
    )
    case = ke.load_case(write(tmp_path, "c.toml", text))
    (ind,) = case.indicators
    assert ind.target == Target.point(Decimal(100))
    assert ind.realisasi is not None and str(ind.realisasi).startswith("98.412698412698")
    assert ind.bounds is not None and (ind.bounds.low, ind.bounds.high) == (0, 100)
    assert ind.history_target == {
        2019: Target.point(Decimal(95)),
        2018: Target(Decimal(90), Decimal(95)),
    }
    missing, past = ke.evaluate(case).indicators[0].past
    assert (missing.year, missing.status, missing.capaian) == (2018, "missing", None)
    assert (past.year, past.status) == (2019, "computed")
    assert past.capaian is not None and round(past.capaian, 2) == Decimal("102.63")


@pytest.mark.parametrize(
    ("extra", "key", "words"),
    [
        (
            "target = 100\nrealisasi = 98\nrealisasi_count = { numerator = 62, denominator = 63 }\n",
            "indicator[0].realisasi_count",
            "both realisasi and realisasi_count",
        ),
        (
            "target = 100\nrealisasi_count = { numerator = 62, denominator = 0 }\n",
            "indicator[0].realisasi_count.denominator",
            "must be above zero",
        ),
        (
            "target = 100\nrealisasi_count = { numerator = -1, denominator = 3 }\n",
            "indicator[0].realisasi_count.numerator",
            "negative",
        ),
        (
            "target = 100\nrealisasi_count = { numerator = 1 }\n",
            "indicator[0].realisasi_count",
            "numerator = …, denominator = …",
        ),
        ("target = 100\nbounds = [100, 0]\n", "indicator[0].bounds", "above the upper"),
        ("target = 100\nbounds = [0]\n", "indicator[0].bounds", "two bounds"),
        ("target = 100\nhistory_target = { 20x0 = 5 }\n", "indicator[0].history_target", "20x0"),
    ],
)
def test_bad_counts_and_bounds_are_located(
    tmp_path: Path, extra: str, key: str, words: str
) -> None:
    from kinerja_engine.errors import KinerjaError

    with pytest.raises(KinerjaError) as caught:
        ke.load_case(write(tmp_path, "c.toml", _HEAD + extra))
    assert caught.value.key is not None and caught.value.key.startswith(key)
    assert words in caught.value.message
    assert caught.value.line is not None
