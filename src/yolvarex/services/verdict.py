"""A verdict from what is passed in: the shipped trees compiled once, a check-in and context
facts read from JSON-like data, and a day decided from them with nothing read or stored (a
script, `yolvarex decide`, the API's stateless decide). No store: `decisions` decides a stored
athlete's day with the same engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from yolvarex.content import Library
from yolvarex.content.schemas.tree import Tree
from yolvarex.domain.checkin import CheckIn
from yolvarex.domain.facts import Context, Facts
from yolvarex.domain.trees import Decision, Engine
from yolvarex.errors import validated
from yolvarex.services.runtime import library

_ENGINES: dict[int, tuple[Library, Engine]] = {}


def shipped_engine(lib: Library | None = None) -> Engine:
    """The compiled shipped trees (once per library)."""
    lib = lib or library()
    cached = _ENGINES.get(id(lib))
    if cached is None or cached[0] is not lib:
        cached = (lib, Engine(list(lib.trees.values())))
        _ENGINES[id(lib)] = cached
    return cached[1]


def parse_checkin(data: dict[str, Any]) -> CheckIn:
    """A CheckIn from JSON-like data, or Invalid listing every field that is wrong and why."""
    return validated(CheckIn, data, "check-in")


def parse_context(data: Any) -> Context:
    """A Context from JSON-like data, or Invalid naming every wrong field."""
    return validated(Context, data, "context",
                     mapping="The context must be a JSON object of facts, e.g. {\"acwr\": 1.2}.")


def decide_stateless(checkin: CheckIn, context: Context | None = None,
                     extra_trees: Sequence[Tree] = ()) -> Decision:
    """The decision from a check-in and context facts passed in; nothing is read or stored."""
    engine = shipped_engine()
    if extra_trees:
        engine = engine.with_extra(list(extra_trees))
    return engine.decide(Facts.build(checkin.date, checkin, context))
