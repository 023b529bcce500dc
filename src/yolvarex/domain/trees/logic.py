"""Three-valued evaluation of tree conditions: true, false, or unknown (None).

A comparison on an unknown fact is unknown; `known` is never unknown. `all`, `any` and `not`
follow Kleene's logic: `all` is false as soon as one part is false, `any` is true as soon as one
part is true, and otherwise an unknown part makes the whole unknown.

Conditions are compiled once into small closures over a mapping of the known facts, so a
decision costs a few dictionary look-ups per question. Nothing is ever evaluated as code.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from yolvarex.content.schemas.tree import All, AnyOf, Compare, Condition, FactRef, Not, Op, Question, Tree

Truth = bool | None  # None: unknown
Values = Mapping[str, Any]
Test = Callable[[Values], Truth]

_MISSING = object()
_ORDERING: dict[Op, Callable[[Any, Any], bool]] = {
    Op.EQ: operator.eq, Op.NE: operator.ne, Op.LT: operator.lt, Op.LE: operator.le,
    Op.GT: operator.gt, Op.GE: operator.ge,
}


def compile_condition(condition: Condition) -> Test:
    """A function of the known facts that returns True, False or None (unknown)."""
    if isinstance(condition, Compare):
        return _compile_compare(condition)
    if isinstance(condition, All):
        return _compile_all(tuple(compile_condition(c) for c in condition.all_))
    if isinstance(condition, AnyOf):
        return _compile_any(tuple(compile_condition(c) for c in condition.any_))
    if isinstance(condition, Not):
        return _compile_not(compile_condition(condition.not_))
    raise TypeError(f"not a condition: {condition!r}")


def _compile_compare(c: Compare) -> Test:
    fact, op, value = c.fact, c.op, c.value
    if op is Op.KNOWN:
        return lambda values: fact in values
    if isinstance(value, FactRef):
        other, fn = value.fact, _ORDERING[op]

        def against_fact(values: Values) -> Truth:
            a = values.get(fact, _MISSING)
            b = values.get(other, _MISSING)
            if a is _MISSING or b is _MISSING:
                return None
            return bool(fn(a, b))
        return against_fact
    if op is Op.CONTAINS:
        wanted = frozenset(value if isinstance(value, tuple) else (value,))

        def contains(values: Values) -> Truth:
            found = values.get(fact, _MISSING)
            if found is _MISSING:
                return None
            return not wanted.isdisjoint(found)
        return contains
    if op is Op.IN:
        options = frozenset(value if isinstance(value, tuple) else (value,))

        def within(values: Values) -> Truth:
            found = values.get(fact, _MISSING)
            if found is _MISSING:
                return None
            return found in options
        return within
    return _ORDER_TESTS[op](fact, value)


def _eq(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found == value
    return test


def _ne(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found != value
    return test


def _lt(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found < value
    return test


def _le(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found <= value
    return test


def _gt(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found > value
    return test


def _ge(fact: str, value: Any) -> Test:
    def test(values: Values) -> Truth:
        found = values.get(fact, _MISSING)
        return None if found is _MISSING else found >= value
    return test


# one small closure per operator: the hot path does a look-up and one comparison
_ORDER_TESTS: dict[Op, Callable[[str, Any], Test]] = {
    Op.EQ: _eq, Op.NE: _ne, Op.LT: _lt, Op.LE: _le, Op.GT: _gt, Op.GE: _ge,
}


def _compile_all(parts: tuple[Test, ...]) -> Test:
    def all_of(values: Values) -> Truth:
        unknown = False
        for part in parts:
            result = part(values)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True
    return all_of


def _compile_any(parts: tuple[Test, ...]) -> Test:
    def any_of(values: Values) -> Truth:
        unknown = False
        for part in parts:
            result = part(values)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False
    return any_of


def _compile_not(part: Test) -> Test:
    def negate(values: Values) -> Truth:
        result = part(values)
        return None if result is None else not result
    return negate


def evaluate(condition: Condition, values: Values) -> Truth:
    """Evaluate once, without keeping the compiled form."""
    return compile_condition(condition)(values)


def compares(condition: Condition) -> Iterator[Compare]:
    """Every comparison inside a condition, in order."""
    if isinstance(condition, Compare):
        yield condition
    elif isinstance(condition, All):
        for part in condition.all_:
            yield from compares(part)
    elif isinstance(condition, AnyOf):
        for part in condition.any_:
            yield from compares(part)
    elif isinstance(condition, Not):
        yield from compares(condition.not_)


def threshold(tree: Tree, fact: str) -> float:
    """The one number `tree` compares `fact` with (a chart draws the rule's own line); a
    ValueError when the tree compares it with none or with several."""
    values = {c.value for node in tree.nodes if isinstance(node, Question)
              for c in compares(node.test)
              if c.fact == fact and c.op is not Op.KNOWN and isinstance(c.value, int | float)
              and not isinstance(c.value, bool)}
    if len(values) != 1:
        raise ValueError(f"tree {tree.id!r} compares {fact!r} with {sorted(values) or 'no number'}")
    return float(values.pop())


def facts_of(condition: Condition) -> tuple[str, ...]:
    """The facts a condition reads, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for c in compares(condition):
        seen[c.fact] = None
        if isinstance(c.value, FactRef):
            seen[c.value.fact] = None
    return tuple(seen)


def may_be_unknown(condition: Condition, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the condition can be unknown when the facts in `known` are known for sure."""
    return any(c.op is not Op.KNOWN and not set(facts_of(c)) <= known for c in compares(condition))


def known_after(condition: Condition, result: bool) -> frozenset[str]:
    """Facts that must be known once the condition came out `result` (true or false)."""
    if isinstance(condition, Compare):
        if condition.op is Op.KNOWN:
            return frozenset({condition.fact}) if result else frozenset()
        return frozenset(facts_of(condition))
    if isinstance(condition, All):
        if not result:
            return frozenset()
        return frozenset().union(*(known_after(c, True) for c in condition.all_))
    if isinstance(condition, AnyOf):
        if result:
            return frozenset()
        return frozenset().union(*(known_after(c, False) for c in condition.any_))
    if isinstance(condition, Not):
        return known_after(condition.not_, not result)
    return frozenset()


def implies_red_flag(condition: Condition) -> bool:
    """True when the condition can only hold while a red flag is present."""
    if isinstance(condition, Compare):
        return condition.fact == "red_flags" and condition.op is Op.CONTAINS
    if isinstance(condition, All):
        return any(implies_red_flag(c) for c in condition.all_)
    if isinstance(condition, AnyOf):
        return all(implies_red_flag(c) for c in condition.any_)
    return False


def depth_of(condition: Condition) -> int:
    """How deeply `all`, `any` and `not` are nested (a single comparison is 1)."""
    if isinstance(condition, All):
        return 1 + max(depth_of(c) for c in condition.all_)
    if isinstance(condition, AnyOf):
        return 1 + max(depth_of(c) for c in condition.any_)
    if isinstance(condition, Not):
        return 1 + depth_of(condition.not_)
    return 1
