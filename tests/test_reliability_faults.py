"""Faults during an ingest, and nothing lost: SIGKILL at random points then resume, a
read-only or full database, a PostgreSQL server restarted or stopped mid-run. Each ends
with the store a clean run gives (``naql export --format jsonl`` and every table count)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from naql.store import open_store
from naql.store.schema import articles

from badinput import as_jsonl, as_warc, good_articles, write_folder
from test_ingest import table_counts

KILLS = 20


def make_corpus(folder: Path, count: int) -> Path:
    """``count`` distinct articles: most as JSON lines with urls, some as a WARC, and some as
    plain files without urls (those are known again only by their content)."""
    texts = good_articles(count)
    plain, warc = count // 10, count // 10
    folder.mkdir(parents=True)
    write_folder(folder / "files", [], texts[:plain])
    (folder / "pages.warc.gz").write_bytes(as_warc([], texts[plain:plain + warc], "page"))
    (folder / "lines.jsonl").write_bytes(as_jsonl([], texts[plain + warc:], "line"))
    return folder


def start_ingest(db: str, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "naql.cli", "ingest", "--db", db,
                             "--workers", "2", str(corpus)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def run_ingest(db: str, corpus: Path) -> subprocess.CompletedProcess:
    proc = start_ingest(db, corpus)
    _, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", err)


def snapshot(db: str) -> tuple[list[str], dict[str, int]]:
    """What a user gets out of the store: the export, line by line, and the table counts."""
    export = subprocess.run([sys.executable, "-m", "naql.cli", "export", "--format", "jsonl",
                             "--db", db], capture_output=True, text=True, timeout=300, check=True)
    engine = open_store(db)
    counts = table_counts(engine)
    engine.dispose()
    return export.stdout.splitlines(), counts


def stored(db: str) -> int:
    engine = open_store(db)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    engine.dispose()
    return n


def wait_for_rows(engine, proc: subprocess.Popen, rows: int, timeout: float = 120) -> bool:
    """True once the store holds ``rows`` articles; False if the ingest ended first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(articles)).scalar_one() >= rows:
                return True
        time.sleep(0.02)
    assert time.monotonic() < deadline, "the ingest made no progress"
    return False


def stopped_cleanly(run: subprocess.CompletedProcess, reason: str) -> None:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "[SQL:" not in run.stderr, run.stderr
    assert reason in run.stderr, run.stderr


# --- SIGKILL -------------------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_stores(request, tmp_path: Path) -> tuple[str, str]:
    """Two empty stores on one backend: one to abuse, one for a clean run."""
    if request.param == "sqlite":
        return str(tmp_path / "faulty.db"), str(tmp_path / "clean.db")
    server = request.getfixturevalue("own_postgres")
    return server.create("faulty"), server.create("clean")


@pytest.mark.slow
def test_killed_at_random_points_many_times_ends_as_a_clean_run(two_stores: tuple[str, str],
                                                                tmp_path: Path,
                                                                record_property) -> None:
    db, clean = two_stores
    corpus = make_corpus(tmp_path / "corpus", 1600)
    seed = random.randrange(1 << 30)
    record_property("seed", seed)
    rng = random.Random(seed)
    engine = open_store(db)
    kills, before = 0, 0
    for _ in range(3 * KILLS):  # bounded: a run that ends by itself ends the loop
        proc = start_ingest(db, corpus)
        if rng.random() < 0.3:  # anywhere: starting, reading, extracting or writing
            time.sleep(rng.uniform(0, 2.0))
        elif wait_for_rows(engine, proc, before + rng.randint(1, 60)):  # around a commit
            time.sleep(rng.uniform(0, 0.05))
        if proc.poll() is not None:
            assert proc.returncode == 0, proc.stderr.read()
            break
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers
        proc.communicate()
        kills += 1
        now = stored(db)
        assert now >= before, "a kill lost stored articles"
        before = now
        if kills == KILLS:
            break
    engine.dispose()
    assert kills == KILLS, f"only {kills} kills before the ingest was done (seed {seed})"
    record_property("kills_survived", kills)
    assert run_ingest(db, corpus).returncode == 0
    assert run_ingest(clean, corpus).returncode == 0
    resumed = snapshot(db)
    assert resumed == snapshot(clean)
    assert resumed[1]["articles"] == 1600


# --- read-only -----------------------------------------------------------------------------------
@pytest.fixture
def small_store(db_url: str, tmp_path: Path) -> tuple[str, Path, tuple]:
    """A store holding 20 articles, another 20 waiting, and the store's snapshot."""
    first, second = make_corpus(tmp_path / "first", 20), tmp_path / "second"
    second.mkdir()
    (second / "more.jsonl").write_bytes(as_jsonl([], good_articles(20, start=20)))
    assert run_ingest(db_url, first).returncode == 0
    return db_url, second, snapshot(db_url)


