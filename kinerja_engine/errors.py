"""One error hierarchy for everything the engine refuses.

Every error the engine raises on purpose is a :class:`KinerjaError`. Each carries the
place it is about (file, key path, line, column), the offending value and what was
expected, so the CLI can print ``file:line:col: key.path: message`` and exit 2 without a
traceback, and an embedding application can act on the fields instead of parsing text.
"""

from __future__ import annotations

import copy
import importlib
from types import ModuleType
from typing import ClassVar, Self

from kinerja_engine import messages
from kinerja_engine.messages import Message

__all__ = [
    "CaseError",
    "FormulaError",
    "InputError",
    "KinerjaError",
    "MissingExtra",
    "NumberError",
    "RuleSetError",
    "SchemaError",
    "require",
]


class KinerjaError(Exception):
    """Base of every error the engine raises on purpose.

    Its words are a catalogue :class:`~kinerja_engine.messages.Message` (an id and its
    fields), rendered in the reader's language by :meth:`render`; so is its hint.
    """

    kind: ClassVar[str] = "error"

    def __init__(
        self,
        message: Message,
        *,
        file: str | None = None,
        key: str | None = None,
        line: int | None = None,
        column: int | None = None,
        value: object = None,
        expected: str | None = None,
        hint: Message | None = None,
    ) -> None:
        # The message is the exception's one argument, so that a pickle (a batch worker's
        # error) rebuilds it; the place and the hint travel in its __dict__.
        super().__init__(message)
        self.text = message
        self.hint_text = hint
        self.file = file
        self.key = key
        self.line = line
        self.column = column
        self.value = value
        self.expected = expected

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text.render("en")

    @property
    def message_id(self) -> str:
        """The message in Indonesian."""
        return self.text.render("id")

    @property
    def hint(self) -> str | None:
        """The hint in English, if there is one."""
        return None if self.hint_text is None else self.hint_text.render("en") or None

    @property
    def hint_id(self) -> str | None:
        """The hint in Indonesian, if there is one."""
        return None if self.hint_text is None else self.hint_text.render("id") or None

    def located(
        self,
        *,
        file: str | None = None,
        key_prefix: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> Self:
        """A copy that also names where it happened; lower layers do not know the file."""
        other = copy.copy(self)
        if file is not None and other.file is None:
            other.file = file
        if key_prefix:
            other.key = join_key(key_prefix, other.key)
        if line is not None and other.line is None:
            other.line = line
            other.column = column
        return other

    def place(self) -> str:
        """``file:line:col: key`` with whatever parts are known."""
        parts = []
        if self.file:
            loc = self.file
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            parts.append(loc)
        if self.key:
            parts.append(self.key)
        return ": ".join(parts)

    def render(self, lang: str = "en") -> str:
        text = self.text.render(lang)
        hint = None if self.hint_text is None else self.hint_text.render(lang)
        if hint:
            text = messages.text("error.with-hint", lang, message=text, hint=hint)
        place = self.place()
        return _one_line(f"{place}: {text}" if place else text)

    def __str__(self) -> str:
        return self.render()


def _one_line(text: str) -> str:
    """Control characters from a file (a key or a file name with a newline) escaped, so
    that a message stays one line: ``file:line: key: message``."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def join_key(prefix: str, key: str | None) -> str:
    """Join key paths: ``indicator[2]`` + ``target`` -> ``indicator[2].target``."""
    if not key:
        return prefix
    if key.startswith("["):
        return prefix + key
    return f"{prefix}.{key}"


class InputError(KinerjaError):
    """A file that cannot be read as TOML: missing, unreadable, not UTF-8, too large, bad syntax."""

    kind = "input"


class SchemaError(KinerjaError):
    """A document whose shape is wrong: unknown, missing or mistyped keys."""

    kind = "schema"


class NumberError(KinerjaError):
    """A figure whose text is not a number in the notation of the case format."""

    kind = "number"


class FormulaError(KinerjaError):
    """A rule formula that does not parse, names an unknown input, or fails when evaluated."""

    kind = "formula"


class RuleSetError(KinerjaError):
    """A rule set that is inconsistent: bands with gaps or overlaps, a bad ``extends``."""

    kind = "rules"


class CaseError(KinerjaError):
    """A case whose parts do not fit together: duplicate ids, dangling references, cycles."""

    kind = "case"


# ---- issue 15 (voice)
class MissingExtra(KinerjaError):
    """A format or an input that needs an optional extra (``report``, ...) not installed:
    unusable input for this installation (exit 2), never a bug."""

    kind = "extra"


def require(module: str, extra: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` naming the extra that installs it
    (``pip install 'kinerja-engine[report]'``)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            messages.msg("error.extra.missing", module=module, extra=extra),
            hint=messages.msg("hint.extra.install", extra=extra),
        ) from None
