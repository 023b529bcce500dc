"""The FIT checksum (CRC-16/ARC), computed as a tree in numpy.

A byte-by-byte CRC in Python was the largest single cost of an import. CRC-16 from a zero state
is linear over GF(2): crc(A + B) = shift(crc(A), len(B)) ^ crc(B), where shift is the state after
len(B) zero words. Leading zero words change nothing, so the file's 16-bit words are padded in
front to a power of two, each word's own CRC is looked up, and neighbours are combined level by
level, every level one numpy step.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt


@cache
def _byte_table() -> list[int]:
    """CRC-16/ARC (the FIT checksum) one byte at a time."""
    out = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xA001 if c & 1 else c >> 1
        out.append(c)
    return out


_shifts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []


def _shift(level: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The CRC state after 2**level words, from the state before (with zero words), as two
    byte tables: the step is linear over GF(2), state -> low[state & 0xFF] ^ high[state >> 8]."""
    if not _shifts:
        t8 = np.asarray(_byte_table(), dtype=np.int64)
        x = np.arange(65536, dtype=np.int64)
        c1 = (x >> 8) ^ t8[x & 0xFF]
        word = (c1 >> 8) ^ t8[c1 & 0xFF]  # one word (two bytes) from state x
        _shifts.append((word[:256], word[np.arange(256) << 8]))
    while len(_shifts) <= level:
        low, high = _shifts[-1]
        _shifts.append((low[low & 0xFF] ^ high[low >> 8], low[high & 0xFF] ^ high[high >> 8]))
    return _shifts[level]


def crc16(data: bytes, start: int, end: int) -> int:
    """The FIT checksum of data[start:end], computed as a tree: CRC-16 from a zero state is
    linear, so crc(A + B) = shift(crc(A), len(B)) ^ crc(B); leading zero words change nothing,
    so the words are padded in front to a power of two and paired level by level in numpy."""
    even = start + ((end - start) & ~1)
    words = np.frombuffer(data, dtype="<u2", count=(even - start) // 2, offset=start).astype(np.int64)
    crc = 0
    if len(words):
        size = 1 << (len(words) - 1).bit_length()
        blocks = np.zeros(size, dtype=np.int64)
        blocks[size - len(words):] = words
        low, high = _shift(0)
        blocks = low[blocks & 0xFF] ^ high[blocks >> 8]  # each word's own CRC
        level = 0
        while len(blocks) > 1:
            low, high = _shift(level)
            left = blocks[0::2]
            blocks = low[left & 0xFF] ^ high[left >> 8] ^ blocks[1::2]
            level += 1
        crc = int(blocks[0])
    if even < end:  # one byte left: one 8-bit step
        crc = (crc >> 8) ^ _byte_table()[(crc ^ data[even]) & 0xFF]
    return crc
