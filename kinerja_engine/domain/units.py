"""Units as reports print them beside a figure, compared with an indicator's unit.

A rate is a count per a base: ``%`` per 100, ``‰`` per 1.000, ``per 100.000 KH`` per
100.000 live births. Two rates convert into each other exactly (0,16 % is 160 per
100.000), so a figure printed in another rate than its indicator's is read in the
indicator's unit; any other unit is a word, compared by its spelling.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from kinerja_engine.errors import NumberError
from kinerja_engine.numbers import parse_number

__all__ = ["rate_base", "same_unit"]

# Unit words that name a base on their own, matched lower-cased. Words read from
# reports, never said to anyone.
_BASES = {
    "%": Decimal(100),
    "persen": Decimal(100),
    "percent": Decimal(100),
    "‰": Decimal(1000),
    "permil": Decimal(1000),
    "per mil": Decimal(1000),
    "per seribu": Decimal(1000),
}
# "per 100.000 KH", "/1.000 kelahiran hidup", "per 100 ribu penduduk".
_PER = re.compile(r"(?:per\s*|/\s*)(?P<base>[0-9][0-9.,\s]*(?:ribu|juta)?)(?:\s.*)?", re.I)


@functools.cache
def rate_base(unit: str) -> Decimal | None:
    """The base of a rate unit (100 for ``%``, 100000 for ``per 100.000 KH``); None for
    a unit that is no rate."""
    word = " ".join(unit.lower().split())
    if word in _BASES:
        return _BASES[word]
    match = _PER.fullmatch(word)
    if match is None:
        return None
    try:
        parsed = parse_number(match["base"].strip())
    except NumberError:
        return None
    if parsed is None or parsed.value <= 0:
        return None
    return parsed.value


def _spelling(unit: str) -> str:
    return " ".join(unit.lower().replace(".", " ").split())


def same_unit(printed: str, unit: str) -> bool:
    """Whether a printed unit is the indicator's, written the same or as the same rate."""
    if _spelling(printed) == _spelling(unit):
        return True
    base = rate_base(printed)
    return base is not None and base == rate_base(unit)
