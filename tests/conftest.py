"""Shared fixtures: the shipped rule sets, the seed case, small builders."""

from __future__ import annotations

import importlib.util
import os
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

import kinerja_engine as ke
from kinerja_engine.domain.model import Direction, Indicator, Target

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "cases" / "dkupp-probolinggo-2021.toml"


def _is_rules(path: Path) -> bool:
    return 'format = "kinerja-rules/' in path.read_text(encoding="utf-8")


# tests/cases/: example cases of real report shapes, and beside them the rule sets some of
# them use; each told by its format line, not by its name.
_EXAMPLES = sorted((ROOT / "tests" / "cases").glob("*.toml"))
EXAMPLE_RULES = [p for p in _EXAMPLES if _is_rules(p)]
EXAMPLE_CASES = [p for p in _EXAMPLES if not _is_rules(p)]

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def bench_module(name: str) -> ModuleType:
    """``bench/<name>.py`` (the benchmark's case writer, the mutant list), imported once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def permendagri() -> ke.RuleSet:
    return ke.load_rules("permendagri-86-2017")


@pytest.fixture(scope="session")
def seed_case() -> ke.Case:
    return ke.load_case(SEED)


def indicator(
    target: object,
    realisasi: object,
    direction: str = "higher_is_better",
    *,
    unit: str = "%",
    ident: str = "x",
    **extra: object,
) -> Indicator:
    """An indicator from plain numbers (a list target is a range)."""
    if isinstance(target, list):
        tgt = Target(Decimal(str(target[0])), Decimal(str(target[1])))
    elif target is None:
        tgt = None
    else:
        tgt = Target.point(Decimal(str(target)))
    return Indicator(
        id=ident,
        name=ident,
        unit=unit,
        direction=Direction(direction),
        target=tgt,
        realisasi=None if realisasi is None else Decimal(str(realisasi)),
        **extra,  # type: ignore[arg-type]
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
