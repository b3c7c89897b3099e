"""The command line, called as ``main([...])``: output, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, write

from kinerja_engine.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_evaluate_seed_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # every column (the terminal table fits the width)
    code, out, err = run(capsys, "evaluate", str(SEED))
    assert code == 0 and err == ""
    assert "Survei Kepuasan Masyarakat (SKM)" in out and "100,01" in out
    assert "Sangat Tinggi" in out and "93,36" in out
    assert "Tercapai" in out and "Efisien" in out


def test_evaluate_seed_english_markdown_and_trace(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "evaluate", str(SEED), "--format", "markdown", "--lang", "en", "--trace"
    )
    assert code == 0
    # The LKjIP layout: the IKU table row of SKM, in English notation.
    assert "| 1 | Survei Kepuasan Masyarakat (SKM) | 81.55% | 87.07% | 87.08% | 100.01% |" in out
    assert "capaian = realisasi / target * 100 = 87.08 / 87.07 * 100" in out


def test_evaluate_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluate", str(SEED), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"report", "indicators", "objectives", "findings"}
    assert data["report"]["rules"] == "permendagri-86-2017" and data["report"]["year"] == 2021
    skm = data["indicators"][0]
    assert list(skm) == [
        "id",
        "name",
        "capaian",
        "category",
        "serapan",
        "efficiency",
        "progress",
        "verdict",
        "flags",
        "status",
    ]
    assert skm["capaian"] == "100.01" and skm["serapan"] == "93.36"
    aktif = next(i for i in data["indicators"] if i["id"] == "koperasi-aktif")
    assert aktif["status"] == "not_computable" and aktif["capaian"] is None
    assert aktif["name"] == "Persentase Koperasi Aktif"
    assert aktif["reason"] == "target tahun ini tidak ditetapkan"  # --lang id, the default
    assert aktif["reason_id"] == "reason.no-target"
    assert data["findings"] == []
    assert set(data["objectives"][0]) == {"id", "capaian", "category"}


def test_json_changes_only_its_words_with_lang(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang changes a finding's message and an indicator's reason, nothing else; their
    catalogue ids stay."""

    def data(lang: str) -> dict[str, list[dict[str, str]]]:
        _, out, _ = run(capsys, "check", str(SEED), "--format", "json", "--lang", lang)
        return json.loads(out)  # type: ignore[no-any-return]

    en, id_ = data("en"), data("id")
    assert en != id_
    for doc in (en, id_):
        for item in doc["findings"]:
            item.pop("message")
        for item in doc["indicators"]:
            item.pop("reason", None)
    assert en == id_
    assert all(f["message_id"].startswith("finding.") for f in en["findings"])


def test_rules_option_changes_the_method(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "evaluate", str(SEED), "--format", "json", "--rules", "kepmendagri-690-1996"
    )
    data = json.loads(out)
    assert data["report"]["rules"] == "kepmendagri-690-1996"
    assert data["indicators"][0]["efficiency"] == "Kurang Efisien"  # 93.36 / 100.01 * 100 = 93.35


def test_check_exit_codes_and_fail_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(SEED), "--lang", "en")
    assert code == 1
    assert "serapan-recalc" in out and "checks passed" in out
    clean = write(
        tmp_path,
        "c.toml",
        'format = "kinerja-case/1"\n[report]\nagency = "A"\nyear = 2021\n'
        '[[indicator]]\nid = "a"\nname = "A"\nunit = "%"\ndirection = "higher_is_better"\ntarget = 10\n'
        "history = { 2020 = 9 }\n",
    )
    code, _, _ = run(capsys, "check", str(clean))
    assert code == 0  # realisasi-missing is a warning
    code, _, _ = run(capsys, "check", str(clean), "--fail-on", "warning")
    assert code == 1


