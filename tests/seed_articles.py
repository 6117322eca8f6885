"""Load the seed articles for tests: `seeds/<case>/article.txt`, else `../shared/seeds/*.txt`."""

from __future__ import annotations

from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parent.parent


def seed_article(prefix: str) -> str:
    """The article whose case id starts with `prefix` ("000", "003"); skips the test if absent."""
    for pattern in (f"seeds/{prefix}*/article.txt", f"../shared/seeds/{prefix}*.txt"):
        found = sorted(_REPO.glob(pattern))
        if found:
            return found[0].read_text(encoding="utf-8")
    pytest.skip(f"seed article {prefix} not available")
