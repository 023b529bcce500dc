"""An activity written out as GPX 1.1 or TCX, for another app or tracker to read.

GPX carries the positions with their time, elevation, heart rate and cadence (Garmin's
TrackPointExtension, cadence in strides per minute as GPX readers expect); points without a
position are left out, since GPX has no place for them. TCX carries one lap with the
activity's totals (time, distance, heart rate) and every sample as a trackpoint, with or
without a position. An activity logged by hand has no samples: both formats then carry its
summary only (TCX: the lap totals; GPX: name, time and a description).
"""

from __future__ import annotations

import datetime as dt
import math
from xml.sax.saxutils import escape, quoteattr

from yolvarex.domain.activity import Activity, FloatArray, Sport

CREATOR = "yolvarex"
TCX_SPORTS = {Sport.RUNNING: "Running", Sport.CYCLING: "Biking"}


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _value(values: FloatArray | None, i: int) -> float | None:
    if values is None:
        return None
    v = float(values[i])
    return v if math.isfinite(v) else None


def _summary(activity: Activity) -> str:
    parts = [f"{activity.duration_s / 60:.1f} min"]
    if activity.distance_m:
        parts.append(f"{activity.distance_m / 1000:.2f} km")
    if activity.avg_hr:
        parts.append(f"average heart rate {activity.avg_hr:.0f} bpm")
    return f"{activity.sport.value}: " + ", ".join(parts)


def to_gpx(activity: Activity) -> str:
    s = activity.samples
    ch = s.channels
    lat, lon = ch.get("lat"), ch.get("lon")
    alt, hr, cad = ch.get("altitude_m"), ch.get("heart_rate_bpm"), ch.get("cadence_spm")
    name = escape(activity.name or activity.sport.value.capitalize())
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<gpx version="1.1" creator="{CREATOR}" xmlns="http://www.topografix.com/GPX/1/1" '
           'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
           f"<metadata><name>{name}</name><desc>{escape(_summary(activity))}</desc>"
           f"<time>{_iso(activity.start)}</time></metadata>",
           f"<trk><name>{name}</name><type>{activity.sport.value}</type><trkseg>"]
    if lat is not None and lon is not None:
        for i in range(len(s)):
            la, lo = _value(lat, i), _value(lon, i)
            if la is None or lo is None:
                continue
            when = activity.start + dt.timedelta(seconds=float(s.t_s[i]))
            point = [f'<trkpt lat="{la:.7f}" lon="{lo:.7f}">']
            if (e := _value(alt, i)) is not None:
                point.append(f"<ele>{e:.1f}</ele>")
            point.append(f"<time>{_iso(when)}</time>")
            h, c = _value(hr, i), _value(cad, i)
            if h is not None or c is not None:
                ext = "".join([f"<gpxtpx:hr>{h:.0f}</gpxtpx:hr>" if h is not None else "",
                               f"<gpxtpx:cad>{c / 2:.0f}</gpxtpx:cad>" if c is not None else ""])
                point.append(f"<extensions><gpxtpx:TrackPointExtension>{ext}"
                             "</gpxtpx:TrackPointExtension></extensions>")
            point.append("</trkpt>")
            out.append("".join(point))
    out.append("</trkseg></trk></gpx>")
    return "\n".join(out) + "\n"


def _trackpoint(activity: Activity, i: int) -> str:
    ch = activity.samples.channels
    when = activity.start + dt.timedelta(seconds=float(activity.samples.t_s[i]))
    parts = [f"<Trackpoint><Time>{_iso(when)}</Time>"]
    la, lo = _value(ch.get("lat"), i), _value(ch.get("lon"), i)
    if la is not None and lo is not None:
        parts.append(f"<Position><LatitudeDegrees>{la:.7f}</LatitudeDegrees>"
                     f"<LongitudeDegrees>{lo:.7f}</LongitudeDegrees></Position>")
    if (e := _value(ch.get("altitude_m"), i)) is not None:
        parts.append(f"<AltitudeMeters>{e:.1f}</AltitudeMeters>")
    if (d := _value(ch.get("distance_m"), i)) is not None:
        parts.append(f"<DistanceMeters>{d:.2f}</DistanceMeters>")
    if (h := _value(ch.get("heart_rate_bpm"), i)) is not None:
        parts.append(f"<HeartRateBpm><Value>{h:.0f}</Value></HeartRateBpm>")
    ext = []
    if (v := _value(ch.get("speed_mps"), i)) is not None:
        ext.append(f"<Speed>{v:.3f}</Speed>")
    if (c := _value(ch.get("cadence_spm"), i)) is not None:
        ext.append(f"<RunCadence>{c / 2:.0f}</RunCadence>")
    if ext:
        parts.append('<Extensions><TPX xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
                     + "".join(ext) + "</TPX></Extensions>")
    parts.append("</Trackpoint>")
    return "".join(parts)


def to_tcx(activity: Activity) -> str:
    sport = TCX_SPORTS.get(activity.sport, "Other")
    start = _iso(activity.start)
    lap = [f"<Lap StartTime={quoteattr(start)}>",
           f"<TotalTimeSeconds>{activity.duration_s:.1f}</TotalTimeSeconds>",
           f"<DistanceMeters>{activity.distance_m or 0:.2f}</DistanceMeters>"]
    if activity.avg_hr:
        lap.append(f"<AverageHeartRateBpm><Value>{activity.avg_hr:.0f}</Value></AverageHeartRateBpm>")
    if activity.max_hr:
        lap.append(f"<MaximumHeartRateBpm><Value>{activity.max_hr:.0f}</Value></MaximumHeartRateBpm>")
    lap.append("<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>")
    if len(activity.samples):
        lap.append("<Track>" + "".join(_trackpoint(activity, i) for i in range(len(activity.samples)))
                   + "</Track>")
    if activity.name:
        lap.append(f"<Notes>{escape(activity.name)}</Notes>")
    lap.append("</Lap>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            f"<Activities><Activity Sport=\"{sport}\"><Id>{start}</Id>" + "".join(lap)
            + f"<Creator><Name>{CREATOR}</Name></Creator></Activity></Activities>"
            "</TrainingCenterDatabase>\n")
