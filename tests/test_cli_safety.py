"""Never lose what the user has (issue 14, items 4-8, 10, 16): ``--output`` refuses every
file the run read, writes through special files, leaves no temporary file on a signal;
limits and paths that are slips are refused with exit 2; what is quoted on standard error
cannot drive the terminal."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import ROOT, SEED, write

import kinerja_engine as ke
from kinerja_engine.cli.main import main
from kinerja_engine.errors import InputError
from kinerja_engine.io import textfile

BASE = ROOT / "rules" / "permendagri-86-2017.toml"
CSV = "Indikator;Satuan;Target;Realisasi\nA;%;80;85\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imp(capsys: pytest.CaptureFixture[str], csv: str, *argv: str) -> tuple[int, str, str]:
    """``kinerja import csv`` for agency X, 2021."""
    return run(capsys, "import", csv, "--year", "2021", "--agency", "X", *argv)


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """In tmp_path (the current folder): case.toml names child.toml, which extends
    base.toml (a copy of a shipped rule set)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.toml").write_bytes(BASE.read_bytes())
    write(tmp_path, "child.toml", 'extends = "base.toml"\nname = "child"\n')
    case = SEED.read_text(encoding="utf-8").replace(
        'rules = "permendagri-86-2017"', 'rules = "child.toml"'
    )
    write(tmp_path, "case.toml", case)
    return tmp_path


# ---------------------------------------------------------------- 4: every input refused


def _spellings(folder: Path, name: str) -> list[str]:
    """The file ``name`` in ``folder`` as five other paths: relative, ./, absolute, a
    symlink and a hard link."""
    os.symlink(name, folder / f"soft-{name}")
    os.link(folder / name, folder / f"hard-{name}")
    return [name, f"./{name}", str(folder / name), f"soft-{name}", f"hard-{name}"]


@pytest.mark.parametrize("given", ["case", "--rules"])
def test_output_refuses_a_base_the_rules_extend(
    capsys: pytest.CaptureFixture[str], chain: Path, given: str
) -> None:
    before = (chain / "base.toml").read_bytes()
    rules = ["--rules", "child.toml"] if given == "--rules" else []
    for output in _spellings(chain, "base.toml"):
        code, out, err = run(capsys, "evaluate", "case.toml", *rules, "--output", output)
        assert (code, out) == (2, ""), (output, err)
        assert "akan menimpa berkas masukan base.toml" in err, err
    assert (chain / "base.toml").read_bytes() == before
    assert stat.S_ISLNK(os.lstat(chain / "soft-base.toml").st_mode)


def test_output_refuses_the_case_and_the_rules_file_however_spelled(
    capsys: pytest.CaptureFixture[str], chain: Path
) -> None:
    for name in ("case.toml", "child.toml"):
        before = (chain / name).read_bytes()
        for output in _spellings(chain, name):
            code, _, err = run(capsys, "evaluate", "case.toml", "--output", output)
            assert code == 2 and "would overwrite" in err.replace("akan menimpa", "would overwrite")
        assert (chain / name).read_bytes() == before


def test_output_refuses_a_base_read_in_a_worker(
    capsys: pytest.CaptureFixture[str], chain: Path
) -> None:
    # With --jobs 2 the rule sets are read in worker processes, not here.
    before = (chain / "base.toml").read_bytes()
    os.link("base.toml", "hard.toml")
    code, _, err = run(
        capsys, "evaluate", "case.toml", "case.toml", "--jobs", "2", "--output", "hard.toml"
    )
    assert code == 2 and "base.toml" in err
    assert (chain / "base.toml").read_bytes() == before


def test_a_new_output_beside_the_inputs_is_written(
    capsys: pytest.CaptureFixture[str], chain: Path
) -> None:
    code, _, _ = run(capsys, "evaluate", "case.toml", "--format", "json", "--output", "out.json")
    assert code == 0 and '"year": 2021' in (chain / "out.json").read_text(encoding="utf-8")


def test_the_rule_set_names_every_file_it_was_read_from(chain: Path) -> None:
    rules = ke.load_rules("child.toml")
    assert [Path(p).name for p in rules.files] == ["child.toml", "base.toml"]
    assert ke.load_rules("child.toml").files == rules.files  # kept when read again
    assert [Path(p).name for p in ke.load_rules("permendagri-86-2017").files] == [BASE.name]


def test_import_refuses_its_csv_and_its_rules_as_output(
    capsys: pytest.CaptureFixture[str], chain: Path
) -> None:
    write(chain, "sheet.csv", CSV)
    for output in _spellings(chain, "sheet.csv"):
        code, _, err = imp(capsys, "sheet.csv", "--force", "--output", output)
        assert code == 2 and "sheet.csv" in err
    assert (chain / "sheet.csv").read_text(encoding="utf-8") == CSV
    before = (chain / "base.toml").read_bytes()
    os.link("base.toml", "hard-base.toml")
    code, _, err = imp(
        capsys, "sheet.csv", "--rules", "child.toml", "--force", "--output", "hard-base.toml"
    )
    assert code == 2 and "base.toml" in err
    assert (chain / "base.toml").read_bytes() == before


