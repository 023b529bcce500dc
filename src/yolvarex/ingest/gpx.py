"""GPX tracks (1.0 and 1.1, with Garmin's TrackPointExtension for heart rate and cadence).

GPX rarely says which sport it was. The track's `<type>` wins when it is there (Garmin and
Strava write `running`, `cycling`, ...); otherwise the typical moving pace decides (walking
under 1.9 m/s, cycling over 6.5 m/s, running in between) and the activity says it guessed.
Cadence in the TrackPointExtension (`cad`) is strides per minute for foot sports, like FIT.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from yolvarex.domain.activity import Activity
from yolvarex.ingest import xml
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.sports import sport_from_pace, sport_named
from yolvarex.ingest.summary import (
    MOVING_MPS,
    build_samples,
    speed_of,
    strides_to_steps,
    summarize,
    track_distance,
)

EXTENSION_CHANNELS = {"hr": "heart_rate_bpm", "heartrate": "heart_rate_bpm", "power": "power_w",
                      "speed": "speed_mps"}


def read_gpx(name: str, data: bytes) -> list[Activity]:
    """Read as a stream: each point's values are taken when it ends and the point is cleared,
    so a long recording costs its columns, not a whole XML tree; past `xml.MAX_POINTS` points
    the file is refused."""
    activities = []
    track: _Columns | None = None
    points = 0
    has_route = False
    root_seen = False
    for event, el in xml.iterparse(name, data, "GPX"):
        tag = xml.local(el.tag)
        if event == "start":
            if not root_seen:
                root_seen = True
                if tag != "gpx":
                    raise ActivityFileError(name, "is XML but not GPX.",
                                            "Pick a .gpx, .tcx or .fit file.")
            elif tag == "trk":
                track = _Columns()
            continue
        if tag == "trkpt":
            has_route = True
            points += 1
            if points > xml.MAX_POINTS:
                raise ActivityFileError(name, f"holds more than {xml.MAX_POINTS:,} points, more "
                                        "than any recording.", "Export one activity at a time.")
            if track is not None:
                track.add(el)
            el.clear()
        elif tag == "rtept":
            has_route = True
            el.clear()
        elif tag == "trk" and track is not None:
            activity = _track(name, el, track)
            if activity is not None:
                activities.append(activity)
            track = None
            el.clear()
    if not activities:
        problem = ("has points without times: it looks like a planned route, not a recorded "
                   "activity." if has_route else "holds no track.")
        raise ActivityFileError(name, problem, "Export the recorded activity instead.")
    return activities


class _Columns:
    """One track's points as columns, filled a point at a time."""

    def __init__(self) -> None:
        self.times: list[dt.datetime] = []
        self.offsets: list[float | None] = []  # the UTC offset written in each time, if any
        self.cols: dict[str, list[float]] = {c: [] for c in (
            "lat", "lon", "altitude_m", "heart_rate_bpm", "cadence_spm", "power_w", "speed_mps")}

    def add(self, pt: xml.Element) -> None:
        written = xml.text(pt, "time")
        stamp = xml.timestamp(written)
        if stamp is None:
            return
        cols = self.cols
        self.times.append(stamp)
        self.offsets.append(xml.utc_offset(written))
        cols["lat"].append(xml.number(pt.get("lat")))
        cols["lon"].append(xml.number(pt.get("lon")))
        cols["altitude_m"].append(xml.number(xml.text(pt, "ele")))
        ext = {"heart_rate_bpm": np.nan, "cadence_spm": np.nan, "power_w": np.nan, "speed_mps": np.nan}
        extensions = xml.child(pt, "extensions")
        if extensions is not None:
            for node in extensions.iter():
                tag = xml.local(node.tag).lower()
                if tag in EXTENSION_CHANNELS:
                    ext[EXTENSION_CHANNELS[tag]] = xml.number(xml.text(node))
                elif tag in ("cad", "cadence"):
                    ext["cadence_spm"] = xml.number(xml.text(node))
        for channel, value in ext.items():
            cols[channel].append(value)


def _track(name: str, trk: xml.Element, columns: _Columns) -> Activity | None:
    times, cols = columns.times, columns.cols
    if not times:
        return None
    order = np.argsort(np.array([t.timestamp() for t in times]), kind="stable")
    start = times[int(order[0])]
    t_s = [(times[i] - start).total_seconds() for i in order]
    cols = {k: [v[i] for i in order] for k, v in cols.items()}
    lat, lon = np.asarray(cols["lat"]), np.asarray(cols["lon"])
    cols["distance_m"] = list(track_distance(lat, lon))
    samples = build_samples(t_s, cols)
    remarks: tuple[str, ...] = ()
    sport = sport_named(xml.text(trk, "type"))
    if sport is None:
        speed = speed_of(samples)
        moving = speed[np.isfinite(speed) & (speed >= MOVING_MPS)] if speed is not None else None
        sport = sport_from_pace(float(np.median(moving)) if moving is not None and len(moving) else None)
        remarks = (f"The file does not say which sport this was; from its pace it looks like "
                   f"{sport.value}. Change it if that is wrong.",)
    samples = strides_to_steps(samples, sport)
    return summarize(sport, start, samples, name=xml.text(trk, "name"), source_format="gpx",
                     remarks=remarks, utc_offset_s=columns.offsets[int(order[0])])
