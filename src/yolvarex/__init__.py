"""yolvarex: a self-hosted training companion for runners and their coaches."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("yolvarex")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
