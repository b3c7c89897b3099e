"""Exact decimal reading and display of figures as Indonesian reports print them.

Notation read by :func:`parse_number` (the case format's "Numbers" section):

* ``,`` is the decimal mark and ``.`` groups thousands: ``1.418.633.200,00``. White space
  anywhere inside a number is ignored, because transcribed tables carry stray spaces
  (``3.540. 448. 465.876.250``).
* A leading ``Rp``/``Rp.`` (any case) or a trailing ``%`` is a unit mark; never both.
* A scale word may follow the number: ``ribu`` 10^3, ``juta`` 10^6, ``M``/``miliar``/``milyar``
  10^9, ``T``/``triliun`` 10^12. Words match in any case, ``M`` and ``T`` only in upper case
  (``m`` and ``t`` are metres and tonnes).
* A duration is one or more ``<number> <unit>`` pairs, converted to minutes
  (``detik``/``menit``/``jam``/``hari``) or to months (``bulan``/``tahun``); one text never
  mixes the two families or repeats a unit.
* One leading ``-`` or ``+`` is allowed. A lone ``-`` means "explicitly no value" (None).
* No exponents in text. Every figure, however it was written (text, TOML integer or TOML
  decimal), stays within the bounds :func:`check_figure` enforces: magnitude below
  :data:`MAX_MAGNITUDE` and at most :data:`MAX_PLACES` decimal places (docs/errors.md,
  "Limits").

The ambiguity rule: ``,`` is always the decimal mark, so ``1,234`` is 1.234; ``.`` is always a
thousands separator, so it must separate valid groups -- a first group of 1-3 digits that does
not start with 0, then groups of exactly 3 digits -- and ``1.234`` is 1234. A ``.`` that cannot
be a group separator (``87.5``, ``1.2345``, ``0.500``, ``12..5``) is an error, not a guess:
reading an English ``87.5`` as 875 would silently change a figure. A ``,`` needs a digit on
both sides (``,5`` and ``5,`` are errors).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, NamedTuple

import attrs

from kinerja_engine.errors import NumberError
from kinerja_engine.messages import Message, msg, text

__all__ = [
    "EXPECTED",
    "MAX_MAGNITUDE",
    "MAX_PLACES",
    "Figure",
    "ParsedNumber",
    "check_figure",
    "figure_text",
    "format_number",
    "parse_number",
    "plain_decimal",
    "round_half_up",
    "to_indonesian",
]

# Built from an int so the value does not depend on the caller's decimal context.
MAX_MAGNITUDE: Final[Decimal] = Decimal(10**21)
_MAX_INT: Final = 10**21
# Most decimal places a figure may carry: reports print 0-4, a transcription of a computed
# ratio a dozen; 30 leaves margin and keeps every figure under 21 + 30 = 51 digits, so
# nothing downstream ever formats or scales an unbounded exponent (1e-999999999).
MAX_PLACES: Final = 30
# What the formatters below print at most: a value with more integer digits than
# _SHOWN_DIGITS is refused, an exact display is rounded to _SHOWN_PLACES places. Far
# above anything the loader lets through or a formula computes (below 10^21); only a value
# built through the Python API gets here (1e-400 inputs give results near 10^460), and
# formatting it must not take minutes and gigabytes.
_SHOWN_DIGITS: Final = 10_000
_SHOWN_PLACES: Final = 100

EXPECTED: Final = text("expected.figure.number", "en")

# Duration sums and the 1/60 of a second need more digits than the default 28 so that
# amounts near MAX_MAGNITUDE keep their fraction; an explicit context also keeps the result
# independent of whatever the caller set on the thread's context.
_CTX: Final = Context(prec=60)
_CTX_DIGITS: Final = 60

# A number as the text-level patterns see it: ends on a non-space so the surrounding
# ``\s*`` take the padding, and tolerant (leading ``,``, ``.`` runs) so that a bad number is
# still recognised as one and gets a precise message from ``_diagnose_number``.
_NUM = r"[0-9.,](?:[0-9.,\s]*[0-9.,])?"
_UNITS = r"(?i:detik|menit|jam|hari|bulan|tahun)"
# Every ``\s*`` is followed by something that is not white space, so that a failing match
# backtracks in linear time (``\s*(x)?\s*`` is quadratic on a long run of spaces).
_TEXT_RE: Final = re.compile(
    rf"""
    (?P<sign>(?:[+-]\s*)*)
    (?:(?P<rp>[Rr][Pp])\.?\s*(?P<sign2>(?:[+-]\s*)*))?
    (?P<num>{_NUM})
    (?:\s*(?P<scale>(?i:ribu|juta|miliar|milyar|triliun)|M|T))?
    (?:\s*(?P<pct>%(?:\s*%)*))?
    """,
    re.VERBOSE,
)
_DURATION_RE: Final = re.compile(
    rf"(?P<sign>(?:[+-]\s*)*)(?P<body>(?:{_NUM}\s*{_UNITS}\s*)+)",
)
_PAIR_RE: Final = re.compile(rf"({_NUM})\s*({_UNITS})")
# The figures most files carry (``56``, ``87,08 %``, ``Rp. 1.418.633.200,00``) in one match,
# skipping the general pattern's tolerance and its second, strict match.
_FAST_RE: Final = re.compile(
    r"(?:([Rr][Pp])\.?\s*)?(-?)([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?(\s*%)?"
)
# The only shape a number may have once white space is gone.
_STRICT_RE: Final = re.compile(r"(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")
_DIGIT_RE: Final = re.compile(r"[0-9]")
_EXPONENT_RE: Final = re.compile(r"[0-9][.,]?\s*[eE]\s*(?:[+-]\s*)?[0-9]")
_RP_RE: Final = re.compile(r"(?i:rp)")

_SCALES: Final = {"ribu": 3, "juta": 6, "m": 9, "miliar": 9, "milyar": 9, "t": 12, "triliun": 12}
# unit -> (family, minutes or months per unit); detik is handled by division (1/60 is not
# a finite decimal).
_DURATION_UNITS: Final = {
    "detik": ("minutes", 1),
    "menit": ("minutes", 1),
    "jam": ("minutes", 60),
    "hari": ("minutes", 1440),
    "bulan": ("months", 1),
    "tahun": ("months", 12),
}
_ZERO: Final = Decimal(0)
_QUANTA: Final = {p: Decimal((0, (1,), -p)) for p in range(-3, 13)}


@attrs.frozen
class ParsedNumber:
    """A figure read from a case file.

    ``value`` is exact and, for durations, already in the base unit (minutes or months).
    """

    value: Decimal
    mark: str | None
    duration: str | None


@attrs.frozen
class Figure:
    """A figure as a message field: grouped and rounded half-up to ``places`` (None:
    exact) in the reader's notation when the message is rendered (``1.234,50`` in
    Indonesian, ``1,234.50`` in English), so one field serves both languages."""

    value: Decimal
    places: int | None = None

    def render(self, lang: str) -> str:
        return format_number(self.value, self.places, notation=lang, group=True)


class _Reason(NamedTuple):
    why: Message
    hint: Message | None = None


_EMPTY = _Reason(msg("error.number.empty"))
_NO_DIGITS = _Reason(msg("error.number.no-digits"))
_EXPONENT = _Reason(msg("error.number.exponent"), msg("hint.number.exponent"))
_SIGNS = _Reason(msg("error.number.signs"))
_PERCENTS = _Reason(msg("error.number.percents"))
_BOTH_MARKS = _Reason(msg("error.number.both-marks"))
_COMMAS = _Reason(msg("error.number.commas"), msg("hint.number.commas"))
_COMMA_FIRST = _Reason(msg("error.number.comma-first"), msg("hint.number.comma-first"))
_COMMA_LAST = _Reason(msg("error.number.comma-last"), msg("hint.number.comma-last"))
_MIXED = _Reason(msg("error.number.mixed-durations"))
_TOO_LARGE = _Reason(msg("error.number.too-large"), msg("hint.number.too-large"))
_TOO_PRECISE = _Reason(
    msg("error.number.too-many-places", most=MAX_PLACES), msg("hint.number.too-many-places")
)
_NOT_FINITE = _Reason(msg("error.number.not-finite"))
_GENERIC = _Reason(msg("error.number.generic"), msg("hint.number.generic"))


def parse_number(raw: object) -> ParsedNumber | None:
    """Read a figure: an int, a Decimal (TOML floats) or text in Indonesian notation.

    Returns None for a lone ``-``; raises :class:`NumberError` for anything else that is not
    a number.
    """
    # Exact-type checks first: they are the common case and cheaper than isinstance.
    if type(raw) is str:
        return _parse_text(raw)
    if type(raw) is Decimal:
        return _from_decimal(raw)
    if type(raw) is int:
        return _from_int(raw)
    if isinstance(raw, str):
        return _parse_text(str(raw))
    if isinstance(raw, Decimal):
        return _from_decimal(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return _from_int(int(raw))
    raise _type_error(raw)


def _from_int(raw: int) -> ParsedNumber:
    if -_MAX_INT < raw < _MAX_INT:
        return ParsedNumber(Decimal(raw), None, None)
    raise _error(raw, _TOO_LARGE)


def _from_decimal(raw: Decimal) -> ParsedNumber:
    if not raw.is_finite():
        raise _error(raw, _NOT_FINITE)
    return ParsedNumber(check_figure(raw), None, None)


def check_figure(value: Decimal, raw: object = None) -> Decimal:
    """``value`` if it is a figure the engine accepts, else :class:`NumberError`: finite,
    magnitude below :data:`MAX_MAGNITUDE`, at most :data:`MAX_PLACES` decimal places.

    The one bound of every figure read (``raw``, the value as written, is what the error
    quotes; ``value`` itself by default). :func:`parse_number` calls it; a reader that
    takes a TOML number without parse_number must call it too.
    """
    shown = value if raw is None else raw
    if not value.is_finite():
        raise _error(shown, _NOT_FINITE)
    # copy_abs, unlike abs(), never rounds to the thread's context precision.
    if value.copy_abs() >= MAX_MAGNITUDE:
        raise _error(shown, _TOO_LARGE)
    # 0E-999999999 is refused too: it prints as a billion zeros.
    if _places(value) > MAX_PLACES:
        raise _error(shown, _TOO_PRECISE)
    return value


def _parse_text(raw: str) -> ParsedNumber | None:
    text = raw.strip()
    # Rupiah amounts are printed with ",-" for "no sen" (Rp. 51.000.000.000,-).
    if text.endswith(",-") and len(text) > 2:
        text = text[:-2].rstrip()
    match = _FAST_RE.fullmatch(text)
    if match is not None:
        rp, sign, whole, frac, pct = match.groups()
        if rp and pct:
            raise _error(raw, _BOTH_MARKS)
        if "." in whole:
            whole = whole.replace(".", "")
        if frac and len(frac) > MAX_PLACES:
            raise _error(raw, _TOO_PRECISE)
        value = Decimal(f"{sign}{whole}.{frac}" if frac else sign + whole)
        # Fewer than 22 integer digits is always below 10^21; only longer texts need a look.
        if len(whole) > 21 and value.copy_abs() >= MAX_MAGNITUDE:
            raise _error(raw, _TOO_LARGE)
        return ParsedNumber(value, "Rp" if rp else "%" if pct else None, None)
    if text == "-":
        return None
    match = _TEXT_RE.fullmatch(text)
    if match is not None:
        sign, rp, sign2, num, scale, pct = match.groups()
        negative = False
        if sign or sign2:
            signs = "".join((sign + (sign2 or "")).split())
            if len(signs) > 1:
                raise _error(raw, _SIGNS)
            negative = signs == "-"
        if pct and len(pct) > 1:
            raise _error(raw, _PERCENTS)
        if rp and pct:
            raise _error(raw, _BOTH_MARKS)
        whole, frac = _digits(raw, num)
        if scale is not None:
            digits = _shift(whole, frac, _SCALES[scale.lower()])
        elif frac:
            digits = f"{whole}.{frac}"
        else:
            digits = whole
        value = Decimal("-" + digits if negative else digits)
        return ParsedNumber(check_figure(value, raw), "Rp" if rp else "%" if pct else None, None)
    match = _DURATION_RE.fullmatch(text)
    if match is not None:
        return _parse_duration(raw, match)
    raise _error(raw, _diagnose_text(text))


def _digits(raw: str, num: str) -> tuple[str, str]:
    """The integer digits (group marks removed) and the fraction digits of a number."""
    if _STRICT_RE.fullmatch(num) is None:
        compact = "".join(num.split())
        if compact == num or _STRICT_RE.fullmatch(compact) is None:
            raise _error(raw, _diagnose_number(compact))
        num = compact
    whole, _, frac = num.partition(",")
    return whole.replace(".", ""), frac


def _shift(whole: str, frac: str, places: int) -> str:
    """Move the decimal point right by ``places`` in text, so scaling is exact at any length
    and the result carries no exponent (``2,5 T`` reads as 2500000000000, not 2.5E+12)."""
    if len(frac) <= places:
        return whole + frac + "0" * (places - len(frac))
    return f"{whole}{frac[:places]}.{frac[places:]}"


def _parse_duration(raw: str, match: re.Match[str]) -> ParsedNumber:
    signs = "".join(match["sign"].split())
    if len(signs) > 1:
        raise _error(raw, _SIGNS)
    total = _ZERO
    family: str | None = None
    seen: list[str] = []
    for pair in _PAIR_RE.finditer(match["body"]):
        num, unit = pair.groups()
        unit = unit.lower()
        if unit in seen:
            raise _error(
                raw,
                _Reason(msg("error.number.unit-twice", unit=unit)),
            )
        seen.append(unit)
        unit_family, factor = _DURATION_UNITS[unit]
        if family is None:
            family = unit_family
        elif family != unit_family:
            raise _error(raw, _MIXED)
        whole, frac = _digits(raw, num)
        # The bound is on what was written: a converted "1 detik" (1/60 minute) has sixty
        # digits by construction, all within the context's precision.
        amount = check_figure(Decimal(f"{whole}.{frac}" if frac else whole), raw)
        if unit == "detik":
            amount = _CTX.divide(amount, 60)
        elif factor != 1:
            amount = _CTX.multiply(amount, factor)
        total = _CTX.add(total, amount)
    if signs == "-":
        total = total.copy_negate()
    if total.copy_abs() >= MAX_MAGNITUDE:
        raise _error(raw, _TOO_LARGE)
    return ParsedNumber(total, None, family)


def _diagnose_text(text: str) -> _Reason:
    """Why a stripped text that matches neither a number nor a duration was refused."""
    if not text:
        return _EMPTY
    if _DIGIT_RE.search(text) is None:
        return _NO_DIGITS
    if _EXPONENT_RE.search(text) is not None:
        return _EXPONENT
    if "%" in text and _RP_RE.search(text) is not None:
        return _BOTH_MARKS
    return _GENERIC


def _diagnose_number(compact: str) -> _Reason:
    """Why a run of digits, '.' and ',' (white space removed) is not a valid number."""
    if _DIGIT_RE.search(compact) is None:
        return _NO_DIGITS
    commas = compact.count(",")
    if commas > 1:
        return _COMMAS
    if compact.startswith(","):
        return _COMMA_FIRST
    if compact.endswith(","):
        return _COMMA_LAST
    # With at most one inner comma, the only remaining fault is a misplaced '.'.
    if not commas and compact.count(".") == 1 and compact[0] != "." and compact[-1] != ".":
        example, plain = compact.replace(".", ","), compact
    else:
        example, plain = "87,5", "87.5"
    return _Reason(msg("error.number.dot"), msg("hint.number.dot", example=example, plain=plain))


def _show(raw: object) -> str | Message:
    """The offending value as quoted in a message, cut short so a message stays readable."""
    if isinstance(raw, int) and raw.bit_length() > 200:
        # str() of a huge int is slow and, past 4300 digits, refused by Python itself.
        return msg("error.number.huge-integer", digits=int(raw.bit_length() * 0.30103) + 1)
    text = str(raw)
    return text if len(text) <= 80 else text[:77] + "..."


def _error(raw: object, reason: _Reason) -> NumberError:
    return NumberError(
        msg("error.number.cannot-read", shown=_show(raw), reason=reason.why),
        value=raw,
        expected=EXPECTED,
        hint=reason.hint,
    )


def _type_error(raw: object) -> NumberError:
    hint = None
    if isinstance(raw, bool):
        found = msg("error.number.found-boolean")
    elif isinstance(raw, float):
        found = msg("error.number.found-float")
        hint = msg("hint.number.float")
    elif isinstance(raw, list | tuple):
        found = msg("error.number.found-array")
    elif isinstance(raw, dict):
        found = msg("error.number.found-table")
    elif raw is None:
        found = msg("error.number.found-none")
    else:
        found = msg("error.number.found-type", name=type(raw).__name__)
    return NumberError(
        msg("error.number.wrong-type", found=found), value=raw, expected=EXPECTED, hint=hint
    )


def round_half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimal places, halves away from zero (2,345 -> 2,35)."""
    if not value.is_finite():
        raise ValueError(f"cannot round {value}: not a finite number")
    _printable(value)
    if places > _SHOWN_DIGITS:
        raise ValueError(f"cannot round to {places} places: at most {_SHOWN_DIGITS}")
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = Decimal((0, (1,), -places))
    # quantize refuses a result with more digits than the context allows; size the context
    # to the value (+2: the carry of 9,995 -> 10,00) instead of ever raising.
    needed = value.adjusted() + places + 2
    context = _CTX if needed <= _CTX_DIGITS else Context(prec=needed)
    # Positional: Decimal.quantize parses keyword arguments several times slower, and
    # every figure of every flag message of a national run passes here.
    return value.quantize(quantum, ROUND_HALF_UP, context)


