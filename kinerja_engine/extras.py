"""Optional extras: a module that only some users install, asked for by name.

A format or an input that needs an optional extra (``xlsx``: openpyxl) imports it here,
so that a missing one is an input error that names the extra to install (the command
line exits 2 on it), never an ImportError with a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from kinerja_engine.errors import InputError
from kinerja_engine.messages import msg

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """The module ``module`` of the optional extra ``extra``, or an error that says which
    extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            msg("error.extra.missing", module=module, extra=extra),
            hint=msg("hint.extra.install", extra=extra),
        ) from None
