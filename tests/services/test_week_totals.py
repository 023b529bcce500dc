"""One count of a week: the log page, the weekly summary, the load report and Progress all read
`history.week_totals`; its load is the sum of the days' loads as the load charts count them."""

from __future__ import annotations

import datetime as dt

from tests.conftest import web_login
from yolvarex.content import load_library
from yolvarex.services import history, load_report, training_load, training_log
from yolvarex.services.demo import load_demo
from yolvarex.services.training_log import CrossEntry
from yolvarex.services.week_progress import week_progress
from yolvarex.store import models
from yolvarex.store.access import Actor

LIBRARY, _ = load_library()
TODAY = dt.date(2026, 11, 25)  # a Wednesday


def test_every_face_counts_the_week_the_same_way(rt) -> None:
    with rt.db.session() as db:
        actor = Actor.of(load_demo(db, LIBRARY, TODAY))
        # a strength session without an effort rating: the charts count it at the typical
        # strength effort, so the log's week total must too (it used to count it as 0)
        db.add(models.StrengthSession(user_id=actor.id, date=TODAY - dt.timedelta(days=1),
                                      minutes=25, rpe=None))
        training_log.log_entry(db, actor, CrossEntry(date=TODAY, minutes=40, sport="cycling",
                                                     rpe=4))
    with rt.db.session() as db:
        weeks = history.week_totals(db, actor, 6, TODAY)
        first = weeks[0].monday
        loads = training_load.daily_loads(db, actor, first, TODAY)
        report = load_report.report(db, actor, TODAY, 6)
        progress = week_progress(db, actor, TODAY)
        acts = history.activities(db, actor, first, TODAY)
        strength = history.strength_sessions(db, actor, first, TODAY)
    assert [w.monday for w in weeks] == [first + dt.timedelta(weeks=i) for i in range(6)]
    assert weeks[-1].monday == dt.date(2026, 11, 23)
    assert sum(w.load for w in weeks) == sum(loads) > 0
    assert sum(w.sessions for w in weeks) == len(acts) + len(strength)
    assert sum(w.other_sessions for w in weeks) == sum(1 for a in acts if a.sport != "running")
    for w, row in zip(weeks, report["weeks"], strict=True):
        assert row["monday"] == w.monday.isoformat()
        assert (row["sessions"], row["load"]) == (w.sessions, round(w.load, 1))
    this = weeks[-1]
    assert (progress.runs_done, progress.run_km, progress.strength_done) == \
        (this.runs, round(this.run_km, 1), this.strength_sessions)
    assert this.other_minutes >= 40 and this.strength_sessions >= 1


def test_the_log_page_shows_the_weeks_totals(rt, client, make_user) -> None:
    actor = make_user("ann")
    with rt.db.session() as db:
        training_log.log_entry(db, actor, CrossEntry(date=dt.date(2026, 11, 24), minutes=30,
                                                     sport="cycling", rpe=5))
        db.add(models.StrengthSession(user_id=actor.id, date=dt.date(2026, 11, 25), minutes=20,
                                      rpe=None))
    with rt.db.session() as db:
        (week,) = history.week_totals(db, actor, 1, dt.date(2026, 11, 29))
    assert week.strength_sessions == 1 and week.load > 150  # 30 x 5, plus the strength session
    web_login(client, "ann")
    page = client.get("/log?week=2026-11-23").text
    assert f"<b>{round(week.load)}</b><span>load" in page
