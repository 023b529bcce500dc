"""A readable page of the REST API, built from the OpenAPI document (no CDN scripts)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from yolvarex.web import core

router = APIRouter(include_in_schema=False)


@router.get("/api/v1/docs")
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [p["name"] + (" (required)" if p.get("required") else "")
                      for p in op.get("parameters", [])]
            operations.append({"method": method.upper(), "path": path,
                               "summary": op.get("summary", ""), "tags": op.get("tags", []),
                               "params": params, "body": "requestBody" in op})
    return core.render(request, "api_docs.html", {"spec": spec, "operations": operations})
