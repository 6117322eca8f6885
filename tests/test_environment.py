"""The autouse fixture keeps a developer's environment out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.settings import Settings


def test_a_dotenv_file_and_summarizer_variables_do_not_reach_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text("SUMMARIZER_DEFAULT_ENGINE=openai\nSUMMARIZER_PORT=9\n")
    monkeypatch.chdir(tmp_path)
    assert Settings().default_engine == "local" and Settings().port == 8000
