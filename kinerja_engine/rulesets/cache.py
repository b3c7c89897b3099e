"""Compiled rule sets kept by content, so that a rule set read again is not compiled again.

The key is the rule set's version, the hash of its merged document after ``extends``
(with the file it came from, which the rule set names): an edited file, or an edited
base it extends, has another hash and is compiled afresh. A compiled :class:`RuleSet` is
a frozen value, so one object may serve every caller and thread.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from kinerja_engine.rulesets.compile import compile_rules
from kinerja_engine.rulesets.ruleset import RuleSet, RuleSetSpec

__all__ = ["MAX_CACHED", "compiled", "forget"]

#: Rule sets kept; the least recently used goes first. A service uses a handful.
MAX_CACHED = 64

_CACHE: OrderedDict[tuple[str, str | None], RuleSet] = OrderedDict()
_LOCK = threading.Lock()


def compiled(spec: RuleSetSpec, *, version: str, origin: str | None = None) -> RuleSet:
    """:func:`compile_rules`, once per content: ``version`` must be the hash of ``spec``'s
    document (as :func:`~kinerja_engine.io.loading.read_rules` computes it)."""
    key = (version, origin)
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    # Compiled outside the lock: two threads may both compile a new rule set, and the
    # results are equal values; a fault raises here and nothing is kept.
    rules = compile_rules(spec, version=version, origin=origin)
    with _LOCK:
        rules = _CACHE.setdefault(key, rules)  # the first compiled, if two threads raced
        _CACHE.move_to_end(key)
        while len(_CACHE) > MAX_CACHED:
            _CACHE.popitem(last=False)
    return rules


def forget() -> None:
    """Empty the cache (for tests, and a service that wants its memory back)."""
    with _LOCK:
        _CACHE.clear()
