"""Phases, lighter weeks and test weeks across the plan.

- With a goal race: base, build and peak before a taper (one week for 5k and 10k, two for
  longer races); the race week is part of the taper. A taper week before the race week keeps
  one short leg session; the race week has maintenance work only. Weeks after the race start with a
  recovery (deload) week and go back to base.
- Without a race: base, then build.
- A lighter (deload) week every 4th week, every 3rd for runners new to strength work.
- Performance tests in week 1 and then every 4 to 6 weeks, in a lighter week when one falls
  in that window, never in a taper week or the week after the race.
- The rung step counts the lighter weeks already done: each block climbs one rung of the ladders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from yolvarex.domain.plan.model import Focus, Phase
from yolvarex.domain.plan.profile import Distance, Experience, Profile

TAPER_WEEKS = {Distance.FIVE_K: 1, Distance.TEN_K: 1, Distance.HALF_MARATHON: 2,
               Distance.MARATHON: 2, Distance.ULTRA: 2, Distance.OTHER: 1}
TEST_MIN_GAP, TEST_TARGET_GAP, TEST_MAX_GAP = 4, 5, 6


@dataclass(frozen=True, slots=True)
class WeekFrame:
    week: int
    start: dt.date
    phase: Phase
    test: bool
    step: int  # rungs climbed so far
    position: int  # weeks since the last lighter week, 0-2
    race_week: bool = False
    after_race: bool = False  # the recovery week right after the race

    @property
    def lighter(self) -> bool:
        return self.phase in (Phase.DELOAD, Phase.TAPER)

    @property
    def normal(self) -> bool:
        """A full training week: exactly `sessions_per_week` sessions when the days allow."""
        return self.phase in (Phase.BASE, Phase.BUILD, Phase.PEAK)


def cycle_length(profile: Profile) -> int:
    return 3 if profile.experience is Experience.NEW else 4


def _loading_phases(count: int, race: bool) -> list[Phase]:
    if not race:
        base = max(1, min(6, round(count * 0.35)))
        return [Phase.BASE] * base + [Phase.BUILD] * (count - base)
    if count <= 0:
        return []
    if count == 1:
        return [Phase.PEAK]
    if count == 2:
        return [Phase.BUILD, Phase.PEAK]
    base = max(1, round(count * 0.4))
    peak = max(1, round(count * 0.2))
    build = max(1, count - base - peak)
    base = count - build - peak
    return [Phase.BASE] * base + [Phase.BUILD] * build + [Phase.PEAK] * peak


def _with_deloads(count: int, cycle: int, race: bool) -> list[Phase]:
    """Every `cycle`-th week is a deload; the other weeks run base, build (and peak) in order."""
    deload = [i % cycle == 0 for i in range(1, count + 1)]
    loading = iter(_loading_phases(deload.count(False), race))
    return [Phase.DELOAD if d else next(loading) for d in deload]


def periodise(profile: Profile) -> list[WeekFrame]:
    n, cycle = profile.weeks, cycle_length(profile)
    race_week = None
    if profile.race is not None:
        race_week = (profile.race.date - profile.start).days // 7 + 1
    phases: list[Phase] = []
    if race_week is None:
        phases = _with_deloads(n, cycle, race=False)
    else:
        taper = min(TAPER_WEEKS[profile.race.distance] if profile.race else 1, race_week)
        phases = _with_deloads(race_week - taper, cycle, race=True)
        phases += [Phase.TAPER] * taper
        for j in range(1, n - race_week + 1):
            phases.append(Phase.DELOAD if j % cycle == 1 else Phase.BASE)
    closed = {w for w, p in enumerate(phases, start=1) if p is Phase.TAPER}
    if race_week is not None:
        closed.add(race_week + 1)
    tests = _test_weeks(phases, closed)
    frames = []
    step = position = 0
    for index, phase in enumerate(phases, start=1):
        frames.append(WeekFrame(
            week=index, start=profile.start + dt.timedelta(days=7 * (index - 1)), phase=phase,
            test=index in tests, step=step, position=min(position, 2),
            race_week=index == race_week,
            after_race=race_week is not None and index == race_week + 1))
        if phase is Phase.DELOAD:
            step, position = step + 1, 0
        else:
            position += 1
    return frames


def _test_weeks(phases: list[Phase], closed: set[int]) -> set[int]:
    n = len(phases)
    open_weeks = [w for w in range(1, n + 1) if w not in closed]
    if not open_weeks:
        return set()
    tests = {open_weeks[0]}
    last = open_weeks[0]
    while True:
        window = [w for w in open_weeks if last + TEST_MIN_GAP <= w <= last + TEST_MAX_GAP]
        if not window:
            later = [w for w in open_weeks if w > last]
            if not later or (later[0] - last < TEST_MIN_GAP and n - last < TEST_MAX_GAP):
                break
            # a taper sits in the way: test as late as possible before it, or right after it
            before = [w for w in later if w <= last + TEST_MAX_GAP]
            nxt = before[-1] if before else later[0]
        else:
            deloads = [w for w in window if phases[w - 1] is Phase.DELOAD]
            target = [w for w in window if w >= last + TEST_TARGET_GAP]
            nxt = deloads[0] if deloads else (target[0] if target else window[-1])
        tests.add(nxt)
        last = nxt
    return tests


def week_foci(frame: WeekFrame, profile: Profile) -> list[Focus]:
    """The sessions a week asks for, the most constrained (heavy leg work) first."""
    n = profile.sessions_per_week
    if frame.race_week:
        foci = [Focus.MAINTENANCE]
    elif frame.phase is Phase.TAPER:
        # a short leg session before the race week, so heavy work ends 7-10 days out
        foci = [Focus.LOWER, Focus.UPPER_CORE][: max(1, n - 1)]
    elif frame.after_race:
        foci = [Focus.UPPER_CORE, Focus.MAINTENANCE][: n - 1]
    elif frame.phase is Phase.DELOAD:
        # generate_plan repeats the week before instead, when there is one
        foci = [Focus.LOWER, Focus.UPPER_CORE, Focus.MAINTENANCE][:n]
    else:
        lead = Focus.PLYO_LOWER if plyo_allowed(frame, profile) else Focus.LOWER
        foci = [lead, Focus.FULL] if n == 2 else [lead, Focus.FULL, Focus.UPPER_CORE]
    if frame.test and foci:
        foci[-1] = Focus.TEST
    return foci


def plyo_allowed(frame: WeekFrame, profile: Profile) -> bool:
    """Runners new to strength work learn to land first: plyometrics start in week 3."""
    return not (profile.experience is Experience.NEW and frame.week < 3)
