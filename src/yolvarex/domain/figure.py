"""A 2-D body for exercise illustrations: forward kinematics, human joint ranges and contacts.

A pose is a root (the pelvis) and joint angles in degrees. Limb lengths are constants, so
every pose has the same body by construction. Coordinates: x to the right, y up, the floor at
y = 0. Side view: the figure faces +x when upright; `n` is the near side, `f` the far side.
Front view: the figure faces the viewer; `n` is on the viewer's left, `f` on the right.
View from above (`above`): the side view's body seen from the ceiling, for a runner lying on
one side (`n` is the upper side); `above-flat`: the front view's body seen from the ceiling,
for a runner lying face down or face up (arms out in a Y, a T or a W read as letters). The
floor is the page, so there is no floor line to stand on or sink below, and a limb reaching
up to the ceiling is drawn shortened (`sx`).

Angle conventions (side view):
  t   trunk lean from upright (+ forward; 90 face down with the head at +x, -90 face up)
  sp  spine flexion between the lower and upper trunk (+ rounding forward)
  hd  head flexion (+ chin down)
  s   shoulder flexion (0 arm down along the trunk, 90 forward, 180 overhead, - behind)
  e   elbow flexion (0 straight)
  h   hip flexion (0 thigh in line with the trunk, + forward, - behind)
  k   knee flexion (0 straight)
  a   ankle dorsiflexion (0 foot at a right angle to the shin, + toes up, - pointed)
Front view uses abduction for `s` and `h` (+ away from the midline), in-plane bends for `e`
and `k` (+ toward the midline for the knee, + up/out for the elbow), `t` and `sp` as side
bends (+ toward the viewer's right). In both views `hx`, `kx`, `sx`, `ex` say how far a thigh,
shin, upper arm or forearm points toward or away from the viewer (its drawn length is the
true length times cos): a side-view arm reaching across under the chest, or up to the ceiling
as the chest turns, is drawn shortened rather than as a reach in the drawing's plane.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

View = Literal["side", "front", "above", "above-flat"]
#: Views from the ceiling, where the floor is the page (no floor line to stand on).
FROM_ABOVE: tuple[View, ...] = ("above", "above-flat")
#: Views drawn with the front view's body (the frontal plane is the picture).
FRONTAL: tuple[View, ...] = ("front", "above-flat")
Point = tuple[float, float]
SIDES = ("n", "f")

# Segment lengths (body units, about a centimetre for a 175 cm runner).
LOWER_TRUNK, UPPER_TRUNK, NECK, HEAD_R = 24.0, 28.0, 7.0, 10.0
UPPER_ARM, FOREARM = 29.0, 27.0
THIGH, SHIN, FOOT, HEEL_DROP = 43.0, 42.0, 17.0, 6.0
HIP_HALF, SHOULDER_HALF = 8.0, 16.0

#: Half-thickness of each drawn part: a point is "on" a surface when its edge touches it.
RADIUS: dict[str, float] = {
    "pelvis": 10.0, "mid": 10.0, "back": 10.0, "neck": 10.0, "head": HEAD_R, "shoulder": 6.0,
    "elbow": 5.0, "forearm": 4.5, "hand": 4.0, "hip": 8.0, "thigh": 7.0, "knee": 6.0,
    "shin": 5.5, "ankle": 4.0, "heel": 3.5, "ball": 3.5, "toe": 3.0, "seat": 10.0,
    "upthigh": 7.5, "lowthigh": 6.5, "calf": 6.0, "lowshin": 5.0, "upback": 10.0,
}

ANGLE_KEYS = ("t", "sp", "hd")
LIMB_KEYS = ("s", "e", "h", "k", "a", "hx", "kx", "sx", "ex")

#: Human ranges per view, in degrees: (lowest, highest). Outside is an error in the content.
RANGES: dict[View, dict[str, tuple[float, float]]] = {
    "side": {"sp": (-40, 60), "hd": (-60, 70), "s": (-70, 190), "e": (0, 155), "h": (-35, 160),
             "k": (0, 160), "a": (-80, 45), "hx": (0, 90), "kx": (0, 90), "sx": (0, 90),
             "ex": (0, 90)},
    "front": {"sp": (-45, 45), "hd": (-50, 50), "s": (-100, 190), "e": (-90, 160),
              "h": (-30, 110), "k": (-40, 60), "a": (-60, 40), "hx": (0, 90), "kx": (0, 90),
              "sx": (0, 90), "ex": (0, 90)},
}
#: From above, an arm that sweeps behind the back also carries the chest turning with it.
RANGES["above"] = RANGES["side"] | {"s": (-120, 190)}
RANGES["above-flat"] = RANGES["front"]
#: A front-view knee may look bent further when the thigh or shin points at the viewer.
FRONT_KNEE_FORESHORTENED = (-40.0, 178.0)


def _dir(phi: float) -> Point:
    """Unit vector of direction phi (degrees): 0 points down, 90 to +x, 180 up."""
    r = math.radians(phi)
    return (math.sin(r), -math.cos(r))


def _add(p: Point, phi: float, length: float) -> Point:
    d = _dir(phi)
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def _mid(a: Point, b: Point, w: float = 0.5) -> Point:
    return (a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w)


@dataclass(frozen=True)
class Pose:
    """Root position and joint angles; missing angles are 0 (standing tall, arms down)."""

    view: View
    angles: Mapping[str, float]
    x: float = 0.0
    y: float | None = None  # None: placed by its first support contact (or on the floor)
    air: float = 0.0  # lift above where it would be placed (jumps)

    def angle(self, key: str) -> float:
        return float(self.angles.get(key, 0.0))


@dataclass(frozen=True)
class Body:
    """Every named point of one posed body (after placement)."""

    view: View
    points: dict[str, Point] = field(default_factory=dict)

    def moved(self, dx: float, dy: float) -> Body:
        return Body(self.view, {k: (x + dx, y + dy) for k, (x, y) in self.points.items()})

    def radius(self, name: str) -> float:
        base = name.rsplit("_", 1)[0] if name[-2:] in ("_n", "_f") else name
        return RADIUS.get(base, 4.0)

    def bottom(self, name: str) -> float:
        return self.points[name][1] - self.radius(name)

    def lowest(self) -> tuple[str, float]:
        name = min(self.points, key=self.bottom)
        return name, self.bottom(name)


def solve(pose: Pose) -> Body:
    """Forward kinematics with the pelvis at (pose.x, 0); placement is a separate step."""
    a = pose.angle
    pelvis: Point = (pose.x, 0.0)
    phi_low = 180.0 - a("t")
    phi_up = phi_low - a("sp")
    mid = _add(pelvis, phi_low, LOWER_TRUNK)
    neck = _add(mid, phi_up, UPPER_TRUNK)
    head = _add(neck, phi_up - a("hd"), NECK + HEAD_R * 0.8)
    pts: dict[str, Point] = {"pelvis": pelvis, "seat": pelvis, "mid": mid, "neck": neck,
                             "head": head, "back": _mid(mid, neck, 0.4),
                             "upback": _mid(mid, neck, 0.8)}
    front = pose.view in FRONTAL
    for side in SIDES:
        sign = (1.0 if side == "f" else -1.0) if front else 1.0

        def j(key: str, side: str = side) -> float:
            return a(key + side) if (key + side) in pose.angles else a(key)

        def fs(key: str, length: float) -> float:
            return length * math.cos(math.radians(j(key)))

        shoulder = _add(_mid(mid, neck, 0.88), phi_up - 90, SHOULDER_HALF * sign) if front \
            else _add(neck, phi_up + 180, 4.0)
        hip = _add(pelvis, phi_low - 90, HIP_HALF * sign) if front else pelvis
        phi_ua = phi_up - 180 + sign * j("s")
        phi_fa = phi_ua + sign * j("e")
        elbow = _add(shoulder, phi_ua, fs("sx", UPPER_ARM))
        hand = _add(elbow, phi_fa, fs("ex", FOREARM))
        phi_th = phi_low - 180 + sign * j("h")
        phi_sh = phi_th - sign * j("k")
        knee = _add(hip, phi_th, fs("hx", THIGH))
        ankle = _add(knee, phi_sh, fs("kx", SHIN))
        if front:
            heel = _add(ankle, phi_sh, 3.0)
            ball = _add(heel, phi_sh + 90 * sign, 2.5)
            toe = _add(heel, phi_sh + 90 * sign, 4.5)
        else:
            phi_ft = phi_sh + 90 + j("a")
            heel = _add(_add(ankle, phi_sh, HEEL_DROP - 2), phi_ft, -4.0)
            ball = _add(heel, phi_ft, FOOT - 4.0)
            toe = _add(heel, phi_ft, FOOT)
        pts |= {f"shoulder_{side}": shoulder, f"elbow_{side}": elbow, f"hand_{side}": hand,
                f"forearm_{side}": _mid(elbow, hand), f"hip_{side}": hip, f"knee_{side}": knee,
                f"thigh_{side}": _mid(hip, knee), f"shin_{side}": _mid(knee, ankle, 0.55),
                f"upthigh_{side}": _mid(hip, knee, 0.25), f"lowthigh_{side}": _mid(hip, knee, 0.75),
                f"calf_{side}": _mid(knee, ankle, 0.3), f"lowshin_{side}": _mid(knee, ankle, 0.8),
                f"ankle_{side}": ankle, f"heel_{side}": heel, f"ball_{side}": ball,
                f"toe_{side}": toe}
    return Body(pose.view, pts)


def range_problems(pose: Pose) -> list[str]:
    """Joint angles outside a human range, in words."""
    problems = []
    limits = RANGES[pose.view]
    for key, value in pose.angles.items():
        base = key[:-1] if key[-1:] in SIDES and key[:-1] in LIMB_KEYS else key
        low, high = limits.get(base, (-360.0, 360.0))
        if pose.view in FRONTAL and base == "k":
            side = key[-1:] if key[-1:] in SIDES else ""
            bent = any(pose.angle(f"{x}{side}") or pose.angle(x) for x in ("hx", "kx"))
            if bent:
                low, high = FRONT_KNEE_FORESHORTENED
        if not low <= value <= high:
            problems.append(f"{key} = {value:g} is outside the human range {low:g} to {high:g}")
    return problems


# --- Props: surfaces a body can rest on or press against -------------------------------------

@dataclass(frozen=True)
class Surface:
    """A support top (y = top between x0 and x1), or a wall face at x = wall."""

    name: str
    top: float | None = None
    x0: float = -math.inf
    x1: float = math.inf
    wall: float | None = None
    roller: Point | None = None  # centre of a round prop (a foam roller or a ball)
    r: float = 0.0  # its radius


ROLLER_R, BALL_R = 8.0, 3.5
FLOOR = Surface("floor", top=0.0)


def gap(body: Body, point: str, surface: Surface) -> float:
    """How far a body point's edge is from a surface (0 = touching; negative = inside)."""
    x, y = body.points[point]
    r = body.radius(point)
    if surface.roller is not None:
        cx, cy = surface.roller
        return math.hypot(x - cx, y - cy) - surface.r - r
    if surface.wall is not None:
        return abs(x - surface.wall) - r
    assert surface.top is not None
    outside = max(surface.x0 - x - r, x - r - surface.x1, 0.0)
    return math.hypot(y - r - surface.top, outside) if outside else y - r - surface.top


