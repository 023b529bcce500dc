"""Your data, whole: export everything an athlete owns to one zip archive, and restore it.

The archive holds one JSON file per kind of record (a list of records, each with the stable
`uid` it has in every database), `profile.json`, `manifest.json` with the schema version, and a
README describing each file; the original watch files kept with the runs are under
`files/<activity uid>/<file name>`, as they were uploaded. Restoring merges by `uid`: a record
already in the account is left as it is, so restoring the same archive twice adds nothing. A
check-in for a date that already has one, or a coach tree with an id already used, keeps the
account's own and is counted as kept. An archive from a newer schema is refused; a broken or
hostile archive is refused before anything is written, and a restore is one transaction: all
of it or none of it.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Date, DateTime, LargeBinary, func, select
from sqlalchemy.orm import Session, selectinload

from yolvarex import __version__, clock
from yolvarex.errors import Invalid
from yolvarex.services import activity_files, coach_notes, run_analysis
from yolvarex.store import models
from yolvarex.store.access import Action, Actor, Scope, scope
from yolvarex.store.types import UTCDateTime

FORMAT = "yolvarex-export"
SCHEMA_VERSION = 2  # 2: shoes, a run's shoe and the original files
MAX_ENTRIES = 64
#: Original files an archive may hold (one per activity), besides the entries above.
MAX_FILES = 20_000
FILES = "files/"
#: an original file's path in the archive: files/<activity uid>/<file name>
ORIGINAL = re.compile(r"files/([0-9A-Za-z]{8,32})/([A-Za-z0-9._-]{1,200})")
#: How much an archive may expand to, as a multiple of the upload limit (and per file).
EXPANSION = 20

#: file name -> model; order matters on restore (a run refers to its shoe by the shoe's uid)
RECORDS: dict[str, type[models.OwnedMixin]] = {
    "shoes.json": models.Shoe,
    "checkins.json": models.CheckIn,
    "activities.json": models.Activity,
    "strength_sessions.json": models.StrengthSession,
    "performance_tests.json": models.PerformanceTest,
    "plans.json": models.Plan,
    "routine_completions.json": models.RoutineCompletion,
    "form_assessments.json": models.FormAssessment,
    "custom_trees.json": models.CustomTree,
}
#: files exported for the record only: a restore reads past them (the other person named in
#: them may not exist in the account's new home)
FOR_THE_RECORD = ("coach_links.json", "coach_notes.json")
SET_FIELDS = ("position", "exercise", "reps", "seconds", "load_kg", "side", "rpe", "completed",
              "notes")
#: columns never exported: database ids and the owner (the account restored into owns them),
#: a run's shoe id (the run carries `shoe_uid` instead) and its kept analysis (worked out
#: again on restore)
SKIPPED = {"id", "user_id", "created_by", "shoe_id", "analysis", "efforts"}
#: fields a record carries besides its columns
EXTRA_FIELDS: dict[type[Any], set[str]] = {models.StrengthSession: {"sets"},
                                           models.Activity: {"shoe_uid"}}
#: a second record with the same value in these columns is the same thing, kept once
NATURAL_KEYS: dict[type[models.OwnedMixin], str] = {models.CheckIn: "date",
                                                    models.CustomTree: "tree_id"}

README = """yolvarex data export
====================

Everything one athlete owns in yolvarex, as JSON (UTF-8). Restore it into any yolvarex with
`yolvarex restore FILE.zip`, the Data page, or POST /api/v1/restore. Every record carries a
stable "uid" that a restore keeps, so restoring twice adds nothing.

manifest.json             format, schema_version, app version, when and for whom it was made,
                          how many records each file holds
profile.json              the account: name, role, time zone and settings (heart rates, ...)
shoes.json                shoes: name, distance run before yolvarex (start_m), retire-at
                          distance, default for runs or a run type, the day retired
