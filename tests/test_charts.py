"""The SVG charts: well-formed, on a sensible scale, honest about what they cut off."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja_engine as ke
from kinerja_engine.rendering.charts import (
    CLIP_AT,
    ChartItem,
    _Labels,
    _limit,
    band_colours,
    category_chart,
    efficiency_chart,
)

NS = "{http://www.w3.org/2000/svg}"


def item(no: int, capaian: str | None, serapan: str | None = None) -> ChartItem:
    return ChartItem(
        no=no,
        name=f"Indikator {no}",
        capaian=None if capaian is None else Decimal(capaian),
        serapan=None if serapan is None else Decimal(serapan),
        capaian_text=f"{capaian} %",
        serapan_text=f"{serapan} %",
        missing_text=None if capaian is not None else "tidak digambar",
    )


def category(items: list[ChartItem]) -> tuple[ET.Element, tuple[str, ...]]:
    rules = ke.load_rules("permendagri-86-2017")
    chart = category_chart(
        items,
        rules.categories.bands,
        lang="id",
        title="t",
        axis_label="Capaian (%)",
        clipped_note="{no}: {value} > {limit}",
    )
    return ET.fromstring(chart.svg), chart.notes


def efficiency(items: list[ChartItem]) -> tuple[ET.Element, tuple[str, ...]]:
    chart = efficiency_chart(
        items,
        lang="en",
        title="t",
        x_label="x",
        y_label="y",
        diagonal_label="capaian = serapan",
        above_label="above",
        below_label="below",
        clipped_note="{no}: {capaian}/{serapan} > {limit}",
    )
    return ET.fromstring(chart.svg), chart.notes


def test_axis_limit_covers_ordinary_values_and_ignores_absurd_ones() -> None:
    assert _limit([Decimal(80)]) == 120
    assert _limit([Decimal("100.01")]) == 120
    assert _limit([Decimal("100.01"), Decimal("6942055.82")]) == 120
    assert _limit([Decimal(180)]) == 200
    assert _limit([Decimal(299)]) == CLIP_AT


def test_band_colours_run_from_red_to_green() -> None:
    colours = band_colours(5)
    assert len(set(colours)) == 5
    assert colours[0] == "#f4a6a6" and colours[-1] == "#5fbf8a"
    assert band_colours(1) == ("#5fbf8a",) and band_colours(0) == ()


def test_huge_capaian_is_cut_with_a_marker_and_a_note() -> None:
    svg, notes = category([item(1, "100.01"), item(2, "6942055.82"), item(3, None)])
    bars = [r for r in svg.iter(f"{NS}rect") if r.get("class") == "bar"]
    assert len(bars) == 2
    # Both bars start at 0; the huge one ends at the axis end (x of 120), not beyond.
    widths = [Decimal(b.get("width", "0")) for b in bars]
    plot_end = Decimal(bars[1].get("x", "0")) + widths[1]
    assert widths[1] > widths[0] and plot_end <= Decimal(280 + 440)
    assert len([p for p in svg.iter(f"{NS}path") if p.get("class") == "clipped"]) == 1
    assert notes == ("2: 6942055.82 % > 120",)


def test_negative_capaian_extends_the_axis_below_zero() -> None:
    svg, notes = category([item(1, "-30"), item(2, "95")])
    ticks = [
        int(t.text) for t in svg.iter(f"{NS}text") if t.text and re.fullmatch(r"-?\d+", t.text)
    ]
    assert min(ticks) < -30 and max(ticks) > 95
    assert notes == ()  # nothing is cut off
    bars = [r for r in svg.iter(f"{NS}rect") if r.get("class") == "bar"]
    # The negative bar ends where the positive one starts: at zero.
    negative, positive = bars
    zero = Decimal(positive.get("x", "0"))
    assert Decimal(negative.get("x", "0")) + Decimal(negative.get("width", "0")) == zero


def test_efficiency_chart_has_the_boundary_and_places_points() -> None:
    svg, notes = efficiency(
        [item(1, "100", "90"), item(2, "845.01", "83.5"), item(3, "50", None), item(4, None)]
    )
    boundary = [ln for ln in svg.iter(f"{NS}line") if ln.get("class") == "boundary"]
    assert len(boundary) == 1
    b = boundary[0]
    # y = x: the line runs from the bottom-left corner to the top-right one of a square.
    assert Decimal(b.get("x2", "0")) - Decimal(b.get("x1", "0")) == Decimal(
        b.get("y1", "0")
    ) - Decimal(b.get("y2", "0"))
    assert len(list(svg.iter(f"{NS}circle"))) == 1
    assert notes[0] == "2: 845.01 %/83.5 % > 120"
    assert len(notes) == 3  # the clipped point and the two indicators not drawn


@given(
    st.lists(
        st.tuples(
            st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False),
            st.decimals(min_value=0, max_value=10**4, places=2, allow_nan=False),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_every_mark_stays_inside_the_picture(values: list[tuple[Decimal, Decimal]]) -> None:
    items = [ChartItem(n, f"i{n}", c, s, f"{c} %", f"{s} %") for n, (c, s) in enumerate(values, 1)]
    for svg, _ in (category(items), efficiency(items)):
        width, height = (Decimal(v) for v in svg.get("viewBox", "").split()[2:])
        for el in svg.iter():
            for key in ("x", "x1", "x2", "cx"):
                if el.get(key) is not None:
                    assert Decimal(-1) <= Decimal(el.get(key, "0")) <= width, (key, el.attrib)
            for key in ("y", "y1", "y2", "cy"):
                if el.get(key) is not None:
                    assert Decimal(-1) <= Decimal(el.get(key, "0")) <= height, (key, el.attrib)


coordinates = st.decimals(min_value=0, max_value=160, places=1, allow_nan=False)  # crowded


@given(st.lists(st.tuples(coordinates, coordinates), max_size=60))
def test_point_numbers_go_to_the_nearest_clear_place(points: list[tuple[Decimal, Decimal]]) -> None:
    # The grid of _Labels against the plain rule: each number at the first of the shifts
    # (nearest first) clear of every number before it, or at the last shift if none is.
    labels, before = _Labels(Decimal(452)), []
    for x, y in points:
        for shift in _Labels.SHIFTS:
            at = min(max(y + shift, Decimal(12)), Decimal(452))
            if all(abs(x - px) >= 14 or abs(at - py) >= 12 for px, py in before):
                break
        assert labels.place(x, y) == at
        before.append((x, at))


@pytest.mark.parametrize("name", ["kepmendagri-690-1996", "pmk-214-2017"])
def test_other_rule_sets_chart_their_own_bands(name: str) -> None:
    rules = ke.load_rules(name)
    chart = category_chart(
        [item(1, "80")],
        rules.categories.bands,
        lang="id",
        title="t",
        axis_label="a",
        clipped_note="{no}",
    )
    svg = ET.fromstring(chart.svg)
    stripes = next(g for g in svg.iter(f"{NS}g") if g.get("class") == "bands")
    assert len(list(stripes)) == len(rules.categories.bands)
