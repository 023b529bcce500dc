"""A FIT decoder for activity files that turns each message kind into columns at once.

Built on the official FIT SDK's profile (`garmin_fit_sdk.profile`: message and field numbers,
names, scales, offsets, enum names); the SDK's own decoder is not used, since it reads one field
of one message at a time in Python, cannot read compressed-timestamp records (Forerunner 70) and
returns one file of a chained stream. Here one loop walks the message headers (a few operations
per message) and notes where each data message starts; then every field of every message of a
definition is read in one numpy step (the field's bytes of every message gathered into a
messages x width array and viewed as the field's base type; only the fields read are gathered,
so memory stays a small multiple of the file). The checksum: `ingest/fit_crc.py`.

What it reads: the messages an activity needs (file_id, sport, session, lap, record, activity,
developer field descriptions) of every file of a chained stream, compressed-timestamp headers,
the record's compressed speed and distance (accumulated), and developer fields. Invalid values
(the base type's "no value") become NaN (columns) or are left out (dicts). Timestamps stay in
FIT seconds; `DATED_MIN` tells a real date from seconds since power-on.

`tests/ingest/test_fit_decode.py` checks it field by field against fitdecode on every sample
file, and against the ground-truth CSVs.
"""

from __future__ import annotations

import array
import datetime as dt
import struct
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from yolvarex.ingest.fit_crc import crc16

FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z in POSIX seconds
DATED_MIN = 0x10000000  # below this a date_time is seconds since the device powered on
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)

FILE_ID, SPORT, SESSION, LAP, RECORD, ACTIVITY = 0, 12, 18, 19, 20, 34
FIELD_DESCRIPTION = 206
WANTED = frozenset({FILE_ID, SPORT, SESSION, LAP, RECORD, ACTIVITY})
#: the record fields an activity uses (by profile name); every field of the other messages is read
RECORD_NAMES = frozenset({
    "timestamp", "position_lat", "position_long", "altitude", "enhanced_altitude", "heart_rate",
    "cadence", "fractional_cadence", "distance", "speed", "enhanced_speed", "power",
    "vertical_oscillation", "stance_time", "stance_time_balance", "vertical_ratio", "step_length",
    "compressed_speed_distance"})
TIMESTAMP = 253
COMPRESSED_SPEED_DISTANCE = 8

# base type number -> (numpy type, size, raw "no value"; None for floats, whose NaN says so)
BASE_TYPES: dict[int, tuple[str, int, int | None]] = {
    0: ("u1", 1, 0xFF), 1: ("i1", 1, 0x7F), 2: ("u1", 1, 0xFF), 3: ("i2", 2, 0x7FFF),
    4: ("u2", 2, 0xFFFF), 5: ("i4", 4, 0x7FFFFFFF), 6: ("u4", 4, 0xFFFFFFFF), 7: ("u1", 1, 0),
    8: ("f4", 4, None), 9: ("f8", 8, None), 10: ("u1", 1, 0), 11: ("u2", 2, 0), 12: ("u4", 4, 0),
    13: ("u1", 1, 0xFF), 14: ("i8", 8, 0x7FFFFFFFFFFFFFFF), 15: ("u8", 8, 0xFFFFFFFFFFFFFFFF),
    16: ("u8", 8, 0)}
STRING, BYTE = 7, 13

FloatArray = npt.NDArray[np.float64]