def test_check_json_findings(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    findings = json.loads(out)["findings"]
    serapan = next(
        f
        for f in findings
        if (f["code"], f["where"], f["field"]) == ("serapan-recalc", "Tabel 9", "serapan")
    )
    assert serapan == {
        "code": "serapan-recalc",
        "severity": "error",
        "indicator": "skm",
        "budget": None,
        "where": "Tabel 9",
        "field": "serapan",
        "printed": "93,08",
        "expected": "93.36",
        "difference": "-0.28",
        "message": serapan["message"],
        "message_id": "finding.recalc",
    }


def test_bad_input_exits_2_with_place_and_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = write(
        tmp_path, "bad.toml", 'format = "kinerja-case/1"\n[report]\nagecny = "A"\nyear = 2021\n'
    )
    code, out, err = run(capsys, "evaluate", str(bad), "--lang", "en")
    assert code == 2 and out == ""
    assert err.startswith(f"kinerja: {bad}:3: report.agecny: unknown key 'agecny'")
    assert "Traceback" not in err
    code, _, err = run(capsys, "evaluate", str(tmp_path / "none.toml"))
    assert code == 2 and "berkas tidak ditemukan" in err


def test_output_is_atomic_and_never_overwrites_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    code, _, _ = run(capsys, "evaluate", str(SEED), "--format", "json", "--output", str(out))
    assert code == 0 and json.loads(out.read_text(encoding="utf-8"))["report"]["year"] == 2021
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    copy = write(tmp_path, "case.toml", SEED.read_text(encoding="utf-8"))
    before = copy.read_bytes()
    code, _, err = run(capsys, "evaluate", str(copy), "--output", str(copy), "--lang", "en")
    assert code == 2 and "would overwrite" in err and copy.read_bytes() == before


def test_rules_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and "permendagri-86-2017" in out and "pmk-214-2017" in out
    code, out, _ = run(capsys, "rules", "show", "permendagri-86-2017")
    assert code == 0 and "Sangat Tinggi    [91; +inf)" in out  # Indonesian: ";" between bounds
    good = write(
        tmp_path,
        "mine.toml",
        'extends = "permendagri-86-2017"\nname = "mine"\n[capaian]\ncap = 120\n',
    )
    code, out, _ = run(capsys, "rules", "check", str(good))
    assert code == 0 and "ok" in out
    bad = write(
        tmp_path,
        "gap.toml",
        'extends = "permendagri-86-2017"\nname = "g"\n[categories.bands.Tinggi]\nupper = 90\n',
    )
    code, _, err = run(
        capsys,
        "rules",
        "check",
        str(bad),
    )
    assert code == 2 and "gap" in err and "gap.toml" in err


def test_checks_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "checks")
    assert code == 0 and "budget-footing" in out and "tie-out" in out


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "evaluate" in capsys.readouterr().out


def test_output_file_mode_follows_the_umask_or_the_replaced_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os
    import stat

    fresh = tmp_path / "fresh.json"
    old = os.umask(0o022)
    try:
        assert main(["evaluate", str(SEED), "--format", "json", "--output", str(fresh)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    kept = tmp_path / "kept.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o640)
    assert main(["evaluate", str(SEED), "--format", "json", "--output", str(kept)]) == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    capsys.readouterr()


def test_a_bug_is_exit_3_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_engine import api

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(api, "evaluate", broken)
    code, out, err = run(capsys, "evaluate", str(SEED), "--lang", "en")
    assert code == 3 and out == ""
    assert err.startswith("kinerja: internal error (ZeroDivisionError: boom); this is a bug")
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "evaluate", str(SEED)])


