"""The checked library kept between processes, so a CLI command does not parse and check every
YAML file again each time it starts (that is most of a command's time otherwise).

Only a library that `load_library` returned without errors is kept: pickled under
`<folder>/library-<build>.pickle`, where the build is the digest of the version, the code and
every content file (`yolvarex.build`). A changed content file, schema or check gives another
build, so a kept copy is never used for content it was not checked against; a broken library
is never kept, so its errors are reported every time. A kept copy that cannot be read is ignored
and replaced, and copies from other builds are removed when a new one is kept.

Reading a pickle runs what it says, so a copy is only read from, and kept in, a folder that is
the user's own: the folder and the file belong to the user running yolvarex and nobody else can
write them (no group or other write bit, the file not a link). Anywhere else (a shared or
world-writable data directory) the library is loaded and checked every time instead.
"""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from yolvarex.build import build
from yolvarex.content.library import Library

if TYPE_CHECKING:
    from yolvarex.content.loader import ContentError

Load = Callable[[], "tuple[Library, list[ContentError]]"]
PREFIX = "library-"


def kept_path(folder: Path) -> Path:
    return folder / f"{PREFIX}{build()}.pickle"


def kept_library(folder: Path, load: Load) -> tuple[Library, list[ContentError]]:
    """The library kept in `folder` for this build, or `load()`'s result (kept when it has no
    errors)."""
    path = kept_path(folder)
    library = _read(path)
    if library is not None:
        return library, []
    library, errors = load()
    if not errors:
        _keep(path, library)
    return library, errors


def _private(info: os.stat_result) -> bool:
    """Whether what `info` describes is the running user's and nobody else's to change."""
    if not hasattr(os, "geteuid"):  # Windows: a user's folders are private by their ACLs
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_folder(folder: Path) -> bool:
    try:
        return _private(folder.stat())
    except OSError:
        return False


def _read(path: Path) -> Library | None:
    if not _private_folder(path.parent):
        return None
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # missing, or a link
        return None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        try:
            # the user's own file in their own folder, named by the build it was checked under
            library = pickle.load(file)  # noqa: S301
        except Exception:  # a damaged or foreign copy is ignored and replaced
            return None
    return library if isinstance(library, Library) else None


def _keep(path: Path, library: Library) -> None:
    """Write the copy atomically (a reader sees the old one or the whole new one); keeping is
    an optimisation, so a folder that cannot be written, or is not the user's own, is left
    alone."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_folder(path.parent):
            return
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".library-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(library, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
