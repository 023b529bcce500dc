"""Configuration fails loudly: a value yolvarex cannot use stops start-up with a sentence."""

from __future__ import annotations

import re

import pytest

from yolvarex.settings import InvalidSetting, load_settings


def test_defaults_and_good_values(tmp_path) -> None:
    settings = load_settings({"YOLVAREX_DATA_DIR": str(tmp_path)})
    assert settings.max_upload_bytes == 50 * 1024 * 1024 and not settings.secure_cookies
    assert settings.database_url == f"sqlite:///{tmp_path / 'yolvarex.sqlite3'}"
    tuned = load_settings({"YOLVAREX_DATA_DIR": str(tmp_path), "YOLVAREX_MAX_UPLOAD_MB": "120",
                           "YOLVAREX_SECURE_COOKIES": "yes", "YOLVAREX_TIMEZONE": "Europe/Berlin",
                           "YOLVAREX_DATABASE_URL": "postgresql://u:p@db/yolvarex"})
    assert tuned.max_upload_bytes == 120 * 1024 * 1024 and tuned.secure_cookies
    assert tuned.database_url.startswith("postgresql+psycopg://")


@pytest.mark.parametrize(("name", "value", "words"), [
    ("YOLVAREX_MAX_UPLOAD_MB", "fifty", "not a size in megabytes"),
    ("YOLVAREX_MAX_UPLOAD_MB", "0", "from 1 to 1024"),
    ("YOLVAREX_MAX_UPLOAD_MB", "1e9", "from 1 to 1024"),
    ("YOLVAREX_SECURE_COOKIES", "maybe", "use 1 or 0"),
    ("YOLVAREX_TIMEZONE", "Berlin", "not a time zone"),
    ("YOLVAREX_CLOCK", "tomorrow", "not an instant"),
])
def test_a_bad_value_is_refused_in_words(tmp_path, name: str, value: str, words: str) -> None:
    with pytest.raises(InvalidSetting, match=words):
        load_settings({"YOLVAREX_DATA_DIR": str(tmp_path), name: value})


def test_the_cli_says_so_without_a_traceback(tmp_path, monkeypatch, capsys) -> None:
    from yolvarex.cli.main import main

    monkeypatch.setenv("YOLVAREX_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("YOLVAREX_MAX_UPLOAD_MB", "lots")
    monkeypatch.setattr("sys.argv", ["yolvarex", "db", "status"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1


def test_the_map_tile_server_is_off_unless_named(tmp_path) -> None:
    assert load_settings({"YOLVAREX_DATA_DIR": str(tmp_path)}).map_tiles is None
    tiles = load_settings({"YOLVAREX_DATA_DIR": str(tmp_path),
                           "YOLVAREX_MAP_TILE_URL": "https://tiles.club.example:8443/osm/{z}/{x}/{y}.png"}
                          ).map_tiles
    assert tiles is not None and tiles.origin == "https://tiles.club.example:8443"
    assert tiles.attribution == "Map tiles: tiles.club.example"
    assert tiles.tile_url(14, 8800, 5373) == "https://tiles.club.example:8443/osm/14/8800/5373.png"
    credited = load_settings({"YOLVAREX_DATA_DIR": str(tmp_path),
                              "YOLVAREX_MAP_TILE_URL": "http://127.0.0.1:8080/{z}/{y}/{x}",
                              "YOLVAREX_MAP_ATTRIBUTION": "  © OpenStreetMap   contributors "}).map_tiles
    assert credited is not None and credited.attribution == "© OpenStreetMap contributors"
    assert credited.tile_url(1, 0, 1) == "http://127.0.0.1:8080/1/1/0"


@pytest.mark.parametrize(("env", "words"), [
    ({"YOLVAREX_MAP_TILE_URL": "ftp://tiles.example/{z}/{x}/{y}.png"}, "not an http"),
    ({"YOLVAREX_MAP_TILE_URL": "tiles.example/{z}/{x}/{y}.png"}, "not an http"),
    ({"YOLVAREX_MAP_TILE_URL": "https://me:secret@tiles.example/{z}/{x}/{y}.png"}, "no user name"),
    ({"YOLVAREX_MAP_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png' *"}, "no user name, spaces"),
    ({"YOLVAREX_MAP_TILE_URL": "https://tiles.example;img-src */{z}/{x}/{y}"}, "not an http"),
    ({"YOLVAREX_MAP_TILE_URL": "https://tiles.example/{z}/{x}.png"}, "{z}, {x} and {y} once"),
    ({"YOLVAREX_MAP_TILE_URL": "https://{s}.tiles.example/{z}/{x}/{y}.png"}, "not an http"),
    ({"YOLVAREX_MAP_TILE_URL": "https://tiles.example/{z}/{x}/{y}/{x}.png"}, "once each"),
    ({"YOLVAREX_MAP_ATTRIBUTION": "OpenStreetMap"}, "set both, or neither"),
    ({"YOLVAREX_MAP_TILE_URL": "https://tiles.example/{z}/{x}/{y}.png",
      "YOLVAREX_MAP_ATTRIBUTION": "<b>OSM</b>"}, "plain text"),
])
def test_a_map_tile_setting_yolvarex_cannot_use_stops_start_up(tmp_path, env, words: str) -> None:
    with pytest.raises(InvalidSetting, match=re.escape(words)):
        load_settings({"YOLVAREX_DATA_DIR": str(tmp_path), **env})
