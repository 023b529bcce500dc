"""`yolvarex plan ...` and `yolvarex log strength` end to end on a real database."""

from __future__ import annotations

import json

import pytest
import yaml
from icalendar import Calendar

from tests.domain.test_plan import ISSUE_PROFILE


def test_plan_from_yaml_profile_stores_prints_json_and_ics(cli, tmp_path) -> None:
    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    profile = tmp_path / "profile.yaml"
    profile.write_text(yaml.safe_dump(ISSUE_PROFILE))
    ics = tmp_path / "plan.ics"
    result = cli("plan", "--profile", str(profile), "--json", "--ics", str(ics))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["profile"]["weeks"] == 12 and len(data["weeks"]) == 12 and data["id"] > 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert len(events) == sum(len(w["sessions"]) for w in data["weeks"])
    shown = json.loads(cli("plan", "show", "--json").stdout)
    assert shown["id"] == data["id"] and shown["weeks"] == data["weeks"]
    table = cli("plan", "show")
    assert "Strength plan" in table.stdout and "plyo lower" in table.stdout
    week = cli("plan", "show", "--week", "2")
    assert "Warm-up: Pre-strength warm-up" in week.stdout and "each side" in week.stdout


def test_stateless_plan_needs_no_user(cli, tmp_path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(ISSUE_PROFILE))
    result = cli("plan", "--profile", str(profile), "--no-save", "--json")
    assert result.exit_code == 0 and "id" not in json.loads(result.stdout)


def test_invalid_profile_lists_each_bad_field(cli, tmp_path) -> None:
    profile = tmp_path / "bad.json"
    profile.write_text(json.dumps({**ISSUE_PROFILE, "weeks": 0, "placement": "anywhere",
                                   "run_week": {**ISSUE_PROFILE["run_week"], "mon": "jog"}}))
    result = cli("plan", "--profile", str(profile), "--no-save")
    assert result.exit_code == 1
    for field in ("weeks:", "placement:", "run_week.mon:"):
        assert field in result.stderr
    assert "Traceback" not in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{\"weeks\": ")
    result = cli("plan", "--profile", str(broken), "--no-save")
    assert result.exit_code == 1 and "not valid JSON" in result.stderr
    missing = cli("plan", "--profile", str(tmp_path / "nope.yaml"), "--no-save")
    assert missing.exit_code == 1 and "cannot read" in missing.stderr


def test_log_strength_sets_tests_and_planned_session(cli, tmp_path) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(ISSUE_PROFILE))
    plan = json.loads(cli("plan", "--profile", str(profile), "--json").stdout)
    first = plan["weeks"][0]["sessions"][0]
    logged = cli("log", "strength", "--date", first["date"], "--planned", "--rpe", "6", "--json")
    assert logged.exit_code == 0, logged.stderr
    data = json.loads(logged.stdout)
    assert data["session"]["plan_session"] == first["date"] and data["next"]
    assert all(n["reason"] for n in data["next"])
    by_hand = cli("log", "strength", "--date", "2026-12-10", "--set", "split-squat 10 x3 rpe7",
                  "--set", "plank 45s x2", "--set", "push-up 5 missed",
                  "--test", "single_leg_squat left 8", "--test", "single_leg_squat right 10",
                  "--test", "push_ups 20", "--json")
    assert by_hand.exit_code == 0, by_hand.stderr
    sets = json.loads(by_hand.stdout)["session"]["sets"]
    assert len(sets) == 3 * 2 + 2 + 1
    assert {s["side"] for s in sets if s["exercise"] == "split-squat"} == {"left", "right"}
    assert [s["completed"] for s in sets if s["exercise"] == "push-up"] == [False]
    human = cli("log", "strength", "--date", "2026-12-11", "--set", "glute-bridge 15 x3")
    assert "Next time" in human.stdout
    day = cli("plan", "day", plan["weeks"][1]["sessions"][0]["date"], "--json")
    assert json.loads(day.stdout)["progression"]


@pytest.mark.parametrize(("args", "message"), [
    (["--set", "moon-walk 10"], "not an exercise id"),
    (["--set", "split-squat ten"], "cannot read 'ten'"),
    (["--test", "single_leg_squat 9"], "tested on each leg"),
    (["--date", "2026-12-09"], "at least one set"),
])
def test_log_strength_errors_are_messages(cli, args, message) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("log", "strength", *args)
    assert result.exit_code == 1 and message in result.stderr, result.stderr


def test_adapt_moves_a_session(cli, tmp_path) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(ISSUE_PROFILE))
    plan = json.loads(cli("plan", "--profile", str(profile), "--json").stdout)
    day = plan["weeks"][1]["sessions"][0]["date"]
    result = json.loads(cli("plan", "adapt", "modify", "--date", day, "--json").stdout)
    assert result["action"] == "reduce" and result["session"]["lower_body_load"] != "full"
    assert cli("plan", "regenerate", "--json").exit_code == 0


def test_a_full_45_s_plank_is_answered_with_a_longer_hold(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("log", "strength", "--date", "2026-12-10", "--set", "plank 45s x3", "--json")
    assert result.exit_code == 0, result.stderr
    step = next(n for n in json.loads(result.stdout)["next"] if n["prescription"]["exercise"] == "plank")
    assert step["change"] == "longer_hold" and step["prescription"]["seconds"] == 55
    assert "55 s" in step["reason"]


def test_the_session_rpe_counts_when_the_sets_have_none(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("log", "strength", "--date", "2026-12-10", "--set", "split-squat 12 x3",
                 "--rpe", "9", "--json")
    assert result.exit_code == 0, result.stderr
    step = json.loads(result.stdout)["next"][0]
    assert step["change"] == "hold" and "comfortable" not in step["reason"]


def test_library_show_gives_tempo_in_words(cli) -> None:
    shown = cli("library", "show", "exercises", "split-squat")
    assert "3 s down, 1 s up" in shown.stdout and "3-0-1" not in shown.stdout


def test_log_strength_planned_without_rpe_adds_load_and_is_a_training_day(cli, tmp_path, db_url) -> None:
    """Issue 12 item 4: the session the app suggests logging counted as a rest day."""
    import datetime as dt

    from yolvarex.services import training_load
    from yolvarex.store.access import Actor
    from yolvarex.store.db import Database
    from yolvarex.store.models import User

    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(ISSUE_PROFILE))
    plan = json.loads(cli("plan", "--profile", str(profile), "--json").stdout)
    first = plan["weeks"][0]["sessions"][0]
    logged = cli("log", "strength", "--date", first["date"], "--planned", "--json")
    assert logged.exit_code == 0, logged.stderr
    day = dt.date.fromisoformat(first["date"])
    db = Database(db_url)
    try:
        with db.session() as session:
            ann = Actor.of(session.query(User).filter_by(name="ann").one())
            loads = training_load.daily_loads(session, ann, day, day)
            facts = training_load.load_facts(session, ann, day + dt.timedelta(days=1))
    finally:
        db.dispose()
    assert loads.tolist() == [5.0 * first["minutes"]]  # typical strength RPE 5 x planned minutes
    assert facts.days_since_rest == 1