# ---------------------------------------------------------------- 16: import's rule set


def test_import_checks_the_rule_set_before_writing(
    capsys: pytest.CaptureFixture[str], chain: Path
) -> None:
    write(chain, "sheet.csv", CSV)
    code, out, err = imp(
        capsys, "sheet.csv", "--rules", "permendagri-86-2O17", "--output", "new.toml"
    )
    assert (code, out) == (2, "") and err.startswith("kinerja: --rules: ")
    assert "permendagri-86-2O17" in err and "permendagri-86-2017" in err  # did you mean
    assert not (chain / "new.toml").exists()
    # A rule set named by path is found from the folder the case is written to.
    code, _, err = imp(capsys, "sheet.csv", "--rules", "child.toml", "--output", "new.toml")
    assert code == 0, err
    assert main(["evaluate", "new.toml"]) == 0
    # A rule set the CSV itself names is checked as well, and blamed on the CSV.
    write(chain, "named.csv", "Indikator;Satuan;Target;Aturan\nA;%;80;nope-rules\n")
    code, _, err = imp(capsys, "named.csv", "--output", "other.toml", "--lang", "en")
    assert code == 2 and err.startswith("kinerja: named.csv: unknown rule set 'nope-rules'")
    assert not (chain / "other.toml").exists()


# ---------------------------------------------------------------- 5: special files


