"""Pure logic. No frameworks, no files, no clocks, no network: callers pass `today` and content in.

`tests/domain/test_purity.py` fails if a module here imports a framework or does I/O.
"""
