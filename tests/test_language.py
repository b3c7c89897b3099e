"""Every human output in one language: with ``--lang id`` no English word and no number in
English notation reaches the reader, and with ``--lang en`` no Indonesian word, in every
format of every shipped case (evaluate with its trace, and check).

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
from conftest import ROOT

from kinerja_engine.cli.main import main
from kinerja_engine.domain.checks import CODES
from kinerja_engine.version import __version__

CASES = sorted((ROOT / "cases").glob("*.toml"))
RULES = sorted((ROOT / "kinerja_engine" / "rules").glob("*.toml")) or sorted(
    (ROOT / "rules").glob("*.toml")
)
FORMATS = ("table", "markdown", "html", "csv", "json")

# Words the engine says in English that Indonesian output must not contain, and the reverse.
# Domain terms both languages use (capaian, serapan, realisasi, pagu, target, info, status)
# are in neither list.
ENGLISH = re.compile(
    r"\b(the|of|and|from|with|is|not|printed|expected|difference|errors?|warnings?|"
    r"findings?|checks|passed|skipped|input|budget|lines|recomputed|number|percentage|"
    r"defined|trace|evidence|rules|indicators?|flags|objectives?|usage|true|false|"
    r"computed|missing|category|efficiency|progress|verdict|share|year|achievement|"
    r"absorption|remarks|chapter|table)\b",
    re.IGNORECASE,
)
INDONESIAN = re.compile(
    r"\b(dan|dari|yang|tidak|dengan|untuk|tercetak|seharusnya|selisih|temuan|kesalahan|"
    r"peringatan|dihitung|pemeriksaan|tahun|bukan|kasus|rincian|menurut|nilai|berbeda|"
    r"penggunaan|tabel|sasaran|kategori|keterangan|kemajuan|efisiensi|anggaran|jejak|"
    r"lolos|dilewati|indikator|catatan|benar|salah)\b",
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


def _users_text(case: Path) -> re.Pattern[str]:
    """Every text of the case and of the rule sets, and the check codes (identifiers, with
    a legend), as whole words: what the scan takes out before it looks."""
    found = set(_strings(tomllib.loads(case.read_text(encoding="utf-8"))))
    for rules in RULES:
        found |= set(_strings(tomllib.loads(rules.read_text(encoding="utf-8")), TITLES))
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
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_output_speaks_one_language(
    case: Path,
    fmt: str,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wide enough that no name is wrapped: a name's pieces on two lines are still the user's.
    monkeypatch.setenv("COLUMNS", "10000")
    users = _users_text(case)
    for command in (["evaluate", "--trace"], ["check"]):
        main([command[0], str(case), "--format", fmt, "--lang", lang, *command[1:]])
        out = capsys.readouterr().out
        assert out.strip(), f"{command} --format {fmt} wrote nothing"
        offences = _offences(_readable(fmt, out), users, lang)
        assert offences == [], f"{command[0]} --format {fmt} --lang {lang}:\n" + "\n".join(
            offences[:15]
        )


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
    assert _offences(listing.splitlines(), _users_text(CASES[0]), lang) == []


def test_a_refused_option_is_said_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "x.toml", "--format", "pdf", "--lang", "id"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "pilihan tidak sah: 'pdf'" in err and "invalid choice" not in err
