"""A demo runner with a believable eight-week history, so every page has something to show.

The history is generated from a fixed seed and ends yesterday (plus this morning's check-in),
so running it again gives the same weeks shifted to the new date. It never touches a user
that is not marked as a demo user.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.load import session_load
from yolvarex.domain.plan.profile import WEEKDAYS
from yolvarex.errors import Conflict
from yolvarex.ingest.summary import dynamics_averages, moving_seconds
from yolvarex.services import accounts, plans, run_analysis, strength_log
from yolvarex.services.checkins import save_checkin
from yolvarex.services.days import local_start
from yolvarex.services.demo_form import add_form_data
from yolvarex.services.demo_samples import run_samples
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope
from yolvarex.store.samples import encode_samples

DEMO_PASSWORD = "demo-runner"  # noqa: S105 - a published demo login, not a secret
RECORDED_WEEKS = 4  # the last weeks' runs carry watch samples (see services/demo_samples.py)
SAMPLE_SEED = 7100
WEEKS = 8

# The seed's sample week: (run type, minutes, RPE, strength focus); the strength sessions
# themselves come from the demo's stored plan, which places them by the placement rules.
WEEK: dict[int, tuple[str | None, int, int, str | None]] = {
    0: ("easy", 45, 3, "lower"),
    1: ("speed", 50, 8, None),
    2: ("easy", 40, 3, "upper_core"),
    3: ("recovery", 30, 2, None),
    4: (None, 0, 0, "full"),
    5: ("long", 85, 6, None),
    6: (None, 0, 0, None),
}
PACE_S_PER_KM = {"easy": 345, "recovery": 375, "speed": 300, "long": 350}
AVG_HR = {"easy": 138, "recovery": 128, "speed": 162, "long": 146}



def _at(day: dt.date, hour: int, zone: str) -> dt.datetime:
    return clock.instant_at(day, dt.time(hour, 0), zone)


def load_demo(db: Session, library: Library, today: dt.date | None = None,
              name: str = "demo") -> models.User:
    """Create (or recreate) the demo runner's history up to yesterday (today: the demo runner's
    own today unless given). Idempotent."""
    user = db.scalar(select(models.User).where(models.User.name == name.strip().lower()))
    if user is None:
        user = accounts.create_user(db, name, DEMO_PASSWORD)
        user.settings = {"demo": True}
    elif not (user.settings or {}).get("demo"):
        raise Conflict(f"{user.name!r} is a real account, not a demo user; pick another name "
                       "with --user.")
    db.flush()
    mine = scope(db, Actor.of(user), action=Action.WRITE)  # the demo runner rewrites their own
    for model in (models.CheckIn, models.Activity, models.StrengthSession, models.PerformanceTest,
                  models.RoutineCompletion):
        db.execute(mine.delete(model))
    db.execute(mine.delete(models.Plan))
    db.flush()

    today = today or clock.today(user.timezone)
    rng = random.Random(20261125)  # noqa: S311 - demo data, not security
    actor = Actor.of(user)
    start = today - dt.timedelta(days=WEEKS * 7)
    zone = user.timezone
    for offset in range(WEEKS * 7):
        day = start + dt.timedelta(days=offset)
        week = offset // 7
        lighter = week in (3, 7)
        growth = 1.0 + 0.04 * (week % 4)
        run_type, minutes, rpe, _focus = WEEK[day.weekday()]
        soreness = rng.randint(1, 3)
        if run_type:
            minutes_done = round(minutes * growth * (0.8 if lighter else 1.0))
            if run_type == "long":
                minutes_done = round((75 + 6 * week) * (0.8 if lighter else 1.0))
            pace = PACE_S_PER_KM[run_type] + rng.randint(-8, 8)
            run = mine.new(
                models.Activity, sport="running", run_type=run_type, source="demo",
                name=f"{run_type.capitalize()} run", start=_at(day, 7, zone),
                duration_s=minutes_done * 60, moving_s=minutes_done * 60 - rng.randint(0, 60),
                distance_m=round(minutes_done * 60 / pace * 1000),
                avg_hr=AVG_HR[run_type] + rng.randint(-3, 3),
                max_hr=AVG_HR[run_type] + 18 + rng.randint(0, 6),
                avg_cadence_spm=round(168 + rng.uniform(-3, 3) + (6 if run_type == "speed" else 0)),
                rpe=rpe, load=session_load(rpe, minutes_done), dynamics={})
            run.day, run.utc_offset_min = local_start(run.start, zone)
            if week >= WEEKS - RECORDED_WEEKS:
                _recorded(run, offset, pace)
            run_analysis.refresh(run)
            db.add(run)
            if run_type in ("speed", "long"):
                soreness += 1
        if run_type == "long" and "post-run-cool-down" in library.routines:
            db.add(mine.new(
                models.RoutineCompletion, routine="post-run-cool-down", source="web",
                completed_at=_at(day, 9, zone), day=day,
                seconds=library.routine_seconds("post-run-cool-down")))
        for routine, hour, wanted in (("pre-run-warm-up", 6, run_type == "speed"),
                                      ("full-body-recovery", 18, day.weekday() == 6 and not lighter)):
            if wanted and routine in library.routines:
                db.add(mine.new(
                    models.RoutineCompletion, routine=routine, source="web",
                    completed_at=_at(day, hour, zone),
                    day=day,
                    seconds=library.routine_seconds(routine)))
        save_checkin(db, actor, CheckIn(
            date=day,
            sleep_hours=round(rng.uniform(6.2, 8.4), 1),
            sleep_quality=rng.randint(3, 5),
            soreness=soreness,
            sore_areas=("calves",) if soreness >= 3 else (),
            mood=rng.randint(3, 5), stress=rng.randint(2, 3), motivation=rng.randint(3, 5),
            resting_hr=52 + rng.randint(-2, 2),
            hrv_rmssd=round(math.exp(rng.gauss(math.log(68), 0.12)), 1),
        ))
    # This morning's check-in, so the Today page opens on a verdict with its reasons.
    save_checkin(db, actor, CheckIn(
        date=today, sleep_hours=6.9, sleep_quality=3, soreness=4, sore_areas=("calves",),
        mood=4, stress=3, motivation=4, resting_hr=54, hrv_rmssd=63.0))
    _plan_and_strength(db, actor, library, start, today)
    add_form_data(mine, library, today)
    db.flush()
    return user


def _recorded(run: models.Activity, offset: int, pace: int) -> None:
    """Give a recent demo run the samples a watch with a running-dynamics sensor records."""
    samples = run_samples(SAMPLE_SEED + offset, run.duration_s / 60, pace, run.avg_hr or 140,
                          faster=run.run_type == "speed")
    distance = samples.channels["distance_m"]
    run.distance_m = round(float(distance[-1]))
    run.avg_cadence_spm = round(float(samples.channels["cadence_spm"].mean()), 1)
    run.max_hr = float(samples.channels["heart_rate_bpm"].max())
    run.moving_s = moving_seconds(samples)
    run.samples = encode_samples(samples)
    run.dynamics = dynamics_averages(samples) | {"load_method": "rpe"}
    run.source_name = f"demo-{run.day:%Y%m%d}.fit"


def demo_profile(start: dt.date) -> dict[str, object]:
    """The demo runner's strength profile: the sample week above, a 10 km race in week 16."""
    race = start + dt.timedelta(days=15 * 7)
    race += dt.timedelta(days=(6 - race.weekday()) % 7)  # the Sunday of that week
    return {"start": start.isoformat(), "weeks": 16, "experience": "some",
            "equipment": ["bodyweight", "bands", "dumbbells"], "sessions_per_week": 2,
            "minutes_per_session": 30, "placement": "easy_days", "injury_history": ["achilles_calf"],
            "run_week": {name: (WEEK[i][0] or "rest") for i, name in enumerate(WEEKDAYS)},
            "race": {"date": race.isoformat(), "distance": "10k"}}


