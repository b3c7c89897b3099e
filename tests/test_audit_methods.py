"""Which formula did the report use (kinerja_engine/audit/methods.py): a printed capaian
that is exactly what another shipped method gives names that method in its finding."""

from __future__ import annotations

from audit_cases import case_of, entry, with_printed
from conftest import indicator

import kinerja_engine as ke
from kinerja_engine.audit.methods import known_methods
from kinerja_engine.io.rulesfile import shipped_rules


def test_the_methods_come_from_the_shipped_rule_sets() -> None:
    shipped = [ke.load_rules(name) for name in shipped_rules()]
    sources = {m.formula.source for m in known_methods(shipped)}
    expected = set()
    for rules in shipped:
        expected |= {f.source for f in rules.capaian.values()}
        expected |= {f.source for f in rules.capaian_range.values()}
        if rules.capaian_alternative is not None:
            expected.add(rules.capaian_alternative.source)
    assert sources == expected
    assert "target / realisasi * 100" in sources


def _message(target: object, realisasi: object, printed: str, direction: str) -> str:
    ind = with_printed(indicator(target, realisasi, direction), entry("Tabel 3", capaian=printed))
    (finding,) = ke.check(case_of(ind)).findings
    assert finding.code == "capaian-recalc"
    return finding.message_en


def test_lower_is_better_printed_as_target_over_realisasi() -> None:
    # 20 cm against a target of 16,82: the rules give (2T - R) / T = 81,09; T / R is 84,10.
    said = _message("16.82", 20, "84,10", "lower_is_better")
    assert "target / realisasi * 100 gives" in said


def test_lower_is_better_printed_as_realisasi_over_target() -> None:
    said = _message(20, "16.82", "84,10", "lower_is_better")
    assert "realisasi / target * 100 gives" in said


def test_a_truncated_figure_names_its_rounding() -> None:
    # 87,0833... rounds half up to 87,08 and truncates to 87,08 too; 2/3 shows it: 66,67
    # rounded, 66,66 truncated.
    said = _message(3, 2, "66,66", "higher_is_better")
    assert "down (truncated)" in said


def test_a_figure_no_method_gives_names_none() -> None:
    said = _message(100, 54, "55,00", "higher_is_better")
    assert "gives (" not in said and "rounded" not in said
