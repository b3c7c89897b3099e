"""Fuzzing: whatever a file holds, the engine answers with a KinerjaError or a result.

Random bytes, random TOML documents, mutations of real case and rules files, and
structurally valid cases with extreme figures go through ``load_case``, ``load_rules``,
``evaluate``, ``check``, every renderer and the CLI. The invariants:

* nothing but a :class:`KinerjaError` escapes the API, and the CLI exits 0, 1 or 2 without
  a traceback (3 would be a bug it caught);
* evaluation terminates (each example runs under a time limit);
* a result that is not ``computed`` carries no made-up capaian, and a computed one has one.

Runs under the ``ci`` profile of tests/conftest.py by default; ``HYPOTHESIS_PROFILE=thorough``
tries many more examples (see docs/errors.md, "Fuzzing").
"""

from __future__ import annotations

import contextlib
import copy
import io
import signal
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli_w
from conftest import ROOT, SEED
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.batch import evaluate_many
from kinerja_engine.cli.main import main
from kinerja_engine.domain.model import (
    Budget,
    BudgetLine,
    Direction,
    Indicator,
    Objective,
    PrintedEntry,
    PrintedValue,
    ReportInfo,
    Target,
)
from kinerja_engine.domain.results import Status
from kinerja_engine.errors import NumberError
from kinerja_engine.rendering.basic import render
from kinerja_engine.rendering.reports import CASE_FORMATS, render_report

TIME_LIMIT = 20.0  # seconds per example; far above any real evaluation
SHIPPED = ("permendagri-86-2017", "kepmendagri-690-1996", "pmk-214-2017")
FORMATS = ("table", "markdown", "json")
# Exponents far past any figure (issue 14): the loader must refuse them in a second with a
# located error, and nothing may format them in full (1e-999999999 is a billion digits).
EXTREMES = [
    Decimal("1E-999999999"),
    Decimal("-1E-999999999"),
    Decimal("0E-999999999"),
    Decimal("1E+999999"),
    Decimal("-1E-3000000"),
    Decimal("0E+999999"),
]


@contextlib.contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Fail the example (not with a KinerjaError) if it runs longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: evaluation must terminate")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def put(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


# ---------------------------------------------------------------- what a file may hold

# Keys of both formats, some misspelled, so random documents reach past the first check.
KEYS = [
    "format", "report", "agency", "year", "rules", "source", "indicator", "id", "name", "unit",
    "direction", "target", "realisasi", "objective", "history", "renstra_target", "budget",
    "pagu", "printed", "where", "capaian", "serapan", "share", "progress", "category",
    "efficiency", "verdict", "parent", "printed_percent", "extends", "display", "places",
    "rounding", "categories", "bands", "lower", "upper", "lower_inclusive", "inherit",
    "compare", "domain", "formula", "score", "flags", "when", "severity", "message_id",
    "message_en", "audit", "weights", "rollup", "cap", "floor", "higher_is_better",
    "lower_is_better", "within_range", "2020", "agecny", "Sangat Tinggi",
]  # fmt: skip
WORDS = [
    "kinerja-case/1", "kinerja-rules/1", "permendagri-86-2017", "pmk-214-2017", "higher_is_better",
    "lower_is_better", "within_range", "%", "Rp", "orang", "jam", "bulan", "-", "87,08 %",
    "1.418.633.200,00", "Rp. 51.000.000.000,-", "2,5 T", "51 M", "6 jam 37 menit", "1.234",
    "1,234", "87.5", "12..5", "1e400", "--5", "Rp", "1,2,3", "Sangat tinggi", "realisasi / target * 100",
    "(2 * target - realisasi) / target * 100", "target / (realisasi - realisasi) * 100",
    "capaian >= 100", "if(realisasi > 0, 1, 0)", "serapan < 50", "{capaian}", "self.toml",
    "../rules/x.toml", "rounded", "exact", "half_up", "mean", "geometric_mean", "warning",
]  # fmt: skip

decimals = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            Decimal("1E+400"),
            Decimal("1E-400"),
            Decimal("-0"),
            Decimal("1E+20"),
            Decimal("0.001"),
            *EXTREMES,
        ]
    ),
)
scalars = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    decimals,
    st.booleans(),
    st.sampled_from(WORDS),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


