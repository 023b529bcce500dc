"""The domain stays pure: no frameworks, no files, no clocks, no network."""

from __future__ import annotations

import ast
from pathlib import Path

import yolvarex.domain

DOMAIN = Path(yolvarex.domain.__file__).parent
FORBIDDEN_MODULES = {"sqlalchemy", "fastapi", "starlette", "jinja2", "typer", "rich", "httpx",
                     "requests", "uvicorn", "alembic", "os", "io", "pathlib", "socket", "subprocess",
                     "shutil", "tempfile", "time", "urllib", "yolvarex.store", "yolvarex.services",
                     "yolvarex.web", "yolvarex.api", "yolvarex.cli", "yolvarex.ingest",
                     "yolvarex.clock"}
FORBIDDEN_CALLS = {"open", "now", "today", "utcnow", "time", "input", "print", "read_text",
                   "write_text", "read_bytes", "urlopen", "eval", "exec"}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                found.append(f"{path.name}:{node.lineno} imports {name}")
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called in FORBIDDEN_CALLS:
                found.append(f"{path.name}:{node.lineno} calls {called}()")
    return found


def test_domain_imports_no_framework_and_does_no_io() -> None:
    problems = [v for path in sorted(DOMAIN.rglob("*.py")) for v in _violations(path)]
    assert problems == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlalchemy\nfrom pathlib import Path\nx = open('f')\n"
                   "import datetime\ny = datetime.date.today()\n")
    assert len(_violations(bad)) == 4
