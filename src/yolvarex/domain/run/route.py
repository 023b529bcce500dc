"""The route outline: positions projected to metres and simplified for drawing.

Projection: equirectangular about the route's mean latitude (x = R * dlon * cos(lat0),
y = R * dlat). Over the few kilometres of a run this is within a fraction of a percent of the
true distances, which is far below what a drawing shows. Simplification: Douglas-Peucker with
a tolerance in metres: every recorded position lies within `tolerance_m` of the drawn line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yolvarex.domain.activity import FloatArray

EARTH_RADIUS_M = 6_371_008.8
#: Every recorded position lies within this distance of the outline that is drawn.
OUTLINE_TOLERANCE_M = 5.0


@dataclass(frozen=True)
class Outline:
    x_m: list[float]  # east of the west-most point
    y_m: list[float]  # north of the south-most point
    width_m: float
    height_m: float
    positions: int  # recorded positions before simplification
    tolerance_m: float
    lat: list[float]  # the kept points as recorded (degrees, 6 decimals: about 0.1 m)
    lon: list[float]


def project(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Metres east and north of the south-west corner of the positions (finite ones only)."""
    lat0 = np.radians(float(np.mean(lat)))
    x = np.radians(lon) * EARTH_RADIUS_M * np.cos(lat0)
    y = np.radians(lat) * EARTH_RADIUS_M
    return x - x.min(), y - y.min()


def _segment_distance(x: FloatArray, y: FloatArray, a: int, b: int) -> FloatArray:
    """Distance of points a..b to the segment from point a to point b."""
    px, py = x[a:b + 1], y[a:b + 1]
    dx, dy = x[b] - x[a], y[b] - y[a]
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return np.asarray(np.hypot(px - x[a], py - y[a]))
    t = np.clip(((px - x[a]) * dx + (py - y[a]) * dy) / length2, 0.0, 1.0)
    return np.asarray(np.hypot(px - (x[a] + t * dx), py - (y[a] + t * dy)))


def simplify(x: FloatArray, y: FloatArray, tolerance_m: float) -> list[int]:
    """Douglas-Peucker (iterative): indices of the points kept, first and last always."""
    n = len(x)
    if n <= 2:
        return list(range(n))
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        dist = _segment_distance(x, y, a, b)
        k = int(np.argmax(dist[1:-1])) + 1
        if dist[k] > tolerance_m:
            keep[a + k] = True
            stack.append((a, a + k))
            stack.append((a + k, b))
    return [int(i) for i in np.flatnonzero(keep)]


def outline(lat: FloatArray, lon: FloatArray, tolerance_m: float = OUTLINE_TOLERANCE_M) -> Outline | None:
    """The simplified route, or None when fewer than two positions were recorded."""
    ok = np.isfinite(lat) & np.isfinite(lon)
    if int(ok.sum()) < 2:
        return None
    lat, lon = lat[ok], lon[ok]
    x, y = project(lat, lon)
    kept = simplify(x, y, tolerance_m)
    return Outline(x_m=[round(float(x[i]), 1) for i in kept], y_m=[round(float(y[i]), 1) for i in kept],
                   width_m=float(x.max()), height_m=float(y.max()), positions=int(ok.sum()),
                   tolerance_m=tolerance_m, lat=[round(float(lat[i]), 6) for i in kept],
                   lon=[round(float(lon[i]), 6) for i in kept])