def place(body: Body, pose: Pose, anchor: tuple[str, Surface] | None) -> Body:
    """Lift or lower the body: by its explicit y, by its anchor contact, or onto the floor."""
    if pose.y is not None:
        return body.moved(0.0, pose.y)
    if pose.view in FROM_ABOVE:  # the floor is the page: the pelvis stays where it is
        return body
    if anchor is not None and anchor[1].wall is None:
        point, surface = anchor
        if surface.roller is not None:
            target = surface.roller[1] + surface.r
        else:
            assert surface.top is not None
            target = surface.top
        return body.moved(0.0, target - body.bottom(point) + pose.air)
    return body.moved(0.0, -body.lowest()[1] + pose.air)


TOLERANCE = 3.0


def contact_problems(body: Body, contacts: Iterable[tuple[str, Surface]]) -> list[str]:
    problems = []
    for point, surface in contacts:
        if point not in body.points:
            problems.append(f"{point} is not a body point")
            continue
        g = gap(body, point, surface)
        if abs(g) > TOLERANCE:
            where = "away from" if g > 0 else "into"
            problems.append(f"{point} should touch the {surface.name} but is {abs(g):.0f} units "
                            f"{where} it")
    return problems


def floor_problems(body: Body, floor: float = 0.0) -> list[str]:
    name, bottom = body.lowest()
    if bottom < floor - TOLERANCE:
        return [f"{name} is {floor - bottom:.0f} units below the floor"]
    return []


