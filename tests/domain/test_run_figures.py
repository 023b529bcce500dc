"""The run page's figures from real watch files: splits, outline, zones, best efforts, ascent."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.conftest import ACTIVITIES
from yolvarex.domain.activity import Activity
from yolvarex.domain.run.efforts import best_effort
from yolvarex.domain.run.route import OUTLINE_TOLERANCE_M, outline, project
from yolvarex.domain.run.splits import KM, MILE, splits
from yolvarex.domain.run.track import Track, track_of
from yolvarex.domain.run.zones import time_in_zones, zones_from
from yolvarex.ingest import read_activity_file
from yolvarex.ingest.summary import moving_seconds, speed_of

RUNS = ["activity-small-fenix2-run.fit", "compressed-speed-distance.fit", "2013-02-06-12-11-14.fit",
        "forerunner-410-run.tcx", "polar-m400-run.gpx", "garmin-fenix-5-run.fit"]
WITH_POSITIONS = [f for f in RUNS if f != "compressed-speed-distance.fit"]
WITH_HR = [f for f in RUNS if f != "polar-m400-run.gpx"]


def _read(name: str) -> Activity:
    return read_activity_file(name, (ACTIVITIES / name).read_bytes())[0]


def _track(name: str) -> Track:
    track = track_of(_read(name).samples)
    assert track is not None
    return track


@pytest.mark.parametrize("name", RUNS)
@pytest.mark.parametrize("every", [KM, MILE])
def test_splits_add_up_to_the_recorded_distance_and_time(name: str, every: float) -> None:
    activity = _read(name)
    track = _track(name)
    found = splits(track, every)
    assert sum(s.distance_m for s in found) == pytest.approx(track.total_m, abs=1e-6)
    assert sum(s.seconds for s in found) == pytest.approx(track.t_s[-1] - track.t_s[0], abs=1e-6)
    assert all(s.distance_m == pytest.approx(every) for s in found[:-1])
    # the samples' distance is the watch's own total (within the last sample's few metres)
    assert track.total_m == pytest.approx(activity.distance_m, rel=0.002)


def _distance_to_polyline(px: float, py: float, xs: np.ndarray, ys: np.ndarray) -> float:
    ax, ay, bx, by = xs[:-1], ys[:-1], xs[1:], ys[1:]
    dx, dy = bx - ax, by - ay
    length2 = np.where(dx * dx + dy * dy == 0, 1.0, dx * dx + dy * dy)
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0, 1)
    return float(np.min(np.hypot(px - (ax + t * dx), py - (ay + t * dy))))


@pytest.mark.parametrize("name", WITH_POSITIONS)
def test_the_outline_keeps_every_position_within_its_tolerance(name: str) -> None:
    ch = _read(name).samples.channels
    ok = np.isfinite(ch["lat"]) & np.isfinite(ch["lon"])
    shape = outline(ch["lat"], ch["lon"])
    assert shape is not None
    assert shape.positions == int(ok.sum())
    assert 2 <= len(shape.x_m) <= shape.positions
    x, y = project(ch["lat"][ok], ch["lon"][ok])
    xs, ys = np.asarray(shape.x_m), np.asarray(shape.y_m)
    worst = max(_distance_to_polyline(float(a), float(b), xs, ys) for a, b in zip(x, y, strict=True))
    assert worst <= OUTLINE_TOLERANCE_M + 0.1  # 0.1 m: the kept points are rounded to 0.1 m
    if shape.positions > 300:  # a real route shrinks to a small share of its points
        assert len(shape.x_m) < shape.positions / 5


@pytest.mark.parametrize("name", WITH_HR)
@pytest.mark.parametrize("method", ["reserve", "max"])
def test_time_in_zones_adds_up_to_the_moving_time(name: str, method: str) -> None:
    samples = _read(name).samples
    zones = zones_from(55, 188, method)  # type: ignore[arg-type]
    times = time_in_zones(samples, speed_of(samples), zones)
    assert times is not None
    assert times.total_s == pytest.approx(moving_seconds(samples), abs=1e-6)
    assert sum(1 for s in times.seconds if s > 0) >= 1


def test_zones_are_time_weighted_not_counted() -> None:
    """Two readings a second apart in zone 5 and one that holds for 58 s in zone 1: the minute
    is almost all zone 1, although two of three samples are in zone 5."""
    from yolvarex.domain.activity import Samples

    t = np.array([0.0, 1.0, 2.0, 60.0])
    samples = Samples(t_s=t, channels={"heart_rate_bpm": np.array([180.0, 180.0, 100.0, 100.0]),
                                       "speed_mps": np.full(4, 3.0)})
    times = time_in_zones(samples, samples.channels["speed_mps"], zones_from(50, 190))
    assert times is not None
    assert times.seconds[4] == pytest.approx(2.0)
    assert times.seconds[0] == pytest.approx(58.0)


def _brute_force_best(t: np.ndarray, d: np.ndarray, distance: float) -> float:
    """Every window that starts on a sample and every window that ends on one, searched by a
    plain loop with linear interpolation inside the step that crosses the distance."""
    best = math.inf
    n = len(d)
    for i in range(n):
        if i + 1 < n and d[i + 1] == d[i]:
            continue  # still standing at this point: the window starts when they move on
        j = i
        while j < n and d[j] - d[i] < distance:
            j += 1
        if j == n:
            break
        share = (d[i] + distance - d[j - 1]) / (d[j] - d[j - 1])
        best = min(best, t[j - 1] + share * (t[j] - t[j - 1]) - t[i])
    for j in range(n - 1, -1, -1):
        if j > 0 and d[j - 1] == d[j]:
            continue  # the window ends the first moment the distance was reached
        i = j
        while i >= 0 and d[j] - d[i] < distance:
            i -= 1
        if i < 0:
            continue
        share = (d[i + 1] - (d[j] - distance)) / (d[i + 1] - d[i])
        best = min(best, t[j] - (t[i + 1] - share * (t[i + 1] - t[i])))
    return best


@pytest.mark.parametrize(("name", "distance"), [
    ("activity-small-fenix2-run.fit", 1000.0), ("activity-small-fenix2-run.fit", 5000.0),
    ("compressed-speed-distance.fit", 1000.0), ("compressed-speed-distance.fit", 1609.344),
    ("polar-m400-run.gpx", 1000.0), ("forerunner-410-run.tcx", 400.0)])
def test_the_best_effort_equals_a_brute_force_search(name: str, distance: float) -> None:
    track = _track(name)
    found = best_effort(track, distance)
    assert found is not None
    expected = _brute_force_best(track.t_s, track.d_m, distance)
    assert found.seconds == pytest.approx(expected, abs=1e-6)
    # the best 1 km inside a 9 km run is faster than the run's average kilometre
    assert found.seconds <= (track.t_s[-1] - track.t_s[0]) / track.total_m * distance


def test_no_effort_longer_than_the_run() -> None:
    assert best_effort(_track("garmin-fenix-5-run.fit"), 400.0) is None


def test_ascent_from_gps_only_elevation_is_smoothed() -> None:
    """The Polar M400 records GPS altitude only; its flat route in Bremen wanders between
    -50 and +26 m. Summed raw that made 428 m; smoothed it must be far less."""
    polar = _read("polar-m400-run.gpx")
    assert polar.ascent_m is not None and polar.ascent_m < 100
    # a device total is kept as the watch wrote it
    assert _read("activity-small-fenix2-run.fit").ascent_m == 64
    assert _read("2013-02-06-12-11-14.fit").ascent_m == 168
