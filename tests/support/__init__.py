"""What many tests share that is not a fixture: where the repository is, the seed cases."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_IDS = ("000_e5a4ada6868b4a8e", "003_a749de6f848d4ae8")
# where `scripts/record-cassettes.sh` runs llama.cpp's OpenAI-compatible server
RECORDING_BASE_URL = "http://127.0.0.1:8080/v1"


def seed_text(case: str) -> str:
    """The article of a case in `seeds/`, by id or id prefix ("000"); a missing or ambiguous
    case fails the test rather than skipping it."""
    found = sorted((ROOT / "seeds").glob(f"{case}*/article.txt"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one case matching '{case}' in seeds/, found {found}")
    return found[0].read_text(encoding="utf-8")
