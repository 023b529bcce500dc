"""Read the YAML files of the library, validate each entry, and report every problem found.

Errors are values: `load_library()` returns `(library, errors)`. Each error names the file,
the line where possible, the entry id, the field and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from yolvarex.content.kinds import KINDS, Kind
from yolvarex.content.library import Library
from yolvarex.content.schemas.common import Entry
from yolvarex.content.schemas.recovery import Movement, Routine
from yolvarex.domain.recovery.timeline import Segment, timeline

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ContentError:
    file: str
    message: str
    line: int | None = None
    id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = " ".join(x for x in (self.id and f"[{self.id}]", self.field and f"{self.field}:") if x)
        return f"{where}: {what} {self.message}".replace("  ", " ")

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "id": self.id, "field": self.field,
                "message": self.message}


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def __reduce__(self) -> tuple[type[dict[str, Any]], tuple[dict[str, Any]]]:
        """Kept (`content.kept`) as the plain mapping it is: reading a kept library back
        needs neither the loader nor YAML."""
        return dict, (dict(self),)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (the C one when libyaml is there, about five times faster) with YAML 1.2
    booleans: only true/false, so `yes:` and `no:` stay strings."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def line_of(raw: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest mapping key on the error's path."""
    line = raw.line if isinstance(raw, _Mapping) else None
    node = raw
    for part in loc:
        if isinstance(node, _Mapping) and isinstance(part, str):
            line = node.key_lines.get(part, line)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            if isinstance(node, _Mapping):
                line = node.line
        else:
            break
    return line


def _fix_hint(err: ErrorDetails) -> str:
    msg = str(err["msg"])
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown field; remove it or check its spelling"
    if kind == "missing":
        return "required field is missing; add it"
    return msg[0].lower() + msg[1:] if msg else kind


def parse_entry(kind: Kind, raw: Any, file: str) -> tuple[Entry | None, list[ContentError]]:
    """Validate one raw YAML record against its kind's schema."""
    entry_id = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(raw, dict):
        return None, [ContentError(file, f"each {kind.singular} must be a mapping of fields",
                                   line=None)]
    try:
        return kind.model.model_validate(raw), []
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in
                                                      ("Question", "Leaf", "Compare", "All",
                                                       "AnyOf", "Not", "question", "leaf")))
            errors.append(ContentError(
                file=file, line=line_of(raw, loc), id=entry_id,
                field=".".join(str(p) for p in loc) or None, message=_fix_hint(err)))
        return None, errors


def _codepoint(character: object) -> str:
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"character U+{code:04X}"


def read_yaml(path: Path, text: str | None = None) -> tuple[Any, list[ContentError]]:
    try:
        source = path.read_text(encoding="utf-8") if text is None else text
        return yaml.load(source, Loader=_LineLoader), []  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [ContentError(str(path), f"not valid YAML: {exc.problem or exc}", line=line)]
    except yaml.reader.ReaderError as exc:
        # Control characters and the like: PyYAML gives a position, not a line.
        line = source[: exc.position].count("\n") + 1 if 0 <= exc.position <= len(source) else None
        return None, [ContentError(
            str(path), f"not valid YAML: {exc.reason} ({_codepoint(exc.character)}); remove it "
            "or write it as an escape inside a double-quoted string", line=line)]
    except yaml.YAMLError as exc:
        return None, [ContentError(str(path), f"not valid YAML: {exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [ContentError(str(path), f"cannot read the file: {exc}")]


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _timelines(entries: dict[str, dict[str, Entry]]) -> dict[str, tuple[Segment, ...]]:
    """Every routine laid out in time, once, as the library is loaded; a routine naming a
    movement that is not in the library has none (the reference check reports it)."""
    movements = cast("dict[str, Movement]", entries["movements"])
    routines = cast("dict[str, Routine]", entries["routines"])
    return {rid: timeline(routine, movements) for rid, routine in routines.items()
            if all(step.movement in movements for step in routine.steps)}


def load_library(data_dir: Path = DATA_DIR) -> tuple[Library, list[ContentError]]:
    """Load and check every kind. The library holds every entry that validated on its own."""
    from yolvarex.content.checks import check_library

    entries: dict[str, dict[str, Entry]] = {k.name: {} for k in KINDS}
    errors: list[ContentError] = []
    for kind in KINDS:
        folder = data_dir / kind.name
        if not folder.is_dir():
            errors.append(ContentError(_display(folder, data_dir),
                                       f"folder for {kind.name} is missing; create it"))
            continue
        for path in sorted(folder.glob("*.yaml")):
            shown = _display(path, data_dir)
            raw, read_errors = read_yaml(path)
            errors += [ContentError(shown, e.message, e.line) for e in read_errors]
            if read_errors:
                continue
            records = [raw] if kind.one_per_file else raw
            if not isinstance(records, list):
                errors.append(ContentError(shown, f"expected a list of {kind.name}", line=1))
                continue
            for record in records:
                entry, entry_errors = parse_entry(kind, record, shown)
                errors += entry_errors
                if entry is None:
                    continue
                if entry.id in entries[kind.name]:
                    errors.append(ContentError(
                        shown, f"duplicate {kind.singular} id; ids must be unique, rename one",
                        line=getattr(record, "line", None), id=entry.id, field="id"))
                    continue
                entries[kind.name][entry.id] = entry
    from yolvarex.content.poses import load_pose_book

    poses, pose_problems = load_pose_book(data_dir / "poses")
    errors += [ContentError(file, message, id=entry_id) for file, entry_id, message in pose_problems]
    library = Library(**entries, poses=poses, timelines=_timelines(entries))  # type: ignore[arg-type]
    errors += check_library(library)
    return library, errors
