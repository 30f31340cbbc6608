"""naql on Apache Spark: the same extraction per partition over JSONL and WARC archives, its
results written as Parquet tables that ``naql ingest`` stores without extracting again.

``schema``, ``inputs``, ``read`` and ``job`` run on the driver and need pyspark; ``rows`` is
what the executors run, plain Python.
"""
