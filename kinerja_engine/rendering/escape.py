"""Text from a case or a rules file made safe for where it is printed.

A name, a unit, a place or a flag message is the user's text and may carry anything: an
escape sequence that recolours or clears a terminal, raw HTML or a ``javascript:`` link
that a Markdown viewer would run, a formula that a spreadsheet would evaluate. Each
output escapes it for its reader (the HTML report has Jinja's autoescape; CSV its own
neutralising in :mod:`.csv`).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["markdown_text", "terminal_text"]

# C0 and C1 controls but the newline, DEL, the bidirectional overrides and isolates (text
# that reads one way and prints another) and the Unicode line and paragraph separators.
_CONTROL: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str) -> str:
    """``text`` with every control character but the newline shown as an escape
    (``\\x1b``), so that nothing printed from a file drives the terminal."""
    return _CONTROL.sub(_visible, text)


# What Markdown would read as markup that runs or links: raw HTML and entities (``<``,
# ``&``), links and images (``[``, ``]``), and the backslash that would undo an escape.
_MARKDOWN: Final = re.compile(r"[\\<&\[\]]")
_MARKDOWN_AS: Final = {"\\": "\\\\", "<": "&lt;", "&": "&amp;", "[": "\\[", "]": "\\]"}


def markdown_text(text: str) -> str:
    """``text`` as plain words in Markdown: no raw HTML (``<script>``, ``<svg onload>``), no
    link or image (``[x](javascript:...)``), no entity; control characters shown as
    escapes. Pipes and newlines are the table's business (their cells escape them)."""
    return terminal_text(_MARKDOWN.sub(lambda m: _MARKDOWN_AS[m.group()], text))
