"""Where the app keeps its data, read once from the environment.

`YOLVAREX_DATA_DIR` moves the data directory (default: the platform's user data directory).
`YOLVAREX_DATABASE_URL` points at PostgreSQL (or another SQLite file) instead of the default
`yolvarex.sqlite3` inside the data directory. `YOLVAREX_USER` names the local user that CLI
commands act for when `--user` is not given. `YOLVAREX_MAX_UPLOAD_MB` caps uploads (default 50),
`YOLVAREX_MAX_BODY_KB` every other request body (default 1024).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "YOLVAREX_DATA_DIR"
ENV_DATABASE_URL = "YOLVAREX_DATABASE_URL"
ENV_USER = "YOLVAREX_USER"
ENV_MAX_UPLOAD_MB = "YOLVAREX_MAX_UPLOAD_MB"
ENV_SECURE_COOKIES = "YOLVAREX_SECURE_COOKIES"
ENV_MAX_BODY_KB = "YOLVAREX_MAX_BODY_KB"

#: Every setting a user can give, with what it does. `tests/test_docs.py` checks that the README
#: documents each one, so this list and the README cannot drift apart.
DOCUMENTED = {
    ENV_DATA_DIR: "directory for the SQLite database and the config file",
    ENV_DATABASE_URL: "SQLAlchemy URL of the database (PostgreSQL for many users)",
    ENV_USER: "local user that CLI commands act for when --user is not given",
    ENV_MAX_UPLOAD_MB: "largest upload accepted, in megabytes (default 50)",
    ENV_SECURE_COOKIES: "set to 1 behind HTTPS: Secure __Host- cookies and HSTS",
    ENV_MAX_BODY_KB: "largest request body other than an upload (JSON, forms), in KB (default 1024)",
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    default_user: str | None
    max_upload_bytes: int
    secure_cookies: bool
    max_body_bytes: int = 1024 * 1024

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get(ENV_DATA_DIR) or platformdirs.user_data_dir("yolvarex", appauthor=False))
    url = env.get(ENV_DATABASE_URL) or f"sqlite:///{data_dir / 'yolvarex.sqlite3'}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        max_mb = float(env.get(ENV_MAX_UPLOAD_MB, "50"))
    except ValueError:
        max_mb = 50.0
    try:
        max_kb = float(env.get(ENV_MAX_BODY_KB, "1024"))
    except ValueError:
        max_kb = 1024.0
    return Settings(
        data_dir=data_dir,
        database_url=url,
        default_user=env.get(ENV_USER) or None,
        max_upload_bytes=int(max_mb * 1024 * 1024),
        secure_cookies=env.get(ENV_SECURE_COOKIES, "") in {"1", "true", "yes"},
        max_body_bytes=max(1024, int(max_kb * 1024)),
    )
