"""The documented shapes of the running-form answers: a run's form report, the runs there are to
analyse, and the warm-up drill block. The documents come from one serializer each in
`services/form.py` (`report_json`, `session_json`), which the CLI's `--json` prints too."""

from __future__ import annotations

from pydantic import BaseModel, Field

from yolvarex.api.answers import IsoDateTime
from yolvarex.store import models


class AnalysableRunOut(BaseModel):
    id: int
    start: IsoDateTime = Field(description="In UTC.")
    name: str | None
    duration_s: float
    distance_m: float | None
    source_name: str | None

    @classmethod
    def of(cls, run: models.Activity) -> AnalysableRunOut:
        return cls(id=run.id, start=run.start, name=run.name, duration_s=run.duration_s,
                   distance_m=run.distance_m, source_name=run.source_name)


class MetricSummaryOut(BaseModel):
    mean: float
    p10: float = Field(description="10th percentile of the run's records.")
    p90: float
    grade: str | None = Field(description="How it compares with the usual range; null: no grade.")


class DriftOut(BaseModel):
    """From the first quarter of the run to the last, in percent."""

    cadence_pct: float | None
    ground_contact_pct: float | None
    vertical_oscillation_pct: float | None
    first_pace_s_per_km: float | None
    last_pace_s_per_km: float | None
    pace_matched: bool = Field(description="Only stretches at a shared pace were compared.")
    pace_explains: bool = Field(description="The quarters' paces were too far apart to compare.")


class FindingOut(BaseModel):
    fault: str
    because: str
    cue: str | None
    drills: list[str]


class MetricBaselineOut(BaseModel):
    usual: float
    low: float
    high: float
    diff: float = Field(description="Percent of usual (points, for balance).")
    notable: bool


class BaselineOut(BaseModel):
    """This run against your earlier runs at a similar pace."""

    runs: int
    pace_low_s_per_km: float
    pace_high_s_per_km: float
    metrics: dict[str, MetricBaselineOut]


class FormReportOut(BaseModel):
    """One run's form: the API always gives the extended report."""

    file: str | None
    sport: str
    duration_s: float
    distance_m: float | None
    metrics: dict[str, MetricSummaryOut] = Field(description="By metric (cadence_spm, ...).")
    drift: DriftOut
    findings: list[FindingOut]
    missing: list[str] = Field(description="Metrics the file does not record.")
    activity_id: int | None = Field(description="The run in the log; null for an upload.")
    start: IsoDateTime | None
    moving_s: float
    walking_s: float
    paused_s: float
    records: int
    records_used: int
    pace_s_per_km: float | None
    drift_note: str | None
    baseline: BaselineOut | None


class SessionDrillOut(BaseModel):
    order: int
    drill: str
    title: str
    fault: str
    cue: str | None
    cue_text: str | None
    sets: int
    dose: str
    minutes: float


class DrillSessionOut(BaseModel):
    minutes_available: int
    minutes: float
    focus: list[str] = Field(description="The faults the block works on.")
    general: bool = Field(description="No run or self-assessment to go on: a general block.")
    source: str = Field(description="Where the focus came from, in words.")
    run_cue: str | None
    run_cue_text: str | None
    drills: list[SessionDrillOut]
    in_run: list[str]
