"""Access through one door: every query for an athlete's rows is built by the scope.

`store/access.py` decides who may reach whose rows (`scope`, `squad`, `owned`); the scope builds
every query on an athlete-owned model (the `OwnedMixin` subclasses in `store/models`) already
narrowed to one athlete. This test reads the source and fails where a module outside the door
checks access itself (`require(`, `allowed(`) or queries an owned model without the scope:
`select(<owned>...)`, `.select_from(<owned>)`, `delete(<owned>)`, `update(<owned>)` or
`db.get(<owned>, ...)`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import yolvarex
from yolvarex.store.models import OwnedMixin

SRC = Path(yolvarex.__file__).parent
DOOR = "yolvarex.store.access"
CHECKS = {"require", "allowed", "require_all", "coached_athlete_ids", "_coached"}
QUERIES = {"select", "delete", "update"}  # sqlalchemy's builders, called by their bare name
SESSIONS = ("db", "session", "conn", "connection")  # how a Session is named in this code

# Modules that must see rows across athletes, with no actor at all. Each entry says why.
ALLOWED: dict[str, str] = {
    "yolvarex.services.run_analysis":
        "refresh_stale re-analyses every stored run whose kept figures are stale after an "
        "upgrade: a maintenance job of the server over all athletes, started by no one",
    "yolvarex.services.import_jobs":
        "recover marks the jobs a stopped server left queued or running as failed, at start-up "
        "before any request (no actor); a job is created and read through the scope",
    "yolvarex.services.account_data":
        "deleting an account also clears it as the author (`created_by`) of plans it wrote for "
        "other athletes: rows that are not the account's own; its own rows go through the scope",
    "yolvarex.store.revisions":
        "the write hook that bumps an athlete's advice revision runs inside the ORM flush, "
        "below any service, and only reads the owner of a row already being written",
}


def owned_models() -> set[str]:
    found: set[str] = set()
    todo = list(OwnedMixin.__subclasses__())
    while todo:
        model = todo.pop()
        found.add(model.__name__)
        todo += model.__subclasses__()
    return found


def _mentions_owned(node: ast.AST, owned: set[str]) -> bool:
    for part in ast.walk(node):
        if isinstance(part, ast.Name) and part.id in owned:
            return True
        if isinstance(part, ast.Attribute) and part.attr in owned:
            return True
    return False


def bypasses(source: str, owned: set[str]) -> list[tuple[int, str]]:
    """(line, what) for each access check or owned-model query made without the scope."""
    out = []
    tree = ast.parse(source)
    owned = owned | {  # a short name for an owned model (`c = models.CheckIn`) is the model
        target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Name | ast.Attribute) and _mentions_owned(node.value, owned)
        for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        attr = func.attr if isinstance(func, ast.Attribute) else None
        receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
        builds = name in QUERIES or (attr in QUERIES and receiver in ("sa", "sqlalchemy")) \
            or attr == "select_from"
        if name in CHECKS or (attr in CHECKS and receiver == "access"):
            out.append((node.lineno, f"checks access itself: {ast.unparse(func)}("))
        elif builds and any(_mentions_owned(a, owned) for a in node.args):
            out.append((node.lineno, f"queries an owned model around the scope: {ast.unparse(node)[:80]}"))
        elif attr == "get" and receiver.split(".")[-1] in SESSIONS and node.args \
                and _mentions_owned(node.args[0], owned):
            out.append((node.lineno, f"loads an owned row around the scope: {ast.unparse(node)[:80]}"))
    return sorted(out)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def violations() -> list[str]:
    owned = owned_models()
    out = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        if module == DOOR or module in ALLOWED or "migrations" in path.parts:
            continue  # migrations run before any actor exists, on tables not models
        out += [f"{module}:{line} {what}"
                for line, what in bypasses(path.read_text(encoding="utf-8"), owned)]
    return out


def test_every_athlete_row_is_reached_through_the_scope() -> None:
    assert violations() == []


def test_the_allow_list_names_real_modules_that_still_need_it() -> None:
    owned = owned_models()
    for module in ALLOWED:
        path = SRC.parent / (module.replace(".", "/") + ".py")
        assert path.exists(), module
        assert bypasses(path.read_text(encoding="utf-8"), owned), f"{module} no longer needs it"


def test_the_check_is_not_vacuous() -> None:
    owned = owned_models()
    assert {"Activity", "CheckIn", "Plan", "Shoe", "StrengthSession"} <= owned
    assert "User" not in owned and "CoachLink" not in owned
    caught = bypasses(
        "require(db, actor, 3)\n"
        "access.allowed(db, actor, 3)\n"
        "db.scalars(select(models.Activity).where(models.Activity.user_id == 3))\n"
        "db.execute(select(Shoe.id, Shoe.name))\n"
        "db.scalar(select(func.count()).select_from(models.CheckIn))\n"
        "db.execute(delete(models.Plan))\n"
        "self.db.get(models.StrengthSession, 4)\n"
        "c = models.CheckIn\n"
        "db.execute(select(c.user_id, c.date))\n", owned)
    assert [line for line, _ in caught] == [1, 2, 3, 4, 5, 6, 7, 9]
    assert bypasses(
        "mine = scope(db, actor, athlete_id)\n"
        "db.scalars(mine.select(models.Activity).where(models.Activity.day == day))\n"
        "mine.get(models.Shoe, 4)\n"
        "db.get(models.User, 3)\n"
        "db.scalars(select(models.User).where(models.User.id == 3))\n"
        "self.ladders.allowed(exercise)\n", owned) == []
