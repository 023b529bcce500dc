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


def chart(title: str, x: Sequence[str], series: Sequence[Series], *, band: Band | None = None,
          y_label: str = "", description: str = "", width: int = 520, height: int = 260,
          digits: int = 1, zero_based: bool = True) -> Chart:
    uid = next(_ids)
    right, top, bottom = 10, 40, 30
    values = [v for s in series for v in s.values if v is not None and math.isfinite(v)]
    if band:
        values += [v for v in (*band.low, *band.high) if v is not None and math.isfinite(v)]
    lo = min(values, default=0.0)
    hi = max(values, default=1.0)
    if zero_based:
        lo = min(lo, 0.0)
    ticks = _nice_ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    left = 14 + 8 * max(len(_fmt(t, 2)) for t in ticks)
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(x), 1)
    slot = plot_w / n

    def px(i: int) -> float:
        return left + slot * (i + 0.5)

    def py(v: float) -> float:
        return top + plot_h - (v - lo) / (hi - lo) * plot_h

    desc = description or f"{title}: {len(x)} points."
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="c{uid}t c{uid}d" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="c{uid}t">{escape(title)}</title><desc id="c{uid}d">{escape(desc)}</desc>',
    ]
    for tick in ticks:
        y = py(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e4e7ec"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'fill="#4f5b69">{escape(_fmt(tick, 2))}</text>')
    if y_label:
        parts.append(f'<text x="{left}" y="14" fill="#4f5b69">{escape(y_label)}</text>')
    if band:
        upper = [(px(i), py(v)) for i, v in enumerate(band.high) if v is not None and math.isfinite(v)]
        lower = [(px(i), py(v)) for i, v in enumerate(band.low) if v is not None and math.isfinite(v)]
        if upper and lower:
            pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in _straight(upper) + _straight(lower[::-1]))
            parts.append(f'<polygon points="{pts}" fill="{band.color}" fill-opacity="0.13"/>')
    bars = [s for s in series if s.kind == "bar"]
    bar_w = slot * 0.7 / max(len(bars), 1)
    legend_x = float(left)
    for index, s in enumerate(series):
        color = s.color or PALETTE[index % len(PALETTE)]
        if s.kind == "bar":
            k = bars.index(s)
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    continue
                x0 = px(i) - slot * 0.35 + k * bar_w
                y0, y1 = py(max(v, lo)), py(max(lo, 0.0))
                parts.append(f'<rect x="{x0:.1f}" y="{min(y0, y1):.1f}" width="{bar_w:.1f}" '
                             f'height="{abs(y1 - y0):.1f}" fill="{color}" rx="2"/>')
        else:
            runs: list[list[tuple[float, float]]] = [[]]
            for i, v in enumerate(s.values):
                if v is None or not math.isfinite(v):
                    runs.append([])
                else:
                    runs[-1].append((px(i), py(v)))
            segments = [[f"{a:.1f},{b:.1f}" for a, b in _straight(run)] for run in runs]
            dash = ' stroke-dasharray="5 4"' if s.dashed else ""
            for seg in segments:
                if len(seg) > 1:
                    parts.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="{color}" '
                                 f'stroke-width="2.2" stroke-linejoin="round"{dash}/>')
                elif len(seg) == 1:
                    a, b = seg[0].split(",")
                    parts.append(f'<circle cx="{a}" cy="{b}" r="2.5" fill="{color}"/>')
        parts.append(f'<rect x="{legend_x}" y="{20}" width="10" height="10" fill="{color}" rx="2"/>'
                     f'<text x="{legend_x + 14}" y="{29}" fill="#1b2430">{escape(s.label)}</text>')
        legend_x += 24 + 7.5 * len(s.label)
    if band:
        parts.append(f'<rect x="{legend_x}" y="20" width="10" height="10" fill="{band.color}" '
                     f'fill-opacity="0.3"/><text x="{legend_x + 14}" y="29" fill="#1b2430">'
                     f'{escape(band.label)}</text>')
    step = max(1, math.ceil(n / 6))
    for i, label in enumerate(x):
        if i % step == 0 or (i == n - 1 and n <= 8):
            parts.append(f'<text x="{px(i):.1f}" y="{height - 12}" text-anchor="middle" '
                         f'fill="#4f5b69">{escape(label)}</text>')
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
