"""Form use cases: analyse a run file or a stored run, compare it with the runner's own earlier
runs, take the self-assessment, and build the warm-up drill block from what was found.

Files are read by the one reader in `ingest/`; stored samples are decoded by `store.samples`.
Every read of an athlete's data goes through `store.access`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.content import Library
from yolvarex.domain.activity import Activity, Samples, Sport
from yolvarex.domain.form import assessment as ranking
from yolvarex.domain.form.analysis import FormAnalysis, NotARun, analyse
from yolvarex.domain.form.baseline import PACE_TOLERANCE, Baseline, RunMeans, compare
from yolvarex.domain.form.findings import Finding, find
from yolvarex.domain.form.metrics import METRICS, Metric
from yolvarex.domain.form.session import DrillSession, build_session
from yolvarex.domain.verdict import Verdict
from yolvarex.errors import Invalid, NotFound
from yolvarex.ingest import ActivityFileError, read_activity_file
from yolvarex.services import plans
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, owned, reach, scope
from yolvarex.store.samples import SamplesCorrupt, decode_samples

BASELINE_DAYS = 365
BASELINE_CANDIDATES = 40
FINDINGS_DAYS = 60  # findings from an older run no longer steer the drill block
ASSESSMENT_DAYS = 180


@dataclass(frozen=True)
class FormReport:
    """One analysed run, ready for any face."""

    file: str | None
    activity_id: int | None
    start: dt.datetime | None
    name: str | None
    analysis: FormAnalysis
    findings: list[Finding]
    baseline: Baseline | None
    samples: Samples

    @property
    def day(self) -> dt.date | None:
        """The day the run started where it was recorded (UTC when the file does not say)."""
        if self.start is None:
            return None
        return (self.start + dt.timedelta(seconds=self.utc_offset_s or 0)).date()

    utc_offset_s: float | None = None


@dataclass(frozen=True)
class AssessmentResult:
    id: int
    date: dt.date
    answers: dict[str, str]
    ranking: list[ranking.RankedFault]


def assessment_json(result: AssessmentResult) -> dict[str, Any]:
    """A self-assessment result as the API and `yolvarex form assess --json` give it."""
    return {"id": result.id, "date": result.date.isoformat(), "answers": result.answers,
            "ranking": [{"fault": r.fault, "score": r.score, "likelihood": r.likelihood,
                         "reasons": list(r.reasons)} for r in result.ranking]}


@dataclass(frozen=True)
class SessionPlan:
    """A drill block and where its focus came from, in words."""

    session: DrillSession
    source: str


# Analysis -------------------------------------------------------------------------------------

def _run_of(name: str, activities: list[Activity]) -> Activity:
    runs = [a for a in activities if a.sport.is_run]
    if not runs:
        sports = ", ".join(dict.fromkeys(a.sport.value for a in activities))
        raise Invalid(f"{name} is a {sports} activity, not a run; form analysis needs a run.",
                      details=["Pick a running activity."])
    return max(runs, key=lambda a: a.duration_s)


def read_run(name: str, data: bytes) -> Activity:
    """The run in an uploaded file (the longest, if it holds several), or Invalid saying why."""
    try:
        activities = read_activity_file(name, data)
    except ActivityFileError as exc:
        raise Invalid(str(exc)) from None
    return _run_of(name, activities)


def _means(analysis: FormAnalysis, start: dt.datetime | None) -> RunMeans:
    return RunMeans(start=start, pace_s_per_km=analysis.pace_s_per_km,
                    means={m: s.mean for m, s in analysis.metrics.items()})


def stored_samples(row: models.Activity) -> Samples | None:
    if not row.samples:
        return None
    try:
        return decode_samples(row.samples)
    except SamplesCorrupt:
        return None


def _activity_of(row: models.Activity, samples: Samples) -> Activity:
    try:
        sport = Sport(row.sport)
    except ValueError:
        sport = Sport.OTHER
    return Activity(sport=sport, start=row.start, duration_s=row.duration_s,
                    distance_m=row.distance_m, moving_s=row.moving_s, name=row.name,
                    samples=samples, utc_offset_s=None if row.utc_offset_min is None
                    else row.utc_offset_min * 60.0)


def earlier_runs(mine: Scope, before: dt.datetime, pace_s_per_km: float | None,
                 exclude_id: int | None = None) -> list[RunMeans]:
    """Means of the athlete's earlier runs with samples, near this pace, for the baseline.

    Rows are first narrowed by their stored pace (twice the tolerance, as elapsed pace is a
    little slower than moving pace), then analysed from their samples.
    """
    if pace_s_per_km is None:
        return []
    rows = mine.db.scalars(mine.select(models.Activity).where(
        models.Activity.sport == "running",
        models.Activity.samples.is_not(None), models.Activity.start < before,
        models.Activity.start >= before - dt.timedelta(days=BASELINE_DAYS))
        .order_by(models.Activity.start.desc()).limit(BASELINE_CANDIDATES * 3))
    out: list[RunMeans] = []
    for row in rows:
        if row.id == exclude_id or not row.distance_m:
            continue
        seconds = row.moving_s or row.duration_s
        rough = seconds / (row.distance_m / 1000)
        if abs(rough - pace_s_per_km) > 2.5 * PACE_TOLERANCE * pace_s_per_km:
            continue
        samples = stored_samples(row)
        if samples is None:
            continue
        try:
            out.append(_means(analyse(_activity_of(row, samples)), row.start))
        except NotARun:
            continue
        if len(out) >= BASELINE_CANDIDATES:
            break
    return out


def _report(library: Library, activity: Activity, *, file: str | None, activity_id: int | None,
            earlier: Callable[[float | None], list[RunMeans]] | None = None) -> FormReport:
    try:
        analysis = analyse(activity)
    except NotARun as exc:
        raise Invalid(f"{file or 'This activity'} is a {exc.sport.value} activity, not a run; "
                      "form analysis needs a run.") from None
    history = earlier(analysis.pace_s_per_km) if earlier else []
    baseline = compare(_means(analysis, activity.start), history) if history else None
    return FormReport(file=file, activity_id=activity_id, start=activity.start, name=activity.name,
                      analysis=analysis, findings=find(analysis, library, baseline),
                      baseline=baseline, samples=activity.samples,
                      utc_offset_s=activity.utc_offset_s)


def analyse_file(library: Library, name: str, data: bytes, db: Session | None = None,
                 actor: Actor | None = None, athlete_id: int | None = None) -> FormReport:
    """Analyse an uploaded run; with a database and an actor, compare it with their history."""
    activity = read_run(name, data)
    if db is None or actor is None:
        return _report(library, activity, file=name, activity_id=None)
    mine = scope(db, actor, athlete_id)
    before = activity.start - dt.timedelta(minutes=1)
    return _report(library, activity, file=name, activity_id=None,
                   earlier=lambda pace: earlier_runs(mine, before, pace))


def analyse_stored(db: Session, actor: Actor, library: Library, activity_id: int) -> FormReport:
    """Analyse a run from the log, compared with that athlete's earlier runs."""
    mine, row = reach(db, actor, models.Activity, activity_id)
    samples = stored_samples(row)
    if samples is None:
        raise Invalid("This activity has no recorded samples (it was logged by hand, or its file "
                      "held no records), so there is nothing to analyse.",
                      details=["Import the watch file of the run, then analyse it."])
    activity = _activity_of(row, samples)
    return _report(library, activity, file=row.source_name, activity_id=row.id,
                   earlier=lambda pace: earlier_runs(mine, row.start, pace, exclude_id=row.id))


