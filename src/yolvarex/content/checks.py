"""Checks across entries: every referenced id exists, links go both ways, trees are sound."""

from __future__ import annotations

from collections.abc import Callable

from yolvarex.content.form_checks import check_form_library
from yolvarex.content.kinds import KINDS
from yolvarex.content.library import Library
from yolvarex.content.loader import ContentError
from yolvarex.content.recovery_checks import check_recovery
from yolvarex.content.schemas.tree import Leaf, Question, Tree

Check = Callable[[Library], list[ContentError]]


def _file(kind: str) -> str:
    return f"data/{kind}"


def check_refs(library: Library) -> list[ContentError]:
    errors = []
    for kind in KINDS:
        for entry in library.of_kind(kind.name).values():
            for target_kind, target_id, field in entry.refs():
                if target_id not in library.of_kind(target_kind):
                    errors.append(ContentError(
                        _file(kind.name), id=entry.id, field=field,
                        message=f"refers to {target_kind} id {target_id!r}, which does not exist;"
                                f" fix the id or add that entry"))
    return errors


def check_form_links(library: Library) -> list[ContentError]:
    """A fault's cues name that fault, and a drill's faults list that drill, and back."""
    errors = []
    for fault in library.faults.values():
        for cue_id in fault.cues:
            cue = library.cues.get(cue_id)
            if cue and fault.id not in cue.faults:
                errors.append(ContentError(_file("faults"), id=fault.id, field="cues",
                              message=f"cue {cue_id!r} does not list this fault back; add "
                                      f"{fault.id!r} to its faults"))
        for drill_id in fault.drills:
            drill = library.drills.get(drill_id)
            if drill and fault.id not in drill.faults:
                errors.append(ContentError(_file("faults"), id=fault.id, field="drills",
                              message=f"drill {drill_id!r} does not list this fault back; add "
                                      f"{fault.id!r} to its faults"))
    for cue in library.cues.values():
        for fault_id in cue.faults:
            linked = library.faults.get(fault_id)
            if linked and cue.id not in linked.cues:
                errors.append(ContentError(_file("cues"), id=cue.id, field="faults",
                              message=f"fault {fault_id!r} does not list this cue back; add "
                                      f"{cue.id!r} to its cues"))
    for drill in library.drills.values():
        for fault_id in drill.faults:
            linked = library.faults.get(fault_id)
            if linked and drill.id not in linked.drills:
                errors.append(ContentError(_file("drills"), id=drill.id, field="faults",
                              message=f"fault {fault_id!r} does not list this drill back; add "
                                      f"{drill.id!r} to its drills"))
    return errors


def tree_structure_errors(tree: Tree, file: str) -> list[ContentError]:
    """Root and branch targets exist, ids are unique, no cycles, every node reachable."""
    errors: list[ContentError] = []
    ids = [n.id for n in tree.nodes]
    by_id = {n.id: n for n in tree.nodes}
    for dup in {i for i in ids if ids.count(i) > 1}:
        errors.append(ContentError(file, id=tree.id, field=f"nodes.{dup}",
                                   message="node id used twice; node ids must be unique"))
    if tree.root not in by_id:
        errors.append(ContentError(file, id=tree.id, field="root",
                                   message=f"root {tree.root!r} is not a node of this tree"))
        return errors
    for node in tree.nodes:
        if isinstance(node, Question):
            for branch in ("yes", "no", "unknown"):
                target = getattr(node, branch)
                if target is not None and target not in by_id:
                    errors.append(ContentError(file, id=tree.id, field=f"nodes.{node.id}.{branch}",
                                  message=f"goes to {target!r}, which is not a node of this tree"))
    if errors:
        return errors
    seen: set[str] = set()
    on_path: set[str] = set()

    def walk(node_id: str) -> None:
        if node_id in on_path:
            errors.append(ContentError(file, id=tree.id, field=f"nodes.{node_id}",
                          message="this node is part of a cycle; every path must end in a verdict"))
            return
        if node_id in seen:
            return
        seen.add(node_id)
        node = by_id[node_id]
        if isinstance(node, Leaf):
            return
        on_path.add(node_id)
        for target in (node.yes, node.no, node.unknown):
            if target is not None:
                walk(target)
        on_path.discard(node_id)

    walk(tree.root)
    for node_id in ids:
        if node_id not in seen:
            errors.append(ContentError(file, id=tree.id, field=f"nodes.{node_id}",
                          message="no path from the root reaches this node; link it or remove it"))
    return errors


