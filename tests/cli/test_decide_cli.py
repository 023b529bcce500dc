"""`yolvarex decide`, `check-in` and `tree ...` end to end through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.services.test_decisions import COACH_TREE
from yolvarex.cli.main import app
from yolvarex.content import load_library
from yolvarex.domain.trees.render import render

LIBRARY, _ = load_library()


@pytest.fixture
def stateless(tmp_path, monkeypatch):
    """The stateless commands need no database at all."""
    monkeypatch.setenv("YOLVAREX_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("YOLVAREX_DATABASE_URL", "sqlite:////nonexistent/dir/never.sqlite3")
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return run


def flat(text: str) -> str:
    """Rich wraps long lines; compare without the wrapping."""
    return " ".join(text.split())


def write(tmp_path: Path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_decide_json_has_exactly_the_documented_shape(stateless, tmp_path) -> None:
    checkin = write(tmp_path, "c.json", {"date": "2026-11-25", "pain": 4, "pain_next_morning": "settled",
                                         "symptoms": ["runny_nose"], "resting_hr": 60})
    context = write(tmp_path, "x.json", {"resting_hr_baseline": 52, "acwr": 1.6, "planned": "tempo"})
    result = stateless("decide", "--checkin", checkin, "--context", context, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["date", "verdict", "trees", "advice", "routines", "evidence",
                          "missing_facts", "disclaimer"]
    assert data["date"] == "2026-11-25" and data["verdict"] == "modify"
    tree = data["trees"][0]
    assert list(tree) == ["id", "verdict", "path", "advice"] and tree["id"] == "red-flags"
    assert list(tree["path"][0]) == ["node", "test", "value", "result"]
    pain = next(t for t in data["trees"] if t["id"] == "pain")
    assert [s["result"] for s in pain["path"]] == ["unknown", "unknown", "unknown", "yes", "no",
                                                   "yes", "yes"]
    assert "lolli-2019" in data["evidence"] and "not medical advice" in data["disclaimer"]
    assert "pain_kind" in data["missing_facts"]


def test_decide_for_people_prints_the_verdict_and_reasons(stateless, tmp_path) -> None:
    checkin = write(tmp_path, "c.json", {"date": "2026-11-25", "red_flags": ["chest_pain"]})
    result = stateless("decide", "--checkin", checkin)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Stop and get checked" in out and "red_flags contains any of" in out
    assert "not medical advice" in flat(result.stdout)


@pytest.mark.parametrize(("content", "message"), [
    ({"date": "2026-11-25", "pain": 12}, "pain: Input should be less than or equal to 10"),
    ({"date": "2026-11-25", "sneezes": True}, "sneezes: unknown field; remove it"),
    ({"pain": 2}, "date: Field required"),
    ({"date": "2026-11-25", "symptoms": ["flu"]}, "symptoms.0"),
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "must hold a JSON object"),
])
def test_decide_rejects_an_invalid_checkin_file(stateless, tmp_path, content, message) -> None:
    path = write(tmp_path, "c.json", content)
    result = stateless("decide", "--checkin", path)
    assert result.exit_code == 1
    assert message in flat(result.stderr) and "Traceback" not in result.output


def test_decide_rejects_a_bad_context_and_a_missing_file(stateless, tmp_path) -> None:
    checkin = write(tmp_path, "c.json", {"date": "2026-11-25"})
    context = write(tmp_path, "x.json", {"acwr": "high", "plan": "tempo"})
    result = stateless("decide", "--checkin", checkin, "--context", context)
    assert result.exit_code == 1
    assert "acwr:" in flat(result.stderr) and "plan: unknown field" in flat(result.stderr)
    missing = stateless("decide", "--checkin", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1 and "cannot read the check-in file" in flat(missing.stderr)


def test_decide_with_an_extra_tree(stateless, tmp_path) -> None:
    checkin = write(tmp_path, "c.json", {"date": "2026-11-25", "soreness": 5})
    tree = write(tmp_path, "t.yaml", COACH_TREE)
    data = json.loads(stateless("decide", "--checkin", checkin, "--tree", tree, "--json").stdout)
    assert data["trees"][-1]["id"] == "local/hill-legs" and data["verdict"] == "cross_train"
    broken = write(tmp_path, "b.yaml", COACH_TREE.replace("value: 4", "value: 40"))
    result = stateless("decide", "--checkin", checkin, "--tree", broken)
    assert result.exit_code == 1 and "always between 0 and 10" in flat(result.stderr)


CHECKIN_ANSWERS = "\n".join([
    "",        # red flags: none
    "5.5",     # sleep hours
    "9",       # sleep quality: out of range, asked again
    "2",       # sleep quality
    "4",       # soreness
    "calves",  # sore areas
    "3",       # pain
    "1,9",     # pain warning signs: 9 is not on the list, asked again
    "1",       # hurts on hopping
    "left shin",
    "dull",
    "same",
    "settled",
    "1, 4",    # symptoms: runny nose, sore throat
    "",        # temperature
    "3", "", "4",  # mood, stress skipped, motivation
    "", "",    # resting HR, HRV
]) + "\n"


def test_check_in_asks_stores_and_decides(cli, rt) -> None:
    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    result = cli("check-in", "--user", "ann", "--date", "2026-11-25", "--json", input=CHECKIN_ANSWERS)
    assert result.exit_code == 0, result.output
    assert "Type a whole number from 1 to 5" in flat(result.stderr)
    assert "Type numbers from 1 to 5" in flat(result.stderr)
    decision = json.loads(result.stdout[result.stdout.index("{"):])  # the runner echoes input
    assert decision["verdict"] == "see_professional"  # pain on hopping
    import datetime as dt

    from yolvarex.services import accounts, checkins
    from yolvarex.store.access import Actor

    with rt.db.session() as db:
        ann = Actor.of(accounts.user_named(db, "ann"))
        stored = checkins.get_checkin(db, ann, dt.date(2026, 11, 25))
    assert stored.sleep_quality == 2 and stored.pain_on_hop is True and stored.stress is None
    assert stored.pain_at_night is False and stored.pain_kind == "dull"
    assert [s.value for s in stored.symptoms] == ["runny_nose", "sore_throat"]
    assert stored.sore_areas == ("calves",) and stored.pain_area == "left shin"


def _answers(pain: str, signs: str, area: str) -> str:
    """Check-in answers with every question skipped except pain, its warning signs and area."""
    return "\n".join(["", "", "", "", "", pain, signs, area] + [""] * 8) + "\n"


@pytest.mark.parametrize(("pain", "signs", "field", "value"), [
    ("0", "2", "pain_at_night", True),      # issue 12: pain 0, hurts at night (hip)
    ("0", "1", "pain_on_hop", True),        # issue 12: pain 0, hurts on hopping (shin)
    ("", "5", "pain_kind", "sharp"),        # issue 12: no score, sharp pinpoint pain (tibia)
    ("", "3", "pain_at_rest", True),
    ("0", "4", "pain_changes_gait", True),
])
def test_check_in_asks_the_bone_stress_signs_whatever_the_pain(cli, rt, pain, signs, field,
                                                               value) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("check-in", "--user", "ann", "--date", "2026-11-25", "--json",
                 input=_answers(pain, signs, "tibia"))
    assert result.exit_code == 0, result.output
    assert "Anything that hurts in one of these ways" in flat(result.stderr)
    decision = json.loads(result.stdout[result.stdout.index("{"):])
    assert decision["verdict"] == "see_professional"
    import datetime as dt

    from yolvarex.services import accounts, checkins
    from yolvarex.store.access import Actor

    with rt.db.session() as db:
        stored = checkins.get_checkin(db, Actor.of(accounts.user_named(db, "ann")),
                                      dt.date(2026, 11, 25))
    assert getattr(stored, field) == value and stored.pain_area == "tibia"
    assert stored.pain == (int(pain) if pain else None)


def test_check_in_no_warning_signs_are_stored_as_no(cli, rt) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("check-in", "--user", "ann", "--date", "2026-11-25", "--json",
                 input="\n".join(["", "", "", "", "", "0", ""] + [""] * 8) + "\n")
    assert json.loads(result.stdout[result.stdout.index("{"):])["verdict"] == "train"
    import datetime as dt

    from yolvarex.services import accounts, checkins
    from yolvarex.store.access import Actor

    with rt.db.session() as db:
        stored = checkins.get_checkin(db, Actor.of(accounts.user_named(db, "ann")),
                                      dt.date(2026, 11, 25))
    assert (stored.pain_on_hop, stored.pain_at_night, stored.pain_at_rest,
            stored.pain_changes_gait) == (False, False, False, False)
    assert stored.pain_kind is None and stored.pain_area is None


def test_check_in_skipping_everything_is_fine(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("check-in", input="\n" * 20)
    assert result.exit_code == 0, result.output
    assert "Check-in saved" in flat(result.stdout) and "Train as planned" in flat(result.stdout)


def test_tree_list_show_render(stateless) -> None:
    listed = json.loads(stateless("tree", "list", "--json").stdout)
    assert listed[0] == {"id": "red-flags", "title": LIBRARY.trees["red-flags"].title,
                         "summary": LIBRARY.trees["red-flags"].summary, "owner": None}
    assert {t["id"] for t in listed} == set(LIBRARY.trees)
    assert all(set(t) == {"id", "title", "summary", "owner"} for t in listed)
    shown = stateless("tree", "show", "pain")
    assert "Is the pain above 5 out of 10?" in flat(shown.stdout) and "Silbernagel" in flat(shown.stdout)
    assert json.loads(stateless("tree", "show", "pain", "--json").stdout)["root"] == "bone-stress-signs"
    for fmt in ("mermaid", "dot"):
        out = stateless("tree", "render", "illness", "--format", fmt).stdout
        assert out == render(LIBRARY.trees["illness"], fmt)
    bad = stateless("tree", "render", "illness", "--format", "png")
    assert bad.exit_code == 2 and "mermaid, dot" in flat(bad.stderr)
    missing = stateless("tree", "show", "kim/hill-legs")
    assert missing.exit_code == 1 and "needs --user" in flat(missing.stderr)


def test_tree_validate(stateless, tmp_path) -> None:
    good = stateless("tree", "validate", write(tmp_path, "good.yaml", COACH_TREE))
    assert good.exit_code == 0 and "is a valid tree" in flat(good.stdout)
    bad_text = COACH_TREE.replace("soreness, op", "sorenes, op").replace("    unknown: fine\n", "")
    bad = stateless("tree", "validate", write(tmp_path, "bad.yaml", bad_text))
    assert bad.exit_code == 1
    assert "[hill-legs] nodes.sore.test: there is no fact called 'sorenes'" in flat(bad.stderr)
    report = json.loads(stateless("tree", "validate", str(tmp_path / "bad.yaml"), "--json").stdout)
    assert report["valid"] is False and report["errors"][0]["id"] == "hill-legs"


def test_tree_walk_question_by_question(stateless) -> None:
    result = stateless("tree", "walk", "illness", input="n\nmaybe\n?\nn\ny\n")
    assert result.exit_code == 0
    assert "Do you have a fever?" in flat(result.stdout) and "Type y or n or ?" in flat(result.stdout)
    assert "Keep it easy (modify)" in flat(result.stdout) and "above the neck" in flat(result.stdout)


def test_tree_facts(stateless) -> None:
    facts = json.loads(stateless("tree", "facts", "--json").stdout)
    planned = next(f for f in facts if f["name"] == "planned")
    assert planned["type"] == "choice" and "tempo" in planned["choices"]
    table = stateless("tree", "facts").stdout
    assert "hrv_ln_normal_low" in table and "symptom_free_days" in table


def test_tree_list_with_a_coach_tree(cli, tmp_path, rt) -> None:
    from yolvarex.services import accounts, custom_trees
    from yolvarex.store.access import Actor

    cli("user", "create", "kim", "--password-stdin", "--role", "coach", input="correct horse\n")
    with rt.db.session() as db:
        custom_trees.save(db, Actor.of(accounts.user_named(db, "kim")), COACH_TREE)
    listed = json.loads(cli("tree", "list", "--json", "--user", "kim").stdout)
    assert listed[-1] == {"id": "kim/hill-legs", "title": "Hill legs", "owner": "kim",
                          "summary": "Easy day when the legs are sore after hills."}
    assert "Is your soreness 4 or more?" in cli("tree", "show", "kim/hill-legs", "--user", "kim").stdout


def test_content_check_keeps_the_tree_id_in_brackets(stateless, tmp_path, monkeypatch) -> None:
    """Rich must not swallow `[pain]` as markup: the error names the tree."""
    import shutil

    from yolvarex.cli import content as content_cli
    from yolvarex.content.loader import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "trees" / "pain.yaml"
    path.write_text(path.read_text().replace("    unknown: mild-steady\n", ""))
    original = content_cli.load_library
    monkeypatch.setattr(content_cli, "load_library", lambda: original(data))
    result = stateless("content", "check")
    assert result.exit_code == 1
    assert "[pain] nodes.mild-next-morning.unknown" in flat(result.stderr)
