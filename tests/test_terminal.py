"""The terminal table: names, inputs and results that fit the width they are given."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal

import attrs
import pytest
from conftest import ROOT, SEED
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.messages import text
from kinerja_engine.rendering.terminal import Column, cells, fit, table_lines, wrap

PUBLISHED = ROOT / "cases" / "published-examples.toml"


@pytest.fixture(scope="module")
def seed() -> tuple[ke.Case, ke.Report]:
    case = ke.load_case(SEED)
    return case, ke.check(case)


def widest(text: str) -> int:
    return max(map(cells, text.splitlines()))


def header(shown: str) -> str:
    """The indicator table's header line."""
    return next(line for line in shown.splitlines() if line.startswith("No "))


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120, 160, 200])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_line_is_longer_than_the_width(
    seed: tuple[ke.Case, ke.Report], width: int, lang: str
) -> None:
    case, report = seed
    for ids in (False, True):
        shown = ke.render(report, "table", lang, case=case, width=width, ids=ids)
        assert widest(shown) <= width


def test_indicators_are_named_with_their_inputs_at_80_columns(
    seed: tuple[ke.Case, ke.Report],
) -> None:
    case, report = seed
    shown = ke.render(report, "table", "id", case=case, width=80)
    head = header(shown)
    for column in ("Indikator", "Target", "Realisasi", "Capaian", "Kategori", "Ket."):
        assert column in head
    table = shown.split("Catatan")[0]
    assert "Survei Kepuasan" in table and "skm" not in table  # the name, not the id
    assert "87,07 %" in shown and "87,08 %" in shown  # Indonesian notation, with the unit
    # A rupiah figure in the trillions is written with its scale word, not 26 characters.
    assert "Rp 3.540,45 T" in table and "3.540.448.465.876.250" not in table
    # The objectives come below the indicators, by name.
    assert shown.index("Sasaran\n") > shown.index("Survei Kepuasan")
    assert "Meningkatnya Kualitas" in shown


def test_english_notation_and_words(seed: tuple[ke.Case, ke.Report]) -> None:
    case, report = seed
    shown = ke.render(report, "table", "en", case=case, width=80)
    assert "87.07%" in shown and "Rp 3,540.45 tn" in shown
    assert "Indicator" in shown and "Indikator" not in shown


def test_a_wide_terminal_shows_every_column_and_figures_in_full(
    seed: tuple[ke.Case, ke.Report],
) -> None:
    case, report = seed
    shown = ke.render(report, "table", "id", case=case, width=200)
    head = header(shown)
    for column in ("Serapan", "Efisiensi", "Kemajuan", "Status"):
        assert column in head
    assert "Rp 3.540.448.465.876.250,00" in shown
    assert text_left_out("id") not in shown


def text_left_out(lang: str) -> str:
    return text("table.columns-left-out", lang, columns="")[:20]


def test_columns_left_out_are_named_least_needed_first(seed: tuple[ke.Case, ke.Report]) -> None:
    case, report = seed
    narrow = ke.render(report, "table", "id", case=case, width=60)
    said = next(line for line in narrow.splitlines() if line.startswith(text_left_out("id")))
    assert "Kemajuan" in narrow.split(text_left_out("id"))[1]
    head = header(narrow)
    # What is left is what a reader needs most: the name and the capaian.
    assert "Indikator" in head and "Capaian" in head and "Kemajuan" not in head
    assert said


def test_ids_on_request(seed: tuple[ke.Case, ke.Report]) -> None:
    case, report = seed
    plain = ke.render(report, "table", "id", case=case, width=120)
    with_ids = ke.render(report, "table", "id", case=case, width=120, ids=True)
    assert "koperasi-sehat" not in plain.split("Sasaran")[0]
    assert "koperasi-sehat" in with_ids.split("Sasaran")[0]


def test_a_report_without_its_case_shows_no_inputs(seed: tuple[ke.Case, ke.Report]) -> None:
    _, report = seed
    shown = ke.render(report, "table", "id")
    assert "Survei Kepuasan" in shown and "Target" not in header(shown)
    assert widest(shown) <= 80


