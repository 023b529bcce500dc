"""Decision trees: three-valued logic, running a tree, the decision over all trees, diagrams."""

from yolvarex.domain.trees.decision import DISCLAIMER, RED_FLAGS_TREE, Decision, Engine
from yolvarex.domain.trees.engine import CompiledTree, Step, TreeResult

__all__ = ["DISCLAIMER", "RED_FLAGS_TREE", "CompiledTree", "Decision", "Engine", "Step",
           "TreeResult"]
