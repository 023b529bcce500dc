"""Every JSON answer of the API is described, and every JSON body is a model.

An endpoint without a `response_model` (or one that is a bare `dict[str, Any]`) leaves the
OpenAPI document without its answer's shape, and the schemathesis test cannot check it; a body
taken as a bare dict leaves the request undescribed. Files are the exceptions: each declares
its media type instead.
"""

from __future__ import annotations

import importlib
import pkgutil
import typing
from typing import Any

import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel

import yolvarex.api
from yolvarex.server import create_app

#: Answers that are files, not JSON, with the media type each declares in `responses=`.
DOWNLOADS = {
    ("GET", "/api/v1/export"): "application/zip",  # the whole account, zipped
    ("GET", "/api/v1/calendar.ics"): "text/calendar",  # the training calendar
    ("GET", "/api/v1/plans/current.ics"): "text/calendar",  # the strength plan
    ("GET", "/api/v1/library/{kind}/{entry_id}/figure.svg"): "image/svg+xml",  # an illustration
    ("GET", "/api/v1/activities/{activity_id}/original"): "application/octet-stream",  # as uploaded
    ("GET", "/api/v1/activities/{activity_id}/export"): "application/gpx+xml",  # GPX, TCX or FIT
    ("GET", "/api/v1/trees/{tree_id:path}/diagram"): "text/plain",  # Mermaid or DOT
}


def _routes() -> list[tuple[str, APIRoute]]:
    found = []
    for info in pkgutil.iter_modules(yolvarex.api.__path__):
        router = getattr(importlib.import_module(f"yolvarex.api.{info.name}"), "router", None)
        for route in getattr(router, "routes", ()):
            if isinstance(route, APIRoute):
                found += [(method, route) for method in sorted(route.methods)]
    return found


ROUTES = _routes()


def _loose(annotation: Any) -> bool:
    """Whether a type says nothing of its shape: Any, or a dict or list of Any."""
    if annotation is Any or annotation is dict:
        return True
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _loose(args[0])
    if typing.get_origin(annotation) in (dict, list):
        return any(_loose(a) for a in args)
    return False


def test_the_rule_sees_every_route() -> None:
    assert len(ROUTES) >= 89
    paths = {(m, r.path) for m, r in ROUTES}
    assert set(DOWNLOADS) <= paths, set(DOWNLOADS) - paths


def test_the_rule_knows_a_loose_type() -> None:
    assert _loose(dict[str, Any]) and _loose(list[dict[str, Any]]) and _loose(Any)
    assert not _loose(dict[str, int]) and not _loose(list[BaseModel])


@pytest.mark.parametrize(("method", "route"), ROUTES, ids=[f"{m} {r.path}" for m, r in ROUTES])
def test_every_json_answer_declares_its_model(method: str, route: APIRoute) -> None:
    if route.status_code == 204:
        assert route.response_model is None, "an empty answer has no model"
        return
    media = DOWNLOADS.get((method, route.path))
    if media is not None:
        declared = route.responses.get(200, {}).get("content", {})
        assert media in declared, f"declare the file's media type: responses={{200: {media}}}"
        return
    assert route.response_model is not None, "declare response_model (a pydantic model)"
    assert not _loose(route.response_model), f"{route.response_model} does not describe the answer"


@pytest.mark.parametrize(("method", "route"), ROUTES, ids=[f"{m} {r.path}" for m, r in ROUTES])
def test_every_json_body_is_a_model(method: str, route: APIRoute) -> None:
    for param in route.dependant.body_params:
        annotation = param.field_info.annotation
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        if param.field_info.__class__.__name__ == "File":
            continue  # an upload, described as multipart/form-data
        kinds = [a for a in (typing.get_args(annotation) or (annotation,)) if a is not type(None)]
        assert all(isinstance(k, type) and issubclass(k, BaseModel) for k in kinds), \
            f"{param.name}: take a pydantic model (extra='forbid'), not {annotation}"


def test_the_document_describes_every_json_body(rt) -> None:
    document = create_app(rt).openapi()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            if schema is not None:
                assert "$ref" in schema or "$ref" in str(schema.get("anyOf")), \
                    f"{method.upper()} {path}: the body is not described by a model"
