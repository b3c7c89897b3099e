"""From bytes to a TOML document, without letting a file hurt: size and nesting limits,
encodings, and TOML syntax errors explained in Indonesian and English with their line and
column; then the document keeps its text to locate any later fault by key.

Read top to bottom: :func:`read_toml` reads a file's bytes within the size limit
(:func:`read_limited`), :func:`parse_toml` makes them text (:func:`toml_text`) and parses
it (:func:`parse_toml_text`: :mod:`.plaintoml`'s reading of the plain lines, which is
tomllib's result, else tomllib, with ``parse_float=Decimal``; nesting checked; errors
located), and returns a :class:`Document` whose :class:`KeyLines` find a key's line.

Nothing here knows the case or rules formats. The limits come, in this order, from an
explicit argument, from :func:`limits` (the CLI's ``--max-file-size`` and ``--max-depth``),
from the environment variables ``KINERJA_MAX_FILE_BYTES`` and ``KINERJA_MAX_DEPTH``, or
from the defaults below.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from kinerja_engine import messages
from kinerja_engine.errors import InputError, KinerjaError
from kinerja_engine.io import plaintoml
from kinerja_engine.messages import Message, msg

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "ENV_MAX_BYTES",
    "ENV_MAX_DEPTH",
    "HARD_MAX_BYTES",
    "Document",
    "KeyLines",
    "check_depth",
    "check_size",
    "checked_bytes",
    "checked_depth",
    "checked_path",
    "limits",
    "loads",
    "max_depth",
    "max_file_bytes",
    "parse_key_path",
    "parse_size",
    "parse_toml",
    "parse_toml_text",
    "read_limited",
    "read_toml",
    "toml_lines",
    "toml_text",
    "wide_encoding",
]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_DEPTH = 32
# What is read at a time past the file's reported size (a pipe or device reports none).
_CHUNK = 64 * 1024
# tomllib recurses once per nested array or inline table; far below Python's stack limit.
HARD_MAX_DEPTH = 200
# The largest size limit taken: a tebibyte, far above any report, far below what would
# overflow a read; the reader never allocates the limit, only what the file holds.
HARD_MAX_BYTES = 1024**4
ENV_MAX_BYTES = "KINERJA_MAX_FILE_BYTES"
ENV_MAX_DEPTH = "KINERJA_MAX_DEPTH"

_OVERRIDE: contextvars.ContextVar[tuple[int | None, int | None]] = contextvars.ContextVar(
    "kinerja_limits", default=(None, None)
)
_SIZE = re.compile(r"\s*([0-9]{1,16})\s*([kKmMgG]?)(?:i?[bB])?\s*")
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


# ---------------------------------------------------------------- limits


def parse_size(text: str, where: str) -> int:
    """Bytes from ``"200"``, ``"64M"``, ``"512k"`` or ``"1GiB"``; ``where`` names the source.

    A size above :data:`HARD_MAX_BYTES` is refused (``9000000000G`` is a slip, not a
    limit); below it any size is taken, since nothing is allocated up front."""
    match = _SIZE.fullmatch(text)
    if match is None or int(match.group(1)) == 0:
        expected = messages.text("expected.load.file-size", "en")
        raise _bad_size(msg("error.load.file-size", text=text), expected, where, text)
    return check_size(int(match.group(1)) * _UNITS[match.group(2).lower()], where, text)


def check_size(size: int, where: str, text: str | None = None) -> int:
    """``size``, if a byte limit the reader can hold to; else a located :class:`InputError`
    quoting ``text``, the size as written (the number itself for an argument)."""
    if not 1 <= size <= HARD_MAX_BYTES:
        most = HARD_MAX_BYTES
        said: object = size if text is None else text
        form = "expected.load.limit-bytes" if text is None else "expected.load.file-size-range"
        raise _bad_size(
            msg("error.load.file-size-range", text=said, most=most),
            messages.text(form, "en", most=most),
            where,
            said,
        )
    return size


def _bad_size(message: Message, expected: str, where: str, text: object) -> InputError:
    return InputError(
        message, key=where, value=text, expected=expected, hint=msg("hint.load.file-size")
    )


def parse_depth(text: str, where: str) -> int:
    # ASCII digits only, and few: int() of "²" fails, and of 5,000 digits refuses.
    said = text.strip()
    value = int(said) if said.isascii() and said.isdigit() and len(said) <= 6 else 0
    return check_depth(value, where, text)


def check_depth(depth: int, where: str, text: str | None = None) -> int:
    """``depth``, if a nesting limit from 1 to :data:`HARD_MAX_DEPTH`; else a located
    :class:`InputError` quoting ``text``, the depth as written."""
    if not 1 <= depth <= HARD_MAX_DEPTH:
        said: object = depth if text is None else text
        raise InputError(
            msg("error.load.depth", text=said, most=HARD_MAX_DEPTH),
            key=where,
            value=said,
            expected=messages.text("expected.load.depth", "en", most=HARD_MAX_DEPTH),
        )
    return depth


def max_file_bytes(explicit: int | None = None) -> int:
    """The size limit in force: argument, then :func:`limits`, then the environment."""
    if explicit is not None:
        return checked_bytes(explicit)
    return _in_force(0, ENV_MAX_BYTES, parse_size, DEFAULT_MAX_BYTES)


def max_depth(explicit: int | None = None) -> int:
    """The nesting limit in force: argument, then :func:`limits`, then the environment."""
    if explicit is not None:
        return checked_depth(explicit)
    return _in_force(1, ENV_MAX_DEPTH, parse_depth, DEFAULT_MAX_DEPTH)


def _in_force(slot: int, env: str, parse: Callable[[str, str], int], default: int) -> int:
    override = _OVERRIDE.get()[slot]
    if override is not None:
        return override
    text = os.environ.get(env)
    # Held to the same bounds as an argument: 100T would have a read ask for 100 TB.
    return parse(text, env) if text else default


def checked_bytes(value: object) -> int:
    """A size limit a caller gave (``max_bytes``): an int from 1 to :data:`HARD_MAX_BYTES`,
    else :class:`InputError` (:class:`TypeError` for what is not an int)."""
    return check_size(_whole(value, "max_bytes"), "max_bytes")


def checked_depth(value: object) -> int:
    """A nesting limit a caller gave (``max_depth``): an int from 1 to
    :data:`HARD_MAX_DEPTH`, else :class:`InputError` (:class:`TypeError` for a non-int)."""
    return check_depth(_whole(value, "max_depth"), "max_depth")


def _whole(value: object, name: str) -> int:
    # bool is an int to Python, but True is no limit anyone means; a str or float is not
    # read as a number here (text goes through parse_size and parse_depth).
    if type(value) is not int:
        raise TypeError(
            messages.text(
                "error.load.argument-type",
                "en",
                name=name,
                expected=messages.text("value.whole-number", "en"),
                found=type(value).__name__,
            )
        )
    return value


# For parse_toml, whose argument takes the name.
_depth_in_force = max_depth


def limits(
    *, max_bytes: int | None = None, depth: int | None = None
) -> contextlib.AbstractContextManager[None]:
    """Within the block every file read (cases, rules, the rules they extend) uses these;
    a limit out of bounds is refused here, before the block."""
    size = None if max_bytes is None else checked_bytes(max_bytes)
    return _held(size, None if depth is None else checked_depth(depth))


@contextlib.contextmanager
def _held(size: int | None, depth: int | None) -> Iterator[None]:
    token = _OVERRIDE.set((size, depth))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


# ---------------------------------------------------------------- bytes


def read_limited(path: str | Path, max_bytes: int) -> bytes:
    """The file's bytes; refused when longer than ``max_bytes``, which is all ever read."""
    name = str(path)
    try:
        # Read one byte past the limit instead of trusting stat(): a file may grow, and a
        # device or pipe reports no size at all.
        with open(path, "rb") as fh:
            raw = _read_at_most(fh, max_bytes + 1)
    except FileNotFoundError:
        raise InputError(msg("error.load.no-file"), file=name) from None
    except IsADirectoryError:
        raise InputError(msg("error.load.folder"), file=name) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(msg("error.load.unreadable", reason=reason), file=name) from None
    if len(raw) > max_bytes:
        line = raw.count(b"\n", 0, max_bytes) + 1
        raise InputError(
            msg("error.load.too-large", limit=max_bytes),
            file=name,
            line=line,
            value=max_bytes,
            expected=messages.text("expected.load.at-most-bytes", "en", limit=max_bytes),
            hint=msg("hint.load.raise-size", env=ENV_MAX_BYTES),
        )
    return raw


