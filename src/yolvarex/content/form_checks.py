"""Checks of the form library beyond plain references: drills, cues and self-assessment agree.

- A cue a drill trains serves at least one fault that drill addresses (drill <-> cue).
- Every fault has at least one external-focus cue, so the product can always offer one.
- Every fault can be reached by the self-assessment (some answer points at it).
- A drill's progression is at least as hard as the drill, its regression at most as hard.
"""

from __future__ import annotations

from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.schemas.form import Focus


def check_form_library(library: Library) -> list[ContentError]:
    errors: list[ContentError] = []
    for drill in library.drills.values():
        for cue_id in drill.cues:
            cue = library.cues.get(cue_id)
            if cue and not set(cue.faults) & set(drill.faults):
                errors.append(ContentError(
                    "data/drills", id=drill.id, field="cues",
                    message=f"cue {cue_id!r} serves none of this drill's faults; add one of "
                            f"{', '.join(drill.faults)} to the cue or pick another cue"))
        for field, harder in (("progression", True), ("regression", False)):
            other_id = getattr(drill, field)
            other = library.drills.get(other_id) if other_id else None
            if other_id == drill.id:
                errors.append(ContentError("data/drills", id=drill.id, field=field,
                                           message="a drill cannot be its own " + field))
            elif other and (other.level < drill.level if harder else other.level > drill.level):
                errors.append(ContentError(
                    "data/drills", id=drill.id, field=field,
                    message=f"{other_id!r} is level {other.level}; a {field} must be "
                            f"{'at least' if harder else 'at most'} level {drill.level}"))
    asked = {fault for q in library.questions.values() for fault in q.reasons}
    for fault in library.faults.values():
        cues = [library.cues[c] for c in fault.cues if c in library.cues]
        if cues and not any(c.focus is Focus.EXTERNAL for c in cues):
            errors.append(ContentError("data/faults", id=fault.id, field="cues",
                                       message="give this fault at least one external-focus cue"))
        if library.questions and fault.id not in asked:
            errors.append(ContentError(
                "data/faults", id=fault.id,
                message="no self-assessment question points at this fault; add it to a "
                        "question's options and reasons"))
    return errors
