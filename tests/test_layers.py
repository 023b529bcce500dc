"""The layers the README draws, enforced: an import against them fails here.

```
faces       api/  web/  cli/  server  asgi         (no face imports another face)
services    services/
adapters    content/ (loader, checks)  ingest/  store/  export/  + errors clock logs settings ...
domain      domain/                                 (pure: see tests/domain/test_purity.py)
vocabulary  content/schemas/  content/library  content/kinds  domain/verdict
            domain/recovery/areas  domain/recovery/occasions
```

A module may import its own layer and the layers below it. Imports only for type checking
(`if TYPE_CHECKING:`) do not count: they never run.

The domain takes narrow inputs: no domain module imports the loaded `Library`, not even for type
checking. Each function names the part it reads (exercises by id, `plan.catalog.Catalog`,
`recovery.suggest.RoutineBook`, `form.content.FormContent`); the library satisfies them as it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import yolvarex

SRC = Path(yolvarex.__file__).parent

VOCABULARY = ("yolvarex.content.schemas", "yolvarex.content.library", "yolvarex.content.kinds",
              "yolvarex.domain.verdict", "yolvarex.domain.recovery.areas",
              "yolvarex.domain.recovery.occasions")
LAYERS = [  # bottom first; the first layer whose prefix matches a module is its layer
    ("vocabulary", VOCABULARY),
    ("domain", ("yolvarex.domain",)),
    ("adapters", ("yolvarex.content", "yolvarex.ingest", "yolvarex.store", "yolvarex.export",
                  "yolvarex.errors", "yolvarex.clock", "yolvarex.logs", "yolvarex.settings",
                  "yolvarex.guard", "yolvarex.uploads", "yolvarex.__init__", "yolvarex")),
    ("services", ("yolvarex.services",)),
    ("faces", ("yolvarex.api", "yolvarex.web", "yolvarex.cli", "yolvarex.server",
               "yolvarex.asgi", "yolvarex.__main__")),
]
FACES = ("yolvarex.api", "yolvarex.web", "yolvarex.cli")
RANK = {name: i for i, (name, _) in enumerate(LAYERS)}


def _matches(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_of(module: str) -> str:
    order = sorted(((len(p), name) for name, prefixes in LAYERS for p in prefixes
                    if _matches(module, p)), reverse=True)
    if not order:
        raise AssertionError(f"{module} is in no layer; add it to LAYERS")
    # the longest matching prefix decides, so content.schemas is vocabulary, content.loader not
    return order[0][1]


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.Module) -> list[tuple[int, str]]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module if node.module != "yolvarex" else f"yolvarex.{a.name}")
                      for a in node.names]
    return [(line, name) for line, name in found if _matches(name, "yolvarex")]


def _all_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Every absolute import, run-time or for type checking, as (line, module or module.name)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def wide_inputs() -> list[str]:
    """Domain modules that import the whole library instead of naming the part they read."""
    out = []
    for path in sorted((SRC / "domain").rglob("*.py")):
        for line, name in _all_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _matches(name, "yolvarex.content.library") or _matches(name, "yolvarex.content.loader"):
                out.append(f"{_module_name(path)}:{line} imports {name}")
    return out


def violations() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = _module_name(path)
        here = layer_of(module)
        for line, target in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            there = layer_of(target)
            if RANK[there] > RANK[here]:
                out.append(f"{module}:{line} ({here}) imports {target} ({there})")
            own_face = next((f for f in FACES if _matches(module, f)), None)
            other_face = next((f for f in FACES if _matches(target, f)), None)
            if own_face and other_face and own_face != other_face:
                out.append(f"{module}:{line} (face {own_face}) imports another face: {target}")
    return out


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert violations() == []


def test_the_domain_takes_narrow_inputs_not_the_whole_library() -> None:
    assert wide_inputs() == []


def test_the_layering_is_not_vacuous() -> None:
    """Each rule would catch a real import: the checker sees layers and faces as intended."""
    assert layer_of("yolvarex.content.schemas.tree") == "vocabulary"
    assert layer_of("yolvarex.content.loader") == "adapters"
    assert layer_of("yolvarex.domain.plan.builder") == "domain"
    assert layer_of("yolvarex.domain.verdict") == "vocabulary"
    assert layer_of("yolvarex.services.decisions") == "services"
    assert layer_of("yolvarex.web.routes.today") == "faces"
    tree = ast.parse("import yolvarex.services.plans\nfrom yolvarex import clock\n"
                     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                     "    from yolvarex.web import core\n")
    assert _runtime_imports(tree) == [(1, "yolvarex.services.plans"), (2, "yolvarex.clock")]
    hidden = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                       "    from yolvarex.content.library import Library\n")
    assert (3, "yolvarex.content.library.Library") in _all_imports(hidden)


#: Route modules that render another route module's page, each with why. The coach's view of an
#: athlete is the athlete's own pages, read-only (`web.viewing`), drawn by the same page
#: functions so the two can never drift apart.
PAGE_REUSE = {"yolvarex.web.routes.coach_athlete": "the athlete's own pages, read-only"}


def route_cross_imports() -> list[str]:
    """Route modules that import another route module (each page's logic is a service; a
    route module renders its own pages)."""
    out = []
    for path in sorted((SRC / "web" / "routes").glob("*.py")):
        module = _module_name(path)
        if module in PAGE_REUSE or path.name == "__init__.py":
            continue
        for line, name in _all_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _matches(name, "yolvarex.web.routes") and not _matches(name, module):
                out.append(f"{module}:{line} imports {name}")
    return out


def test_route_modules_do_not_import_each_other() -> None:
    assert route_cross_imports() == []
    for module in PAGE_REUSE:  # each exception is still one
        path = SRC.parent / (module.replace(".", "/") + ".py")
        assert any(_matches(n, "yolvarex.web.routes") for _, n in
                   _all_imports(ast.parse(path.read_text(encoding="utf-8"))))
