"""Archives bounded by what they expand to, background import jobs, and imports that stop when
the client goes away (issue 15, item 7)."""

from __future__ import annotations

import asyncio
import io
import zipfile

import pytest
from starlette.requests import Request

from tests.conftest import ACTIVITIES, api_token, csrf_of, web_login
from yolvarex import clock
from yolvarex.ingest.archive import Budget, SourceFile, open_zip
from yolvarex.services import import_jobs, imports
from yolvarex.store import models

MB = 1024 * 1024
FITS = ("garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "activity-small-fenix2-run.fit")


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _gpx_of(size: int) -> bytes:
    head = b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>'
    return head + b" " * (size - len(head))


def _lying_zip(real_size: int, declared: int) -> bytes:
    """A zip whose headers say the entry is `declared` bytes while it unpacks to `real_size`."""
    data = _zip({"run.gpx": _gpx_of(real_size)})
    info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    real = info.file_size.to_bytes(4, "little")
    fake = declared.to_bytes(4, "little")
    # the local header (offset 22) and the central directory both carry the size
    patched = bytearray(data)
    start = 0
    while (at := patched.find(real, start)) != -1:
        patched[at:at + 4] = fake
        start = at + 4
    return bytes(patched)


def test_a_small_zip_that_expands_large_is_refused_before_unpacking() -> None:
    bomb = _zip({"run.gpx": _gpx_of(40 * MB)})
    assert len(bomb) < MB // 4
    (only,) = list(open_zip("bomb.zip", bomb, Budget.for_upload(5 * MB)))
    assert only.data == b"" and only.error is not None
    assert "unpacks to more than 5 MB" in only.error.reason


def test_a_zip_that_lies_about_its_sizes_is_stopped_while_unpacking() -> None:
    """Headers that say 1000 bytes over 20 MB of content: unpacking stops at the declared size
    (the checksum then fails) and nothing of it is imported."""
    liar = _lying_zip(real_size=20 * MB, declared=1000)
    info = zipfile.ZipFile(io.BytesIO(liar)).infolist()[0]
    assert info.file_size == 1000
    budget = Budget(entry_bytes=5 * MB, total_bytes=100 * MB)
    (only,) = list(open_zip("liar.zip", liar, budget))
    assert only.data == b"" and only.error is not None
    assert "could not be unpacked" in only.error.reason
    assert budget.used == 0


def test_the_whole_archive_is_bounded_too() -> None:
    entries = {f"run{i}.gpx": _gpx_of(3 * MB) for i in range(6)}
    budget = Budget(entry_bytes=5 * MB, total_bytes=10 * MB)
    out = list(open_zip("many.zip", _zip(entries), budget))
    assert [bool(s.data) for s in out] == [True, True, True, False]
    assert out[-1].error is not None and "10 MB in all" in out[-1].error.reason
    assert budget.used <= 10 * MB


def test_a_gzip_in_an_upload_is_bounded_by_the_entry_budget(rt, make_user) -> None:
    import gzip

    ann = make_user("ann")
    bomb = gzip.compress(_gpx_of(20 * MB))
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, imports.upload_sources(
            [("run.gpx.gz", bomb)], budget=Budget.for_upload(5 * MB)))
    (result,) = report.files
    assert result.status == "failed" and "unpacks to more than 5 MB" in (result.reason or "")


def test_import_stops_before_the_next_file_when_asked(rt, make_user) -> None:
    ann = make_user("ann")
    sources = [SourceFile(name, (ACTIVITIES / name).read_bytes()) for name in FITS]
    seen: list[int] = []
    with rt.db.session() as db:
        report = imports.import_sources(db, ann, sources, on_file=lambda r: seen.append(1),
                                        should_stop=lambda: len(seen) >= 1)
    assert len(report.files) == 1 and report.files[0].status == "imported"


def test_an_inline_import_stops_when_the_client_is_gone(rt, make_user) -> None:
    ann = make_user("ann")
    named = [(name, (ACTIVITIES / name).read_bytes()) for name in FITS]

    async def gone() -> dict[str, str]:
        return {"type": "http.disconnect"}

    request = Request({"type": "http", "method": "POST", "path": "/import", "headers": []}, gone)
    report = asyncio.run(import_jobs.import_inline(request, rt.db, ann, named,
                                                   Budget.for_upload(5 * MB)))
    assert report.files == []
    with rt.db.session() as db:
        assert db.query(models.Activity).count() == 0


