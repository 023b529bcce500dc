"""A published source a rule or an entry rests on, with its finding in our own words."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from yolvarex.content.schemas.common import Entry, Paragraph, Sentence


class SourceKind(StrEnum):
    TRIAL = "trial"
    STUDY = "study"
    REVIEW = "review"
    CONSENSUS = "consensus"
    GUIDELINE = "guideline"
    LETTER = "letter"  # a letter or commentary: an argument, not new data
    MANUFACTURER = "manufacturer"


class Evidence(Entry):
    authors: Sentence
    year: Annotated[int, Field(ge=1900, le=2100)]
    title: Sentence
    journal: Sentence
    kind: SourceKind
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] | None = None
    finding: Paragraph
    caveat: Paragraph | None = None

    @property
    def short(self) -> str:
        lead = self.authors.split(",")[0].split(" ")
        is_person = len(lead) == 2 and lead[1].isupper()  # "Foster C"; not "American College of ..."
        first = lead[0] if is_person else self.authors.split(",")[0]
        more = " et al." if "," in self.authors else ""
        return f"{first}{more} {self.year}"
