"""The runner's profile: what the plan generator needs to know, with the public JSON names.

```
{"start": "2026-12-07", "weeks": 12, "experience": "new|some|experienced",
 "equipment": ["bodyweight", "bands", "dumbbells", "kettlebell"],
 "sessions_per_week": 2, "minutes_per_session": 30,
 "run_week": {"mon": "easy", ..., "sun": "rest"},
 "race": {"date": "2027-03-07", "distance": "half_marathon"},
 "injury_history": ["knee"], "placement": "easy_days|hard_days|easy_days_only"}
```
Bodyweight is always available, so it is added to `equipment` when missing; so are a chair, a
step and a table when the profile lists none of the household items (`HOUSEHOLD`). With a race and no
`weeks`, the plan runs to the end of the race week (`weeks_to_race`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from yolvarex.content.schemas.exercise import COMMON_HOUSEHOLD, HOUSEHOLD, Area, Equipment

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_WEEKS = 52


class RunKind(StrEnum):
    REST = "rest"
    EASY = "easy"
    RECOVERY = "recovery"
    SPEED = "speed"
    TEMPO = "tempo"
    LONG = "long"
    RACE = "race"


#: Runs that a heavy leg session must not come the day before.
HARD: frozenset[RunKind] = frozenset({RunKind.SPEED, RunKind.TEMPO, RunKind.LONG, RunKind.RACE})
#: Days the seed's rule pairs strength with.
EASY_KINDS: frozenset[RunKind] = frozenset({RunKind.REST, RunKind.EASY, RunKind.RECOVERY})


class Experience(StrEnum):
    NEW = "new"
    SOME = "some"
    EXPERIENCED = "experienced"


class Placement(StrEnum):
    """Where heavy leg work goes: easy days first (a hard day after the run when no easy day
    fits), hard days only, or easy days only (lighter work when none fits)."""

    EASY_DAYS = "easy_days"
    HARD_DAYS = "hard_days"
    EASY_DAYS_ONLY = "easy_days_only"


class Distance(StrEnum):
    FIVE_K = "5k"
    TEN_K = "10k"
    HALF_MARATHON = "half_marathon"
    MARATHON = "marathon"
    ULTRA = "ultra"
    OTHER = "other"


_AREA_ALIASES = {"achilles": "achilles_calf", "calf": "achilles_calf", "itb": "it_band",
                 "back": "low_back", "foot": "plantar_fascia", "plantar": "plantar_fascia"}


class RunWeek(BaseModel):
    """The usual running week, one run-day kind per weekday."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mon: RunKind
    tue: RunKind
    wed: RunKind
    thu: RunKind
    fri: RunKind
    sat: RunKind
    sun: RunKind

    def kind(self, day: dt.date) -> RunKind:
        kind: RunKind = getattr(self, WEEKDAYS[day.weekday()])
        return kind


