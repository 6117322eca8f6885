"""Later mentions of a source folded into one: surname-only mentions, transliteration
variants such as Markushin/Markushyn, 'the company' for the one company named before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.analysis.sources import (
    COMPANY_NOUNS,
    NAME_SUFFIXES,
    ParsedSource,
    clean,
    strip_article,
)
from summarizer.models import SourceKind


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _similar(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    limit = 1 if min(len(a), len(b)) < 8 else 2
    return min(len(a), len(b)) >= 5 and edit_distance(a, b) <= limit


@dataclass
class MergedSource:
    name: str
    role: str | None
    kind: SourceKind
    aliases: list[str] = field(default_factory=list)

    def same_as(self, name: str, kind: SourceKind) -> bool:
        if kind == "person" and self.kind == "person":
            return _same_person(self.name.split(), name.split())
        return _body_key(self.name) == _body_key(name)

    def absorb(self, name: str, role: str | None) -> None:
        if name != self.name and len(name.split()) > len(self.name.split()):
            self.aliases.append(self.name)
            self.name = name  # a full name beats the surname it was first known by
        elif name != self.name and name not in self.aliases:
            self.aliases.append(name)
        if role and (self.role is None or len(role) > len(self.role)):
            self.role = role


def _same_person(known: list[str], new: list[str]) -> bool:
    known, new = _without_suffix(known), _without_suffix(new)
    if not known or not new or not _similar(known[-1], new[-1]):
        return False
    if len(known) > 1 and len(new) > 1:
        return _similar(known[0], new[0]) or known[0][0] == new[0][0]
    return True


def _without_suffix(words: list[str]) -> list[str]:
    """'Patrick W. Carlineo Jr.' is 'Carlineo' when a later sentence gives the surname."""
    return words[:-1] if len(words) > 1 and clean(words[-1]) in NAME_SUFFIXES else words


def _body_key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", strip_article(name).lower()).strip()


def merge_into(merged: list[MergedSource], name: str, role: str | None, kind: SourceKind) -> int:
    """Index of the merged source this mention belongs to, appending a new one if needed."""
    if kind == "organisation" and " " not in name:
        # a bare capitalised word matching a known person's surname: "Boychenko said"
        for index, known in enumerate(merged):
            if known.kind == "person" and known.same_as(name, "person"):
                known.absorb(name, role)
                return index
    for index, known in enumerate(merged):
        if known.same_as(name, kind):
            known.absorb(name, role)
            return index
    merged.append(MergedSource(name, role, kind))
    return len(merged) - 1


def named_earlier(parsed: ParsedSource, known: list[MergedSource]) -> MergedSource | None:
    """`the company said` after `Halvor Coal, the state-owned company`: the one body it can be."""
    noun = parsed.name
    if parsed.kind not in {"organisation", "government"} or not (noun.isalpha() and noun.islower()):
        return None  # only a bare head noun ("company", "agency") left by parse_source
    bodies = [k for k in known if k.name.lower() != noun]
    for part in ("name", "role"):
        fitting = [k for k in bodies if noun in (getattr(k, part) or "").lower().split()]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return None
    companies = [k for k in bodies if k.kind == "organisation" and " " in k.name]
    return companies[0] if noun in COMPANY_NOUNS and len(companies) == 1 else None
