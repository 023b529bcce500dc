"""A tiny FIT encoder for tests: enough of the format to make edge-case activity files.

It writes definition and data messages (developer fields included), the 14-byte header with its
CRC and the file CRC, so the files are valid FIT that any decoder accepts.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
# base type id -> (struct code, invalid value)
BASE = {0x00: ("B", 0xFF), 0x02: ("B", 0xFF), 0x84: ("H", 0xFFFF), 0x86: ("I", 0xFFFFFFFF),
        0x85: ("i", 0x7FFFFFFF), 0x83: ("h", 0x7FFF)}
SPORT = {"running": 1, "cycling": 2, "transition": 3, "swimming": 5, "training": 10, "walking": 11,
         "generic": 0}
FILE_TYPE = {"activity": 4, "workout": 5, "course": 6}

# message -> field name -> (number, base type, scale, offset)
FIELDS: dict[str, tuple[int, dict[str, tuple[int, int, float, float]]]] = {
    "file_id": (0, {"type": (0, 0x00, 1, 0), "manufacturer": (1, 0x84, 1, 0),
                    "time_created": (4, 0x86, 1, 0)}),
    "record": (20, {"timestamp": (253, 0x86, 1, 0), "position_lat": (0, 0x85, 1, 0),
                    "position_long": (1, 0x85, 1, 0), "altitude": (2, 0x84, 5, 500),
                    "heart_rate": (3, 0x02, 1, 0), "cadence": (4, 0x02, 1, 0),
                    "distance": (5, 0x86, 100, 0), "speed": (6, 0x84, 1000, 0),
                    "power": (7, 0x84, 1, 0), "vertical_oscillation": (39, 0x84, 10, 0),
                    "stance_time": (41, 0x84, 10, 0), "fractional_cadence": (53, 0x02, 128, 0),
                    "vertical_ratio": (83, 0x84, 100, 0), "stance_time_balance": (84, 0x84, 100, 0),
                    "step_length": (85, 0x84, 10, 0)}),
    "session": (18, {"timestamp": (253, 0x86, 1, 0), "start_time": (2, 0x86, 1, 0),
                     "sport": (5, 0x00, 1, 0), "sub_sport": (6, 0x00, 1, 0),
                     "total_elapsed_time": (7, 0x86, 1000, 0), "total_timer_time": (8, 0x86, 1000, 0),
                     "total_distance": (9, 0x86, 100, 0), "avg_heart_rate": (16, 0x02, 1, 0),
                     "max_heart_rate": (17, 0x02, 1, 0), "avg_cadence": (18, 0x02, 1, 0),
                     "total_ascent": (22, 0x84, 1, 0)}),
    "developer_data_id": (207, {"developer_data_index": (3, 0x02, 1, 0)}),
    "workout": (26, {"num_valid_steps": (6, 0x84, 1, 0)}),
}


def crc16(data: bytes, crc: int = 0) -> int:
    for byte in data:
        tmp = CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ CRC_TABLE[byte & 0xF]
        tmp = CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def fit_time(stamp: dt.datetime) -> int:
    return int((stamp - FIT_EPOCH).total_seconds())


@dataclass
class FitWriter:
    body: bytearray = field(default_factory=bytearray)
    _defs: dict[int, tuple] = field(default_factory=dict)
    dev_fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (number, base)

    def _encode(self, base: int, value: float | None, scale: float, offset: float) -> bytes:
        code, invalid = BASE[base]
        raw = invalid if value is None else round((value + offset) * scale)
        return struct.pack("<" + code, raw)

    def message(self, mesg: str, local: int = 0, dev: dict[str, float | None] | None = None,
                **values: float | None) -> FitWriter:
        number, spec = FIELDS[mesg]
        names = tuple(sorted(values))
        dev_names = tuple(sorted(dev or {}))
        key = (number, names, dev_names)
        if self._defs.get(local) != key:
            flag = 0x20 if dev_names else 0
            out = bytearray([0x40 | flag | local, 0, 0]) + struct.pack("<HB", number, len(names))
            for n in names:
                num, base, _, _ = spec[n]
                out += bytes([num, struct.calcsize(BASE[base][0]), base])
            if dev_names:
                out.append(len(dev_names))
                for n in dev_names:
                    num, base = self.dev_fields[n]
                    out += bytes([num, struct.calcsize(BASE[base][0]), 0])
            self.body += out
            self._defs[local] = key
        data = bytearray([local])
        for n in names:
            _, base, scale, offset = spec[n]
            data += self._encode(base, values[n], scale, offset)
        for n in dev_names:
            _, base = self.dev_fields[n]
            data += self._encode(base, (dev or {})[n], 1, 0)
        self.body += data
        return self

    def developer_field(self, name: str, number: int, base: int = 0x84, units: str = "") -> FitWriter:
        """Declare developer data 0 (once) and a field of it (a Stryd-style 'Power', say)."""
        if not self.dev_fields:
            self.message("developer_data_id", local=14, developer_data_index=0)
        # field_description: developer_data_index(0) field_definition_number(1) fit_base_type_id(2)
        # field_name(3, string) units(8, string)
        name_raw = name.encode() + b"\0"
        units_raw = (units or "-").encode() + b"\0"
        self.body += bytearray([0x40 | 15, 0, 0]) + struct.pack("<HB", 206, 5) + bytes(
            [0, 1, 0x02, 1, 1, 0x02, 2, 1, 0x02, 3, len(name_raw), 0x07, 8, len(units_raw), 0x07])
        self.body += bytes([15, 0, number, base]) + name_raw + units_raw
        self._defs.pop(15, None)
        self.dev_fields[name] = (number, base)
        return self

    def file(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self.body), b".FIT")
        header += struct.pack("<H", crc16(header))
        data = header + bytes(self.body)
        return data + struct.pack("<H", crc16(data))


def run_file(start: dt.datetime, seconds: int = 60, sport: str = "running", step: int = 1,
             dynamics: bool = True, session: bool = True, power_dev: bool = False,
             heart_rate: bool = True) -> bytes:
    """A steady synthetic activity: 3 m/s, HR 150, cadence 85 + 0.5 strides/min, dynamics."""
    w = FitWriter()
    t0 = fit_time(start)
    w.message("file_id", type=FILE_TYPE["activity"], manufacturer=255, time_created=t0)
    if power_dev:
        w.developer_field("Power", 0, 0x84, "Watts")
    for i in range(0, seconds + 1, step):
        values: dict[str, float | None] = {
            "timestamp": t0 + i, "distance": 3.0 * i, "speed": 3.0,
            "heart_rate": 150 if heart_rate else None, "cadence": 85, "fractional_cadence": 0.5,
            "position_lat": 600_000_000 + i * 100, "position_long": 100_000_000, "altitude": 50.0}
        if dynamics:
            values.update(vertical_oscillation=85.5, stance_time=245.0, stance_time_balance=49.5,
                          vertical_ratio=8.1, step_length=1050.0)
        w.message("record", local=1, dev={"Power": 250 + i % 5} if power_dev else None, **values)
    if session:
        w.message("session", local=2, timestamp=t0 + seconds, start_time=t0, sport=SPORT[sport],
                  sub_sport=0, total_elapsed_time=seconds, total_timer_time=seconds,
                  total_distance=3.0 * seconds, avg_heart_rate=150 if heart_rate else None,
                  max_heart_rate=150 if heart_rate else None, avg_cadence=85)
    return w.file()
