"""Printed percentages recomputed: capaian, serapan, budget share and tingkat kemajuan.

Each printed figure is recomputed from the table's own printed inputs first, and from
the case's inputs where the table prints none. When a case's input is disputed by a
tie-out finding and the printed figure follows from one of the other values printed for
it, the figure is no new error: the check is skipped, naming the tie-out finding.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from kinerja_engine.audit._common import (
    FIELD,
    HUNDRED,
    Arg,
    Audit,
    Broken,
    Ties,
    figure,
)
from kinerja_engine.audit.methods import explain_capaian, explain_rounding
from kinerja_engine.domain.model import BudgetLine, Indicator, PrintedEntry, PrintedValue, Target
from kinerja_engine.domain.wording import Cites
from kinerja_engine.errors import KinerjaError
from kinerja_engine.evaluation.indicator import capaian_of, serapan_of
from kinerja_engine.messages import Message, msg
from kinerja_engine.numbers import Figure

__all__ = ["Inputs", "recalculate"]


@attrs.frozen
class Inputs:
    """The case's inputs a printed entry falls back on where it prints none itself."""

    target: Decimal | None
    realisasi: Decimal | None
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None


def recalculate(
    a: Audit,
    ind: Indicator,
    entry: PrintedEntry,
    n: int,
    broken: Broken,
    ties: Ties,
    total: BudgetLine | None,
    inputs: Inputs,
) -> None:
    """Every printed percentage of one entry held against its recomputation."""
    rules = a.rules
    target_in = inputs.target

    def usable(field: str) -> PrintedValue | None:
        pv: PrintedValue | None = getattr(entry, field)
        if pv is None or pv.value is None or (n, field) in broken:
            return None
        return pv

    def arg(field: str, fallback: Decimal | None) -> tuple[Arg | None, str | None]:
        return figure(entry, n, field, fallback, broken, ties)

    def hold(
        code: str,
        printed: PrintedValue,
        compute: Callable[..., Decimal | None],
        args: Sequence[Arg],
        extra: Sequence[Arg] = (),
        explain: Callable[..., Message | None] | None = None,
    ) -> None:
        """Hold ``printed`` against ``compute(*args)``.

        When an input is the case's own and the report prints it differently elsewhere, a
        printed figure that follows from one of those other values is no new error: its
        root cause is the tie-out finding, which blocks this check instead.
        """
        field = code.removesuffix("-recalc")
        expected = compute(*(arg.value for arg in args))
        assert printed.value is not None
        if expected is None:
            # A figure printed where none can be computed (a zero target or pagu).
            _undefined(a, code, ind, entry, field, printed, [arg.cite for arg in (*args, *extra)])
            return
        off = a.off(printed.value, expected)
        if off is None:
            return
        alternative = printed.alternative
        if alternative is not None and a.off(alternative, expected) is None:
            return  # "1.500" read the other way agrees: its question is raised already
        tol = off[0]
        ties = [arg.tie for arg in args if arg.tie]
        if ties:
            options = [(arg.value, *arg.alternatives) for arg in args]
            for combo in itertools.islice(itertools.product(*options), 64):
                value = compute(*combo)
                if value is not None and abs(printed.value - value) <= tol:
                    blocker = next(
                        arg.tie
                        for arg, v in zip(args, combo, strict=True)
                        if arg.tie and v != arg.value
                    )
                    a.skip(code, entry.where, ind.id, blocker)
                    return
        cited = [arg.cite for arg in (*args, *extra)]
        why = explain_rounding(rules, printed.value, expected)
        if why is None and explain is not None:
            why = explain(printed.value, *(arg.value for arg in args))
        _report(a, code, ind, entry, field, printed, expected, off, cited, ties, why)

    def _which(value: Decimal, target: Target, realisasi: Decimal) -> Message | None:
        return explain_capaian(rules, a.methods, ind.direction, value, target, realisasi)

    def skip(what: str, *blockers: str | None) -> None:
        for blocker in blockers:
            if blocker:
                a.skip(what, entry.where, ind.id, blocker)
                return

    if (printed := usable("capaian")) is not None:
        r, r_block = arg("realisasi", inputs.realisasi)
        if ind.target is not None and ind.target.is_range and entry.target is None:
            rng = ind.target
            if r is not None:
                cite = Arg(rng.low, "target", f"[{rng.low}, {rng.high}]", "input")
                hold(
                    "capaian-recalc",
                    printed,
                    lambda rv: capaian_of(rules, ind.direction, rng, rv),
                    [r],
                    [cite],
                    lambda pv, rv: _which(pv, rng, rv),
                )
            else:
                skip("capaian-recalc", r_block)
        else:
            t, t_block = arg("target", target_in)
            if t is not None and r is not None:
                hold(
                    "capaian-recalc",
                    printed,
                    lambda rv, tv: capaian_of(rules, ind.direction, Target.point(tv), rv),
                    [r, t],
                    explain=lambda pv, rv, tv: _which(pv, Target.point(tv), rv),
                )
            else:
                skip("capaian-recalc", t_block, r_block)

    if (printed := usable("serapan")) is not None:
        s, s_block = arg("realisasi_anggaran", inputs.realisasi_anggaran)
        p, p_block = arg("pagu", inputs.pagu)
        if p is not None and s is not None:
            hold(
                "serapan-recalc",
                printed,
                lambda sv, pv: serapan_of(rules, pv, sv) if pv > 0 else None,
                [s, p],
            )
        else:
            skip("serapan-recalc", p_block, s_block)

    if (printed := usable("share")) is not None and total is not None and total.pagu:
        whole = total.pagu
        p, p_block = arg("pagu", inputs.pagu)
        if p is not None:
            total_cite = Arg(whole, "total pagu", None, total.where or total.id)
            hold("share-recalc", printed, lambda pv: pv * HUNDRED / whole, [p], [total_cite])
        else:
            skip("share-recalc", p_block)

    formula = rules.progress.get(ind.direction.value)
    renstra = ind.renstra_target
    if (printed := usable("progress")) is not None and renstra and formula is not None:
        r, r_block = arg("realisasi", inputs.realisasi)

        def progress(rv: Decimal) -> Decimal | None:
            env = {
                "realisasi": rv,
                "renstra_target": renstra,
                "target": target_in,
                "target_low": None,
                "target_high": None,
            }
            try:
                value = formula.figure(env)
            except KinerjaError:  # an undefined progress holds no printed figure
                return None
            return value if isinstance(value, Decimal) else None

        if r is not None:
            cite = Arg(renstra, "renstra_target", None, "input")
            hold("progress-recalc", printed, progress, [r], [cite])
        else:
            skip("progress-recalc", r_block)


