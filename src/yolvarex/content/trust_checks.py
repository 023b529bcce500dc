"""Checks that keep the library trustworthy and readable: every evidence entry is used, every
exercise and drill has an easier or harder neighbour, a routine lasts as long as its title
says, and the text keeps to American spelling."""

from __future__ import annotations

import re
from collections.abc import Iterator

from yolvarex.content.code_citations import CODE_CITATIONS
from yolvarex.content.kinds import KINDS
from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.schemas.common import Entry

#: British spellings that have crept into the library, with the American form to use.
BRITISH: dict[str, str] = {
    "colour": "color", "centre": "center", "metre": "meter", "kilometre": "kilometer",
    "litre": "liter", "favour": "favor", "behaviour": "behavior", "organise": "organize",
    "recognise": "recognize", "realise": "realize", "summarise": "summarize",
    "summarised": "summarized", "criticise": "criticize", "criticised": "criticized",
    "travelling": "traveling", "travelled": "traveled", "practise": "practice",
    "programme": "program", "defence": "defense", "tyre": "tire", "grey": "gray",
    "mould": "mold", "neighbour": "neighbor", "harbour": "harbor", "labour": "labor",
    "analyse": "analyze", "analysed": "analyzed", "stabilise": "stabilize",
    "stabiliser": "stabilizer", "minimise": "minimize", "maximise": "maximize",
    "optimise": "optimize", "mobilise": "mobilize", "randomised": "randomized",
    "periodisation": "periodization", "normalise": "normalize", "normalised": "normalized",
    "organisation": "organization", "utilise": "utilize", "centimetre": "centimeter",
    "jewellery": "jewelry", "aluminium": "aluminum", "plough": "plow", "cosy": "cozy",
    "towards": "toward", "afterwards": "afterward", "sceptical": "skeptical",
    "oesophagus": "esophagus", "anaemia": "anemia", "oedema": "edema", "paediatric": "pediatric",
    "orthopaedic": "orthopedic", "manoeuvre": "maneuver", "fibre": "fiber", "lustre": "luster",
    "catalogue": "catalog", "dialogue": "dialog", "enrolment": "enrollment",
    "fulfil": "fulfill", "skilful": "skillful", "tonne": "ton", "storey": "story",
}
_BRITISH_RX = re.compile(r"\b(" + "|".join(sorted(BRITISH, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
#: Imperial lengths and weights in our own prose: the library stores metric (shown in the
#: runner's units by the app) and says small distances without a unit ("a little").
_IMPERIAL_RX = re.compile(r"\b(inch|inches|yards?|miles?|pounds?|lbs?|(?:about|a) foot (?:higher|"
                          r"high|off|away|apart)|about a foot(?! length))\b", re.IGNORECASE)
#: Fields quoting other people's words, which keep their own spelling.
QUOTED_FIELDS = frozenset({"title", "journal", "authors"})
_MINUTES_IN_TITLE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)[- ]minutes?\b",
    re.IGNORECASE)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20}


def _file(kind: str) -> str:
    return f"data/{kind}"


def cited_evidence(library: Library) -> set[str]:
    """Every evidence id that some entry (or a tree leaf) refers to, plus the code's own."""
    used = set(CODE_CITATIONS)
    for kind in KINDS:
        for entry in library.of_kind(kind.name).values():
            used |= {target for target_kind, target, _ in entry.refs() if target_kind == "evidence"}
    return used


def check_evidence_used(library: Library) -> list[ContentError]:
    errors = []
    used = cited_evidence(library)
    for evidence_id in sorted(set(library.evidence) - used):
        errors.append(ContentError(_file("evidence"), id=evidence_id, message=(
            "no entry cites this evidence; cite it where it supports the text, or remove it")))
    for evidence_id, where in sorted(CODE_CITATIONS.items()):
        if evidence_id not in library.evidence:
            errors.append(ContentError("content/code_citations.py", id=evidence_id, message=(
                f"{where} relies on this evidence id, which does not exist; add the entry")))
    return errors


def check_evidence_located(library: Library) -> list[ContentError]:
    """Every source can be found again: by DOI, link, PubMed id, ISBN, or volume and pages."""
    return [ContentError(_file("evidence"), id=e.id, field="doi", message=(
        "a reader cannot find this source; add its doi, url, pmid, isbn or volume_pages as "
        "printed in the source itself or an index, never a guessed one"))
        for e in library.evidence.values() if not e.located]


