"""Which code and content computed a result: a digest of the version and of the core's source
and content files. A result kept across processes (the day's state in the store, the checked
content library in the data directory) is used only under the build that computed it."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import yolvarex

#: What results depend on besides the store: the code that computes them and the content (the
#: faces only render, so they are not part of it).
_BUILD_DIRS = ("domain", "services", "content", "store")


@cache
def build() -> str:
    """The version and a digest of the core's source and content files."""
    return digest(Path(yolvarex.__file__).parent)


def digest(root: Path) -> str:
    """The digest of the version and of every source and content file of the core under the
    package folder `root`."""
    hashed = hashlib.sha256(yolvarex.__version__.encode())
    for folder in _BUILD_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
                hashed.update(str(path.relative_to(root)).encode())
                hashed.update(path.read_bytes())
    return hashed.hexdigest()[:32]
