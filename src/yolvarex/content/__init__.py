"""The library as data: YAML files under `data/`, validated by the schemas in `schemas/`.

`load_library()` returns `(library, errors)`; the app refuses to start while `errors` is not
empty, and `yolvarex content check` prints the same errors.
"""

from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError, load_library

__all__ = ["ContentError", "Library", "load_library"]
