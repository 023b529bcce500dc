"""Draw an illustration (`domain/figure.Figure`) as SVG: rounded limbs, the far side lighter,
props in quiet greys, and SMIL animation through the key poses.

The first key pose is the still picture: it is what print, `prefers-reduced-motion` and
`animate=False` show. Every moving part is one path whose `d` keeps the same commands in
every sample, so the browser interpolates between samples that already keep limb lengths.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from yolvarex.content.library import Library
from yolvarex.content.poses import POSE_KINDS, figure_of
from yolvarex.content.schemas.pose import PoseError
from yolvarex.domain.figure import BALL_R, FROM_ABOVE, FRONTAL, ROLLER_R, Body, Figure, Point

NEAR, FAR, SKIN = "#25466b", "#9db6d3", "#25466b"
PROP_FILL, PROP_LINE, WEIGHT, BAND, MAT = "#e4ddd2", "#9a9184", "#3d3d3d", "#d0533f", "#cfe0d2"
STYLE = (".fig-still{display:none}"
         "@media (prefers-reduced-motion: reduce){.fig-anim{display:none}.fig-still{display:inline}}"
         "@media print{.fig-anim{display:none}.fig-still{display:inline}}")

# (name, points, stroke width, colour) for each drawn body part; "n"/"f" are filled in.
LIMBS_SIDE = [("arm_upper", ("shoulder", "elbow"), 10.0), ("arm_fore", ("elbow", "hand"), 8.0),
              ("thigh", ("hip", "knee"), 15.0), ("shin", ("knee", "ankle"), 11.0),
              ("foot", ("heel", "toe"), 6.5)]


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _xy(p: Point) -> str:
    return f"{_f(p[0])} {_f(-p[1])}"


def _line(body: Body, names: tuple[str, ...]) -> str:
    pts = [body.points[n] for n in names]
    return "M" + " L".join(_xy(p) for p in pts)


def _circle(c: Point, r: float) -> str:
    x, y = c[0] - r, -c[1]
    return f"M{_f(x)} {_f(y)} a{_f(r)} {_f(r)} 0 1 0 {_f(2 * r)} 0 a{_f(r)} {_f(r)} 0 1 0 {_f(-2 * r)} 0"


Part = tuple[Callable[[Body], str], str, float, str]  # (path of a body, colour, width, fill)


def _parts(figure: Figure) -> list[Part]:
    def limb(side: str, a: str, b: str) -> Callable[[Body], str]:
        return lambda body: _line(body, (f"{a}_{side}", f"{b}_{side}"))

    def side_parts(side: str, colour: str) -> list[Part]:
        legs = [(limb(side, a, b), colour, w, "none") for _, (a, b), w in LIMBS_SIDE[2:]]
        arms = [(limb(side, a, b), colour, w, "none") for _, (a, b), w in LIMBS_SIDE[:2]]
        return legs + arms

    head: Part = (lambda b: _circle(b.points["head"], 9.5), SKIN, 0.0, SKIN)
    neck: Part = (lambda b: _line(b, ("neck", "head")), SKIN, 8.0, "none")
    weights = [p for p in _attached(figure)]
    if figure.view in FRONTAL:
        trunk: Part = (lambda b: _line(b, ("hip_n", "hip_f", "shoulder_f", "shoulder_n", "hip_n")),
                       SKIN, 12.0, SKIN)
        legs_n = side_parts("n", NEAR)[:3]
        legs_f = side_parts("f", FAR)[:3]
        arms_n = side_parts("n", NEAR)[3:]
        arms_f = side_parts("f", FAR)[3:]
        return legs_f + legs_n + [trunk, neck, head] + arms_f + arms_n + weights
    spine: Part = (lambda b: _line(b, ("pelvis", "mid", "neck")), SKIN, 21.0, "none")
    far, near = side_parts("f", FAR), side_parts("n", NEAR)
    return far[3:] + far[:3] + [spine, neck, head] + near[:3] + near[3:] + weights


def _end(body: Body, end: str | Point) -> Point:
    return body.points[end] if isinstance(end, str) else end


def _weight(kind: str, end: str | Point) -> Callable[[Body], str]:
    def draw(body: Body) -> str:
        at = _end(body, end)
        if kind == "dumbbell":
            return _circle(at, 4.5)
        if kind == "kettlebell":
            return _circle(_below(at, 8.0), 7.5)
        return _line_pts(_below(at, 2), _below(at, 14))  # a water bottle
    return draw


def _band(ends: tuple[str | Point, ...]) -> Callable[[Body], str]:
    def draw(body: Body) -> str:
        return "M" + " L".join(_xy(_end(body, e)) for e in ends)
    return draw


def _attached(figure: Figure) -> list[Part]:
    """Weights, bands and ropes move with the body."""
    parts: list[Part] = []
    looks = {"dumbbell": (WEIGHT, 3.0, WEIGHT), "kettlebell": (WEIGHT, 2.0, WEIGHT),
             "bottle": ("#5b9bd5", 7.0, "none")}
    for prop in figure.props:
        if prop.kind in looks:
            colour, width, fill = looks[prop.kind]
            parts += [(_weight(prop.kind, end), colour, width, fill) for end in prop.ends]
        elif prop.kind == "band" and len(prop.ends) >= 2:
            parts.append((_band(prop.ends), BAND, 2.5, "none"))
        elif prop.kind == "rope":
            parts.append((_rope, "#6b5b4b", 2.0, "none"))
    return parts


def _below(p: Point, d: float) -> Point:
    return (p[0], p[1] - d)


def _line_pts(a: Point, b: Point) -> str:
    return f"M{_xy(a)} L{_xy(b)}"


def _rope(body: Body) -> str:
    """A rope from hand to hand, passing under the feet."""
    hn, hf = body.points["hand_n"], body.points["hand_f"]
    low = min(body.points["toe_n"][1], body.points["toe_f"][1]) - 4
    x = (hn[0] + hf[0]) / 2 + 6
    return f"M{_xy(hn)} Q{_xy((x + 18, low - 6))} {_xy((x, low))} Q{_xy((x - 18, low - 6))} {_xy(hf)}"


def _static_props(figure: Figure, left: float, right: float,
                  bottom: float = 0.0, top: float = 0.0) -> list[str]:
    if figure.view in FROM_ABOVE:  # the floor is the page: the mat seen from the ceiling
        mat = any(p.kind == "mat" for p in figure.props)
        return [f'<rect x="{_f(left + 3)}" y="{_f(-top + 3)}" width="{_f(right - left - 6)}" '
                f'height="{_f(top - bottom - 6)}" rx="6" fill="{MAT if mat else PROP_FILL}"/>']
    out = [f'<line x1="{_f(left)}" y1="0" x2="{_f(right)}" y2="0" stroke="{PROP_LINE}" '
           'stroke-width="2"/>']
    for prop in figure.props:
        k = prop.kind
        if k == "mat":
            out.append(f'<rect x="{_f(left + 6)}" y="-2.5" width="{_f(right - left - 12)}" height="3" '
                       f'rx="1.5" fill="{MAT}"/>')
        elif k in ("wall", "mirror"):
            w = 8 if k == "wall" else 3
            x = prop.x0 if prop.back >= 0 else prop.x0 - w
            fill = PROP_FILL if k == "wall" else "#cfe4f1"
            out.append(f'<rect x="{_f(x)}" y="-150" width="{w}" height="150" fill="{fill}" '
                       f'stroke="{PROP_LINE}" stroke-width="1"/>')
        elif k in ("roller", "ball"):
            r = ROLLER_R if k == "roller" else BALL_R
            out.append(f'<circle cx="{_f(prop.x0)}" cy="{_f(-r)}" r="{_f(r)}" fill="{PROP_FILL}" '
                       f'stroke="{PROP_LINE}" stroke-width="1.5"/>')
        elif k in ("chair", "bench"):
            x0, x1, top = prop.x0, prop.x1, prop.top
            out.append(f'<rect x="{_f(x0)}" y="{_f(-top)}" width="{_f(x1 - x0)}" height="5" rx="2" '
                       f'fill="{PROP_FILL}" stroke="{PROP_LINE}"/>')
            for lx in (x0 + 3, x1 - 3):
                out.append(f'<line x1="{_f(lx)}" y1="{_f(-top)}" x2="{_f(lx)}" y2="0" '
                           f'stroke="{PROP_LINE}" stroke-width="3"/>')
            if k == "chair" and prop.back:
                bx = x1 - 2 if prop.back > 0 else x0 + 2
                out.append(f'<line x1="{_f(bx)}" y1="{_f(-top)}" x2="{_f(bx)}" y2="{_f(-top - 40)}" '
                           f'stroke="{PROP_LINE}" stroke-width="4" stroke-linecap="round"/>')
        elif k in ("step", "box", "treadmill"):
            out.append(f'<rect x="{_f(prop.x0)}" y="{_f(-prop.top)}" width="{_f(prop.x1 - prop.x0)}" '
                       f'height="{_f(prop.top)}" rx="2" fill="{PROP_FILL}" stroke="{PROP_LINE}"/>')
    return out


def _bounds(bodies: list[Body], figure: Figure) -> tuple[float, float, float, float]:
    xs, ys = [0.0], [0.0]
    for body in bodies:
        for name, (x, y) in body.points.items():
            r = body.radius(name) + 2
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    for prop in figure.props:
        if prop.kind in ("step", "box", "bench", "chair", "treadmill"):
            xs += [prop.x0, prop.x1]
            ys += [prop.top + (40 if prop.kind == "chair" and prop.back else 0)]
        elif prop.kind in ("wall", "mirror"):
            xs += [prop.x0 - 9, prop.x0 + 9]
        elif prop.kind in ("roller", "ball"):
            xs += [prop.x0 - ROLLER_R, prop.x0 + ROLLER_R]
        for end in prop.ends:
            if not isinstance(end, str):
                xs.append(end[0])
                ys.append(end[1])
    pad = 10 + abs(figure.tilt)
    return min(xs) - pad, max(xs) + pad, min(ys) - 6, max(ys) + pad


def figure_svg(figure: Figure, title: str, animate: bool = True, scale: float = 1.5) -> str:
    """The illustration as an SVG document (UTF-8 text), titled for screen readers."""
    timeline = figure.timeline()
    bodies = [b for _, b in timeline]
    left, right, bottom, top = _bounds(bodies, figure)
    if top - bottom < 70:  # low poses (lying down) keep some room above
        top = bottom + 70
    width, height = right - left, top - bottom
    first = bodies[0]
    parts = _parts(figure)
    total = timeline[-1][0] or 1.0
    key_times = ";".join(_f(min(1.0, t / total)).replace("-", "") or "0" for t, _ in timeline)

    def draw(body: Body | None) -> str:
        out = []
        for path, colour, w, fill in parts:
            d = path(first if body is None else body)
            attrs = (f'd="{d}" fill="{fill}" stroke="{colour}" stroke-width="{_f(w)}" '
                     'stroke-linecap="round" stroke-linejoin="round"')
            if body is None and animate and len(timeline) > 1:
                values = ";".join(path(b) for b in bodies)
                out.append(f'<path {attrs}><animate attributeName="d" dur="{_f(total)}s" '
                           f'repeatCount="indefinite" keyTimes="{key_times}" values="{values}"/></path>')
            else:
                out.append(f"<path {attrs}/>")
        return "".join(out)

    ground = "".join(_static_props(figure, left, right, bottom, top))
    tilt = f' transform="rotate({_f(-figure.tilt)})"' if figure.tilt else ""
    moving = len(timeline) > 1 and animate
    layers = (f'<g class="fig-anim">{draw(None)}</g><g class="fig-still">{draw(first)}</g>'
              if moving else f"<g>{draw(first)}</g>")
    safe = escape(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="figure-svg" role="img" '
            f'aria-label="{safe}" viewBox="{_f(left)} {_f(-top)} {_f(width)} {_f(height)}" '
            f'width="{_f(width * scale)}" height="{_f(height * scale)}">'
            f"<title>{safe}</title>" + (f"<style>{STYLE}</style>" if moving else "")
            + f"<g{tilt}>{ground}{layers}</g></svg>")


def key_poses_svg(figure: Figure, title: str, scale: float = 1.2) -> str:
    """Every key pose side by side on one floor, still: what reduced motion and print show."""
    parts = _parts(figure)
    panels = []
    for body in figure.key_bodies():
        left, right, bottom, top = _bounds([body], figure)
        panels.append((body, left, right, bottom, top))
    bottom = min(p[3] for p in panels)
    top = max(max(p[4] for p in panels), bottom + 70)
    tilt = f' transform="rotate({_f(-figure.tilt)})"' if figure.tilt else ""
    out, offset, gap = [], 0.0, 8.0
    for body, left, right, _, _ in panels:
        ground = "".join(_static_props(figure, left, right, bottom, top))
        paths = "".join(
            f'<path d="{path(body)}" fill="{fill}" stroke="{colour}" stroke-width="{_f(w)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>' for path, colour, w, fill in parts)
        out.append(f'<g transform="translate({_f(offset - left)} 0)"><g{tilt}>{ground}{paths}</g></g>')
        offset += right - left + gap
    width, height = offset - gap, top - bottom
    safe = escape(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="figure-svg figure-keys" role="img" '
            f'aria-label="{safe}" viewBox="0 {_f(-top)} {_f(width)} {_f(height)}" '
            f'width="{_f(width * scale)}" height="{_f(height * scale)}">'
            f"<title>{safe}</title>{''.join(out)}</svg>")


_CACHE: dict[tuple[int, str, str, str], str | None] = {}
STYLES = ("animated", "still", "keys")


def entry_svg(library: Library, kind: str, entry_id: str, animate: bool = True,
              style: str | None = None) -> str | None:
    """The illustration of an exercise, drill or movement, or None when it has none: animated,
    `still` (the first key pose) or `keys` (every key pose side by side). The library never
    changes after loading, so each drawing is made once."""
    style = style or ("animated" if animate else "still")
    key = (id(library), kind, entry_id, style)
    if key not in _CACHE:
        entry = library.of_kind(kind).get(entry_id) if kind in POSE_KINDS else None
        try:
            figure = figure_of(library.poses, kind, entry_id) if entry is not None else None
        except PoseError:
            figure = None  # `yolvarex content check` reports it; pages show no picture
        title = str(getattr(entry, "title", entry_id))
        words = f"{title}: how the movement looks"
        _CACHE[key] = None if figure is None else (
            key_poses_svg(figure, words) if style == "keys"
            else figure_svg(figure, words, animate=style == "animated"))
    return _CACHE[key]
