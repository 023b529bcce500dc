"""Browse the content library: every kind, every entry, with search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.domain.plan.describe import starting_dose
from yolvarex.errors import NotFound
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

BLURBS = {
    "exercises": "Home strength exercises for runners, with how to do them and the usual mistakes.",
    "ladders": "Progressions from easiest to hardest, so you always know the next step.",
    "drills": "Short running drills that train a cue, with dose and the faults they address.",
    "cues": "Short phrases to think of mid-run, one at a time.",
    "faults": "Common form faults: how to spot them and what helps.",
    "movements": "Stretches, mobility drills, foam rolling and breathing.",
    "routines": "Ready-made sequences of movements with a guided timer.",
    "trees": "The decision trees behind the daily verdict.",
    "evidence": "The research the advice rests on, summarised in plain words.",
    "questions": "The form self-assessment: what you notice, hear or see on video, and what it points to.",
}
TEXT_FIELDS = ("summary", "purpose", "explanation", "finding", "feel", "why_it_matters")


def _label(entry: Entry) -> str:
    return str(getattr(entry, "title", None) or getattr(entry, "text", None) or entry.id)


def _blurb(entry: Entry) -> str:
    for name in TEXT_FIELDS:
        value = getattr(entry, name, None)
        if value:
            return str(value)
    return ""


def _matches(entry: Entry, q: str) -> bool:
    return q in entry.model_dump_json().lower()


@router.get("/library")
def index(request: Request) -> Response:
    lib = core.runtime(request).library
    counts = lib.counts()
    kinds = [(k.name, k.name.capitalize(), counts[k.name], BLURBS[k.name]) for k in KINDS]
    return core.render(request, "library/index.html", {"kinds": kinds}, section="library")


@router.get("/library/{kind}")
def listing(request: Request, kind: str, q: str = "") -> Response:
    try:
        name = kind_named(kind).name
    except ValueError as exc:
        raise NotFound(str(exc)) from None
    entries = list(core.runtime(request).library.of_kind(name).values())
    query = q.strip().lower()
    if query:
        entries = [e for e in entries if _matches(e, query)]
    rows = [(e.id, _label(e), _blurb(e)) for e in sorted(entries, key=_label)]
    return core.render(request, "library/list.html", {
        "kind": name, "rows": rows, "q": q, "blurb": BLURBS[name]}, section="library")


@router.get("/library/{kind}/{entry_id}")
def detail(request: Request, kind: str, entry_id: str) -> Response:
    try:
        name = kind_named(kind).name
    except ValueError as exc:
        raise NotFound(str(exc)) from None
    lib = core.runtime(request).library
    entry = lib.of_kind(name).get(entry_id)
    if entry is None:
        raise NotFound(f"The library has no {kind_named(name).singular} called {entry_id!r}.")
    data: dict[str, Any] = entry.model_dump(mode="json", by_alias=True)
    if isinstance(entry, Exercise):
        data["dose"] = starting_dose(entry)  # tempo in words, not 3-0-1
    extra: dict[str, Any] = {}
    if name == "routines":
        extra["total_seconds"] = lib.routine_seconds(entry_id)
    return core.render(request, "library/detail.html", {
        "kind": name, "entry": entry, "data": data, "title": _label(entry), "lib": lib,
        "extra": extra}, section="library")
