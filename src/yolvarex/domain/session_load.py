"""One number for one session's load, whatever the session recorded.

All loads are in session-RPE units (RPE 0-10 x minutes, Foster et al. 2001), so that runs,
rides and strength sessions add up into one daily load (the sum of the day's sessions):

1. **Session RPE known** (you rated it, or Strava's perceived exertion): RPE x minutes.
2. **Average heart rate known**: Banister's TRIMP from heart-rate reserve, times
   `TRIMP_TO_SRPE` = 2.4. The factor puts TRIMP on the session-RPE scale: a minute at 60 % of
   heart-rate reserve gives TRIMP 1.2 (about RPE 3 on Foster's scale), at 80 % 2.4 (RPE 6),
   at 100 % 4.4 (RPE 10); 2.4 x those is within one RPE point across the range.
3. **Neither**: an estimate from the kind of session, RPE by kind (`TYPICAL_RPE`) x minutes.

The minutes are the moving time when the file has it (`load_minutes`): time stopped at a
crossing or paused is not training. A strength session is a session like any other
(`strength_session_load`): its RPE x minutes, else the typical strength RPE x minutes, and
when its length was not given, `STRENGTH_SET_MINUTES` per completed set.

Your own rating wins over heart rate because it also captures heat, hills, illness and
fatigue; heart rate wins over the estimate because it is measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TRIMP_TO_SRPE = 2.4
DEFAULT_REST_HR = 60.0
DEFAULT_MAX_HR = 190.0
#: RPE assumed for a session with neither a rating nor heart rate, by run type or sport.
TYPICAL_RPE: dict[str, float] = {
    "recovery": 2, "easy": 3, "long": 5, "tempo": 7, "speed": 8, "race": 9, "running": 4,
    "cycling": 3, "swimming": 4, "walking": 2, "hiking": 3, "strength": 5, "other": 3,
}


#: A strength set with its rest takes about two minutes (30-60 s of work, 60-90 s of rest).
STRENGTH_SET_MINUTES = 2.0


class LoadMethod(StrEnum):
    RPE = "rpe"
    HEART_RATE = "heart_rate"
    ESTIMATE = "estimate"


@dataclass(frozen=True)
class HeartRates:
    """The athlete's resting and maximum heart rate used for TRIMP."""

    rest: float = DEFAULT_REST_HR
    max: float = DEFAULT_MAX_HR
    female: bool = False


@dataclass(frozen=True)
class SessionLoad:
    load: float
    method: LoadMethod


def load_of_session(minutes: float, *, sport: str, run_type: str | None = None,
                    rpe: float | None = None, avg_hr: float | None = None,
                    hr: HeartRates | None = None) -> SessionLoad:
    """The session's load in session-RPE units and how it was found (see the module text)."""
    from yolvarex.domain.load import session_load, trimp  # (numpy: not for the constants above)

    minutes = max(float(minutes), 0.0)
    if rpe is not None:
        return SessionLoad(round(session_load(rpe, minutes), 1), LoadMethod.RPE)
    hr = hr or HeartRates()
    if avg_hr is not None and avg_hr > 0 and hr.max > hr.rest:
        value = TRIMP_TO_SRPE * trimp(minutes, avg_hr, hr.rest, hr.max, hr.female)
        return SessionLoad(round(value, 1), LoadMethod.HEART_RATE)
    typical = TYPICAL_RPE.get(run_type or "", TYPICAL_RPE.get(sport, TYPICAL_RPE["other"]))
    return SessionLoad(round(session_load(typical, minutes), 1), LoadMethod.ESTIMATE)


def load_minutes(duration_s: float, moving_s: float | None = None) -> float:
    """The minutes a session's load counts: its moving time when known, else its duration."""
    if moving_s is not None and 0 < moving_s <= duration_s:
        return moving_s / 60
    return max(duration_s, 0.0) / 60


def strength_session_load(minutes: float | None, rpe: float | None, sets: int) -> SessionLoad:
    """A strength session's load, estimated like `log cross --sport strength` without an RPE;
    without minutes, `STRENGTH_SET_MINUTES` per completed set (at least one set)."""
    if minutes is None or minutes <= 0:
        minutes = STRENGTH_SET_MINUTES * max(sets, 1)
    return load_of_session(minutes, sport="strength", rpe=rpe)
