"""`yolvarex fuel`: guidance in grams once a body weight is set, sleep after a short night."""

from __future__ import annotations

import json


def test_fuel_after_strength_and_short_sleep(cli, rt) -> None:  # type: ignore[no-untyped-def]
    from yolvarex.services import athlete
    from yolvarex.services.accounts import user_named

    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    plain = cli("fuel", "strength", "--user", "ann")
    assert plain.exit_code == 0 and "about 20-40 g of protein" in plain.stdout
    assert "Jäger et al. 2017" in plain.stdout
    with rt.db.session() as db:
        athlete.save_body_settings(db, user_named(db, "ann").id, {"body_weight_kg": "70"})
    data = json.loads(cli("fuel", "hard-run", "--user", "ann", "--json").stdout)["advice"]
    assert data["protein_per_day_g"] == [84, 112] and data["carbohydrate_per_day_g"] == [350, 490]
    short = cli("fuel", "short-sleep", "--hours", "5", "--user", "ann").stdout
    assert "Sleep tonight: aim for 7-9 hours" in short
    assert "full night" in cli("fuel", "short-sleep", "--hours", "8", "--user", "ann").stdout
    full = json.loads(cli("fuel", "short-sleep", "--hours", "8", "--user", "ann", "--json").stdout)
    assert full["advice"] is None and "full night" in full["message"]


def test_fuel_for_a_run(cli, rt) -> None:  # type: ignore[no-untyped-def]
    from yolvarex.services import athlete
    from yolvarex.services.accounts import user_named

    assert cli("user", "create", "ann", "--password-stdin", input="correct horse\n").exit_code == 0
    plain = cli("fuel", "run", "--minutes", "120", "--user", "ann")
    assert plain.exit_code == 0 and "30-60 g of carbohydrate an hour" in plain.stdout
    assert "sports dietitian" in plain.stdout and "Mountjoy et al. 2023" in plain.stdout
    with rt.db.session() as db:
        athlete.save_body_settings(db, user_named(db, "ann").id, {"body_weight_kg": "70"})
    data = json.loads(cli("fuel", "run", "--minutes", "60", "--again-soon", "--user", "ann",
                          "--json").stdout)["advice"]
    assert data["run"]["after_carbohydrate_g_per_hour"] == [70, 84]
    assert data["run"]["during_carbohydrate_g_per_hour"] is None
    assert cli("fuel", "run", "--minutes", "5", "--user", "ann").exit_code != 0
