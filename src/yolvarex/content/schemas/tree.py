"""Decision trees as data: questions that test facts, leaves that carry a verdict.

A condition is a closed structure, never code:
  {fact: pain, op: ">", value: 5}       compare a fact with a value
  {fact: red_flags, op: contains, value: chest_pain}
  {fact: temperature_c, op: known}      true when the fact is known
  {fact: hrv_ln_mean_7d, op: "<", value: {fact: hrv_ln_normal_low}}   compare two facts
  {all: [...]}, {any: [...]}, {not: {...}}
A question node names the node to go to when its condition is true (`yes`), false (`no`)
and, when a fact it tests is not known, `unknown`.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from yolvarex.content.schemas.common import (
    Basis,
    Entry,
    Id,
    Paragraph,
    Ref,
    Sentence,
    Title,
    basis_errors,
    refs_of,
)
from yolvarex.domain.verdict import Verdict

Scalar = bool | int | float | str


class Op(StrEnum):
    EQ = "=="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    IN = "in"
    CONTAINS = "contains"
    KNOWN = "known"


FactName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]


class FactRef(BaseModel):
    """The value of another fact, e.g. `{fact: hrv_ln_normal_low}`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    fact: FactName


class Compare(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    fact: FactName
    op: Op
    value: Scalar | tuple[Scalar, ...] | FactRef | None = None


class All(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    all_: tuple[Condition, ...] = Field(alias="all", min_length=1)


class AnyOf(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    any_: tuple[Condition, ...] = Field(alias="any", min_length=1)


class Not(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    not_: Condition = Field(alias="not")


Condition = Compare | All | AnyOf | Not


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    id: Id
    kind: Literal["question"] = "question"
    ask: Sentence
    test: Condition
    yes: Id
    no: Id
    unknown: Id | None = None


class Leaf(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Id
    kind: Literal["leaf"] = "leaf"
    verdict: Verdict
    advice: Paragraph
    routines: tuple[Id, ...] = ()
    basis: Basis = Field(Basis.EVIDENCE, description=(
        "evidence (the default) needs evidence ids; convention says the advice is coaching "
        "practice and says so in its text"))
    evidence: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _basis(self) -> Leaf:
        if problem := basis_errors(self.basis, self.evidence):
            raise ValueError(problem)
        return self


Node = Annotated[Question | Leaf, Field(discriminator="kind")]


class Tree(Entry):
    title: Title
    summary: Sentence
    root: Id
    nodes: tuple[Node, ...] = Field(min_length=2)
    order: Annotated[int, Field(ge=0, le=1000)] = 500  # shipped trees are shown in this order
    owner: str | None = None  # a coach's user name for trees they wrote; None for shipped trees

    def node(self, node_id: str) -> Question | Leaf:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def refs(self) -> Iterator[Ref]:
        for node in self.nodes:
            if isinstance(node, Leaf):
                yield from refs_of("routines", node.routines, f"nodes.{node.id}.routines")
                yield from refs_of("evidence", node.evidence, f"nodes.{node.id}.evidence")


def _literal(value: Scalar | tuple[Scalar, ...] | FactRef | None) -> str:
    if isinstance(value, FactRef):
        return value.fact
    if isinstance(value, tuple):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _wrap(condition: Condition) -> str:
    text = describe(condition)
    return text if isinstance(condition, Compare) else f"({text})"


def describe(condition: Condition | dict[str, Any]) -> str:
    """The condition as a short formula a runner can read, e.g. `pain > 5`."""
    if isinstance(condition, Compare):
        if condition.op is Op.KNOWN:
            return f"{condition.fact} is known"
        if condition.op is Op.CONTAINS and isinstance(condition.value, tuple):
            return f"{condition.fact} contains any of {_literal(condition.value)}"
        return f"{condition.fact} {condition.op.value} {_literal(condition.value)}"
    if isinstance(condition, All):
        return " and ".join(_wrap(c) for c in condition.all_)
    if isinstance(condition, AnyOf):
        return " or ".join(_wrap(c) for c in condition.any_)
    if isinstance(condition, Not):
        return f"not ({describe(condition.not_)})"
    return str(condition)
