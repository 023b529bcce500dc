"""Shared by the tree tests: the shipped engine and a quick way to decide from plain facts."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from yolvarex.content import load_library
from yolvarex.domain.facts import Facts
from yolvarex.domain.trees import Decision, Engine

DAY = dt.date(2026, 11, 25)


@cache
def engine() -> Engine:
    library, errors = load_library()
    assert errors == []
    return Engine(list(library.trees.values()))


def decide(**values: Any) -> Decision:
    """A decision from known facts only; lists may be given as lists."""
    known = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return engine().decide(Facts(DAY, known))
