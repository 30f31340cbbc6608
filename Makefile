SHELL := /bin/bash

# Bad input, faults and load, with the figures (bench/bench_reliability.py); under 10 minutes.
.PHONY: reliability
reliability:
	python3 -m pip install -q --disable-pip-version-check -e ".[test]" atheris schemathesis
	source .ci/postgres.sh && python3 bench/bench_reliability.py
