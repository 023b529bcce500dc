"""Put a week's sessions on days: heavy sessions first (leg work, plyometrics and the
performance tests), on legal days at least 48 h apart, then the light ones on the best remaining
days. When the week cannot hold what it asks for, it says so in one sentence and does the best
legal thing instead."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from yolvarex.domain.plan.model import PLACED_HEAVY, Focus
from yolvarex.domain.plan.profile import EASY_KINDS, Placement, RunKind
from yolvarex.domain.plan.rules import FULL_GAP_DAYS, HEAVY_STOP_DAYS, DayRules

DAY = dt.timedelta(days=1)
#: Which heavy session keeps its day first when the week has too few: the main leg session,
#: then the tests, then the full-body session.
HEAVY_ORDER = {Focus.PLYO_LOWER: 0, Focus.LOWER: 0, Focus.TEST: 1, Focus.FULL: 2}
TAPER_LAST_DAYS = 10  # the last heavy session falls 7-10 days before the race
TAPER_SOURCE = "coaching convention, in line with Bosquet et al. 2007"


@dataclass(frozen=True, slots=True)
class Placed:
    day: dt.date
    focus: Focus
    variant: int


@dataclass(frozen=True, slots=True)
class Issue:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class WeekPlacement:
    placed: tuple[Placed, ...]
    issues: tuple[Issue, ...]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass
class Placer:
    rules: DayRules
    _cache: dict[tuple[object, ...], tuple[WeekPlacement, dt.date]] = field(default_factory=dict)

    def _heavy_score(self, day: dt.date) -> int:
        kind = self.rules.kind(day)
        if self.rules.profile.placement is Placement.HARD_DAYS:
            return 2 if kind is RunKind.SPEED else 1
        return {RunKind.EASY: 3, RunKind.REST: 2}.get(kind, 1)

    def _light_score(self, day: dt.date) -> int:
        kind = self.rules.kind(day)
        if kind is RunKind.LONG:
            return 0
        hard_days = self.rules.profile.placement is Placement.HARD_DAYS
        if kind in EASY_KINDS:
            return 1 if hard_days else 2
        return 2 if hard_days else 1

    def place(self, days: list[dt.date], foci: list[Focus], prev_heavy: dt.date | None) -> WeekPlacement:
        """Days and foci for one week; `prev_heavy` is the last heavy session before it.

        Weeks that look the same (same run days around each day, same distance from the last
        heavy session, same sessions asked for) are placed once and shifted.
        """
        first = days[0]
        gap_in = None if prev_heavy is None else (first - prev_heavy).days
        rules = self.rules
        key = (tuple((rules.kind(d - DAY), rules.kind(d), rules.kind(d + DAY), rules.near_race(d),
                      rules.any_ok(d)) for d in days),
               gap_in if gap_in is not None and gap_in <= FULL_GAP_DAYS else None, tuple(foci))
        hit = self._cache.get(key)
        if hit is not None:
            cached, cached_first = hit
            offset = first - cached_first
            return WeekPlacement(tuple(Placed(p.day + offset, p.focus, p.variant)
                                       for p in cached.placed), cached.issues)
        result = self._place(days, foci, prev_heavy)
        self._cache[key] = (result, first)
        return result

    def _place(self, days: list[dt.date], foci: list[Focus], prev_heavy: dt.date | None) -> WeekPlacement:
        rules = self.rules
        legal = [d for d in days if rules.any_ok(d)]
        heavy = sorted((f for f in foci if f in PLACED_HEAVY), key=HEAVY_ORDER.__getitem__)
        light = [f for f in foci if f not in PLACED_HEAVY]
        candidates = [d for d in legal if rules.heavy_ok(d)
                      and (prev_heavy is None or (d - prev_heavy).days >= FULL_GAP_DAYS)]
        chosen: tuple[dt.date, ...] = ()
        for k in range(min(len(heavy), len(candidates)), 0, -1):
            combos = [c for c in itertools.combinations(candidates, k)
                      if all((b - a).days >= FULL_GAP_DAYS for a, b in itertools.pairwise(c))]
            if combos:
                chosen = max(combos, key=lambda c: self._combo_score(c, prev_heavy))
                break
        issues: list[Issue] = []
        if len(chosen) < len(heavy):
            downgraded = heavy[len(chosen):]
            heavy = heavy[: len(chosen)]
            for _ in downgraded:
                light.insert(0, Focus.MAINTENANCE if Focus.UPPER_CORE in light else Focus.UPPER_CORE)
            issues.append(self._heavy_issue(legal, chosen, downgraded))
        fallback = [d for d in chosen if rules.heavy_tier(d) == 1]
        if fallback and rules.profile.placement is Placement.HARD_DAYS:
            issues.append(Issue("legs_on_easy_day", (
                "Too few speed or tempo days can take leg work after the run, so a leg session "
                "goes on an easy or rest day instead.")))
        elif fallback:
            issues.append(Issue("legs_on_hard_day", (
                "Too few easy days are free of a hard run the next day, so a leg session goes on "
                "your speed or tempo day, after the run; choose \"easy days only\" to keep it "
                "off hard days.")))
        days_for = list(chosen)
        if Focus.TEST in heavy and len(days_for) > 1:
            # tests to failure want fresh legs: the test takes the best day, not one after a run
            best = min(days_for, key=lambda d: (rules.heavy_tier(d) or 0, d))
            days_for.remove(best)
            days_for.insert(heavy.index(Focus.TEST), best)
        placed = [Placed(day, focus, foci.index(focus) if focus in foci else i)
                  for i, (day, focus) in enumerate(zip(days_for, heavy, strict=True))]
        placed.sort(key=lambda p: p.day)
        taken = set(chosen)
        for index, focus in enumerate(light):
            free = [d for d in legal if d not in taken]
            if not free:
                issues.append(Issue("no_legal_day", (
                    f"Only {_count(len(legal), 'day')} of this week can take a strength session "
                    f"(race day, the day before it and the day after it stay free), so it has "
                    f"{_count(len(placed), 'session')} instead of {len(foci)}.")))
                break
            day = max(free, key=lambda d: (self._light_day_score(d, taken), -d.toordinal()))
            taken.add(day)
            placed.append(Placed(day, focus, len(heavy) + index))
        placed.sort(key=lambda p: p.day)
        return WeekPlacement(tuple(placed), tuple(issues))

    def _combo_score(self, combo: tuple[dt.date, ...], prev_heavy: dt.date | None) -> tuple[int, ...]:
        gaps = [(b - a).days for a, b in itertools.pairwise(combo)]
        if prev_heavy is not None:
            gaps.append((combo[0] - prev_heavy).days)
        spread = min(min(gaps, default=3), 3)
        fallback = sum(self.rules.heavy_tier(d) or 0 for d in combo)
        race = self.rules.profile.race
        early = 0 if race is None else sum(
            1 for d in combo if TAPER_LAST_DAYS < (race.date - d).days < 2 * HEAVY_STOP_DAYS)
        return (-fallback, -early, spread, sum(self._heavy_score(d) for d in combo), -combo[0].toordinal())

    def _light_day_score(self, day: dt.date, taken: set[dt.date]) -> int:
        distance = min((abs((day - t).days) for t in taken), default=3)
        return self._light_score(day) * 4 + min(distance, 3) * 3

    def _heavy_issue(self, legal: list[dt.date], chosen: tuple[dt.date, ...],
                     downgraded: list[Focus]) -> Issue:
        what = _join([f.label.lower() for f in downgraded])
        if any(self.rules.near_race(d) for d in legal if d not in chosen):
            return Issue("race_taper", (
                f"Heavy leg work, jumps and tests stop a week before your race ({TAPER_SOURCE}), "
                f"so the {what} session is lighter."))
        count = len(chosen)
        days = {0: "No day", 1: "Only one day"}.get(count, f"Only {count} days")
        return Issue("heavy_day_missing", (
            f"{days} this week can take heavy leg work (not before a hard run, after a long run "
            f"or within 48 hours of other leg work), so the {what} session is lighter."))
