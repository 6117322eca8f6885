"""JSON Schemas of the public models, generated (never hand-edited) into `schemas/`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarizer.models import SummaryRequest, SummaryResponse

PUBLIC_MODELS: dict[str, type[BaseModel]] = {
    "summary_request": SummaryRequest,
    "summary_response": SummaryResponse,
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON text, exactly as written to disk."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True)
        + "\n"
        for name, model in PUBLIC_MODELS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
