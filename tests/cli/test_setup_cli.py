"""`yolvarex setup`: the first run in the terminal, by options (scripts) and by prompts."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.db


def test_setup_by_options_stores_preferences_and_makes_the_plan(cli) -> None:
    cli("user", "create", "ann", "--timezone", "Europe/Berlin")
    out = cli("setup", "--user", "ann", "--no-input", "--json", "--run-week",
              "tue=speed,wed=easy,fri=easy,sat=long", "--experience", "some",
              "--equipment", "bodyweight,bands", "--sessions", "3", "--minutes", "30",
              "--injuries", "achilles_calf", "--units", "imperial", "--weight", "150",
              "--max-hr", "185", "--running-dynamics", "--timezone", "America/Chicago")
    assert out.exit_code == 0, out.output
    summary = json.loads(out.stdout)
    assert summary["units"] == "imperial" and summary["timezone"] == "America/Chicago"
    assert summary["plan"]["weeks"] == 12 and summary["plan"]["sessions"] > 20
    shown = json.loads(cli("plan", "show", "--json", "--user", "ann").stdout)
    profile = shown["profile"]
    assert profile["run_week"]["mon"] == "rest" and profile["run_week"]["tue"] == "speed"
    assert profile["sessions_per_week"] == 3 and profile["injury_history"] == ["achilles_calf"]
    assert profile["start"] == "2026-11-30"  # today, in the frozen clock's Chicago
    users = cli("user", "list", "--json")
    assert "America/Chicago" in users.stdout


def test_setup_asks_what_is_missing(cli) -> None:
    cli("user", "create", "bea", "--timezone", "Europe/London")
    answers = "\n".join([
        "",                 # time zone: keep Europe/London
        "metric",           # units
        "mon=easy,wed=tempo,sat=long",
        "2027-03-07",       # race day
        "half_marathon",
        "new", "bodyweight", "2", "20", "none",
        "", "", "61.5",     # no heart rates; 61.5 kg
        "n",                # no running dynamics
    ]) + "\n"
    out = cli("setup", "--user", "bea", input=answers)
    assert out.exit_code == 0, out.output
    assert "Running week" in out.output and "Body weight in kg" in out.output
    assert "Your plan:" in out.output and "yolvarex check-in" in out.output
    assert "Four things yolvarex does" in out.output
    plan = json.loads(cli("plan", "show", "--json", "--user", "bea").stdout)
    assert plan["profile"]["race"] == {"date": "2027-03-07", "distance": "half_marathon"}
    assert plan["profile"]["run_week"]["wed"] == "tempo"


def test_setup_lists_every_wrong_answer_and_keeps_nothing(cli) -> None:
    cli("user", "create", "cyd", "--timezone", "Europe/Berlin")
    out = cli("setup", "--user", "cyd", "--no-input", "--units", "furlongs", "--max-hr", "400",
              "--sessions", "5")
    assert out.exit_code == 1
    assert "units" in out.output and "between 120 and 230" in out.output
    assert "sessions" in out.output.lower()
    again = cli("plan", "show", "--user", "cyd")
    assert "no plan" in again.output.lower() or again.exit_code != 0


def test_a_bad_run_week_is_one_sentence(cli) -> None:
    cli("user", "create", "dee")
    out = cli("setup", "--user", "dee", "--no-input", "--run-week", "someday=long")
    assert out.exit_code == 1 and "day=kind" in out.output
