"""Charts drawn on the server as SVG: readable without JavaScript, each with a table alternative.

`chart()` takes x labels and series (bars or lines, gaps as None) and an optional band (for a
normal range or a safe ACWR zone), and returns the SVG with a matching data table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import count

PALETTE = ("#0b6e69", "#c2571a", "#1f5fa8", "#5b4a9e", "#8a5a00", "#b3261e")
#: Heart-rate zones 1-5, the same colours on the run page and on Progress.
ZONE_COLORS = ("#9fb7c9", "#1d7a3a", "#8a5a00", "#c2571a", "#b3261e")
_ids = count(1)


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]
    kind: str = "line"  # line | bar
    color: str | None = None
    dashed: bool = False


@dataclass(frozen=True)
class Band:
    label: str
    low: Sequence[float | None]
    high: Sequence[float | None]
    color: str = "#1d7a3a"


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    table_note: str = ""  # what holds for every row (a fixed band), said once above the table


def _nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    value = start
    while value <= hi + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _straight(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points without those on a straight line between their neighbours (to a tenth of a
    pixel): a flat band or a steady line is drawn by its corners, not by one point a day."""
    kept = points[:1]
    for i in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = kept[-1], points[i], points[i + 1]
        if abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) > 0.05 * max(abs(cx - ax), 1.0):
            kept.append(points[i])
    return kept + points[-1:] if len(points) > 1 else kept


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def _n(value: float, digits: int = 1) -> str:
    """A coordinate as short as it can be written: `12.5`, `0.15`, `214` (not `214.0`)."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


# Text is drawn at its real size (it is never scaled): the SVG fills the width it is shown at,
# x positions are percentages of that width, and the plotted shapes sit in an inner SVG that
# stretches to fit (strokes keep their width). A chart is legible at any width, 12 px text
# on a 390 px phone as on a desktop. What every chart shares (the font, the grid, the tick
# labels, the line style, the 13 px font) is in the stylesheet under `.chart-svg`, so a page
# of charts carries only their shapes.
LEGEND_ROW_PX = 300  # a legend wraps to keep each row within the narrowest chart (a phone)


def _pct(value: float) -> str:
    return f"{_n(value, 3)}%"


def chart(title: str, x: Sequence[str], series: Sequence[Series], *, band: Band | None = None,
          y_label: str = "", description: str = "", height: int = 240,
          digits: int = 1, zero_based: bool = True) -> Chart:
    uid = next(_ids)
    values = [v for s in series for v in s.values if v is not None and math.isfinite(v)]
    if band:
        values += [v for v in (*band.low, *band.high) if v is not None and math.isfinite(v)]
    lo = min(values, default=0.0)
    hi = max(values, default=1.0)
    if zero_based:
        lo = min(lo, 0.0)
    ticks = _nice_ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    n = max(len(x), 1)
    colors = [s.color or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]

    # The legend, in rows no wider than a phone's chart.
    entries = [(s.label, c, "") for s, c in zip(series, colors, strict=True)]
    if band:
        entries.append((band.label, band.color, ' fill-opacity=".3"'))
    legend: list[str] = []
    lx, ly = 0.0, 18.0
    for label, color, opacity in entries:
        w = 22 + 7.4 * len(label)
        if lx > 0 and lx + w > LEGEND_ROW_PX:
            lx, ly = 0.0, ly + 20
        legend.append(f'<rect x="{lx:.0f}" y="{ly - 10:.0f}" width="11" height="11" rx="2" '
                      f'fill="{color}"{opacity}/><text x="{lx + 15:.0f}" y="{ly:.0f}">'
                      f'{escape(label)}</text>')
        lx += w + 12
    label_y = ly + 22  # the y-axis label, under the legend
    top = (label_y if y_label else ly) + 22  # room for the top tick's value above its line
    bottom = 26
    plot_h = height - top - bottom
    total_h = height

    def py(v: float) -> float:
        return top + plot_h - (v - lo) / (hi - lo) * plot_h

    def iy(v: float) -> float:  # inside the stretched plot
        return plot_h - (v - lo) / (hi - lo) * plot_h

    desc = description or f"{title}: {len(x)} points."
    parts = [
        f'<svg width="100%" height="{total_h:.0f}" role="img" aria-labelledby="c{uid}t c{uid}d" '
        'class="chart-svg">',
        f'<title id="c{uid}t">{escape(title)}</title><desc id="c{uid}d">{escape(desc)}</desc>',
        f'<g class="lg" transform="translate(8 4)">{"".join(legend)}</g>',
    ]
    if y_label:
        parts.append(f'<text class="ax" x="8" y="{label_y + 4:.0f}">{escape(y_label)}</text>')
    for tick in ticks:
        parts.append(f'<line class="gr" x2="100%" y1="{_n(py(tick))}" y2="{_n(py(tick))}"/>')
    # The plot: one unit per slot across, pixels down; stretched across the width.
    inner = [f'<svg y="{_n(top)}" width="100%" height="{_n(plot_h)}" '
             f'viewBox="0 0 {n} {_n(plot_h)}" preserveAspectRatio="none" overflow="visible" '
             'aria-hidden="true">']
    if band:
        upper = [(i + 0.5, iy(v)) for i, v in enumerate(band.high) if v is not None and math.isfinite(v)]
        lower = [(i + 0.5, iy(v)) for i, v in enumerate(band.low) if v is not None and math.isfinite(v)]
        if upper and lower:
            pts = " ".join(f"{_n(a, 2)},{_n(b)}" for a, b in _straight(upper) + _straight(lower[::-1]))
            inner.append(f'<polygon points="{pts}" fill="{band.color}" fill-opacity=".13"/>')
    bars = [s for s in series if s.kind == "bar"]
    bar_w = 0.7 / max(len(bars), 1)
    for s, color in zip(series, colors, strict=True):
        if s.kind == "bar":  # one path a series: a box per value (none for a zero)
            k = bars.index(s)
            base = iy(max(lo, 0.0))
            boxes = []
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    continue
                y0 = iy(max(v, lo))
                if abs(base - y0) < 0.05:
                    continue
                boxes.append(f"M{_n(i + 0.15 + k * bar_w, 3)} {_n(base)}V{_n(y0)}h{_n(bar_w, 3)}"
                             f"V{_n(base)}z")
            if boxes:
                inner.append(f'<path d="{"".join(boxes)}" fill="{color}"/>')
        else:
            runs: list[list[tuple[float, float]]] = [[]]
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    runs.append([])
                else:
                    runs[-1].append((i + 0.5, iy(v)))
            segments = [[f"{_n(a, 2)},{_n(b)}" for a, b in _straight(run)] for run in runs]
            style = "ln ds" if s.dashed else "ln"
            for seg in segments:
                if len(seg) > 1:
                    inner.append(f'<polyline class="{style}" points="{" ".join(seg)}" '
                                 f'stroke="{color}"/>')
                elif len(seg) == 1:  # a lone point: a round dot that stays round when stretched
                    inner.append(f'<path class="dt" d="M{seg[0]}l0,0" stroke="{color}"/>')
    inner.append("</svg>")
    parts += inner
    for tick in ticks:  # tick values over the plot, left, each just above its grid line
        parts.append(f'<text class="tk" x="4" y="{_n(py(tick) - 3)}">{escape(_fmt(tick, 2))}</text>')
    step = max(1, math.ceil(n / 5))  # at most five labels: each fits a phone's fifth
    for i in range((step - 1) // 2, n, step):  # centred in their stretch, none cut at an edge
        if i < len(x):
            at = 100 * (i + 0.5) / n
            place = ('x="4"' if at < 12 and n > 1 else
                     'x="100%" dx="-4" text-anchor="end"' if at > 88 and n > 1 else
                     f'x="{_pct(at)}" text-anchor="middle"')
            parts.append(f'<text class="ax" {place} y="{total_h - 8:.0f}">{escape(x[i])}</text>')
    parts.append("</svg>")
    # A band that moves (a baseline's normal range) is two columns of the table; a fixed one
    # (the ACWR range, the runner's usual range) is said once, above the table.
    moving = band is not None and (len(set(band.low)) > 1 or len(set(band.high)) > 1)
    note = ""
    if band is not None and not moving and band.low and band.high:
        note = f"{band.label}: {_fmt(band.low[0], digits)} to {_fmt(band.high[0], digits)}."
    head = ["", *(s.label for s in series)]
    if band and moving:
        head += [f"{band.label} low", f"{band.label} high"]
    rows = []
    for i, label in enumerate(x):
        row = [label, *(_fmt(s.values[i] if i < len(s.values) else None, digits) for s in series)]
        if band and moving:
            row += [_fmt(band.low[i], digits), _fmt(band.high[i], digits)]
        rows.append(row)
    return Chart(title=title, svg="".join(parts), table_head=head, table_rows=rows,
                 table_note=note)
