"""Versioned prompt templates, rendered in a Jinja sandbox.

A version is a folder `prompts/<version>/` holding `system.j2`, `user.j2` and `meta.json`
(`{"status": "published" | "draft", "description": ...}`). A published version is never edited:
a change is a new folder. `tests/test_prompting.py` pins the hash of every published template.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer.errors import SummarizerError, UnknownOption

_TEMPLATE_FILES = ("system.j2", "user.j2")


class PromptRenderError(SummarizerError):
    status = 500
    title = "Prompt template error"
    type_slug = "prompt-template-error"


@dataclass(frozen=True)
class PromptTemplate:
    version: str
    system: str
    user: str
    description: str
    status: str
    # which answer the template asks for: 'reading' (v3) or a key of engines.drafts.RESPONSE_MODELS
    response: str = "draft_with_events"

    @property
    def digest(self) -> str:
        """sha256 of both templates: what `meta.json` pins for a published version."""
        joined = f"{self.system}\x00{self.user}".encode()
        return hashlib.sha256(joined).hexdigest()

    def render(self, **context: Any) -> list[dict[str, str]]:
        """Chat messages for this version; templates see only `context`, in a sandbox."""
        env = ImmutableSandboxedEnvironment(
            undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
        )
        try:
            system = env.from_string(self.system).render(**context)
            user = env.from_string(self.user).render(**context)
        except TemplateError as exc:
            raise PromptRenderError(f"prompt {self.version} failed to render: {exc}") from exc
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]


class PromptLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root

    def versions(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(
            p.name for p in self.root.iterdir() if p.is_dir() and (p / "user.j2").is_file()
        )

    def get(self, version: str) -> PromptTemplate:
        folder = self.root / version
        if version not in self.versions():
            known = ", ".join(self.versions()) or "none"
            raise UnknownOption(
                f"unknown prompt version '{version}'; known versions: {known}",
                option="prompt_version",
                value=version,
            )
        texts = [(folder / name).read_text(encoding="utf-8") for name in _TEMPLATE_FILES]
        meta = _read_meta(folder / "meta.json")
        return PromptTemplate(
            version=version,
            system=texts[0],
            user=texts[1],
            description=str(meta.get("description", "")),
            status=str(meta.get("status", "draft")),
            response=str(meta.get("response", "draft_with_events")),
        )


def _read_meta(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}
