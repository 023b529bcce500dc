"""What every page needs: templates, the logged-in user, CSRF protection and flash messages."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from yolvarex import __version__, clock
from yolvarex.domain.units import Units, units_of
from yolvarex.errors import Forbidden
from yolvarex.services import accounts
from yolvarex.services.runtime import Runtime
from yolvarex.settings import Settings
from yolvarex.store.access import Actor

HERE = Path(__file__).parent
SESSION_COOKIE = "yolvarex_session"
CSRF_COOKIE = "yolvarex_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
FLASH_COOKIE = "yolvarex_flash"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

templates = Jinja2Templates(directory=HERE / "templates")
# The templates ship with the code: checking each file's time on every render (21 files for
# Today) only costs time; a new version starts a new process.
templates.env.auto_reload = False

NAV = (
    ("today", "Today", "/today"),
    ("checkin", "Check-in", "/checkin"),
    ("week", "Week", "/week"),
    ("trees", "Trees", "/trees"),
    ("plan", "Plan", "/plan"),
    ("library", "Library", "/library"),
    ("form", "Form", "/form"),
    ("log", "Log", "/log"),
    ("progress", "Progress", "/progress"),
    ("import", "Import", "/import"),
    ("coach", "Coach", "/coach"),
)


#: A coach's menu: their athletes first; their own training last.
COACH_NAV = (
    ("coach", "Athletes", "/coach"),
    ("trees", "Trees", "/coach/trees"),
    ("library", "Library", "/library"),
    ("form", "Form", "/form"),
    ("today", "My training", "/today"),
)

_UNSET = object()


@dataclass(frozen=True)
class Login:
    actor: Actor
    csrf: str = ""  # this session's CSRF token, made at login; forms must echo it
    session_id: int = 0
    settings: dict[str, Any] = field(default_factory=dict)  # User.settings at this request

    @property
    def units(self) -> Units:
        return units_of(self.settings.get("units"))


class LoginRequired(Exception):
    """Raised by `login_required`; the app answers with a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def figure_svg(request: Request, kind: str, entry_id: str) -> Markup:
    """An entry's illustration for templates (empty when it has none): the animation, and its
    key poses side by side for reduced motion (CSS shows one). Both are images of the figure
    address, so a page stays light and the browser caches each drawing once."""
    library = runtime(request).library
    entry = library.of_kind(kind).get(entry_id) if kind in ("exercises", "drills", "movements") else None
    if entry is None or library.poses.pose_set(kind, entry_id) is None:
        return Markup("")
    src = f"/api/v1/library/{quote(kind)}/{quote(entry_id)}/figure.svg"
    alt = escape(f"{getattr(entry, 'title', entry_id)}: how the movement looks")
    return Markup(f'<img class="fig-moving" src="{src}" alt="{alt}" loading="lazy">'  # noqa: S704
                  f'<img class="fig-keys" src="{src}?style=keys" alt="{alt}, every key position" '
                  'loading="lazy">')


templates.env.globals["figure_svg"] = figure_svg


def session_cookie(settings: Settings) -> str:
    """The session cookie's name: `__Host-` prefixed over HTTPS, so no subdomain can set it."""
    return "__Host-" + SESSION_COOKIE if settings.secure_cookies else SESSION_COOKIE


def csrf_cookie(settings: Settings) -> str:
    return "__Host-" + CSRF_COOKIE if settings.secure_cookies else CSRF_COOKIE


def current_login(request: Request) -> Login | None:
    if getattr(request.state, "login", _UNSET) is _UNSET:
        rt = runtime(request)
        found = None
        with rt.db.session() as db:
            pair = accounts.web_session(db, request.cookies.get(session_cookie(rt.settings)))
            if pair is not None:
                found = Login(actor=Actor.of(pair[1]), csrf=pair[0].csrf_token,
                              session_id=pair[0].id, settings=dict(pair[1].settings or {}))
        request.state.login = found
    login: Login | None = request.state.login
    return login


def login_required(request: Request) -> Actor:
    login = current_login(request)
    if login is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target)
    return login.actor


def csrf_token(request: Request) -> str:
    """The token this page's forms must send back.

    Logged in: the session's own token, stored with the session and made new at each login, so
    a cookie and field planted by someone else can never match it. Logged out (the login and
    sign-up forms): a random token in a cookie that the form must echo (double submit).
    """
    login = current_login(request)
    if login is not None and login.csrf:
        return login.csrf
    name = csrf_cookie(runtime(request).settings)
    token = request.cookies.get(name) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def set_csrf_cookie(request: Request, response: Any, settings: Settings) -> None:
    """Keep the CSRF cookie in step with the token the page's forms carry."""
    login = getattr(request.state, "login", None)
    name = csrf_cookie(settings)
    wanted = login.csrf if isinstance(login, Login) and login.csrf else \
        getattr(request.state, "new_csrf", None)
    already = any(v.startswith(name + "=") for v in response.headers.getlist("set-cookie"))
    if wanted and request.cookies.get(name) != wanted and not already:
        response.set_cookie(name, wanted, httponly=True, samesite="strict",
                            secure=settings.secure_cookies, path="/")


async def csrf_protect(request: Request) -> None:
    """Every unsafe request to the web app must send the page's CSRF token (see `csrf_token`)
    in a field or header. An upload is checked after its sender (see `guard.py`)."""
    if request.method in SAFE_METHODS:
        return
    login = current_login(request)
    sent = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = login.csrf if login is not None else \
        request.cookies.get(csrf_cookie(runtime(request).settings))
    if not accounts.compare_tokens(sent, expected) or (login is None and _cross_site(request)):
        raise Forbidden("This form has expired or did not come from this site. Reload the page "
                        "and try again.")


def _cross_site(request: Request) -> bool:
    """Whether the browser says the form came from another site. Logged out, the token is only
    the pre-session cookie echoed back, and a cookie can be planted (over plain HTTP, or by a
    sibling subdomain when `__Host-` is not in use); a planted pair is refused here because the
    browser reports where the form was (Sec-Fetch-Site, else Origin), which a page cannot forge."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.headers.get("host", "")


def safe_next(target: str | None) -> str:
    """Only follow local paths after login, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def flash(response: Any, message: str) -> Any:
    response.set_cookie(FLASH_COOKIE, quote(message[:300]), max_age=60, httponly=True,
                        samesite="lax", path="/")
    return response


def redirect(path: str, message: str | None = None) -> RedirectResponse:
    response = RedirectResponse(path, status_code=303)
    return flash(response, message) if message else response


def shown_units(request: Request) -> Units:
    """The units the logged-in reader chose (metric when nobody is logged in)."""
    login = current_login(request)
    return login.units if login else "metric"


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200, section: str | None = None) -> HTMLResponse:
    from urllib.parse import unquote

    login = current_login(request)
    ctx: dict[str, Any] = {
        "login": login,
        "csrf_token": csrf_token(request),
        "nav": COACH_NAV if login is not None and login.actor.is_coach else NAV,
        "section": section,
        "version": __version__,
        "units": login.units if login else "metric",
        "today": clock.today(login.actor.timezone if login else None),
        "flash": unquote(request.cookies.get(FLASH_COOKIE, "")) or None,
    }
    ctx.update(context or {})
    response = templates.TemplateResponse(request, template, ctx, status_code=status_code)
    if ctx["flash"]:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


Protected = Depends(csrf_protect)
