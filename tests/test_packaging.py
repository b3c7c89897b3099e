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
