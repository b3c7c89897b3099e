"""The audit's heading years against the report's year."""

from __future__ import annotations

from audit_cases import codes, entry, skm

import kinerja_engine as ke


def test_period_mismatch(permendagri: ke.RuleSet) -> None:
    wrong = skm(entry("Tabel 37", year=2020, target="81,5"), entry("Tabel 37", realisasi="87,08"))
    assert codes(ke.check(wrong, permendagri)) == ["period-mismatch"]
    future = skm(entry("Tabel 5", year=2022, realisasi="87,08"))
    assert codes(ke.check(future, permendagri)) == ["period-mismatch"]
    fine = skm(entry("Tabel 6", year=2020, realisasi="1"), entry("Tabel 6", realisasi="87,08"))
    assert ke.check(fine, permendagri).findings == ()


# ---- issue 16 (model): earlier years audited as this year's


def test_past_year_rows_are_audited_against_that_years_figures(
    permendagri: ke.RuleSet,
) -> None:
    from decimal import Decimal

    import attrs
    from audit_cases import case_of
    from conftest import indicator

    from kinerja_engine.domain.model import Indicator, PrintedEntry, Target

    ind = attrs.evolve(
        indicator(95, 99),
        history={2020: Decimal("97.5"), 2019: Decimal(90)},
        history_target={2020: Target.point(Decimal(95)), 2019: Target.point(Decimal(100))},
    )

    def with_printed(ind: Indicator, *entries: PrintedEntry) -> Indicator:
        return attrs.evolve(ind, printed=entries)

    right = with_printed(
        ind,
        entry("Tabel 3.2", year=2020, target="95", realisasi="97,5", capaian="102,63"),
        # Two years back: no period mismatch when the case gives that year's figures.
        entry(
            "Tabel 3.3", year=2019, target="100", realisasi="90", capaian="90", category="Tinggi"
        ),
    )
    assert ke.check(case_of(right), permendagri).findings == ()
    # The capaian of 2020 without the 2020 target printed beside it: recomputed from the
    # case's target of that year, not this year's.
    alone = with_printed(ind, entry("Tabel 3.2", year=2020, capaian="102,63"))
    assert ke.check(case_of(alone), permendagri).findings == ()
    wrong = with_printed(
        ind,
        entry("Tabel 3.2", year=2020, capaian="104,21"),
        entry("Tabel 3.3", year=2019, target="95", category="Sedang"),
    )
    found = [(f.code, f.where, f.field) for f in ke.check(case_of(wrong), permendagri).findings]
    assert found == [
        ("tie-out", "Tabel 3.3", "target 2019"),
        ("capaian-recalc", "Tabel 3.2", "capaian"),
        ("category-label", "Tabel 3.3", "category"),
    ]
