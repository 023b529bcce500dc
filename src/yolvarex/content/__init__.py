"""The library as data: YAML files under `data/`, validated by the schemas in `schemas/`.

`load_library()` returns `(library, errors)`; the app refuses to start while `errors` is not
empty, and `yolvarex content check` prints the same errors. The loader (and YAML) is imported
when first used: a CLI command that reads the kept library (`kept.py`) does not parse YAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yolvarex.content.library import Library

if TYPE_CHECKING:
    from yolvarex.content.loader import ContentError, load_library

__all__ = ["ContentError", "Library", "load_library"]


def __getattr__(name: str) -> Any:
    if name in ("ContentError", "load_library"):
        from yolvarex.content import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
