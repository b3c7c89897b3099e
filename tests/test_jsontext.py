"""The JSON writer of reports gives json.dumps's text, character for character."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kinerja_engine.rendering.jsontext import dumps

_SCALARS = st.none() | st.booleans() | st.integers() | st.text()
VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(VALUES)
@example({"a": [], "b": {}, "c": [None, True, False, 0, -1], "d": '\u2028"\\\n\x00é'})
@example([{"flags": ["x"], "capaian": "-0.00"}, {}])
def test_dumps_is_json_dumps(value: object) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [1.5, {1: "a"}, {"a": {1, 2}}, object()])
def test_what_json_has_no_form_for_here_is_refused(value: object) -> None:
    with pytest.raises(TypeError):
        dumps(value)
