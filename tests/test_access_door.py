"""Access through one door: every query for an athlete's rows is built by the scope.

`store/access.py` decides who may reach whose rows (`scope`, `squad`, `owned`); the scope builds
every query on an athlete-owned model (the `OwnedMixin` subclasses in `store/models`) already
narrowed to one athlete. This test reads the source and fails where a module outside the door
checks access itself (`require(`, `allowed(`), queries an owned model without the scope
(`select(<owned>...)`, `.select_from(<owned>)`, `delete(<owned>)`, `update(<owned>)`,
`db.get(<owned>, ...)`) or makes an owned row without it (`models.Shoe(...)`, `model(user_id=...)`,
`insert(<owned>)`, `upsert(dialect, <owned>)`, `row.user_id = ...`): a new row is
`scope.new(model, ...)` or `scope.upsert(model, ...)`, owned by the scope's athlete.
"""

from __future__ import annotations

import ast
from pathlib import Path

import yolvarex
from yolvarex.store.models import Base, OwnedMixin

SRC = Path(yolvarex.__file__).parent
DOOR = "yolvarex.store.access"
CHECKS = {"require", "allowed", "require_all", "coached_athlete_ids", "_coached"}
QUERIES = {"select", "delete", "update", "insert"}  # sqlalchemy's builders, by their bare name
INSERTS = {"upsert", "pg_insert", "sqlite_insert"}  # a dialect's insert, by its bare name
MODELS = "yolvarex.store.models"
DIALECTS = ("sa", "sqlalchemy", "postgresql", "sqlite")  # a builder called as `sa.insert(...)`
SESSIONS = ("db", "session", "conn", "connection")  # how a Session is named in this code

# Functions that must see rows across athletes, with no actor at all (the rest of their modules
# is checked like any other). Each entry says why.
ALLOWED: dict[str, str] = {
    "yolvarex.services.run_analysis.refresh_stale":
        "re-analyses every stored run whose kept figures are stale after an upgrade: a "
        "maintenance job of the server over all athletes, started by no one",
    "yolvarex.services.import_jobs.recover":
        "marks the jobs a stopped server left queued or running as failed, at start-up before "
        "any request (no actor); a job is created and read through the scope",
    "yolvarex.services.import_jobs._set":
        "the import's worker thread writes its own job's progress by the job's id, which the "
        "scope made for the actor when the job was queued; the thread holds no session",
    "yolvarex.services.account_data.delete_account":
        "deleting an account also clears it as the author (`created_by`) of plans it wrote for "
        "other athletes: rows that are not the account's own; its own rows go through the scope",
    "yolvarex.store.revisions._set_owner":
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


def shared_models() -> frozenset[str]:
    """The mapped models that are not athlete-owned (rows of an account, of the server)."""
    return frozenset(m.class_.__name__ for m in Base.registry.mappers) - owned_models()


def _mentions_owned(node: ast.AST, owned: set[str]) -> bool:
    for part in ast.walk(node):
        if isinstance(part, ast.Name) and part.id in owned:
            return True
        if isinstance(part, ast.Attribute) and part.attr in owned:
            return True
    return False


def _models_by_name(tree: ast.AST, owned: set[str]) -> set[str]:
    """The bare names that call an owned model's constructor in this module: the owned models
    imported from `store.models` (a domain `CheckIn` or `Activity` is not one), and short names
    given to one (`c = models.CheckIn`)."""
    names = {alias.asname or alias.name for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(MODELS)
             for alias in node.names if alias.name in owned}
    return names | {
        target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
        and ((isinstance(node.value, ast.Attribute) and node.value.attr in owned)
             or (isinstance(node.value, ast.Name) and node.value.id in names))
        for target in node.targets if isinstance(target, ast.Name)}


def _makes_owned(call: ast.Call, models: set[str], owned: set[str], shared: frozenset[str]) -> bool:
    """`models.Shoe(...)`, `Shoe(...)` (imported from `store.models`), or anything but a shared
    model's constructor called with `user_id=` (the owner of a row: `model(user_id=...)`)."""
    func = call.func
    if (isinstance(func, ast.Attribute) and func.attr in owned) \
            or (isinstance(func, ast.Name) and func.id in models):
        return True
    callee = func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) else None
    return any(k.arg == "user_id" for k in call.keywords) and callee not in shared


