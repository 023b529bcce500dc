"""The documented shapes of the library's answers: a search across every kind, and entries of
any kind (each the library's own schema, as in the content files)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from yolvarex.content.kinds import KINDS
from yolvarex.content.schemas.assessment import Question
from yolvarex.content.schemas.evidence import Evidence
from yolvarex.content.schemas.exercise import Exercise, Ladder
from yolvarex.content.schemas.form import Cue, Drill, Fault
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.content.schemas.tree import Tree
from yolvarex.content.search import SearchResult

#: An entry of any kind, as the library holds it (`GET /library/{kind}` says which kind).
EntryOut = Exercise | Ladder | Drill | Cue | Fault | Movement | Routine | Tree | Evidence | Question
assert {k.model for k in KINDS} == {Exercise, Ladder, Drill, Cue, Fault, Movement, Routine, Tree,
                                    Evidence, Question}, "a new kind belongs in EntryOut"


class HitOut(BaseModel):
    kind: str
    id: str
    title: str
    about: str = Field(description="A line about the entry.")
    score: float = Field(description="Higher is a better match.")


class HitGroupOut(BaseModel):
    kind: str
    hits: list[HitOut] = Field(description="Best match first.")


class SearchOut(BaseModel):
    query: str
    total: int
    groups: list[HitGroupOut]

    @classmethod
    def of(cls, result: SearchResult) -> SearchOut:
        return cls.model_validate(result.as_json())
