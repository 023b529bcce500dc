"""Which map tiles to draw a route over, and where its points fall on them.

Web Mercator, as every slippy-map tile server cuts it: at zoom z the world is 256 x 2^z pixels
square, tile (x, y) covers pixels 256x..256x+255 east and 256y..256y+255 south of the top-left
corner (longitude -180, latitude about 85.05). The view is a fixed `VIEW_W` x `VIEW_H` pixels:
the zoom is the closest one at which the route, with a margin, fits in it, and the view is
centred on the route, so at most 3 x 3 tiles are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TILE = 256
VIEW_W, VIEW_H = 512, 384
MARGIN = 24
MAX_ZOOM = 17
MAX_LAT = 85.05112878
#: metres per pixel at the equator at zoom 0 (WGS 84 equator over 256 pixels)
EQUATOR_M_PER_PX = 2 * math.pi * 6_378_137 / TILE


@dataclass(frozen=True)
class Tile:
    z: int
    x: int  # the tile's column, wrapped to the world (the antimeridian)
    y: int
    left: float  # where its top-left corner falls in the view, in pixels
    top: float


@dataclass(frozen=True)
class MapView:
    zoom: int
    tiles: list[Tile]
    points: list[tuple[float, float]]  # the route in view pixels
    metres_per_px: float  # at the route's middle latitude


def world_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """The point's pixel in the whole world's map at `zoom`."""
    size = TILE * 2**zoom
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    phi = math.radians(lat)
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * size
    return x, y


def _fitting_zoom(lat: Sequence[float], lon: Sequence[float]) -> int:
    xs, ys = zip(*(world_px(a, b, 0) for a, b in zip(lat, lon, strict=True)), strict=True)
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    for zoom in range(MAX_ZOOM, -1, -1):
        if span_x * 2**zoom <= VIEW_W - 2 * MARGIN and span_y * 2**zoom <= VIEW_H - 2 * MARGIN:
            return zoom
    return 0


def map_view(lat: Sequence[float], lon: Sequence[float]) -> MapView | None:
    """The tiles and the route's pixels, or None without at least two positions."""
    if len(lat) < 2 or len(lat) != len(lon):
        return None
    zoom = _fitting_zoom(lat, lon)
    world = [world_px(a, b, zoom) for a, b in zip(lat, lon, strict=True)]
    xs, ys = [p[0] for p in world], [p[1] for p in world]
    left = (min(xs) + max(xs)) / 2 - VIEW_W / 2
    top = (min(ys) + max(ys)) / 2 - VIEW_H / 2
    count = 2**zoom
    tiles = [Tile(zoom, tx % count, ty, tx * TILE - left, ty * TILE - top)
             for ty in range(math.floor(top / TILE), math.floor((top + VIEW_H - 1) / TILE) + 1)
             for tx in range(math.floor(left / TILE), math.floor((left + VIEW_W - 1) / TILE) + 1)
             if 0 <= ty < count]
    middle = math.radians((min(lat) + max(lat)) / 2)
    return MapView(zoom=zoom, tiles=tiles, points=[(x - left, y - top) for x, y in world],
                   metres_per_px=EQUATOR_M_PER_PX * math.cos(middle) / count)
