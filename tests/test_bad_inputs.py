"""The catalogue of bad inputs (tests/bad/): every file gets its exact answer, in Indonesian
and in English, with the file and the place named, exit code 2 and no traceback.

Layout (see tests/bad/README.md): ``tests/bad/case/*.toml`` are case files run through
``kinerja evaluate``, ``tests/bad/rules/*.toml`` rules files run through ``kinerja rules
check``; each ``NAME.toml`` has a ``NAME.expected`` beside it::

    args: evaluate --max-file-size 300 {file}     (optional; these are the defaults)
    exit: 2                                        (optional; 2 unless the input is usable)
    en: kinerja: case/NAME.toml:7: report.year: ...   (the exact line on standard error)
    id: kinerja: case/NAME.toml:7: report.year: ...

For an input that is usable (``exit: 0``: a zero target is evaluated as not computable,
not refused) the ``en``/``id`` lines are lines the output must contain. Paths are
relative to tests/bad/, where the commands run.

After a deliberate change of wording, ``python tests/test_bad_inputs.py --regenerate``
rewrites the expected lines from what the CLI prints now; read the diff before keeping it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kinerja_engine.cli.main import main

BAD = Path(__file__).resolve().parent / "bad"
FOLDERS = {"case": "evaluate {file}", "rules": "rules check {file}"}
LANGS = ("en", "id")
# `kinerja: FILE:LINE[:COLUMN]: ` -- every refusal names a file and a line in it.
PLACE = re.compile(r"^kinerja: (?P<file>[^:\n]+?\.toml):(?P<line>\d+)(?::(?P<col>\d+))?: ")
# Words that give away an untranslated English message (quoted text removed first).
ENGLISH = re.compile(
    r"\b(the|expected|found|hint|did you mean|unknown|cannot|must|is not|not valid|missing"
    r"|above|below|write|file|number|text|table|array)\b"
)


class Entry:
    def __init__(self, toml: Path) -> None:
        self.toml = toml
        self.name = f"{toml.parent.name}/{toml.stem}"
        self.expected_path = toml.with_suffix(".expected")
        self.args = FOLDERS[toml.parent.name]
        self.exit = 2
        self.lines: dict[str, str] = {}
        if self.expected_path.exists():
            for raw in self.expected_path.read_text(encoding="utf-8").splitlines():
                if not raw.strip() or raw.startswith("#"):
                    continue
                field, _, value = raw.partition(": ")
                if field == "args":
                    self.args = value
                elif field == "exit":
                    self.exit = int(value)
                elif field in LANGS:
                    self.lines[field] = value
                else:
                    raise ValueError(f"{self.expected_path}: unknown field {field!r}")

    def argv(self, lang: str) -> list[str]:
        return [*self.args.format(file=self.name + ".toml").split(), "--lang", lang]

    def __repr__(self) -> str:
        return self.name


def catalogue() -> list[Entry]:
    return [Entry(p) for folder in FOLDERS for p in sorted((BAD / folder).glob("*.toml"))]


ENTRIES = catalogue()
REFUSED = [e for e in ENTRIES if e.exit == 2]


def run(entry: Entry, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(entry.argv(lang))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _in_bad_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    for var in ("KINERJA_MAX_FILE_BYTES", "KINERJA_MAX_DEPTH"):
        monkeypatch.delenv(var, raising=False)


def test_the_catalogue_is_complete() -> None:
    assert len(REFUSED) >= 60
    for folder in FOLDERS:
        tomls = {p.stem for p in (BAD / folder).glob("*.toml")}
        expected = {p.stem for p in (BAD / folder).glob("*.expected")}
        assert tomls == expected, f"{folder}: files without a pair: {tomls ^ expected}"
    for entry in ENTRIES:
        assert set(entry.lines) == set(LANGS), entry


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("entry", ENTRIES, ids=repr)
def test_each_input_gets_its_exact_answer(
    entry: Entry, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(entry, lang, capsys)
    assert "Traceback" not in out + err
    assert code == entry.exit, err
    if entry.exit != 2:
        assert err == ""
        assert entry.lines[lang] in [line.strip() for line in out.splitlines()]
        return
    assert out == ""
    assert err == entry.lines[lang] + "\n"


@pytest.mark.parametrize("entry", REFUSED, ids=repr)
def test_each_refusal_names_a_file_and_a_line_in_it(entry: Entry) -> None:
    for lang in LANGS:
        place = PLACE.match(entry.lines[lang])
        assert place, entry.lines[lang]
        named = BAD / place["file"]
        assert named.is_file()
        lines = named.read_bytes().count(b"\n") + 1
        assert 1 <= int(place["line"]) <= lines


@pytest.mark.parametrize("entry", REFUSED, ids=repr)
def test_each_refusal_exists_in_both_languages(entry: Entry) -> None:
    en, id_ = entry.lines["en"], entry.lines["id"]
    assert en != id_
    # What is left of the Indonesian once quoted text and the place are removed is not
    # English (the place holds key paths, which are the file's own words).
    body = PLACE.sub("", id_)
    body = re.sub(r"^[\w.\[\]\"-]+: ", "", body)
    body = re.sub(r"'[^']*'|\"[^\"]*\"|\([^()]*\)|\[[^\]]*\]", "", body)
    assert not ENGLISH.search(body), body


# Every kind of mistake the issue lists, and the catalogue entries that cover it.
ISSUE_LIST = {
    "malformed TOML": ["case/toml-double-equals", "case/toml-unquoted-text", "rules/toml-syntax"],
    "unknown or misspelled keys, with a suggestion": [
        "case/unknown-report-key",
        "case/unknown-table",
        "rules/unknown-key",
    ],
    "missing required keys": ["case/missing-format", "case/missing-agency", "rules/missing-name"],
    "wrong types": ["case/year-as-text", "case/target-boolean", "case/indicator-single-table"],
    "duplicate ids": ["case/duplicate-indicator-id", "case/duplicate-budget-id"],
    "dangling objective or parent reference": ["case/dangling-objective", "case/dangling-parent"],
    "a cycle in the budget tree": ["case/budget-cycle", "case/budget-self-parent"],
    "unparseable numbers": [
        "case/number-1,2,3",
        "case/number-rp-only",
        "case/number-12..5",
        "case/number-1e400-float",
        "case/number-1e400-text",
        "case/number-double-minus",
    ],
    "ambiguous numbers": [
        "case/number-ambiguous-dot",
        "case/number-ambiguous-comma",
        "case/number-english-decimal",
    ],
    "negative amounts": ["case/negative-budget-pagu", "case/negative-budget-line"],
    "a zero or negative target": ["case/target-zero", "case/target-negative"],
    "a range with low above high": ["case/target-range-low-above-high"],
    "NaN and infinity in TOML": ["case/number-nan", "case/number-inf", "case/number-minus-inf"],
    "an unknown rule-set name": ["case/rules-unknown-name", "rules/extends-unknown-name"],
    "a rules file that extends itself or an unknown base": [
        "rules/extends-itself",
        "rules/extends-missing-file",
        "rules/extends-cycle-a",
    ],
    "a formula that divides by zero at evaluation time": ["case/divide-by-zero-at-evaluation"],
    "bands with a gap or an overlap": ["rules/bands-gap", "rules/bands-overlap"],
    "an empty file": ["case/empty", "rules/empty"],
    "a binary file": ["case/binary", "rules/binary"],
    "a file that is not UTF-8": ["case/not-utf8", "case/utf16"],
    "a huge file": ["case/huge"],
    "deeply nested tables": ["case/deeply-nested-tables", "case/deeply-nested-arrays"],
}


def test_every_kind_the_issue_lists_is_covered() -> None:
    names = {e.name for e in ENTRIES}
    for kind, entries in ISSUE_LIST.items():
        for name in entries:
            assert name in names, f"{kind}: {name} missing"


def test_ambiguous_numbers_read_as_documented(capsys: pytest.CaptureFixture[str]) -> None:
    import kinerja_engine as ke
    from kinerja_engine.domain.model import Target
    from kinerja_engine.numbers import parse_number

    assert ke.load_case("case/number-ambiguous-dot.toml").indicators[0].target == Target.point(
        parse_number("1234").value  # type: ignore[union-attr]
    )
    comma = ke.load_case("case/number-ambiguous-comma.toml").indicators[0].target
    assert comma is not None and str(comma.low) == "1.234"
    refused = next(e for e in ENTRIES if e.name == "case/number-english-decimal")
    assert "hint: for a decimal write 87,5" in refused.lines["en"]


# ---------------------------------------------------------------- limits


def test_the_size_limit_is_what_refuses_the_huge_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import kinerja_engine as ke
    from kinerja_engine.errors import InputError

    assert ke.load_case("case/huge.toml").indicators  # a sound file, only too large
    monkeypatch.setenv("KINERJA_MAX_FILE_BYTES", "300")
    with pytest.raises(InputError, match="above the limit of 300 bytes") as info:
        ke.load_case("case/huge.toml")
    assert info.value.file == "case/huge.toml" and info.value.line is not None
    # An explicit limit wins over the environment.
    assert ke.load_case("case/huge.toml", max_bytes=10_000).indicators
    monkeypatch.setenv("KINERJA_MAX_FILE_BYTES", "1k")
    assert ke.load_case("case/huge.toml").indicators


def test_a_bad_limit_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["evaluate", "case/target-zero.toml", "--max-file-size", "banyak", "--lang", "en"])
    assert code == 2
    assert capsys.readouterr().err == (
        "kinerja: --max-file-size: 'banyak' is not a file size (hint: write e.g. 200000 or 64M)\n"
    )
    assert main(["evaluate", "case/target-zero.toml", "--max-depth", "0"]) == 2
    assert "--max-depth" in capsys.readouterr().err
    monkeypatch.setenv("KINERJA_MAX_DEPTH", "dalam")
    assert main(["evaluate", "case/target-zero.toml", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("kinerja: KINERJA_MAX_DEPTH: 'dalam' is not")


def test_the_depth_limit_is_configurable(capsys: pytest.CaptureFixture[str]) -> None:
    # Past a higher limit the deep file is read, and refused for what it then is.
    assert main(["evaluate", "case/deeply-nested-arrays.toml", "--max-depth", "50"]) == 2
    assert "notes" in capsys.readouterr().err
    seed = str(BAD.parent.parent / "cases" / "dkupp-probolinggo-2021.toml")
    assert main(["evaluate", seed, "--max-depth", "3", "--lang", "en"]) == 2
    assert "nest more than 3 levels" in capsys.readouterr().err
    assert main(["evaluate", seed, "--max-depth", "4"]) == 0


def test_an_unknown_rules_option_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate", "case/target-zero.toml", "--rules", "permendagri", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("kinerja: --rules: unknown rule set 'permendagri'")
    assert "did you mean 'permendagri-86-2017'?" in err


def test_a_stream_is_evaluated_in_flat_memory() -> None:
    """evaluate_many holds one chunk of indicators at a time: after a warm-up, the second
    half of a traced stretch of the stream leaves memory where the first half left it.
    (A stand-in for a stream of 1,000,000 indicators: tracing memory makes each one slow.)"""
    import itertools
    import tracemalloc
    from decimal import Decimal

    import kinerja_engine as ke
    from kinerja_engine.domain.model import Budget, Direction, Indicator, Target

    rules = ke.load_rules("permendagri-86-2017")

    def stream(n: int) -> Iterator[Indicator]:
        for k in range(n):
            yield Indicator(
                id=f"i{k}",
                name=f"Indikator {k}",
                unit="%",
                direction=list(Direction)[k % 3],
                target=Target.point(Decimal(40 + k % 60)),
                realisasi=Decimal(k % 97) + Decimal("0.25"),
                renstra_target=Decimal(100),
                budget=Budget(Decimal(1000 + k), Decimal(k % 1000)),
            )

    warm_up, half = 1_000, 2_500
    results = ke.evaluate_many(stream(warm_up + 2 * half), rules, chunk_size=100)
    seen = sum(1 for _ in itertools.islice(results, warm_up))  # caches filled, untraced
    tracemalloc.start()
    try:
        seen += sum(1 for _ in itertools.islice(results, half))
        middle, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        seen += sum(1 for _ in results)
        end, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == warm_up + 2 * half
    # Each result with its strings takes about 2 kB: keeping the second half's 2,500
    # would add some 5 MB. The bounds allow a chunk of 100 in flight, not a growing pile.
    assert end - middle < 64 * 1024
    assert peak - middle < 1024 * 1024


# ---------------------------------------------------------------- nothing the user gave is lost


def _hashes(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_no_input_is_ever_modified(capsys: pytest.CaptureFixture[str]) -> None:
    before = _hashes(BAD)
    for entry in ENTRIES:
        main(entry.argv("en"))
    main(["check", "case/target-zero.toml", "--format", "json"])
    capsys.readouterr()
    assert _hashes(BAD) == before


def _case_with_rules(tmp_path: Path) -> tuple[Path, Path]:
    rules = tmp_path / "aturan.toml"
    rules.write_text('extends = "permendagri-86-2017"\nname = "aturan"\n', encoding="utf-8")
    case = tmp_path / "kasus.toml"
    text = (BAD / "case" / "target-zero.toml").read_text(encoding="utf-8")
    case.write_text(text.replace("year = 2021", 'year = 2021\nrules = "aturan.toml"'), "utf-8")
    return case, rules


def test_output_never_overwrites_a_rules_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, rules = _case_with_rules(tmp_path)
    before = _hashes(tmp_path)
    code = main(["evaluate", str(case), "--output", str(rules), "--lang", "en"])
    assert code == 2
    assert "would overwrite the input file" in capsys.readouterr().err
    assert _hashes(tmp_path) == before


@pytest.mark.parametrize("fail_at", ["write", "replace", "interrupt"])
def test_an_interrupted_write_leaves_the_previous_output(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fail_at: str,
) -> None:
    import os

    case, _ = _case_with_rules(tmp_path)
    out = tmp_path / "hasil.json"
    out.write_text("the previous output\n", encoding="utf-8")
    inputs = _hashes(tmp_path)
    real_fdopen = os.fdopen

    class Breaking:
        """A file that takes half the text, then the disk is full."""

        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> Breaking:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, text: str) -> int:
            self.fh.write(text[: len(text) // 2])
            self.fh.flush()
            raise OSError(28, "No space left on device")

    def replace(src: object, dst: object) -> None:
        if fail_at == "interrupt":
            raise KeyboardInterrupt
        raise OSError(5, "Input/output error")

    if fail_at == "write":
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: Breaking(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(os, "replace", replace)
    code = main(["evaluate", str(case), "--format", "json", "--output", str(out), "--lang", "en"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if fail_at == "interrupt":
        assert code == 130
    else:
        assert code == 2
        assert err.startswith(f"kinerja: cannot write --output {out}: ")
        assert err.endswith("; the previous file is unchanged\n")
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert _hashes(tmp_path) == inputs  # no temporary file left, no input touched


def test_output_into_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, _ = _case_with_rules(tmp_path)
    code = main(["evaluate", str(case), "--output", str(tmp_path / "no" / "x.txt")])
    assert code == 2
    assert capsys.readouterr().err.startswith("kinerja: tidak dapat menulis --output ")


# ---------------------------------------------------------------- regeneration


def _regenerate() -> Iterator[str]:
    import contextlib
    import io
    import os

    os.chdir(BAD)
    for entry in catalogue():
        text = []
        if entry.args != FOLDERS[entry.toml.parent.name]:
            text.append(f"args: {entry.args}")
        lines = {}
        code = 0
        for lang in LANGS:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(entry.argv(lang))
            if code == 2:
                lines[lang] = err.getvalue().rstrip("\n")
            else:
                keep = entry.lines.get(lang)
                lines[lang] = keep if keep else "<choose a line of the output>"
        if code != 2:
            text.append(f"exit: {code}")
        text += [f"{lang}: {lines[lang]}" for lang in LANGS]
        entry.expected_path.write_text("\n".join(text) + "\n", encoding="utf-8")
        yield entry.name


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        raise SystemExit("usage: python tests/test_bad_inputs.py --regenerate")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name in _regenerate():
        print(name)
