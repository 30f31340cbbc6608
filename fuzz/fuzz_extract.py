"""Coverage-guided fuzzing of ``naql.extract`` on raw bytes (atheris, i.e. libFuzzer).

    python fuzz/seeds.py OUT                      # seed corpus and dictionary
    python fuzz/fuzz_extract.py -dict=OUT/arabic.dict -max_total_time=60 OUT/corpus

The property: whatever the bytes, extraction gives a document whose every span indexes
its text exactly, or refuses the input with ``InputError``; any other exception, a hang
past -timeout, or a blow-up past -rss_limit_mb is a finding, saved by libFuzzer as a
crash-*/timeout-*/oom-* file.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["naql"]):  # coverage of naql's own code only
    import naql
    from naql.read import InputError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support import assert_offsets  # noqa: E402


def check(data: bytes) -> None:
    try:
        doc = naql.extract(data, "auto")
    except InputError:
        return
    assert_offsets(doc.to_dict())


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
