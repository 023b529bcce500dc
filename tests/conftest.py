"""Fixtures shared by every test: real databases (SQLite files, PostgreSQL), the app, users.

Which database the tests use comes from YOLVAREX_TEST_DB (`sqlite`, the default, or
`postgresql`). `make test` runs the whole suite on SQLite and then every test that touches a
database again on PostgreSQL, reached through YOLVAREX_TEST_PG_URL (an account that may
create databases). Each PostgreSQL test session gets its own database, dropped at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from yolvarex import clock
from yolvarex.server import create_app
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime
from yolvarex.settings import Settings
from yolvarex.store import migrate
from yolvarex.store.access import Actor
from yolvarex.store.db import Database
from yolvarex.store.models import Base

# Nothing in the suite reads the real calendar. The one clock is frozen for every test, and for
# the servers and commands the tests start (they inherit the environment); users are created in
# UTC unless a test says otherwise. Tests marked `any_day` run once for each instant below.
TEST_NOW = "2026-11-30T10:00:00+00:00"  # a Monday
os.environ[clock.ENV_CLOCK] = TEST_NOW
os.environ[clock.ENV_TIMEZONE] = "UTC"
CLOCK_MATRIX: dict[str, tuple[str, str]] = {
    "monday": ("2026-11-30T06:00:00+00:00", "UTC"),
    "sunday": ("2026-12-06T21:30:00+00:00", "UTC"),
    "new-years-eve": ("2026-12-31T23:30:00+00:00", "UTC"),
    "leap-day": ("2028-02-29T12:00:00+00:00", "UTC"),
    "berlin-spring-forward": ("2027-03-28T01:30:00+00:00", "Europe/Berlin"),  # 03:30 CEST
    "berlin-fall-back": ("2027-10-31T00:30:00+00:00", "Europe/Berlin"),  # the first 02:30
    "los-angeles-spring-forward": ("2027-03-14T10:30:00+00:00", "America/Los_Angeles"),
    "los-angeles-fall-back": ("2027-11-07T09:30:00+00:00", "America/Los_Angeles"),  # 01:30 PST
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("any_day"):
        metafunc.parametrize("the_clock", list(CLOCK_MATRIX), indirect=True)


@pytest.fixture(autouse=True)
def the_clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The frozen instant of this test (a matrix case for tests marked `any_day`)."""
    case = getattr(request, "param", None)
    if case is None:
        return TEST_NOW
    instant, zone = CLOCK_MATRIX[case]
    monkeypatch.setenv(clock.ENV_CLOCK, instant)
    monkeypatch.setenv(clock.ENV_TIMEZONE, zone)
    return instant


@pytest.fixture(autouse=True)
def library_kept_nowhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CLI command run in-process keeps the checked library in its test's data directory
    (`services.runtime.keep_library_in`); every test starts without that."""
    from yolvarex.services import runtime

    monkeypatch.setattr(runtime, "_kept_in", None)


# Property tests: the same examples on every run (a failure is reproducible, CI is not a lottery)
# and no per-example time limit (shared 2-core machines are slow and noisy).
hypothesis_settings.register_profile("yolvarex", derandomize=True, deadline=None)
hypothesis_settings.load_profile("yolvarex")

BACKEND = os.environ.get("YOLVAREX_TEST_DB", "sqlite")
PG_ADMIN_URL = os.environ.get("YOLVAREX_TEST_PG_URL",
                              "postgresql+psycopg://yolvarex:yolvarex@127.0.0.1:5432/postgres")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ACTIVITIES = SHARED / "data" / "activities"
DB_FIXTURES = {"db_url", "rt", "db", "client", "make_user", "live_server"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that touches a database, so the PostgreSQL run can select them (-m db)."""
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


def _pg_url(database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_ADMIN_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database made once per test session: a SQLite file or a PostgreSQL database."""
    if BACKEND == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        db = Database(f"sqlite:///{path}")
        migrate.upgrade(db)
        db.engine.dispose()
        yield str(path)
        return
    name = f"yvx_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = _pg_url(name)
    db = Database(url)
    migrate.upgrade(db)
    db.engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_url(template_db: str, tmp_path: Path) -> str:
    """A fresh, migrated, empty database for one test."""
    if BACKEND == "sqlite":
        path = tmp_path / "yolvarex.sqlite3"
        shutil.copyfile(template_db, path)
        return f"sqlite:///{path}"
    engine = create_engine(template_db)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return template_db


@pytest.fixture
def rt(db_url: str, tmp_path: Path) -> Iterator[Runtime]:
    settings = Settings(data_dir=tmp_path, database_url=db_url, default_user=None,
                        max_upload_bytes=5 * 1024 * 1024, secure_cookies=False)
    runtime = Runtime(settings=settings, db=Database(db_url))
    yield runtime
    runtime.db.dispose()


@pytest.fixture
def db(rt: Runtime) -> Iterator:
    """A session on the test database; committed when the test ends."""
    with rt.db.session() as session:
        yield session


@pytest.fixture
def make_user(rt: Runtime) -> Callable[..., Actor]:
    def make(name: str = "runner", password: str | None = "correct horse", role: str = "athlete") -> Actor:
        with rt.db.session() as session:
            return Actor.of(accounts.create_user(session, name, password, role))
    return make


@pytest.fixture
def client(rt: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(rt), raise_server_exceptions=False) as test_client:
        yield test_client


def api_token(rt: Runtime, name: str) -> dict[str, str]:
    """Authorization headers for an API token of the named user."""
    with rt.db.session() as session:
        token, _ = accounts.create_api_token(session, accounts.user_named(session, name))
    return {"Authorization": f"Bearer {token}"}


def csrf_of(client: TestClient) -> str:
    """Load a page so the CSRF cookie is set, and return its value."""
    client.get("/login")
    return client.cookies.get("yolvarex_csrf") or ""


def web_login(client: TestClient, name: str, password: str = "correct horse") -> None:
    token = csrf_of(client)
    response = client.post("/login", data={"name": name, "password": password,
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text


@pytest.fixture
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """The CLI run in-process through Typer's runner, on the test's own database."""
    from typer.testing import CliRunner

    from yolvarex.cli.main import app

    monkeypatch.setenv("YOLVAREX_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("YOLVAREX_DATABASE_URL", db_url)
    monkeypatch.delenv("YOLVAREX_USER", raising=False)
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that Rich tables do not wrap words
    from yolvarex.cli import common  # its consoles may predate the variable (imported earlier)

    for console in (common.console, common.err):
        monkeypatch.setattr(console, "width", 160)
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> object:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return run


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Callable[[str, str | bytes], None]:
    """Compare generated text or bytes with `snapshots/NAME` beside the test (see tests/snapshots.py)."""
    from tests import snapshots

    folder = Path(str(request.path)).parent / "snapshots"

    def check(name: str, actual: str | bytes) -> None:
        snapshots.check(folder / name, actual)
    return check


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In clean mode, after a whole-suite run in one process, delete unused snapshot files."""
    from tests import snapshots

    if snapshots.mode() != "clean" or hasattr(session.config, "workerinput"):
        return
    if getattr(session.config.option, "numprocesses", None):
        print("\nsnapshot clean needs one process: run `pytest -n 0` with YOLVAREX_SNAPSHOTS=clean")
        return
    if exitstatus == 0 and not session.config.args[1:] and session.testscollected > 1000:
        for path in snapshots.unused(Path(__file__).parent):
            print(f"\nremoving unused snapshot {path}")
            path.unlink()
