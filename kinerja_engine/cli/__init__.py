"""The ``kinerja`` command line (``main``), a thin shell over the public API."""

from kinerja_engine.cli.main import main

__all__ = ["main"]
