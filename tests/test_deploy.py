"""deploy/: no Docker here, so check what can drift without one: the compose file parses, sets only
settings that exist, runs commands the CLI has, and points the model server at the file the
Dockerfile assembles."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from summarizer.cli import _parser
from summarizer.engines.local.model_store import PACKAGED_MODEL_FILE
from summarizer.settings import Settings
from tests.support import ROOT

DEPLOY = ROOT / "deploy"


def _compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def _dockerfile_env() -> dict[str, str]:
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    return dict(re.findall(r"\b(SUMMARIZER_[A-Z_]+)=(\S+)", text))


def test_every_summarizer_variable_is_a_setting_with_a_valid_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fields = {f"SUMMARIZER_{name.upper()}" for name in Settings.model_fields}
    environments = [_dockerfile_env()]
    environments += [s.get("environment", {}) for s in _compose()["services"].values()]
    used = {name for env in environments for name in env if name.startswith("SUMMARIZER")}
    assert used and used <= fields, used - fields
    for env in environments:
        with monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            Settings()  # a wrong value fails validation here


def test_services_run_commands_the_cli_has_and_the_model_the_image_holds() -> None:
    services = _compose()["services"]
    assert {"lb", "api", "model", "redis", "worker"} <= set(services)
    assert services["api"]["deploy"]["replicas"] >= 2
    for name in ("api", "worker"):
        command = services[name]["command"]
        assert command[0] == "summarizer"
        _parser().parse_args(command[1:])  # exits (fails the test) on an unknown command
    model_command = services["model"]["command"]
    model_file = model_command[model_command.index("--model") + 1]
    cache_dir = _dockerfile_env()["SUMMARIZER_MODEL_CACHE_DIR"]
    assert model_file == f"{cache_dir}/{PACKAGED_MODEL_FILE}"
    api_env = services["api"]["environment"]
    assert api_env["SUMMARIZER_OPENAI_BASE_URL"] == "http://model:8080/v1"
    assert "--port" in model_command and model_command[model_command.index("--port") + 1] == "8080"
    assert api_env["SUMMARIZER_REDIS_URL"].startswith("redis://redis:")
