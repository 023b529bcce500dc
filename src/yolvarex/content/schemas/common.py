"""Pieces every kind of content shares."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Title = Annotated[str, StringConstraints(min_length=3, max_length=80, strip_whitespace=True)]
Sentence = Annotated[str, StringConstraints(min_length=3, max_length=400, strip_whitespace=True)]
Paragraph = Annotated[str, StringConstraints(min_length=3, max_length=1500, strip_whitespace=True)]
Level = Annotated[int, Field(ge=1, le=3, description="1 beginner, 2 intermediate, 3 advanced")]

#: (kind, id, field) triples that a content entry refers to.
Ref = tuple[str, str, str]


class Basis(StrEnum):
    """What an entry rests on: published research (with evidence ids) or coaching convention."""

    EVIDENCE = "evidence"
    CONVENTION = "convention"

    @property
    def label(self) -> str:
        return "Rests on research" if self is Basis.EVIDENCE else "Coaching convention"


def basis_errors(basis: Basis, evidence: tuple[str, ...]) -> str | None:
    """Why a basis does not fit its evidence list, or None when it does."""
    if basis is Basis.EVIDENCE and not evidence:
        return "basis is evidence but no evidence id is given; add one or set basis: convention"
    return None


class Entry(BaseModel):
    """Base of every content record: strict (unknown fields are errors) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Id

    def refs(self) -> Iterator[Ref]:
        yield from ()


class Mistake(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    mistake: Sentence
    fix: Sentence


def refs_of(kind: str, ids: tuple[str, ...] | list[str], field: str) -> Iterator[Ref]:
    for ref in ids:
        yield (kind, ref, field)
