"""TOML to models: read files safely, structure them with cattrs, name every error's place.

Reading refuses what would hurt (files that are too large, binary, not UTF-8) before
parsing, and files nested too deep as soon as tomllib has read them. Structuring uses one
cattrs ``Converter`` with unknown keys forbidden and detailed validation; its errors are
turned into :class:`SchemaError` with the key path (``indicator[3].target``), the line
where the key stands, and for a misspelled key the nearest valid one. A well-formed case
takes a one-pass fast path (:mod:`.fastcase`) to the same result; its plain lines are
read by :mod:`.plaintoml` (tomllib's result, several times faster), and a large one is
parsed on two cores (:mod:`.tomlsplit`).
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import json
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, override

from kinerja_engine.domain.model import Case, Direction, Indicator, PrintedValue, Target
from kinerja_engine.errors import KinerjaError, NumberError, RuleSetError, SchemaError
from kinerja_engine.io import textfile, tomlsplit
from kinerja_engine.io.shape import check_shape, describe, describe_id
from kinerja_engine.numbers import parse_number
from kinerja_engine.rulesets.ruleset import RuleSetSpec

if TYPE_CHECKING:
    from kinerja_engine.io.fastcase import Prepared

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "KeyLines",
    "read_case",
    "read_rules",
    "shipped_rules",
]

# The defaults; the limits in force come from textfile.max_file_bytes and max_depth.
MAX_FILE_BYTES = textfile.DEFAULT_MAX_BYTES
MAX_DEPTH = textfile.DEFAULT_MAX_DEPTH
MAX_EXTENDS = 16
T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


# ---------------------------------------------------------------- reading files


@attrs.frozen
class Document:
    """A parsed TOML file with what is needed to point back into it."""

    path: str
    data: dict[str, Any]
    lines: KeyLines
    # Read as a case (read_toml(..., as_case=True)): the nesting limit still to be checked,
    # and structures the fast path made of parts of the data while the rest was parsed.
    depth_owed: int | None = None
    prepared: Prepared | None = None

    def check_depth(self) -> None:
        """Refuse the document if it nests deeper than the limit its reading deferred."""
        if self.depth_owed is not None:
            textfile.check_data_depth(self.data, self.lines.text, self.path, self.depth_owed)

    def fail(self, exc: KinerjaError) -> KinerjaError:
        line = self.lines.line_of(exc.key) if exc.key else None
        if line is None and exc.line is None:
            # A key missing from the top level (or a fault of the whole document): the
            # place to add it is the top of the file.
            line = 1
        return exc.located(file=self.path, line=line)


def read_toml(
    path: str | Path,
    *,
    max_bytes: int | None = None,
    max_depth: int | None = None,
    as_case: bool = False,
) -> Document:
    """Read and parse a TOML file within the size and nesting limits in force
    (:mod:`.textfile`: argument, ``--max-file-size``/``--max-depth``, environment, default).

    ``as_case``: the document is for :func:`case_from_document`, which checks the nesting
    itself (a case its fast path took nests only a few levels, which it knows for free).
    """
    raw = textfile.read_limited(path, textfile.max_file_bytes(max_bytes))
    return parse_toml(raw, str(path), max_depth=max_depth, as_case=as_case)


def parse_toml(
    raw: bytes, name: str, *, max_depth: int | None = None, as_case: bool = False
) -> Document:
    text = textfile.toml_text(raw, name)
    limit = textfile.max_depth(max_depth)
    prepared: Prepared = {}

    def parse(source: str) -> dict[str, Any]:
        # tomlsplit parses a large file on two cores when that gives tomllib's own result;
        # for a case, this process structures the tables it parsed while the other works.
        if not as_case:
            return tomlsplit.loads(source)
        from kinerja_engine.io.fastcase import (
            prepare,  # fastcase builds on this module: imported on use
        )

        return tomlsplit.loads(
            source, meanwhile=lambda tables: prepared.update(prepare(tables, prepared))
        )

    data = textfile.parse_toml_text(text, name, limit, parse=parse, check_depth=not as_case)
    if not as_case:
        return Document(name, data, KeyLines(text))
    return Document(name, data, KeyLines(text), depth_owed=limit, prepared=prepared)


class KeyLines:
    """Where each key stands in a TOML text, to give errors a line number.

    tomllib keeps no positions, so this reads the text once more, line by line, tracking
    table headers and array-of-tables counts. It only locates; tomllib decides validity.
    The index is built the first time a place is asked for: a file that loads cleanly,
    as a national batch's files mostly do, never pays for it.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(
        r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
    )
    _INLINE = re.compile(r"[{,]\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: dict[tuple[str | int, ...], int] | None = None

    @property
    def _lines(self) -> dict[tuple[str | int, ...], int]:
        if self._index is None:
            self._index = self._build(self.text)
        return self._index

    def _build(self, text: str) -> dict[tuple[str | int, ...], int]:
        lines: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                if header.group(1) == "[[":
                    parts = (*self._resolve(names[:-1], counts), names[-1])
                    index = counts.get(parts, 0)
                    counts[parts] = index + 1
                    table = (*parts, index)
                else:
                    table = self._resolve(names, counts)
                lines.setdefault(table, number)
                continue
            key = self._KEY.match(line)
            if key:
                path = (*table, *_split_key(key.group(1)))
                lines.setdefault(path, number)
                rest = line[key.end() :]
                for inner in self._INLINE.finditer(rest):
                    lines.setdefault((*path, inner.group(1).strip("\"'")), number)
        return lines

    def _resolve(
        self, parts: tuple[str, ...], counts: Mapping[tuple[str | int, ...], int]
    ) -> tuple[str | int, ...]:
        # `[[indicator.printed]]` belongs to the latest `[[indicator]]`.
        resolved: tuple[str | int, ...] = ()
        for part in parts:
            resolved = (*resolved, part)
            if resolved in counts:
                resolved = (*resolved, counts[resolved] - 1)
        return resolved

    def has_under(self, key: str) -> bool:
        """Whether the text writes ``key`` or anything inside it."""
        path = _parse_path(key)
        return any(p[: len(path)] == path for p in self._lines)

    def line_of(self, key: str) -> int | None:
        """The line of ``key`` (``indicator[2].target``), else of the nearest table holding it."""
        path = _parse_path(key)
        while path:
            if path in self._lines:
                return self._lines[path]
            inside = [n for p, n in self._lines.items() if p[: len(path)] == path]
            if inside:
                return min(inside)
            path = path[:-1]
        return None


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", text)
    return tuple(p.strip("\"'") for p in parts)


def _parse_path(key: str) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    for token in re.findall(r"\[(\d+)\]|\"([^\"]*)\"|([^.\[\]\"]+)", key.removeprefix("$.")):
        index, quoted, plain = token
        if index:
            parts.append(int(index))
        else:
            parts.append(quoted or plain)
    return tuple(parts)


# ---------------------------------------------------------------- the converter


def _strict(kind: type, name: str, name_id: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise SchemaError(
                f"expected {name}, found {_describe(value)}",
                message_id=f"seharusnya {name_id}, tertulis {describe_id(value)}",
                value=value,
                expected=name,
            )
        return value

    return hook


def _enum(cls: type[E]) -> Callable[[Any, Any], E]:
    def hook(value: Any, _: Any) -> E:
        try:
            return cls(value)
        except ValueError:
            raise _not_one_of(value, [m.value for m in cls], repr(value), repr(value)) from None

    return hook


def _not_one_of(value: Any, choices: list[Any], found: str, found_id: str) -> SchemaError:
    """A word outside a fixed set, with the nearest one suggested."""
    listed = ", ".join(repr(c) for c in choices)
    near = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    return SchemaError(
        f"{found} is not one of {listed}",
        message_id=f"{found_id} bukan salah satu dari {listed}",
        value=value,
        expected=listed,
        hint=f"did you mean {near[0]!r}?" if near else None,
        hint_id=f"maksudnya {near[0]!r}?" if near else None,
    )


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is typing.Literal


def _literal(value: Any, tp: Any) -> Any:
    """One of a fixed set of words (``compare = "rounded"``), with the nearest suggested."""
    choices = typing.get_args(tp)
    if isinstance(value, str) and value in choices:
        return value
    raise _not_one_of(value, list(choices), describe(value), describe_id(value))


def _describe(value: Any) -> str:
    return describe(value)


def _decimal(value: Any, _: Any = None) -> Decimal:
    parsed = parse_number(value)
    if parsed is None:
        raise NumberError(
            "'-' (no value) is not allowed here",
            message_id="'-' (tanpa nilai) tidak boleh di sini",
            value=value,
            expected="a number",
        )
    return parsed.value


def _optional_decimal(value: Any, _: Any = None) -> Decimal | None:
    parsed = parse_number(value)
    return None if parsed is None else parsed.value


def _target(value: Any, _: Any = None) -> Target | None:
    if isinstance(value, list):
        if len(value) != 2:
            raise SchemaError(
                f"a target range has two ends, found {len(value)} values",
                message_id=f"rentang target punya dua ujung, tertulis {len(value)} nilai",
                value=value,
                expected="[low, high]",
            )
        low, high = (_decimal(v) for v in value)
        return Target(low, high)
    parsed = parse_number(value)
    return None if parsed is None else Target.point(parsed.value)


def _printed(value: Any, _: Any = None) -> PrintedValue:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise SchemaError(
            f"expected a printed figure (text or number), found {_describe(value)}",
            message_id=f"seharusnya angka tercetak (teks atau angka), tertulis {describe_id(value)}",
            value=value,
            expected="a number or the text as printed",
        )
    text = value if isinstance(value, str) else str(value)
    try:
        parsed = parse_number(value)
    except NumberError as exc:
        return PrintedValue(text=text, error=exc.message)
    if parsed is None:
        return PrintedValue(text=text)
    return PrintedValue(text=text, value=parsed.value, mark=parsed.mark)


# A history key: a year (``\d`` as Python reads it; the fast path uses the same pattern).
HISTORY_YEAR = re.compile(r"(19|20|21)\d\d")


def _history(value: Any, _: Any = None) -> dict[int, Decimal]:
    if not isinstance(value, dict):
        raise SchemaError(
            f"expected a table of years, found {_describe(value)}",
            message_id=f"seharusnya tabel tahun, tertulis {describe_id(value)}",
            value=value,
            expected="{ 2020 = 55 }",
        )
    history = {}
    for year, figure in value.items():
        if not HISTORY_YEAR.fullmatch(year):
            raise SchemaError(
                f"history key {year!r} is not a year",
                message_id=f"kunci history {year!r} bukan tahun",
                key=year,
                value=year,
                expected="a year such as 2020",
            )
        try:
            parsed = _optional_decimal(figure)
        except KinerjaError as exc:
            raise exc.located(key_prefix=year) from None
        if parsed is not None:
            history[int(year)] = parsed
    return history


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(PrintedValue, _printed)
    # cattrs would turn 2021 into "2021" and "2021" into 2021; a typed file must not pass.
    # The str and int hooks also catch their subclasses, so bool and enums get their own.
    conv.register_structure_hook(str, _strict(str, "text", "teks"))
    conv.register_structure_hook(int, _strict(int, "a whole number", "bilangan bulat"))
    conv.register_structure_hook(bool, _strict(bool, "true or false", "true atau false"))
    conv.register_structure_hook(Direction, _enum(Direction))
    conv.register_structure_hook_func(_is_literal, _literal)
    exact_hooks: list[tuple[object, Callable[[Any, Any], Any]]] = [
        (Decimal | None, _optional_decimal),
        (Target | None, _target),
        (dict[int, Decimal], _history),
    ]
    for exact, hook in exact_hooks:
        conv.register_structure_hook_func(_is(exact), hook)
    for cls, renames in _RENAMES.items():
        overrides: dict[str, Any] = {attr: override(rename=key) for attr, key in renames.items()}
        if cls is Case:
            overrides["origin"] = override(omit=True)
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **overrides))
    return conv


