"""Build a warm-up drill block of 5-15 minutes for the faults that matter most to this runner.

1. Focus on the top `MAX_FOCUS` faults (from run findings or the self-assessment); with none,
   build a general block for every runner from `GENERAL_DRILLS` (marching, quick feet, relaxed
   strides, skips and hops), each counted under the `GENERAL_FOCUS` fault it serves.
2. Take turns between those faults: each turn picks the first drill the fault lists (authors
   list the most useful first) that is a warm-up drill, at or below the runner's level, not
   chosen yet and fits; a drill that does not fit may shrink to fewer sets, down to half its
   sets. In the first round each fault gets an equal share of the minutes, so the top fault
   cannot take the whole block; later rounds fill what is left, preferring full doses.
3. Order the block gentlest first: prep, technique, power, then running drills.
4. Give each drill one cue: a cue it trains for the fault it was chosen for, external first.
5. Name one cue for the run itself (the top fault's best cue) and the drills to weave into the
   run or do at its end for those faults.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from yolvarex.domain.form.content import STAGE_ORDER, DrillInfo, FormContent, best_cue

MIN_MINUTES = 5
MAX_MINUTES = 15
MAX_FOCUS = 3
GENERAL_FOCUS = ("overstriding", "long-ground-contact", "tense-upper-body")
GENERAL_DRILLS = ("a-march", "quick-feet", "relaxed-strides", "a-skip", "pogo-hops", "high-knees")


@dataclass(frozen=True)
class SessionItem:
    order: int
    drill: str
    fault: str
    cue: str | None
    sets: int
    dose: str
    minutes: float


@dataclass(frozen=True)
class DrillSession:
    minutes_available: int
    focus: tuple[str, ...]
    general: bool  # True when no findings or assessment were there to go on
    items: tuple[SessionItem, ...]
    run_cue: str | None
    in_run: tuple[str, ...]

    @property
    def minutes(self) -> float:
        return round(sum(i.minutes for i in self.items), 1)


def _fit(drill: DrillInfo, left: float) -> tuple[int, float] | None:
    """(sets, minutes) of the drill that fit in `left` minutes, or None."""
    sets = drill.dose.sets
    if drill.minutes <= left + 1e-9:
        return sets, drill.minutes
    per_set = drill.minutes / sets
    fit = int((left + 1e-9) // per_set)
    if fit >= max(1, math.ceil(sets / 2)):
        return fit, round(per_set * fit, 1)
    return None


def build_session(focus: Sequence[str], minutes: int, content: FormContent,
                  max_level: int = 2) -> DrillSession:
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"a drill block takes {MIN_MINUTES}-{MAX_MINUTES} minutes, not {minutes}")
    targets = tuple(dict.fromkeys(f for f in focus if f in content.faults))[:MAX_FOCUS]
    general = not targets
    if general:
        targets = tuple(f for f in GENERAL_FOCUS if f in content.faults)
    left = float(minutes)
    chosen: list[tuple[str, str, int, float]] = []  # drill, fault, sets, minutes
    taken: set[str] = set()
    first_round = True
    progress = True
    while progress:
        progress = False
        for index, fault_id in enumerate(targets):
            budget = left / (len(targets) - index) if first_round else left
            candidates = (tuple(d for d in GENERAL_DRILLS if d in content.drills
                                and fault_id in content.drills[d].faults)
                          if general else content.faults[fault_id].drills)
            eligible = [d for d in candidates if d in content.drills and d not in taken
                        and content.drills[d].when == "warm_up"
                        and content.drills[d].level <= max_level]
            fits = [(d, *fit) for d in eligible if (fit := _fit(content.drills[d], budget))]
            if not first_round:  # when filling up, a drill at its full dose before a shrunk one
                fits.sort(key=lambda f: f[1] < content.drills[f[0]].dose.sets)
            for drill_id, sets, mins in fits[:1]:
                chosen.append((drill_id, fault_id, sets, mins))
                taken.add(drill_id)
                left -= mins
                progress = True
        first_round = False
    position = {d: i for i, (d, *_rest) in enumerate(chosen)}
    chosen.sort(key=lambda c: (STAGE_ORDER.index(str(content.drills[c[0]].stage))
                               if str(content.drills[c[0]].stage) in STAGE_ORDER else 9,
                               position[c[0]]))
    items = tuple(
        SessionItem(order=i + 1, drill=drill_id, fault=fault_id,
                    cue=best_cue(content, fault_id, among=content.drills[drill_id].cues)
                    or (content.drills[drill_id].cues[0] if content.drills[drill_id].cues else None),
                    sets=sets, dose=content.drills[drill_id].dose.text(sets), minutes=mins)
        for i, (drill_id, fault_id, sets, mins) in enumerate(chosen))
    in_run = tuple(dict.fromkeys(
        d for f in targets for d in content.faults[f].drills
        if d in content.drills and content.drills[d].when != "warm_up"
        and content.drills[d].level <= max_level))[:2]
    return DrillSession(minutes_available=minutes, focus=targets, general=general, items=items,
                        run_cue=best_cue(content, targets[0]) if targets else None, in_run=in_run)
