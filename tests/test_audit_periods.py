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
