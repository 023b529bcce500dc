"""Self-assessment questions: what a runner notices, hears, sees on video or on their shoes.

Each answer option may point at form faults with 1-3 points; the question says, for every fault
it can point at, why that answer suggests it. Adding up the points of all answers ranks the
likely faults (see `domain.form.assessment`).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from yolvarex.content.schemas.common import Entry, Id, Ref, Sentence, Title

Points = Annotated[int, Field(ge=1, le=3)]


class Way(StrEnum):
    """How a runner finds the answer."""

    FEEL = "feel"  # what you notice while running
    HEAR = "hear"  # what you hear
    VIDEO = "video"  # what a short video of you shows
    OTHERS = "others"  # what a friend, coach or training partner sees
    SHOES = "shoes"  # the wear pattern on your shoes
    BODY = "body"  # where you get sore or tight after runs
    WATCH = "watch"  # a count or a number from your watch


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Id
    label: Annotated[str, StringConstraints(min_length=2, max_length=80, strip_whitespace=True)]
    points: dict[Id, Points] = Field(default_factory=dict)


class Question(Entry):
    """One self-assessment question with its answer options."""

    title: Title
    ask: Sentence
    way: Way
    how: Sentence | None = None  # how to find out, e.g. where to put the camera
    options: tuple[Option, ...] = Field(min_length=2, max_length=6)
    reasons: dict[Id, Sentence] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("option ids must be unique within a question")
        pointed = {fault for option in self.options for fault in option.points}
        if not pointed:
            raise ValueError("at least one option must give points to a fault")
        if missing := sorted(pointed - set(self.reasons)):
            raise ValueError(f"give a reason for every fault an option points at; missing: "
                             f"{', '.join(missing)}")
        if unused := sorted(set(self.reasons) - pointed):
            raise ValueError(f"reasons for faults no option points at: {', '.join(unused)}")
        return self

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def refs(self) -> Iterator[Ref]:
        for fault in self.reasons:
            yield ("faults", fault, "reasons")
