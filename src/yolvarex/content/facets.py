"""Filters for the library: pattern, equipment, level, body area, muscle, occasion and duration.

Each kind exposes the facets it has (an exercise has a pattern and muscles, a routine has
occasions and a duration). A filter is `key=value`; values are checked against what the kind
actually uses, so a typo gets a message listing the choices instead of an empty list. Body
areas go through the shared vocabulary of `domain.recovery.areas`, so `calf` finds `calves`.
Duration is the most minutes you have: entries that fit in it pass. Pure: no database, no web.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from yolvarex.content.library import Library
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.content.schemas.form import Drill, Fault
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.recovery.areas import areas_of

FACETS: tuple[str, ...] = ("pattern", "equipment", "level", "body_area", "muscle", "occasion",
                           "duration")
MAX_FILTERS = len(FACETS)

#: Exercise target areas in the shared body-area vocabulary.
_TARGET_AREAS = {"knee": ("knees",), "hip": ("hips",), "it_band": ("it_band",),
                 "shin": ("shins",), "achilles_calf": ("calves", "ankles"),
                 "plantar_fascia": ("feet",), "low_back": ("lower_back",)}
_ALIASES = {"none": "bodyweight", "no_equipment": "bodyweight", "body_weight": "bodyweight",
            "dumbbell": "dumbbells", "band": "bands", "resistance_band": "bands",
            "kettlebells": "kettlebell", "roller": "foam_roller", "foam_roll": "foam_roller",
            "skipping_rope": "rope", "jump_rope": "rope", "water_bottle": "water_bottles"}


class FilterError(ValueError):
    """A filter the library cannot apply, with the choices that would work."""

    def __init__(self, message: str, choices: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.choices = tuple(choices)


@dataclass(frozen=True)
class Filters:
    values: tuple[tuple[str, str], ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.values)

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)


def _word(value: str) -> str:
    return _ALIASES.get(w := re.sub(r"[\s-]+", "_", value.strip().lower()), w)


def _areas(values: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for value in values:
        out |= set(_TARGET_AREAS.get(value) or areas_of(value) or (_word(value),))
    return out


def facets_of(entry: Entry, library: Library) -> dict[str, set[str]]:
    """The facet values one entry has; a facet it lacks is absent (not empty)."""
    if isinstance(entry, Exercise):
        return {"pattern": {entry.pattern.value}, "equipment": {e.value for e in entry.equipment},
                "level": {str(entry.level)}, "muscle": {_word(m) for m in entry.muscles},
                "body_area": _areas([t.value for t in entry.targets] + list(entry.muscles))}
    if isinstance(entry, Drill):
        return {"equipment": {e.value for e in entry.equipment} or {"bodyweight"},
                "level": {str(entry.level)}, "body_area": _areas(a.value for a in entry.body_areas)}
    if isinstance(entry, Fault):
        return {"body_area": _areas(a.value for a in entry.body_areas)}
    if isinstance(entry, Movement):
        return {"equipment": {_word(g.value) for g in entry.equipment},
                "body_area": _areas(entry.body_areas)}
    if isinstance(entry, Routine):
        moves = [library.movements[s.movement] for s in entry.steps if s.movement in library.movements]
        return {"occasion": {o.value for o in entry.suits + entry.also_suits},
                "body_area": _areas(a for m in moves for a in m.body_areas),
                "equipment": {_word(g.value) for m in moves for g in m.equipment}}
    return {}


def minutes_of(entry: Entry, library: Library) -> float | None:
    """How long an entry takes, for the duration filter; None when it has no fixed length."""
    if isinstance(entry, Drill):
        return entry.minutes
    if isinstance(entry, Routine):
        return library.routine_seconds(entry.id) / 60
    return None


def parse_filters(pairs: Iterable[str] | Mapping[str, str | None]) -> Filters:
    """`key=value` strings (CLI) or a mapping (web, API) into checked filters; blanks are ignored."""
    items: list[tuple[str, str]] = []
    if isinstance(pairs, Mapping):
        raw = [(k, v) for k, v in pairs.items() if v not in (None, "")]
    else:
        raw = []
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not value.strip():
                raise FilterError(f"write a filter as key=value, not {pair!r}", FACETS)
            raw.append((key, value))
    for key, value in raw:
        name = _word(key)
        if name not in FACETS:
            raise FilterError(f"unknown filter {key!r}", FACETS)
        items.append((name, str(value).strip()[:60]))
    if len(items) > MAX_FILTERS:
        raise FilterError(f"at most {MAX_FILTERS} filters at once")
    return Filters(tuple(items))


def _duration(value: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes)?\s*", value.lower())
    if not match or not 0 < float(match.group(1)) <= 600:
        raise FilterError(f"duration is the minutes you have, such as 10, not {value!r}")
    return float(match.group(1))


def supported(kind: str, library: Library) -> set[str]:
    """The facets that make sense for a kind (the duration facet where entries have a length)."""
    names: set[str] = set()
    for entry in library.of_kind(kind).values():
        names |= set(facets_of(entry, library))
        if minutes_of(entry, library) is not None:
            names.add("duration")
    return names


def choices(kind: str, facet: str, library: Library) -> list[str]:
    values: set[str] = set()
    for entry in library.of_kind(kind).values():
        values |= facets_of(entry, library).get(facet, set())
    return sorted(values)


def apply(library: Library, kind: str, entries: Iterable[Entry], filters: Filters) -> list[Entry]:
    """The entries that pass every filter. A facet the kind does not have is an error."""
    entries = list(entries)
    if not filters.active:
        return entries
    have = supported(kind, library)
    wanted: list[tuple[str, set[str] | float]] = []
    for facet, value in filters.values:
        if facet not in have:
            raise FilterError(f"{kind} cannot be filtered by {facet.replace('_', ' ')}",
                              sorted(have))
        if facet == "duration":
            wanted.append((facet, _duration(value)))
            continue
        want = _areas([value]) if facet == "body_area" else {_word(value)}
        known = set(choices(kind, facet, library))
        if not want & known:
            raise FilterError(f"no {kind} have {facet.replace('_', ' ')} {value!r}", sorted(known))
        wanted.append((facet, want))
    out = []
    for entry in entries:
        facets = facets_of(entry, library)
        ok = True
        for facet, wish in wanted:
            if isinstance(wish, float):
                minutes = minutes_of(entry, library)
                ok = minutes is not None and minutes <= wish
            else:
                ok = bool(facets.get(facet, set()) & wish)
            if not ok:
                break
        if ok:
            out.append(entry)
    return out


def kinds_for(filters: Filters, kinds: Iterable[str], library: Library) -> list[str]:
    """The kinds every filter applies to (a search with `occasion` looks only at routines)."""
    return [k for k in kinds if all(f in supported(k, library) for f, _ in filters.values)]
