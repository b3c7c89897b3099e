"""Every human output in one language: with ``--lang id`` no English word and no number in
English notation reaches the reader, and with ``--lang en`` no Indonesian word, in every
format of every shipped case and example case (evaluate with its trace, and check), and in
everything else a user runs: a folder's summary, the comparison of rule sets, what import
says on standard error, `rules show`, `checks`, the errors for bad input, every `--help`.

The case's own text (names, places, what the report printed, the rule set's labels) is
the user's, in whatever language they wrote it: it is taken out before the scan, so what
is left is what the engine itself says.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_CASES, EXAMPLE_RULES, ROOT

from kinerja_engine.cli.main import main
from kinerja_engine.domain.checks import CODES
from kinerja_engine.version import __version__

CASES = sorted((ROOT / "cases").glob("*.toml"))
RULES = sorted((ROOT / "kinerja_engine" / "rules").glob("*.toml")) or sorted(
    (ROOT / "rules").glob("*.toml")
)
FORMATS = ("table", "markdown", "html", "csv", "json")
# The example cases of tests/cases/ (counts, bounds, past years, periods, the performance
# tree, units, label synonyms) and the rule sets some of them use: EXAMPLE_CASES and
# EXAMPLE_RULES of conftest.

# Words the engine says in English that Indonesian output must not contain, and the reverse.
# Domain terms both languages use (capaian, serapan, realisasi, pagu, target, info, status)
# are in neither list.
ENGLISH = re.compile(
    r"\b(the|of|and|from|with|is|not|printed|expected|difference|errors?|warnings?|"
    r"findings?|checks|passed|skipped|input|budget|lines|recomputed|number|percentage|"
    r"defined|trace|evidence|rules|indicators?|flags|objectives?|usage|true|false|"
    r"computed|missing|category|efficiency|progress|verdict|share|year|achievement|"
    r"absorption|remarks|chapter|table|for|to|in|by|on|or|than|are|be|this|which|when|"
    r"above|below|given|written|sum|read|rows?|column|file|case|report|values?|"
    r"different|points|tolerance|none|default|show|write|else|score|range|cap|floor|"
    r"places|agency|reports|none|each|every|only|per cent|percent)\b",
    re.IGNORECASE,
)
INDONESIAN = re.compile(
    r"\b(dan|dari|yang|tidak|dengan|untuk|tercetak|seharusnya|selisih|temuan|kesalahan|"
    r"peringatan|dihitung|pemeriksaan|tahun|bukan|kasus|rincian|menurut|nilai|berbeda|"
    r"penggunaan|tabel|sasaran|kategori|keterangan|kemajuan|efisiensi|anggaran|jejak|"
    r"lolos|dilewati|indikator|catatan|benar|salah|atau|pada|bila|ini|itu|sebagai|baris|"
    r"kolom|berkas|laporan|jumlah|angka|bawaan|tampilkan|tulis|instansi|aturan|rumus|"
    r"pita|batas|setiap|hanya|tertulis|terbaca|dibaca|ringkasan|ikhtisar)\b",
    re.IGNORECASE,
)
# A decimal in the other language's notation: 116.25 in Indonesian, 116,25 in English.
# (A whole number, not a piece of a grouped one: 3.540.448 is Indonesian grouping.)
NOTATION = {
    "id": re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])"),
    "en": re.compile(r"(?<![\d,])\d+,\d{1,2}(?![\d,])"),
}
WORDS = {"id": ENGLISH, "en": INDONESIAN}
# Keys of a rules file whose text is the engine's to choose by language.
TITLES = {"title", "title_id", "title_en"}


def _strings(value: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield key  # a band's label is its table's key
                yield from _strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)


def _texts_of(*files: Path) -> re.Pattern[str]:
    """Every text of the files (cases, rules files) and of the rule sets, and the check
    codes (identifiers, with a legend), as whole words: what the scan takes out before it
    looks."""
    found: set[str] = set()
    for path in (*files, *RULES, *EXAMPLE_RULES):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        # A rules file's titles are the engine's to choose by language, so they are scanned.
        rules = str(data.get("format", "")).startswith("kinerja-rules")
        found |= set(_strings(data, TITLES if rules else frozenset()))
    found |= {f"kinerja_engine {__version__}", *CODES}
    alternatives = "|".join(
        re.escape(s.strip()) for s in sorted(found, key=len, reverse=True) if s.strip()
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class _Text(HTMLParser):
    """The text a browser shows: no markup, no style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _readable(fmt: str, out: str) -> list[str]:
    """The lines a person reads in an output of ``fmt``."""
    if fmt == "html":
        parser = _Text()
        parser.feed(out)
        return [line for part in parser.parts for line in part.splitlines()]
    if fmt == "csv":
        # Column keys and the status and direction columns are data a re-import reads
        # (issue 15 gives the CSV headers to the spreadsheet work); every other cell is read.
        text = out.lstrip("\ufeff")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
        table = list(csv.DictReader(io.StringIO(text), dialect=dialect))
        return [
            " | ".join(v for k, v in row.items() if k not in ("status", "direction") and v)
            for row in table
        ]
    if fmt == "json":
        data = json.loads(out)
        return [f["message"] for f in data["findings"]] + [
            i["reason"] for i in data["indicators"] if i.get("reason")
        ]
    return out.splitlines()


