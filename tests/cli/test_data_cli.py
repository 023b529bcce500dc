"""yolvarex export, restore and user delete."""

from __future__ import annotations

import json
import zipfile


def test_export_restore_and_delete_in_the_terminal(cli, tmp_path) -> None:
    cli("user", "create", "ann")
    cli("log", "run", "-m", "30", "--rpe", "4", "--date", "yesterday", "--user", "ann")
    out = tmp_path / "ann.zip"
    done = cli("export", "--out", str(out), "--user", "ann")
    assert done.exit_code == 0 and out.exists()
    assert json.loads(zipfile.ZipFile(out).read("manifest.json"))["counts"]["activities.json"] == 1
    cli("user", "create", "bob")
    first = json.loads(cli("restore", str(out), "--user", "bob", "--json").stdout)
    assert first["added"] == {"activities": 1}
    second = cli("restore", str(out), "--user", "bob")
    assert "nothing new" in second.stdout and "already here" in second.stdout
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    refused = cli("restore", str(broken), "--user", "bob")
    assert refused.exit_code == 1 and "not a zip archive" in refused.stderr
    missing = cli("restore", str(tmp_path / "none.zip"), "--user", "bob")
    assert missing.exit_code == 1 and "cannot read" in missing.stderr
    assert cli("user", "delete", "ann", input="n\n").exit_code == 1
    deleted = cli("user", "delete", "ann", "--yes")
    assert deleted.exit_code == 0 and "1 activities" in deleted.stdout
    names = [u["name"] for u in json.loads(cli("user", "list", "--json").stdout)]
    assert names == ["bob"]
