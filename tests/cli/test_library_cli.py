"""`yolvarex library search` and `library list --filter` on the shipped library."""

from __future__ import annotations

import json


def test_search_groups_by_kind(cli) -> None:  # type: ignore[no-untyped-def]
    found = json.loads(cli("library", "search", "hamstring stretch", "--json").stdout)
    assert found["groups"][0]["kind"] == "movements"
    assert {h["id"] for h in found["groups"][0]["hits"][:2]} == {
        "band-hamstring-stretch", "step-hamstring-stretch"}
    shown = cli("library", "search", "hamstring stretch").stdout
    assert "Lying hamstring stretch" in shown and "movements" in shown
    assert "Nothing in the library matches" in cli("library", "search", "zzzz").stdout


def test_list_with_filters(cli) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("library", "list", "exercises", "--filter", "equipment=bands",
                            "-f", "pattern=lateral", "--json").stdout)
    assert listed and all("bands" in e["equipment"] and e["pattern"] == "lateral" for e in listed)
    routines = json.loads(cli("library", "list", "routines", "-f", "occasion=after_run",
                              "--json").stdout)
    assert routines and all("after_run" in r["suits"] + r["also_suits"] for r in routines)
    bad = cli("library", "list", "exercises", "--filter", "colour=red")
    assert bad.exit_code == 1 and "Unknown filter 'colour'" in bad.stderr
    assert "pattern, equipment" in bad.stderr
    wrong_kind = cli("library", "list", "cues", "-f", "level=1")
    assert wrong_kind.exit_code == 1 and "Cues cannot be filtered by level" in wrong_kind.stderr


def test_show_prints_words_not_fields(cli) -> None:  # type: ignore[no-untyped-def]
    shown = cli("library", "show", "exercise", "band-external-rotation").stdout
    for raw in ("shoulder_stability", "True", "False", "rest_s", "unilateral"):
        assert raw not in shown
    assert "Shoulder stability" in shown and "one side at a time" in shown
    assert "What you should feel" in shown and "Precautions" in shown
    assert "easier" in shown and "harder" in shown
    drill = cli("library", "show", "drill", "falling-start").stdout
    assert "Easier: Wall drive march" in drill and "Harder: A-skip" in drill
