"""Where the app keeps its data, read once from the environment.

`YOLVAREX_DATA_DIR` moves the data directory (default: the platform's user data directory).
`YOLVAREX_DATABASE_URL` points at PostgreSQL (or another SQLite file) instead of the default
`yolvarex.sqlite3` inside the data directory. `YOLVAREX_USER` names the local user that CLI
commands act for when `--user` is not given. `YOLVAREX_MAX_UPLOAD_MB` caps uploads (default 50),
`YOLVAREX_MAX_BODY_KB` every other request body (default 1024). `YOLVAREX_MAP_TILE_URL` (off
by default) draws routes over the tiles of your own tile server, credited with
`YOLVAREX_MAP_ATTRIBUTION`. A value yolvarex cannot use stops start-up with a message
(InvalidSetting), never a silent default.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from yolvarex.clock import ENV_CLOCK, ENV_TIMEZONE, UnknownZone, parse_instant, valid_zone
from yolvarex.logs import LEVELS as LOG_LEVELS

ENV_DATA_DIR = "YOLVAREX_DATA_DIR"
ENV_DATABASE_URL = "YOLVAREX_DATABASE_URL"
ENV_USER = "YOLVAREX_USER"
ENV_MAX_UPLOAD_MB = "YOLVAREX_MAX_UPLOAD_MB"
ENV_SECURE_COOKIES = "YOLVAREX_SECURE_COOKIES"
ENV_SKIP_MIGRATE = "YOLVAREX_SKIP_MIGRATE"
ENV_MAX_BODY_KB = "YOLVAREX_MAX_BODY_KB"
ENV_LOG_LEVEL = "YOLVAREX_LOG_LEVEL"
ENV_MAP_TILE_URL = "YOLVAREX_MAP_TILE_URL"
ENV_MAP_ATTRIBUTION = "YOLVAREX_MAP_ATTRIBUTION"

#: Every setting a user can give, with what it does. `tests/test_docs.py` checks that the README
#: documents each one, so this list and the README cannot drift apart.
DOCUMENTED = {
    ENV_DATA_DIR: "directory for the SQLite database and the config file",
    ENV_DATABASE_URL: "SQLAlchemy URL of the database (PostgreSQL for many users)",
    ENV_USER: "local user that CLI commands act for when --user is not given",
    ENV_MAX_UPLOAD_MB: "largest upload accepted, in megabytes (default 50)",
    ENV_SECURE_COOKIES: "set to 1 behind HTTPS: Secure __Host- cookies and HSTS",
    ENV_MAX_BODY_KB: "largest request body other than an upload (JSON, forms), in KB (default 1024)",
    ENV_TIMEZONE: "time zone for new users who do not choose one (default: the machine's)",
    ENV_CLOCK: "freeze the app's clock at this instant (tests and demos)",
    ENV_SKIP_MIGRATE: "set to 1 so a server process does not migrate on start (serve --workers sets it)",
    ENV_LOG_LEVEL: "debug, info, warning or error (server default info, CLI warning)",
    ENV_MAP_TILE_URL: "your tile server's URL with {z}/{x}/{y}: run pages draw routes over its map",
    ENV_MAP_ATTRIBUTION: "the credit shown under the map (default: the tile server's host name)",
}
MAX_UPLOAD_MB = (1, 1024)
MAX_BODY_KB = (16, 64 * 1024)
FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False, "": False}


class InvalidSetting(ValueError):
    """An environment variable with a value yolvarex cannot use; start-up stops and says why."""


@dataclass(frozen=True)
class MapTiles:
    """A slippy-map tile server: `url` with {z}, {x} and {y}; `origin` for the CSP."""

    url: str
    origin: str
    attribution: str

    def tile_url(self, z: int, x: int, y: int) -> str:
        return self.url.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))


_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?")
_URL_CHARS = re.compile(r"[A-Za-z0-9._~:/?#@!$&()*+,;=%{}\[\]-]+")
MAX_ATTRIBUTION = 200


def _map_tiles(env: dict[str, str]) -> MapTiles | None:
    url = env.get(ENV_MAP_TILE_URL, "").strip()
    attribution = " ".join(env.get(ENV_MAP_ATTRIBUTION, "").split())
    example = f"for example {ENV_MAP_TILE_URL}=https://tiles.example.org/{{z}}/{{x}}/{{y}}.png"
    if not url:
        if attribution:
            raise InvalidSetting(f"{ENV_MAP_ATTRIBUTION} is set but {ENV_MAP_TILE_URL} is not; "
                                 f"set both, or neither ({example}).")
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not _HOST.fullmatch(parts.netloc) \
            or not _URL_CHARS.fullmatch(url):
        raise InvalidSetting(f"{ENV_MAP_TILE_URL}={url!r} is not an http(s) address of a tile "
                             f"server (no user name, spaces or quotes); {example}.")
    holes = re.findall(r"\{[^}]*\}", url)
    if sorted(holes) != ["{x}", "{y}", "{z}"] or url.count("{") != 3 or url.count("}") != 3:
        raise InvalidSetting(f"{ENV_MAP_TILE_URL}={url!r} must hold {{z}}, {{x}} and {{y}} once "
                             f"each and no other {{...}}; {example}.")
    if len(attribution) > MAX_ATTRIBUTION or any(c in attribution for c in "<>"):
        raise InvalidSetting(f"{ENV_MAP_ATTRIBUTION} must be plain text of at most "
                             f"{MAX_ATTRIBUTION} characters.")
    return MapTiles(url=url, origin=f"{parts.scheme}://{parts.netloc}",
                    attribution=attribution or f"Map tiles: {parts.hostname}")


def _flag(env: dict[str, str], name: str) -> bool:
    value = env.get(name, "").strip().lower()
    if value not in FLAGS:
        raise InvalidSetting(f"{name}={env[name]!r} is not a yes or no; use 1 or 0.")
    return FLAGS[value]


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    default_user: str | None
    max_upload_bytes: int
    secure_cookies: bool
    max_body_bytes: int = 1024 * 1024
    log_level: str | None = None  # None: the face's default (server info, CLI warning)
    map_tiles: MapTiles | None = None  # off: routes are drawn as an outline only


def _size(env: dict[str, str], name: str, default: str, bounds: tuple[int, int], unit: str) -> float:
    raw = env.get(name, default)
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    low, high = bounds
    if not low <= value <= high:
        raise InvalidSetting(f"{name}={raw!r} is not a size in {unit} from {low} to {high}; "
                             f"for example {name}={default}.")
    return value


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get(ENV_DATA_DIR) or platformdirs.user_data_dir("yolvarex", appauthor=False))
    url = env.get(ENV_DATABASE_URL) or f"sqlite:///{data_dir / 'yolvarex.sqlite3'}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    max_mb = _size(env, ENV_MAX_UPLOAD_MB, "50", MAX_UPLOAD_MB, "megabytes")
    max_kb = _size(env, ENV_MAX_BODY_KB, "1024", MAX_BODY_KB, "kilobytes")
    if env.get(ENV_TIMEZONE):
        try:
            valid_zone(env[ENV_TIMEZONE])
        except UnknownZone as exc:
            raise InvalidSetting(f"{ENV_TIMEZONE}: {exc}") from None
    if env.get(ENV_CLOCK):
        try:
            parse_instant(env[ENV_CLOCK])
        except ValueError as exc:
            raise InvalidSetting(str(exc)) from None
    log_level = env.get(ENV_LOG_LEVEL, "").strip().lower() or None
    if log_level is not None and log_level not in LOG_LEVELS:
        raise InvalidSetting(f"{ENV_LOG_LEVEL}={env[ENV_LOG_LEVEL]!r} is not a log level; use one "
                             f"of {', '.join(LOG_LEVELS)}.")
    return Settings(
        data_dir=data_dir,
        database_url=url,
        default_user=env.get(ENV_USER) or None,
        max_upload_bytes=int(max_mb * 1024 * 1024),
        secure_cookies=_flag(env, ENV_SECURE_COOKIES),
        max_body_bytes=int(max_kb * 1024),
        log_level=log_level,
        map_tiles=_map_tiles(env),
    )
