"""One router per section of the web app; `ROUTERS` is the list the app mounts."""

from yolvarex.web.routes import (
    account,
    app_shell,
    calendar,
    checkin,
    coach,
    coach_athlete,
    data,
    docs,
    fuel,
    gear,
    imports,
    library,
    log,
    plan,
    progress,
    runs,
    today,
    trees,
    week,
    welcome,
)
from yolvarex.web.routes import form as form_pages
from yolvarex.web.routes import form_library as form_library_pages
from yolvarex.web.routes import routines as routine_pages
from yolvarex.web.routes.strength import router as strength_router

ROUTERS = [
    account.router,
    app_shell.router,
    calendar.router,
    today.router,
    checkin.router,
    plan.router,
    library.router,
    log.router,
    fuel.router,
    runs.router,
    gear.router,
    progress.router,
    imports.router,
    coach.router,
    coach_athlete.router,
    data.router,
    docs.router,
    form_pages.router,
    form_library_pages.router,
    routine_pages.router,
    trees.router,
    strength_router,
    week.router,
    welcome.router,
]
