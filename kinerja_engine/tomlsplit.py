"""tomllib on two cores for a large case file, with tomllib's own result and errors.

A national case file is mostly one long run of ``[[indicator]]`` tables, and tomllib, pure
Python, reads about 2.5 MB a second. For a text of at least :data:`MIN_CHARS` on a machine
with a core to spare, :func:`loads` cuts the text at two line starts: the middle piece
holds only indicator tables and is parsed in a second process while this one parses the
head and the tail. The middle's indicators are appended to the head's, and the tail's
tables added.

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
* That ``[[indicator]]`` may extend the head's ``indicator`` only if it is an array of
  tables. So no line anywhere may give ``indicator`` a value (``indicator = …``,
  ``"indicator".x = …``, a quoted key with an escape, which could spell it), no header may
  name it in another form (``[indicator]``, ``["indicator"]``, an escape), and the head's
  ``indicator``, if any, must come back as a list.
* The tail holds no indicator header, and each of its top-level keys is new to the head:
  nothing it writes touches what the head or the middle wrote, and nothing they wrote
  changes what it may write (a table declared in both would be an error of the whole
  text: refused here, so that the whole text reports it).

Anything refused or failing (a piece that does not parse, a worker that dies) and the
whole text is parsed here, the ordinary way, so an error is tomllib's own with its line
and column. tests/test_tomlsplit.py compares the two parses and tries every refusal.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import tomllib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = [
    "MIN_CHARS",
    "MIN_SHARE",
    "WORKER_SHARE",
    "loads",
    "plan",
    "safe",
    "split_parse",
]

# Below this a second process costs more than it saves (starting it, sending the parsed
# tables back); the national file is 33 MB.
MIN_CHARS = 4 * 1024 * 1024
# The part of the text the worker parses. It also pickles its tables (about a sixth of
# its parsing time), while this process checks the text (:func:`safe`), parses the head
# and the tail and structures them (``meanwhile``); measured on the bench file, this
# share has both finish together.
WORKER_SHARE = 0.5
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

    ``meanwhile`` is called with the head's tables, then the tail's, while the worker is
    still parsing: work on them (structuring) that need not wait. The tables returned
    hold those very objects, the head's ``indicator`` array extended in place, unless the
    split declines: then they are new.
    """
    if len(text) >= MIN_CHARS and _spare_core():
        cut = plan(text)
        if cut is not None:
            data = split_parse(text, *cut, meanwhile=meanwhile)
            if data is not None:
                return data
    return tomllib.loads(text, parse_float=Decimal)


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
    receive, send = context.Pipe(duplex=False)
    # Forked: the worker has the text already; only its tables travel, pickled.
    worker = context.Process(target=_worker, args=(text, a, b, send), daemon=True)
    worker.start()
    send.close()
    middle = None
    try:
        if not safe(text, a, b):
            return None
        head = _parse(text[:a])
        tail = _parse(text[b:]) if head is not None else None
        if head is None or tail is None:
            return None
        if meanwhile is not None:
            meanwhile(head)
            meanwhile(tail)
        middle = receive.recv()
    except (EOFError, OSError):  # the worker died: the whole text is parsed here
        return None
    finally:
        receive.close()
        if middle is None:  # not waited for: refused, or a piece failed here
            worker.kill()
        worker.join()
    return _merge(head, middle, tail)


def _worker(text: str, a: int, b: int, send: Any) -> None:
    try:
        middle = _parse(text[a:b])
        send.send(middle)
    except BaseException:
        # Nothing sent: the caller sees the pipe close and parses the whole text itself.
        pass
    finally:
        send.close()


def _parse(piece: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(piece, parse_float=Decimal)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return None


def _merge(head: dict[str, Any], middle: Any, tail: dict[str, Any]) -> dict[str, Any] | None:
    if type(middle) is not dict or list(middle) != ["indicator"]:
        return None
    added = middle["indicator"]
    indicators = head.get("indicator")
    if type(added) is not list or (indicators is not None and type(indicators) is not list):
        return None
    if any(key in head or key == "indicator" for key in tail):
        return None
    if indicators is None:
        head["indicator"] = added
    else:
        indicators += added
    head.update(tail)
    return head
