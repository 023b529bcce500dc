"""An entry's facts in words, as a runner reads them: labels, never field names; `yes`, never
`True`; `Shoulder stability`, never `shoulder_stability`. The library page and
`yolvarex library show` both print these, so the two faces say the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from yolvarex.content.library import Library
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.evidence import Evidence
from yolvarex.content.schemas.exercise import Exercise
from yolvarex.content.schemas.form import Cue, Drill, Fault
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.plan.describe import starting_dose
from yolvarex.domain.recovery.areas import AREA_LABELS

Fact = tuple[str, str]

LEVELS = {1: "Beginner", 2: "Intermediate", 3: "Advanced"}
LABELS: dict[str, str] = {
    # exercise patterns
    "single_leg": "Single leg", "anti_extension": "Trunk: resist arching",
    "anti_rotation": "Trunk: resist twisting", "lateral": "Side to side",
    "upper_push": "Upper body: push", "upper_pull": "Upper body: pull",
    "shoulder_stability": "Shoulder stability",
    # equipment and gear
    "bodyweight": "Bodyweight", "bands": "Resistance band", "water_bottles": "Water bottles",
    "jump_rope": "Jump rope", "chair": "A sturdy chair or bench", "step": "Stairs or a step",
    "box": "A low, sturdy box", "table": "A sturdy table", "foam_roller": "Foam roller",
    "band": "Resistance band", "wall": "A wall", "ball": "A firm ball", "none": "Nothing",
    "rope": "Skipping rope", "line": "A line on the ground", "cones": "Markers or cones",
    "camera": "A phone to film you", "hill": "A gentle hill",
    # injury-history areas
    "it_band": "IT band", "achilles_calf": "Achilles and calf", "plantar_fascia": "Sole of the foot",
    "low_back": "Lower back", "shin": "Shins", "knee": "Knees", "hip": "Hips",
    # drills
    "prep": "Preparation, in place", "technique": "Technique: marches and skips",
    "power": "Power: hops and bounds", "run": "While running", "warm_up": "In the warm-up",
    "in_run": "During an easy run", "end_of_run": "At the end of a run",
    # movements
    "static_stretch": "Static stretch", "foam_roll": "Foam rolling",
    "dynamic": "Dynamic mobility", "activation": "Activation", "breathing": "Breathing",
    # leg load and impact
    "light": "Light", "full": "Full", "moderate": "Moderate", "high": "High", "low": "Low",
    # sources
    "trial": "Randomized trial", "study": "Study", "review": "Review",
    "consensus": "Consensus or position statement", "guideline": "Guideline",
    "manufacturer": "Manufacturer documentation", "letter": "Letter to the editor",
}


def label(value: object) -> str:
    """One value in words: enums and snake_case through the label table, booleans as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    raw = value.value if isinstance(value, Enum) else value
    text = str(raw)
    if text in LABELS:
        return LABELS[text]
    if text in AREA_LABELS:
        return AREA_LABELS[text][:1].upper() + AREA_LABELS[text][1:]
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def labels(values: Iterable[object]) -> str:
    return ", ".join(label(v) for v in values)


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def _basis(entry: Entry) -> list[Fact]:
    basis = getattr(entry, "basis", None)
    return [("Basis", basis.label)] if basis is not None else []


def _exercise(e: Exercise) -> list[Fact]:
    facts = [("Movement", label(e.pattern)), ("Level", LEVELS[e.level]),
             ("Equipment", "any of: " + labels(e.equipment) if len(e.equipment) > 1
              else labels(e.equipment))]
    if e.needs:
        facts.append(("You also need", labels(e.needs)))
    facts += [("Works", ", ".join(m.value for m in e.muscles)),
              ("Sides", "one side at a time" if e.unilateral else "both sides together"),
              ("Leg work", {"none": "none", "light": "light", "full": "full"}[e.leg_load.value])]
    if e.plyometric:
        facts.append(("Impact", label(e.impact)))
    if e.targets:
        facts.append(("Helps a history of", labels(e.targets)))
    facts += [("Starting dose", starting_dose(e)), ("What you should feel", e.feel),
              ("Precautions", e.precautions)]
    if e.less_stable:
        facts.append(("Less stable version", e.less_stable))
    if e.note:
        facts.append(("Note", e.note))
    return facts


def _drill(d: Drill) -> list[Fact]:
    facts = [("Dose", d.dose.text()), ("Time", f"about {d.minutes:g} min"),
             ("Level", LEVELS[d.level]), ("Stage", label(d.stage)), ("When", label(d.when)),
             ("Body areas", labels(d.body_areas)), ("Space", d.space)]
    facts.append(("Equipment", labels(d.equipment) if d.equipment else "nothing"))
    return facts


def _movement(m: Movement) -> list[Fact]:
    return [("Type", m.kind.label), ("Body areas", labels(m.body_areas)),
            ("Equipment", labels(m.equipment)),
            ("Sides", "each side in turn" if m.per_side else "both sides together")]


def _routine(r: Routine, library: Library) -> list[Fact]:
    from yolvarex.domain.recovery.occasions import Occasion

    facts = [("When", r.when), ("Total time", _minutes(library.routine_seconds(r.id)))]
    occasions = [Occasion(o).label for o in r.suits + r.also_suits]
    if occasions:
        facts.append(("Fits", "; ".join(occasions)))
    return facts


def _evidence(e: Evidence) -> list[Fact]:
    facts = [("Authors", e.authors), ("Kind of source", label(e.kind)),
             ("Published", f"{e.journal}, {e.year}")]
    if e.doi:
        facts.append(("DOI", e.doi))
    if e.url:
        facts.append(("Link", e.url))
    if e.pubmed:
        facts.append(("PubMed", e.pubmed))
    if e.isbn:
        facts.append(("ISBN", e.isbn))
    if e.volume_pages:
        facts.append(("Volume and pages", e.volume_pages))
    if e.caveat:
        facts.append(("Caveat", e.caveat))
    return facts


def _same(entry: Entry, library: Library) -> list[Fact]:
    exercise = getattr(entry, "exercise", None)
    if isinstance(exercise, str) and exercise in library.exercises:
        return [("Same movement as the exercise", library.exercises[exercise].title)]
    return []


def facts(entry: Entry, library: Library) -> list[Fact]:
    """What a runner reads about an entry besides its title, text, steps and mistakes."""
    if isinstance(entry, Exercise):
        out = _exercise(entry)
    elif isinstance(entry, Drill):
        out = _drill(entry)
    elif isinstance(entry, Movement):
        out = _movement(entry)
    elif isinstance(entry, Routine):
        out = _routine(entry, library)
    elif isinstance(entry, Evidence):
        out = _evidence(entry)
    elif isinstance(entry, Cue):
        out = [("Focus", "outside you: the ground, a sound, a line" if entry.focus == "external"
                else "on a part of your body; best in slow drills")]
    elif isinstance(entry, Fault):
        out = [("Body areas", labels(entry.body_areas))]
    else:
        out = []
    return out + _same(entry, library) + _basis(entry)
