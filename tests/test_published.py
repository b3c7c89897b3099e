"""Published worked examples, in the case format, through the command line's JSON."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from kinerja_engine.cli.main import main

CASE = ROOT / "cases" / "published-examples.toml"


def test_every_published_figure_is_reproduced(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(CASE), "--format", "json"]) == 0
    got = {i["id"]: i for i in json.loads(capsys.readouterr().out)["indicators"]}
    assert got["surabaya-genangan-2014"]["capaian"] == "115.90"
    assert got["surabaya-ipm-2016"]["capaian"] == "100.09"
    assert got["permenpan-durasi-cepat"]["capaian"] == "107.14"  # printed "107 %"
    assert got["permenpan-durasi-lambat"]["capaian"] == "87.50"
    assert got["permenpan-durasi-lambat"]["category"] == "Tinggi"


def test_check_agrees_with_every_printed_figure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CASE), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["severity"] != "info"] == []


def test_printed_unit_words_read_as_numbers() -> None:
    import kinerja_engine as ke
    from kinerja_engine.domain.model import Target
    from kinerja_engine.numbers import parse_number

    case = ke.load_case(CASE)
    printed = case.indicators[0].printed[0]
    assert printed.target is not None and printed.target.text == "20 cm"
    assert str(printed.target.value) == "20"
    assert case.indicators[2].target == Target(parse_number("7").value, parse_number("8").value)  # type: ignore[union-attr]
