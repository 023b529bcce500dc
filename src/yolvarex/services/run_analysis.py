"""A run's page figures, computed once when the run is written and kept on the activity
(`Activity.analysis`).

The analysis (route outline, chart series, splits, laps, moving time by heart rate, best
efforts) is worked out from the stored samples when the run is written: imported, logged,
edited, restored. It is kept with a key made of everything it was computed from: the samples,
the totals, the laps and this module's version. Reading never writes: a page, the API or a
coach reads the kept figures, and when the key does not match (a run written before this
version) the figures are computed in memory for that read and not stored, so a stale analysis
is never shown; `refresh_stale` (run by `yolvarex serve` at start) stores them again.

Time in heart-rate zones is not kept: it depends on zones that move with the athlete's
settings and data (resting heart rate from check-ins, maximum from recent runs). The moving
time at each whole heart rate is kept instead, and every read cuts it at the athlete's zones
of the run's day, which costs microseconds. Best efforts are also kept in `Activity.efforts`
so the records page reads a few numbers per run, not every run's series.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable
from dataclasses import fields
from typing import Any

import numpy as np
from sqlalchemy import select

from yolvarex.domain.activity import Samples
from yolvarex.domain.run import efforts as run_efforts
from yolvarex.domain.run.route import outline
from yolvarex.domain.run.series import series
from yolvarex.domain.run.splits import KM, MILE, splits
from yolvarex.domain.run.track import Track, track_of
from yolvarex.domain.run.zones import HeartRateTime, Zones, heart_rate_time, moving_steps
from yolvarex.ingest.summary import ASCENT_GRID_M, smooth_altitude, speed_of
from yolvarex.services.athlete import zones_in
from yolvarex.store import models
from yolvarex.store.access import Scope
from yolvarex.store.db import Database
from yolvarex.store.samples import SamplesCorrupt, decode_samples

VERSION = 3
#: Runs analysed again per transaction by `refresh_stale`.
REFRESH_BATCH = 20


def samples_of(row: models.Activity) -> Samples | None:
    if row.samples is None:
        return None
    try:
        return decode_samples(row.samples)
    except SamplesCorrupt:
        return None


def key_of(row: models.Activity) -> str:
    inputs = [VERSION, zlib.crc32(row.samples) if row.samples else None, row.distance_m,
              row.duration_s, row.moving_s, row.ascent_m, row.sport, row.laps]
    # sorted keys: PostgreSQL's JSONB gives the laps back with their keys in another order
    return hashlib.sha256(json.dumps(inputs, default=str, sort_keys=True).encode()).hexdigest()[:24]


def _climbs(track: Track, row: models.Activity, cuts: list[float]) -> list[float | None]:
    """The run's ascent shared out over the stretches between `cuts` (distances): in proportion
    to the rises of the smoothed altitude inside each, so the splits' climbs add up to the
    run's own ascent (the device's total when it wrote one)."""
    alt = track.channel("altitude_m")
    stretches = len(cuts) - 1
    if alt is None or row.ascent_m is None:
        return [None] * stretches
    smooth = smooth_altitude(alt, track.d_m)
    if smooth is None or len(smooth) < 2:
        return [None] * stretches
    grid = track.d_m[0] + ASCENT_GRID_M * np.arange(len(smooth))
    rises = np.clip(np.diff(smooth), 0.0, None)
    where = np.searchsorted(np.asarray(cuts), grid[1:], side="left") - 1
    weights = [float(rises[where == k].sum()) for k in range(stretches)]
    total = sum(weights)
    return [round(row.ascent_m * w / total) if total > 0 else 0 for w in weights]


def _splits(track: Track, row: models.Activity, every_m: float) -> list[dict[str, Any]]:
    found = splits(track, every_m)
    cuts = [float(track.d_m[0])]
    for s in found:
        cuts.append(cuts[-1] + s.distance_m)
    climbs = _climbs(track, row, cuts)
    return [{"number": s.number, "distance_m": round(s.distance_m, 1), "seconds": round(s.seconds, 1),
             "pace_s_per_km": round(s.pace_s_per_km, 1) if s.pace_s_per_km else None,
             "avg_hr": round(s.avg_hr) if s.avg_hr else None, "climb_m": climb}
            for s, climb in zip(found, climbs, strict=True)]


def _laps(row: models.Activity) -> list[dict[str, Any]]:
    out = []
    for i, lap in enumerate(row.laps or []):
        distance, seconds = lap.get("distance_m"), lap.get("seconds") or 0.0
        pace = seconds / distance * KM if distance and seconds else None
        out.append({"number": i + 1, "distance_m": distance, "seconds": round(seconds, 1),
                    "pace_s_per_km": round(pace, 1) if pace else None,
                    "avg_hr": lap.get("avg_hr"), "max_hr": lap.get("max_hr")})
    return out


def _heart_rate_time(samples: Samples) -> dict[str, Any]:
    found = heart_rate_time(samples, speed_of(samples))
    return {"first": found.first if found else 0,
            "seconds": [round(v, 2) for v in found.seconds] if found else None,
            "without_hr_s": round(found.without_hr_s, 1) if found else None,
            "moving_s": round(float(moving_steps(samples.t_s, speed_of(samples)).sum()), 1)}


def zones_of(kept: dict[str, Any], zones: Zones) -> dict[str, Any] | None:
    """Time in the athlete's zones, cut from the kept moving time by heart rate."""
    by_hr = kept.get("heart_rate_time")
    if not by_hr:
        return None
    seconds = by_hr["seconds"]
    times = HeartRateTime(by_hr["first"], tuple(seconds), by_hr["without_hr_s"]).in_zones(zones) \
        if seconds is not None else None
    return {"method": zones.method, "floors": list(zones.floors), "rest": round(zones.rest),
            "max": round(zones.max),
            "ranges": [[lo, hi] for lo, hi in zones.ranges()],
            "seconds": [round(v, 1) for v in times.seconds] if times else None,
            "without_hr_s": times.without_hr_s if times else None,
            "moving_s": by_hr["moving_s"]}


