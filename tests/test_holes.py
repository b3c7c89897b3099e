"""Issue 18's eleven holes: each an input that a plausible bug gets wrong.

A reviewer wrote 40 bugs by hand and the suite missed 11 of them. Each test below holds
the input that exposes one of them, through the public API (a case written as TOML, a
rule set that extends a shipped one), so it survives refactoring of the code behind it.
Each bug is also a mutant in bench/mutants.py (named in each test's docstring), so that
``python bench/mutants.py --only NAME`` shows the test killing it.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

import kinerja_engine as ke

HEAD = 'format = "kinerja-case/1"\n[report]\nagency = "Dinas X"\nyear = 2021\n'


def case(body: str, head: str = HEAD) -> ke.Case:
    return ke.load_case((head + body).encode())


def indicator(
    target: str, realisasi: str, *, direction: str = "higher_is_better", extra: str = ""
) -> str:
    return (
        '[[indicator]]\nid = "x"\nname = "X"\nunit = "%"\n'
        f'direction = "{direction}"\ntarget = {target}\nrealisasi = {realisasi}\n{extra}'
    )


def rules(tmp_path: Path, body: str, name: str = "edited") -> ke.RuleSet:
    path = tmp_path / f"{name}.toml"
    path.write_text(f'extends = "permendagri-86-2017"\nname = "{name}"\n{body}', encoding="utf-8")
    return ke.load_rules(path)


def flags(report: ke.Report) -> set[str]:
    return {f.code for r in report.indicators for f in r.flags}


def codes(report: ke.Report) -> list[str]:
    return sorted(f.code for f in report.findings)


# ---------------------------------------------------------------- 1. flag thresholds


def test_low_absorption_flag_not_at_fifty() -> None:
    """Mutant flag-low-absorption-inclusive: ``serapan <= 50``."""
    budget = "budget = { pagu = 100, realisasi = 50 }\n"
    at = ke.evaluate(case(indicator("100", "100", extra=budget)))
    assert at.indicators[0].serapan == 50
    assert "low-absorption" not in flags(at)
    below = ke.evaluate(case(indicator("100", "100", extra=budget.replace("50", "49.99"))))
    assert "low-absorption" in flags(below)


def test_far_above_target_flag_not_at_150() -> None:
    """Mutant flag-far-above-inclusive: ``capaian >= 150``."""
    at = ke.evaluate(case(indicator("100", "150")))
    assert at.indicators[0].capaian == 150
    assert "capaian-far-above-target" not in flags(at)
    assert "capaian-far-above-target" in flags(ke.evaluate(case(indicator("100", "150.01"))))


# ---------------------------------------------------------------- 2. compiled chains


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        # capaian 120, serapan 50: evaluated left to right as the formula reads.
        ("capaian - serapan - 1 - 2 - 3", Decimal(64)),
        ("capaian - serapan + 1 - 2 + 3 - 4", Decimal(68)),
        ("capaian / 2 / 3 / 4 * serapan", Decimal(250)),
        ("capaian * 2 / serapan / 4 / 3", Decimal("0.4")),
    ],
)
def test_long_chain_of_non_commutative_operators(
    tmp_path: Path, formula: str, expected: Decimal
) -> None:
    """Mutant codegen-chain-operands-swapped: a chain of four operators or more (one node)
    compiled as ``operand op accumulated`` instead of ``accumulated op operand``."""
    rs = rules(tmp_path, f'efficiency.formula = "{formula}"\n')
    one = indicator("100", "120", extra="budget = { pagu = 100, realisasi = 50 }\n")
    # Enough records of one shape that the compiled backend takes them over (it compiles a
    # shape once it has met a few of its records), and one alone for the specification.
    many = case("".join(one.replace('id = "x"', f'id = "x{n}"') for n in range(40)))
    compiled = {r.efficiency_value for r in ke.evaluate(many, rs, trace=False).indicators}
    streamed = {r.efficiency_value for r in ke.evaluate_many(many.indicators, rs)}
    traced = ke.evaluate(case(one), rs, trace=True).indicators[0]
    assert compiled == streamed == {expected}
    assert traced.efficiency_value == expected


# ---------------------------------------------------------------- 3. the agency total


def test_share_is_of_the_largest_spending_root() -> None:
    """Mutant agency-total-smallest-root: the smaller of two top-level spending lines."""
    body = (
        indicator(
            "100",
            "100",
            extra=(
                "budget = { pagu = 100, realisasi = 90 }\n"
                '[[indicator.printed]]\nwhere = "Tabel 3"\nshare = "10,00"\n'
            ),
        )
        + '[[budget]]\nid = "belanja"\nname = "BELANJA DAERAH"\npagu = 1000\nrealisasi = 900\n'
        + '[[budget]]\nid = "btl"\nname = "Belanja Tidak Langsung"\npagu = 400\nrealisasi = 300\n'
    )
    report = ke.check(case(body))
    assert "share-recalc" not in codes(report)
    wrong = case(body.replace('share = "10,00"', 'share = "25,00"'))
    assert "share-recalc" in codes(ke.check(wrong))


# ---------------------------------------------------------------- 4. amount-sized percentages


@pytest.mark.parametrize(("text", "amount"), [("10.000", True), ("9.999,99", False)])
def test_amount_in_a_percent_column(text: str, amount: bool) -> None:
    """Mutant amount-sized-boundary-moved: 10.000 read as a (large) percentage."""
    body = indicator(
        "100",
        "100",
        extra=(
            "budget = { pagu = 100, realisasi = 90 }\n"
            f'[[indicator.printed]]\nwhere = "Tabel 3"\nserapan = "{text}"\n'
        ),
    )
    found = codes(ke.check(case(body)))
    assert ("unit-mismatch" in found) is amount
    assert ("percent-over-100" in found) is not amount


# ---------------------------------------------------------------- 5. heading years


@pytest.mark.parametrize(("year", "mismatch"), [(2019, True), (2020, False), (2022, True)])
def test_results_under_an_older_year(year: int, mismatch: bool) -> None:
    """Mutant older-year-allowed: a 2021 report's results under 2019 pass."""
    body = indicator(
        "100",
        "100",
        extra=(
            "history = { 2020 = 90 }\n"
            f'[[indicator.printed]]\nwhere = "Tabel 5"\nyear = {year}\nrealisasi = 100\n'
        ),
    )
    assert ("period-mismatch" in codes(ke.check(case(body)))) is mismatch


