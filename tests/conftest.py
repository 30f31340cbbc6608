"""Shared fixtures: a fresh store per test on SQLite and, when NAQL_TEST_PG_URL names a
server (see .ci/postgres.sh), on PostgreSQL in a schema of its own."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# In CI the property tests replay the same examples on every run, so a red run always points
# at a change, never at a new random draw; locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a long reliability run; skipped unless NAQL_SLOW=1 "
                            "(make reliability sets it)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NAQL_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: set NAQL_SLOW=1 to run it (make reliability does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A --db value for an empty store: a SQLite file path, or a PostgreSQL URL whose
    search_path is a new schema (dropped afterwards)."""
    if request.param == "sqlite":
        yield str(tmp_path / "naql.db")
        return
    base = os.environ.get("NAQL_TEST_PG_URL")
    if not base:
        pytest.skip("NAQL_TEST_PG_URL is not set")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def store(db_url):
    """An engine on a migrated empty store."""
    from naql.store import open_store

    engine = open_store(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def naql_cli():
    """Run the naql command line in a child process; returns the CompletedProcess."""

    def run(*args: str, check: bool = False, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "naql.cli", *args], capture_output=True,
                              text=True, check=check, timeout=300, **kwargs)

    return run
