"""bench/: the mutation list still fits the code it mutates."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutants  # noqa: E402


@pytest.mark.parametrize("mutant", mutants.MUTANTS, ids=lambda m: m.name)
def test_every_mutant_still_applies(mutant: mutants.Mutant, tmp_path: Path) -> None:
    # A refactoring that renames the mutated text leaves a mutant that no longer tests
    # anything; bench/mutants.py would say so only when run, which is rare.
    target = tmp_path / mutant.path
    target.parent.mkdir(parents=True)
    shutil.copy(ROOT / mutant.path, target)
    assert mutants.apply(mutant, tmp_path) is None
    assert target.read_text(encoding="utf-8") != (ROOT / mutant.path).read_text(encoding="utf-8")
