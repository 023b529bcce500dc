"""HTTP uploads for both web faces (the API and the pages): size limits and the files' bytes."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from starlette.datastructures import UploadFile

from yolvarex.errors import UserError


class TooLarge(UserError):
    status = 413


def check_length(request: Request, limit: int) -> None:
    """Refuse a request whose declared size is over the limit before reading its body."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"The upload is larger than the {limit // (1024 * 1024)} MB limit.",
                       details=["Upload fewer files at a time, or import large archives with "
                                "`yolvarex import PATH` on the server."])


async def read_files(files: Sequence[UploadFile], limit: int) -> list[tuple[str, bytes]]:
    """The uploaded files' names and bytes, refusing more than `limit` bytes in total."""
    out = []
    total = 0
    for upload in files:
        data = await upload.read(limit + 1 - total)
        total += len(data)
        if total > limit:
            raise TooLarge(f"The upload is larger than the {limit // (1024 * 1024)} MB limit.",
                           details=["Upload fewer files at a time."])
        out.append(((upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1], data))
    return out

