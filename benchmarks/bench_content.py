"""Loading and checking the whole content library, against only parsing its YAML files.

The ratio says what validation (schemas, cross-references, tree checks) costs on top of reading
the files; start-up pays this once per process.
"""

from __future__ import annotations

import yaml

from common import median_seconds, report
from yolvarex.content import load_library
from yolvarex.content.loader import DATA_DIR

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_only() -> None:
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def main() -> None:
    library, errors = load_library()
    assert not errors
    full = median_seconds(load_library)
    baseline = median_seconds(parse_only)
    entries = sum(library.counts().values())
    report(f"load and check {entries} entries", full, "parse the YAML only", baseline,
           target="under 1 s at start-up")


if __name__ == "__main__":
    main()
