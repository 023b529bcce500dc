"""An activity written as a FIT activity file (the format watches record in).

Messages: file_id, one record per sample (time, position, altitude, heart rate, cadence,
distance, speed), one lap and one session with the activity's totals, and the activity
message; field numbers, scales and offsets from the FIT profile. Running cadence is written as
strides per minute with its fractional part, as watches do. A hand-logged activity has no
records: its file holds the lap, session and activity totals only.
"""

from __future__ import annotations

import datetime as dt
import math
import struct

from yolvarex.domain.activity import Activity, Sport

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
SEMICIRCLES = 2**31 / 180.0
CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
#: base type -> (struct code, the "no value" the profile reserves)
BASE = {0x00: ("B", 0xFF), 0x02: ("B", 0xFF), 0x84: ("H", 0xFFFF), 0x86: ("I", 0xFFFFFFFF),
        0x85: ("i", 0x7FFFFFFF)}
SPORTS = {Sport.RUNNING: 1, Sport.CYCLING: 2, Sport.SWIMMING: 5, Sport.WALKING: 11,
          Sport.HIKING: 17, Sport.STRENGTH: 10}
Field = tuple[int, int, float, float]  # number, base type, scale, offset
FILE_ID: dict[str, Field] = {"type": (0, 0x00, 1, 0), "manufacturer": (1, 0x84, 1, 0),
                             "time_created": (4, 0x86, 1, 0)}
RECORD: dict[str, Field] = {
    "timestamp": (253, 0x86, 1, 0), "position_lat": (0, 0x85, 1, 0), "position_long": (1, 0x85, 1, 0),
    "altitude": (2, 0x84, 5, 500), "heart_rate": (3, 0x02, 1, 0), "cadence": (4, 0x02, 1, 0),
    "distance": (5, 0x86, 100, 0), "speed": (6, 0x84, 1000, 0),
    "fractional_cadence": (53, 0x02, 128, 0)}
TOTALS: dict[str, Field] = {
    "timestamp": (253, 0x86, 1, 0), "start_time": (2, 0x86, 1, 0),
    "total_elapsed_time": (7, 0x86, 1000, 0), "total_timer_time": (8, 0x86, 1000, 0),
    "total_distance": (9, 0x86, 100, 0)}
SESSION: dict[str, Field] = {**TOTALS, "sport": (5, 0x00, 1, 0), "avg_heart_rate": (16, 0x02, 1, 0),
                             "max_heart_rate": (17, 0x02, 1, 0), "total_ascent": (22, 0x84, 1, 0)}
LAP: dict[str, Field] = {**TOTALS, "avg_heart_rate": (15, 0x02, 1, 0), "max_heart_rate": (16, 0x02, 1, 0)}
ACTIVITY: dict[str, Field] = {"timestamp": (253, 0x86, 1, 0), "total_timer_time": (0, 0x86, 1000, 0),
                              "num_sessions": (1, 0x84, 1, 0), "type": (2, 0x00, 1, 0),
                              "event": (3, 0x00, 1, 0), "event_type": (4, 0x00, 1, 0)}
MESSAGES = {"file_id": (0, FILE_ID), "record": (20, RECORD), "lap": (19, LAP),
            "session": (18, SESSION), "activity": (34, ACTIVITY)}


def crc16(data: bytes, crc: int = 0) -> int:
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = CRC_TABLE[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ CRC_TABLE[nibble]
    return crc


def _stamp(when: dt.datetime) -> int:
    return int((when - FIT_EPOCH).total_seconds())


def _raw(value: float | None, base: int, scale: float, offset: float) -> int:
    code, invalid = BASE[base]
    if value is None or not math.isfinite(value):
        return invalid
    raw = round((value + offset) * scale)
    low, high = (-(2**31) + 1, 2**31 - 2) if code == "i" else (0, invalid - 1)
    return raw if low <= raw <= high else invalid


class _Writer:
    def __init__(self) -> None:
        self.body = bytearray()
        self.local: dict[str, int] = {}

    def write(self, message: str, values: dict[str, float | None]) -> None:
        number, fields = MESSAGES[message]
        names = list(fields)
        if message not in self.local:
            local = self.local[message] = len(self.local)
            self.body += struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(names))
            for name in names:
                field_number, base, _, _ = fields[name]
                self.body += struct.pack("<BBB", field_number, struct.calcsize(BASE[base][0]), base)
        codes = "".join(BASE[fields[n][1]][0] for n in names)
        raws = [_raw(values.get(n), fields[n][1], fields[n][2], fields[n][3]) for n in names]
        self.body += struct.pack("<B" + codes, self.local[message], *raws)

    def finish(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self.body), b".FIT")
        header += struct.pack("<H", crc16(header))
        data = header + bytes(self.body)
        return data + struct.pack("<H", crc16(data))


def to_fit(activity: Activity) -> bytes:
    out = _Writer()
    start = _stamp(activity.start)
    end = start + round(activity.duration_s)
    out.write("file_id", {"type": 4, "manufacturer": 255, "time_created": start})
    s = activity.samples
    ch = s.channels
    foot = activity.sport in (Sport.RUNNING, Sport.WALKING, Sport.HIKING)
    for i in range(len(s)):
        def at(name: str, index: int = i) -> float | None:
            values = ch.get(name)
            return float(values[index]) if values is not None else None

        cadence = at("cadence_spm")
        strides = cadence / 2 if cadence is not None and foot else None
        lat, lon = at("lat"), at("lon")
        out.write("record", {
            "timestamp": start + round(float(s.t_s[i])),
            "position_lat": lat * SEMICIRCLES if lat is not None else None,
            "position_long": lon * SEMICIRCLES if lon is not None else None,
            "altitude": at("altitude_m"), "heart_rate": at("heart_rate_bpm"),
            "cadence": math.floor(strides) if strides is not None and math.isfinite(strides) else None,
            "fractional_cadence": strides - math.floor(strides)
            if strides is not None and math.isfinite(strides) else None,
            "distance": at("distance_m"), "speed": at("speed_mps")})
    timer = activity.moving_s or activity.duration_s
    totals = {"timestamp": end, "start_time": start, "total_elapsed_time": activity.duration_s,
              "total_timer_time": timer, "total_distance": activity.distance_m,
              "avg_heart_rate": activity.avg_hr, "max_heart_rate": activity.max_hr}
    out.write("lap", totals)
    out.write("session", {**totals, "sport": SPORTS.get(activity.sport, 0),
                          "total_ascent": activity.ascent_m})
    out.write("activity", {"timestamp": end, "total_timer_time": timer, "num_sessions": 1,
                           "type": 0, "event": 26, "event_type": 1})
    return out.finish()
