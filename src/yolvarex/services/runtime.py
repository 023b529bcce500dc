"""What every face needs at start-up: settings, the checked content library, the database.

The store is imported when the database is opened: a command that reads only files (`yolvarex
decide`) never loads SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from yolvarex.settings import Settings, load_settings

if TYPE_CHECKING:  # the library is imported when first loaded (a CLI command may not need it)
    from yolvarex.content import ContentError, Library
    from yolvarex.store.db import Database


class ContentInvalid(RuntimeError):
    """The shipped library has errors; the app refuses to start and lists them."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors[:50])
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"the content library has {len(errors)} error(s):\n{lines}{more}")


#: Where the checked library is kept between processes (`content.kept`), when a face asks for
#: it (the CLI: each command is a new process); otherwise every process loads and checks it.
_kept_in: Path | None = None


def keep_library_in(folder: Path | None) -> None:
    """Keep the checked library in `folder` (in the user's data directory) between processes."""
    global _kept_in
    _kept_in = folder


def load_library() -> tuple[Library, list[ContentError]]:
    """`content.load_library` (imported when first needed), or its kept result."""
    if _kept_in is None:
        return _load_and_check()
    from yolvarex.content.kept import kept_library

    return kept_library(_kept_in, _load_and_check)


def _load_and_check() -> tuple[Library, list[ContentError]]:
    from yolvarex.content import load_library as load

    return load()


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


def open_runtime(settings: Settings | None = None, *, upgrade: bool = True,
                 check_content: bool = True) -> Runtime:
    """Check the content, open the database and (by default) migrate it to the newest schema.
    Without `check_content` the library is loaded and checked when first used (the CLI: a
    command that needs no content does not pay for it; one that does still stops on a broken
    library, with `ContentInvalid`)."""
    from yolvarex.store import migrate
    from yolvarex.store.db import Database

    settings = settings or load_settings()
    if check_content:
        library()
    db = Database(settings.database_url)
    db.ping()
    if upgrade:
        migrate.upgrade(db)
    return Runtime(settings=settings, db=db)
