"""Turn a profile into a dated plan: periodise the weeks, place each week's sessions on legal
days, build each session from the library, and collect what could not be done as warnings.

A deload week repeats the week before it with clearly less volume, so it brings in nothing new.
A light session on the day before or after another session is rebuilt (or trimmed, in a deload)
so that no exercise and no leg muscle is worked on consecutive days.

The plan is generated from a `Catalog` (exercises, ladders, routines and their lengths), the
part of the library the builder chooses from; the helpers here take only what they read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from yolvarex.domain.plan.adapt import reduce_legs
from yolvarex.domain.plan.builder import TARGET_PATTERNS, Builder, deload_copy, leg_load_of
from yolvarex.domain.plan.catalog import Catalog, Exercises, SessionParts
from yolvarex.domain.plan.estimate import minutes, session_seconds
from yolvarex.domain.plan.model import (
    PLACED_HEAVY,
    Focus,
    Phase,
    Plan,
    PlanWarning,
    Session,
    Week,
)
from yolvarex.domain.plan.periodisation import WeekFrame, periodise, week_foci
from yolvarex.domain.plan.placement import Placer
from yolvarex.domain.plan.profile import Experience, Placement, Profile
from yolvarex.domain.plan.rules import DayRules, clash, exercises_of, leg_muscles


@dataclass
class _Slot:
    frame: WeekFrame
    variant: int
    session: Session
    copied: bool


def generate_plan(profile: Profile, catalog: Catalog) -> Plan:
    rules = DayRules(profile)
    placer = Placer(rules)
    builder = Builder(profile, catalog)
    found: dict[tuple[str, str], list[int]] = {}
    frames = periodise(profile)
    slots: list[_Slot] = []
    prev_heavy: dt.date | None = None
    loading: list[Session] = []  # the block's last training week without tests: a deload repeats it
    block: list[_Slot] = []  # the training weeks since the last lighter week
    serving = _serving(profile, catalog.exercises)
    for frame in frames:
        days = [frame.start + dt.timedelta(days=i) for i in range(7)]
        repeat = frame.phase is Phase.DELOAD and not frame.after_race and bool(loading)
        foci = [s.focus for s in loading] if repeat else week_foci(frame, profile)
        if repeat and frame.test and foci:
            foci[-1] = Focus.TEST
        placement = placer.place(days, foci, prev_heavy)
        for issue in placement.issues:
            found.setdefault((issue.code, issue.message), []).append(frame.week)
        pool = list(loading) if repeat else []
        begin = max(0, len(slots) - 1)
        week: list[_Slot] = []
        for placed in placement.placed:
            kind = rules.kind(placed.day)
            source = None
            if placed.focus is not Focus.TEST:
                source = next((s for s in pool if s.focus is placed.focus), pool[0] if pool else None)
            if source is not None:
                pool.remove(source)
                session = deload_copy(source, catalog, placed.day, kind, serving)
                if placed.focus not in PLACED_HEAVY and session.focus in PLACED_HEAVY:
                    # the heavy session's day was lost: the same work, legs light
                    session = replace(reduce_legs(session, catalog), focus=Focus.MAINTENANCE)
            else:
                session = builder.session(placed.focus, frame, placed.variant, kind, placed.day)
            if placed.focus in PLACED_HEAVY:
                prev_heavy = placed.day
            slot = _Slot(frame, placed.variant, session, source is not None)
            week.append(slot)
            slots.append(slot)
        _space_out(slots, begin, builder)
        if repeat:
            _within_block(week, block, catalog)
            _keep_targeted(week, slots, builder)
        if not frame.normal:
            loading, block = [], []
        else:
            block += week
            if not any(s.session.focus is Focus.TEST for s in week):
                loading = [s.session for s in week]
    weeks = [Week(frame.week, frame.start, frame.phase,
                  tuple(s.session for s in slots if s.frame is frame)) for frame in frames]
    warnings = [PlanWarning(code, tuple(w), message)
                for (code, message), w in sorted(found.items(), key=lambda kv: kv[1][0])]
    if profile.placement is Placement.HARD_DAYS and profile.experience is not Experience.EXPERIENCED:
        warnings.insert(0, PlanWarning("hard_days_experience", (), (
            "Leg work after hard runs suits runners with plenty of strength experience; with "
            "less, easy and rest days let you recover better.")))
    return Plan(profile=profile, warnings=tuple(warnings), weeks=tuple(weeks))


def _space_out(slots: list[_Slot], begin: int, builder: Builder) -> None:
    """Keep every exercise and leg muscle off consecutive days: a light session next to another
    session loses what clashes (rebuilt, or trimmed when it repeats the week before). Slots
    before `begin` are settled."""
    catalog = builder.catalog
    for index in range(begin, len(slots)):
        slot = slots[index]
        if slot.session.focus in PLACED_HEAVY:
            continue
        near = [o.session for o in slots[max(0, index - 2): index + 3]
                if o is not slot and abs((o.session.date - slot.session.date).days) == 1]
        if not any(clash(slot.session, other, catalog.exercises) for other in near):
            continue
        avoid = frozenset().union(*(exercises_of(o) for o in near))
        muscles = frozenset().union(*(leg_muscles(o.prescriptions(), catalog.exercises) for o in near))
        session = slot.session
        if slot.copied:
            trimmed = _without(session, avoid, muscles, catalog)
            if sum(len(b.exercises) for b in trimmed.blocks) >= 2:
                slot.session = trimmed
                continue
            # a lighter week brings in no new leg work
            muscles = frozenset(m.lower() for e in catalog.exercises.values() if e.lower_body
                                for m in e.muscles)
        slot.session = builder.session(session.focus, slot.frame, slot.variant, session.run_day,
                                       session.date, avoid, muscles)


def _keep_targeted(week: list[_Slot], slots: list[_Slot], builder: Builder) -> None:
    """A copied session with no session on the day before or after gets back the work the
    runner's injury history asks for, if the 48 h rule took it in the week it was copied from."""
    days = {o.session.date for o in slots}
    for slot in week:
        date = slot.session.date
        if slot.copied and slot.session.focus is not Focus.TEST and \
                not {date - dt.timedelta(days=1), date + dt.timedelta(days=1)} & days:
            slot.session = builder.with_targeted(slot.session, slot.frame)


