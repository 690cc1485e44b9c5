"""The corpus as pydantic models: what docs/format.md allows, and nothing else.

These models describe content only. Where each item was written is kept
beside them by the loader (``Corpus.sources``), so the same models also give
``argmap schema`` its JSON Schema for editors.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
RESERVED_QUESTION_IDS = ("all", "index", "schools")
WEIGHTS = {"weak": 0.25, "moderate": 0.5, "strong": 0.75}

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Ref = Annotated[str, Field(min_length=1)]
Text = Annotated[str, StringConstraints(min_length=1)]
Weight = Literal["weak", "moderate", "strong"]
Stance = Literal["supports", "undermines"]
EvidenceKind = Literal["event", "treaty", "policy", "speech", "document", "statistic", "quotation"]
CommandTerm = Literal[
    "to what extent",
    "compare and contrast",
    "evaluate",
    "discuss",
    "examine",
    "analyse",
    "assess",
    "explain",
]

_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE = re.compile(rf"^({_DAY})(?:/({_DAY}))?$")
# The likeliest way to get a range wrong: 1905-1914, 1905 - 1914, 1905–1914.
_DASHED_RANGE = re.compile(r"^(\d{4})\s*[-\u2013\u2014]\s*(\d{4})$")


def date_bounds(date: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a docs/format.md date can mean, as (y, m, d) tuples.

    Raises ValueError for anything that is not ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD`` or a range ``start/end`` of those with start not after end.

    >>> date_bounds("1936/1939-03")
    ((1936, 1, 1), (1939, 3, 31))
    """
    match = _DATE.match(date)
    if not match:
        dashed = _DASHED_RANGE.match(date.strip())
        if dashed:
            raise ValueError(f"bad date '{date}': a date range is written {dashed.group(1)}/{dashed.group(2)}")
        raise ValueError(f"bad date '{date}': write 1939, 1939-08, 1939-08-23 or a range 1936/1939")
    start = _day_bounds(match.group(1), date)
    end = _day_bounds(match.group(2), date) if match.group(2) else start
    if start[0] > end[1]:
        raise ValueError(f"bad date '{date}': the range starts after it ends")
    return start[0], end[1]


