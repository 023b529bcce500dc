"""The Trees pages: every tree as a diagram with today's path marked, walkable question by
question; and the coach's tree editor with validation and a diagram preview."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from yolvarex import clock
from yolvarex.content.loader import ContentError
from yolvarex.content.schemas.tree import Leaf, Question, Tree, describe
from yolvarex.domain.facts import CATALOG
from yolvarex.domain.trees import paths
from yolvarex.errors import Forbidden, UserError
from yolvarex.services import custom_trees, decisions
from yolvarex.store.access import Actor
from yolvarex.web import core
from yolvarex.web.tree_stack import tree_stack_svg
from yolvarex.web.tree_svg import tree_svg
from yolvarex.web.verdicts import DecisionView, decision_view

router = APIRouter(include_in_schema=False, dependencies=[core.Protected])

EXAMPLE = """\
id: hill-week
title: Sore legs in hill week
summary: Swap running for the bike when the legs are still very sore from hill repeats.
root: very-sore
nodes:
  - id: very-sore
    kind: question
    ask: Is your muscle soreness 6 out of 10 or more?
    test: {fact: soreness, op: ">=", value: 6}
    yes: bike-instead
    no: as-planned
    unknown: as-planned
  - id: bike-instead
    kind: leaf
    verdict: cross_train
    advice: Ride the bike easy for 40 minutes instead of running; your legs need another day.
    routines: [post-run-cool-down]
    evidence: [saw-2016]
  - id: as-planned
    kind: leaf
    verdict: train
    advice: Your legs are ready for the planned session.
    evidence: [saw-2016]
