"""What a runner logs after a strength session, with the public JSON names.

```
{"date": "2026-12-09", "minutes": 30, "rpe": 7, "plan_session": "2026-12-09", "notes": "...",
 "sets": [{"exercise": "split-squat", "reps": 10, "seconds": null, "load_kg": null,
           "side": "left", "rpe": 7, "completed": true, "notes": null}],
 "tests": [{"test": "single_leg_squat", "side": "left", "value": 9}]}
```
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from yolvarex.content.schemas.common import Id
from yolvarex.domain.perftest import TESTS, Side, TestName

Rpe = Annotated[float, Field(ge=0, le=10)]
Note = Annotated[str, Field(max_length=2000)]


class SetIn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    exercise: Id
    reps: Annotated[int, Field(ge=0, le=500)] | None = None
    seconds: Annotated[float, Field(ge=0, le=3600)] | None = None
    load_kg: Annotated[float, Field(ge=0, le=500)] | None = None
    side: Side = Side.BOTH
    rpe: Rpe | None = None
    completed: bool = True
    notes: Note | None = None

    @model_validator(mode="after")
    def _measured(self) -> SetIn:
        if self.completed and self.reps is None and self.seconds is None:
            raise ValueError("give reps or seconds for a completed set")
        return self


class TestIn(BaseModel):
    __test__ = False  # not a pytest test class
    model_config = ConfigDict(frozen=True, extra="forbid")

    test: TestName
    side: Side = Side.BOTH
    value: Annotated[float, Field(ge=0, le=10000)]

    @model_validator(mode="after")
    def _sides(self) -> TestIn:
        sided = TESTS[self.test].sided
        if sided and self.side is Side.BOTH:
            raise ValueError(f"{self.test.value} is tested on each leg; give side left or right")
        if not sided and self.side is not Side.BOTH:
            raise ValueError(f"{self.test.value} is not a one-sided test; leave side out")
        return self


class SessionIn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    minutes: Annotated[float, Field(gt=0, le=300)] | None = None
    rpe: Rpe | None = None
    plan_session: dt.date | None = None
    notes: Note | None = None
    sets: tuple[SetIn, ...] = Field(default=(), max_length=200)
    tests: tuple[TestIn, ...] = Field(default=(), max_length=20)

    @model_validator(mode="after")
    def _something(self) -> SessionIn:
        if not self.sets and not self.tests:
            raise ValueError("log at least one set or one test result")
        return self
