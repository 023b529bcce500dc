"""The account as its owner ends it: confirm who you are, then delete the account with every
row the runner owns. (Changing the password is `accounts.change_password`.)"""

from __future__ import annotations

from sqlalchemy import delete, event, func, or_, update
from sqlalchemy.orm import Session

from yolvarex.errors import Invalid, Unauthorized
from yolvarex.services import accounts, data_archive
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, scope
from yolvarex.store.db import write_back


def confirm_password(db: Session, user: models.User, password: str | None) -> None:
    """A password-protected account confirms with its password; one without (a CLI-only user)
    confirms with its own name."""
    if user.password_hash is None:
        if password != user.name:
            raise Invalid(f"This account has no password; type its name, {user.name}, to confirm.")
        return
    try:
        accounts.confirm_password(db, user, password or "")
    except Unauthorized:
        raise Unauthorized("That is not your current password.") from None


def delete_account(db: Session, user: models.User) -> dict[str, int]:
    """Delete the user and every row they own (check-ins, log and its kept files, shoes, plans,
    tests, routines, assessments, trees, sessions, tokens, coach links, notes and invitations).
    Returns what was removed, by kind. On SQLite the deleted rows are overwritten on disk
    (`secure_delete`) and, once the caller commits, the write-ahead log is emptied, so the
    kept watch files and samples cannot be read back from the database's files."""
    removed: dict[str, int] = {}
    engine = db.get_bind()
    event.listen(db, "after_commit", lambda _session: write_back(engine), once=True)  # type: ignore[arg-type]
    mine = scope(db, Actor.of(user), action=Action.WRITE)  # the user deletes their own rows
    db.execute(mine.delete(models.ActivityFile))
    for name, model in data_archive.RECORDS.items():
        count = db.scalar(mine.select(func.count(), model=model)) or 0
        if count:
            removed[name.removesuffix(".json")] = count
        db.execute(mine.delete(model))
    links = db.execute(delete(models.CoachLink).where(or_(
        models.CoachLink.coach_id == user.id, models.CoachLink.athlete_id == user.id)))
    removed["coach_links"] = int(links.rowcount or 0)  # type: ignore[attr-defined]
    notes = db.execute(delete(models.CoachNote).where(or_(
        models.CoachNote.coach_id == user.id, models.CoachNote.athlete_id == user.id)))
    removed["coach_notes"] = int(notes.rowcount or 0)  # type: ignore[attr-defined]
    # invitations sent, answered, or waiting for this name (a later account of the same name
    # must not find them)
    db.execute(delete(models.CoachInvitation).where(or_(
        models.CoachInvitation.coach_id == user.id, models.CoachInvitation.athlete_id == user.id,
        models.CoachInvitation.invitee_name == user.name)))
    db.execute(delete(models.WebSession).where(models.WebSession.user_id == user.id))
    db.execute(delete(models.ApiToken).where(models.ApiToken.user_id == user.id))
    db.execute(mine.delete(models.ImportJob))
    db.execute(delete(models.LoginThrottle).where(models.LoginThrottle.key == f"user:{user.name}"))
    db.execute(update(models.Plan).where(models.Plan.created_by == user.id).values(created_by=None))
    db.delete(user)
    db.flush()
    return removed