def test_a_read_only_store_refuses_clearly_and_keeps_its_articles(small_store) -> None:
    """SQLite opened read-only, or a PostgreSQL session that may only read."""
    db, more, before = small_store
    if "://" in db:
        url = make_url(db)
        options = url.query["options"] + " -cdefault_transaction_read_only=on"
        read_only, refusal = (url.update_query_dict({"options": options}).render_as_string(False),
                              "cannot execute INSERT in a read-only transaction")
    else:
        read_only, refusal = f"sqlite:///file:{db}?mode=ro&uri=true", "attempt to write a readonly database"
    stopped_cleanly(run_ingest(read_only, more), refusal)
    assert snapshot(db) == before


@dataclass
class Mount:
    """A tmpfs of our own, to make a folder read-only or full."""

    path: Path

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.path)], check=True)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Mount]:
    path = tmp_path / "mnt"
    path.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(path)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield Mount(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_store_on_a_read_only_disk_refuses_clearly(tmpfs: Mount, tmp_path: Path) -> None:
    db = str(tmpfs.path / "naql.db")
    assert run_ingest(db, make_corpus(tmp_path / "first", 20)).returncode == 0
    before = snapshot(db)
    tmpfs.remount("ro")
    run = run_ingest(db, make_corpus(tmp_path / "second", 30))
    stopped_cleanly(run, "is read-only")
    tmpfs.remount("rw")
    assert snapshot(db) == before


def test_a_full_disk_stops_clearly_keeps_what_was_stored_and_resumes(tmpfs: Mount,
                                                                     tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 600)
    db = str(tmpfs.path / "naql.db")
    tmpfs.remount("size=2m")
    run = run_ingest(db, corpus)
    stopped_cleanly(run, "database or disk is full")
    assert "run the same command to resume" in run.stderr
    kept = stored(db)
    assert 0 < kept < 600
    tmpfs.remount("size=64m")  # space freed
    assert run_ingest(db, corpus).returncode == 0
    clean_db = str(tmp_path / "clean.db")
    assert run_ingest(clean_db, corpus).returncode == 0
    assert snapshot(db) == snapshot(clean_db)


# --- PostgreSQL going away -----------------------------------------------------------------------
@dataclass
class Postgres:
    """A throwaway PostgreSQL server of this test's own, on a free loopback port, so that
    restarting it disturbs nobody else's."""

    bin: Path
    data: Path
    port: int

    def ctl(self, *args: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", str(self.bin / "pg_ctl"), "-D",
                        str(self.data), "-w", "-t", "60", *args], check=True,
                       capture_output=True, timeout=90)

    def start(self, action: str = "start") -> None:
        """Start, or ``restart`` (fast: connections are cut). The log file keeps the server
        from writing to our pipes, which would never close."""
        self.ctl("-m", "fast", "-l", str(self.data.parent / "log"), "-o",
                 f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1", action)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create(self, database: str) -> str:
        admin = create_engine(self.url("postgres").replace("postgresql:", "postgresql+psycopg:"),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {database}"))
        admin.dispose()
        return self.url(database)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_postgres() -> Iterator[Postgres]:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not versions or not shutil.which("runuser"):
        pytest.skip("no PostgreSQL server binaries (source .ci/postgres.sh installs them)")
    folder = Path(tempfile.mkdtemp(prefix="naql-pg-"))
    shutil.chown(folder, "postgres")
    server = Postgres(versions[-1].parent, folder / "data", free_port())
    subprocess.run(["runuser", "-u", "postgres", "--", str(server.bin / "initdb"), "-D",
                    str(server.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True, timeout=120)
    server.start()
    try:
        yield server
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", str(server.bin / "pg_ctl"), "-D",
                        str(server.data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_postgres_restarted_or_stopped_during_an_ingest(own_postgres: Postgres, tmp_path: Path,
                                                         record_property) -> None:
    """Two restarts are waited out; a server that stays down stops the ingest with a clear
    message once the retries are spent; the same command then resumes to a clean run's rows."""
    corpus = make_corpus(tmp_path / "corpus", 1500)
    clean, db = own_postgres.create("clean"), own_postgres.create("faulty")
    assert run_ingest(clean, corpus).returncode == 0
    engine = open_store(db)
    proc = start_ingest(db, corpus)
    for rows in (150, 500):
        assert wait_for_rows(engine, proc, rows), "the ingest ended early"
        own_postgres.start("restart")
        engine.dispose()  # this test's own connections were cut too
    assert wait_for_rows(engine, proc, 900), "the ingest did not ride out the restarts"
    own_postgres.ctl("-m", "fast", "stop")
    engine.dispose()
    _, err = proc.communicate(timeout=120)
    stopped_cleanly(subprocess.CompletedProcess(proc.args, proc.returncode, "", err),
                    "ingest stopped:")
    assert "run the same command to resume" in err
    own_postgres.start()
    assert 900 <= stored(db) < 1500
    assert run_ingest(db, corpus).returncode == 0
    assert snapshot(db) == snapshot(clean)
    record_property("postgres_restarts_survived", 2)
