"""Full decisions per second: every shipped tree run over random check-ins, in-process.

Each decision runs all shipped trees (red flags, illness, pain, readiness, overreaching, load,
planned session), records every path, picks the most conservative verdict and gathers advice,
routines, evidence and missing facts. The facts are built from random check-ins and contexts
beforehand (a second figure includes building them). The baseline is the trivial evaluation:
the one-question red-flags tree alone over the same facts, measured in the same run.
Target: at least 20,000 full decisions per second on one core. "On one core" is measured as
this process's CPU time, so a busy shared machine does not distort it; the wall-clock figure is
printed next to it.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from common import median_seconds, report
from yolvarex.content import load_library
from yolvarex.domain.checkin import CheckIn, NextMorning, PainKind, PainTrend, RedFlag, Symptom
from yolvarex.domain.facts import Context, Facts, Planned, Trend
from yolvarex.domain.trees import CompiledTree, Engine

N = 20_000
DAY = dt.date(2026, 11, 25)


def median_cpu_seconds(fn: Callable[[], object], repeat: int = 5) -> float:
    """Like `median_seconds`, but in CPU time of this process: what one core spends on it,
    whatever else the machine is doing."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _maybe(rng: random.Random, value: object, p: float = 0.7) -> object:
    return value if rng.random() < p else None


def random_day(rng: random.Random) -> tuple[CheckIn, Context]:
    symptoms = rng.sample(list(Symptom), rng.choice([0] * 12 + [1, 1, 2]))
    flags = [rng.choice(list(RedFlag))] if rng.random() < 0.01 else []
    pain = rng.choice([None, None, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 7])
    checkin = CheckIn(
        date=DAY, sleep_hours=_maybe(rng, round(rng.uniform(4, 9.5), 1)),
        sleep_quality=_maybe(rng, rng.randint(1, 5)), soreness=_maybe(rng, rng.randint(0, 9)),
        pain=pain, pain_kind=_maybe(rng, rng.choice(list(PainKind)), 0.5) if pain else None,
        pain_trend_in_run=_maybe(rng, rng.choice(list(PainTrend)), 0.5) if pain else None,
        pain_next_morning=_maybe(rng, rng.choice(list(NextMorning)), 0.5) if pain else None,
        pain_on_hop=_maybe(rng, rng.random() < 0.05, 0.4) if pain else None,
        pain_at_night=_maybe(rng, rng.random() < 0.05, 0.4) if pain else None,
        symptoms=symptoms, red_flags=flags,
        temperature_c=_maybe(rng, round(rng.uniform(36.2, 38.3), 1), 0.2),
        mood=_maybe(rng, rng.randint(1, 5)), stress=_maybe(rng, rng.randint(1, 5)),
        motivation=_maybe(rng, rng.randint(1, 5)), resting_hr=_maybe(rng, rng.randint(44, 64)))
    context = Context(
        resting_hr_baseline=_maybe(rng, rng.uniform(46, 56)),
        hrv_ln_mean_7d=_maybe(rng, rng.uniform(3.8, 4.5)), hrv_ln_normal_low=_maybe(rng, 4.0),
        hrv_ln_normal_high=_maybe(rng, 4.4),
        short_sleep_nights_3d=_maybe(rng, rng.randint(0, 3)),
        soreness_days=_maybe(rng, rng.randint(0, 4)), days_since_rest=_maybe(rng, rng.randint(0, 14)),
        acwr=_maybe(rng, rng.uniform(0.6, 1.9)), monotony=_maybe(rng, rng.uniform(0.8, 2.6)),
        strain=_maybe(rng, rng.uniform(500, 9000)),
        performance_trend=_maybe(rng, rng.choice(list(Trend))),
        symptom_free_days=_maybe(rng, rng.choice([30] * 8 + [1, 2, 5])),
        planned=_maybe(rng, rng.choice(list(Planned))))
    return checkin, context


def main() -> None:
    library, errors = load_library()
    assert not errors, errors
    engine = Engine(list(library.trees.values()))
    trivial = CompiledTree.of(library.trees["red-flags"])
    rng = random.Random(20261125)
    days = [random_day(rng) for _ in range(N)]
    facts = [Facts.build(DAY, c, x) for c, x in days]
    verdicts: dict[str, int] = {}
    for f in facts:
        verdict = engine.decide(f).verdict.value
        verdicts[verdict] = verdicts.get(verdict, 0) + 1

    def full() -> None:
        decide = engine.decide
        for f in facts:
            decide(f)

    def with_facts() -> None:
        decide = engine.decide
        for c, x in days:
            decide(Facts.build(DAY, c, x))

    def serialised() -> None:
        decide = engine.decide
        for f in facts:
            decide(f).as_json()

    def baseline() -> None:
        run = trivial.run
        for f in facts:
            run(f.values)

    seconds = median_seconds(full, repeat=5)
    base = median_seconds(baseline, repeat=5)
    report(f"{N} full decisions ({len(engine.trees)} trees each), wall clock", seconds,
           "one-question red-flags tree alone", base, target=">= 20,000 decisions/s on one core")
    cpu = median_cpu_seconds(full)
    cpu_base = median_cpu_seconds(baseline)
    report(f"{N} full decisions, CPU time of one core", cpu, "one-question red-flags tree alone",
           cpu_base)
    rate = N / cpu
    print(f"full decisions per second on one core: {rate:,.0f} (wall clock {N / seconds:,.0f}) | "
          f"trivial evaluations per second: {N / cpu_base:,.0f} | "
          f"{'meets' if rate >= 20_000 else 'BELOW'} the 20,000/s target")
    built = median_cpu_seconds(with_facts, repeat=3)
    print(f"including building the facts from check-in and context: {N / built:,.0f} decisions/s "
          "(CPU time)")
    full_json = median_cpu_seconds(serialised, repeat=3)
    print(f"including the JSON form (paths with values, missing facts): {N / full_json:,.0f} "
          "decisions/s (CPU time)")
    print("verdict mix:", ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))


if __name__ == "__main__":
    main()
