"""A self-assessment for the demo runner, so the Form pages and the drill block have both
sources to work from (the demo's recent runs already carry samples, see `demo_samples.py`)."""

from __future__ import annotations

import datetime as dt

from yolvarex.content import Library
from yolvarex.domain.form.assessment import rank_faults
from yolvarex.store import models
from yolvarex.store.access import Scope

ANSWERS = {"foot-ahead-of-knee": "a-little", "loud-landing": "sometimes", "tension": "often",
           "step-count": "40-42"}


def add_form_data(mine: Scope, library: Library, today: dt.date) -> None:
    """One self-assessment a week ago. Idempotent: an earlier demo assessment is replaced."""
    mine.db.execute(mine.delete(models.FormAssessment))
    ranked = rank_faults(list(library.questions.values()), ANSWERS)
    mine.db.add(mine.new(models.FormAssessment, date=today - dt.timedelta(days=7),
                         answers=dict(ANSWERS),
                         ranking=[{"fault": r.fault, "score": r.score,
                                   "reasons": list(r.reasons)} for r in ranked]))
