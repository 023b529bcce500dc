"""Plain-words descriptions of doses and sessions, shared by the CLI, the web and calendar files."""

from __future__ import annotations

from yolvarex.content.schemas.exercise import Exercise
from yolvarex.domain.plan.catalog import SessionParts
from yolvarex.domain.plan.model import BlockKind, Prescription, Session
from yolvarex.domain.units import Units, weight

BLOCK_TITLES = {BlockKind.WARMUP: "Warm-up", BlockKind.PLYOMETRIC: "Plyometrics",
                BlockKind.STRENGTH: "Strength", BlockKind.CORE: "Core",
                BlockKind.COOLDOWN: "Cool-down", BlockKind.TEST: "Performance tests"}
LOAD_WORDS = {"none": "no leg load", "light": "light leg work", "full": "full leg work"}


def tempo_words(tempo: str | None) -> str | None:
    """`3-1-1` as a runner reads it: `3 s down, 1 s up, hold 1 s at the top`.

    The digits are the seconds to lower (or let the band or weight back), to hold at the top
    of the lift (left out when 0), and to lift (or press, or pull)."""
    if not tempo:
        return None
    down, hold, up = (int(x) for x in tempo.split("-"))
    return f"{down} s down, {up} s up" + (f", hold {hold} s at the top" if hold else "")


def dose(p: Prescription, units: Units = "metric") -> str:
    """`3 x 8-12 each side, 10 kg, 3 s down, 1 s up, 60 s rest, effort 7/10`, the load in the
    runner's unit (kg or lb)."""
    side = " each side" if p.per_side else ""
    if p.reps is not None:
        amount = f"{p.reps[0]}-{p.reps[1]}" if p.reps[0] != p.reps[1] else f"{p.reps[0]}"
        what = f"{p.sets} x {amount}{side}"
    elif p.seconds is not None:
        what = f"{p.sets} x {p.seconds} s{side}"
    else:
        what = "1 set to form failure" + side
    parts = [what]
    if p.load_kg:
        parts.append(weight(p.load_kg, units))
    if p.tempo:
        parts.append(tempo_words(p.tempo) or p.tempo)
    if p.sets > 1 or (p.reps is None and p.seconds is None):
        parts.append(f"{p.rest_s} s rest" if p.rest_s else "no rest between sets")
    if p.rpe_target:
        parts.append(f"effort {p.rpe_target}/10")
    return ", ".join(parts)


def starting_dose(exercise: Exercise) -> str:
    """An exercise's starting dose in words, as the library shows it."""
    d = exercise.dose
    return dose(Prescription(exercise.id, d.sets, d.reps, d.seconds, exercise.unilateral, d.tempo,
                             d.rest_s, None))


def run_day_words(session: Session) -> str:
    """The day's run in one sentence; on a speed or tempo day, when to do the session."""
    kind = session.run_day.value
    if kind in ("speed", "tempo"):
        return f"Run day: {kind}. Do this session after your run, never before it."
    return f"Run day: {kind}."


def title(session: Session) -> str:
    return f"Strength: {session.focus.label.lower()} ({session.minutes} min)"


def session_text(session: Session, parts: SessionParts, units: Units = "metric") -> str:
    """The whole session as text, one block per paragraph."""
    lines = [f"{session.focus.label}, about {session.minutes} minutes, "
             f"{LOAD_WORDS[session.lower_body_load.value]}. {run_day_words(session)}"]
    for block in session.blocks:
        lines.append("")
        if block.routine:
            routine = parts.routines.get(block.routine)
            name = routine.title if routine else block.routine
            mins = round(parts.routine_seconds(block.routine) / 60) if routine else 0
            lines.append(f"{BLOCK_TITLES[block.kind]}: {name} ({mins} min)")
        else:
            lines.append(f"{BLOCK_TITLES[block.kind]}:")
        for p in block.exercises:
            exercise = parts.exercises.get(p.exercise)
            name = exercise.title if exercise else p.exercise
            lines.append(f"- {name}: {dose(p, units)}" + (f". {p.note}" if p.note else ""))
    return "\n".join(lines)
