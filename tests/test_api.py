"""The public API (kinerja_engine's top level, kinerja_engine.api): its names, the names it
no longer exports (still working, with a warning), the rule-set cache, rendering in every
format, and no process or thread unless the caller asks for ``jobs``."""

from __future__ import annotations

import concurrent.futures
import importlib
import importlib.metadata
import io
import json
import multiprocessing.process
import os
import shutil
import subprocess
import sys
import threading
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEED, write

import kinerja_engine as ke
from kinerja_engine import api
from kinerja_engine.batch import Judged
from kinerja_engine.domain.checks import ACROSS, CATALOGUE
from kinerja_engine.errors import InputError
from kinerja_engine.rulesets import cache

# What an embedding application needs; the whole list is __all__, held small below.
ESSENTIAL = {
    "load_case",
    "load_rules",
    "evaluate",
    "check",
    "render",
    "evaluate_many",
    "check_many",
    "Case",
    "RuleSet",
    "Report",
    "KinerjaError",
}


# ---------------------------------------------------------------- the names


def test_the_top_level_is_the_small_public_api() -> None:
    assert ESSENTIAL <= set(ke.__all__) == set(ke._EXPORTS)
    # 21, and issue 17's three calls of the review across reports (across, summary, compare).
    assert len(ke.__all__) <= 24
    assert ke.__version__ == importlib.metadata.version("kinerja-engine")
    assert not set(ke.__all__) & set(ke._MOVED)
    for name in ke.__all__:
        assert getattr(ke, name) is not None
    assert ke.check is api.check and ke.render is api.render and ke.run is api.run
    # A plain module: no class swapped in to tell the module from a function.
    assert type(sys.modules["kinerja_engine"]) is types.ModuleType
    assert set(dir(ke)) >= set(ke.__all__)


def test_a_name_that_moved_still_works_and_says_where_it_lives() -> None:
    for name, home in ke._MOVED.items():
        module = importlib.import_module(f"kinerja_engine.{home}")
        with pytest.warns(DeprecationWarning, match=rf"use kinerja_engine\.{home}\.{name}$"):
            value = getattr(ke, name)
        assert value is getattr(module, name)
    with pytest.warns(DeprecationWarning, match="kinerja_engine.evaluation.indicator.grade"):
        from kinerja_engine import grade  # noqa: F401
    # Told at every use, not only the first.
    with pytest.warns(DeprecationWarning):
        ke.grade  # noqa: B018


def test_an_unknown_name_is_an_attribute_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
            ke.nothing_here  # noqa: B018
        assert ke.evaluate is api.evaluate  # a public name warns of nothing


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    names = json.loads(out.stdout.strip().splitlines()[-1])
    return {m for m in names if m.startswith("kinerja_engine")}


def test_importing_the_cli_does_not_import_the_engine() -> None:
    light = {"kinerja_engine", "kinerja_engine.version", "kinerja_engine.cli"}
    assert _modules_after("import kinerja_engine") == {"kinerja_engine", "kinerja_engine.version"}
    # The CLI's words come from the catalogue, which imports nothing of the engine.
    cli = light | {"kinerja_engine.cli.main", "kinerja_engine.messages"}
    assert _modules_after("import kinerja_engine.cli") == cli
    helped = _modules_after(
        "import contextlib, io\nfrom kinerja_engine.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])"
    )
    assert helped == cli
    # The probe sees the engine when it is imported.
    assert "kinerja_engine.api" in _modules_after("import kinerja_engine as ke\nke.check")


# ---------------------------------------------------------------- loading


def test_a_case_loads_from_a_path_its_bytes_or_a_stream() -> None:
    raw = SEED.read_bytes()
    from_path = ke.load_case(SEED)
    from_bytes = ke.load_case(raw, name="upload.toml")
    from_stream = ke.load_case(io.BytesIO(raw))
    assert from_path.origin == str(SEED)
    assert from_bytes.origin == "upload.toml"
    assert from_stream.origin == "<stream>"
    assert from_bytes.indicators == from_path.indicators == from_stream.indicators
    assert ke.check(from_bytes).findings == ke.check(from_path).findings


def test_a_stream_is_read_no_further_than_the_limit() -> None:
    stream = io.BytesIO(SEED.read_bytes())
    with pytest.raises(InputError, match="larger than the limit of 100 bytes") as caught:
        ke.load_case(stream, name="<stdin>", max_bytes=100)
    assert stream.tell() == 101
    assert caught.value.render("en").startswith("<stdin>: standard input is larger")
    with ke.limits(max_bytes="1k"), pytest.raises(InputError, match=r"upload\.toml is larger"):
        ke.load_case(io.BytesIO(SEED.read_bytes()), name="upload.toml")