class FitDecodeError(Exception):
    """The bytes are not a readable FIT stream; `kind` says how: header (not FIT at all), middle
    (a damaged header after the first file), crc, eof (cut short), size, parse."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind


@dataclass
class FitFile:
    """One FIT file of a (possibly chained) stream, decoded."""

    file_type: str | int | None = None
    records: dict[str, FloatArray] = field(default_factory=dict)  # equal-length columns
    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    sports: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Definition:
    number: int  # global message number
    big: bool
    fields: list[tuple[int, int, int, int]]  # (field number, offset, size, base type)
    dev_fields: list[tuple[int, int, int, int]]  # (field number, offset, size, dev data index)
    size: int
    ts_offset: int | None
    keep: bool = True  # a message this decoder reads (the others are only stepped over)
    # 8 bytes per message (arrays, not lists of ints): memory stays a small multiple of the file
    starts: array.array[int] = field(default_factory=lambda: array.array("q"))
    compressed: array.array[int] = field(default_factory=lambda: array.array("q"))
    compressed_ts: array.array[int] = field(default_factory=lambda: array.array("q"))


@cache
def _profile() -> dict[str, Any]:
    from garmin_fit_sdk.profile import Profile

    profile: dict[str, Any] = Profile
    return profile


def decode(data: bytes) -> list[FitFile]:
    """Every FIT file in `data` (a chained stream gives several), or FitDecodeError."""
    files: list[FitFile] = []
    pos = 0
    while pos < len(data):
        pos = _decode_file(data, pos, files)
    return files


def _decode_file(data: bytes, pos: int, files: list[FitFile]) -> int:
    if len(data) - pos < 12:
        raise FitDecodeError("middle" if files else "header", "the header is cut short")
    header_size, _proto, _profile_version, data_size, magic = struct.unpack_from("<BBHI4s", data, pos)
    if magic != b".FIT" or header_size < 12:
        raise FitDecodeError("middle" if files else "header", "not a FIT header")
    if header_size >= 14:
        if len(data) - pos < header_size:
            raise FitDecodeError("eof", "the header is cut short")
        (header_crc,) = struct.unpack_from("<H", data, pos + 12)
        if header_crc and crc16(data, pos, pos + 12) != header_crc:
            raise FitDecodeError("crc", "the header checksum does not match")
    body = pos + header_size
    end = body + data_size
    if end + 2 > len(data):
        raise FitDecodeError("eof", "the file is cut short")
    (file_crc,) = struct.unpack_from("<H", data, end)
    if crc16(data, pos, end) != file_crc:
        raise FitDecodeError("crc", "the file checksum does not match")
    definitions = _walk(data, body, end, track_time=False)
    if definitions is None:  # compressed timestamps: walk again keeping the time
        definitions = _walk(data, body, end, track_time=True)
        assert definitions is not None
    files.append(_assemble(data, definitions))
    return int(end) + 2


def _walk(data: bytes, pos: int, end: int, track_time: bool) -> list[_Definition] | None:
    """Every definition with the starts of its data messages; None when the file uses
    compressed timestamps and `track_time` is off (they need the time of the message before)."""
    local: list[_Definition | None] = [None] * 16
    seen: list[_Definition] = []
    last_ts = 0
    unpack = struct.unpack_from
    while pos < end:
        head = data[pos]
        if head & 0x80:  # compressed timestamp header
            if not track_time:
                return None
            d = local[(head >> 5) & 0x03]
            if d is None:
                raise FitDecodeError("parse", "a message uses a definition it never got")
            last_ts += ((head & 0x1F) - last_ts) & 0x1F
            if d.keep:
                d.compressed.append(pos + 1)
                d.compressed_ts.append(last_ts)
            pos += 1 + d.size
        elif head & 0x40:  # definition message
            d, pos = _definition(data, pos, end, bool(head & 0x20))
            local[head & 0x0F] = d
            seen.append(d)
        else:
            d = local[head & 0x0F]
            if d is None:
                raise FitDecodeError("parse", "a message uses a definition it never got")
            if d.keep:
                d.starts.append(pos + 1)
            if track_time and d.ts_offset is not None:
                stamp = unpack(">I" if d.big else "<I", data, pos + 1 + d.ts_offset)[0]
                if stamp != 0xFFFFFFFF:
                    last_ts = stamp
            pos += 1 + d.size
    if pos > end:
        raise FitDecodeError("size", "a message runs past the end of the data")
    return seen


def _definition(data: bytes, pos: int, end: int, has_dev: bool) -> tuple[_Definition, int]:
    if pos + 6 > end:
        raise FitDecodeError("size", "a definition runs past the end of the data")
    big = data[pos + 2] == 1
    (number,) = struct.unpack_from(">H" if big else "<H", data, pos + 3)
    count = data[pos + 5]
    pos += 6
    if pos + 3 * count + (1 if has_dev else 0) > end:
        raise FitDecodeError("size", "a definition runs past the end of the data")
    fields = []
    size = 0
    ts_offset = None
    for i in range(pos, pos + 3 * count, 3):
        num, fsize, base = data[i], data[i + 1], data[i + 2]
        fields.append((num, size, fsize, base & 0x1F))
        if num == TIMESTAMP and fsize == 4 and (base & 0x1F) in (6, 12):
            ts_offset = size
        size += fsize
    pos += 3 * count
    dev_fields = []
    if has_dev:
        dev_count = data[pos]
        pos += 1
        if pos + 3 * dev_count > end:
            raise FitDecodeError("size", "a definition runs past the end of the data")
        for i in range(pos, pos + 3 * dev_count, 3):
            dev_fields.append((data[i], size, data[i + 1], data[i + 2]))
            size += data[i + 1]
        pos += 3 * dev_count
    keep = number in WANTED or number == FIELD_DESCRIPTION
    return _Definition(number, big, fields, dev_fields, size, ts_offset, keep), pos


class _Rows:
    """The data messages of one definition: where each starts in the file."""

    def __init__(self, buf: npt.NDArray[np.uint8], starts: array.array[int]) -> None:
        self.buf = buf
        self.starts = np.frombuffer(starts, dtype=np.int64)
        self.count = len(starts)

    def take(self, offset: int, width: int) -> npt.NDArray[np.uint8]:
        """Bytes offset..offset+width of every message, as a messages x width array."""
        index = (self.starts + offset)[:, None] + np.arange(width, dtype=np.int64)
        block: npt.NDArray[np.uint8] = self.buf[index]
        return block


def _column(rows: _Rows, offset: int, size: int, base: int, big: bool) -> FloatArray | None:
    """The first value of a field in every row, as floats with NaN for "no value"; None for a
    field this decoder does not read as a number (strings, sizes that disagree with the type)."""
    if base not in BASE_TYPES or base == STRING:
        return None
    code, width, invalid = BASE_TYPES[base]
    if size < width or size % width:
        return None
    raw = rows.take(offset, width).view((">" if big else "<") + code)[:, 0]
    values = raw.astype(np.float64)
    if invalid is not None:
        if base == BYTE:  # a byte array says "no value" with every byte 0xFF
            block = rows.take(offset, size)
            values[(block == 0xFF).all(axis=1)] = np.nan
        else:
            values[raw == invalid] = np.nan
    return values




def _assemble(data: bytes, definitions: list[_Definition]) -> FitFile:
    buf = np.frombuffer(data, dtype=np.uint8)
    messages = _profile()["messages"]
    out = FitFile()
    descriptions = _dev_descriptions(buf, definitions, messages)
    record_parts: list[tuple[npt.NDArray[np.int64], dict[str, FloatArray]]] = []
    dicts: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for d in definitions:
        if d.number not in WANTED:
            continue
        for starts, stamps in ((d.starts, None), (d.compressed, d.compressed_ts)):
            if not starts:
                continue
            columns = _columns(buf, d, starts, messages[d.number]["fields"], descriptions)
            if stamps is not None:
                columns["timestamp"] = np.asarray(stamps, dtype=np.float64)
            if d.number == RECORD:
                record_parts.append((np.asarray(starts, dtype=np.int64), columns))
            else:
                dicts.setdefault(d.number, []).extend(
                    _as_dicts(d.number, starts, columns, messages[d.number]["fields"]))
    out.records = _merge(record_parts)
    ordered = {number: [m for _, m in sorted(found, key=lambda pair: pair[0])]
               for number, found in dicts.items()}
    out.sessions = ordered.get(SESSION, [])
    out.laps = ordered.get(LAP, [])
    out.sports = ordered.get(SPORT, [])
    out.activities = ordered.get(ACTIVITY, [])
    file_ids = ordered.get(FILE_ID, [])
    out.file_type = file_ids[0].get("type") if file_ids else None
    return out


def _columns(buf: npt.NDArray[np.uint8], d: _Definition, starts: array.array[int],
             profile_fields: dict[int, Any],
             descriptions: dict[tuple[int, int], tuple[str, int, float, float]]) -> dict[str, FloatArray]:
    rows = _Rows(buf, starts)
    columns: dict[str, FloatArray] = {}
    for num, offset, size, base in d.fields:
        spec = profile_fields.get(num)
        if spec is None:
            continue
        name = spec["name"]
        if d.number == RECORD and name not in RECORD_NAMES:
            continue
        if num == COMPRESSED_SPEED_DISTANCE and d.number == RECORD:
            columns.update(_speed_distance(rows.take(offset, size)) if size == 3 else {})
            continue
        values = _column(rows, offset, size, base, d.big)
        if values is None:
            continue
        scale, shift = float(spec["scale"][0] or 1), float(spec["offset"][0] or 0)
        if scale != 1 or shift:
            values = values / scale - shift
        columns[name] = values
    for num, offset, size, index in d.dev_fields:
        described = descriptions.get((index, num))
        if described is None:
            continue
        name, base, scale, shift = described
        values = _column(rows, offset, size, base, d.big)
        if values is None:
            continue
        if scale != 1 or shift:
            values = values / scale - shift
        columns.setdefault("dev:" + name, values)
    return columns


def _speed_distance(block: npt.NDArray[np.uint8]) -> dict[str, FloatArray]:
    """The record's 3-byte compressed speed (12 bits, 1/100 m/s) and distance (12 bits, 1/16 m,
    rolling over, so accumulated)."""
    valid = ~(block == 0xFF).all(axis=1)
    wide = block.astype(np.int64)
    raw = wide[:, 0] | wide[:, 1] << 8 | wide[:, 2] << 16
    speed = np.where(valid, (raw & 0xFFF) / 100.0, np.nan)
    dist_raw = (raw >> 12) & 0xFFF
    kept = dist_raw[valid]
    accumulated = np.full(len(raw), np.nan)
    if len(kept):
        steps = np.concatenate([kept[:1], (np.diff(kept)) & 0xFFF])
        accumulated[valid] = np.cumsum(steps) / 16.0
    return {"speed": speed, "distance": accumulated}


def _merge(parts: list[tuple[npt.NDArray[np.int64], dict[str, FloatArray]]]) -> dict[str, FloatArray]:
    """Record columns of every definition, in the order the messages came."""
    if not parts:
        return {}
    if len(parts) == 1:
        return parts[0][1]
    starts = np.concatenate([s for s, _ in parts])
    order = np.argsort(starts, kind="stable")
    names = sorted({name for _, columns in parts for name in columns})
    merged = {}
    for name in names:
        column = np.concatenate([c.get(name, np.full(len(s), np.nan)) for s, c in parts])
        merged[name] = column[order]
    return merged


def _as_dicts(number: int, starts: array.array[int], columns: dict[str, FloatArray],
              profile_fields: dict[int, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Few messages (sessions, laps...): one dict each, enums by name and dates as datetimes
    (ints when the device had no date), as fitdecode gives them."""
    types = _profile()["types"]
    kinds = {spec["name"]: spec["type"] for spec in profile_fields.values()}
    out = []
    lists = {name: values.tolist() for name, values in columns.items()}
    for i, start in enumerate(starts):
        message: dict[str, Any] = {}
        for name, values in lists.items():
            value = values[i]
            if value != value:  # NaN: no value
                continue
            kind = kinds.get(name)
            if kind in ("date_time", "local_date_time"):
                stamp = int(value)
                message[name] = (FIT_EPOCH + dt.timedelta(seconds=stamp)) if stamp >= DATED_MIN else stamp
            elif kind in types and kind not in ("uint8", "uint16", "uint32") and float(value).is_integer():
                message[name] = types[kind].get(int(value), int(value))
            else:
                message[name] = int(value) if float(value).is_integer() else value
        out.append((start, message))
    return out