checkins.json             morning check-ins: "date" and the answers in "data"
activities.json           runs and cross-training: start (UTC), local day and UTC offset,
                          duration, distance, heart rate, RPE, load and how it was computed;
                          "samples_b64" holds the recorded samples (pace, heart rate, cadence,
                          running dynamics, positions) in yolvarex's compact format, base64;
                          "shoe_uid" names the shoe worn (in shoes.json)
strength_sessions.json    strength sessions with their sets (exercise, reps or seconds, load,
                          side, RPE, completed)
performance_tests.json    performance tests: test, side, value
plans.json                strength plans: the profile they were made from and the plan itself
routine_completions.json  recovery routines done, with when and for how long
form_assessments.json     form self-assessments: answers and the ranked faults
custom_trees.json         decision trees written by a coach (YAML source)
files/UID/NAME            the original file each activity was imported from (FIT, GPX,
                          TCX), as uploaded; UID is the activity's uid in activities.json
coach_links.json          coaching links, by user name (for the record; a restore does not
                          recreate them, since the other person may not exist there)
coach_notes.json          coaches' notes for one of the athlete's days: the day ("date"), the
                          coach and the athlete by name, the text; notes written for you and,
                          as a coach, notes you wrote (for the record; not restored)

Verdicts are not stored: yolvarex recomputes them from the check-ins and the log. Times are
ISO 8601; instants end in +00:00 (UTC); days are the athlete's local dates.
"""


@dataclass
class RestoreReport:
    added: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    kept_yours: dict[str, int] = field(default_factory=dict)
    settings_added: list[str] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def to_json(self) -> dict[str, Any]:
        return {"added": self.added, "already_there": self.already_there,
                "kept_yours": self.kept_yours, "settings_added": self.settings_added,
                "total_added": self.total_added}


# Export -----------------------------------------------------------------------------------------

def _columns(model: type[Any]) -> list[Any]:
    return [c for c in model.__table__.columns if c.name not in SKIPPED]


def _plain(value: Any, column: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _key(column: Any) -> str:
    return "samples_b64" if isinstance(column.type, LargeBinary) else column.name


def _record(row: Any, shoe_uids: dict[int, str]) -> dict[str, Any]:
    out = {_key(c): _plain(getattr(row, c.name), c) for c in _columns(type(row))}
    if isinstance(row, models.StrengthSession):
        out["sets"] = [{name: getattr(s, name) for name in SET_FIELDS} for s in row.sets]
    if isinstance(row, models.Activity):
        out["shoe_uid"] = shoe_uids.get(row.shoe_id) if row.shoe_id is not None else None
    return out


def _file_name(name: str) -> str:
    """The kept file's own name, in characters every zip tool and file system takes."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")[:200] or "original"


def _original_files(mine: Scope) -> Iterator[tuple[str, bytes]]:
    """(archive path, bytes as uploaded) of every kept original file, oldest run first."""
    db = mine.db
    rows = db.execute(mine.select(models.Activity.uid, models.ActivityFile.name, models.ActivityFile.id,
                                  model=models.ActivityFile)
                      .join(models.ActivityFile, models.ActivityFile.activity_id == models.Activity.id)
                      .order_by(models.Activity.start, models.Activity.uid))
    for uid, name, file_id in rows.all():
        content = db.scalar(mine.select(models.ActivityFile.content).where(
            models.ActivityFile.id == file_id))
        yield f"{FILES}{uid}/{_file_name(name)}", zlib.decompress(content or b"")


def _sort_key(record: dict[str, Any]) -> tuple[str, str]:
    when = record.get("start") or record.get("date") or record.get("completed_at") \
        or record.get("created_at") or ""
    return str(when), str(record["uid"])


def _dump(data: Any) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode()


