"""The content check enforces what can be checked: vocabulary, spelling, evidence use and ids,
neighbours, routine length, basis, one truth per movement. A broken fixture fails each check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _messages(data: Path) -> list[str]:
    return [str(e) for e in load_library(data)[1]]


def test_the_shipped_library_passes_every_check() -> None:
    assert [str(e) for e in load_library()[1]] == []


def test_a_muscle_outside_the_vocabulary_fails(data: Path) -> None:
    _edit(data / "exercises" / "core-and-lower.yaml", "muscles: [glutes, hamstrings]",
          "muscles: [glutes, hammies]")
    assert any("glute-bridge" in m and "muscles" in m for m in _messages(data))


def test_a_research_claim_without_a_citation_fails(data: Path) -> None:
    _edit(data / "cues" / "alignment.yaml", "is a coaching cue for holding the pelvis up",
          "holds the pelvis up, as a study found,")
    assert any("[firm-glutes]" in m and "reports research but the entry cites none" in m
               for m in _messages(data))


def test_an_imperial_length_in_our_words_fails(data: Path) -> None:
    _edit(data / "cues" / "landing.yaml", "Listen to your feet", "Lift a few inches and listen to your feet")
    assert any("'inches' is an imperial unit" in m for m in _messages(data))


def test_british_spelling_fails(data: Path) -> None:
    _edit(data / "cues" / "landing.yaml", "Listen to your feet", "Listen to your feet's colour")
    assert any("'colour' is British spelling; write 'color'" in m for m in _messages(data))


def test_unused_evidence_fails(data: Path) -> None:
    with (data / "evidence" / "fuel.yaml").open("a") as f:
        f.write("- id: nobody-2020\n  authors: Nobody N\n  year: 2020\n  title: Not cited\n"
                "  journal: Nowhere\n  kind: study\n  finding: Nothing that the library uses.\n")
    assert any("[nobody-2020] no entry cites this evidence" in m for m in _messages(data))


def test_an_unknown_evidence_id_fails(data: Path) -> None:
    _edit(data / "cues" / "landing.yaml", "evidence: [phan-2016]", "evidence: [phan-2061]")
    assert any("'phan-2061', which does not exist" in m for m in _messages(data))


def test_an_exercise_without_neighbours_fails(data: Path) -> None:
    _edit(data / "ladders" / "strength.yaml", "steps: [tibialis-raise, single-leg-tibialis-raise]",
          "steps: [tibialis-raise, double-leg-calf-raise]")
    assert any("[single-leg-tibialis-raise] ladders: this exercise is on no ladder" in m
               for m in _messages(data))


def test_a_drill_without_progression_or_regression_fails(data: Path) -> None:
    _edit(data / "drills" / "technique.yaml", "  regression: wall-drive-march\n  progression: a-skip\n", "")
    assert any("[falling-start] progression: name a progression or a regression" in m
               for m in _messages(data))


def test_a_primer_shorter_than_its_title_fails(data: Path) -> None:
    path = data / "routines" / "basics.yaml"
    path.write_text(re.sub(r"seconds: 60\n      cue: Quiet feet\.", "seconds: 5\n      cue: Quiet feet.",
                           path.read_text()))
    assert any("[quick-pre-run-primer] steps: the title promises 5 minutes" in m
               for m in _messages(data))


def test_basis_evidence_without_evidence_fails(data: Path) -> None:
    _edit(data / "cues" / "landing.yaml", "  basis: evidence\n  focus: external\n  explanation: Listen",
          "  basis: evidence\n  focus: external\n  explanation: Listen")
    _edit(data / "cues" / "landing.yaml", "  evidence: [phan-2016]\n", "")
    assert any("basis is evidence but no evidence id is given" in m for m in _messages(data))


def test_a_missing_basis_fails(data: Path) -> None:
    _edit(data / "exercises" / "core-and-lower.yaml", "  basis: convention\n", "")
    assert any("basis: required field is missing" in m for m in _messages(data))


def test_an_exercise_without_feel_or_precautions_fails(data: Path) -> None:
    path = data / "exercises" / "core-and-lower.yaml"
    path.write_text(re.sub(r"  precautions: [^\n]*\n", "", path.read_text(), count=1))
    assert any("precautions: required field is missing" in m for m in _messages(data))


def test_a_movement_named_like_an_exercise_must_point_at_it(data: Path) -> None:
    _edit(data / "movements" / "activation.yaml", "  exercise: clamshell\n", "")
    assert any("[clamshell] exercise: this is the exercise 'clamshell'" in m
               for m in _messages(data))


def test_household_items_go_under_needs(data: Path) -> None:
    _edit(data / "exercises" / "legs.yaml", "  needs: [step]\n  muscles: [quadriceps, glutes]",
          "  muscles: [quadriceps, glutes]")
    _edit(data / "exercises" / "legs.yaml", "equipment: [bodyweight, dumbbells, kettlebell]",
          "equipment: [bodyweight, step]")
    assert any("chair, step, box and table go under needs" in m for m in _messages(data))


def test_pages_and_readme_keep_to_american_spelling() -> None:
    from yolvarex.content.trust_checks import _BRITISH_RX

    root = Path(__file__).resolve().parents[2]
    files = [root / "README.md", *sorted((root / "src/yolvarex/web/templates").rglob("*.html"))]
    found = [f"{f.name}: {m.group(0)}" for f in files for m in _BRITISH_RX.finditer(f.read_text())]
    assert found == []


def test_evidence_a_reader_cannot_find_fails(data: Path) -> None:
    _edit(data / "evidence" / "form.yaml", "  volume_pages: 29:243-247\n", "")
    assert any("[willson-2014] doi: a reader cannot find this source" in m for m in _messages(data))


def test_every_evidence_entry_can_be_found_again() -> None:
    library = load_library()[0]
    assert all(e.located for e in library.evidence.values())
    foster = library.evidence["foster-2001"]
    assert foster.doi == "10.1519/00124278-200102000-00019"
    assert foster.pubmed == "https://pubmed.ncbi.nlm.nih.gov/11708692/"
    assert library.evidence["acsm-2021"].isbn == "9781975150181"


def test_an_isbn_with_a_wrong_check_digit_fails(data: Path) -> None:
    _edit(data / "evidence" / "core.yaml", 'isbn: "9781975150181"', 'isbn: "9781975150182"')
    assert any("fails its check digit" in m for m in _messages(data))


def test_a_copied_set_up_between_two_entries_fails(data: Path) -> None:
    """Two different movements that open with the same sentences are near-duplicates."""
    _edit(data / "movements" / "dynamic.yaml",
          "    - Come onto your hands and knees, wrists below your shoulders and knees below your hips.",
          "    - Kneel on all fours with hands under shoulders and knees under hips.")
    found = [m for m in _messages(data) if "word for word" in m]
    assert any("bird-dog" in m and "'cat-cow'" in m for m in found), found


def test_a_short_common_phrase_is_not_a_duplicate() -> None:
    from yolvarex.content.overlap_checks import LIMIT, RUN, covered, runs, words

    a = words("Lie on your back with knees bent and feet flat. Lift your hips slowly.")
    b = words("Lie on your back with knees bent and feet flat. Breathe into your belly.")
    shared = runs(a) & runs(b)
    assert RUN <= covered(a, shared) < LIMIT


def test_declared_variants_may_share_their_words() -> None:
    """The movement `band-pull-apart` says it is the exercise of that name; their texts
    overlap and the check lets them."""
    from yolvarex.content.overlap_checks import covered, how_to_words, near_duplicates, runs

    library = load_library()[0]
    exercise = how_to_words(library.exercises["band-pull-apart"])
    movement = how_to_words(library.movements["band-pull-apart"])
    assert library.movements["band-pull-apart"].exercise == "band-pull-apart"
    assert covered(exercise, runs(exercise) & runs(movement)) >= 12
    assert not [p for p in near_duplicates(library) if p[0][1] == p[1][1] == "band-pull-apart"]
