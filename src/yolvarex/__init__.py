"""yolvarex: a self-hosted training companion for runners and their coaches."""

#: The one place the version is written (pyproject.toml reads it from here); a constant, because
#: reading the installed package's metadata would slow every start of the CLI.
__version__ = "0.1.0"
