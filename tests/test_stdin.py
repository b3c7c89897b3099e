"""`-` as the case path: a front end pipes the case in and reads the JSON out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

from kinerja_engine.cli.main import main

CASE = """format = "kinerja-case/1"
[report]
agency = "Dinas X"
year = 2021
rules = "my-rules.toml"
[[indicator]]
id = "a"
name = "A"
unit = "%"
direction = "higher_is_better"
target = 80
realisasi = 100
"""


class Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_case_from_standard_input_as_a_subprocess(tmp_path: Path) -> None:
    # What a PHP front end does: proc_open("kinerja evaluate - --format json").
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_engine.cli.main", "check", "-", "--format", "json"],
        input=SEED.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the seed has error findings
    data = json.loads(done.stdout)
    assert data["indicators"][0]["capaian"] == "100.01" and len(data["findings"]) == 82


def test_relative_rules_path_is_taken_from_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "my-rules.toml").write_text(
        'extends = "permendagri-86-2017"\nname = "capped"\ncapaian.cap = 120\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        sys, "stdin", Stdin(CASE.replace("realisasi = 100", "realisasi = 400").encode())
    )
    assert main(["evaluate", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report"]["rules"] == "capped" and data["indicators"][0]["capaian"] == "120.00"


def test_errors_name_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(b'format = "kinerja-case/1"\n[report]\nagency = 1\n'))
    assert main(["evaluate", "-", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "<stdin>:3" in err and "agency" in err


def test_stdin_only_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", Stdin(CASE.encode()))
    assert main(["evaluate", "-", "-", "--lang", "en"]) == 2
    assert "only once" in capsys.readouterr().err
