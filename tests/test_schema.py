"""JSON Schemas of the case and rule-set formats: shipped files pass, broken ones do not,
and the schemas name exactly the keys the loader accepts."""

from __future__ import annotations

import contextlib
import io
import json
import tomllib
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import EXAMPLE_CASES, EXAMPLE_RULES, ROOT, bench_module

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.domain import model
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io import structure
from kinerja_engine.io.schema import SCHEMAS, schema, schema_text
from kinerja_engine.rulesets import ruleset

jsonschema = pytest.importorskip("jsonschema")

# tests/cases/ holds a case's own rule set beside it (skala-laporan.toml): each by its format.
CASES = sorted((ROOT / "cases").glob("*.toml")) + EXAMPLE_CASES
RULES = sorted((ROOT / "rules").glob("*.toml")) + EXAMPLE_RULES


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
    for kind in SCHEMAS:
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


# ---------------------------------------------------------------- the JSON output (issue 15)

generate = bench_module("generate")


def _run_json(*args: str) -> Any:
    return json.loads(_capture([*args, "--format", "json"]))


_RUNS = [
    ("evaluate", "--lang", "id"),
    ("evaluate", "--lang", "en"),
    ("evaluate", "--lang", "id", "--trace"),
    ("evaluate", "--lang", "en", "--trace"),
    ("check", "--lang", "id"),
    ("check", "--lang", "en"),
]


@pytest.fixture(scope="module")
def outputs() -> list[Any]:
    """Every JSON document the CLI writes for the shipped cases: each case alone and all of
    them at once, evaluated (with and without --trace) and checked, in both languages."""
    found = []
    for run in _RUNS:
        for path in [*CASES, None]:
            shown = [str(p) for p in CASES] if path is None else [str(path)]
            found.append(_run_json(run[0], *shown, *run[1:]))
    return found


def _capture(argv: list[str]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(argv)
    assert code in (0, 1), argv  # 1: findings at or above --fail-on
    return buffer.getvalue()


def _documents(outputs: list[Any]) -> list[dict[str, Any]]:
    return [d for out in outputs for d in (out if isinstance(out, list) else [out])]


def test_every_report_output_is_valid(outputs: list[Any]) -> None:
    assert len(outputs) == len(_RUNS) * (len(CASES) + 1)
    assert any(isinstance(out, list) for out in outputs)  # several cases: an array
    check = validator("report")
    for out in outputs:
        assert [e.message for e in check.iter_errors(out)] == []


def _walk(spec: dict[str, Any], node: dict[str, Any], data: Any, seen: dict[str, set[str]]) -> None:
    """Collect, per closed object of the schema, the keys ``data`` carries."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if isinstance(data, dict) and "properties" in spec["$defs"][name]:
            seen.setdefault(name, set()).update(data)
        _walk(spec, spec["$defs"][name], data, seen)
        return
    if isinstance(data, dict) and "properties" in node:
        for key, value in data.items():
            _walk(spec, node["properties"][key], value, seen)
    elif isinstance(data, list) and "items" in node:
        for value in data:
            _walk(spec, node["items"], value, seen)


def test_report_schema_names_exactly_the_keys_of_the_outputs(outputs: list[Any]) -> None:
    """No key of the schema is one the output never carries (a stale name), and the
    closed objects allow no other: the two cannot drift apart."""
    spec = schema("report")
    seen: dict[str, set[str]] = {}
    for document in _documents(outputs):
        _walk(spec, {"$ref": "#/$defs/document"}, document, seen)
    for name, keys in seen.items():
        assert keys == set(spec["$defs"][name]["properties"]), name


def _every_property(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                found.append((f"{path}.{key}", sub))
            for key, sub in node.items():
                visit(sub, f"{path}.{key}")
        elif isinstance(node, list):
            for sub in node:
                visit(sub, path)

    visit(spec, "$")
    return found


@pytest.mark.parametrize("kind", ["report", "summary", "compare"])
def test_output_schemas_describe_every_field(kind: str) -> None:
    spec = schema(kind)
    jsonschema.Draft202012Validator.check_schema(spec)
    props = _every_property(spec)
    assert props
    for path, sub in props:
        assert "$ref" in sub or sub.get("description"), path


def _first(data: Any) -> dict[str, Any]:
    return data[0] if isinstance(data, list) else data


@pytest.mark.parametrize(
    ("where", "old", "new"),
    [
        ("report", "rules_version", "rulesVersion"),
        ("indicators", "capaian", "achievement"),
        ("findings", "message_id", "messageId"),
        ("objectives", "category", "kategori"),
        ("skipped", "blocked_by", "blocker"),
    ],
)
def test_a_renamed_key_fails_the_report_schema(where: str, old: str, new: str) -> None:
    document = _run_json("check", str(ROOT / "cases" / "dkupp-probolinggo-2021.toml"))
    assert errors("report", document) == []
    part = document[where]
    item = part if isinstance(part, dict) else part[0]
    item[new] = item.pop(old)
    found = errors("report", document)
    assert any("Additional properties" in e for e in found), found
    assert any(f"'{old}' is a required property" in e for e in found), found


def test_a_figure_as_a_number_fails_the_report_schema() -> None:
    document = _run_json("evaluate", str(ROOT / "cases" / "dkupp-probolinggo-2021.toml"))
    document["indicators"][0]["capaian"] = 106.85
    assert any("is not of type" in e for e in errors("report", document))
    document["indicators"][0]["capaian"] = "106,85"  # Indonesian notation is for people
    assert any("does not match" in e for e in errors("report", document))
    several = [document, {"report": document["report"]}]
    assert errors("report", several) != []


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("region")
    paths = generate.write_region(folder, 3, (2021, 2022), 4, faulty=2)
    return [*sorted(paths), ROOT / "cases" / "dkupp-probolinggo-2021.toml"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_desk_outputs_are_valid(region: list[Path], lang: str) -> None:
    files = [str(p) for p in region]
    summary = _run_json("check", *files, "--summary", "--lang", lang)
    assert summary["worst"] and summary["ranked"] and summary["agencies"]
    assert errors("summary", summary) == []
    rules = ["--rules", "permendagri-86-2017", "--rules", "kepmendagri-690-1996"]
    compared = _run_json("compare", *files, *rules, "--lang", lang)
    assert compared["diffs"] and compared["agencies"]
    assert errors("compare", compared) == []
    summary["agencies"][0]["checksPassed"] = summary["agencies"][0].pop("checks_passed")
    assert errors("summary", summary) != []
    compared["diffs"][0]["outcomes"][0]["capaian"] = 100
    assert errors("compare", compared) != []
