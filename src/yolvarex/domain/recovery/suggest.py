"""Which routines to suggest today, ranked, each with the reason in plain words.

The rules, strongest first (scores out of 100; a routine hit by several rules keeps its best
score plus 5 for each further rule, and shows every reason):

| signal                                   | occasion (main routine)                | score |
|------------------------------------------|----------------------------------------|-------|
| verdict `see_professional`               | calm; nothing else is suggested        | 100   |
| verdict `rest`                           | rest_day (full-body-recovery)          | 100   |
| planned speed, tempo or race             | before_hard_run (pre-run-warm-up)      | 90    |
| a long run done today / planned today    | after_long_run (after-the-long-run)    | 88/85 |
| planned strength session                 | before_strength (pre-strength-warm-up) | 85    |
| sore areas from the check-in             | the 2 recovery routines most on them   | 60-90 |
| a long run done yesterday                | after_long_run                         | 75    |
| verdict `cross_train`                    | cross_train_day                        | 70    |
| planned rest day (verdict allows)        | rest_day                               | 60    |
| planned hard run on a `modify` day       | before_easy_run and after_run          | 60/50 |
| planned easy or recovery run             | after_run, before_easy_run             | 50/35 |
| a run done today                         | after_run                              | 45    |
| under 7 hours of sleep                   | bedtime                                | 45    |
| stress 4 or 5 of 5                       | calm                                   | 45    |
| nothing else                             | after_run, desk_day                    | 20/15 |

Routines that list an occasion in `also_suits` get half its score. A `rest`,
`cross_train` or `see_professional` verdict cancels the planned run and strength session, so
their warm-ups are not suggested. What was done recently counts too: a routine already finished
today drops to a quarter of its score, one finished yesterday to 85% (except the verdict's own
routine: a second rest day in a row still starts with the rest-day routine).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.recovery.areas import area_label, join_words, normalise_areas
from yolvarex.domain.recovery.occasions import Occasion
from yolvarex.domain.recovery.timeline import Segment
from yolvarex.domain.units import duration as format_duration
from yolvarex.domain.verdict import Verdict

SECONDARY = 0.5
EXTRA_RULE_BONUS = 5.0
MIN_AREA_SHARE = 0.25
AREA_ROUTINES = 2
SHORT_SLEEP_HOURS = 7.0
HIGH_STRESS = 4
DONE_TODAY = 0.25
DONE_YESTERDAY = 0.85


class RoutineBook(Protocol):
    """What suggestions read from the library: the routines, the body areas their movements
    work on, and each routine laid out in time. The loaded `Library` is one."""

    @property
    def routines(self) -> Mapping[str, Routine]: ...
    @property
    def movements(self) -> Mapping[str, Movement]: ...
    def routine_timeline(self, routine_id: str) -> tuple[Segment, ...]: ...
    def routine_seconds(self, routine_id: str) -> int: ...


class SessionKind(StrEnum):
    """What a day holds: the run-day kinds, plus a strength session and cross-training."""

    REST = "rest"
    EASY = "easy"
    RECOVERY = "recovery"
    SPEED = "speed"
    TEMPO = "tempo"
    LONG = "long"
    RACE = "race"
    STRENGTH = "strength"
    CROSS_TRAIN = "cross_train"


HARD = frozenset({SessionKind.SPEED, SessionKind.TEMPO, SessionKind.RACE})
_HARD_NAMES = {SessionKind.SPEED: "Speed session", SessionKind.TEMPO: "Tempo run",
               SessionKind.RACE: "Race"}


@dataclass(frozen=True)
class Done:
    """A routine finished on a day."""

    routine: str
    day: dt.date


@dataclass(frozen=True)
class Run:
    """A run already done (from the log), with its kind when known (easy, long, ...)."""

    day: dt.date
    kind: str | None = None


@dataclass(frozen=True)
class Situation:
    today: dt.date
    verdict: Verdict | None = None
    sore_areas: tuple[str, ...] = ()  # free text, as the check-in has it
    planned: tuple[SessionKind, ...] = ()
    runs: tuple[Run, ...] = ()  # runs done today or yesterday
    done: tuple[Done, ...] = ()  # routines finished recently
    sleep_hours: float | None = None
    stress: int | None = None


@dataclass(frozen=True)
class Suggestion:
    id: str
    title: str
    reasons: tuple[str, ...]
    score: float
    seconds: int

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


@dataclass(frozen=True)
class _Hit:
    routine: str
    score: float
    reason: str
    daily: bool = False  # meant for every such day: doing it yesterday costs it nothing


def _for_occasion(book: RoutineBook, occasion: Occasion, score: float, reason: str,
                  also: bool = True) -> list[_Hit]:
    """The routine that suits the occasion at `score`; those it also suits at half, if `also`."""
    label = occasion.label
    also_reason = f"Also a good fit {label[0].lower()}{label[1:]}."
    hits = []
    for routine in book.routines.values():
        if occasion in routine.suits:
            hits.append(_Hit(routine.id, score, reason))
        elif also and occasion in routine.also_suits:
            hits.append(_Hit(routine.id, score * SECONDARY, also_reason))
    return hits


@dataclass(frozen=True)
class AreaCover:
    """How a routine works on some body areas."""

    focus: float  # 0..1, each block weighted by the share of its movement's areas that match
    seconds_on: int  # seconds of blocks whose movement works on any of the areas
    seconds: int  # the routine's total
    covered: tuple[str, ...]  # which of the areas it reaches, in the order asked

    @property
    def rank(self) -> float:
        """Half focus, half plain share of time: dedicated routines win, broad ones still count."""
        return 0.5 * self.focus + 0.5 * (self.seconds_on / self.seconds if self.seconds else 0.0)


def area_cover(book: RoutineBook, routine_id: str, areas: Iterable[str]) -> AreaCover:
    """How much of the routine works on `areas`.

    A calf stretch counts fully toward sore calves; a leg swing (hips and hamstrings) counts
    half toward sore hamstrings, so routines made for an area beat ones that touch it in passing.
    """
    wanted = tuple(dict.fromkeys(areas))
    covered: set[str] = set()
    focus = 0.0
    on = total = 0
    for segment in book.routine_timeline(routine_id):
        total += segment.seconds
        body = book.movements[segment.movement].body_areas
        hit = set(wanted) & set(body)
        if hit:
            focus += segment.seconds * len(hit) / len(body)
            on += segment.seconds
            covered |= hit
    return AreaCover(focus=focus / total if total else 0.0, seconds_on=on, seconds=total,
                     covered=tuple(a for a in wanted if a in covered))


def _named(areas: tuple[str, ...]) -> str:
    labels = [area_label(a) for a in areas]
    if len(labels) > 3:
        return ", ".join(labels[:3]) + " and more"
    return join_words(labels)


WARM_UPS = frozenset({Occasion.BEFORE_HARD_RUN, Occasion.BEFORE_EASY_RUN, Occasion.BEFORE_STRENGTH})


def is_warm_up(book: RoutineBook, routine_id: str) -> bool:
    """A routine made only for before a session (all its occasions are warm-up occasions)."""
    routine = book.routines[routine_id]
    occasions = set(routine.suits) | set(routine.also_suits)
    return bool(occasions) and occasions <= WARM_UPS


def _area_hits(book: RoutineBook, areas: tuple[str, ...]) -> list[_Hit]:
    ranked = []
    for routine_id in book.routines:
        if is_warm_up(book, routine_id):
            continue  # soreness calls for recovery work, not a warm-up
        cover = area_cover(book, routine_id, areas)
        if cover.seconds_on:
            ranked.append((cover.rank, -cover.seconds, routine_id, cover))
    ranked.sort(reverse=True)
    # The routines that work most on the areas; if none works on them much, still the best one.
    chosen = [r for r in ranked[:AREA_ROUTINES] if r[0] >= MIN_AREA_SHARE] or ranked[:1]
    hits = []
    for rank, _, routine_id, cover in chosen:
        those = "that area" if len(cover.covered) == 1 else "those areas"
        hits.append(_Hit(routine_id, 60 + 30 * rank,
                         f"Sore {_named(cover.covered)}: {format_duration(cover.seconds_on)}"
                         f" of its {format_duration(cover.seconds)} work on {those}."))
    return hits


def _verdict_hits(book: RoutineBook, verdict: Verdict | None) -> list[_Hit]:
    """Hits for today's verdict; they are daily: a second rest day in a row wants the same."""
    return [_Hit(h.routine, h.score, h.reason, daily=True) for h in _verdict_occasion(book, verdict)]


