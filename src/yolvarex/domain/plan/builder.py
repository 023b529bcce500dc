"""Build one session: warm-up, then plyometrics while fresh, then strength (single-leg first),
then core; doses set by phase and week; trimmed until it fits the runner's minutes.

Light sessions (upper body and core, maintenance, tests) never carry full leg load: an exercise
that loads the legs fully appears there as a single set, and plyometrics not at all. A test to
failure on a leg exercise is full leg load, so test sessions are placed like heavy legs.

A session can be asked to avoid exercises and leg muscles (those of a session on the day
before or after); a deload week repeats the week before with less volume (`deload_copy`).

The builder reads a `Catalog` rather than one mapping: choosing a session draws on exercises,
their ladders and the warm-up routine's length together (`plan.catalog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from yolvarex.content.schemas.exercise import Area, Exercise, LegLoad, Pattern
from yolvarex.domain.perftest import TESTS
from yolvarex.domain.plan.catalog import Catalog, Exercises, SessionParts
from yolvarex.domain.plan.estimate import minutes, prescription_seconds, session_seconds
from yolvarex.domain.plan.ladders import START_LEVEL, TOP_LEVEL, Ladders, ladders_matching
from yolvarex.domain.plan.model import HEAVY_FOCI, Block, BlockKind, Focus, Phase, Prescription, Session
from yolvarex.domain.plan.periodisation import WeekFrame
from yolvarex.domain.plan.profile import Experience, Profile, RunKind

WARMUP = "pre-strength-warm-up"
WARMUP_SHORT = "pre-strength-warm-up-short"
SHORT_SESSION_MINUTES = 25
BLOCK_ORDER = (BlockKind.WARMUP, BlockKind.PLYOMETRIC, BlockKind.STRENGTH, BlockKind.TEST,
               BlockKind.CORE, BlockKind.COOLDOWN)
TRUNK = frozenset({Pattern.ANTI_EXTENSION, Pattern.ANTI_ROTATION})

#: What each injury history asks for: hip and glute work for the knee and IT band, calf and
#: soleus work for the Achilles and shin, foot and calf work for the plantar fascia, and trunk
#: work for the low back.
TARGET_PATTERNS: dict[Area, frozenset[Pattern]] = {
    Area.KNEE: frozenset({Pattern.HINGE, Pattern.LATERAL}),
    Area.IT_BAND: frozenset({Pattern.HINGE, Pattern.LATERAL}),
    Area.HIP: frozenset({Pattern.HINGE, Pattern.LATERAL}),
    Area.SHIN: frozenset({Pattern.CALF}),
    Area.ACHILLES_CALF: frozenset({Pattern.CALF}),
    Area.PLANTAR_FASCIA: frozenset({Pattern.CALF}),
    Area.LOW_BACK: frozenset({Pattern.ANTI_EXTENSION, Pattern.ANTI_ROTATION, Pattern.LATERAL}),
}
AREA_WORDS = {Area.KNEE: "knee", Area.IT_BAND: "IT band", Area.HIP: "hip", Area.SHIN: "shin",
              Area.ACHILLES_CALF: "Achilles and calf", Area.PLANTAR_FASCIA: "plantar fascia",
              Area.LOW_BACK: "low back"}

Accepts = Callable[[Exercise], bool]
SLOTS: dict[str, Accepts] = {
    "knee": lambda e: e.pattern in (Pattern.SINGLE_LEG, Pattern.SQUAT),
    "hinge": lambda e: e.pattern is Pattern.HINGE,
    "calf": lambda e: e.pattern is Pattern.CALF,
    "hip": lambda e: e.pattern is Pattern.LATERAL and e.lower_body,
    "plyo": lambda e: e.plyometric,
    "push": lambda e: e.pattern is Pattern.UPPER_PUSH,
    "pull": lambda e: e.pattern is Pattern.UPPER_PULL,
    "shoulder": lambda e: e.pattern is Pattern.SHOULDER_STABILITY,
    "front": lambda e: e.pattern is Pattern.ANTI_EXTENSION,
    "rot": lambda e: e.pattern is Pattern.ANTI_ROTATION,
    "side": lambda e: e.pattern is Pattern.LATERAL and not e.lower_body,
}

# (slot, block, priority): higher priority survives trimming longer; 10+ is never dropped.
Template = tuple[tuple[str, BlockKind, int], ...]
S, C, P = BlockKind.STRENGTH, BlockKind.CORE, BlockKind.PLYOMETRIC
TEMPLATES: dict[Focus, Template] = {
    Focus.PLYO_LOWER: (("plyo", P, 10), ("plyo", P, 2), ("knee", S, 10), ("hinge", S, 8),
                       ("calf", S, 6), ("hip", S, 3), ("side", C, 5), ("front", C, 4)),
    Focus.LOWER: (("knee", S, 10), ("hinge", S, 9), ("calf", S, 7), ("hip", S, 4),
                  ("front", C, 5), ("side", C, 3)),
    Focus.FULL: (("knee", S, 10), ("push", S, 8), ("hinge", S, 9), ("pull", S, 7),
                 ("calf", S, 5), ("rot", C, 4)),
    Focus.UPPER_CORE: (("push", S, 10), ("pull", S, 9), ("shoulder", S, 5), ("hip", S, 3),
                       ("front", C, 8), ("rot", C, 6), ("side", C, 7)),
    Focus.MAINTENANCE: (("knee", S, 10), ("hinge", S, 8), ("push", S, 7), ("pull", S, 6),
                        ("calf", S, 5), ("side", C, 4)),
    Focus.TEST: (("rot", C, 3), ("side", C, 2)),
}
RPE = {Phase.BASE: 7, Phase.BUILD: 8, Phase.PEAK: 8, Phase.TAPER: 6, Phase.DELOAD: 6}


def leg_load_of(prescriptions: list[Prescription] | tuple[Prescription, ...],
                exercises: Exercises) -> LegLoad:
    """Honest leg load: full with any plyometric, any full-load exercise done for 2+ sets, or a
    leg test to failure; light with any other leg work; none without leg work."""
    load = LegLoad.NONE
    for p in prescriptions:
        exercise = exercises[p.exercise]
        to_failure = p.reps is None and p.seconds is None
        if exercise.plyometric or (exercise.lower_body and to_failure) or (
                exercise.leg_load is LegLoad.FULL and p.sets >= 2):
            return LegLoad.FULL
        if exercise.lower_body:
            load = LegLoad.LIGHT
    return load


DELOAD_VOLUME = 0.65  # a deload aims at about 35% less volume...
DELOAD_MAX_VOLUME = 0.7  # ...and never keeps more than 70% (30-50% less)


def deload_copy(session: Session, parts: SessionParts, date: dt.date, day_kind: RunKind,
                keep: frozenset[str] = frozenset()) -> Session:
    """The same session with clearly less volume and effort: nothing new in a lighter week.

    Sets come off the exercises with the most sets first until the volume is down to about
    65%; when single sets leave it above 70%, reps drop to the bottom of their range, and then
    the smallest exercises drop out (at least two stay, and those in `keep` always do)."""
    items = [replace(p, rpe_target=None if p.rpe_target is None
                     else min(p.rpe_target, RPE[Phase.DELOAD]))
             for p in session.prescriptions()]
    full = session.volume
    while sum(p.volume for p in items) > full * DELOAD_VOLUME:
        reducible = [i for i, p in enumerate(items) if p.sets > 1]
        if not reducible:
            break
        i = max(reducible, key=lambda i: (items[i].sets, items[i].volume))
        items[i] = replace(items[i], sets=items[i].sets - 1)
    if sum(p.volume for p in items) > full * DELOAD_MAX_VOLUME:
        items = [replace(p, reps=(p.reps[0], p.reps[0]) if p.reps else None,
                         seconds=max(10, 5 * round(p.seconds * 0.7 / 5)) if p.seconds else None)
                 for p in items]
    dropped: set[int] = set()
    while len(items) - len(dropped) > 2 and sum(
            p.volume for i, p in enumerate(items) if i not in dropped) > full * DELOAD_MAX_VOLUME:
        left = [i for i, p in enumerate(items)
                if i not in dropped and p.volume and p.exercise not in keep]
        if not left:
            break
        dropped.add(min(left, key=lambda i: items[i].volume))
    lighter = iter([None if i in dropped else p for i, p in enumerate(items)])
    blocks = tuple(replace(b, exercises=tuple(p for p in (next(lighter) for _ in b.exercises) if p))
                   for b in session.blocks)
    blocks = tuple(b for b in blocks if b.routine or b.exercises)
    copy = replace(session, date=date, run_day=day_kind, blocks=blocks)
    load = leg_load_of(list(copy.prescriptions()), parts.exercises)
    return replace(copy, lower_body_load=load,
                   minutes=minutes(session_seconds(copy, parts)))


@dataclass
class _Item:
    block: BlockKind
    priority: int
    prescription: Prescription
    seconds: float = 0.0


@dataclass
class Builder:
    """Builds sessions for one profile; identical requests are built once."""

    profile: Profile
    catalog: Catalog
    ladders: Ladders = field(init=False)
    _memo: dict[tuple[object, ...], tuple[tuple[Block, ...], int]] = field(default_factory=dict)
    _chosen: dict[tuple[object, ...], Exercise | None] = field(default_factory=dict)
    _doses: dict[tuple[object, ...], Prescription] = field(default_factory=dict)
    _fitted: dict[tuple[object, ...], list[tuple[BlockKind, int, Prescription, float]]] = field(
        default_factory=dict)

    def __post_init__(self) -> None:
        self._avoid_muscles: frozenset[str] = frozenset()
        self.ladders = Ladders(self.catalog, frozenset(self.profile.equipment))
        self._candidates = {name: ladders_matching(self.catalog, accepts)
                            for name, accepts in SLOTS.items()}
        self.budget = self.profile.minutes_per_session * 60
        self.warmup = WARMUP_SHORT if self.profile.minutes_per_session <= SHORT_SESSION_MINUTES \
            else WARMUP
        if self.warmup not in self.catalog.routines:
            self.warmup = WARMUP
        self._warmup_seconds = self.catalog.routine_seconds(self.warmup) \
            if self.warmup in self.catalog.routines else 0

    def session(self, focus: Focus, frame: WeekFrame, variant: int, day_kind: RunKind,
                date: dt.date, avoid: frozenset[str] = frozenset(),
                avoid_muscles: frozenset[str] = frozenset()) -> Session:
        """A session; `avoid` exercises and leg exercises working `avoid_muscles` are left out."""
        key = (focus, frame.phase, frame.step, frame.position, variant, frame.week < 3, avoid,
               avoid_muscles)
        if key not in self._memo:
            self._avoid_muscles = avoid_muscles
            self._memo[key] = self._build(focus, frame, variant, avoid)
            self._avoid_muscles = frozenset()
        blocks, mins = self._memo[key]
        load = leg_load_of([p for b in blocks for p in b.exercises], self.catalog.exercises)
        return Session(date=date, run_day=day_kind, focus=focus, lower_body_load=load,
                       minutes=mins, blocks=blocks)

    # -- choosing exercises ------------------------------------------------------------------

    def _build(self, focus: Focus, frame: WeekFrame, variant: int,
               avoid: frozenset[str]) -> tuple[tuple[Block, ...], int]:
        light = focus not in HEAVY_FOCI
        used: set[str] = set(avoid)
        items: list[_Item] = []
        if focus is Focus.TEST:
            at_hand = frozenset(self.profile.equipment)
            for spec in TESTS.values():
                protocol = spec.protocol(
                    lambda e: self.catalog.exercises[e].allowed_with(at_hand))
                if protocol is None:  # nothing at hand to do it with: leave this test out
                    continue
                used.add(protocol.exercise)
                items.append(_Item(BlockKind.TEST, 20, Prescription(
                    exercise=protocol.exercise, sets=1, reps=None, seconds=None,
                    per_side=spec.sided, tempo=None, rest_s=120, rpe_target=None,
                    note=protocol.how)))
        plyo_count = 0
        for slot, block, priority in TEMPLATES[focus]:
            if block is BlockKind.PLYOMETRIC:
                if plyo_count and (self.profile.experience is Experience.NEW
                                   or self.profile.minutes_per_session < 35):
                    continue
                plyo_count += 1
            exercise = self._choose(slot, frame, variant + max(plyo_count - 1, 0), used, light)
            if exercise is None:
                continue
            used.add(exercise.id)
            items.append(_Item(block, priority, self._prescribe(exercise, block, frame, light)))
        if focus is not Focus.TEST:
            items += self._targeted(items, frame, used, light)
        items = self._fit(items)
        blocks = [Block(BlockKind.WARMUP, routine=self.warmup)]
        for kind in BLOCK_ORDER[1:]:
            chosen = tuple(i.prescription for i in items if i.block is kind)
            if chosen:
                blocks.append(Block(kind, exercises=chosen))
        return tuple(blocks), minutes(self._seconds(items))

    def with_targeted(self, session: Session, frame: WeekFrame) -> Session:
        """`session` with the work each injury history asks for, where it lacks it (a copied
        session can have lost it to the 48 h rule in the week it was copied from)."""
        items = [_Item(b.kind, 0, p) for b in session.blocks for p in b.exercises]
        used = {i.prescription.exercise for i in items}
        added = self._targeted(items, frame, used, light=True)
        if not added:
            return session
        items += added
        blocks = [b for b in session.blocks if not b.exercises]  # the warm-up and cool-down
        for kind in BLOCK_ORDER[1:]:
            chosen = tuple(i.prescription for i in items if i.block is kind)
            if chosen:
                blocks.append(Block(kind, exercises=chosen))
        blocks.sort(key=lambda b: BLOCK_ORDER.index(b.kind))
        fuller = replace(session, blocks=tuple(blocks),
                         lower_body_load=leg_load_of([p for b in blocks for p in b.exercises],
                                                     self.catalog.exercises))
        length = minutes(session_seconds(fuller, self.catalog))
        if length > self.profile.minutes_per_session:
            return session  # no room: the copy stays as it was
        return replace(fuller, minutes=length)

    def _fits(self, exercise: Exercise, used: set[str], light: bool) -> bool:
        if exercise.lower_body and self._avoid_muscles & {m.lower() for m in exercise.muscles}:
            return False
        return exercise.id not in used and not (light and exercise.plyometric)

    def _choose(self, slot: str, frame: WeekFrame, variant: int, used: set[str],
                light: bool) -> Exercise | None:
        key = (slot, frame.step, frame.phase is Phase.TAPER, variant, frozenset(used), light,
               self._avoid_muscles)
        if key not in self._chosen:
            self._chosen[key] = self._choose_uncached(slot, frame, variant, used, light)
        return self._chosen[key]

    def _choose_uncached(self, slot: str, frame: WeekFrame, variant: int, used: set[str],
                         light: bool) -> Exercise | None:
        experience = self.profile.experience
        step = max(0, frame.step - (1 if frame.phase is Phase.TAPER else 0))
        if slot == "plyo":
            step //= 2  # landings progress more slowly than strength
        candidates = self._candidates[slot]
        for offset in range(len(candidates)):
            ladder = candidates[(variant + offset) % len(candidates)]
            picked = self.ladders.pick(ladder, experience, step,
                                       lambda e: self._fits(e, used, light))
            if picked is not None:
                return picked
        accepts = SLOTS[slot]
        pool = [e for e in self.catalog.exercises.values()
                if accepts(e) and self.ladders.allowed(e) and self._fits(e, used, light)
                and e.level <= TOP_LEVEL[experience]]
        if not pool:
            return None
        target = min(START_LEVEL[experience] + step // 2, TOP_LEVEL[experience])
        pool.sort(key=lambda e: (abs(e.level - target), e.id))
        best = [e for e in pool if abs(e.level - target) == abs(pool[0].level - target)]
        return best[variant % len(best)]

    def _targeted(self, items: list[_Item], frame: WeekFrame, used: set[str],
                  light: bool) -> list[_Item]:
        added: list[_Item] = []
        chosen = [self.catalog.exercises[i.prescription.exercise] for i in items]
        for area in self.profile.injury_history:
            patterns = TARGET_PATTERNS[area]
            serving = [i for i, e in zip(items, chosen, strict=False)
                       if area in e.targets and e.pattern in patterns]
            if serving:
                serving[0].priority = max(serving[0].priority, 15)  # keep it when trimming
                continue
            pool = [e for e in self.catalog.exercises.values()
                    if area in e.targets and e.pattern in patterns and self.ladders.allowed(e)
                    and self._fits(e, used, light)
                    and e.level <= TOP_LEVEL[self.profile.experience]]
            if not pool:
                continue
            target = START_LEVEL[self.profile.experience]
            pool.sort(key=lambda e: (abs(e.level - target), e.leg_load is LegLoad.FULL, e.id))
            exercise = pool[0]
            used.add(exercise.id)
            chosen.append(exercise)
            block = BlockKind.CORE if exercise.pattern in TRUNK or not exercise.lower_body \
                else BlockKind.STRENGTH
            prescription = replace(self._prescribe(exercise, block, frame, light),
                                   note=f"Added for your {AREA_WORDS[area]} history.")
            added.append(_Item(block, 15, prescription))
        return added

    # -- doses -------------------------------------------------------------------------------

    def _prescribe(self, exercise: Exercise, block: BlockKind, frame: WeekFrame,
                   light: bool) -> Prescription:
        key = (exercise.id, block, frame.phase, frame.position, light)
        if key not in self._doses:
            self._doses[key] = self._prescribe_uncached(exercise, block, frame, light)
        return self._doses[key]

    def _prescribe_uncached(self, exercise: Exercise, block: BlockKind, frame: WeekFrame,
                            light: bool) -> Prescription:
        dose, phase, pos = exercise.dose, frame.phase, frame.position
        new = self.profile.experience is Experience.NEW
        sets = dose.sets
        if new and phase is Phase.BASE:
            sets = min(sets, 2)
        if phase in (Phase.DELOAD, Phase.TAPER):
            sets = max(1, sets - 1)
        if block is BlockKind.PLYOMETRIC:
            sets = min(sets, 3 if phase in (Phase.BUILD, Phase.PEAK) else 2)
        if light and exercise.leg_load is LegLoad.FULL:
            sets = 1
        reps, seconds = dose.reps, dose.seconds
        ramp = 2 * pos if phase in (Phase.BASE, Phase.BUILD) else 0
        if reps is not None:
            lo, hi = reps
            if block is not BlockKind.PLYOMETRIC and ramp and hi < 20:
                lo, hi = min(lo + ramp, 20), min(hi + ramp, 20)
            elif block is BlockKind.PLYOMETRIC and ramp:
                lo, hi = lo + pos, hi + pos
            if phase is Phase.PEAK and block is BlockKind.STRENGTH and exercise.lower_body:
                lo, hi = max(3, lo - 2), max(3, hi - 2)
            if phase is Phase.TAPER:
                hi = lo + (hi - lo) // 2
            reps = (lo, hi)
        if seconds is not None:
            seconds = min(90, seconds + (5 * pos if ramp else 0) + (10 if phase is Phase.PEAK else 0))
        tempo = dose.tempo
        if tempo and phase is Phase.PEAK and block is BlockKind.STRENGTH:
            down, *rest = tempo.split("-")
            tempo = "-".join([str(min(int(down), 2)), *rest])
        rest_s = dose.rest_s
        if block is BlockKind.PLYOMETRIC:
            rest_s = max(rest_s, 60)
        elif phase in (Phase.BUILD, Phase.PEAK) and exercise.leg_load is LegLoad.FULL:
            rest_s += 15
        rpe = RPE[phase] - (1 if new and phase in (Phase.BASE, Phase.BUILD) else 0)
        if block is BlockKind.PLYOMETRIC:
            rpe = min(rpe, 6)
        elif block is BlockKind.CORE:
            rpe = min(rpe, 7)
        return Prescription(exercise=exercise.id, sets=sets, reps=reps, seconds=seconds,
                            per_side=exercise.unilateral, tempo=tempo, rest_s=rest_s,
                            rpe_target=rpe)

    # -- fitting the minutes -----------------------------------------------------------------

    def _seconds(self, items: list[_Item]) -> float:
        return self._warmup_seconds + sum(i.seconds for i in items)

    def _fit(self, items: list[_Item]) -> list[_Item]:
        """Drop and shorten the least important work until the session fits the minutes."""
        key = tuple((i.block, i.priority, i.prescription) for i in items)
        if key not in self._fitted:
            self._fitted[key] = [(i.block, i.priority, i.prescription, i.seconds)
                                 for i in self._fit_uncached(items)]
        return [_Item(b, pr, p, sec) for b, pr, p, sec in self._fitted[key]]

    def _fit_uncached(self, items: list[_Item]) -> list[_Item]:
        items = list(items)
        for item in items:
            item.seconds = prescription_seconds(item.prescription, self.catalog.exercises)
        stages: list[tuple[str, int]] = [("drop", 4), ("sets", 2), ("drop", 7), ("sets", 1),
                                         ("drop", 9), ("drop", 14)]
        for action, limit in stages:
            while self._seconds(items) > self.budget:
                if action == "drop":
                    droppable = [i for i in items if i.priority <= limit]
                    if not droppable or len(items) <= 2:
                        break
                    items.remove(min(droppable, key=lambda i: i.priority))
                else:
                    longer = [i for i in items if i.prescription.sets > limit]
                    if not longer:
                        break
                    item = max(longer, key=lambda i: i.seconds)
                    item.prescription = replace(item.prescription, sets=item.prescription.sets - 1)
                    item.seconds = prescription_seconds(item.prescription, self.catalog.exercises)
            if self._seconds(items) <= self.budget:
                break
        while self._seconds(items) > self.budget and len(items) > 1:
            items.remove(min(items, key=lambda i: i.priority))
        return items
