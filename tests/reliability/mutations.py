"""Damaged activity files for the fuzz tests: real watch files (FIT, GPX, TCX from
`shared/data/activities`) cut to a small size, then mutated the ways files really break and the
ways an attacker would break them: flipped bytes, truncation, inserted bytes, duplicated and
deleted chunks, and for XML structural damage (an element dropped or repeated, a value replaced
by garbage, a document type declaration, deep nesting, an unclosed tag).

Used by `tests/reliability/test_file_fuzz.py` (bounded, in `make test`) and
`benchmarks/bench_file_fuzz.py` (longer, in `make bench`).
"""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

from tests.ingest.fitwriter import crc16

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
POINTS = 40


def _cut_xml(data: bytes, point_end: bytes, track_end: bytes) -> bytes:
    """The file with only its first POINTS points: the head up to the POINTS-th point, then the
    original tail from the last closing track tag (so the XML stays well-formed)."""
    at = -1
    for _ in range(POINTS):
        at = data.index(point_end, at + 1)
    return data[:at + len(point_end)] + data[data.rindex(track_end):]


def seeds() -> dict[str, bytes]:
    """Small real files, by name (the name's extension tells the reader the format)."""
    read = {name: (ACTIVITIES / name).read_bytes() for name in (
        "garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "compressed-speed-distance.fit",
        "polar-m400-run.gpx", "forerunner-410-run.tcx")}
    read["polar-m400-run.gpx"] = _cut_xml(read["polar-m400-run.gpx"], b"</trkpt>", b"</trkseg>")
    read["forerunner-410-run.tcx"] = _cut_xml(read["forerunner-410-run.tcx"], b"</Trackpoint>",
                                              b"</Track>")
    return read


def _flip(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8) if rng.random() < 0.5 else rng.randrange(1, 256)


def _truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(len(data)):]


def _insert(data: bytearray, rng: random.Random) -> None:
    at = rng.randrange(len(data) + 1)
    data[at:at] = rng.randbytes(rng.randint(1, 64))


def _duplicate(data: bytearray, rng: random.Random) -> None:
    start = rng.randrange(len(data))
    chunk = data[start:start + rng.randint(1, 512)]
    at = rng.randrange(len(data) + 1)
    data[at:at] = chunk * rng.randint(1, 4)


def _delete(data: bytearray, rng: random.Random) -> None:
    start = rng.randrange(len(data))
    del data[start:start + rng.randint(1, 256)]


def _boundary(data: bytearray, rng: random.Random) -> None:
    """Extreme values where numbers sit: 0xFF and 0x00 runs (FIT's invalid markers), or in
    XML a number replaced by one too large, negative, not a number or empty."""
    text = bytes(data)
    numbers = [m.span() for m in re.finditer(rb"-?\d+(\.\d+)?", text[:200_000])]
    if numbers and text.lstrip()[:1] == b"<":
        start, end = rng.choice(numbers)
        data[start:end] = rng.choice([b"1e309", b"-99999999", b"NaN", b"", b"inf", b"0",
                                      b"9" * 40, b"2020-13-45T25:61:61Z"])
        return
    at = rng.randrange(len(data))
    data[at:at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x7f\xff\xff\xff"])


ELEMENT = re.compile(rb"<(trkpt|Trackpoint|time|Time|ele|HeartRateBpm|Lap|trkseg|Track)\b[^>]*>"
                     rb".*?</\1>", re.DOTALL)


def _xml_structure(data: bytearray, rng: random.Random) -> None:
    text = bytes(data)
    found = [m.span() for m in ELEMENT.finditer(text[:200_000])]
    choice = rng.randrange(6)
    if choice == 0 and found:  # an element dropped
        start, end = rng.choice(found)
        del data[start:end]
    elif choice == 1 and found:  # an element repeated
        start, end = rng.choice(found)
        data[end:end] = text[start:end] * rng.randint(1, 20)
    elif choice == 2:  # a document type declaration with entities ("billion laughs")
        body = text.split(b"?>", 1)[-1]
        data[:] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                   b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + body)
    elif choice == 3 and found:  # deep nesting inside a point
        start, _ = rng.choice(found)
        depth = rng.randint(10, 2000)
        data[start:start] = b"<x>" * depth + b"</x>" * depth
    elif choice == 4 and found:  # an unclosed tag
        start, end = rng.choice(found)
        closing = text.rfind(b"</", start, end)
        del data[closing:end]
    else:  # attributes and text swapped for junk
        at = rng.randrange(len(data))
        data[at:at] = rng.choice([b' lat="x" lon="y"', b"&amp;&lt;", b"\x00", b"<![CDATA[junk]]>",
                                  b"\xc3\x28", b"<time></time>"])


BYTE_MUTATIONS = (_flip, _truncate, _insert, _duplicate, _delete, _boundary)


def _fit_checksums(data: bytearray) -> None:
    """Make the damaged FIT file's checksums right again (its header's and its own), so the
    damage reaches the decoder instead of stopping at the checksum check."""
    if len(data) < 16 or data[8:12] != b".FIT":
        return
    if data[0] >= 14:
        data[12:14] = struct.pack("<H", crc16(bytes(data[:12])))
    data[-2:] = struct.pack("<H", crc16(bytes(data[:-2])))


def mutate(data: bytes, rng: random.Random) -> bytes:
    """1-4 mutations, with XML files also getting structural ones, and half the damaged FIT
    files given right checksums again."""
    out = bytearray(data)
    xml = data.lstrip()[:1] == b"<"
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        kinds = BYTE_MUTATIONS + ((_xml_structure, _xml_structure) if xml else ())
        rng.choice(kinds)(out, rng)
    if not xml and rng.random() < 0.5:
        _fit_checksums(out)
    return bytes(out)