def _is(exact: object) -> Callable[[Any], bool]:
    return lambda t: bool(t == exact)


# Attribute names that differ from the file's keys (the file names tables in the singular).
_RENAMES: dict[type, dict[str, str]] = {
    Case: {"indicators": "indicator", "objectives": "objective"},
}

_CONVERTER = _make_converter()
# Types whose structure hooks check their own values (numbers, targets, printed figures).
_OPAQUE: frozenset[Any] = frozenset(
    {Decimal, Decimal | None, Target | None, PrintedValue, PrintedValue | None, dict[int, Decimal]}
)


def structure(data: Any, cls: type[T], root: str = "") -> T:
    """Structure ``data`` into ``cls``, turning every failure into one located KinerjaError."""
    try:
        check_shape(data, cls, "", renames=_RENAMES, opaque=_OPAQUE)
        return _CONVERTER.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise _first_error(exc, root, cls) from None
    except KinerjaError as exc:
        raise exc.located(key_prefix=root or None) from None


def _first_error(exc: BaseException, path: str, cls: Any) -> KinerjaError:
    """The first leaf of a cattrs error tree, as a KinerjaError with its key path."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        # An unknown key explains a "missing" one (a typo), so it is reported first.
        extra = [e for e in without if isinstance(e, ForbiddenExtraKeysError)]
        if extra:
            return _unknown_keys(extra[0], path)
        if with_notes:
            sub, note = with_notes[0]
            if isinstance(exc, ClassValidationError):
                name = getattr(note, "name", "?")
                key = _RENAMES.get(exc.cl, {}).get(name, name)
                return _first_error(sub, _join(path, key), note.type)
            index = getattr(note, "index", "?")
            step = f"[{index}]" if isinstance(index, int) else _quote(str(index))
            return _first_error(sub, _join(path, step), note.type)
        return _first_error(without[0], path, exc.cl)
    if isinstance(exc, KinerjaError):
        return exc.located(key_prefix=path or None)
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_keys(exc, path)
    if isinstance(exc, KeyError):
        missing = exc.args[0] if exc.args else "?"
        return SchemaError(
            f"required key {missing!r} is missing",
            message_id=f"kunci wajib {missing!r} tidak ada",
            key=path,
            expected=f"a value for {missing!r}",
        )
    return _wrong_type(exc, path, cls)


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> SchemaError:
    extra = sorted(exc.extra_fields)
    renames = _RENAMES.get(exc.cl, {})
    valid = [renames.get(a.name, a.name) for a in attrs.fields(exc.cl) if a.name != "origin"]
    first = extra[0]
    near = difflib.get_close_matches(first, valid, n=1, cutoff=0.6)
    listed = ", ".join(repr(k) for k in extra)
    plural = len(extra) > 1
    known = ", ".join(valid)
    return SchemaError(
        f"unknown key{'s' if plural else ''} {listed}"
        + ("" if near else f"; the keys allowed here are {known}"),
        message_id=f"kunci tidak dikenal {listed}"
        + ("" if near else f"; kunci yang boleh di sini: {known}"),
        key=_join(path, first),
        value=first,
        expected="one of " + known,
        hint=f"did you mean {near[0]!r}?" if near else None,
        hint_id=f"maksudnya {near[0]!r}?" if near else None,
    )


def _wrong_type(exc: BaseException, path: str, cls: Any) -> SchemaError:
    expected = _type_name(cls)
    detail = str(exc)
    if isinstance(exc, ValueError) and "is not a valid" in detail:
        found = detail.split(" is not a valid", maxsplit=1)[0]
        return SchemaError(
            f"{found} is not one of {expected}",
            message_id=f"{found} bukan salah satu dari {expected}",
            key=path,
            value=found,
            expected=expected,
        )
    if isinstance(exc, AttributeError) and "items" in detail:
        detail = "expected a table"
    return SchemaError(
        f"expected {expected} ({detail})",
        message_id=f"seharusnya {expected} ({detail})",
        key=path,
        expected=expected,
    )


def _type_name(cls: Any) -> str:
    if isinstance(cls, type) and issubclass(cls, str) and hasattr(cls, "__members__"):
        return ", ".join(repr(m.value) for m in cls.__members__.values())
    if typing.get_origin(cls) is typing.Literal:
        return ", ".join(repr(a) for a in typing.get_args(cls))
    if typing.get_origin(cls) in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(cls) if a is not type(None))
    if attrs.has(cls) or typing.get_origin(cls) is dict:
        return "a table"
    if typing.get_origin(cls) in (tuple, list):
        return "an array"
    return getattr(cls, "__name__", str(cls))


def _join(path: str, key: str) -> str:
    if not path:
        return key
    return path + key if key.startswith("[") else f"{path}.{key}"


def _quote(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


# ---------------------------------------------------------------- cases


def read_case(path: str | Path, *, max_bytes: int | None = None) -> Case:
    """Read and structure a case file; semantic checks are ``validate.validate_case``."""
    doc = read_toml(path, max_bytes=max_bytes, as_case=True)
    return case_from_document(doc)


def case_from_document(doc: Document) -> Case:
    # fast_case reads a well-formed case in one pass and gives up on anything else, which
    # the general path below then reports.
    from kinerja_engine.io.fastcase import DEPTH, fast_case

    case = fast_case(doc.data, doc.prepared)
    if case is None or (doc.depth_owed is not None and doc.depth_owed < DEPTH):
        # A nesting fault is reported before anything else, as when checked on reading;
        # a case the fast path took nests no deeper than DEPTH.
        doc.check_depth()
    if case is None:
        try:
            data = _without_units(doc.data)
            _check_marks(data)
            case = structure(data, Case)
        except KinerjaError as exc:
            raise doc.fail(exc) from None
    return attrs.evolve(case, indicators=_printed_units(case.indicators), origin=doc.path)


_UNIT_WORD = re.compile(r"^[^\W\d_][\w .]*$")


def _strip_unit(value: Any, unit: str) -> Any:
    """``"16,82 cm"`` for an indicator in ``cm`` reads as ``"16,82"``; other values as they are."""
    if not isinstance(value, str) or not _UNIT_WORD.match(unit) or unit.lower() in ("rp", "rp."):
        return value
    if unit.strip().lower() in _DURATION_FAMILY:
        # "6 jam 37 menit" for an indicator in jam is a duration, read in minutes like
        # "7 jam"; stripping the word would read one as 7 and the other as 397.
        return value
    text = value.rstrip()
    if text.lower().endswith(unit.lower()) and text[: -len(unit)].rstrip() != text[: -len(unit)]:
        return text[: -len(unit)].rstrip()
    return value


def _without_units(data: dict[str, Any]) -> dict[str, Any]:
    """The document with each indicator's own unit word dropped from its input figures."""
    indicators = data.get("indicator")
    if not isinstance(indicators, list):
        return data
    out = []
    for raw in indicators:
        unit = raw.get("unit") if isinstance(raw, dict) else None
        if not isinstance(unit, str):
            out.append(raw)
            continue
        ind = dict(raw)
        for key in ("realisasi", "renstra_target", "target"):
            if isinstance(ind.get(key), list):
                ind[key] = [_strip_unit(v, unit) for v in ind[key]]
            elif key in ind:
                ind[key] = _strip_unit(ind[key], unit)
        if isinstance(ind.get("history"), dict):
            ind["history"] = {y: _strip_unit(v, unit) for y, v in ind["history"].items()}
        out.append(ind)
    return {**data, "indicator": out}