def dump(data: dict[str, Any]) -> bytes:
    return tomli_w.dumps(data).encode("utf-8")


def only_kinerja_errors(run: Any) -> Any:
    """Call ``run``; a KinerjaError is an answer, anything else fails the test."""
    with time_limit():
        try:
            return run()
        except ke.KinerjaError as exc:
            text = exc.render("en")
            assert text and exc.message_id, "every error has both languages"
            return None


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with time_limit(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_answered(code: int, err: str) -> None:
    assert "Traceback" not in err
    assert code in (0, 1, 2), err
    if code == 2:
        assert err.startswith("kinerja: ") and err.count("\n") == 1, err


def exercise(case: ke.Case, rules: ke.RuleSet | str | None = None) -> None:
    """Evaluate, check and render a loaded case; assert what every result must hold."""
    report = ke.evaluate(case, rules)
    for r in report.indicators:
        if r.status is Status.COMPUTED:
            assert r.capaian is not None
        else:
            assert r.capaian is None and r.reason and r.reason_id
    audited = ke.check(case, rules)
    loaded = ke.load_rules(rules) if isinstance(rules, str) else rules
    plain = ke.evaluate(case, loaded)
    for lang in ("id", "en"):
        for fmt in FORMATS:
            assert render(audited, fmt, lang)
        # The document formats, for the evaluated and the checked report (their layouts
        # differ: one row per indicator, or per finding).
        for shown in (plain, audited):
            for fmt in CASE_FORMATS:
                assert render_report(case, shown, fmt, lang, rules=loaded)


# ---------------------------------------------------------------- bytes and documents


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_bytes_get_an_answer(scratch: Path, raw: bytes) -> None:
    path = put(scratch, "bytes.toml", raw)
    only_kinerja_errors(lambda: ke.load_case(path))
    only_kinerja_errors(lambda: ke.load_rules(path))


@given(doc=documents)
def test_random_toml_documents_get_an_answer(scratch: Path, doc: dict[str, Any]) -> None:
    path = put(scratch, "doc.toml", dump(doc))
    case = only_kinerja_errors(lambda: ke.load_case(path))
    if case is not None:
        only_kinerja_errors(lambda: exercise(case))
    only_kinerja_errors(lambda: ke.load_rules(path))


# ---------------------------------------------------------------- mutations of real files

CASE_DOC: dict[str, Any] = {
    "format": "kinerja-case/1",
    "report": {"agency": "Dinas X", "year": 2021, "rules": "permendagri-86-2017"},
    "objective": [{"id": "o", "name": "O"}],
    "indicator": [
        {
            "id": "a",
            "name": "A",
            "unit": "%",
            "direction": "higher_is_better",
            "target": "87,07 %",
            "realisasi": Decimal("87.08"),
            "objective": "o",
            "history": {"2020": "81,55"},
            "renstra_target": 90,
            "budget": {"pagu": "Rp. 1.418.633.200,00", "realisasi": "1.324.391.015,00"},
            "printed": [
                {"where": "Tabel 9", "serapan": "93,08", "capaian": "100,01", "verdict": "Tercapai"}
            ],
        },
        {
            "id": "b",
            "name": "B",
            "unit": "menit",
            "direction": "lower_is_better",
            "target": [10, 20],
            "realisasi": "6 jam 37 menit",
            "objective": "o",
        },
    ],
    "budget": [
        {"id": "belanja", "name": "BELANJA", "pagu": "100", "realisasi": "90"},
        {"id": "p1", "name": "P1", "parent": "belanja", "pagu": 100, "realisasi": 90},
    ],
}
RULES_DOC: dict[str, Any] = {
    "extends": "permendagri-86-2017",
    "name": "fuzz",
    "capaian": {"cap": 150, "higher_is_better": "realisasi / target * 100"},
    "categories": {"bands": {"Tinggi": {"lower": 76, "upper": 91}}},
    "efficiency": {"formula": "capaian - serapan"},
    "flags": {"x": {"when": "capaian > 120", "message_id": "{capaian}", "message_en": "{capaian}"}},
}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a few values replaced, keys deleted or keys added, anywhere."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        *parents, last = path
        holder: Any = doc
        for step in parents:
            holder = holder[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            holder[last] = draw(values)
        elif action == "delete":
            del holder[last]
        elif isinstance(holder, dict):
            holder[draw(st.sampled_from(KEYS))] = draw(values)
        else:
            holder.append(draw(values))
    return doc


@given(doc=mutated(CASE_DOC))
def test_mutated_cases_get_an_answer(scratch: Path, doc: dict[str, Any]) -> None:
    try:
        raw = dump(doc)
    except (TypeError, ValueError):
        return  # tomli_w cannot write this shape (e.g. a table inside an array of values)
    path = put(scratch, "case.toml", raw)
    case = only_kinerja_errors(lambda: ke.load_case(path))
    if case is not None:
        only_kinerja_errors(lambda: exercise(case))
    for command in ("evaluate", "check"):
        code, _, err = cli(command, str(path), "--format", "json", "--lang", "en")
        assert_answered(code, err)


@given(doc=mutated(RULES_DOC))
def test_mutated_rules_get_an_answer(scratch: Path, doc: dict[str, Any]) -> None:
    try:
        raw = dump(doc)
    except (TypeError, ValueError):
        return
    path = put(scratch, "rules.toml", raw)
    rules = only_kinerja_errors(lambda: ke.load_rules(path))
    if rules is not None:
        seed = ke.load_case(ROOT / "cases" / "published-examples.toml")
        only_kinerja_errors(lambda: exercise(seed, rules))
    code, _, err = cli("rules", "check", str(path), "--lang", "id")
    assert_answered(code, err)


TEXT = SEED.read_text(encoding="utf-8")[:6000].rsplit("\n[[", 1)[0] + "\n"


@st.composite
def edited_text(draw: st.DrawFn) -> str:
    """The start of the seed case with characters deleted, inserted or lines repeated."""
    text = TEXT
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "line"]))
        if action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif action == "insert":
            piece = draw(st.sampled_from(["[", "]", "{", "}", '"', "'", "=", "\n", ",", "."]))
            text = text[:at] + piece * draw(st.integers(1, 40)) + text[at:]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = text[start:end] if end >= 0 else text[start:]
            text = text[:start] + line + "\n" + text[start:]
    return text


