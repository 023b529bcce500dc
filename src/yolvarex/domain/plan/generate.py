"""Turn a profile into a dated plan: periodise the weeks, place each week's sessions on legal
days, build each session from the library, and collect what could not be done as warnings."""

from __future__ import annotations

import datetime as dt

from yolvarex.content.library import Library
from yolvarex.content.schemas.exercise import LegLoad
from yolvarex.domain.plan.builder import Builder
from yolvarex.domain.plan.model import Plan, PlanWarning, Week
from yolvarex.domain.plan.periodisation import periodise, week_foci
from yolvarex.domain.plan.placement import Placer
from yolvarex.domain.plan.profile import Experience, Placement, Profile
from yolvarex.domain.plan.rules import DayRules


def generate_plan(profile: Profile, library: Library) -> Plan:
    rules = DayRules(profile)
    placer = Placer(rules)
    builder = Builder(profile, library)
    found: dict[tuple[str, str], list[int]] = {}
    weeks = []
    prev_full: dt.date | None = None
    for frame in periodise(profile):
        days = [frame.start + dt.timedelta(days=i) for i in range(7)]
        placement = placer.place(days, week_foci(frame, profile), prev_full)
        for issue in placement.issues:
            found.setdefault((issue.code, issue.message), []).append(frame.week)
        sessions = []
        for placed in placement.placed:
            session = builder.session(placed.focus, frame, placed.variant, rules.kind(placed.day),
                                      placed.day)
            if session.lower_body_load is LegLoad.FULL:
                prev_full = placed.day
            sessions.append(session)
        weeks.append(Week(frame.week, frame.start, frame.phase, tuple(sessions)))
    warnings = [PlanWarning(code, tuple(w), message)
                for (code, message), w in sorted(found.items(), key=lambda kv: kv[1][0])]
    if profile.placement is Placement.HARD_DAYS and profile.experience is not Experience.EXPERIENCED:
        warnings.insert(0, PlanWarning("hard_days_experience", (), (
            "Stacking strength on hard days suits runners with plenty of strength experience; "
            "with less, easy_days placement recovers better.")))
    return Plan(profile=profile, warnings=tuple(warnings), weeks=tuple(weeks))


def format_weeks(weeks: tuple[int, ...] | list[int]) -> str:
    """`1-3, 5` for weeks 1, 2, 3 and 5."""
    parts: list[str] = []
    run: list[int] = []
    for week in sorted(weeks):
        if run and week == run[-1] + 1:
            run.append(week)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [week]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)