def _offences(lines: list[str], users: re.Pattern[str] | None, lang: str) -> list[str]:
    bad = []
    for line in lines:
        left = line if users is None else users.sub(" ", line)
        if left.rstrip().endswith("…"):
            continue  # a name shortened to fit a chart: the user's text
        hits = WORDS[lang].findall(left) + NOTATION[lang].findall(left)
        if hits:
            bad.append(f"{hits}: {line.strip()[:160]}")
    return bad


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", [*CASES, *EXAMPLE_CASES], ids=lambda p: p.stem)
def test_every_output_speaks_one_language(
    case: Path,
    fmt: str,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wide enough that no name is wrapped: a name's pieces on two lines are still the user's.
    monkeypatch.setenv("COLUMNS", "10000")
    users = _texts_of(case)
    for command in (["evaluate", "--trace"], ["check"]):
        argv = [command[0], str(case), "--format", fmt, "--lang", lang, *command[1:]]
        _scan(argv, fmt, users, lang, capsys)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_and_checks_speak_one_language(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", lang)
    for argv in (["--help"], ["check", "--help"], ["rules", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        if lang == "id":
            assert out.startswith("penggunaan: ")
            assert "options" not in out and "positional arguments" not in out
        else:
            assert out.startswith("usage: ")
    main(["checks", "--lang", lang])
    listing = capsys.readouterr().out
    # The codes, and the rule set's labels the descriptions quote ("Tidak Tercapai").
    assert _offences(listing.splitlines(), _texts_of(CASES[0]), lang) == []


def test_a_refused_option_is_said_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "x.toml", "--format", "pdf", "--lang", "id"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "pilihan tidak sah: 'pdf'" in err and "invalid choice" not in err


# ---- issue 15 (lang2): every other thing a user runs ----------------------------------

SHIPPED_RULES = [p.stem for p in RULES]
SUBCOMMANDS = ("evaluate", "check", "compare", "checks", "import", "schema", "rules")


PROGRAM = re.compile(r"\S*\.(?:toml|csv|xlsx|json)\b|/tmp/\S*|--[\w-]+")


def _scan(
    argv: list[str],
    fmt: str,
    users: re.Pattern[str] | None,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    stream: str = "out",
    code: int | None = None,
) -> None:
    returned = main(argv)
    captured = capsys.readouterr()
    text = captured.out if stream == "out" else captured.err
    if code is not None:
        assert returned == code, f"{argv}: exit {returned}\n{captured.err}"
    assert text.strip(), f"{argv} wrote nothing on standard {stream}"
    if fmt == "csv" and text.lstrip("\ufeff").count("\n\n"):
        # A workbook of sections (a title, then its table): every cell is read.
        body = text.lstrip("\ufeff")
        delimiter = (
            ";" if body.splitlines()[1].count(";") > body.splitlines()[1].count(",") else ","
        )
        lines = [" | ".join(row) for row in csv.reader(io.StringIO(body), delimiter=delimiter)]
    else:
        lines = _readable(fmt, text)
    # File paths and option names are the program's and the user's, not words.
    lines = [PROGRAM.sub(" ", line) for line in lines]
    if fmt == "table":
        # A paragraph wrapped to the terminal is read whole (a name's pieces on two lines
        # are still the user's); a name shortened to fit its column is the user's too.
        joined: list[str] = []
        for line in lines:
            if joined and line.startswith("    ") and line.strip():
                joined[-1] += " " + line.strip()
            else:
                joined.append(line)
        lines = [re.sub(r"^.*…", " ", line) for line in joined]
    offences = _offences(lines, users, lang)
    assert offences == [], f"{' '.join(argv)}:\n" + "\n".join(offences[:15])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small region: generated offices over three years with planted faults, and the
    shipped cases beside them."""
    from conftest import bench_module

    root = tmp_path_factory.mktemp("folder")
    bench_module("generate").write_region(root, 2, (2021, 2022), 3, faulty=1)
    for case in CASES:
        (root / case.name).write_bytes(case.read_bytes())
    return root


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", ["table", "html", "csv"])
def test_the_summary_and_the_comparison_speak_one_language(
    folder: Path,
    fmt: str,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "10000")
    users = _texts_of(*sorted(folder.rglob("*.toml")))
    base = ["--format", fmt, "--lang", lang]
    _scan(["check", str(folder), "--summary", *base], fmt, users, lang, capsys)
    _scan(
        [
            "compare",
            str(folder),
            "--rules",
            "permendagri-86-2017",
            "--rules",
            "skala-sangat-baik",
            *base,
        ],
        fmt,
        users,
        lang,
        capsys,
    )


# Inputs whose import says something on standard error: a sheet with a total row, one
# with an ambiguous year choice (refused), one with a number of ambiguous notation.
SHEETS = {
    "total": (
        "Indikator;Satuan;Target;Realisasi;Pagu;Realisasi Anggaran\n"
        "A;%;80;85;1.000.000;900.000\n"
        "B;%;70;60;2.000.000;1.800.000\n"
        "JUMLAH;;;;3.000.000;2.600.000\n"
        "Rata-rata;;75;72,5;;\n",
        ["--year", "2021"],
        0,
    ),
    "years": ("Indikator;Satuan;Target 2023;Realisasi 2023;Target 2024\nA;%;80;85;90\n", [], 2),
    "notation": ('Indicator,Unit,Target,Actual\nA,%,"1,500",2\n', ["--year", "2021"], 0),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("sheet", sorted(SHEETS))
def test_import_says_its_warnings_in_one_language(
    sheet: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, extra, code = SHEETS[sheet]
    src = tmp_path / "iku.csv"
    src.write_text(text, encoding="utf-8")
    # The sheet's own words (its headers and cells) are the user's.
    cells = {c.strip().strip('"') for line in text.splitlines() for c in re.split("[;,]", line)}
    cells |= {"iku.csv", "higher_is_better", "lower_is_better"}
    users = re.compile(
        "(?<!\\w)(?:"
        + "|".join(re.escape(c) for c in sorted(cells, key=len, reverse=True) if c)
        + ")(?!\\w)"
    )
    argv = ["import", str(src), "--agency", "X", "--lang", lang, "-o", str(tmp_path / "c.toml")]
    _scan([*argv, *extra], "table", users, lang, capsys, stream="err", code=code)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rules_show_and_checks_speak_one_language(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "10000")
    users = _texts_of()
    for name in SHIPPED_RULES:
        _scan(["rules", "show", name, "--lang", lang], "table", users, lang, capsys)
    _scan(["rules", "list", "--lang", lang], "table", users, lang, capsys)
    _scan(["checks", "--lang", lang], "table", users, lang, capsys)


# In a help text: options, choices, commands and the two notations shown side by side are
# the program's words, not the language's; the placeholders (KASUS, BERKAS) are words.
HELP_TOKENS = re.compile(
    r"--?[\w-]+|\{[^}]*\}|\$\w+|\bid 1\.234,5|\ben 1,234\.5|"
    r"\b(?:table|markdown|html|json|csv|xlsx|error|warning|info|kinerja \w+(?: \w+)?)\b|"
    # The schema kinds a user types (`kinerja schema report`): choices, not words.
    r"\b(?:case|rules|report|summary|compare)\b(?=[,:])|"
    r"^ +(?:list|show|check|evaluate|compare|checks|import|schema|rules)\b"
)
BAD = ROOT / "tests" / "bad"
BAD_CASES = (
    "direction-unknown",
    "budget-cycle",
    "dangling-objective",
    "binary",
    "negative-budget-line",
)
BAD_RULES = ("band-empty", "audit-min-above-max", "band-bound-text")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_errors_for_bad_input_speak_one_language(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    for name in BAD_CASES:
        path = BAD / "case" / f"{name}.toml"
        users = _texts_of() if name == "binary" else _texts_of(path)
        _scan(
            ["evaluate", f"case/{name}.toml", "--lang", lang],
            "table",
            users,
            lang,
            capsys,
            stream="err",
            code=2,
        )
    # A refusal that names an argument names it by the help's placeholder, in its words.
    for argv in (["evaluate", ""], ["import", ""], ["rules", "show", ""]):
        _scan([*argv, "--lang", lang], "table", None, lang, capsys, stream="err", code=2)
    for name in BAD_RULES:
        path = BAD / "rules" / f"{name}.toml"
        _scan(
            ["rules", "check", f"rules/{name}.toml", "--lang", lang],
            "table",
            _texts_of(path),
            lang,
            capsys,
            stream="err",
            code=2,
        )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_the_help_of_every_subcommand_speaks_one_language(
    command: str, lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", lang)
    monkeypatch.setenv("COLUMNS", "10000")
    commands = [[command]] + (
        [["rules", a] for a in ("list", "show", "check")] if command == "rules" else []
    )
    for argv in commands:
        with pytest.raises(SystemExit):
            main([*argv, "--help"])
        out = capsys.readouterr().out
        assert out.startswith("penggunaan: " if lang == "id" else "usage: ")
        # The options' names and metavariables are the program's, not words.
        lines = [HELP_TOKENS.sub(" ", line) for line in out.splitlines()]
        offences = _offences(lines, _texts_of(), lang)
        assert offences == [], f"{argv} --help --lang {lang}:\n" + "\n".join(offences[:15])
