"""Hand-written SVG charts for the HTML report: no plotting library, no script.

Two pictures:

* **category chart** — capaian per indicator as horizontal bars over the rule set's
  category bands, each band a colour from red (lowest) to green (highest), with the
  100 % line;
* **efficiency chart** — capaian kinerja (up) against serapan anggaran (across), with the
  diagonal where the two are equal: a point above it achieved more than it spent.

Real reports hold absurd figures (the seed's export indicator reaches 6.942.055 %). The
axes therefore cover the ordinary values, up to :data:`CLIP_AT` at most, and a value
beyond the axis is drawn at its edge with an arrow marker and listed in a note under the
chart with its true value. Coordinates are computed in Decimal like every other figure
and written with one decimal; the SVG is built with ElementTree, which escapes every
text and attribute.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import attrs

from kinerja_engine.numbers import format_number
from kinerja_engine.rulesets.ruleset import NEG_INF, POS_INF, Band

__all__ = [
    "CLIP_AT",
    "Chart",
    "ChartItem",
    "StackedRow",
    "band_colours",
    "category_chart",
    "efficiency_chart",
    "stacked_chart",
]

# The largest axis end: beyond 300 % a capaian says "wrong scale", not "how much".
CLIP_AT = Decimal(300)
_NICE_LIMITS = tuple(Decimal(v) for v in (100, 120, 150, 200, 250, 300))
_TICK_STEPS = tuple(Decimal(v) for v in (10, 20, 25, 50, 100))
_ONE_PLACE = Decimal("0.1")

# Band fills from the lowest band to the highest (red to green), light enough for the
# bars and labels drawn over them to stay legible in print.
_PALETTE = ("#f4a6a6", "#f8c78f", "#f6e58d", "#c5e8a5", "#8fd19e", "#5fbf8a")
_BAR = "#1f3b5c"
_MUTED = "#6b7280"
_CLIPPED = "#b91c1c"


@attrs.frozen
class ChartItem:
    """One indicator as the charts see it."""

    no: int
    name: str
    capaian: Decimal | None
    serapan: Decimal | None
    capaian_text: str
    serapan_text: str
    missing_text: str | None = None  # why it is not drawn, when it is not


@attrs.frozen
class Chart:
    svg: str
    notes: tuple[str, ...]
    drawn: int  # how many indicators are drawn


def _n(value: Decimal) -> str:
    text = format(value.quantize(_ONE_PLACE), "f")
    return text[:-2] if text.endswith(".0") else text


def _limit(values: Sequence[Decimal], floor: Decimal = Decimal(100)) -> Decimal:
    """The axis end: the smallest nice limit above the ordinary values (so a value on
    100 % is not drawn on the frame)."""
    ordinary = [v for v in values if v <= CLIP_AT]
    top = max([floor, *ordinary])
    for nice in _NICE_LIMITS:
        if top < nice:
            return nice
    return CLIP_AT


def _lower(values: Sequence[Decimal]) -> Decimal:
    """The axis start: 0, or below it to the nearest 50 for negative values (to -100)."""
    low = min([Decimal(0), *values])
    if low >= 0:
        return Decimal(0)
    return max(Decimal(-100), (low / 50).to_integral_value(ROUND_FLOOR) * 50)


def _step(span: Decimal) -> Decimal:
    for step in _TICK_STEPS:
        if span / step <= 8:
            return step
    return _TICK_STEPS[-1]


def _ticks(low: Decimal, high: Decimal) -> list[Decimal]:
    step = _step(high - low)
    tick = (low / step).to_integral_value(ROUND_CEILING) * step
    out = []
    while tick <= high:
        out.append(tick)
        tick += step
    return out


def band_colours(count: int) -> tuple[str, ...]:
    """``count`` fills from red to green, spread over the palette."""
    if count <= 0:
        return ()
    if count == 1:
        return (_PALETTE[-1],)
    last = len(_PALETTE) - 1
    return tuple(_PALETTE[round(i * last / (count - 1))] for i in range(count))


def _svg(width: int, height: int, title: str, desc: str, ident: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "class": "chart",
            "id": ident,
            "font-family": "system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
            "font-size": "12",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{ident}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{ident}-desc"}).text = desc
    return svg


def _attr(name: str) -> str:
    # Python keywords take a trailing underscore (class_); SVG attributes use dashes.
    return name.rstrip("_").replace("_", "-")


def _text(parent: ET.Element, x: Decimal | int, y: Decimal | int, text: str, **attrs_: str) -> None:
    attributes = {"x": _n(Decimal(x)), "y": _n(Decimal(y))}
    attributes.update({_attr(k): v for k, v in attrs_.items()})
    ET.SubElement(parent, "text", attributes).text = text


def _line(parent: ET.Element, x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal, **a: str) -> None:
    attributes = {"x1": _n(x1), "y1": _n(y1), "x2": _n(x2), "y2": _n(y2)}
    attributes.update({_attr(k): v for k, v in a.items()})
    ET.SubElement(parent, "line", attributes)


def _rect(
    parent: ET.Element, x: Decimal, y: Decimal, w: Decimal, h: Decimal, **a: str
) -> ET.Element:
    attributes = {"x": _n(x), "y": _n(y), "width": _n(max(w, Decimal(0))), "height": _n(h)}
    attributes.update({_attr(k): v for k, v in a.items()})
    return ET.SubElement(parent, "rect", attributes)


def _short(name: str, limit: int = 38) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _band_text(band: Band, fmt: FormatNumber) -> str:
    if band.lower == NEG_INF and band.upper == POS_INF:
        return ""
    if band.lower == NEG_INF:
        return ("≤ " if band.upper_inclusive else "< ") + fmt(band.upper)
    if band.upper == POS_INF:
        return ("> " if not band.lower_inclusive else "≥ ") + fmt(band.lower)
    left = "[" if band.lower_inclusive else "("
    right = "]" if band.upper_inclusive else ")"
    return f"{left}{fmt(band.lower)}; {fmt(band.upper)}{right}"


class FormatNumber:
    """A number's display text in the report's notation (set by the caller)."""

    def __init__(self, notation: str) -> None:
        self.notation = notation

    def __call__(self, value: Decimal) -> str:
        return format_number(value, None, notation=self.notation, group=True)


# ---------------------------------------------------------------- category chart


def category_chart(
    items: Sequence[ChartItem],
    bands: Sequence[Band],
    *,
    lang: str,
    title: str,
    axis_label: str,
    clipped_note: str,
    ident: str = "chart-category",
) -> Chart:
    """Capaian per indicator as bars over the category bands (lowest band first).

    ``clipped_note`` is a template with ``{no}``, ``{name}``, ``{value}`` and ``{limit}``.
    """
    fmt = FormatNumber(lang)
    values = [i.capaian for i in items if i.capaian is not None]
    finite = [b.lower for b in bands if b.lower != NEG_INF] + [
        b.upper for b in bands if b.upper != POS_INF
    ]
    low = _lower(values)
    high = _limit(values, max([Decimal(100), *finite]))
    label_w, plot_w, row_h = Decimal(280), Decimal(440), Decimal(26)
    top, legend_h = Decimal(16), Decimal(46)
    plot_h = row_h * max(len(items), 1)
    width = int(label_w + plot_w + 130)
    height = int(top + plot_h + 34 + legend_h)
    svg = _svg(width, height, title, axis_label, ident)

    def x(v: Decimal) -> Decimal:
        v = min(max(v, low), high)
        return label_w + (v - low) / (high - low) * plot_w

    colours = band_colours(len(bands))
    stripes = ET.SubElement(svg, "g", {"class": "bands"})
    for band, colour in zip(bands, colours, strict=True):
        start = x(band.lower if band.lower != NEG_INF else low)
        end = x(band.upper if band.upper != POS_INF else high)
        if end > start:
            rect = _rect(stripes, start, top, end - start, plot_h, fill=colour)
            ET.SubElement(rect, "title").text = f"{band.label} {_band_text(band, fmt)}".strip()

    grid = ET.SubElement(svg, "g", {"class": "axis", "stroke": "#9ca3af", "stroke-width": "0.5"})
    axis_y = top + plot_h
    for tick in _ticks(low, high):
        _line(grid, x(tick), top, x(tick), axis_y + 4)
        _text(svg, x(tick), axis_y + 16, fmt(tick), text_anchor="middle", fill="#374151")
    _text(
        svg,
        label_w + plot_w / 2,
        axis_y + 30,
        axis_label,
        text_anchor="middle",
        fill="#111827",
    )
    if low <= 100 <= high:
        _line(
            svg,
            x(Decimal(100)),
            top - 4,
            x(Decimal(100)),
            axis_y,
            stroke="#111827",
            stroke_width="1.2",
            stroke_dasharray="4 3",
        )

    notes: list[str] = []
    drawn = 0
    bars = ET.SubElement(svg, "g", {"class": "bars"})
    for row, item in enumerate(items):
        y = top + row_h * row
        mid = y + row_h / 2 + 4
        _text(bars, label_w - 8, mid, f"{item.no}. {_short(item.name)}", text_anchor="end")
        if item.capaian is None:
            _text(
                bars,
                x(max(low, Decimal(0))) + 6,
                mid,
                item.missing_text or "-",
                fill=_MUTED,
                font_style="italic",
            )
            continue
        drawn += 1
        value = item.capaian
        origin = x(max(low, Decimal(0)))
        end = x(value)
        bar_y = y + row_h * Decimal("0.2")
        bar_h = row_h * Decimal("0.6")
        left, right = min(origin, end), max(origin, end)
        bar = _rect(bars, left, bar_y, right - left, bar_h, fill=_BAR, class_="bar")
        ET.SubElement(bar, "title").text = f"{item.no}. {item.name}: {item.capaian_text}"
        clipped = value > high or value < low
        if clipped:
            tip = right if value > high else left
            sign = Decimal(1) if value > high else Decimal(-1)
            ET.SubElement(
                bars,
                "path",
                {
                    "d": f"M{_n(tip)},{_n(bar_y - 3)} L{_n(tip + sign * 9)},{_n(bar_y + bar_h / 2)}"
                    f" L{_n(tip)},{_n(bar_y + bar_h + 3)} Z",
                    "fill": _CLIPPED,
                    "class": "clipped",
                },
            )
            notes.append(
                clipped_note.format(
                    no=item.no, name=item.name, value=item.capaian_text, limit=fmt(high)
                )
            )
            label_x = tip + sign * 12
        else:
            label_x = right + 4
        _text(
            bars,
            label_x,
            mid,
            item.capaian_text + (" ▸" if clipped else ""),
            fill=_CLIPPED if clipped else "#111827",
            font_weight="600",
            text_anchor="end" if clipped and value < low else "start",
        )

    legend = ET.SubElement(svg, "g", {"class": "legend"})
    lx = Decimal(8)
    ly = axis_y + 40
    for band, colour in zip(reversed(bands), reversed(colours), strict=True):
        _rect(legend, lx, ly, Decimal(12), Decimal(12), fill=colour, stroke="#6b7280")
        text = f"{band.label} {_band_text(band, fmt)}".strip()
        _text(legend, lx + 16, ly + 10, text, font_size="11")
        lx += Decimal(24) + Decimal(len(text)) * Decimal("6.1")
        if lx > width - 120:
            lx = Decimal(8)
            ly += 16
    return Chart(ET.tostring(svg, encoding="unicode"), tuple(notes), drawn)


# ---------------------------------------------------------------- efficiency chart


class _Labels:
    """Where each point's number goes: close points would print their numbers on top of
    each other, so a number moves up or down, nearest first, to the first place clear
    (14 across, 12 down) of the numbers placed before it; where none is, the last tried.

    The numbers placed are kept by cell of a 14 x 12 grid: a clash can only be with a
    number in the same cell or one next to it, so each place is checked against a few,
    not against every number before it (a national case has thousands).
    """

    SHIFTS = (0, -12, 12, -24, 24, -36, 36, -48, 48)

    def __init__(self, bottom: Decimal) -> None:
        self.bottom = bottom
        self.cells: dict[tuple[int, int], list[tuple[Decimal, Decimal]]] = {}

    def place(self, x: Decimal, y: Decimal) -> Decimal:
        """The height for a number at ``x`` that would sit at ``y`` (both positive)."""
        for shift in self.SHIFTS:
            at = min(max(y + shift, Decimal(12)), self.bottom)
            # Both coordinates are positive, so // is the floor.
            cell = (int(x // 14), int(at // 12))
            if not any(
                abs(x - px) < 14 and abs(at - py) < 12
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for px, py in self.cells.get((cell[0] + dx, cell[1] + dy), ())
            ):
                break
        self.cells.setdefault(cell, []).append((x, at))
        return at


def efficiency_chart(
    items: Sequence[ChartItem],
    *,
    lang: str,
    title: str,
    x_label: str,
    y_label: str,
    diagonal_label: str,
    above_label: str,
    below_label: str,
    clipped_note: str,
    ident: str = "chart-efficiency",
) -> Chart:
    """Capaian (y) against serapan (x), both on one scale, with the line y = x.

    ``clipped_note`` is a template with ``{no}``, ``{name}``, ``{capaian}``, ``{serapan}``
    and ``{limit}``.
    """
    fmt = FormatNumber(lang)
    both = [i for i in items if i.capaian is not None and i.serapan is not None]
    values = [v for i in both for v in (i.capaian, i.serapan) if v is not None]
    low = _lower(values)
    high = _limit(values)
    left, top, size = Decimal(64), Decimal(16), Decimal(400)
    width, height = int(left + size + 40), int(top + size + 56)
    svg = _svg(width, height, title, f"{y_label} / {x_label}", ident)

    def px(v: Decimal) -> Decimal:
        return left + (min(max(v, low), high) - low) / (high - low) * size

    def py(v: Decimal) -> Decimal:
        return top + size - (min(max(v, low), high) - low) / (high - low) * size

    x0, x1, y0, y1 = px(low), px(high), py(low), py(high)
    ET.SubElement(
        svg,
        "path",
        {
            "d": f"M{_n(x0)},{_n(y0)} L{_n(x1)},{_n(y1)} L{_n(x0)},{_n(y1)} Z",
            "fill": "#dcf2e3",
            "class": "above",
        },
    )
    ET.SubElement(
        svg,
        "path",
        {
            "d": f"M{_n(x0)},{_n(y0)} L{_n(x1)},{_n(y1)} L{_n(x1)},{_n(y0)} Z",
            "fill": "#fbe3e3",
            "class": "below",
        },
    )
    _text(svg, x0 + 8, y1 + 16, above_label, fill="#166534", font_weight="600")
    _text(svg, x1 - 8, y0 - 8, below_label, fill="#991b1b", font_weight="600", text_anchor="end")

    grid = ET.SubElement(svg, "g", {"class": "axis", "stroke": "#9ca3af", "stroke-width": "0.5"})
    for tick in _ticks(low, high):
        _line(grid, px(tick), y1, px(tick), y0 + 4)
        _line(grid, x0 - 4, py(tick), x1, py(tick))
        _text(svg, px(tick), y0 + 16, fmt(tick), text_anchor="middle", fill="#374151")
        _text(svg, x0 - 7, py(tick) + 4, fmt(tick), text_anchor="end", fill="#374151")
    _text(svg, left + size / 2, y0 + 36, x_label, text_anchor="middle")
    _text(
        svg,
        Decimal(14),
        top + size / 2,
        y_label,
        text_anchor="middle",
        transform=f"rotate(-90 14 {_n(top + size / 2)})",
    )
    _line(
        svg,
        x0,
        y0,
        x1,
        y1,
        stroke="#111827",
        stroke_width="1.5",
        stroke_dasharray="6 4",
        class_="boundary",
    )
    # The boundary's name along the line itself, from near its low end, where points are
    # rare (they gather near 100 %).
    lx = x0 + (x1 - x0) * Decimal("0.1")
    ly = y0 + (y1 - y0) * Decimal("0.1")
    _text(
        svg,
        lx,
        ly - 6,
        diagonal_label,
        fill="#111827",
        font_style="italic",
        transform=f"rotate(-45 {_n(lx)} {_n(ly - 6)})",
    )

    notes: list[str] = []
    points = ET.SubElement(svg, "g", {"class": "points"})
    labels = _Labels(Decimal(height - 4))
    for item in both:
        assert item.capaian is not None and item.serapan is not None
        cx, cy = px(item.serapan), py(item.capaian)
        out_x = not low <= item.serapan <= high
        out_y = not low <= item.capaian <= high
        group = ET.SubElement(points, "g", {"class": "point"})
        ET.SubElement(
            group, "title"
        ).text = f"{item.no}. {item.name}: {item.capaian_text} / {item.serapan_text}"
        if out_x or out_y:
            # A triangle on the edge, pointing the way the value went off the chart.
            up = item.capaian > high
            down = item.capaian < low
            if up or down:
                tip = cy - 8 if up else cy + 8
                base = cy + 4 if up else cy - 4
                d = f"M{_n(cx)},{_n(tip)} L{_n(cx - 7)},{_n(base)} L{_n(cx + 7)},{_n(base)} Z"
            else:
                tip = cx + 8 if item.serapan > high else cx - 8
                base = cx - 4 if item.serapan > high else cx + 4
                d = f"M{_n(tip)},{_n(cy)} L{_n(base)},{_n(cy - 7)} L{_n(base)},{_n(cy + 7)} Z"
            ET.SubElement(group, "path", {"d": d, "fill": _CLIPPED, "class": "clipped"})
            notes.append(
                clipped_note.format(
                    no=item.no,
                    name=item.name,
                    capaian=item.capaian_text,
                    serapan=item.serapan_text,
                    limit=fmt(high),
                )
            )
            colour = _CLIPPED
        else:
            ET.SubElement(
                group,
                "circle",
                {"cx": _n(cx), "cy": _n(cy), "r": "6", "fill": _BAR, "stroke": "#ffffff"},
            )
            colour = "#111827"
        lx = min(cx + 9, Decimal(width - 14))
        ly = labels.place(lx, cy - 6)
        _text(group, lx, ly, str(item.no), font_weight="700", fill=colour)
    for item in items:
        if item.capaian is None or item.serapan is None:  # not in `both`
            notes.append(f"{item.no}. {item.name}: {item.missing_text or '-'}")
    return Chart(ET.tostring(svg, encoding="unicode"), tuple(notes), len(both))


# ---------------------------------------------------------------- issue 17 (desk): stacked bars


@attrs.frozen
class StackedRow:
    """One bar of a stacked chart: a label and its parts' counts, in the legend's order."""

    label: str
    counts: tuple[int, ...]


def stacked_chart(
    rows: Sequence[StackedRow],
    legend: Sequence[tuple[str, str]],
    *,
    title: str,
    axis_label: str,
    ident: str,
) -> Chart:
    """Counts per row as horizontal stacked bars (the summary's categories or findings
    per agency); ``legend`` gives each part's (label, fill), in the order of the counts."""
    label_w, plot_w, row_h = Decimal(280), Decimal(440), Decimal(22)
    top, legend_h = Decimal(12), Decimal(46)
    plot_h = row_h * max(len(rows), 1)
    width = int(label_w + plot_w + 70)
    height = int(top + plot_h + 34 + legend_h)
    svg = _svg(width, height, title, axis_label, ident)
    high = Decimal(max([1, *(sum(r.counts) for r in rows)]))
    step = _step(high) if high > 8 else Decimal(1)
    while high / step > 8:
        step *= 2
    end = (high / step).to_integral_value(ROUND_CEILING) * step

    def x(v: Decimal) -> Decimal:
        return label_w + v / end * plot_w

    grid = ET.SubElement(svg, "g", {"class": "axis", "stroke": "#9ca3af", "stroke-width": "0.5"})
    axis_y = top + plot_h
    tick = Decimal(0)
    while tick <= end:
        _line(grid, x(tick), top, x(tick), axis_y + 4)
        _text(svg, x(tick), axis_y + 16, _n(tick), text_anchor="middle", fill="#374151")
        tick += step
    _text(svg, label_w + plot_w / 2, axis_y + 30, axis_label, text_anchor="middle")
    bars = ET.SubElement(svg, "g", {"class": "bars"})
    for n, row in enumerate(rows):
        y = top + row_h * n
        _text(bars, label_w - 8, y + row_h / 2 + 4, _short(row.label), text_anchor="end")
        start = Decimal(0)
        for count, (name, colour) in zip(row.counts, legend, strict=True):
            if count:
                w = x(start + count) - x(start)
                rect = _rect(bars, x(start), y + 3, w, row_h - 6, fill=colour, stroke="#ffffff")
                ET.SubElement(rect, "title").text = f"{row.label}: {name} {count}"
            start += count
        _text(bars, x(start) + 4, y + row_h / 2 + 4, _n(start), font_size="11")
    lx, ly = Decimal(8), axis_y + 40
    for name, colour in legend:
        _rect(svg, lx, ly, Decimal(12), Decimal(12), fill=colour, stroke="#6b7280")
        _text(svg, lx + 16, ly + 10, name, font_size="11")
        lx += Decimal(24) + Decimal(len(name)) * Decimal("6.1")
        if lx > width - 120:
            lx, ly = Decimal(8), ly + 16
    return Chart(ET.tostring(svg, encoding="unicode"), (), len(rows))