def test_limits_hold_within_the_block_and_text_sizes_are_read() -> None:
    with ke.limits(max_bytes="300"), pytest.raises(InputError, match="limit of 300 bytes"):
        ke.load_case(SEED)
    ke.load_case(SEED)  # the block is over
    with pytest.raises(InputError, match="'banyak' is not a file size"):
        ke.limits(max_bytes="banyak")
    with pytest.raises(InputError, match="not a nesting depth"):
        ke.limits(max_depth="0")


def test_the_catalogues() -> None:
    assert ke.checks() == CATALOGUE + ACROSS
    assert {"permendagri-86-2017", "pmk-214-2017"} <= set(ke.rule_sets())
    for name in ke.rule_sets():
        assert ke.load_rules(name).name == name
    assert json.loads(ke.schema("case"))["type"] == "object"
    assert json.loads(ke.schema("report"))["$defs"]["document"]["type"] == "object"
    with pytest.raises(ValueError, match="unknown schema"):
        ke.schema("results")


def test_import_csv_from_a_file_or_its_bytes(tmp_path: Path) -> None:
    csv = write(
        tmp_path,
        "iku.csv",
        "Indikator;Satuan;Target;Realisasi\nIndeks kepuasan;%;80;84,5\n",
    )
    from_file = ke.import_csv(csv, agency="Dinas X", year=2021)
    from_bytes = ke.import_csv(csv.read_bytes(), str(csv), agency="Dinas X", year=2021)
    assert from_file.text == from_bytes.text
    assert from_file.case.indicators[0].realisasi == from_bytes.case.indicators[0].realisasi
    assert str(from_file.case.indicators[0].realisasi) == "84.5"


