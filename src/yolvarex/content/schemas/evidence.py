"""A published source a rule or an entry rests on, with its finding in our own words."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from yolvarex.content.schemas.common import Entry, Paragraph, Sentence


def isbn13_check(first12: str) -> str:
    """The check digit of an ISBN-13 from its first twelve digits."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


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
    pmid: Annotated[int, Field(ge=1)] | None = None
    isbn: Annotated[str, StringConstraints(pattern=r"^97[89]\d{10}$")] | None = None
    volume_pages: Annotated[str, StringConstraints(
        pattern=r"^\d+(\(\d+\))?:\d+(-\d+)?$")] | None = Field(default=None, description=(
            "where it is printed: volume(issue):first-last page, e.g. 21(1):125-135"))
    finding: Paragraph
    caveat: Paragraph | None = None

    @model_validator(mode="after")
    def _isbn_adds_up(self) -> Evidence:
        if self.isbn and isbn13_check(self.isbn[:12]) != self.isbn[12]:
            raise ValueError(f"ISBN {self.isbn} fails its check digit; copy it again")
        return self

    @property
    def pubmed(self) -> str | None:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    @property
    def located(self) -> bool:
        """Whether a reader can find the source: a DOI, a link, a PubMed id, an ISBN, or the
        volume and pages it is printed on."""
        return bool(self.doi or self.url or self.pmid or self.isbn or self.volume_pages)

    @property
    def short(self) -> str:
        lead = self.authors.split(",")[0].split(" ")
        is_person = len(lead) == 2 and lead[1].isupper()  # "Foster C"; not "American College of ..."
        first = lead[0] if is_person else self.authors.split(",")[0]
        more = " et al." if "," in self.authors else ""
        return f"{first}{more} {self.year}"
