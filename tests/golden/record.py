"""Record the golden outputs that the redesign must keep identical.

    python tests/golden/record.py            # write every expected output
    python tests/golden/record.py --check    # compare, print what differs

Each entry of ``MANIFEST`` is one command line; its standard output (and exit code) is
stored under ``tests/golden/out/``. The inputs are the shipped cases, the test fixtures
that evaluate, and a synthetic corpus (``corpus/``, several thousand indicators) run
under every shipped rule set and under rule sets drawn by the strategies (``rules/``).
Large outputs are stored gzip-compressed.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import sys
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "out"

SHIPPED = ("permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017")
DRAWN = tuple(sorted(str(p.relative_to(ROOT)) for p in (HERE / "rules").glob("*.toml")))
CASES = ("cases/dkupp-probolinggo-2021.toml", "cases/published-examples.toml")
FIXTURES = ("tests/bad/rules-evaluated/realisasi-denominator.toml",)
CORPUS = tuple(sorted(str(p.relative_to(ROOT)) for p in (HERE / "corpus").glob("*.toml")))


def _slug(text: str) -> str:
    return Path(text).stem


def manifest() -> list[tuple[str, list[str]]]:
    """(output name, argv) pairs."""
    runs: list[tuple[str, list[str]]] = []
    for case in CASES + FIXTURES:
        for command in ("evaluate", "check"):
            for fmt in ("json", "table", "markdown", "html", "csv"):
                for lang in ("id", "en"):
                    if fmt == "json" and command == "evaluate" and lang == "en":
                        continue
                    name = f"{_slug(case)}.{command}.own.{lang}.{fmt}"
                    runs.append((name, [command, case, "--format", fmt, "--lang", lang]))
        runs.append((f"{_slug(case)}.evaluate.trace.id.table", ["evaluate", case, "--trace"]))
        for rules in SHIPPED + DRAWN:
            for command in ("evaluate", "check"):
                name = f"{_slug(case)}.{command}.{_slug(rules)}.id.json"
                runs.append((name, [command, case, "--rules", rules, "--format", "json"]))
    for case in CORPUS:
        for rules in SHIPPED + DRAWN:
            for command, lang in (("evaluate", "id"), ("check", "id"), ("check", "en")):
                name = f"{_slug(case)}.{command}.{_slug(rules)}.{lang}.json.gz"
                runs.append(
                    (name, [command, case, "--rules", rules, "--format", "json", "--lang", lang])
                )
        runs.append((f"{_slug(case)}.check.own.id.csv.gz", ["check", case, "--format", "csv"]))
    return runs


def run(argv: list[str]) -> bytes:
    """The command's exit code and standard output, as stored."""
    from kinerja_engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    # The table fits $COLUMNS when set: recorded at the width of a pipe, whatever the shell.
    with (
        mock.patch.dict(os.environ, {"COLUMNS": "80"}),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(argv)
    return f"exit: {code}\n".encode() + out.getvalue().encode("utf-8")


def stored(name: str) -> Path:
    """Where an output is kept: ``.gz`` compressed, else with ``.golden`` added, so that a
    recorded HTML page is not taken for the project's source by tools that read it."""
    return OUT / (name if name.endswith(".gz") else name + ".golden")


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)


def main(argv: list[str]) -> int:
    import os

    os.chdir(ROOT)
    OUT.mkdir(exist_ok=True)
    check = "--check" in argv
    bad = 0
    for name, args in manifest():
        got = run(args)
        path = stored(name)
        if check:
            if not path.exists() or _read(path) != got:
                bad += 1
                print(f"differs: {name}: kinerja {' '.join(args)}")
        else:
            _write(path, got)
    print(f"{len(manifest())} outputs, {bad} differ" if check else f"{len(manifest())} written")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
