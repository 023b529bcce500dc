"""The ASGI entry point for uvicorn and other servers: `yolvarex.asgi:app`."""

from __future__ import annotations

import os

from yolvarex.server import create_app
from yolvarex.services.runtime import open_runtime
from yolvarex.settings import ENV_SKIP_MIGRATE

app = create_app(open_runtime(upgrade=os.environ.get(ENV_SKIP_MIGRATE) != "1"))
