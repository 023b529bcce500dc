"""The Data page: download, restore, delete; the Account page: change the password."""

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


def test_changing_the_password_on_the_account_page(client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    differ = client.post("/account/password", data={"csrf_token": token, "old_password": "correct horse",
                                                     "new_password": "a brand new one",
                                                     "confirm_password": "another"})
    assert differ.status_code == 422 and "differ" in differ.text
    wrong = client.post("/account/password", data={"csrf_token": token, "old_password": "guess",
                                                   "new_password": "a brand new one",
                                                   "confirm_password": "a brand new one"})
    assert wrong.status_code == 422 and "not your current password" in wrong.text
    done = client.post("/account/password", data={"csrf_token": token, "old_password": "correct horse",
                                                  "new_password": "a brand new one",
                                                  "confirm_password": "a brand new one"},
                       follow_redirects=False)
    assert done.status_code == 303
    assert client.get("/account").status_code == 200  # this session goes on