class Race(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    distance: Distance


class Profile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: dt.date
    weeks: Annotated[int, Field(ge=1, le=MAX_WEEKS)]
    experience: Experience
    equipment: tuple[Equipment, ...] = (Equipment.BODYWEIGHT,)
    sessions_per_week: Annotated[int, Field(ge=2, le=3)]
    minutes_per_session: Annotated[int, Field(ge=20, le=45)]
    run_week: RunWeek
    race: Race | None = None
    injury_history: tuple[Area, ...] = ()
    placement: Placement = Placement.EASY_DAYS

    @model_validator(mode="before")
    @classmethod
    def _weeks_from_race(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("weeks") in (None, "") and data.get("race"):
            try:
                race = data["race"]
                start = dt.date.fromisoformat(str(data["start"]))
                day = race.date if isinstance(race, Race) else dt.date.fromisoformat(str(race["date"]))
            except (KeyError, TypeError, ValueError):
                return data  # the field errors say what is wrong
            data = {**data, "weeks": weeks_to_race(start, day)}
        return data

    @field_validator("equipment", mode="after")
    @classmethod
    def _with_bodyweight(cls, value: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        have = set(value) | {Equipment.BODYWEIGHT}
        if not have & HOUSEHOLD:
            have |= set(COMMON_HOUSEHOLD)
        return tuple(e for e in Equipment if e in have)

    @field_validator("injury_history", mode="before")
    @classmethod
    def _area_aliases(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            out = []
            for item in value:
                if isinstance(item, str):
                    key = item.strip().lower().replace(" ", "_").replace("-", "_").replace("/", "_")
                    item = _AREA_ALIASES.get(key, key)
                out.append(item)
            return out
        return value

    @field_validator("injury_history", mode="after")
    @classmethod
    def _unique_areas(cls, value: tuple[Area, ...]) -> tuple[Area, ...]:
        return tuple(a for a in Area if a in value)

    @model_validator(mode="after")
    def _race_inside_plan(self) -> Profile:
        if self.race is not None and not self.start <= self.race.date <= self.end:
            raise ValueError(
                f"race.date: the race on {self.race.date.isoformat()} is outside the plan "
                f"({self.start.isoformat()} to {self.end.isoformat()}); move the first day or "
                "change the number of weeks so the race falls inside it")
        return self

    @property
    def end(self) -> dt.date:
        """The last day of the plan."""
        return self.start + dt.timedelta(days=7 * self.weeks - 1)

    def kind_on(self, day: dt.date) -> RunKind:
        """The run-day kind of a date: the goal race on its date, else the usual week."""
        if self.race is not None and day == self.race.date:
            return RunKind.RACE
        return self.run_week.kind(day)


def weeks_to_race(start: dt.date, race: dt.date) -> int:
    """Weeks from the first day through the race week (at least 1, at most 52)."""
    return max(1, min(MAX_WEEKS, (race - start).days // 7 + 1))


#: Plain names of the profile's fields, for messages.
FIELD_WORDS = {"start": "the first day", "weeks": "the number of weeks",
               "experience": "your strength experience", "equipment": "equipment",
               "sessions_per_week": "sessions a week", "minutes_per_session": "minutes a session",
               "run_week": "your running week", "race": "the race", "race.date": "the race date",
               "race.distance": "the race distance", "injury_history": "injury history",
               "placement": "where the leg sessions go"}
DAY_WORDS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                "Saturday", "Sunday"), strict=True))


def _field_words(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if len(parts) == 2 and parts[0] == "run_week" and parts[1] in DAY_WORDS:
        return f"{DAY_WORDS[parts[1]]}'s run"
    key = ".".join(p for p in parts if not p.isdigit())
    return FIELD_WORDS.get(key, key.replace("_", " ").replace(".", " "))


def profile_errors(exc: ValidationError) -> list[str]:
    """Every problem of a profile as `field: what to fix`, in plain words, one line each."""
    details = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "profile"
        what = _field_words(err["loc"])
        ctx = err.get("ctx", {})
        kind = err["type"]
        message = str(err["msg"]).removeprefix("Value error, ")
        if kind == "extra_forbidden":
            message = f"unknown field {what!r}; remove it or check its spelling"
        elif kind == "missing":
            message = f"required; add {what}"
        elif kind == "enum":
            message = (f"unknown value {err.get('input')!r} for {what}; use one of "
                       f"{ctx.get('expected', '')}")
        elif kind in ("less_than_equal", "greater_than_equal"):
            low = {"weeks": 1, "sessions_per_week": 2, "minutes_per_session": 20}.get(field)
            high = {"weeks": MAX_WEEKS, "sessions_per_week": 3, "minutes_per_session": 45}.get(field)
            message = (f"choose {what} from {low} to {high}" if low is not None and high is not None
                       else f"{what} must be {'at most' if kind == 'less_than_equal' else 'at least'}"
                            f" {ctx.get('le', ctx.get('ge'))}")
        elif kind in ("int_parsing", "int_from_float", "int_type"):
            message = f"{what} must be a whole number"
        elif kind.startswith("date"):
            message = f"{what} must be a date like 2026-12-07"
        if ": " in message and field == "profile":
            field, message = message.split(": ", 1)
        details.append(f"{field}: {message}")
    return details
