"""What makes the web app installable on a phone: the manifest, the service worker (served
from the root so its scope is the whole site), the offline page and the favicon. All public:
none of them holds anything of a runner's."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from yolvarex import __version__
from yolvarex.web import core
from yolvarex.web.assets import STATIC, static_url

router = APIRouter(include_in_schema=False)

THEME = "#0b6e69"
ICONS = (("icons/icon-192.png", "192x192", "any"), ("icons/icon-512.png", "512x512", "any"),
         ("icons/maskable-512.png", "512x512", "maskable"))
#: What the service worker keeps for offline use: the offline page and what it needs.
PRECACHE = ("css/app.css", "js/app.js", *(path for path, _, _ in ICONS))


def manifest() -> dict[str, object]:
    return {
        "name": "yolvarex: rest, form, recovery and strength for runners",
        "short_name": "yolvarex", "id": "/today", "start_url": "/today", "scope": "/",
        "display": "standalone", "background_color": "#f6f7f9", "theme_color": THEME,
        "description": "When to rest, form cues and drills, recovery routines and strength "
                       "at home, around your running week.",
        "icons": [{"src": static_url(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
                  for path, sizes, purpose in ICONS]}


@router.get("/manifest.webmanifest")
def web_manifest() -> Response:
    return Response(json.dumps(manifest(), indent=1), media_type="application/manifest+json",
                    headers={"Cache-Control": "no-cache"})


@cache
def service_worker() -> str:
    urls = ["/offline", *(static_url(path) for path in PRECACHE)]
    version = hashlib.sha256((__version__ + "".join(urls)).encode()).hexdigest()[:12]
    source = (STATIC / "js" / "sw.js").read_text(encoding="utf-8")
    return source.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(urls))


@router.get("/sw.js")
def sw() -> Response:
    # A new version of any cached file changes this script, so browsers install the new cache.
    return Response(service_worker(), media_type="text/javascript",
                    headers={"Cache-Control": "no-cache"})


@router.get("/offline")
def offline(request: Request) -> HTMLResponse:
    """The page the service worker shows offline: the same for everyone, no private data."""
    return core.templates.TemplateResponse(request, "offline.html", {},
                                           headers={"Cache-Control": "no-cache"})


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(STATIC / "icons" / "favicon.ico", media_type="image/x-icon",
                        headers={"Cache-Control": "public, max-age=86400"})
