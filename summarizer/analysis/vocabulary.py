"""The analyser's word lists, read once from `summarizer/data/vocabulary.toml`.

Each list there says what it is for and where its words come from. Lists are plain data so that
a newsroom can extend them (a title, a masthead, an outcome verb) without touching the rules.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

# the days of the week as a regular-expression alternation ("said Tuesday", "late Monday")
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "data" / "vocabulary.toml"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with VOCABULARY_FILE.open("rb") as handle:
        return tomllib.load(handle)


def _entries(spaced: str) -> list[str]:
    """Words of a list; `took_part` stands for the phrase 'took part'."""
    return [word.replace("_", " ") for word in spaced.split()]


def _section(name: str) -> dict[str, Any]:
    try:
        section = _data()[name]
    except KeyError:
        raise KeyError(f"{VOCABULARY_FILE.name} has no list [{name}]") from None
    if not isinstance(section, dict):
        raise TypeError(f"{VOCABULARY_FILE.name}: [{name}] is not a table")
    return section


def words(name: str) -> frozenset[str]:
    """The words of list `name` (its `words` key)."""
    return frozenset(_entries(str(_section(name)["words"])))


def ordered(name: str) -> tuple[str, ...]:
    """The words of list `name` in file order (for tables where order matters)."""
    return tuple(_entries(str(_section(name)["words"])))


def patterns(name: str) -> tuple[str, ...]:
    """The regular expressions of list `name` (its `patterns` key, TOML literal strings)."""
    return tuple(str(p) for p in _section(name)["patterns"])


def groups(name: str) -> dict[str, tuple[str, ...]]:
    """A list of named groups: every key but `source`, each with its words."""
    section = _section(name)
    return {key: tuple(_entries(str(v))) for key, v in section.items() if key != "source"}


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of `entries`, longest first so 'more than' wins over 'more'; spaces
    match any whitespace. Build it once, at import, never per match."""
    items = sorted(entries, key=len, reverse=True)
    return "|".join(re.escape(item).replace(r"\ ", r"\s+") for item in items)
