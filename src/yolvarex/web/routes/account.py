"""The start page, sign up, log in, log out, and the account page with API tokens."""

from __future__ import annotations

import contextlib

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.domain import units
from yolvarex.domain.units import units_of
from yolvarex.errors import Conflict, TooManyRequests, UserError
from yolvarex.services import accounts, athlete, calendar_feed, days, setup, signup_throttle
from yolvarex.store.access import Actor
from yolvarex.store.models import User
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


def _start_session(request: Request, user_id: int, target: str) -> Response:
    """Log in: a new session, and with it a new CSRF token (the old page's token stops working)."""
    rt = core.runtime(request)
    with rt.db.session() as db:
        user = db.get(User, user_id)
        assert user is not None
        token, session = accounts.start_web_session(db, user)
        csrf = session.csrf_token
    response = core.redirect(core.safe_next(target))
    secure = rt.settings.secure_cookies
    response.set_cookie(core.session_cookie(rt.settings), token, httponly=True, samesite="lax",
                        secure=secure, max_age=accounts.SESSION_DAYS * 86400, path="/")
    response.set_cookie(core.csrf_cookie(rt.settings), csrf, httponly=True, samesite="strict",
                        secure=secure, path="/")
    return response


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None


@router.get("/")
def home(request: Request) -> Response:
    login = core.current_login(request)
    if login:  # a coach's home is the board, a runner's is Today
        return core.redirect("/coach" if login.actor.is_coach else "/today")
    return core.render(request, "home.html")


@router.get("/signup")
def signup_form(request: Request) -> Response:
    return core.render(request, "signup.html", {"errors": {}, "form": {}})


@router.post("/signup")
def signup(request: Request, name: str = Form(""), password: str = Form(""),
           confirm: str = Form(""), role: str = Form("athlete"), timezone: str = Form("")) -> Response:
    """Throttled per address (`signup_throttle`), the "name taken" answers more tightly."""
    form = {"name": name, "role": role}
    errors: dict[str, str] = {}
    engine = core.runtime(request).db.engine
    try:
        signup_throttle.check(engine, _address(request))
    except TooManyRequests as exc:
        response = core.render(request, "signup.html", {"errors": {"form": exc.message},
                                                        "form": form}, status_code=429)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if password != confirm:
        errors["confirm"] = "The two passwords differ; type the same password twice."
    if not errors:
        try:
            with core.runtime(request).db.session() as db:
                user = accounts.create_user(db, name, password, role if role == "coach" else "athlete",
                                            timezone=_browser_zone(timezone))
                user_id = user.id
                setup.save_step(db, Actor.of(user), {}, setup.STEPS[0])  # the wizard is next
        except UserError as exc:
            field = "name" if "name" in exc.message.lower() else "password"
            if "role" in exc.message.lower():
                field = "role"
            errors[field] = exc.message
            signup_throttle.record(engine, _address(request), taken=isinstance(exc, Conflict))
    if errors:
        return core.render(request, "signup.html", {"errors": errors, "form": form}, status_code=422)
    signup_throttle.record(engine, _address(request))
    return _start_session(request, user_id, "/welcome")


def _browser_zone(name: str) -> str | None:
    """The zone the browser reported at sign-up; one we do not know falls back to the server's."""
    try:
        return clock.valid_zone(name) if name else None
    except clock.UnknownZone:
        return None


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return core.render(request, "login.html", {"error": None, "name": "", "next": core.safe_next(next)})


@router.post("/login")
def login(request: Request, name: str = Form(""), password: str = Form(""),
          next: str = Form("/")) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            user_id = accounts.authenticate(db, name, password, _address(request)).id
    except UserError as exc:
        response = core.render(request, "login.html",
                               {"error": exc.message, "name": name, "next": core.safe_next(next)},
                               status_code=exc.status if exc.status in (429, 503) else 401)
        if isinstance(exc, TooManyRequests):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    return _start_session(request, user_id, next)


@router.post("/logout")
def logout(request: Request) -> Response:
    rt = core.runtime(request)
    name = core.session_cookie(rt.settings)
    with rt.db.session() as db:
        accounts.end_web_session(db, request.cookies.get(name))
    response = core.redirect("/", "You are logged out. See you on the next run.")
    response.delete_cookie(name, path="/", secure=rt.settings.secure_cookies, httponly=True)
    return response


