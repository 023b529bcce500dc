"""`yolvarex coach ...`: invite, answer, list athletes, leave notes, end."""

from __future__ import annotations

import json

from yolvarex import clock


def test_coach_invites_athlete_accepts_and_coach_leaves_a_note(cli) -> None:
    assert cli("user", "create", "kim", "--role", "coach").exit_code == 0
    assert cli("user", "create", "ann").exit_code == 0
    real = cli("coach", "invite", "ann", "--user", "kim")
    ghost = cli("coach", "invite", "ghost", "--user", "kim")
    assert real.exit_code == ghost.exit_code == 0
    assert "Invitation recorded for ann" in real.stdout and "Invitation recorded for ghost" in ghost.stdout
    listed = json.loads(cli("coach", "invitations", "--user", "ann", "--json").stdout)
    assert [i["coach"] for i in listed] == ["kim"]
    assert cli("coach", "accept", str(listed[0]["id"]), "--user", "ann").exit_code == 0
    board = json.loads(cli("coach", "athletes", "--user", "kim", "--json").stdout)
    assert [a["name"] for a in board] == ["ann"] and board[0]["needs_attention"]
    table = cli("coach", "athletes", "--user", "kim").stdout
    assert "ann" in table and "has never checked in" in table
    note = cli("coach", "note", "ann", "Keep it easy today", "--user", "kim")
    assert note.exit_code == 0 and "saved" in note.stdout
    seen = json.loads(cli("coach", "notes", "--user", "ann", "--json").stdout)
    assert seen == [{"date": clock.today("UTC").isoformat(), "coach": "kim",
                     "text": "Keep it easy today"}]
    assert cli("coach", "end", "kim", "--user", "ann").exit_code == 0
    assert json.loads(cli("coach", "athletes", "--user", "kim", "--json").stdout) == []
    assert cli("coach", "note", "ann", "after", "--user", "kim").exit_code != 0


def test_a_code_from_the_cli_and_declines(cli) -> None:
    cli("user", "create", "kim", "--role", "coach")
    cli("user", "create", "ann")
    cli("user", "create", "bob")
    made = cli("coach", "invite", "--code", "--user", "kim")
    code = next(word for word in made.stdout.split() if word.count("-") == 2 and len(word) == 14)
    assert cli("coach", "join", code, "--user", "bob").exit_code == 0
    assert cli("coach", "join", code, "--user", "ann").exit_code != 0  # used
    cli("coach", "invite", "ann", "--user", "kim")
    inv = json.loads(cli("coach", "invitations", "--user", "ann", "--json").stdout)[0]
    assert cli("coach", "decline", str(inv["id"]), "--user", "ann").exit_code == 0
    again = cli("coach", "invite", "ann", "--user", "kim")
    assert again.exit_code != 0 and "declined" in again.output
    assert cli("coach", "invite", "--user", "kim").exit_code != 0  # neither a name nor --code
