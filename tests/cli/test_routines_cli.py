"""`yolvarex routine ...` in-process: list, show, suggest (stateless and for a user), done, streak."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from yolvarex import clock
from yolvarex.cli.main import app
from yolvarex.services.runtime import library

LIB = library()


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """No database configured at all: stateless commands must still work."""
    monkeypatch.setenv("YOLVAREX_DATA_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("YOLVAREX_DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none")
    monkeypatch.delenv("YOLVAREX_USER", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args), catch_exceptions=False)


def test_the_routine_list_gives_computed_totals(offline) -> None:
    routines = json.loads(offline("routine", "list", "--json").stdout)
    library = json.loads(offline("library", "list", "routines", "--json").stdout)
    assert len(routines) == len(library) == len(LIB.routines) >= 15
    for r in routines:
        assert r["total_seconds"] == LIB.routine_seconds(r["id"])
    calves = json.loads(offline("routine", "list", "--area", "calf", "--json").stdout)
    assert "ankles-and-calves" in {r["id"] for r in calves}
    assert all("calves" in r["body_areas"] for r in calves)
    bedtime = json.loads(offline("routine", "list", "--occasion", "bedtime", "--json").stdout)
    assert {r["id"] for r in bedtime} == {"sleep-wind-down", "calm-breathing"}
    assert "Full-body recovery" in offline("routine", "list").stdout
    assert offline("routine", "list", "--area", "elbow").exit_code == 1


def test_show_lays_out_each_side(offline) -> None:
    data = json.loads(offline("routine", "show", "post-run-cool-down", "--json").stdout)
    sides = [s["side"] for s in data["timeline"] if s["movement"] == "calf-stretch-wall"]
    assert sides == ["left", "right"]
    assert data["timeline"][-1]["start"] + data["timeline"][-1]["seconds"] == data["total_seconds"]
    text = offline("routine", "show", "post-run-cool-down").stdout
    assert "Wall calf stretch" in text and "each side" in text
    missing = offline("routine", "show", "nap")
    assert missing.exit_code == 1 and "no routine with id 'nap'" in missing.stderr


@pytest.mark.parametrize(("args", "first"), [
    (["--verdict", "rest"], "full-body-recovery"),
    (["--planned", "speed"], "pre-run-warm-up"),
    (["--planned", "strength"], "pre-strength-warm-up"),
    (["--planned", "long"], "after-the-long-run"),
    (["--sore-areas", "calf,hamstring"], "hamstrings-and-posterior-chain"),
    (["--sore-areas", "Calves"], "ankles-and-calves"),
    (["--verdict", "modify", "--planned", "tempo"], "quick-pre-run-primer"),
])
def test_suggest_works_statelessly_from_the_options(offline, args, first) -> None:
    result = offline("routine", "suggest", "--json", *args)
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert items[0]["id"] == first
    assert all(set(i) >= {"id", "title", "reason"} and i["reason"] for i in items)


def test_suggest_errors_are_messages(offline) -> None:
    bad = offline("routine", "suggest", "--verdict", "nap")
    assert bad.exit_code == 1 and "unknown verdict 'nap'" in bad.stderr
    bad = offline("routine", "suggest", "--planned", "yoga")
    assert bad.exit_code == 1 and "unknown planned session 'yoga'" in bad.stderr
    unknown = offline("routine", "suggest", "--sore-areas", "elbow")
    assert unknown.exit_code == 0 and "elbow" in unknown.stderr


def test_suggest_done_and_streak_for_a_stored_user(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    put = cli("routine", "suggest", "--user", "ann", "--json")
    assert json.loads(put.stdout)[0]["id"] == "post-run-cool-down"  # nothing known yet
    from yolvarex.services.runtime import open_runtime

    rt = open_runtime()
    with rt.db.session() as db:
        from yolvarex.domain.checkin import CheckIn
        from yolvarex.services.accounts import user_named
        from yolvarex.services.checkins import save_checkin
        from yolvarex.store.access import Actor

        save_checkin(db, Actor.of(user_named(db, "ann")), CheckIn(date=clock.today(None),
                                                                    sore_areas=("calves",)))
    rt.db.dispose()
    stored = json.loads(cli("routine", "suggest", "--user", "ann", "--json").stdout)
    assert stored[0]["id"] == "ankles-and-calves" and "Sore calves" in stored[0]["reason"]
    done = cli("routine", "done", "ankles-and-calves", "--user", "ann", "--minutes", "6")
    assert done.exit_code == 0 and "Routine streak: 1" in done.stdout
    after = json.loads(cli("routine", "suggest", "--user", "ann", "--json").stdout)
    assert after[0]["id"] != "ankles-and-calves"
    streak = json.loads(cli("routine", "streak", "--user", "ann", "--json").stdout)
    assert streak["days"] == 1 and streak["last_active"] == clock.today(None).isoformat()
    assert "Routine streak: 1" in cli("routine", "streak", "--user", "ann").stdout
    assert cli("routine", "done", "nap", "--user", "ann").exit_code == 1


def test_play_runs_through_without_a_terminal_and_logs_for_the_user(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("routine", "play", "quick-pre-run-primer", "--speed", "1000", "--user", "ann", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert "Done: Five-minute pre-run primer" in result.stdout and "Logged for ann" in result.stdout
    streak = json.loads(cli("routine", "streak", "--user", "ann", "--json").stdout)
    assert streak["days"] == 1
    missing = cli("routine", "play", "nap")
    assert missing.exit_code == 1
