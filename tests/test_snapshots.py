"""The one snapshot mechanism: a missing snapshot fails, update writes, clean finds the unused."""

from __future__ import annotations

import pytest

from tests import snapshots


def test_missing_fails_update_writes_and_unused_are_found(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "snapshots"
    monkeypatch.delenv("YOLVAREX_UPDATE_SNAPSHOTS", raising=False)
    monkeypatch.delenv(snapshots.ENV, raising=False)
    with pytest.raises(AssertionError, match="is missing"):
        snapshots.check(folder / "a.txt", "one")
    assert not (folder / "a.txt").exists()
    monkeypatch.setenv(snapshots.ENV, "update")
    snapshots.check(folder / "a.txt", "one")
    monkeypatch.setenv(snapshots.ENV, "check")
    snapshots.check(folder / "a.txt", b"one")
    with pytest.raises(AssertionError, match="changed"):
        snapshots.check(folder / "a.txt", "two")
    (folder / "stale.txt").write_text("left over")
    assert snapshots.unused(tmp_path) == [folder / "stale.txt"]
    monkeypatch.setenv(snapshots.ENV, "sometimes")
    with pytest.raises(ValueError, match="check, update, clean"):
        snapshots.mode()
