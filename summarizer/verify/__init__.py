"""Stage 3, deterministic: ground every span in the article and repair or drop what does not
hold, so whatever an engine returned, `article[start:end] == text` for every span."""

from summarizer.verify.repair import verify_body

__all__ = ["verify_body"]
