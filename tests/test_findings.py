"""rendering/findings.py: a finding read once, in the reader's language."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from audit_cases import entry, skm

import kinerja_engine as ke
from kinerja_engine.domain.results import Finding, Severity
from kinerja_engine.messages import CATALOGUE, msg, template
from kinerja_engine.rendering.findings import (
    SUMMARY_FROM,
    expected_text,
    finding_line,
    legend,
    reason_message,
    sentence,
    severity_word,
    skipped_text,
    summarise,
    trace_text,
)


def _info(subject: str, year: int = 2020) -> Finding:
    return Finding(
        code="comparison-missing",
        severity=Severity.INFO,
        message_en="",
        message_id="",
        indicator=subject,
        field=f"realisasi {year}",
        expected=f"the realisasi of {year}",
        message=msg("finding.comparison-missing", indicator=subject, year=year),
    )


@pytest.mark.parametrize(
    ("expected", "lang", "shown"),
    [
        ("116.25", "id", "116,25"),
        ("15534484352.61", "id", "15.534.484.352,61"),
        ("100.00", "id", "100,00"),
        ("15534484352.61", "en", "15,534,484,352.61"),
        ("1.418", "id", "1.418"),  # Indonesian grouping as printed, never re-read
        ("a number", "id", "angka"),
        ("not defined (-)", "id", "tidak terdefinisi (-)"),
        ("0 to 500", "id", "0 sampai 500"),
        ("the realisasi of 2020", "id", "realisasi 2020"),
        ("Tidak Efisien / Efisien", "en", "Tidak Efisien / Efisien"),
    ],
)
def test_expected_reads_in_the_reader_words_and_notation(
    expected: str, lang: str, shown: str
) -> None:
    assert expected_text(expected, lang) == shown


def test_a_year_is_never_grouped() -> None:
    assert expected_text("2021", "id", "year") == "2021"


def test_one_line_says_each_value_once(permendagri: ke.RuleSet) -> None:
    """Tabel 9 prints a serapan of 93,08 where its own amounts give 93,36."""
    case = skm(entry(serapan="93,08", pagu="1.418.633.200,00", realisasi_anggaran="1.324.391.015"))
    (finding,) = [f for f in ke.check(case, permendagri).findings if f.code == "serapan-recalc"]
    line = finding_line(finding, "id")
    assert line.startswith("kesalahan  serapan-recalc  Tabel 9  serapan: tercetak 93,08")
    assert "seharusnya 93,36, selisih -0,28" in line
    assert "dihitung dari realisasi anggaran 1.324.391.015 (Tabel 9)" in line
    for value in ("93,08", "93,36", "1.324.391.015"):
        assert line.count(value) == 1, value
    assert "realisasi_anggaran" not in line
    english = finding_line(finding, "en")
    assert "printed 93,08, expected 93.36, difference -0.28" in english
    assert "recomputed from budget realisasi" in english


def test_a_finding_without_its_own_short_sentence_says_what_its_check_means() -> None:
    f = _info("a")
    assert sentence(f, "id") == "tidak ada realisasi tahun sebelumnya sebagai pembanding"


def test_infos_alike_are_said_once_with_every_subject() -> None:
    many = [_info(f"iku-{n}") for n in range(SUMMARY_FROM + 2)]
    odd = _info("lain", year=2019)
    kept, said = summarise([*many, odd], "id", lambda f: (f.indicator or "").upper())
    assert kept == [odd]
    assert said == [
        "tidak ada realisasi tahun sebelumnya sebagai pembanding: 5 indikator"
        " (IKU-0; IKU-1; IKU-2; IKU-3; IKU-4)"
    ]


def test_a_few_infos_stay_one_by_one() -> None:
    few = [_info(f"iku-{n}") for n in range(SUMMARY_FROM - 1)]
    assert summarise(few, "id", str) == (few, [])


def test_a_warning_is_never_summarised() -> None:
    warnings = [
        Finding(code="realisasi-missing", severity=Severity.WARNING, message_en="", message_id="")
        for _ in range(SUMMARY_FROM + 1)
    ]
    assert summarise(warnings, "en", str)[1] == []


def test_the_legend_names_each_code_used_once_in_the_catalogue_order() -> None:
    used = [_info("a"), _info("b")]
    assert legend(used, "en") == [
        ("comparison-missing", "no realisasi of the previous year to compare with")
    ]


def test_one_word_per_severity() -> None:
    assert [severity_word(s, "id") for s in Severity] == ["kesalahan", "peringatan", "info"]
    assert [severity_word(s, "en") for s in Severity] == ["error", "warning", "info"]


def test_reason_and_skipped_check_are_read_back_from_their_english() -> None:
    found = reason_message("the target 0 is not above zero, so capaian is undefined")
    assert found is not None and found.id == "reason.target-not-positive"
    assert found.render("id") == "target 0 tidak di atas nol, capaian tidak terdefinisi"
    assert reason_message("something else") is None
    assert skipped_text("capaian-recalc at Tabel 10 (skm)", "id") == (
        "capaian-recalc pada Tabel 10 (skm)"
    )


def test_a_trace_step_in_indonesian() -> None:
    assert trace_text("category: 100.01 in 'Sangat Tinggi' [91, +inf)", "id") == (
        "kategori: 100,01 di 'Sangat Tinggi' [91; +inf)"
    )
    assert trace_text("verdict: capaian >= 100 is True -> Tercapai", "id") == (
        "keterangan: capaian >= 100 bernilai benar -> Tercapai"
    )
    step = "capaian = realisasi / target * 100 = 87.08 / 87.07 * 100 = 100.01"
    assert trace_text(step, "en") == step
    assert trace_text(step, "id").endswith("= 87,08 / 87,07 * 100 = 100,01")


def test_a_difference_is_in_the_reader_notation() -> None:
    f = Finding(
        code="budget-footing",
        severity=Severity.ERROR,
        message_en="",
        message_id="",
        budget="belanja",
        field="realisasi",
        printed="15534464918.61",
        expected="15534484352.61",
        difference=Decimal("-19434"),
    )
    assert "tercetak 15.534.464.918,61, seharusnya 15.534.484.352,61, selisih -19.434" in (
        finding_line(f, "id")
    )


@pytest.mark.parametrize(
    "ident", sorted(k for k in CATALOGUE if k.startswith("reason.")), ids=lambda k: k
)
def test_every_reason_is_found_again_from_its_english(ident: str) -> None:
    """The JSON's reason_id is read back from the English reason: every reason of the
    catalogue, those of the roll-ups of the performance tree too."""
    fields = dict.fromkeys(re.findall(r"\{(\w+)", template(ident, "en")), "x")
    found = reason_message(msg(ident, **fields).render("en"))
    assert found is not None and found.id == ident


def test_a_negative_capaian_expects_zero_or_more_in_the_readers_words() -> None:
    """capaian-negative's ``expected`` is the audit's English: shown in Indonesian."""
    shown = expected_text(template("expected.rules.zero-or-more", "en"), "id")
    assert shown == template("expected.rules.zero-or-more", "id")
