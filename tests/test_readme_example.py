"""The README's guide to kinerja_engine.testing.strategies: its example runs, as it is printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = "## Property-based testing with `kinerja_engine.strategies`"


def example() -> str:
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, "the README lost its property-based testing guide"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert blocks, "the guide has no python example"
    return str(blocks[0])


def test_the_readme_example_runs_as_printed() -> None:
    code = example()
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(code, f"{README}:example", "exec"), namespace)
    tests = {name: f for name, f in namespace.items() if name.startswith("test_")}
    assert len(tests) >= 3
    for test in tests.values():
        assert hasattr(test, "hypothesis"), "each example test is a hypothesis property"
        test()
