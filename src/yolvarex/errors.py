"""Errors a person can act on. Faces turn them into messages and status codes, never tracebacks."""

from __future__ import annotations


class UserError(Exception):
    status = 400

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class Invalid(UserError):
    status = 422


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
