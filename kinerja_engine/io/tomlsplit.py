"""tomllib on two cores for a large case file, with tomllib's own result and errors.

A national case file is mostly one long run of ``[[indicator]]`` tables, and even
:mod:`.plaintoml`, the fast reader for its plain lines, takes longer to read one than this
process takes to structure it. For a text of at least :data:`MIN_CHARS` on a machine
with a core to spare, :func:`loads` cuts the text at two line starts: the middle piece
holds only indicator tables and is parsed in a second process while this one parses the
head and the tail. The middle's indicators are appended to the head's, and the tail's
tables added. The worker parses its middle in pieces (:func:`pieces`), cut at more
``[[indicator]]`` lines, and sends each piece's tables as soon as it has them, for this
process to unpack and structure while the worker parses the next.

Why the merged result is the one tomllib gives for the whole text:

* ``a`` is a line that is exactly ``[[indicator]]``; ``b`` the first line after it that
  starts a table header other than ``[[indicator]]``, ``[indicator.…]`` or
  ``[[indicator.…]]`` (or the end). head = text[:a], middle = text[a:b], tail = text[b:].
* Each piece must parse on its own. A piece that ends inside a multi-line string or array
  does not (it is left unclosed), so when the head parses, ``a`` lies between two
  statements of the whole text, and when the middle parses too, so does ``b``: tomllib
  reads each piece statement for statement as it reads them in the whole text.
* Every header in the middle is ``[[indicator]]``, ``[indicator.…]`` or
  ``[[indicator.…]]``, and its first line is ``[[indicator]]``: a new element, into which
  every later statement writes until the next ``[[indicator]]``. In the whole text tomllib
  forgets, at each ``[[indicator]]``, what it knew of the previous element's tables; so the
  middle's statements do there exactly what they do in a text of their own.
* So the middle may be cut again at any of its ``[[indicator]]`` lines: every piece
  starts with one, holds only indicator headers, and must parse on its own, so each cut
  lies between two statements as well, and the pieces' indicators, one after the other,
  are the middle's.
* That ``[[indicator]]`` may extend the head's ``indicator`` only if it is an array of
  tables. So no line anywhere may give ``indicator`` a value (``indicator = …``,
  ``"indicator".x = …``, a quoted key with an escape, which could spell it), no header may
  name it in another form (``[indicator]``, ``["indicator"]``, an escape), and the head's
  ``indicator``, if any, must come back as a list.
* The tail holds no indicator header, and each of its top-level keys is new to the head:
  nothing it writes touches what the head or the middle wrote, and nothing they wrote
  changes what it may write (a table declared in both would be an error of the whole
  text: refused here, so that the whole text reports it).

The worker's tables travel as marshal's bytes, each float as the text tomllib gives
``parse_float`` (:func:`_float_text`), made a Decimal here by the very call tomllib would
make, ``Decimal(text)``: the same value, digits and exponent, sign of zero included.

Anything refused or failing (a piece that does not parse, a worker that dies) and the
whole text is parsed here, the ordinary way, so an error is tomllib's own with its line
and column. tests/test_tomlsplit.py compares the two parses and tries every refusal.
"""

from __future__ import annotations

import gc
import itertools
import marshal
import os
import pickle
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kinerja_engine.io import plaintoml

__all__ = [
    "MIN_CHARS",
    "MIN_SHARE",
    "PIECE_CHARS",
    "WORKER_SHARE",
    "loads",
    "pieces",
    "plan",
    "safe",
    "split_parse",
]

# Below this a second process costs more than it saves (starting it, sending the parsed
# tables back); the national file is 33 MB.
MIN_CHARS = 4 * 1024 * 1024
# The part of the text the worker parses (and packs, a few per cent of that), while this
# process checks the text (:func:`safe`), parses the head and the tail, unpacks the
# worker's pieces and structures everything (``meanwhile``), which takes about half as
# long as parsing the whole text: this share has both finish together on the bench file.
WORKER_SHARE = 0.8
# The worker parses and sends its middle in pieces of about this many characters, for
# this process to unpack and structure each while the worker parses the next: only the
# last piece's share of that work is left when the worker is done.
PIECE_CHARS = 1024 * 1024
# A middle smaller than this part of the text is not worth a process.
MIN_SHARE = 0.2