def analysable_runs(db: Session, actor: Actor, athlete_id: int | None = None,
                    limit: int = 30) -> list[models.Activity]:
    """The athlete's most recent runs that carry samples, newest first."""
    mine = scope(db, actor, athlete_id)
    return list(db.scalars(mine.select(models.Activity).where(
        models.Activity.sport == "running",
        models.Activity.samples.is_not(None)).order_by(models.Activity.start.desc()).limit(limit)))


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def report_json(report: FormReport, extended: bool = False) -> dict[str, Any]:
    """The report in the shape `yolvarex form analyze --json` prints; `extended` adds the
    moving time, pace, selection and baseline the web page and the API show."""
    a = report.analysis
    metrics = {}
    for metric, s in a.metrics.items():
        digits = METRICS[metric].digits + 1
        metrics[metric.value] = {"mean": round(s.mean, digits), "p10": round(s.p10, digits),
                                 "p90": round(s.p90, digits),
                                 "grade": s.grade.value if s.grade else None}
    out: dict[str, Any] = {
        "file": report.file, "sport": a.sport.value, "duration_s": round(a.duration_s, 1),
        "distance_m": _r(a.distance_m, 1), "metrics": metrics,
        "drift": {"cadence_pct": _r(a.drift.cadence_pct, 1),
                  "ground_contact_pct": _r(a.drift.ground_contact_pct, 1),
                  "vertical_oscillation_pct": _r(a.drift.vertical_oscillation_pct, 1),
                  "first_pace_s_per_km": _r(a.drift.first_pace_s_per_km, 1),
                  "last_pace_s_per_km": _r(a.drift.last_pace_s_per_km, 1),
                  "pace_matched": a.drift.pace_matched, "pace_explains": a.drift.pace_explains},
        "findings": [{"fault": f.fault, "because": f.because, "cue": f.cue, "drills": list(f.drills)}
                     for f in report.findings],
        "missing": [m.value for m in a.missing],
    }
    if extended:
        base = report.baseline
        out |= {
            "activity_id": report.activity_id,
            "start": report.start.isoformat() if report.start else None,
            "moving_s": round(a.moving_s, 1), "walking_s": round(a.walking_s, 1),
            "paused_s": round(a.paused_s, 1), "records": a.records, "records_used": a.used,
            "pace_s_per_km": _r(a.pace_s_per_km, 1), "drift_note": a.drift.note,
            "baseline": None if base is None else {
                "runs": base.runs, "pace_low_s_per_km": round(base.pace_low, 1),
                "pace_high_s_per_km": round(base.pace_high, 1),
                "metrics": {m.value: {"usual": round(b.usual, METRICS[m].digits + 1),
                                      "low": round(b.low, METRICS[m].digits + 1),
                                      "high": round(b.high, METRICS[m].digits + 1),
                                      "diff": round(b.diff, 1), "notable": b.notable}
                            for m, b in base.metrics.items()}},
        }
    return out


