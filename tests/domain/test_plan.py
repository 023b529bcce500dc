"""The plan generator on fixed profiles: a snapshot of one plan, profile errors, ladders."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from yolvarex.content import load_library
from yolvarex.content.schemas.exercise import Equipment
from yolvarex.domain.plan import Plan, Profile, generate_plan, profile_errors
from yolvarex.domain.plan.ladders import Ladders
from yolvarex.domain.plan.model import BlockKind
from yolvarex.domain.plan.profile import Experience

LIBRARY, _ = load_library()

ISSUE_PROFILE = {
    "start": "2026-12-07", "weeks": 12, "experience": "some",
    "equipment": ["bodyweight", "bands", "dumbbells", "kettlebell"],
    "sessions_per_week": 2, "minutes_per_session": 30,
    "run_week": {"mon": "easy", "tue": "speed", "wed": "easy", "thu": "rest", "fri": "easy",
                 "sat": "long", "sun": "rest"},
    "race": {"date": "2027-02-28", "distance": "half_marathon"},
    "injury_history": ["knee"], "placement": "easy_days"}


def test_plan_json_snapshot(snapshot) -> None:
    plan = generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY)
    text = json.dumps(plan.to_json(), indent=1, sort_keys=True) + "\n"
    snapshot("plan-issue-profile.json", text)


def test_plan_json_round_trips() -> None:
    plan = generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY)
    data = plan.to_json()
    assert Plan.from_json(json.loads(json.dumps(data))).to_json() == data
    assert set(data) == {"format", "profile", "warnings", "weeks"}
    session = data["weeks"][0]["sessions"][0]
    assert set(session) == {"date", "weekday", "run_day", "focus", "lower_body_load", "minutes",
                            "blocks"}
    exercise = session["blocks"][1]["exercises"][0]
    assert {"exercise", "sets", "reps", "seconds", "per_side", "tempo", "rest_s",
            "rpe_target"} <= set(exercise)


def test_race_weeks_have_phases_and_heavy_work_ends_seven_to_ten_days_out() -> None:
    plan = generate_plan(Profile.model_validate(ISSUE_PROFILE), LIBRARY)
    phases = [w.phase.value for w in plan.weeks]
    assert phases[0] == "base" and phases[-1] == "taper" and "peak" in phases and "build" in phases
    race = plan.profile.race
    assert race is not None
    late = [s for s in plan.sessions() if 0 <= (race.date - s.date).days < 7]
    assert late and all(s.lower_body_load.value != "full" for s in late)
    heavy = [s.date for s in plan.sessions() if s.lower_body_load.value == "full"]
    assert 7 <= (race.date - heavy[-1]).days <= 10


def test_bodyweight_is_always_there_and_aliases_are_read() -> None:
    profile = Profile.model_validate({**ISSUE_PROFILE, "equipment": ["bands"],
                                      "injury_history": ["Achilles", "IT band", "knee", "knee"]})
    assert [e.value for e in profile.equipment] == ["bodyweight", "bands", "chair", "step", "table"]
    assert [a.value for a in profile.injury_history] == ["knee", "it_band", "achilles_calf"]


def test_profile_errors_list_every_bad_field() -> None:
    bad = {**ISSUE_PROFILE, "weeks": 0, "sessions_per_week": 5, "experience": "pro",
           "run_week": {**ISSUE_PROFILE["run_week"], "mon": "jog", "funday": "rest"},
           "equipment": ["barbell"], "colour": "blue"}
    del bad["start"]
    with pytest.raises(ValidationError) as exc:
        Profile.model_validate(bad)
    details = profile_errors(exc.value)
    text = "\n".join(details)
    for field in ("start: required", "weeks:", "sessions_per_week:", "experience:", "run_week.mon:",
                  "run_week.funday: unknown field", "equipment.0:", "colour: unknown field"):
        assert field in text, (field, text)
    assert "weeks: choose the number of weeks from 1 to 52" in text
    assert "sessions_per_week: choose sessions a week from 2 to 3" in text
    assert "Input should" not in text


def test_weeks_follow_from_the_race_date() -> None:
    data = {k: v for k, v in ISSUE_PROFILE.items() if k != "weeks"}
    profile = Profile.model_validate(data)
    assert profile.weeks == 12 and profile.end == profile.race.date  # type: ignore[union-attr]
    late = Profile.model_validate({**data, "race": {"date": "2027-03-03", "distance": "10k"}})
    assert late.weeks == 13 and late.start <= late.race.date <= late.end  # type: ignore[union-attr]


def test_race_outside_the_plan_names_the_field() -> None:
    with pytest.raises(ValidationError) as exc:
        Profile.model_validate({**ISSUE_PROFILE, "race": {"date": "2027-06-01", "distance": "10k"}})
    assert profile_errors(exc.value)[0].startswith("race.date: the race on 2027-06-01 is outside")


def test_ladder_neighbours_follow_equipment() -> None:
    everything = Ladders(LIBRARY, frozenset(Profile.model_validate(ISSUE_PROFILE).equipment))
    bodyweight = Ladders(LIBRARY, frozenset(Profile.model_validate(
        {**ISSUE_PROFILE, "equipment": []}).equipment))
    assert everything.harder("band-row").id == "bent-over-row"  # type: ignore[union-attr]
    assert bodyweight.harder("doorway-row").id == "inverted-table-row"  # type: ignore[union-attr]
    assert bodyweight.easier("single-leg-box-squat").id == "rear-foot-elevated-split-squat"  # type: ignore[union-attr]
    assert bodyweight.harder("pistol-squat") is None
    assert bodyweight.easier("wall-push-up") is None
    ladder = LIBRARY.ladders["split-squat-ladder"]
    assert bodyweight.pick(ladder, Experience.NEW, 0).id == "split-squat"  # type: ignore[union-attr]
    assert bodyweight.pick(ladder, Experience.NEW, 9).id == "single-leg-box-squat"  # type: ignore[union-attr]
    assert bodyweight.pick(ladder, Experience.EXPERIENCED, 1).id == "low-step-single-leg-squat"  # type: ignore[union-attr]


def _planned(profile: dict[str, object], kind: BlockKind | None = None) -> set[str]:
    """The exercises a plan prescribes, performance tests included (or only blocks of `kind`)."""
    plan = generate_plan(Profile.model_validate(profile), LIBRARY)
    return {p.exercise for s in plan.sessions() for b in s.blocks if kind in (None, b.kind)
            for p in b.exercises}


def test_the_plan_respects_household_equipment_and_rope() -> None:
    box_jump = LIBRARY.exercises["box-jump"]
    assert not box_jump.allowed_with({Equipment.BODYWEIGHT})
    assert box_jump.allowed_with({Equipment.BODYWEIGHT, Equipment.BOX})
    experienced = {**ISSUE_PROFILE, "experience": "experienced", "sessions_per_week": 3}
    without_box = _planned(experienced)
    assert "box-jump" not in without_box and "jump-rope-intervals" not in without_box
    no_chair = _planned({**experienced, "equipment": ["bands", "step"]})
    needing_chair = {e.id for e in LIBRARY.exercises.values() if Equipment.CHAIR in e.needs}
    assert not no_chair & needing_chair
    with_box = Ladders(LIBRARY, frozenset(Profile.model_validate(
        {**ISSUE_PROFILE, "equipment": ["box"]}).equipment))
    without = Ladders(LIBRARY, frozenset(Profile.model_validate(ISSUE_PROFILE).equipment))
    assert with_box.harder("squat-jump").id == "box-jump"  # type: ignore[union-attr]
    assert without.harder("squat-jump").id == "broad-jump"  # type: ignore[union-attr]


def test_the_performance_test_uses_what_the_runner_has() -> None:
    """The single-leg squat test sits to a chair; without one it steps down from a step, and
    without either it is left out rather than prescribed on equipment the runner lacks."""
    experienced = {**ISSUE_PROFILE, "experience": "experienced", "sessions_per_week": 3}
    tested: dict[str, set[str]] = {}
    for name, kit in (("chair", ["bands"]), ("step", ["bands", "step"]), ("box", ["box"])):
        profile = {**experienced, "equipment": kit}
        tested[name] = _planned(profile, BlockKind.TEST)
        at_hand = set(Profile.model_validate(profile).equipment)
        assert all(LIBRARY.exercises[e].allowed_with(at_hand) for e in tested[name]), name
    assert "single-leg-box-squat" in tested["chair"]  # no household items listed: all assumed
    assert "lateral-step-down" in tested["step"] and "single-leg-box-squat" not in tested["step"]
    assert tested["box"] == {"push-up", "plank", "single-leg-calf-raise"}
