"""Case files to models: read (:mod:`.textfile`), structured (:mod:`.structure`), and
every fault located in the file; rule sets are read by :mod:`.rulesfile`.

The names other modules import from here, reading and rule-set lookup included, stay
importable from this module.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from kinerja_engine.domain.model import Case
from kinerja_engine.errors import KinerjaError
from kinerja_engine.io import textfile
from kinerja_engine.io.rulesfile import (
    MAX_EXTENDS,
    RulesSource,
    key_line,
    read_rules,
    rules_file,
    shipped_rules,
)
from kinerja_engine.io.structure import case_from_data, structure
from kinerja_engine.io.tables import MODEL_DEPTH
from kinerja_engine.io.textfile import Document, KeyLines, parse_toml, read_toml

__all__ = [
    "MAX_DEPTH",
    "MAX_EXTENDS",
    "MAX_FILE_BYTES",
    "Document",
    "KeyLines",
    "RulesSource",
    "case_from_document",
    "key_line",
    "parse_toml",
    "read_case",
    "read_rules",
    "read_toml",
    "rules_file",
    "shipped_rules",
    "structure",
]

# The defaults; the limits in force come from textfile.max_file_bytes and max_depth.
MAX_FILE_BYTES = textfile.DEFAULT_MAX_BYTES
MAX_DEPTH = textfile.DEFAULT_MAX_DEPTH


def read_case(path: str | Path, *, max_bytes: int | None = None) -> Case:
    """Read and structure a case file; semantic checks are ``validate.validate_case``."""
    return case_from_document(read_toml(path, max_bytes=max_bytes, as_case=True))


def case_from_document(doc: Document) -> Case:
    """The case ``doc`` holds; a fault raises located in its file."""
    try:
        case = case_from_data(doc.data)
    except KinerjaError as exc:
        # A nesting fault is reported before anything else, as when checked on reading.
        doc.check_depth()
        raise doc.fail(exc) from None
    if doc.depth_owed is not None and doc.depth_owed < MODEL_DEPTH:
        # A structured case nests no deeper than MODEL_DEPTH: only a lower limit can refuse it.
        doc.check_depth()
    return attrs.evolve(case, origin=doc.path)
