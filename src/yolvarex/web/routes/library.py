"""Browse the content library: every kind, every entry, with search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from yolvarex.content import Library, facets, words
from yolvarex.content.kinds import KINDS, kind_named
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.content.search import SEARCH_KINDS
from yolvarex.domain.plan.describe import starting_dose
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import library_search
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
    "evidence": "The research the advice rests on, summarized in plain words.",
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


FACET_LABELS = {"pattern": "Pattern", "equipment": "Equipment", "level": "Level",
                "body_area": "Body area", "muscle": "Muscle", "occasion": "Occasion",
                "duration": "Minutes you have"}


def _filters(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "").strip()[:60] for k in facets.FACETS
            if request.query_params.get(k, "").strip()}


def _facet_choices(lib: Library, kinds: list[str]) -> list[tuple[str, str, list[str]]]:
    """The filters a page offers: each facet the kinds have, with the values they use."""
    out = []
    for facet in facets.FACETS:
        if facet == "duration":
            if any("duration" in facets.supported(k, lib) for k in kinds):
                out.append((facet, FACET_LABELS[facet], ["5", "10", "15", "20", "30"]))
            continue
        values = sorted({v for k in kinds for v in facets.choices(k, facet, lib)})
        if values:
            out.append((facet, FACET_LABELS[facet], values))
    return out


@router.get("/library")
def index(request: Request, q: str = "") -> Response:
    lib = core.runtime(request).library
    chosen = _filters(request)
    facet_rows = _facet_choices(lib, list(SEARCH_KINDS))
    if q.strip() or chosen:
        error: Invalid | None = None
        try:
            result = library_search.find(lib, q, library_search.filters_from(chosen))
        except Invalid as exc:
            error, result = exc, library_search.find(lib, q)
        return core.render(request, "library/search.html", {
            "result": result, "q": q, "chosen": chosen, "facets": facet_rows, "error": error},
            section="library", status_code=422 if error else 200)
    counts = lib.counts()
    kinds = [(k.name, k.name.capitalize(), counts[k.name], BLURBS[k.name]) for k in KINDS]
    return core.render(request, "library/index.html", {
        "kinds": kinds, "facets": facet_rows, "chosen": {}, "q": ""}, section="library")


@router.get("/library/{kind}")
def listing(request: Request, kind: str, q: str = "") -> Response:
    try:
        name = kind_named(kind).name
    except ValueError as exc:
        raise NotFound(str(exc)) from None
    lib = core.runtime(request).library
    chosen = _filters(request)
    error: Invalid | None = None
    try:
        entries = library_search.entries(lib, name, q[:200], library_search.filters_from(chosen))
    except Invalid as exc:
        error, entries = exc, library_search.entries(lib, name, q[:200])
    rows = [(e.id, _label(e), _blurb(e)) for e in entries]
    return core.render(request, "library/list.html", {
        "kind": name, "rows": rows, "q": q, "blurb": BLURBS[name], "chosen": chosen,
        "facets": _facet_choices(lib, [name]), "error": error}, section="library",
        status_code=422 if error else 200)


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
        "extra": extra, "facts": words.facts(entry, lib), "neighbours": _neighbours(entry, lib)},
        section="library")


def _neighbours(entry: Entry, lib: Library) -> list[tuple[str, str, str]]:
    """A drill's easier and harder drill, and the exercise a drill or movement is, as
    (label, kind, id)."""
    out = []
    same = getattr(entry, "exercise", None)
    if isinstance(same, str) and same in lib.exercises:
        out.append(("Same movement as the exercise", "exercises", same))
    for field, name in (("regression", "Easier"), ("progression", "Harder")):
        target = getattr(entry, field, None)
        if isinstance(target, str) and target in lib.drills:
            out.append((name, "drills", target))
    return out
