"""What the form domain needs to know about faults, cues, drills and questions.

The content library's entries satisfy these protocols as they are; tests can pass plain
dataclasses. Keeping them as protocols keeps the domain free of the content loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class FaultInfo(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def cues(self) -> tuple[str, ...]: ...
    @property
    def drills(self) -> tuple[str, ...]: ...


class CueInfo(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def focus(self) -> str: ...  # "external" or "internal"
    @property
    def faults(self) -> tuple[str, ...]: ...


class DoseInfo(Protocol):
    @property
    def sets(self) -> int: ...
    def text(self, sets: int | None = None) -> str: ...


class DrillInfo(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def minutes(self) -> float: ...
    @property
    def level(self) -> int: ...
    @property
    def stage(self) -> str: ...  # prep, technique, power, run
    @property
    def when(self) -> str: ...  # warm_up, in_run, end_of_run
    @property
    def faults(self) -> tuple[str, ...]: ...
    @property
    def cues(self) -> tuple[str, ...]: ...
    @property
    def dose(self) -> DoseInfo: ...


class OptionInfo(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def points(self) -> Mapping[str, int]: ...


class QuestionInfo(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def options(self) -> tuple[OptionInfo, ...]: ...
    @property
    def reasons(self) -> Mapping[str, str]: ...


class FormContent(Protocol):
    """The parts of the library the form domain reads."""

    @property
    def faults(self) -> Mapping[str, FaultInfo]: ...
    @property
    def cues(self) -> Mapping[str, CueInfo]: ...
    @property
    def drills(self) -> Mapping[str, DrillInfo]: ...


STAGE_ORDER = ("prep", "technique", "power", "run")


def best_cue(content: FormContent, fault_id: str, among: tuple[str, ...] | None = None) -> str | None:
    """The cue to offer for a fault: its first external cue (authors list the best first),
    else its first cue. With `among`, only cues from that tuple that serve the fault count."""
    fault = content.faults.get(fault_id)
    if fault is None:
        return None
    pool = [c for c in fault.cues if c in content.cues and (among is None or c in among)]
    if among is not None:
        pool += [c for c in among if c in content.cues and c not in pool
                 and fault_id in content.cues[c].faults]
    for cue_id in pool:
        if str(content.cues[cue_id].focus) == "external":
            return cue_id
    return pool[0] if pool else None
