"""The CLI run in-process through Typer's runner, on the test's own database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from yolvarex.cli.main import app


@pytest.fixture
def cli(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("YOLVAREX_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("YOLVAREX_DATABASE_URL", db_url)
    monkeypatch.delenv("YOLVAREX_USER", raising=False)
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that Rich tables do not wrap words
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return run
