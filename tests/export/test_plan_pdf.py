"""The printable plan as a PDF: one week per page, sessions, doses, boxes to tick; and a clear
message when WeasyPrint is not installed."""

from __future__ import annotations

import builtins
import io
import json

import pytest
from pypdf import PdfReader

from tests.conftest import web_login
from tests.domain.test_plan import ISSUE_PROFILE
from yolvarex.domain.plan import generate_plan
from yolvarex.domain.plan.profile import Profile
from yolvarex.export import plan_print
from yolvarex.services import plans
from yolvarex.services.runtime import library

SHORT = {**ISSUE_PROFILE, "weeks": 3, "race": None}


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_a_pdf_with_a_page_per_week(rt, make_user, client, cli, tmp_path) -> None:
    lib = library()
    plan = generate_plan(Profile.model_validate(SHORT), lib)
    pages, text = _text(plan_print.to_pdf(plan_print.plan_document(plan, lib, "ann")))
    assert pages >= len(plan.weeks) == 3
    assert "Strength plan for ann" in text and "Week 3" in text
    first = plan.weeks[0].sessions[0]
    assert lib.exercises[first.blocks[1].exercises[0].exercise].title in text
    assert "☐" in text or "\u2610" in text
    # the faces: the web download and `plan show --pdf`
    ann = make_user("ann")
    with rt.db.session() as db:
        plans.create_plan(db, ann, SHORT, rt.library)
    web_login(client, "ann")
    download = client.get("/plan.pdf")
    assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
    assert _text(download.content)[0] >= 3
    out = tmp_path / "plan.pdf"
    shown = cli("plan", "show", "--pdf", str(out), "--json", "--user", "ann")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["profile"]["weeks"] == 3
    assert out.read_bytes().startswith(b"%PDF")


def test_without_weasyprint_the_message_says_how_to_install_it(monkeypatch) -> None:
    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(plan_print.PdfUnavailable, match=r"yolvarex\[pdf\]"):
        plan_print.to_pdf("<p>plan</p>")