@given(text=edited_text())
def test_edited_case_text_gets_an_answer(scratch: Path, text: str) -> None:
    path = put(scratch, "edited.toml", text.encode("utf-8"))
    note(text)
    case = only_kinerja_errors(lambda: ke.load_case(path))
    if case is not None:
        only_kinerja_errors(lambda: exercise(case))


# ---------------------------------------------------------------- valid cases, wild figures

# Figures within numbers.check_figure's bound, its edges included: each must evaluate and
# audit without an error.
bounded_figures = st.one_of(
    st.decimals(min_value=Decimal("-1E+20"), max_value=Decimal("1E+20"), allow_nan=False, places=4),
    st.integers(-(10**20), 10**20).map(Decimal),
    st.sampled_from(
        [
            Decimal(0),
            Decimal("-0"),
            Decimal("1E-30"),
            Decimal("-1E-30"),
            Decimal("0E-30"),
            Decimal("1E+20"),
            Decimal("999999999999999999999.999999999999999999999999999999"),
            Decimal("-999999999999999999999"),
            Decimal("99999999999999999999.9999"),
            Decimal("0.005"),
            Decimal("90.995"),
        ]
    ),
)
# And beyond it (issue 14): a case built in Python may hold them; evaluate and check must
# refuse it with the engine's own error, never decimal.InvalidOperation.
figures = st.one_of(
    bounded_figures,
    st.sampled_from(
        [
            *EXTREMES,
            Decimal("1E-400"),
            Decimal("-1E-400"),
            Decimal("1E-31"),
            Decimal(10**21),
            Decimal("NaN"),
            Decimal("-Infinity"),
        ]
    ),
)
amounts = st.one_of(st.none(), figures.map(Decimal.copy_abs))