def _verdict_occasion(book: RoutineBook, verdict: Verdict | None) -> list[_Hit]:
    if verdict is Verdict.SEE_PROFESSIONAL:
        return _for_occasion(book, Occasion.CALM, 100,
                             "Get checked before you train again; until then, slow breathing is "
                             "the only routine we suggest.")
    if verdict is Verdict.REST:
        return _for_occasion(book, Occasion.REST_DAY, 100,
                             "Today is a rest day: gentle full-body mobility keeps you moving "
                             "without adding load.")
    if verdict is Verdict.CROSS_TRAIN:
        return _for_occasion(book, Occasion.CROSS_TRAIN_DAY, 70,
                             "No running today: mobility work pairs well with your "
                             "cross-training.")
    return []


def _planned_hits(book: RoutineBook, planned: tuple[SessionKind, ...],
                  verdict: Verdict | None) -> list[_Hit]:
    hits: list[_Hit] = []
    easy_day = verdict is Verdict.MODIFY
    for kind in planned:
        if kind in HARD:
            name = _HARD_NAMES[kind]
            if easy_day:
                hits += _for_occasion(book, Occasion.BEFORE_EASY_RUN, 60,
                                      f"{name} planned, but today's verdict is to keep it easy: "
                                      "a short primer is enough before an easy run.")
                hits += _for_occasion(book, Occasion.AFTER_RUN, 50,
                                      "Cool down after today's easy run.")
            else:
                hits += _for_occasion(book, Occasion.BEFORE_HARD_RUN, 90,
                                      f"{name} today: warm up with dynamic moves before it, "
                                      "not long static holds.")
        elif kind is SessionKind.LONG:
            if easy_day:
                hits += _for_occasion(book, Occasion.AFTER_RUN, 55,
                                      "Your long run is shorter and easy today: cool down "
                                      "after it.")
            else:
                hits += _for_occasion(book, Occasion.AFTER_LONG_RUN, 85,
                                      "Long run today: do this once you are home, to ease "
                                      "your legs.")
        elif kind in (SessionKind.EASY, SessionKind.RECOVERY):
            hits += _for_occasion(book, Occasion.AFTER_RUN, 50,
                                  f"{kind.value.capitalize()} run today: cool down afterwards.")
            hits += _for_occasion(book, Occasion.BEFORE_EASY_RUN, 35,
                                  "A short primer gets your legs ready for today's run.")
        elif kind is SessionKind.STRENGTH:
            hits += _for_occasion(book, Occasion.BEFORE_STRENGTH, 85,
                                  "Strength session today: warm up first so your first set "
                                  "moves well.")
        elif kind is SessionKind.REST:
            hits += _for_occasion(book, Occasion.REST_DAY, 60,
                                  "Your plan has a rest day: easy mobility keeps you loose.")
        elif kind is SessionKind.CROSS_TRAIN:
            hits += _for_occasion(book, Occasion.CROSS_TRAIN_DAY, 50,
                                  "Cross-training today: add some mobility around it.")
    return hits