_CUT = "\n[[indicator]]"
_INDICATOR_HEADERS = ("[[indicator]]", "[indicator.", "[[indicator.")
# Anywhere in the text: a line giving `indicator` a value, a line starting with a quoted
# key that holds an escape, a header naming `indicator` (or holding an escape) in any form
# but the three above.
_REFUSED = re.compile(
    r"""\n[ \t]*(?:
        (?:indicator|"indicator"|'indicator')[ \t]*[.=]
        |"[^"\n]*\\
        |\[(?!\[indicator\]\]|indicator\.|\[indicator\.)[^\n]*(?:indicator|\\)
    )""",
    re.VERBOSE,
)
# In the middle: a line starting a header (or a bracket) that is not an indicator one.
_NOT_INDICATOR = re.compile(r"\n(?:[ \t]+\[|\[(?!\[indicator\]\]|indicator\.|\[indicator\.))")
# In the tail: any indicator header.
_INDICATOR = re.compile(r"\n[ \t]*\[\[?[ \t]*indicator[ \t]*[\].]")


def loads(
    text: str, *, meanwhile: Callable[[dict[str, Any]], object] | None = None
) -> dict[str, Any]:
    """``tomllib.loads(text, parse_float=Decimal)``, on two cores when that is provably the
    same; anything it raises is raised by tomllib parsing the whole text here.

    ``meanwhile`` is called with the head's tables, then the tail's, then the head's again
    each time a piece of the worker's indicators has been appended to its ``indicator``
    array, while the worker is still parsing: work on them (structuring) that need not
    wait. The tables returned hold those very objects, the head's ``indicator`` array
    extended in place, unless the split declines: then they are new.
    """
    if len(text) >= MIN_CHARS and _spare_core():
        cut = plan(text)
        if cut is not None:
            data = split_parse(text, *cut, meanwhile=meanwhile)
            if data is not None:
                return data
    return plaintoml.parse(text, parse_float=Decimal)


def _spare_core() -> bool:
    """A second process may be forked: Linux (where forking a single-threaded process is
    the ordinary way), more than one core, no start method other than fork chosen by the
    application, no other thread that a fork could catch holding a lock, and not itself
    a pool's worker (``--jobs`` already keeps every core busy)."""
    import multiprocessing

    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    return (
        len(os.sched_getaffinity(0)) > 1
        and multiprocessing.get_start_method(allow_none=True) in (None, "fork")
        and multiprocessing.parent_process() is None
    )


def plan(text: str) -> tuple[int, int] | None:
    """Where to cut: ``(a, b)`` as described above, the middle about :data:`WORKER_SHARE`
    of the text; None if the text has no such run of indicator tables. Cheap (a few
    ``str.find``): whether the cut is safe is :func:`safe`'s to say."""
    last = _cut_line(text, text.rfind(_CUT))
    if last < 0:
        return None
    # The end of the run: the first header after the last `[[indicator]]` that is not an
    # indicator one (its own `[indicator.…]` tables come first).
    end = len(text)
    at = text.find("\n[", last)
    while at >= 0:
        if not text.startswith(_INDICATOR_HEADERS, at + 1):
            end = at + 1
            break
        at = text.find("\n[", at + 1)
    start = _cut_line(text, text.find(_CUT, max(0, end - int(len(text) * WORKER_SHARE) - 1)))
    if start < 0 or end - start < len(text) * MIN_SHARE:
        return None
    return start, end


def _cut_line(text: str, at: int) -> int:
    """The start of the line ``[[indicator]]`` whose newline before it is at ``at``, or
    of the next such line; -1 if none."""
    while at >= 0 and text.startswith(_CUT, at):
        after = at + len(_CUT)
        if text.startswith("\n", after) or text.startswith("\r\n", after):
            return at + 1
        at = text.find(_CUT, at + 1)
    return -1


def safe(text: str, a: int, b: int) -> bool:
    """Whether the cut ``(a, b)`` meets the conditions above that the text alone decides."""
    if not 0 <= a < b <= len(text) or _cut_line(text, a - 1) != a:
        return False
    # The tail starts with a table header, and not an indicator one.
    if b < len(text) and (text[b - 1 : b + 1] != "\n[" or text.startswith(_INDICATOR_HEADERS, b)):
        return False
    first = text.find("\n")
    first_line = "\n" + (text if first < 0 else text[:first])
    if _REFUSED.search(first_line) or _REFUSED.search(text):
        return False
    # The middle's first line is `[[indicator]]`, the search starts at its newline.
    if _NOT_INDICATOR.search(text, a, b):
        return False
    return b == len(text) or _INDICATOR.search(text, b - 1) is None


