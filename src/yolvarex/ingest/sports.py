"""Sport names as files spell them (FIT enums, TCX attributes, GPX types, Strava) -> `Sport`."""

from __future__ import annotations

from yolvarex.domain.activity import Sport

_WORDS: dict[str, Sport] = {
    "running": Sport.RUNNING, "run": Sport.RUNNING, "trail_running": Sport.RUNNING,
    "trail run": Sport.RUNNING, "trailrun": Sport.RUNNING, "treadmill": Sport.RUNNING,
    "virtualrun": Sport.RUNNING, "virtual run": Sport.RUNNING, "track_running": Sport.RUNNING,
    "street_running": Sport.RUNNING, "indoor_running": Sport.RUNNING, "9": Sport.RUNNING,
    "cycling": Sport.CYCLING, "biking": Sport.CYCLING, "ride": Sport.CYCLING, "bike": Sport.CYCLING,
    "virtualride": Sport.CYCLING, "virtual ride": Sport.CYCLING, "e_biking": Sport.CYCLING,
    "ebikeride": Sport.CYCLING, "e-bike ride": Sport.CYCLING, "mountainbikeride": Sport.CYCLING,
    "gravelride": Sport.CYCLING, "mountain bike ride": Sport.CYCLING, "gravel ride": Sport.CYCLING,
    "1": Sport.CYCLING, "swimming": Sport.SWIMMING, "swim": Sport.SWIMMING,
    "walking": Sport.WALKING, "walk": Sport.WALKING, "hiking": Sport.HIKING, "hike": Sport.HIKING,
    "training": Sport.STRENGTH, "strength_training": Sport.STRENGTH,
    "weighttraining": Sport.STRENGTH, "weight training": Sport.STRENGTH, "workout": Sport.OTHER,
}

#: Sports that count steps, so their FIT/TCX cadence is strides per minute (steps = 2 x strides).
FOOT_SPORTS = frozenset({Sport.RUNNING, Sport.WALKING, Sport.HIKING})


def sport_named(name: str | None) -> Sport | None:
    """The sport a file's word stands for, or None when the word is unknown or missing."""
    if name is None:
        return None
    key = str(name).strip().lower()
    if key in _WORDS:
        return _WORDS[key]
    compact = key.replace("_", "").replace(" ", "").replace("-", "")
    for word, sport in _WORDS.items():
        if compact == word.replace("_", "").replace(" ", "").replace("-", ""):
            return sport
    return None


def sport_from_pace(median_speed_mps: float | None) -> Sport:
    """A guess for files that do not name their sport (plain GPX): from the typical moving speed."""
    if median_speed_mps is None or median_speed_mps != median_speed_mps:
        return Sport.OTHER
    if median_speed_mps < 1.9:
        return Sport.WALKING
    if median_speed_mps > 6.5:
        return Sport.CYCLING
    return Sport.RUNNING
