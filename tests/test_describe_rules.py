"""`kinerja rules show`: a rule set described in the reader's language, words from the catalogue."""

from __future__ import annotations

import kinerja_engine as ke
from kinerja_engine.rendering.basic import describe_rules


def test_a_rule_set_is_described_in_either_language() -> None:
    rules = ke.load_rules("permendagri-86-2017")
    en, id_ = describe_rules(rules, "en"), describe_rules(rules, "id")
    assert "categories (compare rounded capaian):" in en and "verdict: 'Tercapai' when" in en
    assert "kategori (capaian dibandingkan setelah dibulatkan):" in id_
    assert "predikat: 'Tercapai' bila capaian >= 100" in id_
    # The rule set's own text (formulas, labels) is the same in both.
    assert "realisasi_anggaran / pagu * 100" in en and "realisasi_anggaran / pagu * 100" in id_
    # A band's bounds are in the reader's notation (";" between them where "," is decimal).
    assert "  Sangat Tinggi    [91, +inf)" in en and "  Sangat Tinggi    [91; +inf)" in id_
    assert ke.render(rules, lang="id") == id_


def test_the_cli_passes_its_language(capsys) -> None:  # type: ignore[no-untyped-def]
    from kinerja_engine.cli import main

    assert main(["rules", "show", "permendagri-86-2017", "--lang", "en"]) == 0
    assert "flags:" in capsys.readouterr().out
    assert main(["rules", "show", "permendagri-86-2017"]) == 0
    assert "penanda:" in capsys.readouterr().out
