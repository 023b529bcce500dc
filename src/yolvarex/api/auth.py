"""Bearer-token authentication for the API."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from yolvarex.errors import Unauthorized
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime
from yolvarex.store.access import Actor

bearer = HTTPBearer(auto_error=False, description="An API token from `yolvarex token create`.")


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def db_session(rt: Runtime = Depends(runtime)) -> Iterator[Session]:
    """One unit of work per request; committed by the endpoint through `db.commit()`."""
    with rt.db.session() as db:
        yield db


def api_actor(credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
              rt: Runtime = Depends(runtime)) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send an API token as `Authorization: Bearer <token>`; create one with "
                           "`yolvarex token create NAME`.")
    with rt.db.session() as db:
        return Actor.of(accounts.user_for_token(db, credentials.credentials))
