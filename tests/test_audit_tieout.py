"""The audit's tie-out: one quantity printed with one value everywhere."""

from __future__ import annotations

from decimal import Decimal

from audit_cases import case_of, codes, entry, skm, with_printed
from conftest import indicator

import kinerja_engine as ke


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
