"""Search across every kind and the library filters, as pure functions on the shipped library."""

from __future__ import annotations

import pytest

from yolvarex.content import load_library
from yolvarex.content.facets import FilterError, apply, parse_filters
from yolvarex.content.search import SEARCH_KINDS, search, stem, tokens


@pytest.fixture(scope="module")
def lib():  # type: ignore[no-untyped-def]
    library, errors = load_library()
    assert errors == []
    return library


def test_stemming_and_synonyms() -> None:
    assert stem("stretches") == stem("stretching") == stem("stretch") == "stretch"
    assert stem("hamstrings") == stem("hamstring") == stem("hammy") == "hamstring"
    assert stem("lunges") == "lunge" and stem("running") == "run" and stem("rolling") == "roll"
    assert stem("calves") == stem("calf") == "calf"
    assert tokens("Hip-flexor_stretch!") == ["hip", "flexor", "stretch"]


def test_hamstring_stretch_finds_the_hamstring_stretches_first(lib) -> None:  # type: ignore[no-untyped-def]
    result = search(lib, "hamstring stretch")
    assert result.groups[0].kind == "movements"
    top = [h.id for h in result.groups[0].hits[:2]]
    assert set(top) == {"band-hamstring-stretch", "step-hamstring-stretch"}
    assert result.total > 2  # other kinds that mention both words come after
    plural = search(lib, "Hamstrings stretching")
    assert [h.id for h in plural.groups[0].hits[:2]] == top


@pytest.mark.parametrize(("query", "kind", "expected"), [
    ("single-leg glute bridge", "exercises", "single-leg-glute-bridge"),
    ("A-skip", "drills", "a-skip"),
    ("foam roll calves", "movements", "foam-roll-calves"),
    ("after the long run", "routines", "after-the-long-run"),
    ("two rails", "cues", "two-rails"),
    ("overstriding", "faults", "overstriding"),
    ("fever", "trees", "illness"),
])
def test_each_kind_is_searched(lib, query: str, kind: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    groups = {g.kind: [h.id for h in g.hits] for g in search(lib, query).groups}
    assert expected in groups[kind][:3]


def test_runners_words_for_injuries_find_the_right_entries(lib) -> None:  # type: ignore[no-untyped-def]
    """"IT band" is the iliotibial band, not "it" plus a resistance band; shin splints are
    found as shins."""
    ids = {h.id for g in search(lib, "IT band").groups for h in g.hits}
    assert {"clamshell", "side-lying-hip-abduction"} <= ids
    assert "band-pull-apart" not in ids and "band-row" not in ids
    assert ids == {h.id for g in search(lib, "iliotibial band").groups for h in g.hits}
    assert ids == {h.id for g in search(lib, "ITB").groups for h in g.hits}
    shins = {h.id for g in search(lib, "shin splints").groups for h in g.hits}
    assert "tibialis-raise" in shins


def test_title_ranks_above_tags_above_body(lib) -> None:  # type: ignore[no-untyped-def]
    hits = next(g for g in search(lib, "clamshell").groups if g.kind == "exercises").hits
    assert hits[0].id == "clamshell" and all(h.score <= hits[0].score for h in hits)
    assert search(lib, "zzzz qqqq").groups == () and search(lib, "   ").total == 0


def test_filters(lib) -> None:  # type: ignore[no-untyped-def]
    bands = apply(lib, "exercises", lib.exercises.values(), parse_filters(["equipment=bands"]))
    assert bands and all("bands" in e.equipment for e in bands)  # type: ignore[attr-defined]
    calves = apply(lib, "movements", lib.movements.values(), parse_filters({"body_area": "calf"}))
    assert calves and all("calves" in m.body_areas for m in calves)  # type: ignore[attr-defined]
    short = apply(lib, "routines", lib.routines.values(),
                  parse_filters(["duration=6", "occasion=before_easy_run"]))
    assert short and all(lib.routine_seconds(r.id) <= 360 for r in short)
    hinge = apply(lib, "exercises", lib.exercises.values(),
                  parse_filters(["pattern=hinge", "level=1", "muscle=hamstrings"]))
    assert hinge and all(e.pattern == "hinge" and e.level == 1 for e in hinge)  # type: ignore[attr-defined]
    only_routines = search(lib, "", parse_filters(["occasion=after_run"]))
    assert [g.kind for g in only_routines.groups] == ["routines"]


@pytest.mark.parametrize(("kind", "pairs", "message"), [
    ("exercises", ["colour=red"], "unknown filter"),
    ("exercises", ["equipment"], "key=value"),
    ("exercises", ["occasion=after_run"], "cannot be filtered by occasion"),
    ("exercises", ["pattern=flying"], "no exercises have pattern"),
    ("routines", ["duration=soon"], "minutes you have"),
])
def test_bad_filters_say_what_works(lib, kind: str, pairs: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FilterError, match=message):
        apply(lib, kind, lib.of_kind(kind).values(), parse_filters(pairs))


def test_search_kinds_are_every_runner_facing_kind() -> None:
    assert set(SEARCH_KINDS) == {"exercises", "drills", "cues", "faults", "movements", "routines",
                                 "trees"}
