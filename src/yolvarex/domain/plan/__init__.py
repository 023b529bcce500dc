"""The strength plan around the running week: profile in, dated plan out. Pure."""

from yolvarex.domain.plan.generate import format_weeks, generate_plan
from yolvarex.domain.plan.model import (
    Block,
    BlockKind,
    Focus,
    Phase,
    Plan,
    PlanWarning,
    Prescription,
    Session,
    Week,
)
from yolvarex.domain.plan.profile import Profile, RunKind, profile_errors

__all__ = ["Block", "BlockKind", "Focus", "Phase", "Plan", "PlanWarning", "Prescription", "Profile",
           "RunKind", "Session", "Week", "format_weeks", "generate_plan", "profile_errors"]
