"""`yolvarex import`, `yolvarex log ...` and `yolvarex load` end to end on a real database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import ACTIVITIES
from yolvarex import clock


@pytest.fixture
def cli(cli):
    """The CLI with one local user, ann, whom every command acts for."""
    cli("user", "create", "ann")
    return cli


def test_import_json_summary_and_idempotency(cli) -> None:
    first = cli("import", str(ACTIVITIES), "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert (data["imported"], data["duplicates"], data["cross_training"]) == (8, 0, 2)
    assert len(data["failed"]) == 6 and all(f["reason"] for f in data["failed"])
    again = json.loads(cli("import", str(ACTIVITIES), "--json").stdout)
    assert (again["imported"], again["duplicates"]) == (0, 8)


def test_import_for_people_prints_a_summary(cli) -> None:
    result = cli("import", str(ACTIVITIES / "garmin-fenix-5-run.fit"),
                 str(ACTIVITIES / "invalid" / "activity-filecrc.fit"))
    assert result.exit_code == 0
    assert "Imported" in result.stdout and "checksum" in result.stdout


def test_import_of_only_broken_files_fails(cli) -> None:
    result = cli("import", str(ACTIVITIES / "invalid"), "--json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["failed"]) == 4


def test_import_of_a_missing_path_says_so(cli) -> None:
    result = cli("import", "/nowhere/run.fit")
    assert result.exit_code == 1 and "Nothing to import" in result.output


@pytest.mark.any_day
def test_log_run_cross_list_edit_delete(cli) -> None:
    day = (clock.today(None) - dt.timedelta(days=1)).isoformat()
    run = json.loads(cli("log", "run", "-m", "45", "--km", "9", "--type", "long", "--rpe", "5",
                         "--date", day, "--json").stdout)
    assert run["load"] == 225 and run["load_method"] == "rpe" and run["run_type"] == "long"
    ride = json.loads(cli("log", "cross", "-m", "60", "--sport", "cycling", "--hr", "130",
                          "--date", day, "--json").stdout)
    assert ride["load_method"] == "heart_rate" and ride["load"] > 0
    listed = json.loads(cli("log", "list", "--json").stdout)
    assert [e["id"] for e in listed] == [ride["id"], run["id"]]
    edited = json.loads(cli("log", "edit", str(run["id"]), "--rpe", "6", "--json").stdout)
    assert edited["load"] == 270
    refused = cli("log", "delete", str(run["id"]), input="n\n")
    assert refused.exit_code == 1 and "Nothing deleted" in refused.stdout
    assert len(json.loads(cli("log", "list", "--json").stdout)) == 2
    done = cli("log", "delete", str(run["id"]), input="y\n")
    assert done.exit_code == 0 and "Deleted" in done.stdout
    assert len(json.loads(cli("log", "list", "--json").stdout)) == 1


def test_log_rejects_bad_values_with_reasons(cli) -> None:
    result = cli("log", "run", "-m", "30", "--rpe", "14", "--type", "jog")
    assert result.exit_code == 1
    assert "rpe" in result.output and "run_type" in result.output


def test_log_edit_of_unknown_id_is_not_found(cli) -> None:
    result = cli("log", "edit", "999", "--rpe", "3")
    assert result.exit_code == 1 and "no such activit" in result.output


@pytest.mark.any_day
def test_load_json_and_table(cli) -> None:
    today = clock.today(None)
    for back in range(1, 36):
        if back % 7:
            cli("log", "run", "-m", "40", "--rpe", "4", "--date",
                (today - dt.timedelta(days=back)).isoformat(), "--json")
    data = json.loads(cli("load", "--json").stdout)
    assert data["today"]["acwr"] == pytest.approx(1.0, abs=0.15)
    assert data["today"]["days_since_rest"] in range(0, 7)
    assert len(data["weeks"]) == 6 and data["weeks"][-2]["load"] > 0
    table = cli("load").stdout
    assert "Acute:chronic ratio" in table and "Last weeks" in table


def test_load_says_why_the_ratio_is_unknown(cli) -> None:
    """Issue 12 item 5: with old files and one recent run the ratio is unknown, and says so."""
    cli("import", str(ACTIVITIES / "2013-02-06-12-11-14.fit"), "--json")
    yesterday = clock.today(None) - dt.timedelta(days=1)
    cli("log", "run", "-m", "40", "--rpe", "5", "--date", yesterday.isoformat(), "--json")
    data = json.loads(cli("load", "--json").stdout)["today"]
    assert data["acwr"] is None and data["stretch_start"] == yesterday.isoformat()
    known = (yesterday + dt.timedelta(days=28)).isoformat()
    assert data["known_from"] == known and known in data["note"]
    table = cli("load").stdout
    assert "need 28 days of continuous training" in " ".join(table.split())
