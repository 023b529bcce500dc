"""The CLI starts at once: `yolvarex --version` and `--help` load Typer and the command list,
not the database layer, the web app, password hashing or the API's schemas; each command loads
only its own module. The figures (CPU time against `import typer`) are in
`benchmarks/bench_cli_start.py`; this test keeps the heavy modules out of the start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer.main

from yolvarex.cli import main as cli_main
from yolvarex.cli.reference import _summary

HEAVY = ("sqlalchemy", "fastapi", "starlette", "argon2", "pydantic", "numpy", "alembic", "rich",
         "yolvarex.store", "yolvarex.services", "yolvarex.api", "yolvarex.web", "yolvarex.content",
         "yolvarex.server")


#: Never imported by a typical command (check-in, decide, load, plan day): the web app and the
#: API, password hashing, printing and calendars, Alembic (the database is already at head).
NEVER_IN_A_COMMAND = ("fastapi", "starlette", "uvicorn", "argon2", "pandas", "alembic",
                      "icalendar", "jinja2", "weasyprint", "yolvarex.api", "yolvarex.web",
                      "yolvarex.server", "yolvarex.export", "yolvarex.ingest")
#: Not imported once the checked library is kept in the data directory (no content checks).
KEPT_LIBRARY = ("yolvarex.content.checks", "yolvarex.content.pose_checks",
                "yolvarex.content.trust_checks", "yolvarex.content.overlap_checks")
#: Not imported when the day's state is kept (no load analytics, no numpy, no coach tree or
#: profile parsed from YAML).
KEPT_DAY = ("numpy", "yolvarex.services.training_load", "yaml", "yolvarex.content.loader")
#: Not imported by `decide`, which reads files only: no database, no history series.
FILES_ONLY = ("sqlalchemy", "yolvarex.store", "numpy", "yolvarex.domain.history")


def imported(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> set[str]:
    """The modules `python -X importtime -m yolvarex ARGS` imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "yolvarex", *args],
                            capture_output=True, text=True, input=stdin,
                            env={**os.environ, "COLUMNS": "100", **(env or {})})
    assert result.returncode == (2 if not args else 0), result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "yolvarex.cli.main" in names
    return names


def heavy_in(names: set[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in heavy))


@pytest.mark.parametrize("args", [("--version",), ("--help",), ()])
def test_start_up_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    assert heavy_in(imported(*args)) == []


def test_a_command_loads_its_own_module_only() -> None:
    names = imported("serve", "--help")
    assert "yolvarex.cli.common" in names
    assert not {"yolvarex.cli.plan", "yolvarex.cli.form", "yolvarex.server", "fastapi"} & names


def test_the_command_list_matches_the_commands() -> None:
    """`COMMANDS` (the names and one-line helps `yolvarex --help` shows without importing) is
    what the modules register, in the same order."""
    loaded: dict[str, object] = {}
    for module in dict.fromkeys(m for m, _ in cli_main.COMMANDS.values()):
        loaded |= cli_main.load_module_commands(module)
    assert set(loaded) == set(cli_main.COMMANDS)
    for name, (module, summary) in cli_main.COMMANDS.items():
        assert name in cli_main.load_module_commands(module)
        assert _summary(loaded[name]) == summary, name
    root = typer.main.get_command(cli_main.app)
    with root.make_context("yolvarex", [], resilient_parsing=True) as ctx:
        assert root.list_commands(ctx) == list(cli_main.COMMANDS)
        commands = [root.get_command(ctx, name) for name in cli_main.COMMANDS]
    typed = sorted(cli_main.COMMANDS, key=lambda n: hasattr(loaded[n], "list_commands"))
    assert typed == list(cli_main.COMMANDS), "Typer lists commands before groups"
    assert all(c is loaded[n] for c, n in zip(commands, cli_main.COMMANDS, strict=True))


def test_help_lists_every_command_and_a_typo_gets_a_suggestion(cli) -> None:
    shown = cli("--help").stdout
    for name, (_, summary) in cli_main.COMMANDS.items():
        assert f"  {name} " in shown
        assert summary.split()[0] in shown
    result = subprocess.run([sys.executable, "-m", "yolvarex", "lod"], capture_output=True,
                            text=True)
    assert result.returncode == 2 and "load" in result.stderr


def test_the_quick_migration_check_agrees_with_alembic(tmp_path) -> None:
    """Commands skip Alembic when the database is at the head read from the migration files;
    that head is Alembic's, and a database behind it is migrated."""
    from yolvarex.store import migrate
    from yolvarex.store.db import Database

    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert migrate._file_heads() == {migrate.head_revision(db)}
    assert not migrate.at_head(db)
    migrate.upgrade(db)
    assert migrate.at_head(db) and migrate.current_revision(db) == migrate.head_revision(db)
    db.dispose()


def test_typical_commands_import_what_they_use_only(cli, db_url, tmp_path) -> None:
    """On the demo runner, in new processes as a person runs them: the second `load` and
    `plan day` read the kept library and the day's kept state, and no command loads the web
    app, argon2, Alembic or the export code."""
    assert cli("demo").exit_code == 0
    env = {"YOLVAREX_DATA_DIR": str(tmp_path), "YOLVAREX_DATABASE_URL": db_url,
           "YOLVAREX_USER": "demo"}
    for args in (("load",), ("plan", "day")):
        first = imported(*args, env=env)
        assert heavy_in(first, NEVER_IN_A_COMMAND) == [], args
        again = imported(*args, env=env)
        assert heavy_in(again, NEVER_IN_A_COMMAND + KEPT_LIBRARY + KEPT_DAY) == [], args
    assert list((tmp_path / "cache").glob("library-*.pickle"))
    answers = "\n".join(["", "7.5", "4", "2", "", "0", "", "", "", "4", "", "4", "", ""]) + "\n"
    checked_in = imported("check-in", "--json", env=env, stdin=answers)
    # a check-in changes the day: its verdict is computed again (with numpy), not the library
    assert heavy_in(checked_in, NEVER_IN_A_COMMAND + KEPT_LIBRARY) == []
    checkin = tmp_path / "checkin.json"
    checkin.write_text('{"date": "2026-11-30", "sleep_hours": 7.5, "soreness": 2, "pain": 0}')
    decided = imported("decide", "--checkin", str(checkin), "--json", env=env)
    assert heavy_in(decided, NEVER_IN_A_COMMAND + KEPT_LIBRARY + FILES_ONLY) == []
    if db_url.startswith("sqlite"):  # PostgreSQL's dialect only where it is the database
        assert heavy_in(again | checked_in, ("sqlalchemy.dialects.postgresql",)) == []
