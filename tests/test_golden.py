"""Every output recorded before the redesign, byte for byte (see tests/golden/record.py).

A difference here is a changed figure, finding or rendering: fix the code, or, when the
change is intended (a sentence reworded in the message catalogue), record again with
``python tests/golden/record.py`` and review the diff of ``tests/golden/out/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))
import record

RUNS = record.manifest()


def test_the_manifest_covers_every_rule_set_and_the_corpus() -> None:
    names = {name for name, _ in RUNS}
    assert len(record.CORPUS) >= 2 and len(record.DRAWN) >= 6
    for rules in record.SHIPPED + record.DRAWN:
        assert f"synthetic-a.check.{Path(rules).stem}.id.json.gz" in names


@pytest.mark.parametrize(("name", "argv"), RUNS, ids=[name for name, _ in RUNS])
def test_output_is_unchanged(name: str, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(record.ROOT)
    expected = record._read(record.stored(name))
    got = record.run(argv)
    if got != expected:
        # Name the first differing line rather than dumping megabytes.
        for n, (a, b) in enumerate(zip(expected.splitlines(), got.splitlines(), strict=False)):
            if a != b:
                pytest.fail(f"{name}: line {n + 1}:\n expected {a!r}\n      got {b!r}")
        pytest.fail(f"{name}: lengths differ ({len(expected)} != {len(got)} bytes)")