def check_trees(library: Library) -> list[ContentError]:
    errors = []
    for tree in library.trees.values():
        errors += tree_structure_errors(tree, _file("trees"))
    return errors


def check_ladders(library: Library) -> list[ContentError]:
    errors = []
    for ladder in library.ladders.values():
        if len(set(ladder.steps)) != len(ladder.steps):
            errors.append(ContentError(_file("ladders"), id=ladder.id, field="steps",
                                       message="an exercise appears twice on this ladder"))
    return errors


CHECKS: list[Check] = [check_refs, check_form_links, check_trees, check_ladders]
CHECKS.append(check_form_library)


def check_ladder_order(library: Library) -> list[ContentError]:
    """A ladder climbs within one pattern family, and no rung is easier than the one before."""
    from itertools import pairwise

    errors = []
    for ladder in library.ladders.values():
        steps = [library.exercises[s] for s in ladder.steps if s in library.exercises]
        families = sorted({e.family for e in steps})
        if len(families) > 1:
            errors.append(ContentError(_file("ladders"), id=ladder.id, field="steps",
                                       message=f"mixes pattern families ({', '.join(families)}); "
                                               "keep a ladder to one family"))
        for lower, higher in pairwise(steps):
            if higher.level < lower.level:
                errors.append(ContentError(
                    _file("ladders"), id=ladder.id, field="steps",
                    message=f"{higher.id!r} (level {higher.level}) comes after {lower.id!r} "
                            f"(level {lower.level}); order the rungs from easiest to hardest"))
    return errors


def check_exercise_alternatives(library: Library) -> list[ContentError]:
    """An alternative does the same job (same family) and needs some other equipment."""
    errors = []
    for exercise in library.exercises.values():
        for alt_id in exercise.alternatives:
            alt = library.exercises.get(alt_id)
            if alt is None:
                continue
            if alt.family != exercise.family:
                errors.append(ContentError(_file("exercises"), id=exercise.id, field="alternatives",
                              message=f"{alt_id!r} trains another pattern family ({alt.family}); "
                                      "an alternative should do the same job"))
            if set(alt.equipment) <= set(exercise.equipment):
                errors.append(ContentError(_file("exercises"), id=exercise.id, field="alternatives",
                              message=f"{alt_id!r} needs no equipment this one lacks; list "
                                      "alternatives for other equipment only"))
    return errors


CHECKS += [check_ladder_order, check_exercise_alternatives]


def check_tree_rules(library: Library) -> list[ContentError]:
    """Fact types, unknown branches, red-flag precedence (see `tree_rules`)."""
    from yolvarex.content.tree_rules import check_tree_rules as rules

    return rules(library)


CHECKS.append(check_tree_rules)


def check_library(library: Library) -> list[ContentError]:
    errors: list[ContentError] = []
    for check in CHECKS:
        errors += check(library)
    return errors


CHECKS.append(check_recovery)


def check_figures(library: Library) -> list[ContentError]:
    """Every exercise, drill and movement has poses within human ranges, above the floor, with
    its contacts where it says (see `pose_checks`)."""
    from yolvarex.content.pose_checks import check_poses

    return check_poses(library)


CHECKS.append(check_figures)


def check_trust(library: Library) -> list[ContentError]:
    """Evidence used, neighbours present, routine lengths, spelling (see `trust_checks`)."""
    from yolvarex.content.trust_checks import TRUST_CHECKS

    return [e for check in TRUST_CHECKS for e in check(library)]


CHECKS.append(check_trust)
