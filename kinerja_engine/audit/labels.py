"""Printed labels (category, verdict, efficiency) held against the figures they name.

A label follows the capaian printed beside it, else the capaian recomputed from the
entry's inputs. A label is read as people print it: in any case and spacing, with a
parenthesised abbreviation ("Sangat Tinggi (ST)"), in a spelling the rule set declares
(``[labels]``: a report's own scale), and a verdict as a sentence ("belum mencapai
target"). A label that contradicts the figure is its field's error; one that cannot be
read at all is reported as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal

import attrs

from kinerja_engine.audit._common import Audit, Broken, figure
from kinerja_engine.domain.model import Indicator, PrintedEntry, Target
from kinerja_engine.domain.wording import Cites, Field
from kinerja_engine.evaluation.indicator import (
    capaian_of,
    category_of,
    efficiency_of,
    quantize,
    serapan_of,
    verdict_of,
)
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure
from kinerja_engine.rulesets.ruleset import RuleSet, normal_label, plain_label

__all__ = ["Vocabulary", "labels", "vocabulary"]


@attrs.frozen
class Vocabulary:
    """The labels a rule set uses, per field: the labels themselves (as a finding lists
    them) and every spelling it accepts, normalised, to the label it means."""

    category: tuple[tuple[str, ...], Mapping[str, str]]
    verdict: tuple[tuple[str, ...], Mapping[str, str]]
    efficiency: tuple[tuple[str, ...], Mapping[str, str]]
    # ---- issue 19 (evidence): the words a verdict written as a sentence turns on.
    achieved_words: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()
    verdicts: tuple[str, str] = ("", "")


def vocabulary(rules: RuleSet) -> Vocabulary:
    spellings = rules.labels.spellings
    verdicts = (rules.verdict_achieved, rules.verdict_not_achieved)

    def known(field: str, words: tuple[str, ...]) -> tuple[tuple[str, ...], Mapping[str, str]]:
        accepted = spellings.get(field) or {plain_label(v): v for v in words}
        return words, accepted

    return Vocabulary(
        category=known("category", tuple(b.label for b in rules.categories.bands)),
        verdict=known("verdict", verdicts),
        efficiency=known("efficiency", tuple(b.label for b in rules.efficiency_bands.bands)),
        # A one-word spelling of the achieved verdict ("Berhasil") is an achievement word
        # of a sentence too ("belum berhasil").
        achieved_words=rules.labels.achieved_words
        | {
            word
            for word, label in spellings.get("verdict", {}).items()
            if label == verdicts[0] and " " not in word
        },
        negation_words=rules.labels.negation_words,
        verdicts=verdicts,
    )


_WORD = re.compile(r"[^\W\d_]+")


def _sentence_verdict(printed: str, words: Vocabulary) -> str | None:
    """A verdict written as a sentence ("belum mencapai target", "telah melampaui target"):
    achieved when it says an achievement word, not achieved when a negation goes with it;
    None when it says neither."""
    said = set(_WORD.findall(printed.lower()))
    if not said & words.achieved_words:
        return None
    return words.verdicts[1] if said & words.negation_words else words.verdicts[0]


def labels(
    a: Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    broken: Broken,
    words: Vocabulary,
) -> None:
    if entry.category is None and entry.verdict is None and entry.efficiency is None:
        return
    rules = a.rules
    capaian, basis = _capaian_basis(a, ind, entry, n, broken)
    if entry.category is not None:
        derived = None if capaian is None else category_of(rules, capaian)
        _label(
            a,
            ind,
            entry,
            "category",
            entry.category,
            words.category,
            derived,
            "category-label",
            basis,
            words,
        )
    if entry.verdict is not None:
        derived = None if capaian is None else verdict_of(rules, capaian)
        _label(
            a,
            ind,
            entry,
            "verdict",
            entry.verdict,
            words.verdict,
            derived,
            "verdict-label",
            basis,
            words,
        )
    if entry.efficiency is None:
        return
    serapan: Decimal | None = None
    serapan_basis: Message | None = None
    if (pv := entry.serapan) is not None and pv.value is not None and (n, "serapan") not in broken:
        serapan = pv.value
        serapan_basis = msg("finding.basis.serapan", text=pv.text, where=entry.where)
    elif ind.budget and ind.budget.pagu and ind.budget.realisasi is not None:
        serapan = serapan_of(rules, ind.budget.pagu, ind.budget.realisasi)
        serapan_basis = msg("finding.basis.serapan-case")
    # An efficiency method over the amounts (PMK 214/2017's E) needs them too: the table's
    # own where it prints them, else the case's.
    amounts = []
    for field, own in (("pagu", "pagu"), ("realisasi_anggaran", "realisasi")):
        pv = getattr(entry, field)
        if pv is not None and pv.value is not None and (n, field) not in broken:
            amounts.append(pv.value)
        else:
            amounts.append(getattr(ind.budget, own) if ind.budget else None)
    derived = (
        None
        if capaian is None or serapan is None
        else efficiency_of(rules, capaian, serapan, *amounts)
    )

    def why() -> Message:
        if serapan is None or serapan_basis is None:
            return basis()
        return msg("finding.basis.both", capaian=basis(), serapan=serapan_basis)

    _label(
        a,
        ind,
        entry,
        "efficiency",
        entry.efficiency,
        words.efficiency,
        derived,
        "efficiency-label",
        why,
        words,
    )


def _label(
    a: Audit,
    ind: Indicator,
    entry: PrintedEntry,
    field: str,
    printed: str,
    words: tuple[tuple[str, ...], Mapping[str, str]],
    derived: str | None,
    code: str,
    why: Callable[[], Message],
    sentences: Vocabulary,
) -> None:
    vocabulary, known = words
    spelled = known.get(plain_label(printed)) or known.get(normal_label(printed))
    if spelled is None and field == "verdict":
        spelled = _sentence_verdict(printed, sentences)
    if spelled is None:
        a.add(
            "label-unknown",
            msg(
                "finding.label-unknown",
                where=entry.where,
                field=Field(field),
                printed=printed,
                words=", ".join(vocabulary),
            ),
            indicator=ind.id,
            where=entry.where,
            field=field,
            printed=printed,
            expected=" / ".join(vocabulary),
        )
        return
    if derived is None:
        return
    if spelled == derived:
        a.passed += 1
        return
    a.add(
        code,
        msg(
            "finding.label-mismatch",
            where=entry.where,
            field=Field(field),
            printed=printed,
            why=why(),
            derived=derived,
        ),
        indicator=ind.id,
        where=entry.where,
        field=field,
        printed=printed,
        expected=derived,
    )


def _capaian_basis(
    a: Audit, ind: Indicator, entry: PrintedEntry, n: int, broken: Broken
) -> tuple[Decimal | None, Callable[[], Message]]:
    """The capaian a printed label should follow (printed beside it, else recomputed),
    and how a message names it."""
    pv = entry.capaian
    if pv is not None and pv.value is not None and (n, "capaian") not in broken:
        return pv.value, lambda: msg("finding.basis.capaian", text=pv.text, where=entry.where)
    target_in = ind.target.value if ind.target else None
    t, _ = figure(entry, n, "target", target_in, broken, {})
    r, _ = figure(entry, n, "realisasi", ind.realisasi, broken, {})
    if t is None or r is None:
        return None, _unused
    rules = a.rules
    value = capaian_of(rules, ind.direction, Target.point(t.value), r.value)
    if value is None:
        return None, _unused

    def basis() -> Message:
        assert value is not None and t is not None and r is not None
        shown = Figure(quantize(value, rules.places, rules.rounding), rules.places)
        cited = Cites((r.cite, t.cite))
        return msg("finding.basis.capaian-computed", shown=shown, cited=cited)

    return value, basis


def _unused() -> Message:
    """The basis of a label with no capaian to follow: never asked for, since such a
    label raises no finding."""
    raise AssertionError