# Self-assessment ------------------------------------------------------------------------------

def save_assessment(db: Session, actor: Actor, library: Library, answers: Mapping[str, str],
                    day: dt.date, athlete_id: int | None = None) -> AssessmentResult:
    """Rank the likely faults from the answers and keep the result on the runner's profile."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    clean = {q: o for q, o in answers.items() if o}
    if problems := ranking.answer_problems(library.questions, clean):
        raise Invalid("Some answers do not match the questions.", details=problems)
    if not clean:
        raise Invalid("Answer at least one question; skip the ones you cannot check yet.")
    ranked = ranking.rank_faults(list(library.questions.values()), clean)
    row = mine.new(models.FormAssessment, date=day, answers=clean, ranking=[
        {"fault": r.fault, "score": r.score, "reasons": list(r.reasons)} for r in ranked])
    db.add(row)
    db.flush()
    return AssessmentResult(id=row.id, date=day, answers=clean, ranking=ranked)


def _result(row: models.FormAssessment) -> AssessmentResult:
    ranked = [ranking.RankedFault(fault=str(r["fault"]), score=int(r["score"]),
                                  reasons=tuple(str(x) for x in r.get("reasons", ())))
              for r in row.ranking if isinstance(r, dict)]
    return AssessmentResult(id=row.id, date=row.date, answers=dict(row.answers), ranking=ranked)


def latest_assessment(db: Session, actor: Actor, athlete_id: int | None = None) -> AssessmentResult | None:
    mine = scope(db, actor, athlete_id)
    row = db.scalar(mine.select(models.FormAssessment)
                    .order_by(models.FormAssessment.date.desc(), models.FormAssessment.id.desc())
                    .limit(1))
    return _result(row) if row is not None else None


def get_assessment(db: Session, actor: Actor, assessment_id: int) -> AssessmentResult:
    return _result(owned(db, actor, models.FormAssessment, assessment_id))


# Drill sessions -------------------------------------------------------------------------------

def latest_findings(db: Session, actor: Actor, library: Library, today: dt.date,
                    athlete_id: int | None = None) -> FormReport | None:
    """The analysis of the most recent run with running dynamics in the last `FINDINGS_DAYS`."""
    since = today - dt.timedelta(days=FINDINGS_DAYS)
    for row in analysable_runs(db, actor, athlete_id, limit=5):
        if row.day < since:
            break
        try:
            report = analyse_stored(db, actor, library, row.id)
        except Invalid:
            continue
        if report.analysis.metrics:
            return report
    return None


def plan_session(db: Session | None, actor: Actor | None, library: Library, minutes: int,
                 today: dt.date, fault: str | None = None, level: int = 2,
                 athlete_id: int | None = None) -> SessionPlan:
    """The warm-up drill block: for one named fault, or from the runner's latest findings and
    self-assessment (the newer one leads), or a general block when there is neither."""
    if fault is not None and fault not in library.faults:
        raise NotFound(f"There is no fault called {fault!r}.",
                       details=[f"Known faults: {', '.join(sorted(library.faults))}."])
    if not 1 <= level <= 3:
        raise Invalid("Level is 1 (beginner), 2 (intermediate) or 3 (advanced).")
    focus: list[str] = []
    source = "a general block for every runner"
    if fault is not None:
        focus, source = [fault], f"the fault you picked: {library.faults[fault].title.lower()}"
    elif db is not None and actor is not None:
        parts: list[tuple[dt.date, list[str], str]] = []
        report = latest_findings(db, actor, library, today, athlete_id)
        if report is not None and report.findings and report.day is not None:
            parts.append((report.day, [f.fault for f in report.findings],
                          f"your run on {report.day:%d %b %Y}"))
        result = latest_assessment(db, actor, athlete_id)
        if (result is not None and result.ranking
                and result.date >= today - dt.timedelta(days=ASSESSMENT_DAYS)):
            parts.append((result.date, [r.fault for r in result.ranking],
                          f"your self-assessment on {result.date:%d %b %Y}"))
        parts.sort(key=lambda p: p[0], reverse=True)
        for _, faults, _words in parts:
            focus += [f for f in faults if f not in focus]
        if parts:
            source = " and ".join(p[2] for p in parts)
    try:
        session = build_session(focus, minutes, library, max_level=level)
    except ValueError as exc:
        raise Invalid(str(exc)[0].upper() + str(exc)[1:] + ".") from None
    return SessionPlan(session=session, source=source)


def session_json(plan: SessionPlan, library: Library) -> dict[str, Any]:
    s = plan.session
    return {
        "minutes_available": s.minutes_available, "minutes": s.minutes, "focus": list(s.focus),
        "general": s.general, "source": plan.source,
        "run_cue": s.run_cue, "run_cue_text": library.cues[s.run_cue].text if s.run_cue else None,
        "drills": [{"order": i.order, "drill": i.drill, "title": library.drills[i.drill].title,
                    "fault": i.fault, "cue": i.cue,
                    "cue_text": library.cues[i.cue].text if i.cue else None,
                    "sets": i.sets, "dose": i.dose, "minutes": i.minutes} for i in s.items],
        "in_run": list(s.in_run),
    }


NO_RUN_VERDICTS = frozenset({Verdict.CROSS_TRAIN, Verdict.REST, Verdict.SEE_PROFESSIONAL})


def run_day_card(db: Session, actor: Actor, library: Library, day: dt.date,
                 athlete_id: int | None = None) -> dict[str, Any] | None:
    """The drill block to do before the runs of a plan, for the Plan page."""
    plan = plan_session(db, actor, library, 10, day, athlete_id=athlete_id)
    return session_json(plan, library) if plan.session.items else None


def is_running_day(db: Session, actor: Actor, day: dt.date, athlete_id: int | None = None) -> bool:
    """Whether the runner usually runs on this weekday: a run on it in 2 of the last 4 weeks."""
    mine = scope(db, actor, athlete_id)
    days = db.scalars(mine.select(models.Activity.day).where(
        models.Activity.sport == "running",
        models.Activity.day >= day - dt.timedelta(days=28), models.Activity.day < day))
    weeks = {d for d in days if d.weekday() == day.weekday()}
    return len(weeks) >= 2


def metric_label(metric: Metric) -> str:
    return METRICS[metric].label


def today_block(db: Session, actor: Actor, library: Library, day: dt.date, minutes: int = 10,
                verdict: Verdict | None = None, athlete_id: int | None = None) -> SessionPlan | None:
    """The drill block for the Today page, on a day with a run ahead: the strength plan's
    running week says which days those are; without a plan, the weekdays the runner usually
    runs on (every day while the log has no run from the last four weeks). No block when the
    day's verdict rules out running."""
    mine = scope(db, actor, athlete_id)
    athlete = mine.athlete_id
    if verdict in NO_RUN_VERDICTS:
        return None
    run_day = plans.planned_for(db, actor, day, athlete).run_day
    if run_day is not None:
        if run_day == "rest":
            return None
    else:
        recent = db.scalar(mine.select(models.Activity.id).where(
            models.Activity.sport == "running",
            models.Activity.day >= day - dt.timedelta(days=28)).limit(1))
        if recent is not None and not is_running_day(db, actor, day, athlete):
            return None
    return plan_session(db, actor, library, minutes, day, athlete_id=athlete)


def today_card(db: Session, actor: Actor, library: Library, day: dt.date,
               verdict: Verdict | None = None, athlete_id: int | None = None) -> dict[str, Any] | None:
    """`today_block` ready for the Today template: titles and cue words included."""
    plan = today_block(db, actor, library, day, verdict=verdict, athlete_id=athlete_id)
    return session_json(plan, library) if plan is not None and plan.session.items else None
