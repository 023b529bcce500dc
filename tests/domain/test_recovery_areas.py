"""Free-text sore areas map onto the body-area vocabulary the movement library uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yolvarex.domain.recovery.areas import (
    BODY_AREAS,
    SYNONYMS,
    area_label,
    areas_of,
    join_words,
    normalise_areas,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("calf", ("calves",)),
    ("Calves", ("calves",)),
    ("left calf", ("calves",)),
    ("  tight CALVES ", ("calves",)),
    ("hamstring", ("hamstrings",)),
    ("right hamstrings", ("hamstrings",)),
    ("hammies", ("hamstrings",)),
    ("back of thigh", ("hamstrings",)),
    ("quad", ("quads",)),
    ("IT band", ("it_band",)),
    ("itb", ("it_band",)),
    ("low back", ("lower_back",)),
    ("lower-back", ("lower_back",)),
    ("lower_back", ("lower_back",)),
    ("upper back", ("upper_back",)),
    ("back", ("lower_back", "upper_back")),
    ("achilles", ("calves", "ankles")),
    ("hip flexors", ("hips",)),
    ("groin", ("adductors",)),
    ("inner thighs", ("adductors",)),
    ("glute", ("glutes",)),
    ("shin splints", ("shins",)),
    ("plantar fascia", ("feet",)),
    ("foot", ("feet",)),
    ("legs", ("quads", "hamstrings", "calves")),
    ("elbow", ()),
    ("", ()),
    ("sore", ()),
])
def test_what_people_type_maps_onto_the_vocabulary(typed: str, expected: tuple[str, ...]) -> None:
    assert areas_of(typed) == expected


def test_normalise_keeps_order_drops_repeats_and_reports_unknown_words() -> None:
    result = normalise_areas(["Calf", "calves", "left hamstring", "elbow", " ", "soleus"])
    assert result.known == ("calves", "hamstrings")
    assert result.unknown == ("elbow",)


def test_every_canonical_name_and_label_maps_to_itself() -> None:
    for area in BODY_AREAS:
        assert areas_of(area) == (area,)
        assert areas_of(area_label(area)) == (area,)


def test_every_synonym_points_inside_the_vocabulary() -> None:
    assert {a for targets in SYNONYMS.values() for a in targets} <= BODY_AREAS


@given(st.lists(st.sampled_from(sorted(SYNONYMS)) | st.text(max_size=12), max_size=6))
def test_normalised_areas_are_always_canonical_and_unique(texts: list[str]) -> None:
    result = normalise_areas(texts)
    assert set(result.known) <= BODY_AREAS
    assert len(set(result.known)) == len(result.known)
    assert normalise_areas(result.known).known == result.known


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["calves"]) == "calves"
    assert join_words(["calves", "hips"]) == "calves and hips"
    assert join_words(["calves", "hips", "glutes"]) == "calves, hips and glutes"
