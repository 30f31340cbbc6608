"""naql serve: a web reader and JSON API over a corpus store."""
from .app import create_app
from .db import open_for_serving

__all__ = ["create_app", "open_for_serving"]
