"""The API of pillar 1: the verdict of a day, stateless decisions, the trees, coach trees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yolvarex.api.answers import CoachTreeOut, DecisionOut, TreeDocumentOut, ValidationOut
from yolvarex.api.auth import api_actor, db_session
from yolvarex.domain.trees.render import FORMATS, render
from yolvarex.errors import Invalid, NotFound
from yolvarex.services import custom_trees, decisions, verdict
from yolvarex.services.decisions import TreeSummary
from yolvarex.store.access import Actor

router = APIRouter(prefix="/api/v1", tags=["decisions"])


class DecideBody(BaseModel):
    checkin: dict[str, Any] = Field(description="A check-in with the API's field names; `date` is required.")
    context: dict[str, Any] | None = Field(default=None, description="Context facts, e.g. "
                                           "{\"acwr\": 1.3, \"planned\": \"tempo\"}.")


class TreeSource(BaseModel):
    source: str = Field(description="The tree in YAML, as in `yolvarex tree show ID --json`.")


@router.get("/decisions/{day}", response_model=DecisionOut,
            summary="The verdict of a day, with every tree's path")
def decision_for(day: dt.date, athlete_id: int | None = Query(None, description="An athlete you "
                                                              "coach; default: yourself."),
                 actor: Actor = Depends(api_actor),
                 db: Session = Depends(db_session)) -> dict[str, Any]:
    return decisions.decide_day(db, actor, day, athlete_id).as_json()


@router.post("/decide", response_model=DecisionOut,
             summary="A verdict from a check-in and context facts (nothing stored)")
def decide(body: DecideBody, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    checkin = verdict.parse_checkin(body.checkin)
    context = verdict.parse_context(body.context) if body.context is not None else None
    return verdict.decide_stateless(checkin, context).as_json()


@router.get("/trees", response_model=list[TreeSummary],
            summary="The trees that decide your verdict: shipped ones, then your coaches'")
def list_trees(actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> list[TreeSummary]:
    return [i.summary() for i in decisions.trees_for(db, actor)]


@router.post("/trees/validate", response_model=ValidationOut, summary="Check a tree written in YAML")
def validate_tree(body: TreeSource, actor: Actor = Depends(api_actor)) -> dict[str, Any]:
    tree, errors = custom_trees.validate_source(body.source)
    return {"valid": tree is not None, "errors": [e.as_dict() for e in errors]}


@router.get("/trees/{tree_id:path}/diagram", response_class=PlainTextResponse,
            responses={200: {"content": {"text/plain": {}}, "description": "Mermaid or DOT"}},
            summary="A tree as a Mermaid or DOT diagram, optionally with a day's path marked")
def diagram(tree_id: str, format: str = Query("mermaid", description="mermaid or dot"),
            day: dt.date | None = Query(None, alias="date", description="Mark your path on this day."),
            actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> Response:
    if format not in FORMATS:
        raise Invalid(f"Unknown format {format!r}; use one of: {', '.join(FORMATS)}.")
    info = decisions.tree_named(db, actor, tree_id)
    path: list[tuple[str, str]] = []
    if day is not None:
        result = decisions.decide_day(db, actor, day).tree(info.id)
        path = [(s.node, s.result) for s in result.path]
    return PlainTextResponse(render(info.tree, format, path))


@router.get("/trees/{tree_id:path}", summary="One tree: its questions and verdicts",
            response_model=TreeDocumentOut)
def show_tree(tree_id: str, actor: Actor = Depends(api_actor),
              db: Session = Depends(db_session)) -> dict[str, Any]:
    return decisions.tree_named(db, actor, tree_id).document()


def _stored(s: custom_trees.StoredTree, source: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.tree_id, "title": s.tree.title if s.tree else None,
                           "valid": s.valid, "errors": [e.as_dict() for e in s.errors],
                           "updated_at": s.updated_at.isoformat()}
    if source:
        out["source"] = s.source
    return out


@router.get("/coach/trees", summary="The trees you wrote as a coach",
            response_model=list[CoachTreeOut], response_model_exclude_unset=True)
def my_trees(actor: Actor = Depends(api_actor), db: Session = Depends(db_session)) -> list[dict[str, Any]]:
    return [_stored(s) for s in custom_trees.list_own(db, actor)]


@router.get("/coach/trees/{tree_id}", summary="One of your trees, with its YAML",
            response_model=CoachTreeOut, response_model_exclude_unset=True)
def my_tree(tree_id: str, actor: Actor = Depends(api_actor),
            db: Session = Depends(db_session)) -> dict[str, Any]:
    return _stored(custom_trees.get_own(db, actor, tree_id), source=True)


@router.put("/coach/trees/{tree_id}",
            summary="Create or replace one of your trees (validated; applies to your athletes)",
            response_model=CoachTreeOut, response_model_exclude_unset=True)
def put_tree(tree_id: str, body: TreeSource = Body(...), actor: Actor = Depends(api_actor),
             db: Session = Depends(db_session)) -> dict[str, Any]:
    tree, _ = custom_trees.validate_source(body.source, owner=actor.name)
    if tree is not None and tree.id != tree_id:
        raise Invalid(f"The tree's id is {tree.id!r} but the URL says {tree_id!r}; make them match.")
    try:
        custom_trees.get_own(db, actor, tree_id)
        replace: str | None = tree_id
    except NotFound:
        replace = None
    custom_trees.save(db, actor, body.source, replace=replace)
    db.commit()
    return _stored(custom_trees.get_own(db, actor, tree_id))


@router.delete("/coach/trees/{tree_id}", status_code=204, summary="Delete one of your trees")
def delete_tree(tree_id: str, actor: Actor = Depends(api_actor),
                db: Session = Depends(db_session)) -> Response:
    custom_trees.delete(db, actor, tree_id)
    db.commit()
    return Response(status_code=204)
