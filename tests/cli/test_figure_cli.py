"""`yolvarex library show KIND ID --svg FILE` writes the illustration."""

from __future__ import annotations

from pathlib import Path


def test_show_writes_the_svg(cli, tmp_path: Path) -> None:
    target = tmp_path / "squat.svg"
    result = cli("library", "show", "exercises", "bodyweight-squat", "--svg", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith("<svg") and "Bodyweight squat" in target.read_text()
    cue = cli("library", "show", "cues", "level-waistband", "--svg", str(tmp_path / "cue.svg"))
    assert cue.exit_code != 0 and not (tmp_path / "cue.svg").exists()
