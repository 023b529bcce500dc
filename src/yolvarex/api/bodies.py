"""JSON request bodies: each is declared as its pydantic model, so the OpenAPI document
describes it, and read by the service's own parser, so its rules and its error answers ("The run
has invalid values." with one line per field, or the profile's own wording) stay in one place
for the API, the CLI and the web forms.

    body: Annotated[RunEntry, read_by(lambda sent: parse(RunEntry, sent, "run"))]

A body that is not a JSON object is refused as every other invalid request is (422, "The request
has invalid values."); the parser's `Invalid` goes to the API's error envelope unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidatorFunctionWrapHandler, WrapValidator

T = TypeVar("T")

_OBJECT: TypeAdapter[dict[str, Any]] = TypeAdapter(dict[str, Any])


def read_by(parse: Callable[[dict[str, Any]], T]) -> WrapValidator:
    """Validate a body with `parse` (which raises `Invalid`) instead of the model alone."""

    def validate(value: Any, _: ValidatorFunctionWrapHandler) -> T:
        return parse(_OBJECT.validate_python(value))

    return WrapValidator(validate)
