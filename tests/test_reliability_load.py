"""``naql serve`` under load on loopback while ``naql ingest`` writes into the same SQLite
file (WAL), and schemathesis against the served OpenAPI schema: no 5xx, no "database is
locked", no dropped connection. Every loop is bounded in count and time."""
from __future__ import annotations

import asyncio
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from naql.ingest import ingest
from naql.store import open_store

from badinput import as_jsonl, good_articles
from test_reliability_faults import free_port

CLIENTS, SECONDS = 50, 30
HOST = "127.0.0.1"  # loopback only
WORDS = ["الوزير", "الحكومة", "قال", "مصدر", "الإصلاحات"]


def naql(*args: str) -> list[str]:
    return [sys.executable, "-m", "naql.cli", *args]


@dataclass
class Server:
    base: str
    db: Path
    schema: str  # the OpenAPI document's URL


def wait_for_schema(base: str, proc: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        for path in ("/api/openapi.json", "/openapi.json"):
            try:
                if httpx.get(base + path, timeout=2).status_code == 200:
                    return base + path
            except httpx.TransportError:
                pass
        time.sleep(0.2)
    raise AssertionError(f"naql serve did not come up (exit status {proc.poll()})")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``naql serve`` on a free loopback port over a store of 300 articles, shared by the
    tests of this module (it takes seconds to start)."""
    if subprocess.run(naql("serve", "--help"), capture_output=True).returncode != 0:
        pytest.skip("naql serve is not there yet")
    tmp_path = tmp_path_factory.mktemp("served")
    db = tmp_path / "naql.db"
    (tmp_path / "seed.jsonl").write_bytes(as_jsonl([], good_articles(300)))
    engine = open_store(str(db))
    ingest([str(tmp_path / "seed.jsonl")], engine, workers=2)
    engine.dispose()
    base = f"http://{HOST}:{free_port()}"
    proc = subprocess.Popen(naql("serve", "--db", str(db), "--host", HOST, "--port",
                                 base.rsplit(":", 1)[1]),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield Server(base, db, wait_for_schema(base, proc))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        assert "database is locked" not in err
        assert "Traceback" not in err, err[-3000:]


def targets(server: Server) -> list[str]:
    """Every GET of the schema with its path and required query parameters filled in, and
    the reader's pages beside the API."""
    schema = httpx.get(server.schema, timeout=10).json()
    urls = ["/"]
    for path, ops in schema["paths"].items():
        if "get" not in ops:
            continue
        query = {p["name"]: _value(p) for p in ops["get"].get("parameters", [])
                 if p.get("in") == "query" and p.get("required")}
        for n in (1, 2, 3, 50, 10_000):  # ids that exist and one that does not
            filled = re.sub(r"\{[^}]+\}", str(n), path)
            urls.append(str(httpx.URL(filled, params=query)))
            if "{" not in path:
                break
    urls += [u.removeprefix("/api") for u in urls if u.startswith("/api/")]  # the pages
    return sorted(set(urls))


def _value(param: dict) -> str:
    kind = (param.get("schema") or {}).get("type")
    return "5" if kind in ("integer", "number") else random.choice(WORDS)


@dataclass
class Stats:
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # 5xx, locked, transport errors
    latencies: list[float] = field(default_factory=list)

    @property
    def served(self) -> int:
        return sum(self.statuses.values())


async def client(http: httpx.AsyncClient, urls: list[str], deadline: float, stats: Stats,
                 rng: random.Random) -> None:
    while time.monotonic() < deadline:
        url = rng.choice(urls)
        began = time.monotonic()
        try:
            response = await http.get(url)
        except httpx.HTTPError as exc:
            stats.failures.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        stats.latencies.append(time.monotonic() - began)
        stats.statuses[response.status_code] += 1
        if response.status_code >= 500 or "database is locked" in response.text:
            stats.failures.append(f"{url}: {response.status_code} {response.text[:200]}")


async def load(base: str, urls: list[str], clients: int, seconds: float) -> Stats:
    stats = Stats()
    deadline = time.monotonic() + seconds
    # Idle connections are dropped before uvicorn's 5 s keep-alive ends: reusing one that the
    # server is closing at that instant is a client race, not a server error.
    limits = httpx.Limits(max_connections=clients, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(http, urls, deadline, stats, random.Random(n))
                               for n in range(clients)))
    return stats


@pytest.mark.slow
def test_readers_under_load_while_an_ingest_writes(server: Server, tmp_path: Path,
                                                   record_property) -> None:
    urls = targets(server)
    (tmp_path / "more.jsonl").write_bytes(as_jsonl([], good_articles(20_000, start=300)))
    writer = subprocess.Popen(naql("ingest", "--db", str(server.db), "--workers", "1",
                                   str(tmp_path / "more.jsonl")),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stats = asyncio.run(load(server.base, urls, CLIENTS, SECONDS))
    writer.send_signal(signal.SIGINT)  # the ingest is a long one: stop it, then check it
    _, err = writer.communicate(timeout=60)
    record_property("requests_served", stats.served)
    record_property("request_errors", len(stats.failures))
    latencies = sorted(stats.latencies)
    print(f"{stats.served} requests over {len(urls)} urls, {dict(stats.statuses)}, p50 "
          f"{latencies[len(latencies) // 2]:.3f}s p99 {latencies[len(latencies) * 99 // 100]:.3f}s")
    assert stats.failures == [], stats.failures[:10]
    assert stats.served > CLIENTS and stats.statuses[200] > 0
    assert "database is locked" not in err and "Traceback" not in err, err[-2000:]


@pytest.mark.slow
def test_schemathesis_finds_no_server_error(server: Server, tmp_path: Path,
                                            record_property) -> None:
    if shutil.which("schemathesis") is None:
        pytest.skip("schemathesis is not installed (make reliability installs it)")
    run = subprocess.run(["schemathesis", "run", server.schema, "--checks", "not_a_server_error",
                          "--max-examples", "25", "--max-time", "45", "--seed", "7",
                          "--request-timeout", "20", "--generation-database", "none",
                          "--no-color", "--workers", "2"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    cases = re.search(r"(\d+) generated", run.stdout)
    record_property("schemathesis_cases", int(cases.group(1)) if cases else 0)
    assert run.returncode == 0, run.stdout[-4000:]
