"""The kinds of content, where their files live and which schema checks them."""

from __future__ import annotations

from dataclasses import dataclass

from yolvarex.content.schemas.assessment import Question
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.evidence import Evidence
from yolvarex.content.schemas.exercise import Exercise, Ladder
from yolvarex.content.schemas.form import Cue, Drill, Fault
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.content.schemas.tree import Tree


@dataclass(frozen=True)
class Kind:
    name: str  # plural, as in `yolvarex library list exercises`
    singular: str
    model: type[Entry]
    one_per_file: bool = False  # trees: one tree per file; the rest: a list per file


KINDS: tuple[Kind, ...] = (
    Kind("exercises", "exercise", Exercise),
    Kind("ladders", "ladder", Ladder),
    Kind("drills", "drill", Drill),
    Kind("cues", "cue", Cue),
    Kind("faults", "fault", Fault),
    Kind("movements", "movement", Movement),
    Kind("routines", "routine", Routine),
    Kind("trees", "tree", Tree, one_per_file=True),
    Kind("evidence", "evidence", Evidence),
    Kind("questions", "question", Question),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS} | {k.singular: k for k in KINDS}


def kind_named(name: str) -> Kind:
    try:
        return BY_NAME[name.strip().lower()]
    except KeyError:
        known = ", ".join(k.name for k in KINDS)
        raise ValueError(f"unknown kind {name!r}; use one of: {known}") from None
