"""Time is an input: nothing but `yolvarex.clock` reads the real clock."""

from __future__ import annotations

import ast
from pathlib import Path

import yolvarex

SRC = Path(yolvarex.__file__).parent
#: Calls that read the machine's calendar or wall clock.
REAL_CLOCK = {("date", "today"), ("datetime", "today"), ("datetime", "now"), ("datetime", "utcnow"),
              ("time", "time"), ("time", "time_ns"), ("date", "fromtimestamp")}


def _reads_of_the_real_clock(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in REAL_CLOCK:
                lines.append(node.lineno)
    return lines


def test_only_the_clock_module_reads_the_real_clock() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "clock.py":
            continue
        found += [f"{path.relative_to(SRC)}:{line}"
                  for line in _reads_of_the_real_clock(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == [], "read the time through yolvarex.clock instead: " + ", ".join(found)


def test_the_check_finds_a_stray_call() -> None:
    source = ("import datetime as dt\nimport time\na = dt.date.today()\n"
              "b = dt.datetime.now(dt.UTC)\nc = time.time()\n")
    assert _reads_of_the_real_clock(ast.parse(source)) == [3, 4, 5]
