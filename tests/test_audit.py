"""The audit as a whole: the catalogue, the seed case, severities and ids.

Each family of checks has its own file (tests/test_audit_<family>.py, mirroring
kinerja_engine/audit/<family>.py): each check trips on a minimal case, passes on a good
one, and holds at its edge.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
from audit_cases import entry, skm

import kinerja_engine as ke
from kinerja_engine.audit.review import CATALOGUE
from kinerja_engine.domain.model import BudgetLine, PrintedEntry, PrintedValue
from kinerja_engine.evaluation.indicator import quantize
from kinerja_engine.messages import CATALOGUE as MESSAGES


def test_catalogue_codes_are_unique_and_documented() -> None:
    assert len({c.code for c in CATALOGUE}) == len(CATALOGUE)
    assert all(
        c.description and c.description_id and c.severity in ("error", "warning", "info")
        for c in CATALOGUE
    )


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


def test_each_check_describes_itself_from_the_message_catalogue() -> None:
    for c in CATALOGUE:
        assert (c.description_id, c.description) == MESSAGES[f"check.{c.code}"]
    recalc = next(c for c in CATALOGUE if c.code == "capaian-recalc")
    assert recalc.tolerance == MESSAGES["check.tolerance.half-unit"][1]


def test_a_finding_carries_its_message_id_and_fields(seed_case: ke.Case) -> None:
    findings = ke.check(seed_case).findings
    assert {f.code for f in findings} >= {"serapan-recalc", "tie-out", "capaian-implausible"}
    for f in findings:
        assert f.message is not None and f.message.id.startswith("finding."), f.code
        assert (f.message.render("en"), f.message.render("id")) == (f.message_en, f.message_id)


def test_a_finding_is_worded_by_the_catalogue(seed_case: ke.Case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(
        MESSAGES,  # type: ignore[arg-type]
        "finding.recalc",
        ("{field} di {where}: {shown}{hint}", "{field} at {where}: {shown}{hint}"),
    )
    serapan = next(
        f
        for f in ke.check(seed_case).findings
        if (f.code, f.where, f.field) == ("serapan-recalc", "Tabel 9", "serapan")
    )
    assert (serapan.message_en, serapan.message_id) == (
        "serapan at Tabel 9: 93.36",
        "serapan di Tabel 9: 93,36",
    )


def test_a_field_is_named_by_its_label_in_either_language(permendagri: ke.RuleSet) -> None:
    (finding,) = ke.check(skm(entry(share="120,00")), permendagri).findings
    assert finding.message is not None and finding.message.id == "finding.percent-over-100"
    assert finding.message_en == "Tabel 9 prints budget share '120,00', above 100 %"
    assert finding.message_id == "Tabel 9 mencetak porsi anggaran '120,00', di atas 100 %"
    assert finding.expected == MESSAGES["finding.expected.at-most-100"][1]


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
    serapan = next(
        f
        for f in report.findings
        if (f.code, f.where, f.field) == ("serapan-recalc", "Tabel 9", "serapan")
    )
    assert (serapan.printed, serapan.expected) == ("93,08", "93.36")
    # One root cause, one finding: each (code, place, field) is reported once.
    keys = [(f.code, f.indicator, f.budget, f.where, f.field) for f in report.findings]
    assert len(keys) == len(set(keys))


def corrected(case: ke.Case, rules: ke.RuleSet) -> ke.Case:
    """The case with every printed figure replaced by what the inputs give."""
    report = ke.evaluate(case, rules)
    results = {r.id: r for r in report.indicators}

    def fig(value: Decimal | None, places: int | None = 2) -> PrintedValue | None:
        if value is None:
            return None
        shown = value if places is None else quantize(value, places, "ROUND_HALF_UP")
        return PrintedValue(format(shown, "f"), shown)

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
                PrintedEntry(
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
    children: dict[str, list[BudgetLine]] = {}
    for b in case.budget:
        if b.parent:
            children.setdefault(b.parent, []).append(b)

    def foot(line: BudgetLine) -> BudgetLine:
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


def test_every_catalogue_code_is_exercised_by_the_audit_tests() -> None:
    files = sorted(Path(__file__).parent.glob("test_audit_*.py"))
    assert len(files) >= 7  # one per family of checks
    text = "\n".join(f.read_text(encoding="utf-8") for f in [Path(__file__), *files])
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
