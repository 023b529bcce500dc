"""The CLI's `--json` and the API answer the same question with the same JSON.

Both faces render one service result; this test asks each pair on the demo runner's data and
compares the documents, so a face that shapes its own output cannot drift from the other.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import api_token
from yolvarex.services import demo
from yolvarex.services.runtime import library

TODAY = "2026-11-30"  # the suite's frozen clock, a Monday

#: (CLI arguments, API path): the same question asked of both faces.
PAIRS = [
    (["load", "--weeks", "4"], "/api/v1/load?weeks=4"),
    (["plan", "show"], "/api/v1/plans/current"),
    (["plan", "day", TODAY], f"/api/v1/plans/day/{TODAY}"),
    (["routine", "list"], "/api/v1/routines"),
    (["routine", "show", "post-run-cool-down"], "/api/v1/routines/post-run-cool-down"),
    (["routine", "streak"], "/api/v1/routines/streak"),
    (["tree", "list"], "/api/v1/trees"),
    (["tree", "show", "readiness"], "/api/v1/trees/readiness"),
    (["library", "list", "cues"], "/api/v1/library/cues"),
    (["library", "show", "exercises", "glute-bridge"], "/api/v1/library/exercises/glute-bridge"),
    (["drills"], "/api/v1/form/drill-session"),
    (["drills", "--minutes", "5", "--level", "1"], "/api/v1/form/drill-session?minutes=5&level=1"),
    (["drills", "--fault", "overstriding", "--minutes", "15"],
     "/api/v1/form/drill-session?fault=overstriding&minutes=15"),
    (["library", "list", "trees"], "/api/v1/library/trees"),
    (["library", "list", "drills"], "/api/v1/library/drills"),
    (["library", "show", "trees", "pain"], "/api/v1/library/trees/pain"),
    (["library", "show", "drills", "step-down-mirror"], "/api/v1/library/drills/step-down-mirror"),
    (["library", "show", "faults", "overstriding"], "/api/v1/library/faults/overstriding"),
    (["tree", "show", "red-flags"], "/api/v1/trees/red-flags"),
    (["records"], "/api/v1/records"),
    (["gear", "list"], "/api/v1/shoes"),
    (["week"], "/api/v1/week"),
    (["week", "--date", "2026-11-23"], "/api/v1/week?day=2026-11-23"),
    (["library", "search", "hamstring stretch"], "/api/v1/library/search?q=hamstring%20stretch"),
    (["library", "list", "routines"], "/api/v1/library/routines"),
    (["fuel", "hard-run"], "/api/v1/fuel?after=hard-run"),
    (["fuel", "run", "--minutes", "120"], "/api/v1/fuel?after=run&minutes=120"),
    (["fuel", "short-sleep", "--hours", "8"], "/api/v1/fuel?after=short-sleep&hours=8"),
]


@pytest.fixture
def faces(rt, cli) -> tuple[Any, dict[str, str]]:
    with rt.db.session() as db:
        demo.load_demo(db, library())
    return cli, api_token(rt, "demo")


@pytest.mark.parametrize(("args", "path"), PAIRS, ids=[" ".join(a) for a, _ in PAIRS])
def test_the_cli_json_is_the_api_json(faces, client, args: list[str], path: str) -> None:
    cli, headers = faces
    result = cli(*args, "--json", "--user", "demo") if _takes_user(args) else cli(*args, "--json")
    assert result.exit_code == 0, result.output
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.text
    assert json.loads(result.stdout) == response.json()


def _takes_user(args: list[str]) -> bool:
    return args[0] not in {"routine", "library"} or args[:2] in (["routine", "streak"],)