# ---------------------------------------------------------------- the rule-set cache


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The versions compiled from here on, from an empty cache."""
    compiled: list[str] = []
    real = cache.compile_rules

    def counting(spec: object, *, version: str, **more: Any) -> ke.RuleSet:
        compiled.append(version)
        return real(spec, version=version, **more)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "compile_rules", counting)
    cache.forget()
    return compiled


def test_a_rule_set_read_again_is_not_compiled_again(counted: list[str]) -> None:
    first = ke.load_rules("permendagri-86-2017")
    assert ke.load_rules("permendagri-86-2017") is first
    case = ke.load_case(SEED)
    ke.evaluate(case)
    ke.evaluate(case)
    ke.check(case)
    assert api.rules_for(case) is first
    assert counted == [first.version]


def test_a_rules_file_read_again_is_not_parsed_again(
    monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    parsed: list[str] = []
    real = api.read_rules

    def counting(name: str | Path, *, base: Path | None = None) -> object:
        parsed.append(str(name))
        return real(name, base=base)

    monkeypatch.setattr(api, "read_rules", counting)
    first = ke.load_rules("pmk-214-2017")
    assert ke.load_rules("pmk-214-2017") is first
    assert ke.load_rules(ROOT / "rules" / "pmk-214-2017.toml") is first
    assert parsed == ["pmk-214-2017"] and len(counted) == 1
    # Still read within the limits in force: a file now too large is refused.
    with ke.limits(max_bytes=100), pytest.raises(InputError, match="limit of 100 bytes"):
        ke.load_rules("pmk-214-2017")


def test_an_edited_rules_file_is_compiled_afresh(tmp_path: Path, counted: list[str]) -> None:
    rules = tmp_path / "own.toml"
    shutil.copy(ROOT / "rules" / "permendagri-86-2017.toml", rules)
    first = ke.load_rules(rules)
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text + "# a comment is not content\n", encoding="utf-8")
    assert ke.load_rules(rules) is first
    rules.write_text(text.replace("places = 2", "places = 3"), encoding="utf-8")
    second = ke.load_rules(rules)
    assert second is not first and second.places == 3 and second.version != first.version
    # The same content from another file is another rule set: it names its own file.
    other = write(tmp_path, "other.toml", text)
    assert ke.load_rules(other).origin == str(other) != first.origin
    assert len(counted) == 3


def test_an_edited_base_is_compiled_afresh(tmp_path: Path, counted: list[str]) -> None:
    base = tmp_path / "base.toml"
    text = (ROOT / "rules" / "permendagri-86-2017.toml").read_text(encoding="utf-8")
    base.write_text(text, encoding="utf-8")
    child = write(
        tmp_path,
        "child.toml",
        'format = "kinerja-rules/1"\nname = "child"\nextends = "base.toml"\n',
    )
    first = ke.load_rules(child)
    assert ke.load_rules(child) is first
    base.write_text(text.replace("places = 2", "places = 1"), encoding="utf-8")
    second = ke.load_rules(child)
    assert second is not first and second.places == 1
    assert counted == [first.version, second.version]


def test_the_caches_keep_the_most_recently_used(
    monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    lru: cache.Lru[str, int] = cache.Lru(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1  # now the most recent
    assert lru.put("c", 3) == 3  # pushes out b, the least recent
    assert (lru.get("a"), lru.get("b"), lru.get("c")) == (1, None, 3)
    assert lru.put("a", 4) == 4 and lru.get("a") == 4  # a new value replaces the old
    monkeypatch.setattr(cache.COMPILED, "size", 2)
    monkeypatch.setattr(cache.FILES, "size", 2)
    names = ["permendagri-86-2017", "pmk-214-2017", "kepmendagri-690-1996"]
    first = [ke.load_rules(name) for name in names]
    assert all(ke.load_rules(n) is r for n, r in zip(names[1:], first[1:], strict=True))
    assert len(counted) == 3
    # The first was dropped from both: read and compiled again.
    assert ke.load_rules(names[0]) is not first[0] and len(counted) == 4


# ---------------------------------------------------------------- rendering


def test_render_writes_every_format_from_run_or_a_report_with_its_case() -> None:
    case = ke.load_case(SEED)
    rules = ke.load_rules("permendagri-86-2017")
    report = ke.check(case)
    (judged,) = ke.run([SEED], check=True)
    assert judged == Judged(case, report, rules, rules.origin)
    for fmt in api.FORMATS:
        for lang in ("id", "en"):
            text = ke.render(judged, fmt, lang)
            assert text and text == ke.render(report, fmt, lang, case=case, rules=rules)
    assert json.loads(ke.render(report, "json"))["report"]["agency"] == case.report.agency
    assert ke.render(report, "table", "en") == ke.render([report], "table", "en")
    many = json.loads(ke.render([report, judged], "json"))
    assert many == [json.loads(ke.render(report, "json"))] * 2
    # A report alone in Markdown is its own tables; chapter III needs the case.
    assert ke.render(report, "markdown") != ke.render(judged, "markdown")
    assert ke.render(rules).startswith(f"{rules.name} ({rules.version})")


def test_render_refuses_what_it_cannot_show() -> None:
    report = ke.evaluate(ke.load_case(SEED))
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        ke.render(report, "pdf")
    with pytest.raises(ValueError, match="shows the case"):
        ke.render(report, "html")
    with pytest.raises(ValueError, match="table only"):
        ke.render(ke.load_rules("permendagri-86-2017"), "json")
    (light,) = ke.run([SEED], keep=False)
    with pytest.raises(ValueError, match="keep=False"):
        ke.render(light, "csv")


# ---------------------------------------------------------------- no process, no thread


class Started(Exception):
    """A process or thread was started."""


@pytest.fixture
def no_workers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise Started

    monkeypatch.setattr(threading.Thread, "start", refuse)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "__init__", refuse)
    monkeypatch.setattr(concurrent.futures.ThreadPoolExecutor, "__init__", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setattr(os, "posix_spawn", refuse, raising=False)
    yield


def test_no_call_starts_a_process_or_thread_unless_asked(no_workers: None, tmp_path: Path) -> None:
    case = ke.load_case(SEED)
    ke.load_case(SEED.read_bytes())
    report = ke.check(case)
    ke.evaluate(case, trace=True)
    assert list(ke.check_many([SEED, case])) == [report, report]
    items = list(ke.run([SEED, SEED], check=True))
    for fmt in api.FORMATS:
        ke.render(items, fmt)
    rules = ke.load_rules("permendagri-86-2017")
    assert len(list(ke.evaluate_many(case.indicators, rules))) == len(case.indicators)
    # The guard is real: asking for jobs starts workers, and it stops them.
    with pytest.raises(Started):
        list(ke.check_many([SEED, SEED], jobs=2))


def test_a_large_case_is_read_in_this_process(no_workers: None, tmp_path: Path) -> None:
    # Above the size at which a reader could think a second core worth it (4 MiB).
    long_name = "Indikator " + "panjang " * 60
    lines = ['format = "kinerja-case/1"', '[report]\nagency = "A"\nyear = 2021']
    for k in range(9000):
        lines.append(
            f'[[indicator]]\nid = "k{k}"\nname = "{long_name}{k}"\nunit = "%"\n'
            f'direction = "higher_is_better"\ntarget = 80\nrealisasi = {k % 100}'
        )
    big = "\n".join(lines) + "\n"
    assert len(big) > 4 * 1024 * 1024
    case = ke.load_case(big.encode(), name="big.toml")
    assert len(case.indicators) == 9000
