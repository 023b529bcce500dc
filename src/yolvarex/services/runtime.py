"""What every face needs at start-up: settings, the checked content library, the database."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from yolvarex.content import ContentError, Library, load_library
from yolvarex.settings import Settings, load_settings
from yolvarex.store import migrate
from yolvarex.store.db import Database


class ContentInvalid(RuntimeError):
    """The shipped library has errors; the app refuses to start and lists them."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors[:50])
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"the content library has {len(errors)} error(s):\n{lines}{more}")


@cache
def library() -> Library:
    """The shipped library, loaded and checked once per process."""
    lib, errors = load_library()
    if errors:
        raise ContentInvalid(errors)
    return lib


@dataclass
class Runtime:
    settings: Settings
    db: Database

    @property
    def library(self) -> Library:
        return library()


def open_runtime(settings: Settings | None = None, *, upgrade: bool = True) -> Runtime:
    """Check the content, open the database and (by default) migrate it to the newest schema."""
    settings = settings or load_settings()
    library()
    db = Database(settings.database_url)
    db.ping()
    if upgrade:
        migrate.upgrade(db)
    return Runtime(settings=settings, db=db)
