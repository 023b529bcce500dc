"""`yolvarex form analyze|assess` and `yolvarex drills` end to end, in-process."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import ACTIVITIES
from tests.services.form_files import form_run

START = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)


def test_analyze_json_has_exactly_the_documented_shape(cli) -> None:
    result = cli("form", "analyze", str(ACTIVITIES / "garmin-fenix-5-run.fit"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["file", "sport", "duration_s", "distance_m", "metrics", "drift",
                          "findings", "missing"]
    assert data["file"] == "garmin-fenix-5-run.fit" and data["sport"] == "running"
    assert set(data["metrics"]) == {"cadence_spm", "vertical_oscillation_cm", "ground_contact_ms",
                                    "gct_balance_left_pct", "vertical_ratio_pct", "step_length_m"}
    assert data["metrics"]["gct_balance_left_pct"]["grade"] == "red"  # 52.3 % left (item 11)
    assert data["metrics"]["step_length_m"]["grade"] is None
    assert set(data["drift"]) == {"cadence_pct", "ground_contact_pct", "vertical_oscillation_pct",
                                  "first_pace_s_per_km", "last_pace_s_per_km", "pace_matched",
                                  "pace_explains"}
    finding = data["findings"][0]
    assert list(finding) == ["fault", "because", "cue", "drills"]
    assert finding["fault"] == "left-right-asymmetry" and "52.3%" in finding["because"]
    assert data["missing"] == []


def test_analyze_tcx_and_cadence_only_files(cli) -> None:
    tcx = json.loads(cli("form", "analyze", str(ACTIVITIES / "forerunner-410-run.tcx"), "--json").stdout)
    assert tcx["metrics"] == {} and len(tcx["missing"]) == 6
    cad = json.loads(cli("form", "analyze", str(ACTIVITIES / "compressed-speed-distance.fit"),
                         "--json").stdout)
    assert list(cad["metrics"]) == ["cadence_spm"]
    # 7:34/km in the first quarter, 4:36/km in the last: pace, not form (issue 12 item 10)
    assert cad["drift"]["cadence_pct"] is None and cad["drift"]["pace_explains"]


@pytest.mark.parametrize(("name", "words"), [
    ("garmin-fenix-5-bike.fit", "is a cycling activity, not a run"),
    ("garmin-fenix-5-walk.fit", "is a walking activity, not a run"),
    ("invalid/activity-filecrc.fit", "checksum"),
    ("invalid/activity-unexpected-eof.fit", "ends too early"),
    ("WorkoutRepeatSteps.fit", "workout file"),
])
def test_not_a_run_or_broken_exits_1_with_a_message(cli, name: str, words: str) -> None:
    for extra in ((), ("--json",)):
        result = cli("form", "analyze", str(ACTIVITIES / name), *extra)
        assert result.exit_code == 1
        assert words in " ".join(result.stderr.split())
        assert "Traceback" not in result.output and result.stdout == ""


def test_missing_file(cli, tmp_path) -> None:
    result = cli("form", "analyze", str(tmp_path / "nope.fit"))
    assert result.exit_code == 1 and "there is no file" in result.stderr


def test_analyze_human_output_and_baseline_for_the_only_user(cli, tmp_path) -> None:
    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    for i, cadence in enumerate((176, 177, 178)):
        path = tmp_path / f"e{i}.fit"
        path.write_bytes(form_run(START + dt.timedelta(days=i), minutes=15, cadence_spm=cadence))
        assert cli("import", str(path), "--json").exit_code == 0
    now = tmp_path / "now.fit"
    now.write_bytes(form_run(START + dt.timedelta(days=7), minutes=15, cadence_spm=166))
    out = cli("form", "analyze", str(now)).stdout
    assert "Running form" in out and "population percentiles" in out
    assert "Low cadence" in out and "on 3 earlier runs at a similar pace" in " ".join(out.split())


def test_assess_by_options_and_by_prompts(cli) -> None:
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    result = cli("form", "assess", "--answer", "foot-ahead-of-knee=clearly", "-a", "step-count=under-40",
                 "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["fault"] for r in data["ranking"]][:2] == ["low-cadence", "overstriding"]
    assert data["ranking"][0]["likelihood"] == "likely" and data["ranking"][0]["reasons"]
    # interactive: first question answered 1, the rest skipped, one bad entry corrected
    answers = "1\n" + "9\n\n" + "\n" * 20
    shown = cli("form", "assess", input=answers)
    assert shown.exit_code == 0, shown.output
    assert "Type a number from 1 to 4" in shown.stdout and "Overstriding" in shown.stdout
    bad = cli("form", "assess", "-a", "bouncy=maybe")
    assert bad.exit_code == 1 and "'maybe' is not an answer" in bad.stderr


def test_drills_for_a_fault_and_from_the_latest_assessment(cli) -> None:
    data = json.loads(cli("drills", "--fault", "hip-drop", "--minutes", "8", "--json").stdout)
    assert data["focus"] == ["hip-drop"] and data["minutes"] <= 8
    assert all(d["cue"] and d["dose"] for d in data["drills"])
    assert [d["order"] for d in data["drills"]] == list(range(1, len(data["drills"]) + 1))
    cli("user", "create", "ann", "--password-stdin", input="correct horse\n")
    cli("form", "assess", "-a", "tension=often")
    mine = json.loads(cli("drills", "--json").stdout)
    assert mine["focus"][0] == "tense-upper-body" and "self-assessment" in mine["source"]
    table = cli("drills", "--minutes", "6").stdout
    assert "Warm-up drill block" in table and "One cue for the run itself" in table
    wrong = cli("drills", "--minutes", "40")
    assert wrong.exit_code == 1 and "5-15 minutes" in wrong.stderr
    unknown = cli("drills", "--fault", "wobble")
    assert unknown.exit_code == 1 and "no fault called 'wobble'" in unknown.stderr




@pytest.mark.parametrize("name", ["garmin-fenix-5-run.fit", "activity-small-fenix2-run.fit",
                                  "compressed-speed-distance.fit"])
def test_analyze_json_snapshot(cli, snapshot, name: str) -> None:
    """The whole report for real files, kept under snapshots/ (see tests/snapshots.py)."""
    result = cli("form", "analyze", str(ACTIVITIES / name), "--json")
    assert result.exit_code == 0
    normalised = json.dumps(json.loads(result.stdout), indent=2, ensure_ascii=False) + "\n"
    snapshot(f"form-analyze-{name.rsplit('.', 1)[0]}.json", normalised)
