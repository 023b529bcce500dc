"""Poses of an illustration, as stored in `data/poses/*.yaml` (see `content/poses.py`).

A pose file maps entry ids to a pose set. Base poses (`_bases.yaml`) are named angle sets an
entry starts from; each key frame is a base name, or a one-key mapping `base: {overrides}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Frame = str | dict[str, dict[str, Any] | None]


class PoseSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    view: Literal["side", "front", "above", "above-flat"] = Field("side", description=(
        "side or front at floor level; from the ceiling (the floor is the page), `above` for "
        "lying on one side (the open book), `above-flat` for lying face down or up (Y-T-W)"))
    same: str | None = Field(None, pattern=r"^(exercises|drills|movements)/[a-z0-9-]+$",
                             description="the same movement as another entry: reuse its poses")
    props: list[str | dict[str, Any]] = Field(default_factory=list)
    on: list[str] = Field(default_factory=list, description="contacts in every key frame, "
                          "'point surface', e.g. 'heel_n floor'; the first support places the body")
    frames: list[Frame] = Field(default_factory=list)
    tilt: float = Field(0.0, ge=-20, le=20, description="slope of the ground, uphill to the right")


class PoseError(ValueError):
    """Poses that cannot be drawn: a `same:` that leads nowhere or round in a circle, and so on."""


@dataclass(frozen=True)
class PoseBook:
    """Every pose set by kind and id, and the named base poses they start from."""

    bases: dict[str, dict[str, Any]] = field(default_factory=dict)
    sets: dict[str, dict[str, PoseSet]] = field(default_factory=dict)

    def pose_set(self, kind: str, entry_id: str) -> PoseSet | None:
        found = self.sets.get(kind, {}).get(entry_id)
        seen = {f"{kind}/{entry_id}"}
        while found is not None and found.same:
            if found.same in seen:
                raise PoseError(f"'same' goes round in a circle through {found.same}")
            seen.add(found.same)
            other_kind, other_id = found.same.split("/", 1)
            found = self.sets.get(other_kind, {}).get(other_id)
            if found is None:
                raise PoseError(f"'same' names {other_kind}/{other_id}, which has no poses")
        return found
