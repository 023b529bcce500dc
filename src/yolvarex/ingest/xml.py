"""Untrusted XML (GPX, TCX) parsed safely with defusedxml.

Activity files never need a document type declaration, so any DTD is refused before anything
is expanded: a "billion laughs" file or one that points at an external entity (a local file or
a URL) stops at once with a message, and the network is never touched.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET  # the Element type and ParseError; parsing is defused
from collections.abc import Iterator

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from yolvarex.ingest.errors import ActivityFileError

Element = ET.Element


#: The most points one file may hold: eleven days at one point a second.
MAX_POINTS = 1_000_000


def iterparse(name: str, data: bytes, kind: str) -> Iterator[tuple[str, Element]]:
    """("start" | "end", element) as the file is read; a DTD or entity declaration is refused,
    as is XML that is not well-formed. A reader that clears each point once it has taken its
    values keeps memory flat however long the recording is."""
    import io

    events = SafeET.iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True,
                              forbid_entities=True, forbid_external=True)
    try:
        yield from events
    except DefusedXmlException:
        raise ActivityFileError(
            name, f"declares a document type or entities, which {kind} files never need; "
            "yolvarex refuses such files because they can be used to attack the server or "
            "read other files.", "Export the activity again from your watch or app.") from None
    except ET.ParseError as exc:
        raise ActivityFileError(name, f"is not well-formed {kind} ({exc}).",
                                "Export the activity again; the file may be cut short.") from None
    except LookupError as exc:  # an XML declaration naming an encoding Python does not know
        raise ActivityFileError(name, f"declares a text encoding that does not exist ({exc}).",
                                "Export the activity again; GPX and TCX files are UTF-8.") from None


def local(tag: str) -> str:
    """The tag without its namespace: {http://...}trkpt -> trkpt."""
    return tag.rsplit("}", 1)[-1]


def children(el: Element, name: str) -> Iterator[Element]:
    for child in el:
        if local(child.tag) == name:
            yield child


def child(el: Element, name: str) -> Element | None:
    return next(children(el, name), None)


def descendants(el: Element, name: str) -> Iterator[Element]:
    for node in el.iter():
        if local(node.tag) == name:
            yield node


def text(el: Element | None, name: str | None = None) -> str | None:
    node = el if name is None or el is None else child(el, name)
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def number(value: str | None) -> float:
    if value is None:
        return float("nan")
    try:
        return float(value)
    except ValueError:
        return float("nan")


def timestamp(value: str | None) -> dt.datetime | None:
    """An ISO 8601 time as a UTC datetime (no zone given: taken as UTC, as GPX requires)."""
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


def utc_offset(value: str | None) -> float | None:
    """The offset written in an ISO 8601 time (`18:30:00-08:00` -> -28800 s), None for `Z` or none.

    Such an offset says the wall-clock time where the activity was recorded; `Z` says only UTC."""
    if not value or value.rstrip().upper().endswith("Z"):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    offset = stamp.utcoffset()
    return None if offset is None else offset.total_seconds()
