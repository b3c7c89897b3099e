"""How a printed field, a place and a cited figure read in the reader's language.

One place for the audit's messages and the renderers' findings, so that a message and a
findings table name a field alike (``realisasi anggaran``, never the case format's key
``realisasi_anggaran``) and cite an engine-made figure in the reader's notation
(``116,25`` in Indonesian, where ``116.25`` would read as a hundred and sixteen thousand).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from kinerja_engine.domain.results import Status
from kinerja_engine.messages import text
from kinerja_engine.numbers import format_number

__all__ = [
    "FIELD_IDS",
    "STATUS_IDS",
    "Cites",
    "Field",
    "Listing",
    "engine_number",
    "field_label",
    "where_label",
]

# A field key of the case format (or a finding's field) -> the id of its label.
FIELD_IDS = {
    "target": "field.target",
    "realisasi": "field.realisasi",
    "capaian": "field.capaian",
    "pagu": "field.pagu",
    "realisasi_anggaran": "field.realisasi-anggaran",
    "serapan": "field.serapan",
    "share": "field.share",
    "progress": "field.progress",
    "printed_percent": "field.printed-percent",
    "renstra_target": "field.renstra-target",
    "total pagu": "field.total-pagu",
    "verdict": "field.verdict",
    "efficiency": "field.efficiency",
    "category": "field.category",
    "year": "field.year",
}
# An indicator's status as a reader says it (ids spelled out, so each is found in the source).
STATUS_IDS = {
    Status.COMPUTED: "table.status.computed",
    Status.MISSING: "table.status.missing",
    Status.NOT_COMPUTABLE: "table.status.not-computable",
}
# The places the audit names in English in its data ("input": the case's own figure).
_WHERE_IDS = {"input": "where.input", "input (history)": "where.history"}

# Engine-made figures are plain English decimals ("93.36", "1418633200"); a text that is a
# valid Indonesian thousands grouping ("1.418") is a figure as printed, never re-read.
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_ID_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def field_label(field: str, lang: str) -> str:
    """``realisasi_anggaran`` -> ``realisasi anggaran``; ``realisasi 2020`` -> ``realisasi
    tahun 2020``; a field with no label (a budget line's own) as it is."""
    ident = FIELD_IDS.get(field)
    if ident is not None:
        return text(ident, lang)
    name, _, year = field.rpartition(" ")
    if year.isdigit() and name in FIELD_IDS:
        return text("field.with-year", lang, field=text(FIELD_IDS[name], lang), year=year)
    return field


def where_label(where: str, lang: str) -> str:
    ident = _WHERE_IDS.get(where)
    return where if ident is None else text(ident, lang)


def engine_number(value: str, lang: str) -> str:
    """A figure the engine wrote, in the reader's notation with the places it was written
    with (``83.50`` -> ``83,50``); any other text as it is."""
    if _PLAIN.match(value) and not _ID_GROUPED.match(value):
        point = value.find(".")
        places = 0 if point < 0 else len(value) - point - 1
        return format_number(Decimal(value), places, notation=lang, group=True)
    return value


class Field(NamedTuple):
    """A field key as a message field: its label in the reader's language."""

    name: str

    def render(self, lang: str) -> str:
        return field_label(self.name, lang)


class Cites(NamedTuple):
    """Inputs of a recomputation, ``(name, value, where)``, as a message field."""

    items: tuple[tuple[str, str, str], ...]

    def render(self, lang: str) -> str:
        return ", ".join(
            _cited("finding.cited", lang, value, where, name=field_label(name, lang))
            for name, value, where in self.items
        )


class Listing(NamedTuple):
    """Places and the value each prints, ``(where, value)``, as a message field."""

    items: tuple[tuple[str, str], ...]

    def render(self, lang: str) -> str:
        return "; ".join(
            _cited("finding.listed", lang, value, where) for where, value in self.items
        )


def _cited(message_id: str, lang: str, value: str, where: str, **fields: str) -> str:
    """A value and its place as ``message_id`` says them, each in the reader's words."""
    return text(
        message_id,
        lang,
        value=engine_number(value, lang),
        where=where_label(where, lang),
        **fields,
    )
