"""A demo runner with a believable eight-week history, so every page has something to show.

The history is generated from a fixed seed and ends yesterday, so running it again gives the
same weeks shifted to the new date. It never touches a user that is not marked as a demo user.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.load import session_load
from yolvarex.errors import Conflict
from yolvarex.ingest.summary import dynamics_averages, moving_seconds
from yolvarex.services import accounts
from yolvarex.services.checkins import save_checkin
from yolvarex.services.demo_form import add_form_data
from yolvarex.services.demo_samples import run_samples
from yolvarex.store import models
from yolvarex.store.access import Actor
from yolvarex.store.samples import encode_samples

DEMO_PASSWORD = "demo-runner"  # noqa: S105 - a published demo login, not a secret
RECORDED_WEEKS = 4  # the last weeks' runs carry watch samples (see services/demo_samples.py)
SAMPLE_SEED = 7100
WEEKS = 8

# The seed's sample week: (run type, minutes, RPE, strength focus)
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
STRENGTH = {
    "lower": [("glute-bridge", 12, None), ("single-leg-glute-bridge", 10, None), ("plank", None, 40)],
    "upper_core": [("plank", None, 45), ("glute-bridge", 15, None)],
    "full": [("single-leg-glute-bridge", 10, None), ("plank", None, 40), ("glute-bridge", 15, None)],
}


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=dt.UTC)


def load_demo(db: Session, library: Library, today: dt.date, name: str = "demo") -> models.User:
    """Create (or recreate) the demo runner's history up to yesterday. Idempotent."""
    user = db.scalar(select(models.User).where(models.User.name == name.strip().lower()))
    if user is None:
        user = accounts.create_user(db, name, DEMO_PASSWORD)
        user.settings = {"demo": True}
    elif not (user.settings or {}).get("demo"):
        raise Conflict(f"{user.name!r} is a real account, not a demo user; pick another name "
                       "with --user.")
    for model in (models.CheckIn, models.Activity, models.StrengthSession, models.PerformanceTest,
                  models.RoutineCompletion):
        db.execute(delete(model).where(model.user_id == user.id))
    db.flush()

    rng = random.Random(20261125)  # noqa: S311 - demo data, not security
    actor = Actor.of(user)
    start = today - dt.timedelta(days=WEEKS * 7)
    for offset in range(WEEKS * 7):
        day = start + dt.timedelta(days=offset)
        week = offset // 7
        lighter = week in (3, 7)
        growth = 1.0 + 0.04 * (week % 4)
        run_type, minutes, rpe, focus = WEEK[day.weekday()]
        soreness = rng.randint(1, 3)
        if run_type:
            minutes_done = round(minutes * growth * (0.8 if lighter else 1.0))
            if run_type == "long":
                minutes_done = round((75 + 6 * week) * (0.8 if lighter else 1.0))
            pace = PACE_S_PER_KM[run_type] + rng.randint(-8, 8)
            run = models.Activity(
                user_id=user.id, sport="running", run_type=run_type, source="demo",
                name=f"{run_type.capitalize()} run", start=_at(day, 7),
                duration_s=minutes_done * 60, moving_s=minutes_done * 60 - rng.randint(0, 60),
                distance_m=round(minutes_done * 60 / pace * 1000),
                avg_hr=AVG_HR[run_type] + rng.randint(-3, 3),
                max_hr=AVG_HR[run_type] + 18 + rng.randint(0, 6),
                avg_cadence_spm=round(168 + rng.uniform(-3, 3) + (6 if run_type == "speed" else 0)),
                rpe=rpe, load=session_load(rpe, minutes_done), dynamics={})
            if week >= WEEKS - RECORDED_WEEKS:
                _recorded(run, offset, pace)
            db.add(run)
            if run_type in ("speed", "long"):
                soreness += 1
        if focus and (not lighter or focus == "lower"):
            _strength_day(db, user.id, day, focus, rng, library)
        if run_type == "long" and "post-run-cool-down" in library.routines:
            db.add(models.RoutineCompletion(
                user_id=user.id, routine="post-run-cool-down", source="web",
                completed_at=_at(day, 9),
                seconds=library.routine_seconds("post-run-cool-down")))
        for routine, hour, wanted in (("pre-run-warm-up", 6, run_type == "speed"),
                                      ("full-body-recovery", 18, day.weekday() == 6 and not lighter)):
            if wanted and routine in library.routines:
                db.add(models.RoutineCompletion(
                    user_id=user.id, routine=routine, source="web", completed_at=_at(day, hour),
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
    for week, bonus in ((0, 0), (5, 3)):
        day = start + dt.timedelta(days=week * 7 + 4)
        results = (("push_ups", "both", 14 + bonus), ("plank_hold", "both", 75 + 10 * bonus),
                   ("single_leg_squat", "left", 8 + bonus), ("single_leg_squat", "right", 10 + bonus),
                   ("single_leg_calf_raise", "left", 18 + bonus),
                   ("single_leg_calf_raise", "right", 19 + bonus))
        for test, side, value in results:
            db.add(models.PerformanceTest(user_id=user.id, date=day, test=test, side=side, value=value))
    add_form_data(db, library, user.id, today)
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
    run.source_name = f"demo-{run.start:%Y%m%d}.fit"


def _strength_day(db: Session, user_id: int, day: dt.date, focus: str, rng: random.Random,
                  library: Library) -> None:
    session = models.StrengthSession(user_id=user_id, date=day, minutes=25, rpe=rng.randint(5, 7),
                                     notes=f"{focus.replace('_', ' ')} session")
    position = 0
    for exercise, reps, seconds in STRENGTH[focus]:
        if exercise not in library.exercises:
            continue
        unilateral = library.exercises[exercise].unilateral
        for _set in range(3):
            for side in (("left", "right") if unilateral else ("both",)):
                position += 1
                session.sets.append(models.StrengthSet(
                    position=position, exercise=exercise, reps=reps, seconds=seconds, side=side,
                    rpe=rng.randint(6, 8)))
    db.add(session)
