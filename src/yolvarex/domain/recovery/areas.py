"""Body areas: one small vocabulary shared by the movement library and the check-in.

Content uses the canonical names (`calves`, `lower_back`, ...). A runner types what they like
in the check-in ("calf", "left hamstring", "IT band", "low back"); `normalise_areas` maps that
free text onto the vocabulary and returns what it could not place, so faces can say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Canonical areas and how to say them in a sentence.
AREA_LABELS: dict[str, str] = {
    "feet": "feet",
    "ankles": "ankles",
    "calves": "calves",
    "shins": "shins",
    "knees": "knees",
    "quads": "quads",
    "hamstrings": "hamstrings",
    "adductors": "inner thighs",
    "glutes": "glutes",
    "hips": "hips",
    "it_band": "IT band",
    "lower_back": "lower back",
    "upper_back": "upper back",
    "chest": "chest",
    "shoulders": "shoulders",
    "neck": "neck",
    "core": "core",
    "breathing": "breathing",
}
BODY_AREAS: frozenset[str] = frozenset(AREA_LABELS)

_LEGS = ("quads", "hamstrings", "calves")
_EVERYWHERE = ("calves", "hamstrings", "quads", "glutes", "hips", "lower_back", "upper_back")

#: What people write -> the canonical areas it means. Keys are already cleaned (see `_clean`).
SYNONYMS: dict[str, tuple[str, ...]] = {
    **{name: (name,) for name in AREA_LABELS},
    **{label: (name,) for name, label in AREA_LABELS.items()},
    "foot": ("feet",), "arch": ("feet",), "arches": ("feet",), "sole": ("feet",),
    "soles": ("feet",), "plantar": ("feet",), "plantar fascia": ("feet",), "heel": ("feet",),
    "heels": ("feet",), "toe": ("feet",), "toes": ("feet",),
    "ankle": ("ankles",),
    "calf": ("calves",), "soleus": ("calves",), "achilles": ("calves", "ankles"),
    "achilles tendon": ("calves", "ankles"), "lower leg": ("calves", "shins"),
    "lower legs": ("calves", "shins"),
    "shin": ("shins",), "shin splints": ("shins",), "tibialis": ("shins",),
    "knee": ("knees",), "kneecap": ("knees",), "kneecaps": ("knees",),
    "quad": ("quads",), "quadricep": ("quads",), "quadriceps": ("quads",),
    "front of thigh": ("quads",), "front of thighs": ("quads",),
    "thigh": ("quads", "hamstrings"), "thighs": ("quads", "hamstrings"),
    "hamstring": ("hamstrings",), "hammies": ("hamstrings",), "back of thigh": ("hamstrings",),
    "back of thighs": ("hamstrings",), "back of leg": ("hamstrings", "calves"),
    "back of legs": ("hamstrings", "calves"),
    "adductor": ("adductors",), "groin": ("adductors",), "inner thigh": ("adductors",),
    "inner thighs": ("adductors",),
    "glute": ("glutes",), "gluteus": ("glutes",), "buttock": ("glutes",),
    "buttocks": ("glutes",), "butt": ("glutes",), "bum": ("glutes",), "backside": ("glutes",),
    "seat": ("glutes",), "piriformis": ("glutes",),
    "hip": ("hips",), "hip flexor": ("hips",), "hip flexors": ("hips",), "psoas": ("hips",),
    "it band": ("it_band",), "itb": ("it_band",), "iliotibial band": ("it_band",),
    "outer thigh": ("it_band",), "outer thighs": ("it_band",), "side of thigh": ("it_band",),
    "lower back": ("lower_back",), "low back": ("lower_back",), "lumbar": ("lower_back",),
    "back": ("lower_back", "upper_back"),
    "upper back": ("upper_back",), "mid back": ("upper_back",), "middle back": ("upper_back",),
    "thoracic": ("upper_back",), "t spine": ("upper_back",), "spine": ("upper_back", "lower_back"),
    "pecs": ("chest",), "pec": ("chest",),
    "shoulder": ("shoulders",), "traps": ("shoulders", "neck"), "trap": ("shoulders", "neck"),
    "abs": ("core",), "abdominals": ("core",), "stomach": ("core",), "obliques": ("core",),
    "trunk": ("core",),
    "leg": _LEGS, "legs": _LEGS,
    "whole body": _EVERYWHERE, "full body": _EVERYWHERE, "everywhere": _EVERYWHERE,
    "all over": _EVERYWHERE, "everything": _EVERYWHERE,
}

_FILLER = {"left", "right", "both", "my", "the", "a", "bit", "little", "slightly", "very",
           "sore", "tight", "stiff", "achy", "aching", "muscles", "muscle", "and", "of", "l", "r"}
_KEEP_PHRASES = ("back of", "front of", "side of", "all over", "whole body", "full body")


def _clean(text: str) -> str:
    words = re.sub(r"[^a-z ]+", " ", text.lower().replace("-", " ").replace("_", " ")).split()
    joined = " ".join(words)
    if any(phrase in joined for phrase in _KEEP_PHRASES):
        keep = {"of", "all"}
        return " ".join(w for w in words if w not in _FILLER or w in keep)
    return " ".join(w for w in words if w not in _FILLER)


def areas_of(text: str) -> tuple[str, ...]:
    """The canonical areas one piece of free text names; () when it names none we know."""
    cleaned = _clean(text)
    if not cleaned:
        return ()
    for candidate in (cleaned, cleaned.rstrip("s"), cleaned + "s"):
        if candidate in SYNONYMS:
            return SYNONYMS[candidate]
    return ()


@dataclass(frozen=True)
class Areas:
    known: tuple[str, ...]  # canonical, each once, in the order first named
    unknown: tuple[str, ...]  # what could not be placed, as typed


def normalise_areas(texts: Iterable[str]) -> Areas:
    """Map free-text areas onto the vocabulary: 'Calf', 'left calves' and 'soleus' all mean calves."""
    known: list[str] = []
    unknown: list[str] = []
    for text in texts:
        found = areas_of(text)
        if not found and text.strip():
            unknown.append(text.strip())
        for area in found:
            if area not in known:
                known.append(area)
    return Areas(tuple(known), tuple(unknown))


def area_label(area: str) -> str:
    return AREA_LABELS.get(area, area.replace("_", " "))


def join_words(words: Iterable[str]) -> str:
    """'calves', 'calves and hips', 'calves, hips and glutes'."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
