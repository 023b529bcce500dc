"""From an analysed run to findings: the fault, the numbers behind it, one cue and the drills.

The rules, strongest first (severity 3 for a red band, 2 for orange, imbalance and drift, 1
for a change against the runner's own baseline):

- cadence in the orange or red band, or notably lower than usual at this pace: low cadence;
- cadence orange or red together with ground contact orange or red: overstriding is likely;
- ground contact orange or red, or notably longer than usual: long ground contact;
- vertical ratio orange or red (vertical oscillation when the ratio is missing), or
  oscillation notably higher than usual: excessive vertical bounce;
- ground contact balance outside 49.3-50.7 % (Garmin's orange band, red above 52.2 % on one
  side): left-right asymmetry;
- over the run, cadence down by `DRIFT_CADENCE_PCT` or more, or ground contact or vertical
  oscillation up by `DRIFT_RISE_PCT` or more: form breaking down with fatigue.

The drift thresholds are coaching convention: changes bigger than the usual wobble between
quarters of an even-paced run.
"""

from __future__ import annotations

from dataclasses import dataclass

from yolvarex.domain.form.analysis import FormAnalysis
from yolvarex.domain.form.baseline import Baseline
from yolvarex.domain.form.content import FormContent, best_cue
from yolvarex.domain.form.metrics import BALANCE_BANDS, BALANCE_RANGE, BAND_TEXT, Grade, Metric

DRIFT_CADENCE_PCT = -3.0
DRIFT_RISE_PCT = 5.0
MAX_DRILLS = 3
_SEVERITY = {Grade.RED: 3, Grade.ORANGE: 2}


@dataclass(frozen=True)
class Finding:
    fault: str
    because: str
    cue: str | None
    drills: tuple[str, ...]
    severity: int
    metrics: tuple[Metric, ...]


def _fmt(metric: Metric, value: float) -> str:
    if metric is Metric.CADENCE:
        return f"{value:.0f} steps per minute"
    if metric is Metric.GROUND_CONTACT:
        return f"{value:.0f} ms"
    if metric is Metric.VERTICAL_OSCILLATION:
        return f"{value:.1f} cm"
    if metric is Metric.STEP_LENGTH:
        return f"{value:.2f} m"
    return f"{value:.1f}%"


_NAMES = {Metric.CADENCE: "cadence", Metric.GROUND_CONTACT: "ground contact time",
          Metric.VERTICAL_OSCILLATION: "vertical oscillation", Metric.VERTICAL_RATIO: "vertical ratio",
          Metric.BALANCE: "ground contact balance", Metric.STEP_LENGTH: "step length"}


def _band(analysis: FormAnalysis, metric: Metric) -> tuple[int, str] | None:
    """(severity, words) when the metric's mean sits in the orange or red band."""
    summary = analysis.metrics.get(metric)
    if summary is None or summary.grade not in _SEVERITY:
        return None
    assert summary.grade is not None
    band = BAND_TEXT[metric][summary.grade]
    words = (f"your {_NAMES[metric]} averaged {_fmt(metric, summary.mean)} while running "
             f"({summary.grade.value} band, {band})")
    return _SEVERITY[summary.grade], words


def _usual(baseline: Baseline | None, metric: Metric, higher_is_worse: bool) -> str | None:
    mb = baseline.of(metric) if baseline else None
    if mb is None or not mb.notable or (mb.diff > 0) != higher_is_worse:
        return None
    return (f"your {_NAMES[metric]} was {abs(mb.diff):.0f}% {mb.direction} than your usual "
            f"{_fmt(metric, mb.usual)} on {mb.runs} earlier runs at a similar pace")


