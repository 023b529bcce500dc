"""The one error the readers raise: which file, what is wrong with it, and what to do."""

from __future__ import annotations


class ActivityFileError(Exception):
    """A file that cannot be read as an activity. `str()` is a sentence a person understands."""

    def __init__(self, file: str, problem: str, fix: str = "") -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: {problem}" + (f" {fix}" if fix else ""))

    @property
    def reason(self) -> str:
        """The message without the file name (for reports that show the file in a column)."""
        return self.problem + (f" {self.fix}" if self.fix else "")
