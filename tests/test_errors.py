"""errors.require: a missing optional extra is unusable input that names its extra."""

from __future__ import annotations

import sys

import pytest
from conftest import SEED

from kinerja_engine.cli.main import main
from kinerja_engine.errors import KinerjaError, MissingExtra, require


def test_require_returns_the_module() -> None:
    assert require("json", "report") is sys.modules["json"]


def test_require_names_the_extra_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # as if never installed
    with pytest.raises(MissingExtra) as caught:
        require("jinja2", "report")
    error = caught.value
    assert isinstance(error, KinerjaError)
    for lang in ("id", "en"):
        said = error.render(lang)
        assert "jinja2" in said and "pip install 'kinerja-engine[report]'" in said
    assert "belum terpasang" in error.render("id")


@pytest.mark.parametrize("module", ["jinja2", "markupsafe"])
def test_html_without_the_report_extra_exits_2_naming_it(
    module: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    code = main(["check", str(SEED), "--format", "html", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"the library {module} is not installed" in err
    assert "pip install 'kinerja-engine[report]'" in err
    assert "Traceback" not in err and "bug" not in err
