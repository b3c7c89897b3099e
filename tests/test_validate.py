"""Rule-set validation: bands without gaps or overlaps at the compared precision; formulas."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import write

import kinerja_engine as ke
from kinerja_engine.errors import RuleSetError, SchemaError

BASE = 'extends = "permendagri-86-2017"\nname = "t"\n'


def bands(*rows: str, compare: str = "rounded") -> str:
    text = BASE + f'[categories]\ncompare = "{compare}"\n[categories.bands]\ninherit = false\n'
    for row in rows:
        label, body = row.split(":", 1)
        text += f'[categories.bands."{label}"]\n' + body.replace(";", "\n") + "\n"
    return text


def test_shipped_rule_sets_load() -> None:
    from kinerja_engine.io.loading import shipped_rules

    names = set(shipped_rules())
    assert names == {
        "permendagri-86-2017",
        "kepmendagri-690-1996",
        "pmk-214-2017",
        "skala-sangat-baik",
        "permenpan-rb-88-2021",
        "skala-enam",
    }
    top = {"skala-sangat-baik": "Sangat Baik", "permenpan-rb-88-2021": "AA"}
    top["skala-enam"] = "Sangat Memuaskan"
    for name in names:
        rules = ke.load_rules(name)
        assert rules.name == name
        assert rules.categories.labels[-1] == top.get(name, "Sangat Tinggi")


def test_gap_between_bands_is_refused_with_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, "gap.toml", bands("Hi:lower = 91", "Lo:upper = 90"))
    with pytest.raises(RuleSetError) as info:
        ke.load_rules(path)
    err = info.value
    assert err.file == str(path)
    assert err.key == "categories.bands.Lo"  # the band whose upper edge leaves the gap
    assert "gap" in err.message and "90" in err.message
    assert err.line is not None


def test_overlap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "ov.toml", bands("Hi:lower = 90", "Lo:upper = 91"))
    with pytest.raises(RuleSetError, match="overlap"):
        ke.load_rules(path)


def test_closed_bands_touching_at_one_point_overlap(tmp_path: Path) -> None:
    path = write(
        tmp_path, "pt.toml", bands("Hi:lower = 90", "Lo:upper = 90;upper_inclusive = true")
    )
    with pytest.raises(RuleSetError, match="overlap: 90 falls in both"):
        ke.load_rules(path)


def test_printed_style_bands_gapless_when_rounded_but_not_when_exact(tmp_path: Path) -> None:
    # "Tinggi 76-90.99, Sangat Tinggi >= 91": fine at two places, a gap (90.995) when exact.
    rows = ("ST:lower = 91", "T:lower = 76;upper = 90.99;upper_inclusive = true", "R:upper = 76")
    rules = ke.load_rules(write(tmp_path, "r.toml", bands(*rows)))
    assert rules.categories.labels == ("R", "T", "ST")
    with pytest.raises(RuleSetError, match=r"gap .*90\.995"):
        ke.load_rules(write(tmp_path, "e.toml", bands(*rows, compare="exact")))


def test_every_value_falls_in_exactly_one_permendagri_band(permendagri: ke.RuleSet) -> None:
    for text in ("-5", "0", "50.99", "51", "65.99", "66", "75.99", "76", "90.99", "91", "1e6"):
        value = Decimal(text)
        hits = [b.label for b in permendagri.categories.bands if b.contains(value)]
        assert len(hits) == 1
        assert permendagri.categories.bands[permendagri.categories.rank(value)].label == hits[0]  # type: ignore[index]


def test_domain_must_be_covered(tmp_path: Path) -> None:
    text = bands("A:lower = 0;upper = 50", "B:lower = 50;upper = 100").replace(
        "[categories.bands]\ninherit = false",
        "domain = [0, 150]\n[categories.bands]\ninherit = false",
    )
    with pytest.raises(RuleSetError, match="gap"):
        ke.load_rules(write(tmp_path, "d.toml", text))
    ok = text.replace("domain = [0, 150]", "domain = [0, 100]")
    # [0, 100] still leaves 100 itself out ([50, 100) is open): refused.
    with pytest.raises(RuleSetError, match="100"):
        ke.load_rules(write(tmp_path, "d2.toml", ok))
    fine = ok.replace("upper = 100", "upper = 100\nupper_inclusive = true")
    assert ke.load_rules(write(tmp_path, "d3.toml", fine)).categories.rank(Decimal(100)) == 1


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ('[capaian]\nhigher_is_better = "realisasi / taget * 100"\n', "unknown name 'taget'"),
        ('[capaian]\nhigher_is_better = "realisasi / (target * 100"\n', r"\)"),
        ('[verdict]\nachieved_when = "capaian + 1"\n', "condition"),
        (
            '[flags.x]\nwhen = "capaian > 1"\nmessage_id = "{capaiann}"\nmessage_en = "x"\n',
            "capaiann",
        ),
        ('[audit.severity]\ncapaian-recal = "info"\n', "unknown check"),
        ("[display]\nplaces = 40\n", "places"),
        ("[capaian]\ncap = 50\nfloor = 100\n", "cap"),
    ],
)
def test_bad_rules_are_refused_at_load(tmp_path: Path, body: str, match: str) -> None:
    with pytest.raises(ke.KinerjaError, match=match) as info:
        ke.load_rules(write(tmp_path, "bad.toml", BASE + body))
    assert info.value.file == str(tmp_path / "bad.toml")
    assert info.value.key


def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as info:
        ke.load_rules(write(tmp_path, "typo.toml", BASE + "[capaian]\ncapp = 100\n"))
    assert info.value.key == "capaian.capp"
    assert info.value.hint == "did you mean 'cap'?"
    assert info.value.line == 4


def test_extends_cycle_and_unknown_base(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", 'extends = "b.toml"\nname = "a"\n')
    write(tmp_path, "b.toml", 'extends = "a.toml"\nname = "b"\n')
    with pytest.raises(RuleSetError, match="cycle"):
        ke.load_rules(tmp_path / "a.toml")
    write(tmp_path, "self.toml", 'extends = "self.toml"\nname = "s"\n')
    with pytest.raises(RuleSetError, match="extends itself"):
        ke.load_rules(tmp_path / "self.toml")
    write(tmp_path, "c.toml", 'extends = "permendagri-86-2071"\nname = "c"\n')
    with pytest.raises(RuleSetError, match="did you mean 'permendagri-86-2017'"):
        ke.load_rules(tmp_path / "c.toml")


def test_unknown_rule_set_name() -> None:
    with pytest.raises(RuleSetError, match="unknown rule set 'nope'"):
        ke.load_rules("nope")


def test_counts_and_the_figure_they_give_agree() -> None:
    """Issue 16: a program that builds an indicator with counts applies with_counts."""
    from decimal import Decimal

    import attrs

    import kinerja_engine as ke
    from kinerja_engine.domain.model import (
        Count,
        Direction,
        Indicator,
        ReportInfo,
        Target,
        with_counts,
    )
    from kinerja_engine.errors import CaseError
    from kinerja_engine.rulesets.compile import validate_case

    ind = Indicator(
        id="a",
        name="A",
        unit="%",
        direction=Direction.HIGHER_IS_BETTER,
        target=Target.point(Decimal(100)),
        realisasi=Decimal(98),
        realisasi_count=Count(Decimal(62), Decimal(63)),
    )
    case = ke.Case(format="kinerja-case/1", report=ReportInfo(agency="X", year=2021))
    with pytest.raises(CaseError) as caught:
        validate_case(attrs.evolve(case, indicators=(ind,)))
    assert caught.value.key == "indicator[0].realisasi_count"
    validate_case(attrs.evolve(case, indicators=(with_counts(ind),)))
    with pytest.raises(CaseError):
        zero = attrs.evolve(ind, realisasi_count=Count(Decimal(1), Decimal(0)))
        validate_case(attrs.evolve(case, indicators=(zero,)))
