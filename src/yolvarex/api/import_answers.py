"""The documented shapes of an import: the report of what each file became, and a background
import job. The documents come from `import_jobs.report_json` and `import_jobs.job_json`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class FailedFileOut(BaseModel):
    file: str
    reason: str


class ImportedFileOut(BaseModel):
    file: str
    status: Literal["imported", "duplicate", "failed"]
    activity_ids: list[int]
    runs: int
    cross_training: int
    duplicates: int
    reason: str | None = Field(description="Why it failed or was skipped.")
    remarks: list[str]
    new_bests: list[str] = Field([], description="Records this file set, e.g. \"5 km\" (absent "
                                                 "in jobs finished before records were kept).")


class ImportReportOut(BaseModel):
    imported: int = Field(description="Activities added.")
    duplicates: int
    cross_training: int
    failed: list[FailedFileOut]
    files: list[ImportedFileOut]


class ImportJobOut(BaseModel):
    id: int
    status: Literal["queued", "running", "done", "failed"]
    files_done: int
    files_total: int
    label: str
    error: str | None
    result: ImportReportOut | None = Field(description="The report, once `status` is done.")
    url: str = Field(description="Where to ask for progress.")
