"""Running dynamics: what the runner said their watch records (the first-run question, kept in
`User.settings["running_dynamics"]`), what their imported runs carry, and what the Form page and
a run's page say about it.

A runner whose watch does not record ground contact, vertical oscillation and the rest checks
their form the way that needs none of them: the self-assessment, one cue for the next run and
the drill block. A runner who said it does, but whose imported runs carry none, is told what to
check. Anyone else (dynamics found in their runs, nothing imported yet after a yes, or no
answer given) gets no advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from yolvarex.domain.form.metrics import Metric
from yolvarex.services.athlete import preferences
from yolvarex.services.form import FormReport
from yolvarex.services.run_page import DYNAMICS_FOR_FORM
from yolvarex.store import models
from yolvarex.store.access import Actor, owned, scope

#: How many of the latest imported runs are looked at for running dynamics.
RECENT_RUNS = 50


@dataclass(frozen=True)
class Step:
    """One thing to do or to check, with the page that does it (if any)."""

    text: str
    href: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class DynamicsAdvice:
    """What to tell this runner about running dynamics; `kind` is `without` (their watch does
    not record them: the path that needs none) or `missing` (it should, but no imported run
    has them: what to check)."""

    kind: str
    headline: str
    steps: tuple[Step, ...]
    runs: int  # imported runs looked at
    note: str = ""
    intro: str = "Check that:"


WITHOUT = DynamicsAdvice(
    kind="without",
    headline="Check your form without running dynamics",
    intro="You said your watch does not record running dynamics (or you are not sure), and "
          "your imported runs carry none. Three steps need none of them:",
    steps=(
        Step("Fifteen questions about what you feel, hear and see on video point to your most "
             "likely fault.", "/form/assess", "Take the self-assessment"),
        Step("Each fault comes with one cue: think of that one on your next run, and nothing "
             "else.", "/form/cues", "Browse the cues"),
        Step("A short block of drills for your warm-up, built from your self-assessment.",
             "/form/session", "Build my drill block"),
    ),
    runs=0,
    note="Cadence, when your files have it, is still analyzed: most watches count steps at the "
         "wrist. If your watch does record running dynamics, say so in Settings.")


def _missing(runs: int) -> DynamicsAdvice:
    which = f"none of your {runs} latest imported runs has them" if runs > 1 \
        else "your imported run has none"
    return DynamicsAdvice(
        kind="missing",
        headline=f"You said your watch records running dynamics, but {which}",
        steps=(
            Step("Running dynamics are switched on in the watch's settings (some watches list "
                 "them under running power or form)."),
            Step("The sensor that measures them is paired and worn on the run: many watches "
                 "need a chest strap or a foot pod for ground contact and vertical oscillation."),
            Step("You import the watch's own FIT file: GPX files carry no running dynamics and "
                 "TCX files only some.", "/import", "Import watch files"),
            Step("If your watch does not record them after all, change your answer; the "
                 "self-assessment works without them.", "/account", "Settings"),
        ),
        runs=runs)


def dynamics_advice(db: Session, actor: Actor, athlete_id: int | None = None,
                    ) -> DynamicsAdvice | None:
    """The advice for this athlete, or None when there is nothing to say."""
    mine = scope(db, actor, athlete_id)
    user = db.get(models.User, mine.athlete_id)
    said = preferences(user)["running_dynamics"] if user is not None else None
    if said is None:
        return None
    found = list(db.scalars(mine.select(models.Activity.dynamics).where(
        models.Activity.sport == "running",
        models.Activity.samples.is_not(None)).order_by(models.Activity.start.desc())
        .limit(RECENT_RUNS)))
    if any(k in (d or {}) for d in found for k in DYNAMICS_FOR_FORM):
        return None  # the runs carry them: the analysis speaks for itself
    if said is False:
        return WITHOUT
    return _missing(len(found)) if found else None  # nothing imported yet: the page says so


def run_advice(db: Session, actor: Actor, activity_id: int) -> DynamicsAdvice | None:
    """The advice on the page of one run (or its form analysis): only for a recorded run
    without running dynamics, and from its owner's answer."""
    row = owned(db, actor, models.Activity, activity_id)
    if row.sport != "running" or row.samples is None \
            or any(k in (row.dynamics or {}) for k in DYNAMICS_FOR_FORM):
        return None
    return dynamics_advice(db, actor, row.user_id)


def file_advice(db: Session, actor: Actor, report: FormReport,
                athlete_id: int | None = None) -> DynamicsAdvice | None:
    """The advice under the analysis of an uploaded file that has no running dynamics (cadence
    alone is not running dynamics), from the answer of the athlete the file is analysed for."""
    if any(metric is not Metric.CADENCE for metric in report.analysis.metrics):
        return None
    return dynamics_advice(db, actor, athlete_id)