def _fields(result: Any) -> dict[str, Any]:
    """A result's fields as a dict, sharing its lists (`asdict` deep-copies every number)."""
    return {f.name: getattr(result, f.name) for f in fields(result)}


def compute(row: models.Activity) -> dict[str, Any]:
    """Every figure of the run page that comes from the samples."""
    samples = samples_of(row)
    out: dict[str, Any] = {"key": key_of(row), "version": VERSION, "outline": None,
                           "series": None, "splits_km": [], "splits_mile": [],
                           "laps": _laps(row), "heart_rate_time": None, "efforts": []}
    if samples is None or len(samples) < 2:
        return out
    out["heart_rate_time"] = _heart_rate_time(samples)
    lat, lon = samples.channels.get("lat"), samples.channels.get("lon")
    if lat is not None and lon is not None:
        shape = outline(lat, lon)
        out["outline"] = _fields(shape) if shape else None
    track = track_of(samples)
    if track is not None and track.total_m > 0:
        found = series(track)
        out["series"] = _fields(found) if found else None
        out["splits_km"] = _splits(track, row, KM)
        out["splits_mile"] = _splits(track, row, MILE)
        if row.sport == "running":
            out["efforts"] = [{"name": e.name, "distance_m": e.distance_m,
                               "seconds": round(e.seconds, 1), "start_s": round(e.start_s, 1)}
                              for e in run_efforts.best_efforts(track)]
    return out


def is_fresh(row: models.Activity) -> bool:
    return bool(row.analysis) and row.analysis.get("key") == key_of(row)  # type: ignore[union-attr]


def refresh(row: models.Activity) -> None:
    """Compute the run's figures and keep them (and its best efforts); called where the run is
    written, in the writer's transaction. Nothing to do when the kept figures are current."""
    if is_fresh(row):
        return
    fresh = compute(row)
    row.analysis = fresh
    row.efforts = {e["name"]: e["seconds"] for e in fresh["efforts"]}


def analysis_of(mine: Scope, row: models.Activity) -> dict[str, Any]:
    """The run's figures for a reader, with time in the athlete's zones of the run's day. Reads
    only: kept figures that are stale are computed again in memory and not stored. The caller
    has reached `row` through the access scope."""
    kept = row.analysis if is_fresh(row) else compute(row)
    assert kept is not None
    shown = {k: v for k, v in kept.items() if k not in ("key", "heart_rate_time")}
    shown["zones"] = zones_of(kept, zones_in(mine, row.day))
    return shown


def refresh_athlete(mine: Scope) -> None:
    """Analyse the athlete's runs that have samples but no best efforts kept yet (runs imported
    before efforts were kept): run when the athlete writes (an import), never on a read."""
    kept = mine.db.execute(mine.select(models.Activity.id, models.Activity.efforts).where(
        models.Activity.sport == "running",
        models.Activity.samples.is_not(None)))
    for activity_id in [i for i, efforts in kept if efforts is None]:  # SQL or JSON null
        refresh(mine.get(models.Activity, activity_id))


def refresh_stale(database: Database, should_stop: Callable[[], bool] | None = None) -> int:
    """Analyse again and keep every activity whose kept figures are missing or stale (written by
    an older version), a few per transaction; returns how many. Safe beside a running server:
    if a run is edited meanwhile, the key no longer matches what is kept and readers compute
    it in memory until the next refresh."""
    with database.session() as db:
        ids = list(db.scalars(select(models.Activity.id).order_by(models.Activity.id)))
    done = 0
    for start in range(0, len(ids), REFRESH_BATCH):
        if should_stop is not None and should_stop():
            break
        with database.session() as db:
            for row in db.scalars(select(models.Activity).where(
                    models.Activity.id.in_(ids[start:start + REFRESH_BATCH]))):
                if not is_fresh(row):
                    refresh(row)
                    done += 1
    return done
