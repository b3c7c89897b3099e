"""The audit: each check trips on a minimal case, passes on a good one, and holds at its edge."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import indicator

import kinerja_engine as ke
from kinerja_engine.audit.review import CATALOGUE
from kinerja_engine.evaluation.indicator import quantize


def pv(text: str) -> ke.PrintedValue:
    from kinerja_engine.io.figures import printed

    return printed(text)


def case_of(*indicators: ke.Indicator, budget: tuple[ke.BudgetLine, ...] = ()) -> ke.Case:
    return ke.Case(
        format="kinerja-case/1",
        report=ke.ReportInfo(agency="Dinas X", year=2021),
        indicators=indicators,
        budget=budget,
    )


def entry(where: str = "Tabel 9", year: int | None = 2021, **fields: str) -> ke.PrintedEntry:
    labels = {k: fields.pop(k) for k in ("category", "efficiency", "verdict") if k in fields}
    return ke.PrintedEntry(
        where=where, year=year, **{k: pv(v) for k, v in fields.items()}, **labels
    )


def codes(report: ke.Report) -> list[str]:
    return sorted(f.code for f in report.findings)


def with_printed(ind: ke.Indicator, *entries: ke.PrintedEntry) -> ke.Indicator:
    return attrs.evolve(ind, printed=entries, history={2020: Decimal(1)})


BUDGET = ke.Budget(Decimal("1418633200.00"), Decimal("1324391015.00"))


def skm(*entries: ke.PrintedEntry, budget: ke.Budget | None = BUDGET) -> ke.Case:
    ind = indicator("81.5", "87.08", ident="skm", budget=budget)
    return case_of(with_printed(ind, *entries))


def plain(target: object, realisasi: object, *entries: ke.PrintedEntry) -> ke.Case:
    return case_of(with_printed(indicator(target, realisasi), *entries))


def test_catalogue_codes_are_unique_and_documented() -> None:
    assert len({c.code for c in CATALOGUE}) == len(CATALOGUE)
    assert all(
        c.description and c.description_id and c.severity in ("error", "warning", "info")
        for c in CATALOGUE
    )


def test_serapan_recalc_trips_passes_and_holds_at_the_edge(permendagri: ke.RuleSet) -> None:
    amounts = {"pagu": "1.418.633.200,00", "realisasi_anggaran": "1.324.391.015,00"}
    bad = ke.check(skm(entry(serapan="93,08", **amounts)), permendagri)
    (finding,) = bad.findings
    assert finding.code == "serapan-recalc" and finding.severity is ke.Severity.ERROR
    assert (finding.printed, finding.expected, finding.difference) == (
        "93,08",
        "93.36",
        Decimal("-0.28"),
    )
    assert finding.tolerance == Decimal("0.005")
    assert ("pagu", "1.418.633.200,00", "Tabel 9") in finding.inputs
    assert "93,36" in finding.message_id and "93.36" in finding.message_en
    assert ke.check(skm(entry(serapan="93,36", **amounts)), permendagri).findings == ()

    # exact 50/80 = 62.5: "62,495" is off by exactly half a unit of its last digit (0.005).
    def serapan(printed: str, pagu: str, spent: str) -> list[str]:
        case = skm(entry(serapan=printed, pagu=pagu, realisasi_anggaran=spent), budget=None)
        return codes(ke.check(case, permendagri))

    # 62.505 exactly: both neighbours at two places are exactly half a unit away.
    assert serapan("62,51", "100", "62,505") == [] and serapan("62,50", "100", "62,505") == []
    assert serapan("62,49", "100", "62,505") == ["serapan-recalc"]
    # 62.5051: "62,50" is 0.0051 away, beyond the tolerance of 0.005.
    assert serapan("62,51", "1.000", "625,051") == []
    assert serapan("62,50", "1.000", "625,051") == ["serapan-recalc"]
    # One printed decimal place: half of 0.1.
    assert serapan("62,5", "100", "62,55") == [] and serapan("62,4", "100", "62,55") == [
        "serapan-recalc"
    ]


def test_capaian_recalc_from_own_inputs_and_from_case_inputs(permendagri: ke.RuleSet) -> None:
    assert (
        ke.check(
            skm(entry(target="81,5", realisasi="87,08", capaian="106,85")), permendagri
        ).findings
        == ()
    )
    report = ke.check(skm(entry(capaian="87,08")), permendagri)  # the text of Tabel 5
    (finding,) = report.findings
    assert finding.code == "capaian-recalc" and finding.expected == "106.85"
    assert report.checks_passed > 0


def test_verdict_label_koperasi_sehat_at_100(permendagri: ke.RuleSet) -> None:
    ind = with_printed(
        indicator(56, 56, ident="koperasi-sehat"),
        entry("Tabel 4", target="56 %", realisasi="56 %", verdict="Tidak Tercapai"),
    )
    (finding,) = ke.check(case_of(ind), permendagri).findings
    assert (finding.code, finding.printed, finding.expected) == (
        "verdict-label",
        "Tidak Tercapai",
        "Tercapai",
    )
    ok = with_printed(
        indicator(56, 56), entry("Tabel 4", target="56 %", realisasi="56 %", verdict="tercapai")
    )
    assert ke.check(case_of(ok), permendagri).findings == ()


def test_category_and_efficiency_labels(permendagri: ke.RuleSet) -> None:
    good = entry(capaian="54 %", serapan="82,76", category="Rendah", efficiency="Tidak Efisien")
    assert ke.check(plain(100, 54, good), permendagri).findings == ()
    bad = entry(capaian="54 %", serapan="82,76", category="Sedang", efficiency="Efisien")
    assert codes(ke.check(plain(100, 54, bad), permendagri)) == [
        "category-label",
        "efficiency-label",
    ]
    unknown = entry(capaian="54 %", efficiency="Sangat Efisiensi")
    assert codes(ke.check(plain(100, 54, unknown), permendagri)) == ["label-unknown"]


def test_word_for_number_blocks_the_recalculation(permendagri: ke.RuleSet) -> None:
    report = ke.check(skm(entry(capaian="Sangat tinggi", category="Sangat Tinggi")), permendagri)
    assert codes(report) == ["word-for-number"]


def test_unit_mismatch_and_percent_over_100(permendagri: ke.RuleSet) -> None:
    assert codes(ke.check(skm(entry(serapan="554.805.250")), permendagri)) == ["unit-mismatch"]
    assert codes(ke.check(skm(entry(pagu="86 %")), permendagri)) == ["unit-mismatch"]
    rupiah = with_printed(
        indicator(51, 60, unit="Rp"), entry("Tabel 4", year=2020, realisasi="22 %")
    )
    assert "unit-mismatch" in codes(ke.check(case_of(rupiah), permendagri))
    over = entry(serapan="120,00", pagu="100", realisasi_anggaran="120")
    assert codes(ke.check(skm(over, budget=None), permendagri)) == ["percent-over-100"]


def test_tie_out_lists_every_place_once(permendagri: ke.RuleSet) -> None:
    case = skm(
        entry("Tabel 3", target="87,07%"),
        entry("Tabel 4", target="81,5 %"),
        entry("Tabel 5", target="81,5"),
    )
    (finding,) = ke.check(case, permendagri).findings
    assert finding.code == "tie-out" and finding.where == "Tabel 3"
    assert [i[2] for i in finding.inputs] == ["input", "Tabel 3", "Tabel 4", "Tabel 5"]
    assert finding.difference == Decimal("5.57")
    same = skm(entry("Tabel 4", target="81,5 %"), entry("Tabel 5", target="81,50"))
    assert ke.check(same, permendagri).findings == ()


def test_figure_explained_by_a_disputed_input_is_skipped_not_repeated(
    permendagri: ke.RuleSet,
) -> None:
    # The case's target is 87,07; a table that computed with 81,5 (printed elsewhere) is
    # not a second error: the check is skipped, blocked by the tie-out finding.
    ind = with_printed(
        indicator("87.07", "87.08", ident="skm"),
        entry("Tabel 4", target="81,5 %"),
        entry("Tabel 10", capaian="106,85%"),
    )
    report = ke.check(case_of(ind), permendagri)
    assert codes(report) == ["tie-out"]
    assert report.checks_skipped == (("capaian-recalc at Tabel 10 (skm)", report.findings[0].id),)


def test_share_recalc_against_agency_total(permendagri: ke.RuleSet) -> None:
    total = ke.BudgetLine("belanja", "BELANJA", Decimal("20516646631"), Decimal(1))
    ind = with_printed(
        indicator(1, 1, budget=ke.Budget(Decimal("519852000"), Decimal(1))), entry(share="86,44")
    )
    (finding,) = ke.check(case_of(ind, budget=(total,)), permendagri).findings
    assert (finding.code, finding.expected) == ("share-recalc", "2.53")
    fine = with_printed(
        indicator(1, 1, budget=ke.Budget(Decimal("519852000"), Decimal(1))), entry(share="2,53")
    )
    assert ke.check(case_of(fine, budget=(total,)), permendagri).findings == ()


def test_progress_recalc_with_scale_hint(permendagri: ke.RuleSet) -> None:
    ind = attrs.evolve(
        indicator(50, 27, unit="Rp", renstra_target=Decimal(50_000_000_000)),
        printed=(entry("Tabel 39", year=2020, realisasi="Rp. 26.500.000", progress="53 %"),),
        history={2020: Decimal(26_500_000)},
    )
    report = ke.check(case_of(ind), permendagri)
    # The table gives only last year's progress (period) and that figure is 1000x off.
    assert codes(report) == ["period-mismatch", "progress-recalc"]
    finding = next(f for f in report.findings if f.code == "progress-recalc")
    assert finding.expected == "0.05" and "1.000 times" in finding.message_en


def test_budget_footing_to_the_sen_and_percent(permendagri: ke.RuleSet) -> None:
    def line(
        ident: str, pagu: str, real: str, parent: str | None = None, pct: str | None = None
    ) -> ke.BudgetLine:
        return ke.BudgetLine(
            ident,
            ident.upper(),
            Decimal(pagu),
            Decimal(real),
            parent,
            None if pct is None else pv(pct),
            "Tabel 45",
        )

    good = (
        line("belanja", "100", "90.01", pct="90,01"),
        line("a", "60", "50", "belanja"),
        line("b", "40", "40.01", "belanja"),
    )
    assert ke.check(case_of(budget=good), permendagri).findings == ()
    off = (
        line("belanja", "100", "90.02"),
        line("a", "60", "50", "belanja"),
        line("b", "40", "40.01", "belanja"),
    )
    (finding,) = ke.check(case_of(budget=off), permendagri).findings
    assert (finding.code, finding.field, finding.difference) == (
        "budget-footing",
        "realisasi",
        Decimal("0.01"),
    )
    bad_pct = (line("x", "80", "50", pct="62,6"),)
    assert codes(ke.check(case_of(budget=bad_pct), permendagri)) == ["budget-percent"]
    undefined = (line("z", "0", "0", pct="0,00"),)
    (finding,) = ke.check(case_of(budget=undefined), permendagri).findings
    assert finding.code == "budget-percent-undefined" and finding.severity is ke.Severity.INFO


def test_period_mismatch(permendagri: ke.RuleSet) -> None:
    wrong = skm(entry("Tabel 37", year=2020, target="81,5"), entry("Tabel 37", realisasi="87,08"))
    assert codes(ke.check(wrong, permendagri)) == ["period-mismatch"]
    future = skm(entry("Tabel 5", year=2022, realisasi="87,08"))
    assert codes(ke.check(future, permendagri)) == ["period-mismatch"]
    fine = skm(entry("Tabel 6", year=2020, realisasi="1"), entry("Tabel 6", realisasi="87,08"))
    assert ke.check(fine, permendagri).findings == ()


def test_completeness_and_plausibility(permendagri: ke.RuleSet) -> None:
    report = ke.check(case_of(indicator(80, None, ident="y")), permendagri)
    assert codes(report) == ["comparison-missing", "realisasi-missing"]
    slip = attrs.evolve(
        indicator(51_000_000_000, 3_540_448_465_876_250, unit="Rp"), history={2020: Decimal(1)}
    )
    (finding,) = ke.check(case_of(slip), permendagri).findings
    assert finding.code == "capaian-implausible" and "10^5" in finding.message_en


def test_rule_set_changes_severity_and_tolerance(tmp_path, permendagri: ke.RuleSet) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "lenient.toml"
    path.write_text(
        'extends = "permendagri-86-2017"\nname = "lenient"\n[audit]\npercent_tolerance = 0.5\n'
        '[audit.severity]\nserapan-recalc = "warning"\n',
        encoding="utf-8",
    )
    rules = ke.load_rules(path)
    case = skm(
        entry(serapan="93,08", pagu="1.418.633.200,00", realisasi_anggaran="1.324.391.015,00")
    )
    assert ke.check(case, rules).findings == ()
    case = skm(entry(serapan="92", pagu="1.418.633.200,00", realisasi_anggaran="1.324.391.015,00"))
    (finding,) = ke.check(case, rules).findings
    assert finding.severity is ke.Severity.WARNING


# ---------------------------------------------------------------- the seed


def test_seed_known_faults(seed_case: ke.Case) -> None:
    report = ke.check(seed_case)
    found = {(f.code, f.indicator or f.budget, f.where, f.field) for f in report.findings}
    assert ("serapan-recalc", "skm", "Tabel 9", "serapan") in found
    assert ("verdict-label", "koperasi-sehat", "Tabel 4", "verdict") in found
    assert ("budget-footing", "belanja", "Tabel 45", "realisasi") in found
    assert ("tie-out", "skm", "Tabel 2", "target") in found
    assert ("capaian-implausible", "nilai-ekspor", "input", "capaian") in found
    assert ("word-for-number", "nilai-ekspor", "Tabel 29", "capaian") in found
    assert ("period-mismatch", "nilai-produksi-industri", "Tabel 37", "year") in found
    serapan = next(f for f in report.findings if f.where == "Tabel 9" and f.field == "serapan")
    assert (serapan.printed, serapan.expected) == ("93,08", "93.36")
    # One root cause, one finding: each (code, place, field) is reported once.
    keys = [(f.code, f.indicator, f.budget, f.where, f.field) for f in report.findings]
    assert len(keys) == len(set(keys))


def corrected(case: ke.Case, rules: ke.RuleSet) -> ke.Case:
    """The case with every printed figure replaced by what the inputs give."""
    report = ke.evaluate(case, rules)
    results = {r.id: r for r in report.indicators}

    def fig(value: Decimal | None, places: int | None = 2) -> ke.PrintedValue | None:
        if value is None:
            return None
        shown = value if places is None else quantize(value, places, "ROUND_HALF_UP")
        return ke.PrintedValue(format(shown, "f"), shown)

    total = max(
        (b for b in case.budget if b.parent is None and "belanja" in b.name.lower()),
        key=lambda b: b.pagu or 0,
        default=None,
    )
    indicators = []
    for ind in case.indicators:
        r = results[ind.id]
        entries = []
        for e in ind.printed:
            if e.year not in (None, case.report.year):
                continue
            pagu = ind.budget.pagu if ind.budget else None
            entries.append(
                ke.PrintedEntry(
                    where=e.where,
                    year=e.year,
                    target=fig(ind.target.value if ind.target else None, None)
                    if e.target
                    else None,
                    realisasi=fig(ind.realisasi, None) if e.realisasi else None,
                    capaian=fig(r.capaian) if e.capaian else None,
                    pagu=fig(pagu, None) if e.pagu else None,
                    realisasi_anggaran=fig(ind.budget.realisasi if ind.budget else None, None)
                    if e.realisasi_anggaran
                    else None,
                    serapan=fig(r.serapan) if e.serapan else None,
                    share=fig(None if pagu is None or total is None else pagu * 100 / total.pagu)
                    if e.share
                    else None,  # type: ignore[operator]
                    progress=fig(r.progress) if e.progress else None,
                    category=r.category if e.category else None,
                    efficiency=r.efficiency if e.efficiency else None,
                    verdict=r.verdict if e.verdict else None,
                )
            )
        indicators.append(attrs.evolve(ind, printed=tuple(entries)))
    children: dict[str, list[ke.BudgetLine]] = {}
    for b in case.budget:
        if b.parent:
            children.setdefault(b.parent, []).append(b)

    def foot(line: ke.BudgetLine) -> ke.BudgetLine:
        kids = [foot(k) for k in children.get(line.id, [])]
        pagu = sum((k.pagu for k in kids), Decimal(0)) if kids else line.pagu  # type: ignore[misc]
        real = sum((k.realisasi for k in kids), Decimal(0)) if kids else line.realisasi  # type: ignore[misc]
        pct = None if not pagu else fig(real * 100 / pagu)  # type: ignore[operator]
        return attrs.evolve(line, pagu=pagu, realisasi=real, printed_percent=pct)

    return attrs.evolve(
        case, indicators=tuple(indicators), budget=tuple(foot(b) for b in case.budget)
    )


def test_corrected_seed_gives_no_error(seed_case: ke.Case, permendagri: ke.RuleSet) -> None:
    fixed = corrected(seed_case, permendagri)
    report = ke.check(fixed, permendagri)
    errors = [f for f in report.findings if f.severity is ke.Severity.ERROR]
    assert errors == []
    assert report.checks_passed > 100


@pytest.mark.parametrize(
    ("printed", "codes_expected"),
    [
        # An integer print has a tolerance of 0.5: 106.846... prints as 107 or 106.
        ("107", []),
        ("106", ["capaian-recalc"]),
        ("106,85", []),
        ("106,84", ["capaian-recalc"]),
    ],
)
def test_capaian_tolerance_follows_the_printed_digits(
    permendagri: ke.RuleSet, printed: str, codes_expected: list[str]
) -> None:
    assert codes(ke.check(skm(entry(capaian=printed), budget=None), permendagri)) == codes_expected


def test_integer_print_at_exactly_half_a_unit(permendagri: ke.RuleSet) -> None:
    # 2.13 / 2 = 106.5 exactly: 106 and 107 are both half a unit away and agree.
    for printed in ("106", "107"):
        assert ke.check(plain(2, "2.13", entry(capaian=printed)), permendagri).findings == ()
    assert codes(ke.check(plain(2, "2.13", entry(capaian="105")), permendagri)) == [
        "capaian-recalc"
    ]


def test_plausibility_edge_at_the_bound(permendagri: ke.RuleSet) -> None:
    at_bound = attrs.evolve(indicator(100, 500), history={2020: Decimal(1)})
    assert ke.check(case_of(at_bound), permendagri).findings == ()
    beyond = attrs.evolve(indicator(100, "500.01"), history={2020: Decimal(1)})
    assert codes(ke.check(case_of(beyond), permendagri)) == ["capaian-implausible"]


def test_footing_to_the_sen_passes_when_exact(permendagri: ke.RuleSet) -> None:
    lines = (
        ke.BudgetLine("p", "P", Decimal("0.03"), Decimal("0.02")),
        ke.BudgetLine("a", "A", Decimal("0.01"), Decimal("0.01"), "p"),
        ke.BudgetLine("b", "B", Decimal("0.02"), Decimal("0.01"), "p"),
    )
    report = ke.check(case_of(budget=lines), permendagri)
    assert report.findings == () and report.checks_passed == 2


def test_every_catalogue_code_is_exercised_by_this_file() -> None:
    text = Path(__file__).read_text(encoding="utf-8")
    missing = [c.code for c in CATALOGUE if f'"{c.code}"' not in text]
    assert missing == []


def test_finding_ids_number_repeats_of_one_place(permendagri: ke.RuleSet) -> None:
    # Three wrong capaian printed in one table: one id, then #2, #3 (counted per id, so a
    # national case's tens of thousands of findings cost no search each).
    case = skm(*(entry("Tabel 3", capaian=f"{n} %") for n in (99, 98, 97)))
    other = skm(entry("Tabel #1", capaian="99 %"), entry("Tabel #1", capaian="98 %"))
    ids = [f.id for f in ke.check(case, permendagri).findings]
    base = "capaian-recalc:skm:Tabel 3:capaian"
    assert ids == [base, f"{base}#2", f"{base}#3"]
    # A place whose name holds a "#" is numbered like any other.
    ids = [f.id for f in ke.check(other, permendagri).findings]
    assert ids == ["capaian-recalc:skm:Tabel #1:capaian", "capaian-recalc:skm:Tabel #1:capaian#2"]
