"""Today's routine suggestions, against laying out every routine's timeline once.

Each suggestion list looks at every routine (occasions, body-area cover, totals). The library
keeps each routine's timeline once computed, so ranking should cost well under laying out all
the timelines from scratch for every request (the baseline). The Today page asks for one list
per request.
"""

from __future__ import annotations

import datetime as dt
import random

from common import median_seconds, report
from yolvarex.content import load_library
from yolvarex.domain.recovery.areas import SYNONYMS
from yolvarex.domain.recovery.suggest import Done, Run, SessionKind, Situation, suggest
from yolvarex.domain.recovery.timeline import timeline
from yolvarex.domain.verdict import Verdict

TODAY = dt.date(2026, 11, 25)


def situations(library, n: int) -> list[Situation]:
    rng = random.Random(6)
    areas = sorted(SYNONYMS)
    routines = sorted(library.routines)
    out = []
    for _ in range(n):
        out.append(Situation(
            today=TODAY, verdict=rng.choice([None, *Verdict]),
            sore_areas=tuple(rng.sample(areas, rng.randint(0, 2))),
            planned=tuple(rng.sample(list(SessionKind), rng.randint(0, 2))),
            runs=(Run(TODAY - dt.timedelta(days=1), rng.choice(["easy", "long"])),),
            done=(Done(rng.choice(routines), TODAY),),
            sleep_hours=rng.choice([None, 5.5, 8.0]), stress=rng.choice([None, 2, 5])))
    return out


def main() -> None:
    library, errors = load_library()
    assert not errors
    cases = situations(library, 200)

    def ranked() -> None:
        for situation in cases:
            suggest(situation, library)

    def layout() -> None:
        for _ in cases:
            for routine in library.routines.values():
                timeline(routine, library.movements)

    full = median_seconds(ranked, repeat=5)
    baseline = median_seconds(layout, repeat=5)
    per_call = full / len(cases)
    report(f"suggest for {len(cases)} situations ({per_call * 1000:.2f} ms each)", full,
           f"lay out all {len(library.routines)} timelines per situation", baseline,
           target="under 5 ms per Today page")


if __name__ == "__main__":
    main()