def export_archive(db: Session, actor: Actor, athlete_id: int | None = None) -> bytes:
    """Everything the athlete owns, as zip bytes (only the athlete may export their data)."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    user = db.get(models.User, mine.athlete_id)
    assert user is not None
    files: dict[str, Any] = {}
    shoe_uids: dict[int, str] = dict(db.execute(mine.select(models.Shoe.id, models.Shoe.uid)).all())
    for name, model in RECORDS.items():
        query = mine.select(model)
        if model is models.StrengthSession:
            query = query.options(selectinload(models.StrengthSession.sets))
        files[name] = sorted((_record(row, shoe_uids) for row in db.scalars(query)), key=_sort_key)
    names = {u.id: u.name for u in db.scalars(select(models.User))}
    files["coach_links.json"] = sorted(
        ({"coach": names.get(link.coach_id), "athlete": names.get(link.athlete_id),
          "status": link.status, "created_at": link.created_at.isoformat(),
          "responded_at": link.responded_at.isoformat() if link.responded_at else None}
         for link in db.scalars(select(models.CoachLink).where(
             (models.CoachLink.coach_id == mine.athlete_id)
             | (models.CoachLink.athlete_id == mine.athlete_id)))),
        key=lambda r: (r["created_at"], r["coach"] or "", r["athlete"] or ""))
    files["coach_notes.json"] = coach_notes.archive_records(db, mine.athlete_id)
    profile = {"name": user.name, "role": user.role, "timezone": user.timezone,
               "settings": dict(user.settings or {})}
    originals = db.scalar(mine.select(func.count(), model=models.ActivityFile)) or 0
    manifest = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "app_version": __version__,
                "exported_at": clock.now().isoformat(), "athlete": user.name,
                "counts": {**{name: len(records) for name, records in files.items()},
                           FILES: originals}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("manifest.json", _dump(manifest))
        archive.writestr("profile.json", _dump(profile))
        for name, records in files.items():
            archive.writestr(name, _dump(records))
        for path, content in _original_files(mine):
            archive.writestr(path, content)
    return buffer.getvalue()


def archive_name(name: str, day: dt.date) -> str:
    return f"yolvarex-{name}-{day.isoformat()}.zip"


# Restore ----------------------------------------------------------------------------------------

def _read_members(data: bytes, limit: int) -> dict[str, bytes]:
    """The archive's files, refused before reading when it is not one of ours or expands too far."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Invalid("This is not a zip archive; choose the .zip file yolvarex exported.") from None
    with archive:
        infos = archive.infolist()
        originals = sum(1 for i in infos if i.filename.startswith(FILES))
        if len(infos) - originals > MAX_ENTRIES or originals > MAX_FILES:
            raise Invalid(f"The archive holds {len(infos)} files; a yolvarex export holds "
                          f"{len(RECORDS) + len(FOR_THE_RECORD) + 3} and one original file per "
                          f"run (up to {MAX_FILES}). It is not an export, so nothing was "
                          "restored.")
        known = {"README.txt", "manifest.json", "profile.json", *FOR_THE_RECORD, *RECORDS}
        strange = sorted(i.filename for i in infos
                         if i.filename not in known and not ORIGINAL.fullmatch(i.filename))
        if strange:
            raise Invalid("The archive holds files a yolvarex export does not: "
                          + ", ".join(strange[:5]) + ". Nothing was restored.")
        total = sum(i.file_size for i in infos)
        if total > limit * EXPANSION:
            raise Invalid(f"The archive expands to {total / 2**20:.0f} MB, more than this server "
                          f"takes ({limit * EXPANSION / 2**20:.0f} MB). Nothing was restored.")
        members: dict[str, bytes] = {}
        for info in infos:
            with archive.open(info) as handle:
                content = handle.read(limit * EXPANSION + 1)
            if len(content) > info.file_size:  # a header that lies about the size
                raise Invalid("The archive is damaged (a file is larger than it says). "
                              "Nothing was restored.")
            members[info.filename] = content
    return members


