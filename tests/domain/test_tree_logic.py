"""Three-valued logic: a test on an unknown fact is unknown; all/any/not follow Kleene."""

from __future__ import annotations

import pytest

from yolvarex.content.schemas.tree import Compare, Condition, Question
from yolvarex.domain.trees.logic import evaluate, facts_of, known_after, may_be_unknown

T, F, U = True, False, None


def cond(data: dict) -> Condition:
    return Question.model_validate({"id": "q", "ask": "Why?", "test": data, "yes": "a",
                                    "no": "b"}).test


PAIN_HIGH = {"fact": "pain", "op": ">", "value": 5}
HOP = {"fact": "pain_on_hop", "op": "==", "value": True}


@pytest.mark.parametrize(("values", "expected"), [
    ({"pain": 6}, T), ({"pain": 5}, F), ({}, U)])
def test_compare(values: dict, expected: bool | None) -> None:
    assert evaluate(cond(PAIN_HIGH), values) is expected


@pytest.mark.parametrize(("pain", "hop", "all_", "any_"), [
    (T, T, T, T), (T, F, F, T), (T, U, U, T), (F, U, F, U), (U, U, U, U), (F, F, F, F)])
def test_kleene_all_and_any(pain, hop, all_, any_) -> None:
    values = {}
    if pain is not None:
        values["pain"] = 8 if pain else 1
    if hop is not None:
        values["pain_on_hop"] = hop
    assert evaluate(cond({"all": [PAIN_HIGH, HOP]}), values) is all_
    assert evaluate(cond({"any": [PAIN_HIGH, HOP]}), values) is any_
    negated = None if any_ is None else not any_
    assert evaluate(cond({"not": {"any": [PAIN_HIGH, HOP]}}), values) is negated


def test_known_is_never_unknown() -> None:
    known = cond({"fact": "pain", "op": "known"})
    assert evaluate(known, {}) is False and evaluate(known, {"pain": 0}) is True
    assert not may_be_unknown(known) and may_be_unknown(cond(PAIN_HIGH))
    assert not may_be_unknown(cond(PAIN_HIGH), {"pain"})


def test_contains_in_and_fact_references() -> None:
    sym = cond({"fact": "symptoms", "op": "contains", "value": ["cough", "fever"]})
    assert evaluate(sym, {"symptoms": ("cough",)}) is True
    assert evaluate(sym, {"symptoms": ()}) is False and evaluate(sym, {}) is None
    plan = cond({"fact": "planned", "op": "in", "value": ["speed", "tempo"]})
    assert evaluate(plan, {"planned": "tempo"}) is True and evaluate(plan, {"planned": "easy"}) is False
    hrv = cond({"fact": "hrv_ln_mean_7d", "op": "<", "value": {"fact": "hrv_ln_normal_low"}})
    assert evaluate(hrv, {"hrv_ln_mean_7d": 3.9, "hrv_ln_normal_low": 4.0}) is True
    assert evaluate(hrv, {"hrv_ln_mean_7d": 3.9}) is None
    assert facts_of(hrv) == ("hrv_ln_mean_7d", "hrv_ln_normal_low")


def test_what_is_known_after_a_branch() -> None:
    assert known_after(cond(PAIN_HIGH), False) == {"pain"}
    assert known_after(cond({"fact": "pain", "op": "known"}), False) == frozenset()
    assert known_after(cond({"all": [PAIN_HIGH, HOP]}), True) == {"pain", "pain_on_hop"}
    assert known_after(cond({"all": [PAIN_HIGH, HOP]}), False) == frozenset()
    assert known_after(cond({"any": [PAIN_HIGH, HOP]}), False) == {"pain", "pain_on_hop"}
    assert known_after(cond({"not": {"fact": "pain", "op": "known"}}), False) == {"pain"}


def test_conditions_are_data_not_code() -> None:
    with pytest.raises(ValueError):
        Compare.model_validate({"fact": "__import__('os')", "op": ">", "value": 1})
    with pytest.raises(ValueError):
        Compare.model_validate({"fact": "pain", "op": "eval", "value": 1})
