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
