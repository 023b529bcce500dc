"""The run page's drawings as SVG: the route outline and the charts over distance.

Every chart shares one x geometry (`LEFT`, `PLOT_W`), so `static/js/run.js` can move one
cursor across all of them; without JavaScript they are still plain, labelled images, and each
has a table alternative on the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

# drawn for a phone: 360 units shown about 320 px wide keep 14-unit text above 12 px
WIDTH, HEIGHT = 360, 170
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 26
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
ROUTE_SIZE = 320
ROUTE_PAD = 18


def nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


@dataclass(frozen=True)
class TrackChart:
    key: str
    title: str
    unit: str
    svg: str
    rows: list[tuple[str, str]]  # the table alternative: (distance, value)


def track_chart(key: str, title: str, unit: str, x_km: Sequence[float],
                values: Sequence[float | None], color: str, *, invert: bool = False,
                label: Any = None, x_unit: str = "km") -> TrackChart | None:
    """A line over distance (`x_km`, counted in `x_unit`); `invert` puts low values on top
    (pace: faster is higher)."""
    points = [(x, v) for x, v in zip(x_km, values, strict=False) if v is not None]
    if len(points) < 2:
        return None
    fmt = label or (lambda v: f"{v:.0f}")
    ys = sorted(v for _, v in points)
    # pace: leave out the slowest 5 % (stops) and fastest 2 % (GPS jumps) so the running fills it
    lo, hi = (ys[int(len(ys) * 0.02)], ys[int(len(ys) * 0.95) - 1]) if invert and len(ys) > 20 \
        else (ys[0], ys[-1])
    if hi - lo < 1:
        lo, hi = lo - 1, hi + 1
    step = nice_step(hi - lo, 3)
    if invert:  # pace ticks on whole quarter, half or whole minutes
        step = next((s for s in (15.0, 30.0, 60.0, 120.0, 300.0) if s * 3 >= hi - lo), 600.0)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    x_max = max(x_km[-1], 0.001)

    def px(x: float) -> float:
        return LEFT + x / x_max * PLOT_W

    def py(v: float) -> float:
        share = (min(max(v, lo), hi) - lo) / (hi - lo)
        return TOP + (share if invert else 1 - share) * PLOT_H

    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{key}-t" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" '
             f'font-size="14" class="track-chart" data-x-max="{x_max:.3f}" '
             f'data-left="{LEFT}" data-plot-width="{PLOT_W}">',
             f'<title id="{key}-t">{escape(title)} over distance ({escape(unit)})</title>']
    tick = lo
    while tick <= hi + step / 2:
        y = py(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e4e7ec"/><text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'fill="#4f5b69">{escape(fmt(tick))}</text>')
        tick += step
    km_step = nice_step(x_max, 4)
    k = 0.0
    while k <= x_max + 1e-9:
        parts.append(f'<text x="{px(k):.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                     f'fill="#4f5b69">{k:g} {x_unit}</text>')
        k += km_step
    segments: list[list[str]] = [[]]
    for x, v in zip(x_km, values, strict=False):
        if v is None:
            segments.append([])
        else:
            segments[-1].append(f"{px(x):.1f},{py(v):.1f}")
    for seg in segments:
        if len(seg) > 1:
            parts.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="{color}" '
                         'stroke-width="2" stroke-linejoin="round"/>')
    parts.append(f'<line class="cursor" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + PLOT_H}" '
                 'stroke="#1b2430" stroke-width="1.5" visibility="hidden"/></svg>')
    every = max(1, math.ceil(len(points) / 60))
    rows = [(f"{x:.2f} {x_unit}", fmt(v)) for i, (x, v) in enumerate(points) if i % every == 0]
    return TrackChart(key=key, title=title, unit=unit, svg="".join(parts), rows=rows)


def route_svg(outline: dict[str, Any]) -> str:
    """The route outline, north up, with start and finish marks and a scale bar."""
    width, height = max(outline["width_m"], 1.0), max(outline["height_m"], 1.0)
    scale = (ROUTE_SIZE - 2 * ROUTE_PAD) / max(width, height)
    w = ROUTE_SIZE  # always as wide, so its text keeps one size; a tall route is centred
    h = height * scale + 2 * ROUTE_PAD + 24
    shift = (w - 2 * ROUTE_PAD - width * scale) / 2

    def pt(x: float, y: float) -> tuple[float, float]:
        return ROUTE_PAD + shift + x * scale, ROUTE_PAD + (height - y) * scale

    coords = [pt(x, y) for x, y in zip(outline["x_m"], outline["y_m"], strict=True)]
    line = " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)
    (sx, sy), (fx, fy) = coords[0], coords[-1]
    bar_m = nice_step(max(width, height) / 4, 1)
    bar_px = bar_m * scale
    bar_label = f"{bar_m / 1000:g} km" if bar_m >= 1000 else f"{bar_m:g} m"
    base = h - 12
    return (f'<svg viewBox="0 0 {w:.0f} {h:.0f}" role="img" aria-labelledby="route-t route-d" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="14" '
            f'class="route">'
            f'<title id="route-t">Route outline</title>'
            f'<desc id="route-d">The route drawn from {outline["positions"]} recorded positions, '
            f'north up, {width / 1000:.1f} km wide and {height / 1000:.1f} km high; '
            f'the green dot is the start and the dark square the finish.</desc>'
            f'<polyline points="{line}" fill="none" stroke="#0b6e69" stroke-width="3" '
            'stroke-linejoin="round" stroke-linecap="round"/>'
            f'<rect x="{fx - 6:.1f}" y="{fy - 6:.1f}" width="12" height="12" fill="#1b2430"/>'
            f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="6" fill="#1d7a3a" stroke="#fff" stroke-width="2"/>'
            f'<line x1="{ROUTE_PAD}" x2="{ROUTE_PAD + bar_px:.1f}" y1="{base}" y2="{base}" '
            'stroke="#1b2430" stroke-width="3"/>'
            f'<text x="{ROUTE_PAD + bar_px + 6:.1f}" y="{base + 4}" fill="#1b2430">{bar_label}</text>'
            '</svg>')
