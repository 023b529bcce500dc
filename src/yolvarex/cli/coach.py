"""`yolvarex coach ...`: invitations and their answers, the athletes' board, notes."""

from __future__ import annotations

import typer
from rich.table import Table
from sqlalchemy import select

from yolvarex.cli.common import (
    JsonOption,
    UserOption,
    acting_user,
    console,
    day_given,
    fail,
    print_json,
    runtime,
    user_errors,
)
from yolvarex.services import coach_board, coach_notes, invitations
from yolvarex.store.access import Actor
from yolvarex.store.models import User

coach_app = typer.Typer(help="Coaching: invite athletes, answer invitations, see athletes, "
                             "leave notes.", no_args_is_help=True)


@coach_app.command("invite")
def invite(athlete: str | None = typer.Argument(None, help="The athlete's user name."),
           code: bool = typer.Option(False, "--code", help="Make a single-use code instead."),
           user: str | None = UserOption) -> None:
    """Invite an athlete by user name, or make a single-use invitation code (--code)."""
    if code == bool(athlete):
        fail("give an athlete's user name, or --code for an invitation code")
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        coach = acting_user(db, rt.settings, user)
        if code:
            new = invitations.new_code(db, coach)
            console.print(f"Invitation code: [bold]{new.code}[/] (works once, for "
                          f"{invitations.CODE_HOURS} hours). The athlete enters it with "
                          f"`yolvarex coach join CODE` or on the web's Coach page.",
                          highlight=False)
            return
        invitation = invitations.invite_by_name(db, coach, athlete or "")
        console.print(invitations.sent_message(invitation.invitee_name or ""), highlight=False)


@coach_app.command("invitations")
def list_invitations(user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Open invitations: those you sent (coach) or those waiting for you (athlete)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        if actor.is_coach:
            rows = [{"id": i.id, "athlete": i.invitee_name or "(code)", "status": i.status,
                     "expires": i.expires_at.date().isoformat()} for i in invitations.sent_by(db, actor)]
        else:
            rows = [{"id": i.id, "coach": c.name, "status": i.status,
                     "expires": i.expires_at.date().isoformat()} for i, c in invitations.open_for(db, actor)]
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("No open invitations.")
        return
    table = Table(*rows[0].keys())
    for r in rows:
        table.add_row(*(str(v) for v in r.values()))
    console.print(table)


@coach_app.command("accept")
def accept(invitation_id: int, user: str | None = UserOption) -> None:
    """Accept a coach's invitation by its id (see `yolvarex coach invitations`)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        invitations.accept(db, acting_user(db, rt.settings, user), invitation_id)
    console.print("Accepted: your coach now sees your training. End it with `yolvarex coach end`.")


@coach_app.command("decline")
def decline(invitation_id: int, user: str | None = UserOption) -> None:
    """Decline a coach's invitation; that coach cannot invite you by name again."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        invitations.decline(db, acting_user(db, rt.settings, user), invitation_id)
    console.print("Declined.")


@coach_app.command("join")
def join(code: str, user: str | None = UserOption) -> None:
    """Accept an invitation with the code your coach gave you."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        link = invitations.accept_code(db, acting_user(db, rt.settings, user), code)
        coach = db.get(User, link.coach_id)
        name = coach.name if coach else "your coach"
    console.print(f"Accepted: {name} now sees your training.", highlight=False)


@coach_app.command("cancel")
def cancel(invitation_id: int, user: str | None = UserOption) -> None:
    """Cancel one of your open invitations (coach)."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        invitations.cancel(db, acting_user(db, rt.settings, user), invitation_id)
    console.print("Invitation cancelled.")


@coach_app.command("end")
def end(other: str = typer.Argument(..., help="The athlete's (or your coach's) user name."),
        user: str | None = UserOption) -> None:
    """End coaching with OTHER, from either side; the coach loses access at once."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        link = next((link for link, u in invitations.links(db, actor)
                     if u.name == other.strip().lower() and link.status == "active"), None)
        if link is None:
            fail(f"you have no active coaching with {other}")
        invitations.end_link(db, actor, link.id)
    console.print(f"Coaching with {other} ended.", highlight=False)


@coach_app.command("athletes")
def athletes(show: coach_board.Show = typer.Option(coach_board.Show.ALL, "--show",
                                                   help="attention, quiet (no recent check-in) "
                                                        "or all."),
             user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Your athletes today, those who need attention first."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        coach = acting_user(db, rt.settings, user)
        if not coach.is_coach:
            fail("only coach accounts have athletes")
        rows = coach_board.board(db, coach, show)
    if as_json:
        print_json([r.as_json() for r in rows])
        return
    if not rows:
        console.print("No athletes to show. Invite one with `yolvarex coach invite NAME`.")
        return
    table = Table("athlete", "today", "needs attention", "load", "days since rest", "strength")
    for r in rows:
        table.add_row(r.name, r.verdict.label if r.verdict else "no check-in",
                      "; ".join(r.reasons) or "-",
                      f"{r.load.words}" + (f" (ACWR {r.acwr:.2f})" if r.acwr is not None else ""),
                      "-" if r.days_since_rest is None else str(r.days_since_rest),
                      f"{r.done_sessions} of {r.planned_sessions}" if r.planned_sessions else "no plan")
    console.print(table)


@coach_app.command("note")
def note(athlete: str, text: str = typer.Argument(..., help="The note; empty removes it."),
         date: str | None = typer.Option(None, "--date", help="The athlete's day (default: their "
                                                              "today)."),
         user: str | None = UserOption) -> None:
    """Leave ATHLETE a private note they see on Today on the day it is for."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        coach = acting_user(db, rt.settings, user)
        found = db.scalar(select(User).where(User.name == athlete.strip().lower()))
        if found is None:
            fail(f"you coach nobody called {athlete}")
        day = day_given(date, Actor.of(found))  # the athlete's day, in their zone
        saved = coach_notes.write(db, coach, found.id, day, text)
    console.print(f"Note for {athlete} on {day:%a %d %b} saved." if saved else "Note removed.",
                  highlight=False)


@coach_app.command("notes")
def notes(date: str | None = typer.Option(None, "--date", help="The day (default: today)."),
          user: str | None = UserOption, as_json: bool = JsonOption) -> None:
    """Your coaches' notes for a day."""
    rt = runtime()
    with user_errors(), rt.db.session() as db:
        actor = acting_user(db, rt.settings, user)
        day = day_given(date, actor)
        found = coach_notes.for_day(db, actor, actor.id, day)
    if as_json:
        print_json([n.as_json() for n in found])
        return
    if not found:
        console.print(f"No coach notes for {day:%a %d %b}.", highlight=False)
    for n in found:
        console.print(f"[bold]{n.coach}[/] for {n.day:%a %d %b}: {n.text}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(coach_app, name="coach")
