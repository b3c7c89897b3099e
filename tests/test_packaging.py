"""The built wheel carries the shipped rule sets inside the package and the `kinerja` command."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"pip wheel failed: {result.stderr[-2000:]}")
    (path,) = out.glob("kinerja_engine-*.whl")
    return path


def test_wheel_ships_rule_sets_and_entry_point(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {
        Path(n).name for n in names if n.startswith("kinerja_engine/rules/") and n.endswith(".toml")
    }
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.toml")}
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kinerja = kinerja_engine.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_wheel_ships_the_schemas_and_the_report_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("schemas", "*.json"), ("templates", "*.j2")):
        for path in (ROOT / "kinerja_engine" / folder).glob(pattern):
            assert f"kinerja_engine/{folder}/{path.name}" in names


def test_building_the_wheel_warns_of_nothing(tmp_path: Path) -> None:
    # setuptools warns of a data folder missing from `packages`, of a license written the
    # old way (which it stops building in 2027), and may one day refuse either.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout + result.stderr
    assert "is absent from the `packages` configuration" not in output
    assert "BuildBackendWarning" not in output
