"""Illustrations: every exercise, drill and movement has checked poses, and broken poses fail
`content check` (no poses, a joint past a human range, a body part under the floor, a contact
that is not where it says)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR
from yolvarex.content.poses import POSE_KINDS, figure_of
from yolvarex.domain.figure import FOREARM, SHIN, THIGH, UPPER_ARM
from yolvarex.export.figure_svg import entry_svg


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(data: Path, kind: str, entry_id: str, pose_set: dict[str, Any] | None) -> None:
    path = data / "poses" / f"{kind}.yaml"
    sets = yaml.safe_load(path.read_text())
    if pose_set is None:
        del sets[entry_id]
    else:
        sets[entry_id] = pose_set
    path.write_text(yaml.safe_dump(sets))


def _pose_errors(data: Path, entry_id: str) -> list[str]:
    _, errors = load_library(data)
    return [str(e) for e in errors if e.id == entry_id]


def test_every_exercise_drill_and_movement_has_a_checked_illustration() -> None:
    library, errors = load_library()
    assert [str(e) for e in errors if "poses" in e.file] == []
    for kind in POSE_KINDS:
        for entry_id in library.of_kind(kind):
            figure = figure_of(library.poses, kind, entry_id)
            assert figure is not None and figure.problems() == [], (kind, entry_id)


def test_an_entry_without_poses_fails(data: Path) -> None:
    _edit(data, "exercises", "plank", None)
    assert any("has no poses" in e for e in _pose_errors(data, "plank"))


def test_a_knee_bending_backwards_fails(data: Path) -> None:
    _edit(data, "exercises", "bodyweight-squat", {"frames": ["stand", {"squat": {"kn": -25}}]})
    errors = _pose_errors(data, "bodyweight-squat")
    assert any("kn = -25 is outside the human range" in e and "frames.2" in e for e in errors)


def test_an_elbow_bending_backwards_fails(data: Path) -> None:
    _edit(data, "exercises", "push-up", {"frames": [{"high-plank": {"e": -30}}]})
    assert any("en = -30 is outside the human range" in e for e in _pose_errors(data, "push-up"))


def test_a_body_part_below_the_floor_fails(data: Path) -> None:
    _edit(data, "exercises", "bodyweight-squat", {"frames": [{"stand": {"y": 60}}]})
    assert any("below the floor" in e for e in _pose_errors(data, "bodyweight-squat"))


def test_a_foot_said_to_be_on_the_floor_but_lifted_fails(data: Path) -> None:
    _edit(data, "exercises", "bodyweight-squat", {
        "on": ["heel_n floor", "heel_f floor"],
        "frames": ["stand", {"stand": {"hf": 60, "kf": 60}}]})
    errors = _pose_errors(data, "bodyweight-squat")
    assert any("frames.2" in e and "heel_f should touch the floor" in e for e in errors)
    assert not any("frames.1" in e for e in errors)


def test_a_shin_said_to_be_on_the_box_but_elsewhere_fails(data: Path) -> None:
    _edit(data, "exercises", "step-up", {
        "props": [{"box": {"x": 120, "w": 40, "h": 32}}],
        "on": ["heel_n floor", "shin_f box"], "frames": ["half-kneel"]})
    assert any("shin_f should touch the box" in e for e in _pose_errors(data, "step-up"))


def test_hands_said_to_be_on_the_wall_but_away_fail(data: Path) -> None:
    _edit(data, "exercises", "wall-push-up", {
        "props": [{"wall": {"x": 90}}], "on": ["ball_n floor", "hand_n wall"],
        "frames": [{"stand": {"s": 90, "e": 0}}]})
    assert any("hand_n should touch the wall" in e for e in _pose_errors(data, "wall-push-up"))


def test_unknown_angles_bases_and_props_are_named(data: Path) -> None:
    _edit(data, "exercises", "plank", {"frames": [{"plonk": {}}]})
    _edit(data, "exercises", "push-up", {"frames": [{"plank": {"knee": 10}}]})
    _edit(data, "exercises", "wall-sit", {"on": ["back wall"], "frames": ["stand"]})
    assert any("unknown base pose 'plonk'" in e for e in _pose_errors(data, "plank"))
    assert any("unknown angle 'knee'" in e for e in _pose_errors(data, "push-up"))
    assert any("'wall', which is not a prop" in e for e in _pose_errors(data, "wall-sit"))


def test_poses_for_a_missing_entry_and_a_circular_reuse_fail(data: Path) -> None:
    _edit(data, "drills", "no-such-drill", {"frames": ["stand"]})
    _edit(data, "movements", "clamshell", {"same": "movements/clamshell"})
    assert any("does not exist" in e for e in _pose_errors(data, "no-such-drill"))
    assert any("goes round in a circle" in e for e in _pose_errors(data, "clamshell"))


def test_limb_lengths_stay_fixed_through_the_animation() -> None:
    library, _ = load_library()
    figure = figure_of(library.poses, "exercises", "reverse-lunge")
    assert figure is not None
    timeline = figure.timeline()
    assert len(timeline) > 4 and timeline[0][0] == 0
    for _, body in timeline:
        p = body.points
        for a, b, length in (("hip_n", "knee_n", THIGH), ("knee_f", "ankle_f", SHIN),
                             ("shoulder_n", "elbow_n", UPPER_ARM), ("elbow_f", "hand_f", FOREARM)):
            assert math.dist(p[a], p[b]) == pytest.approx(length)


def test_the_drawing_animates_and_keeps_a_still_first_pose() -> None:
    library, _ = load_library()
    drawing = entry_svg(library, "exercises", "bodyweight-squat")
    assert drawing is not None and drawing.startswith("<svg") and "<title>Bodyweight squat" in drawing
    assert 'attributeName="d"' in drawing and 'repeatCount="indefinite"' in drawing
    assert "prefers-reduced-motion" in drawing and 'class="fig-still"' in drawing
    still = entry_svg(library, "exercises", "bodyweight-squat", animate=False)
    assert still is not None and "<animate" not in still
    keys = entry_svg(library, "exercises", "reverse-lunge", style="keys")
    figure = figure_of(library.poses, "exercises", "reverse-lunge")
    assert keys is not None and figure is not None and "<animate" not in keys
    assert keys.count('<g transform="translate(') == len(figure.frames) == 2
    assert entry_svg(library, "cues", next(iter(library.cues))) is None


def test_the_cross_body_movements_show_what_makes_them_recognisable() -> None:
    """Thread the needle drops the shoulder and head, then reaches to the ceiling; the 90/90
    switch passes through knees-up sitting; the open book, seen from above, opens the top arm
    from in front of the chest to the floor behind the back."""
    from yolvarex.content import load_library
    from yolvarex.content.poses import figure_of

    library = load_library()[0]
    needle = figure_of(library.poses, "movements", "thread-the-needle").key_bodies()  # type: ignore[union-attr]
    opened, start, threaded = needle  # the still (first) frame is the reach to the ceiling
    assert threaded.points["head"][1] < start.points["head"][1] - 15  # head down toward the floor
    shoulder, hand = opened.points["shoulder_n"], opened.points["hand_n"]
    assert hand[1] > shoulder[1] + 30  # the reaching hand is well above the shoulder
    switch = figure_of(library.poses, "movements", "ninety-ninety-switch").key_bodies()  # type: ignore[union-attr]
    assert switch[1].points["knee_n"][1] > switch[0].points["knee_n"][1] + 25  # knees up between
    book = figure_of(library.poses, "movements", "open-book")
    assert book is not None and book.view == "above"  # from the ceiling: the arm sweeps the floor
    closed, *_, opened = book.key_bodies()
    arm = UPPER_ARM + FOREARM
    # closed: the top hand reaches out in front of the chest, on the bottom hand; open: it lies
    # on the floor behind the back, so the two pictures differ by two arm lengths
    assert closed.points["hand_n"][1] < closed.points["shoulder_n"][1] - arm + 2
    assert opened.points["hand_n"][1] > opened.points["shoulder_n"][1] + arm - 2
    assert closed.points["hand_f"] == opened.points["hand_f"]  # the bottom arm stays put
    assert closed.points["knee_n"] == opened.points["knee_n"]  # knees stay stacked


def test_y_t_w_is_seen_from_the_ceiling_so_the_arms_make_the_letters() -> None:
    library, _ = load_library()
    figure = figure_of(library.poses, "exercises", "prone-y-t-w")
    assert figure is not None and figure.view == "above-flat"
    y, t, w = (b.points for b in figure.key_bodies())
    for side in ("n", "f"):
        assert y[f"hand_{side}"][1] > y[f"shoulder_{side}"][1] + 30  # Y: arms up and out
        assert abs(t[f"hand_{side}"][1] - t[f"shoulder_{side}"][1]) < 3  # T: straight out
        assert w[f"elbow_{side}"][1] < w[f"shoulder_{side}"][1] < w[f"hand_{side}"][1]  # W
    assert abs(t["hand_n"][0] - t["hand_f"][0]) > 2 * (UPPER_ARM + FOREARM)


def test_a_figure_seen_from_above_has_the_floor_as_its_page(data: Path) -> None:
    library, _ = load_library()
    drawing = entry_svg(library, "movements", "open-book")
    assert drawing is not None and "<line" not in drawing  # no floor line to stand on
    assert 'rx="6" fill="#cfe0d2"' in drawing  # the mat under the whole body
    _edit(data, "movements", "open-book", {"view": "above", "on": ["hip_n floor"],
                                           "frames": ["above-side-lying"]})
    assert any("floor is the page" in e for e in _pose_errors(data, "open-book"))