def _printed_units(indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """A printed figure followed by its indicator's unit (``"20 cm"``) is that number;
    its text stays as printed."""
    fixed = []
    for ind in indicators:
        if not any(
            pv is not None and pv.error is not None
            for e in ind.printed
            for pv in (e.target, e.realisasi)
        ):
            fixed.append(ind)
            continue
        entries = []
        for entry in ind.printed:
            changes: dict[str, Any] = {}
            for field in _PRINTED_FIGURES:
                pv: PrintedValue | None = getattr(entry, field)
                if pv is None or pv.error is None:
                    continue
                stripped = _strip_unit(pv.text, ind.unit)
                if stripped is not pv.text:
                    reading = _printed(stripped)
                    if reading.error is None:
                        changes[field] = attrs.evolve(reading, text=pv.text)
            entries.append(attrs.evolve(entry, **changes) if changes else entry)
        fixed.append(attrs.evolve(ind, printed=tuple(entries)))
    return tuple(fixed)


_PRINTED_FIGURES = ("target", "realisasi")


# Duration unit words, the family their figures are read in, and each family's base unit.
_DURATION_FAMILY = {
    "detik": "minutes",
    "menit": "minutes",
    "jam": "minutes",
    "hari": "minutes",
    "bulan": "months",
    "tahun": "months",
}
_FAMILY_BASE = {"minutes": ("menit", "minutes", "menit"), "months": ("bulan", "months", "bulan")}


def _check_marks(data: Mapping[str, Any]) -> None:
    """Unit marks in an indicator's input figures must agree with each other and its unit."""
    indicators = data.get("indicator")
    if not isinstance(indicators, list):
        return
    for n, ind in enumerate(indicators):
        if not isinstance(ind, dict):
            continue
        unit = str(ind.get("unit", "")).strip().lower()
        durations: dict[str, str] = {}
        plain: list[str] = []
        for key, raw in _input_figures(ind):
            try:
                parsed = parse_number(raw)
            except KinerjaError:
                continue  # the converter reports it with its key
            if parsed is None:
                continue
            if parsed.mark == "%" and unit not in ("%", "persen", "percent", ""):
                raise NumberError(
                    f"{raw!r} is a percentage but the indicator's unit is {ind.get('unit')!r}",
                    message_id=f"{raw!r} berupa persen, padahal satuan indikator {ind.get('unit')!r}",
                    key=f"indicator[{n}].{key}",
                    value=raw,
                    expected=f"a figure in {ind.get('unit')}",
                )
            if parsed.mark == "Rp" and unit in ("%", "persen", "percent"):
                raise NumberError(
                    f"{raw!r} is a rupiah amount but the indicator's unit is '%'",
                    message_id=f"{raw!r} berupa rupiah, padahal satuan indikator '%'",
                    key=f"indicator[{n}].{key}",
                    value=raw,
                    expected="a percentage",
                )
            if parsed.duration is not None:
                durations[key] = parsed.duration
            else:
                plain.append(key)
        if len(set(durations.values())) > 1:
            listed = ", ".join(f"{k} in {v}" for k, v in durations.items())
            listed_id = ", ".join(f"{k} dalam {_FAMILY_BASE[v][2]}" for k, v in durations.items())
            raise NumberError(
                f"the indicator's figures mix durations in minutes and in months ({listed})",
                message_id=f"angka indikator mencampur durasi menit dan bulan ({listed_id})",
                key=f"indicator[{n}]",
                expected="one duration family: detik/menit/jam/hari or bulan/tahun",
            )
        _check_duration_unit(n, ind, unit, durations, plain)


def _check_duration_unit(
    n: int, ind: Mapping[str, Any], unit: str, durations: Mapping[str, str], plain: list[str]
) -> None:
    """A duration text is read in minutes or months: refuse it where the indicator's unit
    says the figures are in another duration unit, instead of comparing 397 with 7."""
    if not durations or unit not in _DURATION_FAMILY:
        return
    key, family = next(iter(durations.items()))
    base, name_en, name_id = _FAMILY_BASE[family]
    raw = _figure(ind, key)
    if _DURATION_FAMILY[unit] != family or (unit != base and plain):
        raise NumberError(
            f"{raw!r} is a duration, read in {name_en}, but the indicator's unit is {unit!r}"
            + (f" and {plain[0]} is a plain number" if plain else ""),
            message_id=f"{raw!r} berupa durasi, dibaca dalam {name_id}, padahal satuan indikator"
            f" {unit!r}" + (f" dan {plain[0]} angka biasa" if plain else ""),
            key=f"indicator[{n}].{key}",
            value=raw,
            expected=f"figures in {unit}",
            hint=f"write every figure as a plain number of {unit}, or every figure as a duration",
            hint_id=f"tulis semua angka sebagai angka biasa dalam {unit}, atau semuanya sebagai"
            " durasi",
        )


def _figure(ind: Mapping[str, Any], key: str) -> Any:
    return dict(_input_figures(ind))[key]


def _input_figures(ind: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for key in ("realisasi", "renstra_target"):
        if key in ind:
            yield key, ind[key]
    target = ind.get("target")
    if isinstance(target, list):
        for i, v in enumerate(target):
            yield f"target[{i}]", v
    elif target is not None:
        yield "target", target
    history = ind.get("history")
    if isinstance(history, dict):
        for year, v in history.items():
            yield f"history.{year}", v


# ---------------------------------------------------------------- rule sets

SHIPPED_SUFFIX = ".toml"


def _shipped_dir() -> Path:
    installed = Path(str(resources.files("kinerja_engine"))) / "rules"
    if installed.is_dir():
        return installed
    # A source checkout that was not installed: rules/ sits beside the package.
    return Path(__file__).resolve().parents[2] / "rules"


def shipped_rules() -> dict[str, Path]:
    """The shipped rule sets by name."""
    folder = _shipped_dir()
    return {p.stem: p for p in sorted(folder.glob("*" + SHIPPED_SUFFIX))}


def _rules_path(name_or_path: str | Path, base: Path | None) -> Path:
    text = str(name_or_path)
    shipped = shipped_rules()
    if text in shipped:
        return shipped[text]
    looks_like_path = text.endswith(SHIPPED_SUFFIX) or "/" in text or "\\" in text
    if looks_like_path:
        p = Path(text)
        if not p.is_absolute() and base is not None:
            p = base / p
        return p
    near = difflib.get_close_matches(text, list(shipped), n=1, cutoff=0.5)
    names = ", ".join(shipped)
    raise RuleSetError(
        f"unknown rule set {text!r}: not a shipped rule set ({names}) nor a path to a .toml file",
        message_id=f"aturan {text!r} tidak dikenal: bukan aturan bawaan ({names}) dan bukan"
        " jalur ke berkas .toml",
        value=text,
        expected=f"a shipped rule set ({names}) or a path to a .toml file",
        hint=f"did you mean {near[0]!r}?" if near else None,
        hint_id=f"maksudnya {near[0]!r}?" if near else None,
    )


def rules_file(name_or_path: str | Path, base: Path | None) -> Path:
    """The file of a rule set named by a case or an ``extends``; an unlocated error if none."""
    path = _rules_path(name_or_path, base)
    if not path.is_file():
        what, what_id = (
            ("is a folder", "adalah folder") if path.is_dir() else ("does not exist", "tidak ada")
        )
        raise RuleSetError(
            f"the rule set file {str(path)!r} {what}",
            message_id=f"berkas aturan {str(path)!r} {what_id}",
            value=str(name_or_path),
            expected="a shipped rule set name or the path of a rules file, relative to this file",
        )
    return path


def key_line(path: str, key: str) -> int | None:
    """The line of ``key`` in a TOML file already read once; None if it cannot be read."""
    try:
        return read_toml(path).lines.line_of(key)
    except KinerjaError:
        return None


@attrs.frozen
class RulesSource:
    """A rule set's file with ``extends`` applied: the merged data, its hash, its files."""

    spec: RuleSetSpec
    version: str
    path: str
    documents: tuple[Document, ...]  # the file first, then what it extends

    def fail(self, exc: KinerjaError) -> KinerjaError:
        return _owner(list(self.documents), exc.key).fail(exc)


def read_rules(name_or_path: str | Path, *, base: Path | None = None) -> RulesSource:
    """Read a rule set by shipped name or path, applying ``extends`` (child keys win)."""
    chain: list[Document] = []
    target: str | Path = name_or_path
    here = base
    while True:
        if not chain:
            path = _rules_path(target, here)
        else:
            # A base that cannot be found is the fault of the `extends` line naming it.
            try:
                path = rules_file(target, here)
            except KinerjaError as exc:
                raise chain[-1].fail(exc.located(key_prefix="extends")) from None
        if any(Path(d.path).resolve() == path.resolve() for d in chain if path.exists()):
            names = " -> ".join([*(d.path for d in chain), str(path)])
            if len(chain) == 1:
                what, what_id = "extends itself", "memperluas dirinya sendiri"
            else:
                what, what_id = (
                    f"is part of a cycle: {names}",
                    f"menjadi bagian dari putaran: {names}",
                )
            raise RuleSetError(
                f"the rule set {what}",
                message_id=f"aturan ini {what_id}",
                file=chain[-1].path,
                key="extends",
                line=chain[-1].lines.line_of("extends"),
                value=names,
                expected="a chain of extends that ends",
            )
        doc = read_toml(path)
        chain.append(doc)
        parent = doc.data.get("extends")
        if parent is None:
            break
        if not isinstance(parent, str):
            raise doc.fail(
                SchemaError(
                    f"extends must name a rule set, found {_describe(parent)}",
                    message_id=f"extends harus menyebut aturan, tertulis {describe_id(parent)}",
                    key="extends",
                    value=parent,
                    expected="a rule-set name or path",
                )
            )
        if len(chain) > MAX_EXTENDS:
            raise doc.fail(
                RuleSetError(
                    f"the chain of extends is longer than {MAX_EXTENDS} rule sets",
                    message_id=f"rantai extends lebih panjang dari {MAX_EXTENDS} aturan",
                    key="extends",
                    expected=f"at most {MAX_EXTENDS} rule sets in a chain",
                )
            )
        target, here = parent, path.parent
    merged: dict[str, Any] = {}
    for doc in reversed(chain):
        merged = _merge(merged, doc.data)
    merged.pop("extends", None)
    leaf = chain[0]
    if len(chain) > 1 and "name" not in leaf.data:
        merged["name"] = Path(leaf.path).stem
    if len(chain) > 1 and "title" not in leaf.data:
        parent = chain[1].data
        merged["title"] = f"extends {parent.get('name', '?')}: {parent.get('title', '')}".rstrip(
            ": "
        )
    try:
        spec = structure(merged, RuleSetSpec)
    except KinerjaError as exc:
        raise _owner(chain, exc.key).fail(exc) from None
    return RulesSource(spec=spec, version=_version(merged), path=leaf.path, documents=tuple(chain))


def _owner(chain: list[Document], key: str | None) -> Document:
    """The file of an ``extends`` chain to blame for ``key``: the first, child first,
    that writes the key itself or, failing that, anything in the table holding it."""
    if key:
        path = _parse_path(key)
        parent = ".".join(f'"{p}"' if isinstance(p, str) else f"[{p}]" for p in path[:-1])
        for doc in chain:
            if doc.lines.has_under(key) or (parent and doc.lines.has_under(parent)):
                return doc
    return chain[0]


def _merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """Child keys win; tables merge key by key, so bands and flags merge by label and code.

    A ``bands`` table with ``inherit = false`` replaces the base's bands instead.
    """
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and key == "bands" and "inherit" in value:
            own = {k: v for k, v in value.items() if k != "inherit"}
            out[key] = own if value["inherit"] is False else _merge(out.get(key, {}), own)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _version(data: Mapping[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