def test_the_cli_uses_only_the_public_api() -> None:
    """cli/*.py import the package as ``ke`` (and each other) and use only its __all__;
    besides, the escaping of printed text and the message catalogue, where the command line's own words are (it holds words
    only, and imports nothing, so ``--help`` stays fast)."""
    import ast

    import kinerja_engine as ke

    folder = Path(main.__code__.co_filename).parent
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                ours = [a for a in node.names if a.name.startswith("kinerja_engine")]
                assert all(a.name == "kinerja_engine" and a.asname == "ke" for a in ours), path
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "kinerja_engine"
            ):
                module = node.module or ""
                # The escaping of printed text too: a leaf module, importing only re.
                assert node.level == 0 and (
                    module.startswith("kinerja_engine.cli")
                    or module in ("kinerja_engine.messages", "kinerja_engine.rendering.escape")
                ), f"{path.name}:{node.lineno} imports {node.module}"
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "ke"
            ):
                assert node.attr in ke.__all__, f"{path.name}:{node.lineno} uses ke.{node.attr}"


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "en"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        ([], {"LANG": "id_ID.UTF-8"}, "id"),
        # POSIX order: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides.
        ([], {"LC_ALL": "en_US.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ([], {"LC_MESSAGES": "id_ID", "LANG": "en_US.UTF-8"}, "id"),
        ([], {"LC_ALL": "", "LANG": "id_ID.UTF-8"}, "id"),
        # $KINERJA_LANG over the locale; an unknown value is not a choice.
        ([], {"KINERJA_LANG": "id", "LANG": "en_US.UTF-8"}, "id"),
        ([], {"KINERJA_LANG": "en", "LC_ALL": "id_ID.UTF-8"}, "en"),
        ([], {"KINERJA_LANG": "fr", "LANG": "id_ID.UTF-8"}, "id"),
        # The command's own --lang over everything.
        (["evaluate", "--lang", "id", "--help"], {"KINERJA_LANG": "en"}, "id"),
        (["evaluate", "--lang=en", "--help"], {"LANG": "id_ID.UTF-8"}, "en"),
        (["evaluate", "--lang", "xx", "--help"], {"LANG": "id_ID.UTF-8"}, "id"),
    ],
)
def test_the_help_language_follows_the_documented_rule(
    argv: list[str], environ: dict[str, str], lang: str
) -> None:
    from kinerja_engine.cli.main import help_lang

    assert help_lang(argv, environ) == lang


def _help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, *argv: str
) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KINERJA_LANG", lang)
    with pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "command", "said", "unsaid"),
    [
        # English as before the catalogue, word for word.
        (
            "en",
            [],
            [
                "Evaluate and audit Indonesian government performance reports",
                "show this help message and exit",
                "show a traceback on errors",
            ],
            ["Menilai"],
        ),
        ("en", ["evaluate"], ["show each formula with its inputs substituted"], ["tampilkan"]),
        (
            "id",
            [],
            [
                "Menilai dan mereviu laporan kinerja",
                "tampilkan bantuan ini lalu keluar",
                "Kode keluar: 0 berhasil",
                "menilai setiap indikator dalam kasus",
            ],
            ["show this help", "evaluate every"],
        ),
        ("id", ["import"], ["notasi angka dalam sel", "timpa berkas --output"], ["replace an"]),
    ],
)
def test_help_speaks_the_help_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    command: list[str],
    said: list[str],
    unsaid: list[str],
) -> None:
    shown = _help(capsys, monkeypatch, lang, *command)
    assert [s for s in said if s not in shown] == []
    assert [s for s in unsaid if s in shown] == []


def test_a_bad_jobs_value_is_refused_in_the_help_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KINERJA_LANG", "id")
    with pytest.raises(SystemExit) as info:
        main(["evaluate", str(SEED), "--jobs", "-1"])
    assert info.value.code == 2
    assert "diharapkan bilangan bulat 0 atau lebih, bukan '-1'" in capsys.readouterr().err


def test_the_summary_line_in_both_languages() -> None:
    from kinerja_engine.cli.progress import summary_line

    counts = {"error": 2, "warning": 1, "info": 0}
    assert summary_line(3, 24, counts, 0.44, "id") == (
        "3 berkas, 24 indikator, temuan: 2 kesalahan, 1 peringatan, 0 info; 0,4 dtk"
    )
    assert summary_line(3, 24, None, 1.25, "en") == "3 files, 24 indicators; 1.2 s"