def _plan_and_strength(db: Session, actor: Actor, library: Library, start: dt.date,
                       today: dt.date) -> None:
    """Store the demo plan and log each of its past sessions much as prescribed."""
    rng = random.Random(20261204)  # noqa: S311 - demo data, not security
    stored = plans.create_plan(db, actor, demo_profile(start), library)
    for week in stored.plan.weeks:
        for session in week.sessions:
            if session.date >= today:
                return
            sets = []
            tests = []
            for block in session.blocks:
                for p in block.exercises:
                    if p.reps is None and p.seconds is None:
                        tests += _test_results(p.exercise, week.week, rng)
                        continue
                    for _set in range(p.sets):
                        missed = rng.random() < 0.06
                        for side in (("left", "right") if p.per_side else ("both",)):
                            reps = p.reps[1] - rng.randint(0, 2) if p.reps else None
                            sets.append({"exercise": p.exercise, "side": side,
                                         "reps": reps - 3 if reps and missed else reps,
                                         "seconds": p.seconds, "rpe": rng.randint(6, 8),
                                         "completed": not missed})
            strength_log.log_session(db, actor, strength_log.parse_session({
                "date": session.date.isoformat(), "minutes": session.minutes,
                "rpe": rng.randint(5, 7), "plan_session": session.date.isoformat(),
                "notes": f"{session.focus.label} session", "sets": sets, "tests": tests}), library)


def _test_results(exercise: str, week: int, rng: random.Random) -> list[dict[str, object]]:
    """Test results that improve over the weeks; the left calf lags behind the right."""
    gain = week // 5
    base = {"push-up": [("push_ups", "both", 14)], "plank": [("plank_hold", "both", 70)],
            "single-leg-box-squat": [("single_leg_squat", "left", 8), ("single_leg_squat", "right", 9)],
            "single-leg-calf-raise": [("single_leg_calf_raise", "left", 15),
                                      ("single_leg_calf_raise", "right", 19)]}
    return [{"test": test, "side": side,
             "value": value + gain * (10 if test == "plank_hold" else 2) + rng.randint(0, 1)}
            for test, side, value in base.get(exercise, [])]
