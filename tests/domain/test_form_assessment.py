"""The self-assessment ranks likely faults with a reason for each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yolvarex.content import load_library
from yolvarex.domain.form.assessment import answer_problems, rank_faults

LIB, _ = load_library()
QUESTIONS = list(LIB.questions.values())


def test_at_least_ten_questions_reaching_every_fault() -> None:
    assert len(QUESTIONS) >= 10
    reached = {f for q in QUESTIONS for f in q.reasons}
    assert reached == set(LIB.faults)


def test_ranking_order_and_reasons() -> None:
    ranked = rank_faults(QUESTIONS, {"foot-ahead-of-knee": "clearly", "step-count": "40-42",
                                     "loud-landing": "loud", "hip-drop-video": "a-little"})
    assert [(r.fault, r.score) for r in ranked] == [
        ("overstriding", 4), ("heavy-landing", 3), ("low-cadence", 2), ("hip-drop", 1)]
    top = ranked[0]
    assert top.score == 4 and top.likelihood == "likely"
    assert top.reasons[0].startswith("Your foot lands out in front")  # strongest answer first
    assert top.reasons[1].startswith("A slapping heel")
    assert ranked[1].likelihood == "possible"
    assert ranked[-1].likelihood == "worth a look"


def test_ties_break_by_strongest_answer_then_count_then_id() -> None:
    ranked = rank_faults(QUESTIONS, {"tension": "often", "sticky-feet": "sometimes",
                                     "late-run-feel": "sometimes", "bouncy": "very"})
    # tense-upper-body 3 (one answer of 3), vertical-bounce 3 (one of 3): id order;
    # long-ground-contact 1 and fatigue-breakdown 1: id order
    assert [(r.fault, r.score) for r in ranked] == [
        ("tense-upper-body", 3), ("vertical-bounce", 3), ("fatigue-breakdown", 1),
        ("long-ground-contact", 1)]


def test_no_or_unsure_answers_rank_nothing() -> None:
    answers = {q.id: q.options[-1].id for q in QUESTIONS}
    assert rank_faults(QUESTIONS, answers) == []
    assert rank_faults(QUESTIONS, {}) == []


def test_answer_problems_name_the_question_and_the_choices() -> None:
    problems = answer_problems(LIB.questions, {"nope": "x", "bouncy": "maybe", "tension": "often"})
    assert problems[0] == "nope: there is no such question"
    assert problems[1].startswith("bouncy: 'maybe' is not an answer; choose one of very,")
    assert len(problems) == 2


answers_strategy = st.fixed_dictionaries(
    {}, optional={q.id: st.sampled_from([o.id for o in q.options]) for q in QUESTIONS})


@given(answers_strategy, st.sampled_from(QUESTIONS))
def test_a_stronger_answer_never_lowers_a_fault(answers: dict[str, str], question) -> None:
    """Switching one answer to the option with the most points for a fault never lowers it."""
    before = {r.fault: r.score for r in rank_faults(QUESTIONS, answers)}
    for fault in question.reasons:
        best = max(question.options, key=lambda o: o.points.get(fault, 0))
        current = question.option(answers.get(question.id, ""))
        if current is not None and current.points.get(fault, 0) > best.points.get(fault, 0):
            continue
        after = {r.fault: r.score for r in rank_faults(QUESTIONS, {**answers, question.id: best.id})}
        assert after.get(fault, 0) >= before.get(fault, 0)


@given(answers_strategy)
def test_ranking_is_sorted_and_every_fault_has_a_reason(answers: dict[str, str]) -> None:
    ranked = rank_faults(QUESTIONS, answers)
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(r.score > 0 and r.reasons for r in ranked)
    assert len({r.fault for r in ranked}) == len(ranked)
