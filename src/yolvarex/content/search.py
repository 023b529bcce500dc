"""Search the library across kinds: words are tokenised, stemmed and mapped through a few
synonyms, and an entry matches when every word of the query is found in it. Ranking weighs
where a word is found: in the title most, then in its tags (pattern, muscles, body areas,
equipment, occasions), then anywhere in its text. Pure: no database, no web.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from yolvarex.content.facets import Filters, apply, kinds_for
from yolvarex.content.library import Library
from yolvarex.content.schemas.common import Entry

#: The kinds a runner searches, in the order results are grouped.
SEARCH_KINDS: tuple[str, ...] = ("exercises", "drills", "movements", "routines", "cues", "faults",
                                 "trees")
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
TITLE, TAGS, BODY = 3.0, 2.0, 1.0

#: Fields that describe what an entry is (rather than how to do it).
TAG_FIELDS = ("pattern", "equipment", "muscles", "targets", "body_areas", "kind", "stage",
              "focus", "suits", "also_suits", "when")
TITLE_FIELDS = ("title", "text")
#: Fields whose values are ids of other entries: not words a runner reads.
REF_FIELDS = frozenset({"id", "evidence", "alternatives", "cues", "faults", "drills", "routines",
                        "progression", "regression", "easier", "harder", "movement", "root",
                        "yes", "no", "unknown", "test", "owner", "order"})

#: Words runners use for the same thing; each maps to the stem the library uses.
SYNONYMS: dict[str, str] = {
    "hammy": "hamstring", "hammie": "hamstring", "calve": "calf", "butt": "glute",
    "buttock": "glute", "bum": "glute", "gluteus": "glute", "abs": "core", "abdominal": "core",
    "trunk": "core", "quadricep": "quad", "quadriceps": "quad", "achille": "achilles",
    "itb": "itband", "iliotibial": "itband", "splint": "shin", "lengthen": "stretch",
    "mobilize": "mobility", "plyo": "plyometric",
    "db": "dumbbell", "kb": "kettlebell", "elastic": "band", "roller": "roll", "stair": "step",
    "warmup": "warm", "cooldown": "cool", "tibia": "shin", "groin": "adductor",
}
#: Words that end in -ing or -ed without being a verb form.
KEEP = frozenset({"hamstring", "string", "spring", "morning", "evening", "ceiling", "during",
                  "nothing", "something", "everything", "anything", "thing", "ring", "swing",
                  "sling", "bed", "speed", "need", "feed", "seed", "bleed"})
_WORD = re.compile(r"[a-z0-9]+")
#: "IT band" is one thing (the iliotibial band), not the word "it" and a resistance band.
_IT_BAND = re.compile(r"\b(it|iliotibial)[ _-]+bands?\b")


def stem(word: str) -> str:
    """A deliberately small English stemmer (plurals, -ing, -ed), then the synonym table."""
    w = word.lower()
    if w in SYNONYMS:
        return SYNONYMS[w]
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "xes", "sses", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w not in KEEP:
        for suffix in ("ing", "ed"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                if w[-1] == w[-2] and w[-1] not in "lsz":
                    w = w[:-1]  # "running" -> "run", "hopped" -> "hop"
                break
    return SYNONYMS.get(w, w)


def tokens(text: str) -> list[str]:
    text = _IT_BAND.sub("itband", text.lower())
    return [stem(w) for w in _WORD.findall(text.replace("_", " "))]


def _strings(value: Any, skip: frozenset[str] = REF_FIELDS) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(item, skip)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, skip)


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    title: str
    blurb: str
    score: float


@dataclass(frozen=True)
class Group:
    kind: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SearchResult:
    query: str
    words: tuple[str, ...]
    groups: tuple[Group, ...]

    @property
    def total(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    def as_json(self) -> dict[str, Any]:
        """The answer the API gives and `library search --json` prints."""
        return {"query": self.query, "total": self.total, "groups": [
            {"kind": g.kind, "hits": [{"kind": h.kind, "id": h.id, "title": h.title,
                                       "about": h.blurb, "score": h.score} for h in g.hits]}
            for g in self.groups]}


def title_of(entry: Entry) -> str:
    return str(getattr(entry, "title", None) or getattr(entry, "text", None) or entry.id)


def blurb_of(entry: Entry) -> str:
    for name in ("summary", "purpose", "explanation", "feel", "why_it_matters", "finding"):
        value = getattr(entry, name, None)
        if value:
            return str(value)
    return ""


def _fields(entry: Entry, library: Library) -> tuple[frozenset[str], frozenset[str],
                                                    frozenset[str]]:
    """The entry's words by weight; cached on the library, which never changes once loaded."""
    key = (type(entry).__name__, entry.id)
    if key not in library.search_index:
        library.search_index[key] = _index(entry, library)
    return library.search_index[key]


def _index(entry: Entry, library: Library) -> tuple[frozenset[str], frozenset[str],
                                                   frozenset[str]]:
    data = entry.model_dump(mode="json", by_alias=True)
    title = set(tokens(" ".join(str(data.get(f) or "") for f in TITLE_FIELDS)))
    tags = set(tokens(" ".join(_strings({k: data.get(k) for k in TAG_FIELDS}))))
    rest = {k: v for k, v in data.items() if k not in TITLE_FIELDS + TAG_FIELDS}
    body = set(tokens(" ".join(_strings(rest))))
    steps = data.get("steps")
    for step in steps if isinstance(steps, list) else []:  # a routine is found by the movements it is made of
        if isinstance(step, dict) and step.get("movement") in library.movements:
            body |= set(tokens(library.movements[step["movement"]].title))
    return frozenset(title), frozenset(tags), frozenset(body)


def score(entry: Entry, words: Iterable[str], library: Library) -> float:
    """0 when some word is missing; otherwise the sum of each word's best field weight."""
    title, tags, body = _fields(entry, library)
    total = 0.0
    for word in words:
        weight = TITLE if word in title else TAGS if word in tags else BODY if word in body else 0.0
        if weight == 0.0:
            return 0.0
        total += weight
    return total


def query_words(query: str) -> tuple[str, ...]:
    """The query's distinct stems, bounded so untrusted input stays cheap."""
    words = tokens(query[:MAX_QUERY_CHARS])
    return tuple(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def rank(library: Library, kind: str, entries: Iterable[Entry], query: str) -> list[Hit]:
    words = query_words(query)
    hits = []
    for entry in entries:
        points = score(entry, words, library) if words else 1.0
        if points > 0:
            hits.append(Hit(kind, entry.id, title_of(entry), blurb_of(entry), points))
    return sorted(hits, key=lambda h: (-h.score, h.title.lower()))


def search(library: Library, query: str, filters: Filters | None = None,
           kinds: Iterable[str] = SEARCH_KINDS) -> SearchResult:
    """Every kind's matching entries, best first, grouped by kind (empty groups left out; the
    group with the best match comes first).

    With filters, only the kinds every filter applies to are searched, and an empty query
    lists everything that passes the filters."""
    filters = filters or Filters()
    words = query_words(query)
    groups = []
    if words or filters.active:
        for kind in kinds_for(filters, kinds, library):
            entries = apply(library, kind, library.of_kind(kind).values(), filters)
            hits = rank(library, kind, entries, query)
            if hits:
                groups.append(Group(kind, tuple(hits)))
    groups.sort(key=lambda g: -g.hits[0].score)  # the kind with the best match first
    return SearchResult(query.strip()[:MAX_QUERY_CHARS], words, tuple(groups))