def _run_hits(book: RoutineBook, runs: tuple[Run, ...], today: dt.date) -> list[_Hit]:
    hits: list[_Hit] = []
    yesterday = today - dt.timedelta(days=1)
    for run in runs:
        if run.kind == SessionKind.LONG and run.day == today:
            hits += _for_occasion(book, Occasion.AFTER_LONG_RUN, 88,
                                  "You ran long today: this eases your legs afterwards.")
        elif run.kind == SessionKind.LONG and run.day == yesterday:
            hits += _for_occasion(book, Occasion.AFTER_LONG_RUN, 75,
                                  "You ran long yesterday: this helps your legs the day after.")
        elif run.day == today:
            hits += _for_occasion(book, Occasion.AFTER_RUN, 45,
                                  "You ran today: a short cool-down helps you settle.")
    return hits


def _wellbeing_hits(book: RoutineBook, situation: Situation) -> list[_Hit]:
    hits: list[_Hit] = []
    if situation.sleep_hours is not None and situation.sleep_hours < SHORT_SLEEP_HOURS:
        hits += _for_occasion(book, Occasion.BEDTIME, 45,
                              f"You slept {situation.sleep_hours:g} hours: a calm wind-down "
                              "tonight can help you settle earlier.")
    if situation.stress is not None and situation.stress >= HIGH_STRESS:
        hits += _for_occasion(book, Occasion.CALM, 45,
                              "You feel stressed: a few minutes of slow breathing can settle you.")
    return hits


