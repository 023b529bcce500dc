"""The ASGI entry point for uvicorn and other servers: `yolvarex.asgi:app`."""

from __future__ import annotations

import os

from yolvarex.server import create_app
from yolvarex.services.runtime import open_runtime

app = create_app(open_runtime(upgrade=os.environ.get("YOLVAREX_SKIP_MIGRATE") != "1"))