def _json(members: dict[str, bytes], name: str, required: bool = True) -> Any:
    if name not in members:
        if required:
            raise Invalid(f"The archive has no {name}; it is not a complete yolvarex export.")
        return []
    try:
        return json.loads(members[name])
    except (ValueError, UnicodeDecodeError):
        raise Invalid(f"{name} in the archive is not valid JSON. Nothing was restored.") from None


def _parse(value: Any, column: Any, where: str) -> Any:
    if value is None:
        if not column.nullable:
            raise Invalid(f"{where}: {column.name} is missing.")
        return None
    kind = column.type
    if isinstance(kind, JSON):
        return value
    try:
        if isinstance(kind, LargeBinary):
            return base64.b64decode(value, validate=True)
        if isinstance(kind, UTCDateTime | DateTime):
            stamp = dt.datetime.fromisoformat(value)
            if stamp.tzinfo is None:
                raise ValueError("no time zone")
            return stamp
        if isinstance(kind, Date):
            return dt.date.fromisoformat(value)
        expected = kind.python_type
    except (ValueError, TypeError) as exc:
        raise Invalid(f"{where}: {column.name} {value!r} cannot be read ({exc}).") from None
    if expected is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise Invalid(f"{where}: {column.name} should be {expected.__name__}, not {value!r}.")
    return value


def _row(model: type[Any], record: Any, where: str) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise Invalid(f"{where} is not a record.")
    columns = {_key(c): c for c in _columns(model)}
    extra = set(record) - set(columns) - EXTRA_FIELDS.get(model, set())
    if extra:
        raise Invalid(f"{where} has fields this version does not know: {', '.join(sorted(extra))}.")
    uid = record.get("uid")
    if not isinstance(uid, str) or not 8 <= len(uid) <= 32:
        raise Invalid(f"{where} has no valid uid.")
    missing = [key for key, c in columns.items()
               if key not in record and not c.nullable and c.default is None]
    if missing:
        raise Invalid(f"{where} lacks {', '.join(missing)}.")
    return {c.name: _parse(record[key], c, where) for key, c in columns.items() if key in record}


def _sets(record: dict[str, Any], where: str) -> list[models.StrengthSet]:
    raw = record.get("sets", [])
    if not isinstance(raw, list):
        raise Invalid(f"{where}: sets should be a list.")
    columns = {c.name: c for c in models.StrengthSet.__table__.columns}
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) - set(SET_FIELDS):
            raise Invalid(f"{where}, set {i + 1}: not a set this version knows.")
        out.append(models.StrengthSet(**{k: _parse(item.get(k), columns[k], f"{where}, set {i + 1}")
                                         for k in SET_FIELDS if k in item}))
    return out