def check_neighbours(library: Library) -> list[ContentError]:
    """Every exercise sits on a ladder, so it has an easier or a harder neighbour; every
    drill names a progression or a regression."""
    on_ladder = {s for ladder in library.ladders.values() for s in ladder.steps}
    errors = [ContentError(_file("exercises"), id=e.id, field="ladders", message=(
        "this exercise is on no ladder, so it has no easier or harder neighbour; add it to one"))
        for e in library.exercises.values() if e.id not in on_ladder]
    errors += [ContentError(_file("drills"), id=d.id, field="progression", message=(
        "name a progression or a regression, so a runner knows the next step"))
        for d in library.drills.values() if not (d.progression or d.regression)]
    return errors


def check_routine_length(library: Library) -> list[ContentError]:
    """A routine whose title promises some minutes lasts at least that long."""
    errors = []
    for routine in library.routines.values():
        match = _MINUTES_IN_TITLE.search(routine.title)
        if not match:
            continue
        word = match.group(1).lower()
        promised = int(word) if word.isdigit() else _NUMBERS[word]
        actual = library.routine_seconds(routine.id)
        if actual < promised * 60:
            errors.append(ContentError(_file("routines"), id=routine.id, field="steps", message=(
                f"the title promises {promised} minutes but the steps take {actual} s; add "
                "steps or reps, or change the title")))
    return errors


def _texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in QUOTED_FIELDS or path:
                yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}.{i}")


def spelling_errors(entry: Entry, kind: str) -> list[ContentError]:
    data = entry.model_dump(mode="json", by_alias=True)
    if kind == "evidence":  # a source's own title and journal keep their spelling
        data = {k: v for k, v in data.items() if k not in QUOTED_FIELDS}
    errors = []
    for field, text in _texts(data):
        for match in _BRITISH_RX.finditer(text):
            word = match.group(0)
            errors.append(ContentError(_file(kind), id=entry.id, field=field, message=(
                f"{word!r} is British spelling; write {BRITISH[word.lower()]!r}")))
        for match in _IMPERIAL_RX.finditer(text):
            errors.append(ContentError(_file(kind), id=entry.id, field=field, message=(
                f"{match.group(0)!r} is an imperial unit; write meters or kilograms, or say it "
                "without a unit ('a little', 'a foot length')")))
    return errors


def check_spelling(library: Library) -> list[ContentError]:
    errors = []
    for kind in KINDS:
        for entry in library.of_kind(kind.name).values():
            errors += spelling_errors(entry, kind.name)
    return errors


def _name(text: str) -> str:
    """A title or id reduced to its words, so `Wall slides` and `wall-slide` compare equal."""
    words = re.sub(r"[^a-z ]", "", text.lower().replace("-", " ")).split()
    return " ".join(w.rstrip("s") for w in words if w not in ("bodyweight", "the", "a", "with"))


def check_one_truth(library: Library) -> list[ContentError]:
    """A drill or movement named like an exercise is that exercise: it must say so
    (`exercise: id`), so pages link the two and a reviewer keeps their texts in agreement."""
    names: dict[str, str] = {}
    for e in library.exercises.values():
        names.setdefault(_name(e.id), e.id)
        names.setdefault(_name(e.title), e.id)
    errors = []
    for kind in ("drills", "movements"):
        for entry in library.of_kind(kind).values():
            match = names.get(_name(entry.id)) or names.get(_name(str(getattr(entry, "title", ""))))
            if match and getattr(entry, "exercise", None) != match:
                errors.append(ContentError(_file(kind), id=entry.id, field="exercise", message=(
                    f"this is the exercise {match!r} under another kind; set exercise: {match} "
                    "and make the two texts agree")))
    return errors


_RESEARCH_CLAIM = re.compile(
    r"\b((a|one) (lab |small )?(study|trial|review)|studies|trials|research|the evidence) "
    r"(found|finds|shows?|showed|suggests?|suggested)\b|\bin (a|one) (lab |small )?(study|trial)\b",
    re.IGNORECASE)


def check_claims_cite(library: Library) -> list[ContentError]:
    """Text that reports what a study found cites the study."""
    errors = []
    for kind in KINDS:
        if kind.name == "evidence":
            continue
        for entry in library.of_kind(kind.name).values():
            if any(k == "evidence" for k, _, _ in entry.refs()):
                continue
            for field, text in _texts(entry.model_dump(mode="json", by_alias=True)):
                match = _RESEARCH_CLAIM.search(text)
                if match:
                    errors.append(ContentError(_file(kind.name), id=entry.id, field=field, message=(
                        f"{match.group(0)!r} reports research but the entry cites none; cite the "
                        "source or say it is coaching convention")))
    return errors


def check_near_duplicates(library: Library) -> list[ContentError]:
    """Two entries telling the same thing in the same words (see `overlap_checks`)."""
    from yolvarex.content.overlap_checks import check_near_duplicates as near

    return near(library)


TRUST_CHECKS = [check_evidence_used, check_evidence_located, check_neighbours,
                check_routine_length, check_spelling, check_one_truth, check_near_duplicates,
                check_claims_cite]
