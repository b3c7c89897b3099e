"""tomllib's messages, as the loader says them: each from the message catalogue, in both
languages, with tomllib's key shown as the file writes it."""

from __future__ import annotations

import pytest

from kinerja_engine.errors import InputError
from kinerja_engine.io.textfile import parse_toml_text
from kinerja_engine.messages import Message


def _refusal(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_toml_text(text, "case.toml", 32)
    return caught.value


@pytest.mark.parametrize(
    ("text", "message_id", "english", "indonesian"),
    [
        ("a = x\n", "error.toml.value", "this is not a TOML value", "ini bukan nilai TOML"),
        (
            "[a]\nx = 1\n[a]\n",
            "error.toml.declared-twice",
            "the table [a] is declared twice",
            "tabel [a] dideklarasikan dua kali",
        ),
        (
            "a = 1\na = 2\n",
            "error.toml.overwrite",
            "this key already has a value",
            "kunci ini sudah punya nilai",
        ),
        (
            "a = {b = 1\n",
            "error.toml.unclosed-inline-table",
            "the inline table is not closed with '}' on the same line",
            "tabel sebaris tidak ditutup dengan '}' di baris yang sama",
        ),
    ],
)
def test_a_toml_fault_is_said_from_the_catalogue(
    text: str, message_id: str, english: str, indonesian: str
) -> None:
    err = _refusal(text)
    assert isinstance(err.text, Message) and err.text.id == "error.toml.invalid"
    reason = err.text.fields["reason"]
    assert isinstance(reason, Message) and reason.id == message_id
    assert english in err.render("en") and err.render("en").startswith("case.toml:")
    assert indonesian in err.render("id") and "bukan TOML yang sah" in err.render("id")


def test_a_figure_written_as_printed_gets_its_hint_in_both_languages() -> None:
    err = _refusal("target = 56,5\n")
    assert isinstance(err.hint_text, Message) and err.hint_text.id == "hint.toml.decimal-point"
    assert err.render("en").endswith("""(hint: a TOML number uses a decimal point (56.5); or \
write the figure as printed, in quotes: "56,5")""")
    assert "(saran: angka TOML memakai titik desimal (56.5)" in err.render("id")
