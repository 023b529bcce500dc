"""The documented shape of a run's page (`run_page.run_page`, which the web page renders too):
the stored summary, the figures kept from its samples, its records and its shoe."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from yolvarex.api.answers import ActivityOut

#: A figure as stored: whole where it was rounded to a whole number, else with decimals.
Number = int | float


class ShoeOut(BaseModel):
    id: int
    name: str
    distance_km: float = Field(description="Start distance plus every run in it.")
    runs: int
    retire_at_km: float | None
    default_for: str | None = Field(description="all, a run type, or null")
    retired_on: dt.date | None
    near_limit: bool
    left_km: float | None


class RunSummaryOut(BaseModel):
    distance_km: float | None
    moving_s: float | None
    elapsed_s: float
    pace_s_per_km: float | None = Field(description="Over the moving time.")
    ascent_m: int | None
    avg_hr: int | None
    max_hr: int | None
    avg_cadence_spm: int | None
    load: int | None
    load_explained: str | None = Field(description="How the load was computed, in words.")


class OutlineOut(BaseModel):
    """The route, simplified: metres east and north of its south-west corner, and the kept
    points as recorded."""

    x_m: list[Number]
    y_m: list[Number]
    width_m: Number
    height_m: Number
    positions: int = Field(description="Recorded positions before simplification.")
    tolerance_m: Number
    lat: list[Number]
    lon: list[Number]


class RunSeriesOut(BaseModel):
    """Chart series, one value per stretch of the run; null where nothing was recorded."""

    distance_km: list[Number]
    seconds: list[Number] = Field(description="Elapsed time at the end of each stretch.")
    pace_s_per_km: list[Number | None]
    hr: list[Number | None]
    elevation: list[Number | None]
    cadence: list[Number | None]


class SplitOut(BaseModel):
    number: int
    distance_m: Number
    seconds: Number
    pace_s_per_km: Number | None
    avg_hr: int | None
    climb_m: Number | None


class LapOut(BaseModel):
    number: int
    distance_m: Number | None
    seconds: Number
    pace_s_per_km: Number | None
    avg_hr: Number | None
    max_hr: Number | None


class EffortOut(BaseModel):
    name: str = Field(description="400 m, 1 km, 1 mile, 5 km, 10 km, half marathon, marathon")
    distance_m: Number
    seconds: Number
    start_s: Number = Field(description="Where in the run it began.")


class RunZonesOut(BaseModel):
    """Time in the athlete's zones of the run's day."""

    method: str
    floors: list[int]
    rest: int
    max: int
    ranges: list[list[int | None]]
    seconds: list[Number] | None = Field(description="Moving time in zones 1-5.")
    without_hr_s: Number | None
    moving_s: Number


class RunAnalysisOut(BaseModel):
    version: int
    outline: OutlineOut | None
    series: RunSeriesOut | None
    splits_km: list[SplitOut]
    splits_mile: list[SplitOut]
    laps: list[LapOut]
    efforts: list[EffortOut] = Field(description="Best efforts inside the run.")
    zones: RunZonesOut | None


class RunPageOut(BaseModel):
    activity: ActivityOut
    title: str
    summary: RunSummaryOut
    analysis: RunAnalysisOut
    records_held: list[str] = Field(description="Your records this run holds now.")
    shoe: ShoeOut | None
    has_original: bool = Field(description="The file it was imported from is kept.")
    has_form_analysis: bool