def bypasses(source: str, owned: set[str],
             shared: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, what) for each access check, owned-model statement or new owned row made without
    the scope. `shared` names the mapped models that are not athlete-owned (`User`, `WebSession`):
    only their constructors take `user_id=` outside the door."""
    out = []
    tree = ast.parse(source)
    models = _models_by_name(tree, owned)
    owned = owned | {  # a short name for an owned model (`c = models.CheckIn`) is the model
        target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Name | ast.Attribute) and _mentions_owned(node.value, owned)
        for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and any(
                isinstance(t, ast.Attribute) and t.attr == "user_id"
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            out.append((node.lineno, f"gives a row another owner: {ast.unparse(node)[:80]}"))
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        attr = func.attr if isinstance(func, ast.Attribute) else None
        receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
        builds = name in QUERIES | INSERTS or (attr in QUERIES and receiver in DIALECTS) \
            or attr == "select_from"
        if name in CHECKS or (attr in CHECKS and receiver == "access"):
            out.append((node.lineno, f"checks access itself: {ast.unparse(func)}("))
        elif builds and any(_mentions_owned(a, owned) for a in node.args):
            out.append((node.lineno, f"reaches an owned table around the scope: {ast.unparse(node)[:80]}"))
        elif attr == "get" and receiver.split(".")[-1] in SESSIONS and node.args \
                and _mentions_owned(node.args[0], owned):
            out.append((node.lineno, f"loads an owned row around the scope: {ast.unparse(node)[:80]}"))
        elif _makes_owned(node, models, owned, shared):
            out.append((node.lineno, f"makes an owned row around the scope: {ast.unparse(node)[:80]}"))
    return sorted(out)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _function_at(tree: ast.AST, line: int) -> str | None:
    """The name of the innermost function whose body holds `line`."""
    around = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
              and node.lineno <= line <= (node.end_lineno or node.lineno)]
    return min(around, key=lambda node: (node.end_lineno or 0) - node.lineno).name if around else None


def violations() -> list[str]:
    owned, shared = owned_models(), shared_models()
    out = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        if module == DOOR or "migrations" in path.parts:
            continue  # migrations run before any actor exists, on tables not models
        out += module_violations(module, path.read_text(encoding="utf-8"), owned, shared)
    return out


def module_violations(module: str, source: str, owned: set[str],
                      shared: frozenset[str] = frozenset()) -> list[str]:
    """The bypasses in one module's source, but those in its ALLOWED functions."""
    tree = ast.parse(source)
    return [f"{module}:{line} {what}" for line, what in bypasses(source, owned, shared)
            if f"{module}.{_function_at(tree, line)}" not in ALLOWED]


def test_every_athlete_row_is_reached_through_the_scope() -> None:
    assert violations() == []


def test_the_allow_list_names_real_functions_that_still_need_it() -> None:
    owned, shared = owned_models(), shared_models()
    for allowed in ALLOWED:
        module, function = allowed.rsplit(".", 1)
        path = SRC.parent / (module.replace(".", "/") + ".py")
        assert path.exists(), module
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        assert any(_function_at(tree, line) == function for line, _ in
                   bypasses(source, owned, shared)), f"{allowed} no longer needs it"


def test_an_allowed_function_does_not_excuse_the_rest_of_its_module() -> None:
    source = ("def recover(db):\n    db.execute(update(models.ImportJob))\n\n"
              "def later(db):\n    db.execute(update(models.ImportJob))\n")
    found = module_violations("yolvarex.services.import_jobs", source, owned_models())
    assert [v.split()[0] for v in found] == ["yolvarex.services.import_jobs:5"]


def test_the_check_is_not_vacuous() -> None:
    owned, shared = owned_models(), shared_models()
    assert {"Activity", "CheckIn", "Plan", "Shoe", "StrengthSession"} <= owned
    assert "User" not in owned and "CoachLink" not in owned
    assert {"User", "WebSession", "DayState"} <= shared and not shared & owned
    caught = bypasses(
        "require(db, actor, 3)\n"
        "access.allowed(db, actor, 3)\n"
        "db.scalars(select(models.Activity).where(models.Activity.user_id == 3))\n"
        "db.execute(select(Shoe.id, Shoe.name))\n"
        "db.scalar(select(func.count()).select_from(models.CheckIn))\n"
        "db.execute(delete(models.Plan))\n"
        "self.db.get(models.StrengthSession, 4)\n"
        "c = models.CheckIn\n"
        "db.execute(select(c.user_id, c.date))\n"
        "db.add(models.Shoe(user_id=athlete_id, name='x'))\n"
        "from yolvarex.store.models import RoutineCompletion as Done, Shoe\n"
        "db.add(Shoe(name='x'))\n"
        "db.add(Done(routine='r'))\n"
        "p = models.Plan\n"
        "db.add(p(profile={}))\n"
        "row = model(user_id=mine.athlete_id, **values)\n"
        "db.execute(insert(models.Activity))\n"
        "db.execute(sa.insert(models.ImportJob).values(rows))\n"
        "upsert(db.get_bind().dialect, models.CheckIn.__table__)\n"
        "mine.upsert(models.CheckIn, date=day).values(user_id=bob)\n"
        "row.user_id = bob.id\n", owned, shared)
    assert [line for line, _ in caught] == [1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 15, 16, 17, 18,
                                            19, 20, 21]
    assert bypasses(
        "from yolvarex.domain.activity import Activity\n"
        "from yolvarex.domain.checkin import CheckIn\n"
        "from yolvarex.store.models import User, WebSession\n"
        "db.add(mine.new(models.Shoe, name='x', start_m=0))\n"
        "staged.append(mine.new(model, **values))\n"
        "db.execute(mine.upsert(models.CheckIn, date=day, data={}).on_conflict_do_update(\n"
        "    index_elements=['user_id', 'date'], set_={'data': {}}))\n"
        "db.add(WebSession(user_id=user.id, token_hash=h))\n"
        "upsert(db.get_bind().dialect, DayState).values(values)\n"
        "Activity(sport=Sport.RUNNING, start=start)\n"
        "CheckIn(date=day, pain=0)\n"
        "isinstance(row, models.Shoe)\n", owned, shared) == []
    assert bypasses(
        "mine = scope(db, actor, athlete_id)\n"
        "db.scalars(mine.select(models.Activity).where(models.Activity.day == day))\n"
        "mine.get(models.Shoe, 4)\n"
        "db.get(models.User, 3)\n"
        "db.scalars(select(models.User).where(models.User.id == 3))\n"
        "self.ladders.allowed(exercise)\n", owned) == []