def _fallback(book: RoutineBook) -> list[_Hit]:
    return (_for_occasion(book, Occasion.AFTER_RUN, 20, "A good habit after any run.",
                          also=False)
            + _for_occasion(book, Occasion.DESK_DAY, 15,
                            "A few minutes that undo a day of sitting.", also=False))


def suggest(situation: Situation, book: RoutineBook, limit: int = 5) -> tuple[Suggestion, ...]:
    """Ranked suggestions for the situation; the best first, at most `limit`."""
    verdict = situation.verdict
    hits = _verdict_hits(book, verdict)
    if verdict is Verdict.SEE_PROFESSIONAL:
        hits += _for_occasion(book, Occasion.BEDTIME, 40,
                              "A calm evening routine is fine while you wait to be seen.")
    else:
        if verdict not in (Verdict.REST, Verdict.CROSS_TRAIN):
            hits += _planned_hits(book, situation.planned, verdict)
        hits += _run_hits(book, situation.runs, situation.today)
        areas = normalise_areas(situation.sore_areas).known
        if areas:
            hits += _area_hits(book, areas)
        hits += _wellbeing_hits(book, situation)
        if not hits:
            hits = _fallback(book)
    return _rank(book, hits, situation, limit)


def _rank(book: RoutineBook, hits: list[_Hit], situation: Situation, limit: int) -> tuple[Suggestion, ...]:
    by_routine: dict[str, list[_Hit]] = {}
    for hit in hits:
        by_routine.setdefault(hit.routine, []).append(hit)
    yesterday = situation.today - dt.timedelta(days=1)
    done_today = {d.routine for d in situation.done if d.day == situation.today}
    done_yesterday = {d.routine for d in situation.done if d.day == yesterday}
    out = []
    for routine_id, group in by_routine.items():
        group.sort(key=lambda h: -h.score)
        reasons = list(dict.fromkeys(h.reason for h in group))
        score = group[0].score + EXTRA_RULE_BONUS * (len(reasons) - 1)
        if routine_id in done_today:
            score *= DONE_TODAY
            reasons.append("You already did it today.")
        elif routine_id in done_yesterday and not group[0].daily:
            score *= DONE_YESTERDAY
            reasons.append("You did it yesterday too.")
        out.append(Suggestion(id=routine_id, title=book.routines[routine_id].title,
                              reasons=tuple(reasons), score=round(score, 1),
                              seconds=book.routine_seconds(routine_id)))
    out.sort(key=lambda s: (-s.score, s.seconds, s.id))
    return tuple(out[:limit])
