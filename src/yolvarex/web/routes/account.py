"""The start page, sign up, log in, log out, and the account page with API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.errors import UserError
from yolvarex.services import account_data, accounts, athlete, calendar_feed, days
from yolvarex.store.access import Actor
from yolvarex.store.models import User
from yolvarex.web import core

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])


def _start_session(request: Request, user_id: int, target: str) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        user = db.get(User, user_id)
        assert user is not None
        token, _ = accounts.start_web_session(db, user)
    response = core.redirect(core.safe_next(target))
    response.set_cookie(core.SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=rt.settings.secure_cookies, max_age=accounts.SESSION_DAYS * 86400,
                        path="/")
    return response


@router.get("/")
def home(request: Request) -> Response:
    if core.current_login(request):
        return core.redirect("/today")
    return core.render(request, "home.html")


@router.get("/signup")
def signup_form(request: Request) -> Response:
    return core.render(request, "signup.html", {"errors": {}, "form": {}})


@router.post("/signup")
def signup(request: Request, name: str = Form(""), password: str = Form(""),
           confirm: str = Form(""), role: str = Form("athlete"), timezone: str = Form("")) -> Response:
    form = {"name": name, "role": role}
    errors: dict[str, str] = {}
    if password != confirm:
        errors["confirm"] = "The two passwords differ; type the same password twice."
    if not errors:
        try:
            with core.runtime(request).db.session() as db:
                user = accounts.create_user(db, name, password, role if role == "coach" else "athlete",
                                            timezone=_browser_zone(timezone))
                user_id = user.id
        except UserError as exc:
            field = "name" if "name" in exc.message.lower() else "password"
            if "role" in exc.message.lower():
                field = "role"
            errors[field] = exc.message
    if errors:
        return core.render(request, "signup.html", {"errors": errors, "form": form}, status_code=422)
    return _start_session(request, user_id, "/today?welcome=1")


def _browser_zone(name: str) -> str | None:
    """The zone the browser reported at sign-up; one we do not know falls back to the server's."""
    try:
        return clock.valid_zone(name) if name else None
    except clock.UnknownZone:
        return None


@router.get("/login")
def login_form(request: Request, next: str = "/today") -> Response:
    return core.render(request, "login.html", {"error": None, "name": "", "next": core.safe_next(next)})


@router.post("/login")
def login(request: Request, name: str = Form(""), password: str = Form(""),
          next: str = Form("/today")) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            user_id = accounts.authenticate(db, name, password).id
    except UserError as exc:
        return core.render(request, "login.html",
                           {"error": exc.message, "name": name, "next": core.safe_next(next)},
                           status_code=401)
    return _start_session(request, user_id, next)


@router.post("/logout")
def logout(request: Request) -> Response:
    with core.runtime(request).db.session() as db:
        accounts.end_web_session(db, request.cookies.get(core.SESSION_COOKIE))
    response = core.redirect("/", "You are logged out. See you on the next run.")
    response.delete_cookie(core.SESSION_COOKIE, path="/")
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
    return core.render(request, "account.html", {"tokens": tokens, "new_token": new_token,
                                                 "body": body, "body_errors": body_errors or [],
                                                 "zone": zone, "zone_error": zone_error,
                                                 "password_error": password_error,
                                                 "calendar": calendar, "calendar_url": calendar_url,
                                                 "calendar_error": calendar_error,
                                                 "local_now": clock.local_now(zone),
                                                 "zones": clock.zone_names()},
                       status_code=status)


@router.get("/account")
def account(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    return account_page(request, actor)


@router.post("/account/body")
def save_body(request: Request, max_hr: str = Form(""), resting_hr: str = Form(""), sex: str = Form(""),
              actor: Actor = Depends(core.login_required)) -> Response:
    try:
        with core.runtime(request).db.session() as db:
            athlete.save_body_settings(db, actor.id, {"max_hr": max_hr, "resting_hr": resting_hr,
                                                      "sex": sex})
    except UserError as exc:
        return account_page(request, actor, body_errors=exc.details, status=422)
    return core.redirect("/account", "Heart-rate settings saved. New sessions use them for their load.")


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


@router.post("/account/password")
def change_password(request: Request, old_password: str = Form(""), new_password: str = Form(""),
                    confirm_password: str = Form(""),
                    actor: Actor = Depends(core.login_required)) -> Response:
    if new_password != confirm_password:
        differ = "The two new passwords differ; type the same one twice."
        return account_page(request, actor, password_error=differ, status=422)
    try:
        with core.runtime(request).db.session() as db:
            current = accounts.web_session(db, request.cookies.get(core.SESSION_COOKIE))
            user = db.get(User, actor.id)
            assert user is not None and current is not None
            ended = account_data.change_password(db, user, old_password, new_password,
                                                 keep_session_id=current[0].id)
    except UserError as exc:
        return account_page(request, actor, password_error=exc.message, status=422)
    others = f" {ended} other session(s) were logged out." if ended else ""
    return core.redirect("/account", "Password changed." + others)


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
