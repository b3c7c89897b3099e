"""Issue 14, hardening: what a hostile or careless input broke, each held by a test."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import kinerja_engine as ke
from kinerja_engine.errors import InputError, NumberError, RuleSetError
from kinerja_engine.io.importing import import_csv, wide_encoding
from kinerja_engine.numbers import (
    MAX_PLACES,
    check_figure,
    format_number,
    parse_number,
    plain_decimal,
    round_half_up,
    to_indonesian,
)
from kinerja_engine.rendering.basic import FORMATS, render, render_many
from kinerja_engine.rendering.csv import BOM
from kinerja_engine.rendering.escape import markdown_text, terminal_text
from kinerja_engine.rendering.reports import render_report
from kinerja_engine.rulesets.compile import compile_rules

CASE = """\
format = "kinerja-case/1"

[report]
agency = {agency}
year = 2021

[[indicator]]
id = "a"
name = {name}
unit = "%"
direction = "higher_is_better"
target = {target}
realisasi = {realisasi}

[[indicator.printed]]
where = {where}
capaian = "50 %"
"""


def case_text(
    *,
    name: str = "Indikator",
    agency: str = "Dinas Contoh",
    where: str = "Tabel 3",
    target: str = "100",
    realisasi: str = "90",
) -> str:
    return CASE.format(
        name=json.dumps(name),
        agency=json.dumps(agency),
        where=json.dumps(where),
        target=target,
        realisasi=realisasi,
    )


def judged(
    text: str, tmp_path: Path, *, check: bool = True
) -> tuple[ke.Case, ke.Report, ke.RuleSet]:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    case = ke.load_case(path)
    rules = ke.load_rules("permendagri-86-2017")
    return case, (ke.check if check else ke.evaluate)(case, rules), rules


# ---------------------------------------------------------------- 1, 2: a figure's bounds


@pytest.mark.parametrize(
    "value", ["1E-999999999", "0E-999999999", "-1E-3000000", f"1E-{MAX_PLACES + 1}", "1E+21"]
)
def test_a_figure_beyond_the_bounds_is_refused(value: str) -> None:
    with pytest.raises(NumberError):
        check_figure(Decimal(value))
    with pytest.raises(NumberError):
        parse_number(Decimal(value))


def test_the_bounds_themselves_are_figures() -> None:
    smallest = Decimal(f"1E-{MAX_PLACES}")
    assert check_figure(smallest) == smallest
    assert parse_number("0," + "0" * (MAX_PLACES - 1) + "1").value == smallest  # type: ignore[union-attr]
    with pytest.raises(NumberError, match="decimal places"):
        parse_number("0," + "0" * MAX_PLACES + "1")


def test_a_duration_keeps_its_converted_digits() -> None:
    # 1 detik is 1/60 minute: sixty digits by construction, not by what was written.
    parsed = parse_number("1 detik")
    assert parsed is not None and parsed.value.as_tuple().exponent < -MAX_PLACES
    assert parsed.value * 60 - 1 < Decimal("1E-50")


@pytest.mark.parametrize("written", ["1e-999999999", "0e-999999999", '"0,' + "0" * 40 + '1"'])
def test_the_loader_refuses_a_tiny_exponent_with_its_line(written: str, tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_text(case_text(realisasi=written), encoding="utf-8")
    with pytest.raises(NumberError) as caught:
        ke.load_case(path)
    assert caught.value.line == 13
    assert "decimal places" in caught.value.render("en")


def test_a_printed_tiny_exponent_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    # Issue 14.2: the audit's tolerance once scaled by the printed figure's exponent.
    text = case_text().replace('capaian = "50 %"', "capaian = 1e-3000000")
    _case, report, _rules = judged(text, tmp_path)
    assert any(f.printed == "1E-3000000" and f.where == "Tabel 3" for f in report.findings)
    for fmt in FORMATS:
        assert "0" * 1000 not in render(report, fmt, "en")


def test_formatting_never_prints_an_unbounded_exponent() -> None:
    tiny = Decimal("-1E-2000000")
    assert format_number(tiny, None) == "0"
    assert format_number(tiny, 2) == "0.00"
    assert len(format_number(Decimal("1E-2000000"), 2_000_000)) < 110
    assert plain_decimal(tiny) == "0." + "0" * 100
    with pytest.raises(ValueError, match="decimal places"):
        to_indonesian(tiny)
    for huge in (Decimal("1E+2000000"), Decimal("-9E+999999999")):
        with pytest.raises(ValueError, match="digits"):
            format_number(huge, 2)
        with pytest.raises(ValueError, match="digits"):
            round_half_up(huge, 2)
        with pytest.raises(ValueError, match="digits"):
            plain_decimal(huge)


def test_a_rules_number_beyond_the_bounds_is_a_located_error() -> None:
    spec = ke.load_rules("permendagri-86-2017").spec
    bands = dict(spec.categories.bands)
    label = next(iter(bands))
    bands[label] = attrs.evolve(bands[label], lower=Decimal("1E-999999999"))
    bad = attrs.evolve(spec, categories=attrs.evolve(spec.categories, bands=bands))
    with pytest.raises(NumberError) as caught:
        compile_rules(bad, version="x")
    assert caught.value.key is not None and caught.value.key.endswith(".lower")
    capped = attrs.evolve(spec, capaian=attrs.evolve(spec.capaian, cap=Decimal("0E-99999")))
    with pytest.raises(NumberError) as caught:
        compile_rules(capped, version="x")
    assert caught.value.key == "capaian.cap"


# ---------------------------------------------------------------- 15: blank band labels


@pytest.mark.parametrize("label", ["", "  ", "\t"])
def test_a_blank_band_label_is_a_load_error(label: str) -> None:
    spec = ke.load_rules("permendagri-86-2017").spec
    bands = dict(spec.efficiency.bands)
    first = next(iter(bands))
    bands[label] = bands.pop(first)
    bad = attrs.evolve(spec, efficiency=attrs.evolve(spec.efficiency, bands=bands))
    with pytest.raises(RuleSetError, match="label") as caught:
        compile_rules(bad, version="x")
    assert caught.value.key is not None and caught.value.key.startswith("efficiency.bands.")


# ---------------------------------------------------------------- 9: CSV injection

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("name", HOSTILE)
def test_csv_text_cells_never_start_a_formula(name: str, tmp_path: Path) -> None:
    case, report, rules = judged(case_text(name=name, agency=name), tmp_path)
    out = render_report(case, report, "csv", "en", rules=rules)
    rows = list(csv.DictReader(io.StringIO(out, newline=""), delimiter=","))
    assert rows
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)
            if cell.startswith("-"):
                # Only a figure may begin with a minus: it is a number, not a formula.
                parse_number(cell.replace(".", ","))
    written = "'" + name.replace("\r", "\n")
    assert any(cell == written for row in rows for cell in row.values())
    for checked in (False, True):  # the indicator rows and the finding rows
        case, report, rules = judged(case_text(name=name, where=name), tmp_path, check=checked)
        out = render_report(case, report, "csv", "id", rules=rules)
        cells = [c for row in csv.reader(io.StringIO(out, newline=""), delimiter=";") for c in row]
        assert written in cells


def test_csv_keeps_a_printed_negative_figure_as_printed(tmp_path: Path) -> None:
    text = case_text().replace('capaian = "50 %"', 'capaian = "-930,00 %"')
    case, report, rules = judged(text, tmp_path)
    out = render_report(case, report, "csv", "id", rules=rules).removeprefix(BOM)
    printed = [row["Tertulis"] for row in csv.DictReader(io.StringIO(out), delimiter=";")]
    assert "-930,00 %" in printed


def test_csv_writes_a_negative_figure_as_a_number(tmp_path: Path) -> None:
    case, report, rules = judged(case_text(realisasi='"-1,5"'), tmp_path, check=False)
    out = render_report(case, report, "csv", "id", rules=rules).removeprefix(BOM)
    row = next(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert row["Realisasi"] == "-1,5"


def test_import_warns_on_formula_cells_and_reads_the_quote_back() -> None:
    data = "Indikator;Satuan;Target;Realisasi\n=1+2;%;80;90\n'-dash;%;-1,5;-\nplain;%;80;90\n"
    imported = import_csv(data.encode(), "x.csv", agency="X", year=2021, lang="en")
    warned = [n for n in imported.notes if "formula" in n]
    assert len(warned) == 1 and "2" in warned[0] and "3" not in warned[0]
    names = [i.name for i in imported.case.indicators]
    assert names == ["=1+2", "-dash", "plain"]


# ---------------------------------------------------------------- 10: Markdown, terminal


MARKUP = [
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "[klik](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "\\<script>",
    "\\[x\\](javascript:alert(1))",
]


@pytest.mark.parametrize("name", MARKUP)
def test_markdown_passes_no_html_and_no_link(name: str, tmp_path: Path) -> None:
    case, report, rules = judged(case_text(name=name, agency=name, where=name), tmp_path)
    for out in (
        render_report(case, report, "markdown", "en", rules=rules),
        render(report, "markdown", "en"),
    ):
        assert "<script" not in out and "<svg" not in out and "<javascript" not in out
        assert "](javascript" not in out.replace("\\](", "")


def test_markdown_text_escapes_what_would_run() -> None:
    assert markdown_text("<b>&[a](b)\\") == "&lt;b>&amp;\\[a\\](b)\\\\"
    assert markdown_text("plain words, 87,08 %") == "plain words, 87,08 %"


@pytest.mark.parametrize("control", ["\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\u202e", "\r"])
def test_the_table_prints_no_control_character(control: str, tmp_path: Path) -> None:
    text = case_text(name=f"Indikator {control}x", agency=f"Dinas {control}", where=f"T{control}")
    _case, report, _rules = judged(text, tmp_path)
    out = render(report, "table", "en")
    assert control not in out
    assert all(c == "\n" or c.isprintable() for c in out)
    assert terminal_text(control) in out


def test_terminal_text_keeps_newlines_and_words() -> None:
    assert terminal_text("a\nb\tc\x1b") == "a\nb\\x09c\\x1b"


# ---------------------------------------------------------------- 14: negative zero


def test_json_prints_no_negative_zero(tmp_path: Path) -> None:
    _case, report, _rules = judged(case_text(target="100", realisasi='"-0,00125"'), tmp_path)
    data = json.loads(render(report, "json", "en"))
    assert data["indicators"][0]["capaian"] == "0.00"
    assert plain_decimal(Decimal("-0.00")) == "0.00"
    assert plain_decimal(Decimal("-0.005")) == "-0.005"


# ---------------------------------------------------------------- 17: CSV faults named


def test_an_unclosed_quote_names_its_row() -> None:
    data = 'Indikator;Satuan;Target;Realisasi\nA;%;80;90\nB;%;80;"70\nC;%;1;2\n'
    with pytest.raises(InputError) as caught:
        import_csv(data.encode(), "x.csv", agency="X", year=2021)
    assert caught.value.line == 3
    assert "never closed" in caught.value.render("en") and "header" not in caught.value.render("en")


def test_an_overlong_cell_names_its_row() -> None:
    data = "Indikator;Satuan;Target;Realisasi\nA;%;80;" + "9" * 200_000 + "\n"
    with pytest.raises(InputError) as caught:
        import_csv(data.encode(), "x.csv", agency="X", year=2021)
    assert caught.value.line == 2 and "longer than" in caught.value.render("en")


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_a_wide_encoding_is_named(codec: str, name: str) -> None:
    raw = "Indikator;Satuan;Target;Realisasi\nA;%;80;90\n".encode(codec)
    assert wide_encoding(raw) == name
    with pytest.raises(InputError) as caught:
        import_csv(raw, "x.csv", agency="X", year=2021)
    said = caught.value.render("en")
    assert name in said and "UTF-8" in said and "binary" not in said


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_unicode_text_is_read(codec: str) -> None:
    # Excel's "Unicode Text" (issue 15): read, and said to be UTF-16.
    raw = "Indikator;Satuan;Target;Realisasi\nA;%;80;90\n".encode(codec)
    assert wide_encoding(raw) == "UTF-16"
    imported = import_csv(raw, "x.csv", agency="X", year=2021, lang="en")
    assert imported.case.indicators[0].realisasi == 90
    assert any("UTF-16" in n for n in imported.notes)


def test_utf8_and_binary_are_not_wide() -> None:
    assert wide_encoding(b"Indikator;Target\n") is None
    assert wide_encoding(b"\x00" * 64) is None


# ---------------------------------------------------------------- 19: unknown formats


def test_an_unknown_format_is_an_error(tmp_path: Path) -> None:
    case, report, rules = judged(case_text(), tmp_path)
    for fmt in ("xyz", "", "JSON", "html"):
        with pytest.raises(ValueError, match="table, markdown, json"):
            render(report, fmt)
        with pytest.raises(ValueError, match="table, markdown, json"):
            render_many([report], fmt)
    with pytest.raises(ValueError, match="markdown, html, csv"):
        render_report(case, report, "table", rules=rules)
    assert {render(report, f, "en")[:1] for f in FORMATS}  # every known one still renders


@pytest.mark.parametrize("where", ["", "   ", "\t"])
def test_a_blank_where_is_a_located_error(where: str, tmp_path: Path) -> None:
    path = tmp_path / "case.toml"
    path.write_text(case_text(where=where), encoding="utf-8")
    with pytest.raises(ke.KinerjaError) as caught:
        ke.load_case(path)
    assert caught.value.key == "indicator[0].printed[0].where" and caught.value.line == 16
