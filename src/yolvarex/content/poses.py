"""Illustration poses: read `data/poses/`, expand base poses and overrides, build figures.

`_bases.yaml` maps base names to angle sets (a base may start `from:` another). Each other
file is named after a kind (`exercises.yaml`, `drills.yaml`, `movements.yaml`) and maps entry
ids to a `PoseSet`. Angle keys are the ones of `domain/figure.py`; a limb key without a side
(`k: 90`) sets both sides, `kn`/`kf` one side. Frame extras: `x`, `y`, `air`, `hold`, and `on`
(the contacts of that frame, replacing the set's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from yolvarex.content.schemas.pose import Frame, PoseBook, PoseError, PoseSet
from yolvarex.domain.figure import (
    ANGLE_KEYS,
    BALL_R,
    FLOOR,
    FROM_ABOVE,
    LIMB_KEYS,
    ROLLER_R,
    SIDES,
    Figure,
    KeyFrame,
    Point,
    Pose,
    Prop,
    Surface,
    solve,
)

POSE_KINDS = ("exercises", "drills", "movements")
EXTRA_KEYS = ("x", "y", "air", "hold", "on")
SUPPORTS = {"step": 18.0, "box": 32.0, "bench": 42.0, "chair": 45.0, "treadmill": 10.0}
WEIGHTS = ("dumbbell", "kettlebell", "bottle")
KNOWN_KEYS = set(ANGLE_KEYS) | set(LIMB_KEYS) | {k + s for k in LIMB_KEYS for s in SIDES}


def figure_of(book: PoseBook, kind: str, entry_id: str) -> Figure | None:
    """The entry's illustration, or None when it has no poses; PoseError when malformed."""
    pose_set = book.pose_set(kind, entry_id)
    return None if pose_set is None else build_figure(pose_set, book.bases)


def _angles(layer: dict[str, Any], into: dict[str, float]) -> None:
    for key in sorted(layer, key=lambda k: (k in KNOWN_KEYS and k[-1:] in SIDES
                                            and k[:-1] in LIMB_KEYS)):
        value = layer[key]
        if key in EXTRA_KEYS or key == "from":
            continue
        if key not in KNOWN_KEYS:
            raise PoseError(f"unknown angle {key!r}; use one of {', '.join(sorted(KNOWN_KEYS))}")
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise PoseError(f"angle {key!r} must be a number of degrees")
        if key in LIMB_KEYS:
            for side in SIDES:
                into[key + side] = float(value)
        else:
            into[key] = float(value)


def _base_angles(name: str, bases: dict[str, dict[str, Any]], depth: int = 0) -> dict[str, float]:
    if name not in bases:
        raise PoseError(f"unknown base pose {name!r}")
    if depth > 8:
        raise PoseError(f"base pose {name!r} starts from itself")
    base = bases[name]
    angles = _base_angles(str(base["from"]), bases, depth + 1) if "from" in base else {}
    _angles(base, angles)
    return angles


def _contact(text: str, surfaces: dict[str, Surface]) -> tuple[str, Surface]:
    parts = text.split()
    if len(parts) != 2:
        raise PoseError(f"contact {text!r} must be 'point surface', e.g. 'heel_n floor'")
    point, name = parts
    if name not in surfaces:
        raise PoseError(f"contact {text!r} names {name!r}, which is not a prop of this figure")
    return point, surfaces[name]


def _frame(frame: Frame, bases: dict[str, dict[str, Any]], view: str) -> tuple[Pose, dict[str, Any]]:
    if isinstance(frame, str):
        name, extra = frame, {}
    elif len(frame) == 1:
        name, value = next(iter(frame.items()))
        extra = dict(value or {})
    else:
        raise PoseError("a frame is a base name or one 'base: {overrides}' mapping")
    angles = _base_angles(name, bases)
    base = bases[name]
    _angles(extra, angles)
    settings = {k: extra.get(k, base.get(k)) for k in EXTRA_KEYS}
    pose = Pose(view, angles, x=float(settings["x"] or 0.0),  # type: ignore[arg-type]
                y=None if settings["y"] is None else float(settings["y"]),
                air=float(settings["air"] or 0.0))
    return pose, settings


def _number(spec: dict[str, Any], key: str, default: float) -> float:
    value = spec.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise PoseError(f"{key!r} must be a number")
    return float(value)


def _end(value: Any, first: dict[str, Point]) -> str | Point:
    if isinstance(value, str):
        if value not in first:
            raise PoseError(f"{value!r} is not a body point")
        return value
    if isinstance(value, list) and len(value) == 2:
        return (float(value[0]), float(value[1]))
    raise PoseError("a band or weight end is a body point or an [x, y] pair")