def account_page(request: Request, actor: Actor, new_token: str | None = None,
                 body_errors: list[str] | None = None, zone_error: str | None = None,
                 password_error: str | None = None, calendar_url: str | None = None,
                 calendar_error: str | None = None, status: int = 200) -> Response:
    with core.runtime(request).db.session() as db:
        tokens = accounts.list_api_tokens(db, actor)
        user = db.get(User, actor.id)
        body = dict(user.settings or {}) if user else {}
        zone = user.timezone if user else clock.server_zone()
        calendar = {"on": bool(user and user.calendar_token_hash),
                    "time": calendar_feed.training_time(user) if user else None}
    login = core.current_login(request)
    shown = units_of(login.units if login else None)
    kg = body.get("body_weight_kg")
    weight_shown = round(units.weight_value(float(kg), shown), 1) if isinstance(kg, int | float) else None
    response = core.render(request, "account.html", {
        "weight_shown": weight_shown,
        "tokens": tokens, "new_token": new_token, "body": body, "body_errors": body_errors or [],
        "zone": zone, "zone_error": zone_error, "password_error": password_error,
        "calendar": calendar, "calendar_url": calendar_url, "calendar_error": calendar_error,
        "local_now": clock.local_now(zone), "zones": clock.zone_names()}, status_code=status)
    # The page can show a new token or calendar address: never keep it in a cache.
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/account")
def account(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return account_page(request, actor)


@router.post("/account/body")
def save_body(request: Request, max_hr: str = Form(""), resting_hr: str = Form(""), sex: str = Form(""),
              body_weight: str = Form(""), actor: Actor = Depends(core.login_required)) -> Response:
    login = core.current_login(request)
    shown = units_of(login.units if login else None)
    weight: str | float = body_weight.strip()
    try:
        if weight:
            with contextlib.suppress(ValueError):  # the service says what is wrong with it
                weight = units.kg_from(float(weight), shown)
        with core.runtime(request).db.session() as db:
            athlete.save_body_settings(db, actor.id, {"max_hr": max_hr, "resting_hr": resting_hr,
                                                      "sex": sex, "body_weight_kg": weight})
    except UserError as exc:
        return account_page(request, actor, body_errors=exc.details, status=422)
    return core.redirect("/account", "Body settings saved. New sessions use them for their load.")


@router.post("/account/preferences")
def save_preferences(request: Request, units_choice: str = Form("", alias="units"),
                     running_dynamics: str = Form(""),
                     actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            athlete.save_preferences(db, actor.id, {"units": units_choice,
                                                    "running_dynamics": running_dynamics})
    except UserError as exc:
        return account_page(request, actor, body_errors=exc.details, status=422)
    words = "miles and pounds" if units_choice == "imperial" else "kilometers and kilograms"
    return core.redirect("/account", f"Saved: numbers now show in {words}.")


@router.post("/account/timezone")
def save_timezone(request: Request, timezone: str = Form(""),
                  actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            zone = days.set_timezone(db, actor, timezone)
    except UserError as exc:
        return account_page(request, actor, zone_error=exc.message, status=422)
    return core.redirect("/account", f"Time zone set to {zone}. Your days now follow its clock; "
                         "earlier days stay as they were.")


@router.post("/account/tokens")
def create_token(request: Request, label: str = Form(""),
                 actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        user = db.get(User, actor.id)
        assert user is not None
        token, _ = accounts.create_api_token(db, user, label or "web")
    return account_page(request, actor, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: int,
                 actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        accounts.revoke_api_token(db, actor, token_id)
    return core.redirect("/account", "Token revoked. Scripts using it will stop working.")


@router.post("/account/password")
def change_password(request: Request, current: str = Form(""), password: str = Form(""),
                    confirm: str = Form(""), actor: Actor = Depends(core.login_required)) -> Response:
    """A new password ends every other web session and revokes every API token."""
    login = core.current_login(request)
    if password != confirm:
        differ = "The two new passwords differ; type the same password twice."
        return account_page(request, actor, status=422, password_error=differ)
    try:
        with core.runtime(request).db.session() as db:
            user = db.get(User, actor.id)
            assert user is not None
            done = accounts.change_password(db, user, current, password,
                                            keep_session_id=login.session_id if login else None,
                                            address=_address(request))
    except UserError as exc:
        return account_page(request, actor, status=exc.status, password_error=exc.message)
    return core.redirect("/account", (
        f"Password changed. {done.sessions_ended} other session(s) logged out and "
        f"{done.tokens_revoked} API token(s) revoked; create new tokens for your scripts."))


@router.post("/account/sessions/end-others")
def end_other_sessions(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    login = core.current_login(request)
    with core.runtime(request).db.session() as db:
        ended = accounts.end_other_sessions(db, actor.id, login.session_id if login else None)
    return core.redirect("/account", f"Logged out everywhere else ({ended} other session(s)).")


def feed_url(request: Request, token: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/cal/{token}.ics"


@router.post("/account/calendar")
def calendar_settings(request: Request, action: str = Form(""), training_time: str = Form(""),
                      actor: Actor = Depends(core.login_required)) -> Response:
    new_url = None
    try:
        with core.runtime(request).db.session() as db:
            if action == "rotate":
                new_url = feed_url(request, calendar_feed.rotate_token(db, actor))
            elif action == "revoke":
                calendar_feed.revoke_token(db, actor)
            else:
                calendar_feed.set_training_time(db, actor, training_time)
    except UserError as exc:
        return account_page(request, actor, calendar_error=exc.message, status=422)
    if new_url:
        return account_page(request, actor, calendar_url=new_url)
    message = "Calendar feed turned off; the old address shows nothing now." if action == "revoke" \
        else "Training time saved; calendar events follow it."
    return core.redirect("/account#calendar-h", message)