# ---------------------------------------------------------------- 6. the digit limit


@pytest.mark.parametrize(
    "text", ["1000000000000000000000", "1.000.000.000.000.000.000.000", "-1000000000000000000000"]
)
def test_figure_of_22_digits_refused(text: str) -> None:
    """Mutant fast-figure-digit-limit: the fast reader's 21-character bound moved by one."""
    with pytest.raises(ke.KinerjaError):
        case(indicator("100", f'"{text}"'))


def test_figure_of_21_digits_read() -> None:
    c = case(indicator("100", '"999999999999999999999"'))
    assert c.indicators[0].realisasi == Decimal(10**21 - 1)


# ---------------------------------------------------------------- 7. CSV direction words


@pytest.mark.parametrize(
    ("word", "capaian"),
    [
        ("Negatif", Decimal(120)),
        ("NEGATIF", Decimal(120)),
        ("negatif", Decimal(120)),
        ("Semakin rendah semakin baik", Decimal(120)),
        ("Menurun", Decimal(120)),
        ("Positif", Decimal(80)),
        ("Meningkat", Decimal(80)),
        ("Semakin tinggi semakin baik", Decimal(80)),
    ],
)
def test_csv_direction_words_in_indonesian(word: str, capaian: Decimal) -> None:
    """Mutant csv-negatif-unknown: the Indonesian word for lower-is-better not read."""
    text = f"Indikator;Satuan;Arah;Target;Realisasi\nWaktu tunggu;hari;{word};10;8\n"
    imported = ke.import_csv(text.encode(), "iku.csv", agency="Dinas X", year=2021)
    assert ke.evaluate(imported.case).indicators[0].capaian == capaian


# ---------------------------------------------------------------- 8. display rounding down


def test_rounding_down_shown_down_in_every_human_format(tmp_path: Path) -> None:
    """Mutant percent-text-half-up: reports round half-up whatever the rule set says."""
    rs = rules(tmp_path, 'display.rounding = "down"\n', "down")
    c = case(indicator("100000", "99996"))
    report = ke.evaluate(c, rs)
    assert report.indicators[0].verdict == "Tidak Tercapai"
    for fmt in ("markdown", "html"):
        shown = ke.render(report, fmt, "id", case=c, rules=rs)
        assert "99,99 %" in shown, fmt
        assert "100,00 %" not in shown, fmt
    english = ke.render(report, "markdown", "en", case=c, rules=rs)
    assert "99.99%" in english and "100.00%" not in english
    for fmt in ("table", "markdown"):  # the report's own tables, without the case
        alone = ke.render(report, fmt, "id")
        assert "99,99" in alone and "100,00" not in alone, fmt
    (row,) = csv.DictReader(io.StringIO(ke.render(report, "csv", "id", case=c)), delimiter=";")
    assert row["Capaian Kinerja"] == "99,99"  # the Indonesian export's heading


# ---------------------------------------------------------------- 9. geometric mean over zero


