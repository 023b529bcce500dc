"""The checked library kept between CLI processes (`content.kept`): read back equal to what was
checked, never for another build (a changed content or code file), never when it has errors,
and a damaged copy is replaced."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import yolvarex
from yolvarex import build as builds
from yolvarex.content import kept, load_library
from yolvarex.content.loader import ContentError

LIBRARY, ERRORS = load_library()


class Loads:
    """`load_library`, counting its calls."""

    def __init__(self, errors: list[ContentError] | None = None) -> None:
        self.calls = 0
        self.errors = errors or []

    def __call__(self):
        self.calls += 1
        return LIBRARY, list(self.errors)


def test_a_checked_library_is_kept_and_read_back_without_loading(tmp_path) -> None:
    assert ERRORS == []
    load = Loads()
    first, errors = kept.kept_library(tmp_path, load)
    assert errors == [] and first is LIBRARY and load.calls == 1
    assert kept.kept_path(tmp_path).is_file()
    again, errors = kept.kept_library(tmp_path, load)
    assert errors == [] and load.calls == 1 and again is not LIBRARY
    assert again == LIBRARY
    routine = next(iter(LIBRARY.routines))
    assert again.routine_timeline(routine) == LIBRARY.routine_timeline(routine)
    assert again.counts() == LIBRARY.counts()


def test_another_build_loads_and_checks_again(tmp_path, monkeypatch) -> None:
    load = Loads()
    kept.kept_library(tmp_path, load)
    old = kept.kept_path(tmp_path)
    monkeypatch.setattr(kept, "build", lambda: "another-build")
    _, errors = kept.kept_library(tmp_path, load)
    assert errors == [] and load.calls == 2
    assert kept.kept_path(tmp_path).is_file() and not old.exists()  # the old copy is removed
    kept.kept_library(tmp_path, load)
    assert load.calls == 2


@pytest.mark.parametrize("folder", ["content/data/cues", "content/schemas", "domain"])
def test_a_changed_content_or_code_file_is_another_build(tmp_path, folder) -> None:
    """The build covers every content file, every schema and check, and the domain code the
    checks use: editing any of them gives another name for the kept copy."""
    root = tmp_path / "yolvarex"
    package = Path(yolvarex.__file__).parent
    for part in ("content", "domain", "services", "store"):
        shutil.copytree(package / part, root / part,
                        ignore=shutil.ignore_patterns("__pycache__"))
    before = builds.digest(root)
    assert before == builds.build()
    changed = sorted(p for p in (root / folder).iterdir()
                     if p.suffix in (".py", ".yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert builds.digest(root) != before


def test_a_library_with_errors_is_never_kept(tmp_path) -> None:
    error = ContentError("data/cues/x.yaml", "text: required field is missing", 3)
    load = Loads([error])
    _, errors = kept.kept_library(tmp_path, load)
    assert errors == [error] and not list(tmp_path.iterdir())
    _, errors = kept.kept_library(tmp_path, load)
    assert errors == [error] and load.calls == 2  # reported again every time


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"exercises": {}})])
def test_a_damaged_or_foreign_copy_is_ignored_and_replaced(tmp_path, content) -> None:
    kept.kept_path(tmp_path).write_bytes(content)
    load = Loads()
    library, errors = kept.kept_library(tmp_path, load)
    assert library is LIBRARY and errors == [] and load.calls == 1
    again, _ = kept.kept_library(tmp_path, load)
    assert again == LIBRARY and load.calls == 1


def test_a_folder_that_cannot_be_written_still_gives_the_library(tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    load = Loads()
    library, errors = kept.kept_library(blocked / "cache", load)
    assert library is LIBRARY and errors == []


def test_a_copy_is_read_and_kept_only_in_a_folder_nobody_else_can_write(tmp_path) -> None:
    """Reading a pickle runs it: a folder others can write (a shared data directory) is never
    read from or kept in; the library is loaded and checked each time instead."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    planted = kept.kept_path(shared)
    planted.write_bytes(pickle.dumps(LIBRARY))
    load = Loads()
    library, errors = kept.kept_library(shared, load)
    assert library is LIBRARY and errors == [] and load.calls == 1  # the planted copy unread
    planted.unlink()
    kept.kept_library(shared, load)
    assert load.calls == 2 and not planted.exists()  # nor is one kept there
    shared.chmod(0o755)
    kept.kept_library(shared, load)
    kept.kept_library(shared, load)
    assert load.calls == 3 and planted.is_file()  # the user's own folder: kept and read


def test_a_kept_folder_is_made_private(tmp_path) -> None:
    kept.kept_library(tmp_path / "cache", Loads())
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("how", ["group-writable", "a link"])
def test_a_copy_others_could_have_written_is_not_read(tmp_path, how) -> None:
    load = Loads()
    kept.kept_library(tmp_path, load)
    path = kept.kept_path(tmp_path)
    if how == "group-writable":
        path.chmod(0o664)
    else:
        elsewhere = tmp_path / "elsewhere.pickle"
        path.rename(elsewhere)
        path.symlink_to(elsewhere)
    library, _ = kept.kept_library(tmp_path, load)
    assert library is LIBRARY and load.calls == 2
