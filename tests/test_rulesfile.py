"""io/rulesfile.py: a rule set's title in each language (issue 15)."""

from __future__ import annotations

from pathlib import Path

from conftest import write

import kinerja_engine as ke
from kinerja_engine.rendering.basic import describe_rules


def test_every_shipped_rule_set_has_its_title_in_both_languages() -> None:
    for name in ke.rule_sets():
        rules = ke.load_rules(name)
        assert rules.title_id and rules.title_en and rules.title_id != rules.title_en
        assert rules.title_in("id") == rules.title_id
        assert rules.title_in("en") == rules.title_en


def test_a_title_in_each_language_is_not_part_of_the_method(tmp_path: Path) -> None:
    plain = write(tmp_path, "a.toml", 'extends = "permendagri-86-2017"\nname = "a"\ntitle = "A"\n')
    worded = write(
        tmp_path,
        "b.toml",
        'extends = "permendagri-86-2017"\nname = "a"\ntitle = "A"\n'
        'title_id = "Metode A"\ntitle_en = "Method A"\n',
    )
    without, with_ = ke.load_rules(plain), ke.load_rules(worded)
    assert without.version == with_.version  # words about the method, not the method
    assert (with_.title_in("id"), with_.title_in("en")) == ("Metode A", "Method A")
    # A rules file with only ``title`` (every file before) shows it in both languages.
    assert without.title_in("id") == without.title_in("en") == "A"
    assert describe_rules(with_, "id").splitlines()[1] == "Metode A"


def test_an_extending_file_does_not_take_its_base_title_as_its_own(tmp_path: Path) -> None:
    child = write(tmp_path, "c.toml", 'extends = "permendagri-86-2017"\nname = "c"\n')
    rules = ke.load_rules(child)
    assert rules.title.startswith("extends permendagri-86-2017")
    assert rules.title_in("id") == rules.title_in("en") == rules.title
