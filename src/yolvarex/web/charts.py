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


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


# Text is drawn at its real size (it is never scaled): the SVG fills the width it is shown at,
# x positions are percentages of that width, and the plotted shapes sit in an inner SVG that
# stretches to fit (strokes keep their width). A chart is legible at any width, 12 px text
# on a 390 px phone as on a desktop.
FONT_PX = 13
LEGEND_ROW_PX = 300  # a legend wraps to keep each row within the narrowest chart (a phone)


def _pct(value: float) -> str:
    return f"{value:.3f}%"


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
    entries = [(s.label, c, 1.0) for s, c in zip(series, colors, strict=True)]
    if band:
        entries.append((band.label, band.color, 0.3))
    legend: list[str] = []
    lx, ly = 0.0, 18.0
    for label, color, opacity in entries:
        w = 22 + 7.4 * len(label)
        if lx > 0 and lx + w > LEGEND_ROW_PX:
            lx, ly = 0.0, ly + 20
        legend.append(f'<rect x="{lx:.0f}" y="{ly - 10:.0f}" width="11" height="11" rx="2" '
                      f'fill="{color}" fill-opacity="{opacity}"/><text x="{lx + 15:.0f}" '
                      f'y="{ly:.0f}" fill="#1b2430">{escape(label)}</text>')
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
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" '
        f'font-size="{FONT_PX}" class="chart-svg">',
        f'<title id="c{uid}t">{escape(title)}</title><desc id="c{uid}d">{escape(desc)}</desc>',
        f'<g transform="translate(8 4)">{"".join(legend)}</g>',
    ]
    if y_label:
        parts.append(f'<text x="8" y="{label_y + 4:.0f}" fill="#4f5b69">{escape(y_label)}</text>')
    for tick in ticks:
        parts.append(f'<line x1="0" x2="100%" y1="{py(tick):.1f}" y2="{py(tick):.1f}" '
                     'stroke="#e4e7ec"/>')
    # The plot: one unit per slot across, pixels down; stretched across the width.
    inner = [f'<svg x="0" y="{top:.1f}" width="100%" height="{plot_h:.1f}" '
             f'viewBox="0 0 {n} {plot_h:.1f}" preserveAspectRatio="none" overflow="visible" '
             'aria-hidden="true">']
    if band:
        upper = [(i + 0.5, iy(v)) for i, v in enumerate(band.high) if v is not None and math.isfinite(v)]
        lower = [(i + 0.5, iy(v)) for i, v in enumerate(band.low) if v is not None and math.isfinite(v)]
        if upper and lower:
            pts = " ".join(f"{a:.2f},{b:.1f}" for a, b in upper + lower[::-1])
            inner.append(f'<polygon points="{pts}" fill="{band.color}" fill-opacity="0.13"/>')
    bars = [s for s in series if s.kind == "bar"]
    bar_w = 0.7 / max(len(bars), 1)
    for s, color in zip(series, colors, strict=True):
        if s.kind == "bar":
            k = bars.index(s)
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    continue
                x0 = i + 0.15 + k * bar_w
                y0, y1 = iy(max(v, lo)), iy(max(lo, 0.0))
                inner.append(f'<rect x="{x0:.3f}" y="{min(y0, y1):.1f}" width="{bar_w:.3f}" '
                             f'height="{abs(y1 - y0):.1f}" fill="{color}"/>')
        else:
            segments: list[list[str]] = [[]]
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    segments.append([])
                else:
                    segments[-1].append(f"{i + 0.5:.2f},{iy(v):.1f}")
            dash = ' stroke-dasharray="5 4"' if s.dashed else ""
            for seg in segments:
                if len(seg) > 1:
                    inner.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="{color}" '
                                 f'stroke-width="2.2" stroke-linejoin="round" '
                                 f'vector-effect="non-scaling-stroke"{dash}/>')
                elif len(seg) == 1:  # a lone point: a round dot that stays round when stretched
                    inner.append(f'<path d="M{seg[0]} l0,0" stroke="{color}" stroke-width="6" '
                                 'stroke-linecap="round" vector-effect="non-scaling-stroke"/>')
    inner.append("</svg>")
    parts += inner
    for tick in ticks:  # tick values over the plot, left, each just above its grid line
        parts.append(f'<text x="4" y="{py(tick) - 3:.1f}" fill="#4f5b69" stroke="#fff" '
                     f'stroke-width="3" paint-order="stroke">{escape(_fmt(tick, 2))}</text>')
    step = max(1, math.ceil(n / 5))  # at most five labels: each fits a phone's fifth
    for i in range((step - 1) // 2, n, step):  # centred in their stretch, none cut at an edge
        if i < len(x):
            at = 100 * (i + 0.5) / n
            place = ('x="4" text-anchor="start"' if at < 12 and n > 1 else
                     'x="100%" dx="-4" text-anchor="end"' if at > 88 and n > 1 else
                     f'x="{_pct(at)}" text-anchor="middle"')
            parts.append(f'<text {place} y="{total_h - 8:.0f}" fill="#4f5b69">'
                         f'{escape(x[i])}</text>')
    parts.append("</svg>")
    head = ["", *(s.label for s in series)]
    if band:
        head += [f"{band.label} low", f"{band.label} high"]
    rows = []
    for i, label in enumerate(x):
        row = [label, *(_fmt(s.values[i] if i < len(s.values) else None, digits) for s in series)]
        if band:
            row += [_fmt(band.low[i], digits), _fmt(band.high[i], digits)]
        rows.append(row)
    return Chart(title=title, svg="".join(parts), table_head=head, table_rows=rows)