def _dev_descriptions(buf: npt.NDArray[np.uint8], definitions: list[_Definition],
                      messages: dict[int, Any]) -> dict[tuple[int, int], tuple[str, int, float, float]]:
    """(developer data index, field number) -> (lower-case name, base type, scale, offset)."""
    out: dict[tuple[int, int], tuple[str, int, float, float]] = {}
    profile_fields = messages[FIELD_DESCRIPTION]["fields"]
    for d in definitions:
        if d.number != FIELD_DESCRIPTION or not d.starts:
            continue
        rows = _Rows(buf, d.starts)
        spec = {profile_fields[num]["name"]: (offset, size, base)
                for num, offset, size, base in d.fields if num in profile_fields}

        def number(name: str, rows: _Rows = rows,
                   spec: dict[str, tuple[int, int, int]] = spec, big: bool = d.big) -> list[float]:
            if name not in spec:
                return [np.nan] * rows.count
            offset, size, base = spec[name]
            values = _column(rows, offset, size, base, big)
            return [np.nan] * rows.count if values is None else values.tolist()

        index, num, base_type = (number("developer_data_index"), number("field_definition_number"),
                                 number("fit_base_type_id"))
        scale, shift = number("scale"), number("offset")
        name_at = spec.get("field_name")
        if name_at is None:
            continue
        names = rows.take(name_at[0], name_at[1])
        for i in range(rows.count):
            if index[i] != index[i] or num[i] != num[i] or base_type[i] != base_type[i]:
                continue
            raw = bytes(names[i]).split(b"\0", 1)[0]
            name = raw.decode("utf-8", "replace").strip().lower()
            out[(int(index[i]), int(num[i]))] = (
                name, int(base_type[i]) & 0x1F,
                float(scale[i]) if scale[i] == scale[i] and scale[i] else 1.0,
                float(shift[i]) if shift[i] == shift[i] else 0.0)
    return out