"""


def _outline(tree: Tree) -> list[dict[str, object]]:
    """The tree as text, node by node, for people who do not read the diagram."""
    rows: list[dict[str, object]] = []
    for node in tree.nodes:
        if isinstance(node, Question):
            branches = [(b, getattr(node, b)) for b in ("yes", "no", "unknown") if getattr(node, b)]
            rows.append({"id": node.id, "question": node.ask, "test": describe(node.test),
                         "branches": branches})
        elif isinstance(node, Leaf):
            rows.append({"id": node.id, "verdict": node.verdict, "advice": node.advice,
                         "evidence": node.evidence, "routines": node.routines})
    return rows


def _today(request: Request, actor: Actor) -> tuple[list[decisions.TreeInfo], DecisionView]:
    day = clock.today(actor.timezone)
    rt = core.runtime(request)
    with rt.db.session() as db:
        infos = decisions.trees_for(db, actor)
        decision = decisions.decide_day(db, actor, day)
    return infos, decision_view(decision, rt.library)


@router.get("/trees")
def index(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    infos, view = _today(request, actor)
    cards = []
    for info in infos:
        result = view.tree(info.id)
        # The overview shows today's path through each tree in words (it fits any screen and
        # keeps the page light); the tree's own page draws the whole tree.
        cards.append({"info": info, "result": result})
    return core.render(request, "trees/index.html", {"cards": cards, "view": view},
                       section="trees")


WALK_ANSWERS = {"yes": "Yes", "no": "No", "unknown": "I don't know"}


@router.get("/trees/{tree_id:path}/walk")
def walk(request: Request, tree_id: str, answers: str = "",
         actor: Actor = Depends(core.login_required)) -> Response:
    with core.runtime(request).db.session() as db:
        info = decisions.tree_named(db, actor, tree_id)
    taken, node = paths.answered(info.tree, answers.split(","))
    steps = [{"ask": q.ask, "answer": WALK_ANSWERS[answer]} for q, answer in taken]
    trail = ",".join(answer for _, answer in taken)
    back = ",".join(answer for _, answer in taken[:-1]) if taken else None
    return core.render(request, "trees/walk.html", {
        "info": info, "steps": steps, "node": node, "trail": trail, "back": back,
        "is_question": isinstance(node, Question), "lib": core.runtime(request).library},
        section="trees")


@router.get("/trees/{tree_id:path}")
def detail(request: Request, tree_id: str, actor: Actor = Depends(core.login_required)) -> Response:
    rt = core.runtime(request)
    with rt.db.session() as db:
        info = decisions.tree_named(db, actor, tree_id)
        view = decision_view(decisions.decide_day(db, actor, clock.today(actor.timezone)), rt.library)
    result = view.tree(info.id)
    path = [(s.node, s.result) for s in result.steps] if result else []
    return core.render(request, "trees/detail.html", {
        "info": info, "result": result, "svg": tree_svg(info.tree, path),
        "narrow": tree_stack_svg(info.tree, path),
        "outline": _outline(info.tree), "lib": rt.library}, section="trees")


# --- the coach's editor ----------------------------------------------------------------------


def _require_coach(actor: Actor) -> None:
    if not actor.is_coach:
        raise Forbidden("Only coach accounts write decision trees. A coach's trees apply to the "
                        "athletes who accepted them.")


def _editor(request: Request, source: str, replace: str | None, *, status: int = 200,
            preview: bool = False, error: str | None = None) -> Response:
    ctx = _preview_context(source, request) if preview else {}
    lib = core.runtime(request).library
    return core.render(request, "trees/edit.html", {
        "source": source, "replace": replace, "error": error, "catalog": CATALOG.values(),
        "evidence": sorted(lib.evidence.values(), key=lambda e: e.id), **ctx},
        status_code=status, section="coach")


@dataclass(frozen=True)
class LineError:
    """One problem of the tree being written, with the line of the YAML it is on."""

    line: int | None
    text: str  # the problem, without the file name and line (shown apart)


def line_errors(errors: list[ContentError]) -> list[LineError]:
    out = []
    for e in errors:
        what = " ".join(x for x in (e.id and f"[{e.id}]", e.field and f"{e.field}:") if x)
        out.append(LineError(e.line, f"{what} {e.message}".strip()))
    return sorted(out, key=lambda e: (e.line is None, e.line or 0))


def _preview_context(source: str, request: Request) -> dict[str, object]:
    login = core.current_login(request)
    owner = login.actor.name if login else None
    tree, errors = custom_trees.validate_source(source, owner=owner)
    return {"checked": True, "errors": line_errors(errors),
            "svg": tree_svg(tree) if tree is not None else None,
            "narrow": tree_stack_svg(tree) if tree is not None else None, "tree": tree}


@router.get("/coach/trees")
def coach_trees(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    _require_coach(actor)
    with core.runtime(request).db.session() as db:
        stored = custom_trees.list_own(db, actor)
    return core.render(request, "trees/coach.html", {"stored": stored}, section="coach")


@router.get("/coach/trees/new")
def new_tree(request: Request, actor: Actor = Depends(core.login_required)) -> Response:
    _require_coach(actor)
    return _editor(request, EXAMPLE, None)


@router.get("/coach/trees/{tree_id}/edit")
def edit_tree(request: Request, tree_id: str, actor: Actor = Depends(core.login_required)) -> Response:
    _require_coach(actor)
    with core.runtime(request).db.session() as db:
        stored = custom_trees.get_own(db, actor, tree_id)
    return _editor(request, stored.source, stored.tree_id, preview=True)


@router.post("/coach/trees/preview")
def preview(request: Request, source: str = Form(""),
            actor: Actor = Depends(core.login_required)) -> Response:
    """The HTMX partial: errors, or the diagram of a valid tree."""
    _require_coach(actor)
    return core.render(request, "trees/_preview.html", _preview_context(source, request))


@router.post("/coach/trees")
def save_tree(request: Request, source: str = Form(""), replace: str = Form(""),
              action: str = Form("save"), actor: Actor = Depends(core.login_required)) -> Response:
    _require_coach(actor)
    if action == "preview":
        return _editor(request, source, replace or None, preview=True)
    try:
        with core.runtime(request).db.session() as db:
            tree = custom_trees.save(db, actor, source, replace=replace or None)
    except UserError as exc:
        return _editor(request, source, replace or None, status=exc.status, preview=True,
                       error=exc.message)
    return core.redirect("/coach/trees", f"Tree {tree.id!r} saved; it now applies to your athletes.")


@router.post("/coach/trees/{tree_id}/delete")
def delete_tree(request: Request, tree_id: str, actor: Actor = Depends(core.login_required)) -> Response:
    _require_coach(actor)
    with core.runtime(request).db.session() as db:
        custom_trees.delete(db, actor, tree_id)
    return core.redirect("/coach/trees", f"Tree {tree_id!r} deleted.")
