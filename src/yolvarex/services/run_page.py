"""Everything the page of one run shows, in one dict the web page and the API both render.

The figures from samples come from the kept analysis (`run_analysis.analysis_of`); the rest
is the stored summary, the shoe, the records the run holds, and whether the original file and
running dynamics are there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from yolvarex.domain.session_load import TRIMP_TO_SRPE
from yolvarex.services import activity_files, gear, records, run_analysis
from yolvarex.services.training_log import display_name, entry_json
from yolvarex.store import models
from yolvarex.store.access import Actor, reach

DYNAMICS_FOR_FORM = ("vertical_oscillation_mm", "stance_time_ms", "step_length_mm",
                     "vertical_ratio_pct")


def load_explained(row: models.Activity) -> str | None:
    """How this session's load was computed, in words."""
    if row.load is None:
        return None
    minutes = (row.moving_s or row.duration_s) / 60
    which = "moving" if row.moving_s else "elapsed"
    method = (row.dynamics or {}).get("load_method")
    if method == "rpe" and row.rpe is not None:
        return f"Your effort rating (RPE {row.rpe:g}) x {minutes:.0f} {which} minutes."
    if method == "heart_rate":
        return (f"Heart-rate TRIMP (Banister) from the average heart rate over {minutes:.0f} "
                f"{which} minutes, x {TRIMP_TO_SRPE} to put it on the RPE x minutes scale. "
                "Rate the effort to use your own rating instead.")
    return (f"An estimate: the usual effort of this kind of session x {minutes:.0f} {which} "
            "minutes. Rate the effort, or import a file with heart rate, for a measured load.")


def summary(row: models.Activity) -> dict[str, Any]:
    moving = row.moving_s or row.duration_s
    pace = moving / row.distance_m * 1000 if row.distance_m else None
    return {"distance_km": round(row.distance_m / 1000, 2) if row.distance_m else None,
            "moving_s": row.moving_s, "elapsed_s": row.duration_s,
            "pace_s_per_km": round(pace, 1) if pace else None,
            "ascent_m": round(row.ascent_m) if row.ascent_m is not None else None,
            "avg_hr": round(row.avg_hr) if row.avg_hr else None,
            "max_hr": round(row.max_hr) if row.max_hr else None,
            "avg_cadence_spm": round(row.avg_cadence_spm) if row.avg_cadence_spm else None,
            "load": round(row.load) if row.load is not None else None,
            "load_explained": load_explained(row)}


def run_page(db: Session, actor: Actor, activity_id: int) -> dict[str, Any]:
    """The page of one activity; reading it writes nothing (`run_analysis.analysis_of`)."""
    mine, row = reach(db, actor, models.Activity, activity_id)
    analysis = run_analysis.analysis_of(mine, row)
    shoe = gear.get_shoe(db, actor, row.shoe_id) if row.shoe_id else None
    holds = records.held_by(mine, row) if row.efforts else []
    return {
        "activity": entry_json(row), "title": display_name(row), "summary": summary(row),
        "analysis": analysis,
        "records_held": holds, "shoe": shoe.to_json() if shoe else None,
        "has_original": activity_files.has_original(mine, row.id),
        "has_form_analysis": row.sport == "running" and any(
            k in (row.dynamics or {}) for k in DYNAMICS_FOR_FORM),
        "athlete_id": row.user_id,
    }