def format_number(
    value: Decimal, places: int | None = 2, *, notation: str = "en", group: bool = False
) -> str:
    """Display text of ``value``: rounded half-up to ``places`` (None: exact, trailing zeros
    dropped), in ``"en"`` (``1,234.50``) or ``"id"`` (``1.234,50``) notation, grouped on
    request, never in scientific notation. A value that rounds to zero shows no sign."""
    if notation == "en":
        point, separator = ".", ","
    elif notation == "id":
        point, separator = ",", "."
    else:
        raise ValueError(f"unknown notation {notation!r}: expected 'en' or 'id'")
    if not value.is_finite():
        raise ValueError(f"cannot format {value}: not a finite number")
    _printable(value)
    if places is None:
        if _places(value) > _SHOWN_PLACES:
            # Clipped, never a billion digits: only a value built through the API gets here.
            value = round_half_up(value, _SHOWN_PLACES)
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        value = round_half_up(value, min(places, _SHOWN_PLACES))
        text = format(value, "f")
    return _layout(text, value.is_zero(), point, separator if group else None)


def plain_decimal(value: Decimal) -> str:
    """``value`` as a plain decimal (``-1234.50``: the JSON contract's notation), exact
    but never in scientific notation, never ``-0.00`` (a zero shows no sign, as in every
    other notation), and never more than the formatters' bound of digits."""
    if not value.is_finite():
        raise ValueError(f"cannot format {value}: not a finite number")
    _printable(value)
    # Places are counted on the text (as_tuple() would cost more than the formatting), once
    # the exponent is known not to make the text huge: a value below the shown places
    # (1E-999999999, or a zero written 0E-999999999) is rounded first.
    if value.adjusted() < -_SHOWN_PLACES:
        value = round_half_up(value, _SHOWN_PLACES)
    text = format(value, "f")
    point = text.find(".")
    if point >= 0 and len(text) - point - 1 > _SHOWN_PLACES:
        value = round_half_up(value, _SHOWN_PLACES)
        text = format(value, "f")
    return text[1:] if text[0] == "-" and value.is_zero() else text


