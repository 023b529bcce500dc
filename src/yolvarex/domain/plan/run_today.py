"""What the day's verdict does to the day's run, in one sentence a runner acts on."""

from __future__ import annotations

from yolvarex.domain.plan.profile import HARD, RunKind
from yolvarex.domain.verdict import Verdict


def run_note(kind: RunKind, verdict: Verdict | None) -> str | None:
    """How the verdict changes the planned run; None when the run stays as planned (or there
    is no run). Turning a hard run easy, or swapping it for cross-training, is coaching
    convention for a day the trees say to hold back."""
    if kind is RunKind.REST or verdict is None or verdict is Verdict.TRAIN:
        return None
    if verdict is Verdict.MODIFY:
        if kind in HARD:
            return (f"Your {kind.value} run becomes an easy one today: shorter, at a pace you "
                    "could chat at. Keep the hard session for a better day.")
        return "Keep today's run short and at a pace you could chat at."
    if verdict is Verdict.CROSS_TRAIN:
        return (f"No {kind.value} run today: swap it for easy cycling, swimming or the "
                "elliptical, for no longer than the run would have taken.")
    if verdict is Verdict.REST:
        return f"No {kind.value} run today: rest and let your body catch up."
    return "No run today: get checked by a doctor or physiotherapist before you run again."
