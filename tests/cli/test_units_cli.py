"""Units in the terminal: weights typed in pounds are kept in kilograms."""

from __future__ import annotations

import pytest

from yolvarex.cli.log_strength import parse_set
from yolvarex.services.runtime import library


def test_the_cli_reads_a_set_with_pounds_and_keeps_kilograms() -> None:
    sets = parse_set("goblet-squat 12 @22lb x2", library())
    assert len(sets) == 2 and all(s["load_kg"] == pytest.approx(9.98, abs=0.01) for s in sets)
    assert parse_set("goblet-squat 12 @10kg", library())[0]["load_kg"] == 10
