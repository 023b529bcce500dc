"""Errors a person can act on. Faces turn them into messages and status codes, never tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

if TYPE_CHECKING:
    from pydantic import BaseModel

Model = TypeVar("Model", bound="BaseModel")


class UserError(Exception):
    status = 400

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class Invalid(UserError):
    status = 422

    @classmethod
    def of(cls, what: str, exc: ValidationError,
           details: Callable[[ValidationError], list[str]] | None = None) -> Invalid:
        """`The {what} has invalid values.` with every wrong field as `field: what to do`
        (or the lines `details` words for it), from a pydantic validation error."""
        return cls(f"The {what} has invalid values.",
                   details=details(exc) if details else field_errors(what, exc))


def validated(model: type[Model], data: Any, what: str, *, mapping: str | None = None,
              details: Callable[[ValidationError], list[str]] | None = None) -> Model:
    """`model` from JSON-like `data`, or Invalid: `mapping` when it is given and `data` is not a
    mapping, else `Invalid.of(what, ...)` naming every wrong field."""
    if mapping is not None and not isinstance(data, dict):
        raise Invalid(mapping)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise Invalid.of(what, exc, details) from None


def field_errors(what: str, exc: ValidationError) -> list[str]:
    """One line per problem: the field's path and the fix (unknown fields: remove them)."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or what
        hint = "unknown field; remove it" if err["type"] == "extra_forbidden" else \
            str(err["msg"]).removeprefix("Value error, ")
        lines.append(f"{field}: {hint}")
    return lines


class NotFound(UserError):
    status = 404


class Forbidden(UserError):
    status = 403


class Conflict(UserError):
    status = 409


class Unauthorized(UserError):
    status = 401


class TooManyRequests(UserError):
    """Refused for now; `retry_after` says in how many seconds to try again."""

    status = 429

    def __init__(self, message: str, *, retry_after: int, details: list[str] | None = None) -> None:
        super().__init__(message, details=details)
        self.retry_after = max(1, int(retry_after))


class Busy(TooManyRequests):
    """The server is at capacity for this kind of work; try again shortly."""

    status = 503
