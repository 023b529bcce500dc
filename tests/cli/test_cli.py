"""The CLI end to end on a real database, in-process through Typer's runner."""

from __future__ import annotations

import json

from yolvarex import __version__


def test_version(cli) -> None:
    assert cli("--version").stdout.strip() == f"yolvarex {__version__}"


def test_content_check_json(cli) -> None:
    result = cli("content", "check", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data["counts"]) == {"exercises", "ladders", "drills", "cues", "faults", "movements",
                                   "routines", "trees", "evidence", "questions"}
    assert data["errors"] == []


def test_library_list_and_show(cli) -> None:
    listed = json.loads(cli("library", "list", "routines", "--json").stdout)
    assert listed[0]["steps"]
    shown = json.loads(cli("library", "show", "exercise", "glute-bridge", "--json").stdout)
    assert shown["title"] == "Glute bridge"
    assert "Glute bridge" in cli("library", "list", "exercises").stdout
    missing = cli("library", "show", "exercises", "nope")
    assert missing.exit_code == 1 and "no exercise with id 'nope'" in missing.stderr
    wrong = cli("library", "list", "spells")
    assert wrong.exit_code == 2 and "unknown kind" in wrong.stderr


def test_users_tokens_and_default_user(cli) -> None:
    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    dup = cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    assert dup.exit_code == 1 and "taken" in dup.stderr
    short = cli("user", "create", "bob", "--password-stdin", input="short\n")
    assert short.exit_code == 1 and "at least 8" in short.stderr
    token = cli("token", "create", "ann").stdout.strip()
    assert token.startswith("yvx_")
    tokens = json.loads(cli("token", "list", "ann", "--json").stdout)
    assert len(tokens) == 1 and not tokens[0]["revoked"]
    assert cli("token", "revoke", "ann", str(tokens[0]["id"])).exit_code == 0
    assert cli("user", "default", "ghost").exit_code == 1
    assert cli("user", "default", "ann").exit_code == 0
    assert json.loads(cli("user", "list", "--json").stdout)[0]["name"] == "ann"


def test_demo_is_idempotent(cli, rt) -> None:
    from yolvarex.store import models

    assert cli("demo").exit_code == 0
    with rt.db.session() as db:
        first = (db.query(models.CheckIn).count(), db.query(models.Activity).count(),
                 db.query(models.StrengthSession).count())
    assert cli("demo").exit_code == 0
    with rt.db.session() as db:
        second = (db.query(models.CheckIn).count(), db.query(models.Activity).count(),
                  db.query(models.StrengthSession).count())
    assert first == second and first[0] == 57 and first[1] >= 30 and first[2] >= 10  # 8 weeks + today


def test_demo_never_overwrites_a_real_user(cli) -> None:
    cli("user", "create", "demo", "--password-stdin", input="correct horse\n")
    result = cli("demo")
    assert result.exit_code == 1 and "real account" in result.stderr


def test_database_that_cannot_be_opened(cli, monkeypatch) -> None:
    monkeypatch.setenv("YOLVAREX_DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none")
    result = cli("db", "upgrade")
    assert result.exit_code == 1 and "cannot open the database" in result.stderr
    assert "x@" not in result.stderr  # the password is never printed


def test_app_refuses_to_start_on_a_broken_library(cli, monkeypatch) -> None:
    from yolvarex.content.loader import ContentError
    from yolvarex.services import runtime

    runtime.library.cache_clear()
    error = ContentError("data/cues/x.yaml", "text: required field is missing", 3)
    broken = (runtime.load_library()[0], [error])
    monkeypatch.setattr(runtime, "load_library", lambda: broken)
    try:
        result = cli("db", "upgrade")
        assert result.exit_code == 1
        assert "content library has 1 error" in result.stderr and "data/cues/x.yaml:3" in result.stderr
        served = cli("serve", "--port", "1")
        assert served.exit_code == 1 and "yolvarex content check" in served.stderr
    finally:
        runtime.library.cache_clear()


def test_a_password_change_revokes_every_token(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    cli("token", "create", "ann")
    cli("token", "create", "ann")
    changed = cli("user", "password", "ann", "--password-stdin", input="another long one\n")
    assert changed.exit_code == 0
    assert "2 API token(s) revoked" in changed.stdout
    tokens = json.loads(cli("token", "list", "ann", "--json").stdout)
    assert [t["revoked"] for t in tokens] == [True, True]
