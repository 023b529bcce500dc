"""The first-run answer "does your watch record running dynamics" matters: a runner whose watch
does not is shown the form path that needs none; one who said it does, but whose imported runs
carry none, is told what to check. Real watch files."""

from __future__ import annotations

from pathlib import Path

import pytest

from yolvarex.services import athlete, imports
from yolvarex.services.form_dynamics import dynamics_advice, run_advice
from yolvarex.store.access import Actor

pytestmark = pytest.mark.db

ACTIVITIES = Path("/work/shared/data/activities")
WITH_DYNAMICS = ACTIVITIES / "garmin-fenix-5-run.fit"  # ground contact, oscillation, ...
WITHOUT_DYNAMICS = ACTIVITIES / "polar-m400-run.gpx"   # positions and heart rate only


def _answer(rt, actor: Actor, recorded: bool) -> None:
    with rt.db.session() as db:
        athlete.save_preferences(db, actor.id, {"running_dynamics": recorded})


def _import(rt, actor: Actor, path: Path) -> int:
    with rt.db.session() as db:
        report = imports.import_sources(db, actor, imports.path_sources([path]))
    (activity_id,) = [i for f in report.files for i in f.activity_ids]
    return activity_id


def _advice(rt, actor: Actor):
    with rt.db.session() as db:
        return dynamics_advice(db, actor)


def test_no_answer_no_advice(rt, make_user) -> None:
    ann = make_user("ann")
    _import(rt, ann, WITHOUT_DYNAMICS)
    assert _advice(rt, ann) is None


def test_a_watch_without_dynamics_gets_the_path_that_needs_none(rt, make_user) -> None:
    bea = make_user("bea")
    _answer(rt, bea, False)
    advice = _advice(rt, bea)
    assert advice is not None and advice.kind == "without"
    assert [s.href for s in advice.steps] == ["/form/assess", "/form/cues", "/form/session"]
    run = _import(rt, bea, WITHOUT_DYNAMICS)
    with rt.db.session() as db:
        assert run_advice(db, bea, run) == advice  # on the run's page too


def test_a_yes_without_dynamics_in_any_run_says_what_to_check(rt, make_user) -> None:
    cat = make_user("cat")
    _answer(rt, cat, True)
    assert _advice(rt, cat) is None  # nothing imported yet: the page invites an import
    _import(rt, cat, WITHOUT_DYNAMICS)
    advice = _advice(rt, cat)
    assert advice is not None and advice.kind == "missing" and advice.runs == 1
    text = " ".join(s.text for s in advice.steps)
    assert "switched on" in text and "chest strap or a foot pod" in text and "FIT" in text


def test_runs_with_dynamics_need_no_advice_whatever_the_answer(rt, make_user) -> None:
    dan = make_user("dan")
    _answer(rt, dan, True)
    plain = _import(rt, dan, WITHOUT_DYNAMICS)
    rich = _import(rt, dan, WITH_DYNAMICS)
    assert _advice(rt, dan) is None
    _answer(rt, dan, False)  # the files know better than the answer
    assert _advice(rt, dan) is None
    with rt.db.session() as db:
        assert run_advice(db, dan, rich) is None
        assert run_advice(db, dan, plain) is None  # dynamics elsewhere: nothing to fix


def test_another_runners_run_is_refused(rt, make_user) -> None:
    from yolvarex.errors import NotFound

    eve = make_user("eve")
    _answer(rt, eve, False)
    run = _import(rt, eve, WITHOUT_DYNAMICS)
    other = make_user("fay")
    with rt.db.session() as db, pytest.raises(NotFound):  # not hers: the access scope refuses
        run_advice(db, other, run)