def test_archives_import_as_a_background_job_with_progress(rt, client, make_user) -> None:
    make_user("ann")
    make_user("bob")
    archive = _zip({f"watch/{name}": (ACTIVITIES / name).read_bytes() for name in FITS}
                   | {"watch/bomb.gpx": _gpx_of(40 * MB)})
    response = client.post("/api/v1/imports", files=[("files", ("export.zip", archive))],
                           headers=api_token(rt, "ann"))
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("queued", "running", "done") and job["files_total"] == 4
    assert response.headers["location"] == job["url"]
    import_jobs.wait(job["id"], timeout=300)
    done = client.get(job["url"], headers=api_token(rt, "ann")).json()
    assert done["status"] == "done" and done["files_done"] == 4
    result = done["result"]
    assert result["imported"] == 3 and len(result["failed"]) == 1
    assert "unpacks to more than" in result["failed"][0]["reason"]
    assert client.get(job["url"], headers=api_token(rt, "bob")).status_code == 404
    assert client.get("/api/v1/imports/jobs/999", headers=api_token(rt, "ann")).status_code == 404


def test_a_single_small_file_is_still_imported_at_once(rt, client, make_user) -> None:
    make_user("ann")
    data = (ACTIVITIES / FITS[0]).read_bytes()
    response = client.post("/api/v1/imports", files=[("files", (FITS[0], data))],
                           headers=api_token(rt, "ann"))
    assert response.status_code == 200 and response.json()["imported"] == 1


def test_the_web_import_of_an_archive_follows_its_job(rt, client, make_user) -> None:
    make_user("ann")
    web_login(client, "ann")
    token = csrf_of(client)
    archive = _zip({name: (ACTIVITIES / name).read_bytes() for name in FITS})
    response = client.post("/import", data={"csrf_token": token},
                           files=[("files", ("watch.zip", archive, "application/zip"))],
                           follow_redirects=False)
    assert response.status_code == 303
    page_url = response.headers["location"]
    assert page_url.startswith("/import/jobs/")
    job_id = int(page_url.rsplit("/", 1)[-1])
    import_jobs.wait(job_id, timeout=300)
    page = client.get(page_url)
    assert page.status_code == 200 and "3 imported" in page.text
    fragment = client.post("/import/file", data={"csrf_token": token},
                           files=[("files", ("again.zip", archive, "application/zip"))])
    assert fragment.status_code == 200 and "import-result" in fragment.text
    text = fragment.text
    if 'id="import-job-' in text:  # still running when the fragment was made: follow it
        again = int(text.split('id="import-job-')[1].split('"')[0])
        assert f'hx-get="/import/jobs/{again}/fragment"' in text or "Done" in text
        import_jobs.wait(again, timeout=300)
        text = client.get(f"/import/jobs/{again}/fragment").text
    assert text.count("Already in your log") == 3


def test_a_job_left_by_a_dead_process_reads_as_failed(rt, make_user) -> None:
    import datetime as dt

    from sqlalchemy import update

    ann = make_user("ann")
    with rt.db.session() as db:
        job = models.ImportJob(user_id=ann.id, status="running", label="x.zip", files_total=9,
                               files_done=4)
        db.add(job)
        db.flush()
        job_id = job.id
    with rt.db.engine.begin() as conn:
        conn.execute(update(models.ImportJob).values(
            updated_at=clock.now() - dt.timedelta(hours=1)))
    stale = import_jobs.get(rt.db, ann, job_id)
    assert stale.status == "failed" and "after 4 file(s)" in (stale.error or "")


def test_too_many_queued_jobs_are_refused(rt, make_user, monkeypatch) -> None:
    from concurrent.futures import Future

    from yolvarex.errors import Busy

    ann = make_user("ann")
    monkeypatch.setattr(import_jobs, "_pending", {i: Future() for i in range(import_jobs.MAX_QUEUED)})
    with pytest.raises(Busy) as busy:
        import_jobs.start(rt.db, ann, [("a.zip", _zip({"a.fit": b"x"}))], Budget.for_upload(MB))
    assert busy.value.status == 503


def test_a_gzip_upload_is_a_job_bounded_by_the_upload_limit(rt, client, make_user) -> None:
    import gzip

    make_user("ann")
    bomb = gzip.compress(_gpx_of(40 * MB))
    assert len(bomb) < MB
    response = client.post("/api/v1/imports", files=[("files", ("run.gpx.gz", bomb))],
                           headers=api_token(rt, "ann"))
    assert response.status_code == 202
    import_jobs.wait(response.json()["id"], timeout=300)
    done = client.get(response.json()["url"], headers=api_token(rt, "ann")).json()
    assert done["status"] == "done"
    assert "unpacks to more than 5 MB" in done["result"]["failed"][0]["reason"]
