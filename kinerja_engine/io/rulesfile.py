"""Rule sets by name or path: the shipped ones, a rules file's ``extends`` chain merged
(child keys win), structured into a :class:`RuleSetSpec` with every fault located in the
file of the chain that wrote it."""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from kinerja_engine import messages
from kinerja_engine.errors import KinerjaError, RuleSetError, SchemaError
from kinerja_engine.io.shape import described
from kinerja_engine.io.structure import structure
from kinerja_engine.io.textfile import Document, parse_key_path, read_toml
from kinerja_engine.messages import msg
from kinerja_engine.rulesets.ruleset import RuleSetSpec

__all__ = ["MAX_EXTENDS", "RulesSource", "key_line", "read_rules", "rules_file", "shipped_rules"]

MAX_EXTENDS = 16
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
        msg("error.rulesfile.unknown", name=text, names=names),
        value=text,
        expected=messages.text("expected.rulesfile.name", "en", names=names),
        hint=msg("hint.did-you-mean", name=near[0]) if near else None,
    )


def rules_file(name_or_path: str | Path, base: Path | None) -> Path:
    """The file of a rule set named by a case or an ``extends``; an unlocated error if none."""
    path = _rules_path(name_or_path, base)
    if not path.is_file():
        what = "error.rulesfile.is-folder" if path.is_dir() else "error.rulesfile.missing"
        raise RuleSetError(
            msg(what, path=str(path)),
            value=str(name_or_path),
            expected=messages.text("expected.rulesfile.path", "en"),
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
                what = msg("error.rulesfile.extends-itself")
            else:
                what = msg("error.rulesfile.cycle", names=names)
            raise RuleSetError(
                what,
                file=chain[-1].path,
                key="extends",
                line=chain[-1].lines.line_of("extends"),
                value=names,
                expected=messages.text("expected.rulesfile.chain-ends", "en"),
            )
        doc = read_toml(path)
        chain.append(doc)
        parent = doc.data.get("extends")
        if parent is None:
            break
        if not isinstance(parent, str):
            raise doc.fail(
                SchemaError(
                    msg("error.rulesfile.extends-type", found=described(parent)),
                    key="extends",
                    value=parent,
                    expected=messages.text("expected.rulesfile.extends", "en"),
                )
            )
        if len(chain) > MAX_EXTENDS:
            raise doc.fail(
                RuleSetError(
                    msg("error.rulesfile.chain-length", most=MAX_EXTENDS),
                    key="extends",
                    expected=messages.text(
                        "expected.rulesfile.chain-length", "en", most=MAX_EXTENDS
                    ),
                )
            )
        target, here = parent, path.parent
    merged: dict[str, Any] = {}
    for doc in reversed(chain):
        try:
            merged = _merge(merged, doc.data)
        except KinerjaError as exc:
            raise doc.fail(exc) from None
    merged.pop("extends", None)
    leaf = chain[0]
    if len(chain) > 1 and "name" not in leaf.data:
        merged["name"] = Path(leaf.path).stem
    if len(chain) > 1 and "title" not in leaf.data:
        parent = chain[1].data
        merged["title"] = f"extends {parent.get('name', '?')}: {parent.get('title', '')}".rstrip(
            ": "
        )
    # A base's title in each language is not this rule set's: titles are the leaf's own.
    for key in _TITLES:
        if len(chain) > 1 and key not in leaf.data:
            merged.pop(key, None)
    try:
        spec = structure(merged, RuleSetSpec)
    except KinerjaError as exc:
        raise _owner(chain, exc.key).fail(exc) from None
    return RulesSource(spec=spec, version=_version(merged), path=leaf.path, documents=tuple(chain))


def _owner(chain: list[Document], key: str | None) -> Document:
    """The file of an ``extends`` chain to blame for ``key``: the first, child first,
    that writes the key itself or, failing that, anything in the table holding it."""
    if key:
        path = parse_key_path(key)
        parent = ".".join(f'"{p}"' if isinstance(p, str) else f"[{p}]" for p in path[:-1])
        for doc in chain:
            if doc.lines.has_under(key) or (parent and doc.lines.has_under(parent)):
                return doc
    return chain[0]


def _merge(base: Mapping[str, Any], child: Mapping[str, Any], at: str = "") -> dict[str, Any]:
    """Child keys win; tables merge key by key, so bands and flags merge by label and code.

    A ``bands`` table with ``inherit = false`` replaces the base's bands instead.
    """
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and key == "bands" and "inherit" in value:
            inherit = value["inherit"]
            if type(inherit) is not bool:
                # "false" and 0 would read as true, the opposite of what was meant.
                expected = msg("value.true-false")
                raise SchemaError(
                    msg("error.shape.expected", expected=expected, found=described(inherit)),
                    key=f"{at}bands.inherit",
                    value=inherit,
                    expected=expected.render("en"),
                )
            own = {k: v for k, v in value.items() if k != "inherit"}
            out[key] = _merge(out.get(key, {}), own, f"{at}{key}.") if inherit else own
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, f"{at}{key}.")
        else:
            out[key] = value
    return out


# A title in each language is words about the method, not the method: outside the version.
_TITLES = ("title_id", "title_en")


def _version(data: Mapping[str, Any]) -> str:
    method = {k: v for k, v in data.items() if k not in _TITLES}
    canonical = json.dumps(method, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
