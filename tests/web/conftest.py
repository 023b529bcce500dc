"""Browser tests: a real `yolvarex serve` on loopback, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("YOLVAREX_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


#: The environment the live server runs with, so a test can run CLI commands on its database.
LIVE_ENV: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(data_dir: Path, env: dict[str, str]) -> Iterator[str]:
    """`yolvarex serve` in its own process with `env`, logging to `data_dir`; its URL once up."""
    port = _free_port()
    with (data_dir / "server.log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "yolvarex", "serve", "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise RuntimeError((data_dir / "server.log").read_text())
            time.sleep(0.1)
        else:
            proc.kill()
            raise RuntimeError("the server did not start: " + (data_dir / "server.log").read_text())
        try:
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(template_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app in its own process, on its own copy of the test database."""
    from tests.conftest import BACKEND

    data_dir = tmp_path_factory.mktemp("live")
    env = {**os.environ, "YOLVAREX_DATA_DIR": str(data_dir)}
    if BACKEND == "sqlite":
        import shutil

        shutil.copyfile(template_db, data_dir / "yolvarex.sqlite3")
    else:  # a database of its own: the other tests of this worker empty theirs between tests
        env["YOLVAREX_DATABASE_URL"] = _own_pg_database()
    LIVE_ENV.clear()
    LIVE_ENV.update(env)
    with serve(data_dir, env) as url:
        yield url
    if BACKEND != "sqlite":
        _drop_pg_database(env["YOLVAREX_DATABASE_URL"])


def _own_pg_database() -> str:
    """A new, migrated PostgreSQL database for the live server; its URL."""
    from sqlalchemy import create_engine, text

    from tests.conftest import PG_ADMIN_URL, _pg_url
    from yolvarex.store import migrate
    from yolvarex.store.db import Database

    name = f"yvx_live_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    db = Database(_pg_url(name))
    migrate.upgrade(db)
    db.dispose()
    return _pg_url(name)


def _drop_pg_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.conftest import PG_ADMIN_URL

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def demo_runner(live_server: str) -> str:
    """The demo runner loaded into the live server's database; returns its user name."""
    subprocess.run([sys.executable, "-m", "yolvarex", "demo", "--user", "demo"], env=LIVE_ENV,
                   check=True, capture_output=True)
    return "demo"


PASSWORD = "a good long password"


def sign_up(page, role: str = "Runner", skip_setup: bool = True) -> str:
    """Create a new account through the sign-up page; returns the name. It lands on the
    first-run wizard, which this skips (landing on Today) unless `skip_setup` is False."""
    name = f"{role.lower()}-{uuid.uuid4().hex[:8]}"
    page.goto("/signup")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_text(role, exact=True).click()
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/welcome**")
    if skip_setup:  # a runner lands on Today, a coach on the board
        page.get_by_role("button", name="Skip for now").click()
        page.wait_for_url(re.compile(r"/(today|coach)"))
    return name


def log_in(page, name: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today**")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}; `make test` installs Debian's chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


_people = itertools.count(1)


def new_context(browser, **options):
    """A browser context as a person of their own: no cookies, and an address of their own (the
    live server trusts `X-Forwarded-For` from loopback, as behind a proxy). Sign-ups and logins
    are limited per address, so the suite's many sign-ups count as the many people they stand
    for rather than spending one address's hourly allowance."""
    n = next(_people)
    address = f"10.{os.getpid() % 250}.{n // 250 % 250}.{n % 250 + 1}"
    return browser.new_context(extra_http_headers={"X-Forwarded-For": address}, **options)


@pytest.fixture(params=["phone", "desktop"])
def page(request: pytest.FixtureRequest, browser, live_server: str) -> Iterator:
    """A fresh browser context (no cookies, an address of its own) at phone or desktop size."""
    viewport = PHONE if request.param == "phone" else DESKTOP
    context = new_context(browser, viewport=viewport, base_url=live_server)
    context.set_default_timeout(15000)
    pg = context.new_page()
    yield pg
    context.close()


def shot(page, name: str) -> Path:
    """Save a full-page screenshot under tests/artifacts/screenshots/ to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SCREENSHOTS / f"{name}-{'phone' if width < 600 else 'desktop'}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
