"""Damaged activity files through the import path (`services.imports`), as an upload.

Every case is a real FIT, GPX or TCX file (`shared/data/activities`, cut small) with 1-4
mutations (`tests/reliability/mutations.py`). Whatever the damage, the import either stores the
file's activities whole or refuses the file with a reason (an `ActivityFileError`): no other
exception, no hang (a generous alarm guards each case), and after a refused file every table
holds exactly the rows it held before. Hypothesis draws the mutations with the suite's
derandomized profile, so every run tries the same cases; `benchmarks/bench_file_fuzz.py`
runs many more.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.reliability.mutations import mutate, seeds
from yolvarex.ingest.archive import Budget
from yolvarex.services import imports
from yolvarex.services.runtime import Runtime
from yolvarex.store import models
from yolvarex.store.models import Base

SEEDS = seeds()
CASES = {"fit": 140, "gpx": 80, "tcx": 80}
HANG_GUARD_S = 60


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail the case if it runs this long: a hang guard for a loop that never ends, far above
    what any case takes, not a time limit on the import."""
    def stop(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"a case ran for {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


COUNTS = select(*[select(func.count()).select_from(t).scalar_subquery().label(t.name)
                   for t in Base.metadata.sorted_tables])


def row_counts(db: Any) -> dict[str, int]:
    """Every table's row count (one query)."""
    return dict(db.execute(COUNTS).one()._mapping)


def check_one(rt: Runtime, actor: Any, name: str, data: bytes) -> str:
    with rt.db.session() as db:
        before = row_counts(db)
    with hang_guard(HANG_GUARD_S), rt.db.session() as db:
        report = imports.import_sources(db, actor, imports.upload_sources(
            [(name, data)], None, Budget.for_upload(rt.settings.max_upload_bytes)))
    (result,) = report.files
    with rt.db.session() as db:
        after = row_counts(db)
        if result.status == "failed":
            assert result.reason and result.reason.strip()
            assert after == before, "a refused file left rows behind"
        else:
            assert after["activities"] == before["activities"] + len(result.activity_ids)
            for activity_id in result.activity_ids:
                row = db.get(models.Activity, activity_id)
                assert row is not None and row.duration_s >= 0 and row.load is not None
                assert row.day is not None and row.source_name == name
    return result.status


@pytest.mark.parametrize("kind", list(CASES))
def test_damaged_files_are_stored_whole_or_refused(kind: str, rt: Runtime, make_user: Any) -> None:
    actor = make_user("ann", None)
    names = [n for n in SEEDS if n.endswith("." + kind)]
    seen: dict[str, int] = {}

    @settings(max_examples=CASES[kind], suppress_health_check=list(HealthCheck), database=None)
    @given(name=st.sampled_from(names), rng=st.randoms(use_true_random=False))
    def case(name: str, rng: Any) -> None:
        status = check_one(rt, actor, name, mutate(SEEDS[name], rng))
        seen[status] = seen.get(status, 0) + 1

    case()
    assert sum(seen.values()) >= CASES[kind] // 2  # the cases really ran
    assert seen.get("failed", 0) > 0  # and really damaged files


def test_the_undamaged_seeds_import(rt: Runtime, make_user: Any) -> None:
    """The cut-down seeds are good files: damage, not the cutting, is what the fuzz refuses."""
    actor = make_user("ann", None)
    for name, data in SEEDS.items():
        assert check_one(rt, actor, name, data) == "imported", name


@pytest.mark.parametrize("name", ["polar-m400-run.gpx", "forerunner-410-run.tcx"])
def test_a_made_up_text_encoding_is_refused(name: str, rt: Runtime, make_user: Any) -> None:
    """Found by the fuzz: an XML declaration naming an encoding that does not exist escaped the
    import as a LookupError."""
    actor = make_user("ann", None)
    damaged = SEEDS[name].replace(b"UTF-8", b"UTF1e309", 1)
    assert damaged != SEEDS[name]
    assert check_one(rt, actor, name, damaged) == "failed"
