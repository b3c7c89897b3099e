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


def test_the_test_mapping_names_existing_test_files() -> None:
    # A renamed test file would quietly leave its modules' mutants to the slow whole-suite
    # confirmation; bench/mutants.py --ci fails on it too.
    assert mutants.unmatched_patterns(ROOT) == []


@pytest.mark.parametrize("mutant", mutants.MUTANTS, ids=lambda m: m.name)
def test_every_mutant_has_tests_mapped(mutant: Any) -> None:
    assert mutants.tests_for(mutant, ROOT), f"TESTS_FOR has no entry for {mutant.path}"


def test_the_ci_subset_names_mutants_of_the_list() -> None:
    names = {m.name for m in mutants.MUTANTS}
    assert set(mutants.CI_SUBSET) <= names
    assert len(names) == len(mutants.MUTANTS)  # no name given twice