def _read_at_most(fh: BinaryIO, most: int) -> bytes:
    """At most ``most`` bytes of ``fh``, allocating what the file holds, never ``most``
    itself (a limit of 100G must not ask for 100 GB): first the size the file reports,
    then a chunk at a time, for a file that grew or a pipe that reports nothing."""
    step = os.fstat(fh.fileno()).st_size + 1
    chunks: list[bytes] = []
    got = 0
    while got < most:
        chunk = fh.read(min(max(step, 1), most - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        step = _CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# Byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" for text in one of those (what spreadsheets save as "Unicode
    text"), by its byte-order mark or, without one, by its zero bytes where ASCII text
    has them; None otherwise."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if len(sample) >= 8 and not len(sample) % 2 and sample.strip(b"\x00"):
        # ASCII text in UTF-32 has three zero bytes in four, in UTF-16 one in two.
        quads = [sample[i::4] for i in range(4)]
        if sum(1 for q in quads if not q.strip(b"\x00")) == 3:
            return "UTF-32"
        if not sample[0::2].strip(b"\x00") or not sample[1::2].strip(b"\x00"):
            return "UTF-16"
    return None


def toml_lines(text: str) -> list[str]:
    """The lines of a TOML text as TOML counts them: split at LF (a CRLF's CR dropped) only.

    str.splitlines splits at U+2028, U+2029, U+0085 and more, which a TOML string may
    hold: every line number after one would be off.
    """
    return [line.removesuffix("\r") for line in text.split("\n")]


def _line_col(raw: bytes, pos: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, pos) + 1
    return line, pos - (raw.rfind(b"\n", 0, pos) + 1) + 1


def toml_text(raw: bytes, name: str) -> str:
    """The text of a TOML file, refused when empty, binary or not UTF-8."""
    wide = wide_encoding(raw)
    if wide is not None:
        # Before the NUL test: UTF-16 and UTF-32 text is full of zero bytes, yet not binary.
        raise InputError(
            msg("error.csv.wide-encoding", encoding=wide),
            file=name,
            line=1,
            column=1,
            expected=messages.text("expected.load.utf8", "en"),
            hint=msg("hint.load.save-utf8-how", encoding=wide),
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(raw, nul)
        raise InputError(
            msg("error.load.binary"),
            file=name,
            line=line,
            column=column,
            expected=messages.text("expected.load.toml-text", "en"),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(raw, exc.start)
        raise InputError(
            msg("error.csv.not-utf8", byte=raw[exc.start]),
            file=name,
            line=line,
            column=column,
            expected=messages.text("expected.load.utf8", "en"),
            hint=msg("hint.load.save-utf8"),
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(
            msg("error.csv.empty-file"),
            file=name,
            line=1,
            expected=messages.text("expected.load.toml-document", "en"),
        )
    return text


# ---------------------------------------------------------------- nesting


def _too_deep(name: str, line: int, limit: int) -> InputError:
    return InputError(
        msg("error.load.too-deep", limit=limit),
        file=name,
        line=line,
        value=limit,
        expected=messages.text("expected.load.at-most-levels", "en", limit=limit),
        hint=msg("hint.load.raise-depth", env=ENV_MAX_DEPTH),
    )


# Jumps from one character that matters to the next with a regex, and over strings and
# comments with find/match, instead of a Python step per character: a national case
# file has tens of millions of characters. The line of a fault is counted when needed.
_SIGNIFICANT = re.compile(r"[#\"'\[\]{}]")
_BASIC_BODY = re.compile(r'(?:[^"\\\n]|\\[\s\S])*')
_BASIC_TRIPLE_BODY = re.compile(r'(?:[^"\\]|\\[\s\S]|"(?!""))*')
_LITERAL_BODY = re.compile(r"[^'\n]*")


def check_brackets(text: str, name: str, limit: int) -> None:
    """Refuse arrays and inline tables nested deeper than ``limit``, on the line where they
    pass it. Strings and comments are skipped, and a table header's brackets are not
    nesting. Run when a parse failed or its data is too deep, never on a clean file: tomllib
    recurses once per level, so a file nested past the stack fails with RecursionError,
    which is caught, and this names the line."""
    depth = 0
    i, n = 0, len(text)
    search = _SIGNIFICANT.search
    while (found := search(text, i)) is not None:
        i = found.start()
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif ch in "\"'":
            i = _skip_string(text, i, ch)
        elif ch == "[" and depth == 0 and _line_start(text, i):
            # A [table] or [[array]] header: names, not nesting.
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif ch in "[{":
            depth += 1
            if depth > limit:
                raise _too_deep(name, text.count("\n", 0, i) + 1, limit)
            i += 1
        else:
            depth = max(0, depth - 1)
            i += 1


def _line_start(text: str, i: int) -> bool:
    """Whether only blanks stand before ``i`` on its line."""
    return not text[text.rfind("\n", 0, i) + 1 : i].strip(" \t\r")


def _skip_string(text: str, i: int, quote: str) -> int:
    """Past the string opening at ``i``; an unterminated single-line string stops at its
    line's end, and tomllib reports it."""
    n = len(text)
    if text.startswith(quote * 3, i):
        if quote == '"':
            end = _BASIC_TRIPLE_BODY.match(text, i + 3).end()  # type: ignore[union-attr]
            return end + 3 if text.startswith('"""', end) else n
        close = text.find("'''", i + 3)
        return n if close < 0 else close + 3
    body = _BASIC_BODY if quote == '"' else _LITERAL_BODY
    end = body.match(text, i + 1).end()  # type: ignore[union-attr]
    return end + 1 if end < n and text[end] == quote else end


def check_data_depth(data: Any, text: str, name: str, limit: int) -> None:
    """Refuse a document whose tables nest deeper than ``limit`` (``[a.b.c.…]`` headers and
    dotted keys nest without a bracket), so that no later step walks an absurd depth.
    Arrays and inline tables nested too deep are named on their own line."""
    if data_deeper_than(data, limit):
        check_brackets(text, name, limit)
        raise _too_deep(name, _deep_line(text, limit), limit)


def data_deeper_than(data: Any, limit: int) -> bool:
    """Whether a parsed document holds a table or array more than ``limit`` levels down."""
    # The document itself is level 0; each table or array inside it one level more, as
    # each bracket counts in check_brackets. One level at a time, each container's values
    # filtered in one comprehension: a national file has hundreds of thousands of tables.
    level: list[Any] = [data]
    depth = 0
    while level:
        if depth > limit:
            return True
        below: list[Any] = []
        for value in level:
            items = value.values() if type(value) is dict else value
            below += [v for v in items if type(v) is dict or type(v) is list]
        level = below
        depth += 1
    return False


_HEADER = re.compile(r"^\s*\[\[?([^\]]*)")
_KEY = re.compile(r"^\s*([^=\s\[#][^=]*?)\s*=")


def _deep_line(text: str, limit: int) -> int:
    """The first line whose header or dotted key names more than ``limit`` levels."""
    table = 0
    for number, line in enumerate(toml_lines(text), start=1):
        header = _HEADER.match(line)
        if header:
            # [a.b] is two tables deep; [[a.b]] one more, for the array.
            table = header.group(1).count(".") + 1 + line.lstrip().startswith("[[")
            if table > limit:
                return number
            continue
        key = _KEY.match(line)
        if key and table + key.group(1).count(".") > limit:
            return number
    return 1


# ---------------------------------------------------------------- TOML syntax

# tomllib's messages, made readable for someone who edits a file by hand: (pattern, message
# id); the named groups of the pattern are the message's fields.
_TOML_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Invalid value"), "error.toml.value"),
    (re.compile(r"Invalid statement"), "error.toml.statement"),
    (
        re.compile(r"Expected newline or end of document after a statement"),
        "error.toml.after-value",
    ),
    (re.compile(r"Expected '=' after a key in a key/value pair"), "error.toml.equals"),
    (re.compile(r"Invalid initial character for a key part"), "error.toml.key-start"),
    (re.compile(r"Expected '\]' at the end of a table declaration"), "error.toml.table-header"),
    (re.compile(r"Expected '\]\]' at the end of an array declaration"), "error.toml.array-header"),
    (re.compile(r"Unclosed array"), "error.toml.unclosed-array"),
    (re.compile(r"Unclosed inline table"), "error.toml.unclosed-inline-table"),
    (re.compile(r"Unterminated string"), "error.toml.unclosed-string"),
    (re.compile(r"Unescaped '\\' in a string"), "error.toml.backslash"),
    (re.compile(r"Illegal character '\\n'"), "error.toml.string-line-end"),
    (re.compile(r"Illegal character (?P<character>.*)"), "error.toml.character-in-text"),
    (re.compile(r"Found invalid character (?P<character>.*)"), "error.toml.character"),
    (re.compile(r"Expected (?P<what>.*)"), "error.toml.expected-before-end"),
    (re.compile(r"Invalid hex value"), "error.toml.hex"),
    (re.compile(r"Escaped character is not a Unicode scalar value"), "error.toml.scalar"),
    (re.compile(r"Invalid date or datetime"), "error.toml.date"),
    (re.compile(r"Cannot declare (?P<key>.*) twice"), "error.toml.declared-twice"),
    (re.compile(r"Cannot overwrite a value"), "error.toml.overwrite"),
    (re.compile(r"Duplicate inline table key (?P<key>.*)"), "error.toml.inline-key-twice"),
    (re.compile(r"Cannot mutate immutable namespace (?P<key>.*)"), "error.toml.inline-extended"),
    (re.compile(r"Cannot redefine namespace (?P<key>.*)"), "error.toml.redefined"),
)
# A brace is a placeholder's mark in the catalogue, so the one a message names is a field.
_CLOSE_BRACE = {"close": "'}'"}


def _explain(reason: str) -> Message:
    for pattern, message_id in _TOML_MESSAGES:
        match = pattern.fullmatch(reason)
        if match:
            fields = {name: _key_of(group) for name, group in match.groupdict().items()}
            if message_id == "error.toml.unclosed-inline-table":
                fields.update(_CLOSE_BRACE)
            return msg(message_id, **fields)
    return msg("error.toml.tomllib", reason=reason)


def _key_of(group: str) -> str:
    """tomllib names a key as a tuple, ``('report',)``: shown as the file writes it."""
    if group.startswith("(") and group.endswith(")"):
        return "[" + ".".join(re.findall(r"'([^']*)'", group)) + "]"
    return group


def _after_value_hint(text: str, line: int | None, column: int | None) -> Message | None:
    """Why a value is followed by more on its line: usually a figure written as printed."""
    if line is None or column is None:
        return None
    lines = toml_lines(text)
    if not 1 <= line <= len(lines):
        return None
    rest = lines[line - 1][column - 1 :]
    if rest[:1] == "," and rest[1:2].isdigit():
        return msg("hint.toml.decimal-point")
    return msg("hint.toml.quote-printed")


def loads(text: str) -> dict[str, Any]:
    """tomllib's result with exact decimals (its plain lines read by :mod:`.plaintoml`)."""
    return plaintoml.parse(text, parse_float=Decimal)


def parse_toml_text(
    text: str, name: str, limit: int, *, check_depth: bool = True
) -> dict[str, Any]:
    """:func:`loads`; every failure an :class:`InputError` with its place.

    Nesting is measured on the parsed data, far cheaper than scanning the text; the text
    is scanned for brackets (:func:`check_brackets`) only when the parse fails or the data
    is too deep, so that a nesting fault is still reported, on its line, before anything
    else the text gets wrong. Without ``check_depth`` the caller checks the data's nesting
    itself (:meth:`Document.check_depth`).
    """
    try:
        data = loads(text)
    except tomllib.TOMLDecodeError as exc:
        check_brackets(text, name, limit)
        message = str(getattr(exc, "msg", None) or exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        column = getattr(exc, "colno", None) or (int(found.group(2)) if found else None)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", message)
        hint = None
        if re.match(r"Expected newline or end of document", reason):
            hint = _after_value_hint(text, line, column)
        raise InputError(
            msg("error.toml.invalid", reason=_explain(reason)),
            file=name,
            line=line if line is not None else text.count("\n") + 1,
            column=column,
            value=reason,
            hint=hint,
        ) from None
    except RecursionError:
        check_brackets(text, name, limit)
        raise _too_deep(name, 1, limit) from None
    except ValueError as exc:
        check_brackets(text, name, limit)
        # Python refuses to convert an integer of more than 4300 digits (a guard against
        # slow conversions); tomllib lets that ValueError through.
        long_number = re.search(r"[0-9_]{1000,}", text)
        at = long_number.start() if long_number else 0
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise InputError(
            msg("error.load.huge-number"),
            file=name,
            line=line,
            column=column if long_number else None,
            value=str(exc)[:80],
            expected=messages.text("expected.load.figure", "en"),
        ) from None
    if check_depth:
        check_data_depth(data, text, name, limit)
    return data


# ---------------------------------------------------------------- documents


class KeyLines:
    """Where each key stands in a TOML text, to give errors a line number.

    tomllib keeps no positions, so this reads the text once more, line by line, tracking
    table headers and array-of-tables counts. It only locates; tomllib decides validity.
    The index is built the first time a place is asked for: a file that loads cleanly
    never pays for it.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(
        r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
    )
    _INLINE = re.compile(r"[{,]\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: dict[tuple[str | int, ...], int] | None = None

    @property
    def _lines(self) -> dict[tuple[str | int, ...], int]:
        if self._index is None:
            self._index = self._build(self.text)
        return self._index

    def _build(self, text: str) -> dict[tuple[str | int, ...], int]:
        lines: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        for number, line in enumerate(toml_lines(text), start=1):
            header = self._HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                if header.group(1) == "[[":
                    parts = (*self._resolve(names[:-1], counts), names[-1])
                    index = counts.get(parts, 0)
                    counts[parts] = index + 1
                    table = (*parts, index)
                else:
                    table = self._resolve(names, counts)
                lines.setdefault(table, number)
                continue
            key = self._KEY.match(line)
            if key:
                path = (*table, *_split_key(key.group(1)))
                lines.setdefault(path, number)
                rest = line[key.end() :]
                for inner in self._INLINE.finditer(rest):
                    lines.setdefault((*path, inner.group(1).strip("\"'")), number)
        return lines

    def _resolve(
        self, parts: tuple[str, ...], counts: Mapping[tuple[str | int, ...], int]
    ) -> tuple[str | int, ...]:
        # `[[indicator.printed]]` belongs to the latest `[[indicator]]`.
        resolved: tuple[str | int, ...] = ()
        for part in parts:
            resolved = (*resolved, part)
            if resolved in counts:
                resolved = (*resolved, counts[resolved] - 1)
        return resolved

    def has_under(self, key: str) -> bool:
        """Whether the text writes ``key`` or anything inside it."""
        path = parse_key_path(key)
        return any(p[: len(path)] == path for p in self._lines)

    def line_of(self, key: str) -> int | None:
        """The line of ``key`` (``indicator[2].target``), else of the nearest table holding it."""
        path = parse_key_path(key)
        while path:
            if path in self._lines:
                return self._lines[path]
            inside = [n for p, n in self._lines.items() if p[: len(path)] == path]
            if inside:
                return min(inside)
            path = path[:-1]
        return None


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", text)
    return tuple(p.strip("\"'") for p in parts)


def parse_key_path(key: str) -> tuple[str | int, ...]:
    """``indicator[2]."a b".target`` as ``("indicator", 2, "a b", "target")``."""
    parts: list[str | int] = []
    for token in re.findall(r"\[(\d+)\]|\"([^\"]*)\"|([^.\[\]\"]+)", key.removeprefix("$.")):
        index, quoted, plain = token
        if index:
            parts.append(int(index))
        else:
            parts.append(quoted or plain)
    return tuple(parts)


@attrs.frozen
class Document:
    """A parsed TOML file with what is needed to point back into it."""

    path: str
    data: dict[str, Any]
    lines: KeyLines
    # The nesting limit still to be checked, when the reader left it to the structurer.
    depth_owed: int | None = None

    def check_depth(self) -> None:
        """Refuse the document if it nests deeper than the limit its reading deferred."""
        if self.depth_owed is not None:
            check_data_depth(self.data, self.lines.text, self.path, self.depth_owed)

    def fail(self, exc: KinerjaError) -> KinerjaError:
        """``exc`` with this file and the line of its key."""
        line = self.lines.line_of(exc.key) if exc.key else None
        if line is None and exc.line is None:
            # A key missing from the top level (or a fault of the whole document): the
            # place to add it is the top of the file.
            line = 1
        return exc.located(file=self.path, line=line)


def read_toml(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    max_depth: int | None = None,
    as_case: bool = False,
) -> Document:
    """Read and parse a TOML file within the size and nesting limits in force
    (argument, ``--max-file-size``/``--max-depth``, environment, default).

    ``as_case``: see :func:`parse_toml`.
    """
    raw = read_limited(checked_path(path), max_file_bytes(max_bytes))
    return parse_toml(raw, str(path), max_depth=max_depth, as_case=as_case)


def checked_path(path: object) -> str | Path:
    """``path`` if it can name a file: a str or Path (an int would be taken by open() as a
    file descriptor, and closed: :class:`TypeError`) without a NUL (:class:`InputError`)."""
    if not isinstance(path, str | Path):
        raise TypeError(
            messages.text(
                "error.load.argument-type",
                "en",
                name="path",
                expected=messages.text("value.path", "en"),
                found=type(path).__name__,
            )
        )
    if "\0" in str(path):
        raise InputError(msg("error.load.nul-in-path"), file=repr(str(path)), value=str(path))
    return path


def parse_toml(
    raw: bytes, name: str, *, max_depth: int | None = None, as_case: bool = False
) -> Document:
    """The document in ``raw``, named ``name`` in errors.

    ``as_case``: the nesting limit is left to the structurer (``Document.depth_owed``),
    which knows that a case it could structure nests only a few levels, and checks the
    nesting itself before it reports a fault.
    """
    text = toml_text(raw, name)
    limit = _depth_in_force(max_depth)
    data = parse_toml_text(text, name, limit, check_depth=not as_case)
    return Document(name, data, KeyLines(text), depth_owed=limit if as_case else None)
