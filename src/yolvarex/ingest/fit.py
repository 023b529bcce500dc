"""FIT activity files (Garmin, Coros, Suunto, Wahoo...), decoded by `ingest.fit_decode`.

Why our own decoder: measured on the sample files (`benchmarks/bench_import.py`), fitdecode
reads a record at a time into Python objects and the official garmin-fit-sdk decoder one field
at a time; the SDK also cannot read compressed-timestamp records (Forerunner 70 files) and
returns one file of a chained stream. `fit_decode` reads each message kind into numpy columns
at once from the SDK's profile, chained files, compressed timestamps and developer fields
included, and is checked field by field against fitdecode (`tests/ingest/test_fit_decode.py`).

Units follow `domain.activity`: FIT running `cadence` is strides per minute, so steps per
minute = 2 x (cadence + fractional_cadence) for foot sports; positions are semicircles,
turned into degrees. One Activity per session (a multisport file gives one per leg;
transitions are left out). A file from a watch whose clock was not set carries only seconds
since power-on; it is dated from `undated_start` (or the FIT epoch) with a remark saying so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from yolvarex.domain.activity import Activity, FloatArray, Lap, Sport
from yolvarex.ingest.errors import ActivityFileError
from yolvarex.ingest.fit_decode import DATED_MIN, FIT_EPOCH, FIT_EPOCH_S, FitDecodeError, decode
from yolvarex.ingest.sports import FOOT_SPORTS, sport_named
from yolvarex.ingest.summary import build_samples, summarize

SEMICIRCLE_DEG = 180.0 / 2**31
NOT_ACTIVITIES = {
    "workout": "a workout file (the planned steps of a session)",
    "course": "a course (a planned route)",
    "settings": "a settings file", "sport": "a sport settings file", "device": "a device file",
    "schedules": "a training schedule", "totals": "a totals file", "goals": "a goals file",
    "blood_pressure": "a blood pressure file", "weight": "a weight file",
    "monitoring_a": "an all-day monitoring file", "monitoring_b": "an all-day monitoring file",
    "monitoring_daily": "an all-day monitoring file", "activity_summary": "an activity summary",
    "segment": "a segment file", "segment_list": "a segment list",
}
# record field -> channel, first found wins (enhanced fields carry the full range)
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "distance_m": ("distance",),
    "speed_mps": ("enhanced_speed", "speed"),
    "heart_rate_bpm": ("heart_rate",),
    "vertical_oscillation_mm": ("vertical_oscillation",),
    "stance_time_ms": ("stance_time",),
    "stance_time_balance_pct": ("stance_time_balance",),
    "vertical_ratio_pct": ("vertical_ratio",),
    "step_length_mm": ("step_length",),
    "altitude_m": ("enhanced_altitude", "altitude"),
    "power_w": ("power",),
}
# developer fields (Stryd, Connect IQ apps) used when the native field is missing
DEVELOPER_FIELDS = {"power": "power_w", "heart rate": "heart_rate_bpm",
                    "ground time": "stance_time_ms", "vertical oscillation": "vertical_oscillation_mm"}
NAN = math.nan
MAX_UTC_OFFSET_S = 14 * 3600  # the widest offsets in use: UTC-12 to UTC+14


@dataclass
class _Part:
    """One FIT file of a (possibly chained) stream."""

    file_type: str | None = None
    records: dict[str, FloatArray] = field(default_factory=dict)  # columns, timestamps in seconds
    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    sport: str | None = None
    sub_sport: str | None = None
    lap_sport: str | None = None
    utc_offset_s: float | None = None  # from the activity message's local_timestamp


def _decode(name: str, data: bytes) -> list[_Part]:
    try:
        files = decode(data)
    except FitDecodeError as exc:
        raise _error(name, exc.kind, str(exc)) from None
    except (ArithmeticError, struct.error, ValueError, KeyError, IndexError, TypeError):
        raise ActivityFileError(name, "is damaged: a message in it has an impossible size or "
                                "value.", "Copy the file from your watch (or export it) "
                                "again.") from None
    parts = []
    for fit in files:
        part = _Part(file_type=_str(fit.file_type), sessions=fit.sessions, laps=fit.laps)
        if "timestamp" in fit.records:
            raw = fit.records["timestamp"]
            part.records = {**fit.records, "timestamp": np.where(raw >= DATED_MIN, raw + FIT_EPOCH_S, raw)}
        for sport in fit.sports:
            part.sport, part.sub_sport = _str(sport.get("sport")), _str(sport.get("sub_sport"))
        part.lap_sport = next((_str(lap["sport"]) for lap in fit.laps if "sport" in lap), None)
        for activity in fit.activities:
            part.utc_offset_s = _local_offset(activity.get("timestamp"), activity.get("local_timestamp"))
        parts.append(part)
    return parts


def _error(name: str, kind: str, detail: str) -> ActivityFileError:
    if kind == "crc":
        return ActivityFileError(name, "is damaged: its checksum does not match its content, so "
                                 "part of it was lost or changed after the watch wrote it.",
                                 "Copy the file from your watch (or export it) again.")
    if kind in ("header", "middle"):
        where = "is not a FIT file" if kind == "header" else "has a damaged header in the middle"
        return ActivityFileError(name, f"{where}: it does not start the way FIT files do.",
                                 "Check that you picked the right file, or export it again.")
    if kind == "eof":
        return ActivityFileError(name, "ends too early: it was cut off while it was being copied "
                                 "or written.", "Copy the file from your watch again.")
    if kind == "size":
        return ActivityFileError(name, "is damaged: a message in it has an impossible size or "
                                 "value.", "Copy the file from your watch (or export it) again.")
    return ActivityFileError(name, f"could not be decoded as FIT ({detail}).",
                             "Export it again from your watch or app.")


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _stamp(value: Any) -> float | None:
    """Seconds: POSIX time for a real date, or device seconds since power-on (clock not set)."""
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, int | float):
        return float(value)
    return None


def _local_offset(stamp: Any, local: Any) -> float | None:
    """The wall-clock offset the watch kept (local_timestamp - timestamp), to 15 minutes.

    `local_timestamp` reads as if it were UTC; the difference is the offset."""
    if not isinstance(stamp, dt.datetime) or not isinstance(local, dt.datetime):
        return None
    offset = round((local - stamp).total_seconds() / 900) * 900
    return float(offset) if abs(offset) <= MAX_UTC_OFFSET_S else None


def _num(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return NAN


def _leg(name: str, part: _Part, session: dict[str, Any] | None, records: dict[str, FloatArray],
         undated_start: dt.datetime | None) -> Activity:
    s = session or {}
    sport_word = _str(s.get("sport")) or part.sport or part.lap_sport
    sport = sport_named(sport_word)
    remarks: list[str] = []
    if sport is None:
        sport = Sport.OTHER
        remarks.append("The file does not say which sport this was, so it is kept as cross-training; "
                       "change it if it was a run.")
    stamps = records.get("timestamp", np.zeros(0))
    timed = np.isfinite(stamps)
    start_raw = s.get("start_time")
    if start_raw is not None:
        start_ts = _stamp(start_raw)
        dated = isinstance(start_raw, dt.datetime)
    else:
        start_ts = float(stamps[timed][0]) if timed.any() else None
        dated = start_ts is not None and start_ts >= DATED_MIN + FIT_EPOCH_S
    if start_ts is None:
        raise ActivityFileError(name, "has no start time.", "Export the activity again from your "
                                "watch or app.")
    if dated:
        start = dt.datetime.fromtimestamp(start_ts, dt.UTC)
    else:
        start = undated_start or FIT_EPOCH + dt.timedelta(seconds=start_ts)
        remarks.append("The watch had not set its clock when it recorded this, so the file has no "
                       f"date; it is dated {start:%Y-%m-%d %H:%M} UTC instead. Check the date.")
    foot = sport in FOOT_SPORTS
    rec = {key: values[timed] for key, values in records.items()}
    count = int(timed.sum())
    missing = np.full(count, NAN)
    t_s = rec["timestamp"] - start_ts if count else np.zeros(0)
    cols: dict[str, FloatArray] = {}
    for channel, names in RECORD_FIELDS.items():
        cols[channel] = _first(rec, names, missing)
    if foot:
        fraction = rec.get("fractional_cadence")
        extra = np.nan_to_num(fraction, nan=0.0) if fraction is not None else 0.0
        cols["cadence_spm"] = 2.0 * (rec.get("cadence", missing) + extra)
    cols["lat"] = rec.get("position_lat", missing) * SEMICIRCLE_DEG
    cols["lon"] = rec.get("position_long", missing) * SEMICIRCLE_DEG
    for key in sorted(k for k in rec if k.startswith("dev:")):
        target = DEVELOPER_FIELDS.get(key[4:])
        if target and not np.isfinite(cols[target]).any():
            cols[target] = rec[key]
    samples = build_samples(t_s, cols)
    avg_cad = s.get("avg_running_cadence", s.get("avg_cadence"))
    avg_cadence_spm = None
    if avg_cad is not None and foot:
        avg_cadence_spm = 2.0 * (float(avg_cad) + float(s.get("avg_fractional_cadence") or 0.0))
    sub = _str(s.get("sub_sport")) or part.sub_sport
    activity = summarize(
        sport, start, samples,
        duration_s=_opt(s.get("total_elapsed_time")),
        moving_s=_opt(s.get("total_moving_time")),
        distance_m=_opt(s.get("total_distance")),
        ascent_m=_opt(s.get("total_ascent")),
        avg_hr=_opt(s.get("avg_heart_rate")), max_hr=_opt(s.get("max_heart_rate")),
        avg_cadence_spm=avg_cadence_spm,
        sub_sport=None if sub in (None, "generic") else sub,
        source_format="fit", remarks=tuple(remarks),
        utc_offset_s=part.utc_offset_s if dated else None)
    return dataclasses.replace(activity, laps=_laps(part, session, start_ts))


def _laps(part: _Part, session: dict[str, Any] | None, start_ts: float) -> tuple[Lap, ...]:
    """The laps inside this session (all of them when the file has no session)."""
    lo, hi = _session_bounds(session) if session else (-math.inf, math.inf)
    out = []
    for lap in part.laps:
        begin = _stamp(lap.get("start_time"))
        seconds = _opt(lap.get("total_elapsed_time"))
        if begin is None or seconds is None or not lo <= begin <= hi:
            continue
        out.append(Lap(start_s=begin - start_ts, seconds=seconds,
                       distance_m=_opt(lap.get("total_distance")),
                       avg_hr=_opt(lap.get("avg_heart_rate")), max_hr=_opt(lap.get("max_heart_rate"))))
    return tuple(sorted(out, key=lambda lap: lap.start_s))


def _first(rec: dict[str, FloatArray], names: tuple[str, ...], missing: FloatArray) -> FloatArray:
    """Per record, the first of `names` that has a value (enhanced fields before the plain ones)."""
    found = [rec[key] for key in names if key in rec]
    if not found:
        return missing
    out = found[0]
    for other in found[1:]:
        out = np.where(np.isnan(out), other, out)
    return out


def _opt(value: Any) -> float | None:
    v = _num(value)
    return None if math.isnan(v) else v


def _session_bounds(s: dict[str, Any]) -> tuple[float, float]:
    start = _stamp(s.get("start_time"))
    end = _stamp(s.get("timestamp"))
    elapsed = _opt(s.get("total_elapsed_time"))
    lo = start if start is not None else -math.inf
    if start is not None and elapsed is not None:
        hi = start + elapsed
        hi = max(hi, end) if end is not None else hi
    else:
        hi = end if end is not None else math.inf
    return lo, hi


def read_fit(name: str, data: bytes, undated_start: dt.datetime | None = None) -> list[Activity]:
    parts = _decode(name, data)
    activities: list[Activity] = []
    others: list[str] = []
    for part in parts:
        if part.file_type not in (None, "activity"):
            others.append(part.file_type)
            continue
        if not part.sessions:
            if part.records:
                activities.append(_leg(name, part, None, part.records, undated_start))
            continue
        sessions = sorted(part.sessions, key=lambda s: _session_bounds(s)[0])
        stamps = part.records.get("timestamp")
        for session in sessions:
            if _str(session.get("sport")) == "transition":
                continue
            lo, hi = _session_bounds(session)
            inside = (stamps >= lo) & (stamps <= hi) if stamps is not None else None
            records = {k: v[inside] for k, v in part.records.items()} if inside is not None else {}
            activities.append(_leg(name, part, session, records, undated_start))
    if not activities:
        if others:
            what = NOT_ACTIVITIES.get(others[0], f"a FIT {others[0]} file")
            raise ActivityFileError(name, f"is {what}, not a recorded activity.",
                                    "Import the activity file your watch saved after the session.")
        raise ActivityFileError(name, "holds no recorded activity: no session and no samples.",
                                "Check that you picked the file of a finished activity.")
    return activities
