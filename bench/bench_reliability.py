"""Reliability, all of it, with the figures: bad input, faults and load (issue 7).

    make reliability       # installs atheris and schemathesis, starts PostgreSQL, runs this
    python bench/bench_reliability.py [--fuzz-seconds 75] [--sizes 0.5 1 2] [--out DIR]

Runs, and prints what each found:
- the reliability tests with NAQL_SLOW=1 (tests/test_reliability_*.py: hypothesis on raw
  bytes, the bad-input corpus as files, JSON lines and WARC, SIGKILL and resume, read-only
  and full stores, PostgreSQL restarted, load and schemathesis on ``naql serve``), as two
  pytest runs side by side,
- meanwhile, on the other core, the atheris fuzz target (fuzz/fuzz_extract.py), then the
  doubling benchmark (bench/bench_linear.py: it measures CPU time, so sharing the machine
  does not skew its ratios).
Exit status 1 if anything failed, any error was counted, or a doubling ratio passed 3.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORST_RATIO = 3.0  # a doubling ratio above this is a super-linear case


# Two pytest runs side by side: the fault tests mostly wait (on kills, restarts, retries).
STREAMS = {"faults": ["test_reliability_faults.py"],
           "rest": ["test_reliability_input.py", "test_reliability_extract.py",
                    "test_reliability_load.py"]}


def start_tests(out: Path, stream: str) -> subprocess.Popen:
    env = {**os.environ, "NAQL_SLOW": "1"}
    log = (out / f"pytest-{stream}.log").open("w")
    return subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "--hypothesis-show-statistics", f"--junitxml={out / stream}.xml",
                             f"--basetemp={out / stream}",  # its own: the runs clean up theirs
                             *(f"tests/{name}" for name in STREAMS[stream])],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def test_figures(out: Path) -> tuple[Counter, Counter, list[str]]:
    """Outcomes (passed/failed/skipped), summed test properties, and the names of failures."""
    outcomes, figures, failed = Counter(), Counter(), []
    cases = (case for stream in STREAMS
             for case in ET.parse(out / f"{stream}.xml").getroot().iter("testcase"))
    for case in cases:
        kind = next((child.tag for child in case if child.tag in ("failure", "error", "skipped")),
                    "passed")
        outcomes[kind] += 1
        if kind in ("failure", "error"):
            failed.append(f"{case.get('classname')}::{case.get('name')}")
        for prop in case.iter("property"):
            if prop.get("name") != "seed":
                figures[prop.get("name")] += int(prop.get("value"))
    log = "".join((out / f"pytest-{stream}.log").read_text(errors="replace") for stream in STREAMS)
    figures["hypothesis_examples"] = sum(map(int, re.findall(r"(\d+) passing examples", log)))
    return outcomes, figures, sorted(set(failed))


def run_fuzz(out: Path, seconds: int) -> dict[str, int]:
    sys.path.insert(0, str(ROOT / "fuzz"))
    from seeds import write

    corpus, dictionary = write(out / "fuzz")
    artifacts = out / "fuzz" / "findings"
    artifacts.mkdir()
    with (out / "fuzz.log").open("w") as log:
        subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_extract.py"),
                        f"-dict={dictionary}", f"-max_total_time={seconds}", "-max_len=8192",
                        "-timeout=20", "-rss_limit_mb=4096", "-print_final_stats=1",
                        f"-artifact_prefix={artifacts}/", str(corpus)],
                       stdout=log, stderr=subprocess.STDOUT, timeout=seconds + 120, cwd=out)
    text = (out / "fuzz.log").read_text(errors="replace")
    cov = re.findall(r"cov: (\d+) ft: (\d+)", text)
    executed = re.search(r"stat::number_of_executed_units: (\d+)", text)
    return {"executions": int(executed.group(1)) if executed else 0,
            "coverage_edges": int(cov[-1][0]) if cov else 0,
            "coverage_features": int(cov[-1][1]) if cov else 0,
            "findings": len(list(artifacts.iterdir()))}


def run_benchmark(out: Path, sizes: list[str]) -> float:
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_linear.py"), "--sizes",
                          *sizes], capture_output=True, text=True, timeout=1800, cwd=ROOT)
    (out / "bench_linear.log").write_text(run.stdout + run.stderr)
    print(run.stdout, end="")
    worst = re.search(r"worst doubling ratio: ([\d.]+)", run.stdout)
    return float(worst.group(1)) if worst else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz-seconds", type=int, default=75)
    ap.add_argument("--sizes", nargs="+", default=["0.5", "1", "2"], help="MB, for bench_linear")
    ap.add_argument("--out", type=Path, default=None, help="logs (default: a temporary folder)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="naql-reliability-"))
    out.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    print(f"logs in {out}", flush=True)

    tests = [start_tests(out, stream) for stream in STREAMS]
    fuzz = run_fuzz(out, args.fuzz_seconds)
    print(f"fuzzing done at {time.monotonic() - began:,.0f} s; benchmark:", flush=True)
    worst = run_benchmark(out, args.sizes)
    for run in tests:
        run.wait()
    outcomes, figures, failed = test_figures(out)

    errors = (outcomes["failure"] + outcomes["error"] + fuzz["findings"] + figures["request_errors"]
              + (worst > WORST_RATIO))
    inputs = figures["hypothesis_examples"] + fuzz["executions"] + figures["corpus_inputs"]
    print(f"""
reliability figures ({time.monotonic() - began:,.0f} s)
  inputs tried          {inputs:,} ({figures['hypothesis_examples']:,} hypothesis examples, \
{fuzz['executions']:,} fuzz executions, {figures['corpus_inputs']:,} bad-input corpus records \
as files, JSON lines and WARC)
  fuzz coverage         {fuzz['coverage_edges']:,} edges, {fuzz['coverage_features']:,} features \
in {args.fuzz_seconds} s; findings {fuzz['findings']}
  kills survived        {figures['kills_survived']:,} SIGKILLs, \
{figures['postgres_restarts_survived']} PostgreSQL restarts
  requests served       {figures['requests_served']:,} under load, \
{figures['schemathesis_cases']:,} schemathesis cases
  worst doubling ratio  {worst:.2f} (sizes {' '.join(args.sizes)} MB; 2.0 is linear)
  tests                 {outcomes['passed']} passed, {outcomes['failure'] + outcomes['error']} \
failed, {outcomes['skipped']} skipped
  errors                {errors}""")
    for name in failed:
        print(f"  failed: {name}")
    if fuzz["findings"]:
        print(f"  fuzz findings in {out / 'fuzz' / 'findings'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
