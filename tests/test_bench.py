"""bench/: the mutation list still fits the code it mutates."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, bench_module

mutants = bench_module("mutants")


@pytest.mark.parametrize("mutant", mutants.MUTANTS, ids=lambda m: m.name)
def test_every_mutant_still_applies(mutant: Any, tmp_path: Path) -> None:
    # A refactoring that renames the mutated text leaves a mutant that no longer tests
    # anything; bench/mutants.py would say so only when run, which is rare.
    target = tmp_path / mutant.path
    target.parent.mkdir(parents=True)
    shutil.copy(ROOT / mutant.path, target)
    assert mutants.apply(mutant, tmp_path) is None
    assert target.read_text(encoding="utf-8") != (ROOT / mutant.path).read_text(encoding="utf-8")
