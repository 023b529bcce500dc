"""The route over map tiles, for a site that names its own tile server (`YOLVAREX_MAP_TILE_URL`).

The tiles and the route's pixels come from `domain.run.map_tiles`; this module places them in
one box (percentages, so it scales with the page) and draws the route on top as SVG. The page
shows the plain outline until every tile has loaded (`static/js/run.js`), and keeps it when
one fails, so a tile server that is down or slow never leaves the runner without a route.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yolvarex.domain.run.map_tiles import TILE, VIEW_H, VIEW_W, map_view
from yolvarex.settings import MapTiles
from yolvarex.web.run_svg import nice_step


@dataclass(frozen=True)
class PlacedTile:
    url: str
    left_pct: float
    top_pct: float


@dataclass(frozen=True)
class RouteMap:
    tiles: list[PlacedTile]
    svg: str
    width: int
    height: int
    tile_w_pct: float
    tile_h_pct: float
    scale_pct: float  # the scale bar's length as a share of the map's width
    scale_label: str
    attribution: str


def route_map(outline: dict[str, Any], tiles: MapTiles) -> RouteMap | None:
    view = map_view(outline.get("lat") or [], outline.get("lon") or [])
    if view is None:
        return None
    placed = [PlacedTile(tiles.tile_url(t.z, t.x, t.y), round(100 * t.left / VIEW_W, 3),
                         round(100 * t.top / VIEW_H, 3)) for t in view.tiles]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in view.points)
    (sx, sy), (fx, fy) = view.points[0], view.points[-1]
    svg = (f'<svg viewBox="0 0 {VIEW_W} {VIEW_H}" role="img" aria-labelledby="map-t" '
           f'xmlns="http://www.w3.org/2000/svg" class="run-map-route">'
           f'<title id="map-t">Route on the map</title>'
           f'<polyline points="{line}" fill="none" stroke="#fff" stroke-width="7" '
           'stroke-linejoin="round" stroke-linecap="round" opacity="0.8"/>'
           f'<polyline points="{line}" fill="none" stroke="#0b6e69" stroke-width="4" '
           'stroke-linejoin="round" stroke-linecap="round"/>'
           f'<rect x="{fx - 7:.1f}" y="{fy - 7:.1f}" width="14" height="14" fill="#1b2430" '
           'stroke="#fff" stroke-width="2"/>'
           f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="7" fill="#1d7a3a" stroke="#fff" stroke-width="2"/>'
           '</svg>')
    bar_m = nice_step(VIEW_W * view.metres_per_px / 5, 1)
    label = f"{bar_m / 1000:g} km" if bar_m >= 1000 else f"{bar_m:g} m"
    return RouteMap(tiles=placed, svg=svg, width=VIEW_W, height=VIEW_H,
                    tile_w_pct=round(100 * TILE / VIEW_W, 3), tile_h_pct=round(100 * TILE / VIEW_H, 3),
                    scale_pct=round(100 * bar_m / view.metres_per_px / VIEW_W, 2),
                    scale_label=label, attribution=tiles.attribution)
