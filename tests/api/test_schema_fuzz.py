"""Every API operation, fuzzed from its own OpenAPI document (schemathesis), as a runner with data.

No generated request may produce a server error, and every answer that the document describes
must match its schema. Bounded: a few examples per operation, derandomized, so `make test` stays
short and repeatable.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.conftest import api_token
from yolvarex.server import create_app
from yolvarex.services import demo
from yolvarex.services.runtime import library

EXAMPLES = 8


def _operations() -> list[tuple[str, str]]:
    """Every operation of every router in yolvarex.api (a new module is fuzzed without a list)."""
    import yolvarex.api

    found = []
    for info in pkgutil.iter_modules(yolvarex.api.__path__):
        router = getattr(importlib.import_module(f"yolvarex.api.{info.name}"), "router", None)
        for route in getattr(router, "routes", ()):
            if isinstance(route, APIRoute) and route.include_in_schema:
                found += [(method, route.path_format) for method in sorted(route.methods)]
    return found


OPERATIONS = _operations()


def test_every_api_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 50


_DOCUMENT: list[dict[str, Any]] = []


def _document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, built once per worker (it is the same for every app; served over
    the loader it once took 17 s on a loaded machine, past the loader's read timeout)."""
    if not _DOCUMENT:
        _DOCUMENT.append(json.loads(json.dumps(app.openapi())))
    return _DOCUMENT[0]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_request_makes_the_api_fail_or_break_its_contract(rt, method: str, path: str) -> None:
    with rt.db.session() as db:
        demo.load_demo(db, library())
    headers = api_token(rt, "demo")
    app = create_app(rt)
    schema = schemathesis.openapi.from_dict(_document(app))
    schema.app = app
    operation = schema[path][method]

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def call(case: schemathesis.Case) -> None:
        # a generous read timeout: a hang still fails, a slow shared machine does not
        case.call_and_validate(headers=headers, timeout=300,
                               checks=[not_a_server_error, response_schema_conformance])

    call()