def _report(
    a: Audit,
    code: str,
    ind: Indicator,
    entry: PrintedEntry,
    field: str,
    printed: PrintedValue,
    expected: Decimal,
    off: tuple[Decimal, Decimal, Decimal, int],
    inputs: Sequence[tuple[str, str, str]],
    related: Sequence[str],
    why: Message | None = None,
) -> None:
    assert printed.value is not None
    tol, shown, diff, places = off
    how = Cites(tuple(inputs))
    scale = _scale_slip(printed.value, expected)
    hint: Message | str = msg("finding.recalc.scale", scale=scale) if scale else ""
    if why is not None:
        hint = why
    a.add(
        code,
        msg(
            "finding.recalc",
            where=entry.where,
            field=FIELD[field],
            text=printed.text,
            how=how,
            shown=Figure(shown, places),
            diff=Figure(diff),
            tol=Figure(tol),
            hint=hint,
        ),
        indicator=ind.id,
        where=entry.where,
        field=field,
        printed=printed.text,
        expected=format(shown, "f"),
        difference=diff,
        tolerance=tol,
        inputs=tuple(inputs),
        related=tuple(related),
    )


# ---- issue 19 (evidence)
def _undefined(
    a: Audit,
    code: str,
    ind: Indicator,
    entry: PrintedEntry,
    field: str,
    printed: PrintedValue,
    inputs: Sequence[tuple[str, str, str]],
) -> None:
    how = Cites(tuple(inputs))
    a.add(
        "printed-undefined",
        msg(
            "finding.printed-undefined",
            where=entry.where,
            field=FIELD[field],
            text=printed.text,
            how=how,
        ),
        indicator=ind.id,
        where=entry.where,
        field=field,
        printed=printed.text,
        expected=msg("finding.expected.undefined").render("en"),
        inputs=tuple(inputs),
    )


def _scale_slip(printed: Decimal, expected: Decimal) -> str | None:
    """A power of ten (10 to 10^9) that turns ``expected`` into ``printed`` within 1 %."""
    if printed == 0 or expected == 0 or (printed < 0) != (expected < 0):
        return None
    ratio = printed / expected
    if ratio < 1:
        ratio = 1 / ratio
    # Decimal's own log10: a float overflows on a ratio past 10^308 (a figure of 1E-400).
    k = round(ratio.log10())
    if 1 <= k <= 9 and abs(ratio / Decimal(10) ** k - 1) <= Decimal("0.01"):
        return f"{10**k:,}".replace(",", ".")
    return None
