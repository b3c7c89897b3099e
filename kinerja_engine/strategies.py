"""Moved to :mod:`kinerja_engine.testing.strategies`; this name keeps working."""

from kinerja_engine.testing.strategies import *  # noqa: F403
from kinerja_engine.testing.strategies import __all__ as __all__  # noqa: PLC0414
