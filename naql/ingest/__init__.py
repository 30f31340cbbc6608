"""Loading an archive into a store: read records, extract in workers, write in the parent."""
from .run import Summary, ingest
from .sources import Failure, Record

__all__ = ["ingest", "Summary", "Record", "Failure"]
