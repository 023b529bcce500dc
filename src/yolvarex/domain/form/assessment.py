"""Rank likely form faults from the self-assessment answers.

Each chosen option gives its faults 1-3 points. A fault's score is the sum over all answers;
faults rank by score, then by their strongest single answer, then by how many answers point at
them, then by id so the order is always the same. Each ranked fault carries the reasons of the
answers that pointed at it, strongest first. Unanswered questions count as "not sure".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from yolvarex.domain.form.content import QuestionInfo

LIKELY = 4
POSSIBLE = 2


@dataclass(frozen=True)
class RankedFault:
    fault: str
    score: int
    reasons: tuple[str, ...]

    @property
    def likelihood(self) -> str:
        if self.score >= LIKELY:
            return "likely"
        return "possible" if self.score >= POSSIBLE else "worth a look"


def answer_problems(questions: Mapping[str, QuestionInfo], answers: Mapping[str, str]) -> list[str]:
    """Answers that name an unknown question or an option the question does not have."""
    problems = []
    for question_id, option_id in answers.items():
        question = questions.get(question_id)
        if question is None:
            problems.append(f"{question_id}: there is no such question")
        elif option_id not in {o.id for o in question.options}:
            choices = ", ".join(o.id for o in question.options)
            problems.append(f"{question_id}: {option_id!r} is not an answer; choose one of {choices}")
    return problems


def rank_faults(questions: Sequence[QuestionInfo], answers: Mapping[str, str]) -> list[RankedFault]:
    """Faults the answers point at, most likely first. Unknown answers are ignored."""
    scores: dict[str, list[tuple[int, str]]] = {}
    for question in questions:
        chosen = answers.get(question.id)
        option = next((o for o in question.options if o.id == chosen), None)
        if option is None:
            continue
        for fault, points in option.points.items():
            scores.setdefault(fault, []).append((points, question.reasons[fault]))
    ranked = []
    for fault, hits in scores.items():
        hits.sort(key=lambda h: -h[0])
        reasons = tuple(dict.fromkeys(reason for _, reason in hits))
        ranked.append((RankedFault(fault, sum(p for p, _ in hits), reasons), hits[0][0], len(hits)))
    ranked.sort(key=lambda r: (-r[0].score, -r[1], -r[2], r[0].fault))
    return [r[0] for r in ranked]
