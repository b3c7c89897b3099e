"""JSON Schemas of the case and rule-set formats: shipped files pass, broken ones do not,
and the schemas name exactly the keys the loader accepts."""

from __future__ import annotations

import json
import tomllib
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import ROOT

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.domain import model
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io import structure
from kinerja_engine.io.schema import schema, schema_text
from kinerja_engine.rulesets import ruleset

jsonschema = pytest.importorskip("jsonschema")

# tests/cases/ holds a case's own rule set beside it (skala-laporan.toml): each by its format.
_TEST_FILES = sorted((ROOT / "tests" / "cases").glob("*.toml"))
_TEST_RULES = [p for p in _TEST_FILES if 'format = "kinerja-rules/' in p.read_text("utf-8")]
CASES = sorted((ROOT / "cases").glob("*.toml")) + [p for p in _TEST_FILES if p not in _TEST_RULES]
RULES = sorted((ROOT / "rules").glob("*.toml")) + _TEST_RULES


def validator(kind: str) -> Any:
    spec = schema(kind)
    jsonschema.Draft202012Validator.check_schema(spec)
    return jsonschema.Draft202012Validator(spec)


def errors(kind: str, data: Any) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(data)]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_shipped_case_is_valid(path: Path) -> None:
    assert errors("case", tomllib.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_every_shipped_rule_set_is_valid(path: Path) -> None:
    assert errors("rules", tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_shipped_files_exist() -> None:
    assert CASES and len(RULES) >= 3
    assert any("extends" in tomllib.loads(p.read_text(encoding="utf-8")) for p in RULES)


MINIMAL_CASE = """
format = "kinerja-case/1"
[report]
agency = "A"
year = 2021
[[indicator]]
id = "a"
name = "A"
unit = "%"
direction = "higher_is_better"
target = 80
"""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("[[indicator]]", "[[indikator]]"), "Additional properties"),  # a typo in a table
        (('direction = "higher_is_better"', 'direction = "up"'), "is not one of"),
        (("year = 2021", 'year = "2021"'), "is not of type 'integer'"),
        (("target = 80", "realisasi = 80"), "'target' is a required property"),
        (('id = "a"', 'id = "Koperasi Sehat"'), "does not match"),
        (("target = 80", 'target = "delapan puluh"'), "is not valid under any"),
        (("target = 80", "target = [1, 2, 3]"), "is not valid under any"),
    ],
)
def test_broken_cases_fail_the_schema_and_the_loader(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    text = MINIMAL_CASE.replace(*change)
    assert text != MINIMAL_CASE
    found = errors("case", tomllib.loads(text))
    assert any(expected in e for e in found), found
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KinerjaError):
        ke.evaluate(ke.load_case(path))


def test_minimal_case_is_valid() -> None:
    assert errors("case", tomllib.loads(MINIMAL_CASE)) == []


def test_partial_rule_set_needs_extends() -> None:
    partial = {"extends": "permendagri-86-2017", "name": "capped", "capaian": {"cap": 120}}
    assert errors("rules", partial) == []
    without = {"name": "capped", "capaian": {"cap": 120}}
    found = errors("rules", without)
    assert any("'format' is a required property" in e for e in found)
    assert any("'categories' is a required property" in e for e in found)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"extends": "x", "capaian": {"cap": 120, "kap": 1}}, "Additional properties"),
        ({"extends": "x", "categories": {"compare": "nearest"}}, "is not one of"),
        ({"extends": "x", "flags": {"Bad Code": {"enabled": False}}}, "does not match"),
        ({"extends": "x", "audit": {"severity": {"tie-out": "fatal"}}}, "is not one of"),
        ({"extends": "x", "categories": {"bands": {"A": {"lower": "tinggi"}}}}, "is not valid"),
    ],
)
def test_broken_rule_sets_fail(data: dict[str, Any], expected: str) -> None:
    found = errors("rules", data)
    assert any(expected in e for e in found), found


def test_full_rule_set_flag_needs_its_messages() -> None:
    base = tomllib.loads((ROOT / "rules" / "permendagri-86-2017.toml").read_text(encoding="utf-8"))
    base["flags"] = {"x": {"when": "capaian > 1"}}
    assert any("'message_id' is a required property" in e for e in errors("rules", base))


# ---------------------------------------------------------------- no drift from the models


def _keys(cls: type, renames: dict[str, str] | None = None) -> set[str]:
    renames = renames or {}
    return {renames.get(a.name, a.name) for a in attrs.fields(cls) if a.name != "origin"}


def _props(spec: dict[str, Any], *path: str) -> set[str]:
    node = spec
    for step in path:
        node = node[step]
        if "$ref" in node:
            node = spec["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return set(node["properties"])


def test_case_schema_names_the_models_keys() -> None:
    spec = schema("case")
    assert set(spec["properties"]) == _keys(model.Case, structure.RENAMES[model.Case])
    assert _props(spec, "properties", "report") == _keys(model.ReportInfo)
    assert set(spec["$defs"]["indicator"]["properties"]) == _keys(model.Indicator)
    assert set(spec["$defs"]["printedEntry"]["properties"]) == _keys(model.PrintedEntry)
    assert set(spec["$defs"]["budgetLine"]["properties"]) == _keys(model.BudgetLine)
    assert set(spec["$defs"]["objective"]["properties"]) == _keys(model.Objective)
    assert set(spec["$defs"]["goal"]["properties"]) == _keys(model.Goal)
    assert set(spec["$defs"]["program"]["properties"]) == _keys(model.Program)
    assert set(spec["$defs"]["indicator"]["properties"]["budget"]["properties"]) == _keys(
        model.Budget
    )


def test_rules_schema_names_the_models_keys() -> None:
    spec = schema("rules")
    props = spec["properties"]
    assert set(props) == _keys(ruleset.RuleSetSpec)
    hints = typing.get_type_hints(ruleset.RuleSetSpec)
    for key, sub in props.items():
        cls = hints[key]
        if attrs.has(cls):
            assert set(sub["properties"]) == _keys(cls), key
    assert set(spec["$defs"]["band"]["properties"]) == _keys(ruleset.BandSpec)
    assert set(spec["$defs"]["flag"]["properties"]) == _keys(ruleset.FlagSpec)
    assert set(props["capaian"]["properties"]["range_target"]["properties"]) == _keys(
        ruleset.RangeTargetSpec
    )


def test_cli_prints_the_shipped_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("case", "rules"):
        assert main(["schema", kind]) == 0
        out = capsys.readouterr().out
        assert out == schema_text(kind) and json.loads(out)["$schema"].endswith("2020-12/schema")


def test_counts_and_their_figure_together_fail_the_schema() -> None:
    """Issue 16: a figure or its counts, not both; a target_count stands for target."""
    base = (ROOT / "tests" / "cases" / "pengadilan-perkara-2020.toml").read_text(encoding="utf-8")
    data = tomllib.loads(base)
    assert errors("case", data) == []
    data["indicator"][0]["realisasi"] = 93
    assert errors("case", data) != []
    data = tomllib.loads(base)
    data["indicator"][1]["target"] = 100
    assert errors("case", data) != []
    data = tomllib.loads(base)
    data["indicator"][0]["realisasi_count"] = {"numerator": 1}
    assert errors("case", data) != []