def _check_manifest(members: dict[str, bytes]) -> None:
    manifest = _json(members, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Invalid("manifest.json does not say this is a yolvarex export.")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise Invalid("manifest.json has no schema version.")
    if version > SCHEMA_VERSION:
        raise Invalid(f"This archive was made by a newer yolvarex (schema {version}; this one "
                      f"reads up to {SCHEMA_VERSION}). Update yolvarex, then restore it.")


def restore_archive(db: Session, actor: Actor, data: bytes, limit: int,
                    athlete_id: int | None = None,
                    on_file: Callable[[str, int], None] | None = None) -> RestoreReport:
    """Merge an export into the athlete's account (by uid); raises Invalid, writing nothing,
    when the archive cannot be restored. The caller's transaction commits it whole."""
    mine = scope(db, actor, athlete_id, Action.WRITE)
    if len(data) > limit:
        raise Invalid(f"The archive is {len(data) / 2**20:.0f} MB; this server takes up to "
                      f"{limit / 2**20:.0f} MB.")
    members = _read_members(data, limit)
    _check_manifest(members)
    report = RestoreReport()
    staged: list[Any] = []
    worn: list[tuple[models.Activity, str]] = []  # restored runs and the uid of their shoe
    for name, model in RECORDS.items():
        records = _json(members, name, required=False)
        if not isinstance(records, list):
            raise Invalid(f"{name} should hold a list of records.")
        have = set(db.scalars(mine.select(model.uid)))
        natural = NATURAL_KEYS.get(model)
        taken = set(db.scalars(mine.select(getattr(model, natural), model=model))) \
            if natural else set()
        label = name.removesuffix(".json")
        for i, record in enumerate(records):
            values = _row(model, record, f"{name}, record {i + 1}")
            if values["uid"] in have:
                report.already_there[label] = report.already_there.get(label, 0) + 1
                continue
            if natural and values.get(natural) in taken:
                report.kept_yours[label] = report.kept_yours.get(label, 0) + 1
                continue
            row: Any = mine.new(model, **values)
            if isinstance(row, models.StrengthSession):
                row.sets = _sets(record, f"{name}, record {i + 1}")
            if isinstance(row, models.Activity) and record.get("shoe_uid") is not None:
                worn.append((row, str(record["shoe_uid"])))
            staged.append(row)
            have.add(values["uid"])
            if natural:
                taken.add(values.get(natural))
            report.added[label] = report.added.get(label, 0) + 1
        if on_file:
            on_file(name, len(records))
    profile = _json(members, "profile.json")
    user = db.get(models.User, mine.athlete_id)
    assert user is not None
    if isinstance(profile, dict) and isinstance(profile.get("settings"), dict):
        settings = dict(user.settings or {})
        for key, value in profile["settings"].items():
            if key not in settings and key != "demo":
                settings[key] = value
                report.settings_added.append(key)
        user.settings = settings
    _keep_one_default(mine, [r for r in staged if isinstance(r, models.Shoe)])
    db.add_all(staged)
    db.flush()
    _wear(mine, worn)
    _restore_originals(mine, members, limit, report)
    for row in staged:
        if isinstance(row, models.Activity):
            run_analysis.refresh(row)  # the run page's figures, kept as at import
    db.flush()
    return report


def _keep_one_default(mine: Scope, shoes: list[models.Shoe]) -> None:
    """A restored shoe is not the default for runs the account already has a default for."""
    taken = set(mine.db.scalars(mine.select(models.Shoe.default_for).where(
        models.Shoe.default_for.is_not(None))))
    for shoe in shoes:
        if shoe.default_for in taken:
            shoe.default_for = None
        elif shoe.default_for is not None:
            taken.add(shoe.default_for)


def _wear(mine: Scope, worn: list[tuple[models.Activity, str]]) -> None:
    shoes: dict[str, int] = dict(mine.db.execute(mine.select(models.Shoe.uid, models.Shoe.id)).all())
    for row, shoe_uid in worn:
        if shoe_uid not in shoes:
            raise Invalid(f"activities.json: the run {row.uid} was worn in shoe {shoe_uid!r}, "
                          "which is not in shoes.json. Nothing was restored.")
        row.shoe_id = shoes[shoe_uid]


def _restore_originals(mine: Scope, members: dict[str, bytes], limit: int,
                       report: RestoreReport) -> None:
    """Keep each original file with its run, unless the run already has one."""
    db = mine.db
    runs: dict[str, int] = dict(db.execute(mine.select(models.Activity.uid, models.Activity.id)).all())
    kept = set(db.scalars(mine.select(models.ActivityFile.activity_id)))
    for path, content in members.items():
        found = ORIGINAL.fullmatch(path)
        if found is None:
            continue
        uid, name = found.groups()
        if uid not in runs:
            raise Invalid(f"{path} belongs to no activity in the archive or in your log. "
                          "Nothing was restored.")
        if runs[uid] in kept:
            report.already_there["files"] = report.already_there.get("files", 0) + 1
        elif activity_files.keep(mine, runs[uid], name, content, limit):
            kept.add(runs[uid])
            report.added["files"] = report.added.get("files", 0) + 1
