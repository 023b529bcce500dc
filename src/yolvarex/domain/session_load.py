"""One number for one session's load, whatever the session recorded.

All loads are in session-RPE units (RPE 0-10 x minutes, Foster et al. 2001), so that runs,
rides and strength sessions add up into one daily load (the sum of the day's sessions):

1. **Session RPE known** (you rated it, or Strava's perceived exertion): RPE x minutes.
2. **Average heart rate known**: Banister's TRIMP from heart-rate reserve, times
   `TRIMP_TO_SRPE` = 2.4. The factor puts TRIMP on the session-RPE scale: a minute at 60 % of
   heart-rate reserve gives TRIMP 1.2 (about RPE 3 on Foster's scale), at 80 % 2.4 (RPE 6),
   at 100 % 4.4 (RPE 10); 2.4 x those is within one RPE point across the range.
3. **Neither**: an estimate from the kind of session, RPE by kind (`TYPICAL_RPE`) x minutes.

Your own rating wins over heart rate because it also captures heat, hills, illness and
fatigue; heart rate wins over the estimate because it is measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from yolvarex.domain.load import session_load, trimp

TRIMP_TO_SRPE = 2.4
DEFAULT_REST_HR = 60.0
DEFAULT_MAX_HR = 190.0
#: RPE assumed for a session with neither a rating nor heart rate, by run type or sport.
TYPICAL_RPE: dict[str, float] = {
    "recovery": 2, "easy": 3, "long": 5, "tempo": 7, "speed": 8, "race": 9, "running": 4,
    "cycling": 3, "swimming": 4, "walking": 2, "hiking": 3, "strength": 5, "other": 3,
}


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
    minutes = max(float(minutes), 0.0)
    if rpe is not None:
        return SessionLoad(round(session_load(rpe, minutes), 1), LoadMethod.RPE)
    hr = hr or HeartRates()
    if avg_hr is not None and avg_hr > 0 and hr.max > hr.rest:
        value = TRIMP_TO_SRPE * trimp(minutes, avg_hr, hr.rest, hr.max, hr.female)
        return SessionLoad(round(value, 1), LoadMethod.HEART_RATE)
    typical = TYPICAL_RPE.get(run_type or "", TYPICAL_RPE.get(sport, TYPICAL_RPE["other"]))
    return SessionLoad(round(session_load(typical, minutes), 1), LoadMethod.ESTIMATE)
