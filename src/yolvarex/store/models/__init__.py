"""Every table, one module per area. Import this package to register them all on `Base`."""

from yolvarex.store.models.accounts import (
    ApiToken,
    CoachInvitation,
    CoachLink,
    CoachNote,
    LoginThrottle,
    User,
    WebSession,
)
from yolvarex.store.models.base import Base, OwnedMixin
from yolvarex.store.models.training import (
    Activity,
    CheckIn,
    CustomTree,
    FormAssessment,
    ImportJob,
    PerformanceTest,
    Plan,
    RoutineCompletion,
    StrengthSession,
    StrengthSet,
)

__all__ = [
    "Activity",
    "ApiToken",
    "Base",
    "CheckIn",
    "CoachInvitation",
    "CoachLink",
    "CoachNote",
    "CustomTree",
    "FormAssessment",
    "ImportJob",
    "LoginThrottle",
    "OwnedMixin",
    "PerformanceTest",
    "Plan",
    "RoutineCompletion",
    "StrengthSession",
    "StrengthSet",
    "User",
    "WebSession",
]
