"""Checks of the illustrations: every exercise, drill and movement has poses; every key pose
keeps its joints in a human range, stays above the floor and touches what it says it touches."""

from __future__ import annotations

from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.poses import POSE_KINDS, figure_of
from yolvarex.content.schemas.pose import PoseError


def check_poses(library: Library) -> list[ContentError]:
    errors: list[ContentError] = []
    book = library.poses
    for kind in POSE_KINDS:
        file = f"data/poses/{kind}.yaml"
        for entry_id in library.of_kind(kind):
            try:
                figure = figure_of(book, kind, entry_id)
            except PoseError as exc:
                errors.append(ContentError(file, str(exc), id=entry_id, field="poses"))
                continue
            if figure is None:
                errors.append(ContentError(file, f"this {kind[:-1]} has no poses; add a pose set "
                                           "so runners can see the movement", id=entry_id,
                                           field="poses"))
                continue
            for frame, problem in figure.problems():
                errors.append(ContentError(file, problem, id=entry_id,
                                           field=f"frames.{frame}"))
        for entry_id in sorted(set(book.sets.get(kind, {})) - set(library.of_kind(kind))):
            errors.append(ContentError(file, f"poses for a {kind[:-1]} that does not exist; "
                                       "fix the id or remove them", id=entry_id))
    return errors