def test_colour_only_when_asked(seed: tuple[ke.Case, ke.Report]) -> None:
    case, report = seed
    assert "\x1b" not in ke.render(report, "table", "id", case=case)
    coloured = ke.render(report, "table", "id", case=case, color=True)
    assert "\x1b[1m" in coloured
    # Colour codes take no columns: without them each line is as wide as before.
    assert widest(coloured.replace("\x1b[1m", "").replace("\x1b[0m", "")) <= 80


def test_a_name_that_drives_the_terminal_is_shown_escaped(
    seed: tuple[ke.Case, ke.Report],
) -> None:
    case, report = seed
    evil = attrs.evolve(report.indicators[0], name="\x1b[2J\x1b]0;owned\x07" + "x" * 90)
    report = attrs.evolve(report, indicators=(evil, *report.indicators[1:]))
    shown = ke.render(report, "table", "id", case=case, color=True)
    assert "\x1b[2J" not in shown and "\\x1b[2J" in shown.replace("\n    ", "")
    assert widest(shown.replace("\x1b[1m", "").replace("\x1b[0m", "")) <= 80


def test_wide_characters_count_two_columns() -> None:
    assert cells("abc") == 3 and cells("指标") == 4 and cells("e\u0301") == 1
    assert all(cells(line) <= 7 for line in wrap("指标指标指标 指标", 7))


@pytest.mark.parametrize("columns", ["80", "120", "200"])
def test_the_cli_fits_columns(
    columns: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["check", str(SEED), str(PUBLISHED)]) == 1
    out = capsys.readouterr().out
    assert widest(out) <= int(columns)
    assert "\x1b" not in out  # a pipe gets no colour
    assert "Rata-rata tinggi" in out and "Survei Kepuasan" in out


def test_the_cli_is_80_columns_wide_on_a_pipe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["evaluate", str(SEED), "--ids", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert widest(out) <= 80 and "koperasi-sehat" in out


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    max_size=40,
)


@given(
    head=st.lists(texts, min_size=1, max_size=8),
    rows=st.lists(st.lists(texts, min_size=8, max_size=8), max_size=6),
    width=st.integers(min_value=40, max_value=200),
)
def test_any_table_fits_any_width(head: list[str], rows: list[list[str]], width: int) -> None:
    """Whatever the cells hold (wide characters, long words, spaces), no line of a table
    is wider than the width, and every column kept shows its whole text."""
    columns = [
        Column(h, [r[i] for r in rows], keep=i, floor=18 if i == 1 else 0, right=i == 2)
        for i, h in enumerate(head)
    ]
    lines, dropped = table_lines(columns, width)
    assert all(cells(line) <= width for line in lines)
    shown, _, _ = fit(columns, width)
    assert len(shown) + len(dropped) == len(columns)


@given(s=texts, width=st.integers(min_value=1, max_value=60))
def test_wrapping_keeps_every_character_within_the_width(s: str, width: int) -> None:
    lines = wrap(s, width)
    assert all(cells(line) <= max(width, 2) for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(s.split(" "))


def test_a_huge_figure_at_the_narrowest_width_still_fits(
    seed: tuple[ke.Case, ke.Report],
) -> None:
    case, report = seed
    big = attrs.evolve(report.indicators[0], capaian=Decimal("1" + "0" * 30))
    report = attrs.evolve(report, indicators=(big, *report.indicators[1:]))
    assert widest(ke.render(report, "table", "id", case=case, width=40)) <= 40


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_cli_colours_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    for no_color, coloured in ((None, True), ("1", False)):
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        screen = Terminal()
        monkeypatch.setattr(sys, "stdout", screen)
        assert main(["evaluate", str(SEED)]) == 0
        shown = screen.getvalue()
        assert ("\x1b[1m" in shown) is coloured
        assert widest(shown.replace("\x1b[1m", "").replace("\x1b[0m", "")) <= 100


def test_help_imports_neither_the_table_nor_rich() -> None:
    script = "from kinerja_engine.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    imported = done.stderr
    assert "kinerja_engine.cli.main" in imported
    assert "rendering.terminal" not in imported and " rich" not in imported
