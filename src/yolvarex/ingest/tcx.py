"""TCX activities (Garmin Training Center), multisport sessions included.

Each `<Activity>` becomes one Activity (a multisport session gives one per leg). Totals come
from the laps (distance, timer time, maximum heart rate); samples from the trackpoints.
`RunCadence` in the ActivityExtension is strides per minute, like FIT: steps = 2 x value.
The plain `<Cadence>` of a trackpoint is pedal revolutions and is not a step rate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np

from yolvarex.domain.activity import Activity, Lap, Sport
from yolvarex.ingest import xml
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.sports import sport_named
from yolvarex.ingest.summary import build_samples, strides_to_steps, summarize, track_distance

NAN = math.nan


def read_tcx(name: str, data: bytes) -> list[Activity]:
    """Read as a stream, like GPX: each trackpoint's values are taken when it ends and the
    point is cleared; past `xml.MAX_POINTS` trackpoints the file is refused."""
    activities = []
    points: _Points | None = None
    count = 0
    course = False
    root_seen = False
    for event, el in xml.iterparse(name, data, "TCX"):
        tag = xml.local(el.tag)
        if event == "start":
            if not root_seen:
                root_seen = True
                if tag != "TrainingCenterDatabase":
                    raise ActivityFileError(name, "is XML but not TCX.",
                                            "Pick a .tcx, .gpx or .fit file.")
            elif tag == "Activity":
                points = _Points()
            elif tag == "Course":
                course = True
            continue
        if tag == "Trackpoint":
            count += 1
            if count > xml.MAX_POINTS:
                raise ActivityFileError(name, f"holds more than {xml.MAX_POINTS:,} points, more "
                                        "than any recording.", "Export one activity at a time.")
            if points is not None:
                points.add(el)
            el.clear()
        elif tag == "Activity" and points is not None:
            activity = _activity(name, el, points)
            if activity is not None:
                activities.append(activity)
            points = None
            el.clear()
    if not activities:
        if course:
            raise ActivityFileError(name, "is a course (a planned route), not a recorded activity.",
                                    "Export the recorded activity instead.")
        raise ActivityFileError(name, "holds no recorded activity.",
                                "Check that you exported a finished activity.")
    return activities


class _Points:
    """One activity's trackpoints as columns, filled a point at a time, laps in order."""

    def __init__(self) -> None:
        self.times: list[dt.datetime] = []
        self.cols: dict[str, list[float]] = {c: [] for c in (
            "lat", "lon", "altitude_m", "distance_m", "heart_rate_bpm", "cadence_spm",
            "speed_mps", "power_w")}

    def add(self, pt: xml.Element) -> None:
        stamp = xml.timestamp(xml.text(pt, "Time"))
        if stamp is None:
            return
        cols = self.cols
        self.times.append(stamp)
        pos = xml.child(pt, "Position")
        cols["lat"].append(xml.number(xml.text(pos, "LatitudeDegrees")))
        cols["lon"].append(xml.number(xml.text(pos, "LongitudeDegrees")))
        cols["altitude_m"].append(xml.number(xml.text(pt, "AltitudeMeters")))
        cols["distance_m"].append(xml.number(xml.text(pt, "DistanceMeters")))
        cols["heart_rate_bpm"].append(_value(pt, "HeartRateBpm"))
        extra = {"RunCadence": NAN, "Speed": NAN, "Watts": NAN}
        ext = xml.child(pt, "Extensions")
        if ext is not None:
            for node in ext.iter():
                tag = xml.local(node.tag)
                if tag in extra:
                    extra[tag] = xml.number(xml.text(node))
        cols["cadence_spm"].append(extra["RunCadence"])
        cols["speed_mps"].append(extra["Speed"])
        cols["power_w"].append(extra["Watts"])


def _value(el: xml.Element | None, name: str) -> float:
    node = xml.child(el, name) if el is not None else None
    return xml.number(xml.text(node, "Value")) if node is not None else NAN


def _activity(name: str, act: xml.Element, points: _Points) -> Activity | None:
    times, cols = points.times, points.cols
    lap_seconds = lap_distance = 0.0
    max_hr = NAN
    lap_hr: list[tuple[float, float]] = []  # (seconds, average heart rate) of each lap
    laps = list(xml.children(act, "Lap"))
    for lap in laps:
        lap_seconds += _zero(xml.number(xml.text(lap, "TotalTimeSeconds")))
        lap_distance += _zero(xml.number(xml.text(lap, "DistanceMeters")))
        lap_hr.append((_zero(xml.number(xml.text(lap, "TotalTimeSeconds"))),
                       _value(lap, "AverageHeartRateBpm")))
        lap_max = _value(lap, "MaximumHeartRateBpm")
        max_hr = lap_max if math.isnan(max_hr) else max(max_hr, _zero(lap_max))
    written = xml.text(act, "Id")
    start = xml.timestamp(written) or (min(times) if times else None)
    if start is None and laps:
        written = laps[0].get("StartTime")
        start = xml.timestamp(written)
    if start is None or (not times and lap_seconds <= 0):
        return None
    t_s = [(t - start).total_seconds() for t in times]
    if all(math.isnan(v) for v in cols["distance_m"]):
        cols["distance_m"] = list(track_distance(np.asarray(cols["lat"]), np.asarray(cols["lon"])))
    samples = build_samples(t_s, cols)
    word = act.get("Sport")
    sport = sport_named(word)
    remarks: tuple[str, ...] = ()
    if sport is None:
        sport = Sport.OTHER
        remarks = (f"The file calls the sport {word or 'nothing'!r}, so it is kept as "
                   "cross-training; change it if it was a run.",)
    samples = strides_to_steps(samples, sport)
    elapsed = t_s[-1] if t_s else 0.0
    activity = summarize(sport, start, samples, duration_s=max(elapsed, lap_seconds),
                     distance_m=lap_distance or None, avg_hr=_laps_average(lap_hr),
                     max_hr=None if math.isnan(max_hr) else max_hr,
                     source_format="tcx", remarks=remarks, utc_offset_s=xml.utc_offset(written))
    return dataclasses.replace(activity, laps=_laps(laps, start))


def _laps(laps: list[xml.Element], start: dt.datetime) -> tuple[Lap, ...]:
    out = []
    for lap in laps:
        begin = xml.timestamp(lap.get("StartTime"))
        seconds = xml.number(xml.text(lap, "TotalTimeSeconds"))
        if begin is None or math.isnan(seconds):
            continue
        distance = xml.number(xml.text(lap, "DistanceMeters"))
        hr, top = _value(lap, "AverageHeartRateBpm"), _value(lap, "MaximumHeartRateBpm")
        out.append(Lap(start_s=(begin - start).total_seconds(), seconds=seconds,
                       distance_m=None if math.isnan(distance) else distance,
                       avg_hr=None if math.isnan(hr) else hr, max_hr=None if math.isnan(top) else top))
    return tuple(out)


def _laps_average(laps: list[tuple[float, float]]) -> float | None:
    """The activity's average heart rate from its laps' own averages, weighted by lap time,
    when every timed lap has one."""
    timed = [(seconds, hr) for seconds, hr in laps if seconds > 0]
    if not timed or any(math.isnan(hr) or hr <= 0 for _, hr in timed):
        return None
    return sum(seconds * hr for seconds, hr in timed) / sum(seconds for seconds, _ in timed)


def _zero(value: float) -> float:
    return 0.0 if math.isnan(value) else value
