"""Library search and filters for the faces: the pure functions of `content.search` and
`content.facets`, with a filter the library cannot apply turned into an error a person can act on.
Web (/library?q=), API (/api/v1/library/search) and CLI (`yolvarex library search|list`) all
call these, so the three faces find the same entries in the same order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from yolvarex.content import Library
from yolvarex.content.facets import FACETS, FilterError, Filters, apply, parse_filters
from yolvarex.content.schemas.common import Entry
from yolvarex.content.search import SearchResult, rank, search, title_of
from yolvarex.errors import Invalid

__all__ = ["FACETS", "entries", "filters_from", "find"]


def _invalid(exc: FilterError) -> Invalid:
    details = [f"Choose one of: {', '.join(exc.choices)}."] if exc.choices else []
    return Invalid(f"{str(exc)[:1].upper()}{str(exc)[1:]}.", details=details)


def filters_from(pairs: Iterable[str] | Mapping[str, str | None]) -> Filters:
    try:
        return parse_filters(pairs)
    except FilterError as exc:
        raise _invalid(exc) from None


def find(library: Library, query: str, filters: Filters | None = None) -> SearchResult:
    """Every kind a runner searches, grouped by kind and best match first."""
    try:
        return search(library, query, filters)
    except FilterError as exc:
        raise _invalid(exc) from None


def entries(library: Library, kind: str, query: str = "",
            filters: Filters | None = None) -> list[Entry]:
    """One kind's entries that pass the filters and match the query: best match first when
    there is a query, by title otherwise."""
    found = list(library.of_kind(kind).values())
    try:
        found = apply(library, kind, found, filters or Filters())
    except FilterError as exc:
        raise _invalid(exc) from None
    if not query.strip():
        return sorted(found, key=lambda e: title_of(e).lower())
    by_id = {e.id: e for e in found}
    return [by_id[h.id] for h in rank(library, kind, found, query)]
