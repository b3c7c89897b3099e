"""The batch API and the command line's --jobs and folders: the same answers, in order,
however many processes do the work. Correctness only; speed is measured by bench/run."""

from __future__ import annotations

import itertools
import json
import pickle
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED, indicator, write

import kinerja_engine as ke
from kinerja_engine.api import evaluate_cases
from kinerja_engine.cli.main import main
from kinerja_engine.domain.model import Budget, Indicator
from kinerja_engine.errors import InputError
from kinerja_engine.evaluation.indicator import evaluate_indicator


def _indicators(n: int) -> list[Indicator]:
    """A mix of directions, ranges, budgets, missing figures and zero targets."""
    directions = ["higher_is_better", "lower_is_better", "within_range"]
    out = []
    for i in range(n):
        target: object = [50 + i % 7, 60 + i % 7] if i % 5 == 0 else (i % 90) + (i % 3) * 0.25
        realisasi = None if i % 17 == 0 else (i * 37) % 130
        budget = Budget(Decimal(1000 + i), Decimal(700 + (i * 13) % 400)) if i % 2 else None
        out.append(
            indicator(
                target,
                realisasi,
                directions[i % 3],
                ident=f"i-{i}",
                budget=budget,
                renstra_target=Decimal(80) if i % 4 == 0 else None,
            )
        )
    return out


def _case_text(agency: str, values: list[tuple[int, int]]) -> str:
    lines = [
        'format = "kinerja-case/1"',
        f'[report]\nagency = "{agency}"\nyear = 2021',
    ]
    for k, (target, realisasi) in enumerate(values):
        lines += [
            "[[indicator]]",
            f'id = "k{k}"\nname = "K{k}"\nunit = "%"\ndirection = "higher_is_better"',
            f"target = {target}\nrealisasi = {realisasi}\nhistory = {{ 2020 = 1 }}",
            f'[[indicator.printed]]\nwhere = "Tabel {k}"\ncapaian = "{realisasi * 100 // target},00"',
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of case files, one of them in a subfolder, and the seed case."""
    root = tmp_path_factory.mktemp("cases")
    (root / "b").mkdir()
    write(root, "a1.toml", _case_text("A1", [(10, 9), (50, 50), (80, 100)]))
    write(root / "b", "b1.toml", _case_text("B1", [(20, 5), (40, 44)]))
    write(root, "a2.toml", _case_text("A2", [(7, 7)]))
    write(root, "notes.txt", "not a case")
    shutil.copy(SEED, root / "seed.toml")
    return root


def test_evaluate_many_is_the_same_with_processes(permendagri: ke.RuleSet) -> None:
    inds = _indicators(700)
    one = list(ke.evaluate_many(inds, permendagri))
    assert one == [evaluate_indicator(i, permendagri, trace=False) for i in inds]
    two = list(ke.evaluate_many(iter(inds), permendagri, jobs=2, chunk_size=64))
    assert two == one
    assert [r.id for r in two] == [i.id for i in inds]


def test_evaluate_many_streams_an_endless_input(permendagri: ke.RuleSet) -> None:
    endless = (indicator(100, n % 150, ident=f"n{n}") for n in itertools.count())
    first = list(itertools.islice(ke.evaluate_many(endless, permendagri, jobs=2), 5))
    assert [r.id for r in first] == ["n0", "n1", "n2", "n3", "n4"]
    assert [r.capaian for r in first] == [
        Decimal(0),
        Decimal(1),
        Decimal(2),
        Decimal(3),
        Decimal(4),
    ]


def test_evaluate_many_refuses_negative_jobs(permendagri: ke.RuleSet) -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(ke.evaluate_many([], permendagri, jobs=-1))


def test_check_many_is_the_same_with_processes(folder: Path) -> None:
    paths = ke.case_paths([folder])
    expected = [ke.check(ke.load_case(p)) for p in paths]
    assert list(ke.check_many(paths)) == expected
    assert list(ke.check_many(paths, jobs=2)) == expected
    # Loaded cases and paths mix; a rule set given by name judges every case.
    mixed = [ke.load_case(paths[0]), *paths[1:]]
    under = list(ke.check_many(mixed, "kepmendagri-690-1996", jobs=2))
    assert [r.rules for r in under] == ["kepmendagri-690-1996"] * len(paths)
    assert under[0] == ke.check(ke.load_case(paths[0]), "kepmendagri-690-1996")


def test_evaluate_cases_and_run_keep_the_order(folder: Path) -> None:
    paths = ke.case_paths([folder])
    reports = list(evaluate_cases(paths, jobs=2))
    assert reports == [ke.evaluate(ke.load_case(p), trace=False) for p in paths]
    judged = list(ke.run(paths, jobs=2, check=True))
    assert [j.case.origin for j in judged] == [str(p) for p in paths]  # type: ignore[union-attr]
    assert all(j.rules.name == "permendagri-86-2017" for j in judged)  # type: ignore[union-attr]
    assert all(j.rules_origin == j.rules.origin for j in judged)  # type: ignore[union-attr]
    light = list(ke.run(paths, jobs=2, check=True, keep=False))
    assert [j.report for j in light] == [j.report for j in judged]
    assert all(j.case is None and j.rules is None for j in light)


def test_a_bad_file_fails_in_its_turn(folder: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.toml", 'format = "kinerja-case/1"\n[report]\nagecny = "A"\n')
    paths = [*ke.case_paths([folder])[:2], bad]
    done = ke.check_many(paths, jobs=2)
    assert next(done).info.agency == "A1"
    assert next(done).info.agency == "A2"
    with pytest.raises(ke.KinerjaError) as caught:
        next(done)
    assert caught.value.file == str(bad)


def test_case_paths_expand_folders_recursively(folder: Path, tmp_path: Path) -> None:
    names = [p.relative_to(folder).as_posix() for p in ke.case_paths([folder])]
    assert names == ["a1.toml", "a2.toml", "b/b1.toml", "seed.toml"]
    assert ke.case_paths([folder / "a2.toml", folder / "b"]) == [
        folder / "a2.toml",
        folder / "b/b1.toml",
    ]
    with pytest.raises(InputError, match="no case file"):
        ke.case_paths([tmp_path])


def test_values_cross_processes_intact(seed_case: ke.Case) -> None:
    import kinerja_engine.batch  # noqa: F401 - registers the compact reducers

    report = ke.check(seed_case)
    assert pickle.loads(pickle.dumps(seed_case)) == seed_case
    assert pickle.loads(pickle.dumps(seed_case)).origin == seed_case.origin
    assert pickle.loads(pickle.dumps(report)) == report


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_jobs_and_folders_give_the_same_output(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    files = [str(p) for p in ke.case_paths([folder])]
    code1, by_file = _run(capsys, "check", *files, "--format", "json")
    code2, by_folder = _run(capsys, "check", str(folder), "--format", "json", "--jobs", "2")
    assert code1 == code2 == 1  # the seed case has findings
    assert by_folder == by_file
    assert [r["report"]["agency"] for r in json.loads(by_folder)][:2] == ["A1", "A2"]
    code, table = _run(capsys, "evaluate", str(folder / "b"), "--jobs", "0")
    assert code == 0 and "B1" in table


def test_cli_jobs_must_be_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", str(SEED), "--jobs", "-1"])
    assert caught.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_cli_empty_folder_is_unusable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["evaluate", str(tmp_path), "--jobs", "2"]) == 2
    assert "*.toml" in capsys.readouterr().err
