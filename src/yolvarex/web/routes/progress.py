"""Progress: load and ACWR, fitness-fatigue-form, resting HR and HRV against their normal band,
weekly volume, cadence from imported runs and performance tests, each with a table."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.content import Library
from yolvarex.domain import units
from yolvarex.domain.trees.logic import threshold
from yolvarex.services import history
from yolvarex.services import progress as progress_data
from yolvarex.services import routines as routine_service
from yolvarex.services.training_load import LoadSeries
from yolvarex.services.zone_weeks import zone_weeks
from yolvarex.store.access import Actor
from yolvarex.web import core, viewing
from yolvarex.web.charts import ZONE_COLORS, Band, Chart, Series, chart
from yolvarex.web.performance_view import performance_section
from yolvarex.web.viewing import Viewing

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

ACWR_LOW, ACWR_HIGH = 0.8, 1.3


def _labels(days: list[dt.date]) -> list[str]:
    return [d.strftime("%d %b") for d in days]


def load_charts(series: LoadSeries) -> list[Chart]:
    """The load charts from the first logged day on (a new runner's chart is not weeks of
    nothing)."""
    skip = 0
    if series.known_from is not None and series.days and series.known_from > series.days[0]:
        skip = min((series.known_from - series.days[0]).days, len(series.days) - 1)
    labels = _labels(series.days[skip:])

    def column(name: str) -> list[float | None]:
        return series.column(name)[skip:]

    acwr = column("acwr")
    out = [chart("Daily load with acute and chronic load", labels, [
        Series("Daily load", column("load"), kind="bar", color="#9fb7c9"),
        Series("Acute (7-day)", column("acute"), color="#c2571a"),
        Series("Chronic (28-day)", column("chronic"), color="#0b6e69")],
        y_label="load (RPE x min)", digits=0,
        description="Each day's training load as bars, with the 7-day and 28-day exponentially "
                    "weighted averages as lines once 28 days of continuous training are logged "
                    "(a gap of 28 days without training starts them again).")]
    if any(v is not None for v in acwr):
        out.append(chart("Acute:chronic workload ratio", labels, [Series("ACWR", acwr, color="#1f5fa8")],
                         band=Band(f"{ACWR_LOW}-{ACWR_HIGH} range", [ACWR_LOW] * len(labels),
                                   [ACWR_HIGH] * len(labels)),
                         y_label="ratio", digits=2,
                         description="The ratio of acute to chronic load against the 0.8 to 1.3 "
                                     "band; above 1.5 the load rose quickly. One signal among several."))
    if any(v is not None for v in column("fitness")):
        out.append(chart("Fitness, fatigue and form", labels, [
            Series("Fitness (42-day)", column("fitness"), color="#0b6e69"),
            Series("Fatigue (7-day)", column("fatigue"), color="#c2571a"),
            Series("Form", column("form"), color="#5b4a9e", dashed=True)],
            y_label="load", digits=0, zero_based=False,
            description="Fitness and fatigue are 42-day and 7-day averages of daily load, shown "
                        "once 28 days of continuous training are logged; form is fitness minus "
                        "fatigue."))
    return out


def resting_hr_rise(library: Library) -> float:
    """The rise above baseline that the readiness tree acts on."""
    return threshold(library.trees["readiness"], "resting_hr_delta")


def wellness_charts(w: progress_data.Wellness, rise: float) -> list[Chart]:
    """`rise`: the resting-heart-rate rise the readiness tree acts on, drawn as the band."""
    labels = _labels(w.days)
    out = []
    if any(v is not None for v in w.resting_hr):
        low = [None if b is None else round(b - rise, 1) for b in w.rhr_baseline]
        high = [None if b is None else round(b + rise, 1) for b in w.rhr_baseline]
        out.append(chart("Resting heart rate", labels, [
            Series("Resting HR", w.resting_hr, color="#b3261e"),
            Series("30-day baseline", w.rhr_baseline, color="#4f5b69", dashed=True)],
            band=Band(f"baseline ± {rise:g} bpm", low, high), y_label="bpm", digits=0,
            zero_based=False,
            description=f"Morning resting heart rate against your 30-day baseline; {rise:g} bpm "
                        "or more above it suggests an easier day unless your HRV is in its "
                        "normal range."))
    if any(v is not None for v in w.hrv_ms):
        out.append(chart("Heart rate variability (rMSSD)", labels, [
            Series("Daily rMSSD", w.hrv_ms, color="#9fb7c9"),
            Series("7-day average", w.hrv_week_ms, color="#1f5fa8")],
            band=Band("normal range", w.hrv_low_ms, w.hrv_high_ms), y_label="ms", digits=0,
            zero_based=False,
            description="The 7-day average of ln(rMSSD), shown in milliseconds, against your "
                        "60-day normal range (mean ± 0.5 SD)."))
    return out


@router.get("/progress")
def progress(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return progress_page(request, actor, viewing.own(actor))


def progress_page(request: Request, actor: Actor, seen: Viewing) -> Response:
    """The progress of `seen` athlete (the runner's own, or read-only for their coach)."""
    today = clock.today(seen.timezone)
    athlete = seen.athlete_id
    with core.runtime(request).db.session() as db:
        weeks = history.week_totals(db, actor, 12, today, athlete)
        series = progress_data.load_window(db, actor, today, athlete_id=athlete)
        well = progress_data.wellness(db, actor, today, athlete_id=athlete)
        cadence = progress_data.cadence_trend(db, actor, today, athlete_id=athlete)
        tests = performance_section(db, actor, athlete)
        streak = routine_service.streak_for(db, actor, today, athlete)
        zones = zone_weeks(db, actor, today - dt.timedelta(days=today.weekday()), 12, athlete)
    sections: list[tuple[str, str, list[Chart], str | None]] = []
    if series.known_from is not None:
        sections.append(("load", "Training load", load_charts(series), None))
    well_charts = wellness_charts(well, resting_hr_rise(core.runtime(request).library))
    if well_charts:
        sections.append(("recovery", "Resting heart rate and HRV", well_charts, None))
    # Weekly volume from the first week with training: a new runner sees what will appear,
    # not a row of empty weeks.
    first = next((i for i, w in enumerate(weeks)
                  if w.runs or w.strength_sessions or w.other_minutes), None)
    if first is not None:
        shown = weeks[first:]
        labels = [w.monday.strftime("%d %b") for w in shown]
        login = core.current_login(request)
        system = units.units_of(login.units if login else None)
        unit, words = units.distance_unit(system), ("Miles" if system == "imperial" else "Kilometers")
        volume = [] if len(shown) < 2 else [
            chart(f"Weekly running distance ({unit})", labels,
                  [Series(f"Distance, {unit}",
                          [round(units.distance_value(w.run_km, system), 1) for w in shown],
                          kind="bar")],
                  description=f"{words} run in each of the last {len(shown)} weeks."),
            chart("Weekly training time (minutes)", labels, [
                Series("Running", [round(w.run_minutes) for w in shown], kind="bar"),
                Series("Cross-training", [round(w.other_minutes) for w in shown], kind="bar")],
                description="Minutes of running and of cross-training per week.", digits=0)]
        note = None if volume else (
            "Your weekly distance and training time are charted here from your second week "
            f"of training: this week so far, {units.distance(shown[0].run_km, system)} run in "
            f"{shown[0].run_minutes:.0f} min.")
        sections.append(("volume", "Weekly volume", volume, note))
    if cadence:
        sections.append(("cadence", "Cadence", [chart(
            "Average cadence of your runs (steps per minute)",
            [p.day.strftime("%d %b") for p in cadence],
            [Series("Cadence, spm", [p.cadence_spm for p in cadence], color="#0b6e69")],
            y_label="steps/min", digits=0, zero_based=False,
            description="The average cadence of each run that recorded it, oldest first.")], None))
    if any(w.total_s for w in zones):
        sections.append(("zones", "Heart-rate zones", [chart(
            "Weekly minutes in each heart-rate zone", [w.monday.strftime("%d %b") for w in zones],
            [Series(f"Zone {z + 1}", [round(w.seconds[z] / 60) for w in zones], kind="bar",
                    color=ZONE_COLORS[z]) for z in range(5)],
            y_label="minutes", digits=0,
            description="Moving minutes in each of your five heart-rate zones per week, from "
                        "every session with heart rate; each reading counts until the next.")], None))
    return core.render(request, "progress.html", {"sections": sections, "streak": streak, **tests,
                                                  "today": today, **seen.context("progress")},
                       section=seen.section("progress"))