def _day_bounds(text: str, whole: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return (year, 1, 1), (year, 12, 31)
    month = parts[1]
    if not 1 <= month <= 12:
        raise ValueError(f"bad date '{whole}': month {month:02d} does not exist")
    last = _days_in_month(year, month)
    if len(parts) == 2:
        return (year, month, 1), (year, month, last)
    day = parts[2]
    if not 1 <= day <= last:
        raise ValueError(f"bad date '{whole}': day {day:02d} does not exist in {year}-{month:02d}")
    return (year, month, day), (year, month, day)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimEvidenceLink(_Item):
    """An evidence link written under the evidence: the same edge as listing
    the evidence under ``claim``."""

    claim: Ref
    stance: Stance
    weight: Weight = "moderate"
    reading: Text | None = None


class Evidence(_Item):
    """A dated fact, document or quotation that claims rest on."""

    id: Id
    title: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    # The words drawn on the map's box; the map never cuts a label, so a
    # title too long for its box needs a shorter one here.
    label: Annotated[str, StringConstraints(min_length=1, max_length=48)] | None = None
    date: Text
    kind: EvidenceKind = "event"
    detail: Text | None = None
    quote: Text | None = None
    speaker: Text | None = None
    source: Text
    tags: list[Text] = []
    # Links written from the evidence's side: lets a file (a student's own)
    # add evidence to claims defined elsewhere.
    links: list[ClaimEvidenceLink] = []

    @field_validator("date")
    @classmethod
    def _valid_date(cls, value: str) -> str:
        date_bounds(value)
        return value

    @model_validator(mode="after")
    def _quotation_has_quote(self) -> "Evidence":
        if self.kind == "quotation" and not self.quote:
            raise ValueError("a quotation needs its exact words in 'quote'")
        return self

    @property
    def years(self) -> tuple[int, int]:
        """First and last year the date covers, for period checks."""
        start, end = date_bounds(self.date)
        return start[0], end[0]


class EvidenceLink(_Item):
    """How one claim uses one evidence item."""

    ref: Ref
    stance: Stance
    weight: Weight = "moderate"
    reading: Text | None = None


class ClaimLink(_Item):
    """A claim -> claim relation; a bare id in YAML means moderate weight."""

    ref: Ref
    weight: Weight = "moderate"


def _bare_refs(value: object) -> object:
    if isinstance(value, list):
        return [{"ref": v} if isinstance(v, str) else v for v in value]
    return value


class Claim(_Item):
    """One proposition a school argues for or against."""

    id: Id
    text: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    label: Annotated[str, StringConstraints(min_length=1, max_length=60)] | None = None
    evidence: list[EvidenceLink] = []
    supports: list[ClaimLink] = []
    undermines: list[ClaimLink] = []
    # Side node ids (``question/side``): as if that side listed this claim.
    sides: list[Ref] = []

    _bare = field_validator("supports", "undermines", mode="before")(lambda cls, v: _bare_refs(v))

    @property
    def short_label(self) -> str:
        """The node label: ``label``, else the text cut at a word before 60 characters."""
        if self.label:
            return self.label
        if len(self.text) < 60:
            return self.text
        cut = self.text[:59]
        if " " in cut:
            cut = cut[: cut.rfind(" ")]
        return cut.rstrip(" ,;:.") + "…"


class Work(_Item):
    title: Text
    year: int | None = None


class Historian(_Item):
    name: Text
    works: list[Work] = []


class School(_Item):
    """An interpretive school: a thesis, its historians, the claims it argues."""

    id: Id
    name: Text
    summary: Text
    era: Text | None = None
    historians: list[Historian] = []
    holds: list[Ref] = []
    rejects: list[Ref] = []


class Side(_Item):
    """One answer to a question, made of the claims listed on it."""

    id: Id
    label: Text
    claims: Annotated[list[Ref], Field(min_length=1)]


class Question(_Item):
    """A Paper 3 question, past (with a session) or practice (without)."""

    id: Id
    text: Text
    paper: int = 3
    session: Text | None = None
    command_term: CommandTerm
    period: tuple[int, int] | None = None
    sides: Annotated[list[Side], Field(min_length=2)]

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in RESERVED_QUESTION_IDS:
            raise ValueError(f"'{value}' cannot be a question id: it names another page or command")
        return value

    @field_validator("period")
    @classmethod
    def _ordered_period(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and value[0] > value[1]:
            raise ValueError(f"bad period: {value[0]} is after {value[1]}")
        return value

    @field_validator("paper")
    @classmethod
    def _valid_paper(cls, value: int) -> int:
        if not 1 <= value <= 3:
            raise ValueError(f"bad paper {value}: IB History has papers 1, 2 and 3")
        return value


class Note(_Item):
    """A reader's own remark on a node: shown with it, never weighed."""

    on: Ref
    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class WeightChange(_Item):
    """A reader's own weight for an argument link written elsewhere
    (evidence -> claim or claim -> claim), or ``aside``: the link stays
    drawn but no longer counts. Lets a student's file disagree with a
    course link without copying it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Ref = Field(alias="from")
    to: Ref
    weight: Literal["weak", "moderate", "strong", "aside"]


class CorpusFile(BaseModel):
    """One corpus file: any of the six lists. Used for ``argmap schema``."""

    model_config = ConfigDict(extra="forbid", title="argmap corpus file")

    evidence: list[Evidence] = []
    claims: list[Claim] = []
    schools: list[School] = []
    questions: list[Question] = []
    notes: list[Note] = []
    weights: list[WeightChange] = []


ITEM_MODELS: dict[str, type[_Item]] = {
    "evidence": Evidence,
    "claims": Claim,
    "schools": School,
    "questions": Question,
    "notes": Note,
    "weights": WeightChange,
}