def _serving(profile: Profile, exercises: Exercises) -> frozenset[str]:
    """Exercises that serve the runner's injury history: a deload keeps them."""
    return frozenset(e.id for e in exercises.values()
                     if any(area in e.targets and e.pattern in TARGET_PATTERNS[area]
                            for area in profile.injury_history))


def _within_block(week: list[_Slot], block: list[_Slot], parts: SessionParts) -> None:
    """A deload repeats the block as it finally stands: a copied exercise that the block's last
    session lost to the 48 h rule after it was copied goes too."""
    done = frozenset().union(*(exercises_of(s.session) for s in block))
    for slot in week:
        if slot.copied:
            extra = exercises_of(slot.session) - done
            if extra:
                slot.session = _without(slot.session, extra, frozenset(), parts)


def _without(session: Session, avoid: frozenset[str], muscles: frozenset[str],
             parts: SessionParts) -> Session:
    def keeps(exercise_id: str) -> bool:
        exercise = parts.exercises[exercise_id]
        return exercise_id not in avoid and not (
            exercise.lower_body and muscles & {m.lower() for m in exercise.muscles})

    blocks = tuple(b for b in (replace(b, exercises=tuple(p for p in b.exercises if keeps(p.exercise)))
                               for b in session.blocks) if b.routine or b.exercises)
    trimmed = replace(session, blocks=blocks)
    trimmed = replace(trimmed, lower_body_load=leg_load_of(list(trimmed.prescriptions()), parts.exercises))
    return replace(trimmed, minutes=minutes(session_seconds(trimmed, parts)))


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