def find(analysis: FormAnalysis, content: FormContent, baseline: Baseline | None = None) -> list[Finding]:
    """Findings for a run, strongest first; at most one per fault."""
    raw: list[tuple[int, str, str, tuple[Metric, ...]]] = []

    def add(severity: int, fault: str, because: str, *metrics: Metric) -> None:
        raw.append((severity, fault, because[0].upper() + because[1:], metrics))

    cadence = _band(analysis, Metric.CADENCE)
    contact = _band(analysis, Metric.GROUND_CONTACT)
    if cadence:
        add(cadence[0], "low-cadence", f"{cadence[1]}. Taking 5-10% more steps at the same pace "
            "shortens each step and eases the load on knees and hips.", Metric.CADENCE)
    elif usual := _usual(baseline, Metric.CADENCE, higher_is_worse=False):
        add(1, "low-cadence", f"{usual}. A drop like this often means longer, reaching steps.",
            Metric.CADENCE)
    if cadence and contact:
        add(min(cadence[0], contact[0]), "overstriding",
            f"{cadence[1]} and {contact[1].replace('your ', '', 1)}. Few steps with long "
            "contacts often mean the foot lands ahead of the body.",
            Metric.CADENCE, Metric.GROUND_CONTACT)
    if contact:
        add(contact[0], "long-ground-contact", f"{contact[1]}. Quick, springy drills teach "
            "shorter contacts; compare with your own runs at this pace.", Metric.GROUND_CONTACT)
    elif usual := _usual(baseline, Metric.GROUND_CONTACT, higher_is_worse=True):
        add(1, "long-ground-contact", f"{usual}.", Metric.GROUND_CONTACT)
    bounce = _band(analysis, Metric.VERTICAL_RATIO)
    if Metric.VERTICAL_RATIO not in analysis.metrics:
        bounce = _band(analysis, Metric.VERTICAL_OSCILLATION)
    if bounce:
        metric = (Metric.VERTICAL_RATIO if Metric.VERTICAL_RATIO in analysis.metrics
                  else Metric.VERTICAL_OSCILLATION)
        add(bounce[0], "vertical-bounce", f"{bounce[1]}. More of each push is going up "
            "instead of forward.", metric)
    elif usual := _usual(baseline, Metric.VERTICAL_OSCILLATION, higher_is_worse=True):
        add(1, "vertical-bounce", f"{usual}.", Metric.VERTICAL_OSCILLATION)
    balance = analysis.metrics.get(Metric.BALANCE)
    if balance and balance.grade in (Grade.ORANGE, Grade.RED):
        side = "left" if balance.mean > 50 else "right"
        longer = balance.mean if side == "left" else 100 - balance.mean
        band = (f"Garmin's red band (above {BALANCE_BANDS[1]}% on one side)"
                if balance.grade is Grade.RED else
                f"Garmin's orange band ({BALANCE_BANDS[0]}-{BALANCE_BANDS[1]}% on one side)")
        add(3 if balance.grade is Grade.RED else 2, "left-right-asymmetry",
            f"your {side} foot took {longer:.1f}% of the ground contact time (left "
            f"{balance.mean:.1f}%, right {100 - balance.mean:.1f}%), in {band}; "
            f"{BALANCE_RANGE[0]}-{BALANCE_RANGE[1]}% counts as even. Watch whether it stays "
            "like this over several runs.", Metric.BALANCE)
    drift = analysis.drift
    changes = []
    if drift.cadence_pct is not None and drift.cadence_pct <= DRIFT_CADENCE_PCT:
        changes.append((Metric.CADENCE, f"cadence fell {abs(drift.cadence_pct):.1f}%"))
    if drift.ground_contact_pct is not None and drift.ground_contact_pct >= DRIFT_RISE_PCT:
        changes.append((Metric.GROUND_CONTACT,
                        f"ground contact time rose {drift.ground_contact_pct:.1f}%"))
    if drift.vertical_oscillation_pct is not None and drift.vertical_oscillation_pct >= DRIFT_RISE_PCT:
        changes.append((Metric.VERTICAL_OSCILLATION,
                        f"vertical oscillation rose {drift.vertical_oscillation_pct:.1f}%"))
    if changes:
        add(2, "fatigue-breakdown", "from the first to the last quarter of the run, "
            + " and ".join(text for _, text in changes)
            + ". Your form held early on and slipped as you tired.", *(m for m, _ in changes))

    raw.sort(key=lambda r: -r[0])  # stable: rule order breaks ties
    out: list[Finding] = []
    seen: set[str] = set()
    for severity, fault_id, because, metrics in raw:
        fault = content.faults.get(fault_id)
        if fault is None or fault_id in seen:
            continue
        seen.add(fault_id)
        drills = tuple(d for d in fault.drills if d in content.drills
                       and content.drills[d].when == "warm_up")[:MAX_DRILLS]
        out.append(Finding(fault=fault_id, because=because, cue=best_cue(content, fault_id),
                           drills=drills, severity=severity, metrics=metrics))
    return out