@st.composite
def indicators(draw: st.DrawFn, ident: str) -> Indicator:
    low = draw(figures)
    target: Target | None
    if draw(st.booleans()):
        target = Target.point(low)
    elif draw(st.booleans()):
        high = draw(figures)
        # compare_total orders NaN too, where max() would raise.
        target = Target(low, high if low.compare_total(high) <= 0 else low)
    else:
        target = None
    budget = None
    if draw(st.booleans()):
        budget = Budget(pagu=draw(amounts), realisasi=draw(amounts))
    printed = ()
    if draw(st.booleans()):
        pv = PrintedValue(
            text="x", value=draw(st.none() | figures), error=draw(st.none() | st.just("bad"))
        )
        printed = (
            PrintedEntry(
                where="Tabel 1",
                year=draw(st.none() | st.integers(1900, 2199)),
                target=pv,
                realisasi=pv,
                capaian=pv,
                pagu=pv,
                realisasi_anggaran=pv,
                serapan=pv,
                share=pv,
                progress=pv,
                category=draw(st.none() | st.sampled_from(["Sangat Tinggi", "x"])),
                efficiency=draw(st.none() | st.sampled_from(["Efisien", "x"])),
                verdict=draw(st.none() | st.sampled_from(["Tercapai", "Tidak Tercapai", "x"])),
            ),
        )
    return Indicator(
        id=ident,
        name=ident,
        unit=draw(st.sampled_from(["%", "Rp", "orang", "indeks", "menit", "bulan", "cm"])),
        direction=draw(st.sampled_from(list(Direction))),
        target=target,
        realisasi=draw(st.none() | figures),
        objective=draw(st.none() | st.just("o")),
        history=draw(st.dictionaries(st.integers(2015, 2021), figures, max_size=2)),
        renstra_target=draw(st.none() | figures),
        budget=budget,
        printed=printed,
    )


@st.composite
def cases(draw: st.DrawFn) -> ke.Case:
    n = draw(st.integers(1, 4))
    inds = tuple(draw(indicators(f"i{k}")) for k in range(n))
    lines = []
    for k in range(draw(st.integers(0, 4))):
        lines.append(
            BudgetLine(
                id=f"b{k}",
                name=f"B{k}",
                pagu=draw(amounts),
                realisasi=draw(amounts),
                parent=f"b{draw(st.integers(0, k - 1))}" if k and draw(st.booleans()) else None,
                printed_percent=PrintedValue("x", draw(st.none() | figures)),
                where="Tabel 45",
            )
        )
    return ke.Case(
        format="kinerja-case/1",
        report=ReportInfo(agency="A", year=2021),
        indicators=inds,
        objectives=(Objective("o", "O"),),
        budget=tuple(lines),
    )


@pytest.fixture(scope="module")
def shipped() -> dict[str, ke.RuleSet]:
    return {name: ke.load_rules(name) for name in SHIPPED}


def beyond_the_bound(case: ke.Case) -> bool:
    """Whether any figure of ``case`` is one check_figure refuses, by a walk of its own."""

    def leaves(value: Any) -> Iterator[Any]:
        if isinstance(value, dict):
            for item in value.values():
                yield from leaves(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from leaves(item)
        else:
            yield value

    for value in leaves(attrs.asdict(case)):
        if isinstance(value, Decimal):
            if not value.is_finite() or value.copy_abs() >= 10**21:
                return True
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int) and exponent < -30:
                return True
    return False


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), name=st.sampled_from(SHIPPED))
def test_valid_cases_with_wild_figures_evaluate_and_check(
    shipped: dict[str, ke.RuleSet], case: ke.Case, name: str
) -> None:
    # Evaluation and the audit never raise on a structurally valid case whose figures are
    # within the bound: not even a KinerjaError; whatever cannot be computed is a status
    # with its reason. A figure beyond the bound is refused by both, with a NumberError.
    with time_limit():
        if beyond_the_bound(case):
            with pytest.raises(NumberError):
                ke.evaluate(case, shipped[name])
            with pytest.raises(NumberError):
                ke.check(case, shipped[name])
            return
        exercise(case, shipped[name])
        for result in evaluate_many(case.indicators, shipped[name]):
            assert result.status in set(Status)
