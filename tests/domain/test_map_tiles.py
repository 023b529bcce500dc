"""Map tiles for a route: Web Mercator as tile servers cut it, the closest zoom that fits, a
few tiles at most, every point inside the view."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.conftest import ACTIVITIES
from yolvarex.domain.run.map_tiles import MARGIN, TILE, VIEW_H, VIEW_W, map_view, world_px
from yolvarex.domain.run.route import outline
from yolvarex.ingest import read_activity_file


def _slippy_tile(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The tile numbers as the OpenStreetMap wiki writes them (asinh form)."""
    n = 2**zoom
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)


@pytest.mark.parametrize(("lat", "lon"), [(52.52, 13.405), (-33.8688, 151.2093), (0.0, 0.0),
                                          (64.1466, -21.9426)])
@pytest.mark.parametrize("zoom", [0, 5, 12, 17])
def test_world_pixels_agree_with_the_slippy_tile_numbers(lat: float, lon: float, zoom: int) -> None:
    x, y = world_px(lat, lon, zoom)
    assert (int(x // TILE), int(y // TILE)) == _slippy_tile(lat, lon, zoom)


@pytest.mark.parametrize("name", ["activity-small-fenix2-run.fit", "polar-m400-run.gpx",
                                  "forerunner-410-run.tcx"])
def test_a_real_route_fits_the_view_at_the_closest_zoom(name: str) -> None:
    (activity,) = read_activity_file(name, (ACTIVITIES / name).read_bytes())
    shape = outline(activity.samples.channels["lat"], activity.samples.channels["lon"])
    assert shape is not None
    view = map_view(shape.lat, shape.lon)
    assert view is not None and 1 <= len(view.tiles) <= 9
    xs, ys = [p[0] for p in view.points], [p[1] for p in view.points]
    assert min(xs) >= MARGIN - 1 and max(xs) <= VIEW_W - MARGIN + 1
    assert min(ys) >= MARGIN - 1 and max(ys) <= VIEW_H - MARGIN + 1
    # one zoom closer would not fit
    wider = [world_px(a, b, view.zoom + 1) for a, b in zip(shape.lat, shape.lon, strict=True)]
    span_x = max(p[0] for p in wider) - min(p[0] for p in wider)
    span_y = max(p[1] for p in wider) - min(p[1] for p in wider)
    assert span_x > VIEW_W - 2 * MARGIN or span_y > VIEW_H - 2 * MARGIN
    # the tiles cover the whole view, each once
    covered = np.zeros((VIEW_H, VIEW_W), dtype=int)
    for t in view.tiles:
        top, left = int(t.top), int(t.left)
        covered[max(0, top):max(0, top + TILE), max(0, left):max(0, left + TILE)] += 1
    assert covered.min() >= 1 and len({(t.x, t.y) for t in view.tiles}) == len(view.tiles)
    # the scale: metres per pixel match the route's own extent
    assert view.metres_per_px * (max(xs) - min(xs)) == pytest.approx(shape.width_m, rel=0.02)


def test_across_the_antimeridian_the_tile_numbers_wrap_and_no_route_is_none() -> None:
    view = map_view([-17.0, -17.01], [179.999, -179.999])
    assert view is not None and all(0 <= t.x < 2**t.z for t in view.tiles)
    assert map_view([52.0], [13.0]) is None