def _props(specs: list[str | dict[str, Any]], first: dict[str, Point]
           ) -> tuple[list[Prop], dict[str, Surface]]:
    """Props placed by numbers or at a body point of the first key frame (before placement)."""
    props: list[Prop] = []
    surfaces = {"floor": FLOOR}
    for spec in specs:
        name, opts = (spec, {}) if isinstance(spec, str) else next(iter(spec.items()))
        if not isinstance(spec, str) and len(spec) != 1:
            raise PoseError("a prop is a name or one 'name: {options}' mapping")
        if name in WEIGHTS or name in ("band", "rope"):
            ends = opts if isinstance(opts, list) else [opts]
            props.append(Prop(name, ends=tuple(_end(e, first) for e in ends)))
            continue
        if not isinstance(opts, dict):
            raise PoseError(f"options of {name!r} must be a mapping")
        at = opts.get("at")
        if at is not None and at not in first:
            raise PoseError(f"{name!r} is placed at {at!r}, which is not a body point")
        x = first[at][0] if at else 0.0
        x = _number(opts, "x", x) + _number(opts, "dx", 0.0)
        if name == "floor" or name == "mat":
            props.append(Prop(name))
        elif name in ("wall", "mirror"):
            surface = Surface(name, wall=x)
            surfaces[name] = surface
            props.append(Prop(name, surface=surface, x0=x, back=int(_number(opts, "side", 1))))
        elif name in ("roller", "ball"):
            r = ROLLER_R if name == "roller" else BALL_R
            surface = Surface(name, roller=(x, r), r=r)
            surfaces[name] = surface
            props.append(Prop(name, surface=surface, x0=x, top=r))
        elif name in SUPPORTS:
            w = _number(opts, "w", 40.0 if name != "treadmill" else 110.0)
            h = _number(opts, "h", SUPPORTS[name])
            surface = Surface(name, top=h, x0=x - w / 2, x1=x + w / 2)
            surfaces[name] = surface
            props.append(Prop(name, surface=surface, x0=x - w / 2, x1=x + w / 2, top=h,
                              back=int(_number(opts, "back", 0))))
        else:
            raise PoseError(f"unknown prop {name!r}")
    return props, surfaces


def build_figure(pose_set: PoseSet, bases: dict[str, dict[str, Any]]) -> Figure:
    if not pose_set.frames:
        raise PoseError("a pose set needs at least one key frame")
    parsed = [_frame(f, bases, pose_set.view) for f in pose_set.frames]
    first = solve(parsed[0][0]).points
    props, surfaces = _props(pose_set.props, first)
    frames = []
    for pose, settings in parsed:
        on = settings["on"] if settings["on"] is not None else pose_set.on
        if not isinstance(on, list):
            raise PoseError("'on' is a list of contacts")
        contacts = tuple(_contact(str(c), surfaces) for c in on)
        if pose_set.view in FROM_ABOVE and any(s is FLOOR for _, s in contacts):
            raise PoseError("seen from above, the floor is the page: name no floor contacts")
        frames.append(KeyFrame(pose, contacts,
                               hold=_number(settings, "hold", 0.6) if settings["hold"]
                               is not None else 0.6, keep_x=settings["x"] is None))
    return Figure(pose_set.view, tuple(frames), tuple(props), tilt=pose_set.tilt)


def load_pose_book(folder: Path) -> tuple[PoseBook, list[tuple[str, str | None, str]]]:
    """Read every pose file; problems come back as (file, id or None, message)."""
    from yolvarex.content.loader import read_yaml

    problems: list[tuple[str, str | None, str]] = []
    bases: dict[str, dict[str, Any]] = {}
    sets: dict[str, dict[str, PoseSet]] = {k: {} for k in POSE_KINDS}
    if not folder.is_dir():
        return PoseBook(bases, sets), [("data/poses", None, "folder is missing; create it")]
    for path in sorted(folder.glob("*.yaml")):
        shown = f"data/poses/{path.name}"
        raw, errors = read_yaml(path)
        problems += [(shown, None, e.message) for e in errors]
        if errors:
            continue
        if not isinstance(raw, dict):
            problems.append((shown, None, "expected a mapping of ids to pose sets"))
            continue
        if path.stem == "_bases":
            for name, value in raw.items():
                if not isinstance(value, dict):
                    problems.append((shown, str(name), "a base pose is a mapping of angles"))
                    continue
                bases[str(name)] = dict(value)
            continue
        if path.stem not in POSE_KINDS:
            problems.append((shown, None, f"name pose files after a kind: {', '.join(POSE_KINDS)}"))
            continue
        for entry_id, value in raw.items():
            try:
                sets[path.stem][str(entry_id)] = PoseSet.model_validate(value)
            except ValidationError as exc:
                for err in exc.errors():
                    where = ".".join(str(p) for p in err["loc"])
                    problems.append((shown, str(entry_id), f"{where}: {err['msg']}"))
    return PoseBook(bases, sets), problems