def figure_text(value: Decimal | None, places: int) -> str:
    """A figure as a message shows it: ``format_number(value, places, group=True)``, and
    "—" for None. The same text by a shorter road (format() groups in C), for the flag
    messages of a national run."""
    if value is None:
        return "—"
    quantum = _QUANTA.get(places)
    if quantum is None or not value.is_finite() or value.adjusted() + places + 2 > _CTX_DIGITS:
        return format_number(value, places, group=True)
    rounded = value.quantize(quantum, ROUND_HALF_UP, _CTX)
    text = format(rounded, ",f")
    return text[1:] if text[0] == "-" and rounded.is_zero() else text


def to_indonesian(value: Decimal) -> str:
    """Exact Indonesian notation of ``value``, grouped and unrounded, keeping its trailing
    zeros (Decimal("1418633200.00") -> "1.418.633.200,00"), so that
    ``parse_number(to_indonesian(v)).value == v``."""
    if not value.is_finite():
        raise ValueError(f"cannot write {value}: not a finite number")
    _printable(value)
    if _places(value) > _SHOWN_PLACES:
        raise ValueError(f"cannot write {value}: more than {_SHOWN_PLACES} decimal places")
    return _layout(format(value, "f"), value.is_zero(), ",", ".")


def _printable(value: Decimal) -> None:
    """Refuse a finite value too large to print in full (its exponent would make format()
    build a string of gigabytes); every formatter here checks it first."""
    if value.adjusted() >= _SHOWN_DIGITS:
        raise ValueError(
            f"cannot format a number of {value.adjusted() + 1} digits: at most {_SHOWN_DIGITS}"
        )


def _places(value: Decimal) -> int:
    """Decimal places of a finite ``value`` as written (0 for an integer)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _layout(text: str, zero: bool, point: str, separator: str | None) -> str:
    """Re-punctuate a plain ``-1234.5`` text; ``-0`` loses its sign, which says nothing."""
    sign = ""
    if text.startswith("-"):
        text = text[1:]
        if not zero:
            sign = "-"
    whole, dot, frac = text.partition(".")
    if separator is not None and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = separator.join(
            [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
        )
    return f"{sign}{whole}{point}{frac}" if dot else sign + whole
