"""Cross-checks for the recovery library: occasions, step measures, equipment, progressions."""

from __future__ import annotations

from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.schemas.recovery import Gear, MovementKind
from yolvarex.domain.recovery.occasions import Occasion

ROUTINES = "data/routines"
MOVEMENTS = "data/movements"
HELD = {MovementKind.STATIC_STRETCH, MovementKind.FOAM_ROLL}


def check_occasions(library: Library) -> list[ContentError]:
    """Every occasion is in the `suits` of exactly one routine: the one rules pick first."""
    errors = []
    for occasion in Occasion:
        main = [r.id for r in library.routines.values() if occasion in r.suits]
        if not main:
            errors.append(ContentError(ROUTINES, field="suits",
                          message=f"no routine suits {occasion.value!r}; add it to the suits "
                                  f"of the routine that fits it best"))
        for extra in main[1:]:
            errors.append(ContentError(ROUTINES, id=extra, field="suits",
                          message=f"{main[0]!r} already suits {occasion.value!r}; move it to "
                                  f"this routine's also_suits"))
    return errors


def check_steps(library: Library) -> list[ContentError]:
    """Stretches and rolling are held for a time, not counted in reps."""
    errors = []
    for routine in library.routines.values():
        for n, step in enumerate(routine.steps):
            movement = library.movements.get(step.movement)
            if movement and movement.kind in HELD and step.seconds is None:
                errors.append(ContentError(ROUTINES, id=routine.id, field=f"steps.{n}",
                              message=f"{movement.kind.label.lower()} {movement.id!r} is held; "
                                      f"give seconds, not reps"))
    return errors


def check_movements(library: Library) -> list[ContentError]:
    errors = []
    for movement in library.movements.values():
        if movement.kind is MovementKind.FOAM_ROLL and not (
                {Gear.FOAM_ROLLER, Gear.BALL} & set(movement.equipment)):
            errors.append(ContentError(MOVEMENTS, id=movement.id, field="equipment",
                          message="foam rolling needs a foam_roller or a ball in equipment"))
        for field in ("easier", "harder"):
            if getattr(movement, field) == movement.id:
                errors.append(ContentError(MOVEMENTS, id=movement.id, field=field,
                              message="a movement cannot be its own neighbour; name another"))
    return errors


def check_recovery(library: Library) -> list[ContentError]:
    return check_occasions(library) + check_steps(library) + check_movements(library)
