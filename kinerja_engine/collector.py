"""The cyclic garbage collector held off while many objects are built in one go."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off for the block.

    A national case file becomes millions of objects, none of them in a cycle, and so
    do the results of a chunk of indicators; each full collection while they are being
    built walks every object alive, the loaded case included. Reference counting still
    frees everything; collection resumes when the block ends. Never held across a ``yield``:
    the caller's code between two items runs with the collector as the caller left it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
