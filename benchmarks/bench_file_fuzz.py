"""The long file fuzz: many more damaged FIT, GPX and TCX files through the import path than
`tests/reliability/test_file_fuzz.py` runs in `make test` (same mutations:
`tests/reliability/mutations.py`).

Each case is imported as an upload into an SQLite database; the outcome must be the file stored
whole or refused with a reason, with every table unchanged after a refusal. Any other exception
is a crash: the script prints it, saves the file under `tests/artifacts/fuzz/` and exits 1.
Figures: the outcome counts, and the CPU time per damaged file against the baseline, the same
import of the undamaged files, measured in the same run. `YOLVAREX_FUZZ_CASES` (default 3000)
and `YOLVAREX_FUZZ_SEED` (default 2026) change the run.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from common import report
from yolvarex.ingest.archive import Budget
from yolvarex.services import accounts, imports
from yolvarex.store import migrate
from yolvarex.store.access import Actor
from yolvarex.store.db import Database
from yolvarex.store.models import Base

CASES = int(os.environ.get("YOLVAREX_FUZZ_CASES", "3000"))
SEED = int(os.environ.get("YOLVAREX_FUZZ_SEED", "2026"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "tests" / "artifacts" / "fuzz"


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables}


def main() -> None:
    from tests.reliability.mutations import mutate, seeds  # (after `common` set the path)

    folder = tempfile.mkdtemp(prefix="yolvarex-fuzz-")
    db = Database(f"sqlite:///{folder}/fuzz.sqlite3")
    migrate.upgrade(db)
    with db.session() as session:
        actor = Actor.of(accounts.create_user(session, "fuzz", None))
    files = seeds()
    budget = Budget.for_upload(50 * 1024 * 1024)

    def one(name: str, data: bytes) -> str:
        with db.session() as session:
            result = imports.import_sources(session, actor, imports.upload_sources(
                [(name, data)], None, budget)).files[0]
        return result.status

    start = time.process_time()
    for _ in range(5):
        for name, data in files.items():
            one(name, data)
    baseline = (time.process_time() - start) / (5 * len(files))

    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    crashes = 0
    start = time.process_time()
    for case in range(CASES):
        name = rng.choice(list(files))
        data = mutate(files[name], rng)
        before = counts(db)
        try:
            status = one(name, data)
        except Exception:  # a crash: what the fuzz looks for
            crashes += 1
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            saved = ARTIFACTS / f"crash-{SEED}-{case}-{name}"
            saved.write_bytes(data)
            print(f"CRASH on case {case} ({saved}):\n{traceback.format_exc(limit=6)}")
            continue
        if status == "failed" and counts(db) != before:
            crashes += 1
            print(f"HALF-STORED on case {case} ({name})")
        outcomes[status] += 1
    per_case = (time.process_time() - start) / CASES
    print(f"{CASES} damaged files (seed {SEED}): {dict(outcomes)}; crashes or half-stored: "
          f"{crashes}")
    report("import of a damaged file (CPU)", per_case, "the undamaged files", baseline,
           target="no crash; about 1x or less (damage is refused early)")
    db.dispose()
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
