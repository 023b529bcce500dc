from yolvarex.domain.verdict import Verdict, most_conservative


def test_order_from_least_to_most_conservative() -> None:
    assert [v.value for v in sorted(Verdict, key=lambda v: v.rank)] == [
        "train", "modify", "cross_train", "rest", "see_professional"]


def test_most_conservative_wins() -> None:
    assert most_conservative([Verdict.TRAIN, Verdict.REST, Verdict.MODIFY]) is Verdict.REST
    assert most_conservative([]) is Verdict.TRAIN
