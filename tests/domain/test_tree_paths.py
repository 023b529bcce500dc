"""The paths through a tree: a walk by hand, facts known on arrival, verdicts below a node,
the longest path."""

from __future__ import annotations

from yolvarex.content.schemas.tree import Leaf, Question, Tree
from yolvarex.domain.trees.paths import answered, known_on_arrival, leaves_below, longest_path
from yolvarex.domain.verdict import Verdict


def _question(node_id: str, test: dict, yes: str, no: str, unknown: str | None = None) -> Question:
    return Question.model_validate({"id": node_id, "ask": "Why?", "test": test, "yes": yes,
                                    "no": no, "unknown": unknown})


def _tree() -> Tree:
    nodes = (
        _question("pain", {"fact": "pain", "op": ">", "value": 5}, yes="stop", no="hop"),
        _question("hop", {"fact": "pain_on_hop", "op": "==", "value": True}, yes="rest",
                  no="train", unknown="train"),
        Leaf.model_construct(id="stop", verdict=Verdict.SEE_PROFESSIONAL),
        Leaf.model_construct(id="rest", verdict=Verdict.REST),
        Leaf.model_construct(id="train", verdict=Verdict.TRAIN),
        Leaf.model_construct(id="unreached", verdict=Verdict.TRAIN),
    )
    return Tree.model_construct(id="t", root="pain", nodes=nodes)


def test_a_fact_is_known_below_the_test_that_read_it_on_every_path() -> None:
    arrival = known_on_arrival(_tree())
    assert arrival["pain"] == frozenset()
    assert arrival["hop"] == frozenset({"pain"})
    # `train` is reached on `no` (hop known) and on `unknown` (hop not known): only pain is sure
    assert arrival["train"] == frozenset({"pain"})
    assert arrival["rest"] == frozenset({"pain", "pain_on_hop"})
    assert "unreached" not in arrival


def test_the_verdicts_below_a_node_and_the_longest_path() -> None:
    tree = _tree()
    assert sorted(leaf.id for leaf in leaves_below(tree, "hop")) == ["rest", "train"]
    assert [leaf.id for leaf in leaves_below(tree, "stop")] == ["stop"]
    assert longest_path(tree) == 2


def test_a_walk_by_hand_follows_the_answers_and_stops_at_one_the_question_does_not_offer() -> None:
    tree = _tree()
    taken, node = answered(tree, ["no", "unknown"])
    assert [(q.id, a) for q, a in taken] == [("pain", "no"), ("hop", "unknown")]
    assert isinstance(node, Leaf) and node.id == "train"
    taken, node = answered(tree, ["unknown", "yes"])  # "pain" has no unknown branch
    assert taken == [] and node.id == "pain"
    taken, node = answered(tree, ["no", "maybe", "yes"])
    assert [a for _, a in taken] == ["no"] and node.id == "hop"
    taken, node = answered(tree, ["yes", "yes"])  # nothing to answer past a leaf
    assert len(taken) == 1 and node.id == "stop"
