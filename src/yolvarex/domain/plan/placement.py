"""Put a week's sessions on days: heavy leg sessions first, on legal days at least 48 h apart,
then the light ones on the best remaining days. When the week cannot hold what it asks for,
it says so and does the best legal thing instead."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from yolvarex.domain.plan.model import HEAVY_FOCI, Focus
from yolvarex.domain.plan.profile import EASY_KINDS, Placement, RunKind
from yolvarex.domain.plan.rules import FULL_GAP_DAYS, RACE_CLEAR_DAYS, DayRules

DAY = dt.timedelta(days=1)


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

    def place(self, days: list[dt.date], foci: list[Focus], prev_full: dt.date | None) -> WeekPlacement:
        """Days and foci for one week; `prev_full` is the last full-leg session before it.

        Weeks that look the same (same run days around each day, same distance from the last
        leg session, same sessions asked for) are placed once and shifted.
        """
        first = days[0]
        gap_in = None if prev_full is None else (first - prev_full).days
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
        result = self._place(days, foci, prev_full)
        self._cache[key] = (result, first)
        return result

    def _place(self, days: list[dt.date], foci: list[Focus], prev_full: dt.date | None) -> WeekPlacement:
        rules = self.rules
        legal = [d for d in days if rules.any_ok(d)]
        heavy = [f for f in foci if f in HEAVY_FOCI]
        light = [f for f in foci if f not in HEAVY_FOCI]
        candidates = [d for d in legal if rules.heavy_ok(d)
                      and (prev_full is None or (d - prev_full).days >= FULL_GAP_DAYS)]
        chosen: tuple[dt.date, ...] = ()
        for k in range(min(len(heavy), len(candidates)), 0, -1):
            combos = [c for c in itertools.combinations(candidates, k)
                      if all((b - a).days >= FULL_GAP_DAYS for a, b in itertools.pairwise(c))]
            if combos:
                chosen = max(combos, key=lambda c: self._combo_score(c, prev_full))
                break
        issues: list[Issue] = []
        if len(chosen) < len(heavy):
            downgraded = heavy[len(chosen):]
            heavy = heavy[: len(chosen)]
            for _ in downgraded:
                light.insert(0, Focus.MAINTENANCE if Focus.UPPER_CORE in light else Focus.UPPER_CORE)
            issues.append(self._heavy_issue(legal, candidates, chosen, downgraded, prev_full))
        placed = [Placed(day, focus, foci.index(focus) if focus in foci else i)
                  for i, (day, focus) in enumerate(zip(chosen, heavy, strict=True))]
        taken = set(chosen)
        light.sort(key=lambda f: f is not Focus.TEST)  # the test picks its day first
        for index, focus in enumerate(light):
            free = [d for d in legal if d not in taken]
            if not free:
                issues.append(Issue("no_legal_day", (
                    f"Only {len(legal)} day(s) of this week can take a strength session (not a "
                    f"race day, the day before one or the day after your race), so it has "
                    f"{len(placed)} session(s) instead of {len(foci)}.")))
                break
            day = max(free, key=lambda d: (self._light_day_score(d, focus, taken, chosen), -d.toordinal()))
            taken.add(day)
            placed.append(Placed(day, focus, len(heavy) + index))
        placed.sort(key=lambda p: p.day)
        return WeekPlacement(tuple(placed), tuple(issues))

    def _combo_score(self, combo: tuple[dt.date, ...], prev_full: dt.date | None) -> tuple[int, int, int]:
        gaps = [(b - a).days for a, b in itertools.pairwise(combo)]
        if prev_full is not None:
            gaps.append((combo[0] - prev_full).days)
        spread = min(min(gaps, default=3), 3)
        return (spread, sum(self._heavy_score(d) for d in combo), -combo[0].toordinal())

    def _light_day_score(self, day: dt.date, focus: Focus, taken: set[dt.date],
                         heavy_days: tuple[dt.date, ...]) -> int:
        distance = min((abs((day - t).days) for t in taken), default=3)
        score = self._light_score(day) * 4 + min(distance, 3) * 3
        if focus is Focus.TEST:
            score += 3 if self.rules.heavy_ok(day) else 0
            score -= 4 if any(abs((day - h).days) == 1 for h in heavy_days) else 0
        return score

    def _heavy_issue(self, legal: list[dt.date], candidates: list[dt.date],
                     chosen: tuple[dt.date, ...], downgraded: list[Focus],
                     prev_full: dt.date | None) -> Issue:
        what = _join([f.label.lower() for f in downgraded])
        if any(self.rules.near_race(d) for d in legal if d not in chosen):
            return Issue("race_taper", (
                f"Heavy leg work and jumps stop {RACE_CLEAR_DAYS} days before your race, so the "
                f"{what} session is lighter work this week: upper body, core and light leg work."))
        reasons = []
        for day in legal:
            if day in chosen:
                continue
            blocks = self.rules.heavy_blocks(day)
            if blocks:
                reasons.append(blocks[0])
            elif day in candidates or (prev_full is not None and (day - prev_full).days < FULL_GAP_DAYS):
                reasons.append(f"{day.strftime('%a').lower()} is less than 48 h from another "
                               "leg session")
        count = len(chosen)
        days = {0: "No day", 1: "Only one day", 2: "Only two days"}.get(count, f"{count} days")
        hint = ("Switch placement to easy days, or add a speed or tempo day."
                if self.rules.profile.placement is Placement.HARD_DAYS else
                "To fit another leg session, make a day next to a hard run an easy day, or move a "
                "hard run by a day.")
        why = f" The other days: {_join(reasons)}." if reasons else ""
        return Issue("heavy_day_missing", (
            f"{days} of this week can take heavy leg work within the placement rules, so the "
            f"{what} session is lighter work: upper body, core and light leg work.{why} {hint}"))
