"""The dataset: eval cases in the contract §2 format, `<cases-dir>/<case-id>/article.txt` and
`gold.json`.

Gold is validated with pydantic models that forbid unknown keys, so a typo in a hand-written label
("mesure_keywords") fails loudly with the file named instead of being silently ignored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from summarizer.models import Qualifier, SourceKind


class CaseError(Exception):
    """A case folder that cannot be used; the message names the file and what is wrong."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldFigure(_Strict):
    value: float
    measure: str
    # accepted claimant names; None means the article attributes the figure to nobody
    source: list[str] | None = None
    source_optional: bool = False
    # None accepts any qualifier; a list accepts any of its members
    qualifier: list[Qualifier] | None = None
    upper: float | None = None
    alternatives: list[float] = Field(default_factory=list)
    measure_keywords: list[str] = Field(default_factory=list)
    required: bool = True

    @field_validator("qualifier", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class GoldEvent(_Strict):
    description: str
    keywords: list[list[str]] = Field(min_length=1)
    required: bool = True

    @field_validator("keywords")
    @classmethod
    def _no_empty_group(cls, groups: list[list[str]]) -> list[list[str]]:
        if any(not group for group in groups):
            raise ValueError("every keyword group needs at least one word")
        return groups


class GoldSource(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    required: bool = True
    # person | organisation | government | media | anonymous | document; None: not checked
    kind: SourceKind | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class GoldSummary(_Strict):
    must_mention: list[list[str]] = Field(default_factory=list)
    max_words: int = Field(default=150, gt=0)


class GoldQuote(_Strict):
    """A direct quote: a verbatim stretch of it and who says it."""

    text: str = Field(min_length=8)
    speaker: list[str] = Field(min_length=1)
    required: bool = True


class GoldDispute(_Strict):
    """Sources disagreeing on one measure, place and time: the competing values."""

    values: list[float] = Field(min_length=2)
    measure: str = ""
    required: bool = True


class GoldHeadline(_Strict):
    """The lede's main news, as keyword groups a headline must carry (one word per group)."""

    must_mention: list[list[str]] = Field(default_factory=list)


class GoldOrigin(_Strict):
    """Where a published article comes from (real-news cases)."""

    publisher: str
    licence: str
    url: str | None = None
    repo: str | None = None
    path: str | None = None
    commit: str | None = None
    published: str | None = None
    genre: str | None = None


class Gold(_Strict):
    id: str
    figures: list[GoldFigure] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    sources: list[GoldSource] = Field(default_factory=list)
    summary: GoldSummary = Field(default_factory=GoldSummary)
    loaded_terms: list[str] = Field(default_factory=list)
    forbidden: list[str] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    # None: not labelled (dispute metrics n/a); []: the article has no dispute
    disputes: list[GoldDispute] | None = None
    headline: GoldHeadline | None = None
    origin: GoldOrigin | None = None


@dataclass(frozen=True)
class EvalCase:
    id: str
    article: str
    gold: Gold
    folder: Path | None = None

    @property
    def article_sha256(self) -> str:
        return sha256_text(self.article)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_case(folder: Path) -> EvalCase:
    article_path = folder / "article.txt"
    gold_path = folder / "gold.json"
    for path in (article_path, gold_path):
        if not path.is_file():
            raise CaseError(f"{path}: missing (a case folder needs article.txt and gold.json)")
    try:
        # bytes decoded strictly: offsets are only meaningful on the exact text
        article = article_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseError(f"{article_path}: not valid UTF-8 ({exc})") from exc
    gold = _read_gold(gold_path)
    if gold.id != folder.name:
        raise CaseError(f"{gold_path}: id '{gold.id}' differs from the folder name '{folder.name}'")
    if not article.strip():
        raise CaseError(f"{article_path}: empty article")
    missing = [q.text for q in gold.quotes if q.text not in article]
    if missing:
        raise CaseError(f"{gold_path}: gold quotes not found verbatim in the article: {missing}")
    return EvalCase(id=gold.id, article=article, gold=gold, folder=folder)


def _read_gold(path: Path) -> Gold:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaseError(f"{path}: not valid JSON ({exc})") from exc
    try:
        return Gold.model_validate(raw)
    except ValidationError as exc:
        raise CaseError(f"{path}: invalid gold labels:\n{exc}") from exc


def load_cases(cases_dir: Path) -> list[EvalCase]:
    """Every case folder under `cases_dir`, sorted by id; errors name the offending file."""
    if not cases_dir.is_dir():
        raise CaseError(f"{cases_dir}: not a folder of eval cases")
    # a folder of cases may also hold sub-sets (seeds/realnews/): only case folders count
    folders = sorted(
        p
        for p in cases_dir.iterdir()
        if p.is_dir()
        and not p.name.startswith(".")
        and ((p / "gold.json").exists() or (p / "article.txt").exists())
    )
    if not folders:
        raise CaseError(
            f"{cases_dir}: no case folders (expected <case-id>/article.txt + gold.json)"
        )
    return [load_case(folder) for folder in folders]
