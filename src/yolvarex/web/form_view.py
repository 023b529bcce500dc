"""What the Form pages draw: a color-band gauge per metric and the charts over the run.

Gauges are small server-side SVGs with a text alternative; the charts come from `charts.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from yolvarex.domain.form.analysis import Summary, over_time
from yolvarex.domain.form.baseline import Baseline
from yolvarex.domain.form.metrics import BAND_TEXT, METRICS, Grade, Metric
from yolvarex.services.form import FormReport
from yolvarex.web.charts import Band, Chart, Series, chart

GRADE_COLOR = {Grade.PURPLE: "#5b4a9e", Grade.BLUE: "#1f5fa8", Grade.GREEN: "#1d7a3a",
               Grade.ORANGE: "#c2571a", Grade.RED: "#b3261e"}
P, B, G, OR, R = Grade.PURPLE, Grade.BLUE, Grade.GREEN, Grade.ORANGE, Grade.RED
#: display range and the band segments (grade, from, to) of each gauge
SCALES: dict[Metric, tuple[float, float, list[tuple[Grade, float, float]]]] = {
    Metric.CADENCE: (140, 200, [(R, 140, 153), (OR, 153, 164), (G, 164, 174), (B, 174, 183.5),
                                (P, 183.5, 200)]),
    Metric.GROUND_CONTACT: (180, 340, [(P, 180, 218), (B, 218, 249), (G, 249, 278), (OR, 278, 308.5),
                                       (R, 308.5, 340)]),
    Metric.VERTICAL_OSCILLATION: (5, 13, [(P, 5, 6.4), (B, 6.4, 8.2), (G, 8.2, 9.8),
                                          (OR, 9.8, 11.55), (R, 11.55, 13)]),
    Metric.VERTICAL_RATIO: (5, 11.5, [(P, 5, 6.1), (B, 6.1, 7.5), (G, 7.5, 8.7), (OR, 8.7, 10.15),
                                      (R, 10.15, 11.5)]),
    Metric.BALANCE: (46, 54, [(R, 46, 47.8), (OR, 47.8, 49.3), (G, 49.3, 50.7), (OR, 50.7, 52.2),
                              (R, 52.2, 54)]),
}


@dataclass(frozen=True)
class Gauge:
    metric: Metric
    label: str
    unit: str
    value: str
    spread: str
    grade: Grade | None
    band: str
    svg: str | None
    usual: str | None
    usual_note: str | None


def _fmt(metric: Metric, value: float) -> str:
    return f"{value:.{METRICS[metric].digits}f}"


def _svg(metric: Metric, s: Summary, text: str) -> str | None:
    """The band gauge, drawn at the width it is shown (positions in percent), so its numbers
    are real 12 px text on a phone as on a desktop."""
    scale = SCALES.get(metric)
    if scale is None:
        return None
    lo, hi, segments = scale
    inset = 2.5  # percent each side, so the marker at an end is not cut off

    def x(v: float) -> float:
        return inset + (min(max(v, lo), hi) - lo) / (hi - lo) * (100 - 2 * inset)

    parts = [f'<svg width="100%" height="50" class="form-gauge-svg" role="img" '
             f'aria-label="{escape(text)}" xmlns="http://www.w3.org/2000/svg">']
    for grade, a, b in segments:
        parts.append(f'<rect x="{x(a):.2f}%" y="14" width="{x(b) - x(a):.2f}%" height="12" '
                     f'fill="{GRADE_COLOR[grade]}" fill-opacity="0.8"/>')
    parts.append(f'<rect x="{x(s.p10):.2f}%" y="31" width="{max(x(s.p90) - x(s.p10), 0.7):.2f}%" '
                 f'height="5" rx="2" fill="#1b2430" fill-opacity="0.45"/>')
    parts.append(f'<svg x="{x(s.mean):.2f}%" y="0" overflow="visible">'
                 '<path d="M-6,2 L6,2 L0,12 Z" fill="#1b2430"/>'
                 '<line x1="0" x2="0" y1="12" y2="28" stroke="#1b2430" stroke-width="2.5"/></svg>')
    parts.append(f'<text x="{inset}%" y="48" font-size="12" fill="#4f5b69">{_fmt(metric, lo)}</text>'
                 f'<text x="{100 - inset}%" y="48" font-size="12" fill="#4f5b69" '
                 f'text-anchor="end">{_fmt(metric, hi)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def gauges(report: FormReport) -> list[Gauge]:
    out = []
    base: Baseline | None = report.baseline
    for metric, s in report.analysis.metrics.items():
        spec = METRICS[metric]
        band = BAND_TEXT.get(metric, {}).get(s.grade, "") if s.grade else ""
        text = f"{spec.label}: {_fmt(metric, s.mean)} {spec.unit}"
        if s.grade:
            text += f", {s.grade.value} band ({band})"
        mb = base.of(metric) if base else None
        usual = note = None
        if mb is not None:
            usual = f"{_fmt(metric, mb.usual)} {spec.unit}"
            change = (f"{mb.diff:+.1f} points" if metric is Metric.BALANCE
                      else f"{mb.diff:+.1f}%")
            note = (f"{change} against your usual on {mb.runs} runs at this pace"
                    + ("; outside your range" if mb.notable else ""))
        out.append(Gauge(metric=metric, label=spec.label, unit=spec.unit,
                         value=_fmt(metric, s.mean),
                         spread=f"{_fmt(metric, s.p10)}-{_fmt(metric, s.p90)}", grade=s.grade,
                         band=band, svg=_svg(metric, s, text), usual=usual, usual_note=note))
    return out


def run_charts(report: FormReport) -> list[Chart]:
    """Cadence and ground contact over the run's moving time, with the runner's usual range."""
    charts = []
    for metric, title, y_label in ((Metric.CADENCE, "Cadence over the run", "steps/min"),
                                   (Metric.GROUND_CONTACT, "Ground contact time over the run", "ms")):
        if metric not in report.analysis.metrics:
            continue
        points = over_time(report.samples, metric, points=40)
        if len(points) < 2:
            continue
        labels = [f"{m:.0f} min" for m, _ in points]
        values = [None if v is None else round(v, 1) for _, v in points]
        band = None
        mb = report.baseline.of(metric) if report.baseline else None
        if mb is not None:
            band = Band("Your usual range", [mb.low] * len(points), [mb.high] * len(points))
        charts.append(chart(title, labels, [Series(METRICS[metric].label, values)], band=band,
                            y_label=y_label, zero_based=False, digits=METRICS[metric].digits,
                            description=f"{title}, averaged over {len(points)} stretches of "
                                        "moving time; pauses and walking left out."))
    return charts


def pace_text(seconds_per_km: float | None) -> str | None:
    if not seconds_per_km:
        return None
    total = round(seconds_per_km)
    return f"{total // 60}:{total % 60:02d} /km"
