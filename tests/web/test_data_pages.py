"""The Data page: download, restore, delete."""

from __future__ import annotations

import io
import zipfile

from tests.conftest import csrf_of, web_login


def test_download_restore_and_delete_on_the_data_page(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    page = client.get("/data")
    assert page.status_code == 200 and "Download my data" in page.text
    archive = client.get("/data/export.zip")
    assert archive.status_code == 200 and archive.headers["cache-control"] == "no-store"
    assert "profile.json" in zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    token = csrf_of(client)
    restored = client.post("/data/restore", data={"csrf_token": token},
                           files={"archive": ("ann.zip", archive.content, "application/zip")})
    assert restored.status_code == 200 and "Nothing new" in restored.text
    empty = client.post("/data/restore", data={"csrf_token": token})
    assert empty.status_code == 422 and "Choose the .zip file" in empty.text
    wrong = client.post("/data/delete", data={"csrf_token": token, "password": "nope"})
    assert wrong.status_code == 422 and "not your current password" in wrong.text
    forged = client.post("/data/delete", data={"password": "correct horse"})
    assert forged.status_code == 403
    gone = client.post("/data/delete", data={"csrf_token": token, "password": "correct horse"},
                       follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/"
    assert client.get("/today", follow_redirects=False).status_code in (302, 303, 307)
