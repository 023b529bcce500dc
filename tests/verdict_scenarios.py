"""The verdict scenario table: what published guidance says a runner should do, case by case.

Each row is written from its source (an id in the evidence library): the expected verdict is
what that source's rule gives, not what the code happens to do. Every row runs twice:

- stateless (`tests/domain/test_verdict_scenarios.py`): today's check-in and the context facts
  go straight to the shipped trees, as `yolvarex decide` does;
- stored (`tests/services/test_verdict_scenarios_stored.py`): the same day is written to a
  real database as check-ins and logged runs, and `services.decisions.decide_day` derives the
  context itself (baselines, sleep and soreness streaks, illness carried forward, load,
  performance trend, the planned session).

`today` is None when the runner has not checked in today. `past` maps days back to the
check-in of that day; `runs` lists (days back, minutes, load, run type, km, avg HR).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

DAY = dt.date(2026, 11, 25)
SP, XT = "see_professional", "cross_train"
Run = tuple[int, float, float, str | None, float | None, float | None]


@dataclass(frozen=True)
class Scenario:
    name: str
    source: str  # evidence id whose rule sets the expected verdict
    tree: str  # the tree that encodes that rule
    verdict: str  # the day's verdict (the most conservative tree wins)
    today: dict[str, Any] | None
    context: dict[str, Any] = field(default_factory=dict)
    past: dict[int, dict[str, Any]] = field(default_factory=dict)
    runs: tuple[Run, ...] = ()
    tree_verdict: str | None = None  # the tree's own verdict when it is not the day's


# --- stored histories that give the context facts ----------------------------------------

def baseline(days: int = 40) -> dict[int, dict[str, Any]]:
    """A steady morning routine: resting HR 49-51 bpm, rMSSD 57-63 ms, nothing else."""
    return {back: {"resting_hr": 49 + 2 * (back % 2), "hrv_rmssd": 57.0 + 6 * (back % 2)}
            for back in range(1, days + 1)}


# the normal range the baseline above gives, as context facts (ln rMSSD)
_LN = (math.log(57.0) + math.log(63.0)) / 2
HRV_RANGE = {"hrv_ln_normal_low": round(_LN - 0.025, 3), "hrv_ln_normal_high": round(_LN + 0.025, 3)}
HRV_LOW = {"hrv_ln_mean_7d": round((6 * _LN + math.log(30.0)) / 7, 3), **HRV_RANGE}
HRV_OK = {"hrv_ln_mean_7d": round(_LN, 3), **HRV_RANGE}


def merge(*parts: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for part in parts:
        for back, fields in part.items():
            out[back] = {**out.get(back, {}), **fields}
    return out


def weeks_of(loads: list[float], weeks: int = 6, start: int = 1) -> tuple[Run, ...]:
    """Repeat a week of daily loads (index 0 = the most recent day); 0 is a rest day."""
    runs = []
    for back in range(start, start + 7 * weeks):
        value = loads[(back - start) % 7]
        if value:
            runs.append((back, value / 6, value, "easy", None, None))
    return tuple(runs)


def streak(days: int, before_weeks: int = 5) -> tuple[Run, ...]:
    """`days` training days in a row before today (alternating 100 and 500), a rest day, and
    ordinary weeks with one rest day before that."""
    recent = [(back, (100 if back % 2 else 500) / 6, 100.0 if back % 2 else 500.0, "easy",
               None, None) for back in range(1, days + 1)]
    return tuple(recent) + weeks_of([0, 100, 500, 100, 500, 100, 500], before_weeks, days + 2)


def trend_runs(declining: bool) -> tuple[Run, ...]:
    """Six weeks of steady 40-minute runs at 145 bpm; slower over the last two when declining."""
    runs = []
    for back in range(1, 43):
        if back % 7 == 0:
            continue
        kmh = 10.5 if declining and back <= 14 else 11.5
        runs.append((back, 40.0, 200.0, "easy", 40 / 60 * kmh, 145.0))
    return tuple(runs)


def sore_days(days: int, level: int = 6) -> dict[int, dict[str, Any]]:
    """Soreness `level` on each of the `days - 1` days before today (today comes from `today`)."""
    return {back: {"soreness": level} for back in range(1, days)}


CLEAN = {"symptoms": [], "red_flags": [], "pain": 0}
TEMPO_TODAY: tuple[Run, ...] = ((0, 50.0, 350.0, "tempo", None, None),)
SPEED_TODAY: tuple[Run, ...] = ((0, 45.0, 360.0, "speed", None, None),)

# --- the table -------------------------------------------------------------------------------

S = Scenario
SCENARIOS: tuple[Scenario, ...] = (
    # Cardiac red flags: stop and get checked; nothing softens it (ACSM 2021).
    S("chest pain on exertion", "acsm-2021", "red-flags", SP, {"red_flags": ["chest_pain"]}),
    S("fainting", "acsm-2021", "red-flags", SP, {"red_flags": ["fainting"]}),
    S("palpitations", "acsm-2021", "red-flags", SP, {"red_flags": ["palpitations"]}),
    S("unusual breathlessness", "acsm-2021", "red-flags", SP, {"red_flags": ["breathlessness"]}),
    S("chest pain on an otherwise perfect tempo day", "acsm-2021", "red-flags", SP,
      {**CLEAN, "red_flags": ["chest_pain"], "sleep_hours": 8, "soreness": 1, "mood": 5},
      {"planned": "tempo"}, runs=TEMPO_TODAY),
    S("palpitations with a fever", "acsm-2021", "red-flags", SP,
      {"red_flags": ["palpitations"], "symptoms": ["fever"]}),
    # Illness: the neck check (Eichner 1993) and fever (Schwellnus 2016).
    S("runny nose only", "eichner-1993", "illness", "modify", {"symptoms": ["runny_nose"]}),
    S("sore throat and sneezing", "eichner-1993", "illness", "modify",
      {"symptoms": ["sore_throat", "sneezing"]}),
    S("stuffy nose only", "eichner-1993", "illness", "modify", {"symptoms": ["stuffy_nose"]}),
    S("cough", "eichner-1993", "illness", "rest", {"symptoms": ["cough"]}),
    S("chest congestion", "eichner-1993", "illness", "rest", {"symptoms": ["chest_congestion"]}),
    S("body aches", "eichner-1993", "illness", "rest", {"symptoms": ["body_aches"]}),
    S("upset stomach", "eichner-1993", "illness", "rest", {"symptoms": ["stomach_upset"]}),
    S("fever ticked", "schwellnus-2016", "illness", "rest", {"symptoms": ["fever"]}),
    S("temperature 38.4 C, nothing ticked", "schwellnus-2016", "illness", "rest",
      {"symptoms": [], "temperature_c": 38.4}),
    S("temperature 37.5 C", "schwellnus-2016", "illness", "train",
      {"symptoms": [], "temperature_c": 37.5}),
    S("runny nose with 38.2 C", "schwellnus-2016", "illness", "rest",
      {"symptoms": ["runny_nose"], "temperature_c": 38.2}),
    S("cough yesterday, clean today", "schwellnus-2016", "illness", "modify", {"symptoms": []},
      {"symptom_free_days": 1}, past={1: {"symptoms": ["cough"]}}),
    S("cough two days ago, clean since", "schwellnus-2016", "illness", "modify", {"symptoms": []},
      {"symptom_free_days": 2}, past={2: {"symptoms": ["cough"]}, 1: {"symptoms": []}}),
    S("fever four days ago, three clean days since", "schwellnus-2016", "illness", "train",
      {"symptoms": []}, {"symptom_free_days": 4},
      past={4: {"symptoms": ["fever"]}, 3: {}, 2: {}, 1: {}}),
    S("fever and body aches yesterday, no check-in today", "schwellnus-2016", "illness", "rest",
      None, {"carried_symptoms": ["body_aches", "fever"], "symptom_free_days": 0},
      past={1: {"symptoms": ["body_aches"], "temperature_c": 39.2}}),
    S("fever and body aches yesterday, clean check-in today", "schwellnus-2016", "illness",
      "modify", {"symptoms": []}, {"symptom_free_days": 1},
      past={1: {"symptoms": ["body_aches"], "temperature_c": 39.2}}),
    S("runny nose yesterday, no check-in today", "eichner-1993", "illness", "modify", None,
      {"carried_symptoms": ["runny_nose"], "symptom_free_days": 0},
      past={1: {"symptoms": ["runny_nose"]}}),
    S("fever three days ago, no check-in since", "schwellnus-2016", "illness", "rest", None,
      {"carried_symptoms": ["fever"], "symptom_free_days": 0},
      past={3: {"symptoms": ["fever"]}}),
    S("cough two days ago, missed yesterday, clean today", "schwellnus-2016", "illness",
      "modify", {"symptoms": []}, {"symptom_free_days": 1},
      past={2: {"symptoms": ["cough"]}}),
    S("unusual tiredness only", "schwellnus-2016", "illness", "modify", {"symptoms": ["fatigue"]}),
    # The pain-monitoring model (Silbernagel 2007).
    S("no pain", "silbernagel-2007", "pain", "train", {"pain": 0}),
    S("pain 2, steady", "silbernagel-2007", "pain", "train",
      {"pain": 2, "pain_trend_in_run": "same", "pain_next_morning": "same"}),
    S("pain 1, better as the run goes on", "silbernagel-2007", "pain", "train",
      {"pain": 1, "pain_trend_in_run": "better"}),
    S("pain 2, worse the next morning", "silbernagel-2007", "pain", "modify",
      {"pain": 2, "pain_next_morning": "worse"}),
    S("pain 3 that settles overnight", "silbernagel-2007", "pain", "modify",
      {"pain": 3, "pain_next_morning": "settled"}),
    S("pain 5, dull, settles overnight", "silbernagel-2007", "pain", "modify",
      {"pain": 5, "pain_kind": "dull", "pain_next_morning": "settled"}),
    S("pain 4, next morning not answered", "silbernagel-2007", "pain", "modify", {"pain": 4}),
    S("pain 4 that did not settle", "silbernagel-2007", "pain", XT,
      {"pain": 4, "pain_next_morning": "same"}),
    S("pain 6", "silbernagel-2007", "pain", SP, {"pain": 6}),
    S("pain 9 that settled", "silbernagel-2007", "pain", SP,
      {"pain": 9, "pain_next_morning": "settled"}),
    S("pain 3 that builds during the run", "warden-2014", "pain", SP,
      {"pain": 3, "pain_trend_in_run": "worse"}),
    # Bone-stress injury warning signs (Warden 2014): whatever the pain score.
    S("pain 0, hurts on hopping (shin)", "warden-2014", "pain", SP,
      {"pain": 0, "pain_on_hop": True, "pain_area": "shin"}),
    S("pain 0, hurts at night (hip)", "warden-2014", "pain", SP,
      {"pain": 0, "pain_at_night": True, "pain_area": "hip"}),
    S("sharp pinpoint pain, no score (tibia)", "warden-2014", "pain", SP,
      {"pain_kind": "sharp", "pain_area": "tibia"}),
    S("pain 2, sharp, same next morning", "warden-2014", "pain", SP,
      {"pain": 2, "pain_kind": "sharp", "pain_next_morning": "same"}),
    S("pain 3 at rest", "warden-2014", "pain", SP, {"pain": 3, "pain_at_rest": True}),
    S("pain 2 that changes the stride", "warden-2014", "pain", SP,
      {"pain": 2, "pain_changes_gait": True}),
    S("no score, hurts at night", "warden-2014", "pain", SP, {"pain_at_night": True}),
    S("pain 1 on hopping, nothing else", "warden-2014", "pain", SP,
      {"pain": 1, "pain_on_hop": True, "pain_at_night": False, "pain_at_rest": False,
       "pain_changes_gait": False, "pain_kind": "dull"}),
    # Resting heart rate with HRV (Kiviniemi 2007, Vesterinen 2016, Buchheit 2014).
    S("HRV below its normal range, resting HR normal", "kiviniemi-2007", "readiness", "modify",
      {"resting_hr": 50, "hrv_rmssd": 30.0}, {**HRV_LOW, "resting_hr_delta": 0},
      past=baseline()),
    S("HRV below range and resting HR +6", "kiviniemi-2007", "readiness", "modify",
      {"resting_hr": 56, "hrv_rmssd": 30.0}, {**HRV_LOW, "resting_hr_delta": 6},
      past=baseline()),
    S("resting HR +6 with HRV in its normal range", "vesterinen-2016", "readiness", "train",
      {"resting_hr": 56, "hrv_rmssd": 60.0}, {**HRV_OK, "resting_hr_delta": 6},
      past=baseline()),
    S("resting HR +6, HRV not measured", "buchheit-2014", "readiness", "modify",
      {"resting_hr": 56}, {"resting_hr_delta": 6},
      past={b: {"resting_hr": 49 + 2 * (b % 2)} for b in range(1, 40)}),
    S("resting HR +2, HRV in range, speed planned", "kiviniemi-2007", "readiness", "train",
      {"resting_hr": 52, "hrv_rmssd": 60.0, "sleep_hours": 7.5, "soreness": 2},
      {**HRV_OK, "resting_hr_delta": 2, "planned": "speed"}, past=baseline(),
      runs=SPEED_TODAY),
    S("HRV below range, tempo planned", "vesterinen-2016", "readiness", "modify",
      {"resting_hr": 50, "hrv_rmssd": 30.0, "sleep_hours": 7.5, "soreness": 2},
      {**HRV_LOW, "resting_hr_delta": 0, "planned": "tempo"}, past=baseline(),
      runs=TEMPO_TODAY),
    # Short sleep (Craven 2022 for one night, Watson 2015 for a pattern).
    S("4.0 h last night, speed planned, no history", "craven-2022", "readiness", "modify",
      {"sleep_hours": 4.0}, {"planned": "speed"}, runs=SPEED_TODAY),
    S("4.0 h last night after a 7.5 h night, speed planned", "craven-2022", "readiness",
      "modify", {"sleep_hours": 4.0}, {"planned": "speed", "short_sleep_nights_3d": 1},
      past={1: {"sleep_hours": 7.5}}, runs=SPEED_TODAY),
    S("two short nights of the last three", "watson-2015", "readiness", "modify",
      {"sleep_hours": 7.5}, {"short_sleep_nights_3d": 2},
      past={1: {"sleep_hours": 5.5}, 2: {"sleep_hours": 5.0}}),
    S("7.5 h last night, one short night two days ago", "watson-2015", "readiness", "train",
      {"sleep_hours": 7.5}, {"short_sleep_nights_3d": 1},
      past={1: {"sleep_hours": 7.0}, 2: {"sleep_hours": 5.0}}),
    S("8 h last night", "watson-2015", "readiness", "train", {"sleep_hours": 8.0}),
    # Overreaching (Meeusen 2013): performance down, mood down, soreness that lasts.
    S("slower, low mood, sore three days", "meeusen-2013", "overreaching", "rest",
      {"mood": 2, "soreness": 6}, {"performance_trend": "declining", "soreness_days": 3},
      past=sore_days(3), runs=trend_runs(True)),
    S("slower, low motivation, sore four days", "meeusen-2013", "overreaching", "rest",
      {"mood": 3, "motivation": 2, "soreness": 5},
      {"performance_trend": "declining", "soreness_days": 4},
      past=sore_days(4), runs=trend_runs(True)),
    S("slower and sore three days, mood fine", "meeusen-2013", "overreaching", "modify",
      {"mood": 4, "motivation": 4, "soreness": 6},
      {"performance_trend": "declining", "soreness_days": 3},
      past=sore_days(3), runs=trend_runs(True)),
    S("low mood and sore three days, performance stable", "meeusen-2013", "overreaching",
      "modify", {"mood": 2, "motivation": 3, "soreness": 5},
      {"performance_trend": "stable", "soreness_days": 3},
      past=sore_days(3), runs=trend_runs(False)),
    S("slower only", "meeusen-2013", "overreaching", "train",
      {"mood": 4, "motivation": 4, "soreness": 1},
      {"performance_trend": "declining", "soreness_days": 0}, runs=trend_runs(True)),
    # Load: EWMA acute:chronic ratio (Williams 2017, Gabbett 2016), monotony and strain
    # (Foster 1998), days without a rest day (Meeusen 2013).
    S("a week well above the month before (ACWR above 1.5)", "gabbett-2016", "load", "modify",
      CLEAN, {"acwr": 1.7, "days_since_rest": 6},
      runs=weeks_of([1400, 600, 1400, 600, 1400, 600, 0], 1)
      + weeks_of([200, 200, 200, 200, 200, 200, 0], 5, 8)),
    S("steady weeks (ACWR near 1)", "williams-2017", "load", "train", CLEAN,
      {"acwr": 1.0, "monotony": 1.6, "strain": 2100, "days_since_rest": 6},
      runs=weeks_of([350, 150, 350, 150, 350, 150, 0])),
    S("uniform hard weeks: monotony above 2 at high strain", "foster-1998", "load", "rest",
      CLEAN, {"acwr": 1.0, "monotony": 2.3, "strain": 8200, "days_since_rest": 6},
      runs=weeks_of([600, 600, 600, 600, 600, 600, 0])),
    S("eleven training days in a row", "meeusen-2013", "load", XT, CLEAN,
      {"days_since_rest": 11, "acwr": 1.2, "monotony": 1.5, "strain": 3000}, runs=streak(11)),
    S("fifteen training days in a row", "meeusen-2013", "load", "rest", CLEAN,
      {"days_since_rest": 15, "acwr": 1.2, "monotony": 1.5, "strain": 3000}, runs=streak(15)),
)