def split_parse(
    text: str, a: int, b: int, *, meanwhile: Callable[[dict[str, Any]], object] | None = None
) -> dict[str, Any] | None:
    """The whole text's tables from head, middle (in a forked process) and tail; None if
    the cut is not safe or any piece fails, for the caller to parse the whole text."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    try:
        scratch = _scratch()
    except OSError:  # no file to share (out of descriptors): the whole text is parsed here
        return None
    try:
        receive, send = context.Pipe(duplex=False)
        # Forked: the worker has the text already; only its tables travel, piece by piece.
        worker = context.Process(target=_worker, args=(text, a, b, scratch, send), daemon=True)
        worker.start()
    except OSError:  # no process to be had
        os.close(scratch)
        return None
    send.close()
    done = False
    try:
        if not safe(text, a, b):
            return None
        head = _parse(text[:a])
        tail = _parse(text[b:]) if head is not None else None
        if head is None or tail is None:
            return None
        indicators = head.setdefault("indicator", [])
        if type(indicators) is not list or any(key in head for key in tail):
            return None  # tail keys new to the head, and "indicator" is one of the head's
        if meanwhile is not None:
            meanwhile(head)
            meanwhile(tail)
        while (where := receive.recv()) is not None:
            try:
                middle = _unpack(_read(scratch, *where))
            except (ValueError, TypeError, ArithmeticError):  # not what the worker packed
                return None
            if type(middle) is not dict or list(middle) != ["indicator"]:
                return None
            added = middle["indicator"]
            if type(added) is not list:
                return None
            indicators += added
            if meanwhile is not None:
                meanwhile(head)
        done = True
    except (EOFError, OSError):  # the worker died: the whole text is parsed here
        return None
    finally:
        receive.close()
        os.close(scratch)
        if not done:  # not waited for: refused, or a piece failed here
            worker.kill()
        worker.join()
    head.update(tail)
    return head


def pieces(text: str, a: int, b: int, size: int) -> list[tuple[int, int]]:
    """The middle ``text[a:b]`` cut at ``[[indicator]]`` lines into pieces of about
    ``size`` characters (one piece per table at the least)."""
    cuts = [a]
    while True:
        at = _cut_line(text, text.find(_CUT, cuts[-1] + max(size, 1) - 1, b))
        if not cuts[-1] < at < b:
            break
        cuts.append(at)
    return list(itertools.pairwise([*cuts, b]))


def _worker(text: str, a: int, b: int, scratch: int, send: Any) -> None:
    # Throwaway: what it builds is freed by reference counting or by its exit.
    gc.disable()
    try:
        offset = 0
        for start, end in pieces(text, a, b, PIECE_CHARS):
            payload = _pack(plaintoml.parse(text[start:end], parse_float=_float_text))
            for at in range(0, len(payload), 1 << 30):
                os.pwrite(scratch, payload[at : at + (1 << 30)], offset + at)
            send.send((offset, len(payload)))
            offset += len(payload)
        send.send(None)
    except BaseException:
        # Stopped short of None: the caller sees the pipe close and parses the whole text.
        pass
    finally:
        send.close()


def _parse(piece: str) -> dict[str, Any] | None:
    try:
        return plaintoml.parse(piece, parse_float=Decimal)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return None


# ---------------------------------------------------------------- the worker's tables in transit


def _scratch() -> int:
    """A file only the two processes share, in memory where the system allows: the
    worker writes each piece's tables there without waiting for this process to read
    (a pipe would hold it up until this process is done with the head and the tail)."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("kinerja-tomlsplit", os.MFD_CLOEXEC)
    with tempfile.TemporaryFile() as file:
        return os.dup(file.fileno())


def _read(scratch: int, offset: int, length: int) -> bytes:
    chunks = []
    while length > 0:
        chunk = os.pread(scratch, length, offset)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        offset += len(chunk)
        length -= len(chunk)
    return b"".join(chunks)


def _float_text(text: str) -> tuple[str]:
    """The worker's ``parse_float``: the float's text, which tomllib would give Decimal,
    in a 1-tuple, a type no TOML value has; :func:`_revive` makes it that Decimal."""
    return (text,)


def _pack(tables: dict[str, Any]) -> bytes:
    """Tables of plain str, int, bool, list, dict and 1-tuples in marshal's form, some ten
    times cheaper to write than pickle's for Decimals (pickle memoizes every object, and
    a Decimal travels as a call on its text anyway); pickle for what marshal cannot
    write (dates and times, a nesting too deep)."""
    try:
        return b"m" + marshal.dumps(tables)
    except ValueError:
        return b"p" + pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(payload: bytes) -> Any:
    """What :func:`_pack` packed, each float made the Decimal tomllib makes of its text."""
    if payload[:1] == b"m":
        tables = marshal.loads(memoryview(payload)[1:])
    else:
        tables = pickle.loads(memoryview(payload)[1:])
    _revive(tables)
    return tables


def _revive(tables: Any) -> None:
    """Each 1-tuple in ``tables`` replaced, in place, by ``Decimal`` of its text."""
    stack = [tables]
    while stack:
        node = stack.pop()
        for key, value in node.items() if type(node) is dict else enumerate(node):
            kind = type(value)
            if kind is tuple:
                node[key] = Decimal(value[0])
            elif kind is dict or kind is list:
                stack.append(value)
