"""Verdicts, from least to most conservative, and the rule that the most conservative wins."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Verdict(StrEnum):
    TRAIN = "train"
    MODIFY = "modify"
    CROSS_TRAIN = "cross_train"
    REST = "rest"
    SEE_PROFESSIONAL = "see_professional"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_RANK = {verdict: rank for rank, verdict in enumerate(Verdict)}
_LABELS = {
    Verdict.TRAIN: "Train as planned",
    Verdict.MODIFY: "Keep it easy",
    Verdict.CROSS_TRAIN: "Cross-train, no running",
    Verdict.REST: "Rest day",
    Verdict.SEE_PROFESSIONAL: "Stop and get checked",
}


def most_conservative(verdicts: Iterable[Verdict]) -> Verdict:
    """The verdict that wins: the most conservative one; `train` when there is none."""
    return max(verdicts, key=_RANK.__getitem__, default=Verdict.TRAIN)