def blend(a: Pose, b: Pose, w: float) -> Pose:
    """A pose between two key poses (angles and root move together; w from 0 to 1)."""
    keys = set(a.angles) | set(b.angles)
    angles = {k: a.angle(k) + (b.angle(k) - a.angle(k)) * w for k in keys}
    return Pose(a.view, angles, x=a.x + (b.x - a.x) * w)


# --- A whole illustration: key frames, props, and the bodies between them ---------------------

@dataclass(frozen=True)
class Prop:
    """Something drawn with the body. Supports (floor, step, box, bench, chair, roller, ball,
    treadmill) and walls have a surface; weights, bands and ropes follow body points."""

    kind: str
    surface: Surface | None = None
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    ends: tuple[str | Point, ...] = ()  # body points or fixed points (bands, weights, rope)
    back: int = 0  # chairs: which side the backrest is on (-1 left, 1 right)


@dataclass(frozen=True)
class KeyFrame:
    pose: Pose
    contacts: tuple[tuple[str, Surface], ...] = ()
    hold: float = 0.6
    keep_x: bool = True  # the anchor point stays where it was in the first key frame


@dataclass(frozen=True)
class Figure:
    view: View
    frames: tuple[KeyFrame, ...]
    props: tuple[Prop, ...] = ()
    tilt: float = 0.0  # the ground's slope in degrees (uphill to the right)

    def key_bodies(self) -> list[Body]:
        bodies: list[Body] = []
        first: tuple[tuple[str, Surface], float] | None = None
        for frame in self.frames:
            anchor = next((c for c in frame.contacts if c[1].wall is None), None)
            body = place(solve(frame.pose), frame.pose, anchor)
            if anchor is not None:
                x = body.points[anchor[0]][0]
                if first is None:
                    first = (anchor, x)
                elif frame.keep_x and anchor == first[0]:
                    body = body.moved(first[1] - x, 0.0)
            bodies.append(body)
        return bodies

    def problems(self) -> list[tuple[int, str]]:
        """(key frame number from 1, problem) for every range, floor and contact problem."""
        found: list[tuple[int, str]] = []
        for i, (frame, body) in enumerate(zip(self.frames, self.key_bodies(), strict=True), 1):
            found += [(i, p) for p in range_problems(frame.pose)]
            if self.view not in FROM_ABOVE:  # seen from above, the floor is the page itself
                found += [(i, p) for p in floor_problems(body)]
            found += [(i, p) for p in contact_problems(body, frame.contacts)]
        return found

    def timeline(self, steps: int = 6, move: float = 0.7) -> list[tuple[float, Body]]:
        """(time in seconds, body) through every key frame and back to the first, with holds;
        angles move together, so limb lengths stay fixed between key poses too."""
        keys = self.key_bodies()
        offsets = [(k.points["pelvis"][0] - f.pose.x, k.points["pelvis"][1])
                   for k, f in zip(keys, self.frames, strict=True)]
        out: list[tuple[float, Body]] = []
        t = 0.0
        count = len(self.frames)
        for i in range(count):
            a, b = self.frames[i], self.frames[(i + 1) % count]
            out.append((t, keys[i]))
            t += a.hold
            if count == 1:
                break
            out.append((t, keys[i]))
            for s in range(1, steps):
                w = s / steps
                w = w * w * (3 - 2 * w)  # ease in and out
                between = blend(a.pose, b.pose, w)
                (ax, ay), (bx, by) = offsets[i], offsets[(i + 1) % count]
                out.append((t + move * s / steps,
                            solve(between).moved(ax + (bx - ax) * w, ay + (by - ay) * w)))
            t += move
        out.append((t, keys[0]))
        return out
