"""Time the analyser and the extractive engine per article (target: < 50 ms per 1,000 words).

Run: `.venv/bin/python benchmarks/bench_analysis.py [--repeat N]`. Uses the seed articles
(`seeds/*/article.txt`, else `../shared/seeds/*.txt`) plus a synthetic 1,000-word article.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from summarizer.analysis import analyse
from summarizer.engines.base import Article
from summarizer.engines.extractive import build_body

_REPO = Path(__file__).resolve().parent.parent
_TEMPLATES = [
    "Officials in {place} said {n} people were evacuated on {day} after the river burst its banks.",
    "The ministry confirmed that {n} homes had been damaged, according to local media.",
    "Mayor {name} said: “We are doing everything we can to help residents.”",
    "An estimated {n} workers joined the strike, while police put the figure at {m}.",
    "Inflation rose to {pct}% in {month}, the statistics office said.",
    "He added that more than {n} families had been moved to temporary shelters in {place}.",
    "Rescuers were searching for about {m} people still missing, a senior official told Reuters.",
]
_PLACES = ["Leeds", "Dhaka", "Valencia", "Porto Alegre", "Kherson", "Lagos"]
_NAMES = ["Anna Kowalski", "Rui Costa", "Amina Bello", "Tom Hart"]
_DAYS = ["Monday", "Tuesday", "Friday"]
_MONTHS = ["March", "June", "October"]


def synthetic_article(words: int = 1000, seed: int = 7) -> str:
    """A news-like article of about `words` words, with figures, quotes and sources."""
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        template = rng.choice(_TEMPLATES)
        sentences.append(
            template.format(
                place=rng.choice(_PLACES),
                name=rng.choice(_NAMES),
                day=rng.choice(_DAYS),
                month=rng.choice(_MONTHS),
                n=f"{rng.randint(2, 90_000):,}",
                m=f"{rng.randint(2, 900):,}",
                pct=round(rng.uniform(0.5, 9.5), 1),
            )
        )
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def _articles() -> dict[str, str]:
    found = sorted(_REPO.glob("seeds/*/article.txt")) or sorted(_REPO.glob("../shared/seeds/*.txt"))
    articles = {
        (path.parent.name if path.name == "article.txt" else path.stem): path.read_text("utf-8")
        for path in found
    }
    articles["synthetic-1000w"] = synthetic_article()
    return articles


def _best_ms(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per article (best is kept)")
    args = parser.parse_args()
    print(f"{'article':<32}{'words':>7}{'analyse ms':>12}{'extractive ms':>15}{'ms/1000w':>10}")
    for name, text in _articles().items():
        words = len(text.split())
        analysis = analyse(text)
        analyse_ms = _best_ms(partial(analyse, text), args.repeat)
        body_ms = _best_ms(partial(build_body, Article(text), analysis), args.repeat)
        per_1000 = (analyse_ms + body_ms) * 1000 / max(words, 1)
        print(f"{name[:31]:<32}{words:>7}{analyse_ms:>12.1f}{body_ms:>15.1f}{per_1000:>10.1f}")


if __name__ == "__main__":
    main()
