"""Evidence the code itself rests on, where no content entry cites it: each id with the place
that relies on it. `yolvarex content check` counts these as uses and fails when one is missing."""

from __future__ import annotations

CODE_CITATIONS: dict[str, str] = {
    "bosquet-2007": "domain/plan/rules.py: taper weeks cut volume and keep intensity",
    "jager-2017": "domain/fuel.py: protein per kg of body weight and after strength sessions",
    "thomas-2016": "domain/fuel.py: protein range and carbohydrate for training days",
    "hirshkowitz-2015": "domain/fuel.py: 7-9 hours of sleep",
    "mountjoy-2023": "domain/fuel_run.py: warning signs of eating too little for the training",
}
