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
from yolvarex.store.models.day_state import DayState
from yolvarex.store.models.training import (
    Activity,
    ActivityFile,
    CheckIn,
    CustomTree,
    FormAssessment,
    ImportJob,
    PerformanceTest,
    Plan,
    RoutineCompletion,
    Shoe,
    StrengthSession,
    StrengthSet,
)

__all__ = [
    "Activity",
    "ActivityFile",
    "ApiToken",
    "Base",
    "CheckIn",
    "CoachInvitation",
    "CoachLink",
    "CoachNote",
    "CustomTree",
    "DayState",
    "FormAssessment",
    "ImportJob",
    "LoginThrottle",
    "OwnedMixin",
    "PerformanceTest",
    "Plan",
    "RoutineCompletion",
    "Shoe",
    "StrengthSession",
    "StrengthSet",
    "User",
    "WebSession",
]
