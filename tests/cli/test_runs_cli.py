"""`yolvarex records` and `yolvarex gear ...` end to end on a real database."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ACTIVITIES


@pytest.fixture
def cli(cli):
    cli("user", "create", "ann")
    return cli


def test_records_after_importing_runs(cli) -> None:
    assert "No records yet" in cli("records").stdout
    imported = cli("import", str(ACTIVITIES / "activity-small-fenix2-run.fit"))
    assert "new best over 400 m, 1 km, 1 mile, 5 km" in imported.stdout
    cli("import", str(ACTIVITIES / "compressed-speed-distance.fit"))
    found = json.loads(cli("records", "--json").stdout)
    assert [r["name"] for r in found] == ["400 m", "1 km", "1 mile", "5 km", "10 km"]
    table = cli("records").stdout
    assert "Your records" in table and "10 km" in table


def test_gear_add_list_assign_retire(cli) -> None:
    added = json.loads(cli("gear", "add", "Daily trainer", "--start-km", "50", "--retire-at-km",
                           "60", "--default-for", "all", "--json").stdout)
    assert added["distance_km"] == 50
    result = json.loads(cli("import", str(ACTIVITIES / "compressed-speed-distance.fit"),
                            "--json").stdout)
    assert result["imported"] == 1
    (shoe,) = json.loads(cli("gear", "list", "--json").stdout)
    assert shoe["runs"] == 1 and shoe["distance_km"] == 60.2 and shoe["near_limit"]
    listed = cli("gear", "list").stdout
    assert "Daily trainer" in listed and "near its limit" in listed
    run_id = json.loads(cli("log", "list", "--json").stdout)[0]["id"]
    assert cli("gear", "assign", str(run_id)).exit_code == 0
    assert json.loads(cli("gear", "list", "--json").stdout)[0]["runs"] == 0
    assert cli("gear", "assign", str(run_id), str(shoe["id"])).exit_code == 0
    retired = cli("gear", "retire", str(shoe["id"]))
    assert retired.exit_code == 0 and "Retired" in retired.stdout
    assert json.loads(cli("gear", "list", "--json").stdout)[0]["retired_on"] == "2026-11-30"
    bad = cli("gear", "add", "X", "--default-for", "sometimes")
    assert bad.exit_code != 0
    missing = cli("gear", "retire", "999")
    assert missing.exit_code != 0


def test_serve_stores_again_the_figures_an_older_version_kept(cli, db_url, monkeypatch) -> None:
    import threading

    import uvicorn
    from sqlalchemy import select

    from yolvarex.services import run_analysis
    from yolvarex.store import models
    from yolvarex.store.db import Database

    cli("import", str(ACTIVITIES / "activity-small-fenix2-run.fit"))
    db = Database(db_url)
    with db.session() as session:
        row = session.scalar(select(models.Activity))
        row.analysis = {**row.analysis, "key": "older"}
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)  # the server itself is not needed
    done, real = threading.Event(), run_analysis.refresh_stale
    monkeypatch.setattr(run_analysis, "refresh_stale", lambda database: (real(database), done.set()))
    cli("serve", "--port", "1")
    assert done.wait(timeout=60)
    with db.session() as session:
        assert run_analysis.is_fresh(session.scalar(select(models.Activity)))
    db.dispose()
