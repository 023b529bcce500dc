"""The compact samples codec: round trips, compactness, and refusing damaged data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ACTIVITIES
from yolvarex.domain.activity import CHANNELS, Samples
from yolvarex.ingest import read_activity_file
from yolvarex.store.samples import SamplesCorrupt, decode_samples, encode_samples


def test_real_run_round_trips_within_float32_and_shrinks() -> None:
    data = (ACTIVITIES / "activity-small-fenix2-run.fit").read_bytes()
    samples = read_activity_file("f.fit", data)[0].samples
    blob = encode_samples(samples)
    back = decode_samples(blob)
    assert set(back.channels) == set(samples.channels)
    assert np.array_equal(back.t_s, samples.t_s)
    assert np.array_equal(back.channels["lat"], samples.channels["lat"], equal_nan=True)
    for name, values in samples.channels.items():
        np.testing.assert_allclose(back.channels[name], values, rtol=1e-6, equal_nan=True)
    raw = len(samples) * 8 * (1 + len(samples.channels))
    assert len(blob) < raw / 3


def test_empty_samples_round_trip() -> None:
    back = decode_samples(encode_samples(Samples.empty()))
    assert len(back) == 0 and back.channels == {}


@settings(max_examples=50)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=False, width=32), min_size=0, max_size=50),
       st.sampled_from(CHANNELS))
def test_any_channel_round_trips(values: list[float], name: str) -> None:
    arr = np.asarray(values, dtype=np.float64)
    samples = Samples(t_s=np.arange(len(arr), dtype=np.float64), channels={name: arr})
    back = decode_samples(encode_samples(samples))
    if np.isfinite(arr).any():
        np.testing.assert_array_equal(back.channels[name], arr)
    else:
        assert name not in back.channels  # a channel with no value is not stored


@pytest.mark.parametrize("blob", [b"", b"XYZ", b"YVS\x09\x00\x00\x00\x00\x00",
                                  b"YVS\x01\x05\x00\x00\x00\x00junk"])
def test_damaged_blobs_raise(blob: bytes) -> None:
    with pytest.raises(SamplesCorrupt):
        decode_samples(blob)


def test_truncated_body_raises() -> None:
    blob = encode_samples(Samples(t_s=np.arange(100.0), channels={"speed_mps": np.ones(100)}))
    with pytest.raises(SamplesCorrupt):
        decode_samples(blob[:-5])
