"""JSON Schemas of the case and rule-set formats, for editors and other programs, and of
the JSON output (``report``, ``summary``, ``compare``) for programs that read it.

Written by hand (``schemas/*.json``, shipped in the package) rather than generated from
the attrs models: the schemas carry what the models cannot say (descriptions, the id
pattern, that a rule set with ``extends`` is partial), and a test holds their property
names against the models so the two cannot drift apart. Editors with TOML schema support
(Taplo / Even Better TOML, Tombi) check and complete a file against them while a person
types: put ``#:schema ./case.schema.json`` on a case file's first line, after saving the
output of ``kinerja schema case`` beside it. The output schemas describe what
``--format json`` writes (rendering/basic.py, rendering/summary.py); a test validates
every shipped case's output against them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMAS", "schema", "schema_text"]

SCHEMAS = {
    "case": "case.schema.json",
    "rules": "rules.schema.json",
    # ---- issue 15 (outschema): the JSON output, as programs read it
    "report": "report.schema.json",
    "summary": "summary.schema.json",
    "compare": "compare.schema.json",
}


def schema_text(kind: str) -> str:
    """The schema of ``kind`` (a key of :data:`SCHEMAS`) as shipped: JSON text."""
    try:
        name = SCHEMAS[kind]
    except KeyError:
        raise ValueError(f"unknown schema {kind!r}: expected one of {', '.join(SCHEMAS)}") from None
    return (
        resources.files("kinerja_engine.io").joinpath("schemas", name).read_text(encoding="utf-8")
    )


def schema(kind: str) -> dict[str, Any]:
    """The schema of ``kind`` as a JSON object."""
    data: dict[str, Any] = json.loads(schema_text(kind))
    return data
