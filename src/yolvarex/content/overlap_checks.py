"""Near-duplicate texts: two entries that tell a runner the same thing in the same words.

Texts are compared word by word: each entry's how-to text (summary, instructions or steps,
mistakes and fixes, signs, explanations) is cut into runs of `RUN` words, and two entries that
share runs covering at least `LIMIT` words of either text are near-duplicates. A short shared
phrase ("lie on your back with your knees bent") is how coaches talk; a shared set-up and
first step is a copy, and two copies drift apart. Entries that declare themselves the same
movement (a drill or movement with `exercise: id`, or two of them naming the same exercise)
are variants and may share their wording. Routines are left out: their step cues belong to the
movements they name, and the same movement rightly carries the same cue in every routine.

What a runner reads about how something feels (`feel`) and its `precautions` follow the
content guide's set phrasing ("You should feel ...") and are not compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.schemas.common import Entry

RUN = 8  # words in a run two texts must share exactly
LIMIT = 12  # words of one text inside shared runs that make the two near-duplicates
COMPARED = ("exercises", "drills", "movements", "cues", "faults")
TEXT_FIELDS = ("summary", "purpose", "instructions", "steps", "how", "mistakes", "text",
               "explanation", "signs", "why_it_matters")

Key = tuple[str, str]  # (kind, id)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def how_to_words(entry: Entry) -> list[str]:
    """The words of an entry's how-to text, in reading order (sentences joined: a run may not
    cross from one field into the next, so each field is cut separately and joined with a
    marker no text contains)."""
    data = entry.model_dump(mode="json")
    out: list[str] = []
    for field in TEXT_FIELDS:
        for text in _strings(data.get(field)):
            out += [*words(text), "|"]
    return out


def runs(text: list[str]) -> set[tuple[str, ...]]:
    return {run for i in range(len(text) - RUN + 1) if "|" not in (run := tuple(text[i:i + RUN]))}


def covered(text: list[str], shared: set[tuple[str, ...]]) -> int:
    """How many words of `text` lie inside one of the `shared` runs."""
    inside: set[int] = set()
    for i in range(len(text) - RUN + 1):
        if tuple(text[i:i + RUN]) in shared:
            inside.update(range(i, i + RUN))
    return len(inside)


def _movement(kind: str, entry: Entry) -> str | None:
    """The exercise an entry says it is (itself, for an exercise)."""
    if kind == "exercises":
        return entry.id
    linked = getattr(entry, "exercise", None)
    return linked if isinstance(linked, str) else None


def near_duplicates(library: Library) -> list[tuple[Key, Key, str, int]]:
    """Pairs of entries whose shared word runs cover at least `LIMIT` words of one of them, with
    one shared run and the words covered; variants of one movement are left out."""
    texts: dict[Key, list[str]] = {}
    same: dict[Key, str | None] = {}
    for kind in COMPARED:
        for entry in library.of_kind(kind).values():
            texts[(kind, entry.id)] = how_to_words(entry)
            same[(kind, entry.id)] = _movement(kind, entry)
    by_run: dict[tuple[str, ...], set[Key]] = defaultdict(set)
    runs_of = {key: runs(text) for key, text in texts.items()}
    for key, found in runs_of.items():
        for run in found:
            by_run[run].add(key)
    candidates = {pair for keys in by_run.values() if len(keys) > 1
                  for pair in combinations(sorted(keys), 2)}
    out = []
    for a, b in sorted(candidates):
        if same[a] is not None and same[a] == same[b]:
            continue  # declared variants of one movement
        shared = runs_of[a] & runs_of[b]
        words_in = max(covered(texts[a], shared), covered(texts[b], shared))
        if words_in >= LIMIT:
            out.append((a, b, " ".join(sorted(shared)[0]), words_in))
    return out


def check_near_duplicates(library: Library) -> list[ContentError]:
    return [ContentError(f"data/{a[0]}", id=a[1], message=(
        f"{words_in} words of this text repeat {b[0]} {b[1]!r} word for word (\"{phrase} ...\"); "
        "rewrite one of them in its own words, or, if they are the same movement, say so "
        "with exercise: id")) for a, b, phrase, words_in in near_duplicates(library)]
