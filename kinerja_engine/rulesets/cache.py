"""Compiled rule sets kept by content, so that a rule set read again is not compiled again.

The key is the rule set's version, the hash of its merged document after ``extends``
(with the file it came from, which the rule set names): an edited file, or an edited
base it extends, has another hash and is compiled afresh. A compiled :class:`RuleSet` is
a frozen value, so one object may serve every caller and thread.

:data:`FILES` goes one step further for :func:`kinerja_engine.api.load_rules`: a rules
file whose bytes, and its bases' bytes, hash as they did is not even parsed again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from kinerja_engine.rulesets.compile import compile_rules
from kinerja_engine.rulesets.ruleset import RuleSet, RuleSetSpec

__all__ = ["COMPILED", "FILES", "MAX_CACHED", "Files", "Lru", "compiled", "forget"]

#: Rule sets kept; the least recently used goes first. A service uses a handful.
MAX_CACHED = 64

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A map of at most ``size`` entries, the least recently used dropped first; one
    lock around each step, so threads may share it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` (in place of any before it); ``value``."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


#: Compiled rule sets by (version, file, the files it was read from).
COMPILED: Lru[tuple[str, str | None, tuple[str, ...]], RuleSet] = Lru(MAX_CACHED)

#: The files a rule set was read from, the file first, then the bases it extends:
#: (path, SHA-256 of the text read).
Files = tuple[tuple[str, bytes], ...]
#: Rule sets by the path of their file, with the files they were read from.
FILES: Lru[str, tuple[Files, RuleSet]] = Lru(MAX_CACHED)


def compiled(
    spec: RuleSetSpec,
    *,
    version: str,
    origin: str | None = None,
    files: tuple[str, ...] = (),
) -> RuleSet:
    """:func:`compile_rules`, once per content: ``version`` must be the hash of ``spec``'s
    document (as :func:`~kinerja_engine.io.loading.read_rules` computes it)."""
    key = (version, origin, files)
    found = COMPILED.get(key)
    if found is not None:
        return found
    # Compiled outside the lock: two threads may both compile a new rule set, equal
    # values either way. A fault raises here and nothing is kept.
    return COMPILED.put(key, compile_rules(spec, version=version, origin=origin, files=files))


def forget() -> None:
    """Empty the caches (for tests, and a service that wants its memory back)."""
    COMPILED.clear()
    FILES.clear()
