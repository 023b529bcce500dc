"""An activity's files: the original it was imported from, and GPX, TCX or FIT written from it.

The original is kept as it was uploaded (inside a zip, the file itself), zlib-compressed, when
it is no larger than the limit the upload was read under; larger files are not kept (they
were still imported). Exports are written from what is stored: the samples and the totals.
"""

from __future__ import annotations

import re
import zlib

from sqlalchemy.orm import Session

from yolvarex.domain.activity import Activity, Samples, Sport
from yolvarex.errors import Invalid, NotFound
from yolvarex.export.activity_fit import to_fit
from yolvarex.export.activity_xml import to_gpx, to_tcx
from yolvarex.services.run_analysis import samples_of
from yolvarex.services.training_log import display_name
from yolvarex.store import models
from yolvarex.store.access import Actor, Scope, owned, reach

EXPORT_FORMATS = {"gpx": "application/gpx+xml", "tcx": "application/vnd.garmin.tcx+xml",
                  "fit": "application/vnd.ant.fit"}


def keep_original(mine: Scope, row: models.Activity, name: str, data: bytes, limit: int) -> None:
    keep(mine, row.id, name, data, limit)


def keep(mine: Scope, activity_id: int, name: str, data: bytes, limit: int) -> bool:
    """Keep `data` as the original file of the scope's athlete's activity; False when it is
    empty or over `limit`."""
    if not data or len(data) > limit:
        return False
    # zlib level 1: on the sample FIT files 7 % larger than level 6, several times faster
    mine.db.add(mine.new(models.ActivityFile, activity_id=activity_id, name=name,
                         size=len(data), content=zlib.compress(data, 1)))
    return True


def has_original(mine: Scope, activity_id: int) -> bool:
    return mine.db.scalar(mine.select(models.ActivityFile.id).where(
        models.ActivityFile.activity_id == activity_id)) is not None


def original(db: Session, actor: Actor, activity_id: int) -> tuple[str, bytes]:
    """The file name and bytes the activity was imported from."""
    mine, _ = reach(db, actor, models.Activity, activity_id)
    row = db.scalar(mine.select(models.ActivityFile).where(
        models.ActivityFile.activity_id == activity_id))
    if row is None:
        raise NotFound("This activity has no original file: it was logged by hand, or imported "
                       "before files were kept.")
    return row.name, zlib.decompress(row.content)


def _as_activity(row: models.Activity) -> Activity:
    samples = samples_of(row) or Samples.empty()
    try:
        sport = Sport(row.sport)
    except ValueError:
        sport = Sport.OTHER
    return Activity(sport=sport, start=row.start, duration_s=row.duration_s,
                    distance_m=row.distance_m, moving_s=row.moving_s, ascent_m=row.ascent_m,
                    avg_hr=row.avg_hr, max_hr=row.max_hr, avg_cadence_spm=row.avg_cadence_spm,
                    name=display_name(row), samples=samples)


def export(db: Session, actor: Actor, activity_id: int, fmt: str) -> tuple[str, bytes]:
    """(file name, content) of the activity as GPX, TCX or FIT."""
    if fmt not in EXPORT_FORMATS:
        raise Invalid("Choose an export format.", details=["format: gpx, tcx or fit"])
    row = owned(db, actor, models.Activity, activity_id)
    activity = _as_activity(row)
    text = to_fit(activity) if fmt == "fit" else (
        to_gpx(activity) if fmt == "gpx" else to_tcx(activity)).encode()
    slug = re.sub(r"[^a-z0-9]+", "-", display_name(row).lower()).strip("-") or "activity"
    return f"{row.day.isoformat()}-{slug}.{fmt}", text
