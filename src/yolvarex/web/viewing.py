"""Whose pages these are: the runner's own, or a coached athlete's as their coach sees them.

The athlete's pages (Today, Log, Plan, Progress, a run) are one route function each, rendered
for a `Viewing`: for the runner themselves, or for a coach under `/coach/athletes/{id}/...`, the
same services reading the athlete's rows through the access scope with the coach as the actor,
the same templates in read-only mode (`read_only`: no form or button that writes, except what a
coach may do, which lives under the same prefix). Links between the pages start with `base`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from yolvarex.errors import NotFound
from yolvarex.store import access
from yolvarex.store.access import Actor
from yolvarex.store.models import User

#: The athlete's pages a coach opens, in the order of the tabs.
PAGES = {"today": "Today", "log": "Log", "plan": "Plan", "progress": "Progress"}


@dataclass(frozen=True)
class Viewing:
    athlete_id: int
    name: str
    timezone: str
    read_only: bool = False
    base: str = ""  # "" for one's own pages, "/coach/athletes/{id}" for a coach's view

    def context(self, page: str) -> dict[str, Any]:
        """What the shared templates need: the flag, the link prefix, and for the banner the
        page shown (one of `PAGES`, or "run")."""
        return {"viewing": self, "read_only": self.read_only, "athlete_base": self.base,
                "viewing_page": page, "viewing_pages": PAGES}

    def section(self, own: str) -> str:
        """The main menu's current item: the athlete's section, or Athletes for their coach."""
        return "coach" if self.read_only else own


def own(actor: Actor) -> Viewing:
    return Viewing(actor.id, actor.name, actor.timezone)


def coached(db: Session, coach: Actor, athlete_id: int) -> Viewing:
    """A coached athlete's pages, read-only; NotFound unless this coach coaches them now (also
    for oneself: a coach's own training is under the runner's pages)."""
    user = db.get(User, athlete_id)
    if not coach.is_coach or user is None or athlete_id == coach.id:
        raise NotFound("no such athlete")
    access.scope(db, coach, athlete_id)  # NotFound unless the link is active
    return Viewing(user.id, user.name, user.timezone or "UTC", read_only=True,
                   base=f"/coach/athletes/{user.id}")
