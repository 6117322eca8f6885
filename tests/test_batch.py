"""`summarizer batch`: folders and JSONL in, one JSON line per article out; in process and against
real servers; resumable after a clean run, a Ctrl-C and a kill; 429/503/504 retried after
Retry-After, other errors recorded once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import anyio
import pytest

from summarizer.batch import (
    BatchItem,
    BatchReport,
    HttpRunner,
    InProcessRunner,
    RetryPolicy,
    parse_retry_after,
    read_items,
    run_batch,
)
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import ROOT
from tests.support.scripted_server import Reply, scripted_server
from tests.support.serving import EXTRACTIVE_ENV, free_port, serve_process

SEEDS = ROOT / "seeds"
SEED_CASES = sorted(p.parent.name for p in SEEDS.glob("*/article.txt"))
SHORT_CASES = [case for case in SEED_CASES if case.startswith("1")]  # the hand-written ones


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _in_process(settings: Settings, items: list[BatchItem], out: Path, **kw: Any) -> BatchReport:
    async def run() -> BatchReport:
        runner = InProcessRunner(SummaryService(settings))
        try:
            return await run_batch(items, out, runner, progress=False, **kw)
        finally:
            await runner.aclose()

    return anyio.run(run)


def _over_http(urls: list[str], items: list[BatchItem], out: Path, **kw: Any) -> BatchReport:
    async def run() -> BatchReport:
        runner = HttpRunner(urls, timeout_s=30.0)
        try:
            return await run_batch(items, out, runner, progress=False, **kw)
        finally:
            await runner.aclose()

    return anyio.run(run)


def _cli(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "batch", *args, "--no-progress"],
        cwd=cwd,
        env={**env, **EXTRACTIVE_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


# --- input ---------------------------------------------------------------------------------------
def test_a_seed_folder_is_read_by_case_name_without_the_gold_files() -> None:
    items = read_items(SEEDS, engine="extractive")
    assert [item.id for item in items] == SEED_CASES
    first = items[0]
    assert first.body == {
        "text": (SEEDS / first.id / "article.txt").read_text(encoding="utf-8"),
        "engine": "extractive",
    }


def test_txt_files_with_sidecars_and_jsonl_lines_become_requests(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police said 3 people were hurt.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"title": "Crash", "published_at": "2024-01-02"}')
    (tmp_path / "b.txt").write_text("The UN says 364 civilians died.", encoding="utf-8")
    folder = read_items(tmp_path)
    assert [(i.id, i.body.get("title")) for i in folder] == [("a", "Crash"), ("b", None)]
    assert folder[0].body["published_at"] == "2024-01-02"
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        '{"id": 7, "text": "x", "title": "T", "url": "https://example.invalid/7"}\n\n'
        '{"id": "b", "text": "y", "engine": "openai"}\n'
    )
    items = read_items(jsonl, engine="extractive")
    assert [(i.id, i.body) for i in items] == [
        ("7", {"text": "x", "title": "T", "engine": "extractive"}),  # url is not a request field
        ("b", {"text": "y", "engine": "extractive"}),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "appears twice"),
        ('{"id": "a", "text": "x"}\n{"id": "b"\n', ":2: not JSON"),
        ('{"text": "x"}\n', ':1: expected an object with an "id"'),
        ('{"id": "a", "text": 5}\n', '"text" is missing or not a string'),
    ],
)
def test_bad_jsonl_names_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(content)
    with pytest.raises(ValueError, match=message):
        read_items(path)


def test_retry_after_is_seconds_or_an_http_date() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    in_ten_s = format_datetime(datetime.now(UTC) + timedelta(seconds=10), usegmt=True)
    assert 8.0 <= (parse_retry_after(in_ten_s) or 0) <= 10.0
    past = format_datetime(datetime.now(UTC) - timedelta(days=1), usegmt=True)
    assert parse_retry_after(past) == 0.0


# --- in process ----------------------------------------------------------------------------------
def test_in_process_summarises_every_seed_and_a_rerun_does_no_work(
    tmp_path: Path, extractive_settings: Settings
) -> None:
    out = tmp_path / "out.jsonl"
    items = read_items(SEEDS)
    first = _in_process(extractive_settings, items, out, concurrency=4)
    assert (first.ok, first.failed, first.skipped) == (len(SEED_CASES), 0, 0)
    lines = _lines(out)
    assert sorted(line["id"] for line in lines) == SEED_CASES
    for line in lines:
        assert line["ok"] is True and line["attempts"] == 1
        assert line["response"]["meta"]["engine"] == "extractive"
        assert line["response"]["headline"]
    before = out.read_bytes()
    second = _in_process(extractive_settings, items, out, concurrency=4)
    assert (second.ok, second.failed, second.skipped) == (0, 0, len(SEED_CASES))
    assert second.statuses.total() == 0 and out.read_bytes() == before


def test_jsonl_errors_are_lines_and_are_retried_on_rerun(
    tmp_path: Path, extractive_settings: Settings
) -> None:
    text = (SEEDS / SHORT_CASES[0] / "article.txt").read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "good", "text": text, "title": "Rates"},
        {"id": "empty", "text": "   "},
        {"id": "huge", "text": text * 200},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out.jsonl"
    report = _in_process(extractive_settings, read_items(source), out)
    by_id = {line["id"]: line for line in _lines(out)}
    assert (report.ok, report.failed, report.retries) == (1, 2, 0)
    assert by_id["good"]["ok"] is True
    assert by_id["empty"]["status"] == 422 and by_id["empty"]["attempts"] == 1
    assert by_id["huge"]["status"] == 413 and "60,000" in by_id["huge"]["problem"]["detail"]
    # the rerun retries only the failed ids, and the file keeps one line per id
    rerun = _in_process(extractive_settings, read_items(source), out)
    assert (rerun.skipped, rerun.failed) == (1, 2)
    assert sorted(line["id"] for line in _lines(out)) == ["empty", "good", "huge"]


def test_a_cut_last_line_and_stale_failures_are_redone(
    tmp_path: Path, extractive_settings: Settings
) -> None:
    items = read_items(SEEDS)[:3]
    out = tmp_path / "out.jsonl"
    out.write_text(
        json.dumps({"id": items[0].id, "ok": True, "response": {"headline": "kept"}})
        + "\n"
        + json.dumps({"id": items[1].id, "ok": False, "status": 503, "problem": {}})
        + "\n"
        + '{"id": "'
        + items[2].id
        + '", "ok": tr'  # a kill in the middle of a write
    )
    report = _in_process(extractive_settings, items, out)
    assert (report.skipped, report.ok) == (1, 2)
    lines = _lines(out)  # every line parses again
    assert sorted(line["id"] for line in lines) == sorted(item.id for item in items)
    assert lines[0]["response"] == {"headline": "kept"}  # an ok line is never redone


def test_ctrl_c_and_kill_leave_a_valid_file_and_a_rerun_completes(tmp_path: Path) -> None:
    texts = [(SEEDS / case / "article.txt").read_text(encoding="utf-8") for case in SHORT_CASES]
    source = tmp_path / "in.jsonl"
    count = 200
    source.write_text(
        "".join(
            json.dumps({"id": f"a{i:03d}", "text": texts[i % len(texts)]}) + "\n"
            for i in range(count)
        )
    )
    out = tmp_path / "out.jsonl"
    for stop in (signal.SIGINT, signal.SIGKILL):
        done_before = len(_lines_ok(out)) if out.exists() else 0
        process = _cli(str(source), "--out", str(out), "--concurrency", "2", cwd=tmp_path)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and len(_lines_ok(out)) >= done_before + 20:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the batch finished before it could be interrupted"
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=60)
        if stop == signal.SIGINT:
            assert process.returncode == 130, stderr.decode()
            assert b"rerun to resume" in stderr
            assert all(line["ok"] for line in _lines(out))  # whole lines only after Ctrl-C
        assert 0 < len(_lines_ok(out)) < count
    finished = _cli(str(source), "--out", str(out), "--concurrency", "4", cwd=tmp_path)
    _, stderr = finished.communicate(timeout=300)
    assert finished.returncode == 0, stderr.decode()
    lines = _lines(out)
    assert sorted(line["id"] for line in lines) == [f"a{i:03d}" for i in range(count)]
    assert all(line["ok"] for line in lines)
    assert b"already done" in stderr


def _lines_ok(path: Path) -> list[str]:
    """Ids of the lines that parse (a SIGKILL may cut the last one)."""
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError, KeyError):  # a line cut by SIGKILL
            ids.append(json.loads(line)["id"])
    return ids


# --- over HTTP -----------------------------------------------------------------------------------
def test_cli_against_a_real_server_matches_in_process(
    tmp_path: Path, extractive_settings: Settings
) -> None:
    local = tmp_path / "local.jsonl"
    _in_process(extractive_settings, read_items(SEEDS), local)
    remote = tmp_path / "remote.jsonl"
    with serve_process(tmp_path, EXTRACTIVE_ENV) as server:
        process = _cli(
            str(SEEDS),
            "--out",
            str(remote),
            "--url",
            server.url,
            "--url",
            server.url + "/",
            cwd=tmp_path,
        )
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode()
    assert f"{len(SEED_CASES)} ok, 0 failed" in stderr.decode()
    expected = {line["id"]: line["response"] for line in _lines(local)}
    for line in _lines(remote):
        assert line["ok"] is True
        assert line["served_by"].endswith(f":{server.process.pid}")
        for key in ("headline", "summary", "figures", "events"):
            assert line["response"][key] == expected[line["id"]][key]


def test_503_with_retry_after_is_retried_after_waiting(tmp_path: Path) -> None:
    busy = Reply(503, {"title": "Engine unavailable", "status": 503}, {"Retry-After": "1"})
    script = [busy, busy, Reply(200, {"headline": "done"}, {"X-Served-By": "h:1"})]
    out = tmp_path / "out.jsonl"
    with scripted_server(script) as (url, seen):
        report = _over_http([url], [BatchItem("x", {"text": "t"})], out)
    assert len(seen.bodies) == 3 and seen.bodies[0] == {"text": "t"}
    gaps = [b - a for a, b in zip(seen.times, seen.times[1:], strict=False)]
    assert all(1.0 <= gap < 2.5 for gap in gaps), gaps  # Retry-After, plus at most 20% jitter
    assert (report.ok, report.retries, report.statuses["503"]) == (1, 2, 2)
    assert _lines(out) == [
        {"id": "x", "ok": True, "response": {"headline": "done"}, "attempts": 3, "served_by": "h:1"}
    ]


def test_429_and_504_are_retried_with_retry_after_capped(tmp_path: Path) -> None:
    script = [
        Reply(429, {"status": 429}, {"Retry-After": "3600"}),
        Reply(504, {"status": 504}),  # no Retry-After: the policy's own backoff
        Reply(200, {"headline": "done"}),
    ]
    policy = RetryPolicy(max_wait_s=0.2, base_wait_s=0.1)
    started = time.monotonic()
    with scripted_server(script) as (url, seen):
        report = _over_http([url], [BatchItem("x", {"text": "t"})], tmp_path / "o", policy=policy)
    assert len(seen.bodies) == 3 and report.ok == 1
    assert time.monotonic() - started < 5


def test_other_errors_are_recorded_once_and_attempts_are_bounded(tmp_path: Path) -> None:
    problem = {"title": "Unprocessable content", "status": 422, "detail": "empty"}
    out = tmp_path / "out.jsonl"
    with scripted_server([Reply(422, problem)]) as (url, seen):
        _over_http([url], [BatchItem("bad", {"text": " "})], out)
    assert len(seen.bodies) == 1
    assert _lines(out) == [
        {"id": "bad", "ok": False, "status": 422, "problem": problem, "attempts": 1}
    ]
    always_busy = [Reply(503, {"status": 503}, {"Retry-After": "0"})]
    policy = RetryPolicy(max_attempts=3)
    with scripted_server(always_busy) as (url, seen):
        report = _over_http([url], [BatchItem("busy", {"text": "t"})], out, policy=policy)
    assert len(seen.bodies) == 3 and (report.failed, report.retries) == (1, 2)
    assert _lines(out)[-1]["status"] == 503


def test_a_dead_server_is_skipped_round_robin(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    items = [BatchItem(str(i), {"text": "t"}) for i in range(4)]
    policy = RetryPolicy(base_wait_s=0.01)
    with scripted_server([Reply(200, {"headline": "ok"})]) as (url, seen):
        report = _over_http([dead, url], items, tmp_path / "out.jsonl", policy=policy)
    assert report.ok == 4 and len(seen.bodies) == 4
    assert report.statuses["no answer"] >= 1 and report.retries == report.statuses["no answer"]
