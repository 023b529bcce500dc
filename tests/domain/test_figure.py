"""The illustrated body: fixed limbs, human ranges, the floor and contacts, without content."""

from __future__ import annotations

import math

import pytest

from yolvarex.domain.figure import (
    FLOOR,
    SHIN,
    THIGH,
    Figure,
    KeyFrame,
    Pose,
    Surface,
    range_problems,
    solve,
)


def test_standing_puts_the_knee_and_ankle_straight_below_the_hip() -> None:
    body = solve(Pose("side", {}))
    hip, knee, ankle = (body.points[p] for p in ("hip_n", "knee_n", "ankle_n"))
    assert knee == pytest.approx((hip[0], hip[1] - THIGH))
    assert ankle == pytest.approx((hip[0], hip[1] - THIGH - SHIN))
    assert body.points["head"][1] > body.points["neck"][1] > hip[1]


def test_a_bent_knee_keeps_the_shin_length() -> None:
    body = solve(Pose("side", {"hn": 90, "kn": 90}))
    assert math.dist(body.points["knee_n"], body.points["ankle_n"]) == pytest.approx(SHIN)
    assert body.points["knee_n"][0] == pytest.approx(THIGH)  # thigh forward, level with the hip


def test_joints_past_a_human_range_are_named() -> None:
    assert range_problems(Pose("side", {"kn": -20, "en": 170, "hn": 90})) == [
        "kn = -20 is outside the human range 0 to 160",
        "en = 170 is outside the human range 0 to 155"]


def test_placed_on_the_floor_then_checked() -> None:
    wall = Surface("wall", wall=80.0)
    figure = Figure("side", (
        KeyFrame(Pose("side", {}), (("heel_n", FLOOR), ("hand_n", wall))),
        KeyFrame(Pose("side", {}, y=-30.0), (("heel_n", FLOOR),)),
    ))
    problems = figure.problems()
    assert (1, "hand_n should touch the wall but is 76 units away from it") in problems
    assert any(frame == 2 and "below the floor" in p for frame, p in problems)
    assert figure.key_bodies()[0].lowest()[1] == pytest.approx(0.0)


def test_a_side_view_limb_reaching_toward_the_viewer_is_drawn_shorter() -> None:
    """Cross-body movements: an arm reaching across under the chest is drawn foreshortened
    in the side view too, and the angle has a human range there."""
    straight = solve(Pose("side", {"s": 90}))
    across = solve(Pose("side", {"s": 90, "sx": 60}))
    def length(body: object, a: str, b: str) -> float:
        (x1, y1), (x2, y2) = body.points[a], body.points[b]  # type: ignore[attr-defined]
        return math.hypot(x2 - x1, y2 - y1)
    assert length(across, "shoulder_n", "elbow_n") == pytest.approx(
        length(straight, "shoulder_n", "elbow_n") / 2)
    assert range_problems(Pose("side", {"sx": 95}))
    assert not range_problems(Pose("side", {"sx": 80, "hx": 45}))