def test_output_writes_through_a_device_and_keeps_a_symlink(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Through a symlink of our own: code that renames over the output then replaces the
    # link, never /dev/null itself (as it would, run as root, given /dev/null).
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    code, _, _ = run(capsys, "evaluate", str(SEED), "--output", str(null))
    assert code == 0 and stat.S_ISLNK(os.lstat(null).st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    real = write(tmp_path, "real.json", "old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, _ = run(capsys, "evaluate", str(SEED), "--format", "json", "--output", str(link))
    assert code == 0 and stat.S_ISLNK(os.lstat(link).st_mode)
    assert '"year": 2021' in real.read_text(encoding="utf-8")


def test_output_writes_through_a_fifo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, _ = run(capsys, "evaluate", str(SEED), "--format", "json", "--output", str(fifo))
    reader.join(timeout=30)
    assert code == 0 and b'"year": 2021' in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_output_through_a_symlink_to_standard_output(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kinerja_engine.cli",
            "evaluate",
            str(SEED),
            "--format",
            "json",
            "--output",
            str(link),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b'"year": 2021' in done.stdout
    assert stat.S_ISLNK(os.lstat(link).st_mode)


# ---------------------------------------------------------------- 6: signals

# A child that writes its output slowly: part of it, then a mark, then a long wait.
SLOW = """
import importlib, sys, time
from pathlib import Path
cli = importlib.import_module("kinerja_engine.cli.main")

def slow(fh, text):
    fh.write(text[:1000])
    fh.flush()
    Path(sys.argv[1]).write_text("writing")
    time.sleep(120)

cli._write = slow
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    out = write(tmp_path, "out.json", "previous")
    mark = tmp_path / "mark"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW,
            str(mark),
            "evaluate",
            str(SEED),
            "--format",
            "json",
            "--lang",
            "en",
            "--output",
            str(out),
        ],
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(1200):
            if mark.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert mark.exists(), "the child never began to write"
        assert list(tmp_path.glob(".out.json.*.tmp"))  # the write is under way
        child.send_signal(signum)
        _, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 128 + signum
    assert f"stopped by signal {signal.Signals(signum).name}" in err.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mark", "out.json"]
    assert out.read_text(encoding="utf-8") == "previous"


# ---------------------------------------------------------------- 7: limits


@pytest.mark.parametrize("where", ["option", "environment"])
def test_a_huge_size_limit_is_not_allocated(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "option":
        code, out, err = run(capsys, "evaluate", str(SEED), "--max-file-size", "100G")
    else:
        monkeypatch.setenv(textfile.ENV_MAX_BYTES, "100G")
        code, out, err = run(capsys, "evaluate", str(SEED))
    assert (code, err) == (0, "") and "Sangat Tinggi" in out


def test_reading_allocates_what_the_file_holds_not_the_limit(tmp_path: Path) -> None:
    small = write(tmp_path, "small.toml", "a = 1\n")
    tracemalloc.start()
    try:
        assert textfile.read_limited(small, textfile.HARD_MAX_BYTES) == b"a = 1\n"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_a_stream_is_read_a_chunk_at_a_time_up_to_the_limit() -> None:
    # /dev/zero reports no size and never ends: the limit is what stops the read.
    limit = 3 * 1024 * 1024 + 5
    with pytest.raises(InputError, match=f"{limit}"):
        textfile.read_limited("/dev/zero", limit)


@pytest.mark.parametrize("size", ["9000000000G", "1025G", "99999999999999999999", "0", "-5"])
def test_an_absurd_size_limit_is_exit_2(capsys: pytest.CaptureFixture[str], size: str) -> None:
    code, out, err = run(capsys, "evaluate", str(SEED), f"--max-file-size={size}", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"kinerja: --max-file-size: {size!r} is not a file size"), err


def test_an_absurd_limit_from_the_environment_is_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(textfile.ENV_MAX_BYTES, "9000000000G")
    code, _, err = run(capsys, "evaluate", str(SEED), "--lang", "en")
    assert code == 2 and "KINERJA_MAX_FILE_BYTES" in err and "9000000000G" in err


@pytest.mark.parametrize(
    "given",
    [
        {"max_bytes": -5},
        {"max_bytes": 10**30},
        {"max_bytes": 0},
        {"max_depth": 0},
        {"max_depth": 10**6},
        {"max_depth": "²"},
        {"max_depth": "9" * 5000},
    ],
)
def test_the_api_refuses_limits_out_of_bounds(given: dict[str, object]) -> None:
    with pytest.raises(InputError):
        ke.limits(**given)  # type: ignore[arg-type]


def test_the_api_takes_limits_in_bounds(tmp_path: Path) -> None:
    with ke.limits(max_bytes=textfile.HARD_MAX_BYTES, max_depth=200):
        assert textfile.max_file_bytes() == textfile.HARD_MAX_BYTES
        assert ke.load_case(SEED).report.year == 2021


# ---------------------------------------------------------------- 8: empty paths and -


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["evaluate", ""], "CASE"),
        (["check", str(SEED), " "], "CASE"),
        (["evaluate", str(SEED), "--rules", ""], "--rules"),
        (["evaluate", str(SEED), "--output", ""], "--output"),
        (["import", ""], "FILE"),
        (["import", "x.csv", "--output", ""], "--output"),
        (["import", "x.csv", "--rules", ""], "--rules"),
        (["rules", "show", ""], "NAME|PATH"),
        (["rules", "check", ""], "FILE"),
    ],
)
def test_an_empty_path_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
    option: str,
) -> None:
    # A folder with a case in it: `evaluate ""` would have read it as "here".
    monkeypatch.chdir(tmp_path)
    (tmp_path / "case.toml").write_bytes(SEED.read_bytes())
    code, out, err = run(capsys, *argv, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"kinerja: {option} is empty; give a file name (an unset shell variable?)\n"
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"]


def test_output_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "evaluate", str(SEED), "--format", "json", "--output", "-")
    assert code == 0 and '"year": 2021' in out
    write(tmp_path, "s.csv", CSV)
    code, out, _ = imp(capsys, "s.csv", "--output", "-")
    assert code == 0 and "[report]" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv"]


# ---------------------------------------------------------------- 10: standard error


def test_errors_quoting_the_case_show_control_characters_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "[report]\n", '[report]\n"\\u001b]0;owned\\u0007\\u001b[2J" = 1\n', 1
    )
    bad = write(tmp_path, "bad.toml", text)
    code, _, err = run(capsys, "evaluate", str(bad), "--lang", "en")
    assert code == 2 and "unknown key" in err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07\\x1b[2J" in err


def test_every_line_on_standard_error_shows_escape_sequences_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A case file whose name came from a folder listing, named in a refusal ...
    named = tmp_path / "\x1b[2Jcase.toml"
    named.write_bytes(SEED.read_bytes())
    code, _, err = run(capsys, "evaluate", str(tmp_path), "--output", str(named))
    assert code == 2 and "\x1b" not in err and "\\x1b[2Jcase.toml" in err
    # ... and a bug's own words, which may quote anything.
    from kinerja_engine import api

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("\x1b]0;owned\x07")

    monkeypatch.setattr(api, "evaluate", broken)
    code, _, err = run(capsys, "evaluate", str(SEED), "--lang", "en")
    assert code == 3 and "\x1b" not in err and "\x07" not in err
    assert "(ZeroDivisionError: \\x1b]0;owned\\x07)" in err


def test_the_progress_bar_shows_a_file_name_escaped() -> None:
    import io

    from kinerja_engine.cli.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(2, stream, lang="en", delay=0, plain=True)
    progress.advance("\x1b[2Ja.toml", ke.evaluate(ke.load_case(SEED)))
    assert "\x1b" not in stream.getvalue() and " \\x1b[2Ja.toml" in stream.getvalue()
