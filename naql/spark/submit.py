"""The job as a file for spark-submit, which runs files rather than modules:

    spark-submit [spark options] "$(python -c 'import naql.spark.submit as m; print(m.__file__)')" \
        INPUT... OUTPUT [--partitions N] [--overwrite]

Same arguments and output as ``naql spark extract``.
"""
import sys

from naql.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", "extract", *sys.argv[1:]]))