def test_geometric_mean_over_a_zero_is_not_computable(tmp_path: Path) -> None:
    """Mutant geometric-mean-zero-allowed: ln(0) gives 0 and Sangat Rendah."""
    rs = rules(tmp_path, 'objective.rollup = "geometric_mean"\n', "geo")
    body = (
        '[[objective]]\nid = "o"\nname = "O"\n'
        + indicator("100", "0", extra='objective = "o"\n')
        + indicator("100", "100", extra='objective = "o"\n').replace('id = "x"', 'id = "y"')
    )
    report = ke.evaluate(case(body), rs)
    assert [r.capaian for r in report.indicators] == [0, 100]
    (objective,) = report.objectives
    assert objective.capaian is None and objective.category is None
    assert objective.reason and objective.reason_id
    positive = ke.evaluate(case(body.replace("realisasi = 0", "realisasi = 25")), rs)
    assert round(positive.objectives[0].capaian or 0, 20) == 50


# ---------------------------------------------------------------- 10. CSV evidence as printed


def test_csv_evidence_keeps_printed_grouping() -> None:
    """Mutant csv-evidence-regrouped: a printed 1.500 read back as the decimal 1.5."""
    body = indicator(
        "1418",
        "1418",
        extra='[[indicator.printed]]\nwhere = "Tabel 4"\ntarget = "1.500"\ncapaian = "100"\n',
    ).replace('unit = "%"', 'unit = "orang"')
    c = case(body)
    report = ke.check(c)
    for lang, sep in (("id", ";"), ("en", ",")):
        shown = ke.render(report, "csv", lang, case=c)
        rows = list(csv.DictReader(io.StringIO(shown), delimiter=sep))
        key = "Bukti" if lang == "id" else "evidence"  # the headings follow the language
        evidence = " | ".join(row[key] for row in rows)
        assert "1.500 (Tabel 4)" in evidence, (lang, evidence)
        assert "1,5 (" not in evidence and "1.5 (" not in evidence


# ---------------------------------------------------------------- 11. labels on the printed capaian


@pytest.mark.parametrize(("verdict", "wrong"), [("Tercapai", False), ("Tidak Tercapai", True)])
def test_label_follows_the_capaian_printed_beside_it(verdict: str, wrong: bool) -> None:
    """Mutant labels-on-recomputed-capaian: a printed verdict judged on the recomputed
    capaian (50) rather than the one printed beside it (100)."""
    body = indicator(
        "100",
        "50",
        extra=(
            '[[indicator.printed]]\nwhere = "Tabel 2"\ncapaian = "100,00"\n'
            f'verdict = "{verdict}"\ncategory = "Sangat Tinggi"\n'
        ),
    )
    report = ke.check(case(body))
    found = codes(report)
    assert "capaian-recalc" in found
    assert ("verdict-label" in found) is wrong
    assert "category-label" not in found
    if wrong:
        (f,) = (f for f in report.findings if f.code == "verdict-label")
        assert f.expected == "Tercapai" and f.where == "Tabel 2"


# ---------------------------------------------------------------- found by the mutation run


def test_a_case_file_with_a_utf8_byte_order_mark_loads(tmp_path: Path) -> None:
    """Mutant textfile-bom-kept: Windows editors save UTF-8 with a byte-order mark."""
    raw = (HEAD + indicator("100", "90")).encode()
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + raw)
    assert ke.load_case(path) == ke.load_case(raw)
    assert ke.load_case(b"\xef\xbb\xbf" + raw).indicators[0].realisasi == 90


def test_the_depth_limit_holds_at_its_edge() -> None:
    """Mutant textfile-depth-plus-one: a document one level deeper than the limit read.
    This case nests three levels (the indicator array, its table, the budget table)."""
    raw = (
        HEAD + indicator("100", "90", extra="budget = { pagu = 100, realisasi = 50 }\n")
    ).encode()
    assert ke.load_case(raw, max_depth=3).indicators[0].budget is not None
    with pytest.raises(ke.KinerjaError):
        ke.load_case(raw, max_depth=2)


@pytest.mark.parametrize(
    ("hint", "body"),
    [
        ("sep=;", "Indikator,Satuan,Target,Realisasi\nA,%,80,85\n"),
        ("sep=,", "Indikator;Satuan;Target;Realisasi\nA;%;80;85\n"),
        ("sep=\t", "Indikator;Satuan;Target;Realisasi\nA;%;80;85\n"),  # a tab named
    ],
)
def test_the_separator_hint_line_is_obeyed(hint: str, body: str) -> None:
    """Mutant csv-sep-hint-ignored: Excel's ``sep=`` line names the separator; a file
    whose body the named separator does not split has no header row, as Excel shows it."""
    with pytest.raises(ke.KinerjaError):
        ke.import_csv(f"{hint}\n{body}".encode(), "iku.csv", agency="Dinas X", year=2021)
    imported = ke.import_csv(body.encode(), "iku.csv", agency="Dinas X", year=2021)
    assert imported.case.indicators[0].realisasi == 85
